#!/usr/bin/env python3
"""The bad-input corpus: fixtures/bad/ and its manifest.json.

Every file is a way a stranger's upload can be broken or hostile: truncated and bit-flipped
JPEG/PNG, wrong magic or extension, huge dimensions in tiny files, JPEG variants (progressive,
arithmetic-coded, CMYK, lossless), PNG variants (16-bit, interlaced, animated), EXIF with bogus
offsets and IFD loops, decompression bombs, broken or hostile profiles (deep, invalid UTF-8,
UTF-16, numbers out of range) and policy files. tests/bad_inputs.rs runs the binary on each and
checks the outcome the manifest gives, which follows from the contract and from what the file
is (how it was made here), never from what the tool happens to print.

Files that cannot be committed (a directory, a FIFO, a symlink loop, an unreadable file, a 50 MB
profile, a 70 MB image) are made by the test at run time.

Deterministic: a fixed seed and Pillow's encoder (pinned in tools/fixtures/requirements.txt);
`jpegtran` (libjpeg-turbo-progs) makes the arithmetic-coded and the lossless-transcoded JPEG.
Run from the repository root:  python3 tools/badinputs/generate.py
Check nothing changed:          python3 tools/badinputs/generate.py && git status fixtures/bad
"""

import io
import json
import os
import random
import shutil
import struct
import subprocess
import zlib

from PIL import Image, ImageDraw

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "bad")
SEED = 1313
rng = random.Random(SEED)
manifest = []


def add(name, data, kind, exit_code, why, **expect):
    """Write one file and its expected outcome.

    kind: `image` (passed as --id-front), `profile` (the PROFILE argument) or `policy` (--policy
    with a valid profile). `codes`: reason codes that must be reported for the file's subject;
    `absent`: codes that must not be; `decodes`: the image must decode (metrics reported) or
    must not; `stderr`: text the error message must contain (exit 2); `policy`: a policy file in
    this folder to run the image with.
    """
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
    entry = {"file": name, "kind": kind, "exit": exit_code, "why": why}
    entry.update(expect)
    manifest.append(entry)


# ---------------------------------------------------------------------------------------------
# Base pictures: a small card-like scene, so decoders have real entropy-coded data to chew on.


def scene(w=320, h=200, mode="RGB"):
    img = Image.new("RGB", (w, h), (200, 190, 170))
    d = ImageDraw.Draw(img)
    for x in range(w):
        d.line([(x, 0), (x, h)], fill=(180 + x % 60, 150 + (x * 3) % 90, 120))
    d.rectangle([20, 20, w - 20, h - 20], fill=(235, 235, 228), outline=(30, 30, 30), width=3)
    d.rectangle([35, 40, 110, 150], fill=(120, 100, 90))
    d.ellipse([52, 55, 93, 100], fill=(220, 180, 150))
    for i in range(7):
        y = 45 + i * 15
        d.rectangle([125, y, 125 + rng.randint(80, 160), y + 7], fill=(40, 40, 60))
    if mode != "RGB":
        img = img.convert(mode)
    return img


def encode(img, fmt, **kw):
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def jpeg_segments(data):
    """(marker, start, end) of each marker segment before the first scan."""
    out, i = [], 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        out.append((marker, i, i + 2 + length))
        if marker == 0xDA:
            break
        i += 2 + length
    return out


def with_sof_size(data, width, height):
    """The JPEG with its frame header's dimensions replaced."""
    for marker, start, _ in jpeg_segments(data):
        if marker in (0xC0, 0xC1, 0xC2):
            b = bytearray(data)
            struct.pack_into(">HH", b, start + 5, height, width)
            return bytes(b)
    raise ValueError("no SOF")


def with_app1(data, payload):
    """Insert an APP1 segment right after SOI."""
    seg = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
    return data[:2] + seg + data[2:]


