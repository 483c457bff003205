// Command worker uses the log processor; its slog default is the standard
// text logger.
package main

import (
	sdklog "go.opentelemetry.io/otel/sdk/log"

	"example.com/prog/clean_slog_bridged_other_program/telemetry"
)

func main() {
	_ = sdklog.NewLoggerProvider(sdklog.WithProcessor(telemetry.SizeGuard{}))
}
