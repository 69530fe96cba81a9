/* test-ner-decoder.c: the tagger's fast path gives the tags of the full search
 *
 * pith_ner_tag_sentence() reads each word's scores from its vocabulary,
 * summed once per word; pith_ner_viterbi() with pith_ner_model_score()
 * scores every feature of every token, as the trainer does. The two must
 * agree tag for tag, whatever the vocabulary has forgotten, and a
 * vocabulary shared by two models must never serve one model's scores to
 * the other. A search that takes runs of plain words far from any other
 * for O without searching them must give the same tags too.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "pith-ner-model-private.h"

#define BUILTIN_MODEL "/org/gnome/Pith/entities/ner-en.model"

static void
score_with (gconstpointer  weights,
            const guint64 *hashes,
            guint          n_hashes,
            float         *scores)
{
  pith_ner_model_score (weights, hashes, n_hashes, scores);
}

static PithNerModel *
builtin_model (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (BUILTIN_MODEL, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  PithNerModel *model;

  g_assert_no_error (error);
  model = pith_ner_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return model;
}

/* The lines of the project's text files in @directory as sentences of
 * whitespace-separated words, with trailing punctuation split off. */
static void
add_sentences (GPtrArray  *sentences,
               const char *directory)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_auto(GStrv) words = g_strsplit_set (lines[l], " \t", -1);
          GPtrArray *sentence = g_ptr_array_new_with_free_func (g_free);

          for (guint w = 0; words[w] != NULL; w++)
            {
              gsize length = strlen (words[w]);

              if (length == 0 || !g_utf8_validate (words[w], -1, NULL))
                continue;
              if (length > 1 && strchr (".,;:!?\"", words[w][length - 1]) != NULL)
                {
                  g_ptr_array_add (sentence, g_strndup (words[w], length - 1));
                  g_ptr_array_add (sentence, g_strndup (words[w] + length - 1, 1));
                }
              else
                g_ptr_array_add (sentence, g_strdup (words[w]));
            }
          if (sentence->len > 0)
            g_ptr_array_add (sentences, sentence);
          else
            g_ptr_array_unref (sentence);
        }
    }
}

/* The project's articles and test texts: enough names, numbers, shapes
 * and noise. */
static GPtrArray *
article_sentences (void)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  add_sentences (sentences, g_test_get_filename (G_TEST_DIST, "..", "..", "examples", "articles", NULL));
  add_sentences (sentences, g_test_get_filename (G_TEST_DIST, "..", "data", NULL));
  g_assert_cmpuint (sentences->len, >, 100);
  return sentences;
}

/* Whether @tags are O at every word a search that skips runs of plain
 * words takes for O: those more than PITH_NER_PLAIN_REACH from any word not
 * plain. */
static gboolean
skipped_words_are_o (const PithNerSentence *sentence,
                     const int             *tags)
{
  for (guint i = 0; i < sentence->n_words; i++)
    {
      gboolean near = FALSE;

      for (guint k = i >= PITH_NER_PLAIN_REACH ? i - PITH_NER_PLAIN_REACH : 0;
           k <= i + PITH_NER_PLAIN_REACH && k < sentence->n_words; k++)
        near |= !sentence->tokens[k]->plain;
      if (!near && tags[i] != PITH_NER_TAG_O)
        return FALSE;
    }
  return TRUE;
}

/* Tags every sentence both ways, one document memory each (the sentences
 * one document), and counts the names found so the test knows it tagged
 * something. */
