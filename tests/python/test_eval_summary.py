"""The default summary against Lead-3 and ots on CNN/DailyMail, scored by
tools/pith-eval-summary (skipped when the data set is absent). The
built-in ranker learned from the first 500 articles
(tools/train-summary-ranker); the last 500 are the held-out measure, where
it beats Lead-3, which reads the same sentences but the dateline, by
+2.83/+1.65/+2.56 ROUGE-1/2/L (the issue asks +1.5 each). The floors
below fail a change that loses a fifth of a point or more, or that takes
ROUGE-2 under the issue's +1.5."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl")
HELD_OUT_MARGINS = {"rouge1": 2.60, "rouge2": 1.50, "rougeL": 2.35}


@pytest.mark.skipif(not os.path.exists(CORPUS), reason="../shared/data/cnndm is not there")
def test_beats_lead_3_on_held_out_articles(tmp_path):
    figures_path = tmp_path / "summary.json"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "pith-eval-summary"), "--no-ots", "--skip", "500",
                    "--pith", os.environ["PITH_CLI"], "--json", str(figures_path), CORPUS],
                   check=True, capture_output=True)
    figures = json.loads(figures_path.read_text())
    for measure, margin in HELD_OUT_MARGINS.items():
        assert figures["pith"][measure] - figures["lead-3"][measure] >= margin, (measure, figures)


def test_rouge_matches_the_published_example():
    """rouge-score's README: ROUGE-1 F 0.7059 and ROUGE-L F 0.5882."""
    import importlib.machinery
    import importlib.util

    loader = importlib.machinery.SourceFileLoader("evaluation", os.path.join(ROOT, "tools", "pith-eval-summary"))
    spec = importlib.util.spec_from_loader("evaluation", loader)
    evaluation = importlib.util.module_from_spec(spec)
    loader.exec_module(evaluation)
    target = "The quick brown fox jumps over the lazy dog"
    prediction = "The quick brown dog jumps on the log."
    assert round(evaluation.rouge_n(prediction, target, 1), 4) == 0.7059
    assert round(evaluation.rouge_lsum(prediction, target), 4) == 0.5882
