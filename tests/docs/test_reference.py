"""Every symbol the library exports is in the introspection data, where
gi-docgen check holds it to a documentation comment, and the reference
built from it has a page for every class and a guide for every page it
links."""

import os
import pathlib
import re
import shutil
import subprocess
import xml.etree.ElementTree as tree

import pytest

GIR = pathlib.Path(os.environ.get("PITH_GIR", ""))
C_NS = "{http://www.gtk.org/introspection/c/1.0}"
CORE_NS = "{http://www.gtk.org/introspection/core/1.0}"


def exported_symbols():
    if shutil.which("nm") is None:
        pytest.skip("nm is not installed")
    output = subprocess.run(["nm", "-D", "--defined-only", os.environ["PITH_LIBRARY"]],
                            capture_output=True, text=True, check=True).stdout
    return {fields[2] for fields in (line.split() for line in output.splitlines())
            if len(fields) == 3 and fields[1] in "TDBR"}


def gir_symbols():
    root = tree.parse(GIR).getroot()
    symbols = {element.get(C_NS + "identifier") for element in root.iter()} - {None}
    # get_type functions are named as attributes of their types.
    get_type = "{http://www.gtk.org/introspection/glib/1.0}get-type"
    return symbols | {element.get(get_type) for element in root.iter() if element.get(get_type)}


def test_every_exported_symbol_is_introspected():
    exported = exported_symbols()
    assert len(exported) > 100
    missing = sorted(exported - gir_symbols())
    assert missing == [], f"exported but not in the GIR, so not documented: {missing}"


def test_every_introspected_symbol_has_a_comment():
    root = tree.parse(GIR).getroot()
    # A class struct's callbacks are its fields, documented in its comment.
    fields = {callback for field in root.iter(CORE_NS + "field") for callback in field}
    undocumented = []
    for element in root.iter():
        if element in fields:
            continue
        tag = element.tag.replace(CORE_NS, "")
        if tag in ("class", "record", "enumeration", "bitfield", "function", "method",
                   "constructor", "property", "signal", "constant", "callback", "virtual-method"):
            if element.find(CORE_NS + "doc") is None and element.get("introspectable") != "0":
                if tag == "record" and element.get("{http://www.gtk.org/introspection/glib/1.0}is-gtype-struct-for"):
                    continue
                undocumented.append(f"{tag} {element.get('name')}")
    assert undocumented == []


def test_reference_has_every_class_and_guide():
    reference = os.environ.get("PITH_REFERENCE")
    if not reference:
        pytest.skip("the reference is not built (gi-docgen missing or -Ddocs=disabled)")
    reference = pathlib.Path(reference)
    root = tree.parse(GIR).getroot()
    for cls in root.iter(CORE_NS + "class"):
        assert (reference / f"class.{cls.get('name')}.html").exists(), cls.get("name")
    index = (reference / "index.html").read_text()
    for page in pathlib.Path(__file__).resolve().parents[2].glob("docs/reference/*.md"):
        assert f'href="{page.stem}.html"' in index, page.name
        assert (reference / f"{page.stem}.html").exists()
    for html in reference.glob("*.html"):
        for link in re.findall(r'href="([\w.-]+\.html)"', html.read_text()):
            assert (reference / link).exists(), f"{html.name} links to missing {link}"
