/* test-clean.c: the clean stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

/* g_strescape() leaves these bytes alone: all of UTF-8 beyond ASCII. */
static const char NON_ASCII[] =
  "\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f"
  "\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9a\x9b\x9c\x9d\x9e\x9f"
  "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
  "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
  "\xc0\xc1\xc2\xc3\xc4\xc5\xc6\xc7\xc8\xc9\xca\xcb\xcc\xcd\xce\xcf"
  "\xd0\xd1\xd2\xd3\xd4\xd5\xd6\xd7\xd8\xd9\xda\xdb\xdc\xdd\xde\xdf"
  "\xe0\xe1\xe2\xe3\xe4\xe5\xe6\xe7\xe8\xe9\xea\xeb\xec\xed\xee\xef"
  "\xf0\xf1\xf2\xf3\xf4\xf5\xf6\xf7";

#define run pith_test_run

/* The raw text as the cleaner leaves a token: NFC, without the characters
 * it drops. */
static char *
as_cleaned (const char *raw,
            gsize       length)
{
  g_autofree char *normalized = g_utf8_normalize (raw, (gssize) length, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != 0x200B && c != 0x00AD && c != 0x2060 && c != 0xFEFF && !g_unichar_iscntrl (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_ascii_word (const char *text)
{
  if (*text == '\0')
    return FALSE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isalnum (*text))
      return FALSE;
  return TRUE;
}

/* Every token of the cleaned text maps back to the raw characters it came
 * from: the same text, but for what the cleaner drops or normalises. Words
 * that the cleaner rebuilt (mojibake, entities, hyphenation) map to what
 * they were rebuilt from, so the check holds for the plain words, which in
 * news text are nearly all of them. */
static void
check_tokens_map_back (PithDocument *document)
{
  g_autoptr(GPtrArray) tokens = pith_document_get_spans (document, PITH_LAYER_TOKEN);
  const char *raw = pith_document_get_raw (document);
  guint checked = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      PithSpan *token = g_ptr_array_index (tokens, i);
      g_autofree char *raw_text = NULL;
      const char *start = g_utf8_offset_to_pointer (raw, (glong) token->raw_start);
      const char *end = g_utf8_offset_to_pointer (raw, (glong) token->raw_end);

      raw_text = as_cleaned (start, end - start);
      if (!is_ascii_word (token->text))
        continue;
      /* A rebuilt word maps to what it was rebuilt from: a word broken by
       * hyphenation, entities, mojibake. */
      if (!is_ascii_word (raw_text) &&
          (strchr (raw_text, '&') != NULL || !g_str_is_ascii (raw_text) ||
           strchr (raw_text, '-') != NULL))
        continue;
      if (strcmp (raw_text, token->text) != 0)
        g_error ("token “%s” maps to raw “%s”", token->text, raw_text);
      checked++;
    }
  g_assert_cmpuint (checked, <=, tokens->len);
}

static void
test_cases (void)
{
  g_autoptr(GPtrArray) cases = pith_test_cases_load ("clean-cases.txt", "< ");
  guint failures = 0;

  g_assert_cmpuint (cases->len, >=, 40);
  for (guint i = 0; i < cases->len; i++)
    {
      PithTestCase *test_case = g_ptr_array_index (cases, i);
      g_autofree char *description = g_strdup_printf ("clean %s ! segment",
                                                      test_case->options ? test_case->options : "");
      g_autoptr(PithDocument) document = run (description, test_case->input);
      const char *expected = g_ptr_array_index (test_case->expected, 0);

      if (strcmp (pith_document_get_text (document), expected) != 0)
        {
          g_autofree char *got = g_strescape (pith_document_get_text (document), NON_ASCII);
          g_autofree char *want = g_strescape (expected, NON_ASCII);

          g_printerr ("clean-cases.txt:%u:\n  expected: %s\n  got:      %s\n",
                      test_case->line, want, got);
          failures++;
        }
      check_tokens_map_back (document);
    }

  g_assert_cmpuint (failures, ==, 0);
}

/* Each mixed-case name, brand, identifier and domain of the list, alone
 * in a sentence, in the positions a glued word takes: mid-sentence,
 * sentence-final, after a sentence. None may be split. */
static void
test_mixed_case_words_stay (void)
{
  static const char * const frames[] = {
    "The report named %s on Monday.",
    "Nobody there had heard of %s.",
    "It rained. %s was there too.",
  };
  g_autofree char *path = pith_test_data_path ("mixed-case-words.txt");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint words = 0;
  guint failures = 0;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      words++;
      for (guint f = 0; f < G_N_ELEMENTS (frames); f++)
        {
          g_autofree char *text = g_strdup_printf (frames[f], lines[i]);
          g_autoptr(PithDocument) document = run ("clean", text);

          if (strcmp (pith_document_get_text (document), text) != 0)
            {
              g_printerr ("mixed-case-words.txt: %s\n  became: %s\n", text,
                          pith_document_get_text (document));
              failures++;
            }
        }
    }

  g_assert_cmpuint (words, >=, 100);
  g_assert_cmpuint (failures, ==, 0);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = pith_test_data_path (name);
  char *contents = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  return contents;
}

