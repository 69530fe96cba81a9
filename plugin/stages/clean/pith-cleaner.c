/* pith-cleaner.c: the clean stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithCleaner:
 *
 * The `clean` stage: turns scraped news text into clean text, recording
 * every edit in the document's offset map so that anything found later
 * maps back to the raw input.
 *
 * It removes scraper markers (`[ad_1]`, `[advertisement]`, `{{ad}}`,
 * `ADVERTISEMENT` lines) and boilerplate lines ("Read more: …", "Share on
 * Facebook", cookie notices, photo credits, "© …" lines; the lists are
 * data files compiled into the library), plus any line matching
 * [property@Pith.Cleaner:patterns]. Boilerplate is English's and that of
 * the document's language ("Lesen Sie auch", "Lire aussi", "Leer más" in
 * German, French, Spanish, Italian, Portuguese, Dutch, Russian and Polish):
 * the language declared, or else the one the text is clearly in. It drops characters that carry nothing
 * (byte order marks, zero-width spaces, soft hyphens, control characters),
 * turns odd spaces into plain ones, collapses runs of spaces, trims lines,
 * turns CRLF and CR into LF and runs of blank lines into one paragraph
 * break, and puts text in Unicode NFC. It repairs what scrapers glue
 * together: quote debris after a sentence end (`reached.“, – reported`), a
 * missing space after one (`said.The`, `Stepanakert.“GORDON”`, and after an
 * abbreviation, a number, an apostrophe or a closing quote: `St.Petersburg`,
 * `1980s.The`, `wouldn't.Why`, `done.”Okafor`), and a sentence glued to the
 * next (`TurkeyThey`, `nightOkafor`, `againImagine`). A glued word is split
 * only on evidence: the second part is a common sentence starter; or the
 * first is a lowercase word of an English dictionary compiled in (Debian's
 * wamerican-large) that a sentence may end on; or both parts are words the
 * document uses on their own, or a name the dictionary has before a word
 * news seldom capitalises. Nothing is split that occurs more than once in
 * the document, that the dictionary or a list of brands knows (iPhone,
 * DiCaprio, YouTube, BoA), or that is written as code (`toString`,
 * `System.Windows.Forms`). With [property@Pith.Cleaner:audit] each of
 * these repairs gives its `evidence`.
 *
 * A web page (with [property@Pith.Cleaner:input-format] `html`, or `auto`
 * and a document that looks like one) is cut down to its article first:
 * the page is parsed into a tree that keeps every node's place in the raw
 * bytes, the content root is found by the names the page gives it and by
 * its paragraphs, menus, related stories, share bars, newsletter boxes,
 * comments, cookie notices and other furniture are pruned, and a model
 * trained on real pages judges each block of text. Headings, lists, quotes
 * and tables stay, paragraphs a blank line apart, and each character of
 * the text maps back to its bytes in the page. The page's `title`,
 * `authors`, `published`, `modified`, `site_name`, `language`, `url`,
 * `description`, `tags` and `image` go into the document's metadata, read
 * against the URL in its `url` metadata when it has one; the document
 * takes the page's language when it has none. The `html` member of the
 * `cleaning` report says how the article was found and what was left out.
 *
 * Each kind of edit has a boolean property to switch it off. The document's
 * `cleaning` report counts edits by kind; with
 * [property@Pith.Cleaner:audit] it lists each edit with its raw span.
 *
 * One forward pass finds every edit; the cost is linear in the text.
 */

#include "config.h"

#include <string.h>

#include "pith-clean-rules-private.h"
#include "pith-cleaner.h"
#include "pith-dateline-private.h"
#include "pith-document-private.h"
#include "pith-enum-types.h"
#include "pith-html-private.h"
#include "pith-language-model-private.h"
#include "pith-language-tag-private.h"

struct _PithCleaner
{
  PithStage parent_instance;

  gboolean kinds[PITH_CLEAN_N_KINDS];
  gboolean audit;
  gboolean article;
  gboolean captions;
  gboolean comments;
  char **patterns;
  char **inline_patterns;
  PithInputFormat input_format;
  PithQuoteStyle quote_style;

  PithCleanRules rules;     /* built at construction, read-only after */
};

