"""The examples run as a user would run them, against the build tree."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(os.environ["PITH_EXAMPLES_DIR"])
ARTICLE = EXAMPLES / "articles" / "harbour-scraped.txt"


def run(*args):
    return subprocess.run(args, capture_output=True, text=True, timeout=120)


def test_python_example_uses_python_stage_by_name():
    result = run(sys.executable, str(EXAMPLES / "python" / "pipeline.py"), str(ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "quotes" in result.stdout.splitlines()[0]
    assert "“a first step, not the last word.”" in result.stdout
    assert "MONEY    '$12 million'" in result.stdout


def test_c_async_example():
    example = os.environ["PITH_ASYNC_EXAMPLE"]
    result = run(example, "--pipeline", r'regex pattern="\d[\d,]*" layer=number', str(ARTICLE))
    assert result.returncode == 0, result.stderr
    assert "number: " in result.stdout and "4,200" in result.stdout


def test_c_async_example_cancels():
    example = os.environ["PITH_ASYNC_EXAMPLE"]
    result = run(example, "--timeout", "0", "--pipeline", "regex pattern=x", str(ARTICLE))
    assert result.returncode == 3
    assert result.stdout.strip() == "cancelled"


@pytest.mark.skipif(shutil.which("gjs") is None, reason="gjs is not installed")
def test_gjs_example():
    result = run("gjs", "-m", str(EXAMPLES / "gjs" / "pipeline.js"), str(ARTICLE),
                 r'regex pattern="Port \w+"')
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["layers"]["match"] == ["Port workers", "Port of", "Port Aldren"]


def test_plugin_module_from_cli():
    result = run(os.environ["PITH_CLI"], "-p", r'regex pattern="#\w+" layer=tag', "-o", "json",
                 str(EXAMPLES / "articles" / "harbour-scraped.txt"))
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["layers"]["tag"] == []


@pytest.mark.skipif("PITH_VALA_EXAMPLE" not in os.environ,
                    reason="the Vala example is not built (valac or the .vapi missing)")
def test_vala_example_matches_the_cli():
    result = run(os.environ["PITH_VALA_EXAMPLE"], str(ARTICLE))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    summary_at = lines.index("summary:")
    entities = [tuple(line.split("\t")) for line in lines[:summary_at]]
    summary = [line.strip() for line in lines[summary_at + 1:]]

    cli = run(os.environ["PITH_CLI"], "-o", "json", str(ARTICLE))
    assert cli.returncode == 0, cli.stderr
    doc = json.loads(cli.stdout)
    assert entities == [(e.get("label", "-"), e["text"]) for e in doc["entities"]]
    assert ("LOC", "Valmora") in entities or any(label == "PER" for label, _ in entities)
    assert summary and summary == [doc["text"][s["start"]:s["end"]] for s in doc["layers"]["summary"]]


def test_vala_example_reports_a_missing_file():
    if "PITH_VALA_EXAMPLE" not in os.environ:
        pytest.skip("the Vala example is not built")
    result = run(os.environ["PITH_VALA_EXAMPLE"], "/nonexistent/article.txt")
    assert result.returncode == 1
    assert "/nonexistent/article.txt" in result.stderr


def _dask_available():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        return False
    return True


@pytest.mark.skipif(not _dask_available(), reason="python3-dask and python3-distributed are not installed")
def test_dask_example_matches_the_cli(tmp_path):
    """Two worker processes over a corpus with bad lines, blank lines, and
    number ids: the output is the pith command's, line for line."""
    text = ARTICLE.read_text(encoding="utf-8")
    corpus = tmp_path / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for i in range(240):
            if i == 17:
                out.write("not json\n")
            elif i == 40:
                out.write("\n")
            elif i == 55:
                out.write(json.dumps({"id": 55, "text": 3}) + "\n")
            else:
                record_id = i if i % 3 == 0 else f"doc-{i}"
                out.write(json.dumps({"id": record_id, "text": text[: (i * 97) % len(text) + 50]}) + "\n")

    output = tmp_path / "out.jsonl"
    result = run(sys.executable, str(EXAMPLES / "dask" / "pith_dask.py"), str(corpus), str(output),
                 "--workers", "2", "--partition-lines", "40")
    assert result.returncode == 0, result.stderr
    cli = run(os.environ["PITH_CLI"], "-i", "jsonl", "-o", "jsonl", str(corpus))
    assert cli.returncode == 1  # some records failed, as they should
    assert output.read_text(encoding="utf-8").splitlines() == cli.stdout.splitlines()
    assert len(cli.stdout.splitlines()) == 240
    assert '"line":18,"error"' in cli.stdout
