#!/usr/bin/env bash
# Draws every icon a Tauri bundle needs (Linux PNGs, Windows .ico, macOS .icns)
# from the one committed source image, icons/icon.svg. Needs ImageMagick with
# librsvg (Debian: imagemagick librsvg2-bin) and python3.
set -euo pipefail
cd "$(dirname "$0")/../icons"
src=icon.svg
png() { convert -background none -density 384 "$src" -resize "$1x$1" "PNG32:$2"; }
png 32 32x32.png
png 128 128x128.png
png 256 128x128@2x.png
png 512 icon.png
for s in 16 24 48 64 256; do png "$s" "tmp-$s.png"; done
convert tmp-16.png tmp-24.png 32x32.png tmp-48.png tmp-64.png tmp-256.png icon.ico
png 1024 tmp-1024.png
# ICNS: a header and one PNG-carrying entry per size (ic07 128, ic08 256, ic09 512, ic10 1024).
python3 - <<'PY'
import struct
entries = [(b"ic07", "128x128.png"), (b"ic08", "128x128@2x.png"), (b"ic09", "icon.png"), (b"ic10", "tmp-1024.png")]
body = b""
for kind, name in entries:
    data = open(name, "rb").read()
    body += kind + struct.pack(">I", len(data) + 8) + data
open("icon.icns", "wb").write(b"icns" + struct.pack(">I", len(body) + 8) + body)
PY
rm -f tmp-*.png
