"""tools/train-summary-ranker: the same articles give the same ranker, and
the stage reads what it writes (skipped when the CNN/DailyMail articles are
absent)."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.path.join(ROOT, "..", "shared", "data", "cnndm", "validation.jsonl")


def train(path):
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "train-summary-ranker"), "--train", "60",
                             "--pith", os.environ["PITH_CLI"], CORPUS], check=True, capture_output=True)
    path.write_bytes(result.stdout)
    return result


@pytest.mark.skipif(not os.path.exists(CORPUS), reason="../shared/data/cnndm is not there")
def test_trains_deterministically_a_ranker_the_stage_reads(tmp_path):
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    result = train(first)
    train(second)
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text().splitlines()
    assert "pith-summary-ranker 2" in lines
    assert any(line.startswith("feature first-mention-salience ") for line in lines)
    assert any(line.startswith("product inverse-position log-words ") for line in lines)
    assert any(line.startswith("prior ") for line in lines)
    assert b"60 articles" in result.stderr

    article = ("Port workers in Valmora ended a strike on Tuesday. The union said members would return. "
               "Transport Minister Daniel Ferreira met union leader Ines Okafor. Ferries sailed again.")
    summary = subprocess.run([os.environ["PITH_CLI"], "-p", "segment ! summarize sentences=2 ranker=%s" % first],
                             input=article.encode(), check=True, capture_output=True).stdout.decode()
    assert "Port workers" in summary or "Ferreira" in summary


def summarize_with(tmp_path, ranker, text, options=""):
    """The pith command's result on @text with the ranker file @ranker holds."""
    path = tmp_path / "ranker.txt"
    path.write_text(ranker)
    return subprocess.run([os.environ["PITH_CLI"], "-p", "segment ! summarize %s ranker=%s" % (options, path)],
                          input=text, capture_output=True)


def test_a_broken_ranker_is_a_clear_error(tmp_path):
    result = summarize_with(tmp_path, "pith-summary-ranker 1\nfeature no-such-thing 0 1 1\n", b"One. Two.")
    assert result.returncode != 0
    assert b"line 2: unknown feature" in result.stderr


def test_a_product_of_a_feature_the_ranker_lacks_is_a_clear_error(tmp_path):
    result = summarize_with(tmp_path, "pith-summary-ranker 2\nfeature first 0 1 1\nproduct first log-words 0.5\n",
                            b"One. Two.")
    assert result.returncode != 0
    assert b"line 3: a product of" in result.stderr


def test_a_ranker_of_the_first_format_still_reads(tmp_path):
    """Format 1 (no products) is what rankers trained before 2026-12 are."""
    article = b"Port workers in Valmora ended a strike on Tuesday. The union said members would return."
    result = summarize_with(tmp_path, "pith-summary-ranker 1\nfeature inverse-position 0.1 0.2 1\n", article,
                            "sentences=1")
    assert result.returncode == 0, result.stderr
    assert "Port workers" in result.stdout.decode()
    assert "The union" not in result.stdout.decode()
