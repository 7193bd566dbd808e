#!/usr/bin/env bash
# Runs every test of the project on a fresh Debian machine: installs what is missing, builds the
# solution, publishes the native driver, starts ActiveMQ and prosody on loopback, runs the managed
# test projects and the native C host tests, stops the services, and ends with "N passed, N failed".
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$SIEBELCTI_ROOT"

results="$SIEBELCTI_RUN/test-results"
rm -rf "$results"; mkdir -p "$results"
passed=0; failed=0
fail_step() { log "FAILED: $1"; failed=$((failed + 1)); }

# --with-browser: the Connector Monitor browser tests need headless Chromium and chromedriver.
bash scripts/install-deps.sh --with-browser || { echo "0 passed, 1 failed"; exit 1; }

log "building the solution"
if ! dotnet build SiebelCtiDriver.sln -c Debug -nologo -clp:ErrorsOnly; then
  fail_step "dotnet build"; echo "$passed passed, $failed failed"; exit 1
fi
bash scripts/publish-driver.sh || fail_step "native driver publish"
# The C host tests that need no broker drive the test builds (the loopback connector compiled in);
# apiversion_test checks that the shipped builds above do not contain it.
bash scripts/publish-driver.sh test-linux-x64 test-win-x64 test-win-x64-hosted || fail_step "native driver publish (test builds)"

