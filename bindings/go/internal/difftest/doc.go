// Package difftest compares the Go binding with
// github.com/AgoraIO-Community/go-tokenbuilder v1.3.0, the community copy of
// Agora's official Go token packages (the Go module proxy serves it; the
// official module is refused there). It is its own module so that the
// binding's go.mod does not depend on the community module. Run by
// scripts/test-go.
package difftest
