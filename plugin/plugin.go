// Package plugin registers spanhotpath as a golangci-lint v2 module plugin.
//
// Blank-import it into a golangci-lint build (see tools/golangci-lint and
// .custom-gcl.yml) and enable it in .golangci.yml:
//
//	linters:
//	  enable: [spanhotpath]
//	  settings:
//	    custom:
//	      spanhotpath:
//	        type: module
//	        settings: {}
//
// The settings are analyzer.Config: roots, sinks, safe, disable.
package plugin

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/spanhotpath/spanhotpath/analyzer"
)

// Name is the plugin name: the key under linters.settings.custom and the
// entry in linters.enable.
const Name = "spanhotpath"

func init() {
	register.Plugin(Name, New)
}

// Plugin is the golangci-lint plugin for one configuration.
type Plugin struct {
	analyzer *analysis.Analyzer
}

var _ register.LinterPlugin = (*Plugin)(nil)

// New decodes and validates the plugin settings (analyzer.Config). Unknown
// keys and values of the wrong type are errors that name the key.
func New(settings any) (register.LinterPlugin, error) {
	cfg, err := register.DecodeSettings[analyzer.Config](settings)
	if err != nil {
		return nil, settingsError(err)
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		return nil, &settingsErr{err.Error(), err}
	}
	return &Plugin{analyzer: withoutRelated(a)}, nil
}

// withoutRelated returns a copy of a whose diagnostics carry no related
// positions. golangci-lint turns each one into an issue of its own
// ("spanhotpath(related information)"), tripling the output; the message
// already spells out the whole call path.
func withoutRelated(a *analysis.Analyzer) *analysis.Analyzer {
	b := *a
	b.Run = func(pass *analysis.Pass) (any, error) {
		p := *pass
		p.Report = func(d analysis.Diagnostic) {
			d.Related = nil
			pass.Report(d)
		}
		return a.Run(&p)
	}
	return &b
}

// BuildAnalyzers returns the configured analyzer.
func (p *Plugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{p.analyzer}, nil
}

// GetLoadMode asks for type information: the analyzer needs types and
// facts of every package.
func (p *Plugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}

// settingsError rewrites a decoding error so that it says where the
// settings come from and which key is wrong. The decoder's own error stays
// reachable with errors.Unwrap.
func settingsError(err error) error {
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) {
		if typeErr.Field == "" {
			return &settingsErr{fmt.Sprintf("must be a mapping with keys %s, got %s", knownKeys(), typeErr.Value), err}
		}
		return &settingsErr{fmt.Sprintf("key %q: want %s, got %s", typeErr.Field, describe(typeErr.Type), typeErr.Value), err}
	}
	msg := err.Error()
	if i := strings.Index(msg, "unknown field "); i >= 0 {
		key := strings.TrimPrefix(msg[i:], "unknown field ")
		return &settingsErr{fmt.Sprintf("unknown key %s (known keys: %s)", key, knownKeys()), err}
	}
	return &settingsErr{msg, err}
}

// settingsErr is a settings problem, reported with the settings' origin.
type settingsErr struct {
	msg string
	err error
}

func (e *settingsErr) Error() string {
	return Name + " settings (linters.settings.custom." + Name + ".settings): " + e.msg
}

func (e *settingsErr) Unwrap() error { return e.err }

// knownKeys lists the settings keys of analyzer.Config.
func knownKeys() string {
	var keys []string
	t := reflect.TypeFor[analyzer.Config]()
	for f := range t.Fields() {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name != "" && name != "-" {
			keys = append(keys, name)
		}
	}
	return strings.Join(keys, ", ")
}

// describe names a settings type in YAML terms.
func describe(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "a list of strings"
		}
		if t.Elem().Kind() == reflect.Struct {
			return "a list of mappings"
		}
		return "a list"
	case reflect.Struct:
		return "a mapping"
	case reflect.Bool:
		return "true or false"
	}
	return t.String()
}