G_DEFINE_FINAL_TYPE (PithCleaner, pith_cleaner, PITH_TYPE_STAGE)

enum {
  PROP_0,
  PROP_MARKERS,
  PROP_BOILERPLATE,
  PROP_WHITESPACE,
  PROP_CHARACTERS,
  PROP_UNICODE,
  PROP_QUOTE_DEBRIS,
  PROP_MISSING_SPACES,
  PROP_GLUED_SENTENCES,
  PROP_MOJIBAKE,
  PROP_HYPHENATION,
  PROP_REPEATED_TITLE,
  PROP_TRUNCATION,
  PROP_DATELINES,
  PROP_PATTERNS,
  PROP_INLINE_PATTERNS,
  PROP_AUDIT,
  PROP_INPUT_FORMAT,
  PROP_QUOTE_STYLE,
  PROP_ARTICLE,
  PROP_CAPTIONS,
  PROP_COMMENTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Boolean property of each kind of edit, in PithCleanKind order; 0 for
 * kinds another property controls (input-format, quote-style). */
static const guint kind_properties[PITH_CLEAN_N_KINDS] = {
  PROP_MARKERS, PROP_BOILERPLATE, PROP_WHITESPACE, PROP_CHARACTERS, PROP_UNICODE,
  PROP_QUOTE_DEBRIS, PROP_MISSING_SPACES, PROP_GLUED_SENTENCES, 0, PROP_MOJIBAKE,
  0, PROP_HYPHENATION, PROP_REPEATED_TITLE, PROP_TRUNCATION, PROP_DATELINES,
};

/* With audit on, lists the edits before they are applied: their raw
 * spans come from the offset map as it is. */
static void
report_edits (PithCleaner  *self,
              PithDocument *document,
              GArray       *edits,
              JsonArray    *changes)
{
  const char *text = pith_document_get_text (document);

  if (changes == NULL)
    return;
  for (guint i = 0; i < edits->len; i++)
    {
      PithCleanEdit *edit = &g_array_index (edits, PithCleanEdit, i);
      JsonObject *change;
      g_autofree char *before = NULL;
      gsize raw_start;
      gsize raw_end;

      change = json_object_new ();
      before = g_strndup (text + edit->edit.start, edit->edit.end - edit->edit.start);
      pith_document_map_to_raw_bytes (document, edit->edit.start, edit->edit.end,
                                      &raw_start, &raw_end);
      json_object_set_string_member (change, "kind", pith_clean_kind_to_string (edit->kind));
      json_object_set_int_member (change, "raw_start",
                                  (gint64) pith_document_raw_byte_to_char (document, raw_start));
      json_object_set_int_member (change, "raw_end",
                                  (gint64) pith_document_raw_byte_to_char (document, raw_end));
      json_object_set_string_member (change, "before", before);
      json_object_set_string_member (change, "after", edit->edit.replacement);
      if (pith_clean_evidence_to_string (edit->evidence) != NULL)
        json_object_set_string_member (change, "evidence", pith_clean_evidence_to_string (edit->evidence));
      json_array_add_object_element (changes, change);
    }
}

/* Applies the edits @found and counts them by kind in @counts, in one
 * pass over them: a million repairs are tens of megabytes of edits. */
static void
apply (PithDocument *document,
       GArray       *found,
       guint        *counts)
{
  g_autoptr(GArray) edits = g_array_sized_new (FALSE, FALSE, sizeof (PithEdit), found->len);

  for (guint i = 0; i < found->len; i++)
    {
      const PithCleanEdit *edit = &g_array_index (found, PithCleanEdit, i);

      counts[edit->kind]++;
      g_array_append_val (edits, edit->edit);
    }
  pith_document_apply_edits (document, (PithEdit *) (gpointer) edits->data, edits->len);
}

static gboolean
is_html (PithCleaner  *self,
         PithDocument *document)
{
  const char *declared = pith_document_get_metadata_string (document, "input_format");

  switch (self->input_format)
    {
    case PITH_INPUT_FORMAT_HTML:
      return TRUE;
    case PITH_INPUT_FORMAT_TEXT:
      return FALSE;
    case PITH_INPUT_FORMAT_AUTO:
    default:
      if (declared != NULL)
        return g_ascii_strcasecmp (declared, "html") == 0;
      return pith_html_looks_like_html (pith_document_get_text (document),
                                        pith_document_get_text_size (document));
    }
}

/* The page's article, its metadata, and what was left out. */
static gboolean
clean_html (PithCleaner   *self,
            PithDocument  *document,
            GPtrArray     *strings,
            guint         *counts,
            JsonArray     *changes,
            JsonObject   **html_report,
            guint         *total,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GArray) html = g_array_new (FALSE, FALSE, sizeof (PithCleanEdit));
  JsonObject *metadata = pith_document_get_metadata (document);
  PithHtmlOptions options = { self->captions, self->comments, !self->article,
                              pith_document_get_metadata_string (document, "url") };
  PithHtmlResult result;
  JsonObject *report = json_object_new ();
  JsonObject *dropped = json_object_new ();
  const char *language;

