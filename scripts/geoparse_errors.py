#!/usr/bin/env python3
"""List the geoparser's errors on a toponym corpus, most frequent first.

Usage: scripts/geoparse_errors.py CORPUS/docs.jsonl [--bin target/release/itinera] [--top 40]
       [--holdout] (only documents whose id hashes to 0 mod 5)

Reads the corpus at run time (nothing of it is stored in the repository), runs
`BIN extract --jsonl`, matches predictions to gold the way geoparse_eval.py does
(same surface case-insensitively, midpoints under 10 characters apart), and prints:
false positives, false negatives, and resolutions more than 161 km off, each grouped by
surface form with a count and one example context."""
import argparse, collections, json, math, subprocess, zlib


def km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    d = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(d)))


def byte_to_char(text):
    m, b = {}, 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def context(text, a, b, width=50):
    return (text[max(0, a - width):a] + "[" + text[a:b] + "]" + text[b:b + width]).replace("\n", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--bin", default="target/release/itinera")
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--far-min", type=float, default=161.0, help="list only resolutions at least this far off")
    a = ap.parse_args()
    docs = [json.loads(l) for l in open(a.corpus, encoding="utf-8")]
    if a.holdout:
        docs = [d for d in docs if zlib.crc32(str(d["id"]).encode()) % 5 == 0]
    payload = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    out = subprocess.run([a.bin, "extract", "--jsonl"], input=payload.encode(), capture_output=True, check=True)
    results = [json.loads(l) for l in out.stdout.decode().split("\n") if l.strip()]
    fps, fns, far = collections.defaultdict(list), collections.defaultdict(list), collections.defaultdict(list)
    for d, r in zip(docs, results):
        text = d["text"]
        conv = byte_to_char(text)
        preds = []
        for p in r.get("places", []):
            s, e = conv.get(p["start"], p["start"]), conv.get(p["end"], p["end"])
            res = p.get("resolved") or {}
            preds.append((text[s:e], res.get("lat"), res.get("lon"), s, e, res.get("name"), res.get("country")))
        gold = list(d["gold"])
        for g in list(gold):
            gs, glat, glon, ga, gb = g
            for p in preds:
                if p[0].lower() == gs.lower() and abs((ga + gb) / 2 - (p[3] + p[4]) / 2) < 10:
                    preds.remove(p)
                    gold.remove(g)
                    if glat is not None and p[1] is not None:
                        dist = km((glat, glon), (p[1], p[2]))
                        if dist >= a.far_min:
                            far[gs].append(f"{dist:.0f} km: got {p[5]} ({p[6]}) | {context(text, ga, gb)}")
                    break
        for p in preds:
            fps[p[0]].append(context(text, p[3], p[4]))
        for g in gold:
            fns[g[0]].append(context(text, g[3], g[4]))
    for title, table in (("FALSE POSITIVES", fps), ("FALSE NEGATIVES", fns), (f"FAR OFF (>={a.far_min:.0f} km)", far)):
        total = sum(len(v) for v in table.values())
        print(f"== {title}: {total}")
        for name, ex in sorted(table.items(), key=lambda kv: -len(kv[1]))[: a.top]:
            print(f"{len(ex):4d}  {name!r:28}  {ex[0]}")


if __name__ == "__main__":
    main()
