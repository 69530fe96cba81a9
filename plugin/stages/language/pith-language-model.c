/* pith-language-model.c: which language a text is in
 *
 * First the script: the letters of most of the text decide which languages
 * compete (Greek text is Greek; Han text with kana is Japanese, without it
 * Chinese). Among the languages of the script, a naive Bayes model of
 * words and character trigrams (tools/build-language-model) scores the
 * words; trigrams count a quarter as much as words, because the trigrams
 * of one word say nearly the same thing again. Chunks of text with URL or
 * markup characters in them (paths, addresses, code) are passed over: they
 * are in no language.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <gio/gio.h>

#include "pith-error.h"
#include "pith-language-model-private.h"
#include "pith-little-endian-private.h"
#include "pith-tsan-private.h"
#include "pith-utf8-private.h"

#define DEFAULT_MODEL "/org/gnome/Pith/language/languages.model"

#define MAGIC "PITHLID1"
#define VERSION 1
#define HEADER_SIZE 24
#define LANGUAGE_SIZE 16
/* A text is read in up to SAMPLES windows of at most WINDOW_SIZE bytes
 * spread over it: all of a short text, at most two kilobytes of any. */
#define SAMPLES 8
#define WINDOW_SIZE 256
/* Reading stops when this many words put the best language this many
 * nats ahead of the second. */
#define MIN_WORDS 40
#define CERTAIN_MARGIN 40.0
/* Windows read at the least before reading stops: the start and the
 * middle, so that a mixed document is judged on more than its opening. */
#define MIN_WINDOWS 2
/* Words longer than this are not words. */
#define MAX_WORD_BYTES 64
/* Word scores count this many times a trigram's. */
#define WORD_WEIGHT 4
/* The margin between the best two languages, in nats, that makes the
 * confidence 63%: a sentence of news puts 15 to 30 between them, a few
 * words among names 1 to 3. */
#define NATS_SCALE 3.5
/* The words, names counting half, below which a text is too short to be
 * sure of. */
#define WORDS_FOR_PROOF 12.0
/* Of the letters of Han and kana, the share of kana that makes a text
 * Japanese. */
#define KANA_SHARE 0.05

typedef enum {
  SCRIPT_LATIN,
  SCRIPT_CYRILLIC,
  SCRIPT_GREEK,
  SCRIPT_ARABIC,
  SCRIPT_HEBREW,
  SCRIPT_DEVANAGARI,
  SCRIPT_BENGALI,
  SCRIPT_CJK,
  SCRIPT_HANGUL,
  SCRIPT_THAI,
  SCRIPT_GEORGIAN,
  SCRIPT_ARMENIAN,
  SCRIPT_TAMIL,
  SCRIPT_TELUGU,
  SCRIPT_KANNADA,
  SCRIPT_MALAYALAM,
  SCRIPT_GUJARATI,
  SCRIPT_GURMUKHI,
  SCRIPT_ORIYA,
  SCRIPT_SINHALA,
  SCRIPT_KHMER,
  SCRIPT_LAO,
  SCRIPT_MYANMAR,
  SCRIPT_ETHIOPIC,
  SCRIPT_TIBETAN,
  SCRIPT_OTHER,
  N_SCRIPTS
} Script;

