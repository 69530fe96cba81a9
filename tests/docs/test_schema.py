"""The JSON the pith command writes, in every mode, validates against
docs/pith-output.schema.json; the offsets and indices the schema cannot
check point where they should; and the schema rejects output that breaks
its promises, so a validation that passes means something."""

import copy
import json
import os
import pathlib
import subprocess

import pytest

jsonschema = pytest.importorskip("jsonschema", reason="python3-jsonschema is not installed")

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "pith-output.schema.json").read_text())
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
HTML = ROOT / "examples" / "articles" / "harbour-scraped.html"
SHARED = ROOT.parent / "shared" / "data"
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

JSONL_INPUT = "\n".join([
    json.dumps({"id": "a", "text": "Angela Merkel met Emmanuel Macron in Paris on Monday. “We agree,” she said."}),
    "not json at all",
    json.dumps({"id": 7, "tokens": [["EU", "rejects", "German", "call", "."], ["Peter", "Blackburn"]]}),
    json.dumps({"text": 5}),
    json.dumps({"id": True, "text": "[ad_1]\nShares of Acme Corp rose 5% to $12.50 on 3 March.TheyFell later.",
                "language": "en", "metadata": {"feed": "wire"}}),
    json.dumps({"id": "empty", "text": ""}),
    json.dumps(["a list, not an object"]),
]) + "\n"


def pith(*args, input=None, status=(0,)):
    result = subprocess.run([os.environ["PITH_CLI"], *args], input=input,
                            capture_output=True, text=True)
    assert result.returncode in status, result.stderr
    return result.stdout


def check_offsets(document):
    """What a schema cannot say: spans lie inside the text and say its
    characters, indices point at members that exist."""
    text = document["text"]
    for member in ("sentences", "tokens", "entities"):
        for span in document.get(member, []):
            assert 0 <= span["start"] <= span["end"] <= len(text), (member, span)
    for name, spans in document.get("layers", {}).items():
        for span in spans:
            assert 0 <= span["start"] <= span["end"] <= len(text), (name, span)
            assert span["text"] == text[span["start"]:span["end"]], (name, span)
    groups = document.get("entity_groups", [])
    mentions = [0] * len(groups)
    for entity in document.get("entities", []):
        assert entity["text"] == text[entity["start"]:entity["end"]]
        if "entity" in entity:
            mentions[entity["entity"]] += 1
    assert mentions == [group["mentions"] for group in groups]
    if "raw" in document:
        for entity in document.get("entities", []):
            assert entity["raw_end"] <= len(document["raw"])
        covered = 0
        for text_start, text_length, raw_start, raw_length, identity in document.get("offset_map", []):
            assert text_start == covered
            covered += text_length
            assert raw_start + raw_length <= len(document["raw"])
        if "offset_map" in document:
            assert covered == len(text)
    for index in document.get("summary", {}).get("sentences", []):
        assert index < len(document["sentences"])


def validate(output):
    VALIDATOR.validate(output)
    for record in output if isinstance(output, list) else [output]:
        if "error" not in record:
            check_offsets(record)


def test_schema_is_a_valid_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda path: path.name)
@pytest.mark.parametrize("options", [[], ["--tokens", "--raw"], ["--pretty"]], ids=["default", "all", "pretty"])
def test_one_document(article, options):
    validate(json.loads(pith("-o", "json", *options, str(article))))


def test_several_documents_make_an_array():
    output = json.loads(pith("-o", "json", *map(str, ARTICLES), str(HTML)))
    assert isinstance(output, list) and len(output) == len(ARTICLES) + 1
    validate(output)


def test_html_with_its_metadata():
    output = json.loads(pith("-i", "html", "-o", "json", "--raw", str(HTML)))
    validate(output)
    assert output["metadata"]["title"]


def test_audit_report_and_user_layers():
    pipeline = "clean audit=true ! segment ! entities ! summarize sentences=2"
    output = json.loads(pith("-p", pipeline, "-o", "json", "--raw", str(ARTICLES[0])))
    validate(output)
    assert output["cleaning"]["changes"]


def test_json_lines_with_errors_numbers_and_tokens():
    lines = pith("-i", "jsonl", "-o", "jsonl", "--tokens", input=JSONL_INPUT, status=(1,)).splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 7
    for record in records:
        validate(record)
    assert [("error" in record) for record in records] == [False, True, False, True, False, False, True]
    assert records[2]["id"] == 7 and records[4]["id"] is True
    assert records[4]["metadata"]["feed"] == "wire"


def test_sample_article_from_the_shared_data():
    sample = SHARED / "samples" / "karabakh-scraped.txt"
    if not sample.exists():
        pytest.skip(f"{sample} is not there")
    validate(json.loads(pith("-o", "json", "--tokens", "--raw", str(sample))))


def test_news_articles_from_the_shared_data():
    corpus = SHARED / "cnndm" / "validation.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is not there")
    with corpus.open() as lines:
        records = [json.loads(next(lines)) for _ in range(100)]
    jsonl = "".join(json.dumps({"id": record["id"], "text": record["article"]}) + "\n" for record in records)
    for line in pith("-i", "jsonl", "-o", "jsonl", "--raw", input=jsonl).splitlines():
        validate(json.loads(line))


BROKEN = {
    "start as a string": lambda d: d["sentences"][0].update(start="0"),
    "negative end": lambda d: d["sentences"][0].update(end=-1),
    "entity without label": lambda d: d["entities"][0].pop("label"),
    "entity without raw location": lambda d: d["entities"][0].pop("raw_start"),
    "label with a space": lambda d: d["entities"][0].update(label="A B"),
    "group without mentions": lambda d: d["entity_groups"][0].pop("mentions"),
    "unknown cleaning kind": lambda d: d["cleaning"].update(tidying=1),
    "summary sentence not an index": lambda d: d["summary"]["sentences"].append("first"),
    "key phrase with another label": lambda d: d["layers"]["keyphrases"][0].update(label="SUMMARY"),
    "no text": lambda d: d.pop("text"),
    "document with an error": lambda d: d.update(error={"code": "failed", "message": "no"}),
    "offset piece too short": lambda d: d["offset_map"][0].pop(),
}


@pytest.mark.parametrize("name", BROKEN)
def test_schema_rejects_broken_output(name):
    document = json.loads(pith("-o", "json", "--raw", str(ARTICLES[0])))
    VALIDATOR.validate(document)
    broken = copy.deepcopy(document)
    BROKEN[name](broken)
    assert not VALIDATOR.is_valid(broken), name


def test_schema_rejects_broken_error_records():
    record = {"line": 2, "error": {"code": "invalid-input", "message": "Invalid JSON"}}
    VALIDATOR.validate(record)
    assert not VALIDATOR.is_valid({**record, "line": 0})
    assert not VALIDATOR.is_valid({**record, "error": {"code": "invalid-input"}})
    assert not VALIDATOR.is_valid({**record, "text": "half a document"})
