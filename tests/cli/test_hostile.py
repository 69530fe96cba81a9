"""Hostile input through the pith command and the real stages: each case
must end normally with a documented result or a clear error, through the
default pipeline with JSON and with JSON Lines output, in memory within
64 MB plus five times the input. Time against input size is the bench's
business (bench/run), not a test's."""

import json
import os
import random
import subprocess
from pathlib import Path

import pytest

SANITIZED = bool(os.environ.get("PITH_SANITIZED"))
DEFAULT = "clean ! language ! segment ! entities ! summarize"
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


TIME = "/usr/bin/time"  # Debian's time package, which scripts/install-deps installs


def run(pith, args, data, tmp_path, name="input.txt"):
    """Runs pith on @data written to a file; returns (status, stdout,
    stderr, peak resident MB (10^6 bytes, the unit of the budget) of the
    pith process alone). GNU time measures
    it: the resource usage of a child forked from this large Python process
    would start at the parent's size."""
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run([TIME, "-f", "peak-kb=%M", pith.path, *args, str(path)], capture_output=True)
    err, _, peak = result.stderr.rstrip(b"\n").rpartition(b"\n")
    assert peak.startswith(b"peak-kb="), result.stderr[-500:]
    return result.returncode, result.stdout, err, int(peak[len(b"peak-kb="):]) * 1024 / 1e6


def peak_within(peak_mb, input_bytes, factor=5):
    """Sanitizers multiply memory; under them only the outcome is checked."""
    return SANITIZED or peak_mb < 64 + factor * input_bytes / 1e6


def scaled(size):
    return size // 10 if SANITIZED else size


@pytest.fixture(params=["json", "jsonl"])
def hostile(pith, tmp_path, request):
    """Runs the default pipeline (or @pipeline) on @data with the
    parametrised output format and returns the one document it wrote."""
    def go(data, *args, name="input.txt", pipeline=DEFAULT):
        status, out, err, peak_mb = run(pith, ["-p", pipeline, "-o", request.param, *args],
                                        data, tmp_path, name)
        assert status == 0, err.decode(errors="replace")
        assert peak_within(peak_mb, len(data)), (peak_mb, len(data))
        assert out.count(b"\n") == 1, "one document, one line"
        return json.loads(out)
    return go


@pytest.mark.parametrize("raw", [
    b"overlong \xc0\xaf slash",
    b"surrogate \xed\xa0\x80 half",
    b"truncated \xe2\x82",
    b"lone \x80\x81 continuation bytes",
])
def test_invalid_utf8_is_decoded_as_windows_1252(hostile, raw):
    doc = hostile(raw)
    assert doc["metadata"]["encoding"] == "windows-1252"
    assert doc["text"].split()[0] == raw.split()[0].decode()


def test_a_megabyte_of_random_bytes(hostile):
    """Bytes of every value but the control characters, which make input
    binary: invalid UTF-8 throughout."""
    rng = random.Random(17)
    alphabet = bytes(range(32, 256)) + b"\n\t"
    data = bytes(rng.choice(alphabet) for _ in range(scaled(1_000_000)))
    doc = hostile(data)
    assert doc["metadata"]["encoding"] == "windows-1252"
    assert len(doc["text"]) > len(data) // 2


def test_nul_bytes_become_replacement_characters(hostile):
    doc = hostile(b"A\x00B met C\x00D in Baku.\x00")
    assert doc["metadata"]["replaced_nul_bytes"] == 3
    assert "\x00" not in doc["text"]


