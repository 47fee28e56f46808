#!/usr/bin/env bash
# Run every cargo-fuzz target (fuzz/fuzz_targets) for SECONDS each, one at a time, and print per
# target the executions, the coverage reached and any crash, hang or out-of-memory input found.
#
#   tools/fuzz.sh [SECONDS] [TARGET...]      (default 600 s, every target)
#
# Needs the nightly toolchain and cargo-fuzz (docs/FUZZING.md). Seeds come from fixtures/ at each
# run (fuzz/corpus/, not committed); what a run finds stays in fuzz/corpus/ for the next run.
# Crashing inputs land in fuzz/artifacts/TARGET/; logs in fuzz/logs/. One process, one job: the
# machine is shared, so the runs are niced and never parallel.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$(pwd)
seconds=${1:-600}
shift || true
all=(profile_json mrz idnumber policy_toml image_pipeline)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all[@]}")

# Build every target once: release mode with debug assertions (overflow checks), AddressSanitizer.
(cd fuzz && nice -n 10 cargo +nightly fuzz build -O -a) >&2

bin_dir="$root/fuzz/target/x86_64-unknown-linux-gnu/release"
mkdir -p fuzz/logs

seed() {
    # seed TARGET MAX_BYTES FILE...: copy the fixtures no larger than MAX_BYTES into the corpus.
    local target=$1 max=$2
    shift 2
    local dir="fuzz/corpus/$target"
    mkdir -p "$dir"
    local f
    for f in "$@"; do
        [ -f "$f" ] || continue
        [ "$(stat -c %s "$f")" -le "$max" ] || continue
        cp -n "$f" "$dir/seed-$(echo "$f" | tr '/' '_')"
    done
}

mrz_seeds() {
    # One seed per MRZ of the vectors and the cases: lines joined by '|' (as the target splits).
    mkdir -p fuzz/corpus/mrz
    python3 - <<'PY' 2>/dev/null || true
import json, glob, hashlib
for path in glob.glob("fixtures/vectors/mrz*.jsonl"):
    for line in open(path, encoding="utf-8"):
        try:
            v = json.loads(line)
        except ValueError:
            continue
        lines = v.get("lines")
        if isinstance(lines, list) and all(isinstance(s, str) for s in lines):
            text = "|".join(lines).encode()
            open("fuzz/corpus/mrz/seed-" + hashlib.sha1(text).hexdigest()[:16], "wb").write(text)
PY
}

idnumber_seeds() {
    mkdir -p fuzz/corpus/idnumber
    python3 - <<'PY' 2>/dev/null || true
import json, glob, hashlib
n = 0
for path in sorted(glob.glob("fixtures/vectors/idnumber/*.jsonl")) + ["fixtures/vectors/passport.jsonl"]:
    seen = 0
    for line in open(path, encoding="utf-8"):
        try:
            v = json.loads(line)
        except ValueError:
            continue
        number = v.get("in")
        if isinstance(number, str) and seen < 20:
            seen += 1
            data = number.encode()
            open("fuzz/corpus/idnumber/seed-" + hashlib.sha1(data).hexdigest()[:16], "wb").write(data)
PY
}

for target in "${targets[@]}"; do
    case $target in
        profile_json)
            seed "$target" 65536 fixtures/cases/*/profile.json fixtures/bad/profile_*.json examples/*.json
            max_len=65536 rss=2048 ;;
        mrz)
            mrz_seeds
            max_len=4096 rss=2048 ;;
        idnumber)
            idnumber_seeds
            max_len=256 rss=2048 ;;
        policy_toml)
            seed "$target" 65536 src/policy/presets/*.toml fixtures/bad/*.toml examples/*.toml
            max_len=65536 rss=2048 ;;
        image_pipeline)
            # Role byte (0: ID front) prepended to each image. Small images only: a 1280x960
            # photo takes seconds through the whole pipeline under the sanitizer, so large seeds
            # would spend the run loading the corpus; the malformed files of fixtures/bad and
            # the small fixtures (thumbnails, bombs, low-resolution photos) cover every format.
            mkdir -p "fuzz/corpus/$target"
            for f in fixtures/images/* fixtures/bad/*.jpg fixtures/bad/*.png fixtures/bad/*.gif \
                fixtures/bad/*.webp fixtures/bad/*.tif fixtures/bad/*.bmp; do
                [ -f "$f" ] && [ "$(stat -c %s "$f")" -le 60000 ] || continue
                out="fuzz/corpus/$target/seed-$(echo "$f" | tr '/' '_')"
                [ -e "$out" ] || { printf '\0' > "$out"; cat "$f" >> "$out"; }
            done
            max_len=200000 rss=3072 ;;
        *) echo "unknown target $target (targets: ${all[*]})" >&2; exit 2 ;;
    esac
    mkdir -p "fuzz/artifacts/$target" "fuzz/logs/$target"
    # Crashes, out-of-memory and time-outs count; "slow-unit" files are only reported.
    before=$(ls "fuzz/artifacts/$target" | grep -cv '^slow-unit' || true)
    stamp=$(date -u +%Y%m%dT%H%M%SZ)
    log="$root/fuzz/logs/$target-$stamp.log"
    echo "== $target: ${seconds}s, corpus $(ls "fuzz/corpus/$target" | wc -l) inputs, log $log" >&2
    # -jobs=1 -workers=1: one fuzzing process whose output libFuzzer writes to fuzz-0.log in the
    # working directory (the per-target log folder).
    (cd "fuzz/logs/$target" && nice -n 10 "$bin_dir/$target" \
        -jobs=1 -workers=1 -max_total_time="$seconds" -max_len="$max_len" \
        -rss_limit_mb="$rss" -timeout=60 -print_final_stats=1 \
        -artifact_prefix="$root/fuzz/artifacts/$target/" \
        "$root/fuzz/corpus/$target" >/dev/null 2>&1) || true
    mv "fuzz/logs/$target/fuzz-0.log" "$log" 2>/dev/null || true
    after=$(ls "fuzz/artifacts/$target" | grep -cv '^slow-unit' || true)
    slow=$(grep -o 'slowest_unit_time_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1 || true)
    [ -n "$runs" ] || runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#' || true)
    cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 || true)
    crash=$(grep -E '^==[0-9]+== ERROR|deadly signal|panicked at|out-of-memory|timeout after' "$log" | head -3 | tr '\n' ' ' || true)
    printf '%-15s %6ss  runs %-10s %-22s slowest %ss  new crashes %d  %s\n' \
        "$target" "$seconds" "${runs:-?}" "${cov:-cov ?}" "${slow:-?}" $((after - before)) "${crash:-no crash}"
done
