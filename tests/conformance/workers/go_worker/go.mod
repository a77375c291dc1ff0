module github.com/agora-token/agora-token/tests/conformance/workers/go_worker

go 1.21

require github.com/agora-token/agora-token/bindings/go v0.0.0

replace github.com/agora-token/agora-token/bindings/go => ../../../../bindings/go