static guint
assert_same_tags (const PithNerModel *model,
                  gboolean            real,
                  GPtrArray          *sentences,
                  PithNerVocabulary  *vocabulary)
{
  g_autoptr(PithNerDocument) fast_memory = pith_ner_document_new ();
  g_autoptr(PithNerDocument) full_memory = pith_ner_document_new ();
  g_autoptr(PithNerDocument) margin_memory = pith_ner_document_new ();
  g_autoptr(PithNerDocument) skip_memory = pith_ner_document_new ();
  PithNerScratch scratch = { NULL, };
  guint names = 0;
  guint n_plain = 0;
  guint n_not_o = 0;
  guint n_margins = 0;
  guint n_same_margins = 0;

  /* What stands around each capitalised word elsewhere, in all three:
   * the fast search sums those features once per word. */
  for (guint s = 0; s < sentences->len; s++)
    {
      GPtrArray *words = g_ptr_array_index (sentences, s);
      PithNerSentence sentence = { (const char **) words->pdata, words->len, FALSE, NULL, NULL };

      pith_ner_vocabulary_trim (vocabulary);
      pith_ner_sentence_prepare (&sentence, vocabulary);
      for (guint i = 0; i < sentence.n_words; i++)
        {
          PithNerToken **tokens = sentence.tokens;

          pith_ner_document_add_context (fast_memory, tokens[(int) i - 1], tokens[i], tokens[i + 1]);
          pith_ner_document_add_context (full_memory, tokens[(int) i - 1], tokens[i], tokens[i + 1]);
          pith_ner_document_add_context (margin_memory, tokens[(int) i - 1], tokens[i], tokens[i + 1]);
          pith_ner_document_add_context (skip_memory, tokens[(int) i - 1], tokens[i], tokens[i + 1]);
        }
      pith_ner_sentence_clear (&sentence);
    }

  for (guint s = 0; s < sentences->len; s++)
    {
      GPtrArray *words = g_ptr_array_index (sentences, s);
      g_autofree guint8 *marks = g_new0 (guint8, words->len);
      g_autofree int *fast = g_new0 (int, words->len);
      g_autofree int *full = g_new0 (int, words->len);
      g_autofree int *with_margins = g_new0 (int, words->len);
      g_autofree float *margins = g_new0 (float, words->len);
      g_autofree int *skipping = g_new0 (int, words->len);
      g_autofree float *skipping_margins = g_new0 (float, words->len);
      PithNerSentence sentence = { (const char **) words->pdata, words->len, FALSE, marks, NULL };
      gboolean gaps_are_o;

      sentence.all_caps = pith_ner_is_all_caps (sentence.words, sentence.n_words);
      pith_ner_vocabulary_trim (vocabulary);
      pith_ner_sentence_prepare (&sentence, vocabulary);
      pith_ner_mark_gazetteer (&sentence, marks);

      pith_ner_viterbi (&sentence, full_memory, score_with, model, full);
      for (guint i = 0; i < sentence.n_words; i++)
        pith_ner_document_remember (full_memory, sentence.words[i], full[i]);
      pith_ner_tag_sentence (model, &sentence, fast_memory, fast, NULL);
      /* With scratch buffers the search keeps a lattice and traces the
       * path back from it, without back pointers: the same tags. The
       * margins change no tag, and none is below 0: the chosen path is
       * the best through its own tags. Names' words have one, the words
       * outside names none (NAN). */
      sentence.scratch = &scratch;
      pith_ner_tag_sentence (model, &sentence, margin_memory, with_margins, margins);
      /* Runs of plain words far from any other taken for O unsearched:
       * the same tags, and the margins but for the floats' last bits. */
      sentence.skips_plain_runs = TRUE;
      pith_ner_tag_sentence (model, &sentence, skip_memory, skipping, skipping_margins);
      sentence.skips_plain_runs = FALSE;
      /* The same where the full search's best path is O across the runs
       * skipped; elsewhere it has a name that runs on over plain words
       * ("Las acciones de la" in Spanish). */
      gaps_are_o = skipped_words_are_o (&sentence, fast);
      n_not_o += !gaps_are_o;
      /* The document's memory as the full search left it, for the next
       * sentences to be compared alike. */
      for (guint i = 0; i < sentence.n_words; i++)
        pith_ner_document_remember (skip_memory, sentence.words[i], fast[i]);
      sentence.scratch = NULL;
      for (guint i = 0; i < sentence.n_words; i++)
        {
          g_assert_cmpint (with_margins[i], ==, fast[i]);
          g_assert_true (isnan (margins[i]) == (fast[i] == PITH_NER_TAG_O));
          if (!isnan (margins[i]))
            g_assert_cmpfloat (margins[i], >=, -1e-3f);
          if (!gaps_are_o)
            continue;
          g_assert_cmpint (skipping[i], ==, fast[i]);
          g_assert_true (isnan (skipping_margins[i]) == isnan (margins[i]));
          /* A margin is against the best path through another tag: the
           * skipping search, which has fewer paths, finds one no better
           * (one through a name of plain words may be gone). */
          if (!isnan (margins[i]) && !isinf (margins[i]))
            {
              float tolerance = 1e-3f * MAX (1.0f, fabsf (margins[i]));

              g_assert_cmpfloat (skipping_margins[i], >=, margins[i] - tolerance);
              n_same_margins += fabsf (skipping_margins[i] - margins[i]) <= tolerance;
              n_margins++;
            }
          n_plain += sentence.tokens[i]->plain;
        }

      for (guint i = 0; i < sentence.n_words; i++)
        {
          if (fast[i] != full[i])
            g_error ("sentence %u word %u (%s): %s against %s", s, i, sentence.words[i],
                     pith_ner_tag_name (fast[i]), pith_ner_tag_name (full[i]));
          names += fast[i] != PITH_NER_TAG_O;
        }
      pith_ner_sentence_clear (&sentence);
    }
  pith_ner_scratch_clear (&scratch);
  /* The skipping was tried: most sentences have runs of plain words. In
   * a real model's tags, hardly any has a name that runs on over them,
   * and the margins are the same but for the floats' last bits (a model
   * of random weights finds names anywhere). */
  g_assert_cmpuint (n_plain, >, 1000);
  if (real)
    {
      g_assert_cmpuint (n_not_o * 100, <, sentences->len);
      g_assert_cmpuint (n_same_margins * 100, >=, n_margins * 95);
    }
  return names;
}

