#!/usr/bin/env python3
"""Session 6: more single-photo cast evidence, and the ceiling of all of it together.

Per frame of the bench's half-size dumps (averaged to the check's ~300 px, linear light):
  a. gamut constraint (Forsyth 1990; in 2-D log chromaticity as Finlayson & Hordley do, where
     a per-channel gain is a pure translation): the canonical gamut is the convex hull of the
     clean tuning photos' log(R/G), log(B/G) (support function on 32 directions, 99.5th
     percentile of each photo, the photo itself left out); the image's own support on the
     same directions gives the feasible lights {t : n.t >= h_img(n) - h_canon(n)}, and the
     evidence is the smallest light in that set (how far the photo must be moved to fit a
     white-lit gamut), as a*b* of a mid grey under it; plus the a*b* tail: the 1st and 5th
     percentiles of the pixels' projection on the check's cast hue, the share on the
     opposite side, and the origin's depth outside the a*b* cloud (max over 24 directions
     of the 2nd percentile);
  b. the grey axis of the RGB cloud: the first principal axis (centred) of all pixels, of
     the brightest 10 %, and of the edge vectors (Sobel of each channel), as a light;
  c. Cheng, Prasad & Brown (2014): pixels with the largest and smallest 3.5 % projection on
     the mean colour, first uncentred principal axis (raw and unit-normalised rows);
and prints the session-5 table for them (precision-safe threshold: 10 % above the largest
value on a clean photo or look of the tuning half not called mono/toned/mixed), per
strength. Then the ceiling (--ceiling): every measure of the bench CSV, of
cast_evidence.py and of this script, a classifier validated by photo (leave one photo out,
and tuning -> held-out), operating point at <= 2 % false alarms on clean photos + looks;
likewise exposure (under / over) from the --probe CSV. Needs python3-sklearn for the
ceiling (analysis only). Usage:

  build/bench/preflight_photo_quality --only gain_,wb_,looks,under,over --dump DIR \
      --csv measures.csv --probe probe.csv
  python3 bench/photo_quality/cast_gamut.py DIR measures.csv probe.csv [--ceiling]
"""
import glob
import os
import pickle
import sys
from multiprocessing import Pool

import numpy as np
from scipy import ndimage as ndi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cast_evidence as ce  # noqa: E402

NDIR = 32
DIRS = np.stack([np.cos(np.arange(NDIR) * 2 * np.pi / NDIR), np.sin(np.arange(NDIR) * 2 * np.pi / NDIR)], 1)
GRID = np.stack(np.meshgrid(np.linspace(-1.5, 1.5, 241), np.linspace(-1.5, 1.5, 241)), -1).reshape(-1, 2)


