#!/usr/bin/env python3
"""Runs a Pith pipeline over a JSON Lines corpus on a Dask cluster.

    python3 examples/dask/pith_dask.py CORPUS.jsonl OUT.jsonl
        [--workers N] [--scheduler ADDRESS] [--pipeline DESCRIPTION]

Without --scheduler it starts a local cluster of N worker processes (one
thread each). The corpus is read as a Dask bag of numbered lines; each
partition goes to a worker, which loads Pith once (pith_worker.py) and
writes for each record the line `pith -i jsonl -o jsonl` writes, so OUT is
the pith command's output, line for line, in input order.
"""

import argparse
import sys
from pathlib import Path

import dask.bag
from dask.distributed import Client, LocalCluster

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pith_worker  # noqa: E402

DEFAULT = "clean ! language ! segment ! entities ! summarize"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--scheduler", help="address of a running scheduler")
    parser.add_argument("--pipeline", default=DEFAULT)
    parser.add_argument("--partition-lines", type=int, default=200)
    args = parser.parse_args()

    with open(args.corpus, encoding="utf-8") as corpus:
        lines = [(number, line.rstrip("\r\n")) for number, line in enumerate(corpus, 1)]

    cluster = None
    if args.scheduler:
        client = Client(args.scheduler)
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        # The workers import pith_worker from this directory.
        client.upload_file(pith_worker.__file__)
        partitions = max(1, (len(lines) + args.partition_lines - 1) // args.partition_lines)
        bag = dask.bag.from_sequence(lines, npartitions=partitions)
        outputs = bag.map_partitions(pith_worker.process_partition, args.pipeline).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    with open(args.output, "w", encoding="utf-8") as out:
        for line in outputs:
            out.write(line + "\n")
    print(f"{len(outputs)} records, {partitions} partitions", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
