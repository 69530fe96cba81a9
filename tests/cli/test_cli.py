"""pith: options, formats, errors, exit status, order and bounded memory."""

import json
import os
import re
import resource

import pytest

# Sanitizer builds use several times the memory; the bounds hold for the
# normal build.
SANITIZED = bool(os.environ.get("PITH_SANITIZED"))

REGEX = r'regex pattern="\p{Lu}\p{Ll}+" layer=word label=CAP'


def jsonl(*records):
    return "".join(line + "\n" for line in records).encode()


def test_list_stages_shows_plugin_with_description(pith, have_regex):
    out = pith("--list-stages", check_status=0).stdout.decode()
    assert "regex" in out
    assert "regular expression" in out


def test_inspect(pith, have_regex):
    out = pith("inspect", "regex", check_status=0).stdout.decode()
    assert "Stage:        regex" in out
    assert "pattern" in out and "layer" in out
    assert 'default "match"' in out


def test_inspect_unknown_stage(pith):
    result = pith("inspect", "no-such-stage", check_status=2)
    assert b"no-such-stage" in result.stderr


def test_usage_errors(pith):
    assert pith("--no-such-option").returncode == 2
    assert pith("--output", "yaml", "-p", "x").returncode == 2
    assert pith("--threads", "-3").returncode == 2
    assert pith("inspect").returncode == 2


@pytest.mark.parametrize("args, message", [
    (["--no-such-option"], "pith: Unknown option --no-such-option"),
    (["--output", "yaml"], "pith: --output takes text, json or jsonl"),
    (["-p", ""], "pith: the pipeline description (-p) is empty"),
    (["-p", "  "], "pith: the pipeline description (-p) is empty"),
    (["--progress", "--no-progress"], "pith: --progress and --no-progress"),
    (["--text-field", ""], "pith: --text-field and --id-field take the name of a member"),
])
def test_a_usage_error_is_one_line_and_a_hint(pith, args, message):
    result = pith(*args, input=b"", check_status=2)
    lines = result.stderr.decode().splitlines()
    assert len(lines) == 2 and lines[0].startswith(message)
    assert lines[1] == "Try “pith --help” for more information."
    assert result.stdout == b""


def test_help_names_every_option_users_look_for(pith):
    help_text = pith("--help", check_status=0).stdout.decode()
    for option in ("--progress", "--no-progress", "--text-field=NAME", "--id-field=NAME"):
        assert option in help_text


def test_list_stages_and_inspect_describe_stages_fully(pith):
    listing = pith("--list-stages", check_status=0).stdout.decode()
    entities = listing[listing.index("entities"):]
    for label in ("PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT", "CARDINAL"):
        assert label in entities
    out = pith("inspect", "entities", check_status=0).stdout.decode()
    assert "Needs:        token, sentence" in out and "Gives:        entity" in out
    labels = out[out.index("Labels:"):].split("Hierarchy:")[0]
    for label in ("PER", "MISC", "DATE", "TIME", "MONEY", "QUANTITY", "ORDINAL"):
        assert label in labels
    assert "Edits text:   yes" in pith("inspect", "clean", check_status=0).stdout.decode()


def test_bad_pipeline_names_position(pith, have_regex):
    result = pith("-p", "regex ! nope", input=b"x", check_status=2)
    message = result.stderr.decode()
    assert "No stage is called “nope” at position 9" in message
    assert "^" in message
    result = pith("-p", "regex bogus=1", input=b"x", check_status=2)
    assert "has no property “bogus”" in result.stderr.decode()


def test_text_in_json_out(pith, have_regex):
    result = pith("-p", REGEX, "-o", "json", input="Putin met Erdoğan in Sochi.".encode(), check_status=0)
    doc = json.loads(result.stdout)
    assert [s["text"] for s in doc["layers"]["word"]] == ["Putin", "Erdoğan", "Sochi"]
    assert doc["layers"]["word"][1]["start"] == 10


