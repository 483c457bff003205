package catalog

import "strings"

// The catalog: what spanhotpath knows about code it does not read.
// Everything here is data, apart from the walk; a new sink is one entry
// (and one fixture). Facts behind each entry: ../shared/reference/hot-path-facts.md.

// HookSpec describes one hot-path interface: every named type whose value
// or pointer method set implements it has its hook methods as roots.
type HookSpec struct {
	Pkg, Iface string
	Methods    []HookMethod
	Pipeline   Pipeline // the pipeline whose re-entry reaches this hook

	// Shape, if set, recognises implementations in packages that do not
	// import Pkg: the interface's methods, with their parameter and
	// result types by full name (an ID generator needs only the trace
	// API's types, and is often written without the SDK).
	Shape []MethodShape
}

// HookPackages returns the packages outside the standard library that a
// hook's method signature needs: the hook interfaces' packages and the
// packages of the shapes' types. A program whose dependency graph holds
// none of them has no hook.
func HookPackages() map[string]bool {
	out := make(map[string]bool)
	for _, h := range Hooks {
		out[h.Pkg] = true
		for _, m := range h.Shape {
			for _, t := range append(append([]string(nil), m.Params...), m.Results...) {
				path := strings.TrimPrefix(t, "*")
				if i := strings.LastIndex(path, "."); i > 0 {
					path = path[:i]
				}
				if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
					out[path] = true
				}
			}
		}
	}
	return out
}

// MethodShape is a method by the full names of its parameter and result
// types ("context.Context", "go.opentelemetry.io/otel/trace.TraceID").
type MethodShape struct {
	Name            string
	Params, Results []string
}

type HookMethod struct {
	Name  string
	Event string // "on every <Event>"
}

var Hooks = []HookSpec{
	{
		Pkg: "go.opentelemetry.io/otel/sdk/trace", Iface: "SpanProcessor", Pipeline: TracePipeline,
		Methods: []HookMethod{{"OnStart", "span start"}, {"OnEnd", "span end"}},
	},
	{
		Pkg: "go.opentelemetry.io/otel/sdk/trace", Iface: "Sampler", Pipeline: TracePipeline,
		Methods: []HookMethod{{"ShouldSample", "sampling decision"}},
	},
	{
		Pkg: "go.opentelemetry.io/otel/sdk/trace", Iface: "IDGenerator", Pipeline: TracePipeline,
		Methods: []HookMethod{{"NewIDs", "span start"}, {"NewSpanID", "span start"}},
		Shape: []MethodShape{
			{Name: "NewIDs", Params: []string{"context.Context"}, Results: []string{traceAPI + ".TraceID", traceAPI + ".SpanID"}},
			{Name: "NewSpanID", Params: []string{"context.Context", traceAPI + ".TraceID"}, Results: []string{traceAPI + ".SpanID"}},
		},
	},
	{
		Pkg: "go.opentelemetry.io/otel/sdk/log", Iface: "Processor", Pipeline: LogPipeline,
		Methods: []HookMethod{{"OnEmit", "log record"}, {"Enabled", "log record"}},
	},
	{
		// sdk/log v0.11–v0.14 had Enabled on a separate interface.
		Pkg: "go.opentelemetry.io/otel/sdk/log", Iface: "FilterProcessor", Pipeline: LogPipeline,
		Methods: []HookMethod{{"Enabled", "log record"}},
	},
	{
		// Propagators run inside every instrumented request: an
		// instrumented call made from Inject runs Inject again.
		Pkg: "go.opentelemetry.io/otel/propagation", Iface: "TextMapPropagator", Pipeline: PropagatePipeline,
		Methods: []HookMethod{{"Inject", "instrumented request"}, {"Extract", "instrumented request"}},
	},
}

// Kind says how a catalog entry behaves at a call.
type Kind uint8

