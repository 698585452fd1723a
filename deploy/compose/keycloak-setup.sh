#!/usr/bin/env bash
# Runs after Keycloak is ready, on every `up`: the imported realm carries the local stack's client secrets and
# redirect URIs, which are public (they are in the repository); this puts this installation's own in their place.
# Idempotent, so a restart with the same secrets changes nothing.
set -euo pipefail

realm=visaport
config=/tmp/kcadm.config

secret() {
  tr -d '\r\n' < "/run/secrets/$1"
}

kc() {
  /opt/keycloak/bin/kcadm.sh "$@" --config "$config"
}

client() {
  local id
  id=$(kc get clients -r "$realm" -q "clientId=$1" --fields id --format csv --noquotes)
  [ -n "$id" ] || { echo "keycloak-setup: client $1 is not in realm $realm" >&2; exit 1; }
  echo "$id"
}

# Through the same address as the services, so the admin token's issuer is the one Keycloak expects.
kc config credentials --server "$KEYCLOAK_URL" --realm master --user admin --password "$(secret keycloak_admin_password)"

kc update "clients/$(client identity-service)" -r "$realm" -s "secret=$(secret KEYCLOAK_CLIENT_SECRET)"
kc update "clients/$(client visaport-bff)" -r "$realm" -s "secret=$(secret GATEWAY_WEB_CLIENT_SECRET)" \
  -s "redirectUris=[\"${VISAPORT_PUBLIC_URL}/login/oauth2/code/keycloak\"]" \
  -s "attributes.\"post.logout.redirect.uris\"=${VISAPORT_PUBLIC_URL}/"

if [ "${VISAPORT_DEMO_USERS}" = false ]; then
  for user in applicant member moderator editor admin; do
    id=$(kc get users -r "$realm" -q "username=$user@visaport.local" -q exact=true --fields id --format csv --noquotes)
    if [ -n "$id" ]; then
      kc delete "users/$id" -r "$realm"
    fi
  done
  kc update "clients/$(client visaport-cli)" -r "$realm" -s enabled=false
  echo "keycloak-setup: demo users deleted, visaport-cli disabled"
fi
echo "keycloak-setup: client secrets and redirect URIs set for ${VISAPORT_PUBLIC_URL}"
