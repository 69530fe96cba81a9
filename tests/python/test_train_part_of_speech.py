"""tools/train-part-of-speech: the CoNLL-2003 training split gives back the
guesser the library ships, byte for byte (skipped when the data is
absent). The library's own reading of it is tested in
tests/c/test-part-of-speech.c."""

import os
import subprocess
import sys

import pytest

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CONLL = os.path.join(ROOT, "..", "shared", "data", "conll2003")
SHIPPED = os.path.join(ROOT, "plugin", "data", "summarize", "part-of-speech-en.bin")


@pytest.mark.skipif(not os.path.exists(os.path.join(CONLL, "train.txt")), reason="../shared/data/conll2003 is not there")
def test_training_gives_back_the_shipped_guesser():
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "train-part-of-speech")],
                            check=True, capture_output=True)
    with open(SHIPPED, "rb") as shipped:
        assert result.stdout == shipped.read()
    assert b"written: " in result.stderr


def test_absent_data_is_a_clear_error(tmp_path):
    result = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "train-part-of-speech"),
                             str(tmp_path / "no-train.txt"), str(tmp_path / "no-dev.txt")], capture_output=True)
    assert result.returncode != 0
    assert b"no-train.txt is absent" in result.stderr