/* The blocks of tools/build-language-model, in order of code point. */
static const struct { gunichar low, high; Script script; } blocks[] = {
  { 0x0041, 0x024F, SCRIPT_LATIN },
  { 0x0370, 0x03FF, SCRIPT_GREEK },
  { 0x0400, 0x052F, SCRIPT_CYRILLIC },
  { 0x0530, 0x058F, SCRIPT_ARMENIAN },
  { 0x0590, 0x05FF, SCRIPT_HEBREW },
  { 0x0600, 0x06FF, SCRIPT_ARABIC },
  { 0x0750, 0x077F, SCRIPT_ARABIC },
  { 0x0900, 0x097F, SCRIPT_DEVANAGARI },
  { 0x0980, 0x09FF, SCRIPT_BENGALI },
  { 0x0A00, 0x0A7F, SCRIPT_GURMUKHI },
  { 0x0A80, 0x0AFF, SCRIPT_GUJARATI },
  { 0x0B00, 0x0B7F, SCRIPT_ORIYA },
  { 0x0B80, 0x0BFF, SCRIPT_TAMIL },
  { 0x0C00, 0x0C7F, SCRIPT_TELUGU },
  { 0x0C80, 0x0CFF, SCRIPT_KANNADA },
  { 0x0D00, 0x0D7F, SCRIPT_MALAYALAM },
  { 0x0D80, 0x0DFF, SCRIPT_SINHALA },
  { 0x0E00, 0x0E7F, SCRIPT_THAI },
  { 0x0E80, 0x0EFF, SCRIPT_LAO },
  { 0x0F00, 0x0FFF, SCRIPT_TIBETAN },
  { 0x1000, 0x109F, SCRIPT_MYANMAR },
  { 0x10A0, 0x10FF, SCRIPT_GEORGIAN },
  { 0x1100, 0x11FF, SCRIPT_HANGUL },
  { 0x1200, 0x139F, SCRIPT_ETHIOPIC },
  { 0x1780, 0x17FF, SCRIPT_KHMER },
  { 0x1E00, 0x1EFF, SCRIPT_LATIN },
  { 0x1F00, 0x1FFF, SCRIPT_GREEK },
  { 0x3040, 0x30FF, SCRIPT_CJK },
  { 0x3130, 0x318F, SCRIPT_HANGUL },
  { 0x3400, 0x4DBF, SCRIPT_CJK },
  { 0x4E00, 0x9FFF, SCRIPT_CJK },
  { 0xAC00, 0xD7AF, SCRIPT_HANGUL },
  { 0xF900, 0xFAFF, SCRIPT_CJK },
  { 0xFB50, 0xFDFF, SCRIPT_ARABIC },
  { 0xFE70, 0xFEFF, SCRIPT_ARABIC },
  { 0xFF66, 0xFF9F, SCRIPT_CJK },
};

typedef struct
{
  char code[9];
  Script script;
  int word_floor;           /* eighths of a nat */
  int trigram_floor;
} Language;

struct _PithLanguageModel
{
  GBytes *bytes;
  guint n_languages;
  Language *languages;
  const guint8 *slots;      /* capacity × { u32 hash; u32 first | n << 24 } */
  guint32 mask;             /* capacity - 1 */
  const guint8 *pairs;      /* { u8 language; u8 weight } */
  int zh;                   /* indices, or -1 */
  int ja;
};

static int
read_i16 (const guint8 *p)
{
  return (gint16) (guint16) (p[0] | p[1] << 8);
}

static int
find_language (const PithLanguageModel *self,
               const char              *code)
{
  for (guint i = 0; i < self->n_languages; i++)
    if (strcmp (self->languages[i].code, code) == 0)
      return (int) i;
  return -1;
}

PithLanguageModel *
pith_language_model_new_from_bytes (GBytes  *bytes,
                                    GError **error)
{
  g_autoptr(PithLanguageModel) self = g_new0 (PithLanguageModel, 1);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  guint32 capacity;
  guint32 n_pairs;
  gsize slots_offset;
  gsize pairs_offset;

  self->bytes = g_bytes_ref (bytes);
  if (size < HEADER_SIZE || memcmp (data, MAGIC, 8) != 0 || pith_read_u32_le (data + 8) != VERSION)
    goto corrupt;
  self->n_languages = pith_read_u32_le (data + 12);
  capacity = pith_read_u32_le (data + 16);
  n_pairs = pith_read_u32_le (data + 20);
  if (self->n_languages == 0 || self->n_languages > 255 || capacity == 0 || (capacity & (capacity - 1)) != 0 ||
      capacity > (1u << 26) || n_pairs >= (1u << 24))
    goto corrupt;
  slots_offset = HEADER_SIZE + (gsize) self->n_languages * LANGUAGE_SIZE;
  pairs_offset = slots_offset + (gsize) capacity * 8;
  if (size != pairs_offset + (gsize) n_pairs * 2)
    goto corrupt;

  self->languages = g_new0 (Language, self->n_languages);
  for (guint i = 0; i < self->n_languages; i++)
    {
      const guint8 *record = data + HEADER_SIZE + (gsize) i * LANGUAGE_SIZE;
      Language *language = &self->languages[i];

      memcpy (language->code, record, 8);
      language->code[8] = '\0';
      if (language->code[0] == '\0' || record[8] >= N_SCRIPTS)
        goto corrupt;
      language->script = record[8];
      language->word_floor = read_i16 (record + 10);
      language->trigram_floor = read_i16 (record + 12);
    }

  self->slots = data + slots_offset;
  self->mask = capacity - 1;
  self->pairs = data + pairs_offset;
  /* Every slot's pairs lie inside the file and name a language. */
  for (guint32 s = 0; s < capacity; s++)
    {
      guint32 value = pith_read_u32_le (self->slots + (gsize) s * 8 + 4);
      guint32 first = value & 0xFFFFFF;
      guint32 n = value >> 24;

      if (pith_read_u32_le (self->slots + (gsize) s * 8) == 0)
        continue;
      if ((guint64) first + n > n_pairs)
        goto corrupt;
      for (guint32 k = first; k < first + n; k++)
        if (self->pairs[(gsize) k * 2] >= self->n_languages)
          goto corrupt;
    }

  self->zh = find_language (self, "zh");
  self->ja = find_language (self, "ja");
  return g_steal_pointer (&self);

corrupt:
  g_set_error_literal (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT, "The language model is corrupt");
  return NULL;
}

