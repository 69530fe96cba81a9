"""The default pipeline's output on the shared CNN articles and the shared
sample article, pinned by hash: a change of memory layout, speed or
output code must not change a byte of it. A change that means to change
results (a new model, a new rule) updates the hashes here, and says so."""

import hashlib
import json
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# The 1,000 articles of cnndm/validation.jsonl as {"id", "text"} lines,
# through `pith -i jsonl -o jsonl`. Changed by issue #18: clean restores
# five glued sentence boundaries the articles themselves carry
# (painkillers.This, AustraliaSamaritan, support."Our, Col.Tahir, ...).
# Changed again by #18's sentence rules: list items keep their markers
# ("1. Morgan is back ." instead of "1." alone), a clock time ends a
# sentence before a capitalised word ("at about 6 p.m. Along with"), and
# a film's year after its quoted title stays with it; 20 articles.
# Changed again by #18's glue evidence, through the sentence starters it
# added: "identified as Nick G. Like Africa, Nick had" is two sentences;
# one article. Changed again by #19: entities carry calibrated scores
# instead of 0, and the model is trained with lower- and upper-cased
# copies of the training documents (every article). Changed again by #19:
# an entity group takes the label its mentions are surest of together, and
# its mentions under 0.7 confidence take it too. Changed again by #19: in
# a sentence that shows case, a name needs a capital letter (425 lowercase
# "names" gone: "lens", "hull", "e.g.", "democratic"). Changed again by
# #19: every mention takes its group's label unless a sure fifth of the
# group is another entity of the name (a group of its own); a bracket a
# name does not close divides it ("(Frank) Lampard", not "Frank) Lampard").
# Changed again by #19: two models, one for sentences without case, new
# features, gazetteer, clusters and capitalisation counts (every article);
# then two conventions of news, particles in names and organisations the
# gazetteer knows ("Ferguson, Missouri", "al Qaeda", "on Facebook"); then
# scores kept in single precision; then "the Port" after "the Port of
# Valmora" no name of its own; then models without pairs of shapes.
# Changed by #20: the default pipeline has the language stage, which adds
# each article's "language" ("en") and its "language_detection" report;
# nothing else changed (the pipeline without it still gave e6fd8bfa...).
# Changed by #21: clean parts the dateline from the first sentence
# ("(CNN)" and "Share, and your gift" a paragraph apart), metadata and a
# span of its own, and the summary report counts the sentences it excluded;
# then key phrases, noun phrases and entities' names with every mention,
# instead of keywords; then the learned summary ranker (other summaries and
# their scores); then key phrases without the verbs of clauses ("women
# aged", "granted bail") and without a name inside a better one ("Real"
# after "Real Madrid"); then no verb's lemma after a plural ("teens
# drink"), no "-s" after a name ("Green thinks"), no relative pronoun;
# then the key phrases' words a verb or a noun may be decided by the
# part-of-speech guesser ("kidney coming", "coming back" out): the key
# phrases of 319 articles, nothing else (summaries unchanged); then the
# summary ranker retrained on oracle labels not capped at three sentences:
# every summary layer's scores, and the summaries of 159 articles; then
# the sentences inside a quotation no candidates (the "excluded" count of
# 583 articles), the ranker retrained on the candidates left, a pronoun
# after a summary sentence that names an entity taken alone (summaries of
# 271 articles), and an "-s" verb told from a plural by its place (the key
# phrases of 6); then a number that opens on its decimal point
# (".45-caliber") ends no sentence (9 articles, one summary); then a line
# joined with a stop of its own ("Track the storm .") no candidate and the
# ranker retrained (the summaries of 151 articles, excluded counts of 330);
# then a quotation's speaker kept in its sentence, military titles and
# capital initials (the sentences of 30 articles, their entities' offsets),
# copyright, reporter and sign-off lines no candidates (excluded counts of
# 104), and the ranker retrained with two features more, "personal" and
# "capitals" (the summaries of 190 articles), and again with
# "opens-with-name" and "question-or-exclamation" (137 more); then
# "Click the gallery…" no candidate (one summary); then the ranker with
# products of place and length with the other features, its sentences
# taken best first without MMR (the summaries of 513 articles); then a
# company's name without its legal form is that company (one mention);
# then the tagger retrained with the sports report's features (the
# entities of most articles, their labels and scores); then a name the
# tagger is unsure of that the gazetteer knows only as an organisation is
# one whatever it was called (another kind of name only when more than a
# word or a brand's), and so is a brand's (Instagram, Twitter); then a
# name after "the town of" or "cities like" is a place (Ferguson 20 times);
# then the tagger retrained with what stands around a capitalised word
# elsewhere in the document (the entities of most articles); then an
# acronym in a sentence that shows case no person (ISIS 42 times, CAGE 19);
# then the tagger retrained with the neighbours' clusters by their shapes
# (Boko Haram an organisation 86 times more), and a brand's name the
# tagger passes over an organisation (Twitter 99 times, CNN 40); then a
# nickname between a person's names one person with them (in 10 articles:
# Dwayne "The Rock" Johnson, Barbara "Batgirl" Gordon); then the tagger
# taking runs of plain words far from any other for O unsearched (the
# scores' last bits, and "the BBC's response" one name).
CNN_SHA256 = "20b3448f32c08f6a93520760e7259c864cf99c60db4f2a816304d9bcf7a9b935"
# samples/karabakh-scraped.txt on standard input, through `pith -o json`.
# Changed by #19: entity scores and the case-robust model; then the groups'
# voted labels, as above; then "“GORDON”)." standing alone is an outlet's
# credit, ORG, not a person; then the two models and their features.
# Changed by #20: "language" and "language_detection", as above; by #21,
# the summary report's "excluded", and key phrases instead of keywords;
# then the learned summary ranker; then that ranker retrained (oracle
# labels not capped at three sentences); then retrained on the candidates
# left once quotation runs are none (the summary layer's scores), and
# again once joined lines are none (the same), and again with the
# "personal" and "capitals" features, and with "opens-with-name" and
# "question-or-exclamation" (the same); then the ranker with products,
# best first (the third sentence of the summary), and the line saying
# where the news came from no candidate (the report's "excluded"). Then
# the tagger retrained with the sports report's features (the entities'
# scores; their labels are the same); then "the city of Shusha" a place
# by the convention (its score 1). Then the tagger retrained with the
# words around a name elsewhere in the document (the scores, and "Bishkek
# Protocol on Armistice" one name); then with the neighbours' clusters by
# their shapes (the scores, and "the Karabakh problem" MISC, not LOC);
# then the runs of plain words unsearched (the scores' last bits).
SAMPLE_SHA256 = "067f94ff77e7026c824dfa5767069c6f0feda8b038d7a457291810009f5d4b6f"


def shared(relative):
    path = SHARED / relative
    if not path.exists():
        pytest.skip("../shared/data/%s is absent" % relative)
    return path


def test_cnn_articles_output_is_pinned(pith, tmp_path):
    lines = []
    for line in shared("cnndm/validation.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        lines.append(json.dumps({"id": record["id"], "text": record["article"]}))
    path = tmp_path / "cnn.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = pith("-i", "jsonl", "-o", "jsonl", str(path), check_status=0)
    assert result.stdout.count(b"\n") == 1000
    assert hashlib.sha256(result.stdout).hexdigest() == CNN_SHA256


def test_sample_output_is_pinned(pith):
    data = shared("samples/karabakh-scraped.txt").read_bytes()
    result = pith("-o", "json", input=data, check_status=0)
    assert hashlib.sha256(result.stdout).hexdigest() == SAMPLE_SHA256
