#!/usr/bin/env bash
# Runs the Siebel host test (tests/native/siebel_host_test.c) under valgrind's memcheck against the
# published test build of the driver (artifacts/driver-test: the loopback connector compiled in) and reports "N passed, N failed". Every memory error fails; a definite leak fails
# unless tests/native/valgrind.supp attributes it to .NET runtime internals (never driver code).
# Usage: valgrind-host.sh HOST_EXE [AGENTS]   (first: scripts/publish-driver.sh test-linux-x64)
set -uo pipefail
source "$(dirname "$0")/env.sh"
exe=${1:?usage: valgrind-host.sh HOST_EXE [AGENTS]}
agents=${2:-20}
lib="$SIEBELCTI_ROOT/artifacts/driver-test/linux-x64/libSiebelCtiDriver.so"
work="$SIEBELCTI_RUN/valgrind"
rm -rf "$work"; mkdir -p "$work"
# Valgrind 3.19 cannot read the DWARF 5 of the runtime's objects in the .dbg file. Give it the
# symbol table only: a DWARF-free copy of the .dbg, and a copy of the library linked to it.
if ! objcopy --strip-debug "$lib.dbg" "$work/libSiebelCtiDriver.so.dbg" \
  || ! (cd "$work" && objcopy --remove-section=.gnu_debuglink --add-gnu-debuglink=libSiebelCtiDriver.so.dbg "$lib" libSiebelCtiDriver.so); then
  echo "0 passed, 1 failed"; exit 1
fi
valgrind --tool=memcheck --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite \
  --num-callers=40 --suppressions="$SIEBELCTI_ROOT/tests/native/valgrind.supp" --error-exitcode=99 \
  --log-file="$work/memcheck.log" "$exe" "$work/libSiebelCtiDriver.so" "$agents" > "$work/host.out" 2>&1
rc=$?
passed=0; failed=0
summary=$(grep -E 'ERROR SUMMARY' "$work/memcheck.log" | tail -n 1)
host=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$work/host.out" | tail -n 1)
echo "memcheck: $summary"
echo "memcheck: $(grep -E 'definitely lost:|suppressed:' "$work/memcheck.log" | sed 's/^==[0-9]*== *//' | tr '\n' ';')"
if [ -n "$host" ] && [ "$(cut -d' ' -f3 <<<"$host")" = 0 ]; then
  echo "PASS: the host test passes under valgrind ($host)"; passed=$((passed + 1))
else
  echo "FAIL: the host test under valgrind: ${host:-no summary} (see $work/host.out)"; failed=$((failed + 1))
fi
if [ $rc -ne 99 ] && grep -q 'ERROR SUMMARY: 0 errors' "$work/memcheck.log"; then
  echo "PASS: no memory errors and no definite leak from driver code"; passed=$((passed + 1))
else
  grep -A40 -E 'Invalid|uninitialised|definitely lost in' "$work/memcheck.log" | head -n 120
  echo "FAIL: memcheck reported errors (see $work/memcheck.log)"; failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
