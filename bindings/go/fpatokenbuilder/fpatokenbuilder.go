// Package fpatokenbuilder is a drop-in for Agora's Go package of the same
// name: FPA login tokens over libagora_token.
package fpatokenbuilder

import "github.com/agora-token/agora-token/bindings/go/agoratoken"

// BuildToken builds an FPA login token valid 24 hours.
func BuildToken(appId string, appCertificate string) (string, error) {
	return agoratoken.New(appId, appCertificate).Lenient().FPA()
}
