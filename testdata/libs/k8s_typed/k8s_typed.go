// Package k8s_typed looks up the pod a span runs in through the typed
// Kubernetes client on every span start: an API server request (HTTP) per
// span.
package k8s_typed

import (
	"context"
	"os"

	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// PodProcessor adds the pod's node to every span.
type PodProcessor struct{ cs kubernetes.Interface }

// NewPodProcessor keeps the clientset.
func NewPodProcessor(cs kubernetes.Interface) *PodProcessor { return &PodProcessor{cs: cs} }

// OnStart asks the API server for the pod.
func (p *PodProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	pod, err := p.cs.CoreV1().Pods(os.Getenv("POD_NAMESPACE")).Get(ctx, os.Getenv("POD_NAME"), metav1.GetOptions{}) // want `network: OnStart of \*PodProcessor calls \(k8s\.io/client-go/kubernetes/typed/core/v1\.PodInterface\)\.Get: a Kubernetes API server request on every span start`
	if err == nil {
		s.SetAttributes(attribute.String("k8s.node.name", pod.Spec.NodeName))
	}
}

// OnEnd does nothing.
func (p *PodProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *PodProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *PodProcessor) ForceFlush(context.Context) error { return nil }
