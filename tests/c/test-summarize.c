/* test-summarize.c: the summarize stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

#define run pith_test_run

static const char ARTICLE[] =
  "Port workers in Valmora ended a nine-day strike on Tuesday after the ministry agreed to review pay. "
  "The union said members would return to work on Wednesday morning. "
  "Transport Minister Daniel Ferreira met union leader Ines Okafor for eleven hours. "
  "He said the review of night-shift pay would be published within 30 days. "
  "Shipping companies had warned that the strike cost the region $12 million a day. "
  "Port workers in Valmora ended a nine-day strike on Tuesday after the ministry agreed to review pay. "
  "However, seasonal staff are not covered by the agreement. "
  "The strike was the longest at the port since 2011. "
  "Fishing crews and ferry operators were hit hardest by the closure. "
  "Okafor called the deal a first step, not the last word.";

static guint
n_summary (PithDocument *document)
{
  return pith_document_get_n_spans (document, "summary");
}

static void
test_budgets (void)
{
  g_autoptr(PithDocument) three = run ("segment ! summarize", ARTICLE);
  g_autoptr(PithDocument) five = run ("segment ! summarize sentences=5", ARTICLE);
  g_autoptr(PithDocument) ratio = run ("segment ! summarize ratio=0.25", ARTICLE);
  g_autoptr(PithDocument) tiny_ratio = run ("segment ! summarize ratio=0.01", ARTICLE);
  g_autoptr(PithDocument) words = run ("segment ! summarize words=40", ARTICLE);
  g_autoptr(PithDocument) chars = run ("segment ! summarize chars=10", ARTICLE);
  g_autoptr(GPtrArray) word_spans = pith_document_get_spans (words, "summary");
  guint n_words = 0;

  g_assert_cmpuint (n_summary (three), ==, 3);
  g_assert_cmpuint (n_summary (five), ==, 5);
  /* 10 sentences × 0.25 = 2.5, rounded half up. */
  g_assert_cmpuint (n_summary (ratio), ==, 3);
  /* Never empty for a non-empty document. */
  g_assert_cmpuint (n_summary (tiny_ratio), ==, 1);
  g_assert_cmpuint (n_summary (chars), ==, 1);

  for (guint i = 0; i < word_spans->len; i++)
    {
      g_auto(GStrv) parts = g_strsplit (((PithSpan *) g_ptr_array_index (word_spans, i))->text, " ", -1);
      n_words += g_strv_length (parts);
    }
  g_assert_cmpuint (word_spans->len, >=, 1);
  g_assert_cmpuint (n_words, <=, 44);
}

static void
test_no_near_duplicates (void)
{
  g_autoptr(PithDocument) document = run ("segment ! summarize sentences=6", ARTICLE);
  g_autoptr(GPtrArray) spans = pith_document_get_spans (document, "summary");
  guint copies = 0;

  for (guint i = 0; i < spans->len; i++)
    copies += g_str_has_prefix (((PithSpan *) g_ptr_array_index (spans, i))->text, "Port workers in Valmora");
  g_assert_cmpuint (copies, ==, 1);
}

static gboolean
has_sentence (PithDocument *document,
              const char   *prefix)
{
  g_autoptr(GPtrArray) spans = pith_document_get_spans (document, "summary");

  for (guint i = 0; i < spans->len; i++)
    if (g_str_has_prefix (((PithSpan *) g_ptr_array_index (spans, i))->text, prefix))
      return TRUE;
  return FALSE;
}

static void
test_coherence (void)
{
  /* The "He said" sentence is the most central: it links all the others. */
  static const char text[] =
    "Farmers protested in the capital. Prices of grain fell. Fuel costs rose for farmers. "
    "He said farmers, grain prices and fuel costs all mattered in the capital. "
    "Officials declined to comment.";
  g_autoptr(PithDocument) off = run ("segment ! summarize sentences=2 coherence=off method=textrank", text);
  g_autoptr(PithDocument) include = run ("segment ! summarize sentences=2 coherence=include method=textrank", text);
  g_autoptr(PithDocument) replace = run ("segment ! summarize sentences=2 coherence=replace method=textrank", text);
  g_autoptr(GPtrArray) spans = NULL;

  /* Off: the dangling sentence alone, without what it refers to. */
  g_assert_true (has_sentence (off, "He said"));
  g_assert_false (has_sentence (off, "Fuel costs"));
  /* Include: brought in with the sentence before it. */
  g_assert_true (has_sentence (include, "He said"));
  g_assert_true (has_sentence (include, "Fuel costs"));
  /* Replace: passed over for others. */
  g_assert_false (has_sentence (replace, "He said"));
  g_assert_cmpuint (n_summary (replace), ==, 2);

  /* In document order by default. */
  spans = pith_document_get_spans (include, "summary");
  for (guint i = 1; i < spans->len; i++)
    g_assert_cmpuint (((PithSpan *) g_ptr_array_index (spans, i - 1))->start, <,
                      ((PithSpan *) g_ptr_array_index (spans, i))->start);
}

/* A sentence that opens with "He" reads on from a sentence before it in
 * the summary that names someone: it is taken alone, in both modes. */
static void
test_coherence_after_a_name (void)
{
  static const char text[] =
    "Union leader Ines Okafor said farmers, grain traders and fuel costs mattered in the capital. "
    "Prices of grain fell. Fuel costs rose for farmers. He said farmers and grain traders met in the "
    "capital. Officials declined to comment.";

  for (guint mode = 0; mode < 2; mode++)
    {
      g_autofree char *description = g_strdup_printf (
        "clean ! segment ! entities ! summarize sentences=2 method=textrank coherence=%s",
        mode == 0 ? "include" : "replace");
      g_autoptr(PithDocument) document = run (description, text);

      g_assert_true (has_sentence (document, "Union leader Ines Okafor"));
      g_assert_true (has_sentence (document, "He said"));
      g_assert_false (has_sentence (document, "Fuel costs"));
    }
}

/* The sentences a quotation runs on into, after the one it opens in, are
 * no summary sentences, however central: no one says them. A mark that
 * closes nothing in reach was stray and excludes nothing. */
