#!/usr/bin/env python3
"""The real-text route corpus (tests/fixtures/real): check it, split it into folds, score routes.

Usage:
  scripts/real_routes.py check                      every case has source.md and gold.json; lists
                                                    cases whose article.txt must be rebuilt
  scripts/real_routes.py score [--bin BIN] [--final] [--folds 1,2] [--weights-dir DIR] [--cases]
                                                    route scores by fold and by genre

Each case is a folder NN_slug/ with source.md (where the text came from), gold.json (the gold
route, written from the text alone) and article.txt (the text itself, kept out of git: see
DEVELOPERS.md for rebuilding it). A case's fold is crc32(folder name) mod 5. Fold 0 is held out:
nothing is tuned on it, and `score` leaves it out unless --final is given.

Scoring is that of ../shared/tools/route_eval.py (imported, so the figures are the same): a
predicted stop matches a gold stop within 50 km, or when it is the country or region that holds
it. With --weights-dir, fold k is run with `--stop-weights DIR/fold{k}.json`, the model trained
without fold k (scripts/train_stops.py writes them).
"""
import argparse, glob, importlib.util, json, os, subprocess, sys, zlib

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CASES = os.path.join(ROOT, "tests", "fixtures", "real")
SHARED = os.path.normpath(os.path.join(ROOT, "..", "shared"))
HELD_OUT = 0
FOLDS = 5


def fold_of(name):
    return zlib.crc32(name.encode()) % FOLDS


