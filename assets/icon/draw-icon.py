#!/usr/bin/env python3
"""Draws By i balance's icon: a block of flats and a house balanced on a beam, on the
Okabe-Ito blue of the app's palette. Writes by-i-balance.ico (16-256 px, for the Windows .exe)
and by-i-balance.png (256 px, the window icon) beside this script.

Standard library only (no network, no image library), so anyone can redraw it:

    python3 assets/icon/draw-icon.py

Shapes are signed-distance functions in a 256x256 design space, sampled 4x4 per pixel so
edges are smooth at every size.
"""

import os
import struct
import zlib

BLUE = (0x00, 0x72, 0xB2)
WHITE = (0xFF, 0xFF, 0xFF)
YELLOW = (0xF0, 0xE4, 0x42)
ORANGE = (0xE6, 0x9F, 0x00)
SIZES = (16, 24, 32, 48, 64, 128, 256)
SUPERSAMPLE = 4


def rounded_box(x, y, x0, y0, x1, y1, r):
    """Signed distance to a box with rounded corners (negative inside)."""
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    hx, hy = (x1 - x0) / 2 - r, (y1 - y0) / 2 - r
    qx, qy = abs(x - cx) - hx, abs(y - cy) - hy
    outside = (max(qx, 0.0) ** 2 + max(qy, 0.0) ** 2) ** 0.5
    return outside + min(max(qx, qy), 0.0) - r


def triangle(x, y, a, b, c):
    """Negative inside the triangle a-b-c (edge functions; enough for filling)."""
    def edge(p, q):
        ex, ey = q[0] - p[0], q[1] - p[1]
        length = (ex * ex + ey * ey) ** 0.5
        return ((x - p[0]) * ey - (y - p[1]) * ex) / length
    d = (edge(a, b), edge(b, c), edge(c, a))
    # Both windings: inside when all three edges agree in sign.
    return min(max(d), max(-e for e in d))


def colour_at(x, y):
    """The colour at a design-space point, or None outside the icon."""
    if rounded_box(x, y, 8, 8, 248, 248, 52) > 0:
        return None
    # The fulcrum and the beam.
    if triangle(x, y, (128, 150), (92, 214), (164, 214)) < 0:
        return WHITE
    if rounded_box(x, y, 30, 140, 226, 160, 6) < 0:
        return WHITE
    # A block of flats on the left, its windows cut out.
    if rounded_box(x, y, 48, 56, 108, 140, 4) < 0:
        for wx in (58, 84):
            for wy in (68, 92, 116):
                if rounded_box(x, y, wx, wy, wx + 16, wy + 14, 2) < 0:
                    return BLUE
        return YELLOW
    # A house on the right: walls and a pitched roof.
    if rounded_box(x, y, 150, 98, 206, 140, 3) < 0:
        if rounded_box(x, y, 170, 112, 186, 140, 2) < 0:
            return BLUE
        return ORANGE
    if triangle(x, y, (178, 58), (138, 102), (218, 102)) < 0:
        return ORANGE
    return BLUE


def render(size):
    """RGBA rows (top first) of the icon at `size` pixels."""
    rows = []
    step = 256 / size
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray()
        for px in range(size):
            r = g = b = a = 0
            for sy in range(n):
                for sx in range(n):
                    c = colour_at((px + (sx + 0.5) / n) * step, (py + (sy + 0.5) / n) * step)
                    if c is not None:
                        r, g, b, a = r + c[0], g + c[1], b + c[2], a + 1
            if a:
                row += bytes((r // a, g // a, b // a, a * 255 // (n * n)))
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + row for row in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def dib(size, rows):
    """A 32-bit BGRA bitmap with its AND mask, as icon files hold below 256 px."""
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    pixels = b"".join(
        bytes(row[i + c] for i in range(0, len(row), 4) for c in (2, 1, 0, 3)) for row in reversed(rows)
    )
    mask_stride = ((size + 31) // 32) * 4
    mask = bytearray()
    for row in reversed(rows):
        bits = bytearray(mask_stride)
        for x in range(size):
            if row[x * 4 + 3] == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        mask += bits
    return header + pixels + bytes(mask)


def ico(images):
    count = len(images)
    directory = struct.pack("<HHH", 0, 1, count)
    offset = 6 + 16 * count
    body = b""
    for size, data in images:
        side = 0 if size == 256 else size
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
        body += data
    return directory + body


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    images = []
    for size in SIZES:
        rows = render(size)
        images.append((size, png(size, rows) if size == 256 else dib(size, rows)))
        if size == 256:
            with open(os.path.join(here, "by-i-balance.png"), "wb") as f:
                f.write(png(size, rows))
    with open(os.path.join(here, "by-i-balance.ico"), "wb") as f:
        f.write(ico(images))


if __name__ == "__main__":
    main()
