// Package reach_interface_concrete calls through an interface field that the
// constructor sets to a concrete type whose method does network I/O. Another
// implementation of the interface reads a file but never flows into the
// field: without class-hierarchy analysis it is not reported.
package reach_interface_concrete

import (
	"context"
	"io"
	"os"

	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"go.opentelemetry.io/otel/attribute"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
)

type attrSource interface {
	Attr(ctx context.Context) attribute.KeyValue
}

type imdsSource struct {
	client *imds.Client
}

func (s *imdsSource) Attr(ctx context.Context) attribute.KeyValue {
	out, err := s.client.GetMetadata(ctx, &imds.GetMetadataInput{Path: "instance-id"})
	if err != nil {
		return attribute.String("host.id", "")
	}
	defer out.Content.Close()
	b, _ := io.ReadAll(out.Content)
	return attribute.String("host.id", string(b))
}

type fileSource struct {
	path string
}

func (s *fileSource) Attr(context.Context) attribute.KeyValue {
	b, _ := os.ReadFile(s.path)
	return attribute.String("host.id", string(b))
}

// FileAttr reads the file attribute once, at startup.
func FileAttr(path string) attribute.KeyValue {
	var src attrSource = &fileSource{path: path}
	return src.Attr(context.Background())
}

// AttrProcessor adds the source's attribute.
type AttrProcessor struct {
	src attrSource
}

var _ sdktrace.SpanProcessor = (*AttrProcessor)(nil)

// NewAttrProcessor reads the host ID from IMDS.
func NewAttrProcessor() *AttrProcessor {
	return &AttrProcessor{src: &imdsSource{client: imds.New(imds.Options{})}}
}

// OnStart adds the attribute.
func (p *AttrProcessor) OnStart(ctx context.Context, s sdktrace.ReadWriteSpan) {
	s.SetAttributes(p.src.Attr(ctx)) // want `network: OnStart of \*AttrProcessor calls \(\*imdsSource\)\.Attr, which calls \(\*github\.com/aws/aws-sdk-go-v2/feature/ec2/imds\.Client\)\.GetMetadata`
}

// OnEnd does nothing.
func (p *AttrProcessor) OnEnd(sdktrace.ReadOnlySpan) {}

// Shutdown does nothing.
func (p *AttrProcessor) Shutdown(context.Context) error { return nil }

// ForceFlush does nothing.
func (p *AttrProcessor) ForceFlush(context.Context) error { return nil }
