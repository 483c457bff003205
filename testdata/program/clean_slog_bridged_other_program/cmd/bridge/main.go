// Command bridge bridges slog's default logger to OpenTelemetry; it does
// not use the log processor.
package main

import (
	"log/slog"

	"go.opentelemetry.io/contrib/bridges/otelslog"
)

func main() {
	slog.SetDefault(otelslog.NewLogger("bridge"))
	slog.Info("started")
}