static void
test_quotation_runs (void)
{
  static const char text[] =
    "Harbour workers in Valmora ended their strike after a night of talks. \"The talks were long. "
    "Night-shift pay for harbour workers in Valmora will rise, and the strike of the harbour workers is "
    "over. We are glad,\" union leader Ines Okafor said. The port reopened on Wednesday. A stray \" "
    "mark stands here. Harbour workers in Valmora returned to the night shift. Ships left the harbour.";
  g_autoptr(PithDocument) document = run ("segment ! summarize sentences=4 method=textrank", text);
  JsonObject *report = pith_document_get_report (document, "summary");

  g_assert_false (has_sentence (document, "Night-shift pay"));
  g_assert_false (has_sentence (document, "We are glad"));
  g_assert_cmpint (json_object_get_int_member (report, "excluded"), ==, 2);
  g_assert_true (has_sentence (document, "Harbour workers in Valmora returned"));

  /* Curly marks open and close quotations as straight ones do. */
  {
    static const char curly[] =
      "Harbour workers in Valmora ended their strike after a night of talks. \u201CThe talks were long. "
      "Night-shift pay for harbour workers in Valmora will rise, and the strike of the harbour workers is "
      "over. We are glad,\u201D union leader Ines Okafor said. The port reopened on Wednesday.";
    g_autoptr(PithDocument) curly_document = run ("segment ! summarize sentences=2 method=textrank", curly);

    g_assert_false (has_sentence (curly_document, "Night-shift pay"));
    g_assert_cmpint (json_object_get_int_member (pith_document_get_report (curly_document, "summary"),
                                                 "excluded"), ==, 2);
  }
}

static void
test_rank_order_and_report (void)
{
  g_autoptr(PithDocument) document = run ("segment ! summarize rank-order=true", ARTICLE);
  g_autoptr(GPtrArray) spans = pith_document_get_spans (document, "summary");
  JsonObject *report = pith_document_get_report (document, "summary");
  JsonArray *indices = json_object_get_array_member (report, "sentences");

  for (guint i = 1; i < spans->len; i++)
    g_assert_cmpfloat (((PithSpan *) g_ptr_array_index (spans, i - 1))->score, >=,
                       ((PithSpan *) g_ptr_array_index (spans, i))->score);
  g_assert_cmpuint (json_array_get_length (indices), ==, 3);
  g_assert_nonnull (strstr (json_object_get_string_member (report, "text"),
                            ((PithSpan *) g_ptr_array_index (spans, 0))->text));
}

/* The summary's sentence numbers under @options, as "0 2 3 7". */
static char *
chosen_sentences (const char *options)
{
  g_autofree char *description = g_strdup_printf ("segment ! summarize sentences=4 %s", options);
  g_autoptr(PithDocument) document = run (description, ARTICLE);
  JsonArray *indices = json_object_get_array_member (pith_document_get_report (document, "summary"), "sentences");
  GString *chosen = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (indices); i++)
    g_string_append_printf (chosen, i > 0 ? " %" G_GINT64_FORMAT : "%" G_GINT64_FORMAT,
                            json_array_get_int_element (indices, i));
  return g_string_free (chosen, FALSE);
}

/* diversity's default is each scoring's own: the learned ranker's
 * sentences best first, the weighted scores' by MMR at 0.5. Both differ
 * from the other setting on the article, so a default wired the wrong way
 * fails. */
static void
test_default_diversity (void)
{
  g_autofree char *learned = chosen_sentences ("");
  g_autofree char *learned_without_mmr = chosen_sentences ("diversity=0");
  g_autofree char *learned_with_mmr = chosen_sentences ("diversity=0.5");
  g_autofree char *weighted = chosen_sentences ("method=weighted");
  g_autofree char *weighted_with_mmr = chosen_sentences ("method=weighted diversity=0.5");
  g_autofree char *weighted_without_mmr = chosen_sentences ("method=weighted diversity=0");
  g_autoptr(PithStage) stage = pith_summarizer_new ();
  double diversity = 0.0;

  g_assert_cmpstr (learned, ==, learned_without_mmr);
  g_assert_cmpstr (learned, !=, learned_with_mmr);
  g_assert_cmpstr (weighted, ==, weighted_with_mmr);
  g_assert_cmpstr (weighted, !=, weighted_without_mmr);
  g_object_get (stage, "diversity", &diversity, NULL);
  g_assert_cmpfloat (diversity, ==, -1.0);
}

static void
test_deterministic (void)
{
  g_autoptr(PithDocument) first = run ("clean ! segment ! entities ! summarize", ARTICLE);
  g_autofree char *expected = pith_document_to_json (first);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PithDocument) again = run ("clean ! segment ! entities ! summarize", ARTICLE);
      g_autofree char *json = pith_document_to_json (again);
      g_assert_cmpstr (json, ==, expected);
    }
}

/* The texts of the key phrases, best first. */
static GPtrArray *
keyphrase_texts (PithDocument *document)
{
  JsonNode *node = pith_document_get_report_node (document, "keyphrases");
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  if (node == NULL)
    return texts;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (node)); i++)
    g_ptr_array_add (texts, g_strdup (json_object_get_string_member (
                       json_array_get_object_element (json_node_get_array (node), i), "text")));
  return texts;
}

static void
test_keyphrases (void)
{
  g_autoptr(PithDocument) document = run ("segment ! summarize keyphrases=5", ARTICLE);
  g_autoptr(GPtrArray) texts = keyphrase_texts (document);
  g_autoptr(GPtrArray) mentions = pith_document_get_spans (document, PITH_LAYER_KEYPHRASE);
  gboolean strike = FALSE;

  g_assert_cmpuint (texts->len, ==, 5);
  for (guint i = 0; i < texts->len; i++)
    strike |= strstr (g_ptr_array_index (texts, i), "strike") != NULL ||
              strstr (g_ptr_array_index (texts, i), "Port workers") != NULL;
  g_assert_true (strike);
  /* Each mention in the layer, with the index of its phrase. */
  g_assert_cmpuint (mentions->len, >=, 5);
  for (guint i = 0; i < mentions->len; i++)
    {
      PithSpan *mention = g_ptr_array_index (mentions, i);
      gint64 index = -1;

      g_assert_cmpstr (mention->label, ==, "KEYPHRASE");
      g_assert_true (pith_document_get_span_integer (document, PITH_LAYER_KEYPHRASE, i, "keyphrase", &index));
      g_assert_cmpint (index, >=, 0);
      g_assert_cmpint (index, <, 5);
    }
}

#define ENGLISH_PIPELINE "clean ! language ! segment ! entities ! summarize keyphrases=10"

static gpointer
json_in_new_thread (gpointer text)
{
  g_autoptr(PithDocument) document = run (ENGLISH_PIPELINE, text);

  return pith_document_to_json (document);
}

/* What the lexicon says of a word is kept from one document to the next,
 * per thread: a document's key phrases are the same after others as in a
 * thread that has read none. */
