#!/bin/sh
# Healthy once osrm-routed answers HTTP: it handles requests only after loading the road data.
# A nearest query at 0,0 snaps to the closest road of any region (200); a 400 with an OSRM error
# code would still prove the engine answers. The OSRM image is Debian based in some releases
# (bash, no wget) and Alpine based in others (busybox wget, no bash), so both ways are here.
path=/nearest/v1/driving/0,0
if command -v wget >/dev/null 2>&1; then
  wget -q -S -O /dev/null "http://127.0.0.1:5000$path" 2>&1 | grep -Eq 'HTTP/1\.[01] (200|400)'
  exit $?
fi
exec bash -c '
  exec 3<>/dev/tcp/127.0.0.1/5000 || exit 1
  printf "GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" "$1" >&3
  IFS= read -r status <&3 || exit 1
  case "$status" in "HTTP/1."?" 200 "* | "HTTP/1."?" 400 "*) exit 0 ;; *) exit 1 ;; esac
' healthcheck "$path"
