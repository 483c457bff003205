// Package clean_k8s_lister reads the pod from an informer's lister, a
// local cache the informer fills from its own goroutine, and the pod
// name from the environment: no request on the hot path.
package clean_k8s_lister

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	listersv1 "k8s.io/client-go/listers/core/v1"
)

// PodProcessor adds the pod's node to every span.
type PodProcessor struct {
	pods      listersv1.PodLister
	namespace string
	name      string
}

// NewPodProcessor keeps the lister; the caller starts the informer.
func NewPodProcessor(pods listersv1.PodLister) *PodProcessor {
	return &PodProcessor{pods: pods, namespace: os.Getenv("POD_NAMESPACE"), name: os.Getenv("POD_NAME")}
}

// OnStart reads the pod from the informer's cache.
func (p *PodProcessor) OnStart(_ context.Context, s sdktrace.ReadWriteSpan) {
	if pod, err := p.pods.Pods(p.namespace).Get(p.name); err == nil {
		s.SetAttributes(attribute.String("k8s.node.name", pod.Spec.NodeName))
	}
}

// OnEnd does nothing.
func (p *PodProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PodProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PodProcessor) ForceFlush(context.Context) error { return nil }
