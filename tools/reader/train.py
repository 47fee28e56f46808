#!/usr/bin/env python3
"""Train the MRZ glyph classifier embedded in the binary (assets/models/ocrb_mlp.bin).

Deterministic: a fixed seed, single-threaded BLAS; the same numpy/Pillow versions and the same
font give the same bytes. Needs `apt-get install -y fonts-ocr-b` and `pip install numpy pillow`.

What it learns: one OCR-B character (the 37-character MRZ alphabet of ICAO 9303 Part 3) from a
16 x 20 bitmap sampled exactly as `src/reader/glyph.rs` samples a cell of a line read from a
photo: a box one pitch wide and 1.3 cap heights tall around the cell's centre, taken from a line
strip resampled to 16 pixels per pitch, with ink scaled to 0..1 by the strip's paper and ink
levels. Training lines are rendered from the font with random neighbours, then photographed
in simulation: scaled to 7-30 pixels per pitch, blurred (defocus and motion), stroke weight
changed, lit unevenly, noised, JPEG-compressed, rotated slightly, and the cell box jittered the
way the reader's pitch estimate can be off.

Usage: python3 tools/reader/train.py [--out assets/models/ocrb_mlp.bin] [--samples 60000]
"""
import argparse
import io
import os
import struct
import sys

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from PIL import Image, ImageDraw, ImageFilter, ImageFont  # noqa: E402

FONT = "/usr/share/fonts/opentype/ocr-b/OCRB.otf"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ<"
GW, GH = 16, 20          # glyph bitmap (must match src/reader/glyph.rs)
CELL_H = 1.3             # cell height in cap heights (must match)
STRIP_PX_PER_PITCH = 16  # line strip resolution (must match)
EM = 72                  # rendering size in pixels per em
HIDDEN = 128
MAGIC = b"KYCMLP01"


def bilinear(img, xs, ys):
    """Sample img (H x W float) at continuous pixel coordinates (pixel centres at +0.5),
    clamping at the border: the same convention as the Rust sampler."""
    h, w = img.shape
    x = np.clip(xs - 0.5, 0, w - 1.0001)
    y = np.clip(ys - 0.5, 0, h - 1.0001)
    x0 = np.floor(x).astype(np.int64)
    y0 = np.floor(y).astype(np.int64)
    fx, fy = x - x0, y - y0
    a = img[y0, x0]
    b = img[y0, x0 + 1]
    c = img[y0 + 1, x0]
    d = img[y0 + 1, x0 + 1]
    return (a * (1 - fx) + b * fx) * (1 - fy) + (c * (1 - fx) + d * fx) * fy


def supersampled(img, xs, ys, step):
    """Mean of n x n bilinear samples spread over one output pixel of `step` source pixels
    (n = ceil(step)), as the Rust sampler does when shrinking."""
    n = max(1, int(np.ceil(step - 1e-9)))
    if n == 1:
        return bilinear(img, xs, ys)
    acc = np.zeros_like(xs, dtype=np.float64)
    for i in range(n):
        for j in range(n):
            ox = ((i + 0.5) / n - 0.5) * step
            oy = ((j + 0.5) / n - 0.5) * step
            acc += bilinear(img, xs + ox, ys + oy)
    return acc / (n * n)


def render_line(rng, font, text, pitch_em):
    """White line with black OCR-B text at a fixed pitch; returns image, cell centres x,
    baseline y, cap height (pixels of the rendering)."""
    pitch = pitch_em * EM
    margin = int(pitch * 1.5)
    w = int(margin * 2 + pitch * len(text))
    h = int(EM * 2.6)
    im = Image.new("L", (w, h), 255)
    d = ImageDraw.Draw(im)
    base = int(EM * 1.6)
    adv = font.getlength("H")
    centres = []
    for i, ch in enumerate(text):
        x = margin + i * pitch
        d.text((x, base), ch, font=font, fill=0, anchor="ls")
        centres.append(x + adv / 2)
    return im, np.array(centres), base


def cap_height(font):
    im = Image.new("L", (EM * 2, EM * 2), 255)
    ImageDraw.Draw(im).text((10, int(EM * 1.5)), "H", font=font, fill=0, anchor="ls")
    a = np.asarray(im) < 128
    rows = np.where(a.any(axis=1))[0]
    return float(rows[-1] - rows[0] + 1)


