/* test-html.c: web pages through the clean stage
 *
 * The pages in tests/data/html were written for these tests: an article
 * with every kind of page furniture, metadata in each place a page states
 * it, broken markup, pages that need the fallbacks, comments and captions,
 * a French page and one in Windows-1250.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-test-cases.h"

static PithDocument *
run_page (const char *description,
          const char *name,
          const char *url)
{
  g_autofree char *path = pith_test_data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize length = 0;
  PithDocument *document;

  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  bytes = g_bytes_new_take (contents, length);
  document = pith_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  pith_document_set_metadata_string (document, "input_format", "html");
  if (url != NULL)
    pith_document_set_metadata_string (document, "url", url);
  g_assert_true (pith_pipeline_process (pipeline, document, NULL, &error));
  g_assert_no_error (error);
  return document;
}

static JsonObject *
html_report (PithDocument *document)
{
  JsonObject *cleaning = pith_document_get_report (document, "cleaning");

  g_assert_nonnull (cleaning);
  return json_object_get_object_member (cleaning, "html");
}

static void
assert_has (const char *text,
            const char *part)
{
  if (strstr (text, part) == NULL)
    g_error ("“%s” is not in the text:\n%s", part, text);
}

static void
assert_lacks (const char *text,
              const char *part)
{
  if (strstr (text, part) != NULL)
    g_error ("“%s” is in the text:\n%s", part, text);
}

static void
assert_strings (JsonArray          *array,
                const char * const *expected)
{
  guint n = g_strv_length ((char **) expected);

  g_assert_nonnull (array);
  g_assert_cmpuint (json_array_get_length (array), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (json_array_get_string_element (array, i), ==, expected[i]);
}

/* Every character of the text maps back to its own bytes in the page: the
 * same character, a reference that stands for it, or, for the blanks and
 * breaks that stand for markup, anything. */
static void
assert_offsets_exact (PithDocument *document)
{
  const char *text = pith_document_get_text (document);
  const char *raw = pith_document_get_raw (document);
  guint checked = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gsize start = (gsize) (p - text);
      gsize end = (gsize) (g_utf8_next_char (p) - text);
      gsize raw_start;
      gsize raw_end;
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      pith_document_map_to_raw_bytes (document, start, end, &raw_start, &raw_end);
      g_assert_cmpuint (raw_end, >, raw_start);
      if (raw_end - raw_start == end - start && strncmp (raw + raw_start, p, end - start) == 0)
        ;
      else if (raw[raw_start] == '&')
        g_assert_cmpint (raw[raw_end - 1], ==, ';');
      else
        g_error ("“%.*s” at %" G_GSIZE_FORMAT " maps to “%.*s”", (int) (end - start), p, start,
                 (int) (raw_end - raw_start), raw + raw_start);
      checked++;
    }
  g_assert_cmpuint (checked, >, 0);
}

static void
test_furniture (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/furniture.html", NULL);
  const char *text = pith_document_get_text (document);
  JsonObject *metadata = pith_document_get_metadata (document);
  JsonObject *dropped = json_object_get_object_member (html_report (document), "dropped");
  static const char * const authors[] = { "Marta Quintal", NULL };
  static const char * const kept[] = {
    "The night ferries that link the old harbour",
    "\n\nA timetable built around the hospital\n\n",
    "Departures every forty minutes until one in the morning",
    "We planned it with the nurses",
    "Harbour to East Island 18 minutes",
    "Fares stay at two euros",
  };
  static const char * const gone[] = {
    "cookies", "Accept all", "Sport", "Weather", "Home", "Lagoon\n", "By Marta", "Share on",
    "Photo: Joana Reis", "Related:", "newsletter", "inbox", "Read more", "Tags:", "comments",
    "My sister", "Trending", "fish market", "Most read", "bakeries", "ADVERTISEMENT",
    "All rights reserved", "Privacy", "dataLayer", "display: none",
  };

  /* The headline first, then the article, paragraphs apart. */
  g_assert_true (g_str_has_prefix (text, "Night ferries return to the lagoon after a winter without them\n\n"
                                         "The night ferries"));
  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    assert_has (text, kept[i]);
  for (guint i = 0; i < G_N_ELEMENTS (gone); i++)
    assert_lacks (text, gone[i]);

  g_assert_cmpstr (json_object_get_string_member (metadata, "title"), ==,
                   "Night ferries return to the lagoon after a winter without them");
  assert_strings (json_object_get_array_member (metadata, "authors"), authors);
  g_assert_cmpstr (json_object_get_string_member (metadata, "published"), ==, "2024-03-14");
  g_assert_cmpstr (json_object_get_string_member (metadata, "site_name"), ==, "Valmora Daily");
  g_assert_cmpstr (pith_document_get_language (document), ==, "en");

  /* What went, by kind. */
  g_assert_true (json_object_has_member (dropped, "share"));
  g_assert_true (json_object_has_member (dropped, "newsletter"));
  g_assert_true (json_object_has_member (dropped, "related"));
  g_assert_true (json_object_has_member (dropped, "caption"));
  assert_offsets_exact (document);
}

