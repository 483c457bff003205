package plugin

import (
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
)

// The settings arrive as golangci-lint's YAML loader produces them:
// map[string]any with lower-cased keys and []any lists.

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin(Name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatalf("no settings: %v", err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != Name {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named %q", as, Name)
	}
}

func TestValidSettings(t *testing.T) {
	for _, settings := range []any{
		nil,
		map[string]any{},
		map[string]any{
			"roots": []any{"(*example.com/app.Proc).Handle", "example.com/app.hot"},
			"sinks": []any{
				map[string]any{"name": "example.com/app.fetch", "category": "network", "fix": "cache the result at startup"},
				map[string]any{"name": "(*example.com/app.Store).Load", "category": "io"},
			},
			"safe":    []any{"example.com/app.cachedHostIP"},
			"disable": []any{"deadlock"},
		},
		// Keys reach the plugin lower-cased, but any case decodes.
		map[string]any{"Disable": []any{"io"}},
	} {
		if _, err := New(settings); err != nil {
			t.Errorf("New(%v): %v", settings, err)
		}
	}
}

func TestBadSettings(t *testing.T) {
	for _, tc := range []struct {
		name     string
		settings any
		want     []string
	}{
		{"unknown key", map[string]any{"bogus": 1}, []string{`unknown key "bogus"`, "roots, sinks, safe, disable"}},
		{"unknown nested key", map[string]any{"sinks": []any{map[string]any{"name": "a.b", "category": "io", "severity": "x"}}}, []string{`unknown key "severity"`}},
		{"wrong type", map[string]any{"roots": 12}, []string{`key "roots"`, "want a list of strings, got number"}},
		{"wrong element type", map[string]any{"safe": []any{true}}, []string{`key "safe"`, "got bool"}},
		{"wrong nested type", map[string]any{"sinks": []any{map[string]any{"name": []any{"x"}, "category": "io"}}}, []string{`key "sinks.name"`, "want a string"}},
		{"list of strings instead of mappings", map[string]any{"sinks": []any{"net.Dial"}}, []string{`key "sinks"`, "want a mapping"}},
		{"not a mapping", []any{"roots"}, []string{"must be a mapping"}},
		{"bad category", map[string]any{"disable": []any{"nope"}}, []string{`disable[0] "nope"`}},
		{"bad sink category", map[string]any{"sinks": []any{map[string]any{"name": "a.b", "category": "slow"}}}, []string{`sinks[0].category "slow"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := New(tc.settings)
			if err == nil {
				t.Fatalf("New(%v) succeeded, want an error", tc.settings)
			}
			msg := err.Error()
			want := append([]string{"spanhotpath settings (linters.settings.custom.spanhotpath.settings): "}, tc.want...)
			for _, w := range want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
		})
	}
}
