"""Entity groups as a reader sees them: one entity, one label. A group's
label is the one its mentions are surest of together, and every mention
carries its group's label; a name listed twice is two entities (the city
and the team), each under its own label."""

import collections
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "data"
NAMES = {"PER", "ORG", "LOC", "MISC"}


def entities_and_groups(pith, data):
    document = json.loads(pith("-o", "json", input=data, check_status=0).stdout)
    mentions = [e for e in document["entities"] if e["label"] in NAMES]
    return mentions, document["entity_groups"]


def assert_one_label_per_group(mentions, groups):
    for mention in mentions:
        assert mention["label"] == groups[mention["entity"]]["label"], mention
    listed = collections.Counter((group["name"], group["label"]) for group in groups)
    assert all(count == 1 for count in listed.values()), listed
    counted = collections.Counter(mention["entity"] for mention in mentions)
    for index, group in enumerate(groups):
        assert counted[index] == group["mentions"], (group, counted[index])


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
