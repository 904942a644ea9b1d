#!/usr/bin/env python3
"""Session 6: a candidate "too dark" rule measured offline, not built in (bench/README.md).

Under-exposed by about 1 EV: no channel reaches white (the brightest channel's 99.5th
percentile <= CW; -1 EV leaves every channel at 188 or less), the mid-tones are not those of
a low-key scene (median luma 40..120), a colour photo (99th percentile of max-min >= 25:
black-and-white and toned conversions end lower) and black still black (darkest channel's
0.5th percentile <= 45: not washed out). Added to the check's own verdicts (--probe's fired
column), from the bench's measures:

  build/bench/preflight_photo_quality --only looks,under --csv measures.csv --probe probe.csv
  python3 bench/photo_quality/exposure_headroom.py measures.csv probe.csv
"""
import sys

import numpy as np

LOOKS = ('clean', 'bw', 'sepia', 'cold_tone', 'golden_hour', 'blue_hour', 'high_key', 'low_key', 'lamps',
         'white_backdrop', 'shallow_dof', 'jpeg', 'phone')


def main():
    M = [l.rstrip('\n').split(',') for l in open(sys.argv[1])]
    P = {tuple(r[:4]): r for r in (l.rstrip('\n').split(',') for l in open(sys.argv[2]))}
    M = [r for r in M if tuple(r[:4]) in P]
    fam = np.array([r[2] for r in M])
    st = np.array([r[3] for r in M])
    half = np.array([int(r[1]) for r in M])
    g = lambda i: np.array([float(r[i]) for r in M])
    med, chw, chb, sat = g(18), g(49), g(48), g(52)
    fired = np.array([P[tuple(r[:4])][6] == '1' for r in M])
    neg = np.isin(fam, LOOKS)
    pct = lambda m: 100.0 * m.mean()
    print('| rule | -0.5 EV | -1 EV | -1.5 EV | -2 EV | FA T / H | FA of the new rule alone T / H |')
    print('|---|---|---|---|---|---|---|')
    for name, (cw, mmin, mmax, smin, bmax) in {
            'the check today': (-1, 0, 0, 0, 0),
            'channel white <= 190, median 40..120, colour >= 25, black <= 45': (190, 40, 120, 25, 45),
            'channel white <= 200, same': (200, 40, 120, 25, 45),
            'every threshold loosened by a fifth (white headroom 65 -> 52: <= 203, median 32..144, colour >= 20, '
            'black <= 54)': (203, 32, 144, 20, 54)}.items():
        new = (chw <= cw) & (med >= mmin) & (med <= mmax) & (sat >= smin) & (chb <= bmax)
        both = new | fired
        cells = [f'{pct(both[(fam == "under") & (st == s) & (half == 0)]):.0f} / '
                 f'{pct(both[(fam == "under") & (st == s) & (half == 1)]):.0f}'
                 for s in ('-0.5 EV', '-1 EV', '-1.5 EV', '-2 EV')]
        print(f'| {name} | {" | ".join(cells)} | {pct(both[neg & (half == 0)]):.1f} / {pct(both[neg & (half == 1)]):.1f} '
              f'| {pct(new[neg & (half == 0)]):.1f} / {pct(new[neg & (half == 1)]):.1f} |')


if __name__ == '__main__':
    main()