  pith_html_find_edits (pith_document_get_text (document), pith_document_get_text_size (document),
                        &options, html, strings, metadata, &result);

  json_object_set_string_member (report, "path", result.path);
  for (guint zone = 0; zone < PITH_HTML_N_ZONES; zone++)
    if (result.zone_counts[zone] > 0)
      json_object_set_int_member (dropped, pith_html_zone_name (1u << zone), result.zone_counts[zone]);
  json_object_set_object_member (report, "dropped", dropped);
  json_object_set_object_member (report, "sources", json_object_ref (result.sources));
  if (changes != NULL)
    {
      JsonArray *zones = json_array_new ();

      for (guint i = 0; i < result.dropped->len; i++)
        {
          PithHtmlDropped *zone = &g_array_index (result.dropped, PithHtmlDropped, i);
          JsonObject *object = json_object_new ();
          gsize raw_start;
          gsize raw_end;

          pith_document_map_to_raw_bytes (document, zone->start, zone->end, &raw_start, &raw_end);
          json_object_set_string_member (object, "kind", pith_html_zone_name (zone->zone));
          json_object_set_int_member (object, "raw_start",
                                      (gint64) pith_document_raw_byte_to_char (document, raw_start));
          json_object_set_int_member (object, "raw_end",
                                      (gint64) pith_document_raw_byte_to_char (document, raw_end));
          json_array_add_object_element (zones, object);
        }
      json_object_set_array_member (report, "zones", zones);
    }
  *html_report = report;

  report_edits (self, document, html, changes);
  apply (document, html, counts);
  *total += html->len;

  if (result.comments != NULL)
    for (guint i = 0; i < result.comments->len; i++)
      {
        PithHtmlRange *range = &g_array_index (result.comments, PithHtmlRange, i);

        pith_document_add_span_bytes (document, PITH_LAYER_COMMENT, range->start, range->end,
                                      g_quark_from_static_string ("COMMENT"), 0);
      }
  pith_html_result_clear (&result);

  language = pith_document_get_metadata_string (document, "language");
  if (pith_document_get_language (document) == NULL && language != NULL)
    pith_document_set_language (document, language);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

/* The boilerplate lines of the document's language besides English's:
 * the language declared, or else the one the text is in, when it says so
 * clearly (the language stage, later, reports on it). A
 * PithLanguageBoilerplate's find function: reading the text for its
 * language is left until a line needs it. */
static const PithLinePatterns *
find_language_boilerplate (gpointer data)
{
  PithDocument *document = data;
  const char *language = pith_document_get_language (document);
  char code[PITH_LANGUAGE_CODE_MAX + 1];

  if (language == NULL)
    {
      const PithLanguageModel *model = pith_language_model_get_default (NULL);
      PithLanguageGuess guess = { NULL, };

      if (model != NULL)
        pith_language_model_detect (model, pith_document_get_text (document),
                                    pith_document_get_text_size (document), &guess);
      if (guess.confidence >= PITH_LANGUAGE_MIN_CONFIDENCE)
        language = guess.language;
    }
  if (!pith_language_tag_code (language, code) || strcmp (code, "en") == 0)
    return NULL;
  return pith_line_patterns_get_boilerplate (code);
}

/* Parts the dateline from the body with a paragraph break, and notes it
 * in the metadata and the dateline layer. */
static void
split_dateline (PithCleaner  *self,
                PithDocument *document,
                guint        *counts,
                JsonArray    *changes,
                guint        *total)
{
  const char *text = pith_document_get_text (document);
  gsize length = pith_document_get_text_size (document);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PithCleanEdit));
  g_autofree char *dateline = NULL;
  gsize start;
  gsize end;
  gsize body;

  if (!pith_dateline_find (text, length, &start, &end, &body))
    return;
  dateline = g_strndup (text + start, end - start);
  if (body - end != 2 || memcmp (text + end, "\n\n", 2) != 0)
    {
      PithCleanEdit edit = { { end, body, "\n\n", 2 }, PITH_CLEAN_DATELINE, 0 };

      g_array_append_val (edits, edit);
      report_edits (self, document, edits, changes);
      apply (document, edits, counts);
      *total += edits->len;
    }
  if (pith_document_get_metadata_string (document, "dateline") == NULL)
    pith_document_set_metadata_string (document, "dateline", dateline);
  pith_document_add_span_bytes (document, PITH_LAYER_DATELINE, start, end, 0, 0.0);
}

