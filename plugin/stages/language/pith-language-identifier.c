/* pith-language-identifier.c: the language stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

/**
 * PithLanguageIdentifier:
 *
 * The `language` stage: finds the language of the document's text and
 * sets [property@Pith.Document:language] to it, as an ISO 639-1 code where
 * one exists (`de`, `pt`, `nb`), else ISO 639-3 (`ast`, `fur`).
 *
 * The text is judged by its script, then, among the languages written in
 * it, by a naive Bayes model of the words and character trigrams of 79
 * languages, trained from the translated messages of free software
 * (`tools/build-language-model`). URLs, addresses and code are passed
 * over; a long text is judged on eight kilobytes spread over it, so the
 * cost per document is bounded and a mixed document gets its main
 * language.
 *
 * What the input declares (`<html lang>`, `og:locale`, a JSON Lines
 * `"language"`, or [property@Pith.Document:language] set by the caller)
 * is kept unless the text clearly says otherwise: the detection must be
 * at least [property@Pith.LanguageIdentifier:override-confidence] sure.
 * The `language_detection` report says what was found and which won:
 * `detected`, `confidence` (0–1; a headline or a tweet gets a low one),
 * `declared` and `chosen` (`"text"`, `"declared"`, `"both"` when they
 * agree, or `"none"`). With nothing declared, a detection less sure than
 * [property@Pith.LanguageIdentifier:min-confidence] (a word or two) sets
 * no language, so later stages keep their defaults; a text with no
 * letters keeps what was declared.
 *
 * Later stages choose their word lists and models by the language: run
 * `language` after `clean`, as the default pipeline does.
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "pith-document.h"
#include "pith-error.h"
#include "pith-language-identifier.h"
#include "pith-language-tag-private.h"
#include "pith-language-model-private.h"

#define REPORT "language_detection"

struct _PithLanguageIdentifier
{
  PithStage parent_instance;

  double override_confidence;
  double min_confidence;
};

G_DEFINE_FINAL_TYPE (PithLanguageIdentifier, pith_language_identifier, PITH_TYPE_STAGE)

enum {
  PROP_0,
  PROP_OVERRIDE_CONFIDENCE,
  PROP_MIN_CONFIDENCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Whether the declared @tag names the detected @language: "de-AT" and
 * "de_AT" are "de"; "no" is Norwegian Bokmål, "nb", as the model names it. */
static gboolean
declares (const char *tag,
          const char *language)
{
  char code[PITH_LANGUAGE_CODE_MAX + 1];

  if (!pith_language_tag_code (tag, code))
    return FALSE;
  return strcmp (strcmp (code, "no") == 0 ? "nb" : code, language) == 0;
}