static void
test_keyphrases_independent_of_earlier_documents (void)
{
  static const char * const earlier[] = {
    "Workers said the strike would end. The ministry reviewed the pay, and talks continued into the night.",
    "Die Hafenarbeiter beendeten am Dienstag ihren Streik, nachdem das Ministerium eine Prüfung zusagte.",
    "Review boards review reviews. Strikes strike the port; ported goods wait while the union reviews pay.",
  };
  g_autofree char *cold = g_thread_join (g_thread_new ("cold", json_in_new_thread, (gpointer) ARTICLE));
  g_autofree char *warm = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (earlier); i++)
    g_object_unref (run (ENGLISH_PIPELINE, earlier[i]));
  {
    g_autoptr(PithDocument) document = run (ENGLISH_PIPELINE, ARTICLE);

    warm = pith_document_to_json (document);
  }
  g_assert_nonnull (strstr (warm, "\"keyphrases\""));
  g_assert_cmpstr (warm, ==, cold);
}

/* The summarizer reads the entity groups (the key phrases' names, the
 * sentences' salience) as the entities stage leaves them and as a
 * document read back from JSON holds them: the same key phrases,
 * summary and features either way; and a key phrase of a group read back
 * is shown by that group's name. */
static void
test_entity_groups_read_back (void)
{
  g_autoptr(PithPipeline) summarize = pith_pipeline_new_from_string ("summarize keyphrases=10 features=true", NULL);
  g_autoptr(PithDocument) whole =
    run ("clean ! language ! segment ! entities ! summarize keyphrases=10 features=true", ARTICLE);
  g_autoptr(PithDocument) tagged = run ("clean ! language ! segment ! entities", ARTICLE);
  g_autofree char *saved = pith_document_to_json_full (tagged, PITH_JSON_ALL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) read_back = pith_document_new_from_json (saved, -1, &error);
  g_autoptr(PithDocument) renamed = pith_document_new_from_json (saved, -1, &error);
  static const char * const reports[] = { "keyphrases", "summary", "summary_features" };
  g_autofree char *keyphrases = NULL;
  JsonArray *groups;

  g_assert_no_error (error);
  g_assert_true (pith_pipeline_process (summarize, read_back, NULL, &error));
  g_assert_no_error (error);
  for (guint r = 0; r < G_N_ELEMENTS (reports); r++)
    {
      g_autofree char *expected = json_to_string (pith_document_get_report_node (whole, reports[r]), FALSE);
      g_autofree char *got = json_to_string (pith_document_get_report_node (read_back, reports[r]), FALSE);

      g_assert_cmpstr (got, ==, expected);
    }

  groups = json_node_get_array (pith_document_get_report_node (renamed, "entity_groups"));
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *group = json_array_get_object_element (groups, g);

      if (g_strcmp0 (json_object_get_string_member (group, "name"), "Ines Okafor") == 0)
        json_object_set_string_member (group, "name", "Okafor, Ines");
    }
  g_assert_true (pith_pipeline_process (summarize, renamed, NULL, &error));
  g_assert_no_error (error);
  keyphrases = json_to_string (pith_document_get_report_node (renamed, "keyphrases"), FALSE);
  g_assert_nonnull (strstr (keyphrases, "\"text\":\"Okafor, Ines\""));
}

/* A document of more distinct stems than two bytes count: the words
 * before the 65,535th stem keep theirs, and a word first met after it
 * (a late term) is as much a keyword. */
static void
test_keywords_past_many_terms (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(GPtrArray) keywords = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (text, "Zebrafish zebrafish swim.\n");
  for (guint i = 0; i < 70000; i++)
    {
      char word[8];
      guint n = i;

      /* Distinct letter strings, which no stemmer folds together. */
      for (guint k = 0; k < 4; k++, n /= 26)
        word[k] = (char) ('a' + n % 26);
      word[4] = 'q';
      word[5] = '\0';
      g_string_append_printf (text, "%s%s", word, i % 12 == 11 ? ".\n" : " ");
    }
  for (guint i = 0; i < 30; i++)
    g_string_append (text, "Quokkas quokkas hop.\n");
  document = run ("segment ! summarize keyphrases=2", text->str);
  keywords = keyphrase_texts (document);

  g_assert_cmpuint (keywords->len, ==, 2);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (keywords, 0), "Zebrafish"));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (keywords, 1), "Quokkas"));
}

static void
test_other_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment ! summarize sentences=1", NULL);
  g_autoptr(PithDocument) german = pith_document_new (
    "Die Hafenarbeiter beendeten den Streik. Die Regierung prüft die Löhne der Hafenarbeiter. "
    "Das Wetter war schön.");
  g_autoptr(PithDocument) unknown = pith_document_new ("Один. Два три. Четыре пять шесть.");

  pith_document_set_language (german, "de");
  pith_document_set_language (unknown, "xx");
  g_assert_true (pith_pipeline_process (pipeline, german, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_summary (german), ==, 1);
  /* A language without a stemmer falls back to plain words. */
  g_assert_true (pith_pipeline_process (pipeline, unknown, NULL, &error));
  g_assert_cmpuint (n_summary (unknown), ==, 1);
}

