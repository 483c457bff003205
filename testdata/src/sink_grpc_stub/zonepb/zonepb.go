// Package zonepb is shaped like protoc-gen-go-grpc output: a client
// interface whose methods end in ...grpc.CallOption, implemented by an
// unexported type that calls ClientConnInterface.Invoke.
package zonepb

import (
	"context"

	"google.golang.org/grpc"
)

// ZoneRequest asks for a zone.
type ZoneRequest struct{ Host string }

// ZoneReply is the zone.
type ZoneReply struct{ Zone string }

// ZoneClient is the client API for the Zone service.
type ZoneClient interface {
	GetZone(ctx context.Context, in *ZoneRequest, opts ...grpc.CallOption) (*ZoneReply, error)
}

type zoneClient struct{ cc grpc.ClientConnInterface }

// NewZoneClient wraps a connection.
func NewZoneClient(cc grpc.ClientConnInterface) ZoneClient { return &zoneClient{cc} }

func (c *zoneClient) GetZone(ctx context.Context, in *ZoneRequest, opts ...grpc.CallOption) (*ZoneReply, error) { // want GetZone:"reaches network via \\(google.golang.org/grpc.ClientConnInterface\\).Invoke"
	out := new(ZoneReply)
	if err := c.cc.Invoke(ctx, "/zone.Zone/GetZone", in, out, opts...); err != nil {
		return nil, err
	}
	return out, nil
}
