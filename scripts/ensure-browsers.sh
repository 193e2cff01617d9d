#!/bin/sh
# The end-to-end tests and the demo drive Debian's Chromium, the Firefox smoke test Debian's
# firefox-esr; test tools cannot download a browser here. Install what is missing when we may
# (root with apt), otherwise say how.
set -e
missing=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing=" chromium"
if [ "${1:-}" = "--with-firefox" ] && ! command -v firefox-esr >/dev/null 2>&1; then missing="$missing firefox-esr"; fi
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's$missing (needed by the browser tests)…"
  apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  exit 0
fi
echo "Missing:$missing. Run 'sudo apt-get install -y$missing' (or set CHROMIUM_PATH)." >&2
exit 1
