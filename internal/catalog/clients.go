package catalog

import (
	"go/types"
	"strings"
)

// Clients of services a hook may call: each call is network I/O, or, when
// the client was built with OpenTelemetry instrumentation, a span (or a log
// record) that runs the hook again. Whether a client is instrumented is read
// from how it was built, as for HTTP clients and otelhttp: which function
// returned it, which function instrumented it afterwards, which options
// suppress the instrumentation (a no-op provider). Each entry was checked in
// the library's source at the version of testdata/libs/go.mod; the notes
// name the file.

// Build says what a function does to the client it returns.
type Build uint8

const (
	BuildPlain        Build = iota // a client without instrumentation (it can be added later: Instrumenters)
	BuildInstrumented              // an instrumented client (unless an option gives it a no-op provider)
	BuildWrap                      // a client that is instrumented when one of its arguments is (zap.New(core), zapcore.NewTee)
	BuildDerived                   // a method returning a client derived from its receiver (Sugar, With, BeginTx)
	BuildDefault                   // the process's default client (zap.L): instrumented when Replace was given one
)

// Client describes one client library.
type Client struct {
	What    string   // a call without instrumentation: "a Redis command"
	Base    Category // its category: network, io, or "" (a logger without a bridge: nothing)
	Pipe    Pipeline // what the instrumentation starts: TracePipeline (spans), LogPipeline (records)
	Started string   // a call with instrumentation: "redisotel starts a span for the command"
	Unhook  string   // how to make the call without instrumentation, for the fix hint
	// Global clients start spans of their own through the global tracer
	// provider however they were built (no option turns them off).
	Global bool
	// ParentGated instrumentation starts a span only when the call's
	// context carries a recording span (otelpgx): a call with
	// context.Background() starts none, one with a hook's context does
	// under a sampled parent.
	ParentGated bool
	Builders    map[string]Build
	// Builder matches builders by name where a library has too many to
	// list (every generated Google Cloud client's New...Client).
	Builder func(name string) (Build, bool)
	// Disabling are options, among a builder's arguments, that turn its
	// instrumentation off (option.WithTelemetryDisabled).
	Disabling map[string]bool
	// Instrumenters instrument their first argument in place
	// (redisotel.InstrumentTracing(rdb)).
	Instrumenters map[string]bool
	// Replace sets the default client (zap.ReplaceGlobals), argument 0.
	Replace string
	// Configs are instrumentation carried by a configuration the client
	// is built from.
	Configs []ConfigRule
	// ByName finds instrumentation in the name a client is built from (a
	// database/sql driver name).
	ByName *NameRule
}

// NameRule finds instrumentation in the name a client is built from:
// Builder takes the name as its first argument (database/sql.Open); the
// name is instrumented when a Namer returned it (otelsql.Register), or
// when Register (database/sql.Register) registered it, as a constant, with
// a driver a Wrapper returned (otelsql.WrapDriver).
type NameRule struct {
	Builder  string
	Namers   map[string]bool
	Register string
	Wrappers map[string]bool
}

// ConfigRule finds instrumentation in the configuration a client is built
// from: the builder (a full name, or "*" + a suffix every service package
// shares: "*.NewFromConfig"), which argument is the configuration (or, with
// OptionFuncs, the option functions among its variadic arguments, each
// setting fields of the options: func(o *s3.Options)), the field path
// that carries the instrumentation, and either the functions whose result
// stored there instruments (otelpgx.NewTracer into ConnConfig.Tracer,
// smithyoteltracing.Adapt into Options.TracerProvider) or the functions the
// field's address is passed to (otelaws.AppendMiddlewares(&cfg.APIOptions)).
type ConfigRule struct {
	Builder     string
	Arg         int
	OptionFuncs bool
	Field       []string
	Set         map[string]bool
	Passed      map[string]bool
}

// Matches reports whether the function named name is the rule's builder.
func (r ConfigRule) Matches(name string) bool {
	if suffix, ok := strings.CutPrefix(r.Builder, "*"); ok {
		return strings.HasSuffix(name, suffix)
	}
	return name == r.Builder
}

