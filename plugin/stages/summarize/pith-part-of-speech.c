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
 * The model is a table the library reads where it lies (a resource, or a
 * file mapped), written by the trainer; a feature is found by the hash of
 * its text ("w-1|w=the|strike", as add_feature() hashes it) through a
 * directory of its hashes built when it loads, in a read or two
 * (pith-sorted-hashes-private.h), so a guess touches a few pages of it. The format, version 1, little-endian:
 *
 *   offset       size  what
 *   0            8     magic "PITHPOS\0"
 *   8            4     version (1)
 *   12           4     n, the number of features
 *   16           4     classes (5)
 *   20           4     0
 *   24           8 n   the features' FNV-1a hashes, increasing
 *   24 + 8 n     10 n  each feature's five weights, 16-bit, in thousandths
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-error.h"
#include "pith-part-of-speech-private.h"
#include "pith-resource-cache-private.h"
#include "pith-sorted-hashes-private.h"
#include "pith-utf8-private.h"
#include "pith-word-hashes-private.h"

#define MAGIC "PITHPOS"
#define VERSION 1
#define HEADER_SIZE 24
#define RESOURCE_PREFIX "/org/gnome/Pith/"
/* A word's form is kept up to this many bytes; a longer one is in no
 * feature the model knows. */
#define MAX_FORM 64

struct _PithPartOfSpeechModel
{
  GBytes *bytes;
  PithSortedHashes hashes;  /* n little-endian u64 */
  const guint8 *weights;    /* n × 5 little-endian i16 */
  gsize n;
};

void
pith_part_of_speech_model_free (PithPartOfSpeechModel *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  pith_sorted_hashes_clear (&self->hashes);
  g_free (self);
}

PithPartOfSpeechModel *
pith_part_of_speech_model_new_from_bytes (GBytes  *bytes,
                                          GError **error)
{
  PithPartOfSpeechModel *self;
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize n;

  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0 || pith_read_u32_le (data + 8) != VERSION)
    {
      g_set_error_literal (error, PITH_ERROR, PITH_ERROR_MODEL,
                           "Not a part-of-speech model of a format this Pith reads");
      return NULL;
    }
  n = pith_read_u32_le (data + 12);
  if (pith_read_u32_le (data + 16) != PITH_PART_OF_SPEECH_N_CLASSES ||
      size != HEADER_SIZE + n * (8 + 2 * PITH_PART_OF_SPEECH_N_CLASSES))
    {
      g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL,
                   "Part-of-speech model: %" G_GSIZE_FORMAT " bytes, not a table of %" G_GSIZE_FORMAT
                   " features of %u classes", size, n, pith_read_u32_le (data + 16));
      return NULL;
    }
  self = g_new0 (PithPartOfSpeechModel, 1);
  self->bytes = g_bytes_ref (bytes);
  pith_sorted_hashes_init (&self->hashes, data + HEADER_SIZE, n);
  self->weights = data + HEADER_SIZE + n * 8;
  self->n = n;
  return self;
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
  g_snprintf (name, sizeof name, "summarize/part-of-speech-%s.bin", language);
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
      form->text[i] = g_ascii_isdigit (c) ? '0' : pith_ascii_tolower (c);
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

/* Adds the weights of the feature whose text hashes to @hash. */
static void
add_hash (const PithPartOfSpeechModel *self,
          gint64                      *scores,
          guint64                      hash)
{
  gssize found = pith_sorted_hashes_find (&self->hashes, hash);
  const guint8 *weights;

  if (found < 0)
    return;
  weights = self->weights + (gsize) found * 2 * PITH_PART_OF_SPEECH_N_CLASSES;
  for (int c = 0; c < PITH_PART_OF_SPEECH_N_CLASSES; c++)
    scores[c] += pith_read_i16_le (weights + 2 * c);
}

/* The hash of a feature's text is its parts' hashed one after the other
 * (FNV-1a reads a byte at a time), with no text built. */
static guint64
hash_on (guint64     hash,
         const char *part)
{
  return pith_word_hash_continue (hash, part, strlen (part));
}

/* A feature of a name alone: "b", "cap". */
static void
add_flag (const PithPartOfSpeechModel *self,
          gint64                      *scores,
          const char                  *name)
{
  add_hash (self, scores, hash_on (PITH_WORD_HASH_BASIS, name));
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
  guint64 hash;

  if (value == NULL)
    return;
  hash = hash_on (hash_on (hash_on (PITH_WORD_HASH_BASIS, name), "="), value);
  if (value2 != NULL)
    hash = hash_on (hash_on (hash, "|"), value2);
  add_hash (self, scores, hash);
}

/* The features of tools/train-part-of-speech's features(), in its words:
 * each class's score, in thousandths. */
void
pith_part_of_speech_score (const PithPartOfSpeechModel  *self,
                           const PithPartOfSpeechWindow *window,
                           gint64                       *scores)
{
  static const char * const word_names[PITH_PART_OF_SPEECH_WINDOW] = { "w-2", "w-1", NULL, "w+1", "w+2" };
  static const char * const suffix_names[PITH_PART_OF_SPEECH_WINDOW] = { NULL, "x3-1", NULL, "x3+1", NULL };
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
      if (k == PITH_PART_OF_SPEECH_CENTRE || !forms[k].usable)
        continue;
      add_feature (self, scores, word_names[k], forms[k].text, NULL);
      if (suffix_names[k] != NULL && window->words[k] != NULL)
        add_feature (self, scores, suffix_names[k], suffix (&forms[k], 3), NULL);
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
