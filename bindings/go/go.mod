module github.com/agora-token/agora-token/bindings/go

go 1.21
