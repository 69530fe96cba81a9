"""PithDocument through PyGObject: offsets in code points, layers, JSON."""

import json

from gi.repository import GLib, Json, Pith


def test_text_and_length_in_code_points():
    doc = Pith.Document.new("Erdoğan met Пути́н 🤝")
    assert doc.get_text() == "Erdoğan met Пути́н 🤝"
    assert doc.get_length() == len("Erdoğan met Пути́н 🤝")
    assert doc.get_substring(12, 18) == "Пути́н"


def test_spans_are_python_objects():
    doc = Pith.Document.new("Café in Zürich")
    doc.add_span("place", 8, 14, "LOC", 0.5)
    spans = doc.get_spans("place")
    assert len(spans) == 1
    span = spans[0]
    assert (span.start, span.end, span.text, span.label, span.score) == (8, 14, "Zürich", "LOC", 0.5)
    assert doc.get_text()[span.start:span.end] == span.text


def test_span_outside_text_raises():
    doc = Pith.Document.new("short")
    try:
        doc.add_span("x", 2, 50, None, 0)
    except GLib.Error as error:
        assert error.matches(Pith.error_quark(), Pith.Error.INVALID_INPUT)
    else:
        raise AssertionError("add_span accepted a span past the end")


def test_edits_map_back_to_raw():
    doc = Pith.Document.new("[ad_1] Putin called Erdoğan")
    doc.replace(0, 7, "")
    assert doc.get_text() == "Putin called Erdoğan"
    ok, raw_start, raw_end = doc.map_to_raw(13, 20)
    assert ok
    assert doc.get_raw()[raw_start:raw_end] == "Erdoğan"


def test_attributes():
    doc = Pith.Document.new("Recep Erdogan")
    doc.add_span("entity", 0, 13, "PER", 0)
    value = Json.Node.new(Json.NodeType.VALUE)
    value.set_int(3)
    doc.set_span_attribute("entity", 0, "entity", value)
    assert doc.get_span("entity", 0).get_attribute("entity") == 3
    assert doc.get_span_attribute("entity", 0, "entity") == 3
    # Plain Python values go in and come out as they are.
    doc.set_span_attribute("entity", 0, "aliases", ["Erdoğan", "R. Erdogan"])
    assert doc.get_span("entity", 0).attributes == {"entity": 3, "aliases": ["Erdoğan", "R. Erdogan"]}
    assert doc.get_span_attribute("entity", 0, "missing") is None


def test_json_round_trip():
    doc = Pith.Document.new("[ad] Ankara, Moscow.")
    doc.replace(0, 5, "")
    doc.set_id("a-1")
    doc.set_language("en")
    doc.add_span("entity", 0, 6, "LOC", 0.9)
    doc.add_span("sentence", 0, 15, None, 0)
    text = doc.to_json()
    back = Pith.Document.new_from_json(text, -1)
    assert back.to_json() == text
    data = json.loads(doc.to_json_full(Pith.JsonFlags.DEFAULT))
    assert data["id"] == "a-1"
    assert data["entities"][0]["text"] == "Ankara"
    assert data["entities"][0]["raw_start"] == 5
    assert "raw" not in data


def test_bytes_fall_back_to_windows_1252():
    doc = Pith.Document.new_from_bytes(GLib.Bytes.new(b"na\xefve \x93quote\x94"), None)
    assert doc.get_text() == "naïve “quote”"
    assert doc.get_metadata_string("encoding") == "windows-1252"


def test_invalid_json_raises():
    try:
        Pith.Document.new_from_json("{not json", -1)
    except GLib.Error as error:
        assert error.matches(Pith.error_quark(), Pith.Error.INVALID_INPUT)
    else:
        raise AssertionError("accepted invalid JSON")


def test_json_round_trip_keeps_the_order_of_layers_metadata_and_reports():
    """Members come back in the order they were made, not a hash table's, so
    a document read back writes the same JSON byte for byte."""
    doc = Pith.Document.new("Ankara and Moscow agreed. Baku waited.")
    names = ["summary", "keywords", "zeta", "alpha", "quote", "m"]
    for i, name in enumerate(names):
        doc.add_span(name, i, i + 3, name.upper(), 0)
    for key in ["source", "input_format", "title", "description", "author"]:
        doc.set_metadata_string(key, key + "!")
    for name in ["cleaning", "entity_groups", "summary", "zz", "aa"]:
        report = Json.Object()
        report.set_string_member("by", name)
        doc.set_report(name, report)
    text = doc.to_json_full(Pith.JsonFlags.ALL)
    data = json.loads(text)
    assert list(data["layers"]) == names
    assert list(data["metadata"]) == ["source", "input_format", "title", "description", "author"]
    assert [key for key in data if key not in ("text", "raw", "metadata", "layers")] == \
        ["cleaning", "entity_groups", "summary", "zz", "aa"]
    back = Pith.Document.new_from_json(text, -1)
    assert back.to_json_full(Pith.JsonFlags.ALL) == text
    assert Pith.Document.new_from_json(back.to_json(), -1).to_json() == back.to_json()
