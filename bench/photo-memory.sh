#!/usr/bin/env bash
# Memory under worst-case photo uploads (issue 15: six at once stay under 500 MB above idle). Starts `cupwise serve`
# (Release, SQLite, loopback), makes the largest image the decode budget lets through — a single-colour PNG that
# squeezes 5,900 × 5,900 pixels into a few hundred kilobytes, which cannot be decoded scaled as a JPEG is — uploads
# N of them at once, and prints the server's resident memory at idle and its peak (VmHWM).
# Usage: bench/photo-memory.sh [uploads at once]
set -euo pipefail
cd "$(dirname "$0")/.."
uploads=${1:-6}
# CUPWISE_EXE runs another build (an earlier commit's, side by side) instead of this one's.
if [ -z "${CUPWISE_EXE:-}" ]; then dotnet build src/Cupwise -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null; fi
exe=${CUPWISE_EXE:-src/Cupwise/bin/Release/net10.0/cupwise}
data=$(mktemp -d)
port=$(( 20000 + RANDOM % 20000 ))
base="http://127.0.0.1:$port"
token=$(bench/first-owner.sh "$exe" "$data")
"$exe" serve --data "$data" --urls "$base" >"$data/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -fs -o /dev/null "$base/healthz"; do sleep 0.05; done

python3 - "$data" <<'PY'
import struct, sys, zlib
def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)
def png(path, w, h):
    row = b"\0" + b"\x40\x80\xc0" * w
    z = zlib.compressobj(9)
    body = b"".join(z.compress(row) for _ in range(h)) + z.flush()
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", body) + chunk(b"IEND", b""))
png(sys.argv[1] + "/flat.png", 5900, 5900)
PY
ls -l "$data/flat.png" | awk '{printf "worst-case PNG: 5900 x 5900 pixels in %d KB\n", $5/1024}'

json() { curl -fs -H "Authorization: Bearer $token" -H 'content-type: application/json' -d "$2" "$base$1"; }
client=$(json /api/v1/clients '{"familyName":"Memory","givenName":"Test","dateOfBirth":"1980-01-01","sex":"unknown"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
# Warm up: one upload, so that what is measured is the uploads, not the first request's code loading.
curl -fs -o /dev/null -H "Authorization: Bearer $token" -F "file=@$data/flat.png;type=image/png" -F siteId=upper-back -F side=left "$base/api/v1/clients/$client/photos"
sleep 2
idle=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
before_peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
start=$(date +%s.%N)
for i in $(seq 1 "$uploads"); do
  curl -s -o "$data/up$i.json" -w "%{http_code}\n" -H "Authorization: Bearer $token" -F "file=@$data/flat.png;type=image/png" -F siteId=upper-back -F side=left "$base/api/v1/clients/$client/photos" &
done | sort | uniq -c | awk '{printf "answers: %d x %s\n", $1, $2}'
end=$(date +%s.%N)
peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
printf 'idle RSS %d MB; peak RSS before the burst %d MB, after %d MB: %d MB above idle; %d uploads at once in %.1f s\n' \
  $((idle / 1024)) $((before_peak / 1024)) $((peak / 1024)) $(((peak - idle) / 1024)) "$uploads" "$(echo "$end - $start" | bc)"
