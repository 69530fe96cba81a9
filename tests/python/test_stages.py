"""The built-in stages from Python: constructed with properties, chained in
code, with offsets that point into the raw input."""

from gi.repository import Pith

NOISY = "[ad_1]\n\nThe talks in GenevaThey said were “productive.”\n\nRead more: other news\n"


def test_stages_constructed_with_properties():
    pipeline = Pith.Pipeline.new()
    pipeline.append(Pith.Cleaner(glued_sentences=False, quote_style=Pith.QuoteStyle.STRAIGHTEN))
    pipeline.append(Pith.Segmenter(lines_are_sentences=True))
    doc = pipeline.process_text(NOISY)
    assert doc.get_text() == 'The talks in GenevaThey said were "productive."'
    description = pipeline.to_string()
    assert "quote-style=straighten" in description and "glued-sentences=false" in description
    again = Pith.Pipeline.new_from_string(description)
    assert again.process_text(NOISY).to_json() == doc.to_json()


def test_sentences_map_into_raw_input():
    doc = Pith.Pipeline.new_from_string("clean ! segment").process_text(NOISY)
    sentences = doc.get_spans("sentence")
    assert [s.text for s in sentences] == ["The talks in Geneva.", "They said were “productive.”"]
    raw = doc.get_raw()
    second = sentences[1]
    assert raw[second.raw_start:second.raw_end] == "They said were “productive.”"
    assert doc.get_report("cleaning").get_int_member("glued-sentence") == 1


def test_html_metadata():
    html = "<html><head><title>Talks</title><meta name='author' content='A. Reporter'></head>" \
           "<body><p>Fish &amp; chips.</p></body></html>"
    doc = Pith.Pipeline.new_from_string("clean").process_text(html)
    assert doc.get_text() == "Fish & chips."
    assert doc.get_metadata_string("title") == "Talks"
    authors = doc.get_metadata().get_array_member("authors")
    assert [authors.get_string_element(i) for i in range(authors.get_length())] == ["A. Reporter"]
    ok, raw_start, raw_end = doc.map_to_raw(5, 6)
    assert html[raw_start:raw_end] == "&amp;"


def test_cleaning_is_deterministic():
    pipeline = Pith.Pipeline.new_from_string("clean audit=true ! segment")
    first = pipeline.process_text(NOISY).to_json()
    assert all(pipeline.process_text(NOISY).to_json() == first for _ in range(5))


def test_entities_with_user_patterns(tmp_path):
    patterns = tmp_path / "patterns.jsonl"
    patterns.write_text('{"label": "PRODUCT", "pattern": "Pith Reader"}\n')
    pipeline = Pith.Pipeline.new()
    pipeline.append(Pith.Cleaner())
    pipeline.append(Pith.Segmenter())
    pipeline.append(Pith.EntityRecognizer(patterns=str(patterns), merge=Pith.EntityMerge.PATTERNS_WIN))
    doc = pipeline.process_text("Angela Merkel tried the Pith Reader in Berlin on Monday.")
    found = {(e.text, e.label) for e in doc.get_spans("entity")}
    assert {("Angela Merkel", "PER"), ("Pith Reader", "PRODUCT"), ("Berlin", "LOC"),
            ("Monday", "DATE")} <= found
    groups = doc.get_report_node("entity_groups").get_array()
    assert any(groups.get_object_element(i).get_string_member("name") == "Angela Merkel"
               for i in range(groups.get_length()))
