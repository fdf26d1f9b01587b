package bot

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// RunSocket answers members over Socket Mode, with the app-level token
// (SLACK_APP_TOKEN, xapp-…), until ctx ends: no public URL is needed, so
// katsudo can run on a small machine behind a home router. slack-go's
// client reconnects by itself; RunSocket returns when ctx ends or Slack
// refuses the token.
func (in *Intake) RunSocket(ctx context.Context, appToken string) error {
	opts := []slack.Option{slack.OptionHTTPClient(in.o.HTTPClient), slack.OptionAppLevelToken(appToken)}
	if in.o.APIURL != "" {
		opts = append(opts, slack.OptionAPIURL(strings.TrimSuffix(in.o.APIURL, "/")+"/"))
	}
	client := socketmode.New(slack.New(in.o.Token, opts...), socketmode.OptionLog(log.New(discard{}, "", 0)))
	parent := ctx
	ctx, cancel := context.WithCancel(parent)
	defer cancel()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case evt := <-client.Events:
				in.socketEvent(ctx, client, evt)
			}
		}
	}()
	err := client.RunContext(ctx)
	cancel()
	<-done
	if parent.Err() != nil {
		return nil // serve is stopping
	}
	if err != nil {
		return fmt.Errorf("Socket Mode with SLACK_APP_TOKEN: %w (katsudo doctor checks the token)", err)
	}
	return nil
}

// socketEvent acknowledges one Socket Mode request, with the payload the
// request's handler gives (a modal's errors), before any I/O.
func (in *Intake) socketEvent(ctx context.Context, c *socketmode.Client, evt socketmode.Event) {
	var ack any
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		if cmd, ok := evt.Data.(slack.SlashCommand); ok {
			ack = in.Command(cmd)
		}
	case socketmode.EventTypeInteractive:
		if cb, ok := evt.Data.(slack.InteractionCallback); ok {
			ack = in.Interaction(cb)
		}
	case socketmode.EventTypeEventsAPI:
		if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
			if e, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok {
				in.Event(e.Type, e.User, e.Tab)
			}
		}
	case socketmode.EventTypeInvalidAuth:
		in.log.Error("slack intake: Slack refused SLACK_APP_TOKEN; make an app-level token with connections:write (see katsudo doctor)")
		return
	default:
		return
	}
	if evt.Request == nil {
		return
	}
	var err error
	if ack != nil {
		err = c.AckCtx(ctx, evt.Request.EnvelopeID, ack)
	} else {
		err = c.AckCtx(ctx, evt.Request.EnvelopeID, nil)
	}
	if err != nil {
		in.log.Warn("slack intake: acknowledgement not sent", "err", err)
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
