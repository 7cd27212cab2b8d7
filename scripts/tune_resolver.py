#!/usr/bin/env python3
"""Tune the resolver's score weights on the development corpora by coordinate search.

Usage: scripts/tune_resolver.py --bin BIN [--corpus DOCS.jsonl ...] [--passes 2] [--write]

BIN must be built with the `tune` feature
(`cargo build --release --no-default-features --features tune`): it reads weight
overrides from ITINERA_WEIGHTS. The corpora are read at run time (nothing of them is
stored in the repository). Documents whose id's crc32 is 0 mod 5 are held out: the
search sees only the other four fifths, and the held-out figures are printed at the end
so that what generalises can be told from what was fitted.

The objective is the mean over corpora of Acc@161 on matched mentions (unresolved ones
count as misses), as ../shared/tools/geoparse_eval.py computes it. Recognition does not
depend on these weights, so matches are computed once. With --write the best weights
replace the values of `WEIGHTS` in src/geoparse/weights.rs.
"""
import argparse, json, os, re, subprocess, zlib

from geoparse_errors import byte_to_char as char_offsets, km

WEIGHTS_RS = os.path.join(os.path.dirname(__file__), "..", "src", "geoparse", "weights.rs")
DEFAULT_CORPORA = [
    "../shared/data/corpora/geovirus/docs.jsonl",
    "../shared/data/corpora/lgl/docs.jsonl",
]


def read_weights():
    src = open(WEIGHTS_RS, encoding="utf-8").read()
    body = src[src.index("pub(crate) const WEIGHTS: Weights = Weights {"):]
    body = body[: body.index("};")]
    return {k: float(v) for k, v in re.findall(r"^\s+(\w+): (-?[0-9.]+),$", body, re.M)}


def write_weights(w):
    src = open(WEIGHTS_RS, encoding="utf-8").read()
    head = src.index("pub(crate) const WEIGHTS: Weights = Weights {")
    tail = src.index("};", head)
    body = src[head:tail]
    for k, v in w.items():
        body = re.sub(rf"^(\s+{k}): -?[0-9.]+,$", lambda m: f"{m.group(1)}: {v:.3f},".replace(".000,", ".0,"), body, flags=re.M)
    open(WEIGHTS_RS, "w", encoding="utf-8").write(src[:head] + body + src[tail:])


class Corpus:
    def __init__(self, path, binary):
        self.name = os.path.basename(os.path.dirname(path))
        self.binary = binary
        docs = [json.loads(l) for l in open(path, encoding="utf-8")]
        self.parts = {}
        for part in ("train", "holdout"):
            keep = [d for d in docs if (zlib.crc32(str(d["id"]).encode()) % 5 == 0) == (part == "holdout")]
            payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in keep).encode()
            self.parts[part] = (keep, payload, None)
        for part in self.parts:
            self.parts[part] = self._matches(part)

    def run(self, part, weights):
        env = dict(os.environ, ITINERA_WEIGHTS=",".join(f"{k}={v}" for k, v in weights.items()))
        out = subprocess.run([self.binary, "extract", "--jsonl"], input=self.parts[part][1], env=env,
                             capture_output=True, check=True)
        return [json.loads(l) for l in out.stdout.decode().split("\n") if l.strip()]

    def _matches(self, part):
        """Per document, (place index, gold point) of every matched mention with coordinates."""
        docs, payload, _ = self.parts[part]
        results = self.run(part, {})
        matches = []
        for d, r in zip(docs, results):
            conv = char_offsets(d["text"])
            preds = [(p["mention"].lower(), conv.get(p["start"], p["start"]), conv.get(p["end"], p["end"]), i)
                     for i, p in enumerate(r["places"])]
            gold = list(d["gold"])
            pairs = []
            for gs, glat, glon, ga, gb in gold:
                for p in preds:
                    if p[0] == gs.lower() and abs((ga + gb) / 2 - (p[1] + p[2]) / 2) < 10:
                        preds.remove(p)
                        if glat is not None:
                            pairs.append((p[3], (glat, glon)))
                        break
            matches.append(pairs)
        return docs, payload, matches

    def acc(self, part, weights):
        results = self.run(part, weights)
        good = n = 0
        for r, pairs in zip(results, self.parts[part][2]):
            for i, g in pairs:
                n += 1
                res = r["places"][i].get("resolved")
                if res is not None and km(g, (res["lat"], res["lon"])) < 161:
                    good += 1
        return good / n if n else 0.0


def objective(corpora, part, w):
    """The mean Acc@161 over corpora, and the per-corpus figures."""
    each = [c.acc(part, w) for c in corpora]
    return sum(each) / len(each), each


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", action="append")
    ap.add_argument("--passes", type=int, default=2)
    ap.add_argument("--only", help="comma-separated weights to search (default: all)")
    ap.add_argument("--min-gain", type=float, default=0.0015,
                    help="least gain of the mean a change must bring (a few mentions per corpus), "
                         "so that noise is not fitted; no corpus may lose by it either")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()
    corpora = [Corpus(p, a.bin) for p in (a.corpus or DEFAULT_CORPORA)]
    start = read_weights()
    w = dict(start)
    best, best_each = objective(corpora, "train", w)
    print(f"start: train {best:.4f}", flush=True)
    names = a.only.split(",") if a.only else list(w)
    for p in range(a.passes):
        improved = False
        for k in names:
            v0 = w[k]
            trials = {round(v0 * f, 3) for f in (0.0, 0.5, 0.75, 1.25, 1.5, 2.0)}
            trials |= {round(v0 + d, 3) for d in (-0.5, -0.2, -0.1, 0.1, 0.2, 0.5, 1.0)}
            trials.discard(v0)
            for v in sorted(trials):
                if k in ("homonym_damp", "overshadowed") and not 0.0 <= v <= 1.0:
                    continue
                trial = dict(w, **{k: v})
                s, each = objective(corpora, "train", trial)
                if s > best + a.min_gain and all(e >= b for e, b in zip(each, best_each)):
                    best, best_each, w, improved = s, each, trial, True
                    print(f"  pass {p + 1}: {k} {v0} -> {v}: train {best:.4f}", flush=True)
        if not improved:
            break
    for c in corpora:
        print(f"{c.name}: train {c.acc('train', start):.4f} -> {c.acc('train', w):.4f}, "
              f"holdout {c.acc('holdout', start):.4f} -> {c.acc('holdout', w):.4f}")
    print("weights:", ", ".join(f"{k}={v}" for k, v in w.items() if v != start[k]))
    if a.write:
        write_weights(w)


if __name__ == "__main__":
    main()
