package analyzer

import "strings"

// ReachFact summarises what a function reaches, for callers in other
// packages. It is exported only for functions that reach a sink. Entries are
// sorted by category severity, one per category.
type ReachFact struct {
	Reaches []Reach
}

// Reach is one category a function reaches, with a bounded witness path.
type Reach struct {
	Category Category
	Sink     string   // full name of the sink, e.g. net/http.Get
	Via      []string // functions between the fact's function and the sink, at most maxVia
	What     string   // what happens at run time (catalog reason)
	Fix      string   // the fix hint, if the sink has one
}

func (*ReachFact) AFact() {}

func (f *ReachFact) String() string {
	var parts []string
	for _, r := range f.Reaches {
		parts = append(parts, "reaches "+string(r.Category)+" via "+r.Sink)
	}
	return strings.Join(parts, "; ")
}
