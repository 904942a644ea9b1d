#!/usr/bin/env python3
"""Offline evaluation of colour-cast evidence not built into photo.colour_cast (session 5).

Reads the bench's half-size frames and measures, computes per frame
  1. grey pixels found independently of the cast (Yang, Gao & Li 2015; Qian et al. 2019):
     the local contrast of log R, log G, log B is equal on a grey surface whatever the light;
     the light is the mean chromaticity of the greyest pixels (LoG sigma 1 or 3x3 std);
  2. the highlight / clipping signature: the a*b* of the brightest 0.5 % and of the
     near-clipped pixels, the spread of the channels' 99.9th percentiles, the a*b* of the
     densest bright plateau;
  3. consistency across lightness: the grey-pixel light in three lightness terciles;
  4. memory colours: the mean a*b* hue of foliage, sky (top third) and skin windows;
and prints, for each, the detection of mild and strong casts at a threshold 10 % above the
largest value on a clean photo or look of the tuning half, alone and added to the check's
rule (rebuilt from the measures), tuning / held-out. Usage (numpy and scipy, from
python3-skimage's dependencies):

  build/bench/preflight_photo_quality --only gain_,wb_,looks --dump DIR --csv measures.csv
  python3 bench/photo_quality/cast_evidence.py DIR measures.csv
"""
import glob
import os
import sys
from multiprocessing import Pool

import numpy as np
from scipy import ndimage as ndi

M = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
WHITE = np.array([0.95047, 1.0, 1.08883])


def read_ppm(path):
    with open(path, 'rb') as f:
        parts = f.read().split(b'\n', 3)
    w, h = map(int, parts[1].split())
    return np.frombuffer(parts[3], np.uint8)[:w * h * 3].reshape(h, w, 3)


def linear(s):
    return np.where(s <= 0.04045, s / 12.92, ((s + 0.055) / 1.055) ** 2.4)


def lab(rgb_linear):
    xyz = rgb_linear @ M.T / WHITE
    f = np.where(xyz > 0.008856, np.cbrt(np.maximum(xyz, 0)), 7.787 * xyz + 16 / 116)
    return 116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])


def grey_under(light):
    """a*b* of a mid grey lit by a linear RGB light (as lib/photo/colour_cast.cpp)."""
    y = 0.2126 * light[0] + 0.7152 * light[1] + 0.0722 * light[2]
    if y <= 0:
        return 0.0, 0.0
    _, a, b = lab(np.clip(np.asarray(light) * 0.18 / y, 0, 1)[None, :])
    return float(a[0]), float(b[0])


def light_of(pixels):
    return grey_under((pixels / np.maximum(pixels.sum(1, keepdims=True), 1e-6)).mean(0))


def grey_pixels(v, L, mode, share):
    """Light from the greyest `share` of pixels (greyness index = relative std of the three
    channels' log contrasts), its mean index, and the light per lightness tercile."""
    lg = np.log(v + 1e-3)
    if mode == 'log':
        C = np.abs(np.stack([ndi.gaussian_laplace(lg[..., c], 1.0) for c in range(3)], -1))
    else:
        C = np.stack([np.sqrt(np.maximum(ndi.uniform_filter(lg[..., c] ** 2, 3) - ndi.uniform_filter(lg[..., c], 3) ** 2, 0))
                      for c in range(3)], -1)
    mc = C.mean(-1)
    gi = np.sqrt(((C - mc[..., None]) ** 2).mean(-1)) / (mc + 1e-6)
    ok = (mc > 0.02) & (v.max(-1) < 0.95) & (L > 10)
    ok[:2, :] = ok[-2:, :] = ok[:, :2] = ok[:, -2:] = False
    flat = np.where(ok, gi, np.inf).ravel()
    k = max(20, int(ok.size * share))
    idx = np.argsort(flat)[:k]
    idx = idx[np.isfinite(flat[idx])]
    if len(idx) < 10:
        return (0.0, 0.0), 9.0, [(0.0, 0.0)] * 3
    px = v.reshape(-1, 3)[idx]
    Ls = L.ravel()[idx]
    q = np.quantile(Ls, [1 / 3, 2 / 3])
    terciles = [light_of(px[(Ls > lo) & (Ls <= hi)]) for lo, hi in ((-1, q[0]), (q[0], q[1]), (q[1], 101))]
    return light_of(px), float(flat[idx].mean()), terciles


