#!/bin/sh
# Memory over a long session: ONE lvsh process in script mode, fed from a FIFO so that it stays up between
# batches, runs COUNT commands against test:///default; VmRSS is sampled from /proc/PID/status every STEP
# commands (after the batch has been processed, not just sent). Prints the curve and the growth over the last
# half. Not a test: nothing is asserted.
#
#   bench/robust/rss.sh                  100,000 commands sampled every 5,000, then 10,000 every 1,000
#   bench/robust/rss.sh COUNT STEP       one run
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
lvsh="${LVSH:-$here/bin/lvsh}"
[ -f "$here/target/lvsh.jar" ] || { echo "rss.sh: build first (mvn -B -q package -DskipTests)" >&2; exit 2; }

commands='list --all
dominfo test
domstate test --reason
domid test
nodeinfo
freecell --all
capabilities
event --list
version'

run() {
    count=$1 step=$2
    work=$(mktemp -d)
    fifo="$work/in"
    mkfifo "$fifo"
    # The launcher execs java, so $! is lvsh's JVM.
    "$lvsh" -q -c test:///default <"$fifo" >/dev/null 2>"$work/err" &
    pid=$!
    exec 3>"$fifo"
    batch="$work/batch"
    i=0
    while [ $i -lt "$step" ]; do
        printf '%s\n' "$commands"
        i=$((i + 9))
    done | head -n "$step" >"$batch"
    rss() { awk '/^VmRSS:/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status"; }
    # help MARK-k is answered on stderr once every command sent before it has run
    mark() {
        printf 'help MARK-%d\n' "$1" >&3
        while ! grep -q "'MARK-$1'" "$work/err" 2>/dev/null; do
            kill -0 "$pid" 2>/dev/null || { echo "rss.sh: lvsh died" >&2; cat "$work/err" >&2; exit 1; }
            sleep 0.05
        done
    }
    printf 'uri\n' >&3
    mark 0 # started and connected
    echo "# $count commands, one lvsh process (pid $pid), VmRSS every $step"
    printf '%10s  %8s\n' commands "RSS MiB"
    printf '%10d  %8s\n' 0 "$(rss)"
    done_=0 k=0 half=""
    start=$(date +%s)
    while [ $done_ -lt "$count" ]; do
        k=$((k + 1))
        cat "$batch" >&3
        mark $k
        done_=$((done_ + step))
        now=$(rss)
        printf '%10d  %8s\n' "$done_" "$now"
        [ $done_ -eq $((count / 2)) ] && half=$now
    done
    end=$(date +%s)
    printf 'quit\n' >&3
    exec 3>&-
    wait "$pid" || true
    if grep -v "^error: command or command group 'MARK-[0-9]*' doesn't exist$" "$work/err" >"$work/other"; then
        echo "# unexpected stderr:"; head -5 "$work/other"
    fi
    [ -n "$half" ] && awk -v a="$half" -v b="$now" -v n=$((count / 2)) \
        'BEGIN { printf "# growth over the last %d commands: %+.1f MiB\n", n, b - a }'
    echo "# $((end - start)) s for $count commands"
    rm -rf "$work"
}

if [ $# -ge 1 ]; then
    run "$1" "${2:-5000}"
else
    run 100000 5000
    echo
    run 10000 1000
fi
