#!/usr/bin/env python3
"""Chain Pith stages from Python, with a stage written in Python among them.

    python3 examples/python/pipeline.py [ARTICLE]

The Python stage marks quoted speech; it is registered by name and then used
in a pipeline description between stages written in C.
"""

import sys
from pathlib import Path

import gi

gi.require_version("Pith", "1.0")
from gi.repository import GLib, Pith  # noqa: E402


class QuoteFinder(Pith.Stage):
    """Marks text between typographic quotes as a "quote" layer."""

    __gtype_name__ = "ExampleQuoteFinder"

    def do_process(self, document, cancellable):
        text = document.get_text()
        start = text.find("“")
        while start >= 0:
            end = text.find("”", start + 1)
            if end < 0:
                break
            document.add_span("quote", start, end + 1, "QUOTE", 0.0)
            start = text.find("“", end + 1)
        return True


# Stages that exist in this build, in the order a news pipeline runs them;
# the Python stage goes after cleaning, whatever else is there.
def build_description(registry):
    available = registry.list_stages()
    before = [name for name in ("clean", "segment") if name in available]
    after = [name for name in ("entities",) if name in available]
    if "regex" in available:
        after.append(r'regex pattern="\$\d+(?:\.\d+)? (?:million|billion)" layer=money label=MONEY')
    return " ! ".join(before + ["quotes"] + after)


def main():
    default = Path(__file__).resolve().parent.parent / "articles" / "harbour-scraped.txt"
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else default

    registry = Pith.Registry.get_default()
    registry.register_stage("quotes", QuoteFinder.__gtype__)
    description = build_description(registry)
    print(f"pipeline: {description}")

    pipeline = Pith.Pipeline.new_from_string(description)
    try:
        document = pipeline.process_text(path.read_text(encoding="utf-8"))
    except GLib.Error as error:
        print(f"{path}: {error.message}", file=sys.stderr)
        return 1

    for layer in document.list_layers():
        spans = document.get_spans(layer)
        print(f"{layer}: {len(spans)} spans")
        if layer not in ("token", "sentence"):
            for span in spans:
                print(f"  {span.label or '-':8} {span.text!r} raw {span.raw_start}-{span.raw_end}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
