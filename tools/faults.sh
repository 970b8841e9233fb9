#!/usr/bin/env bash
# Fault tests against the real binary on sample-data/: kills at random
# moments, concurrent runs, a full disk and read-only folders.
# Each check prints PASS, FAIL or SKIP with a one-line reason (WARN and INFO
# lines report what was seen without deciding the exit code); the script
# exits 1 if any check failed. See docs/reliability.md.
#
#   tools/faults.sh [--bin PATH] [--kills N] [--kill-max SECONDS] [--seed S] [--keep]
#
# Run it from the repository root. The full-disk and read-only checks mount
# small tmpfs folders and need root (they are skipped otherwise).
set -u

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/ehelse"
KILLS=20
KILL_MAX=""
SEED=17
KEEP=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) BIN=$2; shift 2 ;;
        --kills) KILLS=$2; shift 2 ;;
        --kill-max) KILL_MAX=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --keep) KEEP=1; shift ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "faults.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
[ -x "$BIN" ] || { echo "faults.sh: no binary at $BIN (cargo build --release, or --bin)" >&2; exit 2; }
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
cd "$ROOT" || exit 2
export EHELSE_NO_CACHE=1 EHELSE_TODAY=2026-07-01 NO_COLOR=1
RANDOM=$SEED

WORK=$(mktemp -d /tmp/ehelse-faults.XXXXXX)
MOUNTS=()
cleanup() {
    for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done
    chattr -R -i "$WORK" 2>/dev/null
    if [ "$KEEP" = 1 ]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

FAILS=0
pass() { echo "PASS  $1: $2"; }
fail() { echo "FAIL  $1: $2"; FAILS=$((FAILS + 1)); }
skip() { echo "SKIP  $1: $2"; }
warn() { echo "WARN  $1: $2"; }
info() { echo "INFO  $1: $2"; }

# complete DIR: prints "ok <generated_at>" when DIR/manifest.json parses and
# every file it lists is there with its size and sha256 and nothing else is;
# otherwise one line saying what is wrong.
complete() {
    python3 - "$1" <<'EOF'
import hashlib, json, os, sys
d = sys.argv[1]
if not os.path.isdir(d):
    print("missing"); sys.exit()
try:
    m = json.load(open(os.path.join(d, "manifest.json"), "rb"))
except Exception as e:
    print(f"manifest.json unreadable: {e}"); sys.exit()
listed = {"manifest.json"}
for o in m.get("outputs", []):
    p = os.path.join(d, o["file"]); listed.add(o["file"])
    if not os.path.isfile(p):
        print(f"{o['file']} listed but missing"); sys.exit()
    b = open(p, "rb").read()
    if len(b) != o["bytes"] or hashlib.sha256(b).hexdigest() != o["sha256"]:
        print(f"{o['file']} differs from the manifest"); sys.exit()
extra = sorted(set(os.listdir(d)) - listed)
if extra:
    print(f"files not in the manifest: {extra[:3]}"); sys.exit()
print("ok", m.get("generated_at"))
EOF
}

# Hidden entries (temporary or moved-aside folders and files) in a folder.
hidden() { find "$1" -maxdepth 1 -name '.*' ! -name . | wc -l; }
hidden_list() { find "$1" -maxdepth 1 -name '.*' ! -name . -printf '%f ' | cut -c1-200; }

report() { "$BIN" -q report --quarter 2026Q2 --out "$1" --force; }

# ---------------------------------------------------------------- baseline
OUT=$WORK/kill
start=$(date +%s.%N)
if ! report "$OUT" 2>"$WORK/baseline.err"; then
    echo "FAIL  baseline: ehelse report on sample-data failed: $(tail -1 "$WORK/baseline.err")"
    exit 1
fi
dur=$(python3 -c "import sys; print(round(float(sys.argv[2]) - float(sys.argv[1]), 2))" "$start" "$(date +%s.%N)")
state=$(complete "$OUT/2026Q2")
case $state in ok*) pass baseline "report 2026Q2 written and complete in ${dur}s" ;;
                *) fail baseline "$state"; exit 1 ;; esac
