// Run: overflows the stack on the first record.
//
// Command log_zap emits one record through a provider whose processor logs
// through zap with the otelzap core.
package main

import (
	"context"
	"runtime/debug"

	"example.com/libs/log_zap"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

func main() {
	debug.SetMaxStack(64 << 20) // overflow in a second, not after a gigabyte
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(log_zap.NewAuditProcessor()))
	global.SetLoggerProvider(lp)
	var r otellog.Record
	lp.Logger("run").Emit(context.Background(), r)
}