static void
test_empty_and_missing_segment (void)
{
  g_autoptr(PithDocument) empty = run ("segment ! summarize", "");
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("summarize", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (n_summary (empty), ==, 0);
  g_assert_null (pith_pipeline_process_text (pipeline, "Text.", NULL, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
}

/* Every sentence of a long document: the selection once rescanned every
 * candidate against every chosen sentence for each pick, cubic in the
 * sentences. It must finish well within the suite's timeout. */
static void
test_whole_long_document (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  GString *text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;

  for (guint s = 0; s < 20000; s++)
    {
      for (guint w = 0; w < 8; w++)
        g_string_append_printf (text, "%s%u", w > 0 ? " w" : "W", g_rand_int_range (rand, 0, 5000));
      g_string_append (text, ". ");
    }
  document = run ("segment ! summarize ratio=1.0 keyphrases=0", text->str);
  g_assert_cmpuint (n_summary (document), >, 19000);
  g_string_free (text, TRUE);
}

/* A run-on "sentence" of kilobytes (a page without full stops) is never a
 * summary sentence: a document of nothing else gets an empty summary. */
static void
test_run_on_sentences_left_out (void)
{
  g_autoptr(GString) run_on = g_string_new (NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(PithDocument) mixed = NULL;
  g_autoptr(PithDocument) only = NULL;
  g_autoptr(PithSpan) chosen = NULL;

  for (guint i = 0; i < 1500; i++)
    g_string_append (run_on, i % 3 ? "harbour strike talks " : "Harbour ");
  text = g_string_new (run_on->str);
  g_string_append (text, ".\n\nThe harbour strike ended on Friday. Talks lasted all night. Ships sailed.");
  mixed = run ("segment ! summarize sentences=1", text->str);
  only = run ("segment ! summarize", run_on->str);

  g_assert_cmpuint (n_summary (mixed), ==, 1);
  chosen = pith_document_get_span (mixed, "summary", 0);
  g_assert_cmpuint (chosen->end - chosen->start, <, 100);
  g_assert_cmpuint (n_summary (only), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (pith_document_get_report (only, "summary"), "text"), ==, "");
}

/* Sentences without a word, first or alone: the fuzz target found the
 * first kind, under clang's UndefinedBehaviorSanitizer. */
static void
test_sentences_without_words (void)
{
  g_autoptr(PithDocument) first = run ("segment ! summarize", "...\n\nThe strike ended. Ships sailed.");
  g_autoptr(PithDocument) only = run ("segment ! summarize", "... !!! ???");

  g_assert_cmpuint (n_summary (first), >=, 1);
  g_assert_cmpuint (pith_document_get_n_spans (only, PITH_LAYER_KEYPHRASE), ==, 0);
}

/* @count sentences of ten words, each word new: letters spelling a
 * number, @length letters or more, so that words of 64 bytes and more come
 * out when @length asks for them. */
static char *
distinct_words (guint count,
                guint length)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < count * 10; i++)
    {
      g_string_append_c (text, i % 10 == 0 ? 'Q' : 'q');
      for (guint n = i, k = 0; n > 0 || k < length; n /= 26, k++)
        g_string_append_c (text, 'a' + n % 26);
      g_string_append (text, i % 10 == 9 ? ". " : " ");
    }
  return g_string_free (text, FALSE);
}

/* One summarize stage over many documents remembers stems from one to
 * the next, starts again once it remembers as many words as it may, and
 * leaves long words out of its memory: whatever it remembers, each
 * document comes out as a new stage gives it. */
static void
test_shared_stage_as_new (void)
{
  const char *description = "segment ! summarize keyphrases=5";
  g_autoptr(PithPipeline) shared = pith_pipeline_new_from_string (description, NULL);
  g_autofree char *many = distinct_words (4000, 4);
  g_autofree char *long_words = distinct_words (50, 70);
  const char *texts[] = { ARTICLE, many, ARTICLE, long_words, ARTICLE, many, ARTICLE };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PithDocument) alone = run (description, texts[i]);
      g_autoptr(PithDocument) document = pith_pipeline_process_text (shared, texts[i], NULL, &error);
      g_autofree char *expected = pith_document_to_json (alone);
      g_autofree char *json = NULL;

      g_assert_no_error (error);
      json = pith_document_to_json (document);
      g_autoptr(GPtrArray) phrases = keyphrase_texts (document);

      /* No word of 64 bytes or more is a key phrase's. */
      g_assert_cmpuint (phrases->len, ==, texts[i] == long_words ? 0 : 5);
      g_assert_cmpstr (json, ==, expected);
    }
}

static void
test_karabakh_sample (void)
{
  g_autofree char *contents = pith_test_shared_sample_load ("karabakh-scraped.txt");
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(GPtrArray) spans = NULL;

  if (contents == NULL)
    return;
  document = run ("clean ! segment ! entities ! summarize", contents);
  spans = pith_document_get_spans (document, "summary");
  g_assert_cmpuint (spans->len, ==, 3);
  /* The article's point: the proposal of a joint group. */
  g_assert_true (has_sentence (document, "Turkish President Recep Erdogan proposed"));
}

/* What is not a summary sentence never is one, however central or early:
 * the title (metadata, or a headline line), the dateline, captions and
 * credits, the "contributed to this report" line, a question to the
 * reader, a list of links, a headline joined to the text with a stop of
 * its own ("… pay ."), a line that says where the news came from. */
static void
test_not_summary_sentences (void)
{
  static const char article[] =
    "Valmora dock strike ends after talks on night-shift pay\n\n"
    "VALMORA, Portugal (Reuters) - Dock workers at the Port of Valmora ended a nine-day strike on Tuesday "
    "after the port authority agreed to review night-shift pay for all dock workers.\n\n"
    "Photo: Dock workers at the Port of Valmora vote to end the strike on Tuesday.\n\n"
    "What would you do if the port closed for nine days?\n\n"
    "The strike had stopped all container traffic at the port, and ships waited at anchor for days. "
    "Union leader Ines Okafor said the workers would return to the port for the night shift on Wednesday. "
    "The port authority said the review of night-shift pay would take a month. "
    "This was announced by the port authority's press service after the talks on night-shift pay. "
    "Exporters said the strike at the port had cost them millions in delayed shipments. "
    "No injuries were reported from the picket lines at the port during the strike. "
    "Dock workers at the port of Valmora strike over night-shift pay . "
    "Read more: https://example.org/strike https://example.org/port https://example.org/pay\n\n"
    "Dock workers at the Port of Valmora end strike after talks on night-shift pay.\n\n"
    "Reuters reporters in Valmora and Lisbon contributed to this report about the dock workers' strike. "
    "Radio Tejo's Rui Matos reported from Valmora, and Ana Lopes wrote from Lisbon.\n\n"
    "\"We held out,\" one docker said. \" \xc2\xa9 2026 Valmora Gazette. All rights reserved. "
    "Thanks for reading the Valmora Gazette! Click the gallery to see the ships at anchor.";
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline =
    pith_pipeline_new_from_string ("clean ! segment ! entities ! summarize sentences=7", &error);
  g_autoptr(PithDocument) document = pith_document_new (article);
  const char *summary;

  g_assert_no_error (error);
  pith_document_set_metadata_string (document, "title",
                                     "Dock workers at the Port of Valmora end strike after talks on night-shift pay");
  g_assert_true (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_no_error (error);
  summary = json_object_get_string_member (pith_document_get_report (document, "summary"), "text");
  g_assert_nonnull (strstr (summary, "ended a nine-day strike"));
  g_assert_null (strstr (summary, "Valmora dock strike ends"));     /* headline */
  g_assert_null (strstr (summary, "(Reuters)"));                    /* dateline */
  g_assert_null (strstr (summary, "Photo:"));                       /* caption */
  g_assert_null (strstr (summary, "What would you do"));            /* question */
  g_assert_null (strstr (summary, "https://"));                     /* links */
  g_assert_null (strstr (summary, "end strike after talks"));       /* the title */
  g_assert_null (strstr (summary, "contributed to this report"));   /* credit */
  g_assert_null (strstr (summary, "night-shift pay ."));            /* a joined line */
  g_assert_null (strstr (summary, "reported from Valmora"));        /* where its reporters were */
  g_assert_null (strstr (summary, "Gazette"));                      /* copyright, sign-off */
  g_assert_null (strstr (summary, "rights reserved"));
  g_assert_null (strstr (summary, "Click the gallery"));            /* a call to act */
  g_assert_null (strstr (summary, "This was announced by"));        /* where the news came from */
  g_assert_nonnull (strstr (summary, "No injuries were reported from the picket lines"));
  g_assert_cmpuint (json_object_get_int_member (pith_document_get_report (document, "summary"), "excluded"),
                    ==, 14);
}

/* Key phrases are noun phrases, each once: no verb of the text, no phrase
 * twice or inside a better one, an entity under its group's name. */
static void
check_keyphrases (PithDocument       *document,
                  const char * const *verbs)
{
  g_autoptr(GPtrArray) texts = keyphrase_texts (document);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      const char *phrase = g_ptr_array_index (texts, i);
      g_auto(GStrv) words = g_strsplit (phrase, " ", -1);
      char *folded = g_utf8_casefold (phrase, -1);

      for (guint w = 0; words[w] != NULL; w++)
        for (guint v = 0; verbs[v] != NULL; v++)
          if (g_ascii_strcasecmp (words[w], verbs[v]) == 0)
            g_error ("the key phrase \"%s\" holds the verb \"%s\"", phrase, verbs[v]);
      if (g_hash_table_contains (seen, folded))
        g_error ("the key phrase \"%s\" is there twice", phrase);
      /* Nor inside a better one: "Tammy" after "Tammy Meyers". */
      for (guint j = 0; j < i; j++)
        {
          g_autofree char *better_text = g_utf8_casefold (g_ptr_array_index (texts, j), -1);
          g_autofree char *better = g_strdup_printf (" %s ", better_text);
          g_autofree char *inner = g_strdup_printf (" %s ", folded);

          if (strstr (better, inner) != NULL)
            g_error ("the key phrase \"%s\" is inside the better \"%s\"", phrase,
                     (const char *) g_ptr_array_index (texts, j));
        }
      g_hash_table_add (seen, folded);
    }
}

