"""No summary of the shared CNN articles holds what is not a summary
sentence: the dateline ("London (CNN)", glued to the first sentence as the
articles come), a caption or credit (a copyright line, where the reporters were, a
sign-off), a question to the reader, a headline or link's title joined to
the text with a stop of its own ("Track the storm ."), or a speaker's name
split from the quotation they closed ('McCrary said.')."""

import json
import re
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CAPTION = re.compile(r"(?i)^(photos?|images?|pictures?|caption|credit|video|watch|gallery):")
CREDIT = re.compile(r"(?i)^\W*(\u00a9|copyright\b|all rights reserved|thanks? (you )?for (using|reading|watching)|click )")
REPORTERS = re.compile(r"^(CNN's )?[A-Z][\w'-]*( [A-Z][\w'-]*)* (reported|wrote)( and (reported|wrote))? from ")
SPEAKER = re.compile(r"^[A-Z][\w.' -]{0,60} (said|says|asked|wrote|posted|tweeted|added)\.$")
AGENCY = re.compile(r"\((CNN|AP|AFP|Reuters|The Hollywood Reporter|WIRED|Rolling Stone)\)")


def test_no_summary_holds_a_dateline_caption_or_question(pith, tmp_path):
    corpus = SHARED / "cnndm" / "validation.jsonl"
    if not corpus.exists():
        pytest.skip("../shared/data/cnndm/validation.jsonl is absent")
    path = tmp_path / "cnn.jsonl"
    with corpus.open(encoding="utf-8") as records, path.open("w", encoding="utf-8") as out:
        for line in records:
            record = json.loads(line)
            out.write(json.dumps({"id": record["id"], "text": record["article"]}) + "\n")

    result = pith("-i", "jsonl", "-o", "jsonl", str(path), check_status=0)
    documents = [json.loads(line) for line in result.stdout.decode().splitlines()]
    assert len(documents) == 1000

    with_dateline = 0
    offending = []
    for document in documents:
        text, sentences = document["text"], document["sentences"]
        datelines = document.get("layers", {}).get("dateline", [])
        with_dateline += bool(datelines)
        for index in document["summary"]["sentences"]:
            span = sentences[index]
            sentence = text[span["start"]:span["end"]]
            if (any(d["start"] < span["end"] and span["start"] < d["end"] for d in datelines)
                    or AGENCY.search(sentence) or CAPTION.match(sentence) or CREDIT.search(sentence)
                    or REPORTERS.match(sentence) or SPEAKER.match(sentence)
                    or (sentence.endswith("?") and '"' not in sentence and "\u201c" not in sentence)
                    or re.search(r"[^\s.]\s\.$", sentence)):
                offending.append((document["id"], sentence[:80]))
    # Nearly every article opens with a dateline, which clean parts off.
    assert with_dateline >= 990
    assert offending == []
