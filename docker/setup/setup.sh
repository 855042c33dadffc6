#!/usr/bin/env bash
# warroom one-shot setup: certificates and Kafka SASL files.
#
# Runs in the Elasticsearch image as root (like the `setup` service of Elastic's
# own docker-compose example) before any Elasticsearch or Kafka node starts, and
# again on every `docker compose up` (it is idempotent):
#
#   1. a private CA (elasticsearch-certutil ca --pem), created once;
#   2. PEM certificates for es01..es03 (HTTP + transport TLS), for the reverse
#      proxy (the public host name) and for the warroom services (optional
#      HTTPS on ingest/dashboard);
#   3. PKCS#12 keystores for kafka1..kafka3 (SASL_SSL listeners), protected by
#      KAFKA_KEYSTORE_PASSWORD;
#   4. the Kafka broker JAAS file, the Kafka admin client config (used by
#      kafka-init and operators) and the Kafka client config of the warroom
#      services (WARROOM_KAFKA_CONFIG_FILE). These are rewritten on every run,
#      so a password changed in .env reaches the files on the next `up`.
#
# Each consumer gets its own volume, readable only by its own user:
#   es_certs       -> Elasticsearch nodes, es-init   (root:root, group-readable: ES runs as 1000:0)
#   kafka_secrets  -> kafka1..3, kafka-init          (owned by the apache/kafka user, uid 1000)
#   app_secrets    -> ingest, streams, dashboard, indexer (owned by uid 10001)
#   proxy_certs    -> nginx                          (root only)
# The CA private key never leaves es_certs and is readable by root only.
set -euo pipefail

ES_HOME=/usr/share/elasticsearch
CERTUTIL="$ES_HOME/bin/elasticsearch-certutil"
KEYTOOL="$ES_HOME/jdk/bin/keytool"
ES_CERTS="$ES_HOME/config/certs"
KAFKA_DIR=/secrets/kafka
APP_DIR=/secrets/app
PROXY_DIR=/secrets/proxy

KAFKA_UID="${KAFKA_UID:-1000}"
APP_UID="${APP_UID:-10001}"
CERT_DAYS="${CERT_DAYS:-1095}"
CA_DAYS="${CA_DAYS:-3650}"
PUBLIC_HOSTNAME="${WARROOM_PUBLIC_HOSTNAME:-localhost}"
KAFKA_ADMIN_USERNAME="${KAFKA_ADMIN_USERNAME:-admin}"
KAFKA_APP_USERNAME="${KAFKA_APP_USERNAME:-warroom}"

log() { echo "[setup] $*"; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }

# Secrets are embedded in JAAS and Java properties files; a restricted alphabet
# avoids every quoting problem there (hex or base64url output is fine).
check_secret() {
  local name="$1" value="${!1:-}"
  [ -n "$value" ] || die "$name is not set (copy docker/.env.example to docker/.env and fill it in)"
  [[ "$value" != *CHANGE_ME* ]] || die "$name still has its CHANGE_ME placeholder"
  [[ "$value" =~ ^[A-Za-z0-9._~-]{16,}$ ]] \
    || die "$name must be at least 16 characters of A-Z a-z 0-9 . _ ~ - (e.g. openssl rand -hex 24)"
}
check_name() {
  local name="$1" value="${!1:-}"
  [[ "$value" =~ ^[A-Za-z0-9._-]+$ ]] || die "$name must match [A-Za-z0-9._-]+"
}
# Every secret of docker/.env is checked here, before anything starts, so that a
# forgotten CHANGE_ME stops the deployment instead of becoming a password.
for secret in ELASTIC_PASSWORD WARROOM_ES_PASSWORD KAFKA_ADMIN_PASSWORD KAFKA_APP_PASSWORD \
              KAFKA_KEYSTORE_PASSWORD WARROOM_ADMIN_PASSWORD WARROOM_INGEST_KEY; do
  check_secret "$secret"
done
check_name KAFKA_ADMIN_USERNAME
check_name KAFKA_APP_USERNAME
check_name PUBLIC_HOSTNAME

for d in "$ES_CERTS" "$KAFKA_DIR" "$APP_DIR" "$PROXY_DIR"; do
  [ -d "$d" ] || die "$d is not mounted"
done

umask 077
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# elasticsearch-certutil writes zip files; unzip is in the image, the JDK's jar
# tool is the fallback.
extract_zip() {
  local zip="$1" dest="$2"
  mkdir -p "$dest"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$zip" -d "$dest"
  else
    (cd "$dest" && "$ES_HOME/jdk/bin/jar" xf "$zip")
  fi
}