[ -n "$KILL_MAX" ] || KILL_MAX=$(python3 -c "print(max(3.0, round(1.2 * $dur, 1)))")

# ---------------------------------------------------------------- kills
# SIGKILL a `report --force` at a random moment in [0, KILL_MAX] s; the
# folder must be the previous complete report or a complete new one.
bad=0; old=0; new=0; detail=""
prev=$(complete "$OUT/2026Q2")
for i in $(seq 1 "$KILLS"); do
    delay=$(python3 -c "import random; random.seed($SEED * 1000 + $i); print(round(random.uniform(0, $KILL_MAX), 3))")
    "$BIN" -q report --quarter 2026Q2 --out "$OUT" --force 2>/dev/null &   # not the function: $! must be ehelse
    pid=$!
    sleep "$delay"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    state=$(complete "$OUT/2026Q2")
    case $state in
        "$prev") old=$((old + 1)) ;;
        ok*) new=$((new + 1)); prev=$state ;;
        *) bad=$((bad + 1)); detail="kill $i after ${delay}s: $state; hidden: $(hidden_list "$OUT")"
           # Put a complete report back so the next kill starts from one.
           report "$OUT" 2>/dev/null; prev=$(complete "$OUT/2026Q2") ;;
    esac
done
if [ "$bad" = 0 ]; then
    pass kill "$KILLS SIGKILLs at 0-${KILL_MAX}s: folder complete every time ($old old, $new new)"
else
    fail kill "$bad of $KILLS SIGKILLs left 2026Q2 missing or incomplete; last: $detail"
fi
# Kills just after the last file is staged (the rename window).
late_bad=0; late_detail=""
for i in 1 2 3 4 5; do
    "$BIN" report --quarter 2026Q2 --out "$OUT" --force 2>"$WORK/late.err" &
    pid=$!
    while kill -0 "$pid" 2>/dev/null && ! grep -q 'staged file=manifest.json' "$WORK/late.err"; do sleep 0.005; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    state=$(complete "$OUT/2026Q2")
    case $state in ok*) ;; *) late_bad=$((late_bad + 1)); late_detail=$state
                            report "$OUT" 2>/dev/null ;; esac
done
if [ "$late_bad" = 0 ]; then pass kill-late "5 SIGKILLs right after manifest.json was staged: folder complete"
else fail kill-late "$late_bad of 5 late SIGKILLs left 2026Q2 missing or incomplete: $late_detail"; fi
n=$(hidden "$OUT")
if [ "$n" = 0 ]; then pass kill-leftovers "no hidden temporary folders left"
else warn kill-leftovers "$n hidden folder(s) left in OUT after the kills ($(du -sh "$OUT" | cut -f1) in all): $(hidden_list "$OUT")"; fi
report "$OUT" 2>/dev/null
n2=$(hidden "$OUT")
info kill-cleanup "after one more complete run: $n2 hidden folder(s) left (a later run does $([ "$n2" -lt "$n" ] && echo "" || echo "not ")clean them up)"

# ---------------------------------------------------------------- concurrency
# Four `report --force` at once to the same folder, three rounds.
OUT=$WORK/conc
report "$OUT" 2>/dev/null
cbad=0; codes_all=""; cdetail=""
for round in 1 2 3; do
    pids=()
    for j in 1 2 3 4; do report "$OUT" 2>"$WORK/conc-$round-$j.err" & pids+=($!); done
    codes=""
    for p in "${pids[@]}"; do wait "$p"; codes="$codes$?"; done
    codes_all="$codes_all $codes"
    state=$(complete "$OUT/2026Q2")
    case $state in ok*) ;; *) cbad=$((cbad + 1)); cdetail="round $round: $state" ;; esac
    for j in 1 2 3 4; do
        if grep -q -e panicked -e 'internal error' "$WORK/conc-$round-$j.err"; then
            cbad=$((cbad + 1)); cdetail="round $round run $j panicked: $(tail -1 "$WORK/conc-$round-$j.err")"
        fi
    done
