"""The guide pages' code runs as a reader would run it, so the guides cannot
drift from the library.

For each page, in a fresh directory holding the files the pages name
(article.txt, page.html, notes.txt, corpus.jsonl, stories.jsonl.gz,
crawl.warc.gz):

- each C block that opens with a comment naming its file is saved under
  that name and compiled with warnings as errors: an executable when it
  has a main(), a plugin module otherwise;
- the page's shell blocks run in order, as one script (with the build
  tree's pith first on PATH and its pkg-config file found);
- the page's Python blocks run in order as one script, and its JavaScript
  blocks as one GJS module;
- each JSON block parses; output records validate against the schema and
  input records go through `pith -i jsonl`.
"""

import gzip
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GUIDES = ROOT / "docs" / "reference"
ARTICLES = ROOT / "examples" / "articles"
SCHEMA = json.loads((ROOT / "docs" / "pith-output.schema.json").read_text())
PAGES = sorted(GUIDES.glob("*.md"))
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.S | re.M)
FILE_COMMENT = re.compile(r"\A/\* ([\w.-]+\.c): ")
C_FLAGS = ["-Wall", "-Wextra", "-Wno-unused-parameter", "-Werror"]


def blocks(page, language):
    return [code for lang, code in BLOCK.findall(page.read_text()) if lang == language]


def warc_of(page):
    """A one-page crawl, as a .warc.gz: one gzip member a record."""
    response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page
    header = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/harbour\r\n"
              "WARC-Date: 2024-03-14T10:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
              "Content-Length: %d\r\n\r\n" % len(response)).encode()
    return gzip.compress(header + response + b"\r\n\r\n")


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copy(ARTICLES / "harbour-scraped.txt", tmp_path / "article.txt")
    shutil.copy(ARTICLES / "harbour-scraped.html", tmp_path / "page.html")
    (tmp_path / "notes.txt").write_text("Meeting notes\nThe union met the ministry.\nTalks go on.\n")
    article = (ARTICLES / "harbour-scraped.txt").read_text()
    (tmp_path / "corpus.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": article}) + "\n" for i in range(20)))
    # As the CNN/DailyMail files keep them: the text under "article".
    (tmp_path / "stories.jsonl.gz").write_bytes(gzip.compress(
        "".join(json.dumps({"id": f"s{i}", "article": article, "highlights": "Strike ends."}) + "\n"
                for i in range(3)).encode()))
    (tmp_path / "crawl.warc.gz").write_bytes(warc_of((ARTICLES / "harbour-scraped.html").read_bytes()))
    build = pathlib.Path(os.environ["PITH_BUILD_ROOT"])
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{build / 'tools'}:{os.environ['PATH']}")
    monkeypatch.setenv("PKG_CONFIG_PATH", str(build / "meson-uninstalled"))
    monkeypatch.setenv("PITH_PLUGIN_PATH", str(tmp_path))
    return tmp_path


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def pkg_config(*packages):
    return run(["pkg-config", "--cflags", "--libs", *packages]).split()


def test_every_page_is_listed_in_the_reference():
    toml = (GUIDES / "pith.toml.in").read_text()
    assert {page.name for page in PAGES} == set(re.findall(r'"([\w-]+\.md)"', toml))


def build_c_sources(page, workdir):
    """Saves and compiles the page's C blocks that name their file; gives
    the names of those it found."""
    names = []
    for code in blocks(page, "c"):
        match = FILE_COMMENT.match(code)
        if not match:
            continue
        name = match.group(1)
        (workdir / name).write_text(code)
        if re.search(r"^main \(", code, re.M):
            run(["cc", *C_FLAGS, "-o", name[:-2], name, *pkg_config("pith-1.0")])
        else:
            run(["cc", *C_FLAGS, "-shared", "-fPIC", "-o", f"lib{name[:-2]}.so", name,
                 *pkg_config("pith-1.0", "gmodule-2.0")])
        names.append(name)
    return names


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_c_programs_and_modules_compile(page, workdir):
    sources = build_c_sources(page, workdir)
    scripts = blocks(page, "sh")
    if not sources and not scripts:
        pytest.skip(f"{page.name} has no C or shell code")
    if scripts:
        if "parallel " in "".join(scripts) and shutil.which("parallel") is None:
            pytest.skip("GNU parallel is not installed")
        output = run(["bash", "-e", "-o", "pipefail", "-c", "\n".join(scripts)])
        assert output.strip(), f"{page.name}'s commands printed nothing"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_python_runs(page, workdir):
    code = blocks(page, "python")
    if not code:
        pytest.skip(f"{page.name} has no Python code")
    # The page's plugin module, for Python to load by name.
    build_c_sources(page, workdir)
    (workdir / "guide.py").write_text("\n".join(code))
    assert run([sys.executable, "guide.py"]).strip()


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_javascript_runs(page, workdir):
    code = blocks(page, "js")
    if not code:
        pytest.skip(f"{page.name} has no JavaScript")
    if shutil.which("gjs") is None:
        pytest.skip("gjs is not installed")
    (workdir / "guide.js").write_text("\n".join(code))
    assert run(["gjs", "-m", "guide.js"]).strip()


def test_readme_javascript_runs_as_written(workdir):
    """The README's GJS snippet, alone, as a new user pastes it."""
    code = blocks(ROOT / "README.md", "js")
    assert code, "the README shows GJS"
    if shutil.which("gjs") is None:
        pytest.skip("gjs is not installed")
    for number, snippet in enumerate(code):
        (workdir / f"readme-{number}.js").write_text(snippet)
        output = run(["gjs", "-m", f"readme-{number}.js"])
        assert output.strip() and "false" not in output


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.stem)
def test_json_examples_are_what_pith_reads_and_writes(page, workdir):
    examples = blocks(page, "json")
    if not examples:
        pytest.skip(f"{page.name} has no JSON")
    jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")
    validator = jsonschema.Draft202012Validator(SCHEMA)
    for example in examples:
        try:
            records = [json.loads(example)]
        except json.JSONDecodeError:
            records = [json.loads(line) for line in example.splitlines() if line.strip()]
        for record in records:
            if "error" in record or "sentences" in record or "entities" in record:
                validator.validate(record)
            else:
                output = json.loads(run([os.environ["PITH_CLI"], "-i", "jsonl", "-o", "jsonl"],
                                        input=json.dumps(record) + "\n"))
                validator.validate(output)
