package classify

import (
	"golang.org/x/tools/go/ssa"
)

// Two shapes of hand-written caching change what a call inside them
// costs. A mutex held around a call that re-enters the hook deadlocks (the
// nested hook blocks on the same lock: sync.Mutex is not re-entrant). A
// field or package-variable memo (if p.ip == "" { p.ip = lookup() }, or a
// TTL check) runs plain I/O only now and then, but a call that starts a
// span still recurses: the field is set only after the call returns.

// stateKey identifies a field (its origin) or a package variable.
type stateKey any

// stateOf returns the field or package variable addr points to, or nil.
func stateOf(addr ssa.Value) stateKey {
	switch a := addr.(type) {
	case *ssa.FieldAddr:
		if f := FieldOf(a.X.Type(), a.Field, true); f != nil {
			return f
		}
	case *ssa.Global:
		return a
	}
	return nil
}

var (
	lockMethods   = map[string]bool{"(*sync.Mutex).Lock": true, "(*sync.RWMutex).Lock": true}
	unlockMethods = map[string]bool{"(*sync.Mutex).Unlock": true, "(*sync.RWMutex).Unlock": true}
)

type placed struct {
	instr ssa.Instruction
	key   stateKey
}

// HeldLocks returns the calls fn makes while it holds a mutex that lives
// in a field or package variable (a local mutex cannot be shared with the
// nested hook). A deferred Unlock releases nothing before the return.
func HeldLocks(fn *ssa.Function) map[ssa.CallInstruction]bool {
	var locks, unlocks []placed
	index := make(map[ssa.Instruction]int)
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			index[instr] = i
			call, ok := instr.(*ssa.Call)
			if !ok || len(call.Call.Args) == 0 {
				continue
			}
			callee := call.Call.StaticCallee()
			if callee == nil {
				continue
			}
			obj := FuncObject(callee)
			if obj == nil {
				continue
			}
			name := obj.FullName()
			key := stateOf(call.Call.Args[0])
			if key == nil {
				continue
			}
			switch {
			case lockMethods[name]:
				locks = append(locks, placed{instr, key})
			case unlockMethods[name]:
				unlocks = append(unlocks, placed{instr, key})
			}
		}
	}
	if len(locks) == 0 {
		return nil
	}
	before := func(a, b ssa.Instruction) bool {
		if a.Block() == b.Block() {
			return index[a] < index[b]
		}
		return a.Block().Dominates(b.Block())
	}
	held := make(map[ssa.CallInstruction]bool)
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			call, ok := instr.(ssa.CallInstruction)
			if !ok {
				continue
			}
		lock:
			for _, l := range locks {
				if l.instr == instr || !before(l.instr, instr) {
					continue
				}
				for _, u := range unlocks {
					if u.key == l.key && before(l.instr, u.instr) && before(u.instr, instr) {
						continue lock // released on every path to the call
					}
				}
				held[call] = true
				break
			}
		}
	}
	return held
}

// MemoCalls returns the calls fn makes inside a memo: in a block guarded by
// a condition that reads a field or package variable which fn also stores
// to under the same guard (if p.ip == "" { p.ip = ... }; a TTL check that
// reads and refreshes p.at).
func MemoCalls(fn *ssa.Function) map[ssa.CallInstruction]bool {
	// Most functions store to no field or package variable: no memo.
	storesState := false
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if st, ok := instr.(*ssa.Store); ok && stateOf(st.Addr) != nil {
				storesState = true
			}
		}
	}
	if !storesState {
		return nil
	}
	var memo map[ssa.CallInstruction]bool
	for _, guard := range fn.Blocks {
		n := len(guard.Instrs)
		if n == 0 {
			continue
		}
		ifInstr, ok := guard.Instrs[n-1].(*ssa.If)
		if !ok {
			continue
		}
		read := make(map[stateKey]bool)
		statesRead(ifInstr.Cond, read, 4)
		if len(read) == 0 {
			continue
		}
		// The memo's body is a branch: the blocks only one successor
		// of the guard leads to.
		for _, succ := range guard.Succs {
			if len(succ.Preds) != 1 {
				continue
			}
			var region []*ssa.BasicBlock
			stored := false
			for _, b := range fn.Blocks {
				if !succ.Dominates(b) {
					continue
				}
				region = append(region, b)
				for _, instr := range b.Instrs {
					if st, ok := instr.(*ssa.Store); ok && read[stateOf(st.Addr)] {
						stored = true
					}
				}
			}
			if !stored {
				continue
			}
			for _, b := range region {
				for _, instr := range b.Instrs {
					if call, ok := instr.(ssa.CallInstruction); ok {
						if memo == nil {
							memo = make(map[ssa.CallInstruction]bool)
						}
						memo[call] = true
					}
				}
			}
		}
	}
	return memo
}

// statesRead collects the fields and package variables a condition loads, looking through operators and call arguments
// (time.Since(p.at) > ttl).
func statesRead(v ssa.Value, out map[stateKey]bool, depth int) {
	if depth == 0 || v == nil {
		return
	}
	switch v := v.(type) {
	case *ssa.UnOp:
		if v.Op.String() == "*" {
			if s := stateOf(v.X); s != nil {
				out[s] = true
				return
			}
		}
		statesRead(v.X, out, depth-1)
	case *ssa.BinOp:
		statesRead(v.X, out, depth-1)
		statesRead(v.Y, out, depth-1)
	case *ssa.Field:
		statesRead(v.X, out, depth-1)
	case *ssa.Call:
		for _, a := range v.Call.Args {
			statesRead(a, out, depth-1)
		}
	case *ssa.Phi:
		for _, e := range v.Edges {
			statesRead(e, out, depth-1)
		}
	}
}
