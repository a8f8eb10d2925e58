#!/usr/bin/env bash
# Installs the offline speech engines Glyphoxa uses from Debian's packages:
#   PocketSphinx (STT) with its US English model, Festival (TTS) with the HTS "slt" voice, espeak-ng (fast TTS).
# Idempotent: does nothing when everything is present. Needs root (or sudo) the first time.
set -euo pipefail
need=()
for pkg in pocketsphinx pocketsphinx-en-us libpocketsphinx3 festival festvox-us-slt-hts espeak-ng; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -eq 0 ]; then
  echo "speech engines: already installed"
  exit 0
fi
echo "speech engines: installing ${need[*]} (Debian packages)"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "speech engines: installed"
