#!/usr/bin/env bash
# warroom one-shot Elasticsearch init: waits for the cluster, then creates (or
# updates) the role and the user that the warroom services log in with.
#
# Runs in the Elasticsearch image (uid 1000) with the es_certs volume mounted
# read-only; idempotent, so it runs again on every `docker compose up` and
# applies a changed WARROOM_ES_PASSWORD.
#
# The role allows everything on the indices matching ES_APP_INDEX_PATTERNS
# (default "warroom*": every index, alias, data stream and template the services
# create must be named warroom...) plus the cluster privileges needed to manage
# index templates and ILM policies and to read cluster health.
set -euo pipefail

CA=/usr/share/elasticsearch/config/certs/ca/ca.crt
ES_URL="${ES_URL:-https://es01:9200}"
TIMEOUT="${ES_INIT_TIMEOUT:-900}"
USERNAME="${WARROOM_ES_USERNAME:-warroom}"
PATTERNS="${ES_APP_INDEX_PATTERNS:-warroom*}"
ROLE=warroom_app

log() { echo "[es-init] $*"; }
die() { echo "[es-init] ERROR: $*" >&2; exit 1; }

[ -n "${ELASTIC_PASSWORD:-}" ] || die "ELASTIC_PASSWORD is not set"
[ -n "${WARROOM_ES_PASSWORD:-}" ] || die "WARROOM_ES_PASSWORD is not set"
[[ "$USERNAME" =~ ^[A-Za-z0-9._-]+$ ]] || die "WARROOM_ES_USERNAME must match [A-Za-z0-9._-]+"
[[ "$WARROOM_ES_PASSWORD" =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
  || die "WARROOM_ES_PASSWORD must be at least 16 characters of A-Z a-z 0-9 . _ ~ -"
[[ "$PATTERNS" =~ ^[A-Za-z0-9._*,-]+$ ]] || die "ES_APP_INDEX_PATTERNS must be a comma-separated list of index patterns"

umask 077
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
# The elastic password goes to curl through a config file, never on the command line.
printf 'user = "elastic:%s"\n' "$ELASTIC_PASSWORD" >"$TMP/curlrc"

# es METHOD PATH [BODY_FILE] -> prints the HTTP status, body in $TMP/out
es() {
  local args=(-sS -K "$TMP/curlrc" --cacert "$CA" -o "$TMP/out" -w '%{http_code}' -X "$1")
  if [ -n "${3:-}" ]; then args+=(-H 'Content-Type: application/json' --data-binary "@$3"); fi
  curl "${args[@]}" "$ES_URL$2" || true
}

log "waiting for $ES_URL (cluster status yellow or green)"
deadline=$((SECONDS + TIMEOUT))
until [ "$(es GET '/_cluster/health?wait_for_status=yellow&timeout=10s')" = 200 ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "Elasticsearch not ready after ${TIMEOUT}s: $(cat "$TMP/out" 2>/dev/null)"
  sleep 5
done
log "cluster is up"

if [ "$USERNAME" = "elastic" ]; then
  log "WARROOM_ES_USERNAME is the elastic superuser: no role or user to create (not recommended)"
  exit 0
fi

names="$(printf '%s' "$PATTERNS" | sed -e 's/[^,][^,]*/"&"/g')"
cat >"$TMP/role.json" <<JSON
{
  "cluster": ["monitor", "manage_index_templates", "manage_ilm"],
  "indices": [
    { "names": [$names], "privileges": ["all"] }
  ]
}
JSON
code="$(es PUT "/_security/role/$ROLE" "$TMP/role.json")"
[ "$code" = 200 ] || die "creating role $ROLE failed ($code): $(cat "$TMP/out")"
log "role $ROLE set for indices $PATTERNS"

cat >"$TMP/user.json" <<JSON
{
  "password": "$WARROOM_ES_PASSWORD",
  "roles": ["$ROLE"],
  "full_name": "warroom services"
}
JSON
code="$(es PUT "/_security/user/$USERNAME" "$TMP/user.json")"
[ "$code" = 200 ] || die "creating user $USERNAME failed ($code): $(cat "$TMP/out")"
log "user $USERNAME set"
