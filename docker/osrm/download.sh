#!/bin/sh
# The osrm-download step: fetches the OpenStreetMap extract that osrm-prepare (prepare.sh) turns
# into road data. It runs in the curl image because the OSRM image has no HTTP client.
#
# The data volume (OSRM_DATA_DIR, /data in the containers) holds:
#   current/  the road data osrm-routed serves: region.osrm*, source_url, data_version
#   next/     a download or build in progress; prepare.sh renames it to current/ once complete,
#             so a failed or interrupted preparation never damages the data being served.
#
# Environment: OSM_EXTRACT_URL (required); OSRM_REFRESH=1 downloads again even when the data for
# this URL is already prepared (Geofabrik's "-latest" URL stays the same when its content changes).
set -eu

url="${OSM_EXTRACT_URL:?set OSM_EXTRACT_URL to an .osm.pbf URL}"
data="${OSRM_DATA_DIR:-/data}"
refresh="${OSRM_REFRESH:-0}"

same_url() { [ "$(cat "$1/source_url" 2>/dev/null || true)" = "$url" ]; }

if [ "$refresh" != 1 ] && [ -s "$data/current/data_version" ] && same_url "$data/current"; then
  echo "osrm-download: road data for $url is already prepared (data_version $(cat "$data/current/data_version")); nothing to download"
  exit 0
fi
if [ "$refresh" != 1 ] && [ -s "$data/next/region.osm.pbf" ] && same_url "$data/next"; then
  echo "osrm-download: $url was downloaded before and is still waiting to be prepared; reusing it"
  exit 0
fi

rm -rf "$data/next"
mkdir -p "$data/next"
echo "osrm-download: downloading $url"
# --remote-time gives the file the server's Last-Modified time: prepare.sh uses it as the
# data_version when the file's own header carries no timestamp (without the header, the file
# keeps the download time, i.e. today).
curl --fail --location --remote-time --retry 5 --retry-delay 10 --retry-connrefused \
  --output "$data/next/region.osm.pbf.part" "$url"
# The name region.osm.pbf appears only once the download is complete.
mv "$data/next/region.osm.pbf.part" "$data/next/region.osm.pbf"
printf '%s\n' "$url" >"$data/next/source_url"
echo "osrm-download: done ($(wc -c <"$data/next/region.osm.pbf") bytes)"
