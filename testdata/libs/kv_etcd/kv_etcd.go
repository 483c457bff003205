// Package kv_etcd reads its sampling rate from etcd on every decision: a
// gRPC round trip to the cluster per span.
package kv_etcd

import (
	"context"
	"strconv"

	clientv3 "go.etcd.io/etcd/client/v3"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

// RateSampler samples at the rate stored in etcd.
type RateSampler struct{ cli *clientv3.Client }

// NewRateSampler connects to etcd.
func NewRateSampler(endpoints []string) (*RateSampler, error) {
	cli, err := clientv3.New(clientv3.Config{Endpoints: endpoints})
	if err != nil {
		return nil, err
	}
	return &RateSampler{cli: cli}, nil
}

// ShouldSample asks etcd for the rate.
func (s *RateSampler) ShouldSample(p sdktrace.SamplingParameters) sdktrace.SamplingResult {
	resp, err := s.cli.Get(context.Background(), "sampling/rate") // want `network: ShouldSample of \*RateSampler calls \(go\.etcd\.io/etcd/client/v3\.KV\)\.Get: an etcd request \(gRPC\) on every sampling decision`
	if err != nil || len(resp.Kvs) == 0 {
		return sdktrace.AlwaysSample().ShouldSample(p)
	}
	rate, _ := strconv.ParseFloat(string(resp.Kvs[0].Value), 64)
	return sdktrace.TraceIDRatioBased(rate).ShouldSample(p)
}

// Description names the sampler.
func (s *RateSampler) Description() string { return "RateSampler" }