const (
	PlainSink         Kind = iota // the call itself is the finding
	DefaultHTTP                   // net/http helper using http.DefaultTransport
	HTTPClientCall                // (*http.Client) method: category from the client's transport
	GRPCConnCall                  // (*grpc.ClientConn) method: category from the dial options
	RoundTripper                  // (*otelhttp.Transport).RoundTrip
	CallsArgs                     // calls its function arguments synchronously (sort.Slice)
	CallsArgsAsync                // calls its function arguments in a new goroutine (errgroup.Go)
	OnceDo                        // (*sync.Once).Do: calls its argument once, lazily
	OnceWrap                      // sync.OnceFunc/OnceValue(s): the result calls the argument once
	SlogLoggerCall                // (*slog.Logger) method: emits a record if the logger is bridged
	SlogDefaultCall               // slog package function: emits a record if the default logger is bridged
	BridgeConstructor             // builds instrumentation: not a sink, but its package needs analysis
	SafeCall                      // not a sink and not followed (the library caches it)
	ExportCall                    // an exporter's export: category from how the exporter was built (Spec.Exporter)
	ClientCall                    // a client's call: category from how the client was built (Spec.Client)
	LogrusCall                    // a logrus call: runs the Fire of every hook added to the logger
	TransportCall                 // (http.RoundTripper).RoundTrip: category from the transport that flows to the receiver
)

// Spec is one catalog entry.
type Spec struct {
	Kind     Kind
	Category Category
	Pipeline Pipeline  // for Reentrancy: the pipeline the call starts work in
	What     string    // what the call does, e.g. "network I/O"
	Args     []int     // CallsArgs*, OnceDo, OnceWrap: parameter indexes of the functions called
	Fix      string    // user sinks: the fix hint the user configured
	Exporter *Exporter // ExportCall: how the exporter's export is classified
	Client   *Client   // ClientCall: how the client is classified
}

func network(what string) Spec { return Spec{Category: Network, What: what} }

// sqlCall is a database/sql call: network, or a span when the *sql.DB
// came from otelsql (clients.go).
func sqlCall(what string) Spec { return Spec{Kind: ClientCall, Client: sqlClient, What: what} }
func fileIO(what string) Spec  { return Spec{Category: IO, What: what} }

// FixExport is the fix hint of an export on the hot path.
const FixExport = "export with a batch processor (sdktrace.WithBatcher, sdklog.NewBatchProcessor), which exports in its own goroutine"

// FixEagerOr starts a fix hint that offers computing the value eagerly
// or another way, which follows.
const FixEagerOr = "compute the value once at startup (constructor or package initializer), or "

// FixGRPCReentry is the fix hint of a gRPC call on a connection with the
// otelgrpc stats handler.
const FixGRPCReentry = FixEagerOr + "make the call on a connection dialled without otelgrpc.NewClientHandler (or give the handler a no-op tracer provider)"

// FixExportSpans and FixExportLogs are the fix hints of a simple processor
// of each pipeline.
const (
	FixExportSpans = "export with a batch span processor (sdktrace.WithBatcher), which exports in its own goroutine"
	FixExportLogs  = "export with a batch log processor (sdklog.NewBatchProcessor), which exports in its own goroutine"
)

// FixBlocking is the fix hint of a wait on the hot path.
const FixBlocking = "do not wait in a hook: retry or back off in a goroutine of your own (or let a batch processor export), and return"

func blocking(what string) Spec { return Spec{Category: Blocking, What: what, Fix: FixBlocking} }

