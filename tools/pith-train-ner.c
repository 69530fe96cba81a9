/* pith-train-ner.c: trains the entity model on CoNLL-2003 data
 *
 *   pith-train-ner [--epochs N] [--buckets-log2 B] [--seed S] [--ensemble N] [--cost C]
 *                  [--caseless] [--predict FILE] --output MODEL TRAIN DEV
 *
 * An averaged structured perceptron over BILOU tags (Collins 2002), trained
 * with the Viterbi decoder and the features of the shipped tagger
 * (plugin/stages/entities), so the model sees in training exactly what it
 * sees in use, the document memory of its own earlier tags included. With
 * --cost, training decodes against a margin: each wrong tag's score is
 * raised by C, so the model learns to win by more than a hair. After each
 * epoch the averaged model is written, read back and scored on DEV with
 * the CoNLL rules; the best epoch is kept. With --ensemble N, N models
 * from the seeds S to S + N - 1 are averaged into one of the same size.
 * The model's confidence is then calibrated on DEV (a logistic curve of a
 * name being right on its words' smallest margin) and written with it.
 *
 * With --caseless the model is for text without case (all lowercase, or
 * headlines in capitals): it is trained on a lower-cased and an
 * upper-cased copy of each training document, and chosen and calibrated
 * on DEV so recased. The stage tags a sentence that shows no case with it.
 *
 * Training is deterministic: the same data, seed and options give the
 * same file.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <gio/gio.h>

#include "pith-ner-model-private.h"

typedef struct
{
  GPtrArray *words;         /* of char * */
  GArray *gold;             /* of int: BILOU tags */
  gboolean all_caps;
  guint8 *gazetteer;        /* marks, computed once */
  PithNerSentence view;     /* with its tokens prepared once */
} Sentence;

typedef struct
{
  GPtrArray *sentences;     /* of Sentence * */
} Document;

/* The document memory the tagger starts a document with, as the stage
 * builds it: every word noted, and where every word stands. */
static PithNerDocument *
document_context (Document *document,
                  gboolean  with_contexts)
{
  PithNerDocument *context = pith_ner_document_new ();

  for (guint s = 0; s < document->sentences->len; s++)
    {
      Sentence *sentence = g_ptr_array_index (document->sentences, s);
      PithNerToken **tokens = sentence->view.tokens;

      for (guint i = 0; i < sentence->words->len; i++)
        {
          const char *word = g_ptr_array_index (sentence->words, i);

          pith_ner_document_add_word (context, word, strlen (word));
          if (with_contexts)
            pith_ner_document_add_context (context, tokens[(int) i - 1], tokens[i], tokens[i + 1]);
        }
    }
  return context;
}

static int opt_epochs = 15;
static int opt_buckets_log2 = 18;
static int opt_seed = 2003;
static gboolean opt_caseless;
static int opt_ensemble = 1;
static double opt_cost;
static char *opt_predict;
static char *opt_output;
static char **opt_files;

static const GOptionEntry entries[] = {
  { "epochs", 'e', 0, G_OPTION_ARG_INT, &opt_epochs, "Passes over the training data", "N" },
  { "buckets-log2", 'b', 0, G_OPTION_ARG_INT, &opt_buckets_log2, "Feature buckets, as a power of two", "B" },
  { "seed", 's', 0, G_OPTION_ARG_INT, &opt_seed, "Seed for the order of documents", "S" },
  { "cost", 0, 0, G_OPTION_ARG_DOUBLE, &opt_cost, "Margin: a wrong tag's score raised by this in training", "C" },
  { "predict", 0, 0, G_OPTION_ARG_FILENAME, &opt_predict,
    "Also write the kept model's tags of DEV to this file: word, gold tag, tag", "FILE" },
  { "caseless", 0, 0, G_OPTION_ARG_NONE, &opt_caseless,
    "Train for text without case: on a lower-cased and an upper-cased copy of each training document only", NULL },
  { "ensemble", 0, 0, G_OPTION_ARG_INT, &opt_ensemble,
    "Average the models of N seeds from the seed on", "N" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, "Where to write the model", "MODEL" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL, "TRAIN DEV" },
  { NULL }
};

