"""Small valid pictures made at test time (no image library needed): a PNG whose pixel rows can
spell a canary, and a baseline JPEG of mid-grey 8 x 8 blocks."""
import struct
import zlib


def png(width, height, rows=None, alpha=False):
    """An 8-bit RGB (or RGBA) PNG; `rows` gives each row's pixel bytes (default: a gradient)."""
    channels = 4 if alpha else 3
    if rows is None:
        rows = [bytes((y * 40 + x * 7) % 256 for x in range(width * channels)) for y in range(height)]
    raw = b"".join(b"\0" + r for r in rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 6 if alpha else 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def canary_png(text):
    """A one-row PNG whose RGB bytes are the ASCII text (padded to whole pixels): what a PDF
    holds of it, uncompressed, is the text itself."""
    data = text.encode("ascii")
    data += b" " * (-len(data) % 3)
    return png(len(data) // 3, 1, [data])


def jpeg(width=8, height=8, components=3):
    """A baseline JPEG of one 8 x 8 block per component, every sample mid-grey."""
    def seg(marker, body):
        return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body

    out = b"\xff\xd8" + seg(0xDB, b"\0" + b"\1" * 64)
    out += seg(0xC0, bytes([8]) + struct.pack(">HH", height, width) + bytes([components]) +
               b"".join(bytes([c, 0x11, 0]) for c in range(1, components + 1)))
    bits = bytes([1] + [0] * 15)
    out += seg(0xC4, b"\x00" + bits + b"\0") + seg(0xC4, b"\x10" + bits + b"\0")
    out += seg(0xDA, bytes([components]) + b"".join(bytes([c, 0]) for c in range(1, components + 1)) + b"\0\x3f\0")
    return out + bytes([0xFF >> (2 * components) & 0xFF]) + b"\xff\xd9"
