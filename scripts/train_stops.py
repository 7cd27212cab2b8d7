#!/usr/bin/env python3
"""Train the movement model's selection on the real-text corpus (tests/fixtures/real).

Usage:
  scripts/train_stops.py cv [--bin BIN]        cross-validate over folds 1-4: fold k is scored by a
                                               model trained on the other three; prints the route
                                               tables of scripts/real_routes.py
  scripts/train_stops.py write [--bin BIN]     train on folds 1-4 and write src/movement/weights.rs
  scripts/train_stops.py labels [--bin BIN]    how many gold stops the candidates can reach at all

Two models are learned from `itinera extract --explain` output and the gold routes:
- the traveller model, a conditional logit over a text's actors: the gold traveller (the actor
  whose name shares a word with gold.json's "actor") should score highest;
- the stop model, a logistic regression over the text's candidate stops: a candidate is a stop
  when the point it would put on the map matches a gold stop the way ../shared/tools/route_eval.py
  matches one (within 50 km, or a country or region holding the gold point when nothing closer
  in the text matches it).
Both are plain gradient descent with an L2 penalty; nothing beyond Python's standard library.
Fold 0 is never read here (scripts/real_routes.py --final scores it at the end). The project's
own articles (tests/fixtures/articles, with their expected routes) are in every training set
and never scored: what their tests expect of the model, it learns.
"""
import argparse, glob, json, math, os, re, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import real_routes  # noqa: E402

ROOT = real_routes.ROOT
WEIGHTS_RS = os.path.join(ROOT, "src", "movement", "weights.rs")
ARTICLES = os.path.join(ROOT, "tests", "fixtures", "articles")
FIXTURES = "fixtures"  # the fold of the project's own articles
TOLD = 0.2  # as select.rs: below it, a text is a list or a timeline and every place a candidate
DEV_FOLDS = [k for k in range(real_routes.FOLDS) if k != real_routes.HELD_OUT]
STOPWORDS = {"the", "a", "an", "of", "and", "his", "her", "its", "their", "with", "on", "in", "to"}


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if len(w) > 2 and w not in STOPWORDS}


def texts(folds):
    """(name, fold, article path, gold path) of the real cases in `folds`, then of the project's
    own articles (tests/fixtures/articles, fold FIXTURES): those are always trained on and never
    scored, so that the model keeps what their tests expect of it."""
    for name, d in real_routes.cases():
        k = real_routes.fold_of(name)
        article = os.path.join(d, "article.txt")
        if k in folds and os.path.exists(article):
            yield name, k, article, os.path.join(d, "gold.json")
    for article in sorted(glob.glob(os.path.join(ARTICLES, "*.txt"))):
        gold = article[: -len(".txt")] + ".expected.json"
        if os.path.exists(gold):
            yield os.path.basename(article), FIXTURES, article, gold


def collect(binary, folds, weights=None):
    """Per case: its fold, its gold, the explain object and the places; with `weights` (a
    weight file), the binary chooses the main traveller by those."""
    ev = real_routes.route_eval()
    docs = []
    for name, k, article, gold_path in texts(folds):
        gold = json.load(open(gold_path, encoding="utf-8"))
        cmd = [binary, "extract", "--explain"]
        if weights:
            cmd += ["--stop-weights", weights]
        if gold.get("reference_date"):
            cmd += ["--reference-date", gold["reference_date"]]
        cmd.append(article)
        out = json.loads(subprocess.run(cmd, capture_output=True, check=True).stdout)
        docs.append({"name": name, "fold": k, "gold": gold, "out": out})
    label_all(docs, ev)
    return docs


def label_all(docs, ev):
    """Labels each place of each text: 1 when a stop there matches a gold stop."""
    for doc in docs:
        gold, e = doc["gold"], doc["out"]["explain"]
        gpts = [(g["lat"], g["lon"]) for g in gold["stops"] + gold.get("expected", [])]
        places = e["places"]
        pts = [(p["destination"]["latlon"]["lat"], p["destination"]["latlon"]["lon"]) for p in places]
        near = [[ev.km(g, p) <= 50.0 for g in gpts] for p in pts]
        labels = []
        for place, p, row in zip(places, pts, near):
            hit = any(row)
            if not hit:
                dst = place["destination"]
                pred = {"kind": kind_label(dst["kind"]), "lat": p[0], "lon": p[1],
                        "country": dst.get("country"), "admin1": dst.get("admin1"), "name": dst.get("name")}
                for gi, g in enumerate(gpts):
                    if any(r[gi] for r in near):
                        continue  # a place closer in the text names this stop
                    if ev.area_holds(pred, g):
                        hit = True
                        break
            labels.append(1 if hit else 0)
        doc["labels"] = labels
        doc["reachable"] = sum(1 for gi in range(len(gpts)) if any(r[gi] for r in near))
        doc["gold_stops"] = len(gpts)
        gw = words(gold.get("actor"))
        doc["traveller_labels"] = [1 if words(t["name"]) & gw else 0 for t in e["travellers"]]