static void
sentence_free (gpointer data)
{
  Sentence *sentence = data;

  pith_ner_sentence_clear (&sentence->view);
  g_ptr_array_unref (sentence->words);
  g_array_unref (sentence->gold);
  g_free (sentence->gazetteer);
  g_free (sentence);
}

static void
document_free (gpointer data)
{
  Document *document = data;

  g_ptr_array_unref (document->sentences);
  g_free (document);
}

static int
type_index (const char *type)
{
  for (int t = 0; t < PITH_NER_N_TYPES; t++)
    if (strcmp (pith_ner_types[t], type) == 0)
      return t;
  return -1;
}

/* IOB1 (I-X starts a chunk unless the previous tag is X; B-X separates two
 * chunks of one type) to BILOU. */
static void
iob1_to_bilou (GPtrArray *labels,
               GArray    *tags)
{
  guint n = labels->len;

  for (guint i = 0; i < n; i++)
    {
      const char *label = g_ptr_array_index (labels, i);
      const char *previous = i > 0 ? g_ptr_array_index (labels, i - 1) : "O";
      const char *next = i + 1 < n ? g_ptr_array_index (labels, i + 1) : "O";
      gboolean begins;
      gboolean continues;
      int type;
      int tag;

      if (strcmp (label, "O") == 0 || strlen (label) < 3 || (type = type_index (label + 2)) < 0)
        {
          tag = PITH_NER_TAG_O;
          g_array_append_val (tags, tag);
          continue;
        }
      begins = label[0] == 'B' || strlen (previous) < 3 || strcmp (previous + 2, label + 2) != 0;
      continues = strlen (next) >= 3 && next[0] == 'I' && strcmp (next + 2, label + 2) == 0;
      tag = pith_ner_tag (type, begins ? (continues ? PITH_NER_PART_B : PITH_NER_PART_U)
                                       : (continues ? PITH_NER_PART_I : PITH_NER_PART_L));
      g_array_append_val (tags, tag);
    }
}

/* A sentence of @words (taken) with its @gold tags (taken), prepared
 * for training: its headline flag, gazetteer marks and tokens. */
static Sentence *
sentence_new (GPtrArray         *words,
              GArray            *gold,
              PithNerVocabulary *vocabulary)
{
  Sentence *sentence = g_new0 (Sentence, 1);
  PithNerSentence view = { (const char **) words->pdata, words->len, FALSE, NULL, NULL };

  sentence->words = words;
  sentence->gold = gold;
  sentence->all_caps = pith_ner_is_all_caps ((const char * const *) words->pdata, words->len);
  sentence->gazetteer = g_new0 (guint8, words->len);
  pith_ner_mark_gazetteer (&view, sentence->gazetteer);
  sentence->view = (PithNerSentence) { (const char **) words->pdata, words->len,
                                       sentence->all_caps, sentence->gazetteer, NULL };
  pith_ner_sentence_prepare (&sentence->view, vocabulary);
  return sentence;
}

/* @document with every word lower-cased, or upper-cased: what comments
 * and headlines look like, with the same tags. */
static Document *
document_recased (const Document    *document,
                  gboolean           upper,
                  PithNerVocabulary *vocabulary)
{
  Document *copy = g_new0 (Document, 1);

  copy->sentences = g_ptr_array_new_with_free_func (sentence_free);
  for (guint s = 0; s < document->sentences->len; s++)
    {
      const Sentence *sentence = g_ptr_array_index (document->sentences, s);
      GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
      GArray *gold = g_array_sized_new (FALSE, FALSE, sizeof (int), sentence->gold->len);

      for (guint i = 0; i < sentence->words->len; i++)
        {
          const char *word = g_ptr_array_index (sentence->words, i);
          g_ptr_array_add (words, upper ? g_utf8_strup (word, -1) : g_utf8_strdown (word, -1));
        }
      g_array_append_vals (gold, sentence->gold->data, sentence->gold->len);
      g_ptr_array_add (copy->sentences, sentence_new (words, gold, vocabulary));
    }
  return copy;
}