/* The key phrases @pipeline finds in @article, checked as
 * check_keyphrases() does. */
static GPtrArray *
checked_keyphrases (const char         *pipeline,
                    const char         *article,
                    const char * const *verbs)
{
  g_autoptr(PithDocument) document = run (pipeline, article);

  check_keyphrases (document, verbs);
  return keyphrase_texts (document);
}

/* Fails unless every one of @phrases, in any case, is among @texts. */
static void
check_phrases_kept (GPtrArray          *texts,
                    const char * const *phrases)
{
  for (guint p = 0; phrases[p] != NULL; p++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < texts->len; i++)
        found |= g_ascii_strcasecmp (g_ptr_array_index (texts, i), phrases[p]) == 0;
      if (!found)
        g_error ("no key phrase \"%s\"", phrases[p]);
    }
}

/* The verbs of clauses that follow a noun, in their kinds: a verb with
 * its object or particle, a past participle, a new verb WordNet lacks, an
 * "-ing" or past tense after a plural, a verb's form after "was" or a
 * pronoun; and a first name after the full name. */
static void
test_keyphrases_without_clause_verbs (void)
{
  static const char article[] =
    "Harbour workers in Valmora ended their strike on Tuesday. A court in Valmora granted bail to the union "
    "leader Marta Okafor, who was granted bail after a night in custody. Women aged 30 to 50 make up most "
    "of the night shift. A model wearing a union scarf led the march, and the interim report makes no "
    "mention of the night shift. The anger of the dockers wears off slowly. Information curated by the "
    "union shows the losses. Trawlers blocking the harbour mouth left on Monday, and fishermen spat at the "
    "police. Dockers found leaflets on the quay. Okafor thanked the crews for him moving forward. Marta "
    "Okafor spoke to reporters; Okafor said the harbour workers would return. Marta thanked them. "
    "Ferries kept a pace set by the weather. Crews need to rest, and dockers want to talk. Teens drink "
    "coffee on the quay, where warehouses range from old to new. Okafor thinks dockers deserve more. "
    "A docker whose wages fell spent two years criss-crossing the coast.";
  static const char * const verbs[] = {
    "ended", "granted", "aged", "wearing", "makes", "wears", "curated", "blocking", "spat", "found",
    "moving", "thanked", "shows", "spoke", "left", "set", "need", "want", "drink", "range", "thinks", "whose",
    "criss-crossing", NULL
  };
  static const char * const noun_phrases[] = { "harbour workers", NULL };
  g_autoptr(GPtrArray) texts = checked_keyphrases ("clean ! language ! segment ! entities ! summarize keyphrases=20",
                                                   article, verbs);

  check_phrases_kept (texts, noun_phrases);
}

/* Words a verb or a noun may be, that only the words around them tell
 * apart (the part-of-speech guesser): "coming" is a verb in "a kidney
 * coming from", "back" an adverb in "coming back", "well" one in "get
 * well messages"; "advocates" after a plural, "elected" opening a
 * sentence, "rising" after a determiner, "driving" after an adjective
 * and "transplant" after a noun stay in their noun phrases. */
static void
test_keyphrases_by_context (void)
{
  static const char article[] =
    "A kidney coming from a stranger saved the life of a Valmora teacher. The teacher fell victim to a "
    "rare disease last year, and her kidney failed in March. Doctors said she did well after the "
    "operation, and the teacher is now coming back to work. Human rights advocates praised the kidney "
    "donor, and the teacher's union thanked the hospital. Elected officials in Valmora called the donor a "
    "hero. The kidney transplant took six hours. Kidney donors rarely meet the patients, the hospital "
    "said, but this donor met the teacher twice. The teacher said the donor gave her back her classroom. "
    "Pupils sent get well messages to the teacher. The donor, a rising star of the Valmora choir, once "
    "campaigned against drunken driving.";
  static const char * const verbs[] = {
    "coming", "back", "fell", "failed", "did", "well", "praised", "thanked", "called", "took", "meet", "met",
    "gave", "said", NULL
  };
  static const char * const noun_phrases[] = {
    "human rights advocates", "elected officials", "kidney transplant", "kidney donor", "rising star",
    "drunken driving", NULL
  };
  g_autoptr(GPtrArray) texts = checked_keyphrases ("clean ! language ! segment ! entities ! summarize keyphrases=30",
                                                   article, verbs);

  check_phrases_kept (texts, noun_phrases);
}

/* An "-s" a plural noun or a verb may be, that its place tells: joined by
 * "and" to a verb ("attracts and trades players", "stands up and
 * spits"), after a singular subject that a clause's opener brings ("until
 * the snow melts,"), or before an object that opens on an adjective ("the
 * league crowns proud champions", "home presents many challenges"); a
 * plural head after its noun stays ("ticket sales rose", "snow ploughs
 * clear"). */