done
errs=$(cat "$WORK"/conc-*.err | grep -v '^$' | sort | uniq -c | sort -rn | head -2 | sed 's/^ *//' | tr '\n' ' ' | cut -c1-300)
if [ "$cbad" = 0 ]; then
    pass concurrent "3 rounds of 4 runs (exit codes:$codes_all): 2026Q2 complete after each"
else
    fail concurrent "$cdetail (exit codes:$codes_all)"
fi
[ -n "$errs" ] && info concurrent "messages of the runs that failed: $errs"
n=$(hidden "$OUT")
if [ "$n" = 0 ]; then pass concurrent-leftovers "no hidden folders left"
else warn concurrent-leftovers "$n hidden folder(s) left: $(hidden_list "$OUT")"; fi

# ---------------------------------------------------------------- full disk
FULL=$WORK/full
mkdir -p "$FULL"
if mount -t tmpfs -o size=2m tmpfs "$FULL" 2>/dev/null; then
    MOUNTS+=("$FULL")
    # An earlier report (1.9 MB) fills most of the 2 MB; the new one cannot fit.
    cp -a "$WORK/kill/2026Q2" "$FULL/2026Q2"
    before=$(complete "$FULL/2026Q2")
    report "$FULL" 2>"$WORK/full-report.err"; rc=$?
    after=$(complete "$FULL/2026Q2")
    n=$(hidden "$FULL")
    if [ "$rc" != 0 ] && [ "$after" = "$before" ] && [ "$n" = 0 ] && ! grep -q -e panicked -e 'internal error' "$WORK/full-report.err"; then
        pass full-disk-report "exit $rc, earlier report intact, no leftovers: $(tail -1 "$WORK/full-report.err" | cut -c1-160)"
    else
        fail full-disk-report "exit $rc; earlier report: $after; $n hidden entries ($(hidden_list "$FULL")); $(tail -1 "$WORK/full-report.err" | cut -c1-160)"
    fi
    rm -rf "$FULL"/2026Q2 "$FULL"/.[!.]*
    # compute --output onto a full disk: the earlier file must stay as it was.
    "$BIN" -q compute --all --format csv --output "$FULL/status.csv" 2>/dev/null
    sum_before=$(sha256sum "$FULL/status.csv" | cut -d' ' -f1)
    free=$(df --output=avail -B1 "$FULL" | tail -1)
    head -c $((free > 8192 ? free - 8192 : 0)) /dev/zero > "$FULL/filler" 2>/dev/null
    "$BIN" -q compute --all --format json --output "$FULL/status.csv" 2>"$WORK/full-compute.err"; rc=$?
    sum_after=$(sha256sum "$FULL/status.csv" | cut -d' ' -f1)
    n=$(hidden "$FULL"); tmpn=$(find "$FULL" -maxdepth 1 -name '*tmp*' | wc -l)
    if [ "$rc" != 0 ] && [ "$sum_before" = "$sum_after" ] && [ "$n" = 0 ] && [ "$tmpn" = 0 ] && ! grep -q -e panicked -e 'internal error' "$WORK/full-compute.err"; then
        pass full-disk-compute "exit $rc, earlier output unchanged, no temporary files: $(tail -1 "$WORK/full-compute.err" | cut -c1-160)"
    else
        fail full-disk-compute "exit $rc; earlier output $([ "$sum_before" = "$sum_after" ] && echo unchanged || echo CHANGED); $n hidden + $tmpn tmp entries; $(tail -1 "$WORK/full-compute.err" | cut -c1-160)"
    fi
    "$BIN" -q dashboard --out "$FULL/dash" 2>"$WORK/full-dash.err"; rc=$?
    left=$(find "$FULL" -mindepth 1 -maxdepth 1 ! -name filler ! -name status.csv | wc -l)
    if [ "$rc" != 0 ] && [ "$left" = 0 ] && ! grep -q -e panicked -e 'internal error' "$WORK/full-dash.err"; then
        pass full-disk-dashboard "exit $rc, nothing half-written left: $(tail -1 "$WORK/full-dash.err" | cut -c1-160)"
    else
        fail full-disk-dashboard "exit $rc; $left entries left besides the filler: $(find "$FULL" -mindepth 1 -maxdepth 1 -printf '%f ' | cut -c1-160)"
    fi
