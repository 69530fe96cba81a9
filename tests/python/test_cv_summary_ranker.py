"""tools/cv-summary-ranker: every article scored once, by a ranker trained
on the other folds, the same figures each run (skipped when the
CNN/DailyMail articles are absent)."""

import os
import re
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl")
TOOL = os.path.join(ROOT, "tools", "cv-summary-ranker")


def cross_validate(*args):
    return subprocess.run([sys.executable, TOOL, "--pith", os.environ["PITH_CLI"], *args, CORPUS],
                          capture_output=True, text=True)


def rows(output):
    return {match.group(1): [float(x) for x in match.group(2, 3, 4)]
            for match in re.finditer(r"^\| (pith|lead-3|margin) \| ([-+\d.]+) \| ([-+\d.]+) \| ([-+\d.]+) \|$",
                                     output, re.MULTILINE)}


@pytest.mark.skipif(not os.path.exists(CORPUS), reason="../shared/data/cnndm is not there")
def test_folds_score_every_article_once_and_the_same_each_run():
    first = cross_validate("--folds", "3", "--limit", "45", "--jobs", "2")
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("45 articles, 3 folds")
    figures = rows(first.stdout)
    assert set(figures) == {"pith", "lead-3", "margin"}
    for pith, lead, margin in zip(figures["pith"], figures["lead-3"], figures["margin"]):
        assert 0 < lead < 100 and 0 < pith < 100
        assert abs(pith - lead - margin) <= 0.011
    assert cross_validate("--folds", "3", "--limit", "45", "--jobs", "1").stdout == first.stdout
    # The trainer's penalty reaches it: a ranker held near zero scores
    # otherwise; Lead-3 does not change.
    penalised = rows(cross_validate("--folds", "3", "--limit", "45", "--l2", "1000").stdout)
    assert penalised["lead-3"] == figures["lead-3"]
    assert penalised["pith"] != figures["pith"]


def test_one_fold_is_refused():
    result = cross_validate("--folds", "1")
    assert result.returncode == 2
    assert "--folds" in result.stderr