def kind_label(kind):
    """The word route_eval.py reads for a place kind, from the explanation's (snake case) name."""
    return {"continent": "continent", "country": "country", "region": "region", "district": "district",
            "populated_place": "populated place", "physical": "physical feature", "landmark": "landmark",
            "informal_region": "informal region"}.get(kind, kind)


def sigmoid(z):
    if z < -30:
        return 0.0
    if z > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


# What the hand-written rules knew, as the stop model's prior: the weights training starts
# from and is drawn back to where the corpus says little (rare cues such as "a county that
# names a jail" keep the weight the rules gave them). "max:" is the feature's largest value
# over a place's mentions (any mention), "min:" its smallest (every mention).
PRIOR = {
    "max:rules": 2.5,
    "min:no_link": -1.0,
    "min:name_or_date": -4.0,
    "min:government": -3.0,
    "min:qualifies_next": -3.0,
    "min:names_institution": -3.0,
    "min:come_from": -3.0,
    "min:names_trip": -3.0,
    "min:describes_another": -2.0,
    "min:someone_else_asked": -3.0,
    "min:along": -3.0,
    "max:along": -2.0,
    "min:background": -2.5,
    "min:denied": -3.0,
    "min:others": -2.0,
    "min:other_actor": -1.5,
    "min:modifier": -1.0,
    "min:prep_of": -1.0,
    "min:affiliation": -2.0,
    "max:holds_another": -2.0,
    "min:acts": -1.5,
    "min:nobody": -1.5,
    "min:topic": -2.0,
    "min:cause": -2.0,
    "min:from_of_noun": -1.5,
    "min:bare_list": -1.5,
}


def prior_vector(names):
    return [PRIOR.get(f"max:{n}", 0.0) for n in names] + [PRIOR.get(f"min:{n}", 0.0) for n in names]


