/* pith-part-of-speech.c: a word's part of speech, guessed from the words
 * around it
 *
 * A lexicon says what a word can be ("melts": a noun's plural or a
 * verb's -s); which it is in "the snow melts" or "police shooting" only
 * the words around it tell. An averaged perceptron, trained on the
 * CoNLL-2003 training split's part-of-speech column by
 * tools/train-part-of-speech, weighs the word, its last letters, its
 * capital and its neighbours, two on each side, and pairs of the word and
 * a neighbour, for five classes: noun, verb, adjective, adverb and the
 * rest. No neighbour's guess is read, so a word is guessed alone: the key
 * phrases ask only of the few words their best phrases hold.
 *
 * The model file is lines of a feature (its name, "=", its value, as
 * feature_text() writes it) and five integer weights, after the line
 * "pith-part-of-speech 1"; "#" lines are comments.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-error.h"
#include "pith-lines-private.h"
#include "pith-part-of-speech-private.h"
#include "pith-resource-cache-private.h"
#include "pith-word-table-private.h"

#define FORMAT_LINE "pith-part-of-speech 1"
#define RESOURCE_PREFIX "/org/gnome/Pith/"
/* A word's form is kept up to this many bytes; a longer one is in no
 * feature the model knows. */
#define MAX_FORM 64
#define MAX_FEATURE (2 * MAX_FORM + 16)

struct _PithPartOfSpeechModel
{
  PithWordTable *features;
  GArray *weights;          /* of gint32, PITH_PART_OF_SPEECH_N_CLASSES a feature */
};

void
pith_part_of_speech_model_free (PithPartOfSpeechModel *self)
{
  if (self == NULL)
    return;
  pith_word_table_free (self->features);
  g_array_unref (self->weights);
  g_free (self);
}

/* Reads "NAME W W W W W" into the model. */
static gboolean
parse_line (PithPartOfSpeechModel *self,
            const char            *line,
            gsize                  length)
{
  const char *space = memchr (line, ' ', length);
  const char *cursor;
  const char *end = line + length;
  gint32 weights[PITH_PART_OF_SPEECH_N_CLASSES];
  gboolean added = FALSE;
  gsize name_length;

  if (space == NULL || space == line)
    return FALSE;
  name_length = (gsize) (space - line);
  cursor = space;
  for (int c = 0; c < PITH_PART_OF_SPEECH_N_CLASSES; c++)
    {
      char *after = NULL;
      gint64 value;

      while (cursor < end && *cursor == ' ')
        cursor++;
      if (cursor >= end)
        return FALSE;
      value = g_ascii_strtoll (cursor, &after, 10);
      if (after == cursor || after > end || value < G_MININT32 || value > G_MAXINT32)
        return FALSE;
      weights[c] = (gint32) value;
      cursor = after;
    }
  while (cursor < end && (*cursor == ' ' || *cursor == '\r'))
    cursor++;
  if (cursor != end || name_length >= MAX_FEATURE)
    return FALSE;
  if (pith_word_table_add (self->features, line, name_length, pith_word_table_hash (line, name_length), &added) ==
      PITH_WORD_TABLE_NONE || !added)
    return FALSE;
  g_array_append_vals (self->weights, weights, PITH_PART_OF_SPEECH_N_CLASSES);
  return TRUE;
}

PithPartOfSpeechModel *
pith_part_of_speech_model_new_from_bytes (GBytes  *bytes,
                                          GError **error)
{
  g_autoptr(PithPartOfSpeechModel) self = g_new0 (PithPartOfSpeechModel, 1);
  gsize size = 0;
  const char *cursor = g_bytes_get_data (bytes, &size);
  const char *end = cursor + size;
  const char *line;
  gsize length;
  guint line_number = 0;
  gboolean known_format = FALSE;

  self->features = pith_word_table_new ();
  self->weights = g_array_new (FALSE, FALSE, sizeof (gint32));
  while (pith_lines_next (&cursor, end, &line, &length))
    {
      line_number++;
      if (length == 0 || line[0] == '#')
        continue;
      if (!known_format)
        {
          known_format = length >= strlen (FORMAT_LINE) && memcmp (line, FORMAT_LINE, strlen (FORMAT_LINE)) == 0;
          if (!known_format)
            break;
          continue;
        }
      if (!parse_line (self, line, length))
        {
          g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "Part-of-speech model, line %u: not a feature "
                       "and five weights, or a feature twice", line_number);
          return NULL;
        }
    }
  if (!known_format)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "Not a part-of-speech model of a format this Pith reads");
      return NULL;
    }
  return g_steal_pointer (&self);
}