static void
test_project_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "examples", "articles",
                                                 "harbour-scraped.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = read_data ("harbour-scraped.clean.txt");
  g_autoptr(PithDocument) document = NULL;
  JsonObject *report;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  document = run ("clean ! segment", contents);
  g_assert_cmpstr (pith_document_get_text (document), ==, expected);

  report = pith_document_get_report (document, "cleaning");
  g_assert_cmpint (json_object_get_int_member (report, "marker"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (report, "boilerplate"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "glued-sentence"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "missing-space"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (report, "quote-debris"), ==, 1);
  check_tokens_map_back (document);
}

static char *
words_of (const char *text,
          const char * const *skip)
{
  g_autoptr(GRegex) word = g_regex_new ("\\w+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  GString *out = g_string_new (NULL);

  g_regex_match (word, text, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *found = g_match_info_fetch (match, 0);
      if (!g_strv_contains (skip, found))
        g_string_append_printf (out, "%s ", found);
    }
  return g_string_free (out, FALSE);
}

/* The typical input. Its text is not the project's to commit, so the
 * exact output is pinned by its SHA-256. */
static void
test_karabakh_sample (void)
{
  g_autofree char *contents = pith_test_shared_sample_load ("karabakh-scraped.txt");
  g_autoptr(PithDocument) document = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *raw_words = NULL;
  g_autofree char *clean_words = NULL;
  const char *text;
  const char * const markers[] = { "ad_1", "ad_2", NULL };
  const char * const nothing[] = { NULL };

  if (contents == NULL)
    return;

  document = run ("clean ! segment", contents);
  text = pith_document_get_text (document);

  g_assert_null (strstr (text, "[ad"));
  g_assert_null (strstr (text, "TurkeyThey"));
  g_assert_nonnull (strstr (text, "Russia and Turkey. They confirmed"));
  g_assert_nonnull (strstr (text, "settlement. – reported in the Kremlin"));
  g_assert_nonnull (strstr (text, "Stepanakert. “GORDON”)"));
  g_assert_null (strstr (text, "\n\n\n"));
  g_assert_true (g_str_has_prefix (text, "Erdogan invited Putin"));
  g_assert_true (g_str_has_suffix (text, "battles for Shusha continue."));

  /* Every word of the article is kept, in order: the glued pair as two. */
  raw_words = words_of (contents, markers);
  clean_words = words_of (text, nothing);
  {
    g_autoptr(GRegex) glued = g_regex_new ("TurkeyThey", 0, 0, NULL);
    g_autofree char *raw_split = g_regex_replace_literal (glued, raw_words, -1, 0, "Turkey They",
                                                          0, NULL);
    g_assert_cmpstr (clean_words, ==, raw_split);
  }

  /* 13 paragraphs: the headline and 12 of text. */
  {
    g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);
    g_assert_cmpuint (g_strv_length (paragraphs), ==, 13);
  }

  digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_assert_cmpstr (digest, ==, g_getenv ("PITH_KARABAKH_CLEAN_SHA256") != NULL ?
                   g_getenv ("PITH_KARABAKH_CLEAN_SHA256") : KARABAKH_CLEAN_SHA256);
  check_tokens_map_back (document);
}

static void
test_html_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "examples", "articles",
                                                 "harbour-scraped.html", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(PithDocument) document = NULL;
  g_autoptr(GPtrArray) tokens = NULL;
  const char *text;
  const char *raw;
  JsonArray *authors;
  guint checked = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  document = run ("clean ! segment", contents);
  text = pith_document_get_text (document);
  raw = pith_document_get_raw (document);

  g_assert_true (g_str_has_prefix (text, "Port workers in Valmora end strike after talks with ministry\n\n"
                                         "Dock workers at the Port of Valmora"));
  g_assert_null (strchr (text, '<'));
  g_assert_null (strstr (text, "adSlots"));
  g_assert_null (strstr (text, "Home"));
  g_assert_null (strstr (text, "Related"));
  g_assert_null (strstr (text, "Facebook"));
  g_assert_null (strstr (text, "ADVERTISEMENT"));
  g_assert_nonnull (strstr (text, "“a first step, not the last word.”"));
  g_assert_nonnull (strstr (text, "$12 million a day."));
  g_assert_cmpstr (pith_document_get_metadata_string (document, "title"), ==,
                   "Port workers in Valmora end strike after talks with ministry");
  authors = json_object_get_array_member (pith_document_get_metadata (document), "authors");
  g_assert_cmpuint (json_array_get_length (authors), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (authors, 0), ==, "Staff reporter");
  g_assert_nonnull (pith_document_get_metadata_string (document, "description"));

  /* Offsets point into the raw HTML: a word at its place, a character
   * reference at the reference. */
  tokens = pith_document_get_spans (document, PITH_LAYER_TOKEN);
  for (guint i = 0; i < tokens->len; i++)
    {
      PithSpan *token = g_ptr_array_index (tokens, i);
      const char *start = g_utf8_offset_to_pointer (raw, (glong) token->raw_start);
      const char *end = g_utf8_offset_to_pointer (raw, (glong) token->raw_end);
      g_autofree char *raw_text = g_strndup (start, end - start);

      if (strcmp (token->text, "Okafor") == 0 || strcmp (token->text, "Castelmar") == 0)
        {
          g_assert_cmpstr (raw_text, ==, token->text);
          checked++;
        }
      if (strcmp (token->text, "“") == 0)
        {
          g_assert_cmpstr (raw_text, ==, "&ldquo;");
          checked++;
        }
    }
  g_assert_cmpuint (checked, ==, 4);
}