def solve(a, b):
    """x with a·x = b, by Gaussian elimination with partial pivoting (a is small and dense)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                row_c = m[c]
                row_r = m[r]
                for k in range(c, n + 1):
                    row_r[k] -= f * row_c[k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def train_stop(docs, l2=1.0, iterations=25):
    """Logistic regression by Newton's method, with a penalty of `l2` times the squared distance
    from the prior (the bias is free)."""
    names = docs[0]["out"]["explain"]["stop_features"]
    ev, told = names.index("evidence"), names.index("told")
    rows = [(p["max"] + [0.0] + p["min"][1:], y) for d in docs for p, y in zip(d["out"]["explain"]["places"], d["labels"])
            if p["max"][ev] > 0 or p["max"][told] < TOLD]
    n = len(rows[0][0]) if rows else 0
    prior = prior_vector(docs[0]["out"]["explain"]["stop_features"])
    w = prior[:]
    for _ in range(iterations):
        grad = [(0.0 if i == 0 else l2 * (w[i] - prior[i])) for i in range(n)]
        hess = [[(l2 if i == j and i else 0.0) for j in range(n)] for i in range(n)]
        for x, y in rows:
            nz = [(i, xi) for i, xi in enumerate(x) if xi]
            p = sigmoid(sum(w[i] * xi for i, xi in nz))
            g = p - y
            h = max(p * (1 - p), 1e-6)
            for i, xi in nz:
                grad[i] += g * xi
                hi = hess[i]
                for j, xj in nz:
                    hi[j] += h * xi * xj
        for i in range(n):
            hess[i][i] += 1e-6
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(si) for si in step) < 1e-6:
            break
    return w


def train_traveller(docs, l2=1.0, epochs=3000, lr=1.0):
    groups = []
    for d in docs:
        ts = d["out"]["explain"]["travellers"]
        ys = d["traveller_labels"]
        if ts and any(ys) and not all(ys):
            groups.append(([t["features"] for t in ts], ys))
    n = len(groups[0][0][0]) if groups else 0
    w = [0.0] * n
    for _ in range(epochs):
        grad = [0.0] * n
        for xs, ys in groups:
            s = [sum(wi * xi for wi, xi in zip(w, x)) for x in xs]
            m = max(s)
            e = [math.exp(v - m) for v in s]
            z = sum(e)
            good = [e[i] for i in range(len(xs)) if ys[i]]
            zg = sum(good)
            # -log(sum over gold actors of p): gradient = E_p[x] - E_p|gold[x]
            for i, x in enumerate(xs):
                coef = e[i] / z - (e[i] / zg if ys[i] and zg > 0 else 0.0)
                for j, xj in enumerate(x):
                    if xj:
                        grad[j] += coef * xj
        for j in range(n):
            w[j] -= lr * (grad[j] + l2 * w[j]) / max(1, len(groups))
    return w


def model_json(docs, stop_w, trav_w, threshold=0.5):
    e = docs[0]["out"]["explain"]
    names = e["stop_features"]
    return {
        "threshold": threshold,
        "stop_max": {name: round(v, 4) for name, v in zip(names, stop_w[: len(names)])},
        "stop_min": {name: round(v, 4) for name, v in zip(names, stop_w[len(names):])},
        "traveller": {name: round(v, 4) for name, v in zip(e["traveller_features"], trav_w)},
    }


def train(docs, args):
    """Both models: the traveller first, then the stops, from features read with that traveller
    chosen (the stop features depend on who the main traveller is)."""
    traveller = train_traveller(docs)
    names = docs[0]["out"]["explain"]["traveller_features"]
    fixed = {"traveller": {n: w for n, w in zip(names, traveller)}}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(fixed, f)
    again = collect(args.bin, sorted({d["fold"] for d in docs} - {FIXTURES}), f.name)
    os.unlink(f.name)
    model = model_json(again, train_stop(again, args.l2), traveller, args.threshold)
    if args.rules_boost:
        model["stop_max"]["rules"] += args.rules_boost
    return model


def cv(args):
    docs = collect(args.bin, DEV_FOLDS)
    tmp = tempfile.mkdtemp(prefix="itinera-cv-")
    for k in DEV_FOLDS:
        model = train([d for d in docs if d["fold"] != k], args)
        json.dump(model, open(os.path.join(tmp, f"fold{k}.json"), "w"), indent=1)
    print(f"weights per fold in {tmp}")
    ns = argparse.Namespace(bin=args.bin, final=False, folds=None, weights_dir=tmp, strict=False,
                            cases=args.cases, root=real_routes.CASES)
    real_routes.score(ns)


def labels(args):
    docs = [d for d in collect(args.bin, DEV_FOLDS) if d["fold"] != FIXTURES]
    reach = sum(d["reachable"] for d in docs)
    total = sum(d["gold_stops"] for d in docs)
    pos = sum(sum(d["labels"]) for d in docs)
    rows = sum(len(d["labels"]) for d in docs)
    trav = sum(1 for d in docs if any(d["traveller_labels"]))
    main_ok = sum(1 for d in docs if any(y and t["main"] for t, y in zip(d["out"]["explain"]["travellers"], d["traveller_labels"])))
    print(f"{len(docs)} cases; {rows} places, {pos} labelled stops; gold stops a candidate lies within 50 km of: {reach} of {total}")
    print(f"cases whose gold traveller is in the cast: {trav}; picked as main: {main_ok}")
    if args.cases:
        for d in docs:
            ts = d["out"]["explain"]["travellers"]
            main = next((t["name"] for t in ts if t["main"]), "-")
            print(f"{d['name']:40s} reach {d['reachable']}/{d['gold_stops']}  main={main!r} gold={d['gold'].get('actor')!r} cast={[t['name'] for t in ts][:6]}")


def write(args):
    docs = collect(args.bin, DEV_FOLDS)
    model = train(docs, args)
    lines = [
        "//! The weights of the selection's two models, written by `scripts/train_stops.py write`",
        "//! from the real-text corpus (folds 1–4; fold 0 is held out) and the project's own articles.",
        "//! Review a change here as a change of behaviour: each weight says how much a cue counts for",
        "//! or against.",
        "",
        "use super::features::{StopFeature as S, TravellerFeature as T};",
        "",
        "/// A candidate is a stop of the main traveller when its probability reaches this.",
        f"pub(crate) const THRESHOLD: f32 = {model['threshold']!r};",
        "",
        "/// Logistic weights of the stop features' largest values over a place's mentions, in",
        "/// thousandths.",
        "pub(crate) const STOP_MAX: &[(S, i32)] = &[",
    ]
    camel = lambda s: "".join(p.capitalize() for p in s.split("_"))
    for name, v in model["stop_max"].items():
        lines.append(f"    (S::{camel(name)}, {round(v * 1000)}),")
    lines += ["];", "", "/// Logistic weights of the stop features' smallest values over a place's mentions, in",
              "/// thousandths.", "pub(crate) const STOP_MIN: &[(S, i32)] = &["]
    for name, v in model["stop_min"].items():
        if name != "bias":
            lines.append(f"    (S::{camel(name)}, {round(v * 1000)}),")
    lines += ["];", "", "/// Linear weights of the traveller features, in thousandths: the actor scoring highest is",
              "/// the main one.", "pub(crate) const TRAVELLER: &[(T, i32)] = &["]
    for name, v in model["traveller"].items():
        lines.append(f"    (T::{camel(name)}, {round(v * 1000)}),")
    lines += ["];", ""]
    open(WEIGHTS_RS, "w", encoding="utf-8").write("\n".join(lines))
    print(f"wrote {WEIGHTS_RS} from {len(docs)} cases")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("cmd", choices=["cv", "write", "labels"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "itinera"))
    ap.add_argument("--l2", type=float, default=30.0, help="the stop model's pull towards its prior")
    ap.add_argument("--threshold", type=float, default=0.4)
    ap.add_argument("--cases", action="store_true")
    ap.add_argument("--rules-boost", type=float, default=0.0,
                    help="added to the weight of the rules feature: the rules' stops are kept whatever the model says")
    a = ap.parse_args()
    {"cv": cv, "write": write, "labels": labels}[a.cmd](a)


if __name__ == "__main__":
    main()