static GPtrArray *
read_conll (const char        *path,
            PithNerVocabulary *vocabulary)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GPtrArray *documents = g_ptr_array_new_with_free_func (document_free);
  Document *document = NULL;
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);

  lines = g_strsplit (contents, "\n", -1);
  for (guint l = 0; ; l++)
    {
      const char *line = lines[l];
      g_auto(GStrv) fields = NULL;

      if (line == NULL || *g_strstrip ((char *) line) == '\0' || g_str_has_prefix (line, "-DOCSTART-"))
        {
          if (words->len > 0)
            {
              GArray *gold = g_array_new (FALSE, FALSE, sizeof (int));

              if (document == NULL)
                {
                  document = g_new0 (Document, 1);
                  document->sentences = g_ptr_array_new_with_free_func (sentence_free);
                  g_ptr_array_add (documents, document);
                }
              iob1_to_bilou (labels, gold);
              g_ptr_array_add (document->sentences, sentence_new (words, gold, vocabulary));
              g_ptr_array_unref (labels);
              words = g_ptr_array_new_with_free_func (g_free);
              labels = g_ptr_array_new_with_free_func (g_free);
            }
          if (line == NULL)
            break;
          if (g_str_has_prefix (line, "-DOCSTART-"))
            document = NULL;
          continue;
        }

      fields = g_strsplit (line, " ", -1);
      if (g_strv_length (fields) < 2)
        continue;
      g_ptr_array_add (words, g_strdup (fields[0]));
      g_ptr_array_add (labels, g_strdup (fields[g_strv_length (fields) - 1]));
    }

  g_ptr_array_unref (words);
  g_ptr_array_unref (labels);
  return documents;
}

typedef struct
{
  guint n_buckets;
  float *weights;
  float *updates;           /* sum of step × change, for averaging */
  guint64 step;
  guint n_documents;        /* trained on so far, for leaving features out */
} Perceptron;

static void
score (gconstpointer  weights,
       const guint64 *hashes,
       guint          n,
       float         *scores)
{
  const Perceptron *perceptron = weights;

  memset (scores, 0, PITH_NER_N_TAGS * sizeof (float));
  for (guint f = 0; f < n; f++)
    {
      const float *row = perceptron->weights + (hashes[f] & (perceptron->n_buckets - 1)) * PITH_NER_N_TAGS;
      for (guint t = 0; t < PITH_NER_N_TAGS; t++)
        scores[t] += row[t];
    }
}

static void
update (Perceptron    *perceptron,
        const guint64 *hashes,
        guint          n,
        int            tag,
        float          change)
{
  for (guint f = 0; f < n; f++)
    {
      gsize index = (hashes[f] & (perceptron->n_buckets - 1)) * PITH_NER_N_TAGS + tag;
      perceptron->weights[index] += change;
      perceptron->updates[index] += (float) perceptron->step * change;
    }
}

/* Moves the weights towards the gold sequence and away from the guess
 * (Collins' structured perceptron), where the two differ. */
static void
update_sentence (Perceptron            *perceptron,
                 const PithNerSentence *view,
                 const PithNerDocument *context,
                 const int             *gold,
                 const int             *guess)
{
  guint64 hashes[PITH_NER_MAX_FEATURES];

  for (guint i = 0; i < view->n_words; i++)
    {
      int gold_previous = i > 0 ? gold[i - 1] : PITH_NER_TAG_O;
      int guess_previous = i > 0 ? guess[i - 1] : PITH_NER_TAG_O;
      guint n;

      if (gold[i] != guess[i])
        {
          n = pith_ner_features (view, i, context, hashes);
          update (perceptron, hashes, n, gold[i], 1.0f);
          update (perceptron, hashes, n, guess[i], -1.0f);
        }
      if (gold[i] != guess[i] || gold_previous != guess_previous)
        for (int kind = 0; kind < PITH_NER_N_TRANSITIONS; kind++)
          {
            guint64 hash = pith_ner_transition_hash (view->tokens[i], gold_previous, kind);
            update (perceptron, &hash, 1, gold[i], 1.0f);
            hash = pith_ner_transition_hash (view->tokens[i], guess_previous, kind);
            update (perceptron, &hash, 1, guess[i], -1.0f);
          }
    }
}

