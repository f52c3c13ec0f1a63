#!/bin/sh
# Run once by the postgres image on an empty data directory (docker-entrypoint-initdb.d), as the superuser, in the
# storemon database. The services connect as storemon_app: not a superuser, cannot create roles or databases, owns the
# public schema (Flyway's migrations need DDL there) and may connect to this database only.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v app_password="${STOREMON_APP_PASSWORD:?set STOREMON_APP_PASSWORD}" -v db="$POSTGRES_DB" <<'EOSQL'
create role storemon_app login password :'app_password' nosuperuser nocreatedb nocreaterole noreplication;
revoke all on database :"db" from public;
grant connect, temporary on database :"db" to storemon_app;
alter schema public owner to storemon_app;
EOSQL
