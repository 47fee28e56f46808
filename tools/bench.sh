#!/usr/bin/env bash
# Time `kyc-precheck check` on a generated 12-megapixel JPEG against `djpeg` decoding the same
# file (libjpeg-turbo, the reference for "how long does just decoding take").
#
#   tools/bench.sh [RUNS]        (default 9 runs; prints the median of each and their ratio)
#
# The JPEG is generated at run time in a temporary folder (never committed): a 4000×3000
# textured scene with a card-like block of text-like strokes, encoded by cjpeg at quality 90
# (4:2:0, like phone cameras). Also times a profile-only check and the same photo as a selfie
# (face detection instead of the card locator), and a 4.9 MP photo of the rendered card fixture
# (portrait upright: the ordinary id_front path). Needs python3 and libjpeg-turbo-progs (cjpeg, djpeg; on Debian:
# `apt-get install libjpeg-turbo-progs`); skips with a message when they are missing.
set -euo pipefail

RUNS="${1:-9}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${CARGO_TARGET_DIR:-$ROOT/target}/release/kyc-precheck"

for tool in python3 cjpeg djpeg; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: skipped ($tool not found; install python3 and libjpeg-turbo-progs)"
    exit 0
  fi
done

if [ ! -x "$BIN" ] || [ "${REBUILD:-1}" = 1 ]; then
  (cd "$ROOT" && cargo build --release --quiet)
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

python3 - "$TMP/scene.ppm" <<'PY'
import sys, math, random
w, h = 4000, 3000
random.seed(7)
row_bytes = []
out = open(sys.argv[1], "wb")
out.write(b"P6\n%d %d\n255\n" % (w, h))
# Wood-like background, a light card with dark strokes in the middle, mild noise.
cx0, cy0, cx1, cy1 = 600, 500, 3400, 2300
noise = bytes(random.randrange(0, 9) for _ in range(w * 3 + 7))
for y in range(h):
    line = bytearray(w * 3)
    card_row = cy0 <= y < cy1
    stroke_row = card_row and ((y - cy0) // 40) % 3 == 1
    for x in range(0, w):
        if card_row and cx0 <= x < cx1:
            v = 30 if (stroke_row and ((x * 7 + y) // 23) % 4 != 0) else 228
            r, g, b = v, v + 4 if v < 250 else v, v - 6 if v > 10 else v
        else:
            t = 0.5 + 0.5 * math.sin(x * 0.013 + math.sin(y * 0.004) * 3)
            r, g, b = int(120 + 60 * t), int(80 + 40 * t), int(40 + 20 * t)
        n = noise[(x * 3 + y) % len(noise)]
        i = x * 3
        line[i] = min(255, r + n)
        line[i + 1] = min(255, g + n)
        line[i + 2] = min(255, b + n)
    out.write(line)
out.close()
PY
cjpeg -quality 90 -outfile "$TMP/photo12mp.jpg" "$TMP/scene.ppm"
rm -f "$TMP/scene.ppm"
cat > "$TMP/profile.json" <<'JSON'
{"full_name": "ANNA MARIA ERIKSSON", "date_of_birth": "1974-08-12",
 "document": {"type": "passport", "country": "SWE", "number": "AA1234567", "expiry_date": "2031-04-15"}}
JSON

echo "input: $(du -k "$TMP/photo12mp.jpg" | cut -f1) KiB, 4000x3000 (12.0 MP), baseline JPEG q90"
# The synthetic card above has no portrait, so its id_front check also pays the search for a
# turned portrait. A photo of the real rendered card (front_clean.jpg, portrait upright) at twice
# its size (djpeg's largest scale, 2560x1920) times the ordinary path.
djpeg -scale 16/8 -outfile "$TMP/card.ppm" "$ROOT/fixtures/images/front_clean.jpg"
cjpeg -quality 90 -outfile "$TMP/card5mp.jpg" "$TMP/card.ppm"
rm -f "$TMP/card.ppm"

median_ms() { # command...
  local times=()
  for _ in $(seq "$RUNS"); do
    local s e
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    times+=($(( (e - s) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

PROFILE=$(median_ms "$BIN" check "$TMP/profile.json" --today 2026-11-22 --format json)
CHECK=$(median_ms "$BIN" check "$TMP/profile.json" --id-front "$TMP/photo12mp.jpg" --today 2026-11-22 --format json)
SELFIE=$(median_ms "$BIN" check "$TMP/profile.json" --selfie "$TMP/photo12mp.jpg" --today 2026-11-22 --format json)
DJPEG=$(median_ms djpeg -outfile /dev/null "$TMP/photo12mp.jpg")
CARD=$(median_ms "$BIN" check "$TMP/profile.json" --id-front "$TMP/card5mp.jpg" --today 2026-11-22 --format json)
CARD_DJPEG=$(median_ms djpeg -outfile /dev/null "$TMP/card5mp.jpg")
echo "median of $RUNS runs:"
echo "  kyc-precheck check, profile only:                  ${PROFILE} ms"
echo "  kyc-precheck check, 12 MP id_front (all checks):   ${CHECK} ms"
echo "  kyc-precheck check, 12 MP selfie (faces):          ${SELFIE} ms"
echo "  djpeg decode to PPM (reference):                   ${DJPEG} ms"
awk -v a="$CHECK" -v b="$DJPEG" 'BEGIN { printf "  ratio id_front check/djpeg: %.2fx\n", a / b }'
awk -v a="$SELFIE" -v b="$DJPEG" 'BEGIN { printf "  ratio selfie check/djpeg:   %.2fx\n", a / b }'
echo "  kyc-precheck check, 4.9 MP real card id_front:     ${CARD} ms"
echo "  djpeg decode of that photo (reference):            ${CARD_DJPEG} ms"
awk -v a="$CARD" -v b="$CARD_DJPEG" 'BEGIN { printf "  ratio real-card check/djpeg: %.2fx\n", a / b }'
"$BIN" check "$TMP/profile.json" --id-front "$TMP/photo12mp.jpg" --today 2026-11-22 --format json \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("  findings:", [f["code"] for f in r["findings"]]); print("  metrics:", {k: v for k, v in r["images"]["id_front"].items() if k not in ("path",)})'