static void
test_same_tags (void)
{
  g_autoptr(PithNerModel) model = builtin_model ();
  g_autoptr(GPtrArray) sentences = article_sentences ();
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (0);

  g_assert_cmpuint (assert_same_tags (model, TRUE, sentences, vocabulary), >, 50);
}

/* A vocabulary of 16 words forgets and brings back words all the time. */
static void
test_same_tags_forgetting (void)
{
  g_autoptr(PithNerModel) model = builtin_model ();
  g_autoptr(GPtrArray) sentences = article_sentences ();
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (16);

  assert_same_tags (model, TRUE, sentences, vocabulary);
  /* After a trim, no more than its 16 words. */
  pith_ner_vocabulary_trim (vocabulary);
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), <=, 16);
}

/* A word is prepared once: looked up again, it is the same token; a word
 * that only starts like another is another. A trim forgets words down to
 * the vocabulary's size, never one looked up since the clock's hand last
 * passed it; after a long document it keeps as many as it is told,
 * those looked up again first. */
static void
test_vocabulary_keeps_each_word_once (void)
{
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (8);
  PithNerToken *port = pith_ner_vocabulary_lookup (vocabulary, "Port Aldren", 4);
  PithNerToken *portal = pith_ner_vocabulary_lookup (vocabulary, "Portal", 6);

  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
  g_assert_cmpstr (port->word, ==, "Port");
  g_assert_cmpstr (portal->word, ==, "Portal");
  g_assert_true (port != portal);

  /* "Port", asked for between every two trims, outlives 200 other words
   * in a vocabulary of 8; "Portal", never asked for again, does not. */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *word = g_strdup_printf ("other%u", i);
      pith_ner_vocabulary_lookup (vocabulary, word, strlen (word));
      g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
      pith_ner_vocabulary_trim (vocabulary);
      g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), <=, 8);
    }
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), ==, 8);
  portal = pith_ner_vocabulary_lookup (vocabulary, "Portal", 6);
  g_assert_cmpstr (portal->word, ==, "Portal");
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), ==, 9);

  /* Both looked up again: the two kept of the eight. */
  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Portal", 6) == portal);
  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
  pith_ner_vocabulary_forget_old (vocabulary, 2);
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), ==, 2);
  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Portal", 6) == portal);
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), ==, 2);
}

