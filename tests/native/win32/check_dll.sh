#!/usr/bin/env bash
# Checks a Windows build of the driver without running it (objdump -p): the machine type, the 18
# Siebel exports under their exact undecorated names (no other export but the Native AOT runtime's
# DotNetRuntimeDebugHeader), a DLL without a console subsystem, and imports only of DLLs that every
# Windows Server 2016 and later has. Prints PASS/FAIL lines and "N passed, N failed".
# Usage: check_dll.sh PATH/SiebelCtiDriver.dll x64|x86
set -uo pipefail
dll=${1:?usage: check_dll.sh DLL x64|x86}; arch=${2:?usage: check_dll.sh DLL x64|x86}
passed=0; failed=0
check() { if [ "$1" = 0 ]; then echo "PASS: $2"; passed=$((passed + 1)); else echo "FAIL: $2"; failed=$((failed + 1)); fi; }

dump=$(objdump -p "$dll" 2>&1); check $? "objdump -p reads $dll"
case $arch in x64) magic='020b' ;; x86) magic='010b' ;; esac
grep -Eq "^Magic[[:space:]]+$magic" <<<"$dump"; check $? "$arch image (optional header magic $magic)"
grep -Eq '^Characteristics.*' <<<"$dump" && grep -q 'DLL' <<<"$(grep -A12 '^Characteristics' <<<"$dump")"; check $? "the image is a DLL"
grep -Eq '^Subsystem[[:space:]]+00000002' <<<"$dump"; check $? "Windows GUI subsystem: loading it never opens a console"

expected="APIVersion AcceptWorkItem CreateISCDriverInstance FreeSCStrParamList GetImplementationObject HandleQueuedWorkItem
InvokeCommand InvokeCommandEx NotifyEventHandlingFinished ReleaseISCDriverInstance ReleaseISCServiceInstance ReleaseWorkItem
RequestCommandEventList RequestMediaTypeList RequestService ResumeWorkItem RevokeQueuedWorkItem SuspendWorkItem"
# The export name table: lines "[   n] Name" after "[Ordinal/Name Pointer] Table" (binutils 2.40).
exports=$(awk '/\[Ordinal\/Name Pointer\] Table|\[Name Pointer\/Ordinal\] Table/{t=1; next} t && /^[[:space:]]*\[ *[0-9]+\] /{print $NF; next} t && NF==0{t=0}' <<<"$dump" | sort -u)
for name in $expected; do grep -qx "$name" <<<"$exports"; check $? "exports $name (undecorated)"; done
extra=$(comm -13 <(tr ' ' '\n' <<<"$expected" | tr -s '\n' | sort) <(grep -vx 'DotNetRuntimeDebugHeader' <<<"$exports"))
[ -z "$extra" ]; check $? "no other export${extra:+ (found: $(tr '\n' ' ' <<<"$extra"))}"

# DLLs of every Windows Server 2016+ installation (the UCRT api sets are part of Windows 10 / Server 2016).
allowed='^(kernel32|advapi32|bcrypt|crypt32|iphlpapi|ncrypt|ole32|oleaut32|secur32|ws2_32|user32|version|normaliz|ntdll|mswsock|msvcrt|api-ms-win-crt-[a-z]+-l1-1-0)\.dll$'
imports=$(grep -E 'DLL Name:' <<<"$dump" | awk '{print tolower($3)}' | sort -u)
bad=$(grep -Ev "$allowed" <<<"$imports")
[ -n "$imports" ] && [ -z "$bad" ]; check $? "imports only system DLLs of Windows Server 2016+ ($(tr '\n' ' ' <<<"$imports"| sed 's/ $//'))${bad:+; not allowed: $(tr '\n' ' ' <<<"$bad")}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
