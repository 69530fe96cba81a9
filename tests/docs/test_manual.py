"""The manual page renders without warnings and says what the command
does: every option of `pith --help` is documented there, and the page
documents no option the command lacks."""

import os
import re
import shutil
import subprocess

import pytest

MAN_PAGE = os.environ.get("PITH_MAN_PAGE", "")


def help_options():
    result = subprocess.run([os.environ["PITH_CLI"], "--help"], capture_output=True, text=True, check=True)
    return set(re.findall(r"--([a-z][a-z-]*)", result.stdout))


def section(name):
    # roff writes a literal hyphen as \-
    text = open(MAN_PAGE).read().replace("\\-", "-")
    match = re.search(rf"^\.SH {name}\n(.*?)(?=^\.SH )", text, re.S | re.M)
    assert match, f"no {name} section"
    return match.group(1)


def options_in(text):
    return set(re.findall(r"(?<![\w-])--([a-z][a-z-]*)", text))


def test_every_option_is_documented_and_no_other():
    assert options_in(section("OPTIONS")) == help_options()
    assert options_in(section("SYNOPSIS")) <= help_options()


def test_page_names_the_version():
    first = next(line for line in open(MAN_PAGE) if line.startswith(".TH"))
    assert f'"Pith {os.environ["PITH_VERSION"]}"' in first


def test_page_renders_without_warnings():
    if shutil.which("groff") is None:
        pytest.skip("groff is not installed")
    result = subprocess.run(["groff", "-man", "-ww", "-z", "-Tutf8", MAN_PAGE], capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_page_has_the_sections_of_a_manual():
    sections = re.findall(r"^\.SH (.+)$", open(MAN_PAGE).read(), re.M)
    for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "ENVIRONMENT", "EXAMPLES"]:
        assert section in sections


@pytest.mark.skipif(shutil.which("nroff") is None, reason="groff-base is not installed")
def test_scripts_man_shows_the_page_of_the_build_tree():
    """What the README tells a user to run before installing."""
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    result = subprocess.run([os.path.join(root, "scripts", "man"), os.environ["PITH_BUILD_ROOT"]],
                            capture_output=True, text=True, env={**os.environ, "MANPAGER": "cat", "PAGER": "cat"})
    assert result.returncode == 0, result.stderr
    shown = re.sub(r".\x08", "", result.stdout)   # overstrike, if any
    assert "SYNOPSIS" in shown and "--text-field" in shown.replace("‐", "-")