def route_eval():
    """../shared/tools/route_eval.py as a module, reading GeoNames from ../shared/data."""
    path = os.path.join(SHARED, "tools", "route_eval.py")
    spec = importlib.util.spec_from_file_location("route_eval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.GEONAMES = os.path.join(SHARED, "data", "geonames")
    return mod


def cases(root=CASES):
    """Every case folder that has its gold (a case being written has none yet). With
    ITINERA_CASES_UPTO=N in the environment, only cases numbered up to N: a batch being added
    stays out of the figures until it is scored on its own."""
    upto = int(os.environ.get("ITINERA_CASES_UPTO", "0") or 0)
    out = []
    for d in sorted(glob.glob(os.path.join(root, "*/"))):
        name = os.path.basename(d.rstrip("/"))
        if not os.path.exists(os.path.join(d, "gold.json")):
            continue
        if upto and int(name.split("_")[0]) > upto:
            continue
        out.append((name, d))
    return out


def source_fields(path):
    fields = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line.startswith("- ") and ":" in line:
            k, v = line[2:].split(":", 1)
            fields[k.strip()] = v.strip().strip("`")
        elif line.startswith("# "):
            fields["title"] = line[2:].strip()
    return fields


def check(args):
    problems, missing, genres, folds = [], [], {}, {}
    for name, d in cases(args.root):
        src, gold, art = (os.path.join(d, f) for f in ("source.md", "gold.json", "article.txt"))
        if not os.path.exists(src) or not os.path.exists(gold):
            problems.append(f"{name}: needs source.md and gold.json")
            continue
        f = source_fields(src)
        for k in ("address", "search query", "trimmed", "genre"):
            if not f.get(k):
                problems.append(f"{name}: source.md lacks '{k}'")
        try:
            g = json.load(open(gold, encoding="utf-8"))
        except ValueError as e:
            problems.append(f"{name}: gold.json: {e}")
            continue
        for s in g.get("stops", []) + g.get("expected", []):
            if not (isinstance(s.get("lat"), (int, float)) and isinstance(s.get("lon"), (int, float))
                    and -90 <= s["lat"] <= 90 and -180 <= s["lon"] <= 180):
                problems.append(f"{name}: stop {s.get('name')!r} has no valid point")
        if not g.get("stops") and not g.get("expected"):
            problems.append(f"{name}: no stops")
        genres[g.get("genre", "?")] = genres.get(g.get("genre", "?"), 0) + 1
        folds[fold_of(name)] = folds.get(fold_of(name), 0) + 1
        if not os.path.exists(art):
            missing.append(f"{name}\t{f.get('address')}\tquery: {f.get('search query')}")
    print(f"{sum(genres.values())} cases; by fold: {dict(sorted(folds.items()))}; by genre: {dict(sorted(genres.items()))}")
    for p in problems:
        print("problem:", p)
    if missing:
        print(f"{len(missing)} cases need their article.txt rebuilt (DEVELOPERS.md):")
        for m in missing:
            print("  " + m)
    sys.exit(1 if problems else 0)


def run_case(binary, case_dir, gold, weights=None):
    cmd = [binary, "extract", "--format", "json"]
    if gold.get("reference_date"):
        cmd += ["--reference-date", gold["reference_date"]]
    if weights:
        cmd += ["--stop-weights", weights]
    cmd.append(os.path.join(case_dir, "article.txt"))
    p = subprocess.run(cmd, capture_output=True, timeout=120)
    if p.returncode != 0:
        return None
    return json.loads(p.stdout)


def score(args):
    ev = route_eval()
    wanted = set(range(FOLDS)) if args.final else set(range(FOLDS)) - {HELD_OUT}
    if args.folds:
        wanted = {int(x) for x in args.folds.split(",")}
    if HELD_OUT in wanted and not args.final:
        sys.exit("fold 0 is held out: pass --final to score it")
    rows = []
    for name, d in cases(args.root):
        k = fold_of(name)
        if k not in wanted or not os.path.exists(os.path.join(d, "article.txt")):
            continue
        gold = json.load(open(os.path.join(d, "gold.json"), encoding="utf-8"))
        weights = os.path.join(args.weights_dir, f"fold{k}.json") if args.weights_dir else None
        res = run_case(args.bin, d, gold, weights)
        r = ev.score_case(gold, res, 50.0, args.strict) if res else {"recall": 0, "precision": 0, "f1": 0, "order": 0, "score": 0, "predicted": 0, "gold": len(gold["stops"])}
        actor = ((res or {}).get("actors") or [{}])[0].get("name", "-")
        rows.append((name, k, gold.get("genre", "?"), r, actor, gold.get("actor", "")))
    if not rows:
        sys.exit("no cases with their article.txt")
    if args.cases:
        for name, k, genre, r, actor, gactor in rows:
            print(f"{k} {name:42s} {genre:13s} R={r['recall']:.2f} P={r['precision']:.2f} O={r['order']:.2f} "
                  f"S={r['score']:.2f} ({r['predicted']}/{r['gold']})  {actor} | gold: {gactor}")

    def mean(rs):
        return {m: round(sum(r[m] for r in rs) / len(rs), 3) for m in ("recall", "precision", "order", "score")}

    def table(title, key):
        print(f"\n{title:14s} cases  score  recall  precision  order")
        groups = {}
        for row in rows:
            groups.setdefault(key(row), []).append(row[3])
        for g in sorted(groups):
            m = mean(groups[g])
            print(f"{str(g):14s} {len(groups[g]):5d}  {m['score']:.3f}  {m['recall']:.3f}   {m['precision']:.3f}      {m['order']:.3f}")

    table("fold", lambda r: r[1])
    table("genre", lambda r: r[2])
    overall = mean([r[3] for r in rows])
    overall["cases"] = len(rows)
    overall["folds"] = sorted(wanted)
    print(json.dumps(overall))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=CASES)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    s = sub.add_parser("score")
    s.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "itinera"))
    s.add_argument("--final", action="store_true", help="score the held-out fold 0 too")
    s.add_argument("--folds", help="comma-separated folds to score")
    s.add_argument("--weights-dir", help="run fold k with --stop-weights DIR/fold{k}.json")
    s.add_argument("--strict", action="store_true")
    s.add_argument("--cases", action="store_true", help="print a row per case")
    a = ap.parse_args()
    {"check": check, "score": score}[a.cmd](a)


if __name__ == "__main__":
    main()
