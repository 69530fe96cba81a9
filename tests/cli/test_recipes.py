"""The README's scale-out recipe: the JSON Lines filter split across
processes by GNU parallel gives the single process's output, line for line."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ARTICLE = Path(__file__).resolve().parents[2] / "examples" / "articles" / "harbour-scraped.txt"


@pytest.fixture
def corpus(tmp_path):
    """600 records from the project's article: whole, halves, and
    paragraphs, with string and number ids."""
    text = ARTICLE.read_text(encoding="utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(600):
            piece = [text, text[: len(text) // 2], paragraphs[i % len(paragraphs)]][i % 3]
            out.write(json.dumps({"id": i if i % 2 else f"doc-{i}", "text": piece}) + "\n")
    return path


@pytest.mark.skipif(shutil.which("parallel") is None, reason="GNU parallel is not installed")
def test_gnu_parallel_recipe_equals_one_process(pith, corpus):
    single = pith("-i", "jsonl", "-o", "jsonl", str(corpus), check_status=0).stdout
    with corpus.open("rb") as stdin:
        split = subprocess.run(["parallel", "--will-cite", "--pipe", "--block", "64k", "-k",
                                os.environ["PITH_CLI"], "-t", "1", "-i", "jsonl", "-o", "jsonl"],
                               stdin=stdin, capture_output=True, check=True).stdout
    assert split.splitlines() == single.splitlines()
    assert len(single.splitlines()) == 600
    # More than one job really ran: the input is several blocks long.
    assert corpus.stat().st_size > 3 * 64 * 1024
