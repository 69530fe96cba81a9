"""Stages written in Python, pipeline strings, async and batches."""

import threading

import pytest
from gi.repository import GLib, Pith


class Quotes(Pith.Stage):
    """Marks quoted speech between typographic quotes as a "quote" layer."""

    __gtype_name__ = "TestPyQuotes"

    def do_process(self, doc, cancellable):
        text = doc.get_text()
        start = text.find("“")
        while start >= 0:
            end = text.find("”", start + 1)
            if end < 0:
                break
            doc.add_span("quote", start, end + 1, "QUOTE", 0)
            start = text.find("“", end + 1)
        return True


class Refuse(Pith.Stage):
    __gtype_name__ = "TestPyRefuse"

    def do_process(self, doc, cancellable):
        if "refuse" in doc.get_text():
            raise GLib.Error.new_literal(Pith.error_quark(), "refused by Python",
                                         Pith.Error.INVALID_INPUT)
        return True


@pytest.fixture(scope="module", autouse=True)
def registered():
    registry = Pith.Registry.get_default()
    assert registry.register_stage("quotes", Quotes.__gtype__)
    assert registry.register_stage("refuse", Refuse.__gtype__)


def have_regex():
    return Pith.Registry.get_default().lookup("regex") != 0


def test_python_stage_by_name():
    pipeline = Pith.Pipeline.new_from_string("quotes")
    doc = pipeline.process_text("He said “we agree” and left.")
    assert [s.text for s in doc.get_spans("quote")] == ["“we agree”"]
    assert pipeline.get_stage(0).get_name() == "quotes"


@pytest.mark.skipif(not have_regex(), reason="examples/plugin not built")
def test_python_stage_between_c_stages():
    pipeline = Pith.Pipeline.new_from_string(
        'regex pattern="[A-Z]{2,}" layer=acronym ! quotes ! regex pattern="[0-9]+" layer=number')
    doc = pipeline.process_text("NATO said “30 jets” were ready.")
    assert [s.text for s in doc.get_spans("acronym")] == ["NATO"]
    assert [s.text for s in doc.get_spans("quote")] == ["“30 jets”"]
    assert [s.text for s in doc.get_spans("number")] == ["30"]


def test_python_error_reaches_caller():
    pipeline = Pith.Pipeline.new_from_string("quotes ! refuse")
    with pytest.raises(GLib.Error) as info:
        pipeline.process_text("we refuse")
    assert info.value.matches(Pith.error_quark(), Pith.Error.INVALID_INPUT)
    assert "refused by Python" in info.value.message


@pytest.mark.parametrize("description, code, column", [
    ("quotes ! nope", Pith.Error.UNKNOWN_STAGE, 10),
    ("quotes !", Pith.Error.INVALID_PIPELINE, 9),
    ("quotes colour=red", Pith.Error.INVALID_PROPERTY, 8),
    ('quotes ! quotes x="open', Pith.Error.INVALID_PIPELINE, 19),
])
def test_pipeline_string_errors(description, code, column):
    with pytest.raises(GLib.Error) as info:
        Pith.Pipeline.new_from_string(description)
    assert info.value.matches(Pith.error_quark(), code)
    assert f"position {column}" in info.value.message


def test_process_async_on_main_loop():
    pipeline = Pith.Pipeline.new_from_string("quotes")
    doc = Pith.Document.new("“async”")
    loop = GLib.MainLoop()
    outcome = {}

    def done(source, result):
        outcome["ok"] = source.process_finish(result)
        outcome["thread"] = threading.current_thread()
        loop.quit()

    pipeline.process_async(doc, None, done)
    GLib.timeout_add_seconds(10, loop.quit)
    loop.run()
    assert outcome["ok"] is True
    assert outcome["thread"] is threading.main_thread()
    assert doc.get_n_spans("quote") == 1


def test_batch_on_threads_keeps_order_and_errors():
    pipeline = Pith.Pipeline.new_from_string("quotes ! refuse")
    docs = [Pith.Document.new(f"“{i}” {'refuse' if i % 5 == 0 else 'fine'}") for i in range(200)]
    seen = []
    results = pipeline.process_batch(docs, 2, None, lambda done, total: seen.append((done, total)))
    assert len(results) == 200
    for i, result in enumerate(results):
        assert result.get_index() == i
        assert result.get_document() is docs[i]
        if i % 5 == 0:
            assert result.get_error().message == "refused by Python"
            with pytest.raises(GLib.Error):
                result.check()
        else:
            assert result.get_error() is None
            assert result.get_document().get_spans("quote")[0].text == f"“{i}”"
    assert seen[-1] == (200, 200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_batch_async_reports_progress_in_main_context():
    pipeline = Pith.Pipeline.new_from_string("quotes")
    docs = [Pith.Document.new("“x”") for _ in range(50)]
    loop = GLib.MainLoop()
    progress = []
    outcome = {}

    # PyGObject passes the progress function's user data, if any, after
    # the two counts.
    def on_progress(done, total, *user_data):
        progress.append((done, threading.current_thread()))

    def done(source, result):
        outcome["results"] = source.process_batch_finish(result)
        loop.quit()

    pipeline.process_batch_async(docs, 2, None, on_progress, callback=done)
    GLib.timeout_add_seconds(10, loop.quit)
    loop.run()
    assert len(outcome["results"]) == 50
    assert progress[-1][0] == 50
    assert all(thread is threading.main_thread() for _, thread in progress)


def test_cancelled_batch_raises():
    from gi.repository import Gio

    pipeline = Pith.Pipeline.new_from_string("quotes")
    cancellable = Gio.Cancellable()
    cancellable.cancel()
    with pytest.raises(GLib.Error) as info:
        pipeline.process_batch([Pith.Document.new("a")], 1, cancellable, None)
    assert info.value.matches(Gio.io_error_quark(), Gio.IOErrorEnum.CANCELLED)


def test_registry_lists_python_stage():
    assert "quotes" in Pith.Registry.get_default().list_stages()


def test_every_gir_function_resolves():
    """A symbol missing its export macro would only fail when called."""
    import ctypes
    import os
    import xml.etree.ElementTree as tree

    gir = os.path.join(os.environ["PITH_BUILD_PLUGIN_DIR"], "Pith-1.0.gir")
    library = ctypes.CDLL(os.path.join(os.environ["PITH_BUILD_PLUGIN_DIR"], "libpith-1.0.so"))
    ns = {"c": "http://www.gtk.org/introspection/c/1.0"}
    callables = ("function", "method", "constructor")
    symbols = [element.get("{%s}identifier" % ns["c"])
               for element in tree.parse(gir).iter()
               if element.tag.rsplit("}", 1)[-1] in callables]
    assert len(symbols) > 50
    missing = [s for s in symbols if not hasattr(library, s)]
    assert missing == []
