"""tools/build-brands: which of simple-icons' titles become brands the
entity stage takes for organisations. The package itself is fetched from
npm only when the list is rebuilt; the filter is tested here on its own,
and the stage's use of the list in tests/c/test-entities.c."""

import importlib.machinery
import importlib.util
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")


def tool():
    loader = importlib.machinery.SourceFileLoader("build_brands", os.path.join(ROOT, "tools", "build-brands"))
    spec = importlib.util.spec_from_loader("build_brands", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_web_services_are_kept():
    build_brands = tool()
    assert build_brands.is_kept("Instagram", {"apple"}, {"neptune"}, {})
    assert build_brands.is_kept("Coca-Cola", {"apple"}, {"neptune"}, {"coca-cola": {"ORG"}})


def test_common_words_older_nouns_and_other_names_are_not():
    build_brands = tool()
    words, nouns, types = {"apple", "target"}, {"neptune", "linux"}, {"mars": {"LOC"}, "amazon": {"LOC", "ORG"}}
    for title in ("Apple", "Target", "Neptune", "Linux", "Mars", "Amazon", "Adblock Plus", "about.me", "3M", "F1"):
        assert not build_brands.is_kept(title, words, nouns, types), title
