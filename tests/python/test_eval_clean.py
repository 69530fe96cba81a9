"""tools/pith-eval-clean on a slice of ../shared/data/cnndm: no false repairs
on untouched articles, and every kind of noise repaired at the level reached
(skipped when the data set is absent)."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl")

# Fractions of articles restored exactly, on the first 40 articles.
MINIMUM_RESTORED = {
    "markers": 1.0, "boilerplate": 1.0, "html": 1.0, "mojibake": 1.0,
    "characters": 1.0, "whitespace": 1.0, "glued sentences": 0.9,
    "quote debris": 1.0, "hyphenation": 0.95, "repeated title": 1.0, "truncation": 1.0,
}


@pytest.mark.skipif(not os.path.exists(CORPUS), reason="../shared/data/cnndm is not there")
def test_noise_is_repaired_without_false_repairs(tmp_path):
    figures_path = tmp_path / "figures.json"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "pith-eval-clean"), "--limit", "40",
                    "--json", str(figures_path), CORPUS], check=True, capture_output=True)
    figures = json.loads(figures_path.read_text())
    assert figures["content_changed"] == 0
    for kind, minimum in MINIMUM_RESTORED.items():
        restored = figures["kinds"][kind]["restored"] / figures["articles"]
        assert restored >= minimum, (kind, restored)
        assert figures["kinds"][kind]["cer_after"] <= figures["kinds"][kind]["cer_before"]
