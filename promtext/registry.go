// Package promtext keeps numbers for a /metrics page in Prometheus's text
// exposition format (version 0.0.4): counters and gauges by name and label
// set, safe for concurrent use. It is what serve shows for an organisation's
// monitoring — counts and labels only, never a name or a cell. It is small
// on purpose: katsudo needs no histograms, and no client library beside the
// ones it has.
package promtext

import (
	"fmt"
	"io"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Metric is one metric a Registry shows: its name, "counter" or "gauge",
// and the help line.
type Metric struct {
	Name, Type, Help string
}

// Registry is the metrics of one process, shown in the order they were
// given to New.
type Registry struct {
	mu       sync.Mutex
	families []*family
	byName   map[string]*family
}

// family is one metric with all its label sets.
type family struct {
	Metric
	values map[string]float64 // rendered labels → value
}

// New returns a registry of the metrics, with no values yet.
func New(metrics ...Metric) *Registry {
	r := &Registry{byName: map[string]*family{}}
	for _, m := range metrics {
		f := &family{Metric: m, values: map[string]float64{}}
		r.families = append(r.families, f)
		r.byName[m.Name] = f
	}
	return r
}

// labels renders label pairs ("job", "report") as {job="report"}.
func labels(kv ...string) string {
	if len(kv) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		v := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(kv[i+1])
		fmt.Fprintf(&b, `%s="%s"`, kv[i], v)
	}
	b.WriteByte('}')
	return b.String()
}

// Add adds v to the metric with the labels (name, value pairs).
func (r *Registry) Add(name string, v float64, kv ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byName[name].values[labels(kv...)] += v
}

// Set sets the metric with the labels to v.
func (r *Registry) Set(name string, v float64, kv ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byName[name].values[labels(kv...)] = v
}

// Get returns the metric's value with the labels.
func (r *Registry) Get(name string, kv ...string) float64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byName[name].values[labels(kv...)]
}

// WriteTo writes every metric in the Prometheus text exposition format,
// each metric's label sets sorted.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	var b strings.Builder
	for _, f := range r.families {
		fmt.Fprintf(&b, "# HELP %s %s\n# TYPE %s %s\n", f.Name, f.Help, f.Name, f.Type)
		keys := make([]string, 0, len(f.values))
		for k := range f.values {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "%s%s %s\n", f.Name, k, strconv.FormatFloat(f.values[k], 'f', -1, 64))
		}
	}
	r.mu.Unlock()
	n, err := io.WriteString(w, b.String())
	return int64(n), err
}

// ServeHTTP answers /metrics.
func (r *Registry) ServeHTTP(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	r.WriteTo(w)
}