static gboolean
pith_cleaner_process (PithStage     *stage,
                      PithDocument  *document,
                      GCancellable  *cancellable,
                      GError       **error)
{
  PithCleaner *self = PITH_CLEANER (stage);
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) report = json_object_new ();
  JsonArray *changes = self->audit ? json_array_new () : NULL;
  guint counts[PITH_CLEAN_N_KINDS] = { 0, };
  guint total = 0;
  JsonObject *html_report = NULL;

  /* HTML first, as a pass of its own: the text pass then sees text. */
  if (is_html (self, document))
    {
      if (!clean_html (self, document, strings, counts, changes, &html_report, &total, cancellable,
                       error))
        {
          g_clear_pointer (&changes, json_array_unref);
          g_clear_pointer (&html_report, json_object_unref);
          return FALSE;
        }
    }

  {
    g_autoptr(GArray) mojibake = g_array_new (FALSE, FALSE, sizeof (PithCleanEdit));

    pith_clean_find_mojibake (pith_document_get_text (document),
                              pith_document_get_text_size (document),
                              &self->rules, mojibake, strings);
    report_edits (self, document, mojibake, changes);
    apply (document, mojibake, counts);
    total += mojibake->len;
  }

  {
    g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (PithCleanEdit));
    PithCleanRules rules = self->rules;
    PithLanguageBoilerplate language = { find_language_boilerplate, document, FALSE, NULL };

    rules.language_boilerplate = &language;
    pith_clean_find_edits (pith_document_get_text (document),
                           pith_document_get_text_size (document),
                           &rules, found, strings);
    report_edits (self, document, found, changes);
    apply (document, found, counts);
    total += found->len;
  }

  if (self->kinds[PITH_CLEAN_DATELINE])
    split_dateline (self, document, counts, changes, &total);

  json_object_set_int_member (report, "edits", total);
  for (guint kind = 0; kind < PITH_CLEAN_N_KINDS; kind++)
    if (counts[kind] > 0)
      json_object_set_int_member (report, pith_clean_kind_to_string (kind), counts[kind]);
  if (html_report != NULL)
    json_object_set_object_member (report, "html", html_report);
  if (changes != NULL)
    json_object_set_array_member (report, "changes", changes);
  pith_document_set_report (document, "cleaning", report);

  return TRUE;
}