log "building the native host tests"
mkdir -p tests/native/build
native_tests=()
for src in tests/native/*.c; do
  exe="tests/native/build/$(basename "${src%.c}")"
  if gcc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -pthread -o "$exe" "$src" -ldl; then
    native_tests+=("$exe")
  else
    fail_step "gcc $src"
  fi
done
# The scriptable Siebel host of the end-to-end tests: compiled here, driven by tests/Integration.Tests/EndToEnd.
for src in tests/native/e2e/*.c; do
  gcc -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -O1 -g -pthread -o "tests/native/build/$(basename "${src%.c}")" "$src" -ldl \
    || fail_step "gcc $src"
done

# ==== Windows (issue #16): the C host tests built with MinGW-w64 from the same sources =========
# win64/ runs under 64-bit Wine (here, and in the Wine end-to-end tests of Integration.Tests);
# win32/ is built only: this machine cannot execute 32-bit processes (docs/native-abi.md).
log "building the Windows host tests (MinGW-w64) and checking the C layouts of each data model"
win_built=0
for arch in win64:x86_64-w64-mingw32 win32:i686-w64-mingw32; do
  dir="tests/native/build/${arch%%:*}"; cc="${arch#*:}-gcc"; mkdir -p "$dir"
  for src in tests/native/apiversion_test.c tests/native/siebel_host_test.c tests/native/e2e/siebel_e2e_host.c; do
    "$cc" -std=c11 -Wall -Wextra -Werror -O1 -o "$dir/$(basename "${src%.c}").exe" "$src" && win_built=$((win_built + 1)) || fail_step "$cc $src"
  done
done
for cc in gcc x86_64-w64-mingw32-gcc i686-w64-mingw32-gcc; do
  # _Static_asserts: sizes and offsets of the Siebel structs, C long, time_t, the x86 RequestService stack.
  if "$cc" -std=c11 -Wall -Wextra -Werror -c -o /dev/null tests/native/win32/abi_layout.c; then passed=$((passed + 1)); else fail_step "$cc abi_layout.c"; fi
done
[ $win_built -eq 6 ] || fail_step "Windows host tests: $win_built of 6 built"
export WINEPREFIX="$SIEBELCTI_RUN/wine" WINEDEBUG=-all
seconds_since() { local ms=$(( $(date +%s%3N) - $1 )); printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100)); }
wine_start=$(date +%s%3N)
wineboot -i >"$results/wineboot.log" 2>&1 || fail_step "wineboot (see $results/wineboot.log)"
log "Wine prefix ready in $(seconds_since "$wine_start")"
# ==== end of the Windows build block ========================================================

trap 'bash scripts/services.sh stop; wineserver -k 2>/dev/null' EXIT
bash scripts/services.sh start || fail_step "starting ActiveMQ and prosody"

log "running the managed tests"
# A test that hangs is stopped after 10 minutes and named in the log ("The active test run was aborted";
# blame lists the tests that were running), instead of holding the run until the session timeout.
dotnet test SiebelCtiDriver.sln -c Debug --no-build -nologo --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 10m --blame-hang-dump-type none \
  -- RunConfiguration.TestSessionTimeout=1500000 > "$results/dotnet-test.log" 2>&1
dotnet_rc=$?
grep -E '^(\s*Failed |\s*Passed!|\s*Failed!|.*error|.*aborted|.*[Bb]lame|.*were running)' "$results/dotnet-test.log" | head -n 200 >&2 || true
trx_count=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  trx_count=$((trx_count + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
[ "$trx_count" -gt 0 ] || fail_step "dotnet test produced no results (see $results/dotnet-test.log)"
if [ $dotnet_rc -ne 0 ] && ! grep -q 'failed="[1-9]' "$results"/*.trx 2>/dev/null; then
  tail -n 40 "$results/dotnet-test.log" >&2; fail_step "dotnet test exited $dotnet_rc"
fi

log "running the native host tests"
for exe in "${native_tests[@]}"; do
  case $(basename "$exe") in
    apiversion_test) args=("$SIEBELCTI_ROOT/artifacts/driver/libSiebelCtiDriver.so" 2 production) ;;
    *) args=("$SIEBELCTI_ROOT/artifacts/driver-test/linux-x64/libSiebelCtiDriver.so") ;;
  esac
  out=$("$exe" "${args[@]}" 2>&1); rc=$?
  printf '%s\n' "$out" | sed "s|^|  $(basename "$exe"): |" >&2
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<<"$line"))); failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
  fi
  [ $rc -ne 0 ] && [ -z "$line" ] && fail_step "$exe exited $rc without a summary"
done

# ==== Windows (issue #16): DLL checks, and the host tests under 64-bit Wine ====================
# win-x64 (Native AOT) and win-x64-hosted (the hosting route of win-x86, built for x64 to run it)
# run under Wine; the win-x86 DLL is checked with objdump only. The hosted runs disable CoreCLR's
# W^X under Wine (docs/native-abi.md, "Windows builds").
count_summary() { # NAME OUTPUT RC: adds the "N passed, N failed" line of OUTPUT, or fails NAME
  local out line; out=$(printf '%s\n' "$2" | tr -d '\r') # Windows programs end their lines with CRLF
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  printf '%s\n' "$out" | grep -Ev '^PASS: ' | sed "s|^|  $1: |" >&2
  if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<<"$line"))); failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
  fi
  [ "$3" -ne 0 ] && [ -z "$line" ] && fail_step "$1 exited $3 without a summary"
  return 0
}
log "checking the Windows DLLs (exports, subsystem, imports)"
for build in win-x64:x64 win-x86:x86 win-x64-hosted:x64; do
  dll="artifacts/driver/${build%%:*}/SiebelCtiDriver.dll"
  out=$(bash tests/native/win32/check_dll.sh "$dll" "${build#*:}" 2>&1); count_summary "check_dll ${build%%:*}" "$out" $?
done
log "running the Windows host tests under Wine"
windows_path() { printf 'Z:%s' "$(sed 's|/|\\|g' <<<"$1")"; }
for build in win-x64 win-x64-hosted; do
  wx=(); [ "$build" = win-x64-hosted ] && wx=(env DOTNET_EnableWriteXorExecute=0)
  for t in apiversion_test siebel_host_test; do
    if [ $t = apiversion_test ]; then
      args=("$(windows_path "$SIEBELCTI_ROOT/artifacts/driver/$build/SiebelCtiDriver.dll")" 2 production)
    else
      args=("$(windows_path "$SIEBELCTI_ROOT/artifacts/driver-test/$build/SiebelCtiDriver.dll")")
    fi
    t0=$(date +%s%3N)
    out=$("${wx[@]}" wine "tests/native/build/win64/$t.exe" "${args[@]}" 2>&1); rc=$?
    count_summary "$t.exe $build" "$out" $rc
    log "$t.exe against $build: $(seconds_since "$t0") under Wine"
  done
done
# ==== end of the Windows test block =========================================================

log "running the Siebel host test under valgrind memcheck"
if [ -x tests/native/build/siebel_host_test ]; then
  out=$(bash scripts/valgrind-host.sh tests/native/build/siebel_host_test 20 2>&1)
  printf '%s\n' "$out" | sed 's|^|  valgrind: |' >&2
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<<"$line"))); failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
  else
    fail_step "valgrind host run without a summary"
  fi
fi

log "running the end-to-end demo tour (console toolbar -> driver -> ActiveMQ -> connector -> Finesse emulator)"
if SIEBELCTI_DEMO_CONFIGURATION=Debug bash scripts/demo.sh --script </dev/null >"$results/demo.log" 2>&1; then
  passed=$((passed + 1))
else
  tail -40 "$results/demo.log" >&2; fail_step "demo tour (see $results/demo.log and .run/demo/)"
fi

trap - EXIT
bash scripts/services.sh stop || fail_step "stopping ActiveMQ and prosody"
wineserver -k 2>/dev/null # the Wine server of $SIEBELCTI_RUN/wine (started by the Windows tests)
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
