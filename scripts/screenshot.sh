#!/usr/bin/env bash
# Starts the window on a virtual display, waits, and saves a screenshot.
# Usage: scripts/screenshot.sh OUTPUT.png [SECONDS] [extra app arguments...]
# Needs: xvfb, imagemagick, libgtk-3-0, and a built target/memoscope.jar.
set -euo pipefail
out=${1:?output png}
wait_seconds=${2:-8}
shift $(( $# >= 2 ? 2 : 1 ))
display=:$(( 90 + RANDOM % 9 ))
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
DISPLAY=$display MEMOSCOPE_EXIT_AFTER=$(( wait_seconds + 3 )) \
    java -jar target/memoscope.jar "$@" >/tmp/memoscope-screenshot.log 2>&1 &
app=$!
sleep "$wait_seconds"
DISPLAY=$display import -window root "$out"
wait $app || true
