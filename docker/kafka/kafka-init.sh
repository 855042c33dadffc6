#!/usr/bin/env bash
# warroom one-shot Kafka init: waits for all brokers, then creates (or updates)
# the SCRAM-SHA-512 credentials of the warroom services' Kafka user and the ACLs
# it needs. Idempotent; runs again on every `docker compose up`, so a changed
# KAFKA_APP_PASSWORD is applied there.
#
# Runs in the apache/kafka image as its default user, with the kafka_secrets
# volume mounted at /etc/kafka/secrets, and talks to the INTERNAL listener
# (port 9092, SASL_SSL + PLAIN) as the super user.
set -euo pipefail

BIN=/opt/kafka/bin
ADMIN_CONFIG=/etc/kafka/secrets/admin.properties
BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP:-kafka1:9092,kafka2:9092,kafka3:9092}"
EXPECTED_BROKERS="${KAFKA_EXPECTED_BROKERS:-3}"
TIMEOUT="${KAFKA_INIT_TIMEOUT:-600}"
APP_USER="${KAFKA_APP_USERNAME:-warroom}"
SCRAM_ITERATIONS="${KAFKA_SCRAM_ITERATIONS:-8192}"

log() { echo "[kafka-init] $*"; }
die() { echo "[kafka-init] ERROR: $*" >&2; exit 1; }

[[ "$APP_USER" =~ ^[A-Za-z0-9._-]+$ ]] || die "KAFKA_APP_USERNAME must match [A-Za-z0-9._-]+"
[[ "${KAFKA_APP_PASSWORD:-}" =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
  || die "KAFKA_APP_PASSWORD must be at least 16 characters of A-Z a-z 0-9 . _ ~ -"
[ -r "$ADMIN_CONFIG" ] || die "$ADMIN_CONFIG is missing (has the setup service run?)"

# Keep the tools' JVMs small; never inherit broker settings.
export KAFKA_HEAP_OPTS="-Xmx256m"
unset KAFKA_OPTS

admin() { "$@" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG"; }

log "waiting for $EXPECTED_BROKERS brokers at $BOOTSTRAP"
deadline=$((SECONDS + TIMEOUT))
while :; do
  up="$(admin "$BIN/kafka-broker-api-versions.sh" 2>/dev/null | grep -c '(id: ' || true)"
  [ "${up:-0}" -ge "$EXPECTED_BROKERS" ] && break
  [ "$SECONDS" -lt "$deadline" ] || die "only ${up:-0} of $EXPECTED_BROKERS brokers answer after ${TIMEOUT}s"
  sleep 5
done
log "$up brokers are up"

# SCRAM credentials are stored in the KRaft metadata log (replicated to every
# controller). The password is visible on this short-lived container's command
# line only.
admin "$BIN/kafka-configs.sh" --alter --entity-type users --entity-name "$APP_USER" \
  --add-config "SCRAM-SHA-512=[iterations=$SCRAM_ITERATIONS,password=$KAFKA_APP_PASSWORD]" >/dev/null
log "SCRAM-SHA-512 credentials set for user $APP_USER"

# ACLs (the brokers run StandardAuthorizer; nothing is allowed without an ACL):
# the services create and use their topics, consumer/streams groups and
# transactional ids (exactly-once Kafka Streams), and every one of those names
# starts with "warroom" (topics warroom.*, streams' internal topics, group and
# transactional ids warroom-streams*, groups warroom-indexer, warroom-notifier,
# warroom-dashboard-*): the grant is on that prefix, not on every name.
admin "$BIN/kafka-acls.sh" --add --allow-principal "User:$APP_USER" \
  --operation All --resource-pattern-type prefixed \
  --topic warroom --group warroom --transactional-id warroom >/dev/null
# Earlier versions of this script granted All on every name ('*'): take it back.
admin "$BIN/kafka-acls.sh" --remove --force --allow-principal "User:$APP_USER" \
  --operation All --resource-pattern-type literal \
  --topic '*' --group '*' --transactional-id '*' >/dev/null
admin "$BIN/kafka-acls.sh" --add --allow-principal "User:$APP_USER" --cluster \
  --operation Create --operation Describe --operation DescribeConfigs \
  --operation IdempotentWrite >/dev/null
log "ACLs set for User:$APP_USER"

admin "$BIN/kafka-configs.sh" --describe --entity-type users --entity-name "$APP_USER"
log "done"
