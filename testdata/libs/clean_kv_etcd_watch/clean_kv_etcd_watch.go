// Package clean_kv_etcd_watch reads the sampling rate from etcd once in
// its constructor and keeps it current from a watch in a goroutine of its
// own: the decision only loads an atomic.
package clean_kv_etcd_watch

import (
	"context"
	"math"
	"strconv"
	"sync/atomic"

	clientv3 "go.etcd.io/etcd/client/v3"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RateSampler samples at the rate stored in etcd.
type RateSampler struct{ rate atomic.Uint64 }

// NewRateSampler reads the rate and watches it.
func NewRateSampler(ctx context.Context, cli *clientv3.Client) (*RateSampler, error) {
	s := &RateSampler{}
	resp, err := cli.Get(ctx, "sampling/rate")
	if err != nil {
		return nil, err
	}
	for _, kv := range resp.Kvs {
		s.set(kv.Value)
	}
	go func() {
		for w := range cli.Watch(ctx, "sampling/rate") {
			for _, ev := range w.Events {
				s.set(ev.Kv.Value)
			}
		}
	}()
	return s, nil
}

func (s *RateSampler) set(v []byte) {
	if r, err := strconv.ParseFloat(string(v), 64); err == nil {
		s.rate.Store(math.Float64bits(r))
	}
}

// ShouldSample samples at the last rate read.
func (s *RateSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	return sdktrace.TraceIDRatioBased(math.Float64frombits(s.rate.Load())).ShouldSample(p)
}

// Description names the sampler.
func (s *RateSampler) Description() string { return "RateSampler" }
