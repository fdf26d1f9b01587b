package slacktest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// Ack is an acknowledgement the app sent back over Socket Mode: the
// envelope it answers, its payload (a modal's response_action, for
// instance), and when it came.
type Ack struct {
	EnvelopeID string
	Payload    json.RawMessage
	At         time.Time
}

// Envelope is one Socket Mode request the server delivered.
type Envelope struct {
	ID      string
	Type    string // slash_commands, interactive, events_api
	Payload json.RawMessage
	Sent    time.Time
}

// socketHub is the Socket Mode side: the app's live connection, the
// envelopes delivered and the acknowledgements received.
type socketHub struct {
	mu        sync.Mutex
	conn      *websocket.Conn
	connected chan struct{} // closed when a connection is up
	envs      map[string]Envelope
	acks      []Ack
	seq       int
	changed   chan struct{} // closed and replaced on every ack or connection
}

func (h *socketHub) init() {
	if h.envs == nil {
		h.envs, h.changed = map[string]Envelope{}, make(chan struct{})
	}
}

func (h *socketHub) notify() {
	close(h.changed)
	h.changed = make(chan struct{})
}

var upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}

// socket is the WebSocket endpoint apps.connections.open hands out. It
// says hello, then reads acknowledgements until the app goes away.
func (s *Server) socket(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	h := &s.sock
	h.mu.Lock()
	h.init()
	err = conn.WriteJSON(obj{"type": "hello", "num_connections": 1, "connection_info": obj{"app_id": "AKATSUDO"}})
	h.conn = conn
	h.notify()
	h.mu.Unlock()
	if err != nil {
		return
	}
	for {
		var a struct {
			EnvelopeID string          `json:"envelope_id"`
			Payload    json.RawMessage `json:"payload"`
		}
		if err := conn.ReadJSON(&a); err != nil {
			h.mu.Lock()
			if h.conn == conn {
				h.conn = nil
			}
			h.mu.Unlock()
			return
		}
		h.mu.Lock()
		h.acks = append(h.acks, Ack{EnvelopeID: a.EnvelopeID, Payload: a.Payload, At: time.Now()})
		h.notify()
		h.mu.Unlock()
	}
}

// WaitConnected waits until the app holds a Socket Mode connection.
func (s *Server) WaitConnected(ctx context.Context) error {
	h := &s.sock
	for {
		h.mu.Lock()
		h.init()
		up, ch := h.conn != nil, h.changed
		h.mu.Unlock()
		if up {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-ch:
		}
	}
}

// Deliver sends a request to the connected app as Slack does (typ is
// slash_commands, interactive or events_api; payload is marshalled as
// JSON) and returns its envelope ID.
func (s *Server) Deliver(typ string, payload any) (string, error) {
	raw, err := json.Marshal(payload)
	if err != nil {
		return "", err
	}
	h := &s.sock
	h.mu.Lock()
	h.init()
	h.seq++
	id := "env-" + itoa(h.seq)
	h.envs[id] = Envelope{ID: id, Type: typ, Payload: raw}
	h.mu.Unlock()
	return id, s.send(id, 0)
}

// Redeliver sends an envelope again with its retry count, as Slack does
// when an acknowledgement did not reach it in time.
func (s *Server) Redeliver(id string) error { return s.send(id, 1) }

func (s *Server) send(id string, attempt int) error {
	h := &s.sock
	h.mu.Lock()
	defer h.mu.Unlock()
	e, ok := h.envs[id]
	if !ok {
		return errors.New("slacktest: no envelope " + id)
	}
	if h.conn == nil {
		return errors.New("slacktest: no Socket Mode connection")
	}
	e.Sent = time.Now()
	h.envs[id] = e
	msg := obj{"envelope_id": id, "type": e.Type, "payload": e.Payload, "accepts_response_payload": e.Type != "events_api", "retry_attempt": attempt}
	if attempt > 0 {
		msg["retry_reason"] = "timeout"
	}
	return h.conn.WriteJSON(msg)
}

// WaitAck waits for the first acknowledgement of an envelope.
func (s *Server) WaitAck(ctx context.Context, id string) (Ack, error) { return s.WaitAckN(ctx, id, 1) }

// WaitAckN waits for the n-th acknowledgement of an envelope (the
// answer to its n-1-th redelivery).
func (s *Server) WaitAckN(ctx context.Context, id string, n int) (Ack, error) {
	h := &s.sock
	for {
		h.mu.Lock()
		h.init()
		ch := h.changed
		seen := 0
		for _, a := range h.acks {
			if a.EnvelopeID == id {
				if seen++; seen == n {
					h.mu.Unlock()
					return a, nil
				}
			}
		}
		h.mu.Unlock()
		select {
		case <-ctx.Done():
			return Ack{}, ctx.Err()
		case <-ch:
		}
	}
}

// Acks are the acknowledgements received, in order.
func (s *Server) Acks() []Ack {
	h := &s.sock
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]Ack(nil), h.acks...)
}

// Envelope is a delivered envelope, with when it was last sent.
func (s *Server) Envelope(id string) Envelope {
	h := &s.sock
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.envs[id]
}

// wsURL is the WebSocket address of the server's socket endpoint.
func wsURL(httpURL string) string { return "ws" + strings.TrimPrefix(httpURL, "http") + "/socket" }