def photograph(rng, im, scale):
    """Simulate the camera at `scale` (output px per rendered px): stroke weight, blur, uneven
    light, noise, JPEG. Returns a float image 0..255."""
    r = rng.random()
    if r < 0.2:
        im = im.filter(ImageFilter.MinFilter(3))   # bolder (ink is dark)
    elif r < 0.35:
        im = im.filter(ImageFilter.MaxFilter(3))   # thinner
    # slight rotation about the centre
    ang = rng.normal(0, 0.6)
    im = im.rotate(ang, resample=Image.BILINEAR, fillcolor=255)
    w, h = im.size
    ow, oh = max(8, int(round(w * scale))), max(8, int(round(h * scale)))
    im = im.resize((ow, oh), Image.BOX)
    a = np.asarray(im, dtype=np.float64)
    # blur: defocus or motion
    kind = rng.random()
    if kind < 0.7:
        sigma = rng.uniform(0, 1.4)
        if sigma > 0.2:
            a = np.asarray(Image.fromarray(a.astype(np.uint8)).filter(ImageFilter.GaussianBlur(sigma)),
                           dtype=np.float64)
    else:
        n = int(rng.integers(2, 5))
        k = np.ones(n) / n
        if rng.random() < 0.5:
            a = np.apply_along_axis(lambda r_: np.convolve(r_, k, mode="same"), 1, a)
        else:
            a = np.apply_along_axis(lambda c: np.convolve(c, k, mode="same"), 0, a)
    # ink and paper levels, uneven light
    paper = rng.uniform(110, 255)
    ink = rng.uniform(0, min(paper - 50, 140))
    a = ink + (paper - ink) * (a / 255.0)
    gy, gx = np.mgrid[0:a.shape[0], 0:a.shape[1]]
    grad = rng.normal(0, 0.15) * (gx / a.shape[1] - 0.5) + rng.normal(0, 0.1) * (gy / a.shape[0] - 0.5)
    a = a * (1 + grad)
    # background texture: faint lines (guilloche-like)
    if rng.random() < 0.4:
        f = rng.uniform(0.05, 0.3)
        ph = rng.uniform(0, 6.28)
        a = a - rng.uniform(3, 25) * (0.5 + 0.5 * np.sin(f * gx + 0.3 * gy * rng.normal() + ph))
    a = a + rng.normal(0, rng.uniform(0, 10), a.shape)
    a = np.clip(a, 0, 255)
    if rng.random() < 0.7:
        buf = io.BytesIO()
        Image.fromarray(a.astype(np.uint8)).save(buf, "JPEG", quality=int(rng.integers(20, 96)))
        a = np.asarray(Image.open(io.BytesIO(buf.getvalue())), dtype=np.float64)
    return a


def line_samples(rng, font, cap_ratio, n_chars=12):
    text = "".join(ALPHABET[i] for i in rng.integers(0, len(ALPHABET), n_chars))
    # '<' runs are common in MRZs
    if rng.random() < 0.3:
        k = int(rng.integers(0, n_chars - 3))
        text = text[:k] + "<<<" + text[k + 3:]
    pitch_em = rng.uniform(0.74, 0.84)
    im, centres, base = render_line(rng, font, text, pitch_em)
    pitch = pitch_em * EM
    cap = cap_ratio * EM
    cam_pitch = rng.uniform(7, 30)
    scale = cam_pitch / pitch
    a = photograph(rng, im, scale)
    # the strip as the reader samples it: 16 px per (estimated) pitch, isotropic
    est_pitch = pitch * scale * (1 + rng.normal(0, 0.015))
    est_cap = cap * scale * rng.uniform(0.9, 1.1)
    cy = (base - cap / 2) * scale + rng.normal(0, 0.06) * est_cap
    s = est_pitch / STRIP_PX_PER_PITCH   # source px per strip px
    x_start = centres[0] * scale - 1.5 * est_pitch
    sw = int((len(text) + 3) * STRIP_PX_PER_PITCH)
    sh = int(np.ceil(2.4 * est_cap / s))
    gy, gx = np.mgrid[0:sh, 0:sw] + 0.5
    sx = x_start + gx * s
    sy = cy - 1.2 * est_cap + gy * s
    strip = supersampled(a, sx, sy, s)
    paper = np.percentile(strip, 90)
    inkl = np.percentile(strip, 3)
    norm = np.clip((paper - strip) / max(paper - inkl, 1.0), 0, 1)
    out_x, out_y = [], []
    drift = rng.normal(0, 0.03)
    for i in range(1, len(text) - 1):
        # cell centre on the strip, jittered like the reader's fit
        ccx = (centres[i] * scale - x_start) / s + (rng.normal(0, 0.08) + drift) * STRIP_PX_PER_PITCH
        ccy = 1.2 * est_cap / s
        cw = STRIP_PX_PER_PITCH * rng.uniform(0.95, 1.05)
        ch = CELL_H * est_cap / s
        jy, jx = np.mgrid[0:GH, 0:GW] + 0.5
        px = ccx + (jx / GW - 0.5) * cw
        py = ccy + (jy / GH - 0.5) * ch
        g = bilinear(norm, px, py)
        out_x.append(g.astype(np.float32).ravel())
        out_y.append(ALPHABET.index(text[i]))
    return out_x, out_y


