package analyzer

import "golang.org/x/tools/go/analysis"

func (r *runner) run(pass *analysis.Pass) (any, error) {
	return struct{}{}, nil
}
