#!/usr/bin/env python3
"""Session 6: the ceiling of single-photo evidence for photo.colour_cast and photo.exposure.

Every measure the bench writes (--csv: the checks' measures; --probe: the exposure
histogram measures) and every offline measure of cast_evidence.py and cast_gamut.py, per
frame, fed to classifiers that never see a frame of the photo they judge:
  - leave one photo out over all 34 photos (the operating point: the score that keeps the
    pooled out-of-fold false alarms on clean photos + looks at <= 2 %), and
  - tuning -> held-out (trained on the 17 tuning photos, operating point from their own
    leave-one-photo-out scores, applied once to the held-out 17).
Detection per strength, tuning / held-out. Analysis only (python3-sklearn); run
cast_gamut.py first (it leaves DIR/session6_rows.pkl):

  python3 bench/photo_quality/ceiling.py DIR measures.csv probe.csv [logistic,forest,boosting]
"""
import os
import pickle
import sys

import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

LOOKS = ('clean', 'bw', 'sepia', 'cold_tone', 'golden_hour', 'blue_hour', 'high_key', 'low_key', 'lamps',
         'white_backdrop', 'shallow_dof', 'jpeg', 'phone')
COLOUR_COLS = list(range(11, 17)) + list(range(28, 33)) + list(range(36, 48)) + list(range(54, 59))
EXPOSURE_COLS = list(range(18, 25)) + list(range(48, 54))
SCALARS = ('gp_log', 'gp_log_gi', 'terc_min', 'terc_gap', 'gp_std', 'top', 'near_share', 'near', 'p999_spread',
           'foliage', 'sky', 'skin', 'plateau_share', 'plateau', 'gamut_light', 'gamut_out', 'tail1', 'tail5',
           'opposite', 'depth', 'pca_all', 'pca_bright', 'pca_edge', 'cheng', 'cheng_unit')
FA = 0.02


def models():
    return {
        'logistic': lambda: make_pipeline(StandardScaler(), LogisticRegression(C=0.3, max_iter=3000)),
        'forest': lambda: RandomForestClassifier(n_estimators=200, min_samples_leaf=3, n_jobs=1, random_state=0),
        'boosting': lambda: HistGradientBoostingClassifier(max_iter=200, learning_rate=0.05, max_leaf_nodes=15,
                                                           random_state=0),
    }


def num(x):
    try:
        return float(x)
    except ValueError:
        return 0.0


def oof_scores(make, X, y, photo, train):
    """Out-of-fold scores, one fold per photo, on the rows in `train` (y < 0: not trained on)."""
    s = np.full(len(y), np.nan)
    for p in np.unique(photo[train]):
        test = train & (photo == p)
        fit = train & (photo != p) & (y >= 0)
        m = make().fit(X[fit], y[fit])
        s[test] = m.predict_proba(X[test])[:, 1]
    return s


def threshold_at(scores_neg):
    """Smallest threshold with at most FA of the negatives at or above it."""
    s = np.sort(scores_neg)[::-1]
    k = int(np.floor(FA * len(s)))
    return s[k] + 1e-12 if k < len(s) else 0.0


def report(title, X, y, photo, half, group, groups, neg, current, only=None):
    pct = lambda m: 100.0 * m.mean() if m.size else float('nan')
    print(f'\n### {title}\n')
    head = ' | '.join(groups)
    print(f'| model | validation | {head} | FA T / H |')
    print('|---|---|' + '---|' * (len(groups) + 1))
    cells = [f'{pct(current[(group == g) & (half == 0)]):.0f} / {pct(current[(group == g) & (half == 1)]):.0f}'
             for g in groups]
    print(f'| the check today | - | {" | ".join(cells)} | {pct(current[neg & (half == 0)]):.1f} / '
          f'{pct(current[neg & (half == 1)]):.1f} |')
    everything = np.ones(len(y), bool)
    hits = {}
    for name, make in models().items():
        if only and name not in only:
            continue
        # leave one photo out over all 34
        s = oof_scores(make, X, y, photo, everything)
        t = threshold_at(s[neg])
        hit = s >= t
        cells = [f'{pct(hit[(group == g) & (half == 0)]):.0f} / {pct(hit[(group == g) & (half == 1)]):.0f}'
                 for g in groups]
        print(f'| {name} | leave one photo out (34) | {" | ".join(cells)} | {pct(hit[neg & (half == 0)]):.1f} / '
              f'{pct(hit[neg & (half == 1)]):.1f} |')
        hits[name] = hit
        # tuning -> held-out
        tuning = half == 0
        s_t = oof_scores(make, X, y, photo, tuning)
        t = threshold_at(s_t[neg & tuning])
        fit = tuning & (y >= 0)
        m = make().fit(X[fit], y[fit])
        s_h = m.predict_proba(X)[:, 1]
        hit = np.where(tuning, s_t >= t, s_h >= t)
        cells = [f'{pct(hit[(group == g) & (half == 0)]):.0f} / {pct(hit[(group == g) & (half == 1)]):.0f}'
                 for g in groups]
        print(f'| {name} | tuning (LOPO) -> held-out | {" | ".join(cells)} | {pct(hit[neg & (half == 0)]):.1f} / '
              f'{pct(hit[neg & (half == 1)]):.1f} |')
        sys.stdout.flush()
    return hits