// Options that give instrumentation a provider: a no-op provider
// suppresses it.
var providerOptions = map[string]bool{
	"github.com/XSAM/otelsql.WithTracerProvider":                                                          true,
	"github.com/exaring/otelpgx.WithTracerProvider":                                                       true,
	"github.com/redis/go-redis/extra/redisotel/v9.WithTracerProvider":                                     true,
	"go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws.WithTracerProvider": true,
	"go.opentelemetry.io/contrib/bridges/otelzap.WithLoggerProvider":                                      true,
	"go.opentelemetry.io/contrib/bridges/otelslog.WithLoggerProvider":                                     true,
}

// noopLogProviders start no record.
var noopLogProviders = map[string]bool{
	"go.opentelemetry.io/otel/log/noop.NewLoggerProvider": true,
}

// IsProviderOption reports whether the function named name is an option
// that hands instrumentation a tracer or logger provider.
func IsProviderOption(name string) bool { return providerOptions[name] || withTracerProvider[name] }

// IsNoopLoggerProvider reports whether name returns a logger provider that
// emits nothing.
func IsNoopLoggerProvider(name string) bool { return noopLogProviders[name] }

const (
	sqlPkg    = "database/sql"
	otelsql   = "github.com/XSAM/otelsql"
	pgx       = "github.com/jackc/pgx/v5"
	redis     = "github.com/redis/go-redis/v9"
	redisotel = "github.com/redis/go-redis/extra/redisotel/v9"
	zap       = "go.uber.org/zap"
	otelzap   = "go.opentelemetry.io/contrib/bridges/otelzap"
	logr      = "github.com/go-logr/logr"
	awsSvc    = "github.com/aws/aws-sdk-go-v2/service/"
	otelaws   = "go.opentelemetry.io/contrib/instrumentation/github.com/aws/aws-sdk-go-v2/otelaws"
)

