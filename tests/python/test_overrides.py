"""The Python overrides (bindings/python/gi/overrides/Pith.py): what a
Python user writes instead of the C-shaped calls, and that it gives the
same results as those calls."""

import asyncio
import itertools
import json

import pytest
from gi.repository import GLib, Pith

ARTICLE = ("[ad_1]\nAngela Merkel met Emmanuel Macron in Berlin on Monday. "
           "They spoke for two hours. Merkel said the talks went well.\n")
DEFAULT = "clean ! language ! segment ! entities ! summarize"


def test_the_overrides_are_loaded():
    assert type(Pith.Pipeline()).__module__ == "gi.overrides.Pith"
    assert type(Pith.Document.new("x")).__module__ == "gi.overrides.Pith"


def test_pipeline_from_a_description():
    pipeline = Pith.Pipeline("clean ! segment")
    assert str(pipeline) == "clean ! segment"
    assert len(pipeline) == 2
    assert [stage.get_name() for stage in pipeline] == ["clean", "segment"]


def test_pipeline_description_errors_are_glib_errors():
    with pytest.raises(GLib.Error) as info:
        Pith.Pipeline("clean ! nope")
    assert info.value.matches(Pith.error_quark(), Pith.Error.UNKNOWN_STAGE)


def test_pipeline_properties_with_a_description():
    pipeline = Pith.Pipeline("clean", max_bytes=10)
    assert pipeline.get_max_bytes() == 10
    with pytest.raises(GLib.Error) as info:
        pipeline.process_text("far more than ten bytes of text")
    assert info.value.matches(Pith.error_quark(), Pith.Error.LIMIT_EXCEEDED)


def test_empty_pipeline_then_stages():
    pipeline = Pith.Pipeline()
    assert len(pipeline) == 0
    pipeline.append(Pith.Registry.get_default().create_stage("segment"))
    assert len(pipeline.process_text("One. Two.").sentences) == 2


def test_document_layers_as_lists_of_spans():
    doc = Pith.Pipeline(DEFAULT).process_text(ARTICLE)
    text = str(doc)

    assert text == doc.get_text()
    assert len(doc) == len(text)
    assert doc.sentences == list(doc.get_spans("sentence"))
    assert [s.text for s in doc.sentences][0] == "Angela Merkel met Emmanuel Macron in Berlin on Monday."
    assert ("PER", "Angela Merkel") in [(e.label, e.text) for e in doc.entities]
    assert ("LOC", "Berlin") in [(e.label, e.text) for e in doc.entities]
    for span in doc.entities + doc.sentences + doc.tokens + doc.summary:
        assert text[span.start:span.end] == span.text
    assert 0 < len(doc.summary) <= len(doc.sentences)
    assert all(span.score > 0 for span in doc.summary)


def test_spans_compare_by_value_and_print_readably():
    doc = Pith.Pipeline("segment").process_text("Paris is big.")
    again = doc.get_spans("token")
    assert doc.tokens == list(again) and doc.tokens[0] is not again[0]
    assert doc.tokens[0] != doc.tokens[1]
    assert len({doc.tokens[0], again[0]}) == 1
    assert repr(doc.tokens[0]) == "<Pith.Span 0:5 'Paris'>"


def test_layers_a_stage_has_not_made_are_empty():
    doc = Pith.Document.new("No stages ran.")
    assert doc.sentences == [] and doc.entities == [] and doc.summary == [] and doc.tokens == []


def test_to_dict_is_the_json_form():
    doc = Pith.Pipeline(DEFAULT).process_text(ARTICLE)
    assert doc.to_dict() == json.loads(doc.to_json_full(Pith.JsonFlags.DEFAULT))
    assert "tokens" not in doc.to_dict() and "raw" not in doc.to_dict()
    everything = doc.to_dict(tokens=True, raw=True)
    assert everything == json.loads(doc.to_json_full(Pith.JsonFlags.ALL))
    assert everything["raw"].startswith("[ad_1]")
    assert "Angela Merkel" in [group["name"] for group in everything["entity_groups"]]


