#!/usr/bin/env bash
# Self-test of the private-libvirtd harness (testdaemon.sh): starts real
# daemons in temporary directories and checks, with virsh, everything the
# Java integration tests rely on. Prints one line per check with timings;
# exits non-zero if any check fails. Stops every daemon it started.
#
#   sudo src/test/daemon/selftest.sh [--install]   (--install: run install-deps.sh first)
#
# Needs root; takes ~15-25 s (the first start in a fresh cache probes QEMU).
set -uo pipefail
HERE=$(dirname "$(readlink -f "$0")")
TD="$HERE/testdaemon.sh"
FAILS=0
DIRS=()

if [ "${1:-}" = --install ]; then
  s=$(date +%s%N)
  "$HERE/install-deps.sh" || { echo "FAIL install-deps.sh"; exit 1; }
  echo "ok   install-deps.sh ($(( ($(date +%s%N) - s) / 1000000 )) ms)"
fi

ROOT=$(mktemp -d /tmp/lvsh-selftest.XXXXXX)
cleanup() {
  local d
  for d in "${DIRS[@]}"; do "$TD" stop "$d" >/dev/null 2>&1; done
  rm -rf "$ROOT"
}
trap cleanup EXIT

ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; FAILS=$((FAILS + 1)); }
# check DESC CMD...: run, expect success, print time
check() {
  local desc=$1 s out; shift
  s=$(date +%s%N)
  if out=$("$@" 2>&1 </dev/null); then ok "$desc ($(ms_since "$s") ms)"; else fail "$desc: $out"; fi
}
# check_fails DESC EXPECTED_SUBSTRING CMD...: expect failure with that message
check_fails() {
  local desc=$1 want=$2 out; shift 2
  if out=$("$@" 2>&1 </dev/null); then fail "$desc: unexpectedly succeeded"
  elif [ -n "$want" ] && ! grep -qF -- "$want" <<<"$out"; then fail "$desc: wrong error: $out"
  else ok "$desc"; fi
}
start_daemon() { # DIR [PORT] -> sets vars from its output
  local dir=$1 s out; shift
  DIRS+=("$dir")
  s=$(date +%s%N)
  if ! out=$("$TD" start "$dir" "$@"); then fail "start $dir"; return 1; fi
  ok "start $dir ($(ms_since "$s") ms) port=$(sed -n 's/^TCP_PORT=//p' <<<"$out")"
  eval "$(sed -n 's/^\([A-Z_]*\)=\(.*\)$/\1='"'"'\2'"'"'/p' <<<"$out")"
}
no_procs_left() { # NS
  local p n=""
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/ns/mnt" 2>/dev/null)" = "$1" ] && \
      ! grep -q '^State:.[ZX]' "$p/status" 2>/dev/null && n="$n ${p#/proc/}"
  done
  [ -z "$n" ] || { echo "left:$n"; return 1; }
}

XML="$ROOT/g.xml"; "$TD" guest-xml lvsh-g1 >"$XML"
TXML="$ROOT/t.xml"; "$TD" guest-xml lvsh-t1 >"$TXML"

# --- 1. start, lifecycle --------------------------------------------------
D1="$ROOT/d1"
start_daemon "$D1" || exit 1
U=$SOCKET_URI
check "status" "$TD" status "$D1"
check "define" virsh -q -c "$U" define "$XML"
check "start" virsh -q -c "$U" start lvsh-g1
check "suspend" virsh -q -c "$U" suspend lvsh-g1
[ "$(virsh -q -c "$U" domstate lvsh-g1)" = paused ] && ok "state paused" || fail "state paused"
check "resume" virsh -q -c "$U" resume lvsh-g1
check "destroy" virsh -q -c "$U" destroy lvsh-g1
check "undefine" virsh -q -c "$U" undefine lvsh-g1
check "create (transient)" virsh -q -c "$U" create "$TXML"
[ "$(virsh -q -c "$U" domstate lvsh-t1)" = running ] && ok "state running" || fail "state running"

# --- 2. read-only ---------------------------------------------------------
check "ro socket list" virsh -q -c "$RO_SOCKET_URI" list
check_fails "ro socket destroy forbidden" "read only access prevents virDomainDestroy" \
  virsh -c "$RO_SOCKET_URI" destroy lvsh-t1
check_fails "virsh -r destroy forbidden" "operation forbidden: read only access prevents virDomainDestroy" \
  virsh -r -c "$U" destroy lvsh-t1

# --- 3. SASL over TCP -----------------------------------------------------
check "tcp LIBVIRT_AUTH_FILE" env LIBVIRT_AUTH_FILE="$AUTH_FILE" virsh -q -c "$TCP_URI" list
check "tcp ?authfile=" virsh -q -c "$TCP_URI?authfile=$AUTH_FILE" list
out=$(printf '%s\n%s\n' "$SASL_USER" "$SASL_PASSWORD" | virsh -q -c "$TCP_URI" list 2>&1)
grep -q lvsh-t1 <<<"$out" && ok "tcp prompts for name and password" || fail "tcp prompt: $out"
printf '[credentials-x]\nauthname=%s\npassword=wrong\n[auth-libvirt-default]\ncredentials=x\n' "$SASL_USER" >"$ROOT/bad.conf"
check_fails "tcp wrong password" "authentication failed" virsh -q -c "$TCP_URI?authfile=$ROOT/bad.conf" list
check_fails "tcp -r destroy forbidden" "read only access prevents virDomainDestroy" \
  virsh -r -c "$TCP_URI?authfile=$AUTH_FILE" destroy lvsh-t1
[ "$(stat -c %a "$AUTH_FILE")" = 600 ] && ok "auth file mode 0600" || fail "auth file mode"
if ss -Hltn | awk '{print $4}' | grep -E ":$TCP_PORT\$" | grep -vq '^127\.0\.0\.1:'; then
  fail "TCP listener not only on 127.0.0.1"
else ok "TCP only on 127.0.0.1:$TCP_PORT"; fi

# --- 4. second daemon at the same time ------------------------------------
D2="$ROOT/d2"
PORT1=$TCP_PORT
start_daemon "$D2" || true
[ "$TCP_PORT" != "$PORT1" ] && ok "second daemon on its own port" || fail "ports equal"
check "same guest name in second daemon" virsh -q -c "$SOCKET_URI" create "$TXML"
check "d2 stop" "$TD" stop "$D2"

# --- 5. stop with a running guest, restart ---------------------------------
virsh -q -c "$U" define "$XML" >/dev/null && virsh -q -c "$U" start lvsh-g1 >/dev/null
NS=$(cat "$D1/mntns")
check "stop with running guests" "$TD" stop "$D1"
check "nothing left in the daemon's namespace" no_procs_left "$NS"
check_fails "status after stop" "" "$TD" status "$D1"
start_daemon "$D1" || exit 1
[ "$(virsh -q -c "$SOCKET_URI" domstate lvsh-g1 2>&1)" = "shut off" ] \
  && ok "persistent guest survives restart (shut off)" || fail "persistent guest after restart"
check "start after restart" virsh -q -c "$SOCKET_URI" start lvsh-g1
check "stop again" "$TD" stop "$D1"
for i in 1 2 3; do
  start_daemon "$D1" >/dev/null || fail "restart loop $i"
  "$TD" stop "$D1" || fail "stop loop $i"
done
ok "start/stop x3 in the same DIR"
check "DIR removable" rm -rf "$D1" "$D2"

echo
if [ "$FAILS" -eq 0 ]; then echo "selftest: all checks passed"; else echo "selftest: $FAILS check(s) failed"; fi
[ "$FAILS" -eq 0 ]