# instances.yml for elasticsearch-certutil: NAME DNS... (127.0.0.1 always added)
instances_entry() {
  local name="$1"; shift
  printf '  - name: %s\n    dns:\n' "$name"
  for dns in "$@"; do printf '      - %s\n' "$dns"; done
  printf '    ip:\n      - 127.0.0.1\n'
}

# Atomically write stdin to PATH with MODE and OWNER (a reader never sees a
# half-written file).
write_file() {
  local path="$1" mode="$2" owner="$3" tmp
  tmp="$(mktemp "$path.XXXXXX")"
  cat >"$tmp"
  chown "$owner" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$path"
}

cd "$ES_HOME"
force=0

# --- 1. Certificate authority ---------------------------------------------
if [ ! -s "$ES_CERTS/ca/ca.crt" ] || [ ! -s "$ES_CERTS/ca/ca.key" ]; then
  log "creating the certificate authority"
  "$CERTUTIL" ca --silent --pem --days "$CA_DAYS" \
    --ca-dn "CN=warroom internal CA" --out "$WORK/ca.zip"
  extract_zip "$WORK/ca.zip" "$ES_CERTS"          # -> ca/ca.crt, ca/ca.key
  force=1                                          # new CA: reissue everything
fi
CA_CRT="$ES_CERTS/ca/ca.crt"
CA_KEY="$ES_CERTS/ca/ca.key"

# --- 2. PEM certificates ----------------------------------------------------
# Elasticsearch nodes: one certificate per node for HTTP and transport TLS.
if [ "$force" = 1 ] || [ ! -s "$ES_CERTS/es01/es01.crt" ] || [ ! -s "$ES_CERTS/es02/es02.crt" ] \
   || [ ! -s "$ES_CERTS/es03/es03.crt" ]; then
  log "creating the Elasticsearch node certificates"
  {
    echo "instances:"
    for n in es01 es02 es03; do instances_entry "$n" "$n" localhost; done
  } >"$WORK/es-instances.yml"
  "$CERTUTIL" cert --silent --pem --days "$CERT_DAYS" --in "$WORK/es-instances.yml" \
    --ca-cert "$CA_CRT" --ca-key "$CA_KEY" --out "$WORK/es-certs.zip"
  extract_zip "$WORK/es-certs.zip" "$ES_CERTS"     # -> esNN/esNN.crt, esNN/esNN.key
fi

# Reverse proxy: the public host name. Replace with a certificate from a public
# CA in production (see README: PROXY_TLS_CERT / PROXY_TLS_KEY).
if [ "$force" = 1 ] || [ ! -s "$PROXY_DIR/proxy.crt" ] \
   || [ "$(cat "$PROXY_DIR/.hostname" 2>/dev/null || true)" != "$PUBLIC_HOSTNAME" ]; then
  log "creating the proxy certificate for $PUBLIC_HOSTNAME"
  { echo "instances:"; instances_entry proxy "$PUBLIC_HOSTNAME" localhost proxy; } >"$WORK/proxy.yml"
  "$CERTUTIL" cert --silent --pem --days "$CERT_DAYS" --in "$WORK/proxy.yml" \
    --ca-cert "$CA_CRT" --ca-key "$CA_KEY" --out "$WORK/proxy.zip"
  extract_zip "$WORK/proxy.zip" "$WORK/proxy"
  cat "$WORK/proxy/proxy/proxy.crt" "$CA_CRT" | write_file "$PROXY_DIR/proxy.crt" 0644 0:0
  write_file "$PROXY_DIR/proxy.key" 0600 0:0 <"$WORK/proxy/proxy/proxy.key"
  printf '%s' "$PUBLIC_HOSTNAME" | write_file "$PROXY_DIR/.hostname" 0644 0:0
fi

# warroom services: one certificate valid for every service name, used only when
# WARROOM_TLS_CERT / WARROOM_TLS_KEY are set (HTTPS between proxy and services).
if [ "$force" = 1 ] || [ ! -s "$APP_DIR/tls.crt" ] || [ ! -s "$APP_DIR/tls.key" ]; then
  log "creating the warroom service certificate"
  { echo "instances:"; instances_entry warroom ingest dashboard streams indexer localhost; } >"$WORK/app.yml"
  "$CERTUTIL" cert --silent --pem --days "$CERT_DAYS" --in "$WORK/app.yml" \
    --ca-cert "$CA_CRT" --ca-key "$CA_KEY" --out "$WORK/app.zip"
  extract_zip "$WORK/app.zip" "$WORK/app"
  cat "$WORK/app/warroom/warroom.crt" "$CA_CRT" | write_file "$APP_DIR/tls.crt" 0640 "$APP_UID:$APP_UID"
  write_file "$APP_DIR/tls.key" 0640 "$APP_UID:$APP_UID" <"$WORK/app/warroom/warroom.key"