const PithLanguageModel *
pith_language_model_get_default (GError **error)
{
  static GMutex lock;
  static PithLanguageModel *model;
  PithLanguageModel *loaded;

  g_mutex_lock (&lock);
  pith_tsan_acquire (&lock);
  if (model == NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) bytes = g_resources_lookup_data (DEFAULT_MODEL, G_RESOURCE_LOOKUP_FLAGS_NONE,
                                                         &local_error);

      if (bytes == NULL)
        g_set_error (error, PITH_ERROR, PITH_ERROR_MODEL, "The built-in language model is missing: %s",
                     local_error->message);
      else
        model = pith_language_model_new_from_bytes (bytes, error);
    }
  loaded = model;
  pith_tsan_release (&lock);
  g_mutex_unlock (&lock);
  return loaded;
}

void
pith_language_model_free (PithLanguageModel *self)
{
  if (self == NULL)
    return;
  g_bytes_unref (self->bytes);
  g_free (self->languages);
  g_free (self);
}

gboolean
pith_language_model_has_language (const PithLanguageModel *self,
                                  const char              *language)
{
  return find_language (self, language) >= 0;
}

static Script
script_of (gunichar c)
{
  gsize low = 0;
  gsize high = G_N_ELEMENTS (blocks);

  if (c < 0x80)
    return g_ascii_isalpha (c) ? SCRIPT_LATIN : SCRIPT_OTHER;
  while (low < high)
    {
      gsize middle = (low + high) / 2;

      if (c < blocks[middle].low)
        high = middle;
      else if (c > blocks[middle].high)
        low = middle + 1;
      else
        return blocks[middle].script;
    }
  return SCRIPT_OTHER;
}

static gboolean
is_kana (gunichar c)
{
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0xFF66 && c <= 0xFF9F);
}

static gboolean
is_letter (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Characters that make a chunk of text a URL, an address, a path or code. */
static gboolean
is_markup (char c)
{
  return c == '/' || c == '@' || c == '=' || c == '<' || c == '>' || c == '{' || c == '}' || c == '\\' ||
         c == '_' || c == '#' || c == '|' || c == '$' || c == '%' || c == '&' || c == ';';
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* What one reading of a text has found: the letters of each script, and
 * for each language the weights of the words and trigrams of its script. */
typedef struct
{
  const PithLanguageModel *model;
  guint script_letters[N_SCRIPTS];
  guint kana;
  guint n_words[N_SCRIPTS];
  guint n_trigrams[N_SCRIPTS];
  gint64 *word_weights;     /* per language: of the words */
  gint64 *trigram_weights;  /* and of the trigrams, which count a WORD_WEIGHT-th as much */
  guint n_names;            /* capitalised words inside sentences the model does not know */
} Judge;

static guint32
fnv1a (const char *data,
       gsize       length,
       guint32     hash)
{
  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) data[i];
      hash *= 0x01000193u;
    }
  return hash;
}

/* A feature of a batch: its hash, then where its weights are. */
typedef struct
{
  guint32 hash;
  guint32 value;            /* first pair | pairs << 24, once found */
  gboolean found;
} Feature;

static guint32
feature_hash (char        kind,
              const char *bytes,
              gsize       length)
{
  guint32 hash = fnv1a (bytes, length, fnv1a (&kind, 1, 0x811C9DC5u));

  return hash != 0 ? hash : 1;
}

/* Looks up a batch of features in three sweeps, each fetching ahead what
 * the next needs: the model is megabytes, and a look-up is a cache miss
 * or two, which a batch pays for in parallel rather than one by one. */
