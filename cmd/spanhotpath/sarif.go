package main

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
)

// SARIF 2.1.0 output: one run, one rule per category.

const (
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifVersion = "2.1.0"
	srcRoot      = "%SRCROOT%"
	homeURI      = "https://github.com/spanhotpath/spanhotpath"
	checksURI    = homeURI + "/blob/main/cmd/spanhotpath/checks.md"
	fpKey        = "spanhotpath/v1"
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                   `json:"tool"`
	Invocations        []sarifInvocation           `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult               `json:"results"`
}

// sarifInvocation says whether the run completed, and why not.
type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string        `json:"id"`
	Name                 string        `json:"name"`
	ShortDescription     sarifText     `json:"shortDescription"`
	FullDescription      sarifText     `json:"fullDescription"`
	Help                 sarifHelp     `json:"help"`
	HelpURI              string        `json:"helpUri"`
	DefaultConfiguration sarifRuleConf `json:"defaultConfiguration"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRuleConf struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string             `json:"ruleId"`
	RuleIndex           int                `json:"ruleIndex"`
	Level               string             `json:"level"`
	Message             sarifText          `json:"message"`
	Locations           []sarifLocation    `json:"locations"`
	PartialFingerprints map[string]string  `json:"partialFingerprints"`
	CodeFlows           []sarifCodeFlow    `json:"codeFlows,omitempty"`
	RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
	Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
	BaselineState       string             `json:"baselineState,omitempty"`
}

