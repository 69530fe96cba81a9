/* test-segment.c: tokens and sentences
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

static PithDocument *
segment (const char *text,
         const char *language,
         const char *description)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);
  PithDocument *document = pith_document_new (text);

  g_assert_no_error (error);
  pith_document_set_language (document, language);
  g_assert_true (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_no_error (error);
  return document;
}

static char *
layer_text (PithDocument *document,
            const char   *layer,
            const char   *separator)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *spans;
  guint n = 0;
  GString *out = g_string_new (NULL);

  spans = pith_document_peek_layer (document, layer);
  n = pith_layer_get_n_spans (spans);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (out, separator);
      g_string_append_len (out, text + pith_layer_get_start (spans, i), pith_layer_get_end (spans, i) - pith_layer_get_start (spans, i));
    }
  return g_string_free (out, FALSE);
}

/* Spans are exact: in order, not overlapping, inside the text, and with the
 * gaps between them only whitespace. */
static void
check_spans_exact (PithDocument *document,
                   const char   *layer)
{
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);
  const PithLayer *spans;
  guint n = 0;
  gsize previous_end = 0;

  spans = pith_document_peek_layer (document, layer);
  n = pith_layer_get_n_spans (spans);
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (pith_layer_get_start (spans, i), <, pith_layer_get_end (spans, i));
      g_assert_cmpuint (pith_layer_get_start (spans, i), >=, previous_end);
      g_assert_cmpuint (pith_layer_get_end (spans, i), <=, size);
      g_assert_true (g_utf8_validate (text + pith_layer_get_start (spans, i), pith_layer_get_end (spans, i) - pith_layer_get_start (spans, i), NULL));
      previous_end = pith_layer_get_end (spans, i);
    }
}

static void
check_tokens_cover_text (PithDocument *document)
{
  const char *text = pith_document_get_text (document);
  gsize size = pith_document_get_text_size (document);
  const PithLayer *spans;
  guint n = 0;
  gsize position = 0;

  spans = pith_document_peek_layer (document, PITH_LAYER_TOKEN);
  n = pith_layer_get_n_spans (spans);
  for (guint i = 0; i <= n; i++)
    {
      gsize gap_end = i < n ? pith_layer_get_start (spans, i) : size;

      /* Everything between tokens is whitespace or invisible. */
      for (const char *p = text + position; p < text + gap_end; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (!g_unichar_isspace (c) && c != 0x200B && c != 0xFEFF && c != 0x00AD &&
              c != 0x200C && c != 0x200D)
            g_error ("Text “%.*s” at %td is in no token", 8, p, p - text);
        }
      if (i < n)
        position = pith_layer_get_end (spans, i);
    }
}

static void
test_sentence_cases (void)
{
  g_autoptr(GPtrArray) cases = pith_test_cases_load ("segment-sentences.txt", "= ");
  guint failures = 0;

  g_assert_cmpuint (cases->len, >=, 100);
  for (guint i = 0; i < cases->len; i++)
    {
      PithTestCase *test_case = g_ptr_array_index (cases, i);
      g_autoptr(PithDocument) document = segment (test_case->input, test_case->options, "segment");
      g_autofree char *got = layer_text (document, PITH_LAYER_SENTENCE, "\n= ");
      GString *want = g_string_new (NULL);

      for (guint e = 0; e < test_case->expected->len; e++)
        g_string_append_printf (want, "%s%s", e > 0 ? "\n= " : "",
                                (char *) g_ptr_array_index (test_case->expected, e));
      if (strcmp (got, want->str) != 0)
        {
          g_printerr ("segment-sentences.txt:%u: %s\n  expected:\n= %s\n  got:\n= %s\n",
                      test_case->line, test_case->input, want->str, got);
          failures++;
        }
      check_spans_exact (document, PITH_LAYER_SENTENCE);
      check_spans_exact (document, PITH_LAYER_TOKEN);
      check_tokens_cover_text (document);
      g_string_free (want, TRUE);
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
test_token_cases (void)
{
  g_autoptr(GPtrArray) cases = pith_test_cases_load ("segment-tokens.txt", "~ ");
  guint failures = 0;

  for (guint i = 0; i < cases->len; i++)
    {
      PithTestCase *test_case = g_ptr_array_index (cases, i);
      g_autoptr(PithDocument) document = segment (test_case->input, NULL, "segment");
      g_autofree char *got = layer_text (document, PITH_LAYER_TOKEN, " | ");

      g_assert_cmpuint (test_case->expected->len, ==, 1);
      if (strcmp (got, g_ptr_array_index (test_case->expected, 0)) != 0)
        {
          g_printerr ("segment-tokens.txt:%u:\n  expected: %s\n  got:      %s\n", test_case->line,
                      (char *) g_ptr_array_index (test_case->expected, 0), got);
          failures++;
        }
      check_tokens_cover_text (document);
    }

  g_assert_cmpuint (failures, ==, 0);
}

static void
test_lines_are_sentences (void)
{
  g_autoptr(PithDocument) paragraph = segment ("first line\nsecond line", NULL, "segment");
  g_autoptr(PithDocument) lines = segment ("first line\nsecond line", NULL,
                                           "segment lines-are-sentences=true");

  g_assert_cmpuint (pith_document_get_n_spans (paragraph, PITH_LAYER_SENTENCE), ==, 1);
  g_assert_cmpuint (pith_document_get_n_spans (lines, PITH_LAYER_SENTENCE), ==, 2);
}

static void
test_user_abbreviations (void)
{
  g_autoptr(PithDocument) plain = segment ("Ask Amb. Smith. He knows.", NULL, "segment");
  g_autoptr(PithDocument) added = segment ("Ask Amb. Smith. He knows.", NULL,
                                           "segment abbreviations=\"Amb. title,Approx\"");

  g_assert_cmpuint (pith_document_get_n_spans (plain, PITH_LAYER_SENTENCE), ==, 3);
  g_assert_cmpuint (pith_document_get_n_spans (added, PITH_LAYER_SENTENCE), ==, 2);
}

static void
test_pretokenized_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) document =
    pith_document_new_from_json ("{\"tokens\": [[\"U.S\", \".\", \"Army\"]]}", -1, &error);
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment", NULL);

  g_assert_no_error (error);
  g_assert_true (pith_pipeline_process (pipeline, document, NULL, NULL));
  g_assert_cmpuint (pith_document_get_n_spans (document, PITH_LAYER_TOKEN), ==, 3);
  g_assert_cmpuint (pith_document_get_n_spans (document, PITH_LAYER_SENTENCE), ==, 1);
}

