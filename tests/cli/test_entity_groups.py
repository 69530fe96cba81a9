"""Entity groups as a reader sees them: one entity, one label. A group's
label is the one its mentions are surest of together, and a mention the
tagger is unsure of carries its group's label."""

import collections
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
NAMES = {"PER", "ORG", "LOC", "MISC"}
UNSURE = 0.7


def entities_and_groups(pith, data):
    document = json.loads(pith("-o", "json", input=data, check_status=0).stdout)
    mentions = [e for e in document["entities"] if e["label"] in NAMES]
    return mentions, document["entity_groups"]


def assert_one_label_per_group(mentions, groups):
    votes = collections.defaultdict(collections.Counter)
    for mention in mentions:
        votes[mention["entity"]][mention["label"]] += mention["score"] if mention["score"] > 0 else 0.5
    for index, group in enumerate(groups):
        assert votes[index].most_common(1)[0][0] == group["label"], (group, votes[index])
    for mention in mentions:
        if mention["score"] < UNSURE:
            assert mention["label"] == groups[mention["entity"]]["label"], mention


def test_groups_on_a_hand_written_article(pith):
    data = (ROOT / "examples" / "articles" / "harbour-scraped.txt").read_bytes()
    mentions, groups = entities_and_groups(pith, data)
    assert mentions and groups
    assert_one_label_per_group(mentions, groups)
    # A role before a name is not an organisation.
    assert not any(m["text"] == "Transport" for m in mentions), mentions


def test_the_sample_names_nagorno_karabakh_as_one_place(pith):
    path = SHARED / "samples" / "karabakh-scraped.txt"
    if not path.exists():
        pytest.skip("../shared/data/samples is absent")
    mentions, groups = entities_and_groups(pith, path.read_bytes())
    assert_one_label_per_group(mentions, groups)
    labels = collections.Counter(m["label"] for m in mentions if m["text"] == "Nagorno-Karabakh")
    assert labels and set(labels) == {"LOC"}, labels
    listed = [g for g in groups if g["name"] == "Nagorno-Karabakh"]
    assert len(listed) == 1 and listed[0]["label"] == "LOC", listed