static void
test_furniture_audit (void)
{
  g_autoptr(PithDocument) document = run_page ("clean audit=true", "html/furniture.html", NULL);
  JsonArray *zones = json_object_get_array_member (html_report (document), "zones");
  const char *raw = pith_document_get_raw (document);
  gboolean found_share = FALSE;
  gboolean found_sidebar = FALSE;

  g_assert_nonnull (zones);
  for (guint i = 0; i < json_array_get_length (zones); i++)
    {
      JsonObject *zone = json_array_get_object_element (zones, i);
      const char *kind = json_object_get_string_member (zone, "kind");
      const char *start = g_utf8_offset_to_pointer (raw, json_object_get_int_member (zone, "raw_start"));
      const char *end = g_utf8_offset_to_pointer (raw, json_object_get_int_member (zone, "raw_end"));
      g_autofree char *part = g_strndup (start, end - start);

      /* Each zone is an element of the page, start tag to end tag. */
      g_assert_true (part[0] == '<');
      if (strcmp (kind, "share") == 0)
        {
          found_share = TRUE;
          g_assert_nonnull (strstr (part, "Share on Facebook"));
        }
      if (strcmp (kind, "sidebar") == 0 && strstr (part, "Trending") != NULL)
        found_sidebar = TRUE;
    }
  g_assert_true (found_share);
  g_assert_true (found_sidebar);
}

static void
test_whole_page (void)
{
  g_autoptr(PithDocument) document = run_page ("clean article=false", "html/furniture.html", NULL);
  const char *text = pith_document_get_text (document);

  g_assert_cmpstr (json_object_get_string_member (html_report (document), "path"), ==, "all");
  assert_has (text, "Trending");
  assert_has (text, "Photo: Joana Reis");
  assert_has (text, "The night ferries that link the old harbour");
  assert_lacks (text, "dataLayer");
}

static void
test_metadata_json_ld (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/metadata-jsonld.html",
                                               "https://seebote.example/lokales/neue-faehre?ref=x");
  const char *text = pith_document_get_text (document);
  JsonObject *metadata = pith_document_get_metadata (document);
  static const char * const authors[] = { "Lena Hoffmann", "Jonas Weber", NULL };
  static const char * const tags[] = { "Fähre", "See", "Verkehr", "Lokales", NULL };

  g_assert_cmpstr (json_object_get_string_member (metadata, "title"), ==, "Neue Fähre über den See");
  assert_strings (json_object_get_array_member (metadata, "authors"), authors);
  g_assert_cmpstr (json_object_get_string_member (metadata, "published"), ==, "2023-06-12T07:30:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (metadata, "modified"), ==, "2023-06-13T10:00:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (metadata, "site_name"), ==, "Seebote");
  g_assert_cmpstr (json_object_get_string_member (metadata, "language"), ==, "de");
  g_assert_cmpstr (json_object_get_string_member (metadata, "url"), ==,
                   "https://seebote.example/lokales/2023/06/neue-faehre");
  g_assert_cmpstr (json_object_get_string_member (metadata, "image"), ==,
                   "https://seebote.example/bilder/faehre.jpg");
  g_assert_cmpstr (json_object_get_string_member (metadata, "description"), ==,
                   "Die Gemeinde hat eine zweite Fähre gekauft.");
  assert_strings (json_object_get_array_member (metadata, "tags"), tags);
  g_assert_cmpstr (pith_document_get_language (document), ==, "de");

  assert_has (text, "Der Gemeinderat stimmte am Montagabend");
  /* A related block in German, and a reader's comment with its own date. */
  assert_lacks (text, "Das könnte Sie auch interessieren");
  assert_lacks (text, "Badesaison");
  assert_lacks (text, "Endlich fährt sie");
}