def test_process_iter_is_lazy_and_keeps_order():
    pipeline = Pith.Pipeline("segment")
    endless = (f"Sentence {i}. And another." for i in itertools.count())
    results = pipeline.process_iter(endless, threads=2, chunk_size=7)
    first = list(itertools.islice(results, 20))
    # Places in the whole input, across chunks.
    assert [r.get_index() for r in first] == list(range(20))
    assert [str(r.get_document()).split(".")[0] for r in first] == [f"Sentence {i}" for i in range(20)]
    assert all(len(r.get_document().sentences) == 2 for r in first)


def test_process_iter_goes_on_after_a_bad_document():
    pipeline = Pith.Pipeline("segment", max_bytes=40)
    texts = ["Short one.", "x" * 100, "Short two.", Pith.Document.new("A document, not a text.")]
    results = list(pipeline.process_iter(texts))
    assert [r.get_error() is None for r in results] == [True, False, True, True]
    assert results[1].get_error().matches(Pith.error_quark(), Pith.Error.LIMIT_EXCEEDED)
    assert results[3].get_document() is texts[3]


def test_process_iter_rejects_empty_chunks():
    with pytest.raises(ValueError):
        next(Pith.Pipeline("segment").process_iter(["x"], chunk_size=0))


def test_await_process_async():
    pipeline = Pith.Pipeline(DEFAULT)

    async def both():
        docs = [Pith.Document.new(ARTICLE), Pith.Document.new("Boris Johnson visited Kyiv.")]
        return await asyncio.gather(*(pipeline.process_async(doc) for doc in docs)), docs

    (first, second), docs = asyncio.run(both())
    assert first is docs[0] and second is docs[1]
    assert "Kyiv" in [e.text for e in second.entities]
    assert first.to_dict() == Pith.Pipeline(DEFAULT).process_text(ARTICLE).to_dict()


def test_await_process_async_raises_glib_errors():
    pipeline = Pith.Pipeline("segment", max_bytes=5)

    async def run():
        await pipeline.process_async(Pith.Document.new("longer than five bytes"))

    with pytest.raises(GLib.Error) as info:
        asyncio.run(run())
    assert info.value.matches(Pith.error_quark(), Pith.Error.LIMIT_EXCEEDED)


def test_process_async_with_a_callback_is_still_gio():
    pipeline = Pith.Pipeline("segment")
    doc = Pith.Document.new("One. Two.")
    loop = GLib.MainLoop()
    outcome = {}

    def done(source, result, data):
        outcome["ok"] = source.process_finish(result)
        outcome["data"] = data
        loop.quit()

    pipeline.process_async(doc, None, done, "user data")
    loop.run()
    assert outcome == {"ok": True, "data": "user data"}
    assert len(doc.sentences) == 2


def test_process_batch_and_async_take_texts():
    pipeline = Pith.Pipeline("clean ! segment ! entities")
    results = pipeline.process_batch(["Angela Merkel spoke.", Pith.Document.new("Paris woke.")])
    assert [r.get_index() for r in results] == [0, 1]
    assert [e.text for e in results[0].get_document().entities] == ["Angela Merkel"]

    async def run():
        return await pipeline.process_async("Boris Johnson visited Kyiv.")

    doc = asyncio.run(run())
    assert "Kyiv" in [e.text for e in doc.entities]