static void
find_features (const PithLanguageModel *model,
               Feature                 *features,
               guint                    n)
{
  for (guint i = 0; i < n; i++)
    __builtin_prefetch (model->slots + (gsize) (features[i].hash & model->mask) * 8);
  for (guint i = 0; i < n; i++)
    {
      features[i].found = FALSE;
      for (guint32 s = features[i].hash & model->mask;; s = (s + 1) & model->mask)
        {
          const guint8 *slot = model->slots + (gsize) s * 8;
          guint32 found = pith_read_u32_le (slot);

          if (found == 0)
            break;
          if (found == features[i].hash)
            {
              features[i].value = pith_read_u32_le (slot + 4);
              features[i].found = TRUE;
              __builtin_prefetch (model->pairs + (gsize) (features[i].value & 0xFFFFFF) * 2);
              break;
            }
        }
    }
}

/* Adds the weights of a found feature to @weights. */
static void
add_weights (const PithLanguageModel *model,
             const Feature           *feature,
             gint64                  *weights)
{
  const guint8 *pair = model->pairs + (gsize) (feature->value & 0xFFFFFF) * 2;

  for (guint32 k = 0; k < feature->value >> 24; k++, pair += 2)
    weights[pair[0]] += pair[1];
}

/* The words of a stretch of text, lowercased, waiting to be looked up. */
#define BATCH_WORDS 64
#define BATCH_BYTES (BATCH_WORDS * (MAX_WORD_BYTES * 2 + 4))

typedef struct
{
  char lower[BATCH_BYTES];  /* " word " after " word " */
  gsize used;
  guint n;
  guint16 starts[BATCH_WORDS];   /* of each " word " in lower */
  guint16 lengths[BATCH_WORDS];
  guint8 scripts[BATCH_WORDS];
  gboolean maybe_names[BATCH_WORDS];
  Feature words[BATCH_WORDS];
  Feature trigrams[BATCH_WORDS * MAX_WORD_BYTES];  /* of the words not found */
} Batch;

/* Looks up the words of @batch, and the trigrams of those the model does
 * not know (the trigrams of a known word would say again what the word
 * says), and adds their weights; empties the batch. */
static void
judge_batch (Judge *judge,
             Batch *batch)
{
  const PithLanguageModel *model = judge->model;
  Feature *trigrams = batch->trigrams;
  guint n_trigrams = 0;

  find_features (model, batch->words, batch->n);
  for (guint i = 0; i < batch->n; i++)
    {
      const char *word = batch->lower + batch->starts[i];
      const char *end = word + batch->lengths[i];
      const char *p[3];
      guint n_chars = 0;

      if (batch->words[i].found)
        {
          add_weights (model, &batch->words[i], judge->word_weights);
          continue;
        }
      judge->n_names += batch->maybe_names[i];
      /* Each three characters of " word ". */
      p[0] = word;
      p[1] = g_utf8_next_char (p[0]);
      p[2] = g_utf8_next_char (p[1]);
      while (p[2] < end)
        {
          const char *next = g_utf8_next_char (p[2]);

          trigrams[n_trigrams++].hash = feature_hash ('t', p[0], next - p[0]);
          p[0] = p[1];
          p[1] = p[2];
          p[2] = next;
          n_chars++;
        }
      judge->n_trigrams[batch->scripts[i]] += n_chars;
    }
  find_features (model, trigrams, n_trigrams);
  for (guint i = 0; i < n_trigrams; i++)
    if (trigrams[i].found)
      add_weights (model, &trigrams[i], judge->trigram_weights);
  batch->n = 0;
  batch->used = 0;
}

/* Reads one word of @length bytes at @word, whose first letter is
 * @first, into @batch, which is judged when full. */
static void
read_word (Judge      *judge,
           Batch      *batch,
           const char *word,
           gsize       length,
           gunichar    first,
           gboolean    maybe_name)
{
  Script script = script_of (first);
  char *lower;
  gsize n = 1;
  guint n_chars = 0;

  if (length > MAX_WORD_BYTES)
    return;
  if (batch->n == BATCH_WORDS)
    judge_batch (judge, batch);

  /* " word " in lowercase. */
  lower = batch->lower + batch->used;
  lower[0] = ' ';
  for (const char *p = word; p < word + length; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);

      n_chars++;
      if (c < 0x80)
        lower[n++] = pith_ascii_tolower ((char) c);
      else
        {
          judge->kana += is_kana (c);
          n += g_unichar_to_utf8 (g_unichar_tolower (c), lower + n);
        }
    }
  lower[n++] = ' ';
  judge->script_letters[script] += n_chars;
  judge->n_words[script]++;

  batch->starts[batch->n] = (guint16) batch->used;
  batch->lengths[batch->n] = (guint16) n;
  batch->scripts[batch->n] = (guint8) script;
  batch->maybe_names[batch->n] = maybe_name;
  batch->words[batch->n].hash = feature_hash ('w', lower + 1, n - 2);
  batch->n++;
  batch->used += n;
}