static void
test_audit (void)
{
  g_autoptr(PithDocument) document = run ("clean audit=true", "[ad_1]\n\nSaid.The end  now.");
  JsonObject *report = pith_document_get_report (document, "cleaning");
  JsonArray *changes = json_object_get_array_member (report, "changes");
  JsonObject *first;

  g_assert_cmpstr (pith_document_get_text (document), ==, "Said. The end now.");
  g_assert_cmpuint (json_array_get_length (changes), ==, 3);
  first = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "kind"), ==, "marker");
  g_assert_cmpint (json_object_get_int_member (first, "raw_start"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (first, "raw_end"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (first, "before"), ==, "[ad_1]\n\n");
  g_assert_cmpstr (json_object_get_string_member (first, "after"), ==, "");
}

/* Each glued-sentence repair names the evidence it went by, as the audit
 * shows it: the kind of name on either side of the join. */
static void
test_glue_evidence (void)
{
  static const struct { const char *text; const char *evidence; } cases[] = {
    { "the strike was announced TuesdayAmong the demands were higher wages.", "a weekday or a month before it" },
    { "the cargo was unloaded in KenyaJoseph Otieno said it came late.", "a place before a name" },
    { "they met at the Harbour Workers UnionMembers voted to strike.", "the end of an organisation's name before it" },
    { "a column by Maria LopesSlated for Monday, the vote may slip.", "a surname after a given name" },
    { "the talks lasted all nightOkafor left first.", "dictionary word before a capital" },
    { "the mayor saidThe port will open.", "sentence starter" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PithDocument) document = run ("clean audit=true", cases[i].text);
      JsonObject *report = pith_document_get_report (document, "cleaning");
      JsonArray *changes = json_object_get_array_member (report, "changes");
      JsonObject *glued = NULL;

      for (guint k = 0; k < json_array_get_length (changes); k++)
        {
          JsonObject *change = json_array_get_object_element (changes, k);
          if (g_strcmp0 (json_object_get_string_member (change, "kind"), "glued-sentence") == 0)
            glued = change;
        }
      g_assert_nonnull (glued);
      g_assert_cmpstr (json_object_get_string_member (glued, "evidence"), ==, cases[i].evidence);
    }
}

static void
test_clean_text_untouched (void)
{
  static const char * const clean[] = {
    "A plain sentence.",
    "Two paragraphs.\n\nThe second one.",
    "Line one\nline two",
    "Prices rose 3.5% in the U.S. on Monday, e.g. for fuel.",
    "Ελληνικά. Кириллица. Türkçe. Tiếng Việt. 中文。",
  };

  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    {
      g_autoptr(PithDocument) document = run ("clean", clean[i]);
      JsonObject *report = pith_document_get_report (document, "cleaning");

      g_assert_cmpstr (pith_document_get_text (document), ==, clean[i]);
      g_assert_cmpint (json_object_get_int_member (report, "edits"), ==, 0);
    }
}

static void
test_hostile_inputs (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(PithDocument) markers = NULL;
  g_autoptr(PithDocument) long_line = NULL;


  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "[ad_1]");
  markers = run ("clean", text->str);
  g_assert_cmpstr (pith_document_get_text (markers), ==, "");

  /* HTML nested 100,000 deep, a comment bomb, an entity bomb. */
  {
    g_autoptr(PithDocument) nested = NULL;
    g_autoptr(PithDocument) comments = NULL;
    g_autoptr(PithDocument) entities = NULL;

    g_string_truncate (text, 0);
    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "<div><span>");
    g_string_append (text, "deep text");
    for (guint i = 0; i < 100000; i++)
      g_string_append (text, "</span></div>");
    nested = run ("clean input-format=html", text->str);
    g_assert_cmpstr (pith_document_get_text (nested), ==, "deep text");

    g_string_truncate (text, 0);
    for (guint i = 0; i < 1000000; i++)
      g_string_append (text, "<!--");
    comments = run ("clean input-format=html", text->str);
    g_assert_cmpstr (pith_document_get_text (comments), ==, "");

    g_string_truncate (text, 0);
    for (guint i = 0; i < 1000000; i++)
      g_string_append (text, "&amp;");
    entities = run ("clean input-format=html", text->str);
    g_assert_cmpuint (pith_document_get_text_size (entities), ==, 1000000);
  }

  g_string_truncate (text, 0);
  for (guint i = 0; i < 2 * 1024 * 1024; i++)
    g_string_append (text, "a  b ");
  long_line = run ("clean", text->str);
  g_assert_cmpuint (pith_document_get_text_size (long_line), ==, 2 * 1024 * 1024 * 4 - 1);
  g_string_free (text, TRUE);
}

