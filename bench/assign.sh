#!/usr/bin/env bash
# drx's assignment engine against OR-tools' min-cost flow, end to end, on instances from
# shared/bench/gen_instance.py; prints a markdown table (seconds are each program's own
# `seconds=`: read, build, solve, extract; peak memory from /usr/bin/time -v).
#
# usage: bench/assign.sh            (from the repository root)
# env:   SHARED_BENCH  folder with gen_instance.py, ortools_assign.py, lp_optimum.py
#                      (default: ../shared/bench beside the repository)
#        REPEAT        runs per program and size; the median time is reported (default 3)
#        LP_MAX_PAIRS  run lp_optimum.py only up to this many candidate pairs (default 3000000)
#        LP_TIMEOUT    seconds before the LP is given up (default 900)
#        SIZES         subset of: 200x100 2000x1000 10000x5000 50000x20000 (default all)
# needs: cargo, python3 with ortools numpy scipy (pip install ortools numpy scipy), GNU time.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${SHARED_BENCH:-$root/../shared/bench}"
repeat="${REPEAT:-3}"
lp_max="${LP_MAX_PAIRS:-3000000}"
lp_timeout="${LP_TIMEOUT:-900}"
sizes="${SIZES:-200x100 2000x1000 10000x5000 50000x20000}"

if [[ ! -x /usr/bin/time ]]; then
    echo "installing GNU time" >&2
    apt-get install -y time >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
fi
for f in gen_instance.py ortools_assign.py lp_optimum.py; do
    [[ -f "$shared/$f" ]] || { echo "missing $shared/$f (set SHARED_BENCH)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$root" && cargo build --release -q -p drx)
target="${CARGO_TARGET_DIR:-$root/target}"
# A private copy: other builds sharing the target directory cannot replace it mid-run.
cp "$target/release/drx" "$work/drx"

density_of() {
    case "$1" in
        10000x5000) echo 0.05 ;;
        50000x20000) echo 0.005 ;;
        *) echo 1.0 ;;
    esac
}

# run LABEL CMD...: runs CMD under /usr/bin/time -v; prints "objective seconds peak_kb".
run() {
    local out="$work/out.txt" tim="$work/time.txt"
    /usr/bin/time -v "$@" >"$out" 2>"$tim" || { cat "$out" "$tim" >&2; return 1; }
    local line obj sec kb
    line="$(grep -E '^total_affinity=' "$out" | tail -1)"
    obj="$(sed -E 's/.*total_affinity=([^ ]+).*/\1/' <<<"$line")"
    sec="$(sed -E 's/.*seconds=([^ ]+).*/\1/' <<<"$line")"
    kb="$(awk -F': ' '/Maximum resident set size/{print $2}' "$tim")"
    echo "$obj $sec $kb"
}

# median of the seconds, max of the memory, objective of the first run (all must agree).
measure() {
    local objs=() secs=() kb=0 r o s k
    for ((i = 0; i < repeat; i++)); do
        read -r o s k < <(run "$@")
        objs+=("$o"); secs+=("$s")
        if ((k > kb)); then kb=$k; fi
    done
    for o in "${objs[@]}"; do
        [[ "$o" == "${objs[0]}" ]] || echo "warning: objective varies between runs: ${objs[*]}" >&2
    done
    s="$(printf '%s\n' "${secs[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')"
    echo "${objs[0]} $s $kb"
}

echo "# drx bench assign vs OR-tools ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
if pgrep -x rustc >/dev/null || pgrep -x cargo >/dev/null; then
    echo "note: compilations were running when the benchmark started; timings may be distorted"
fi
echo
echo "| size | density | pairs | drx s | OR-tools s | speed-up | drx peak MB | OR-tools peak MB | memory ratio | drx objective | OR-tools objective | rel. diff | LP optimum |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for size in $sizes; do
    s="${size%x*}"; j="${size#*x}"; d="$(density_of "$size")"
    dir="$work/$size"
    python3 "$shared/gen_instance.py" "$dir" "$s" "$j" --density "$d" >/dev/null
    pairs=$(($(wc -l <"$dir/affinity.csv") - 1))
    read -r dobj dsec dkb < <(measure "$work/drx" bench assign "$dir")
    read -r oobj osec okb < <(measure python3 "$shared/ortools_assign.py" "$dir")
    lp="not run (> $lp_max pairs)"
    if ((pairs <= lp_max)); then
        if lpout="$(timeout "$lp_timeout" python3 "$shared/lp_optimum.py" "$dir" 2>&1)"; then
            lp="$(grep -E '^lp_optimum=' <<<"$lpout" | sed -E 's/lp_optimum=([^ ]+).*/\1/')"
        else
            lp="not finished in ${lp_timeout}s"
        fi
    fi
    python3 - "$size" "$d" "$pairs" "$dsec" "$osec" "$dkb" "$okb" "$dobj" "$oobj" "$lp" <<'EOF'
import sys
size, d, pairs, dsec, osec, dkb, okb, dobj, oobj, lp = sys.argv[1:]
dsec, osec, dkb, okb, dobj, oobj = map(float, (dsec, osec, dkb, okb, dobj, oobj))
rel = abs(dobj - oobj) / max(abs(oobj), 1e-300)
print(f"| {size} | {float(d):g} | {int(pairs):,} | {dsec:.3f} | {osec:.3f} | {osec / max(dsec, 1e-9):.1f}x "
      f"| {dkb / 1024:.0f} | {okb / 1024:.0f} | {okb / max(dkb, 1):.1f}x | {dobj:.6f} | {oobj:.6f} | {rel:.1e} | {lp} |")
EOF
    rm -rf "$dir"
done