def test_jsonl_ids_order_and_bad_lines(pith, have_regex):
    stream = jsonl(
        json.dumps({"id": "a", "text": "First Line"}),
        "{not json",
        "",
        json.dumps({"id": 7, "text": "Second"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "no-text"}),
        json.dumps({"text": "Third", "language": "en"}),
    )
    result = pith("-p", REGEX, "-i", "jsonl", input=stream, check_status=1)
    lines = [json.loads(line) for line in result.stdout.decode().splitlines()]
    # One output line for each input line, the blank one included.
    assert len(lines) == 7
    assert lines[0]["id"] == "a" and lines[0]["layers"]["word"][1]["text"] == "Line"
    assert lines[1]["line"] == 2 and lines[1]["error"]["code"] == "invalid-input"
    # The place in words, without json-glib's "<data>:1:2:".
    assert lines[1]["error"]["message"].startswith("Invalid JSON at column ")
    assert "<data>" not in lines[1]["error"]["message"]
    assert lines[2]["line"] == 3 and "blank" in lines[2]["error"]["message"]
    assert lines[3]["id"] == 7 and lines[3]["text"] == "Second"
    assert lines[4]["line"] == 5 and "object" in lines[4]["error"]["message"]
    assert lines[5]["id"] == "no-text" and lines[5]["error"]["code"] == "invalid-input"
    assert lines[6]["language"] == "en"
    errors = result.stderr.decode()
    assert "<stdin>:2:" in errors and "<stdin>:5:" in errors and "<stdin>:6:" in errors


def test_one_scheme_of_error_codes(pith, tmp_path):
    result = pith("-p", "clean", "-o", "jsonl", str(tmp_path / "missing.txt"), check_status=1)
    record = json.loads(result.stdout)
    assert record["error"]["code"] == "not-found"
    unreadable = tmp_path / "locked.txt"
    unreadable.write_text("x")
    unreadable.chmod(0)
    if os.access(unreadable, os.R_OK):
        return  # root reads anything
    record = json.loads(pith("-p", "clean", "-o", "jsonl", str(unreadable), check_status=1).stdout)
    assert record["error"]["code"] == "permission-denied"


def test_jsonl_all_good_exits_zero(pith, have_regex):
    stream = jsonl(*(json.dumps({"id": i, "text": f"Doc {i}"}) for i in range(20)))
    result = pith("-p", REGEX, "-i", "jsonl", input=stream, check_status=0)
    assert [json.loads(l)["id"] for l in result.stdout.decode().splitlines()] == list(range(20))


def test_order_with_two_threads_over_10000_documents(pith, have_regex):
    stream = jsonl(*(json.dumps({"id": i, "text": f"Doc Number {i} " * (1 + i % 13)})
                     for i in range(10000)))
    two = pith("-p", REGEX, "-i", "jsonl", "--threads", "2", input=stream, check_status=0)
    one = pith("-p", REGEX, "-i", "jsonl", "--threads", "1", input=stream, check_status=0)
    assert two.stdout == one.stdout
    ids = [json.loads(line)["id"] for line in two.stdout.decode().splitlines()]
    assert ids == list(range(10000))


def test_million_line_stream_in_bounded_memory(pith, have_regex, tmp_path):
    path = tmp_path / "million.jsonl"
    with open(path, "w") as out:
        for i in range(1_000_000):
            out.write('{"id":%d,"text":"Line %d"}\n' % (i, i))
    result = pith("-p", "regex pattern=L", str(path), check_status=0)
    assert result.stdout.count(b"\n") == 1_000_000
    assert result.stdout.rsplit(b"\n", 2)[-2].startswith(b'{"id":999999,')
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # The input alone is 30 MB and the output 60 MB; memory stays flat.
    assert SANITIZED or peak_mb < 200, peak_mb


def test_invalid_utf8_and_nul_bytes(pith, have_regex, tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"Caf\xe9 in M\xfcnchen\x00 today")
    doc = json.loads(pith("-p", REGEX, "-o", "json", str(path), check_status=0).stdout)
    assert doc["text"] == "Café in München\ufffd today"
    assert doc["metadata"]["encoding"] == "windows-1252"
    assert doc["metadata"]["replaced_nul_bytes"] == 1
    assert [s["text"] for s in doc["layers"]["word"]] == ["Café", "München"]


def test_empty_document(pith, have_regex):
    doc = json.loads(pith("-p", REGEX, "-o", "json", input=b"", check_status=0).stdout)
    assert doc["text"] == ""
    assert doc["layers"]["word"] == []