/* Whether the word of @length bytes at @word is written as a name is, a
 * capital and then lowercase letters ("Merkel", not "NATO" or "iPhone"). */
static gboolean
is_name (const char *word,
         gsize       length)
{
  const char *end = word + length;
  const char *p = word;

  if (!g_unichar_isupper (g_utf8_get_char (p)))
    return FALSE;
  for (p = g_utf8_next_char (p); p < end; p = g_utf8_next_char (p))
    if (!g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return p > g_utf8_next_char (word);
}

/* Whether the chunk from @chunk to @end closes a sentence: its last
 * character but closing quotes and brackets is a full stop, a question or
 * exclamation mark, or a colon. */
static gboolean
ends_sentence (const char *chunk,
               const char *end)
{
  while (end > chunk)
    {
      const char *last = g_utf8_find_prev_char (chunk, end);
      gunichar c;

      if (last == NULL)
        return FALSE;
      c = g_utf8_get_char (last);
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == 0x2026 || c == 0x3002)
        return TRUE;
      if (c != '"' && c != '\'' && c != ')' && c != 0x201D && c != 0x2019 && c != 0x00BB)
        return FALSE;
      end = last;
    }
  return FALSE;
}

/* The words of the @length bytes at @text, chunk by chunk of non-space. */
static void
judge_text (Judge      *judge,
            Batch      *batch,
            const char *text,
            gsize       length)
{
  const char *end = text + length;
  const char *p = text;
  gboolean sentence_start = TRUE;

  while (p < end)
    {
      const char *chunk;
      gboolean markup = FALSE;

      while (p < end && is_space (*p))
        p++;
      chunk = p;
      while (p < end && !is_space (*p))
        markup |= is_markup (*p++);
      if (markup || (p - chunk > 4 && memcmp (chunk, "www.", 4) == 0))
        continue;

      for (const char *q = chunk; q < p;)
        {
          gunichar c = (guchar) *q < 0x80 ? (gunichar) *q : g_utf8_get_char (q);
          const char *word;
          gunichar first;

          if (!is_letter (c))
            {
              q = g_utf8_next_char (q);
              continue;
            }
          word = q;
          first = c;
          while (q < p && ((guchar) *q < 0x80 ? g_ascii_isalpha (*q) : is_letter (g_utf8_get_char (q))))
            q = g_utf8_next_char (q);
          read_word (judge, batch, word, q - word, first, !sentence_start && is_name (word, q - word));
        }
      sentence_start = ends_sentence (chunk, p);
    }
  judge_batch (judge, batch);
}

/* The score of language @i so far, in eighths of a nat (words counted
 * WORD_WEIGHT times). */
static gint64
score_of (const Judge *judge,
          guint        i)
{
  const Language *language = &judge->model->languages[i];

  return judge->word_weights[i] * WORD_WEIGHT + judge->trigram_weights[i] + (gint64) judge->n_words[language->script] * WORD_WEIGHT * language->word_floor +
         (gint64) judge->n_trigrams[language->script] * language->trigram_floor;
}

/* The script most of the letters so far are in; SCRIPT_OTHER if none. */
static Script
main_script (const Judge *judge)
{
  Script script = SCRIPT_OTHER;
  guint letters = 0;

  for (int s = 0; s < SCRIPT_OTHER; s++)
    if (judge->script_letters[s] > letters)
      {
        letters = judge->script_letters[s];
        script = s;
      }
  return script;
}

/* The best and second language of @script so far. */
static void
rank (const Judge *judge,
      Script       script,
      int         *best,
      int         *second)
{
  gint64 best_score = 0;
  gint64 second_score = 0;

  *best = *second = -1;
  for (guint i = 0; i < judge->model->n_languages; i++)
    {
      gint64 score;

      if (judge->model->languages[i].script != script)
        continue;
      score = score_of (judge, i);
      if (*best < 0 || score > best_score)
        {
          *second = *best;
          second_score = best_score;
          *best = (int) i;
          best_score = score;
        }
      else if (*second < 0 || score > second_score)
        {
          *second = (int) i;
          second_score = score;
        }
    }
}