var (
	// sqlClient: otelsql v0.44.0 (sql.go: Open, OpenDB return an
	// instrumented *sql.DB; Register returns the name of an instrumented
	// driver, which database/sql.Open takes). Every query, exec, begin,
	// commit and cold-pool connect starts a span (utils.go createSpan).
	sqlClient = &Client{
		What: "a database round trip", Base: Network, Pipe: TracePipeline,
		Started: "otelsql starts a span for the database call",
		Unhook:  "query through a *sql.DB opened without otelsql (or with a no-op tracer provider)",
		ByName: &NameRule{
			Builder: sqlPkg + ".Open", Namers: map[string]bool{otelsql + ".Register": true},
			Register: sqlPkg + ".Register", Wrappers: map[string]bool{otelsql + ".WrapDriver": true},
		},
		Builders: map[string]Build{
			otelsql + ".Open": BuildInstrumented, otelsql + ".OpenDB": BuildInstrumented,
			sqlPkg + ".Open": BuildPlain, sqlPkg + ".OpenDB": BuildPlain,
			"(*" + sqlPkg + ".DB).Conn": BuildDerived, "(*" + sqlPkg + ".DB).Begin": BuildDerived,
			"(*" + sqlPkg + ".DB).BeginTx": BuildDerived, "(*" + sqlPkg + ".DB).Prepare": BuildDerived,
			"(*" + sqlPkg + ".DB).PrepareContext": BuildDerived, "(*" + sqlPkg + ".Conn).BeginTx": BuildDerived,
			"(*" + sqlPkg + ".Conn).PrepareContext": BuildDerived, "(*" + sqlPkg + ".Tx).Prepare": BuildDerived,
			"(*" + sqlPkg + ".Tx).PrepareContext": BuildDerived,
		},
	}
	// pgxClient: pgx v5.13.0 with otelpgx v0.13.0: a tracer in
	// ConnConfig.Tracer (conn.go:22) starts a span per query only when
	// the context carries a recording span (otelpgx tracer.go:290, 380,
	// 434, 548: `if !trace.SpanFromContext(ctx).IsRecording() { return }`),
	// as a hook's context does under a sampled parent.
	pgxClient = &Client{
		What: "a PostgreSQL round trip", Base: Network, Pipe: TracePipeline, ParentGated: true,
		Started: "the connection's tracer (otelpgx) starts a span for the query under the recording span the call's context carries",
		Unhook:  "query through a pool whose ConnConfig.Tracer is not otelpgx",
		Configs: []ConfigRule{
			{Builder: pgx + "/pgxpool.NewWithConfig", Arg: 1, Field: []string{"ConnConfig", "Tracer"}, Set: otelpgxTracer},
			{Builder: pgx + ".ConnectConfig", Arg: 1, Field: []string{"Tracer"}, Set: otelpgxTracer},
		},
		Builders: map[string]Build{
			pgx + ".Connect": BuildPlain, pgx + ".ConnectConfig": BuildPlain,
			pgx + "/pgxpool.New": BuildPlain, pgx + "/pgxpool.NewWithConfig": BuildPlain,
			"(*" + pgx + "/pgxpool.Pool).Acquire": BuildDerived, "(*" + pgx + "/pgxpool.Pool).Begin": BuildDerived,
			"(*" + pgx + "/pgxpool.Pool).BeginTx": BuildDerived, "(*" + pgx + ".Conn).Begin": BuildDerived,
			"(*" + pgx + ".Conn).BeginTx": BuildDerived,
		},
	}
	// redisClient: go-redis v9.23.0; redisotel.InstrumentTracing adds a
	// hook to the client in place (tracing.go), which starts a span
	// before every command.
	redisClient = &Client{
		What: "a Redis command", Base: Network, Pipe: TracePipeline,
		Started: "redisotel instrumented the client, so the command starts a span",
		Unhook:  "use a client that redisotel.InstrumentTracing was not called on (or give it a no-op tracer provider)",
		Builders: map[string]Build{
			redis + ".NewClient": BuildPlain, redis + ".NewClusterClient": BuildPlain,
			redis + ".NewRing": BuildPlain, redis + ".NewUniversalClient": BuildPlain,
			redis + ".NewFailoverClient": BuildPlain,
		},
		Instrumenters: map[string]bool{redisotel + ".InstrumentTracing": true},
	}
	// awsClient: aws-sdk-go-v2 service clients; otelaws (v0.72.0)
	// appends middlewares to aws.Config.APIOptions, which NewFromConfig
	// copies (a later append does not count); they start a span per
	// operation before any I/O.
	awsClient = &Client{
		What: "an AWS API call", Base: Network, Pipe: TracePipeline,
		Started: "the client's config carries OpenTelemetry tracing (the otelaws middlewares, or a smithyoteltracing tracer provider), so the operation starts a span",
		Unhook:  "build the client without the otelaws middlewares or an adapted tracer provider",
		Configs: []ConfigRule{
			{Builder: "*.NewFromConfig", Arg: 0, Field: []string{"APIOptions"},
				Passed: map[string]bool{otelaws + ".AppendMiddlewares": true}},
			// The SDK's own spans (smithyoteltracing v1.0.0, adapt.go):
			// about ten per operation once a client's TracerProvider is
			// an adapted OpenTelemetry provider.
			{Builder: "*.NewFromConfig", OptionFuncs: true, Field: []string{"TracerProvider"},
				Set: map[string]bool{"github.com/aws/smithy-go/tracing/smithyoteltracing.Adapt": true}},
			{Builder: "*.New", OptionFuncs: true, Field: []string{"TracerProvider"},
				Set: map[string]bool{"github.com/aws/smithy-go/tracing/smithyoteltracing.Adapt": true}},
		},
	}
	// gcsClient: cloud.google.com/go/storage v1.70.0 starts spans of
	// its own through the global tracer provider (trace.go), and
	// option.WithTelemetryDisabled does not stop them.
	gcsClient = &Client{What: "a Cloud Storage request", Base: Network, Pipe: TracePipeline, Global: true,
		Started: "the Cloud Storage client starts spans through the global tracer provider (option.WithTelemetryDisabled does not stop them)",
		Unhook:  "read the object outside the hook; no client option stops these spans"}
	// gapicClient: generated Google Cloud clients (cloud.google.com/go/
	// <service>/apiv*, checked on iam/apiv1 v1.12.0 with
	// google.golang.org/api v0.307.0): New...Client dials through
	// transport/grpc.DialPool, which adds otelgrpc's client handler
	// (dial.go:383-386, the global tracer provider) unless the options
	// include option.WithTelemetryDisabled; New...RESTClient wraps its HTTP
	// transport in otelhttp under the same condition.
	gapicClient = &Client{
		What: "a Google Cloud API call", Base: Network, Pipe: TracePipeline,
		Started: "the generated Google Cloud client carries otelgrpc (otelhttp for REST) unless built with option.WithTelemetryDisabled(), so the call starts a span",
		Unhook:  "build the client with option.WithTelemetryDisabled()",
		Builder: func(name string) (Build, bool) {
			pkg, fn := splitFuncName(name)
			if isGapicPackage(pkg) && strings.HasPrefix(fn, "New") && strings.HasSuffix(fn, "Client") {
				return BuildInstrumented, true
			}
			return 0, false
		},
		Disabling: map[string]bool{"google.golang.org/api/option.WithTelemetryDisabled": true},
	}
	// zapLogger: zap v1.28.0 with the otelzap core (v0.21.0, core.go:
	// Write calls Logger.Emit; Enabled and Check call Logger.Enabled).
	zapLogger = &Client{
		Pipe: LogPipeline, Started: "the logger's core is the otelzap bridge, so the call emits a log record",
		Builders: map[string]Build{
			zap + ".New": BuildWrap, zap + "/zapcore.NewTee": BuildWrap,
			otelzap + ".NewCore":          BuildInstrumented,
			"(*" + zap + ".Logger).Sugar": BuildDerived, "(*" + zap + ".Logger).With": BuildDerived,
			"(*" + zap + ".Logger).Named": BuildDerived, "(*" + zap + ".Logger).WithOptions": BuildDerived,
			"(*" + zap + ".SugaredLogger).With": BuildDerived, "(*" + zap + ".SugaredLogger).Named": BuildDerived,
			"(*" + zap + ".SugaredLogger).Desugar": BuildDerived,
			zap + ".L":                             BuildDefault, zap + ".S": BuildDefault,
		},
		Replace: zap + ".ReplaceGlobals",
	}
	// logrLogger: logr v1.4.4 over slog (logr.FromSlogHandler); an
	// otelslog handler bridges it.
	logrLogger = &Client{
		Pipe: LogPipeline, Started: "the logger's sink is the otelslog bridge, so the call emits a log record",
		Builders: map[string]Build{
			logr + ".FromSlogHandler": BuildWrap, logr + ".New": BuildWrap,
			OtelslogNewHandler:                 BuildInstrumented,
			"(" + logr + ".Logger).WithValues": BuildDerived, "(" + logr + ".Logger).WithName": BuildDerived,
			"(" + logr + ".Logger).V": BuildDerived,
		},
	}
)

