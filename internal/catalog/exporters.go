package catalog

// Exporters as callees: an exporter's export is network or file I/O, or a
// span, decided by how the exporter was built (its constructor's options).
// It runs on the hot path when a hook calls it, or when a simple processor
// (sdktrace.WithSyncer, NewSimpleSpanProcessor, sdklog.NewSimpleProcessor)
// does, on every span end or record. Checked against the v1.47.0 (trace) and
// v0.23.0 (log) sources: the OTLP HTTP exporters use a transport of their
// own (client.go: ourTransport), never http.DefaultTransport; the OTLP gRPC
// exporters dial without otelgrpc; the stdout exporters write to os.Stdout
// unless given a writer (config.go); zipkin posts with http.DefaultClient
// unless given a client (zipkin.go:85).

// ExportDefault is what an export does with the default options.
type ExportDefault uint8

const (
	ExportOwnHTTP       ExportDefault = iota // HTTP on the exporter's own transport: network, no span
	ExportGRPC                               // gRPC on the exporter's own connection: network, no span
	ExportStdout                             // a write to os.Stdout: io
	ExportDefaultClient                      // HTTP on http.DefaultClient: a span when http.DefaultTransport is instrumented
	ExportOTLP                               // OTLP on the exporter's own HTTP transport or gRPC connection (which one is not visible)
)

// ExportOption is what an exporter option's argument is.
type ExportOption uint8

const (
	OptHTTPClient ExportOption = iota // an *http.Client the export uses
	OptWriter                         // an io.Writer the export writes to
	OptDialOption                     // a grpc.DialOption of the exporter's connection
	OptGRPCConn                       // the *grpc.ClientConn the export uses
)

// Exporter describes one exporter type.
type Exporter struct {
	What         string                  // the export, for messages
	Default      ExportDefault           // without options, built by a constructor not in ByConstructor
	Constructors []string                // functions that build it
	Options      map[string]ExportOption // option functions, by full name
	// ByConstructor is the default of the exporters a constructor builds
	// (one exporter type, two transports: otlptracehttp.New and
	// otlptracegrpc.New both return *otlptrace.Exporter); Clients that of
	// a client given to a constructor (otlptrace.New(ctx, client)), whose
	// options count as the exporter's.
	ByConstructor, Clients map[string]ExportDefault
}

const (
	otlptrace = "go.opentelemetry.io/otel/exporters/otlp/otlptrace"
	otlplog   = "go.opentelemetry.io/otel/exporters/otlp/otlplog"
	stdout    = "go.opentelemetry.io/otel/exporters/stdout"
)

var (
	otlpTraceExporter = &Exporter{
		What:         "an OTLP export",
		Default:      ExportOTLP,
		Constructors: []string{otlptrace + "/otlptracehttp.New", otlptrace + "/otlptracegrpc.New", otlptrace + ".New"},
		ByConstructor: map[string]ExportDefault{
			otlptrace + "/otlptracehttp.New": ExportOwnHTTP, otlptrace + "/otlptracegrpc.New": ExportGRPC,
		},
		Clients: map[string]ExportDefault{
			otlptrace + "/otlptracehttp.NewClient": ExportOwnHTTP, otlptrace + "/otlptracegrpc.NewClient": ExportGRPC,
		},
		Options: map[string]ExportOption{
			otlptrace + "/otlptracehttp.WithHTTPClient": OptHTTPClient,
			otlptrace + "/otlptracegrpc.WithDialOption": OptDialOption,
			otlptrace + "/otlptracegrpc.WithGRPCConn":   OptGRPCConn,
		},
	}
	otlpLogHTTPExporter = &Exporter{
		What: "an OTLP export", Default: ExportOwnHTTP,
		Constructors: []string{otlplog + "/otlploghttp.New"},
		Options:      map[string]ExportOption{otlplog + "/otlploghttp.WithHTTPClient": OptHTTPClient},
	}
	otlpLogGRPCExporter = &Exporter{
		What: "an OTLP export", Default: ExportGRPC,
		Constructors: []string{otlplog + "/otlploggrpc.New"},
		Options: map[string]ExportOption{
			otlplog + "/otlploggrpc.WithDialOption": OptDialOption,
			otlplog + "/otlploggrpc.WithGRPCConn":   OptGRPCConn,
		},
	}
	stdoutTraceExporter = &Exporter{
		What: "a JSON write of the spans", Default: ExportStdout,
		Constructors: []string{stdout + "/stdouttrace.New"},
		Options:      map[string]ExportOption{stdout + "/stdouttrace.WithWriter": OptWriter},
	}
	stdoutLogExporter = &Exporter{
		What: "a JSON write of the records", Default: ExportStdout,
		Constructors: []string{stdout + "/stdoutlog.New"},
		Options:      map[string]ExportOption{stdout + "/stdoutlog.WithWriter": OptWriter},
	}
	zipkinExporter = &Exporter{
		What: "a zipkin export", Default: ExportDefaultClient,
		Constructors: []string{"go.opentelemetry.io/otel/exporters/zipkin.New"},
		Options:      map[string]ExportOption{"go.opentelemetry.io/otel/exporters/zipkin.WithClient": OptHTTPClient},
	}
)
