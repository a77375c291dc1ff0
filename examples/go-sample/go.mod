module github.com/agora-token/agora-token/examples/go-sample

go 1.21

require github.com/agora-token/agora-token/bindings/go v0.0.0

replace github.com/agora-token/agora-token/bindings/go => ../../bindings/go
