#!/usr/bin/env bash
# =============================================================================
# testdaemon.sh - run a private, real libvirtd (QEMU driver, TCG) for tests,
#                 without systemd, on Debian 12 (libvirt 9.0, QEMU 7.2).
#
# Prerequisites: root, and `src/test/daemon/install-deps.sh` (packages + the
# libvirt-qemu user/group that libvirtd 9.0's QEMU driver insists on).
# `src/test/daemon/selftest.sh` checks the whole harness end to end (~10 s).
#
# Usage
#   testdaemon.sh start  DIR [TCP_PORT]  start a daemon whose state lives in DIR
#                                        (created; TCP_PORT defaults to 16509)
#   testdaemon.sh stop   DIR             stop it and kill its guests; idempotent,
#                                        exit 0; DIR is removable afterwards
#   testdaemon.sh status DIR             exit 0 (and print PID=...) if running, else 1
#   testdaemon.sh env    DIR             re-print the start variables (running only)
#   testdaemon.sh guest-xml NAME [MEM_MIB]
#                                        print the diskless TCG guest of
#                                        guest.xml.in (64 MiB, 1 vcpu, machine pc)
#
# `start` prints on stdout only KEY=VALUE lines (diagnostics go to stderr);
# the same lines are kept in DIR/env (shell-sourceable, no quoting needed):
#   SOCKET_URI=qemu:///system?socket=DIR/sock/libvirt-sock      rw, no auth
#   RO_SOCKET_URI=qemu:///system?socket=DIR/sock/libvirt-sock-ro read-only
#   TCP_URI=qemu+tcp://127.0.0.1:PORT/system    SASL DIGEST-MD5, 127.0.0.1 only
#   TCP_PORT=PORT      the requested port, or a free one if it was busy
#                      (stderr says so); two starts racing for a port retry
#   AUTH_FILE=DIR/auth.conf   libvirt auth file (mode 0600) for the SASL user;
#                      use LIBVIRT_AUTH_FILE=FILE or TCP_URI?authfile=FILE
#   SASL_USER=lvshtest
#   SASL_PASSWORD=lvsh-secret
#   PID=<libvirtd pid>     (also in DIR/libvirtd.pid)
#   LOG_FILE=DIR/libvirtd.log
#   DIR=<absolute DIR>
# Exit status 0 once a real RPC (`virsh list` over the unix socket) works and
# the QEMU capabilities are probed; otherwise non-zero, reason + log tail on
# stderr, and nothing left running. Starting a running DIR is an error.
# Clients need no special /etc/libvirt content and no env vars.
#
# Isolation. A root libvirtd hard-codes most of its paths: /run/libvirt,
# /var/lib/libvirt, /var/cache/libvirt, /var/log/libvirt, /etc/libvirt
# (qemu.conf, persistent domain XML). So the daemon runs in a private mount
# namespace (unshare -m, propagation private) where those five directories
# are bind mounts of DIR/run, DIR/lib, DIR/cache, DIR/log, DIR/etc, and
# /run/dbus is hidden (no machined/firewalld/polkit, nothing registered
# host-wide). qemu.conf disables cgroups, per-guest /dev namespaces,
# security drivers, virtlogd (stdio_handler=file) and locking; libvirtd.conf
# disables auditing and logs to DIR/libvirtd.log (never journald). Hence
# several daemons (different DIRs/ports) run side by side and next to a
# system libvirtd. The only traces outside DIR: the five mount-point
# directories are created empty on the host if missing, and the TCP port.
# The daemon runs under a small perl child-subreaper ("testdaemon-reaper",
# DIR/reaper.pid) that reaps QEMU at once: libvirt waits for a killed QEMU
# to be reaped, and a lazy init made every destroy/probe take ~1.6 s.
# `stop` sends SIGTERM (SIGKILL after 10 s) to the pid in DIR/libvirtd.pid,
# then TERM/KILLs exactly the processes left in the daemon's namespace
# (guests' QEMU, started with -pidfile DIR/run/qemu/NAME.pid) - never
# anything by name.
#
# DIR layout: libvirtd.conf, qemu.conf -> etc/qemu.conf, libvirt.conf (SASL
# server config: mech_list digest-md5, sasldb_path; SASL_CONF_PATH=DIR),
# passwd.db (sasldb), auth.conf, libvirtd.pid, libvirtd.log, launcher.log,
# env, mntns, reaper.pid, sock/ (sockets), run/ (wiped at each start),
# lib/, cache/, log/qemu/NAME.log (guest stdio), etc/ (kept: persistent
# domains survive stop/start in the same DIR). DIR may only contain
# [A-Za-z0-9._/+-] and at most 80 characters (unix socket path limit).
#
# Environment knobs (optional):
#   TESTDAEMON_TIMEOUT=60     seconds to wait for readiness
#   TESTDAEMON_WARMUP=1       after readiness run `virsh capabilities` once so
#                             the QEMU probe (~1.3 s) is not paid by a test; 0 skips
#   TESTDAEMON_CACHE_DIR=PATH share the QEMU capabilities cache
#                             (/var/cache/libvirt) between DIRs (default DIR/cache)
#   TESTDAEMON_LOG_LEVEL=3    libvirtd log level (1 debug .. 4 error)
#
# Typical use from a test fixture:
#   eval "$(src/test/daemon/testdaemon.sh start target/libvirtd)"   # or parse lines
#   virsh -c "$SOCKET_URI" create <(src/test/daemon/testdaemon.sh guest-xml g1)
#   src/test/daemon/testdaemon.sh stop target/libvirtd
# =============================================================================
set -uo pipefail

