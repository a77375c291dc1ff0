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
# Two ways to fill it, same layout:
#   - default target `runtime`: compiles in RUST_IMAGE (needs a registry);
#   - target `runtime-prebuilt`: copies a root filesystem that
#     scripts/build-image assembled from a binary built on the host (the
#     build context is then that directory); no base image to pull.
# BuildKit or the classic builder both work; the classic builder stops at
# runtime-prebuilt without touching the stages after it.

ARG RUST_IMAGE=rust:1-bookworm

# What both runtime targets share: settings only, no files.
FROM scratch AS base
ENV PORT=8080 \
    LOG_FORMAT=json
EXPOSE 8080
# Numeric, so no passwd lookup is needed (Kubernetes runAsNonRoot checks it).
USER 65532:65532
# Liveness/readiness: GET /healthz and /readyz (no shell here for a
# HEALTHCHECK command; orchestrators probe over HTTP).
ENTRYPOINT ["/usr/local/bin/agora-token", "serve"]

FROM base AS runtime-prebuilt
COPY rootfs/ /

FROM ${RUST_IMAGE} AS build
WORKDIR /src
COPY . .
# Only the CLI (which contains the server) is built; the bindings are not.
RUN cargo build --release --locked -p agora-token-cli \
 && bash scripts/image-rootfs target/release/agora-token /out/rootfs

FROM base AS runtime
COPY --from=build /out/rootfs/ /