static void
test_metadata_byline (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/metadata-byline.html", NULL);
  JsonObject *metadata = pith_document_get_metadata (document);
  JsonObject *sources = json_object_get_object_member (html_report (document), "sources");
  static const char * const authors[] = { "Ivan Pereira", "Dana Lisboa", NULL };

  /* No "By", no date, no Facebook page for an author. */
  assert_strings (json_object_get_array_member (metadata, "authors"), authors);
  /* Not the related story's date, not the copyright year. */
  g_assert_cmpstr (json_object_get_string_member (metadata, "published"), ==, "2020-08-16");
  g_assert_cmpstr (json_object_get_string_member (metadata, "title"), ==, "Solar roofs for the old market hall");
  g_assert_nonnull (json_object_get_string_member (sources, "published"));
}

static void
test_metadata_marked (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/metadata-marked.html", NULL);
  JsonObject *metadata = pith_document_get_metadata (document);
  JsonObject *sources = json_object_get_object_member (html_report (document), "sources");
  const char *text = pith_document_get_text (document);
  static const char * const authors[] = { "Inés Carrasco", NULL };

  /* The headline, not the <title> of the site's front page. */
  g_assert_cmpstr (json_object_get_string_member (metadata, "title"), ==,
                   "El puerto amplía su muelle de pescadores");
  /* rel=author and <time pubdate>, not the related story's <time>. */
  assert_strings (json_object_get_array_member (metadata, "authors"), authors);
  g_assert_cmpstr (json_object_get_string_member (metadata, "published"), ==, "2021-04-07T08:15:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (sources, "published"), ==, "marked");
  g_assert_cmpstr (pith_document_get_language (document), ==, "es");
  /* The line that only dates the page, and the related stories, go. */
  assert_lacks (text, "Actualizado");
  assert_lacks (text, "lonja");
  assert_has (text, "costarán unos tres millones de euros");
}

static void
test_url_dates_the_page (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/fallback-divs.html",
                                               "https://coast.example/news/2021/09/27/lighthouse/");
  JsonObject *metadata = pith_document_get_metadata (document);
  JsonObject *sources = json_object_get_object_member (html_report (document), "sources");

  g_assert_cmpstr (json_object_get_string_member (metadata, "published"), ==, "2021-09-27");
  g_assert_cmpstr (json_object_get_string_member (sources, "published"), ==, "url");
}

static void
test_broken_markup (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/broken-markup.html", NULL);
  const char *text = pith_document_get_text (document);

  assert_has (text, "First paragraph without its end tag, as old pages write them\n\nSecond paragraph");
  assert_has (text, "with bold and italic text misnested");
  /* Two <br> make a paragraph break. */
  assert_has (text, "and a\n\ndouble line break.");
  assert_has (text, "first item\n\nsecond item\n\nthird item");
  assert_has (text, "cell one cell two\n\ncell three");
  assert_has (text, "Quoted angles in attributes stay attributes.");
  assert_has (text, "An entity bomb &&& <b> and an unknown &bogus; one, and a 😀 face.");
  assert_lacks (text, "JavaScript");
  assert_lacks (text, "template");
  assert_lacks (text, "not text");
  assert_offsets_exact (document);
}

static void
test_fallbacks (void)
{
  g_autoptr(PithDocument) divs = run_page ("clean", "html/fallback-divs.html", NULL);
  g_autoptr(PithDocument) short_post = run_page ("clean", "html/fallback-short.html", NULL);
  g_autoptr(PithDocument) menu_only = run_page ("clean", "html/fallback-nav-only.html", NULL);

  /* Nothing names the article: its paragraphs' scores find it. */
  g_assert_cmpstr (json_object_get_string_member (html_report (divs), "path"), ==, "scored");
  assert_has (pith_document_get_text (divs), "The lighthouse on the southern cape");
  assert_has (pith_document_get_text (divs), "will become a hostel.");
  assert_lacks (pith_document_get_text (divs), "About us");
  assert_lacks (pith_document_get_text (divs), "Older news");

  /* A post of a few words is still the post, without the menus. */
  assert_has (pith_document_get_text (short_post), "Back on Monday.");
  assert_lacks (pith_document_get_text (short_post), "Archive");

  /* A page of nothing but its menu is not empty. */
  g_assert_cmpstr (json_object_get_string_member (html_report (menu_only), "path"), ==, "all");
  assert_has (pith_document_get_text (menu_only), "The page holds nothing but its menu");
}