/* A PithResourceLoad: a built-in model that does not load is a broken
 * build, and the key phrases go on with their lexicon's rules alone. */
static gpointer
load_builtin (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;
  PithPartOfSpeechModel *model;

  if (bytes == NULL)
    return NULL;
  model = pith_part_of_speech_model_new_from_bytes (bytes, &error);
  if (model == NULL)
    g_critical ("The built-in %s does not load: %s", name, error->message);
  return model;
}

/* The built-in model for @language (an ISO 639-1 code), or NULL when
 * there is none. Loaded on first use, kept for the process. */
const PithPartOfSpeechModel *
pith_part_of_speech_model_get (const char *language)
{
  static PithResourceCache cache;
  char name[64];

  if (language == NULL || strlen (language) > 8)
    return NULL;
  g_snprintf (name, sizeof name, "summarize/part-of-speech-%s.txt", language);
  return pith_resource_cache_get (&cache, name, load_builtin);
}

/* A word as the features read it: ASCII letters lowercase, digits 0,
 * other bytes as they are; the sentence's edges as "<s>" and "</s>". */
typedef struct
{
  char text[MAX_FORM];
  gsize length;
  gboolean usable;          /* FALSE: too long to be in any feature */
  gboolean ascii;
} Form;

static void
form_of (const char *word,
         gsize       length,
         const char *edge,
         Form       *form)
{
  form->ascii = TRUE;
  if (word == NULL)
    {
      form->length = strlen (edge);
      memcpy (form->text, edge, form->length + 1);
      form->usable = TRUE;
      return;
    }
  form->usable = length < MAX_FORM;
  form->length = MIN (length, MAX_FORM - 1);
  for (gsize i = 0; i < form->length; i++)
    {
      char c = word[i];

      form->ascii &= (guchar) c < 0x80;
      form->text[i] = g_ascii_isdigit (c) ? '0' : g_ascii_tolower (c);
    }
  form->text[form->length] = '\0';
}

/* The last @n bytes of an ASCII form longer than @n, or NULL. */
static const char *
suffix (const Form *form,
        gsize       n)
{
  return form->ascii && form->length > n ? form->text + form->length - n : NULL;
}

/* Adds the weights of the feature @text, @length bytes. */
static void
add_text (const PithPartOfSpeechModel *self,
          gint64                      *scores,
          const char                  *text,
          int                          length)
{
  guint32 number;
  const gint32 *weights;

  if (length < 0 || length >= MAX_FEATURE)
    return;
  number = pith_word_table_find (self->features, text, (gsize) length, pith_word_table_hash (text, (gsize) length));
  if (number == PITH_WORD_TABLE_NONE)
    return;
  weights = &g_array_index (self->weights, gint32, (gsize) number * PITH_PART_OF_SPEECH_N_CLASSES);
  for (int c = 0; c < PITH_PART_OF_SPEECH_N_CLASSES; c++)
    scores[c] += weights[c];
}

/* A feature of a name alone: "b", "cap". */
static void
add_flag (const PithPartOfSpeechModel *self,
          gint64                      *scores,
          const char                  *name)
{
  add_text (self, scores, name, (int) strlen (name));
}

/* The feature "@name=@value", or "@name=@value|@value2"; none without a
 * @value (a word with no such suffix). */