def flip_bits(data, count, lo, hi):
    b = bytearray(data)
    for _ in range(count):
        i = rng.randrange(lo, hi)
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def png_chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_raw(width, height, bit_depth, color_type, idat, extra=b""):
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", ihdr)
        + extra
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def tiff_ifd(entries, next_ifd, byte_order="<"):
    """An IFD: entries are (tag, type, count, value_or_offset)."""
    out = struct.pack(byte_order + "H", len(entries))
    for tag, typ, count, value in entries:
        out += struct.pack(byte_order + "HHII", tag, typ, count, value)
    return out + struct.pack(byte_order + "I", next_ifd)


def exif_payload(tiff):
    return b"Exif\x00\x00" + tiff


# ---------------------------------------------------------------------------------------------


def jpegs():
    base = encode(scene(), "JPEG", quality=90)
    n = len(base)
    sos = [s for s in jpeg_segments(base) if s[0] == 0xDA][0]
    scan_start = sos[2]
    corrupt = {"codes": ["IMAGE_CORRUPT"], "decodes": False}

    add("jpeg_valid.jpg", base, "image", 1,
        "control: a small valid JPEG (FILE_TOO_SMALL and low resolution, but it decodes)",
        codes=["FILE_TOO_SMALL", "IMAGE_RESOLUTION_LOW"], absent=["IMAGE_CORRUPT"], decodes=True)
    for pct in (1, 10, 50, 90):
        add(f"jpeg_truncated_{pct:02d}.jpg", base[: max(3, n * pct // 100)], "image", 1,
            f"the first {pct} % of a JPEG (an interrupted upload)", **corrupt)
    add("jpeg_no_eoi.jpg", base[:-2], "image", 1, "a JPEG without its end marker", **corrupt)
    add("jpeg_headers_only.jpg", base[:scan_start], "image", 1,
        "every header up to the scan, no image data", **corrupt)
    add("jpeg_magic_only.jpg", b"\xff\xd8\xff", "image", 1, "the JPEG signature alone", **corrupt)
    for i in range(4):
        add(f"jpeg_bitflip_scan_{i}.jpg", flip_bits(base, 24, scan_start, n - 2), "image", 1,
            "24 bits flipped in the entropy-coded data (a damaged download): it may decode to "
            "noise or be refused, never crash", decodes_or_corrupt=True)
    add("jpeg_bitflip_headers.jpg", flip_bits(base, 40, 2, scan_start), "image", 1,
        "40 bits flipped in the headers (tables, frame header)", decodes_or_corrupt=True)
    add("jpeg_huge_dims.jpg", with_sof_size(base, 65535, 65535), "image", 1,
        "the frame header claims 65535×65535 (4295 megapixels) in a 10 KB file: refused from the "
        "header", codes=["IMAGE_CORRUPT"], decodes=False, measured=4294.8)
    add("jpeg_zero_width.jpg", with_sof_size(base, 0, 200), "image", 1,
        "the frame header says 0 pixels wide", **corrupt)
    add("jpeg_dims_mismatch.jpg", with_sof_size(base, 3000, 2000), "image", 1,
        "the header claims 3000×2000 but the scan holds 320×200 of data", decodes_or_corrupt=True)
    seg = bytearray(base)
    app0 = [s for s in jpeg_segments(base) if s[0] == 0xE0][0]
    struct.pack_into(">H", seg, app0[1] + 2, 0xFFFF)
    add("jpeg_segment_overrun.jpg", bytes(seg), "image", 1,
        "a marker segment whose length runs past the end of the file", **corrupt)

    prog = encode(scene(), "JPEG", quality=85, progressive=True)
    add("jpeg_progressive.jpg", prog, "image", 1, "progressive JPEG (valid): decodes",
        absent=["IMAGE_CORRUPT"], decodes=True)
    add("jpeg_progressive_truncated.jpg", prog[: len(prog) * 2 // 3], "image", 1,
        "progressive JPEG cut after two thirds", **corrupt)
    add("jpeg_cmyk.jpg", encode(scene(mode="CMYK"), "JPEG", quality=90), "image", 1,
        "CMYK JPEG (Adobe, as print workflows write): decodes", absent=["IMAGE_CORRUPT"],
        decodes=True)
    add("jpeg_grayscale.jpg", encode(scene(mode="L"), "JPEG", quality=90), "image", 1,
        "single-channel JPEG: decodes, reported as grayscale", codes=["IMAGE_GRAYSCALE"],
        decodes=True)
    add("jpeg_subsampling_444.jpg", encode(scene(), "JPEG", quality=95, subsampling=0), "image",
        1, "4:4:4 chroma: decodes", absent=["IMAGE_CORRUPT"], decodes=True)

    src = os.path.join(OUT, ".tmp_base.jpg")
    with open(src, "wb") as f:
        f.write(base)
    arith = subprocess.run(["jpegtran", "-arithmetic", src], capture_output=True, check=True)
    add("jpeg_arithmetic.jpg", arith.stdout, "image", 1,
        "arithmetic-coded JPEG (SOF9, made by jpegtran -arithmetic): few decoders read it, so it "
        "is refused with a message saying why", codes=["IMAGE_CORRUPT"], decodes=False,
        message="arithmetic")
    os.remove(src)

    # EXIF: hand-made TIFF structures, inserted into the valid JPEG.
    le = "<"
    orientation = (0x0112, 3, 1, 1)
    add("exif_ifd_offset_past_end.jpg",
        with_app1(base, exif_payload(b"II*\x00" + struct.pack("<I", 0x7FFFFFF0))), "image", 1,
        "EXIF whose first IFD offset points 2 GB past the end", absent=["IMAGE_CORRUPT"],
        decodes=True)
    tiff = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd([orientation], 8, le)
    add("exif_ifd_self_loop.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "EXIF IFD0 whose next-IFD pointer points to itself (a loop)", absent=["IMAGE_CORRUPT"],
        decodes=True)
    ifd0 = tiff_ifd([orientation], 8 + 18, le)
    ifd1 = tiff_ifd([orientation], 8, le)
    add("exif_ifd_two_loop.jpg",
        with_app1(base, exif_payload(b"II*\x00" + struct.pack("<I", 8) + ifd0 + ifd1)), "image",
        1, "EXIF IFD0 → IFD1 → IFD0", absent=["IMAGE_CORRUPT"], decodes=True)
    tiff = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd([(0x8769, 4, 1, 8)], 0, le)
    add("exif_subifd_loop.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "EXIF IFD pointer (0x8769) pointing back at IFD0", absent=["IMAGE_CORRUPT"],
        decodes=True)
    tiff = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd([(0x010F, 2, 0xFFFFFFFF, 26)], 0, le)
    add("exif_huge_count.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "EXIF Make tag claiming 4 billion characters", absent=["IMAGE_CORRUPT"], decodes=True)
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", 0xFFFF)
    add("exif_entry_count_65535.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "EXIF IFD claiming 65535 entries in 2 bytes", absent=["IMAGE_CORRUPT"], decodes=True)
    tiff = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd([(0x0112, 3, 1, 99)], 0, le)
    add("exif_orientation_99.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "EXIF orientation 99 (valid: 1–8)", absent=["IMAGE_CORRUPT"], decodes=True)
    add("exif_bad_byte_order.jpg",
        with_app1(base, exif_payload(b"XX*\x00" + struct.pack("<I", 8) + b"\x00" * 16)), "image",
        1, "EXIF with byte order XX (neither II nor MM)", absent=["IMAGE_CORRUPT"], decodes=True)
    add("exif_truncated.jpg", with_app1(base, b"Exif\x00\x00II*"), "image", 1,
        "EXIF segment cut inside the TIFF header", absent=["IMAGE_CORRUPT"], decodes=True)
    tiff = b"MM\x00*" + struct.pack(">I", 8) + tiff_ifd(
        [(0x8825, 4, 1, 8), (0x0132, 2, 20, 0x7FFFFFF0)], 0, ">")
    add("exif_gps_loop_bad_date.jpg", with_app1(base, exif_payload(tiff)), "image", 1,
        "big-endian EXIF: GPS IFD pointing at IFD0, DateTime value offset past the end",
        absent=["IMAGE_CORRUPT"], decodes=True)


def pngs():
    base_img = scene()
    base = encode(base_img, "PNG")
    n = len(base)
    corrupt = {"codes": ["IMAGE_CORRUPT"], "decodes": False}
    add("png_valid.png", base, "image", 1, "control: a small valid PNG",
        absent=["IMAGE_CORRUPT"], decodes=True)
    add("png_magic_only.png", b"\x89PNG\r\n\x1a\n", "image", 1, "the PNG signature alone",
        **corrupt)
    add("png_truncated_ihdr.png", base[:20], "image", 1, "cut inside the IHDR chunk", **corrupt)
    for pct in (10, 50, 95):
        add(f"png_truncated_{pct:02d}.png", base[: n * pct // 100], "image", 1,
            f"the first {pct} % of a PNG", **corrupt)
    idat = base.index(b"IDAT")
    add("png_bitflip_idat.png", flip_bits(base, 16, idat + 4, idat + 400), "image", 1,
        "16 bits flipped in the compressed data (CRC no longer matches)", **corrupt)
    b = bytearray(base)
    b[29] ^= 0xFF  # the IHDR CRC's last byte
    add("png_bad_ihdr_crc.png", bytes(b), "image", 1, "IHDR checksum wrong", **corrupt)
    b = bytearray(base)
    struct.pack_into(">I", b, idat - 4, 0x7FFFFFFF)
    add("png_chunk_length_2gb.png", bytes(b), "image", 1,
        "an IDAT chunk claiming 2 GB in a small file", **corrupt)
    add("png_idat_not_zlib.png", png_raw(64, 64, 8, 2, b"this is not zlib data" * 4), "image",
        1, "IDAT that is not zlib data", **corrupt)
    add("png_zero_width.png", png_raw(0, 64, 8, 2, zlib.compress(b"")), "image", 1,
        "IHDR width 0", **corrupt)
    add("png_bad_color_type.png", png_raw(64, 64, 8, 5, zlib.compress(b"\x00" * 65 * 64)),
        "image", 1, "IHDR colour type 5 (does not exist)", **corrupt)
    # 20000×20000 1-bit gray, all zero: 50 MB of scanlines in 49 KB. Refused from the header.
    rows = 20000 * (1 + 20000 // 8)
    bomb = zlib.compress(b"\x00" * rows, 9)
    add("png_bomb_400mp.png", png_raw(20000, 20000, 1, 0, bomb), "image", 1,
        "decompression bomb: 20000×20000 (400 megapixels) in 49 KB, refused from the header",
        codes=["IMAGE_CORRUPT"], decodes=False, measured=400.0)
    add("png_huge_dims_no_data.png", png_raw(0x7FFFFFFF, 0x7FFFFFFF, 8, 6, zlib.compress(b"")),
        "image", 1, "IHDR 2³¹−1 × 2³¹−1 RGBA with no pixel data", codes=["IMAGE_CORRUPT"],
        decodes=False)
    # zTXt / iCCP bombs: 16 MB of zeros compressed to ~16 KB in ancillary chunks.
    text_bomb = png_chunk(b"zTXt", b"Comment\x00\x00" + zlib.compress(b"\x00" * (16 << 20), 9))
    small = encode(scene(64, 48), "PNG")
    add("png_ztxt_bomb.png", small[:33] + text_bomb + small[33:], "image", 1,
        "a zTXt chunk that inflates to 16 MB (a text decompression bomb) before valid pixels",
        absent=["IMAGE_CORRUPT"], decodes=True)
    icc_bomb = png_chunk(b"iCCP", b"icc\x00\x00" + zlib.compress(b"\x00" * (16 << 20), 9))
    add("png_iccp_bomb.png", small[:33] + icc_bomb + small[33:], "image", 1,
        "an iCCP profile that inflates to 16 MB", decodes_or_corrupt=True)

    add("png_16bit_rgb.png", png16(base_img), "image", 1,
        "16-bit RGB PNG: decodes", absent=["IMAGE_CORRUPT"], decodes=True)
    add("png_16bit_gray.png", png16(base_img.convert("L")), "image", 1,
        "16-bit grayscale PNG: decodes, reported as grayscale", codes=["IMAGE_GRAYSCALE"],
        decodes=True)
    add("png_palette.png", encode(base_img.convert("P", palette=Image.ADAPTIVE), "PNG"), "image",
        1, "palette PNG: decodes", absent=["IMAGE_CORRUPT"], decodes=True)
    add("png_rgba.png", encode(base_img.convert("RGBA"), "PNG"), "image", 1,
        "RGBA PNG: decodes", absent=["IMAGE_CORRUPT"], decodes=True)
    add("png_interlaced.png", _interlaced(base_img), "image", 1,
        "Adam7-interlaced PNG (made by Pillow's encoder and re-checked by its decoder): decodes",
        absent=["IMAGE_CORRUPT"], decodes=True)
    frames = [scene(), scene().transpose(Image.Transpose.FLIP_LEFT_RIGHT)]
    apng = encode(frames[0], "PNG", save_all=True, append_images=frames[1:], duration=200, loop=0)
    add("png_animated.png", apng, "image", 1, "animated PNG (APNG): its first frame is checked",
        absent=["IMAGE_CORRUPT"], decodes=True)


def _interlaced(img):
    """Pillow cannot write interlaced PNG: build the Adam7 passes here (8-bit RGB)."""
    w, h = img.size
    px = img.tobytes()
    passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
              (0, 1, 1, 2)]
    raw = bytearray()
    for x0, y0, dx, dy in passes:
        for y in range(y0, h, dy):
            xs = range(x0, w, dx)
            if not xs:
                continue
            raw.append(0)
            for x in xs:
                i = (y * w + x) * 3
                raw += px[i : i + 3]
    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 1)
    data = (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr)
            + png_chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + png_chunk(b"IEND", b""))
    check = Image.open(io.BytesIO(data))
    assert check.info.get("interlace") == 1 and check.convert("RGB").tobytes() == px
    return data


def png16(img):
    """16-bit RGB or gray PNG written by hand (Pillow has no 16-bit RGB mode and writes I;16
    without scaling): each 8-bit value v becomes v × 257."""
    w, h = img.size
    px = img.tobytes()
    channels = 3 if img.mode == "RGB" else 1
    raw = bytearray()
    for y in range(h):
        raw.append(0)
        for i in range(y * w * channels, (y + 1) * w * channels):
            raw += struct.pack(">H", px[i] * 257)
    data = png_raw(w, h, 16, 2 if channels == 3 else 0, zlib.compress(bytes(raw), 9))
    assert Image.open(io.BytesIO(data)).size == (w, h)
    return data


def others():
    corrupt_unknown = {"codes": ["IMAGE_CORRUPT"], "decodes": False}
    add("empty.jpg", b"", "image", 1, "0 bytes", codes=["FILE_EMPTY"], decodes=False)
    add("one_byte.jpg", b"\xff", "image", 1, "a single byte", **corrupt_unknown)
    add("text_named.jpg", b"this is not a photo\n", "image", 1,
        "a text file named .jpg", **corrupt_unknown)
    add("html_named.png", b"<!DOCTYPE html><html><body>Login</body></html>\n", "image", 1,
        "an HTML page saved as .png (a failed download)", **corrupt_unknown)
    add("zip_named.jpg", b"PK\x03\x04" + b"\x00" * 60, "image", 1, "a ZIP archive named .jpg",
        **corrupt_unknown)
    add("png_named.jpg", encode(scene(), "PNG"), "image", 1,
        "a PNG named .jpg: decodes, extension mismatch reported",
        codes=["FORMAT_EXTENSION_MISMATCH"], absent=["IMAGE_CORRUPT"], decodes=True)
    add("jpeg_named.png", encode(scene(), "JPEG", quality=90), "image", 1,
        "a JPEG named .png", codes=["FORMAT_EXTENSION_MISMATCH"], absent=["IMAGE_CORRUPT"],
        decodes=True)
    frames = [scene(), scene().transpose(Image.Transpose.FLIP_TOP_BOTTOM)]
    gif = encode(frames[0], "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    add("gif_animated.gif", gif, "image", 1, "an animated GIF: not accepted by default",
        codes=["FORMAT_UNSUPPORTED"], decodes=False)
    add("gif_animated_named.jpg", gif, "image", 1, "an animated GIF named .jpg",
        codes=["FORMAT_UNSUPPORTED", "FORMAT_EXTENSION_MISMATCH"], decodes=False)
    add("gif_animated_accepted.gif", gif, "image", 1,
        "an animated GIF with a policy that accepts GIF: its first frame is checked",
        absent=["IMAGE_CORRUPT", "FORMAT_UNSUPPORTED"], decodes=True,
        policy="all_formats.toml")
    add("gif_truncated_accepted.gif", gif[:200], "image", 1,
        "a truncated GIF with a policy that accepts GIF", codes=["IMAGE_CORRUPT"],
        decodes=False, policy="all_formats.toml")
    gif_huge = bytearray(gif)
    struct.pack_into("<HH", gif_huge, 6, 65535, 65535)
    add("gif_huge_screen_accepted.gif", bytes(gif_huge), "image", 1,
        "a GIF whose screen claims 65535×65535, with a policy that accepts GIF",
        decodes_or_corrupt=True, policy="all_formats.toml")
    bmp = bytearray(encode(scene(64, 48), "BMP"))
    struct.pack_into("<ii", bmp, 18, 1 << 30, 1 << 30)
    add("bmp_huge_dims_accepted.bmp", bytes(bmp), "image", 1,
        "a BMP claiming 2³⁰×2³⁰ pixels, with a policy that accepts BMP", codes=["IMAGE_CORRUPT"],
        decodes=False, policy="all_formats.toml")
    tiff = b"II*\x00" + struct.pack("<I", 8) + tiff_ifd(
        [(256, 4, 1, 64), (257, 4, 1, 64), (258, 3, 1, 8), (273, 4, 1, 8)], 8)
    add("tiff_ifd_loop_accepted.tif", tiff, "image", 1,
        "a TIFF whose IFD points to itself, with a policy that accepts TIFF",
        codes=["IMAGE_CORRUPT"], decodes=False, policy="all_formats.toml")
    webp = encode(scene(), "WEBP", quality=80)
    add("webp_truncated_accepted.webp", webp[: len(webp) // 2], "image", 1,
        "a WebP cut in half, with a policy that accepts WebP", codes=["IMAGE_CORRUPT"],
        decodes=False, policy="all_formats.toml")
    heic = struct.pack(">I", 24) + b"ftypheic" + b"\x00\x00\x00\x00" + b"mif1heic"
    add("heic_header_named.jpg", heic, "image", 1,
        "an HEIC header named .jpg: unsupported, with how to convert",
        codes=["FORMAT_UNSUPPORTED", "FORMAT_EXTENSION_MISMATCH"], decodes=False)
    with open(os.path.join(OUT, "all_formats.toml"), "w") as f:
        f.write("# Accept every decodable format, so the corpus reaches their decoders.\n"
                '[files]\naccepted_formats = ["jpeg", "png", "gif", "bmp", "tiff", "webp"]\n')


def profiles():
    ok = b'{"full_name": "ANNA ERIKSSON", "date_of_birth": "1974-08-12"}'
    add("profile_empty.json", b"", "profile", 2, "0 bytes", stderr=["is empty"])
    add("profile_deep_33.json",
        b'{"full_name": "A B", "document": {"mrz": ' + b"[" * 31 + b"]" * 31 + b"}}", "profile",
        2, "33 levels of nesting, one over the limit of 32", stderr=[":1:", "deeper than 32"])
    add("profile_deep_32.json",
        b'{"full_name": "A B", "document": {"mrz": ' + b"[" * 30 + b"]" * 30 + b"}}", "profile",
        1, "32 levels of nesting, at the limit: parsed, and the odd mrz value is a finding")
    add("profile_deep_arrays.json", b"[" * 5000 + b"]" * 5000, "profile", 2,
        "5000 nested arrays (a parser that recurses would overflow the stack)",
        stderr=[":1:33:", "deeper than 32"])
    add("profile_deep_objects.json",
        b"{\n" + b'{"a":\n' * 2000 + b"1" + b"}" * 2001, "profile", 2,
        "2000 nested objects over 2000 lines", stderr=[":33:1:", "deeper than 32"])
    add("profile_deep_in_string.json",
        b'{"full_name": "' + b"[" * 5000 + b'", "date_of_birth": "1974-08-12"}', "profile", 1,
        "brackets inside a string are not nesting")
    add("profile_invalid_utf8.json", b'{"full_name": "M\xfcller", "date_of_birth": "1974-08-12"}',
        "profile", 2, "Latin-1 bytes where UTF-8 is required", stderr=[":1:"])
    add("profile_invalid_utf8_key.json", b'{"\xc3\x28": 1}', "profile", 2,
        "an invalid UTF-8 sequence in a key", stderr=[":1:"])
    add("profile_utf16.json", "\ufeff".encode("utf-16-le") + ok.decode().encode("utf-16-le"),
        "profile", 2, "UTF-16 (as Windows Notepad can save)", stderr=[":1:"])
    add("profile_truncated.json", ok[:30], "profile", 2, "cut in the middle of a string",
        stderr=[":1:"])
    add("profile_trailing.json", ok + b"\n}garbage", "profile", 2, "text after the object",
        stderr=[":2:"])
    add("profile_number_overflow.json", b'{"full_name": "A B", "x": 1e999999}', "profile", 2,
        "a number out of range", stderr=[":1:"])
    add("profile_nul_bytes.json", b"\x00" * 64, "profile", 2, "NUL bytes", stderr=[":1:"])
    add("profile_not_object.json", b"[" + ok + b"]", "profile", 2, "an array, not an object",
        stderr=["must be a JSON object"])
    add("profile_jpeg.json", encode(scene(64, 48), "JPEG"), "profile", 2,
        "a photo passed as the profile", stderr=[":1:"])
    add("profile_wrong_types.json",
        b'{"full_name": ["A"], "date_of_birth": 19740812, "sex": {}, "document": "passport",'
        b' "images": {"id_front": 5}}', "profile", 1,
        "every field of the wrong type: findings, not a crash")
    add("profile_bidi_controls.json",
        r'{"full_name": "\u202eANNA\u0000", "date_of_birth": "1974-08-12\u200b"}'.encode(),
        "profile", 1, "bidi override, NUL and zero-width characters in values",
        profile_codes=["DATE_INVALID"])


def policies():
    add("policy_invalid_utf8.toml", b"[profile]\nmin_age = 18 # \xff\xfe\n", "policy", 2,
        "a policy that is not UTF-8", stderr=["policy_invalid_utf8.toml", "UTF-8"])
    add("policy_deep_arrays.toml", b"x = " + b"[" * 5000 + b"]" * 5000 + b"\n", "policy", 2,
        "5000 nested arrays in a policy", stderr=["policy_deep_arrays.toml"])
    add("policy_deep_tables.toml", b"x = " + b"{a = " * 2000 + b"1" + b"}" * 2000 + b"\n",
        "policy", 2, "2000 nested inline tables", stderr=["policy_deep_tables.toml"])
    add("policy_huge_int.toml", b"[files]\nmax_bytes = 99999999999999999999999\n", "policy", 2,
        "an integer beyond 64 bits", stderr=["policy_huge_int.toml"])
    add("policy_nan.toml", b"[quality]\nblur_min = nan\n", "policy", 2, "NaN as a threshold",
        stderr=["quality.blur_min"])
    add("policy_old_megapixels.toml", b"[files]\nmax_megapixels = 50\n", "policy", 0,
        "the old place of the pixel limit (files.max_megapixels) is still accepted")


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    os.makedirs(OUT)
    jpegs()
    pngs()
    others()
    profiles()
    policies()
    with open(os.path.join(OUT, "manifest.json"), "w") as f:
        json.dump({"generator": "tools/badinputs/generate.py", "seed": SEED, "files": manifest},
                  f, indent=1, ensure_ascii=False)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(OUT, e["file"])) for e in manifest)
    print(f"{len(manifest)} files, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
