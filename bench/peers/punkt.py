#!/usr/bin/python3
"""NLTK's Punkt with its untrained default parameters, as the peer for
sentence splitting: prints the median MB/s over RUNS passes of the corpus."""

import json
import statistics
import sys
import time

from nltk.tokenize.punkt import PunktSentenceTokenizer

texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
size = sum(len(t.encode()) for t in texts)
tokenizer = PunktSentenceTokenizer()
times = []
for _ in range(runs):
    start = time.perf_counter()
    for text in texts:
        tokenizer.tokenize(text)
    times.append(time.perf_counter() - start)
print(json.dumps({"punkt sentences": size / 1e6 / statistics.median(times)}))
