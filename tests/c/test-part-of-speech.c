/* test-part-of-speech.c: the guesser the key phrases ask whether a word is
 * used as a noun or a verb
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <gio/gio.h>

#include "pith-error.h"
#include "pith-part-of-speech-private.h"

/* The guess for word @i of @sentence, words one space apart. */
static PithPartOfSpeech
guess_in (const PithPartOfSpeechModel  *model,
          const char                   *sentence,
          guint                         i)
{
  g_auto(GStrv) words = g_strsplit (sentence, " ", -1);
  guint n = g_strv_length (words);
  PithPartOfSpeechWindow window = { { NULL, }, { 0, } };

  g_assert_cmpuint (i, <, n);
  for (int k = 0; k < PITH_PART_OF_SPEECH_WINDOW; k++)
    {
      gint64 at = (gint64) i + k - PITH_PART_OF_SPEECH_CENTRE;

      if (at >= 0 && at < n)
        {
          window.words[k] = words[at];
          window.lengths[k] = strlen (words[at]);
        }
    }
  return pith_part_of_speech_guess (model, &window);
}

/* One word, two uses: the words around it tell which. */
static void
test_words_around_decide (void)
{
  const PithPartOfSpeechModel *model = pith_part_of_speech_model_get ("en");
  static const struct
  {
    const char *sentence;
    guint word;
    PithPartOfSpeech expected;
  } cases[] = {
    { "Officials plan to release the report on Monday .", 3, PITH_PART_OF_SPEECH_VERB },
    { "The release of the report was delayed .", 1, PITH_PART_OF_SPEECH_NOUN },
    { "The striker played well in the second half .", 3, PITH_PART_OF_SPEECH_ADVERB },
    { "The council plans a new harbour .", 2, PITH_PART_OF_SPEECH_VERB },
    { "The kidney coming from a stranger saved her life .", 2, PITH_PART_OF_SPEECH_VERB },
    { "He fell victim to the scam .", 1, PITH_PART_OF_SPEECH_VERB },
    { "She encouraged fans to vote .", 1, PITH_PART_OF_SPEECH_VERB },
    /* Compounds of two nouns stay nouns. */
    { "A police shooting in the city sparked protests .", 2, PITH_PART_OF_SPEECH_NOUN },
    { "The peace talks resumed in Geneva .", 2, PITH_PART_OF_SPEECH_NOUN },
    { "The border crossing was closed .", 2, PITH_PART_OF_SPEECH_NOUN },
    { "Air strikes hit the town .", 1, PITH_PART_OF_SPEECH_NOUN },
  };

  g_assert_nonnull (model);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s (word %u)", cases[i].sentence, cases[i].word);
      g_assert_cmpint (guess_in (model, cases[i].sentence, cases[i].word), ==, cases[i].expected);
    }
  /* Languages without a model have none. */
  g_assert_null (pith_part_of_speech_model_get ("xx"));
}

/* Words too long for any feature, and a window of one word, still get a
 * guess. */
static void
test_odd_windows (void)
{
  const PithPartOfSpeechModel *model = pith_part_of_speech_model_get ("en");
  g_autofree char *long_word = g_strnfill (500, 'a');
  PithPartOfSpeechWindow window = { { NULL, NULL, long_word, "é", NULL }, { 0, 0, 500, strlen ("é"), 0 } };
  PithPartOfSpeech guess = pith_part_of_speech_guess (model, &window);

  g_assert_cmpint (guess, >=, 0);
  g_assert_cmpint (guess, <, PITH_PART_OF_SPEECH_N_CLASSES);
}

static PithPartOfSpeech
class_of (const char *tag)
{
  if (g_str_has_prefix (tag, "NN"))
    return PITH_PART_OF_SPEECH_NOUN;
  if (g_str_has_prefix (tag, "VB") || strcmp (tag, "MD") == 0)
    return PITH_PART_OF_SPEECH_VERB;
  if (g_str_has_prefix (tag, "JJ"))
    return PITH_PART_OF_SPEECH_ADJECTIVE;
  if (g_str_has_prefix (tag, "RB") || strcmp (tag, "RP") == 0)
    return PITH_PART_OF_SPEECH_ADVERB;
  return PITH_PART_OF_SPEECH_OTHER;
}

/* On the CoNLL-2003 dev split, the library's guesses score what the
 * trainer's did (0.9600 of the words right): its features are the
 * trainer's, word for word. */