PROG=testdaemon.sh
SASL_USER=lvshtest
SASL_PASSWORD=lvsh-secret
DEFAULT_PORT=16509
# perl (perl-base is Essential in Debian): become a child subreaper, run the
# command (libvirtd --daemon), write its exit status to ARGV[0], then reap
# every orphan re-parented to us until none is left.
REAPER_PL='
use strict; use POSIX ();
my $rcfile = shift @ARGV;
my $nr = eval { require "syscall.ph"; &SYS_prctl() };
if (!defined $nr) { my $m = (POSIX::uname())[4]; $nr = $m eq "x86_64" ? 157 : $m eq "aarch64" ? 167 : undef; }
if (!defined $nr || syscall($nr, 36, 1, 0, 0, 0) != 0) { print STDERR "warning: no child subreaper\n"; }
$0 = "testdaemon-reaper";
my $pid = fork();
die "fork: $!" unless defined $pid;
if ($pid == 0) { exec { $ARGV[0] } @ARGV; print STDERR "exec $ARGV[0]: $!\n"; POSIX::_exit(127); }
waitpid($pid, 0);
my $st = $?;
my $rc = ($st & 127) ? 128 + ($st & 127) : ($st >> 8);
open(my $fh, ">", "$rcfile.tmp") or die "$rcfile: $!"; print $fh "$rc\n"; close($fh);
rename("$rcfile.tmp", $rcfile) or die "rename: $!";
exit($rc) if $rc != 0;
close(STDIN); close(STDOUT); close(STDERR);
1 while waitpid(-1, 0) > 0;
exit(0);
'
# host dir -> DIR subdir, bind mounted inside the daemon's mount namespace
PRIVATE_DIRS=(
  "/run/libvirt:run"
  "/var/lib/libvirt:lib"
  "/var/cache/libvirt:cache"
  "/var/log/libvirt:log"
  "/etc/libvirt:etc"
)

say() { echo "$PROG: $*" >&2; }
die() { echo "$PROG: $*" >&2; exit 1; }

