#!/usr/bin/env bash
# Publishes the Siebel driver for every platform, from this Linux machine (docs/native-abi.md, "Windows builds"):
#   artifacts/driver/linux-x64/libSiebelCtiDriver.so   Native AOT
#   artifacts/driver/win-x64/SiebelCtiDriver.dll       Native AOT, linked with lld-link against MinGW-w64
#   artifacts/driver/win-x86/SiebelCtiDriver.dll       MinGW-w64 hosting DLL + SiebelCtiDriver.runtime/ (.NET runtime, hostfxr)
#   artifacts/driver/win-x64-hosted/                   the win-x86 route built for x64: only for the tests under Wine
# and one zip per shipped platform in artifacts/release/ (library, runtime files, Siebel .def, ABI
# config example, INSTALL.md). artifacts/driver/libSiebelCtiDriver.so(.dbg) link to the linux-x64 build.
# Test builds, with the test-only loopback connector compiled in (-p:DriverTestHooks=true; never shipped),
# for the C host tests that need no broker: test-linux-x64, test-win-x64, test-win-x64-hosted, written to
# artifacts/driver-test/<platform without "test-">/.
# Usage: publish-driver.sh [PLATFORM...]   (default: linux-x64 win-x64 win-x86 win-x64-hosted)
set -euo pipefail
source "$(dirname "$0")/env.sh"
driver="$SIEBELCTI_ROOT/artifacts/driver"
driver_test="$SIEBELCTI_ROOT/artifacts/driver-test"
release="$SIEBELCTI_ROOT/artifacts/release"
project="$SIEBELCTI_ROOT/Driver/Driver.csproj"
platforms=("$@")
[ ${#platforms[@]} -gt 0 ] || platforms=(linux-x64 win-x64 win-x86 win-x64-hosted)

# Native AOT: the same managed code and [UnmanagedCallersOnly] exports for Linux and win-x64.
# publish_aot RID [OUT [MSBUILD-PROPERTY...]]
publish_aot() {
  local rid=$1 out=${2:-$driver/$1}; shift $(( $# > 1 ? 2 : 1 ))
  log "publishing the native driver for $rid (Native AOT) to $out"
  rm -rf "$out"
  dotnet publish "$project" -c Release -r "$rid" -o "$out" -nologo -clp:ErrorsOnly "$@" || die "the Native AOT publish of Driver for $rid failed"
  rm -f "$out"/*.pdb "$out"/*.xml
}

# Hosted: the managed driver as IL with a self-contained runtime, behind eng/windows/hosted-driver.c.
# publish_hosted RID OUT [MSBUILD-PROPERTY...]
publish_hosted() {
  local rid=$1 out=$2 triple; shift 2
  case $rid in win-x86) triple=i686-w64-mingw32 ;; win-x64) triple=x86_64-w64-mingw32 ;; esac
  log "publishing the hosted driver for $rid to $out"
  rm -rf "$out"; mkdir -p "$out"
  dotnet publish "$project" -c Release -r "$rid" -p:PublishAot=false -p:SelfContained=true \
    -p:GenerateRuntimeConfigurationFiles=true -o "$out/SiebelCtiDriver.runtime" -nologo -clp:ErrorsOnly "$@" \
    || die "the hosted publish of Driver for $rid failed"
  rm -f "$out"/SiebelCtiDriver.runtime/*.pdb "$out"/SiebelCtiDriver.runtime/*.xml
  # -static-libgcc: no MinGW DLL beside it; only KERNEL32 and the system msvcrt are imported.
  "$triple-gcc" -std=c11 -O2 -Wall -Wextra -Werror -shared -static-libgcc -s -Wl,--no-insert-timestamp,--subsystem,windows,--dynamicbase,--nxcompat \
    -o "$out/SiebelCtiDriver.dll" "$SIEBELCTI_ROOT/eng/windows/hosted-driver.c" || die "$triple-gcc eng/windows/hosted-driver.c failed"
}

# One zip a Siebel administrator unpacks on the server (eng/release/INSTALL.md).
package() {
  local platform=$1 stage
  stage=$(mktemp -d); mkdir -p "$stage/SiebelCtiDriver-$platform" "$release"
  cp -r "$driver/$platform"/. "$stage/SiebelCtiDriver-$platform/"
  rm -f "$stage/SiebelCtiDriver-$platform"/*.dbg
  cp "$SIEBELCTI_ROOT/samples/siebel/SiebelCtiDriver.def" "$SIEBELCTI_ROOT/samples/siebel/SiebelCtiDriver.abi.conf.example" \
    "$SIEBELCTI_ROOT/eng/release/INSTALL.md" "$stage/SiebelCtiDriver-$platform/"
  rm -f "$release/SiebelCtiDriver-$platform.zip"
  (cd "$stage" && zip -qr -X "$release/SiebelCtiDriver-$platform.zip" "SiebelCtiDriver-$platform") || die "zip of $platform failed"
  rm -rf "$stage"
  log "release: $release/SiebelCtiDriver-$platform.zip ($(du -h "$release/SiebelCtiDriver-$platform.zip" | cut -f1))"
}

for platform in "${platforms[@]}"; do
  case $platform in
    linux-x64)
      publish_aot linux-x64
      [ -f "$driver/linux-x64/libSiebelCtiDriver.so" ] || die "publish produced no $driver/linux-x64/libSiebelCtiDriver.so"
      # The tests, the demo and valgrind load artifacts/driver/libSiebelCtiDriver.so.
      ln -sfn linux-x64/libSiebelCtiDriver.so "$driver/libSiebelCtiDriver.so"
      ln -sfn linux-x64/libSiebelCtiDriver.so.dbg "$driver/libSiebelCtiDriver.so.dbg"
      package linux-x64 ;;
    win-x64)
      publish_aot win-x64
      [ -f "$driver/win-x64/SiebelCtiDriver.dll" ] || die "publish produced no $driver/win-x64/SiebelCtiDriver.dll"
      package win-x64 ;;
    win-x86) publish_hosted win-x86 "$driver/win-x86"; package win-x86 ;;
    win-x64-hosted) publish_hosted win-x64 "$driver/win-x64-hosted" ;;
    test-linux-x64|test-win-x64) publish_aot "${platform#test-}" "$driver_test/${platform#test-}" -p:DriverTestHooks=true ;;
    test-win-x64-hosted) publish_hosted win-x64 "$driver_test/win-x64-hosted" -p:DriverTestHooks=true ;;
    *) die "unknown platform $platform (linux-x64, win-x64, win-x86, win-x64-hosted, test-linux-x64, test-win-x64, test-win-x64-hosted)" ;;
  esac
done