def features(path):
    family, strength, photo, half, _ = os.path.basename(path)[:-4].split('|')
    img = read_ppm(path).astype(np.float32)
    h, w, _ = img.shape
    thumb = img[:h // 2 * 2, :w // 2 * 2].reshape(h // 2, 2, w // 2, 2, 3).mean(axis=(1, 3)) / 255.0  # ~300 px
    v = linear(thumb)
    L, a_thumb, b_thumb = lab(v)
    out = {'key': (photo, int(half), family, strength)}
    light, gi, terciles = grey_pixels(v, L, 'log', 0.01)
    out['gp_log'] = np.hypot(*light)
    out['gp_log_gi'] = gi
    out['terc_min'] = min(np.hypot(*t) for t in terciles)
    out['terc_gap'] = max(np.hypot(terciles[i][0] - terciles[j][0], terciles[i][1] - terciles[j][1])
                          for i, j in ((0, 1), (0, 2), (1, 2)))
    out['gp_std'] = np.hypot(*grey_pixels(v, L, 'std', 0.001)[0])
    # Highlights at the dump's resolution (0..255).
    Lf, af, bf = lab(linear(img / 255.0))
    n = Lf.size
    top = np.argpartition(-Lf.ravel(), max(50, int(n * 0.005)))[:max(50, int(n * 0.005))]
    out['top'] = np.hypot(af.ravel()[top].mean(), bf.ravel()[top].mean())
    near = (img.max(-1) >= 245).ravel()
    out['near_share'] = near.mean()
    out['near'] = np.hypot(af.ravel()[near].mean(), bf.ravel()[near].mean()) if near.sum() >= 30 else 0.0
    p = [np.quantile(img[..., c], 0.999) for c in range(3)]
    out['p999_spread'] = max(p) - min(p)
    H = np.degrees(np.arctan2(b_thumb, a_thumb)) % 360
    C = np.hypot(a_thumb, b_thumb)
    top_third = (np.arange(L.shape[0]) < L.shape[0] / 3)[:, None]
    windows = {'foliage': ((H >= 95) & (H <= 170) & (C >= 12) & (L >= 15), 0.03, 125),
               'sky': ((H >= 215) & (H <= 290) & (C >= 8) & (L >= 50) & top_third, 0.03, 255),
               'skin': ((H >= 30) & (H <= 75) & (C >= 12) & (C <= 50) & (L >= 35) & (L <= 85), 0.1, 55)}
    for name, (inside, least, centre) in windows.items():
        out[name] = -1.0
        if inside.mean() >= least and inside.sum() >= 50:
            r = np.radians(H[inside])
            hue = np.degrees(np.arctan2(np.sin(r).mean(), np.cos(r).mean())) % 360
            out[name] = abs((hue - centre + 180) % 360 - 180)
    bright = img[img.max(-1) >= 200].astype(np.int64) // 2
    out['plateau_share'], out['plateau'] = 0.0, 0.0
    if len(bright) >= 20:
        keys, counts = np.unique(bright[:, 0] * 65536 + bright[:, 1] * 256 + bright[:, 2], return_counts=True)
        m = keys[np.argmax(counts)]
        rgb = np.array([[(m >> 16) * 2 + 0.5, ((m >> 8) & 255) * 2 + 0.5, (m & 255) * 2 + 0.5]]) / 255.0
        _, pa, pb = lab(linear(rgb))
        out['plateau_share'], out['plateau'] = counts.max() / n, float(np.hypot(pa[0], pb[0]))
    return out


def check_rule(csv_path):
    """The check's rule (session 4 defaults) rebuilt from the bench's --csv measures."""
    fired = {}
    with open(csv_path) as f:
        for line in f:
            c = line.rstrip('\n').split(',')
            look, chroma, support = c[17], float(c[13]), float(c[47])
            D, K, shift = float(c[54]), float(c[56]), float(c[57])
            evident = chroma >= 30 and support >= 0.15
            agreed = chroma >= 10 and 0.5 <= K <= 6 and D >= 20 and shift >= 10
            fired[(c[0], int(c[1]), c[2], c[3])] = look == '' and support >= 0.1 and (evident or agreed)
            fired[(c[0], int(c[1]), c[2], c[3], 'look')] = look
    return fired


def main():
    dump, csv_path = sys.argv[1], sys.argv[2]
    with Pool(2) as pool:
        rows = pool.map(features, sorted(glob.glob(os.path.join(dump, '*.ppm'))), chunksize=8)
    fired = check_rule(csv_path)
    cast = np.array([r['key'][2].startswith(('gain_', 'wb_')) for r in rows])
    counted = cast & np.array([r['key'][3] in ('mild', 'strong') for r in rows])
    half = np.array([r['key'][1] for r in rows])
    old = np.array([fired[r['key']] for r in rows])
    no_look = np.array([fired[r['key'] + ('look',)] == '' for r in rows])
    col = lambda name: np.array([r[name] for r in rows])
    evidence = {
        '1 grey pixels, LoG of log RGB, greyest 1 %, index <= 0.02': (col('gp_log_gi') <= 0.02, col('gp_log')),
        '1 grey pixels, 3x3 std of log RGB, greyest 0.1 %': (True, col('gp_std')),
        '2 brightest 0.5 %, a*b*': (True, col('top')),
        '2 near-clipped (max >= 245, >= 0.2 %), a*b*': (col('near_share') >= 0.002, col('near')),
        '2 spread of the channels\' 99.9th percentiles': (True, col('p999_spread')),
        '2 densest bright plateau (>= 0.2 %), a*b*': (col('plateau_share') >= 0.002, col('plateau')),
        '3 weakest tercile light, terciles within 12': (col('terc_gap') <= 12, col('terc_min')),
        '4 foliage hue off 125 degrees': (col('foliage') >= 0, col('foliage')),
        '4 sky hue off 255 degrees': (col('sky') >= 0, col('sky')),
        '4 skin hue off 55 degrees': (col('skin') >= 0, col('skin')),
    }
    pct = lambda m: 100.0 * m.mean() if m.size else 0.0
    print('| evidence | threshold | alone: casts tuning / held-out | false alarms held-out | with the check: casts | '
          'with the check: false alarms |')
    print('|---|---|---|---|---|---|')
    for name, (gate, value) in evidence.items():
        gate = no_look & gate
        negatives = value[gate & ~cast & (half == 0)]
        threshold = 1.1 * negatives.max()
        new = gate & (value >= threshold)
        both = new | old
        print(f'| {name} | {threshold:.1f} | {pct(new[counted & (half == 0)]):.0f} / {pct(new[counted & (half == 1)]):.0f} '
              f'| {pct(new[~cast & (half == 1)]):.1f} | {pct(both[counted & (half == 0)]):.0f} / '
              f'{pct(both[counted & (half == 1)]):.0f} | {pct(both[~cast & (half == 0)]):.1f} / '
              f'{pct(both[~cast & (half == 1)]):.1f} |')
    print(f'check alone: casts {pct(old[counted & (half == 0)]):.0f} / {pct(old[counted & (half == 1)]):.0f}, '
          f'false alarms {pct(old[~cast & (half == 0)]):.1f} / {pct(old[~cast & (half == 1)]):.1f}')


if __name__ == '__main__':
    main()
