#!/bin/sh
# Container healthcheck for the warroom services (baked into every image as
# /usr/local/bin/warroom-healthcheck).
#
#   warroom-healthcheck PORT [tls]
#
# Asks http://127.0.0.1:PORT/health (the readiness verdict, as /health/ready:
# compose's depends_on waits for it; /health/live is the one for restarts) and
# succeeds only on a 2xx answer. With the
# second argument "tls" it switches to https when WARROOM_TLS_CERT is set (the
# service then serves HTTPS on the same port); the certificate is not verified
# here because it is issued for the service's DNS name, not for 127.0.0.1.
set -eu

port="${1:?usage: warroom-healthcheck PORT [tls]}"
scheme=http
if [ "${2:-}" = "tls" ] && [ -n "${WARROOM_TLS_CERT:-}" ]; then
  scheme=https
fi

exec curl --fail --silent --show-error --insecure --max-time 4 \
  --output /dev/null "${scheme}://127.0.0.1:${port}/health"
