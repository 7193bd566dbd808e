#!/usr/bin/env bash
# Publishes the Driver with Native AOT to artifacts/driver/libSiebelCtiDriver.so (linux-x64).
set -euo pipefail
source "$(dirname "$0")/env.sh"
out="$SIEBELCTI_ROOT/artifacts/driver"
log "publishing the native driver to $out"
dotnet publish "$SIEBELCTI_ROOT/Driver/Driver.csproj" -c Release -r linux-x64 -o "$out" -nologo -clp:ErrorsOnly \
  || die "the Native AOT publish of Driver failed"
[ -f "$out/libSiebelCtiDriver.so" ] || die "publish produced no $out/libSiebelCtiDriver.so"