static void
test_keyphrases_by_agreement (void)
{
  static const char article[] =
    "The Valmora league attracts and trades players from three countries. In the final, the league's top "
    "striker stands up and spits at a defender. The league will not play until the snow melts, the "
    "league said. Each spring the league crowns proud champions. Being away from home presents many "
    "challenges to young players, and league ticket sales rose in March. The league's players train "
    "twice a week, and the league's snow ploughs clear the ground when the snow melts.";
  static const char * const verbs[] = {
    "attracts", "trades", "stands", "spits", "melts", "crowns", "presents", "rose", "train", "clear", NULL
  };
  static const char * const noun_phrases[] = { "league ticket sales", "snow ploughs", "many challenges", "proud champions", NULL };
  g_autoptr(GPtrArray) texts = checked_keyphrases ("clean ! language ! segment ! entities ! summarize keyphrases=30",
                                                   article, verbs);

  check_phrases_kept (texts, noun_phrases);
}

static void
test_keyphrases_are_noun_phrases (void)
{
  static const char article[] =
    "Swansea striker Bafetimbi Gomis collapsed during the match against Tottenham on Wednesday. "
    "Swansea tweeted that Gomis was conscious, and the club's manager Garry Monk visited him in hospital. "
    "Doctors describe Gomis as stable. Gomis spent the night in hospital for checks on his heart. "
    "The club will review the incident with doctors, Monk said. Gomis has a history of fainting, "
    "and the club's doctors monitored his heart after a similar collapse in France. "
    "Barack Obama visited the hospital too, a spokesman said, and the hospital thanked the fans. "
    "Fans sent messages to Gomis, and the club thanked the fans for their messages.";
  static const char * const verbs[] = {
    "collapsed", "tweeted", "visited", "describe", "spent", "review", "said", "monitored", "thanked", "sent",
    "has", "was", NULL
  };
  g_autoptr(GPtrArray) texts = checked_keyphrases ("clean ! language ! segment ! entities ! summarize", article,
                                                   verbs);
  gboolean gomis = FALSE;

  /* The striker once, under his full name, whichever mention ranks. */
  for (guint i = 0; i < texts->len; i++)
    {
      g_assert_cmpstr (g_ptr_array_index (texts, i), !=, "Gomis");
      gomis |= g_strcmp0 (g_ptr_array_index (texts, i), "Bafetimbi Gomis") == 0;
    }
  g_assert_true (gomis);
}

static void
test_karabakh_keyphrases (void)
{
  static const char * const verbs[] = {
    "said", "announced", "told", "reported", "called", "stated", "added", "noted", NULL
  };
  g_autofree char *contents = pith_test_shared_sample_load ("karabakh-scraped.txt");
  g_autoptr(PithDocument) document = NULL;

  if (contents == NULL)
    {
      g_test_skip ("../shared/data/samples/karabakh-scraped.txt is absent");
      return;
    }
  document = run ("clean ! language ! segment ! entities ! summarize", contents);
  check_keyphrases (document, verbs);
}

/* Whether a word of a key phrase is @word, whatever its case. */
static gboolean
keywords_hold_word (PithDocument *document,
                    const char   *word)
{
  g_autoptr(GPtrArray) texts = keyphrase_texts (document);

  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_ptr_array_index (texts, i), " ", -1);

      for (guint w = 0; words[w] != NULL; w++)
        if (g_ascii_strcasecmp (words[w], word) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Stop words are the document's language's, found or
 * declared: no German article or conjunction is a keyword, as they are
 * when the text is read as English. */
static void
test_detected_language (void)
{
  static const char text[] =
    "Die Hafenbehörde teilte am Dienstag mit, dass die beiden beschädigten Kräne bis zum Ende des Jahres "
    "ersetzt werden. Nach der Gewinnwarnung fielen die Aktien der Reederei deutlich, und die Anleger "
    "zogen sich aus dem Hafen zurück. Die Polizei sperrte die Hauptstraße für mehrere Stunden, während "
    "die Feuerwehr den Brand in der Lagerhalle des Hafens löschte. Die Reederei will die Kräne nun selbst "
    "bezahlen, sagte ein Sprecher der Hafenbehörde.";
  static const char * const function_words[] = { "die", "der", "den", "des", "und", "dass", "nun", NULL };
  g_autoptr(PithDocument) detected = run ("language ! segment ! summarize", text);
  g_autoptr(PithDocument) english = run ("segment ! summarize", text);

  g_assert_cmpstr (pith_document_get_language (detected), ==, "de");
  for (const char * const *word = function_words; *word != NULL; word++)
    g_assert_false (keywords_hold_word (detected, *word));
  g_assert_true (keywords_hold_word (english, "der"));
}

/* A ranker file written for the test; free the path with g_free() after
 * g_unlink(). */
static char *
write_ranker (const char *contents)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pith-test-ranker-XXXXXX", NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_steal_pointer (&path);
}

static void
check_ranker_rejected (const char *contents,
                       const char *message)
{
  g_autofree char *path = write_ranker (contents);
  g_autofree char *description = g_strdup_printf ("segment ! summarize ranker=\"%s\"", path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);

  g_unlink (path);
  if (pipeline != NULL || !g_error_matches (error, PITH_ERROR, PITH_ERROR_MODEL))
    g_error ("ranker “%s” was not rejected with PITH_ERROR_MODEL", contents);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message);
}

static void
test_ranker_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) missing = NULL;

  check_ranker_rejected ("", "empty");
  check_ranker_rejected ("# only a comment\n", "empty");
  check_ranker_rejected ("a ranker\n", "format");
  check_ranker_rejected ("pith-summary-ranker 3\n", "format");
  check_ranker_rejected ("pith-summary-ranker 2\nfeature first 0 1 1\nfeature first 0 1 1\n", "line 3: feature “first” twice");
  check_ranker_rejected ("pith-summary-ranker 2\nfeature first 0 1 1\nproduct first second 1\n",
                         "line 3: a product of “first” and “second”");
  check_ranker_rejected ("pith-summary-ranker 2\nproduct first no-such-feature 1\n", "line 2: a product");
  check_ranker_rejected ("pith-summary-ranker 2\nfeature first 0 1 1\nproduct first first x\n", "bad weight");
  /* Format 1 has no products. */
  check_ranker_rejected ("pith-summary-ranker 1\nfeature first 0 1 1\nproduct first first 1\n", "neither");
  check_ranker_rejected ("pith-summary-ranker 1\nfeature no-such-feature 0 1 1\n", "line 2: unknown feature");
  check_ranker_rejected ("pith-summary-ranker 1\nfeature first 0 0 1\n", "bad numbers");
  check_ranker_rejected ("pith-summary-ranker 1\nfeature first 0 1 nan\n", "bad numbers");
  check_ranker_rejected ("pith-summary-ranker 1\nfeature first 0 1\n", "neither");
  check_ranker_rejected ("pith-summary-ranker 1\nprior strike high\n", "bad prior");
  check_ranker_rejected ("pith-summary-ranker 1\nprior strike 1\nprior strike 2\n", "twice");

  missing = pith_pipeline_new_from_string ("segment ! summarize ranker=/nonexistent/ranker", &error);
  g_assert_null (missing);
  g_assert_error (error, PITH_ERROR, PITH_ERROR_MODEL);
}