def thumb_of(path):
    img = ce.read_ppm(path).astype(np.float32)
    h, w, _ = img.shape
    return img, img[:h // 2 * 2, :w // 2 * 2].reshape(h // 2, 2, w // 2, 2, 3).mean(axis=(1, 3)) / 255.0


def light_ab(rgb):
    rgb = np.abs(np.asarray(rgb, float))
    return ce.grey_under(rgb / max(rgb.max(), 1e-9))


def first_axis(X, centre):
    if len(X) < 10:
        return np.ones(3)
    Y = X - X.mean(0) if centre else X
    w, V = np.linalg.eigh(Y.T @ Y)
    v = V[:, -1]
    return v if v.sum() >= 0 else -v


def log_chroma(v, L):
    ok = (L > 8) & (v.max(-1) < 0.97) & (v.min(-1) > 0.002)
    p = v[ok]
    return np.stack([np.log(p[:, 0] / p[:, 1]), np.log(p[:, 2] / p[:, 1])], 1)


def support(lc, q=0.995):
    return np.quantile(lc @ DIRS.T, q, axis=0) if len(lc) >= 50 else np.full(NDIR, -9.0)


def features(path):
    family, strength, photo, half, _ = os.path.basename(path)[:-4].split('|')
    img, thumb = thumb_of(path)
    v = ce.linear(thumb)
    L, a, b = ce.lab(v)
    out = {'key': (photo, int(half), family, strength)}
    lc = log_chroma(v, L)
    out['support'] = support(lc)
    out['lc_mean'] = lc.mean(0) if len(lc) else np.zeros(2)
    # b. grey axis
    X = v.reshape(-1, 3)
    keep = (X.max(1) < 0.97) & (L.ravel() > 5)
    Xk = X[keep]
    out['pca_all'] = np.hypot(*light_ab(first_axis(Xk, True)))
    bright = Xk[Xk.sum(1) >= np.quantile(Xk.sum(1), 0.9)] if len(Xk) > 100 else Xk
    out['pca_bright'] = np.hypot(*light_ab(first_axis(bright, True)))
    gx = np.stack([ndi.sobel(v[..., c], 1) for c in range(3)], -1).reshape(-1, 3)
    gy = np.stack([ndi.sobel(v[..., c], 0) for c in range(3)], -1).reshape(-1, 3)
    G = np.concatenate([gx[keep], gy[keep]])
    mag = np.linalg.norm(G, axis=1)
    G = G[mag >= np.quantile(mag, 0.9)]
    out['pca_edge'] = np.hypot(*light_ab(first_axis(G, False)))
    # c. Cheng, Prasad & Brown 2014
    m = Xk.mean(0)
    d = Xk @ (m / np.linalg.norm(m))
    n = max(10, int(len(Xk) * 0.035))
    order = np.argsort(d)
    S = Xk[np.concatenate([order[:n], order[-n:]])]
    cheng = first_axis(S, False)
    out['cheng_ab'] = light_ab(cheng)
    out['cheng'] = np.hypot(*out['cheng_ab'])
    Sn = S / np.maximum(np.linalg.norm(S, axis=1, keepdims=True), 1e-6)
    out['cheng_unit'] = np.hypot(*light_ab(first_axis(Sn, False)))
    # a. a*b* tail: projections on every direction (the cast hue is picked later from the CSV)
    sel = (L > 5) & (L < 98)
    ab = np.stack([a[sel], b[sel]], 1)
    proj = ab @ DIRS.T
    out['ab_q'] = np.quantile(proj, [0.01, 0.02, 0.05], axis=0)  # 3 x NDIR
    out['ab_neg'] = (proj < 0).mean(0)
    out.update({k: val for k, val in ce.features(path).items() if k != 'key'})
    return out


def gamut_features(rows):
    """Feasible-light features against the canonical gamut of the clean tuning photos."""
    clean = {r['key'][0]: r['support'] for r in rows if r['key'][2] == 'clean' and r['key'][1] == 0}
    for r in rows:
        photo = r['key'][0]
        canon = np.max([s for p, s in clean.items() if p != photo], axis=0)
        need = r['support'] - canon                       # n.t >= need for every n
        viol = (GRID @ DIRS.T - need).min(1)              # >= 0 where feasible
        r['gamut_out'] = float(need.max())                # > 0: the photo leaves the gamut unmoved
        feasible = viol >= 0
        if feasible.any():
            t = GRID[feasible][np.argmin(np.hypot(*GRID[feasible].T))]
            centre = GRID[feasible].mean(0)               # Barnard's centroid of the feasible set
        else:
            t = centre = GRID[np.argmax(viol)]
        r['gamut_light_ab'] = light_ab(np.exp([t[0], 0.0, t[1]]))
        r['gamut_light'] = float(np.hypot(*r['gamut_light_ab']))
        r['gamut_centroid'] = float(np.hypot(*light_ab(np.exp([centre[0], 0.0, centre[1]]))))


def load(dump):
    cache = os.path.join(dump, 'session6_features.pkl')
    if os.path.exists(cache):
        with open(cache, 'rb') as f:
            return pickle.load(f)
    with Pool(2) as pool:
        rows = pool.map(features, sorted(glob.glob(os.path.join(dump, '*.ppm'))), chunksize=8)
    with open(cache, 'wb') as f:
        pickle.dump(rows, f)
    return rows


def csv_rows(path):
    with open(path) as f:
        return {tuple([c[0], int(c[1]), c[2], c[3]]): c for c in (line.rstrip('\n').split(',') for line in f)}


LOOKS = ('clean', 'bw', 'sepia', 'cold_tone', 'golden_hour', 'blue_hour', 'high_key', 'low_key', 'lamps',
         'white_backdrop', 'shallow_dof', 'jpeg', 'phone')


def main():
    dump, csv_path, probe_path = sys.argv[1:4]
    rows = load(dump)
    gamut_features(rows)
    meas = csv_rows(csv_path)
    fired = ce.check_rule(csv_path)
    key = [r['key'] for r in rows]
    fam = np.array([k[2] for k in key])
    strength = np.array([k[3] for k in key])
    half = np.array([k[1] for k in key])
    cast = np.array([f.startswith(('gain_', 'wb_')) for f in fam])
    neg = np.isin(fam, LOOKS)
    old = np.array([fired[k] for k in key])
    no_look = np.array([fired[k + ('look',)] == '' for k in key])
    # The check's cast hue (its agreed light) picks the a*b* tail direction.
    hue = np.array([np.arctan2(float(meas[k][12]), float(meas[k][11])) for k in key])
    di = np.round(hue / (2 * np.pi / NDIR)).astype(int) % NDIR
    for i, r in enumerate(rows):
        r['tail1'] = r['ab_q'][0, di[i]]
        r['tail5'] = r['ab_q'][2, di[i]]
        r['opposite'] = -r['ab_neg'][di[i]]              # fewer pixels opposite = more cast
        r['depth'] = r['ab_q'][1].max()                  # origin's depth outside the a*b* cloud
        r['cheng_agree'] = r['cheng'] if np.cos(np.arctan2(r['cheng_ab'][1], r['cheng_ab'][0]) - hue[i]) > 0.7 else 0
    col = lambda name: np.array([r[name] for r in rows], float)
    evidence = {
        'a gamut: smallest light that fits the clean gamut (log rg, 99.5th pct support)': (True, col('gamut_light')),
        'a gamut: centroid of the feasible lights': (True, col('gamut_centroid')),
        'a a*b* tail: 1st percentile along the check\'s cast hue': (True, col('tail1')),
        'a a*b* tail: 5th percentile along the check\'s cast hue': (True, col('tail5')),
        'a share of pixels opposite the cast hue (negated)': (True, col('opposite')),
        'a origin depth outside the a*b* cloud (max over hues of the 2nd pct)': (True, col('depth')),
        'b first axis of all pixels (centred), as light': (True, col('pca_all')),
        'b first axis of the brightest 10 %': (True, col('pca_bright')),
        'b first axis of the edge vectors (top 10 % Sobel)': (True, col('pca_edge')),
        'c Cheng et al. 2014 (3.5 % bright + dark, uncentred PCA)': (True, col('cheng')),
        'c Cheng, unit-normalised rows': (True, col('cheng_unit')),
        'c Cheng, within 45 deg of the check\'s hue': (True, col('cheng_agree')),
    }
    pct = lambda m: 100.0 * m.mean() if m.size else 0.0
    mild, strong = cast & (strength == 'mild'), cast & (strength == 'strong')
    print('| evidence | threshold (safe) | alone: mild T / H | alone: strong T / H | alone: FA H | '
          'check + it: mild T / H | check + it: strong T / H | check + it: FA T / H | at tuning 2 % FA: mild, strong T / H, FA H |')
    print('|---|---|---|---|---|---|---|---|---|')
    th = lambda m, s: f'{pct(m[s & (half == 0)]):.0f} / {pct(m[s & (half == 1)]):.0f}'
    for name, (gate, value) in evidence.items():
        gate = no_look & gate
        top = value[gate & neg & (half == 0)].max()
        threshold = top + 0.1 * max(abs(top), 1e-3)
        new = gate & (value >= threshold)
        both = new | old
        # second operating point: the tuning negatives' 98th percentile (2 % false alarms there)
        loose = gate & (value > np.quantile(np.where(gate, value, -np.inf)[neg & (half == 0)], 0.98))
        print(f'| {name} | {threshold:.2f} | {th(new, mild)} | {th(new, strong)} | {pct(new[neg & (half == 1)]):.1f} | '
              f'{th(both, mild)} | {th(both, strong)} | {pct(both[neg & (half == 0)]):.1f} / '
              f'{pct(both[neg & (half == 1)]):.1f} | {th(loose, mild)}, {th(loose, strong)}, {pct(loose[neg & (half == 1)]):.1f} |')
    print(f'check alone: mild {pct(old[mild & (half == 0)]):.0f} / {pct(old[mild & (half == 1)]):.0f}, strong '
          f'{pct(old[strong & (half == 0)]):.0f} / {pct(old[strong & (half == 1)]):.0f}, false alarms '
          f'{pct(old[neg & (half == 0)]):.1f} / {pct(old[neg & (half == 1)]):.1f}')
    # Separation: for each measure, clean-tuning max vs casts' distribution
    for name, (gate, value) in evidence.items():
        print(f'  {name[:60]:60s} neg p95 {np.quantile(value[neg], 0.95):8.2f} max {value[neg].max():8.2f} '
              f'| mild median {np.median(value[mild]):8.2f} | strong median {np.median(value[strong]):8.2f} '
              f'| clean median {np.median(value[fam == "clean"]):8.2f}')
    with open(os.path.join(dump, 'session6_rows.pkl'), 'wb') as f:
        pickle.dump((rows, meas), f)


if __name__ == '__main__':
    main()
