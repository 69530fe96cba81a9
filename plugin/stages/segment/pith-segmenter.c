/* pith-segmenter.c: the segment stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithSegmenter:
 *
 * The `segment` stage: fills the `token` and `sentence` layers.
 *
 * Tokens are exact spans of the text, so the spans with the gaps between
 * them give back the text byte for byte. URLs, e-mail addresses, domain and
 * file names, @handles and #hashtags are one token each; numbers keep their
 * separators (3.5, 1,000.25, 10.10.2020, 2:30); hyphenated words stay
 * whole; clitics split off as in CoNLL data (Germany 's, do n't); an
 * abbreviation keeps its full stop (Mr., U.S., e.g.).
 *
 * Sentences end at . ! ? … and "..." (with the closing quotes and brackets
 * after them) when the next token can open a sentence; after an
 * abbreviation or initial only before a common sentence starter; never
 * after a title (Mr., Dr., No. 5); always at a paragraph break; at a line
 * break before a token that can open a sentence (headlines, bylines and
 * table rows have a line of their own and no full stop) unless the text is
 * hard-wrapped at a width, as e-mail is; at a line break before a list
 * item; or at every line break with
 * [property@Pith.Segmenter:lines-are-sentences].
 *
 * A list item keeps its marker (`1.)`, `2)`, `3.`, `a.`, `• 4.`), and a
 * list written on one line is split where its next number or letter
 * opens. In English, a clock time (`8 P.M.`) ends a sentence before a
 * capitalised word unless the word goes with it (`Tuesday`, `ET`) or
 * the time opens the sentence (`By 7 a.m. Mrs. Okafor had left`); the
 * pronoun in `you and I.` ends one where an initial (`Maria I. Lopes`)
 * does not. Three spaced full stops (`. . .`) and `[...]` leave words
 * out inside a sentence; four end it. A citation in parentheses after a
 * quotation (`” (Lopes 41).`) stays with it, and in English so does its
 * speaker named after it (`"Who am I?" Okafor said.`).
 *
 * Abbreviation lists exist for English, German, French, Spanish, Italian,
 * Portuguese, Russian and Turkish; the document's language chooses one
 * (English when unknown), and [property@Pith.Segmenter:abbreviations] adds
 * more. A document whose tokens came pre-tokenised (JSON `"tokens"`) is
 * left as it is.
 */

#include "config.h"

#include <string.h>

#include "pith-document-private.h"
#include "pith-language-tag-private.h"
#include "pith-segmenter.h"
#include "pith-sentence-private.h"
#include "pith-token-private.h"

struct _PithSegmenter
{
  PithStage parent_instance;

  gboolean lines_are_sentences;
  char **abbreviations;
  PithWordList *user_abbreviations;   /* built from abbreviations; NULL if none */
};

G_DEFINE_FINAL_TYPE (PithSegmenter, pith_segmenter, PITH_TYPE_STAGE)

enum {
  PROP_0,
  PROP_LINES_ARE_SENTENCES,
  PROP_ABBREVIATIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const languages[] = { "en", "de", "fr", "es", "it", "pt", "ru", "tr" };

static const PithWordList *
abbreviations_for (PithDocument *document)
{
  const char *language = pith_document_get_language (document);
  char name[64];

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (pith_language_tag_is (language, languages[i]))
      {
        g_snprintf (name, sizeof name, "segment/abbreviations-%s.txt", languages[i]);
        return pith_word_list_get (name);
      }

  return pith_word_list_get ("segment/abbreviations-en.txt");
}

static const PithWordList *
ordinal_words_for (PithDocument *document)
{
  const char *language = pith_document_get_language (document);

  if (pith_language_tag_is (language, "de"))
    return pith_word_list_get ("segment/ordinal-words-de.txt");
  if (pith_language_tag_is (language, "tr"))
    return pith_word_list_get ("segment/ordinal-words-tr.txt");
  return NULL;
}

/* The list @name where the document is in English (or says nothing of
 * its language): the lists of sentence starters, clock words and speech
 * verbs exist only for English. Elsewhere NULL, and any capitalised word
 * may start a sentence. */
static const PithWordList *
english_list (PithDocument *document,
              const char   *name)
{
  const char *language = pith_document_get_language (document);

  if (language == NULL || pith_language_tag_is (language, "en"))
    return pith_word_list_get (name);
  return NULL;
}

static gboolean
pith_segmenter_process (PithStage     *stage,
                        PithDocument  *document,
                        GCancellable  *cancellable,
                        GError       **error)
{
  PithSegmenter *self = PITH_SEGMENTER (stage);
  const char *text = pith_document_get_text (document);
  gsize length = pith_document_get_text_size (document);
  JsonObject *metadata = pith_document_get_metadata (document);
  PithTokenRules token_rules = {
    abbreviations_for (document), self->user_abbreviations, ordinal_words_for (document),
  };
  PithSentenceRules sentence_rules = {
    english_list (document, "lexicon/sentence-starters-en.txt"),
    english_list (document, "segment/clock-words-en.txt"),
    english_list (document, "segment/speech-verbs-en.txt"),
    self->lines_are_sentences,
  };
  PithTokens tokens;
  PithLayer *sentences;

  if (json_object_get_boolean_member_with_default (metadata, "pretokenized", FALSE) &&
      pith_document_has_layer (document, PITH_LAYER_TOKEN))
    return TRUE;

  /* News has a token every five or six bytes; the layer grows past this. */
  tokens.layer = pith_layer_new (PITH_LAYER_TOKEN);
  pith_layer_reserve (tokens.layer, (guint) MIN (length / 8 + 1, G_MAXUINT));
  tokens.kinds_capacity = MIN (length / 8 + 1, G_MAXUINT);
  tokens.kinds = g_malloc (tokens.kinds_capacity);
  pith_tokenize (text, length, &token_rules, &tokens);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      pith_layer_free (tokens.layer);
      g_free (tokens.kinds);
      return FALSE;
    }