/* A vocabulary of 640 words forgets ten or more at a time, so that what
 * it forgets is read from memory together: never more than 650 words
 * after a trim, and a word looked up between trims is kept. */
static void
test_vocabulary_forgets_in_batches (void)
{
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (640);
  PithNerToken *port = pith_ner_vocabulary_lookup (vocabulary, "Port", 4);
  guint largest = 0;
  guint smallest_after_full = G_MAXUINT;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *word = g_strdup_printf ("other%u", i);

      pith_ner_vocabulary_lookup (vocabulary, word, strlen (word));
      g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
      pith_ner_vocabulary_trim (vocabulary);
      largest = MAX (largest, pith_ner_vocabulary_get_size (vocabulary));
      if (i > 1000)
        smallest_after_full = MIN (smallest_after_full, pith_ner_vocabulary_get_size (vocabulary));
    }
  g_assert_cmpuint (largest, ==, 650);
  g_assert_cmpuint (smallest_after_full, ==, 640);
  pith_ner_vocabulary_forget_old (vocabulary, 1);
  g_assert_cmpuint (pith_ner_vocabulary_get_size (vocabulary), ==, 1);
  g_assert_true (pith_ner_vocabulary_lookup (vocabulary, "Port", 4) == port);
}

/* A vocabulary's token reads what the word lists say of its word only
 * when asked (pith_ner_token_need_lists()), and then says what a token
 * made at once says. */
static void
test_lists_read_when_needed (void)
{
  static const char * const words[] = { "Lisbon", "said", "Port", "de", "Aldren", "ÉCOLE", "New", "2020" };
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (0);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      PithNerToken *lazy = pith_ner_vocabulary_lookup (vocabulary, words[i], strlen (words[i]));
      PithNerToken eager;

      g_assert_false (lazy->lists_read);
      pith_ner_token_need_lists (lazy);
      g_assert_true (lazy->lists_read);
      pith_ner_token_init (&eager, words[i], NULL);
      g_assert_cmpstr (lazy->share, ==, eager.share);
      g_assert_cmpmem (lazy->clusters, sizeof lazy->clusters, eager.clusters, sizeof eager.clusters);
      g_assert_cmpuint (lazy->names_opened, ==, eager.names_opened);
      g_assert_cmpuint (lazy->name_types, ==, eager.name_types);
      g_assert_cmpmem (lazy->cap_first_prefixes, sizeof lazy->cap_first_prefixes,
                       eager.cap_first_prefixes, sizeof eager.cap_first_prefixes);
      pith_ner_token_clear (&eager);
    }
}

/* A small model of random weights, other than the built-in one. */
static PithNerModel *
random_model (guint32 seed)
{
  guint n_buckets = 1u << 10;
  g_autofree float *weights = g_new (float, (gsize) n_buckets * PITH_NER_N_TAGS);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GError) error = NULL;
  PithNerCalibration calibration = { 0.04f, 0.0f, 0.9f };
  PithNerModel *model;

  for (gsize i = 0; i < (gsize) n_buckets * PITH_NER_N_TAGS; i++)
    weights[i] = (float) g_rand_double_range (rand, -1.0, 1.0);
  bytes = pith_ner_model_serialize (weights, n_buckets, &calibration);
  model = pith_ner_model_new_from_bytes (bytes, &error);
  g_assert_no_error (error);
  return model;
}