static void
test_comments_and_captions (void)
{
  g_autoptr(PithDocument) plain = run_page ("clean", "html/comments-captions.html", NULL);
  g_autoptr(PithDocument) kept = run_page ("clean comments=true captions=true", "html/comments-captions.html", NULL);
  const char *text = pith_document_get_text (kept);
  const PithLayer *spans;
  guint n_spans;

  assert_lacks (pith_document_get_text (plain), "opening day");
  assert_lacks (pith_document_get_text (plain), "Lovely to see");
  g_assert_false (pith_document_has_layer (plain, PITH_LAYER_COMMENT));

  assert_has (text, "The pier on its opening day.");
  spans = pith_document_peek_layer (kept, PITH_LAYER_COMMENT);
  n_spans = pith_layer_get_n_spans (spans);
  g_assert_cmpuint (n_spans, ==, 2);
  g_assert_cmpint (strncmp (text + pith_layer_get_start (spans, 0), "Lovely to see boats at the north beach again after all these years.",
                            pith_layer_get_end (spans, 0) - pith_layer_get_start (spans, 0)), ==, 0);
  g_assert_cmpuint (pith_layer_get_end (spans, 0) - pith_layer_get_start (spans, 0), ==,
                    strlen ("Lovely to see boats at the north beach again after all these years."));
  g_assert_cmpint (strncmp (text + pith_layer_get_start (spans, 1), "It should have been wider", 25), ==, 0);
  /* The article comes first and is no comment. */
  g_assert_true (g_str_has_prefix (text, "The new pier opens"));
}

static void
test_french (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/languages.html", NULL);
  const char *text = pith_document_get_text (document);

  assert_has (text, "Après deux ans de travaux");
  assert_has (text, "parking à vélos pour le printemps.");
  assert_lacks (text, "Partager");
  assert_lacks (text, "À lire aussi");
  assert_lacks (text, "nouveau pont");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "published"), ==, "2022-11-05T09:00:00+01:00");
  g_assert_cmpstr (pith_document_get_language (document), ==, "fr");
}

static void
test_declared_charset (void)
{
  g_autoptr(PithDocument) document = run_page ("clean", "html/windows-1250.html", NULL);

  g_assert_cmpstr (pith_document_get_text (document), ==,
                   "Nový most přes řeku otevřeli v sobotu ráno, řekl starosta města.\n\n"
                   "Stavba trvala tři roky a stála pát set milionů korun.");
  g_assert_cmpstr (pith_document_get_metadata_string (document, "encoding"), ==, "windows-1250");
}

static char *
repeated (const char *head,
          const char *unit,
          guint       times,
          const char *tail)
{
  GString *out = g_string_new (head);

  for (guint i = 0; i < times; i++)
    g_string_append (out, unit);
  g_string_append (out, tail);
  return g_string_free (out, FALSE);
}

