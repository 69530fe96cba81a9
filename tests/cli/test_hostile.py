"""Hostile input through the pith command and the real stages: each case
must end normally with a documented result or a clear error, in memory
within 64 MB plus ten times the input. Time against input size is the
bench's business (bench/run), not a test's."""

import json
import os
import subprocess

import pytest

SANITIZED = bool(os.environ.get("PITH_SANITIZED"))
DEFAULT = "clean ! segment ! entities ! summarize"


TIME = "/usr/bin/time"  # Debian's time package, which scripts/install-deps installs


def run(pith, args, data, tmp_path, name="input.txt"):
    """Runs pith on @data written to a file; returns (status, stdout,
    stderr, peak resident MB of the pith process alone). GNU time measures
    it: the resource usage of a child forked from this large Python process
    would start at the parent's size."""
    path = tmp_path / name
    path.write_bytes(data)
    result = subprocess.run([TIME, "-f", "peak-kb=%M", pith.path, *args, str(path)], capture_output=True)
    err, _, peak = result.stderr.rstrip(b"\n").rpartition(b"\n")
    assert peak.startswith(b"peak-kb="), result.stderr[-500:]
    return result.returncode, result.stdout, err, int(peak[len(b"peak-kb="):]) / 1024


def peak_within(peak_mb, input_bytes, factor=10):
    return SANITIZED or peak_mb < 64 + factor * input_bytes / 1e6


@pytest.fixture
def hostile(pith, tmp_path):
    def go(data, *args, name="input.txt", factor=10):
        status, out, err, peak_mb = run(pith, list(args), data, tmp_path, name)
        assert status == 0, err.decode(errors="replace")
        assert peak_within(peak_mb, len(data), factor), (peak_mb, len(data))
        return out
    return go


@pytest.mark.parametrize("raw", [
    b"overlong \xc0\xaf slash",
    b"surrogate \xed\xa0\x80 half",
    b"truncated \xe2\x82",
    b"lone \x80\x81 continuation bytes",
])
def test_invalid_utf8_is_decoded_as_windows_1252(hostile, raw):
    doc = json.loads(hostile(raw, "-o", "json"))
    assert doc["metadata"]["encoding"] == "windows-1252"
    assert doc["text"].split()[0] == raw.split()[0].decode()


def test_nul_bytes_become_replacement_characters(hostile):
    doc = json.loads(hostile(b"A\x00B met C\x00D in Baku.\x00", "-o", "json"))
    assert doc["metadata"]["replaced_nul_bytes"] == 3
    assert "\x00" not in doc["text"]


def test_one_hundred_megabyte_single_line(hostile):
    size = (10 if SANITIZED else 100) * 1024 * 1024
    data = b"Abc def " * (size // 8)
    out = hostile(data, "-p", "clean", "-o", "text")
    assert out == data.rstrip() + b"\n"


def test_ten_megabyte_single_line_segmented(hostile):
    size = (2 if SANITIZED else 10) * 1024 * 1024
    out = hostile(b"Abc def " * (size // 8), "-p", "clean ! segment", "-o", "jsonl")
    assert len(json.loads(out)["sentences"]) == 1


def test_a_million_one_character_lines(hostile):
    count = 100_000 if SANITIZED else 1_000_000
    doc = json.loads(hostile(b"a\n" * count, "-p", DEFAULT, "-o", "json"))
    assert doc["text"].count("a") == count


def test_ten_megabyte_word(hostile):
    size = (1 if SANITIZED else 10) * 1024 * 1024
    doc = json.loads(hostile(b"x" * size, "-p", DEFAULT, "-o", "json"))
    assert len(doc["text"]) == size
    assert len(doc["sentences"]) == 1


def test_a_million_abbreviations(hostile):
    count = 100_000 if SANITIZED else 1_000_000
    doc = json.loads(hostile(b"Mr. " * count, "-p", DEFAULT, "-o", "json"))
    assert doc["text"].startswith("Mr. Mr.")


def test_html_nested_one_hundred_thousand_deep(hostile):
    depth = 100_000
    data = b"<div>" * depth + b"deep text" + b"</div>" * depth
    doc = json.loads(hostile(data, "-i", "html", "-p", DEFAULT, "-o", "json", name="deep.html"))
    assert doc["text"] == "deep text"


def test_entity_and_comment_bombs(hostile):
    data = b"<p>" + b"&amp;" * 200_000 + b"</p>" + b"<!--" * 100_000 + b"x" + b"-->" * 100_000
    doc = json.loads(hostile(data, "-i", "html", "-p", DEFAULT, "-o", "json", name="bomb.html"))
    assert doc["text"].startswith("&&&")


@pytest.mark.parametrize("text", [
    "BREAKING NEWS: PRESIDENT ALIYEV MEETS PUTIN IN MOSCOW ON MONDAY. TALKS LAST SIX HOURS. ",
    "!?.,;:-()[]{}\"'/\\|*&^%$#@~` ",
    "😀🔥🇦🇿👨\u200d👩\u200d👧 ",
    "مرحبا بالعالم. שלום עולם. ",
    "e\u0301\u0302\u0303\u0304 o\u0308\u0308\u0308 ",
])
def test_unusual_whole_documents(hostile, text):
    data = (text * (1_000_000 // len(text.encode()))).encode()
    doc = json.loads(hostile(data, "-p", DEFAULT, "-o", "json"))
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
