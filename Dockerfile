# The agora-token server image. Build it with `scripts/build-image` (tag
# agora-token:latest), or straight from source with `docker build -t
# agora-token .`, then
#   docker run -d -p 8080:8080 -e APP_ID=... -e APP_CERTIFICATE=... agora-token
# (the same variables as the official agoracn/token image). See
# crates/server/README.md for every setting.
#
# The runtime image is FROM scratch: the binary, exactly the shared libraries
# it links (glibc, libm, libgcc_s; listed by ldd, scripts/image-rootfs) and
# an /etc/passwd naming uid 65532. No shell, no package manager, non-root.
# Two ways to fill it, same layout and settings:
#   - `docker build .` (target `runtime`): compiles in RUST_IMAGE (a registry
#     or a local copy of it is needed);
#   - `scripts/build-image --prebuilt`: builds target `base` (FROM scratch,
#     first, so even the classic builder pulls nothing) and adds the root
#     filesystem assembled from a binary built on the host, in one COPY
#     layer as `runtime` does.

ARG RUST_IMAGE=rust:1-bookworm

# The runtime's settings, no files; both ways of building start from it.
FROM scratch AS base
ENV PORT=8080 \
    LOG_FORMAT=json
EXPOSE 8080
# Numeric, so no passwd lookup is needed (Kubernetes runAsNonRoot checks it).
USER 65532:65532
# Liveness/readiness: GET /healthz and /readyz (no shell here for a
# HEALTHCHECK command; orchestrators probe over HTTP).
ENTRYPOINT ["/usr/local/bin/agora-token", "serve"]

FROM ${RUST_IMAGE} AS build
WORKDIR /src
COPY . .
# Only the CLI (which contains the server) is built; the bindings are not.
RUN cargo build --release --locked -p agora-token-cli \
 && bash scripts/image-rootfs target/release/agora-token /out/rootfs

FROM base AS runtime
COPY --from=build /out/rootfs/ /