def test_metadata_reports_and_groups_are_python_values():
    page = ("<html lang='de'><head><title>Fähre | Seebote</title></head><body><article>"
            "<h1>Neue Fähre</h1><p>Angela Merkel fuhr mit der neuen Fähre über den See, "
            "sagte die Gemeinde am Montag in Konstanz.</p></article></body></html>")
    doc = Pith.Pipeline(DEFAULT).process_text(page)
    assert isinstance(doc.metadata, dict)
    assert doc.metadata["title"] == "Neue Fähre" and doc.metadata["language"] == "de"
    assert isinstance(doc.report("cleaning"), dict)
    assert isinstance(doc.report("cleaning")["html"]["dropped"], dict)
    assert doc.report("no-such-stage") is None
    # A German page: the English entity model does not run, and says so.
    assert doc.report("entity_recognition") == {"skipped": 'no model for "de"'}
    assert doc.report("language_detection")["chosen"] == "both"
    assert doc.entities == []
    english = Pith.Pipeline(DEFAULT).process_text(
        "Angela Merkel crossed the lake on the new ferry, the town of Konstanz said on Monday.")
    groups = english.entity_groups
    assert english.report("entity_recognition") is None
    assert isinstance(groups, list) and isinstance(groups[0], dict)
    assert {"name", "label", "mentions"} <= set(groups[0])
    assert all(isinstance(k["text"], str) and all(isinstance(m, Pith.Span) for m in k["mentions"])
               for k in english.keyphrases)
    assert english.keyphrases and english.keyphrases[0]["mentions"]


def test_a_sentences_entities_and_an_entitys_sentence():
    doc = Pith.Pipeline(DEFAULT).process_text(
        "Angela Merkel met Emmanuel Macron in Paris. Later, Boris Johnson flew to Kyiv.")
    first, second = doc.sentences
    assert [e.text for e in doc.spans_in("entity", first.start, first.end)] == \
        ["Angela Merkel", "Emmanuel Macron", "Paris"]
    assert [e.text for e in doc.spans_in("entity", second.start, second.end)] == ["Boris Johnson", "Kyiv"]
    kyiv = doc.entities[-1]
    assert doc.spans_around("sentence", kyiv.start, kyiv.end) == [second]
    assert doc.spans_in("entity", 5, 3) == [] and doc.spans_in("no-layer", 0, 10) == []


def test_a_python_stage_that_raises_keeps_its_message(capfd):
    class Raising(Pith.Stage):
        __gtype_name__ = "RaisingStage"

        def do_process(self, document, cancellable):
            raise ValueError("bad doc")

    pipeline = Pith.Pipeline()
    pipeline.append(Raising())
    with pytest.raises(GLib.Error) as caught:
        pipeline.process_text("x")
    assert caught.value.matches(Pith.error_quark(), Pith.Error.FAILED)
    assert caught.value.message == "bad doc"
    assert "CRITICAL" not in capfd.readouterr().err


def test_pipelines_that_cannot_work_fail_when_built():
    for description, missing in [("clean ! summarize", "“token”"), ("segment ! clean", "must come before")]:
        with pytest.raises(GLib.Error) as caught:
            Pith.Pipeline(description)
        assert caught.value.matches(Pith.error_quark(), Pith.Error.INVALID_PIPELINE)
        assert missing in caught.value.message and "^" in caught.value.message
    # A pipeline that starts by reading layers gets them from its input.
    Pith.Pipeline("entities ! summarize")

    class Watch(Pith.Stage):
        __gtype_name__ = "WatchDeclared"
        needs = ["entity"]
        gives = ["watch"]

        def do_process(self, document, cancellable):
            return True

    Pith.Registry.get_default().register_stage("watch-declared", Watch.__gtype__)
    Pith.Pipeline("clean ! segment ! entities ! watch-declared")
    with pytest.raises(GLib.Error) as caught:
        Pith.Pipeline("clean ! segment ! watch-declared")
    assert "put “entities” before it" in caught.value.message
    built = Pith.Pipeline()
    built.append(Pith.Cleaner())
    built.append(Watch())
    with pytest.raises(GLib.Error):
        built.validate()


def test_stages_list_the_labels_they_give():
    entities = Pith.Registry.get_default().create_stage("entities", [], [])
    assert {"PER", "ORG", "LOC", "MISC", "DATE", "MONEY"} <= set(entities.get_labels())
    assert Pith.Segmenter().get_labels() == []

    class Tagger(Pith.Stage):
        __gtype_name__ = "TaggerWithLabels"
        needs = ["token"]
        gives = ["tag"]
        labels = ["GOOD", "BAD"]

        def do_process(self, document, cancellable):
            return True

    assert Tagger().get_labels() == ["GOOD", "BAD"]