var otelpgxTracer = map[string]bool{"github.com/exaring/otelpgx.NewTracer": true}

// shapeRule makes every method of some types a client call: a library's
// generated or repetitive API (AWS operations, Redis commands, typed
// Kubernetes clients) that no list of names keeps up with.
type shapeRule struct {
	pkg      string            // the package, or a path prefix ending in "/"
	pkgMatch func(string) bool // or a test of the package path
	recv     func(string) bool // the receiver type's name
	ctxFirst bool              // the first parameter is a context.Context
	spec     Spec
}

var shapeRules = []shapeRule{
	// AWS SDK v2: every operation of a service client takes a context
	// first and ...func(*Options) last (api_op_*.go); Options() does not.
	{pkg: awsSvc, recv: is("Client"), ctxFirst: true, spec: Spec{Kind: ClientCall, Client: awsClient}},
	// go-redis: commands are methods of cmdable (a func type every
	// client embeds) or of the *Cmdable interfaces.
	{pkg: redis, recv: func(n string) bool {
		return n == "cmdable" || n == "statefulCmdable" || strings.HasSuffix(n, "Cmdable") || n == "UniversalClient"
	}, ctxFirst: true, spec: Spec{Kind: ClientCall, Client: redisClient}},
	// pgx: a pool's or connection's context-taking methods.
	{pkg: pgx + "/pgxpool", recv: is("Pool", "Conn", "Tx"), ctxFirst: true, spec: Spec{Kind: ClientCall, Client: pgxClient}},
	{pkg: pgx, recv: is("Conn", "Tx"), ctxFirst: true, spec: Spec{Kind: ClientCall, Client: pgxClient}},
	// Typed Kubernetes clients (client-go v0.37.2): every method of an
	// interface in kubernetes/typed/... that takes a context is an
	// API server request over HTTP.
	{pkg: "k8s.io/client-go/kubernetes/typed/", recv: func(string) bool { return true }, ctxFirst: true,
		spec: network("a Kubernetes API server request")},
	{pkg: "k8s.io/client-go/gentype", recv: func(string) bool { return true }, ctxFirst: true,
		spec: network("a Kubernetes API server request")},
	// Generated Google Cloud clients: every method of a *...Client type
	// in cloud.google.com/go/<service>/apiv*.
	{pkgMatch: isGapicPackage, recv: func(n string) bool { return strings.HasSuffix(n, "Client") }, ctxFirst: true,
		spec: Spec{Kind: ClientCall, Client: gapicClient}},
	// Cloud Storage handles (storage v1.70.0).
	{pkg: "cloud.google.com/go/storage", recv: is("ObjectHandle", "BucketHandle", "Client", "Reader"), ctxFirst: true,
		spec: Spec{Kind: ClientCall, Client: gcsClient}},
}

