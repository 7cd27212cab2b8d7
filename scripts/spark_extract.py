#!/usr/bin/env python3
"""Runs `itinera extract --jsonl` as the map step of Apache Spark over a folder of JSONL files.

Each input line is a request, `{"id", "text"[, "reference_date"]}`, as `--jsonl` reads them.
Spark splits the files into partitions and pipes each partition through one copy of the
binary (`RDD.pipe`), one thread each (`--threads 1`: Spark runs a copy per core). Lines keep
their order within a partition. The answers are written as JSONL text files or as Parquet.

    pip install pyspark          # Spark 4 needs Java 17 or newer on the PATH
    cargo build --release
    python3 scripts/spark_extract.py IN_DIR OUT_DIR [--format parquet] [--master local[2]]

On a cluster, ship the binary with `--files` (or install it on every node) and pass its
path on the nodes with `--bin`; the gazetteer is inside it, so nothing else is needed.
The script is optional and not part of CI.
"""

import argparse
import json
import os
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a folder of *.jsonl request files")
    ap.add_argument("output", help="a folder to create for the answers")
    ap.add_argument("--bin", default="target/release/itinera", help="the itinera binary")
    ap.add_argument("--format", choices=["jsonl", "parquet"], default="jsonl")
    ap.add_argument("--master", default="local[*]", help="Spark master (default local[*])")
    ap.add_argument(
        "--partitions", type=int, default=0, help="partitions (default: 4 per core)"
    )
    args = ap.parse_args()

    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        print(f"spark_extract: no itinera binary at {binary} (cargo build --release)", file=sys.stderr)
        return 2
    if os.path.exists(args.output):
        print(f"spark_extract: {args.output} exists; give a new folder", file=sys.stderr)
        return 2
    try:
        from pyspark import StorageLevel
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark_extract: pyspark is not installed (pip install pyspark)", file=sys.stderr)
        return 2

    spark = (
        SparkSession.builder.master(args.master)
        .appName("itinera extract")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    started = time.monotonic()
    partitions = args.partitions or 4 * sc.defaultParallelism
    requests = sc.textFile(os.path.join(os.path.abspath(args.input), "*.jsonl"), partitions)
    # one thread per copy: Spark already runs one copy per core
    answers = requests.pipe(f"{binary} extract --jsonl --threads 1", checkCode=True)
    if args.format == "jsonl":
        answers.saveAsTextFile(args.output)
    else:
        # the itinera/1 schema, inferred from the answers themselves: kept after the pass
        # that infers it, so the texts are analysed once
        answers = answers.persist(StorageLevel.MEMORY_AND_DISK)
        spark.read.json(answers).write.parquet(args.output)
    seconds = time.monotonic() - started
    lines = requests.count() if args.format == "jsonl" else spark.read.parquet(args.output).count()
    size = sum(
        os.path.getsize(os.path.join(args.input, f))
        for f in os.listdir(args.input)
        if f.endswith(".jsonl")
    )
    print(
        json.dumps(
            {
                "lines": lines,
                "input_mb": round(size / 1e6, 2),
                "seconds": round(seconds, 2),
                "mb_per_s": round(size / 1e6 / seconds, 2),
                "partitions": partitions,
                "master": args.master,
            }
        )
    )
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