static void
train_document (Perceptron *perceptron,
                Document   *document)
{
  /* What stands around words elsewhere is left out of every other
   * document of the cased model, which then leans on it less (+0.1 on dev,
   * and less harm off newswire); the caseless model keeps it. */
  g_autoptr(PithNerDocument) context =
    document_context (document, opt_caseless || (perceptron->n_documents++ % 2) == 0);

  for (guint s = 0; s < document->sentences->len; s++)
    {
      Sentence *sentence = g_ptr_array_index (document->sentences, s);
      PithNerSentence view = sentence->view;
      const int *gold = (const int *) (gpointer) sentence->gold->data;
      g_autofree int *guess = g_new0 (int, view.n_words);

      pith_ner_viterbi_with_cost (&view, context, score, perceptron, opt_cost > 0 ? gold : NULL,
                                  (float) opt_cost, guess);
      perceptron->step++;
      if (memcmp (gold, guess, view.n_words * sizeof (int)) != 0)
        update_sentence (perceptron, &view, context, gold, guess);
      /* The document memory holds what the tagger predicted, as in use. */
      for (guint i = 0; i < view.n_words; i++)
        pith_ner_document_remember (context, view.words[i], guess[i]);
    }
}

/* Chunks as "start:end:type" strings, for the CoNLL score. */
static void
add_chunks (GHashTable *chunks,
            guint       sentence,
            const int  *tags,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    {
      PithNerPart part;
      guint end = i;

      if (tags[i] == PITH_NER_TAG_O)
        continue;
      part = pith_ner_tag_part (tags[i]);
      if (part == PITH_NER_PART_B)
        while (end + 1 < n && tags[end + 1] != PITH_NER_TAG_O &&
               pith_ner_tag_type (tags[end + 1]) == pith_ner_tag_type (tags[i]) &&
               pith_ner_tag_part (tags[end + 1]) != PITH_NER_PART_B &&
               pith_ner_tag_part (tags[end + 1]) != PITH_NER_PART_U)
          {
            end++;
            if (pith_ner_tag_part (tags[end]) == PITH_NER_PART_L)
              break;
          }
      g_hash_table_add (chunks, g_strdup_printf ("%u:%u:%u:%s", sentence, i, end,
                                                 pith_ner_types[pith_ner_tag_type (tags[i])]));
      i = end;
    }
}

static double
evaluate (const PithNerModel *model,
          GPtrArray          *documents,
          gboolean            verbose)
{
  g_autoptr(GString) predictions = g_string_new (NULL);
  g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) guessed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint sentence_number = 0;
  guint correct = 0;
  GHashTableIter iter;
  gpointer key;
  double precision;
  double recall;

  for (guint d = 0; d < documents->len; d++)
    {
      Document *document = g_ptr_array_index (documents, d);
      g_autoptr(PithNerDocument) context =
        document_context (document, TRUE);

      for (guint s = 0; s < document->sentences->len; s++, sentence_number++)
        {
          Sentence *sentence = g_ptr_array_index (document->sentences, s);
          PithNerSentence view = sentence->view;
          g_autofree int *tags = g_new0 (int, view.n_words);

          pith_ner_tag_sentence (model, &view, context, tags, NULL);
          if (verbose && opt_predict != NULL)
            {
              for (guint i = 0; i < view.n_words; i++)
                g_string_append_printf (predictions, "%s %s %s\n", view.words[i],
                                        pith_ner_tag_name (g_array_index (sentence->gold, int, i)),
                                        pith_ner_tag_name (tags[i]));
              g_string_append_c (predictions, '\n');
            }
          add_chunks (gold, sentence_number, (int *) (gpointer) sentence->gold->data, view.n_words);
          add_chunks (guessed, sentence_number, tags, view.n_words);
        }
    }

  g_hash_table_iter_init (&iter, guessed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    correct += g_hash_table_contains (gold, key);
  precision = g_hash_table_size (guessed) ? (double) correct / g_hash_table_size (guessed) : 0;
  recall = g_hash_table_size (gold) ? (double) correct / g_hash_table_size (gold) : 0;
  if (verbose && opt_predict != NULL)
    g_file_set_contents (opt_predict, predictions->str, (gssize) predictions->len, NULL);
  if (verbose)
    g_print ("    P %.4f R %.4f (%u of %u gold chunks)\n", precision, recall, correct,
             g_hash_table_size (gold));
  return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
}