def test_one_hundred_megabyte_single_line_cleaned(pith, tmp_path):
    size = (10 if SANITIZED else 100) * 1024 * 1024
    data = b"Abc def " * (size // 8)
    status, out, err, peak_mb = run(pith, ["-p", "clean", "-o", "text"], data, tmp_path)
    assert status == 0, err.decode(errors="replace")
    assert peak_within(peak_mb, len(data))
    assert out == data.rstrip() + b"\n"


def test_twenty_megabyte_single_line(hostile):
    size = scaled(20 * 1024 * 1024)
    doc = hostile(b"Abc def " * (size // 8))
    assert len(doc["sentences"]) == 1
    assert doc["text"].startswith("Abc def Abc")


def test_one_line_of_the_same_word(hostile):
    doc = hostile(b"word " * scaled(4_000_000))
    assert len(doc["sentences"]) == 1


def test_a_million_one_character_lines(hostile):
    count = scaled(1_000_000)
    doc = hostile(b"a\n" * count)
    assert doc["text"].count("a") == count


def test_ten_megabyte_word(hostile):
    size = scaled(10 * 1024 * 1024)
    doc = hostile(b"x" * size)
    assert len(doc["text"]) == size
    assert len(doc["sentences"]) == 1


def test_a_million_abbreviations(hostile):
    doc = hostile(b"Mr. " * scaled(1_000_000))
    assert doc["text"].startswith("Mr. Mr.")


def test_three_million_initials(hostile):
    doc = hostile(b"a. " * scaled(3_300_000))
    assert doc["text"].startswith("a. a.")


def test_a_short_sentence_repeated(hostile):
    """Every sentence shares its stems with all of its neighbours: the
    summarizer's graph would hold fifty pairs a sentence (five times the
    text) where it holds no more than half the text's bytes."""
    count = scaled(200_000)
    doc = hostile(b"Xy zq wv. " * count)
    assert len(doc["sentences"]) == count
    assert len(doc["summary"]["sentences"]) >= 1


def test_html_nested_one_hundred_thousand_deep(hostile):
    depth = 100_000
    data = b"<div>" * depth + b"deep text" + b"</div>" * depth
    doc = hostile(data, "-i", "html", name="deep.html")
    assert doc["text"] == "deep text"


def test_entity_and_comment_bombs(hostile):
    data = b"<p>" + b"&amp;" * 200_000 + b"</p>" + b"<!--" * 100_000 + b"x" + b"-->" * 100_000
    doc = hostile(data, "-i", "html", name="bomb.html")
    assert doc["text"].startswith("&&&")


def test_a_million_references(hostile):
    count = scaled(1_000_000)
    doc = hostile(b"<p>" + b"&amp;" * count + b"</p>", "-i", "html", name="amp.html")
    assert doc["text"] == "&" * count


def test_news_articles_joined_into_one_document(hostile):
    articles = SHARED / "cnndm" / "validation.jsonl"
    if not articles.exists():
        pytest.skip("../shared/data/cnndm is absent")
    texts = [json.loads(line)["article"] for line in articles.open(encoding="utf-8")]
    data = "\n\n".join(texts).encode()
    while len(data) < scaled(5_000_000):
        data += b"\n\n" + data
    data = data[:scaled(5_000_000)].decode(errors="ignore").encode()
    doc = hostile(data)
    assert len(doc["sentences"]) > 1000 // (10 if SANITIZED else 1)
    assert len(doc["summary"]["sentences"]) == 3


@pytest.mark.parametrize("text", [
    "BREAKING NEWS: PRESIDENT ALIYEV MEETS PUTIN IN MOSCOW ON MONDAY. TALKS LAST SIX HOURS. ",
    "!?.,;:-()[]{}\"'/\\|*&^%$#@~` ",
    "😀🔥🇦🇿👨\u200d👩\u200d👧 ",
    "مرحبا بالعالم. שלום עולם. ",
    "e\u0301\u0302\u0303\u0304 o\u0308\u0308\u0308 ",
])
def test_unusual_whole_documents(hostile, text):
    data = (text * (1_000_000 // len(text.encode()))).encode()
    doc = hostile(data)
    assert len(doc["text"]) > 0
    assert "summary" in doc


def test_deep_json_and_huge_numbers_fail_alone(pith, tmp_path):
    lines = [
        json.dumps({"id": "before", "text": "A line before."}),
        '{"id": "deep", "text": "x", "metadata": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"id": 1' + "0" * 400 + ', "text": "huge id"}',
        '{"id": "huge-offset", "text": "abc", "sentences": [{"start": 0, "end": 1e400}]}',
        json.dumps({"id": "after", "text": "A line after."}),
    ]
    status, out, err, _ = run(pith, ["-i", "jsonl", "-o", "jsonl", "-p", "segment"],
                              ("\n".join(lines) + "\n").encode(), tmp_path, "hostile.jsonl")
    records = [json.loads(line) for line in out.decode().splitlines()]
    assert status == 1
    assert [r.get("id") for r in records][0] == "before"
    assert records[-1]["id"] == "after" and "error" not in records[-1]
    failed = [r for r in records if "error" in r]
    assert {r["line"] for r in failed} >= {2, 4}
    for record in failed:
        assert "hostile.jsonl:%d:" % record["line"] in err.decode()


@pytest.mark.parametrize("description", [
    'clean markers="open',
    "clean ! segment abbreviations='Dr.",
    'summarize method="lead',
])
def test_pipeline_strings_with_open_quotes(pith, description):
    result = pith("-p", description, input=b"text")
    assert result.returncode == 2
    assert b"quote" in result.stderr.lower()
