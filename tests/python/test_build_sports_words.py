"""tools/build-sports-words: the CoNLL-2003 training split gives back the
list of sports reports' words the library ships, byte for byte (skipped
when the data is absent). What the tagger does with it is measured by
tests/python/test_eval_ner.py."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
TRAIN = os.path.join(ROOT, "..", "shared", "data", "conll2003", "train.txt")
SHIPPED = os.path.join(ROOT, "plugin", "data", "entities", "sports-words-en.txt")


@pytest.mark.skipif(not os.path.exists(TRAIN), reason="../shared/data/conll2003 is not there")
def test_building_gives_back_the_shipped_list():
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "build-sports-words"), TRAIN],
                            check=True, capture_output=True)
    with open(SHIPPED, "rb") as shipped:
        assert result.stdout == shipped.read()
    words = [line for line in result.stdout.decode().splitlines() if not line.startswith("#")]
    assert "innings" in words and "midfielder" in words
    assert "said" not in words and "government" not in words


def test_absent_data_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "build-sports-words"),
                             str(tmp_path / "no-train.txt")], capture_output=True)
    assert result.returncode != 0
    assert b"no-train.txt is not there" in result.stderr
