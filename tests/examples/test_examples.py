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