def test_fifty_megabyte_single_line(pith, have_regex, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Abc def " * (50 * 1024 * 1024 // 8))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = pith("-p", "regex pattern=Zzz layer=none", "-o", "jsonl", str(path), check_status=0)
    doc = json.loads(result.stdout)
    assert len(doc["text"]) == 50 * 1024 * 1024
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert SANITIZED or peak_mb < 64 + 10 * 50, peak_mb


def test_several_files_json_array_and_missing_file(pith, have_regex, tmp_path):
    (tmp_path / "a.txt").write_text("Alpha one")
    (tmp_path / "b.txt").write_text("Beta two")
    result = pith("-p", REGEX, "-o", "json", str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"),
                  str(tmp_path / "b.txt"), check_status=1)
    docs = json.loads(result.stdout)
    assert [d.get("text") for d in docs] == ["Alpha one", None, "Beta two"]
    assert docs[1]["error"]["code"] == "not-found" or "missing.txt" in docs[1]["source"]
    assert "missing.txt" in result.stderr.decode()


def test_text_output_for_people(pith, have_regex, tmp_path):
    (tmp_path / "a.txt").write_text("Alpha one")
    (tmp_path / "b.txt").write_text("Beta two")
    out = pith("-p", REGEX, str(tmp_path / "a.txt"), str(tmp_path / "b.txt"),
               check_status=0).stdout.decode()
    assert "==> " in out and "a.txt <==" in out and "Beta two" in out


def test_pretokenized_jsonl(pith, have_regex):
    stream = jsonl(json.dumps({"id": "s", "tokens": [["EU", "rejects", "German", "call"], ["Peter"]]}))
    doc = json.loads(pith("-p", REGEX, "-i", "jsonl", "--tokens", input=stream, check_status=0).stdout)
    assert doc["text"] == "EU rejects German call\nPeter"
    assert len(doc["tokens"]) == 5 and len(doc["sentences"]) == 2
    assert [s["text"] for s in doc["layers"]["word"]] == ["German", "Peter"]


def test_raw_flag_round_trips_offsets(pith, have_regex):
    doc = json.loads(pith("-p", REGEX, "-o", "json", "--raw", input=b"Hello", check_status=0).stdout)
    assert doc["raw"] == "Hello"


def test_progress_bar_on_a_terminal_only(pith, have_regex, tmp_path):
    import os
    import pty
    import subprocess

    path = tmp_path / "many.jsonl"
    with open(path, "w") as out:
        for i in range(300_000):
            out.write('{"id":%d,"text":"Line %d of the stream"}\n' % (i, i))

    controller, terminal = pty.openpty()
    process = subprocess.Popen([pith.path, "-p", "regex pattern=Line", str(path)],
                               stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    assert process.wait() == 0
    os.close(controller)
    assert b"documents" in shown and b"/s" in shown and b"ETA" in shown

    # Not on a pipe, unless asked for: then a line at a time, for a log.
    quiet = pith("-p", "regex pattern=Line", str(path), check_status=0)
    assert quiet.stderr == b""
    logged = pith("--progress", "-p", "regex pattern=Line", str(path), check_status=0).stderr.decode()
    assert "documents" in logged and "\r" not in logged and logged.endswith("\n")


def run_on_a_terminal(command):
    import os
    import pty
    import subprocess

    controller, terminal = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    status = process.wait()
    os.close(controller)
    return status, shown.decode()


def test_error_lines_never_land_on_the_progress_line(pith, have_regex, tmp_path):
    path = tmp_path / "some-bad.jsonl"
    with open(path, "w") as out:
        for i in range(300_000):
            out.write("not json\n" if i % 20_000 == 19_999 else '{"text":"Line %d"}\n' % i)

    status, shown = run_on_a_terminal([pith.path, "-p", "regex pattern=Line", str(path)])
    assert status == 1 and "documents" in shown
    errors = [line for line in shown.replace("\r\x1b[K", "\n").replace("\r", "\n").splitlines()
              if "Invalid JSON" in line]
    assert len(errors) == 15
    # Each message starts its own line: none follows a bar on the same line.
    assert all(line.startswith("pith: ") for line in errors)
    for message in re.findall(r"[^\n]*pith: [^\n]*Invalid JSON", shown):
        assert "documents" not in message.split("\x1b[K")[-1]

    status, shown = run_on_a_terminal([pith.path, "--no-progress", "-p", "regex pattern=Line", str(path)])
    assert "documents" not in shown and shown.count("Invalid JSON") == 15


@pytest.mark.parametrize("description, missing", [
    ("clean ! summarize", "needs the “token” layer"),
    ("segment ! clean", "edits the text"),
])
def test_a_pipeline_that_cannot_work_fails_once_before_reading(pith, description, missing):
    stream = jsonl(*[json.dumps({"id": i, "text": "Some text."}) for i in range(50)])
    result = pith("-p", description, "-i", "jsonl", input=stream, check_status=2)
    assert result.stdout == b""
    message = result.stderr.decode()
    assert message.count("invalid pipeline") == 1 and missing in message and "^" in message
