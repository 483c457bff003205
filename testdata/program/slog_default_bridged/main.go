// Command slog_default_bridged makes slog's default logger an otelslog one;
// its log processor, in another package, logs through it.
//
// Run: overflows the stack on the first log record.
package main

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"

	"go.opentelemetry.io/contrib/bridges/otelslog"
	sdklog "go.opentelemetry.io/otel/sdk/log"

	"example.com/prog/slog_default_bridged/telemetry"
)

func main() {
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(telemetry.SizeGuard{}))
	slog.SetDefault(otelslog.NewLogger("app", otelslog.WithLoggerProvider(lp)))
	debug.SetMaxStack(64 << 20)
	slog.InfoContext(context.Background(), "hello", "user", "u1")
	fmt.Println("ok")
}
