"""The default pipeline finds each document's language and acts on it, as
a user of `pith` sees it in JSON Lines."""

import json

GERMAN = ("Die Banken in Frankfurt haben am Freitag ihre Zinsen um 0,5 % erhöht, wie die Europäische "
          "Zentralbank mitteilte. Kanzler Olaf Scholz sagte, die Regierung werde 200 Milliarden Euro "
          "bereitstellen, und am 2022-10-15 soll ein Bericht erscheinen.")
ENGLISH = ("The Bank of England raised interest rates on Thursday, governor Andrew Bailey said in London, "
           "and warned that inflation would stay high for most of the year.")


def run_jsonl(pith, records, *args):
    stream = "".join(json.dumps(record) + "\n" for record in records).encode()
    result = pith("-i", "jsonl", "-o", "jsonl", *args, input=stream, check_status=0)
    return [json.loads(line) for line in result.stdout.decode().splitlines()]


def test_default_pipeline_detects_and_skips_the_english_model(pith):
    german, english, declared = run_jsonl(pith, [
        {"id": "de", "text": GERMAN},
        {"id": "en", "text": ENGLISH},
        {"id": "declared", "text": GERMAN, "language": "de-CH"},
    ])

    assert german["language"] == "de"
    assert german["language_detection"]["chosen"] == "text"
    assert german["entity_recognition"] == {"skipped": 'no model for "de"'}
    assert [e["label"] for e in german["entities"]] == ["PERCENT", "CARDINAL", "DATE"]

    assert english["language"] == "en"
    assert "entity_recognition" not in english
    assert {"PER", "ORG", "LOC"} <= {e["label"] for e in english["entities"]}

    assert declared["language"] == "de-CH"
    assert declared["language_detection"]["chosen"] == "both"
    assert declared["entity_recognition"] == {"skipped": 'no model for "de-CH"'}


def test_a_wrong_declaration_gives_way_to_clear_text(pith):
    (record,) = run_jsonl(pith, [{"id": 1, "text": ENGLISH, "language": "de"}])
    assert record["language"] == "en"
    assert record["language_detection"]["declared"] == "de"
    assert record["language_detection"]["chosen"] == "text"
    assert "entity_recognition" not in record


def test_text_output_lists_no_english_names_in_german(pith):
    result = pith("-i", "text", input=GERMAN.encode(), check_status=0)
    out = result.stdout.decode()
    assert "PER:" not in out and "ORG:" not in out
    assert "PERCENT: 0,5 %" in out
