# katsudo in a container: a static binary on distroless, as a non-root user.
#
#   docker build -t katsudo .
#   docker run --rm -v "$PWD:/config:ro" -v "$HOME/.katsudo:/secrets:ro" \
#     -e GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json -e SLACK_BOT_TOKEN \
#     -p 127.0.0.1:8080:8080 katsudo            # serve, /healthz on :8080
#   docker run --rm ... katsudo run              # everything due, once
#
# katsudo reads /config/katsudo.yaml (the working folder). Secrets come from
# the environment or mounted files, never from the image.

# --- build ---------------------------------------------------------------
FROM golang:1.26-bookworm AS build
WORKDIR /src
# Modules first, so that a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download && go mod verify
COPY . .
# CGO off: a static binary that needs no libc. The time zone database is
# compiled in (config imports time/tzdata), so Asia/Tokyo works anywhere.
RUN CGO_ENABLED=0 GOOS=linux go build -trimpath -ldflags="-s -w" -o /out/katsudo ./cmd/katsudo \
 && /out/katsudo help >/dev/null

# --- run -----------------------------------------------------------------
# distroless/static: CA certificates (for Google and Slack over HTTPS),
# tzdata, /etc/passwd with the "nonroot" user (65532), and nothing else —
# no shell, no package manager.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/katsudo /usr/local/bin/katsudo
USER 65532:65532
WORKDIR /config
# The lock file lives in the nonroot user's cache folder by default; on a
# read-only root file system set KATSUDO_LOCK_FILE to a writable volume.
ENV HOME=/home/nonroot
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/katsudo"]
# In a container /healthz must listen on every interface to be reachable;
# publish it on the host's loopback (-p 127.0.0.1:8080:8080) unless a
# monitoring system elsewhere needs it.
CMD ["serve", "--listen", ":8080"]
