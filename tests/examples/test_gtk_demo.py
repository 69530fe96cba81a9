"""The GTK 4 demo, in a real window on a virtual X server (Xvfb): what it
shows equals what the pith command finds, the highlights are on the screen
in their labels' colours (read from a screenshot), and the main loop keeps
running while a large article is processed."""

import json
import os
import select
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

EXAMPLES = Path(os.environ["PITH_EXAMPLES_DIR"])
ARTICLE = EXAMPLES / "articles" / "harbour-scraped.txt"
DEMO = os.environ.get("PITH_GTK_DEMO")
SCREEN = (1280, 800)

# The demo's colours (examples/gtk/pith-demo-labels.c) as RGB.
COLOURS = {"PER": (0xff, 0xc8, 0x91), "ORG": (0xa6, 0xcf, 0xff), "LOC": (0xa8, 0xe6, 0xa3),
           "DATE": (0xff, 0xf0, 0x8a)}

pytestmark = [
    pytest.mark.skipif(DEMO is None, reason="the GTK demo is not built (libgtk-4-dev missing)"),
    pytest.mark.skipif(shutil.which("Xvfb") is None, reason="Xvfb is not installed (Debian: xvfb)"),
    pytest.mark.skipif(shutil.which("import") is None, reason="ImageMagick's import is not installed"),
]


@pytest.fixture(scope="module")
def display():
    """A virtual X server on a free display, which it names itself."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                               f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
                              pass_fds=[write_end], stderr=subprocess.DEVNULL)
    os.close(write_end)
    # Xvfb writes the number, then a newline, then closes its end; closing
    # ours before the newline came would kill it with a failed write.
    number = b""
    while not number.endswith(b"\n"):
        ready, _, _ = select.select([read_end], [], [], 30)
        chunk = os.read(read_end, 32) if ready else b""
        assert chunk, "Xvfb did not start"
        number += chunk
    os.close(read_end)
    number = number.decode().strip()
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


class Demo:
    def __init__(self, display, article):
        env = dict(os.environ, DISPLAY=display, GSK_RENDERER="cairo", GTK_A11Y="none",
                   G_DEBUG="fatal-warnings,fatal-criticals")
        # No session bus: the demo must not need one.
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
        env.pop("WAYLAND_DISPLAY", None)
        self.process = subprocess.Popen([DEMO, "--report", str(article)], env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def report(self, timeout=120):
        ready, _, _ = select.select([self.process.stdout], [], [], timeout)
        assert ready, "the demo showed nothing in time"
        line = self.process.stdout.readline()
        assert line, f"the demo ended: {self.process.stderr.read()}"
        return json.loads(line)

    def close(self):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)
        stderr = self.process.stderr.read()
        assert "CRITICAL" not in stderr and "WARNING" not in stderr, stderr


def screenshot(display, path, *options):
    subprocess.run(["import", "-display", display, "-window", "root", "-depth", "8", *options, str(path)],
                   check=True, timeout=60)


def read_ppm(path):
    data = path.read_bytes()
    magic, width, height, maximum, pixels = data.split(maxsplit=4)
    assert magic == b"P6" and maximum == b"255"
    return int(width), int(height), pixels


def colour_counts(path, left, right):
    """Pixels of each label's colour between two x positions of the screen."""
    width, height, pixels = read_ppm(path)
    wanted = {bytes(rgb): label for label, rgb in COLOURS.items()}
    counts = dict.fromkeys(COLOURS, 0)
    for y in range(height):
        row = pixels[y * width * 3:(y + 1) * width * 3]
        for x in range(left, min(right, width)):
            label = wanted.get(row[x * 3:x * 3 + 3])
            if label:
                counts[label] += 1
    return counts


def cli_json(article):
    result = subprocess.run([os.environ["PITH_CLI"], "-p", "clean ! language ! segment ! entities ! summarize sentences=3",
                             "-o", "json", str(article)], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_window_shows_what_the_cli_finds_and_draws_it(display, tmp_path):
    demo = Demo(display, ARTICLE)
    try:
        shown = demo.report()
        screenshot(display, tmp_path / "demo.ppm")
        # The window alone, without the black of the empty screen.
        screenshot(display, tmp_path / "demo.png", "-trim", "+repage")
    finally:
        demo.close()

    expected = cli_json(ARTICLE)
    assert shown["characters"] == len(expected["text"])
    highlighted = {}
    for entity in expected["entities"]:
        highlighted[entity["label"]] = highlighted.get(entity["label"], 0) + entity["end"] - entity["start"]
    assert shown["highlighted_characters"] == highlighted
    assert shown["summary"] == [sentence["text"] for sentence in expected["layers"]["summary"]]
    assert sorted(shown["groups"], key=lambda group: (group["label"], group["name"])) == \
        sorted(expected["entity_groups"], key=lambda group: (group["label"], group["name"]))
    mentions = [group["mentions"] for group in shown["groups"]]
    assert mentions == sorted(mentions, reverse=True), "most mentioned first"

    # The text is on the left of the window, the lists on the right: each
    # label the article has is painted over the text in its colour.
    in_text = colour_counts(tmp_path / "demo.ppm", 0, 700)
    for label in COLOURS:
        assert in_text[label] > 300, (label, in_text)

    if os.environ.get("PITH_SCREENSHOT"):
        shutil.copy(tmp_path / "demo.png", os.environ["PITH_SCREENSHOT"])


def test_main_loop_runs_while_a_large_article_is_processed(display, tmp_path):
    article = tmp_path / "long.txt"
    text = ARTICLE.read_text()
    article.write_text("\n\n".join([text] * 1400))   # about 2 MB
    demo = Demo(display, article)
    try:
        shown = demo.report(timeout=300)
    finally:
        demo.close()
    # Sampled every 10 ms on the main loop; a pipeline run on the main
    # thread would leave at most one sample however long it took. A third
    # of the samples allows for a loaded machine.
    assert shown["characters"] > 2_000_000
    assert shown["main_loop_ticks"] >= max(10, shown["processing_ms"] / 10 / 3), shown
