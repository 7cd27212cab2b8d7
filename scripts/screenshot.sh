#!/usr/bin/env bash
# Takes a screenshot of the release app under Xvfb: scripts/screenshot.sh [ARTICLE] [OUT.png]
# Environment: WAIT_SECONDS (default 8), THEME (System, Light, Dark), TILES (OpenStreetMap,
# OpenTopoMap, BasemapOnly).
# Needs: apt-get install -y xvfb imagemagick; a release build (cargo build --release).
set -euo pipefail
article="${1:-}"
out="${2:-docs/screenshot.png}"
bin="${CARGO_TARGET_DIR:-target}/release/itinera"
display=":${DISPLAY_NUMBER:-99}"

Xvfb "$display" -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb_pid=$!
trap 'kill "$app_pid" "$xvfb_pid" 2>/dev/null || true' EXIT
sleep 1
# A private config dir, so the first-start sample and settings of the user are untouched.
export XDG_DATA_HOME="$(mktemp -d)" XDG_CONFIG_HOME="$(mktemp -d)"
# THEME=Light or THEME=Dark starts the app in that theme; TILES=BasemapOnly keeps it offline.
if [ -n "${THEME:-}${TILES:-}" ]; then
  mkdir -p "$XDG_DATA_HOME/itinera"
  printf '{"itinera-settings":"(theme:%s,tiles:%s)"}\n' "${THEME:-System}" "${TILES:-OpenStreetMap}" \
    >"$XDG_DATA_HOME/itinera/app.ron"
fi
if [ -n "$article" ]; then
  DISPLAY="$display" "$bin" "$article" &
else
  DISPLAY="$display" "$bin" &
fi
app_pid=$!
sleep "${WAIT_SECONDS:-8}"
DISPLAY="$display" import -window root "$out"
# Keep the file small: a palette PNG.
convert "$out" -colors 256 PNG8:"$out"
ls -la "$out"
