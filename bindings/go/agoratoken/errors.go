package agoratoken

import (
	"fmt"
	"strings"
)

// Kind is what went wrong, one value per status code of libagora_token
// (the numbers are the C ABI's). A Kind is itself an error, so it serves as
// the sentinel for errors.Is:
//
//	if errors.Is(err, agoratoken.KindInvalidInput) { ... }
type Kind int32

// The kinds of error, with the C ABI's stable numbers.
const (
	KindNullPointer       Kind = 1 // a required pointer was NULL (not reachable from Go)
	KindInvalidUTF8       Kind = 2 // a string is not valid UTF-8
	KindInvalidInput      Kind = 3 // an argument broke a rule (length, alphabet, range)
	KindNoService         Kind = 4 // a token was built without any service
	KindWrongVersion      Kind = 5 // the token does not start with the expected version
	KindMalformed         Kind = 6 // the token text or its decoded bytes are not a token
	KindSignatureMismatch Kind = 7 // the signature does not match the certificate
	KindInternal          Kind = 8 // a bug in libagora_token
)

// String is the C ABI's name of the kind: "invalid_input", "malformed", ...
func (k Kind) String() string { return statusName(k) }

// Error makes a Kind usable as a sentinel error.
func (k Kind) Error() string { return "agora token: " + k.String() }

// Error is every error of this module: the kind, and for input errors the
// field (e.g. "channel_name") and the rule it broke. Messages never contain
// the app certificate.
type Error struct {
	Kind  Kind   // what went wrong
	Field string // the argument at fault, "" when the error is not about one
	Rule  string // the rule, or the whole message when there is no field
}

// Error gives "agora token: <kind>: <field>: <rule>".
func (e *Error) Error() string {
	if e.Field == "" {
		return fmt.Sprintf("agora token: %s: %s", e.Kind.String(), e.Rule)
	}
	return fmt.Sprintf("agora token: %s: %s: %s", e.Kind.String(), e.Field, e.Rule)
}

// Is reports whether target is this error's Kind, for errors.Is.
func (e *Error) Is(target error) bool {
	k, ok := target.(Kind)
	return ok && k == e.Kind
}

// newError splits libagora_token's "field: rule" message.
func newError(k Kind, msg string) *Error {
	if i := strings.Index(msg, ": "); i > 0 && !strings.ContainsAny(msg[:i], " \"'") {
		return &Error{Kind: k, Field: msg[:i], Rule: msg[i+2:]}
	}
	return &Error{Kind: k, Rule: msg}
}