static void
test_hostile_pages (void)
{
  struct { const char *head; const char *unit; guint times; const char *tail; const char *expected; } pages[] = {
    /* Stray end tags by the thousand around one paragraph. */
    { "<body><p>Kept text.", "</span></b></i></div>", 100000, "</p>", "Kept text." },
    /* Elements left open, a hundred thousand deep. */
    { "<body>", "<div><span><b>", 100000, "deep text", "deep text" },
    /* A raw-text element never closed, then many more of them. */
    { "<p>Before the scripts.</p>", "<script>var a = '<p>", 50000, "", "Before the scripts." },
    /* Attributes of a megabyte. */
    { "<p class=\"", "sidebar related share ", 50000, "\">Text in a tag with a huge class.</p>",
      "Text in a tag with a huge class." },
    /* A comment that never ends hides the rest. */
    { "<p>Shown.</p><!--", "<p>hidden</p>", 50000, "", "Shown." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *html = repeated (pages[i].head, pages[i].unit, pages[i].times, pages[i].tail);
      g_autoptr(PithDocument) document = pith_test_run ("clean input-format=html", html);

      g_assert_cmpstr (pith_document_get_text (document), ==, pages[i].expected);
    }
}

/* Found by fuzzing: a headline longer than the part of it that is read,
 * cut inside a character, made the metadata invalid UTF-8. */
static void
test_long_headline (void)
{
  g_autofree char *html = repeated ("<html><body><h1>", "é€", 400, "</h1><p>Text.</p></body></html>");
  g_autoptr(PithDocument) document = pith_test_run ("clean input-format=html", html);
  const char *title = pith_document_get_metadata_string (document, "title");
  g_autofree char *json = pith_document_to_json (document);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithDocument) back = pith_document_new_from_json (json, -1, &error);

  g_assert_nonnull (title);
  g_assert_true (g_utf8_validate (title, -1, NULL));
  g_assert_true (g_str_has_prefix (title, "é€é€"));
  g_assert_no_error (error);
  g_assert_nonnull (back);
}

static PithDocument *
clean_html_string (const char *html)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("clean input-format=html", &error);
  PithDocument *document;

  g_assert_no_error (error);
  document = pith_pipeline_process_text (pipeline, html, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* A few references back to back map each to its own bytes; a run of
 * thousands is decoded whole, in blocks, each block one edit. */
static void
test_reference_runs (void)
{
  g_autoptr(PithDocument) few = clean_html_string ("<p>Rates &lt;&gt;&amp;&quot; fell.</p>");
  g_autoptr(GString) bomb = g_string_new ("<p>");
  g_autoptr(PithDocument) many = NULL;
  JsonObject *cleaning;
  gsize raw_start;
  gsize raw_end;

  g_assert_cmpstr (pith_document_get_text (few), ==, "Rates <>&\" fell.");
  assert_offsets_exact (few);
  pith_document_map_to_raw_bytes (few, 7, 8, &raw_start, &raw_end);
  g_assert_cmpmem (pith_document_get_raw (few) + raw_start, raw_end - raw_start, "&gt;", 4);

  for (guint i = 0; i < 10000; i++)
    g_string_append (bomb, i % 2 ? "&amp;" : "&#x41;");
  g_string_append (bomb, "</p>");
  many = clean_html_string (bomb->str);
  g_assert_cmpuint (strlen (pith_document_get_text (many)), ==, 10000);
  g_assert_true (g_str_has_prefix (pith_document_get_text (many), "A&A&A&"));
  g_assert_true (g_str_has_suffix (pith_document_get_text (many), "A&A&"));
  cleaning = pith_document_get_report (many, "cleaning");
  g_assert_cmpint (json_object_get_int_member (cleaning, "edits"), <, 10000 / 64 + 16);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Html/furniture", test_furniture);
  g_test_add_func ("/Pith/Html/reference-runs", test_reference_runs);
  g_test_add_func ("/Pith/Html/furniture-audit", test_furniture_audit);
  g_test_add_func ("/Pith/Html/whole-page", test_whole_page);
  g_test_add_func ("/Pith/Html/metadata/json-ld", test_metadata_json_ld);
  g_test_add_func ("/Pith/Html/metadata/byline", test_metadata_byline);
  g_test_add_func ("/Pith/Html/metadata/marked", test_metadata_marked);
  g_test_add_func ("/Pith/Html/metadata/url-date", test_url_dates_the_page);
  g_test_add_func ("/Pith/Html/broken-markup", test_broken_markup);
  g_test_add_func ("/Pith/Html/fallbacks", test_fallbacks);
  g_test_add_func ("/Pith/Html/comments-and-captions", test_comments_and_captions);
  g_test_add_func ("/Pith/Html/french", test_french);
  g_test_add_func ("/Pith/Html/declared-charset", test_declared_charset);
  g_test_add_func ("/Pith/Html/hostile", test_hostile_pages);
  g_test_add_func ("/Pith/Html/long-headline", test_long_headline);

  return g_test_run ();
}