/* A ranker of the user's decides: one that likes late sentences takes the
 * last, one that likes a word takes the sentences that hold it. */
static void
test_own_ranker (void)
{
  g_autofree char *late = write_ranker ("# prefers the end\npith-summary-ranker 1\n"
                                        "feature relative-position 0.5 0.25 1\n");
  g_autofree char *words = write_ranker ("pith-summary-ranker 1\n"
                                         "feature word-prior-max 0 1 1\n"
                                         "prior ferri 3\n");
  g_autofree char *late_pipeline = g_strdup_printf ("segment ! summarize sentences=1 ranker=%s", late);
  g_autofree char *words_pipeline = g_strdup_printf ("segment ! summarize sentences=1 ranker=%s", words);
  g_autoptr(PithDocument) last = run (late_pipeline, ARTICLE);
  g_autoptr(PithDocument) ferry = run (words_pipeline, ARTICLE);
  g_autoptr(GPtrArray) last_spans = pith_document_get_spans (last, "summary");
  g_autoptr(GPtrArray) ferry_spans = pith_document_get_spans (ferry, "summary");

  g_unlink (late);
  g_unlink (words);
  g_assert_cmpstr (((PithSpan *) g_ptr_array_index (last_spans, 0))->text, ==,
                   "Okafor called the deal a first step, not the last word.");
  g_assert_cmpstr (((PithSpan *) g_ptr_array_index (ferry_spans, 0))->text, ==,
                   "Fishing crews and ferry operators were hit hardest by the closure.");
  g_assert_cmpfloat (((PithSpan *) g_ptr_array_index (ferry_spans, 0))->score, ==, 1.0);
}

/* The summary of a ranker whose only term is the product of where a
 * sentence stands and its word priors, with @weight: the sentence it
 * takes first. */
static char *
first_by_product (double weight)
{
  g_autofree char *model = g_strdup_printf ("pith-summary-ranker 2\n"
                                            "feature relative-position 0.5 0.25 0\n"
                                            "feature word-prior-max 0 1 0\n"
                                            "product relative-position word-prior-max %g\n"
                                            "prior ferri 3\n", weight);
  g_autofree char *path = write_ranker (model);
  g_autofree char *description = g_strdup_printf ("segment ! summarize sentences=1 ranker=%s", path);
  g_autoptr(PithDocument) document = run (description, ARTICLE);
  g_autoptr(GPtrArray) spans = pith_document_get_spans (document, "summary");

  g_unlink (path);
  return g_strdup (((PithSpan *) g_ptr_array_index (spans, 0))->text);
}

/* A product of two features weighs what neither does alone: the late
 * sentence with a word the highlights like wins when it is weighed up,
 * and loses to the first when it is weighed down. */
static void
test_ranker_products (void)
{
  g_autofree char *liked = first_by_product (1.0);
  g_autofree char *disliked = first_by_product (-1.0);

  g_assert_cmpstr (liked, ==, "Fishing crews and ferry operators were hit hardest by the closure.");
  g_assert_true (g_str_has_prefix (disliked, "Port workers in Valmora"));
}

/* The features report: a row a candidate, in order, the names the model
 * files use; and the built-in ranker serves English, the weighted sum any
 * other language. */
/* The value of the feature @name in @report's row of sentence @sentence. */
static double
feature_of (JsonObject *report,
            guint       sentence,
            const char *name)
{
  JsonArray *names = json_object_get_array_member (report, "names");
  JsonArray *rows = json_object_get_array_member (report, "sentences");

  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonObject *row = json_array_get_object_element (rows, r);

      if ((guint) json_object_get_int_member (row, "sentence") != sentence)
        continue;
      for (guint f = 0; f < json_array_get_length (names); f++)
        if (strcmp (json_array_get_string_element (names, f), name) == 0)
          return json_array_get_double_element (json_object_get_array_member (row, "features"), f);
    }
  g_error ("no feature %s for sentence %u", name, sentence);
}

/* A writer who speaks as "I" or to "you" outside a quotation, the share
 * of capitalised words (names), a name as the subject, a quoted question
 * or exclamation: features of the ranker. */
static void
test_voice_features (void)
{
  g_autoptr(PithDocument) document =
    run ("segment ! summarize features=true",
         "The port of Valmora reopened on Tuesday after a nine-day strike. "
         "\"We are back at work, and you will see ships tomorrow,\" a union leader said. "
         "I think the strike taught us all a lesson about the night shift. "
         "Ines Okafor of the Valmora Dock Union thanked Port Authority chair Rui Matos. "
         "\"Why did it take nine days?\" a driver asked at the gate.");
  JsonObject *report = pith_document_get_report (document, "summary_features");

  g_assert_cmpfloat (feature_of (report, 0, "personal"), ==, 0.0);
  g_assert_cmpfloat (feature_of (report, 1, "personal"), ==, 0.0);   /* inside the quotation */
  g_assert_cmpfloat (feature_of (report, 2, "personal"), ==, 1.0);
  g_assert_cmpfloat (feature_of (report, 3, "personal"), ==, 0.0);
  g_assert_cmpfloat (feature_of (report, 3, "capitals"), >, 0.5);
  g_assert_cmpfloat (feature_of (report, 2, "capitals"), ==, 0.0);
  g_assert_cmpfloat (feature_of (report, 3, "opens-with-name"), ==, 1.0);
  g_assert_cmpfloat (feature_of (report, 0, "opens-with-name"), ==, 0.0);
  g_assert_cmpfloat (feature_of (report, 4, "question-or-exclamation"), ==, 1.0);
  g_assert_cmpfloat (feature_of (report, 3, "question-or-exclamation"), ==, 0.0);
}