/* Scores summed under one model are not used under another. */
static void
test_two_models (void)
{
  g_autoptr(PithNerModel) builtin = builtin_model ();
  g_autoptr(GPtrArray) sentences = article_sentences ();
  g_autoptr(PithNerVocabulary) vocabulary = pith_ner_vocabulary_new (0);
  g_autoptr(PithNerModel) other = random_model (7);

  assert_same_tags (builtin, TRUE, sentences, vocabulary);
  assert_same_tags (other, FALSE, sentences, vocabulary);
  assert_same_tags (builtin, TRUE, sentences, vocabulary);
}

/* Each sentence tagged in a vocabulary of its own twice, once with
 * scratch buffers (where the sums of the features of a word's kind, its
 * short shape, share and clusters, are kept for the next word of that
 * kind) and once without: each word's sums are the same. The sentences
 * hold hundreds of words of a kind met before. */
static void
assert_same_sums (const PithNerModel *model,
                  GPtrArray          *sentences,
                  PithNerScratch     *scratch)
{
  g_autoptr(PithNerVocabulary) with_kinds = pith_ner_vocabulary_new (0);
  g_autoptr(PithNerVocabulary) without = pith_ner_vocabulary_new (0);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_words = 0;

  for (guint s = 0; s < sentences->len; s++)
    {
      GPtrArray *words = g_ptr_array_index (sentences, s);
      g_autofree int *tags = g_new0 (int, words->len);
      g_autofree float *margins = g_new0 (float, words->len);
      PithNerSentence kept = { (const char **) words->pdata, words->len, FALSE, NULL, NULL, scratch };
      PithNerSentence plain = { (const char **) words->pdata, words->len, FALSE, NULL, NULL };

      pith_ner_sentence_prepare (&kept, with_kinds);
      pith_ner_sentence_prepare (&plain, without);
      pith_ner_tag_sentence (model, &kept, NULL, tags, margins);
      pith_ner_tag_sentence (model, &plain, NULL, tags, NULL);
      for (guint i = 0; i < words->len; i++)
        {
          const PithNerToken *a = kept.tokens[i];
          const PithNerToken *b = plain.tokens[i];

          g_assert_cmpmem (a->scores, sizeof a->scores, b->scores, sizeof b->scores);
          g_assert_cmpmem (a->word_transitions, sizeof a->word_transitions,
                           b->word_transitions, sizeof b->word_transitions);
          g_hash_table_add (kinds, g_strdup_printf ("%s %s %u %u %u", a->short_shape, a->share, a->clusters[0],
                                                    a->clusters[1], a->clusters[2]));
          n_words++;
        }
      pith_ner_sentence_clear (&kept);
      pith_ner_sentence_clear (&plain);
    }
  g_assert_cmpuint (g_hash_table_size (kinds) + 500, <, n_words);
}

static void
test_kinds_same_sums (void)
{
  g_autoptr(PithNerModel) builtin = builtin_model ();
  g_autoptr(GPtrArray) sentences = article_sentences ();
  g_autoptr(PithNerModel) other = random_model (11);
  PithNerScratch scratch = { NULL, };

  /* One scratch for both models: a kind's sums under one are not used
   * under the other. */
  assert_same_sums (builtin, sentences, &scratch);
  assert_same_sums (other, sentences, &scratch);
  assert_same_sums (builtin, sentences, &scratch);
  pith_ner_scratch_clear (&scratch);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ner-decoder/same-tags", test_same_tags);
  g_test_add_func ("/ner-decoder/same-tags-forgetting", test_same_tags_forgetting);
  g_test_add_func ("/ner-decoder/two-models", test_two_models);
  g_test_add_func ("/ner-decoder/vocabulary", test_vocabulary_keeps_each_word_once);
  g_test_add_func ("/ner-decoder/vocabulary-forgets-in-batches", test_vocabulary_forgets_in_batches);
  g_test_add_func ("/ner-decoder/lists-read-when-needed", test_lists_read_when_needed);
  g_test_add_func ("/ner-decoder/kinds-same-sums", test_kinds_same_sums);

  return g_test_run ();
}
