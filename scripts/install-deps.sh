#!/usr/bin/env bash
# Installs the Debian packages the build, the tests and the demo need. Idempotent: packages
# already present are not fetched again, and apt-get update runs only when something is missing.
set -euo pipefail
source "$(dirname "$0")/env.sh"

packages=(activemq libactivemq-java openjdk-17-jdk-headless prosody lua-unbound gcc libc6-dev valgrind clang zlib1g-dev)
# The Windows DLLs and their host tests (docs/native-abi.md, "Windows builds"): lld-link, MinGW-w64, 64-bit Wine, zip.
packages+=(lld gcc-mingw-w64-x86-64-win32 gcc-mingw-w64-i686-win32 wine wine64 zip)
[ "${1:-}" = "--with-browser" ] && packages+=(chromium chromium-driver)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
command -v dotnet >/dev/null || die "the .NET 10 SDK is not on PATH (see README: prerequisites)"
[ ${#missing[@]} -eq 0 ] && { log "all packages present"; exit 0; }

SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
log "installing: ${missing[*]}"
$SUDO apt-get update -qq
# policy-rc.d keeps Debian's maintainer scripts from starting system-wide broker/XMPP daemons:
# our own scripts start them on 127.0.0.1 with our own configuration.
policy=/usr/sbin/policy-rc.d; made_policy=0
if [ ! -e $policy ]; then printf '#!/bin/sh\nexit 101\n' | $SUDO tee $policy >/dev/null; $SUDO chmod +x $policy; made_policy=1; fi
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || { [ $made_policy = 1 ] && $SUDO rm -f $policy; die "apt-get install failed for: ${missing[*]}"; }
[ $made_policy = 1 ] && $SUDO rm -f $policy
log "installed: ${missing[*]}"
