#!/usr/bin/env bash
# Installs what src/test/daemon/testdaemon.sh needs to run a private libvirtd
# with the QEMU driver (TCG) on Debian 12, without systemd.
#
# Idempotent: quiet when everything is already there; runs `apt-get update`
# only if a package cannot be installed from the current lists.
# Must run as root (or with passwordless sudo available).
# Exit status: 0 on success, non-zero (with a reason on stderr) on failure.
set -uo pipefail

PACKAGES=(
  libvirt-daemon               # libvirtd (monolithic daemon)
  libvirt-daemon-driver-qemu   # QEMU driver module
  qemu-system-x86              # qemu-system-x86_64 (TCG)
  libvirt-clients              # virsh
  sasl2-bin                    # saslpasswd2, sasldblistusers2
  libsasl2-modules             # DIGEST-MD5 mechanism
  libsasl2-modules-db          # sasldb auxprop plugin
  iproute2                     # ss (free-port check in testdaemon.sh)
  procps                       # ps / pgrep -P (child process cleanup)
)
# Commands that must work afterwards (a package can be "installed" but broken).
COMMANDS=(libvirtd virsh qemu-system-x86_64 saslpasswd2 ss ps)

die() { echo "install-deps.sh: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    die "must run as root (or with passwordless sudo)"
  fi
fi

missing_packages() {
  local p st
  for p in "${PACKAGES[@]}"; do
    st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$st" = "installed" ] || echo "$p"
  done
}

missing=$(missing_packages)
if [ -n "$missing" ]; then
  # shellcheck disable=SC2086
  log=$(mktemp)
  trap 'rm -f "$log"' EXIT
  apt_install() {
    DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get install -y --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $missing >"$log" 2>&1
  }
  # Simulate first: if any package is unknown / not installable, refresh the lists.
  need_update=0
  # shellcheck disable=SC2086
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -s -y --no-install-recommends $missing >/dev/null 2>&1; then
    need_update=1
  fi
  if [ "$need_update" = 1 ]; then
    if ! DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get update >"$log" 2>&1; then
      cat "$log" >&2
      die "apt-get update failed"
    fi
  fi
  if ! apt_install; then
    if [ "$need_update" = 0 ]; then
      # Lists may be stale (404 on a superseded version): update once and retry.
      DEBIAN_FRONTEND=noninteractive "${SUDO[@]}" apt-get update >"$log" 2>&1 || { cat "$log" >&2; die "apt-get update failed"; }
      apt_install || { cat "$log" >&2; die "apt-get install failed for: $(echo $missing)"; }
    else
      cat "$log" >&2
      die "apt-get install failed for: $(echo $missing)"
    fi
  fi
  missing=$(missing_packages)
  [ -z "$missing" ] || die "packages still not installed: $(echo $missing)"
fi

for c in "${COMMANDS[@]}"; do
  if ! command -v "$c" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$c" ]; then
    die "command '$c' not found after installation"
  fi
done

# libvirtd 9.0's QEMU driver refuses to initialise unless the libvirt-qemu
# user and group exist (normally created by libvirt-daemon-system, which we do
# not install because it pulls in systemd units / a system daemon).
if ! getent group libvirt-qemu >/dev/null 2>&1; then
  "${SUDO[@]}" groupadd --system libvirt-qemu 2>/dev/null \
    || getent group libvirt-qemu >/dev/null 2>&1 \
    || die "could not create group libvirt-qemu"
fi
if ! getent passwd libvirt-qemu >/dev/null 2>&1; then
  "${SUDO[@]}" useradd --system --gid libvirt-qemu --no-create-home \
      --home-dir /var/lib/libvirt --shell /usr/sbin/nologin libvirt-qemu 2>/dev/null \
    || getent passwd libvirt-qemu >/dev/null 2>&1 \
    || die "could not create user libvirt-qemu"
fi
exit 0