func is(names ...string) func(string) bool {
	return func(n string) bool {
		for _, x := range names {
			if n == x {
				return true
			}
		}
		return false
	}
}

// shapeLookup returns the entry of a method that a shape rule covers.
func shapeLookup(fn *types.Func) (Spec, bool) {
	sig := fn.Signature()
	recv := sig.Recv()
	if recv == nil || fn.Pkg() == nil || !fn.Exported() {
		return Spec{}, false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return Spec{}, false
	}
	path := fn.Pkg().Path()
	for _, r := range shapeRules {
		switch {
		case r.pkgMatch != nil:
			if !r.pkgMatch(path) {
				continue
			}
		case path != r.pkg && !(strings.HasSuffix(r.pkg, "/") && strings.HasPrefix(path, r.pkg)):
			continue
		}
		if !r.recv(named.Obj().Name()) {
			continue
		}
		if r.ctxFirst && !firstIsContext(sig) {
			continue
		}
		return r.spec, true
	}
	return Spec{}, false
}

func firstIsContext(sig *types.Signature) bool {
	return sig.Params().Len() > 0 && IsContext(sig.Params().At(0).Type())
}

// IsContext reports whether t is context.Context.
func IsContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

// EmptyContexts return a context that carries no span; DerivedContexts
// return one that carries what their first argument carries.
var (
	EmptyContexts   = map[string]bool{"context.Background": true, "context.TODO": true}
	DerivedContexts = map[string]bool{
		"context.WithCancel": true, "context.WithCancelCause": true, "context.WithDeadline": true,
		"context.WithDeadlineCause": true, "context.WithTimeout": true, "context.WithTimeoutCause": true,
		"context.WithValue": true, "context.WithoutCancel": true,
	}
)

// isGapicPackage reports whether path is a generated Google Cloud client
// package: cloud.google.com/go/<service>/apiv1, .../apiv2beta, ...
func isGapicPackage(path string) bool {
	rest, ok := strings.CutPrefix(path, "cloud.google.com/go/")
	if !ok {
		return false
	}
	i := strings.LastIndex(rest, "/")
	return i > 0 && strings.HasPrefix(rest[i+1:], "apiv")
}

// splitFuncName splits the full name of a package-level function into its
// package path and name ("" and name for a method).
func splitFuncName(name string) (pkg, fn string) {
	if strings.HasPrefix(name, "(") {
		return "", name
	}
	i := strings.LastIndex(name, ".")
	if i < 0 || strings.Contains(name[i:], "/") {
		return "", name
	}
	return name[:i], name[i+1:]
}