/* The margin between the best language of the main script and the
 * second, in nats; 0 when the main script's words are too few. */
static double
margin (const Judge *judge)
{
  Script script = main_script (judge);
  int best;
  int second;

  if (script == SCRIPT_OTHER || judge->n_words[script] < MIN_WORDS)
    return 0.0;
  rank (judge, script, &best, &second);
  if (best < 0 || second < 0)
    return G_MAXDOUBLE;
  return (double) (score_of (judge, best) - score_of (judge, second)) / (8.0 * WORD_WEIGHT);
}

/* Reads the text in up to SAMPLES windows of at most WINDOW_SIZE bytes
 * spread over it, in an order that visits its start and middle first
 * (0, 4, 2, 6, 1, 5, 3, 7), each from a space to a space. Scoring stops
 * once two windows or more leave no doubt: most news articles are judged
 * on 256 bytes of their start and 256 of their middle, and the main
 * language of a mixed one still gets the votes of several parts of it. */
static void
judge_sample (Judge      *judge,
              const char *text,
              gsize       length)
{
  static const guint order[SAMPLES] = { 0, 4, 2, 6, 1, 5, 3, 7 };
  guint n_windows = (guint) CLAMP (length / WINDOW_SIZE, 1, SAMPLES);
  gsize stride = length / n_windows;
  guint read = 0;
  g_autofree Batch *batch = g_new (Batch, 1);

  batch->n = 0;
  batch->used = 0;

  for (guint o = 0; o < SAMPLES; o++)
    {
      guint w = order[o];
      gsize start = stride * w;
      gsize end;

      if (w >= n_windows)
        continue;
      end = MIN (length, start + MAX (stride, WINDOW_SIZE) );
      if (n_windows == SAMPLES)
        end = MIN (end, start + WINDOW_SIZE);
      while (start < end && start > 0 && !is_space (text[start - 1]))
        start++;
      while (end > start && end < length && !is_space (text[end]))
        end--;
      judge_text (judge, batch, text + start, end - start);
      read++;
      if (read >= MIN_WINDOWS && margin (judge) >= CERTAIN_MARGIN)
        return;
    }
}

void
pith_language_model_detect (const PithLanguageModel *self,
                            const char              *text,
                            gsize                    length,
                            PithLanguageGuess       *guess)
{
  Judge judge = { self, { 0 }, 0, { 0 }, { 0 }, NULL, NULL, 0 };
  Script script;
  guint letters;
  int best = -1;
  int second = -1;
  double nats;

  *guess = (PithLanguageGuess) { NULL, 0.0, 0 };
  judge.word_weights = g_newa (gint64, self->n_languages);
  memset (judge.word_weights, 0, sizeof (gint64) * self->n_languages);
  judge.trigram_weights = g_newa (gint64, self->n_languages);
  memset (judge.trigram_weights, 0, sizeof (gint64) * self->n_languages);
  judge_sample (&judge, text, length);
  script = main_script (&judge);
  if (script == SCRIPT_OTHER)
    return;
  letters = judge.script_letters[script];

  if (script == SCRIPT_CJK && self->zh >= 0 && self->ja >= 0)
    {
      guess->language = self->languages[judge.kana >= KANA_SHARE * letters ? self->ja : self->zh].code;
      guess->confidence = MIN (1.0, letters / 20.0);
      guess->n_words = judge.n_words[script];
      return;
    }

  rank (&judge, script, &best, &second);
  if (best < 0)
    return;
  guess->language = self->languages[best].code;
  guess->n_words = judge.n_words[script];
  if (second < 0)
    {
      /* The only language of its script. */
      guess->confidence = MIN (1.0, letters / 30.0);
      return;
    }

  /* A few words are never proof, however far apart the scores; nor are
   * names, which are in no language, and of which a short text of news
   * is mostly made ("Angela Merkel met Emmanuel Macron in Paris"): a
   * capitalised word inside a sentence that no language knows counts half
   * a word (German capitalises its nouns). */
  nats = (double) (score_of (&judge, best) - score_of (&judge, second)) / (8.0 * WORD_WEIGHT);
  guess->confidence = (1.0 - exp (-nats / NATS_SCALE)) *
                      MIN (1.0, (judge.n_words[script] - judge.n_names / 2.0) / WORDS_FOR_PROOF);
}