/* The float weights of @perceptron's average. */
static float *
averaged_weights (const Perceptron *perceptron)
{
  gsize n = (gsize) perceptron->n_buckets * PITH_NER_N_TAGS;
  float *averaged = g_new (float, n);

  for (gsize i = 0; i < n; i++)
    averaged[i] = perceptron->weights[i] - perceptron->updates[i] / (float) (perceptron->step + 1);
  return averaged;
}

static PithNerModel *
model_of (const float              *weights,
          guint                     n_buckets,
          const PithNerCalibration *calibration,
          GBytes                  **bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) serialized = pith_ner_model_serialize (weights, n_buckets, calibration);
  PithNerModel *model = pith_ner_model_new_from_bytes (serialized, &error);

  g_assert_no_error (error);
  if (bytes != NULL)
    *bytes = g_bytes_ref (serialized);
  return model;
}

typedef struct
{
  GPtrArray *train;
  GPtrArray *dev;
  GPtrArray *dev_lower;     /* with --caseless: dev lower-cased, upper-cased */
  GPtrArray *dev_upper;
} Data;

/* The figure an epoch is chosen by: dev F1, or with --caseless the mean
 * of dev lower-cased and upper-cased. */
static double
dev_f1 (const PithNerModel *model,
        const Data         *data)
{
  double f1 = evaluate (model, data->dev, FALSE);
  double lower;
  double upper;

  if (data->dev_lower == NULL)
    {
      g_print ("  dev F1 %.4f\n", f1);
      return f1;
    }
  lower = evaluate (model, data->dev_lower, FALSE);
  upper = evaluate (model, data->dev_upper, FALSE);
  g_print ("  dev F1 %.4f, lower-cased %.4f, upper-cased %.4f\n", f1, lower, upper);
  return (lower + upper) / 2;
}

/* One averaged perceptron from @seed: the weights of its best epoch. */
static float *
train_one (Data *data,
           int   seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed ((guint32) seed);
  GPtrArray *train = data->train;
  Perceptron perceptron = { 0, };
  float *best = NULL;
  double best_f1 = -1;
  int best_epoch = 0;

  perceptron.n_buckets = 1u << opt_buckets_log2;
  perceptron.weights = g_new0 (float, (gsize) perceptron.n_buckets * PITH_NER_N_TAGS);
  perceptron.updates = g_new0 (float, (gsize) perceptron.n_buckets * PITH_NER_N_TAGS);
  for (int epoch = 1; epoch <= opt_epochs; epoch++)
    {
      PithNerCalibration uncalibrated = { 0.0f, 0.0f, 0.0f };
      g_autofree float *weights = NULL;
      g_autoptr(PithNerModel) model = NULL;
      double f1;

      /* A new order each epoch, the same for the same seed. */
      for (guint i = train->len; i > 1; i--)
        {
          guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
          gpointer swap = train->pdata[i - 1];
          train->pdata[i - 1] = train->pdata[j];
          train->pdata[j] = swap;
        }
      for (guint d = 0; d < train->len; d++)
        train_document (&perceptron, g_ptr_array_index (train, d));

      weights = averaged_weights (&perceptron);
      model = model_of (weights, perceptron.n_buckets, &uncalibrated, NULL);
      g_print ("seed %d, epoch %2d:", seed, epoch);
      f1 = dev_f1 (model, data);
      if (f1 > best_f1)
        {
          best_f1 = f1;
          best_epoch = epoch;
          g_free (best);
          best = g_steal_pointer (&weights);
        }
    }
  g_print ("seed %d: kept epoch %d\n", seed, best_epoch);
  g_free (perceptron.weights);
  g_free (perceptron.updates);
  return best;
}

/* log(1 + e^z), without overflow. */
static double
softplus (double z)
{
  return z > 0 ? z + log1p (exp (-z)) : log1p (exp (z));
}

