#!/usr/bin/env bash
# System tools the tests drive: Debian's Chromium through playwright-core (never a downloaded
# build) and poppler-utils (pdftotext, pdffonts, pdfinfo, pdftohtml, pdftoppm), which read the
# exported PDFs back as their readers would.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
missing=()
[ -x "$CHROMIUM" ] || missing+=(chromium)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages for the tests: ${missing[*]}..."
  (apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1) ||
    (apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null)
  exit 0
fi
echo "The tests need: ${missing[*]}. Run 'sudo apt-get install -y ${missing[*]}' (Chromium: or set CHROMIUM_PATH)." >&2
exit 1