static void
test_conll_dev (void)
{
  const char *shared = g_getenv ("PITH_SHARED_DATA");
  g_autofree char *path = g_build_filename (shared != NULL ? shared : "", "conll2003", "dev.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GArray) truth = g_array_new (FALSE, FALSE, sizeof (PithPartOfSpeech));
  const PithPartOfSpeechModel *model = pith_part_of_speech_model_get ("en");
  guint right = 0;
  guint total = 0;

  if (shared == NULL || !g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("../shared/data/conll2003/dev.txt is absent");
      return;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[l], " ", -1);
      gboolean boundary = g_strv_length (fields) < 4 || strcmp (fields[0], "-DOCSTART-") == 0;

      if (!boundary)
        {
          PithPartOfSpeech tag = class_of (fields[1]);

          g_ptr_array_add (words, g_strdup (fields[0]));
          g_array_append_val (truth, tag);
        }
      if ((boundary || lines[l + 1] == NULL) && words->len > 0)
        {
          for (guint i = 0; i < words->len; i++)
            {
              PithPartOfSpeechWindow window = { { NULL, }, { 0, } };

              for (int k = 0; k < PITH_PART_OF_SPEECH_WINDOW; k++)
                {
                  gint64 at = (gint64) i + k - PITH_PART_OF_SPEECH_CENTRE;

                  if (at >= 0 && at < words->len)
                    {
                      window.words[k] = g_ptr_array_index (words, at);
                      window.lengths[k] = strlen (window.words[k]);
                    }
                }
              right += pith_part_of_speech_guess (model, &window) == g_array_index (truth, PithPartOfSpeech, i);
              total++;
            }
          g_ptr_array_set_free_func (words, g_free);
          g_ptr_array_set_size (words, 0);
          g_array_set_size (truth, 0);
        }
    }
  g_test_message ("dev: %u of %u right (%.4f)", right, total, right / (double) total);
  g_assert_cmpuint (total, >, 50000);
  g_assert_cmpfloat (right / (double) total, >=, 0.9595);
}

/* A model that is not one, or whose table is cut short, is a
 * PITH_ERROR_MODEL saying so. */
static void
test_bad_models (void)
{
  /* The header of a table of two features of five classes, then its
   * hashes and weights: 24 + 16 + 20 bytes. */
  static const guint8 header[24] = { 'P', 'I', 'T', 'H', 'P', 'O', 'S', 0, 1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0 };
  guint8 table[24 + 16 + 20] = { 0, };
  static const struct
  {
    gsize size;
    guint8 version;
    guint8 classes;
    const char *message;
  } cases[] = {
    { 0, 1, 5, "Not a part-of-speech model" },
    { 23, 1, 5, "Not a part-of-speech model" },
    { sizeof table, 2, 5, "Not a part-of-speech model" },
    { sizeof table - 1, 1, 5, "not a table of 2 features" },
    { sizeof table, 1, 4, "of 4 classes" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPartOfSpeechModel) model = NULL;

      memcpy (table, header, sizeof header);
      table[8] = cases[i].version;
      table[16] = cases[i].classes;
      bytes = g_bytes_new (table, cases[i].size);
      model = pith_part_of_speech_model_new_from_bytes (bytes, &error);
      g_assert_null (model);
      g_assert_error (error, PITH_ERROR, PITH_ERROR_MODEL);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  /* The same table whole is a model, with no weight for any feature. */
  {
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(PithPartOfSpeechModel) model = NULL;
    PithPartOfSpeechWindow window = { { NULL, NULL, "word", NULL, NULL }, { 0, 0, 4, 0, 0 } };

    memcpy (table, header, sizeof header);
    bytes = g_bytes_new (table, sizeof table);
    model = pith_part_of_speech_model_new_from_bytes (bytes, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pith_part_of_speech_guess (model, &window), ==, PITH_PART_OF_SPEECH_NOUN);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Pith/PartOfSpeech/words-around-decide", test_words_around_decide);
  g_test_add_func ("/Pith/PartOfSpeech/odd-windows", test_odd_windows);
  g_test_add_func ("/Pith/PartOfSpeech/conll-dev", test_conll_dev);
  g_test_add_func ("/Pith/PartOfSpeech/bad-models", test_bad_models);
  return g_test_run ();
}
