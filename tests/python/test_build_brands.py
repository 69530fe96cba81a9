"""tools/build-brands: which of simple-icons' names become brands the
entity stage takes for organisations. The package itself is fetched from
npm only when the list is rebuilt; the filter is tested here on its own,
and the stage's use of the list in tests/c/test-entities.c."""

import importlib.machinery
import importlib.util
import os

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")

WORDS = {"apple", "target", "twitter"}
NOUNS = ({"apple", "target", "twitter", "mermaid"}, {"Neptune", "Linux"})
CAPITALISED = {"twitter", "instagram", "neptune"}
TYPES = {"mars": {"LOC"}, "amazon": {"LOC", "ORG"}, "coca-cola": {"ORG"}}


def tool():
    loader = importlib.machinery.SourceFileLoader("build_brands", os.path.join(ROOT, "tools", "build-brands"))
    spec = importlib.util.spec_from_loader("build_brands", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def test_web_services_are_kept():
    build_brands = tool()
    # A common word the news always capitalises is the brand's name.
    for title in ("Instagram", "Twitter", "Coca-Cola"):
        assert build_brands.is_kept(title, WORDS, NOUNS, CAPITALISED, TYPES), title


def test_common_words_older_names_and_other_kinds_are_not():
    build_brands = tool()
    for title in ("Apple", "Target", "Mermaid", "Neptune", "Linux", "Mars", "Amazon", "Adblock Plus",
                  "about.me", "3M", "F1"):
        assert not build_brands.is_kept(title, WORDS, NOUNS, CAPITALISED, TYPES), title