/* Boilerplate lines are English's and the document's language's, as
 * declared or, when nothing is declared, as the text clearly says: a
 * German page loses "Lesen Sie auch" and "Anzeige", a French one "Lire
 * aussi", and an English article keeps a line that only in German would
 * be boilerplate. */
static void
test_boilerplate_by_language (void)
{
  g_autoptr(PithDocument) german = run ("clean",
    "Die Banken in Frankfurt haben am Freitag ihre Zinsen erhöht, wie die Europäische Zentralbank mitteilte.\n"
    "Lesen Sie auch: Warum die Inflation so hoch ist\n"
    "Klima und Energie bleiben die großen Themen des Jahres, sagte der Sprecher der Bundesregierung.\n"
    "Anzeige\n"
    "Der Preis stieg im Oktober auf einen neuen Höchststand, und ein neuer Bericht soll bald erscheinen.\n");
  g_autoptr(PithDocument) french = pith_document_new (
    "Les pluies ont inondé des dizaines de maisons pendant la nuit, selon la préfecture.\n"
    "Lire aussi : Les crues de l'hiver dernier\n"
    "Les habitants doivent éviter la rivière jusqu'à nouvel ordre.\n");
  g_autoptr(PithDocument) english = run ("clean",
    "The German word for advertising, printed at the top of paid pages, is short:\n"
    "Anzeige\n"
    "Readers in Berlin see it every day above the pages that companies have paid for.\n");
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("clean", NULL);

  g_assert_null (strstr (pith_document_get_text (german), "Lesen Sie"));
  g_assert_null (strstr (pith_document_get_text (german), "Anzeige"));
  g_assert_nonnull (strstr (pith_document_get_text (german), "Klima und Energie"));
  /* clean chose the list; the language stage, not clean, sets the language. */
  g_assert_null (pith_document_get_language (german));

  pith_document_set_language (french, "fr-FR");
  g_assert_true (pith_pipeline_process (pipeline, french, NULL, NULL));
  g_assert_null (strstr (pith_document_get_text (french), "Lire aussi"));
  g_assert_nonnull (strstr (pith_document_get_text (french), "Les habitants"));

  g_assert_nonnull (strstr (pith_document_get_text (english), "Anzeige"));
}

