#!/bin/sh
# Store screenshots (1280x800, as the Chrome Web Store and AMO listings take them) from the UI test run's
# screenshots: `npx playwright test -c e2e confirm-ui asset-changes` writes e2e/.artifacts/screenshots/.
# Each one: a caption on the left, the confirm window (trimmed of its empty margin, cut at 760 px high)
# on the right. Needs ImageMagick (Debian: apt-get install -y imagemagick).
set -eu
cd "$(dirname "$0")/.."
src=e2e/.artifacts/screenshots
out=store/screenshots
command -v convert >/dev/null || { echo "ImageMagick not found: apt-get install -y imagemagick" >&2; exit 1; }
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# shot <source name> <output name> <headline> <subline> [full | height to cut at]
shot() {
  in="$src/$1.png"
  [ -f "$in" ] || { echo "missing $in: run the UI tests first" >&2; exit 1; }
  if [ "${5:-}" = full ]; then
    # A whole page (the phishing warning): scaled down as it is.
    convert "$in" -resize 800x760 "$tmp/shot.png"
  else
    # A full-page capture of the confirm window: the sticky footer (the buttons) ends where it sat in
    # the window, so a long page is cut just below it.
    convert "$in" -fuzz 3% -trim +repage -gravity north -crop "800x${5:-760}+0+0" +repage "$tmp/shot.png"
  fi
  convert "$tmp/shot.png" -bordercolor '#d7dce8' -border 1 "$tmp/framed.png"
  convert -size 400x -background none -fill '#10204a' -font DejaVu-Sans-Bold -pointsize 34 caption:"$3" "$tmp/head.png"
  convert -size 400x -background none -fill '#3b4763' -font DejaVu-Sans -pointsize 22 caption:"$4" "$tmp/sub.png"
  convert -background none "$tmp/head.png" -size 400x28 xc:none "$tmp/sub.png" -append "$tmp/text.png"
  convert -size 1280x800 xc:'#eef2fb' \
    public/icon/96.png -gravity northwest -geometry +40+60 -composite \
    "$tmp/text.png" -gravity northwest -geometry +40+200 -composite \
    "$tmp/framed.png" -gravity east -geometry +30+0 -composite \
    -strip "$out/$2.png"
  echo "$out/$2.png $(identify -format '%wx%h' "$out/$2.png")"
}

shot changes-drain 1-drainer "Sees what a transaction really moves" "Before your wallet signs, the firewall simulates the transaction and shows what leaves your account." 700
shot unlimited-approval-to-unknown-account 2-unlimited-approval "Flags unlimited approvals" "An approval that lets an unknown account take all your tokens gets a plain-words warning."
shot zero-price-listing 3-zero-price-listing "Reads signatures, not just transactions" "Seaport listings, permits and Permit2 batches are decoded: a free NFT listing is called out."
shot known-phishing-site-page 4-phishing-site "Stops known phishing sites" "Pages on the shipped phishing lists are held behind a full-page warning before they load." full
shot changes-swap 5-normal-swap "Quiet when nothing is wrong" "Ordinary swaps pass with a short summary; reads and chain queries are never slowed."