type sarifLocation struct {
	ID               *int          `json:"id,omitempty"`
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
	Message          *sarifText    `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
	Region           *sarifRegion     `json:"region,omitempty"`
}

type sarifArtifactLoc struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifCodeFlow struct {
	ThreadFlows []sarifThreadFlow `json:"threadFlows"`
}

type sarifThreadFlow struct {
	Locations []sarifThreadFlowLoc `json:"locations"`
}

type sarifThreadFlowLoc struct {
	Location sarifLocation `json:"location"`
}

type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

// ruleText is the SARIF description of each category.
var ruleText = map[string]struct{ name, short, full string }{
	"reentrancy": {
		"HotPathStartsSpan",
		"A hot-path hook starts a span (or emits a log record), which runs the hook again.",
		"An OpenTelemetry hook (SpanProcessor.OnStart/OnEnd, Sampler, IDGenerator, log Processor, propagator) reaches a call that starts a span or emits a log record: that runs the same hook again on the same goroutine, so the first span recurses without bound and the process dies of a stack overflow.",
	},
	"deadlock": {
		"HotPathOnceDeadlock",
		"A lazy once-cache or held mutex in a hot-path hook guards a call that re-enters the hook.",
		"An OpenTelemetry hook runs a call that re-enters the hook inside sync.Once.Do, sync.OnceValue(s)/OnceFunc or while holding a mutex: the nested hook call blocks on the same once or lock on the same goroutine, and the first span never finishes.",
	},
	"network": {
		"HotPathNetworkIO",
		"A hot-path hook does network I/O on every call.",
		"An OpenTelemetry hook reaches network I/O (HTTP, DNS, dialing, gRPC, SQL, cloud metadata) that runs on every span, log record or request, on the caller's goroutine: every traced operation waits for the network, and an instrumented client re-enters the hook.",
	},
	"io": {
		"HotPathFileIO",
		"A hot-path hook does file system or process I/O on every call.",
		"An OpenTelemetry hook reaches file system or process I/O (os.ReadFile, os.Open, os/exec, os.Hostname, time.LoadLocation, ...) that runs synchronously on every span, log record or request.",
	},
	"blocking": {
		"HotPathBlockingWait",
		"A hot-path hook waits on every call.",
		"An OpenTelemetry hook reaches a wait (time.Sleep, a receive from time.After, sync.WaitGroup.Wait, sync.Cond.Wait, a rate limiter's or semaphore's wait) that stalls every span, log record or request on the caller's goroutine, even when the I/O it paces is fast.",
	},
	"directive": {
		"IgnoreDirective",
		"A //spanhotpath:ignore comment has no reason or silences nothing.",
		"A //spanhotpath:ignore comment must give a reason (why the call is safe on the hot path) and must silence a finding; one without a reason silences nothing, and one that matches no finding is stale.",
	},
}

// buildRules returns a rule for each known category, then one for each
// other category that a finding uses, and the index of each rule id.
func buildRules(fs []*finding) ([]sarifRule, map[string]int) {
	ids := slices.Clone(categories)
	for _, f := range fs {
		if !slices.Contains(ids, f.Category) {
			ids = append(ids, f.Category)
		}
	}
	index := map[string]int{}
	var rules []sarifRule
	for _, id := range ids {
		t, ok := ruleText[id]
		if !ok {
			t.name = id
			t.short = "spanhotpath finding: " + id
			t.full = t.short
		}
		uri := checksURI + "#" + id
		help := sarifHelp{Text: t.full + " See " + uri + "."}
		if section, ok := explain(id); ok {
			help.Markdown = section
		}
		index[id] = len(rules)
		rules = append(rules, sarifRule{
			ID:                   id,
			Name:                 t.name,
			ShortDescription:     sarifText{t.short},
			FullDescription:      sarifText{t.full},
			Help:                 help,
			HelpURI:              uri,
			DefaultConfiguration: sarifRuleConf{Level: "error"},
		})
	}
	return rules, index
}

// writeSARIF prints the findings as a SARIF 2.1.0 log. Paths under cwd are
// relative to the %SRCROOT% base, which is cwd. With baselined set, each
// result's baselineState is "new" (the others were filtered out).
func writeSARIF(w io.Writer, fs []*finding, cwd string, baselined bool, errs []string) error {
	rules, ruleIndex := buildRules(fs)
	inv := sarifInvocation{ExecutionSuccessful: len(errs) == 0}
	for _, e := range errs {
		inv.ToolExecutionNotifications = append(inv.ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{e}})
	}
	run := sarifRun{
		Invocations: []sarifInvocation{inv},
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "spanhotpath",
			InformationURI: homeURI,
			Rules:          rules,
		}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			srcRoot: {URI: fileURI(cwd, true)},
		},
		Results: []sarifResult{},
	}
	for _, f := range fs {
		loc := sarifLoc(f.AbsFile, f.Line, f.Column, 0, 0, cwd)
		res := sarifResult{
			RuleID:              f.Category,
			RuleIndex:           ruleIndex[f.Category],
			Level:               "error",
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{loc},
			PartialFingerprints: map[string]string{fpKey: f.Fingerprint},
		}
		// The call path: one thread-flow location per hop (the analyzer
		// relates each call of the chain that is in the analysed package,
		// from the call in the hook to the sink call), led by the finding's
		// own location (the call in the hook) when no hop is there.
		var flow []sarifThreadFlowLoc
		if len(f.Related) == 0 || f.Related[0].AbsFile != f.AbsFile || f.Related[0].Line != f.Line || f.Related[0].Column != f.Column {
			l := sarifLoc(f.AbsFile, f.Line, f.Column, 0, 0, cwd)
			l.Message = &sarifText{f.Path}
			flow = append(flow, sarifThreadFlowLoc{Location: l})
		}
		for i, r := range f.Related {
			l := sarifLoc(r.AbsFile, r.Line, r.Column, 0, 0, cwd)
			l.Message = &sarifText{r.Message}
			flow = append(flow, sarifThreadFlowLoc{Location: l})
			rl := sarifLoc(r.AbsFile, r.Line, r.Column, 0, 0, cwd)
			id := i + 1
			rl.ID = &id
			rl.Message = &sarifText{r.Message}
			res.RelatedLocations = append(res.RelatedLocations, rl)
		}
		res.CodeFlows = []sarifCodeFlow{{ThreadFlows: []sarifThreadFlow{{Locations: flow}}}}
		if f.Suppressed != nil {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: f.Suppressed.Reason}}
		}
		if baselined {
			res.BaselineState = "new"
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}})
}

func sarifLoc(abs string, line, col, endLine, endCol int, cwd string) sarifLocation {
	art := sarifArtifactLoc{URI: fileURI(abs, false)}
	if rel := displayPath(abs, cwd); rel != abs || !filepath.IsAbs(abs) {
		art = sarifArtifactLoc{URI: relURI(rel), URIBaseID: srcRoot}
	}
	var region *sarifRegion
	if line > 0 {
		region = &sarifRegion{StartLine: line}
		if col > 0 {
			region.StartColumn = col
		}
		if endLine >= line && endCol > 0 {
			region.EndLine, region.EndColumn = endLine, endCol
		}
	}
	return sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: art, Region: region}}
}

// relURI is a relative path as a URI reference.
func relURI(rel string) string {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// fileURI is an absolute path as a file URI; a directory's ends in "/".
func fileURI(abs string, dir bool) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows drive letter
	}
	if dir && !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}
