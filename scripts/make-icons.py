#!/usr/bin/env python3
"""Draws the extension's icons (extension/icons/icon-<size>.png): a rounded blue square with
three white lines of decreasing length, "a text, abridged". Standard library only; rerun it
after changing the drawing. The PNGs are committed, so the build does not need this script."""
import struct
import zlib
from pathlib import Path

BLUE = (37, 99, 235)
WHITE = (255, 255, 255)


def inside_rounded(x, y, size, r):
    cx = min(max(x, r), size - r)
    cy = min(max(y, r), size - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y, size):
    # Sample at the pixel centre with 4x4 supersampling for smooth edges.
    acc = [0.0, 0.0, 0.0, 0.0]
    n = 4
    for i in range(n):
        for j in range(n):
            px = x + (i + 0.5) / n
            py = y + (j + 0.5) / n
            if not inside_rounded(px, py, size, size * 0.22):
                continue
            colour = BLUE
            u, v = px / size, py / size
            for row, length in ((0.30, 0.62), (0.50, 0.48), (0.70, 0.32)):
                if abs(v - row) <= 0.065 and 0.19 <= u <= 0.19 + length:
                    colour = WHITE
            acc[0] += colour[0]
            acc[1] += colour[1]
            acc[2] += colour[2]
            acc[3] += 255
    k = n * n
    a = acc[3] / k
    if a == 0:
        return (0, 0, 0, 0)
    return (round(acc[0] / (acc[3] / 255)), round(acc[1] / (acc[3] / 255)), round(acc[2] / (acc[3] / 255)), round(a))


def png(size):
    raw = b""
    for y in range(size):
        raw += b"\x00" + b"".join(bytes(pixel(x, y, size)) for x in range(size))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "extension" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"icon-{size}.png").write_bytes(png(size))
        print(f"wrote {out / f'icon-{size}.png'}")