  sentences = pith_layer_new (PITH_LAYER_SENTENCE);
  pith_split_sentences (text, length, &tokens, &sentence_rules, sentences);
  /* The kinds served the splitter only. */
  g_free (tokens.kinds);

  pith_layer_trim (tokens.layer);
  pith_layer_trim (sentences);
  pith_document_take_layer (document, tokens.layer);
  pith_document_take_layer (document, sentences);

  return TRUE;
}

static void
pith_segmenter_constructed (GObject *object)
{
  PithSegmenter *self = PITH_SEGMENTER (object);

  G_OBJECT_CLASS (pith_segmenter_parent_class)->constructed (object);

  if (self->abbreviations != NULL && self->abbreviations[0] != NULL)
    {
      self->user_abbreviations = pith_word_list_new ();
      for (guint i = 0; self->abbreviations[i] != NULL; i++)
        {
          g_autofree char *entry = g_utf8_strdown (self->abbreviations[i], -1);
          char *kind = strchr (g_strstrip (entry), ' ');
          gsize end;

          if (kind != NULL)
            *kind++ = '\0';
          /* "Gen." and "gen" mean the same entry. */
          end = strlen (entry);
          while (end > 0 && entry[end - 1] == '.')
            entry[--end] = '\0';
          pith_word_list_add (self->user_abbreviations, entry, kind);
        }
    }
}

static void
pith_segmenter_finalize (GObject *object)
{
  PithSegmenter *self = PITH_SEGMENTER (object);

  g_strfreev (self->abbreviations);
  g_clear_pointer (&self->user_abbreviations, pith_word_list_free);

  G_OBJECT_CLASS (pith_segmenter_parent_class)->finalize (object);
}

static void
pith_segmenter_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PithSegmenter *self = PITH_SEGMENTER (object);

  switch (prop_id)
    {
    case PROP_LINES_ARE_SENTENCES:
      g_value_set_boolean (value, self->lines_are_sentences);
      break;
    case PROP_ABBREVIATIONS:
      g_value_set_boxed (value, self->abbreviations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_segmenter_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PithSegmenter *self = PITH_SEGMENTER (object);

  switch (prop_id)
    {
    case PROP_LINES_ARE_SENTENCES:
      self->lines_are_sentences = g_value_get_boolean (value);
      break;
    case PROP_ABBREVIATIONS:
      g_strfreev (self->abbreviations);
      self->abbreviations = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_segmenter_class_init (PithSegmenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);

  object_class->constructed = pith_segmenter_constructed;
  object_class->finalize = pith_segmenter_finalize;
  object_class->get_property = pith_segmenter_get_property;
  object_class->set_property = pith_segmenter_set_property;
  stage_class->process = pith_segmenter_process;

  pith_stage_class_set_description (stage_class,
                                    "Splits the text into tokens and sentences");
  {
    static const char * const gives[] = { PITH_LAYER_TOKEN, PITH_LAYER_SENTENCE, NULL };

    pith_stage_class_set_layers (stage_class, NULL, gives, PITH_STAGE_FLAGS_NONE);
  }

  /* Blurbs are kept: `pith inspect segment` shows them. */

  /**
   * PithSegmenter:lines-are-sentences:
   *
   * Whether every line break ends a sentence, for sentence-per-line input.
   * Otherwise only paragraph breaks and line breaks before list items do.
   */
  properties[PROP_LINES_ARE_SENTENCES] =
    g_param_spec_boolean ("lines-are-sentences", NULL,
                          "Every line break ends a sentence", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PithSegmenter:abbreviations:
   *
   * More abbreviations, added to the list of the document's language: each
   * a word with or without its full stop (`Gen.` or `gen`), optionally
   * followed by a space and `title` (never ends a sentence) or `number`
   * (an abbreviation only before a number). In a pipeline description:
   * `segment abbreviations="approx,Gen. title,Art. number"`.
   */
  properties[PROP_ABBREVIATIONS] =
    g_param_spec_boxed ("abbreviations", NULL,
                        "More abbreviations: word[ title|number], comma-separated",
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_segmenter_init (PithSegmenter *self)
{
}

/**
 * pith_segmenter_new:
 *
 * Creates a `segment` stage with default settings. In Python,
 * `Pith.Segmenter(lines_are_sentences=True)` sets properties.
 *
 * Returns: (transfer full): a new stage
 */
PithStage *
pith_segmenter_new (void)
{
  return g_object_new (PITH_TYPE_SEGMENTER, NULL);
}