usage() {
  sed -n '2,/^# ====/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

find_bin() {
  local b
  for b in "$@"; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return 0; fi
    if [ -x "/usr/sbin/$b" ]; then echo "/usr/sbin/$b"; return 0; fi
  done
  return 1
}

abs_dir() {
  # canonical absolute path, need not exist
  realpath -m -- "$1"
}

read_pid() {
  # prints the pid from DIR/libvirtd.pid if that process is a live libvirtd
  local dir=$1 pid exe
  [ -r "$dir/libvirtd.pid" ] || return 1
  pid=$(tr -dc '0-9' <"$dir/libvirtd.pid" 2>/dev/null)
  [ -n "$pid" ] || return 1
  is_alive "$pid" || return 1
  exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 1
  case "$exe" in
    */libvirtd|*/libvirtd\ \(deleted\)) ;;
    *) return 1 ;;
  esac
  echo "$pid"
}

is_alive() {
  # alive and not a zombie
  local pid=$1 st
  [ -d "/proc/$pid" ] || return 1
  st=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$pid/status" 2>/dev/null)
  [ -n "$st" ] && [ "$st" != Z ] && [ "$st" != X ]
}

mntns_of() { readlink "/proc/$1/ns/mnt" 2>/dev/null; }

port_busy() {
  # any TCP listener on this port, any address
  [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
}

pick_port() {
  local want=$1 p i
  if ! port_busy "$want"; then echo "$want"; return 0; fi
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! port_busy "$p"; then echo "$p"; return 0; fi
  done
  return 1
}

print_vars() {
  local dir=$1 port=$2 pid=$3
  cat <<EOF
SOCKET_URI=qemu:///system?socket=$dir/sock/libvirt-sock
RO_SOCKET_URI=qemu:///system?socket=$dir/sock/libvirt-sock-ro
TCP_URI=qemu+tcp://127.0.0.1:$port/system
TCP_PORT=$port
AUTH_FILE=$dir/auth.conf
SASL_USER=$SASL_USER
SASL_PASSWORD=$SASL_PASSWORD
PID=$pid
LOG_FILE=$dir/libvirtd.log
DIR=$dir
EOF
}

write_configs() {
  local dir=$1 port=$2 level=${TESTDAEMON_LOG_LEVEL:-3}
  cat >"$dir/libvirtd.conf" <<EOF
# generated by $PROG
unix_sock_dir = "$dir/sock"
unix_sock_group = "root"
unix_sock_ro_perms = "0777"
unix_sock_rw_perms = "0770"
unix_sock_admin_perms = "0700"
auth_unix_ro = "none"
auth_unix_rw = "none"
listen_tls = 0
listen_tcp = 1
listen_addr = "127.0.0.1"
tcp_port = "$port"
auth_tcp = "sasl"
sasl_allowed_username_list = [ "$SASL_USER" ]
audit_level = 0
audit_logging = 0
log_level = $level
log_outputs = "$level:file:$dir/libvirtd.log"
keepalive_interval = 5
keepalive_count = 5
max_clients = 200
max_anonymous_clients = 100
EOF
  # /etc/libvirt inside the daemon's namespace is DIR/etc
  cat >"$dir/etc/qemu.conf" <<EOF
# generated by $PROG (seen by the daemon as /etc/libvirt/qemu.conf)
user = "root"
group = "root"
dynamic_ownership = 0
remember_owner = 0
security_driver = "none"
stdio_handler = "file"
lock_manager = "nop"
namespaces = [ ]
cgroup_controllers = [ ]
set_process_name = 1
vnc_listen = "127.0.0.1"
spice_listen = "127.0.0.1"
EOF
  ln -sfn etc/qemu.conf "$dir/qemu.conf"
  # SASL server config; the daemon gets SASL_CONF_PATH=DIR
  cat >"$dir/libvirt.conf" <<EOF
mech_list: digest-md5
sasldb_path: $dir/passwd.db
EOF
  rm -f "$dir/passwd.db"
  if ! printf '%s' "$SASL_PASSWORD" | saslpasswd2 -p -c -a libvirt -f "$dir/passwd.db" "$SASL_USER"; then
    die "saslpasswd2 failed"
  fi
  chmod 0600 "$dir/passwd.db"
  (
    umask 077
    cat >"$dir/auth.conf" <<EOF
# libvirt client auth file (LIBVIRT_AUTH_FILE=... or URI ?authfile=...)
[credentials-lvshtest]
authname=$SASL_USER
password=$SASL_PASSWORD

[auth-libvirt-127.0.0.1]
credentials=lvshtest

[auth-libvirt-localhost]
credentials=lvshtest

[auth-libvirt-default]
credentials=lvshtest
EOF
  )
  chmod 0600 "$dir/auth.conf"
}

cmd_start() {
  [ $# -ge 1 ] && [ $# -le 2 ] || usage
  local dir port req_port pid ns i libvirtd virsh timeout out attempt rc m

  [ "$(id -u)" -eq 0 ] || die "must run as root (a qemu:///system daemon)"
  libvirtd=$(find_bin libvirtd) || die "libvirtd not found: run src/test/daemon/install-deps.sh"
  virsh=$(find_bin virsh) || die "virsh not found: run src/test/daemon/install-deps.sh"
  find_bin saslpasswd2 >/dev/null || die "saslpasswd2 not found: run src/test/daemon/install-deps.sh"
  find_bin unshare >/dev/null || die "unshare not found (util-linux)"
  find_bin ss >/dev/null || die "ss not found (iproute2): run src/test/daemon/install-deps.sh"
  find_bin qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 not found: run src/test/daemon/install-deps.sh"
  [ -e /usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so ] \
    || ls /usr/lib/*/libvirt/connection-driver/libvirt_driver_qemu.so >/dev/null 2>&1 \
    || die "QEMU driver (libvirt-daemon-driver-qemu) not installed: run src/test/daemon/install-deps.sh"
  getent passwd libvirt-qemu >/dev/null && getent group libvirt-qemu >/dev/null \
    || die "user/group libvirt-qemu missing (libvirtd's QEMU driver needs them): run src/test/daemon/install-deps.sh"

  dir=$(abs_dir "$1")
  case "$dir" in
    (*[!A-Za-z0-9._/+-]*) die "DIR '$dir' may only contain [A-Za-z0-9._/+-] (it goes into URIs and config files)";;
  esac
  req_port=${2:-$DEFAULT_PORT}
  case "$req_port" in (*[!0-9]*|'') die "bad TCP_PORT '$req_port'";; esac
  [ "$req_port" -ge 1 ] && [ "$req_port" -le 65535 ] || die "bad TCP_PORT '$req_port'"
  [ ${#dir} -le 80 ] || die "DIR '$dir' is too long for unix socket paths (max 80 chars)"
  for m in "${PRIVATE_DIRS[@]}"; do
    case "$dir/" in "${m%%:*}/"*) die "DIR must not be under ${m%%:*}";; esac
  done
  case "$dir" in /|/run|/var|/var/lib|/etc|/tmp) die "refusing DIR '$dir'";; esac

  if pid=$(read_pid "$dir"); then
    die "a daemon is already running for $dir (pid $pid); stop it first"
  fi
  # Leftovers of a daemon that died without `stop` (its guests may still run).
  cmd_stop "$dir" >/dev/null 2>&1 || true

  mkdir -p "$dir" || die "cannot create $dir"
  chmod 0755 "$dir"
  # Runtime state is ephemeral (like /run after a reboot); persistent domain
  # definitions in DIR/etc survive a stop/start in the same DIR.
  rm -rf "$dir/run" "$dir/sock"
  mkdir -p "$dir/sock" "$dir/run" "$dir/lib" "$dir/cache" "$dir/log" "$dir/etc" \
    || die "cannot create subdirectories of $dir"
  chmod 0755 "$dir/sock"
  if [ -n "${TESTDAEMON_CACHE_DIR:-}" ]; then
    mkdir -p "$TESTDAEMON_CACHE_DIR" || die "cannot create TESTDAEMON_CACHE_DIR"
  fi
  for m in "${PRIVATE_DIRS[@]}"; do
    mkdir -p "${m%%:*}" 2>/dev/null || die "cannot create mount point ${m%%:*}"
  done
  rm -f "$dir/libvirtd.pid" "$dir/mntns" "$dir/env"
  : >"$dir/libvirtd.log"

  timeout=${TESTDAEMON_TIMEOUT:-60}
  port=""
  for attempt in 1 2 3 4 5; do
    port=$(pick_port "$req_port") || die "no free TCP port found"
    [ "$port" = "$req_port" ] || say "TCP port $req_port is busy, using $port"
    write_configs "$dir" "$port"
    # The daemon's private mount namespace: bind DIR/* over the fixed paths.
    # The daemon's private mount namespace: bind DIR/* over the fixed paths,
    # then run `libvirtd --daemon` under a child-subreaper (REAPER_PL) that
    # reaps the daemon and its daemonized QEMU children at once (libvirt
    # polls kill(pid, 0) until a killed QEMU is reaped; a lazy init makes
    # every destroy take ~1.6 s instead of ~0.2 s). The launcher runs in its
    # own session with stdio on a file so that callers reading our stdout
    # are not kept waiting.
    rm -f "$dir/daemon.rc"
    : >"$dir/launcher.log"
    env -u DBUS_SYSTEM_BUS_ADDRESS -u DBUS_SESSION_BUS_ADDRESS -u NOTIFY_SOCKET \
        -u LISTEN_PID -u LISTEN_FDS -u LIBVIRT_DEFAULT_URI \
        SASL_CONF_PATH="$dir" TD_DIR="$dir" TD_CACHE="${TESTDAEMON_CACHE_DIR:-}" \
        TD_LIBVIRTD="$libvirtd" TD_REAPER="$REAPER_PL" \
      setsid unshare --mount --propagation private -- /bin/sh -c '
        fail() { echo "namespace setup failed: $*" >&2; echo 125 >"$TD_DIR/daemon.rc"; exit 125; }
        mount --bind "$TD_DIR/run" /run/libvirt || fail /run/libvirt
        mount --bind "$TD_DIR/lib" /var/lib/libvirt || fail /var/lib/libvirt
        mount --bind "${TD_CACHE:-$TD_DIR/cache}" /var/cache/libvirt || fail /var/cache/libvirt
        mount --bind "$TD_DIR/log" /var/log/libvirt || fail /var/log/libvirt
        mount --bind "$TD_DIR/etc" /etc/libvirt || fail /etc/libvirt
        if [ -d /run/dbus ]; then
          mount -t tmpfs -o size=16k,mode=755 none /run/dbus || fail /run/dbus
        fi
        cd /
        exec perl -e "$TD_REAPER" "$TD_DIR/daemon.rc" "$TD_LIBVIRTD" --daemon --listen \
            --config "$TD_DIR/libvirtd.conf" --pid-file "$TD_DIR/libvirtd.pid"
      ' </dev/null >>"$dir/launcher.log" 2>&1 &
    local launcher=$!
    echo "$launcher" >"$dir/reaper.pid"
    rc=""
    for i in $(seq 1 $(( timeout * 10 ))); do
      if [ -s "$dir/daemon.rc" ]; then rc=$(tr -dc '0-9' <"$dir/daemon.rc"); [ -n "$rc" ] && break; fi
      if ! kill -0 "$launcher" 2>/dev/null && [ ! -s "$dir/daemon.rc" ]; then
        rc=126; break
      fi
      sleep 0.1
    done
    [ -n "$rc" ] || { rc=124; echo "libvirtd --daemon did not report within ${timeout}s" >>"$dir/launcher.log"; }
    out=$(cat "$dir/launcher.log" 2>/dev/null)
    rc=$?
    if [ $rc -eq 0 ]; then
      break
    fi
    if grep -qiE 'address already in use|Unable to bind|cannot bind' <<<"$out$(tail -n 20 "$dir/libvirtd.log" 2>/dev/null)"; then
      say "port $port taken while starting (attempt $attempt), retrying"
      req_port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
      : >"$dir/libvirtd.log"
      continue
    fi
    [ -n "$out" ] && echo "$out" >&2
    tail -n 30 "$dir/libvirtd.log" >&2 2>/dev/null
    if grep -qiE 'unshare|mount|namespace' <<<"$out"; then
      die "could not create a private mount namespace (needs CAP_SYS_ADMIN)"
    fi
    die "libvirtd failed to start (exit $rc); log: $dir/libvirtd.log"
  done
  [ $rc -eq 0 ] || die "libvirtd could not bind a TCP port after 5 attempts"

  # Wait for the pid file, then for a real RPC to work.
  pid=""
  for i in $(seq 1 50); do
    pid=$(read_pid "$dir") && break
    sleep 0.1
  done
  [ -n "$pid" ] || { tail -n 30 "$dir/libvirtd.log" >&2; die "libvirtd did not write a live pid to $dir/libvirtd.pid"; }
  ns=$(mntns_of "$pid")
  echo "$ns" >"$dir/mntns"

  local uri="qemu:///system?socket=$dir/sock/libvirt-sock"
  local deadline=$(( $(date +%s) + timeout )) ready=0 err=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if ! is_alive "$pid"; then
      tail -n 30 "$dir/libvirtd.log" >&2
      die "libvirtd (pid $pid) died during start-up; log: $dir/libvirtd.log"
    fi
    if err=$(LIBVIRT_AUTH_FILE=/dev/null timeout 15 "$virsh" -q -c "$uri" list 2>&1 </dev/null); then
      ready=1
      break
    fi
    sleep 0.2
  done
  if [ "$ready" != 1 ]; then
    say "last error: $err"
    tail -n 30 "$dir/libvirtd.log" >&2
    cmd_stop "$dir" >/dev/null 2>&1
    die "libvirtd not ready after ${timeout}s"
  fi
  if [ "${TESTDAEMON_WARMUP:-1}" != 0 ]; then
    timeout "$timeout" "$virsh" -q -c "$uri" capabilities >/dev/null 2>&1 </dev/null \
      || say "warning: warm-up 'virsh capabilities' failed"
  fi
  print_vars "$dir" "$port" "$pid" >"$dir/env"
  cat "$dir/env"
}

# Processes of this daemon: all processes in its private mount namespace
# (libvirtd, guests' QEMU, helpers), plus live pids from DIR/run/qemu/*.pid
# that are in that namespace.
ns_members() {
  local ns=$1 p
  [ -n "$ns" ] || return 0
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    [ "$p" = "$$" ] && continue
    if [ "$(mntns_of "$p")" = "$ns" ] && is_alive "$p"; then
      echo "$p"
    fi
  done
}

# kill_members NS EXCEPT: TERM, then KILL, every process in mount namespace
# NS except pid EXCEPT; waits (bounded) until they are gone.
kill_members() {
  local ns=$1 except=$2 members i
  members=$(ns_members "$ns" | grep -vx -- "${except:-none}")
  [ -n "$members" ] || return 0
  # shellcheck disable=SC2086
  kill -TERM $members 2>/dev/null
  for i in $(seq 1 50); do
    members=$(ns_members "$ns" | grep -vx -- "${except:-none}"); [ -z "$members" ] && return 0; sleep 0.1
  done
  # shellcheck disable=SC2086
  kill -KILL $members 2>/dev/null
  for i in $(seq 1 50); do
    members=$(ns_members "$ns" | grep -vx -- "${except:-none}"); [ -z "$members" ] && return 0; sleep 0.1
  done
  say "warning: processes still alive: $(echo $members)"
}

cmd_stop() {
  [ $# -eq 1 ] || usage
  local dir pid ns f q members i
  dir=$(abs_dir "$1")
  [ -d "$dir" ] || return 0
  ns=""
  [ -r "$dir/mntns" ] && ns=$(cat "$dir/mntns" 2>/dev/null)
  # The recorded namespace is trusted only if something from this DIR is
  # still in it (guards against namespace id reuse after a reboot etc.).
  local trusted=0
  pid=""
  if pid=$(read_pid "$dir"); then
    [ -z "$ns" ] && ns=$(mntns_of "$pid")
    [ "$(mntns_of "$pid")" = "$ns" ] && trusted=1
  fi
  for f in "$dir"/run/qemu/*.pid; do
    [ -r "$f" ] || continue
    q=$(tr -dc '0-9' <"$f" 2>/dev/null)
    [ -n "$q" ] && is_alive "$q" && [ -n "$ns" ] && [ "$(mntns_of "$q")" = "$ns" ] && trusted=1
  done

  # 1. the daemon, by its pid file
  if [ -n "${pid:-}" ]; then
    kill -TERM "$pid" 2>/dev/null
    for i in $(seq 1 100); do is_alive "$pid" || break; sleep 0.1; done
    if is_alive "$pid"; then
      say "libvirtd $pid did not exit after 10 s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null
      for i in $(seq 1 50); do is_alive "$pid" || break; sleep 0.1; done
    fi
    is_alive "$pid" && say "warning: libvirtd $pid still alive"
  fi

  # 2. guests (QEMU) and any helper left in the daemon's namespace; the
  #    reaper (parent of the QEMU processes) last, so that it reaps them.
  if [ "$trusted" = 1 ] && [ -n "$ns" ]; then
    local reaper=""
    [ -r "$dir/reaper.pid" ] && reaper=$(tr -dc '0-9' <"$dir/reaper.pid")
    kill_members "$ns" "$reaper"
    kill_members "$ns" ""
  fi
  rm -f "$dir/libvirtd.pid" "$dir/env" "$dir/mntns" "$dir/reaper.pid" "$dir/daemon.rc"
  rm -rf "$dir/sock"
  return 0
}

cmd_status() {
  [ $# -eq 1 ] || usage
  local dir pid
  dir=$(abs_dir "$1")
  if pid=$(read_pid "$dir"); then
    echo "PID=$pid"
    return 0
  fi
  return 1
}

cmd_env() {
  [ $# -eq 1 ] || usage
  local dir
  dir=$(abs_dir "$1")
  read_pid "$dir" >/dev/null && [ -r "$dir/env" ] || die "no daemon running for $dir"
  cat "$dir/env"
}

cmd_guest_xml() {
  [ $# -ge 1 ] && [ $# -le 2 ] || usage
  local name=$1 mem=${2:-64}
  case "$name" in (*[!A-Za-z0-9._+-]*|'') die "bad guest name '$name' (use [A-Za-z0-9._+-])";; esac
  case "$mem" in (*[!0-9]*|'') die "bad memory size '$mem'";; esac
  local tmpl
  tmpl="$(dirname "$(readlink -f "$0")")/guest.xml.in"
  [ -r "$tmpl" ] || die "template $tmpl not found"
  sed -e '/^<!--/,/-->$/d' -e "s/@NAME@/$name/g" -e "s/@MEM_MIB@/$mem/g" "$tmpl"
}

[ $# -ge 1 ] || usage
cmd=$1; shift
case "$cmd" in
  start) cmd_start "$@" ;;
  stop) cmd_stop "$@" ;;
  status) cmd_status "$@" ;;
  env) cmd_env "$@" ;;
  guest-xml) cmd_guest_xml "$@" ;;
  -h|--help|help) usage ;;
  *) usage ;;
esac
