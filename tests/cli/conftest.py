"""The pith command, run as a user runs it; no introspection needed, so
this suite also runs against the AddressSanitizer build."""

import os
import subprocess

import pytest


@pytest.fixture(scope="session")
def pith():
    path = os.environ.get("PITH_CLI")
    if not path:
        pytest.skip("PITH_CLI is not set; run through meson test")

    def run(*args, input=None, check_status=None):
        result = subprocess.run([path, *args], input=input, capture_output=True)
        if check_status is not None:
            assert result.returncode == check_status, result.stderr.decode(errors="replace")
        return result

    run.path = path
    return run


@pytest.fixture(scope="session")
def have_regex(pith):
    listing = pith("--list-stages", check_status=0).stdout.decode()
    if "regex" not in listing.split():
        pytest.skip("examples/plugin (the regex stage) is not built")
    return True
