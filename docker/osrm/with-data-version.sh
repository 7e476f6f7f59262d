#!/bin/sh
# Starts the worker (the command given as arguments) with OSRM_DATA_VERSION, the key of the shared
# matrix cache, taken from the prepared road data when it is not set explicitly, so cached travel
# times never outlive the data they came from. Mounted data: /osrm-data (the osrm data volume).
set -eu
file="${OSRM_DATA_VERSION_FILE:-/osrm-data/current/data_version}"
if [ -z "${OSRM_DATA_VERSION:-}" ] && [ -s "$file" ]; then
  OSRM_DATA_VERSION="$(head -n 1 "$file")"
fi
if [ -n "${OSRM_DATA_VERSION:-}" ]; then
  export OSRM_DATA_VERSION
else
  # An empty value would be refused by config.ts; unset means its default.
  unset OSRM_DATA_VERSION
fi
exec "$@"