else
    skip full-disk "cannot mount a tmpfs (needs root / CAP_SYS_ADMIN)"
fi

# ---------------------------------------------------------------- read-only
RO=$WORK/ro
mkdir -p "$RO"
if mount -t tmpfs -o size=8m tmpfs "$RO" 2>/dev/null; then
    MOUNTS+=("$RO")
    cp -a "$WORK/kill/2026Q2" "$RO/2026Q2"
    before=$(complete "$RO/2026Q2")
    mount -o remount,ro "$RO"
    report "$RO" 2>"$WORK/ro-report.err"; rc1=$?
    "$BIN" -q compute --all --format csv --output "$RO/status.csv" 2>"$WORK/ro-compute.err"; rc2=$?
    "$BIN" -q compute --all --format csv --output "$RO/new/status.csv" 2>"$WORK/ro-compute2.err"; rc3=$?
    after=$(complete "$RO/2026Q2")
    if [ "$rc1" != 0 ] && [ "$rc2" != 0 ] && [ "$rc3" != 0 ] && [ "$after" = "$before" ] \
        && ! grep -q -e panicked -e 'internal error' "$WORK"/ro-*.err; then
        pass read-only-mount "report/compute into a read-only tmpfs: exits $rc1/$rc2/$rc3, earlier report intact: $(tail -1 "$WORK/ro-report.err" | cut -c1-120)"
    else
        fail read-only-mount "exits $rc1/$rc2/$rc3; earlier report: $after; $(tail -1 "$WORK/ro-report.err" | cut -c1-120)"
    fi
else
    skip read-only-mount "cannot mount a tmpfs (needs root / CAP_SYS_ADMIN)"
fi
# chattr +i on an ordinary folder (root ignores chmod, but not the immutable flag).
IMM=$WORK/immutable
mkdir -p "$IMM"
cp -a "$WORK/kill/2026Q2" "$IMM/2026Q2"
before=$(complete "$IMM/2026Q2")
if chattr +i "$IMM" 2>/dev/null; then
    report "$IMM" 2>"$WORK/imm.err"; rc=$?
    chattr -i "$IMM"
    after=$(complete "$IMM/2026Q2")
    if [ "$rc" != 0 ] && [ "$after" = "$before" ] && [ "$(hidden "$IMM")" = 0 ] && ! grep -q -e panicked -e 'internal error' "$WORK/imm.err"; then
        pass read-only-immutable "report --force into a chattr +i folder: exit $rc, earlier report intact: $(tail -1 "$WORK/imm.err" | cut -c1-120)"
    else
        fail read-only-immutable "exit $rc; earlier report: $after; hidden: $(hidden_list "$IMM")"
    fi
else
    skip read-only-immutable "chattr +i not supported on $(df --output=fstype "$IMM" | tail -1)"
fi
# chmod 555: meaningful only when not root.
CH=$WORK/chmod
mkdir -p "$CH"; chmod 555 "$CH"
if [ "$(id -u)" = 0 ]; then
    skip read-only-chmod "running as root, which ignores chmod 555 (the tmpfs and chattr checks stand in)"
else
    report "$CH" 2>"$WORK/chmod.err"; rc=$?
    if [ "$rc" != 0 ] && ! grep -q -e panicked -e 'internal error' "$WORK/chmod.err"; then
        pass read-only-chmod "report into a chmod 555 folder: exit $rc: $(tail -1 "$WORK/chmod.err" | cut -c1-120)"
    else
        fail read-only-chmod "exit $rc: $(tail -1 "$WORK/chmod.err" | cut -c1-120)"
    fi
fi
chmod 755 "$CH"

echo
if [ "$FAILS" = 0 ]; then echo "faults.sh: all checks passed"; exit 0; fi
echo "faults.sh: $FAILS check(s) failed"; exit 1