static void
test_empty_and_blank (void)
{
  g_autoptr(PithDocument) empty = segment ("", NULL, "segment");
  g_autoptr(PithDocument) blank = segment (" \n\n\t ", NULL, "segment");

  g_assert_true (pith_document_has_layer (empty, PITH_LAYER_SENTENCE));
  g_assert_cmpuint (pith_document_get_n_spans (empty, PITH_LAYER_SENTENCE), ==, 0);
  g_assert_cmpuint (pith_document_get_n_spans (blank, PITH_LAYER_TOKEN), ==, 0);
}

/* Hostile inputs finish (time is measured in bench/, not here). */
static void
test_hostile_inputs (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(PithDocument) long_sentence = NULL;
  g_autoptr(PithDocument) abbreviations = NULL;

  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "word ");
  long_sentence = segment (text->str, NULL, "segment");
  g_assert_cmpuint (pith_document_get_n_spans (long_sentence, PITH_LAYER_SENTENCE), ==, 1);
  g_assert_cmpuint (pith_document_get_n_spans (long_sentence, PITH_LAYER_TOKEN), ==, 1000000);

  g_string_truncate (text, 0);
  for (guint i = 0; i < 1000000; i++)
    g_string_append (text, "Mr. ");
  abbreviations = segment (text->str, NULL, "segment");
  g_assert_cmpuint (pith_document_get_n_spans (abbreviations, PITH_LAYER_SENTENCE), ==, 1);
  g_string_free (text, TRUE);
}

static void
test_karabakh_sample (void)
{
  g_autofree char *contents = pith_test_shared_sample_load ("karabakh-scraped.txt");
  g_autoptr(PithDocument) document = NULL;
  g_autofree char *sentences = NULL;

  if (contents == NULL)
    return;

  document = segment (contents, "en", "clean ! segment");
  sentences = layer_text (document, PITH_LAYER_SENTENCE, "\n");
  g_assert_cmpuint (pith_document_get_n_spans (document, PITH_LAYER_SENTENCE), ==, 36);
  g_assert_nonnull (strstr (sentences, "\nFollowing the talks, the Kremlin said the presidents of Russia and Turkey.\n"
                                       "They confirmed their mutual willingness"));
  g_assert_nonnull (strstr (sentences, "from 12 noon on 10 October…\nHowever, after the start"));
  g_assert_nonnull (strstr (sentences, "\nPutin welcomed his proposal to create an appropriate group, CNN Turk reported.\n"));
  check_tokens_cover_text (document);
}

/* The abbreviations are the document's language's, found or declared:
 * "Hr." and "Frl." end no German sentence; read as English, they do. */
static void
test_detected_language (void)
{
  static const char text[] = "Die Sitzung leitete Hr. Weber aus Bonn. Danach sprach Frl. Klein über den Haushalt.";
  g_autoptr(PithDocument) detected = segment (text, NULL, "language ! segment");
  g_autoptr(PithDocument) declared = segment (text, "de-DE", "segment");
  g_autoptr(PithDocument) english = segment (text, "en", "segment");
  g_autofree char *sentences = layer_text (detected, PITH_LAYER_SENTENCE, "|");

  g_assert_cmpstr (pith_document_get_language (detected), ==, "de");
  g_assert_cmpstr (sentences, ==,
                   "Die Sitzung leitete Hr. Weber aus Bonn.|Danach sprach Frl. Klein über den Haushalt.");
  g_assert_cmpuint (pith_document_get_n_spans (declared, PITH_LAYER_SENTENCE), ==, 2);
  g_assert_cmpuint (pith_document_get_n_spans (english, PITH_LAYER_SENTENCE), >, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Segment/sentences", test_sentence_cases);
  g_test_add_func ("/Pith/Segment/tokens", test_token_cases);
  g_test_add_func ("/Pith/Segment/lines-are-sentences", test_lines_are_sentences);
  g_test_add_func ("/Pith/Segment/user-abbreviations", test_user_abbreviations);
  g_test_add_func ("/Pith/Segment/pretokenized", test_pretokenized_kept);
  g_test_add_func ("/Pith/Segment/empty", test_empty_and_blank);
  g_test_add_func ("/Pith/Segment/hostile", test_hostile_inputs);
  g_test_add_func ("/Pith/Segment/karabakh-sample", test_karabakh_sample);
  g_test_add_func ("/Pith/Segment/detected-language", test_detected_language);

  return g_test_run ();
}