static void
test_features_and_methods (void)
{
  g_autoptr(PithDocument) document = run ("segment ! entities ! summarize features=true", ARTICLE);
  JsonObject *report = pith_document_get_report (document, "summary_features");
  JsonArray *names = json_object_get_array_member (report, "names");
  JsonArray *rows = json_object_get_array_member (report, "sentences");
  JsonObject *first = json_array_get_object_element (rows, 0);
  JsonObject *fourth = json_array_get_object_element (rows, 3);
  JsonArray *first_values = json_object_get_array_member (first, "features");
  JsonArray *fourth_values = json_object_get_array_member (fourth, "features");
  g_autoptr(PithPipeline) learned = pith_pipeline_new_from_string ("segment ! summarize", NULL);
  g_autoptr(PithPipeline) weighted = pith_pipeline_new_from_string ("segment ! summarize method=weighted", NULL);
  g_autoptr(PithDocument) english_learned = pith_document_new (ARTICLE);
  g_autoptr(PithDocument) english_weighted = pith_document_new (ARTICLE);
  const char *german = "Die Hafenarbeiter beendeten den Streik am Dienstag. Die Regierung prüft die Löhne. "
                       "Das Wetter war schön. Die Fähren fahren wieder. Der Hafen ist offen.";
  g_autoptr(PithDocument) german_learned = pith_document_new (german);
  g_autoptr(PithDocument) german_weighted = pith_document_new (german);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  gboolean same = TRUE;

  g_assert_cmpstr (json_array_get_string_element (names, 0), ==, "first");
  g_assert_cmpuint (json_array_get_length (rows), ==, 10);
  g_assert_cmpint (json_object_get_int_member (fourth, "sentence"), ==, 3);
  g_assert_cmpfloat (json_array_get_double_element (first_values, 0), ==, 1.0);
  g_assert_cmpfloat (json_array_get_double_element (fourth_values, 0), ==, 0.0);
  for (guint f = 0; f < json_array_get_length (names); f++)
    {
      const char *name = json_array_get_string_element (names, f);

      /* "He said the review…": a pronoun opens it, "said" attributes it. */
      if (strcmp (name, "dangling") == 0 || strcmp (name, "attribution") == 0 || strcmp (name, "fourth") == 0)
        g_assert_cmpfloat (json_array_get_double_element (fourth_values, f), ==, 1.0);
      if (strcmp (name, "digits") == 0)
        g_assert_cmpfloat (json_array_get_double_element (fourth_values, f), ==, 1.0);
    }
  g_assert_true (json_array_get_length (json_object_get_array_member (first, "terms")) > 0);

  pith_document_set_language (german_learned, "de");
  pith_document_set_language (german_weighted, "de");
  g_assert_true (pith_pipeline_process (learned, english_learned, NULL, NULL));
  g_assert_true (pith_pipeline_process (weighted, english_weighted, NULL, NULL));
  g_assert_true (pith_pipeline_process (learned, german_learned, NULL, NULL));
  g_assert_true (pith_pipeline_process (weighted, german_weighted, NULL, NULL));
  a = pith_document_get_spans (german_learned, "summary");
  b = pith_document_get_spans (german_weighted, "summary");
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpstr (((PithSpan *) g_ptr_array_index (a, i))->text, ==, ((PithSpan *) g_ptr_array_index (b, i))->text);
      g_assert_cmpfloat (((PithSpan *) g_ptr_array_index (a, i))->score, ==, ((PithSpan *) g_ptr_array_index (b, i))->score);
    }
  g_clear_pointer (&a, g_ptr_array_unref);
  g_clear_pointer (&b, g_ptr_array_unref);
  a = pith_document_get_spans (english_learned, "summary");
  b = pith_document_get_spans (english_weighted, "summary");
  for (guint i = 0; i < MIN (a->len, b->len); i++)
    same &= ((PithSpan *) g_ptr_array_index (a, i))->score == ((PithSpan *) g_ptr_array_index (b, i))->score;
  g_assert_false (same);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Summarize/budgets", test_budgets);
  g_test_add_func ("/Pith/Summarize/no-near-duplicates", test_no_near_duplicates);
  g_test_add_func ("/Pith/Summarize/coherence", test_coherence);
  g_test_add_func ("/Pith/Summarize/coherence-after-a-name", test_coherence_after_a_name);
  g_test_add_func ("/Pith/Summarize/quotation-runs", test_quotation_runs);
  g_test_add_func ("/Pith/Summarize/rank-order", test_rank_order_and_report);
  g_test_add_func ("/Pith/Summarize/deterministic", test_deterministic);
  g_test_add_func ("/Pith/Summarize/keyphrases-independent-of-earlier-documents",
                   test_keyphrases_independent_of_earlier_documents);
  g_test_add_func ("/Pith/Summarize/keyphrases", test_keyphrases);
  g_test_add_func ("/Pith/Summarize/entity-groups-read-back", test_entity_groups_read_back);
  g_test_add_func ("/Pith/Summarize/keyphrases-are-noun-phrases", test_keyphrases_are_noun_phrases);
  g_test_add_func ("/Pith/Summarize/karabakh-keyphrases", test_karabakh_keyphrases);
  g_test_add_func ("/Pith/Summarize/keyphrases-without-clause-verbs", test_keyphrases_without_clause_verbs);
  g_test_add_func ("/Pith/Summarize/keyphrases-by-context", test_keyphrases_by_context);
  g_test_add_func ("/Pith/Summarize/keyphrases-by-agreement", test_keyphrases_by_agreement);
  g_test_add_func ("/Pith/Summarize/keyphrases-past-many-terms", test_keywords_past_many_terms);
  g_test_add_func ("/Pith/Summarize/languages", test_other_language);
  g_test_add_func ("/Pith/Summarize/empty", test_empty_and_missing_segment);
  g_test_add_func ("/Pith/Summarize/whole-long-document", test_whole_long_document);
  g_test_add_func ("/Pith/Summarize/run-on-sentences", test_run_on_sentences_left_out);
  g_test_add_func ("/Pith/Summarize/sentences-without-words", test_sentences_without_words);
  g_test_add_func ("/Pith/Summarize/shared-stage-as-new", test_shared_stage_as_new);
  g_test_add_func ("/Pith/Summarize/karabakh-sample", test_karabakh_sample);
  g_test_add_func ("/Pith/Summarize/detected-language", test_detected_language);
  g_test_add_func ("/Pith/Summarize/not-summary-sentences", test_not_summary_sentences);
  g_test_add_func ("/Pith/Summarize/ranker-files", test_ranker_files);
  g_test_add_func ("/Pith/Summarize/own-ranker", test_own_ranker);
  g_test_add_func ("/Pith/Summarize/ranker-products", test_ranker_products);
  g_test_add_func ("/Pith/Summarize/default-diversity", test_default_diversity);
  g_test_add_func ("/Pith/Summarize/features-and-methods", test_features_and_methods);
  g_test_add_func ("/Pith/Summarize/voice-features", test_voice_features);

  return g_test_run ();
}