static gboolean
pith_language_identifier_process (PithStage     *stage,
                                  PithDocument  *document,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  PithLanguageIdentifier *self = PITH_LANGUAGE_IDENTIFIER (stage);
  const PithLanguageModel *model = pith_language_model_get_default (error);
  /* A copy: setting the document's language frees what it declared. */
  g_autofree char *declared = g_strdup (pith_document_get_language (document));
  g_autoptr(JsonObject) report = json_object_new ();
  PithLanguageGuess guess;
  const char *chosen;

  if (model == NULL)
    return FALSE;

  pith_language_model_detect (model, pith_document_get_text (document), pith_document_get_text_size (document),
                              &guess);

  if (guess.language == NULL)
    chosen = declared != NULL ? "declared" : "none";
  else if (declares (declared, guess.language))
    chosen = "both";
  else if (declared != NULL && (self->override_confidence >= 1.0 || guess.confidence < self->override_confidence))
    chosen = "declared";
  else if (declared == NULL && guess.confidence < self->min_confidence)
    chosen = "none";
  else
    {
      chosen = "text";
      pith_document_set_language (document, guess.language);
    }

  if (guess.language != NULL)
    json_object_set_string_member (report, "detected", guess.language);
  else
    json_object_set_null_member (report, "detected");
  json_object_set_double_member (report, "confidence", guess.confidence);
  if (declared != NULL)
    json_object_set_string_member (report, "declared", declared);
  else
    json_object_set_null_member (report, "declared");
  json_object_set_string_member (report, "chosen", chosen);
  pith_document_set_report (document, REPORT, report);

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static void
pith_language_identifier_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PithLanguageIdentifier *self = PITH_LANGUAGE_IDENTIFIER (object);

  switch (prop_id)
    {
    case PROP_OVERRIDE_CONFIDENCE:
      g_value_set_double (value, self->override_confidence);
      break;
    case PROP_MIN_CONFIDENCE:
      g_value_set_double (value, self->min_confidence);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_language_identifier_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PithLanguageIdentifier *self = PITH_LANGUAGE_IDENTIFIER (object);

  switch (prop_id)
    {
    case PROP_OVERRIDE_CONFIDENCE:
      self->override_confidence = g_value_get_double (value);
      break;
    case PROP_MIN_CONFIDENCE:
      self->min_confidence = g_value_get_double (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pith_language_identifier_class_init (PithLanguageIdentifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  PithStageClass *stage_class = PITH_STAGE_CLASS (klass);

  object_class->get_property = pith_language_identifier_get_property;
  object_class->set_property = pith_language_identifier_set_property;
  stage_class->process = pith_language_identifier_process;

  pith_stage_class_set_description (stage_class, "Finds the language of the text");
  pith_stage_class_set_layers (stage_class, NULL, NULL, PITH_STAGE_FLAGS_NONE);

  /**
   * PithLanguageIdentifier:override-confidence:
   *
   * How sure the detection must be to replace a language the input
   * declared: 1 keeps every declaration, 0 always takes the text's.
   */
  properties[PROP_OVERRIDE_CONFIDENCE] =
    g_param_spec_double ("override-confidence", NULL, "How sure the text must be to override a declaration",
                         0.0, 1.0, 0.9,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  /**
   * PithLanguageIdentifier:min-confidence:
   *
   * How sure the detection must be to set a language when none was
   * declared.
   */
  properties[PROP_MIN_CONFIDENCE] =
    g_param_spec_double ("min-confidence", NULL, "How sure the text must be to set an undeclared language",
                         0.0, 1.0, PITH_LANGUAGE_MIN_CONFIDENCE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pith_language_identifier_init (PithLanguageIdentifier *self)
{
}

/**
 * pith_language_identifier_new:
 *
 * Creates a `language` stage with default settings.
 *
 * Returns: (transfer full): a new stage
 */
PithStage *
pith_language_identifier_new (void)
{
  return g_object_new (PITH_TYPE_LANGUAGE_IDENTIFIER, NULL);
}

/**
 * pith_language_identifier_detect:
 * @self: a `language` stage
 * @text: UTF-8 text
 * @confidence: (out) (optional): how sure the answer is, 0–1
 * @error: where to put an error
 *
 * Finds the language of @text alone, without a document: what the stage
 * would detect in it.
 *
 * Returns: (transfer full) (nullable): the language code, or %NULL with
 *   @confidence 0 when @text has no letters, or %NULL with @error set
 *   when @text is not UTF-8 or the model cannot be loaded
 */
char *
pith_language_identifier_detect (PithLanguageIdentifier  *self,
                                 const char              *text,
                                 double                  *confidence,
                                 GError                 **error)
{
  const PithLanguageModel *model;
  PithLanguageGuess guess;
  gsize length;

  g_return_val_if_fail (PITH_IS_LANGUAGE_IDENTIFIER (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (confidence != NULL)
    *confidence = 0.0;
  length = strlen (text);
  if (!g_utf8_validate_len (text, length, NULL))
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, "The text is not valid UTF-8");
      return NULL;
    }
  if ((model = pith_language_model_get_default (error)) == NULL)
    return NULL;
  pith_language_model_detect (model, text, length, &guess);
  if (confidence != NULL)
    *confidence = guess.confidence;
  return g_strdup (guess.language);
}
