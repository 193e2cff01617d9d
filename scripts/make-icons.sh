#!/bin/sh
# Renders the extension icons (public/icon/<size>.png, which WXT puts in the manifest) from one SVG.
# Needs rsvg-convert (Debian: apt-get install -y librsvg2-bin). The PNGs are committed; run this again
# only when store/icon.svg changes.
set -eu
cd "$(dirname "$0")/.."
src=store/icon.svg
out=public/icon
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: apt-get install -y librsvg2-bin" >&2; exit 1; }
mkdir -p "$out"
for size in 16 32 48 96 128; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$src" --output "$out/$size.png"
done
ls -l "$out"