static void
pith_cleaner_constructed (GObject *object)
{
  PithCleaner *self = PITH_CLEANER (object);

  G_OBJECT_CLASS (pith_cleaner_parent_class)->constructed (object);

  memcpy (self->rules.kinds, self->kinds, sizeof self->kinds);
  self->rules.kinds[PITH_CLEAN_HTML] = self->input_format != PITH_INPUT_FORMAT_TEXT;
  self->rules.kinds[PITH_CLEAN_QUOTES] = self->quote_style != PITH_QUOTE_STYLE_KEEP;
  self->rules.quote_style = self->quote_style;
  self->rules.boilerplate = pith_line_patterns_get_boilerplate ("en");
  self->rules.foreign_boilerplate = pith_line_patterns_get_foreign_boilerplate ();
  self->rules.sentence_starters = pith_word_list_get ("lexicon/sentence-starters-en.txt");
  self->rules.words = pith_sorted_words_get ("lexicon/words-en.txt");
  self->rules.mixed_case_names = pith_word_list_get ("lexicon/mixed-case-names-en.txt");
  self->rules.glue_left_words = pith_word_list_get ("lexicon/glue-left-words-en.txt");
  self->rules.abbreviations = pith_word_list_get ("segment/abbreviations-en.txt");
  if (self->inline_patterns != NULL && self->inline_patterns[0] != NULL)
    {
      self->rules.inline_patterns = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; self->inline_patterns[i] != NULL; i++)
        if (*self->inline_patterns[i] != '\0')
          {
            g_ptr_array_add (self->rules.inline_patterns, g_strdup (self->inline_patterns[i]));
            self->rules.inline_first_bytes[(guchar) self->inline_patterns[i][0]] = 1;
          }
    }
  if (self->patterns != NULL && self->patterns[0] != NULL)
    {
      self->rules.user_patterns = pith_line_patterns_new ();
      for (guint i = 0; self->patterns[i] != NULL; i++)
        if (*self->patterns[i] != '\0')
          pith_line_patterns_add (self->rules.user_patterns, self->patterns[i]);
    }
}

static void
pith_cleaner_finalize (GObject *object)
{
  PithCleaner *self = PITH_CLEANER (object);

  g_strfreev (self->patterns);
  g_strfreev (self->inline_patterns);
  g_clear_pointer (&self->rules.inline_patterns, g_ptr_array_unref);
  g_clear_pointer (&self->rules.user_patterns, pith_line_patterns_free);

  G_OBJECT_CLASS (pith_cleaner_parent_class)->finalize (object);
}