/* The log-likelihood of @right (1 or 0) under the logistic curve of
 * @slope and @offset over @margins. */
static double
log_likelihood (GArray *margins,
                GArray *right,
                double  slope,
                double  offset)
{
  double sum = 0.0;

  for (guint k = 0; k < margins->len; k++)
    {
      double z = slope * g_array_index (margins, double, k) + offset;

      sum -= g_array_index (right, double, k) > 0 ? softplus (-z) : softplus (z);
    }
  return sum;
}

/* The logistic curve of a name being right on the smallest margin of its
 * words' tags, fitted on @documents by Newton's method, and the share of
 * names right among those of unknown margin's kind (all of them). */
static PithNerCalibration
calibrate (const PithNerModel *model,
           GPtrArray          *documents)
{
  g_autoptr(GArray) margins = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) right = g_array_new (FALSE, FALSE, sizeof (double));
  PithNerScratch scratch = { NULL, };
  double slope = 0.05;
  double offset = 0.0;
  guint n_names = 0;
  guint n_right = 0;

  for (guint d = 0; d < documents->len; d++)
    {
      Document *document = g_ptr_array_index (documents, d);
      g_autoptr(PithNerDocument) context = document_context (document, TRUE);

      for (guint s = 0; s < document->sentences->len; s++)
        {
          Sentence *sentence = g_ptr_array_index (document->sentences, s);
          PithNerSentence view = sentence->view;
          g_autofree int *tags = g_new0 (int, view.n_words);
          g_autofree float *word_margins = g_new0 (float, view.n_words);
          g_autoptr(GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_autoptr(GHashTable) guessed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          GHashTableIter iter;
          gpointer key;

          view.scratch = &scratch;
          pith_ner_tag_sentence (model, &view, context, tags, word_margins);
          add_chunks (gold, 0, (int *) (gpointer) sentence->gold->data, view.n_words);
          add_chunks (guessed, 0, tags, view.n_words);
          g_hash_table_iter_init (&iter, guessed);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            {
              guint first;
              guint last;
              double margin = INFINITY;
              double correct = g_hash_table_contains (gold, key);

              n_names++;
              n_right += correct > 0;
              if (sscanf (key, "0:%u:%u:", &first, &last) != 2)
                continue;
              for (guint k = first; k <= last; k++)
                margin = MIN (margin, word_margins[k]);
              if (!isfinite (margin))
                continue;
              g_array_append_val (margins, margin);
              g_array_append_val (right, correct);
            }
        }
    }
  pith_ner_scratch_clear (&scratch);

  for (int round = 0; round < 100; round++)
    {
      double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
      double determinant;
      double step_slope;
      double step_offset;
      double before = log_likelihood (margins, right, slope, offset);
      double fraction = 1.0;

      for (guint k = 0; k < margins->len; k++)
        {
          double x = g_array_index (margins, double, k);
          double p = 1.0 / (1.0 + exp (-(slope * x + offset)));
          double w = p * (1 - p);

          g0 += (p - g_array_index (right, double, k)) * x;
          g1 += p - g_array_index (right, double, k);
          h00 += w * x * x;
          h01 += w * x;
          h11 += w;
        }
      determinant = h00 * h11 - h01 * h01;
      if (fabs (determinant) < 1e-12)
        break;
      step_slope = (h11 * g0 - h01 * g1) / determinant;
      step_offset = (h00 * g1 - h01 * g0) / determinant;
      /* Newton's full step can overshoot far from the optimum (a model
       * whose margins are large fitted a slope of -245 with it): halved
       * until the fit improves, and done when it no longer does. */
      while (fraction > 1e-6 &&
             !(log_likelihood (margins, right, slope - fraction * step_slope, offset - fraction * step_offset) > before))
        fraction /= 2;
      if (fraction <= 1e-6)
        break;
      slope -= fraction * step_slope;
      offset -= fraction * step_offset;
    }
  g_print ("calibration: slope %.5f, offset %.5f on %u names; %.4f of all names right\n", slope, offset,
           margins->len, n_names ? (double) n_right / n_names : 0.0);
  return (PithNerCalibration) { (float) slope, (float) offset, n_names ? (float) n_right / n_names : 0.0f };
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("TRAIN DEV");
  g_autoptr(GError) error = NULL;
  g_autoptr(PithNerVocabulary) vocabulary = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PithNerModel) model = NULL;
  g_autofree float *weights = NULL;
  Data data = { NULL, };
  PithNerCalibration calibration = { 0.0f, 0.0f, 0.0f };
  gsize n_weights;
  double f1;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || opt_output == NULL ||
      opt_files == NULL || g_strv_length (opt_files) != 2 ||
      opt_buckets_log2 < 10 || opt_buckets_log2 > 24 || opt_ensemble < 1)
    {
      g_printerr ("usage: pith-train-ner [--epochs N] [--buckets-log2 10..24] [--seed S] [--ensemble N] "
                  "[--cost C] [--caseless] --output MODEL TRAIN DEV\n");
      return 2;
    }

  /* Every word of both sets prepared once, for the whole training. */
  vocabulary = pith_ner_vocabulary_new (0);
  data.train = read_conll (opt_files[0], vocabulary);
  data.dev = read_conll (opt_files[1], vocabulary);
  if (opt_caseless)
    {
      guint n_cased = data.train->len;

      /* Text without case: each document lower-cased and upper-cased,
       * with the same tags; the epoch kept is the best on dev so. */
      for (guint d = 0; d < n_cased; d++)
        {
          g_ptr_array_add (data.train, document_recased (g_ptr_array_index (data.train, d), FALSE, vocabulary));
          g_ptr_array_add (data.train, document_recased (g_ptr_array_index (data.train, d), TRUE, vocabulary));
        }
      g_ptr_array_remove_range (data.train, 0, n_cased);
      data.dev_lower = g_ptr_array_new_with_free_func (document_free);
      data.dev_upper = g_ptr_array_new_with_free_func (document_free);
      for (guint d = 0; d < data.dev->len; d++)
        {
          g_ptr_array_add (data.dev_lower, document_recased (g_ptr_array_index (data.dev, d), FALSE, vocabulary));
          g_ptr_array_add (data.dev_upper, document_recased (g_ptr_array_index (data.dev, d), TRUE, vocabulary));
        }
    }
  g_print ("%u training documents, %u dev documents\n", data.train->len, data.dev->len);

  /* Several perceptrons from several seeds, averaged: one model of the
   * same size, steadier than any of them. */
  n_weights = ((gsize) 1 << opt_buckets_log2) * PITH_NER_N_TAGS;
  for (int k = 0; k < opt_ensemble; k++)
    {
      g_autofree float *one = train_one (&data, opt_seed + k);

      if (weights == NULL)
        weights = g_steal_pointer (&one);
      else
        for (gsize i = 0; i < n_weights; i++)
          weights[i] += one[i];
    }
  for (gsize i = 0; i < n_weights; i++)
    weights[i] /= (float) opt_ensemble;

  model = model_of (weights, 1u << opt_buckets_log2, &calibration, NULL);
  g_print ("averaged:");
  f1 = dev_f1 (model, &data);
  if (data.dev_lower != NULL)
    {
      g_autoptr(GPtrArray) both = g_ptr_array_new ();

      g_ptr_array_extend (both, data.dev_lower, NULL, NULL);
      g_ptr_array_extend (both, data.dev_upper, NULL, NULL);
      calibration = calibrate (model, both);
    }
  else
    calibration = calibrate (model, data.dev);
  g_clear_pointer (&model, pith_ner_model_free);
  model = model_of (weights, 1u << opt_buckets_log2, &calibration, &bytes);
  evaluate (model, data.dev, TRUE);

  if (!g_file_set_contents (opt_output, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    g_error ("%s", error->message);
  g_print ("dev F1 %.4f, %s (%" G_GSIZE_FORMAT " bytes)\n", f1, opt_output, g_bytes_get_size (bytes));

  g_ptr_array_unref (data.train);
  g_ptr_array_unref (data.dev);
  g_clear_pointer (&data.dev_lower, g_ptr_array_unref);
  g_clear_pointer (&data.dev_upper, g_ptr_array_unref);
  return 0;
}
