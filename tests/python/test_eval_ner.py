"""The shipped entity model on CoNLL-2003 dev, scored by tools/pith-eval-ner
through the CLI's pre-tokenised path (skipped when the data is absent)."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
DEV = os.path.join(ROOT, "..", "shared", "data", "conll2003", "dev.txt")

# The level the shipped stage reaches (0.9354); a drop below fails.
MINIMUM_F1 = 0.930


@pytest.mark.skipif(not os.path.exists(DEV), reason="../shared/data/conll2003 is not there")
def test_dev_f1(tmp_path):
    figures_path = tmp_path / "ner.json"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "pith-eval-ner"),
                    "--pith", os.environ["PITH_CLI"], "--json", str(figures_path), DEV],
                   check=True, capture_output=True)
    figures = json.loads(figures_path.read_text())
    assert figures["overall"]["f1"] >= MINIMUM_F1, figures["overall"]