def make_data(rng, font, n):
    cap_ratio = cap_height(font) / EM
    xs, ys = [], []
    while len(ys) < n:
        a, b = line_samples(rng, font, cap_ratio)
        xs += a
        ys += b
    return np.array(xs[:n]), np.array(ys[:n])


def train(x, y, xv, yv, rng, epochs):
    n_in, n_out = x.shape[1], len(ALPHABET)
    w1 = rng.normal(0, np.sqrt(2 / n_in), (n_in, HIDDEN)).astype(np.float32)
    b1 = np.zeros(HIDDEN, np.float32)
    w2 = rng.normal(0, np.sqrt(1 / HIDDEN), (HIDDEN, n_out)).astype(np.float32)
    b2 = np.zeros(n_out, np.float32)
    params = [w1, b1, w2, b2]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    t = 0
    bs = 128
    for ep in range(epochs):
        lr = 2e-3 * (0.5 ** (ep / (epochs / 4)))
        order = rng.permutation(len(y))
        for k in range(0, len(y), bs):
            idx = order[k:k + bs]
            xb, yb = x[idx], y[idx]
            h = xb @ w1 + b1
            hr = np.maximum(h, 0)
            z = hr @ w2 + b2
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            p[np.arange(len(yb)), yb] -= 1
            dz = p / len(yb)
            g2 = hr.T @ dz
            gb2 = dz.sum(0)
            dh = (dz @ w2.T) * (h > 0)
            g1 = xb.T @ dh
            gb1 = dh.sum(0)
            grads = [g1 + 1e-5 * w1, gb1, g2 + 1e-5 * w2, gb2]
            t += 1
            for i, (pp, gg) in enumerate(zip(params, grads)):
                m[i] = 0.9 * m[i] + 0.1 * gg
                v[i] = 0.999 * v[i] + 0.001 * gg * gg
                mh = m[i] / (1 - 0.9 ** t)
                vh = v[i] / (1 - 0.999 ** t)
                pp -= (lr * mh / (np.sqrt(vh) + 1e-8)).astype(np.float32)
        acc = (predict(params, xv) == yv).mean()
        print(f"epoch {ep + 1}/{epochs}: validation accuracy {acc:.4f}", file=sys.stderr)
    return params


def predict(params, x):
    w1, b1, w2, b2 = params
    return (np.maximum(x @ w1 + b1, 0) @ w2 + b2).argmax(axis=1)


def save(path, params):
    w1, b1, w2, b2 = params
    with open(path, "wb") as f:
        f.write(MAGIC)
        f.write(struct.pack("<IIII", GW, GH, HIDDEN, len(ALPHABET)))
        f.write(ALPHABET.encode("ascii"))
        # row-major: for each hidden unit its input weights, then biases; same for the output
        for arr in (w1.T, b1, w2.T, b2):
            f.write(np.ascontiguousarray(arr, dtype="<f4").tobytes())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="assets/models/ocrb_mlp.bin")
    ap.add_argument("--samples", type=int, default=80000)
    ap.add_argument("--epochs", type=int, default=16)
    args = ap.parse_args()
    rng = np.random.default_rng(20261201)
    font = ImageFont.truetype(FONT, EM)
    x, y = make_data(rng, font, args.samples)
    xv, yv = make_data(rng, font, 5000)
    print(f"{len(y)} training and {len(yv)} validation glyphs", file=sys.stderr)
    params = train(x, y, xv, yv, rng, args.epochs)
    save(args.out, params)
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
