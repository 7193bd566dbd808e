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

trap 'bash scripts/services.sh stop' EXIT
bash scripts/services.sh start || fail_step "starting ActiveMQ and prosody"

log "running the managed tests"
dotnet test SiebelCtiDriver.sln -c Debug --no-build -nologo --logger "trx" --results-directory "$results" \
  -- RunConfiguration.TestSessionTimeout=1500000 > "$results/dotnet-test.log" 2>&1
dotnet_rc=$?
grep -E '^(\s*Failed |\s*Passed!|\s*Failed!|.*error)' "$results/dotnet-test.log" | head -n 200 >&2 || true
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
  out=$("$exe" "$SIEBELCTI_ROOT/artifacts/driver/libSiebelCtiDriver.so" 2>&1); rc=$?
  printf '%s\n' "$out" | sed "s|^|  $(basename "$exe"): |" >&2
  line=$(printf '%s\n' "$out" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1)
  if [ -n "$line" ]; then
    passed=$((passed + $(cut -d' ' -f1 <<<"$line"))); failed=$((failed + $(cut -d' ' -f3 <<<"$line")))
  fi
  [ $rc -ne 0 ] && [ -z "$line" ] && fail_step "$exe exited $rc without a summary"
done

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
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