static void
pith_cleaner_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PithCleaner *self = PITH_CLEANER (object);

  for (guint kind = 0; kind < PITH_CLEAN_N_KINDS; kind++)
    if (kind_properties[kind] != 0 && kind_properties[kind] == prop_id)
      {
        g_value_set_boolean (value, self->kinds[kind]);
        return;
      }

  switch (prop_id)
    {
    case PROP_PATTERNS:
      g_value_set_boxed (value, self->patterns);
      break;
    case PROP_INLINE_PATTERNS:
      g_value_set_boxed (value, self->inline_patterns);
      break;
    case PROP_INPUT_FORMAT:
      g_value_set_enum (value, self->input_format);
      break;
    case PROP_QUOTE_STYLE:
      g_value_set_enum (value, self->quote_style);
      break;
    case PROP_AUDIT:
      g_value_set_boolean (value, self->audit);
      break;
    case PROP_ARTICLE:
      g_value_set_boolean (value, self->article);
      break;
    case PROP_CAPTIONS:
      g_value_set_boolean (value, self->captions);
      break;
    case PROP_COMMENTS:
      g_value_set_boolean (value, self->comments);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_cleaner_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PithCleaner *self = PITH_CLEANER (object);

  for (guint kind = 0; kind < PITH_CLEAN_N_KINDS; kind++)
    if (kind_properties[kind] != 0 && kind_properties[kind] == prop_id)
      {
        self->kinds[kind] = g_value_get_boolean (value);
        return;
      }

  switch (prop_id)
    {
    case PROP_PATTERNS:
      g_strfreev (self->patterns);
      self->patterns = g_value_dup_boxed (value);
      break;
    case PROP_INLINE_PATTERNS:
      g_strfreev (self->inline_patterns);
      self->inline_patterns = g_value_dup_boxed (value);
      break;
    case PROP_INPUT_FORMAT:
      self->input_format = g_value_get_enum (value);
      break;
    case PROP_QUOTE_STYLE:
      self->quote_style = g_value_get_enum (value);
      break;
    case PROP_AUDIT:
      self->audit = g_value_get_boolean (value);
      break;
    case PROP_ARTICLE:
      self->article = g_value_get_boolean (value);
      break;
    case PROP_CAPTIONS:
      self->captions = g_value_get_boolean (value);
      break;
    case PROP_COMMENTS:
      self->comments = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
kind_switch (const char *name,
             const char *blurb)
{
  return g_param_spec_boolean (name, NULL, blurb, TRUE,
                               G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
pith_cleaner_class_init (PithCleanerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);

  object_class->constructed = pith_cleaner_constructed;
  object_class->finalize = pith_cleaner_finalize;
  object_class->get_property = pith_cleaner_get_property;
  object_class->set_property = pith_cleaner_set_property;
  stage_class->process = pith_cleaner_process;

  pith_stage_class_set_description (stage_class,
                                    "Removes scraper markers, ads and boilerplate; of a web page "
                                    "keeps the article and reads its title, authors, dates and "
                                    "language; normalises characters and splits glued words and "
                                    "sentences, keeping offsets into the raw input");
  pith_stage_class_set_layers (stage_class, NULL, NULL, PITH_STAGE_EDITS_TEXT);

  /* Blurbs are kept: `pith inspect clean` shows them. */

  /**
   * PithCleaner:markers:
   *
   * Whether to remove scraper markers such as `[ad_1]`, inline or as lines.
   */
  properties[PROP_MARKERS] = kind_switch ("markers", "Remove scraper markers such as [ad_1]");

  /**
   * PithCleaner:boilerplate:
   *
   * Whether to remove boilerplate lines such as "Read more: …".
   */
  properties[PROP_BOILERPLATE] = kind_switch ("boilerplate", "Remove boilerplate lines (Read more:, Share on…)");

  /**
   * PithCleaner:whitespace:
   *
   * Whether to collapse spaces, trim lines and turn blank-line runs into one
   * paragraph break.
   */
  properties[PROP_WHITESPACE] = kind_switch ("whitespace", "Collapse spaces, trim lines, one blank line between paragraphs");

  /**
   * PithCleaner:characters:
   *
   * Whether to drop byte order marks, zero-width spaces, soft hyphens and
   * control characters.
   */
  properties[PROP_CHARACTERS] = kind_switch ("characters", "Drop BOM, zero-width spaces, soft hyphens, control characters");

  /**
   * PithCleaner:unicode:
   *
   * Whether to put the text in Unicode NFC.
   */
  properties[PROP_UNICODE] = kind_switch ("unicode", "Normalise to Unicode NFC");

  /**
   * PithCleaner:quote-debris:
   *
   * Whether to remove a lone quote and comma after a sentence end.
   */
  properties[PROP_QUOTE_DEBRIS] = kind_switch ("quote-debris", "Remove quote debris such as .“, after a sentence");

  /**
   * PithCleaner:missing-spaces:
   *
   * Whether to restore a missing space after a sentence end (`said.The`,
   * `St.Petersburg`, `1980s.The`, `wouldn't.Why`, `done.”Okafor`).
   */
  properties[PROP_MISSING_SPACES] = kind_switch ("missing-spaces", "Restore the space in said.The");

  /**
   * PithCleaner:glued-sentences:
   *
   * Whether to separate a sentence glued to the next (`TurkeyThey`,
   * `nightOkafor`).
   */
  properties[PROP_GLUED_SENTENCES] = kind_switch ("glued-sentences", "Separate glued sentences such as TurkeyThey");

  /**
   * PithCleaner:mojibake:
   *
   * Whether to repair UTF-8 that was read as Windows-1252 or Latin-1
   * (`â€™` → `’`, `Ã©` → `é`, twice-encoded text too). Only runs of
   * characters that decode to valid UTF-8 are touched, so correct text in
   * any script stays as it is.
   */
  properties[PROP_MOJIBAKE] = kind_switch ("mojibake", "Repair UTF-8 read as Windows-1252 or Latin-1");

  /**
   * PithCleaner:hyphenation:
   *
   * Whether to join a word broken across lines (`govern-` / `ment`) when
   * the document uses the joined word elsewhere.
   */
  properties[PROP_HYPHENATION] = kind_switch ("hyphenation", "Join words broken across lines by a hyphen");

  /**
   * PithCleaner:repeated-title:
   *
   * Whether to remove the headline when the body repeats it as its first
   * line.
   */
  properties[PROP_REPEATED_TITLE] = kind_switch ("repeated-title", "Remove the headline repeated as the body's first line");

  /**
   * PithCleaner:truncation:
   *
   * Whether to remove truncation marks (`[…]`) at the end of a line.
   */
  properties[PROP_TRUNCATION] = kind_switch ("truncation", "Remove truncation marks […] at line ends");

  /**
   * PithCleaner:datelines:
   *
   * Whether to part the dateline that opens a story ("London (CNN)",
   * "WASHINGTON —") from its first sentence, to which scrapers glue it
   * ("(CNN)Share, and your gift…"): it becomes a paragraph of its own,
   * the document's `dateline` metadata and a span of the `dateline`
   * layer, so that no summary takes it for part of a sentence, and its
   * place is still found as an entity.
   */
  properties[PROP_DATELINES] = kind_switch ("datelines", "Part the dateline (London (CNN)) from the first sentence");

  /**
   * PithCleaner:input-format:
   *
   * Whether the input is text or a web page; `auto` (the default) takes
   * the document's `input_format` metadata when it has one, and otherwise
   * reads it as a page when it starts like one. A page is cut down to its
   * article (see [property@Pith.Cleaner:article]) with its metadata read;
   * offsets still map into the raw HTML.
   */
  properties[PROP_INPUT_FORMAT] =
    g_param_spec_enum ("input-format", NULL, "Input format: auto, text or html",
                       PITH_TYPE_INPUT_FORMAT, PITH_INPUT_FORMAT_AUTO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:quote-style:
   *
   * What to do with quotation marks.
   */
  properties[PROP_QUOTE_STYLE] =
    g_param_spec_enum ("quote-style", NULL, "Quotes: keep, straighten or typographic",
                       PITH_TYPE_QUOTE_STYLE, PITH_QUOTE_STYLE_KEEP,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:patterns:
   *
   * More lines to remove: globs (`*` any text, `?` one character) matched
   * against whole trimmed lines, as in `clean patterns="Photo: *,Sponsored"`.
   */
  properties[PROP_PATTERNS] =
    g_param_spec_boxed ("patterns", NULL, "More lines to remove: globs, comma-separated",
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:inline-patterns:
   *
   * More text to remove wherever it stands in a line, with the blanks after
   * it: literal strings, as in `clean inline-patterns="[sponsored],(AP) —"`.
   */
  properties[PROP_INLINE_PATTERNS] =
    g_param_spec_boxed ("inline-patterns", NULL, "More text to remove inline: literal strings, comma-separated",
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:audit:
   *
   * Whether the `cleaning` report lists every edit: its kind, its span in
   * the raw input, the text before and after.
   */
  properties[PROP_AUDIT] =
    g_param_spec_boolean ("audit", NULL, "List every edit in the cleaning report", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:article:
   *
   * Whether an HTML page is cut down to its article: the content root the
   * page names or the one its paragraphs point to, without menus, related
   * stories, share bars, newsletter boxes, comments, cookie notices and
   * the like. The `html` member of the `cleaning` report says how the
   * article was found (`path`) and counts the parts left out by kind
   * (`dropped`); with [property@Pith.Cleaner:audit] it lists them with
   * their raw spans (`zones`). Off, every text of the page is kept but
   * markup (scripts, styles, form controls).
   */
  properties[PROP_ARTICLE] =
    g_param_spec_boolean ("article", NULL, "Keep only the article of an HTML page", TRUE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:captions:
   *
   * Whether the captions of the article's own figures stay in its text.
   */
  properties[PROP_CAPTIONS] =
    g_param_spec_boolean ("captions", NULL, "Keep the captions of the article's figures", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithCleaner:comments:
   *
   * Whether readers' comments on an HTML page stay in the text, where the
   * page has them, each marked by a span of the `comment` layer
   * ([const@Pith.LAYER_COMMENT]) so that later stages and users can tell
   * them from the article.
   */
  properties[PROP_COMMENTS] =
    g_param_spec_boolean ("comments", NULL, "Keep readers' comments, in the comment layer", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_cleaner_init (PithCleaner *self)
{
  for (guint kind = 0; kind < PITH_CLEAN_N_KINDS; kind++)
    self->kinds[kind] = TRUE;
  self->article = TRUE;
}

/**
 * pith_cleaner_new:
 *
 * Creates a `clean` stage with every repair on. In Python,
 * `Pith.Cleaner(glued_sentences=False)` sets properties.
 *
 * Returns: (transfer full): a new stage
 */
PithStage *
pith_cleaner_new (void)
{
  return g_object_new (PITH_TYPE_CLEANER, NULL);
}
