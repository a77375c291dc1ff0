# syntax=docker/dockerfile:1
#
# The agora-token server image: `docker build -t agora-token .`, then
#   docker run -p 8080:8080 -e APP_ID=... -e APP_CERTIFICATE=... agora-token
# (the same variables as the official agoracn/token image). See
# crates/server/README.md for every setting.

FROM rust:1-bookworm AS build
WORKDIR /src
COPY . .
# Only the CLI (which contains the server) is built; the bindings are not.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked -p agora-token-cli \
 && install -D target/release/agora-token /out/agora-token

# glibc and libgcc only; no shell, no package manager; runs as uid 65532.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/agora-token /usr/local/bin/agora-token
ENV PORT=8080 \
    LOG_FORMAT=json
EXPOSE 8080
USER nonroot:nonroot
# Liveness/readiness: GET /healthz and /readyz (no shell here for a
# HEALTHCHECK command; orchestrators probe over HTTP).
ENTRYPOINT ["/usr/local/bin/agora-token", "serve"]
