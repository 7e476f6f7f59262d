#!/bin/sh
# The osrm-prepare step: turns the extract downloaded by download.sh into contraction-hierarchy
# road data for `osrm-routed --algorithm ch`, and records its data_version. Runs in the OSRM image
# (Debian or Alpine based depending on the release, so plain POSIX sh only).
#
# data_version is the extract's date: the osmosis_replication_timestamp in the .osm.pbf header
# (every Geofabrik extract has one), read by osrm-extract itself (`--data_version osmosis`);
# without it, the file's time, which download.sh set from the HTTP Last-Modified header (or the
# download time). OSRM returns it in every response, and every plan records it.
#
# Environment: OSM_EXTRACT_URL (required, must match what download.sh fetched);
# OSRM_PROFILE_LUA (default /opt/car.lua, the car profile shipped in the image).
set -eu

url="${OSM_EXTRACT_URL:?set OSM_EXTRACT_URL to an .osm.pbf URL}"
data="${OSRM_DATA_DIR:-/data}"
profile="${OSRM_PROFILE_LUA:-/opt/car.lua}"

same_url() { [ "$(cat "$1/source_url" 2>/dev/null || true)" = "$url" ]; }

if [ ! -s "$data/next/region.osm.pbf" ]; then
  if [ -s "$data/current/data_version" ] && same_url "$data/current"; then
    echo "osrm-prepare: road data for $url is already prepared (data_version $(cat "$data/current/data_version")); nothing to do"
    exit 0
  fi
  echo "osrm-prepare: no downloaded extract for $url in $data/next (run the osrm-download service first)" >&2
  exit 1
fi
if ! same_url "$data/next"; then
  echo "osrm-prepare: $data/next holds $(cat "$data/next/source_url" 2>/dev/null || echo 'an unknown extract'), not $url (run osrm-download again)" >&2
  exit 1
fi

# Runs a command with its output both shown and kept in a log; returns the command's status
# (POSIX sh has no pipefail).
run_logged() {
  log="$1"
  shift
  status_file="$log.status"
  { status=0; "$@" 2>&1 || status=$?; echo "$status" >"$status_file"; } | tee "$log"
  status="$(cat "$status_file")"
  rm -f "$status_file"
  if [ "$status" != 0 ]; then
    echo "osrm-prepare: '$*' failed with status $status (too little memory is the usual cause: see README, 'Road travel times')" >&2
  fi
  return "$status"
}

# The same characters config.ts accepts for OSRM_DATA_VERSION; rules out "n/a" and empty.
is_data_version() { printf '%s' "$1" | grep -Eq '^[A-Za-z0-9_.:-]{1,64}$'; }

cd "$data/next"
rm -f region.osrm*   # leftovers of an interrupted build
run_logged extract.log osrm-extract -p "$profile" --data_version osmosis region.osm.pbf
# osrm-extract logs the header's timestamp as "timestamp: <value>", or "timestamp: n/a".
version="$(sed -n 's/.*timestamp: *//p' extract.log | head -n 1 | tr -d '[:space:]')"
if ! is_data_version "$version"; then
  version="$(date -u -r region.osm.pbf +%Y-%m-%dT%H:%M:%SZ)"
  echo "osrm-prepare: the extract's header has no timestamp; extracting again with data_version $version (the file's Last-Modified or download time)"
  rm -f region.osrm*
  run_logged extract.log osrm-extract -p "$profile" --data_version "$version" region.osm.pbf
fi
run_logged contract.log osrm-contract region.osrm
printf '%s\n' "$version" >data_version
rm -f region.osm.pbf

# Swap in the new data. osrm-routed keeps serving the files it loaded until it is restarted.
cd "$data"
rm -rf previous
if [ -d current ]; then mv current previous; fi
mv next current
rm -rf previous
echo "osrm-prepare: road data for $url is ready, data_version $version"
