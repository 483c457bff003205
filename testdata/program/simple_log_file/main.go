// Command simple_log_file exports every log record synchronously
// through its own exporter, which appends to a file: a file write per
// record, in the simple log processor's OnEmit.
package main

import (
	"context"
	"os"

	sdklog "go.opentelemetry.io/otel/sdk/log"
)

// fileExporter appends records' bodies to a file.
type fileExporter struct{ path string }

func (e fileExporter) Export(_ context.Context, recs []sdklog.Record) error {
	f, err := os.OpenFile(e.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, r := range recs {
		if _, err := f.WriteString(r.Body().AsString() + "\n"); err != nil {
			return err
		}
	}
	return nil
}
func (fileExporter) Shutdown(context.Context) error   { return nil }
func (fileExporter) ForceFlush(context.Context) error { return nil }

func main() {
	proc := sdklog.NewSimpleProcessor(fileExporter{path: "records.log"}) // want `io: OnEmit of the simple log processor \(sdklog\.NewSimpleProcessor\) calls fileExporter\.Export, which calls .*export with a batch log processor \(sdklog\.NewBatchProcessor\)`
	lp := sdklog.NewLoggerProvider(sdklog.WithProcessor(proc))
	_ = lp
}
