// Package store keeps sampling rules in a database.
package store

import "database/sql"

// SQL reads rules from a table.
type SQL struct{ DB *sql.DB }

// Rate reads the rate of a span name.
func (s *SQL) Rate(name string) float64 {
	var r float64
	if err := s.DB.QueryRow("SELECT rate FROM sampling WHERE name = $1", name).Scan(&r); err != nil {
		return 1
	}
	return r
}