// sinks is keyed by full name as go/types prints it (types.Func.FullName).
// A key "pkg/path.*" or "(*pkg/path.T).*" covers every function of the
// package or every method of the type.
var sinks = withLogrus(map[string]Spec{
	// Span creation.
	"(go.opentelemetry.io/otel/trace.Tracer).Start": {Category: Reentrancy, Pipeline: TracePipeline, What: "starts a span",
		Fix: "start no span in a hot-path hook: record what the hook learns as attributes of the span it is given, or start the span where the work is triggered, outside the hook"},
	"(*go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp.Transport).RoundTrip": {Kind: RoundTripper},
	"(go.opentelemetry.io/otel/log.Logger).Emit":                                           {Category: Reentrancy, Pipeline: LogPipeline, What: "emits a log record"},

	// HTTP.
	"net/http.Get":                    {Kind: DefaultHTTP},
	"net/http.Head":                   {Kind: DefaultHTTP},
	"net/http.Post":                   {Kind: DefaultHTTP},
	"net/http.PostForm":               {Kind: DefaultHTTP},
	"(*net/http.Client).Do":           {Kind: HTTPClientCall},
	"(*net/http.Client).Get":          {Kind: HTTPClientCall},
	"(*net/http.Client).Head":         {Kind: HTTPClientCall},
	"(*net/http.Client).Post":         {Kind: HTTPClientCall},
	"(*net/http.Client).PostForm":     {Kind: HTTPClientCall},
	"(*net/http.Transport).RoundTrip": network("an HTTP round trip"),

	// Sockets, DNS, TLS.
	"net.Dial":                            network("a network dial"),
	"net.DialTimeout":                     network("a network dial"),
	"net.DialTCP":                         network("a network dial"),
	"net.DialUDP":                         network("a network dial"),
	"net.DialIP":                          network("a network dial"),
	"net.DialUnix":                        network("a network dial"),
	"(*net.Dialer).Dial":                  network("a network dial"),
	"(*net.Dialer).DialContext":           network("a network dial"),
	"crypto/tls.Dial":                     network("a TLS dial"),
	"crypto/tls.DialWithDialer":           network("a TLS dial"),
	"(*crypto/tls.Dialer).Dial":           network("a TLS dial"),
	"(*crypto/tls.Dialer).DialContext":    network("a TLS dial"),
	"net.LookupHost":                      network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupIP":                        network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupAddr":                      network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupCNAME":                     network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupMX":                        network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupNS":                        network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupPort":                      network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupSRV":                       network("a DNS lookup (Go does not cache DNS)"),
	"net.LookupTXT":                       network("a DNS lookup (Go does not cache DNS)"),
	"(*net.Resolver).*":                   network("a DNS lookup (Go does not cache DNS)"),
	"net.ResolveTCPAddr":                  network("a DNS lookup (Go does not cache DNS)"),
	"net.ResolveUDPAddr":                  network("a DNS lookup (Go does not cache DNS)"),
	"net.ResolveIPAddr":                   network("a DNS lookup (Go does not cache DNS)"),
	"(net.Conn).Read":                     network("a read from a network connection"),
	"(net.Conn).Write":                    network("a write to a network connection"),
	"(*net.conn).Read":                    network("a read from a network connection"),
	"(*net.conn).Write":                   network("a write to a network connection"),
	"(*crypto/tls.Conn).Read":             network("a read from a network connection"),
	"(*crypto/tls.Conn).Write":            network("a write to a network connection"),
	"(*crypto/tls.Conn).Handshake":        network("a TLS handshake"),
	"(*crypto/tls.Conn).HandshakeContext": network("a TLS handshake"),

	// Databases.
	"(*database/sql.DB).Query":           sqlCall("a database query"),
	"(*database/sql.DB).QueryContext":    sqlCall("a database query"),
	"(*database/sql.DB).QueryRow":        sqlCall("a database query"),
	"(*database/sql.DB).QueryRowContext": sqlCall("a database query"),
	"(*database/sql.DB).Exec":            sqlCall("a database statement"),
	"(*database/sql.DB).ExecContext":     sqlCall("a database statement"),
	"(*database/sql.DB).Ping":            sqlCall("a database round trip"),
	"(*database/sql.DB).PingContext":     sqlCall("a database round trip"),
	"(*database/sql.DB).Begin":           sqlCall("a database transaction"),
	"(*database/sql.DB).BeginTx":         sqlCall("a database transaction"),
	"(*database/sql.DB).Prepare":         sqlCall("a database round trip"),
	"(*database/sql.DB).PrepareContext":  sqlCall("a database round trip"),
	"(*database/sql.DB).Conn":            sqlCall("a database connection"),
	"(*database/sql.Conn).*":             sqlCall("a database round trip"),
	"(*database/sql.Tx).*":               sqlCall("a database round trip"),
	"(*database/sql.Stmt).*":             sqlCall("a database round trip"),

	// gRPC.
	"(*google.golang.org/grpc.ClientConn).Invoke":            {Kind: GRPCConnCall},
	"(*google.golang.org/grpc.ClientConn).NewStream":         {Kind: GRPCConnCall},
	"(google.golang.org/grpc.ClientConnInterface).Invoke":    {Kind: GRPCConnCall},
	"(google.golang.org/grpc.ClientConnInterface).NewStream": {Kind: GRPCConnCall},

	// Cloud metadata services. AWS IMDS values are not cached by the SDK.
	"(*github.com/aws/aws-sdk-go-v2/feature/ec2/imds.Client).*":  network("a cloud metadata request (IMDS)"),
	"(*github.com/aws/aws-sdk-go/aws/ec2metadata.EC2Metadata).*": network("a cloud metadata request (IMDS, default client on http.DefaultTransport)"),
	// GCP (v0.9.0, metadata.go): ProjectID, NumericProjectID and InstanceID
	// are cached by the library (after the first success), and so is the
	// package-level OnGCE (a sync.Once); a Client's OnGCE probes over HTTP
	// and DNS on every call.
	"cloud.google.com/go/compute/metadata.*":                                     network("a cloud metadata request (up to 15 s with retries)"),
	"(*cloud.google.com/go/compute/metadata.Client).*":                           network("a cloud metadata request (up to 15 s with retries)"),
	"cloud.google.com/go/compute/metadata.ProjectID":                             {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.ProjectIDWithContext":                  {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.InstanceID":                            {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.InstanceIDWithContext":                 {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.OnGCE":                                 {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.OnGCEWithContext":                      {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.NewClient":                             {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.NewWithOptions":                        {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).ProjectID":                   {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).ProjectIDWithContext":        {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).InstanceID":                  {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).InstanceIDWithContext":       {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).NumericProjectID":            {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).NumericProjectIDWithContext": {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.NumericProjectID":                      {Kind: SafeCall},
	"cloud.google.com/go/compute/metadata.NumericProjectIDWithContext":           {Kind: SafeCall},
	"(*cloud.google.com/go/compute/metadata.Client).OnGCE":                       network("a metadata server probe over HTTP and DNS (a Client does not cache it)"),
	"(*cloud.google.com/go/compute/metadata.Client).OnGCEWithContext":            network("a metadata server probe over HTTP and DNS (a Client does not cache it)"),

	// File system.
	"os.Open":       fileIO("a file open"),
	"os.OpenFile":   fileIO("a file open"),
	"os.Create":     fileIO("a file create"),
	"os.CreateTemp": fileIO("a file create"),
	"os.ReadFile":   fileIO("a file read"),
	"os.WriteFile":  fileIO("a file write"),
	"os.ReadDir":    fileIO("a directory read"),
	"os.Stat":       fileIO("a stat system call"),
	"os.Lstat":      fileIO("a stat system call"),
	"os.Readlink":   fileIO("a readlink system call"),
	"os.Mkdir":      fileIO("a mkdir system call"),
	"os.MkdirAll":   fileIO("a mkdir system call"),
	"os.MkdirTemp":  fileIO("a mkdir system call"),
	"os.Remove":     fileIO("a file removal"),
	"os.RemoveAll":  fileIO("a file removal"),
	"os.Rename":     fileIO("a file rename"),
	"os.Truncate":   fileIO("a file truncate"),
	"os.Chmod":      fileIO("a chmod system call"),
	"os.Chown":      fileIO("a chown system call"),
	"os.Symlink":    fileIO("a symlink system call"),
	"os.Link":       fileIO("a link system call"),
	"os.Hostname":   fileIO("a hostname lookup (a /proc read or uname system call)"),
	"os.Executable": fileIO("a readlink system call"),
	// os/user.Current is cached by the standard library (a sync.Once,
	// lookup.go), so it is not a sink; the other lookups are not.
	"os/user.Current":       {Kind: SafeCall},
	"os/user.Lookup":        fileIO("a user database lookup (/etc/passwd, or NSS through cgo)"),
	"os/user.LookupId":      fileIO("a user database lookup (/etc/passwd, or NSS through cgo)"),
	"os/user.LookupGroup":   fileIO("a group database lookup (/etc/group, or NSS through cgo)"),
	"os/user.LookupGroupId": fileIO("a group database lookup (/etc/group, or NSS through cgo)"),
	// (*os.File) methods that make a system call; Name and Fd do not.
	"(*os.File).Read":                 fileIO("a file system call"),
	"(*os.File).ReadAt":               fileIO("a file system call"),
	"(*os.File).ReadFrom":             fileIO("a file system call"),
	"(*os.File).ReadDir":              fileIO("a file system call"),
	"(*os.File).Readdir":              fileIO("a file system call"),
	"(*os.File).Readdirnames":         fileIO("a file system call"),
	"(*os.File).Write":                fileIO("a file system call"),
	"(*os.File).WriteAt":              fileIO("a file system call"),
	"(*os.File).WriteString":          fileIO("a file system call"),
	"(*os.File).WriteTo":              fileIO("a file system call"),
	"(*os.File).Seek":                 fileIO("a file system call"),
	"(*os.File).Stat":                 fileIO("a file system call"),
	"(*os.File).Sync":                 fileIO("a file system call"),
	"(*os.File).Truncate":             fileIO("a file system call"),
	"(*os.File).Close":                fileIO("a file system call"),
	"(*os.File).Chmod":                fileIO("a file system call"),
	"(*os.File).Chown":                fileIO("a file system call"),
	"(*os.File).Chdir":                fileIO("a file system call"),
	"io/ioutil.ReadFile":              fileIO("a file read"),
	"io/ioutil.WriteFile":             fileIO("a file write"),
	"io/ioutil.ReadDir":               fileIO("a directory read"),
	"io/ioutil.TempFile":              fileIO("a file create"),
	"io/ioutil.TempDir":               fileIO("a mkdir system call"),
	"path/filepath.Walk":              fileIO("a directory walk"),
	"path/filepath.WalkDir":           fileIO("a directory walk"),
	"path/filepath.Glob":              fileIO("a directory read"),
	"path/filepath.EvalSymlinks":      fileIO("a readlink system call"),
	"time.LoadLocation":               fileIO("a zoneinfo database read (on every call)"),
	"net.Interfaces":                  fileIO("a netlink query"),
	"net.InterfaceAddrs":              fileIO("a netlink query"),
	"net.InterfaceByName":             fileIO("a netlink query"),
	"net.InterfaceByIndex":            fileIO("a netlink query"),
	"(*net.Interface).Addrs":          fileIO("a netlink query"),
	"(*net.Interface).MulticastAddrs": fileIO("a netlink query"),

	// Processes.
	"(*os/exec.Cmd).Run":            fileIO("a process execution"),
	"(*os/exec.Cmd).Output":         fileIO("a process execution"),
	"(*os/exec.Cmd).CombinedOutput": fileIO("a process execution"),
	"(*os/exec.Cmd).Start":          fileIO("a process execution"),
	"(*os/exec.Cmd).Wait":           fileIO("a process wait"),
	"os/exec.LookPath":              fileIO("a PATH search"),
	"os.StartProcess":               fileIO("a process execution"),
	"syscall.*":                     fileIO("a system call"),
	// ...but not these: process identity, the environment (in memory) and
	// string conversions.
	"syscall.Getpid":              {Kind: SafeCall},
	"syscall.Getppid":             {Kind: SafeCall},
	"syscall.Getuid":              {Kind: SafeCall},
	"syscall.Geteuid":             {Kind: SafeCall},
	"syscall.Getgid":              {Kind: SafeCall},
	"syscall.Getegid":             {Kind: SafeCall},
	"syscall.Getenv":              {Kind: SafeCall},
	"syscall.Environ":             {Kind: SafeCall},
	"syscall.Getpagesize":         {Kind: SafeCall},
	"syscall.StringByteSlice":     {Kind: SafeCall},
	"syscall.ByteSliceFromString": {Kind: SafeCall},
	"syscall.BytePtrFromString":   {Kind: SafeCall},
	"syscall.StringBytePtr":       {Kind: SafeCall},

	// Resource detection reads files and may call metadata services.
	"go.opentelemetry.io/otel/sdk/resource.New":               fileIO("resource detection"),
	"go.opentelemetry.io/otel/sdk/resource.Detect":            fileIO("resource detection"),
	"(go.opentelemetry.io/otel/sdk/resource.Detector).Detect": fileIO("resource detection"),
	// contrib's EC2 detector (detectors/aws/ec2/v2 v2.6.0, ec2.go): two
	// IMDS requests per Detect.
	"(*go.opentelemetry.io/contrib/detectors/aws/ec2/v2.resourceDetector).Detect": network("an EC2 instance metadata request (IMDS)"),
	// The v1 module (ec2 v1.38.0, ec2.go:81): the same requests through
	// aws-sdk-go v1's ec2metadata client.
	"(*go.opentelemetry.io/contrib/detectors/aws/ec2.resourceDetector).Detect": network("an EC2 instance metadata request (IMDS)"),

	// Waits (category blocking): they stall every span or record even when
	// I/O is fast. Channel operations are not waits here: the SDK's batch
	// processors use them on purpose (a receive from a Timers channel is,
	// see classify.Resolver).
	"time.Sleep":                                      blocking("a sleep"),
	"(*sync.WaitGroup).Wait":                          blocking("a wait for other goroutines"),
	"(*sync.Cond).Wait":                               blocking("a wait on a condition variable"),
	"(*golang.org/x/sync/errgroup.Group).Wait":        blocking("a wait for the group's goroutines"),
	"(*golang.org/x/time/rate.Limiter).Wait":          blocking("a wait for the rate limiter"),
	"(*golang.org/x/time/rate.Limiter).WaitN":         blocking("a wait for the rate limiter"),
	"(*golang.org/x/sync/semaphore.Weighted).Acquire": blocking("a wait for the semaphore"),
	"runtime.ReadMemStats":                            blocking("a stop-the-world read of the memory statistics"),

	// Higher-order functions: the walk follows their function arguments.
	"(*sync.Once).Do":                           {Kind: OnceDo, Args: []int{0}},
	"sync.OnceFunc":                             {Kind: OnceWrap, Args: []int{0}},
	"sync.OnceValue":                            {Kind: OnceWrap, Args: []int{0}},
	"sync.OnceValues":                           {Kind: OnceWrap, Args: []int{0}},
	"sort.Slice":                                {Kind: CallsArgs, Args: []int{1}},
	"sort.SliceStable":                          {Kind: CallsArgs, Args: []int{1}},
	"sort.Search":                               {Kind: CallsArgs, Args: []int{1}},
	"slices.SortFunc":                           {Kind: CallsArgs, Args: []int{1}},
	"slices.SortStableFunc":                     {Kind: CallsArgs, Args: []int{1}},
	"slices.IndexFunc":                          {Kind: CallsArgs, Args: []int{1}},
	"slices.ContainsFunc":                       {Kind: CallsArgs, Args: []int{1}},
	"slices.DeleteFunc":                         {Kind: CallsArgs, Args: []int{1}},
	"slices.BinarySearchFunc":                   {Kind: CallsArgs, Args: []int{2}},
	"slices.MaxFunc":                            {Kind: CallsArgs, Args: []int{1}},
	"slices.MinFunc":                            {Kind: CallsArgs, Args: []int{1}},
	"strings.Map":                               {Kind: CallsArgs, Args: []int{0}},
	"strings.FieldsFunc":                        {Kind: CallsArgs, Args: []int{1}},
	"strings.IndexFunc":                         {Kind: CallsArgs, Args: []int{1}},
	"strings.TrimFunc":                          {Kind: CallsArgs, Args: []int{1}},
	"(*sync.Map).Range":                         {Kind: CallsArgs, Args: []int{0}},
	"(*golang.org/x/sync/errgroup.Group).Go":    {Kind: CallsArgsAsync, Args: []int{0}},
	"(*golang.org/x/sync/errgroup.Group).TryGo": {Kind: CallsArgsAsync, Args: []int{0}},
	"(*sync.WaitGroup).Go":                      {Kind: CallsArgsAsync, Args: []int{0}},
	"time.AfterFunc":                            {Kind: CallsArgsAsync, Args: []int{1}},
	"context.AfterFunc":                         {Kind: CallsArgsAsync, Args: []int{1}},

	// Log records through the otelslog bridge.
	"(*log/slog.Logger).Debug":        {Kind: SlogLoggerCall},
	"(*log/slog.Logger).DebugContext": {Kind: SlogLoggerCall},
	"(*log/slog.Logger).Info":         {Kind: SlogLoggerCall},
	"(*log/slog.Logger).InfoContext":  {Kind: SlogLoggerCall},
	"(*log/slog.Logger).Warn":         {Kind: SlogLoggerCall},
	"(*log/slog.Logger).WarnContext":  {Kind: SlogLoggerCall},
	"(*log/slog.Logger).Error":        {Kind: SlogLoggerCall},
	"(*log/slog.Logger).ErrorContext": {Kind: SlogLoggerCall},
	"(*log/slog.Logger).Log":          {Kind: SlogLoggerCall},
	"(*log/slog.Logger).LogAttrs":     {Kind: SlogLoggerCall},
	"log/slog.Debug":                  {Kind: SlogDefaultCall},
	"log/slog.DebugContext":           {Kind: SlogDefaultCall},
	"log/slog.Info":                   {Kind: SlogDefaultCall},
	"log/slog.InfoContext":            {Kind: SlogDefaultCall},
	"log/slog.Warn":                   {Kind: SlogDefaultCall},
	"log/slog.WarnContext":            {Kind: SlogDefaultCall},
	"log/slog.Error":                  {Kind: SlogDefaultCall},
	"log/slog.ErrorContext":           {Kind: SlogDefaultCall},
	"log/slog.Log":                    {Kind: SlogDefaultCall},
	"log/slog.LogAttrs":               {Kind: SlogDefaultCall},
	// The log package writes through slog's default handler once
	// slog.SetDefault installed another one.
	"log.Print":   {Kind: SlogDefaultCall},
	"log.Printf":  {Kind: SlogDefaultCall},
	"log.Println": {Kind: SlogDefaultCall},
	"(*go.opentelemetry.io/contrib/bridges/otelslog.Handler).Handle": {Category: Reentrancy, Pipeline: LogPipeline,
		What: "the otelslog handler emits a log record"},
	OtelslogNewLogger:  {Kind: BridgeConstructor},
	OtelslogNewHandler: {Kind: BridgeConstructor},

	// Loggers with OpenTelemetry bridges: a call emits a log record when
	// the logger is bridged (clients.go); without a bridge, nothing.
	"(*go.uber.org/zap.Logger).Debug":           {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Info":            {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Warn":            {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Error":           {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).DPanic":          {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Panic":           {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Fatal":           {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.Logger).Log":             {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Debug":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Debugf":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Debugw":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Debugln":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Info":     {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Infof":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Infow":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Infoln":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Warn":     {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Warnf":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Warnw":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Warnln":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Error":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Errorf":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Errorw":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Errorln":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).DPanic":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).DPanicf":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).DPanicw":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).DPanicln": {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Panic":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Panicf":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Panicw":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Panicln":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Fatal":    {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Fatalf":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Fatalw":   {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Fatalln":  {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Log":      {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Logf":     {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Logw":     {Kind: ClientCall, Client: zapLogger},
	"(*go.uber.org/zap.SugaredLogger).Logln":    {Kind: ClientCall, Client: zapLogger},
	"(github.com/go-logr/logr.Logger).Info":     {Kind: ClientCall, Client: logrLogger},
	"(github.com/go-logr/logr.Logger).Error":    {Kind: ClientCall, Client: logrLogger},
	// logrus: logrusSinks.
	// memcached (gomemcache): no instrumentation; New and SetServers resolve
	// every server name (selector.go).
	"(*github.com/bradfitz/gomemcache/memcache.Client).Get":            network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).GetMulti":       network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).GetAndTouch":    network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Set":            network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Add":            network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Replace":        network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Append":         network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Prepend":        network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).CompareAndSwap": network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Delete":         network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).DeleteAll":      network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Increment":      network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Decrement":      network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Touch":          network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).FlushAll":       network("a memcached round trip"),
	"(*github.com/bradfitz/gomemcache/memcache.Client).Ping":           network("a memcached round trip"),
	"github.com/bradfitz/gomemcache/memcache.New":                      network("a DNS lookup of every memcached server"),
	"(*github.com/bradfitz/gomemcache/memcache.ServerList).SetServers": network("a DNS lookup of every memcached server"),
	// etcd client v3 (v3.7.3): the client embeds these interfaces; each
	// call is a gRPC request (kv.go, lease.go, watch.go).
	"(go.etcd.io/etcd/client/v3.KV).Put":                  network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.KV).Get":                  network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.KV).Delete":               network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.KV).Compact":              network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.KV).Do":                   network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Txn).Commit":              network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Watcher).Watch":           network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Watcher).RequestProgress": network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).Grant":             network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).Revoke":            network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).TimeToLive":        network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).Leases":            network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).KeepAlive":         network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Lease).KeepAliveOnce":     network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Cluster).*":               network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Maintenance).*":           network("an etcd request (gRPC)"),
	"(go.etcd.io/etcd/client/v3.Auth).*":                  network("an etcd request (gRPC)"),
	"go.etcd.io/etcd/client/v3.New":                       network("an etcd dial"),
	// A round trip on an interface value: classified by the transport
	// that flows to it (http.DefaultTransport.RoundTrip is the default
	// transport's).
	"(net/http.RoundTripper).RoundTrip": {Kind: TransportCall},

	// Exporters (exporters.go).
	"(*" + otlptrace + ".Exporter).ExportSpans":                         {Kind: ExportCall, Exporter: otlpTraceExporter},
	"(*" + otlplog + "/otlploghttp.Exporter).Export":                    {Kind: ExportCall, Exporter: otlpLogHTTPExporter},
	"(*" + otlplog + "/otlploggrpc.Exporter).Export":                    {Kind: ExportCall, Exporter: otlpLogGRPCExporter},
	"(*" + stdout + "/stdouttrace.Exporter).ExportSpans":                {Kind: ExportCall, Exporter: stdoutTraceExporter},
	"(*" + stdout + "/stdoutlog.Exporter).Export":                       {Kind: ExportCall, Exporter: stdoutLogExporter},
	"(*go.opentelemetry.io/otel/exporters/zipkin.Exporter).ExportSpans": {Kind: ExportCall, Exporter: zipkinExporter},

	// Not sinks, and not followed: the global error handler is the
	// documented way to report from a hook.
	"go.opentelemetry.io/otel.Handle": {Kind: SafeCall},
})

// constructed classifies an interface method call by the constructor that
// built its receiver, where the interface hides a known implementation:
// constructor full name -> interface method -> the implementation's entry.
var constructed = map[string]map[string]string{
	"go.opentelemetry.io/contrib/detectors/aws/ec2/v2.NewResourceDetector": {
		"(go.opentelemetry.io/otel/sdk/resource.Detector).Detect": "(*go.opentelemetry.io/contrib/detectors/aws/ec2/v2.resourceDetector).Detect",
	},
	"go.opentelemetry.io/contrib/detectors/aws/ec2.NewResourceDetector": {
		"(go.opentelemetry.io/otel/sdk/resource.Detector).Detect": "(*go.opentelemetry.io/contrib/detectors/aws/ec2.resourceDetector).Detect",
	},
}

// Constructed returns the entry for calling method on a value that
// constructor built, and the implementation's name, if the catalog knows
// what the constructor builds.
func (c *Catalog) Constructed(constructor, method string) (Spec, string, bool) {
	impl, ok := constructed[constructor][method]
	if !ok {
		return Spec{}, "", false
	}
	if s, ok := c.user[impl]; ok {
		return s, impl, true
	}
	s, ok := c.sinks[impl]
	return s, impl, ok
}

const traceAPI = "go.opentelemetry.io/otel/trace"

// Names of the functions and variables the call-site rules inspect to
// tell how a client was built.
const (
	PkgHTTP              = "net/http"
	OtelhttpPkg          = "go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	OtelgrpcPkg          = "go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc"
	GRPCPkg              = "google.golang.org/grpc"
	OtelhttpNewTransport = OtelhttpPkg + ".NewTransport"
	OtelgrpcNewClient    = OtelgrpcPkg + ".NewClientHandler"
	GRPCWithStatsHandler = GRPCPkg + ".WithStatsHandler"
	TransportClone       = "(*net/http.Transport).Clone"

	OtelslogPkg        = "go.opentelemetry.io/contrib/bridges/otelslog"
	OtelslogNewLogger  = OtelslogPkg + ".NewLogger"
	OtelslogNewHandler = OtelslogPkg + ".NewHandler"
	SlogNew            = "log/slog.New"
	SlogSetDefault     = "log/slog.SetDefault"
	SlogDefault        = "log/slog.Default"
)

// noopProviders are tracer-provider constructors that make the
// instrumentation they are passed to start no span: real suppression.
var noopProviders = map[string]bool{
	"go.opentelemetry.io/otel/trace/noop.NewTracerProvider": true,
	"go.opentelemetry.io/otel/trace.NewNoopTracerProvider":  true,
}

// withTracerProvider is the option that hands instrumentation a provider.
var withTracerProvider = map[string]bool{
	OtelhttpPkg + ".WithTracerProvider": true,
	OtelgrpcPkg + ".WithTracerProvider": true,
}

// grpcDials create a *grpc.ClientConn from options.
var grpcDials = map[string]bool{
	GRPCPkg + ".NewClient":   true,
	GRPCPkg + ".Dial":        true,
	GRPCPkg + ".DialContext": true,
}

// IsNoopProvider reports whether the function named name returns a tracer
// provider that starts no span.
func IsNoopProvider(name string) bool { return noopProviders[name] }

// IsWithTracerProvider reports whether the function named name is an
// instrumentation option that sets the tracer provider.
func IsWithTracerProvider(name string) bool { return withTracerProvider[name] }

// IsGRPCDial reports whether the function named name creates a
// *grpc.ClientConn from dial options.
func IsGRPCDial(name string) bool { return grpcDials[name] }

// withLogrus adds logrus's logging calls to m: every level's plain, f, ln
// and Fn form, on a *Logger, an *Entry and the package's standard logger.
// Each runs the Fire of every hook added to the logger, on the caller's
// goroutine (entry.go fireHooks, v1.10.2).
func withLogrus(m map[string]Spec) map[string]Spec {
	const pkg = "github.com/sirupsen/logrus"
	for _, level := range []string{"Trace", "Debug", "Info", "Print", "Warn", "Warning", "Error", "Fatal", "Panic", "Log"} {
		for _, form := range []string{"", "f", "ln", "Fn"} {
			m["(*"+pkg+".Logger)."+level+form] = Spec{Kind: LogrusCall}
			m["(*"+pkg+".Entry)."+level+form] = Spec{Kind: LogrusCall}
			m[pkg+"."+level+form] = Spec{Kind: LogrusCall}
		}
	}
	return m
}
