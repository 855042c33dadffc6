#!/usr/bin/env sh
# Writes docker/.env from docker/.env.example with a fresh random value for every
# required secret and a new Kafka cluster id. Never overwrites an existing file.
# Review the result (host name, public URL, providers) before the first start.
set -eu

here="$(cd "$(dirname "$0")" && pwd)"
env_file="$here/.env"
[ ! -e "$env_file" ] || { echo "$env_file exists; not overwriting it" >&2; exit 1; }
command -v openssl >/dev/null 2>&1 || { echo "openssl is needed" >&2; exit 1; }

cluster_id="$(openssl rand 16 | base64 | tr '+/' '-_' | tr -d '=\n')"
umask 077
tmp="$(mktemp "$here/.env.XXXXXX")"
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    KAFKA_CLUSTER_ID=CHANGE_ME) printf 'KAFKA_CLUSTER_ID=%s\n' "$cluster_id" ;;
    [A-Z]*=CHANGE_ME)           printf '%s=%s\n' "${line%%=*}" "$(openssl rand -hex 24)" ;;
    *)                          printf '%s\n' "$line" ;;
  esac
done <"$here/.env.example" >"$tmp"
mv "$tmp" "$env_file"
echo "wrote $env_file (mode 600); now set WARROOM_PUBLIC_HOSTNAME and WARROOM_PUBLIC_URL"
