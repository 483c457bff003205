// Run: overflows the stack on the first record.
//
// Command log_logrus emits one record through a provider whose processor
// logs through logrus, whose standard logger has an OpenTelemetry hook.
package main

import (
	"context"
	"runtime/debug"

	"example.com/libs/log_logrus"
	otellog "go.opentelemetry.io/otel/log"
	"go.opentelemetry.io/otel/log/global"
	sdklog "go.opentelemetry.io/otel/sdk/log"
)

func main() {
	debug.SetMaxStack(64 << 20)
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(log_logrus.AuditProcessor{}))
	global.SetLoggerProvider(lp)
	log_logrus.Setup()
	var r otellog.Record
	lp.Logger("run").Emit(context.Background(), r)
}