/* The dateline that opens a story is parted from its first sentence,
 * glued or not, and kept as metadata and a span; a sentence that only
 * looks like one keeps its words together. */
static void
test_datelines (void)
{
  static const struct { const char *raw; const char *text; const char *dateline; } cases[] = {
    { "(CNN)Share, and your gift will be multiplied.", "(CNN)\n\nShare, and your gift will be multiplied.",
      "(CNN)" },
    { "London (CNN)It was the interview of the year.", "London (CNN)\n\nIt was the interview of the year.",
      "London (CNN)" },
    { "Kano, Nigeria (CNN) -- Gunmen attacked a school.", "Kano, Nigeria (CNN)\n\nGunmen attacked a school.",
      "Kano, Nigeria (CNN)" },
    { "WASHINGTON — The Senate passed the bill on Friday.", "WASHINGTON\n\nThe Senate passed the bill on Friday.",
      "WASHINGTON" },
    { "Harbour strike ends\n\nVALMORA, Portugal (Reuters) - Dock workers ended a strike.",
      "Harbour strike ends\n\nVALMORA, Portugal (Reuters)\n\nDock workers ended a strike.",
      "VALMORA, Portugal (Reuters)" },
    { "March 10, 2015 . We visit three countries today.", "March 10, 2015 .\n\nWe visit three countries today.",
      "March 10, 2015 ." },
    /* Sentences, not datelines. */
    { "NATO (North Atlantic Treaty Organization) Secretary General Jens Stoltenberg spoke.", NULL, NULL },
    { "Ines Okafor (left) met the minister on Tuesday.", NULL, NULL },
    { "The Senate (in a late vote) passed the bill.", NULL, NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PithDocument) document = run ("clean", cases[c].raw);
      g_autoptr(PithDocument) off = run ("clean datelines=false", cases[c].raw);
      const char *expected = cases[c].text != NULL ? cases[c].text : cases[c].raw;

      g_assert_cmpstr (pith_document_get_text (document), ==, expected);
      g_assert_cmpstr (pith_document_get_metadata_string (document, "dateline"), ==, cases[c].dateline);
      g_assert_cmpuint (pith_document_get_n_spans (document, PITH_LAYER_DATELINE), ==, cases[c].dateline != NULL);
      g_assert_null (pith_document_get_metadata_string (off, "dateline"));
      check_tokens_map_back (document);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Clean/cases", test_cases);
  g_test_add_func ("/Pith/Clean/mixed-case-words-stay", test_mixed_case_words_stay);
  g_test_add_func ("/Pith/Clean/project-sample", test_project_sample);
  g_test_add_func ("/Pith/Clean/karabakh-sample", test_karabakh_sample);
  g_test_add_func ("/Pith/Clean/html-sample", test_html_sample);
  g_test_add_func ("/Pith/Clean/audit", test_audit);
  g_test_add_func ("/Pith/Clean/glue-evidence", test_glue_evidence);
  g_test_add_func ("/Pith/Clean/clean-text-untouched", test_clean_text_untouched);
  g_test_add_func ("/Pith/Clean/hostile", test_hostile_inputs);
  g_test_add_func ("/Pith/Clean/boilerplate-by-language", test_boilerplate_by_language);
  g_test_add_func ("/Pith/Clean/datelines", test_datelines);

  return g_test_run ();
}