fi

# --- 3. Kafka broker keystores (PKCS#12) ------------------------------------
keystore_ok() {
  [ -s "$1" ] && "$KEYTOOL" -list -storetype PKCS12 -keystore "$1" \
    -storepass:env KAFKA_KEYSTORE_PASSWORD >/dev/null 2>&1
}
if [ "$force" = 1 ] || ! keystore_ok "$KAFKA_DIR/kafka1.p12" || ! keystore_ok "$KAFKA_DIR/kafka2.p12" \
   || ! keystore_ok "$KAFKA_DIR/kafka3.p12"; then
  log "creating the Kafka broker keystores"
  {
    echo "instances:"
    for n in kafka1 kafka2 kafka3; do instances_entry "$n" "$n" localhost; done
  } >"$WORK/kafka-instances.yml"
  "$CERTUTIL" cert --silent --days "$CERT_DAYS" --in "$WORK/kafka-instances.yml" \
    --ca-cert "$CA_CRT" --ca-key "$CA_KEY" --pass "$KAFKA_KEYSTORE_PASSWORD" \
    --out "$WORK/kafka.zip"
  extract_zip "$WORK/kafka.zip" "$WORK/kafka"
  for n in kafka1 kafka2 kafka3; do
    p12="$(find "$WORK/kafka" -type f -name "$n.p12" | head -n 1)"
    [ -n "$p12" ] || die "certutil did not produce $n.p12"
    write_file "$KAFKA_DIR/$n.p12" 0640 "$KAFKA_UID:$KAFKA_UID" <"$p12"
  done
fi

# --- 4. Kafka SASL files (rewritten on every run) ---------------------------
# The CA certificate, as a PEM truststore (ssl.truststore.type=PEM).
write_file "$KAFKA_DIR/ca.crt" 0644 "$KAFKA_UID:$KAFKA_UID" <"$CA_CRT"
write_file "$APP_DIR/ca.crt" 0644 "$APP_UID:$APP_UID" <"$CA_CRT"
write_file "$PROXY_DIR/ca.crt" 0644 0:0 <"$CA_CRT"

# Broker JAAS (KAFKA_OPTS=-Djava.security.auth.login.config=...):
#  - KafkaServer: SASL/PLAIN for the INTERNAL (inter-broker) and CONTROLLER
#    listeners; username/password are what a broker presents to the others.
#  - client.KafkaServer: the CLIENT listener, SASL/SCRAM-SHA-512; the SCRAM
#    credentials live in the KRaft metadata log (created by kafka-init).
write_file "$KAFKA_DIR/kafka_server_jaas.conf" 0640 "$KAFKA_UID:$KAFKA_UID" <<EOF
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
  username="$KAFKA_ADMIN_USERNAME"
  password="$KAFKA_ADMIN_PASSWORD"
  user_$KAFKA_ADMIN_USERNAME="$KAFKA_ADMIN_PASSWORD";
};

client.KafkaServer {
  org.apache.kafka.common.security.scram.ScramLoginModule required;
};
EOF

# Admin client config: the super user over the INTERNAL listener (port 9092).
write_file "$KAFKA_DIR/admin.properties" 0640 "$KAFKA_UID:$KAFKA_UID" <<EOF
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="$KAFKA_ADMIN_USERNAME" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=/etc/kafka/secrets/ca.crt
EOF

# The warroom services' Kafka client config (WARROOM_KAFKA_CONFIG_FILE), merged
# into every producer, consumer, admin and Kafka Streams config. CLIENT listener
# (port 9094), SCRAM-SHA-512, TLS verified against the private CA.
write_file "$APP_DIR/kafka-client.properties" 0640 "$APP_UID:$APP_UID" <<EOF
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$KAFKA_APP_USERNAME" password="$KAFKA_APP_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=/etc/warroom/secrets/ca.crt
ssl.endpoint.identification.algorithm=https
EOF

# --- 5. Ownership and permissions --------------------------------------------
# es_certs: root:root, group-readable (Elasticsearch runs as uid 1000, gid 0);
# the CA key is root-only.
chown -R 0:0 "$ES_CERTS"
find "$ES_CERTS" -type d -exec chmod 0750 {} +
find "$ES_CERTS" -type f -exec chmod 0640 {} +
chmod 0600 "$CA_KEY"

chown "$KAFKA_UID:$KAFKA_UID" "$KAFKA_DIR"; chmod 0750 "$KAFKA_DIR"
chown "$APP_UID:$APP_UID" "$APP_DIR";       chmod 0750 "$APP_DIR"
chown 0:0 "$PROXY_DIR";                     chmod 0750 "$PROXY_DIR"

log "done"