static void
add_feature (const PithPartOfSpeechModel *self,
             gint64                      *scores,
             const char                  *name,
             const char                  *value,
             const char                  *value2)
{
  char text[MAX_FEATURE];

  if (value == NULL)
    return;
  add_text (self, scores, text,
            value2 != NULL ? g_snprintf (text, sizeof text, "%s=%s|%s", name, value, value2)
                           : g_snprintf (text, sizeof text, "%s=%s", name, value));
}

/* The features of tools/train-part-of-speech's features(), in its words:
 * each class's score, in thousandths. */
void
pith_part_of_speech_score (const PithPartOfSpeechModel  *self,
                           const PithPartOfSpeechWindow *window,
                           gint64                       *scores)
{
  static const char * const offsets[PITH_PART_OF_SPEECH_WINDOW] = { "-2", "-1", NULL, "+1", "+2" };
  Form forms[PITH_PART_OF_SPEECH_WINDOW];
  const Form *word = &forms[PITH_PART_OF_SPEECH_CENTRE];
  const char *first = window->words[PITH_PART_OF_SPEECH_CENTRE];
  for (int c = 0; c < PITH_PART_OF_SPEECH_N_CLASSES; c++)
    scores[c] = 0;
  for (int k = 0; k < PITH_PART_OF_SPEECH_WINDOW; k++)
    form_of (window->words[k], window->lengths[k], k < PITH_PART_OF_SPEECH_CENTRE ? "<s>" : "</s>", &forms[k]);

  add_flag (self, scores, "b");
  if (word->usable)
    {
      add_feature (self, scores, "w", word->text, NULL);
      add_feature (self, scores, "x1", suffix (word, 1), NULL);
      add_feature (self, scores, "x2", suffix (word, 2), NULL);
      add_feature (self, scores, "x3", suffix (word, 3), NULL);
    }
  if (first != NULL && window->lengths[PITH_PART_OF_SPEECH_CENTRE] > 0 && g_ascii_isupper (first[0]))
    add_flag (self, scores, window->words[PITH_PART_OF_SPEECH_CENTRE - 1] != NULL ? "cap" : "cap-first");
  for (int k = 0; k < PITH_PART_OF_SPEECH_WINDOW; k++)
    {
      char name[8];

      if (k == PITH_PART_OF_SPEECH_CENTRE || !forms[k].usable)
        continue;
      g_snprintf (name, sizeof name, "w%s", offsets[k]);
      add_feature (self, scores, name, forms[k].text, NULL);
      if ((k == 1 || k == 3) && window->words[k] != NULL)
        {
          g_snprintf (name, sizeof name, "x3%s", offsets[k]);
          add_feature (self, scores, name, suffix (&forms[k], 3), NULL);
        }
    }
  if (word->usable && forms[1].usable)
    {
      const char *end = suffix (word, 3);

      add_feature (self, scores, "w-1|w", forms[1].text, word->text);
      add_feature (self, scores, "w-1|x3", forms[1].text, end != NULL ? end : "");
    }
  if (word->usable && forms[3].usable)
    add_feature (self, scores, "w|w+1", word->text, forms[3].text);
  if (forms[0].usable && forms[1].usable)
    add_feature (self, scores, "w-2|w-1", forms[0].text, forms[1].text);

}

/* The best scored class of @scores, the first of the best on a tie, as
 * the trainer decides. */
PithPartOfSpeech
pith_part_of_speech_best (const gint64 *scores)
{
  PithPartOfSpeech best = PITH_PART_OF_SPEECH_NOUN;

  for (int c = 1; c < PITH_PART_OF_SPEECH_N_CLASSES; c++)
    if (scores[c] > scores[best])
      best = (PithPartOfSpeech) c;
  return best;
}

/* The class of the word at the window's centre. */
PithPartOfSpeech
pith_part_of_speech_guess (const PithPartOfSpeechModel  *self,
                           const PithPartOfSpeechWindow *window)
{
  gint64 scores[PITH_PART_OF_SPEECH_N_CLASSES];

  pith_part_of_speech_score (self, window, scores);
  return pith_part_of_speech_best (scores);
}
