#!/usr/bin/env bash
# Everything a fresh Debian 12 machine lacks for the tests: Debian packages (Chromium for the browser
# tests; ffmpeg, ImageMagick, exiftool and heif-enc to make real media fixtures; mediainfo for checks;
# python3's zipfile writes the Office fixtures, and Archive::Zip lets exiftool read them back),
# then the npm dependencies exactly as locked; GNU time (package `time`) measures the benches' peers.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium ffmpeg imagemagick libimage-exiftool-perl libarchive-zip-perl libheif-examples mediainfo python3 time xvfb xauth)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo --preserve-env=DEBIAN_FRONTEND)
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Electron's binary cannot be downloaded on build machines; electron >= 42 fetches it lazily anyway,
# this is the safety net for anything that would try at install time (docs/reference/toolchain.md §2).
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
