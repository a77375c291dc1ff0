module github.com/agora-token/agora-token/bindings/go/internal/difftest

go 1.21

require (
	github.com/AgoraIO-Community/go-tokenbuilder v1.3.0
	github.com/agora-token/agora-token/bindings/go v0.0.0
)

replace github.com/agora-token/agora-token/bindings/go => ../..