def main():
    dump, csv_path, probe_path = sys.argv[1:4]
    with open(os.path.join(dump, 'session6_rows.pkl'), 'rb') as f:
        rows, meas = pickle.load(f)
    with open(probe_path) as f:
        probe = {(c[0], int(c[1]), c[2], c[3]): c for c in (line.rstrip('\n').split(',') for line in f)}
    key = [r['key'] for r in rows]
    photo = np.array([k[0] for k in key])
    half = np.array([k[1] for k in key])
    fam = np.array([k[2] for k in key])
    strength = np.array([k[3] for k in key])
    neg = np.isin(fam, LOOKS)
    looks = ('mono', 'toned', 'mixed_light')
    # Feature matrix: bench CSV colour + exposure columns, the check's look, probe columns, offline measures.
    feats = []
    for r in rows:
        c, p = meas[r['key']], probe[r['key']]
        f = [num(c[i]) for i in COLOUR_COLS + EXPOSURE_COLS]
        f += [float(c[17] == lk) for lk in looks]
        f += [num(x) for x in p[7:]]
        f += [float(r[s]) for s in SCALARS]
        f += list(r['gamut_light_ab']) + list(r['cheng_ab']) + list(r['lc_mean'])
        feats.append(f)
    X = np.nan_to_num(np.array(feats, float))
    raw = np.nan_to_num(np.array([np.concatenate([r['support'], r['ab_q'].ravel(), r['ab_neg']]) for r in rows]))
    print(f'{X.shape[1]} scalar measures, {raw.shape[1]} raw (log-chroma support, a*b* percentiles per hue)')

    # Colour cast: positives mild + strong (weak not trained on), negatives clean + looks.
    cast = np.array([f.startswith(('gain_', 'wb_')) for f in fam])
    sub = cast | neg
    y = np.where(neg, 0, np.where(cast & (strength != 'weak'), 1, -1))
    group = np.where(cast, np.char.add('cast ', strength), '')
    import cast_evidence as ce
    rule = ce.check_rule(csv_path)
    current = np.array([rule[k] for k in key])
    groups = ['cast weak', 'cast mild', 'cast strong']
    only = sys.argv[4].split(',') if len(sys.argv) > 4 else None
    for name, XX in (('colour cast: all scalar measures', X), ('colour cast: scalar + raw distributions',
                                                                np.hstack([X, raw]))):
        hits = report(name, XX[sub], y[sub], photo[sub], half[sub], group[sub], groups, neg[sub], current[sub], only)
        if 'forest' in hits:
            hit, f, s, hh = hits['forest'], fam[sub], strength[sub], half[sub]
            print('\nforest, leave one photo out, mild + strong per family (T / H): ' + ', '.join(
                f'{c} {100 * hit[(f == c) & (s != "weak") & (hh == 0)].mean():.0f} / '
                f'{100 * hit[(f == c) & (s != "weak") & (hh == 1)].mean():.0f}' for c in sorted(set(f[cast[sub]]))))
            print('false alarms per look (T / H): ' + ', '.join(
                f'{c} {100 * hit[(f == c) & (hh == 0)].mean():.0f} / {100 * hit[(f == c) & (hh == 1)].mean():.0f}'
                for c in LOOKS if hit[f == c].any()))
    # The same without the tinted looks (sepia, cold tone, golden hour, blue hour) among the negatives:
    # what the scenes' own colours alone leave.
    tinted = np.isin(fam, ('sepia', 'cold_tone', 'golden_hour', 'blue_hour'))
    sub2 = sub & ~tinted
    report('colour cast: all scalar measures, tinted looks left out of the negatives', X[sub2], y[sub2], photo[sub2],
           half[sub2], group[sub2], groups, neg[sub2], current[sub2], only)

    # Exposure: under (-1..-2 EV) and over (+1..+2 EV) vs clean + looks.
    exp_fired = np.array([probe[k][6] == '1' for k in key])
    for fam_name, strengths in (('under', ('-1 EV', '-1.5 EV', '-2 EV')), ('over', ('+1 EV', '+1.5 EV', '+2 EV'))):
        pos = fam == fam_name
        sub = pos | neg
        y = np.where(neg, 0, np.where(pos & np.isin(strength, strengths), 1, -1))
        group = np.where(pos, np.char.add(f'{fam_name} ', strength), '')
        groups = [f'{fam_name} {s}' for s in strengths]
        report(f'exposure {fam_name}: all scalar measures', X[sub], y[sub], photo[sub], half[sub], group[sub], groups,
               neg[sub], exp_fired[sub], only)


if __name__ == '__main__':
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main()
