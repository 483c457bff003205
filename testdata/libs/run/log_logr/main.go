// Run: overflows the stack on the first record.
//
// Command log_logr emits one record through a provider whose processor
// logs through logr over the otelslog handler.
package main

import (
	"context"
	"runtime/debug"

	"example.com/libs/log_logr"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

func main() {
	debug.SetMaxStack(64 << 20)
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(log_logr.NewAuditProcessor()))
	global.SetLoggerProvider(lp)
	var r otellog.Record
	lp.Logger("run").Emit(context.Background(), r)
}
