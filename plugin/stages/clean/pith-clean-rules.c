/* pith-clean-rules.c: what the clean stage does, as one pass
 *
 * One forward pass over the lines of the text produces a sorted list of
 * edits; nothing is matched backwards, so the cost is linear in the text.
 * Lines are either removed (blank, scraper markers, boilerplate) or kept;
 * the gap between two kept lines becomes one line break, or a paragraph
 * break when a blank line stood between them: removing a line never makes
 * a paragraph break the input did not have. Inside a kept
 * line, whitespace runs become one space and characters that carry nothing
 * go; non-ASCII runs are put in NFC; and three repairs are made where a
 * scraper glued text together: quote debris after a sentence end (`.“,`),
 * a missing space after one (`said.The`), and a sentence glued to the next
 * (`TurkeyThey`).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-clean-rules-private.h"
#include "pith-decode-private.h"
#include "pith-glue-names-private.h"
#include "pith-resource-cache-private.h"
#include "pith-utf8-private.h"
#include "pith-word-hashes-private.h"

/* Lines longer than this are article text, never boilerplate. */
#define BOILERPLATE_MAX_LINE 200

static const char * const kind_names[PITH_CLEAN_N_KINDS] = {
  "marker", "boilerplate", "whitespace", "character", "unicode",
  "quote-debris", "missing-space", "glued-sentence", "html", "mojibake",
  "quotes", "hyphenation", "repeated-title", "truncation", "dateline",
};

const char *
pith_clean_kind_to_string (PithCleanKind kind)
{
  return kind_names[kind];
}

/* Top-level domains that follow a full stop with a capital in names like
 * Amazon.Com, which must not be split. */
static const char * const domain_words[] = {
  "com", "net", "org", "gov", "edu", "io", "co", "uk", "de", "fr", "ru",
  "info", "biz", "tv", "me", "us", "eu", "ai", NULL,
};

/* A word the first pass found glued, and whether the split holds. */
typedef struct
{
  gsize start;
  gsize split;              /* 0 once the document has ruled it out */
  gsize end;
  const char *evidence;
} GlueCandidate;

/* The words the candidates want, by their first letters: exactly for
 * words of one and two letters, by a hash of the first three for longer
 * ones. Most capitalised words of a long document are not among the few
 * wanted, and this says so without finding the word's end or hashing it. */
#define WANTED_LONG_BITS 131072

typedef struct
{
  guint64 long_words[WANTED_LONG_BITS / 64];
  guint64 two_letters[65536 / 64];
  gboolean one_letter[256];
} WantedFilter;

typedef struct
{
  const char *text;
  gsize length;
  const PithCleanRules *rules;
  GArray *edits;
  GPtrArray *strings;
  PithWordHashes glued_counts; /* candidate glued word -> occurrences, at most 2 */
  GArray *glue_candidates;    /* of GlueCandidate, in text order; NULL if none */
  guint next_candidate;       /* the main pass's place in them */
  PithWordHashes standalone;  /* parts of candidates -> STANDALONE_WANTED or _SEEN */
  WantedFilter *wanted;       /* which capitalised words may be in it; NULL if none is */
  GHashTable *vocabulary;     /* hyphenation candidates -> occurrences */
} Pass;

#define char_at pith_utf8_char_at

static inline gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
         (c >= 0x80 && g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR);
}

/* Characters that carry nothing in news text. Zero-width joiners stay:
 * emoji sequences and several scripts need them. */
static inline gboolean
is_droppable (gunichar c)
{
  if (c < 0x20)
    return c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v';
  return c == 0x7F || (c >= 0x80 && c < 0xA0) ||
         c == 0xFEFF || c == 0x200B || c == 0x2060 || c == 0x00AD;
}

static guint8 evidence_id (const char *evidence);

static void
add_edit_with_evidence (Pass          *pass,
                        gsize          start,
                        gsize          end,
                        const char    *replacement,
                        PithCleanKind  kind,
                        const char    *evidence)
{
  PithCleanEdit edit = { { start, end, replacement, -1 }, (guint8) kind, evidence_id (evidence) };

  if (!pass->rules->kinds[kind])
    return;

  /* The pass finds edits in text order; one that would overlap the edit
   * before it is dropped rather than corrupt the text. */
  if (pass->edits->len > 0 &&
      g_array_index (pass->edits, PithCleanEdit, pass->edits->len - 1).edit.end > start)
    return;

  g_array_append_val (pass->edits, edit);
}

static void
add_edit (Pass          *pass,
          gsize          start,
          gsize          end,
          const char    *replacement,
          PithCleanKind  kind)
{
  add_edit_with_evidence (pass, start, end, replacement, kind, NULL);
}

static gsize
last_edit_end (Pass *pass)
{
  if (pass->edits->len == 0)
    return 0;
  return g_array_index (pass->edits, PithCleanEdit, pass->edits->len - 1).edit.end;
}

/* [ad], [ad_1], [ad-2], [ad3], [advertisement], {{ad}}: the length of the
 * marker at @i, or 0. */
static gsize
match_marker (const char *text,
              gsize       i,
              gsize       end)
{
  gsize j;

  if (text[i] == '{')
    return end - i >= 6 && g_ascii_strncasecmp (text + i, "{{ad}}", 6) == 0 ? 6 : 0;
  if (text[i] != '[')
    return 0;

  if (end - i >= 15 && g_ascii_strncasecmp (text + i, "[advertisement]", 15) == 0)
    return 15;
  if (end - i < 4 || g_ascii_strncasecmp (text + i + 1, "ad", 2) != 0)
    return 0;

  j = i + 3;
  if (j < end && (text[j] == '_' || text[j] == '-'))
    j++;
  while (j < end && g_ascii_isdigit (text[j]))
    j++;
  return j < end && text[j] == ']' ? j + 1 - i : 0;
}

static gboolean
is_marker_line (const char *text,
                gsize       start,
                gsize       end)
{
  gsize i = start;
  gboolean any = FALSE;

  if (end - start == 13 && (strncmp (text + start, "ADVERTISEMENT", 13) == 0 ||
                            strncmp (text + start, "Advertisement", 13) == 0))
    return TRUE;

  while (i < end)
    {
      gsize marker = match_marker (text, i, end);

      if (marker > 0)
        {
          i += marker;
          any = TRUE;
        }
      else if (text[i] == ' ' || text[i] == '\t')
        i++;
      else
        return FALSE;
    }
  return any;
}

struct _PithLinePatterns
{
  GPtrArray *by_first_byte[256];   /* of LinePattern; NULL when empty */
  GPtrArray *any_first;            /* globs that start with * or ? */
  gsize min_length;                /* the fewest bytes a line needs to match any; 0 when empty */
};

typedef struct
{
  GPatternSpec *spec;
  gsize min_length;         /* the bytes a line needs to match: one a character that is not * */
} LinePattern;

static void
line_pattern_free (gpointer data)
{
  LinePattern *pattern = data;

  g_pattern_spec_free (pattern->spec);
  g_free (pattern);
}

PithLinePatterns *
pith_line_patterns_new (void)
{
  return g_new0 (PithLinePatterns, 1);
}

void
pith_line_patterns_add (PithLinePatterns *self,
                        const char       *glob)
{
  GPtrArray **bucket = (*glob == '*' || *glob == '?') ? &self->any_first
                                                      : &self->by_first_byte[(guchar) *glob];

  LinePattern *pattern = g_new0 (LinePattern, 1);

  pattern->spec = g_pattern_spec_new (glob);
  for (const char *p = glob; *p != '\0'; p = g_utf8_next_char (p))
    pattern->min_length += *p != '*';
  if (self->min_length == 0 || pattern->min_length < self->min_length)
    self->min_length = MAX (pattern->min_length, 1);
  if (*bucket == NULL)
    *bucket = g_ptr_array_new_with_free_func (line_pattern_free);
  g_ptr_array_add (*bucket, pattern);
}

static gboolean
bucket_matches (GPtrArray  *bucket,
                const char *line,
                gsize       length)
{
  if (bucket == NULL)
    return FALSE;
  for (guint i = 0; i < bucket->len; i++)
    {
      const LinePattern *pattern = g_ptr_array_index (bucket, i);

      /* Most lines of a list or a table are shorter than any pattern. */
      if (length >= pattern->min_length && g_pattern_spec_match (pattern->spec, length, line, NULL))
        return TRUE;
    }
  return FALSE;
}

gboolean
pith_line_patterns_match (const PithLinePatterns *self,
                          const char             *line,
                          gsize                   length)
{
  /* Lines shorter than every glob (a list, a table, markers) are most
   * lines of some documents. */
  if (self == NULL || length == 0 || length < self->min_length)
    return FALSE;
  return bucket_matches (self->by_first_byte[(guchar) line[0]], line, length) ||
         bucket_matches (self->any_first, line, length);
}

#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* Adds the globs of the list @name, one a line, "#" for comments, to
 * @patterns; FALSE when there is no such list. */
static gboolean
add_line_patterns (PithLinePatterns *patterns,
                   const char       *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;

  if (bytes == NULL)
    return FALSE;

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line != '\0' && *line != '#')
        pith_line_patterns_add (patterns, line);
    }
  return TRUE;
}

/* A PithResourceLoad: the globs of one list. */
static gpointer
load_line_patterns (const char *name)
{
  PithLinePatterns *patterns = pith_line_patterns_new ();

  if (!add_line_patterns (patterns, name))
    g_clear_pointer (&patterns, pith_line_patterns_free);
  return patterns;
}

const PithLinePatterns *
pith_line_patterns_get_boilerplate (const char *language)
{
  static PithResourceCache cache;
  char name[64];

  /* ISO 639 codes only: the lists looked for stay few, whatever the
   * documents declare. */
  if (language == NULL || strlen (language) < 2 || strlen (language) > 3)
    return NULL;
  g_snprintf (name, sizeof name, "clean/boilerplate-%s.txt", language);
  return pith_resource_cache_get (&cache, name, load_line_patterns);
}

/* The languages of the boilerplate lists besides English's. */
static const char * const foreign_languages[] = { "de", "es", "fr", "it", "nl", "pl", "pt", "ru" };

/* A PithResourceLoad: the globs of every list but English's, in one. */
static gpointer
load_foreign_patterns (const char *name)
{
  PithLinePatterns *patterns = pith_line_patterns_new ();

  for (guint i = 0; i < G_N_ELEMENTS (foreign_languages); i++)
    {
      g_autofree char *list = g_strdup_printf ("clean/boilerplate-%s.txt", foreign_languages[i]);

      add_line_patterns (patterns, list);
    }
  return patterns;
}

const PithLinePatterns *
pith_line_patterns_get_foreign_boilerplate (void)
{
  static PithResourceCache cache;

  return pith_resource_cache_get (&cache, "clean/boilerplate-*.txt", load_foreign_patterns);
}

void
pith_line_patterns_free (PithLinePatterns *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->by_first_byte); i++)
    g_clear_pointer (&self->by_first_byte[i], g_ptr_array_unref);
  g_clear_pointer (&self->any_first, g_ptr_array_unref);
  g_free (self);
}

/* The fewest bytes a line needs to match one of @self's globs. */
static gsize
line_patterns_min_length (const PithLinePatterns *self)
{
  return self == NULL || self->min_length == 0 ? G_MAXSIZE : self->min_length;
}

static const PithLinePatterns *
language_boilerplate (PithLanguageBoilerplate *language)
{
  if (language == NULL || language->find == NULL)
    return NULL;
  if (!language->found)
    {
      language->patterns = language->find (language->data);
      language->found = TRUE;
    }
  return language->patterns;
}

static gboolean
is_boilerplate_line (const PithCleanRules *rules,
                     const char           *text,
                     gsize                 start,
                     gsize                 end,
                     gboolean             *user_pattern)
{
  char line[BOILERPLATE_MAX_LINE + 1];
  gsize length = end - start;
  gboolean ascii = TRUE;
  g_autofree char *lower = NULL;
  const char *subject;

  *user_pattern = FALSE;
  if (length > BOILERPLATE_MAX_LINE)
    return FALSE;
  /* Shorter than any list's shortest glob: most lines of a list or a
   * table are, and are not copied. */
  if (rules->user_patterns == NULL &&
      length < MIN (line_patterns_min_length (rules->boilerplate),
                    line_patterns_min_length (rules->foreign_boilerplate)))
    return FALSE;

  memcpy (line, text + start, length);
  line[length] = '\0';
  if (pith_line_patterns_match (rules->user_patterns, line, length))
    {
      *user_pattern = TRUE;
      return TRUE;
    }
  if (!rules->kinds[PITH_CLEAN_BOILERPLATE])
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) line[i] >= 0x80)
        ascii = FALSE;
      line[i] = g_ascii_tolower (line[i]);
    }
  if (!ascii)
    {
      lower = g_utf8_strdown (line, (gssize) length);
      length = strlen (lower);
    }
  subject = lower != NULL ? lower : line;
  return pith_line_patterns_match (rules->boilerplate, subject, length) ||
         (pith_line_patterns_match (rules->foreign_boilerplate, subject, length) &&
          pith_line_patterns_match (language_boilerplate (rules->language_boilerplate), subject, length));
}

/* Line content without the blanks and droppable characters at its ends. */
static void
trim (const char *text,
      gsize       start,
      gsize       end,
      gsize      *content_start,
      gsize      *content_end)
{
  gsize size;

  while (start < end)
    {
      gunichar c = char_at (text, start, end, &size);
      if (!is_blank (c) && !is_droppable (c))
        break;
      start += size;
    }
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (text + start, text + end);
      gunichar c;

      if (previous == NULL)
        previous = text + start;
      c = char_at (text, previous - text, end, &size);
      if (!is_blank (c) && !is_droppable (c))
        break;
      end = previous - text;
    }

  *content_start = start;
  *content_end = end;
}

static gboolean
is_lower_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_islower (c) : g_unichar_islower (c);
}

static gboolean
is_upper_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c));
}

static gboolean
is_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

/* The end of the run of letters starting at @i. */
static gsize
letters_end (const char *text,
             gsize       i,
             gsize       end)
{
  gsize size;

  while (i < end)
    {
      /* ASCII letters without decoding: nearly all of news text. */
      if ((guchar) text[i] < 0x80)
        {
          if (!g_ascii_isalpha (text[i]))
            break;
          i++;
          continue;
        }
      if (!is_letter (char_at (text, i, end, &size)))
        break;
      i += size;
    }
  return i;
}

/* letters_end(), noting in @inner_capital whether a capital follows a
 * lowercase letter in the run or the run has non-ASCII letters, which
 * decide for themselves: the words glued_split() need not see are
 * nearly all, and one pass over their bytes says so. */
static gsize
letters_end_noting_capitals (const char *text,
                             gsize       i,
                             gsize       end,
                             gboolean   *inner_capital)
{
  gsize start = i;

  *inner_capital = FALSE;
  for (; i < end && (guchar) text[i] < 0x80 && g_ascii_isalpha (text[i]); i++)
    if (i > start && g_ascii_isupper (text[i]) && g_ascii_islower (text[i - 1]))
      *inner_capital = TRUE;
  if (i < end && (guchar) text[i] >= 0x80)
    {
      *inner_capital = TRUE;
      return letters_end (text, i, end);
    }
  return i;
}

/* Whether the capitalised word whose first letter ends at @start is, from
 * @start to @end, lowercase, or a name of the shape McLean, MacBook,
 * DiCaprio, LaGuardia: one of the prefixes such names take, a capital,
 * then lowercase. */
static gboolean
is_name_tail (const char *text,
              gsize       start,
              gsize       end)
{
  static const char * const name_prefixes[] = { "Mc", "Mac", "Di", "De", "Da", "Du", "La", "Le", NULL };
  gsize inner = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_lower_letter (c))
        continue;
      if (inner != 0 || !is_upper_letter (c) || p + 1 >= text + end)
        return FALSE;
      inner = p - text;
    }
  if (inner == 0)
    return TRUE;
  /* The prefix runs from the capital before @start to the inner one. */
  {
    const char *head = g_utf8_find_prev_char (text, text + start);

    for (guint k = 0; name_prefixes[k] != NULL; k++)
      if (head != NULL && (gsize) (text + inner - head) == strlen (name_prefixes[k]) &&
          memcmp (head, name_prefixes[k], strlen (name_prefixes[k])) == 0)
        return TRUE;
  }
  return FALSE;
}

/* Whether a lowercase letter meets a capital between @start and @end. */
static gboolean
has_inner_capital (const char *text,
                   gsize       start,
                   gsize       end)
{
  gunichar previous = 0;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (is_lower_letter (previous) && is_upper_letter (c))
        return TRUE;
      previous = c;
    }
  return FALSE;
}

/* Whether what follows a word at @end makes it code: a call
 * (`setTimeout(`), an assignment, a member after it (`document.body`). */
static gboolean
is_code_continuation (const char *text,
                      gsize       length,
                      gsize       end)
{
  if (end < length && text[end] != '\0' && strchr ("(_=`>", text[end]) != NULL)
    return TRUE;
  return end + 1 < length && text[end] == '.' && g_ascii_isalnum (text[end + 1]);
}

/* Whether the word at [@start, @end) is written as code is: a method or
 * a field (`obj.toString`, `$userName`, `my_varName`), a call
 * (`setTimeout(`), or a step of a dotted path (`System.Windows.Forms`). */
static gboolean
is_code_context (const char *text,
                 gsize       length,
                 gsize       start,
                 gsize       end)
{
  if (start > 0 && text[start - 1] != '\0' && strchr ("._$/\\`<@#", text[start - 1]) != NULL)
    return TRUE;
  return is_code_continuation (text, length, end);
}

/* Writes @word with its ASCII letters lowercased into @folded; FALSE if
 * it is too long for any list to have it. */
static gboolean
fold_ascii (const char *word,
            gsize       length,
            char        folded[PITH_WORD_LIST_MAX_WORD])
{
  if (length >= PITH_WORD_LIST_MAX_WORD)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    folded[i] = pith_ascii_tolower (word[i]);
  return TRUE;
}

/* Whether the dictionary has @word in lowercase, ASCII letters folded. */
static gboolean
is_dictionary_word_folded (const PithSortedWords *words,
                           const char            *word,
                           gsize                  length)
{
  char folded[PITH_WORD_LIST_MAX_WORD];

  return fold_ascii (word, length, folded) && pith_sorted_words_contains (words, folded, length);
}

/* Whether the capitalised word [@start, @end) is a name the dictionary
 * has (Latvia, Thursday, Haig), of four letters or more, so that it is
 * not a brand's first syllable (Eco, Tri). */
static gboolean
is_dictionary_name (const PithSortedWords *words,
                    const char            *text,
                    gsize                  start,
                    gsize                  end)
{
  return end - start >= 4 && pith_sorted_words_contains (words, text + start, end - start);
}

/* How often news capitalises @word inside sentences: "always",
 * "mostly", "mixed", "rarely", or NULL for a word the list lacks. */
static const char *
capitalised_inside_sentences (const char *word,
                              gsize       length)
{
  char folded[PITH_WORD_LIST_MAX_WORD];
  const char *kind = NULL;

  if (!fold_ascii (word, length, folded))
    return NULL;
  /* Looked up here, not kept in the rules: only the rare glued words
   * need the list, which the entity tagger loads anyway. */
  if (!pith_word_list_lookup (pith_word_list_get ("entities/capitalization-en.txt"), folded, length, &kind))
    return NULL;
  return kind;
}

/* Whether news capitalises @word inside sentences rarely or only now and
 * then, so that capitalised it most likely opens one (Traditionally,
 * Analysts; not Airlines or Mobil, the second halves of names). */
static gboolean
opens_sentences_capitalised (const char *word,
                             gsize       length)
{
  const char *kind = capitalised_inside_sentences (word, length);

  return g_strcmp0 (kind, "rarely") == 0 || g_strcmp0 (kind, "mixed") == 0;
}

/* Whether news capitalises @word inside sentences mostly, as a name
 * (York, Iran), or, with @or_now_and_then, at least now and then, as a
 * word names end on (Hospital, Division). A sentence often ends on
 * either, where the first halves of code (Math, String) are common words. */
static gboolean
ends_names (const char *word,
            gsize       length,
            gboolean    or_now_and_then)
{
  const char *kind = capitalised_inside_sentences (word, length);

  return g_strcmp0 (kind, "always") == 0 || g_strcmp0 (kind, "mostly") == 0 ||
         (or_now_and_then && g_strcmp0 (kind, "mixed") == 0);
}

/* Whether @word, capitalised or not, is an English function word (The,
 * They, In). */
static gboolean
is_function_word (const char *word,
                  gsize       length)
{
  char folded[PITH_WORD_LIST_MAX_WORD];

  return fold_ascii (word, length, folded) &&
         pith_word_list_lookup (pith_word_list_get ("summarize/stopwords-en.txt"), folded, length, NULL);
}

/* Whether the @length bytes at @word are one of @words, exactly. */
static gboolean
is_one_of (const char * const *words,
           const char         *word,
           gsize               length)
{
  for (guint k = 0; words[k] != NULL; k++)
    if (strlen (words[k]) == length && memcmp (words[k], word, length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @word, of five letters or more, ends in -ly (Traditionally,
 * Separately): an adverb, which opens clauses. */
static gboolean
is_adverb_in_ly (const char *word,
                 gsize       length)
{
  return length >= 5 && word[length - 2] == 'l' && word[length - 1] == 'y';
}

/* Whether a space and a capitalised ASCII word follow @end: the rest of
 * a name (Michael| Brown). */
static gboolean
capitalised_word_follows (const char *text,
                          gsize       length,
                          gsize       end)
{
  return end + 1 < length && text[end] == ' ' && g_ascii_isupper (text[end + 1]);
}

/* Whether @word is a name that sentences end on as often as names do:
 * a weekday or a month, a place, or the end of an organisation's name
 * (in August|On the TV side, the Civil Air Patrol|In many posts), so
 * that "In" and the possessives after it open sentences, not brands. */
static gboolean
ends_sentences_as_name (const char *word,
                        gsize       length)
{
  return pith_glue_names_is_time_word (word, length) || pith_glue_names_is_place (word, length) ||
         pith_glue_names_is_name_head (word, length);
}

/* Whether the word before @start is capitalised or a function word
 * (in, with, the), as before the end of a name (New York, with Iran),
 * and not a common noun naming what a brand is (the program AlphaZero,
 * the website FlightAware). */
static gboolean
follows_name_or_function_word (const char *text,
                               gsize       start)
{
  gsize end = start;
  gsize word;

  while (end > 0 && text[end - 1] == ' ')
    end--;
  if (end == start || end == 0)
    return TRUE;
  word = end;
  while (word > 0 && g_ascii_isalpha (text[word - 1]))
    word--;
  if (word == end)
    return TRUE;   /* punctuation or a non-ASCII letter */
  return g_ascii_isupper (text[word]) || is_function_word (text + word, end - word);
}

/* Whether a word glued of a name and a capitalised word [@start, @end)
 * stands where a sentence's end could: in the middle of its sentence
 * (a sentence of one word is rare), with more words after it on the
 * line (of IndiaToday. ends its sentence as a brand), and after a name or
 * a function word (with Iran|Having; not the program Alpha|Zero) unless
 * the second part is an opening adverb (Thursday|Separately,). */
static gboolean
stands_where_sentences_meet (const Pass *pass,
                             gsize       start,
                             gsize       split,
                             gsize       end)
{
  const char *text = pass->text;
  gsize length = pass->length;
  gsize before = start;

  while (before > 0 && text[before - 1] == ' ')
    before--;
  if (before == 0 || strchr (".!?\"\n\r", text[before - 1]) != NULL)
    return FALSE;
  /* An opening adverb set off by a comma (However, Separately,). */
  if (end < length && text[end] == ',' &&
      (is_adverb_in_ly (text + split, end - split) ||
       pith_word_list_lookup (pass->rules->sentence_starters, text + split, end - split, NULL)))
    return TRUE;
  if (!(end + 1 < length && text[end] == ' ' && g_ascii_isalnum (text[end + 1])))
    return FALSE;
  return follows_name_or_function_word (text, start);
}

/* Whether a capitalised word that ends names, then a capitalised word
 * news seldom capitalises inside a sentence, are a sentence's end and
 * the next one's start (Iran|Having, Hospital.Video). Glued into one
 * word, the first must be a name: brands are built of words names end
 * on and common words (Square|Pants, Flight|Aware). */
static gboolean
is_name_then_opener (const Pass *pass,
                     gsize       left_start,
                     gsize       left_end,
                     gsize       right_start,
                     gsize       right_end)
{
  const char *text = pass->text;
  gboolean full_stop_between = left_end < right_start;

  return ends_names (text + left_start, left_end - left_start, full_stop_between) &&
         g_strcmp0 (capitalised_inside_sentences (text + right_start, right_end - right_start), "rarely") == 0 &&
         (full_stop_between || stands_where_sentences_meet (pass, left_start, right_start, right_end));
}

/* How long the prefix of a surname written with a second capital is at
 * the start of [@start, @end) (Mc of McCauley, Mac of MacLellan), or 0. */
static gsize
surname_prefix_length (const char *text,
                       gsize       start,
                       gsize       end)
{
  if (end - start >= 4 && memcmp (text + start, "Mac", 3) == 0 && g_ascii_isupper (text[start + 3]))
    return 3;
  if (end - start >= 3 && memcmp (text + start, "Mc", 2) == 0 && g_ascii_isupper (text[start + 2]))
    return 2;
  return 0;
}

/* Whether [@start, @split) is all of such a prefix, before the capital
 * that belongs to the name (Mc|Cauley). */
static gboolean
is_surname_prefix (const char *text,
                   gsize       start,
                   gsize       split)
{
  gsize prefix = surname_prefix_length (text, start, split + 1);

  return prefix != 0 && start + prefix == split;
}

/* Whether [@start, @end) is a name or brand written in mixed case. */
static gboolean
is_mixed_case_name (const PithCleanRules *rules,
                    const char           *text,
                    gsize                 start,
                    gsize                 end)
{
  return pith_sorted_words_contains (rules->words, text + start, end - start) ||
         pith_word_list_lookup (rules->mixed_case_names, text + start, end - start, NULL);
}

/* Whether a determiner, a possessive or a number follows the word that
 * ends at @end: what follows "In" opening a sentence ("In the end",
 * "In 1986"), where what follows LinkedIn or PlugIn seldom is. */
static gboolean
determiner_or_number_follows (const char *text,
                              gsize       length,
                              gsize       end)
{
  static const char * const determiners[] = {
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "some", "each", "every", "all", "addition", "fact", "response", "recent", NULL,
  };
  gsize word = end + 1;
  gsize word_end;

  if (word >= length || text[end] != ' ')
    return FALSE;
  if (g_ascii_isdigit (text[word]))
    return TRUE;
  for (word_end = word; word_end < length && g_ascii_isalpha (text[word_end]); word_end++)
    ;
  for (guint k = 0; determiners[k] != NULL; k++)
    if (strlen (determiners[k]) == word_end - word && memcmp (text + word, determiners[k], word_end - word) == 0)
      return TRUE;
  return FALSE;
}

/* Whether [@start, @end) is a function word that opens sentences and
 * ends no name or brand, so that glued after any word, even one in
 * camel case or a hashtag (WeChat|The, #LewisNation|The), it starts the
 * next sentence. "In" ends brands (LinkedIn, PlugIn) and counts only
 * before what a sentence's "In" takes. */
static gboolean
is_opening_function_word (const char *text,
                          gsize       length,
                          gsize       start,
                          gsize       end)
{
  static const char * const openers[] = {
    "The", "They", "He", "It", "We", "This", "There", "These", "Those", "At", "As", "And", "But", "So", NULL,
  };

  for (guint k = 0; openers[k] != NULL; k++)
    if (strlen (openers[k]) == end - start && memcmp (text + start, openers[k], end - start) == 0)
      return TRUE;
  return end - start == 2 && memcmp (text + start, "In", 2) == 0 &&
         determiner_or_number_follows (text, length, end);
}

/* Where an opening function word glued to the end of a hashtag, a
 * handle or a word in camel case begins (#notafraid|In this,
 * iReport|The), or 0. The sentence must go on after it. */
static gsize
function_word_glued_to_name (const char *text,
                             gsize       length,
                             gsize       word_start,
                             gsize       word_end)
{
  gsize split = word_end;

  if (!(word_end + 1 < length && text[word_end] == ' ' && g_ascii_isalnum (text[word_end + 1])))
    return 0;
  while (split > word_start && !g_ascii_isupper (text[split - 1]))
    split--;
  if (split == word_start)
    return 0;
  split--;
  if (split < word_start + 3 || !g_ascii_islower (text[split - 1]) ||
      !is_opening_function_word (text, length, split, word_end))
    return 0;
  /* Slogans end on these (#JustDoIt, #BeatThis). */
  if ((word_end - split == 2 && memcmp (text + split, "It", 2) == 0) ||
      (word_end - split == 4 && memcmp (text + split, "This", 4) == 0))
    return 0;
  return split;
}

/* Whether @word is a common sentence starter that does not quantify
 * (For, When, Then; not Each, All, One), so that glued after a
 * preposition it opens a sentence where a quantifier would go on with
 * code (forEach, forAll). */
static gboolean
opens_sentence_not_quantifying (const PithCleanRules *rules,
                                const char           *word,
                                gsize                 length)
{
  static const char * const quantifiers[] = {
    "Each", "Every", "All", "Any", "Some", "Many", "Most", "Much", "Both", "Either", "Neither",
    "Several", "None", "Other", "Others", "Another", "One", "No", "Not", "Only", "First", "Last", NULL,
  };

  return !is_one_of (quantifiers, word, length) &&
         pith_word_list_lookup (rules->sentence_starters, word, length, NULL);
}

/* Where a name glued to a hashtag written in lowercase begins, when a
 * capitalised word follows it (#shesaidyes|Bristol Palin), or 0: the
 * document must use the name alone. A hashtag in lowercase does not
 * switch to a name and go on with another. */
static gsize
name_glued_to_hashtag (const Pass *pass,
                       gsize       word_start,
                       gsize       word_end)
{
  const char *text = pass->text;
  gsize split = word_start;

  while (split < word_end && g_ascii_islower (text[split]))
    split++;
  if (split - word_start < 6 || split >= word_end || !g_ascii_isupper (text[split]) ||
      word_end - split < 4 || !is_name_tail (text, split + 1, word_end) ||
      is_dictionary_word_folded (pass->rules->words, text + split, word_end - split) ||
      !capitalised_word_follows (text, pass->length, word_end))
    return 0;
  return split;
}

static gboolean is_domain_word (const char *text,
                                gsize       start,
                                gsize       end);

static const char EVIDENCE_STARTER[] = "sentence starter";
static const char EVIDENCE_DICTIONARY[] = "dictionary word before a capital";
static const char EVIDENCE_DOCUMENT[] = "both parts stand alone in the document";
/* What names_meet_sentence() finds. */
static const char EVIDENCE_ADVERB[] = "an adverb set off by a comma";
static const char EVIDENCE_TIME[] = "a weekday or a month before it";
static const char EVIDENCE_PLACE[] = "a place before a name";
static const char EVIDENCE_GIVEN_NAME[] = "a name before a given name";
static const char EVIDENCE_NAME_HEAD[] = "the end of an organisation's name before it";
static const char EVIDENCE_NAME_STARTER[] = "a longer name before a sentence starter";
static const char EVIDENCE_NAME_OPENER[] = "a name before a word that opens clauses";
static const char EVIDENCE_ALONE[] = "a name the document uses alone";
static const char EVIDENCE_SURNAME[] = "a surname after a given name";
/* What a missing space after a full stop was restored by. */
static const char EVIDENCE_AFTER_NUMBER[] = "after a number";
static const char EVIDENCE_AFTER_QUOTE[] = "after a closing quote";
static const char EVIDENCE_AFTER_APOSTROPHE[] = "after an apostrophe";
static const char EVIDENCE_AFTER_CAPITAL[] = "after a capitalised word";

/* The evidences by their ids in PithCleanEdit; 0 is none. */
static const char * const evidences[] = {
  NULL, EVIDENCE_STARTER, EVIDENCE_DICTIONARY, EVIDENCE_DOCUMENT, EVIDENCE_ADVERB, EVIDENCE_TIME,
  EVIDENCE_PLACE, EVIDENCE_GIVEN_NAME, EVIDENCE_NAME_HEAD, EVIDENCE_NAME_STARTER, EVIDENCE_NAME_OPENER,
  EVIDENCE_ALONE, EVIDENCE_SURNAME, EVIDENCE_AFTER_NUMBER, EVIDENCE_AFTER_QUOTE, EVIDENCE_AFTER_APOSTROPHE,
  EVIDENCE_AFTER_CAPITAL,
};

static guint8
evidence_id (const char *evidence)
{
  for (guint8 i = 1; evidence != NULL && i < G_N_ELEMENTS (evidences); i++)
    if (evidences[i] == evidence || strcmp (evidences[i], evidence) == 0)
      return i;
  g_warn_if_fail (evidence == NULL);
  return 0;
}

const char *
pith_clean_evidence_to_string (guint8 evidence)
{
  return evidence < G_N_ELEMENTS (evidences) ? evidences[evidence] : NULL;
}

/* Where a word's lowercase letter meets the capital of a sentence glued
 * to it, or 0; @evidence says why. Two kinds of evidence split a word:
 * the capitalised part is a common sentence starter ("Turkey|They"), or
 * the word is a lowercase dictionary word that a sentence may end on
 * followed by a capitalised word ("night|Okafor", "again|Imagine"), and
 * is neither a dictionary word as a whole ("passWord") nor a name. A
 * capitalised word before a capitalised one ("Minnesota|Separately",
 * "Duncan|Pham") is a candidate the document decides: @evidence is then
 * EVIDENCE_DOCUMENT, and the split holds only if the first part stands
 * alone elsewhere in the document and the second does too or is a
 * dictionary word. A word that names itself, in the dictionary or the
 * list of mixed-case names (DiCaprio, YouTube, BoA), or that is written
 * as code, stays. */
static gsize
glued_split (const Pass  *pass,
             gsize        word_start,
             gsize        word_end,
             const char **evidence)
{
  const PithCleanRules *rules = pass->rules;
  gsize size;
  gsize i = word_start;
  gunichar previous = 0;

  if (rules->sentence_starters == NULL)
    return 0;

  /* A hashtag or handle, or a word with digits, is a name as written,
   * but for an opening function word glued to its end. */
  if (word_start > 0 && (pass->text[word_start - 1] == '#' || pass->text[word_start - 1] == '@'))
    {
      gsize split = function_word_glued_to_name (pass->text, pass->length, word_start, word_end);

      *evidence = EVIDENCE_STARTER;
      if (split == 0 && pass->text[word_start - 1] == '#')
        {
          split = name_glued_to_hashtag (pass, word_start, word_end);
          *evidence = EVIDENCE_DOCUMENT;
        }
      return split;
    }
  if (word_end < pass->length && g_ascii_isdigit (pass->text[word_end]))
    return 0;

  /* A decade (1960s|The) or a domain's ending (example.com|The) before a
   * common sentence starter. */
  if (word_start > 0 &&
      ((g_ascii_isdigit (pass->text[word_start - 1]) && pass->text[word_start] == 's' &&
        word_start + 1 < word_end && g_ascii_isupper (pass->text[word_start + 1])) ||
       pass->text[word_start - 1] == '.'))
    {
      gsize split = word_start + 1;

      if (pass->text[word_start - 1] == '.')
        {
          while (split < word_end && g_ascii_islower (pass->text[split]))
            split++;
          if (split >= word_end || !is_domain_word (pass->text, word_start, split))
            return 0;
        }
      if (pith_word_list_lookup (rules->sentence_starters, pass->text + split, word_end - split, NULL))
        {
          *evidence = EVIDENCE_STARTER;
          return split;
        }
      return 0;
    }

  /* A word in camel case, then an opening function word (WeChat|The). */
  {
    gsize split = function_word_glued_to_name (pass->text, pass->length, word_start, word_end);

    if (split > 0 && has_inner_capital (pass->text, word_start, split) &&
        !is_mixed_case_name (rules, pass->text, word_start, word_end))
      {
        *evidence = EVIDENCE_STARTER;
        return split;
      }
  }

  while (i < word_end)
    {
      gunichar c = char_at (pass->text, i, word_end, &size);

      if (i - word_start >= 2 && is_lower_letter (previous) && is_upper_letter (c) &&
          !is_surname_prefix (pass->text, word_start, i))
        {
          gsize next_size;
          gunichar next = i + size < word_end ? char_at (pass->text, i + size, word_end, &next_size) : 0;
          gboolean left_lowercase = is_lower_letter (g_utf8_get_char (pass->text + word_start));
          gboolean single_letter = next == 0;
          const char *kind = NULL;

          /* "In", "On" and possessives end brand names (LinkedIn, AddOn,
           * BlogHer): after a capitalised word they are not trusted. */
          static const char * const brand_suffixes[] = { "In", "On", "Her", "His", "Its", "Our", "My", "Your", NULL };
          gboolean brand_suffix = FALSE;

          /* ... when that word is a common word (Blog, Linked), not a
           * name (Minnesota|His). */
          for (guint k = 0; brand_suffixes[k] != NULL; k++)
            if (word_end - i == strlen (brand_suffixes[k]) &&
                memcmp (pass->text + i, brand_suffixes[k], word_end - i) == 0)
              brand_suffix = is_dictionary_word_folded (rules->words, pass->text + word_start, i - word_start) &&
                             !is_opening_function_word (pass->text, pass->length, i, word_end) &&
                             !ends_sentences_as_name (pass->text + word_start, i - word_start);

          /* A second capital inside the word makes it camel case, a name
           * (HeForShe, SpaceShipOne), not two sentences. */
          if (has_inner_capital (pass->text, word_start + surname_prefix_length (pass->text, word_start, i), i))
            return 0;
          if (is_mixed_case_name (rules, pass->text, word_start, word_end) ||
              is_code_context (pass->text, pass->length, word_start, word_end))
            return 0;
          /* One capital letter alone ends a word only as "A" or "I", and
           * after a capitalised word only when that word is long enough
           * not to be an abbreviation's first part (BoA, GoA). */
          if (single_letter && (!(c == 'A' || c == 'I') || (!left_lowercase && i - word_start < 4)))
            return 0;
          if (!single_letter && !is_lower_letter (next))
            return 0;

          /* After a word a sentence does not end on, never (forEach); after
           * an identifier's head, not before "Of", which ends identifiers
           * (indexOf, valueOf, typeOf) and seldom opens a sentence. */
          /* A sentence may end on a preposition before an opening
           * function word or a sentence starter that is no quantifier,
           * though: "refuse to|As I heard", "agreed to|For Iran". */
          if (left_lowercase &&
              pith_word_list_lookup (rules->glue_left_words, pass->text + word_start, i - word_start, &kind) &&
              (g_strcmp0 (kind, "function") == 0 ||
               (word_end - i == 2 && memcmp (pass->text + i, "Of", 2) == 0)) &&
              !(g_strcmp0 (kind, "function") == 0 &&
                (is_opening_function_word (pass->text, pass->length, i, word_end) ||
                 opens_sentence_not_quantifying (rules, pass->text + i, word_end - i)) &&
                word_end + 1 < pass->length && pass->text[word_end] == ' '))
            {
              /* Identifiers go on with common words (isEmpty, toString);
               * a name after such a word is for the document to decide
               * (he is|Cayman, a beer with|Blanchett). */
              if (word_end - i >= 4 &&
                  is_name_tail (pass->text, i + size, word_end) &&
                  (!is_dictionary_word_folded (rules->words, pass->text + i, word_end - i) ||
                   ends_names (pass->text + i, word_end - i, FALSE)))
                {
                  *evidence = EVIDENCE_DOCUMENT;
                  return i;
                }
              return 0;
            }
          /* A starter that is a content word (Today, Officials) ends
           * brands too (IndiaToday): after a capitalised word it must
           * stand where sentences meet. */
          if ((!brand_suffix || left_lowercase) &&
              pith_word_list_lookup (rules->sentence_starters, pass->text + i, word_end - i, NULL) &&
              (left_lowercase || is_function_word (pass->text + i, word_end - i) ||
               stands_where_sentences_meet (pass, word_start, i, word_end)))
            {
              *evidence = EVIDENCE_STARTER;
              return i;
            }
          if (left_lowercase && !brand_suffix &&
              is_name_tail (pass->text, i + size, word_end) &&
              pith_sorted_words_contains (rules->words, pass->text + word_start, i - word_start) &&
              !is_dictionary_word_folded (rules->words, pass->text + word_start, word_end - word_start))
            {
              /* After an identifier's head, not before a dictionary word
               * (userName, indexOf). */
              if (pith_word_list_lookup (rules->glue_left_words, pass->text + word_start, i - word_start, NULL) &&
                  is_dictionary_word_folded (rules->words, pass->text + i, word_end - i))
                {
                  /* ... unless the word is a name news capitalises, which
                   * the document must use alone (he is|Cayman). */
                  if (!ends_names (pass->text + i, word_end - i, FALSE))
                    return 0;
                  *evidence = EVIDENCE_DOCUMENT;
                  return i;
                }
              *evidence = EVIDENCE_DICTIONARY;
              return i;
            }
          if (!left_lowercase && !brand_suffix && !single_letter && i - word_start >= 3 &&
              is_name_tail (pass->text, i + size, word_end) &&
              !is_dictionary_word_folded (rules->words, pass->text + word_start, word_end - word_start))
            {
              *evidence = EVIDENCE_DOCUMENT;
              return i;
            }
          return 0;
        }
      previous = c;
      i += size;
    }

  return 0;
}

/* Parts of candidates the document is asked about, at most: a news
 * article has a handful, hostile text would have one per word. */
#define MAX_WANTED_WORDS 4096

static inline gboolean
test_bit (const guint64 *bits,
          guint          bit)
{
  return (bits[bit / 64] & (G_GUINT64_CONSTANT (1) << (bit % 64))) != 0;
}

static inline void
set_bit (guint64 *bits,
         guint    bit)
{
  bits[bit / 64] |= G_GUINT64_CONSTANT (1) << (bit % 64);
}

static inline guint
long_word_bit (const guchar *word)
{
  guint32 bytes = ((guint32) word[0] << 16) | ((guint32) word[1] << 8) | word[2];

  return (bytes * 2654435761u) >> (32 - 17);
}

static inline guint
two_letters_bit (const guchar *word)
{
  return ((guint) word[0] << 8) | word[1];
}

/* Whether the word starting with an ASCII capital at @i may be wanted:
 * never wrong when it says no. A letter past ASCII may end the word or
 * not, so then each length it may have is asked. */
static inline gboolean
may_be_wanted (const Pass *pass,
               gsize       i)
{
  const guchar *word = (const guchar *) pass->text + i;
  gsize left = pass->length - i;
  const WantedFilter *wanted = pass->wanted;

  if (left < 2 || (word[1] < 0x80 && !g_ascii_isalpha (word[1])))
    return wanted->one_letter[word[0]];
  if (word[1] >= 0x80)
    return TRUE;
  if (left < 3 || (word[2] < 0x80 && !g_ascii_isalpha (word[2])))
    return test_bit (wanted->two_letters, two_letters_bit (word));
  if (word[2] >= 0x80 && test_bit (wanted->two_letters, two_letters_bit (word)))
    return TRUE;
  return test_bit (wanted->long_words, long_word_bit (word));
}

/* The values of pass->standalone: a part the document is asked about,
 * and one it was seen to use as a word of its own. */
#define STANDALONE_WANTED 1
#define STANDALONE_SEEN 2

static void
want_standalone (Pass       *pass,
                 const char *word,
                 gsize       length)
{
  guint64 hash = pith_word_hash (word, length);

  if (pass->wanted == NULL)
    pass->wanted = g_new0 (WantedFilter, 1);
  if (length == 0 || pass->standalone.n >= MAX_WANTED_WORDS ||
      pith_word_hashes_lookup (&pass->standalone, hash) != 0)
    return;
  pith_word_hashes_insert (&pass->standalone, hash, STANDALONE_WANTED);

  if (length == 1)
    pass->wanted->one_letter[(guchar) word[0]] = TRUE;
  else if (length == 2)
    set_bit (pass->wanted->two_letters, two_letters_bit ((const guchar *) word));
  else
    set_bit (pass->wanted->long_words, long_word_bit ((const guchar *) word));
}

/* Whether the document uses @word as a word of its own; FALSE for words
 * not wanted. */
static gboolean
stands_alone (const Pass *pass,
              const char *word,
              gsize       length)
{
  if (length >= PITH_WORD_LIST_MAX_WORD)
    return FALSE;
  return pith_word_hashes_lookup (&pass->standalone, pith_word_hash (word, length)) == STANDALONE_SEEN;
}

/* The ASCII capitals among the eight bytes of @chunk (read little-endian):
 * the high bit of each such byte set. Exact: a byte's low seven bits plus
 * a constant below 0x80 never carries into the next byte, and bytes past
 * ASCII are masked out. */
static inline guint64
ascii_capitals (guint64 chunk)
{
  const guint64 high = G_GUINT64_CONSTANT (0x8080808080808080);
  const guint64 low7 = chunk & ~high;
  const guint64 from_a = low7 + G_GUINT64_CONSTANT (0x3f3f3f3f3f3f3f3f);  /* 0x80 - 'A' */
  const guint64 past_z = low7 + G_GUINT64_CONSTANT (0x2525252525252525);  /* 0x80 - ('Z' + 1) */

  return from_a & ~past_z & ~chunk & high;
}

/* The first byte from @from that is an ASCII capital or past ASCII, or
 * @length: eight bytes at a time. */
static gsize
next_capital_or_non_ascii (const char *text,
                           gsize       from,
                           gsize       length)
{
  for (gsize base = from; base < length; base += 8)
    {
      guint64 chunk = 0;
      guint64 found;

      memcpy (&chunk, text + base, MIN (8, length - base));
      chunk = GUINT64_FROM_LE (chunk);
      found = ascii_capitals (chunk) | (chunk & G_GUINT64_CONSTANT (0x8080808080808080));
      if (found != 0)
        return MIN (base + (guint) __builtin_ctzll (found) / 8, length);
    }
  return length;
}

/* Notes which wanted words the document uses on their own: one look-up a
 * wanted capitalised word, in documents with such a candidate only. The
 * text is read eight bytes at a time, to its ASCII capitals: the words
 * wanted are the parts of ASCII candidates, and most bytes of a long
 * document are in lowercase. */
static void
count_standalone (Pass *pass)
{
  const char *text = pass->text;
  gsize skip_to = 0;        /* the end of the last word looked at */

  for (gsize base = 0; base < pass->length; base += 8)
    {
      guint64 chunk = 0;
      guint64 capitals;

      memcpy (&chunk, text + base, MIN (8, pass->length - base));
      capitals = ascii_capitals (GUINT64_FROM_LE (chunk));
      for (; capitals != 0; capitals &= capitals - 1)
        {
          gsize i = base + (guint) __builtin_ctzll (capitals) / 8;
          gsize end;

          /* A capital inside a word, or in one already looked at, does
           * not start one. */
          if (i < skip_to || (i > 0 && (g_ascii_isalpha (text[i - 1]) || (guchar) text[i - 1] >= 0x80)) ||
              !may_be_wanted (pass, i))
            continue;
          end = skip_to = letters_end (text, i, pass->length);
          /* A step of a dotted name (Console.WriteLine) is not alone. */
          if (end - i < PITH_WORD_LIST_MAX_WORD &&
              !(end + 1 < pass->length && text[end] == '.' && g_ascii_isalnum (text[end + 1])) &&
              !(i >= 2 && text[i - 1] == '.' && g_ascii_isalnum (text[i - 2])))
            {
              guint64 hash = pith_word_hash (text + i, end - i);

              if (pith_word_hashes_lookup (&pass->standalone, hash) == STANDALONE_WANTED)
                pith_word_hashes_insert (&pass->standalone, hash, STANDALONE_SEEN);
            }
        }
    }
}

static const char *document_confirms_split (const Pass *pass,
                                            gsize       word_start,
                                            gsize       split,
                                            gsize       word_end);

/* Once the whole document is counted: a glued word that occurs more than
 * once is a word of the document (a brand, a name), and a split that
 * needs the document's evidence holds only with it. */
static void
rule_on_candidates (Pass *pass)
{
  for (guint k = 0; k < pass->glue_candidates->len; k++)
    {
      GlueCandidate *candidate = &g_array_index (pass->glue_candidates, GlueCandidate, k);
      guint64 hash = pith_word_hash (pass->text + candidate->start, candidate->end - candidate->start);

      /* "saidThe" twice is glued twice: no lowercase word runs on into
       * "The" (but a name may: WeThe). */
      gboolean repeated = pith_word_hashes_lookup (&pass->glued_counts, hash) != 1 &&
                          !(is_lower_letter (g_utf8_get_char (pass->text + candidate->start)) &&
                            is_opening_function_word (pass->text, pass->length, candidate->split, candidate->end));

      /* The document's evidence, when the split needs it, replaces the
       * candidate's, for the audit to say what held. */
      if (!repeated && candidate->evidence == EVIDENCE_DOCUMENT)
        candidate->evidence = document_confirms_split (pass, candidate->start, candidate->split, candidate->end);
      if (repeated || candidate->evidence == NULL)
        candidate->split = 0;
    }
  pith_word_hashes_clear (&pass->glued_counts);
}

/* Where the word [@start, @end) is split, as the first pass ruled, or 0.
 * The main pass meets words in text order, so a cursor finds them. */
static gsize
glue_split_at (Pass        *pass,
               gsize        start,
               gsize        end,
               const char **evidence)
{
  GArray *candidates = pass->glue_candidates;

  if (candidates == NULL)
    return 0;
  while (pass->next_candidate < candidates->len &&
         g_array_index (candidates, GlueCandidate, pass->next_candidate).start < start)
    pass->next_candidate++;
  if (pass->next_candidate < candidates->len)
    {
      const GlueCandidate *candidate = &g_array_index (candidates, GlueCandidate, pass->next_candidate);

      if (candidate->start == start && candidate->end == end)
        {
          *evidence = candidate->evidence;
          return candidate->split;
        }
    }
  return 0;
}

/* Glued words that occur more than once are words of the document (a
 * brand, a name), not two sentences. Counted once, before the main pass,
 * with the words of their own that the candidates' parts need. */
static void
count_glued_candidates (Pass *pass)
{
  const char *text = pass->text;
  gsize i = 0;
  gsize size;
  const char *evidence;
  gboolean inner_capital;
  gboolean glued = pass->rules->kinds[PITH_CLEAN_GLUED];
  gboolean missing_space = pass->rules->kinds[PITH_CLEAN_MISSING_SPACE];

  if (pass->rules->sentence_starters == NULL || !(glued || missing_space))
    return;

  while (i < pass->length)
    {
      gunichar c;
      gsize end;
      gsize split;
      gsize next = next_capital_or_non_ascii (text, i, pass->length);

      /* A word of lowercase ASCII letters alone is no candidate: on to the
       * word of the next capital or character past ASCII. */
      if (next >= pass->length)
        break;
      while (next > i && g_ascii_isalpha (text[next - 1]))
        next--;
      i = next;
      c = char_at (text, i, pass->length, &size);
      if (!is_letter (c))
        {
          i += size;
          continue;
        }
      end = letters_end_noting_capitals (text, i, pass->length, &inner_capital);
      /* Capitalised words joined by a full stop (Thursday.Separately,
       * Math.Round): the document is asked about both. */
      if (missing_space && is_upper_letter (c) && end + 1 < pass->length && text[end] == '.' &&
          is_upper_letter (g_utf8_get_char (text + end + 1)))
        {
          want_standalone (pass, text + i, end - i);
          want_standalone (pass, text + end + 1, letters_end (text, end + 1, pass->length) - (end + 1));
        }
      split = glued && inner_capital ? glued_split (pass, i, end, &evidence) : 0;
      if (split > 0)
        {
          guint64 hash = pith_word_hash (text + i, end - i);
          GlueCandidate candidate = { i, split, end, evidence };

          if (pass->glue_candidates == NULL)
            pass->glue_candidates = g_array_new (FALSE, FALSE, sizeof (GlueCandidate));
          /* Once or more than once is all that is asked. */
          pith_word_hashes_insert (&pass->glued_counts, hash,
                                   MIN (pith_word_hashes_lookup (&pass->glued_counts, hash) + 1, 2));
          g_array_append_val (pass->glue_candidates, candidate);
          if (evidence == EVIDENCE_DOCUMENT)
            {
              want_standalone (pass, text + i, split - i);
              want_standalone (pass, text + split, end - split);
            }
        }
      i = end;
    }
  if (pass->wanted != NULL)
    count_standalone (pass);
  if (pass->glue_candidates != NULL)
    rule_on_candidates (pass);
}

/* Whether the word after the one that ends at @end opens with a capital
 * or a digit, as the rest of a name does (AmericanAirlines Arena,
 * RoboCop 3), where the rest of a sentence would not. */
static gboolean
next_word_continues_name (const char *text,
                          gsize       length,
                          gsize       end)
{
  if (end + 1 >= length || text[end] != ' ')
    return FALSE;
  return g_ascii_isdigit (text[end + 1]) || is_upper_letter (g_utf8_get_char (text + end + 1));
}

/* Whether the word that ends at @end is followed by more of its
 * sentence: a comma, or a space and a letter or a digit (with
 * @lowercase_only, not a capital). */
static gboolean
sentence_goes_on (const char *text,
                  gsize       length,
                  gsize       end,
                  gboolean    lowercase_only)
{
  /* Canada|Thursday's lawsuit */
  if (end + 2 < length && text[end] == '\'' && text[end + 1] == 's')
    end += 2;
  else if (end + 4 < length && memcmp (text + end, "\xe2\x80\x99s", 4) == 0)
    end += 4;
  if (end + 1 >= length)
    return FALSE;
  if (text[end] == ',')
    return text[end + 1] == ' ';
  if (text[end] != ' ')
    return FALSE;
  return lowercase_only ? g_ascii_islower (text[end + 1]) || g_ascii_isdigit (text[end + 1])
                        : g_ascii_isalnum (text[end + 1]);
}

/* How many capitalised words (Public, CNN, America's; not SpongeBob) run
 * into @start one space apart on its line, up to three: the start of a
 * name that the word at @start ends (Army Public|School). An "and" just
 * before @start joins the name only @through_and: it joins the parts of
 * an organisation's name, and two people's. */
static guint
capitalised_words_before (const char *text,
                          gsize       start,
                          gboolean    through_and)
{
  guint count = 0;
  gboolean linked = FALSE;
  gsize end = start;

  while (count < 3 && end >= 2 && text[end - 1] == ' ')
    {
      gsize letters = end - 1;
      gsize word;
      gboolean upper = TRUE;
      gboolean lower = TRUE;

      if (letters >= 2 && text[letters - 1] == 's' && text[letters - 2] == '\'')
        letters -= 2;
      else if (letters >= 4 && memcmp (text + letters - 4, "\xe2\x80\x99s", 4) == 0)
        letters -= 4;
      /* U.S. Attorney's|Office counts its U.S. */
      for (word = letters; word > 0 && (g_ascii_isalpha (text[word - 1]) ||
                                        (text[word - 1] == '.' && word >= 2 && g_ascii_isupper (text[word - 2])));
           word--)
        ;
      if (!linked && word > 0 && text[word - 1] == ' ' &&
          ((letters - word == 2 && memcmp (text + word, "of", 2) == 0) ||
           (letters - word == 3 && memcmp (text + word, "for", 3) == 0) ||
           (through_and && count == 0 && letters - word == 3 && memcmp (text + word, "and", 3) == 0)))
        {
          /* Institute of|Politics, Centers for|Disease Control, and with
           * @through_and, Control and|Prevention: once. */
          linked = TRUE;
          end = word;
          continue;
        }
      if (word == letters || !g_ascii_isupper (text[word]) ||
          (word > 0 && text[word - 1] != ' ' && text[word - 1] != '\n'))
        break;
      for (gsize k = word + 1; k < letters; k++)
        {
          upper = upper && (g_ascii_isupper (text[k]) || text[k] == '.');
          lower = lower && g_ascii_islower (text[k]);
        }
      if (!upper && !lower)
        break;
      count++;
      end = word;
    }
  return count;
}

/* Whether @word, capitalised, opens clauses rather than names things: a
 * function word (His, More), an adverb (Traditionally), a verb's -ing
 * form (Speaking) or a common sentence starter. */
static gboolean
opens_clause (const Pass *pass,
              const char *word,
              gsize       length)
{
  return is_function_word (word, length) || is_adverb_in_ly (word, length) ||
         (length >= 7 && memcmp (word + length - 3, "ing", 3) == 0) ||
         pith_word_list_lookup (pass->rules->sentence_starters, word, length, NULL);
}

/* Whether @word ends the names of publications (IndiaToday, ChinaDaily),
 * though sentences open with it too. */
static gboolean
ends_publication_names (const char *word,
                        gsize       length)
{
  static const char * const endings[] = { "Today", "Daily", "Weekly", "Monthly", "Tonight", NULL };

  return is_one_of (endings, word, length);
}

/* Whether the word before @start, one space away, is a given name
 * (Hannah Welton), so that the word at @start ends a person's name. */
static gboolean
given_name_before (const char *text,
                   gsize       start)
{
  gsize word = start - 1;

  while (word > 0 && g_ascii_isalpha (text[word - 1]))
    word--;
  return pith_glue_names_is_given_name (text + word, start - 1 - word);
}

/* Whether the word before @start is capitalised or a preposition (of
 * Kuta, Billoch Caride), as before a name that ends a sentence, and not
 * a determiner or an adjective, as before a product (the new TamuPhone). */
static gboolean
follows_name_or_preposition (const char *text,
                             gsize       start)
{
  static const char * const prepositions[] = {
    "of", "in", "at", "from", "to", "with", "for", "by", "on", "near", "against", "and", NULL,
  };
  gsize word;

  if (start < 2 || text[start - 1] != ' ')
    return FALSE;
  for (word = start - 1; word > 0 && g_ascii_isalpha (text[word - 1]); word--)
    ;
  if (word == start - 1)
    return FALSE;
  return g_ascii_isupper (text[word]) || is_one_of (prepositions, text + word, start - 1 - word);
}

/* What shows that a capitalised word glued to a capitalised one, [@start,
 * @left_end) and [@split, @end), ends one sentence and opens the next, or
 * NULL; the evidence is
 * the kinds of name the two are: a weekday or a month (announced
 * Tuesday|Among), a place before a name (in Missouri|Jason Hanna), a
 * name the document uses alone before a given name and the rest of a
 * name (Ferguson|Michael Brown), the end of an organisation's name
 * before a word that opens clauses or, after a longer name, one news
 * seldom capitalises (Army Public School|Government spokesman), or a
 * name news capitalises before a word that opens clauses (the
 * Atlantic|Theoretically). Brands built of two words are built of other
 * kinds (GeorgiaTech, SquarePants, PlayStation). The sentence must go
 * on after the word. */
static const char *
names_meet_sentence (const Pass *pass,
                     gsize       start,
                     gsize       left_end,
                     gsize       split,
                     gsize       end,
                     gboolean    left_alone,
                     gboolean    right_alone)
{
  const char *text = pass->text;
  const char *left = text + start;
  const char *right = text + split;
  gsize left_length = left_end - start;
  gsize right_length = end - split;
  gboolean full_stop_between = left_end < split;
  gboolean left_is_head;
  gboolean right_is_word = is_dictionary_word_folded (pass->rules->words, right, right_length);
  const char *left_kind = capitalised_inside_sentences (left, left_length);
  gboolean left_is_name = g_strcmp0 (left_kind, "always") == 0 || g_strcmp0 (left_kind, "mostly") == 0;
  guint names_before = capitalised_words_before (text, start, FALSE);
  const char *right_kind = capitalised_inside_sentences (right, right_length);
  gboolean right_opens = opens_clause (pass, right, right_length) ||
                         (right_is_word && opens_sentences_capitalised (right, right_length)) ||
                         (full_stop_between && right_is_word && right_kind == NULL);

  /* Any name before an adverb set off by a comma (Ghouta|Thankfully,). */
  if (is_adverb_in_ly (right, right_length) && end + 1 < pass->length && text[end] == ',' && text[end + 1] == ' ')
    return EVIDENCE_ADVERB;
  if (pith_glue_names_is_time_word (left, left_length))
    return sentence_goes_on (text, pass->length, end, FALSE) ? EVIDENCE_TIME : NULL;
  if (pith_glue_names_is_place (left, left_length) && !right_is_word && right_length >= 4)
    return sentence_goes_on (text, pass->length, end, FALSE) ? EVIDENCE_PLACE : NULL;
  if ((left_alone || names_before >= 2) && left_length >= 4 && right_length >= 4 && !right_is_word &&
      pith_glue_names_is_given_name (right, right_length) &&
      capitalised_word_follows (text, pass->length, end))
    return EVIDENCE_GIVEN_NAME;
  left_is_head = pith_glue_names_is_name_head (left, left_length);
  if (left_is_head && names_before == 0)
    names_before = capitalised_words_before (text, start, TRUE);
  if (left_is_head && names_before >= 1 &&
      !pith_glue_names_is_name_head (right, right_length) &&
      ((sentence_goes_on (text, pass->length, end, TRUE) &&
        (opens_clause (pass, right, right_length) ||
         ((names_before >= 2 || full_stop_between) && right_opens) ||
         ((g_strcmp0 (right_kind, "rarely") == 0 || (right_is_word && right_kind == NULL)) &&
          text[end] == ' ') ||
         (names_before >= 2 && !right_is_word && right_length >= 4))) ||
       /* Midwest Region|Notre Dame trailed: a name the document uses. */
       (right_alone && !right_is_word && right_length >= 4 &&
        sentence_goes_on (text, pass->length, end, FALSE))))
    return EVIDENCE_NAME_HEAD;
  /* The end of any longer name before a common sentence starter that
   * does not quantify, then the rest of a sentence (T.G. Shuck|Enough
   * snow). */
  if (names_before >= 1 && left_length >= 3 && opens_sentence_not_quantifying (pass->rules, right, right_length) &&
      !ends_publication_names (right, right_length) && sentence_goes_on (text, pass->length, end, TRUE))
    return EVIDENCE_NAME_STARTER;
  /* The end of a longer name news capitalises (New York|Grand juries). */
  if (left_is_name && names_before >= 1 && right_opens && sentence_goes_on (text, pass->length, end, TRUE))
    return EVIDENCE_NAME_OPENER;
  /* A name the document uses alone, not a word, and then the rest of its
   * sentence (Estadio Billoch Caride|Nadal was, the village of Kuta|Chan
   * was): a brand's second half is seldom a name used alone. */
  if (right_alone && !right_is_word && left_length >= 3 && sentence_goes_on (text, pass->length, end, TRUE) &&
      stands_where_sentences_meet (pass, start, split, end) && follows_name_or_preposition (text, start))
    return EVIDENCE_ALONE;
  /* A given name and a surname, then a given name and the rest of a name
   * (Dan Stevens|Audra McDonald). */
  if (names_before >= 1 && given_name_before (text, start) && !right_is_word &&
      pith_glue_names_is_given_name (right, right_length) &&
      capitalised_word_follows (text, pass->length, end))
    return EVIDENCE_GIVEN_NAME;
  /* A surname after a given name (Hannah Welton|Slated for March). */
  if (names_before >= 1 && given_name_before (text, start) && right_opens &&
      sentence_goes_on (text, pass->length, end, TRUE))
    return EVIDENCE_SURNAME;
  if (left_length >= 3 && (left_is_name || (names_before >= 1 && g_strcmp0 (left_kind, "mixed") == 0)) &&
      opens_clause (pass, right, right_length) && !ends_publication_names (right, right_length) &&
      sentence_goes_on (text, pass->length, end, FALSE))
    return EVIDENCE_NAME_OPENER;
  return NULL;
}

/* Whether the document bears out a split of a capitalised word before a
 * capitalised one. When the first part is a common word capitalised
 * (Energy|Solutions, Studios|Local), both parts must stand alone
 * elsewhere, for brands built of two words (SeaWorld, WordPress) are
 * common. Else the first part is a name. If it stands alone elsewhere,
 * the second must too or be a dictionary word (Duncan|Pham,
 * Minnesota|Separately); if it is only a name the dictionary has (Latvia,
 * Texas; not the Zoc of ZocDoc), the second must be a word news seldom
 * capitalises inside a sentence (Texas|Traditionally, but Exxon|Mobil,
 * American|Airlines stay). A capital or a number after the word keeps it
 * whole: a name goes on. */
static const char *
document_confirms_split (const Pass *pass,
                         gsize       word_start,
                         gsize       split,
                         gsize       word_end)
{
  const PithSortedWords *words = pass->rules->words;
  gboolean left_alone = stands_alone (pass, pass->text + word_start, split - word_start);
  gboolean right_alone = stands_alone (pass, pass->text + split, word_end - split);
  const char *by_kind;

  /* After a function word, a name the document uses alone. */
  if (is_lower_letter (g_utf8_get_char (pass->text + word_start)))
    return right_alone && sentence_goes_on (pass->text, pass->length, word_end, FALSE) ? EVIDENCE_ALONE : NULL;
  by_kind = names_meet_sentence (pass, word_start, split, split, word_end, left_alone, right_alone);
  if (by_kind != NULL)
    return by_kind;

  /* A word news seldom capitalises opens a sentence even when a name
   * follows it (Iran|Having Yemen), but not before a number: a product
   * goes on (InternetSecurity 2009). */
  if (!(word_end + 1 < pass->length && pass->text[word_end] == ' ' && g_ascii_isdigit (pass->text[word_end + 1])) &&
      is_name_then_opener (pass, word_start, split, split, word_end))
    return EVIDENCE_DOCUMENT;
  if (next_word_continues_name (pass->text, pass->length, word_end))
    return NULL;
  /* A name, then a word the document uses alone (Florida|Castro). */
  if (right_alone && ends_names (pass->text + word_start, split - word_start, FALSE) &&
      stands_where_sentences_meet (pass, word_start, split, word_end))
    return EVIDENCE_DOCUMENT;
  if (is_dictionary_word_folded (words, pass->text + word_start, split - word_start))
    return left_alone && right_alone ? EVIDENCE_DOCUMENT : NULL;
  if (left_alone)
    return right_alone || is_dictionary_word_folded (words, pass->text + split, word_end - split) ? EVIDENCE_DOCUMENT : NULL;
  if (is_dictionary_name (words, pass->text, word_start, split) &&
      opens_sentences_capitalised (pass->text + split, word_end - split) &&
      stands_where_sentences_meet (pass, word_start, split, word_end))
    return EVIDENCE_DOCUMENT;
  return NULL;
}

static gboolean
is_domain_word (const char *text,
                gsize       start,
                gsize       end)
{
  for (guint i = 0; domain_words[i] != NULL; i++)
    if (strlen (domain_words[i]) == end - start &&
        g_ascii_strncasecmp (text + start, domain_words[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* A closing quote or bracket, after which a full stop may end a
 * sentence ("done”.). */
static gboolean
is_closing_mark (gunichar c)
{
  return c == 0x201D || c == 0x2019 || c == '"' || c == ')' || c == 0x00BB;
}

/* How far back a straight quote looks for the quote before it. */
#define QUOTE_LOOKBACK 400

/* Whether the quote @c at @i, just after a full stop, closes a quotation:
 * a typographic closing quote does; a straight one does unless the
 * straight quote before it, close by in the line, closed a sentence
 * itself (it follows a full stop or a comma and not the word after it),
 * so that this one opens the next. Parity over a whole line would do no
 * better: one stray inch mark in a long paragraph would turn every quote
 * after it. */
static gboolean
is_closing_quote_at (const char *text,
                     gsize       line_start,
                     gsize       i,
                     gunichar    c)
{
  gsize stop = i > line_start + QUOTE_LOOKBACK ? i - QUOTE_LOOKBACK : line_start;

  if (c == 0x201D || c == 0x2019)
    return TRUE;
  if (c != '"')
    return FALSE;
  /* A quote before it that touches the next word (WTKR."That) opened a
   * quotation, though it follows a full stop. */
  for (gsize k = i; k > stop; k--)
    if (text[k - 1] == '"')
      return k - 1 == line_start || strchr (".!?,", text[k - 2]) == NULL || text[k - 2] == '\0' ||
             g_ascii_isalpha (text[k]);
  return TRUE;
}

/* Where the run of letters, digits and apostrophes that ends at @end
 * begins, not before @line_start. */
static gsize
word_start (const char *text,
            gsize       line_start,
            gsize       end)
{
  while (end > line_start)
    {
      const char *previous = g_utf8_find_prev_char (text + line_start, text + end);
      gunichar c = g_utf8_get_char (previous);

      if (!(is_letter (c) || g_unichar_isdigit (c) || c == '\'' || c == 0x2019))
        break;
      end = previous - text;
    }
  return end;
}

/* Whether the word that starts at @start, before a full stop, follows
 * another full stop with no space, as the steps of a dotted path do
 * (System.Windows.Forms, www.example.Com): not a sentence's end. */
static gboolean
is_dotted_path (const char *text,
                gsize       line_start,
                gsize       start)
{
  return start >= line_start + 2 && text[start - 1] == '.' && g_ascii_isalnum (text[start - 2]);
}

/* Whether [@start, @end) is an abbreviation that takes a full stop (St,
 * Sgt, Dr), after which any capitalised word may follow. */
static gboolean
is_abbreviation (const PithCleanRules *rules,
                 const char           *text,
                 gsize                 start,
                 gsize                 end)
{
  char folded[PITH_WORD_LIST_MAX_WORD];

  return fold_ascii (text + start, end - start, folded) &&
         pith_word_list_lookup (rules->abbreviations, folded, end - start, NULL);
}

/* Whether [@left_start, @full_stop) "." [@right_start, @right_end), two
 * capitalised words, is code rather than a sentence end that lost its
 * space. After a common word capitalised, only a common sentence
 * starter, a name such as McCauley, or words the document uses alone
 * (Monument.Descendants) follow a sentence end: Math.Round and
 * String.Format are code. After a name (France.Light) or an
 * abbreviation (St.Petersburg), any capitalised word may. */
static gboolean
is_code_pair (const Pass *pass,
              gsize       left_start,
              gsize       full_stop,
              gsize       right_start,
              gsize       right_end)
{
  const char *text = pass->text;

  return is_upper_letter (g_utf8_get_char (text + left_start)) &&
         !is_name_then_opener (pass, left_start, full_stop, right_start, right_end) &&
         !is_abbreviation (pass->rules, text, left_start, full_stop) &&
         is_dictionary_word_folded (pass->rules->words, text + left_start, full_stop - left_start) &&
         !stands_alone (pass, text + left_start, full_stop - left_start) &&
         !stands_alone (pass, text + right_start, right_end - right_start) &&
         !pith_word_list_lookup (pass->rules->sentence_starters, text + right_start, right_end - right_start, NULL) &&
         !(has_inner_capital (text, right_start, right_end) &&
           is_name_tail (text, g_utf8_next_char (text + right_start) - text, right_end)) &&
         /* Last, as the dearest: the names' own evidence. Both parts are
          * known not to stand alone by now. */
         names_meet_sentence (pass, left_start, full_stop, right_start, right_end, FALSE, FALSE) == NULL;
}

/* Whether the number that ends at @i names a release or a model rather
 * than ends a sentence: after "version", "release" or "v" ("Version
 * 2.Beta", "v2.Beta"), or written into a word (TF1, G7), unless a common
 * sentence starter or a word news seldom capitalises follows ("TF1.He",
 * "MH370.Investigators"). */
static gboolean
is_release_number (const Pass *pass,
                   const char *text,
                   gsize       line_start,
                   gsize       i,
                   gsize       next_start,
                   gsize       next_end)
{
  static const char * const release_words[] = { "version", "release", "v", NULL };
  gsize number_start = word_start (text, line_start, i);
  gsize previous_end;
  gsize previous_start;

  /* The whole of a decimal: "version 2.55". */
  while (number_start >= line_start + 2 && text[number_start - 1] == '.' && g_ascii_isdigit (text[number_start - 2]))
    number_start = word_start (text, line_start, number_start - 1);
  if (number_start < i && is_letter (g_utf8_get_char (text + number_start)))
    {
      /* A release's v: "v2.Beta" (but "V8.The engine"). */
      gboolean release = (text[number_start] == 'v' || text[number_start] == 'V') &&
                         g_ascii_isdigit (text[number_start + 1]);

      return !pith_word_list_lookup (pass->rules->sentence_starters, text + next_start,
                                     next_end - next_start, NULL) &&
             (release ||
              g_strcmp0 (capitalised_inside_sentences (text + next_start, next_end - next_start), "rarely") != 0);
    }
  if (number_start < line_start + 2 || text[number_start - 1] != ' ')
    return FALSE;
  previous_end = number_start - 1;
  previous_start = word_start (text, line_start, previous_end);
  for (guint k = 0; release_words[k] != NULL; k++)
    if (previous_end - previous_start == strlen (release_words[k]) &&
        g_ascii_strncasecmp (text + previous_start, release_words[k], previous_end - previous_start) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a decimal with two digits or more after its point ends at @i
 * ($7.25, 3.1415), not a version's steps (2.5, 1.2.3). */
static gboolean
is_decimal_before (const char *text,
                   gsize       line_start,
                   gsize       i)
{
  gsize fraction = i;
  gsize whole;

  while (fraction > line_start && g_ascii_isdigit (text[fraction - 1]))
    fraction--;
  if (i - fraction < 2 || fraction < line_start + 2 || text[fraction - 1] != '.' ||
      !g_ascii_isdigit (text[fraction - 2]))
    return FALSE;
  whole = fraction - 1;
  while (whole > line_start && g_ascii_isdigit (text[whole - 1]))
    whole--;
  return whole == line_start || (text[whole - 1] != '.' && !g_ascii_isalpha (text[whole - 1]));
}

/* Whether the full stop at @i ends "a.m." or "p.m." */
static gboolean
is_clock_time_before (const char *text,
                      gsize       line_start,
                      gsize       i)
{
  return i >= line_start + 3 && (text[i - 1] == 'm' || text[i - 1] == 'M') && text[i - 2] == '.' &&
         strchr ("aApP", text[i - 3]) != NULL && (i == line_start + 3 || !g_ascii_isalnum (text[i - 4]));
}

/* What the space after a full stop was restored by, for the audit. */
static const char *
missing_space_evidence (gunichar before1,
                        gunichar before2)
{
  if (g_ascii_isdigit (before1))
    return EVIDENCE_AFTER_NUMBER;
  if (is_closing_mark (before1))
    return EVIDENCE_AFTER_QUOTE;
  if (g_unichar_isdigit (before2))
    return EVIDENCE_AFTER_NUMBER;
  if (before2 == '\'' || before2 == 0x2019)
    return EVIDENCE_AFTER_APOSTROPHE;
  if (is_upper_letter (before2))
    return EVIDENCE_AFTER_CAPITAL;
  return NULL;
}

/* After a sentence-ending mark at @i: quote debris or a missing space.
 * Returns where the scan goes on. */
static gsize
repair_after_terminal (Pass  *pass,
                       gsize  start,
                       gsize  i,
                       gsize  end)
{
  const char *text = pass->text;
  gsize after = i + 1;
  gsize size;
  gunichar next;
  gunichar before1;
  gunichar before2;
  gsize left_start;
  gboolean clock_or_domain;
  gboolean dotted;

  if (after >= end)
    return after;
  next = char_at (text, after, end, &size);

  /* reached.“, – reported: an opening quote and a comma left from a
   * quotation. A closing quote and comma after ? or ! is punctuation
   * ("Help me?", he said), so only opening quotes count. */
  if ((next == 0x201C || next == 0x201E) &&
      after + size < end && text[after + size] == ',')
    {
      add_edit (pass, after, after + size + 1, "", PITH_CLEAN_QUOTE_DEBRIS);
      return after + size + 1;
    }

  /* Nearly every sentence end has its space: nothing to weigh. */
  if (!(is_upper_letter (next) || next == 0x201C || next == 0x201D || next == 0x2019 || next == '"'))
    return after;

  /* said.The and Stepanakert.“GORDON”: the space after the full stop went
   * missing. After a word that ends in two letters, or in a letter after
   * a digit or an apostrophe (St.Petersburg, 1980s.The, wouldn't.Why),
   * after a number that is not part of a word or a decimal (2015.The,
   * March 5.In), or
   * after a closing quote or bracket that follows a letter (“done”.The).
   * U.S.A, e.g.X and 3.5 stay, as do a domain's ending (Amazon.Com) and
   * a dotted path of code (System.Windows.Forms, Console.WriteLine). */
  {
    /* Two characters before the full stop, when the text has them. */
    const char *previous1 = g_utf8_find_prev_char (text, text + i);
    const char *previous2 = previous1 != NULL ? g_utf8_find_prev_char (text, previous1) : NULL;

    if (previous2 == NULL)
      return after;
    before1 = g_utf8_get_char (previous1);
    before2 = g_utf8_get_char (previous2);
  }
  clock_or_domain = is_clock_time_before (text, start, i);
  if (!((is_lower_letter (before1) &&
         (is_letter (before2) || g_unichar_isdigit (before2) || before2 == '\'' || before2 == 0x2019)) ||
        (g_ascii_isdigit (before1) && before2 != '.') ||
        (is_closing_mark (before1) && is_letter (before2)) || clock_or_domain))
    return after;
  left_start = word_start (text, start, i);
  dotted = is_dotted_path (text, start, left_start);
  clock_or_domain = clock_or_domain || (dotted && is_domain_word (text, left_start, i));
  /* After "p.m." or a domain's ending (example.com.The) only a common
   * sentence starter opens a sentence. */
  if (clock_or_domain &&
      !pith_word_list_lookup (pass->rules->sentence_starters, text + after, letters_end (text, after, end) - after, NULL))
    return after;
  if (dotted && !clock_or_domain && !is_decimal_before (text, start, i))
    return after;

  if (is_upper_letter (next))
    {
      gsize word_end = letters_end (text, after, end);
      gsize next_size;
      gunichar second = after + size < end ? char_at (text, after + size, end, &next_size) : 0;

      /* A capitalised word, or the one-letter words "A" and "I". */
      if ((is_lower_letter (second) || (second == ' ' && (next == 'A' || next == 'I'))) &&
          /* A domain's ending capitalised follows a name (Amazon.Com), not
           * a lowercase word (she tweeted.Us Weekly). */
          !(is_domain_word (text, after, word_end) && is_upper_letter (g_utf8_get_char (text + left_start))) &&
          !is_code_continuation (text, end, word_end) &&
          !is_code_pair (pass, left_start, i, after, word_end) &&
          !(g_ascii_isdigit (before1) && is_release_number (pass, text, start, i, after, word_end)))
        add_edit_with_evidence (pass, after, after, " ", PITH_CLEAN_MISSING_SPACE, missing_space_evidence (before1, before2));
    }
  else if (next == 0x201C && after + size < end &&
           is_upper_letter (char_at (text, after + size, end, &size)))
    add_edit (pass, after, after, " ", PITH_CLEAN_MISSING_SPACE);
  else if (is_closing_quote_at (text, start, after, next) && after + size < end &&
           is_upper_letter (g_utf8_get_char (text + after + size)) &&
           after + size + 1 < end && is_lower_letter (g_utf8_get_char (g_utf8_next_char (text + after + size))))
    /* said.”Okafor: the space after the quote that closed the sentence. */
    add_edit_with_evidence (pass, after + size, after + size, " ", PITH_CLEAN_MISSING_SPACE, EVIDENCE_AFTER_QUOTE);

  return after;
}

/* NFC changes text only around combining marks, Hangul jamo and a few
 * singletons; everything else is skipped without normalising. */
static gboolean
may_change_under_nfc (gunichar c)
{
  return g_unichar_ismark (c) ||
         (c >= 0x0340 && c <= 0x0344) || c == 0x0374 || c == 0x037E || c == 0x0387 ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0x1F71 && c <= 0x1FFD) ||
         c == 0x2000 || c == 0x2001 || c == 0x2126 || c == 0x212A || c == 0x212B ||
         c == 0x2329 || c == 0x232A || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

static gsize
normalize_run (Pass  *pass,
               gsize  i,
               gsize  end)
{
  const char *text = pass->text;
  gsize start = i;
  gsize size;
  gboolean suspicious = FALSE;
  g_autofree char *normalized = NULL;

  /* A combining mark after an ASCII letter composes with it: e + ◌́ = é. */
  if (g_unichar_ismark (g_utf8_get_char (text + i)) && i > 0 && (guchar) text[i - 1] < 0x80 &&
      g_ascii_isalpha (text[i - 1]) && last_edit_end (pass) <= i - 1)
    start = i - 1;

  while (i < end && (guchar) text[i] >= 0x80)
    {
      gunichar c = char_at (text, i, end, &size);

      if (is_blank (c) || is_droppable (c))
        break;
      suspicious |= may_change_under_nfc (c);
      i += size;
    }

  if (suspicious)
    {
      normalized = g_utf8_normalize (text + start, (gssize) (i - start), G_NORMALIZE_NFC);
      if (normalized != NULL && (strlen (normalized) != i - start ||
                                 memcmp (normalized, text + start, i - start) != 0))
        {
          add_edit (pass, start, i, normalized, PITH_CLEAN_UNICODE);
          g_ptr_array_add (pass->strings, g_steal_pointer (&normalized));
        }
    }

  return i;
}

/* Mojibake: UTF-8 read as Windows-1252 or Latin-1 ("â€™" for "’", "Ã©"
 * for "é"). Only a run of characters that all stand for bytes, and whose
 * bytes are valid UTF-8 with a multi-byte character, is replaced, and then
 * as often as it decodes again (text encoded twice). Correct text in any
 * script is never such a run: a Latin-1 letter standing alone, or followed
 * by letters, is not a valid UTF-8 sequence. */
/* E2 80 left without its last byte: a ” whose 0x9D, undefined in
 * Windows-1252, a reader lost. */
static gboolean
ends_with_lost_quote (GString *bytes)
{
  return bytes->len >= 2 && (guchar) bytes->str[bytes->len - 2] == 0xE2 &&
         (guchar) bytes->str[bytes->len - 1] == 0x80 &&
         (bytes->len < 3 || ((guchar) bytes->str[bytes->len - 3] & 0xC0) != 0xC0);
}

static gboolean
mojibake_decode (const char  *run,
                 gsize        length,
                 char       **decoded)
{
  GString *bytes = g_string_sized_new (length);
  gboolean multibyte = FALSE;
  const char *p;

  for (p = run; p < run + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int byte = c < 0x80 ? (int) c : pith_decode_windows_1252_byte (c);

      /* U+FFFD where a reader lost 0x9D, the last byte of ” (E2 80 9D). */
      if (c == 0xFFFD && ends_with_lost_quote (bytes))
        byte = 0x9D;
      if (byte < 0)
        {
          g_string_free (bytes, TRUE);
          return FALSE;
        }
      /* Or the reader dropped 0x9D without a trace. */
      if ((byte < 0x80 || byte > 0xBF) && ends_with_lost_quote (bytes))
        g_string_append_c (bytes, (char) 0x9D);
      multibyte |= byte >= 0x80;
      g_string_append_c (bytes, (char) byte);
    }

  if (ends_with_lost_quote (bytes))
    g_string_append_c (bytes, (char) 0x9D);
  if (!multibyte || !g_utf8_validate_len (bytes->str, bytes->len, NULL))
    {
      g_string_free (bytes, TRUE);
      return FALSE;
    }
  /* Decoded text of C1 controls is no more plausible than the input. */
  for (p = bytes->str; p < bytes->str + bytes->len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if ((c >= 0x80 && c < 0xA0) || c == 0)
        {
          g_string_free (bytes, TRUE);
          return FALSE;
        }
    }

  *decoded = g_string_free (bytes, FALSE);
  return TRUE;
}

/* The end of the mojibake sequence starting at @i (a lead byte followed by
 * its continuation bytes, as characters), or @i. */
static gsize
mojibake_sequence_end (const char *text,
                       gsize       i,
                       gsize       end)
{
  gsize size;
  int lead = pith_decode_windows_1252_byte (pith_utf8_char_at (text, i, end, &size));
  int needed = lead >= 0xC2 && lead <= 0xDF ? 1 : lead >= 0xE0 && lead <= 0xEF ? 2 :
               lead >= 0xF0 && lead <= 0xF4 ? 3 : 0;
  int second = -1;
  gsize j = i + size;

  if (needed == 0)
    return i;
  for (int k = 0; k < needed; k++)
    {
      gunichar c = pith_utf8_char_at (text, j, end, &size);
      int byte = pith_decode_windows_1252_byte (c);

      if (c == 0xFFFD && k == needed - 1 && lead == 0xE2)
        byte = 0x9D;
      if (size == 0 || byte < 0x80 || byte > 0xBF)
        {
          /* "â€" alone: ” that lost its last byte. */
          if (k == 1 && lead == 0xE2 && second == 0x80)
            return j;
          return i;
        }
      if (k == 0)
        second = byte;
      j += size;
    }
  return j;
}

/* Repairs the mojibake starting at @i, if any; returns where to go on. */
static gsize
repair_mojibake (Pass  *pass,
                 gsize  i,
                 gsize  end)
{
  g_autofree char *decoded = NULL;
  gsize run_end = i;
  gsize next;

  /* Consecutive sequences form one run, so that text encoded twice
   * ("ÃƒÂ©") decodes as a whole. */
  while ((next = mojibake_sequence_end (pass->text, run_end, end)) > run_end)
    run_end = next;
  if (run_end == i || !mojibake_decode (pass->text + i, run_end - i, &decoded))
    return i;

  for (guint round = 0; round < 3; round++)
    {
      char *again = NULL;
      gsize k = 0;
      gsize length = strlen (decoded);

      while (mojibake_sequence_end (decoded, k, length) > k)
        k = mojibake_sequence_end (decoded, k, length);
      if (k != length || !mojibake_decode (decoded, length, &again))
        break;
      g_free (decoded);
      decoded = again;
    }

  add_edit (pass, i, run_end, decoded, PITH_CLEAN_MOJIBAKE);
  g_ptr_array_add (pass->strings, g_steal_pointer (&decoded));
  return run_end;
}

static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x201E ||
         c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x00AB || c == 0x00BB;
}

/* Rewrites the quote at @i by the quote style; returns where to go on. */
static gsize
restyle_quote (Pass     *pass,
               gsize     start,
               gsize     i,
               gsize     end,
               gunichar  c,
               gsize     size)
{
  const char *replacement = NULL;

  if (pass->rules->quote_style == PITH_QUOTE_STYLE_STRAIGHTEN)
    {
      if (c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB)
        replacement = "\"";
      else if (c == 0x2018 || c == 0x2019 || c == 0x201A)
        replacement = "'";
    }
  else if (pass->rules->quote_style == PITH_QUOTE_STYLE_TYPOGRAPHIC && (c == '"' || c == '\''))
    {
      /* Opening after a space, a bracket or a dash, or at the line's start. */
      gunichar before = i > start ? g_utf8_get_char (g_utf8_find_prev_char (pass->text, pass->text + i)) : ' ';
      gboolean opening = g_unichar_isspace (before) || before == '(' || before == '[' ||
                         before == 0x2014 || before == 0x2013 || before == '-';

      if (c == '"')
        replacement = opening ? "“" : "”";
      else
        replacement = opening && i + 1 < end && g_ascii_isalnum (pass->text[i + 1]) ? "‘" : "’";
    }

  if (replacement != NULL)
    add_edit (pass, i, i + size, replacement, PITH_CLEAN_QUOTES);
  return i + size;
}

/* The length of the user's inline pattern at @i, or 0. */
static gsize
match_inline_pattern (const PithCleanRules *rules,
                      const char           *text,
                      gsize                 i,
                      gsize                 end)
{
  for (guint p = 0; p < rules->inline_patterns->len; p++)
    {
      const char *pattern = g_ptr_array_index (rules->inline_patterns, p);
      gsize n = strlen (pattern);

      if (n > 0 && end - i >= n && memcmp (text + i, pattern, n) == 0)
        return n;
    }
  return 0;
}

/* Letters are ASCII, or checked for NFC run by run. */
static gsize
normalize_letters (Pass  *pass,
                   gsize  i,
                   gsize  end)
{
  while (i < end)
    {
      if ((guchar) pass->text[i] >= 0x80 && pass->rules->kinds[PITH_CLEAN_UNICODE])
        i = normalize_run (pass, i, end);
      else
        i++;
    }
  return i;
}

static void
clean_line (Pass  *pass,
            gsize  start,
            gsize  end)
{
  const char *text = pass->text;
  gsize i = start;
  gsize size;

  while (i < end)
    {
      gunichar c = char_at (text, i, end, &size);

      if (pass->rules->quote_style != PITH_QUOTE_STYLE_KEEP && is_quote (c))
        {
          i = restyle_quote (pass, start, i, end, c, size);
          continue;
        }

      if (pass->rules->inline_patterns != NULL && pass->rules->inline_first_bytes[(guchar) text[i]])
        {
          gsize matched = match_inline_pattern (pass->rules, text, i, end);

          if (matched > 0)
            {
              gsize stop = i + matched;

              while (stop < end && is_blank (char_at (text, stop, end, &size)))
                stop += size;
              add_edit (pass, i, stop, "", PITH_CLEAN_MARKER);
              i = stop;
              continue;
            }
        }

      if (c == '[' || c == '{')
        {
          gsize marker = match_marker (text, i, end);

          if (marker > 0 && pass->rules->kinds[PITH_CLEAN_MARKER])
            {
              gsize stop = i + marker;

              while (stop < end && is_blank (char_at (text, stop, end, &size)))
                stop += size;
              add_edit (pass, i, stop, "", PITH_CLEAN_MARKER);
              i = stop;
              continue;
            }
          i += size;
        }
      else if (is_blank (c))
        {
          gsize stop = i;

          /* Invisible characters inside a run of blanks go with it. */
          while (stop < end)
            {
              gunichar blank = char_at (text, stop, end, &size);
              if (!is_blank (blank) && !is_droppable (blank))
                break;
              stop += size;
            }
          /* A marker after the blanks takes them with it. */
          if (stop < end && pass->rules->kinds[PITH_CLEAN_MARKER] &&
              match_marker (text, stop, end) > 0)
            {
              gsize marker_end = stop + match_marker (text, stop, end);

              add_edit (pass, i, marker_end, "", PITH_CLEAN_MARKER);
              i = marker_end;
              continue;
            }
          if (stop - i != 1 || text[i] != ' ')
            add_edit (pass, i, stop, " ", PITH_CLEAN_WHITESPACE);
          i = stop;
        }
      else if (is_droppable (c))
        {
          add_edit (pass, i, i + size, "", PITH_CLEAN_CHARACTER);
          i += size;
        }
      else if (c == '.' || c == '!' || c == '?')
        i = repair_after_terminal (pass, start, i, end);
      else if (is_letter (c))
        {
          gsize word_end = i;
          const char *evidence = NULL;
          gboolean ascii;
          gsize split;

          /* ASCII words, nearly all of news, have nothing to normalise:
           * one scan finds their end and they are passed over whole. */
          while (word_end < end && g_ascii_isalpha (text[word_end]))
            word_end++;
          ascii = !(word_end < end && (guchar) text[word_end] >= 0x80);
          if (!ascii)
            word_end = letters_end (text, word_end, end);
          split = glue_split_at (pass, i, word_end, &evidence);
          if (ascii && split == 0)
            {
              i = word_end;
              continue;
            }

          /* Edits stay in text order: the letters before the split, the
           * split, the letters after it. */
          i = normalize_letters (pass, i, split > 0 ? split : word_end);
          if (split > 0)
            {
              add_edit_with_evidence (pass, split, split, ". ", PITH_CLEAN_GLUED, evidence);
              i = normalize_letters (pass, split, word_end);
            }
        }
      else if (c >= 0x80 && pass->rules->kinds[PITH_CLEAN_UNICODE])
        i = MAX (normalize_run (pass, i, end), i + size);
      else
        i += size;
    }
}

/* Line-break hyphenation: "govern-" at a line's end, "ment" at the next
 * line's start. Whether the line ends so, and where its last word starts. */
static gboolean
ends_hyphenated (const char *text,
                 gsize       line_start,
                 gsize       content_end,
                 gsize      *word_start)
{
  gsize i;

  if (content_end < line_start + 3 || text[content_end - 1] != '-' ||
      !g_ascii_isalpha (text[content_end - 2]))
    return FALSE;
  i = content_end - 1;
  while (i > line_start && g_ascii_isalpha (text[i - 1]))
    i--;
  *word_start = i;
  return TRUE;
}

/* The end of the lowercase word starting at @i, or @i. */
static gsize
lowercase_word_end (const char *text,
                    gsize       i,
                    gsize       length)
{
  gsize end = i;

  while (end < length && g_ascii_islower (text[end]))
    end++;
  return end < length && g_ascii_isalpha (text[end]) ? i : end;
}

static char *
joined_form (const char *text,
             gsize       first_start,
             gsize       first_end,
             gsize       second_start,
             gsize       second_end,
             gboolean    with_hyphen)
{
  return g_strdup_printf ("%.*s%s%.*s", (int) (first_end - first_start), text + first_start,
                          with_hyphen ? "-" : "", (int) (second_end - second_start),
                          text + second_start);
}

/* One more occurrence of @word, when it is a candidate. The key is stolen
 * and put back, so counting allocates nothing. */
static void
count_candidate (GHashTable *vocabulary,
                 const char *word)
{
  gpointer key;
  gpointer count;

  if (g_hash_table_steal_extended (vocabulary, word, &key, &count))
    g_hash_table_insert (vocabulary, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
}

/* Counts, in the whole text, the words that hyphenation would make, so that
 * a line break is joined only into a word the document itself uses. */
static void
count_hyphenation_candidates (Pass *pass)
{
  const char *text = pass->text;
  gsize pos = 0;
  g_autoptr(GString) word = NULL;

  if (!pass->rules->kinds[PITH_CLEAN_HYPHENATION])
    return;

  while (pos < pass->length)
    {
      const char *newline = memchr (text + pos, '\n', pass->length - pos);
      gsize line_end = newline != NULL ? (gsize) (newline - text) : pass->length;
      gsize content_end = line_end;
      gsize first;

      while (content_end > pos && (text[content_end - 1] == ' ' || text[content_end - 1] == '\r'))
        content_end--;
      if (ends_hyphenated (text, pos, content_end, &first))
        {
          gsize next = line_end + 1;
          gsize second_end;

          while (next < pass->length && text[next] == ' ')
            next++;
          second_end = lowercase_word_end (text, next, pass->length);
          if (second_end > next)
            {
              if (pass->vocabulary == NULL)
                pass->vocabulary = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
              g_hash_table_insert (pass->vocabulary,
                                   joined_form (text, first, content_end - 1, next, second_end, FALSE),
                                   GUINT_TO_POINTER (0));
              g_hash_table_insert (pass->vocabulary,
                                   joined_form (text, first, content_end - 1, next, second_end, TRUE),
                                   GUINT_TO_POINTER (0));
            }
        }
      pos = line_end + 1;
    }

  if (pass->vocabulary == NULL)
    return;

  /* Words, hyphenated ones whole, counted where they are candidates. */
  word = g_string_sized_new (64);
  for (gsize i = 0; i < pass->length;)
    {
      gsize j = i;

      if (!g_ascii_isalpha (text[i]))
        {
          i++;
          continue;
        }
      while (j < pass->length && (g_ascii_isalpha (text[j]) ||
                                  (text[j] == '-' && j + 1 < pass->length && g_ascii_isalpha (text[j + 1]))))
        j++;
      g_string_truncate (word, 0);
      g_string_append_len (word, text + i, (gssize) (j - i));
      count_candidate (pass->vocabulary, word->str);
      /* The parts of a hyphenated word are words of the document too. */
      if (memchr (word->str, '-', word->len) != NULL)
        {
          char *part = word->str;
          char *hyphen;

          while ((hyphen = strchr (part, '-')) != NULL)
            {
              *hyphen = '\0';
              count_candidate (pass->vocabulary, part);
              part = hyphen + 1;
            }
          count_candidate (pass->vocabulary, part);
        }
      i = j;
    }
}

/* The gap between a line ending in "govern-" and one starting "ment":
 * joined into "government" when the document uses that word, into
 * "govern-ment" when it uses that, else left a line break (NULL). */
static const char *
hyphenation_join (Pass  *pass,
                  gsize  previous_line_start,
                  gsize  previous_content_end,
                  gsize  content_start,
                  gsize *edit_start)
{
  const char *text = pass->text;
  gsize first;
  gsize second_end;

  /* Most lines end in no hyphen: they are told apart before anything is
   * built. */
  if (pass->vocabulary == NULL ||
      !ends_hyphenated (text, previous_line_start, previous_content_end, &first))
    return NULL;
  second_end = lowercase_word_end (text, content_start, pass->length);
  if (second_end == content_start)
    return NULL;

  {
    g_autofree char *joined = joined_form (text, first, previous_content_end - 1, content_start, second_end,
                                           FALSE);
    g_autofree char *hyphenated = joined_form (text, first, previous_content_end - 1, content_start,
                                               second_end, TRUE);

    if (GPOINTER_TO_UINT (g_hash_table_lookup (pass->vocabulary, joined)) > 0)
      {
        *edit_start = previous_content_end - 1;
        return "";
      }
    if (GPOINTER_TO_UINT (g_hash_table_lookup (pass->vocabulary, hyphenated)) > 0)
      {
        *edit_start = previous_content_end;
        return "";
      }
  }
  return NULL;
}

/* " […]" or " [...]" ending a line: where it starts, or @end. */
static gsize
truncation_start (const char *text,
                  gsize       start,
                  gsize       end)
{
  static const char * const marks[] = { "[\xe2\x80\xa6]", "[...]", NULL };

  for (guint m = 0; marks[m] != NULL; m++)
    {
      gsize n = strlen (marks[m]);

      if (end - start > n && memcmp (text + end - n, marks[m], n) == 0)
        {
          gsize i = end - n;
          while (i > start && text[i - 1] == ' ')
            i--;
          return i;
        }
    }
  return end;
}

/* Where the line that starts at @start ends: at the next CR or LF, or at
 * @length. A long line is read by memchr(), many bytes at a time (a CR is
 * rare); its first bytes one by one, since most lines of some texts are
 * shorter than a call costs. */
#define SHORT_LINE 16

static gsize
line_end_at (const char *text,
             gsize       start,
             gsize       length)
{
  gsize short_end = MIN (start + SHORT_LINE, length);
  const char *newline;
  const char *carriage_return;
  gsize end;

  for (gsize i = start; i < short_end; i++)
    if (text[i] == '\n' || text[i] == '\r')
      return i;
  if (short_end == length)
    return length;
  start = short_end;
  newline = memchr (text + start, '\n', length - start);
  end = newline != NULL ? (gsize) (newline - text) : length;
  carriage_return = memchr (text + start, '\r', end - start);

  return carriage_return != NULL ? (gsize) (carriage_return - text) : end;
}

void
pith_clean_find_edits (const char           *text,
                       gsize                 length,
                       const PithCleanRules *rules,
                       GArray               *edits,
                       GPtrArray            *strings)
{
  Pass pass = { .text = text, .length = length, .rules = rules, .edits = edits, .strings = strings };
  gsize pos = 0;
  gsize gap_start = 0;
  gsize previous_line_start = 0;
  gsize first_line_start = 0;
  gsize first_line_end = 0;
  guint kept_lines = 0;
  gboolean paragraph_break = FALSE;
  PithCleanKind gap_kind = PITH_CLEAN_WHITESPACE;

  count_glued_candidates (&pass);
  count_hyphenation_candidates (&pass);

  while (pos < length)
    {
      gsize line_end = pos;
      gsize next;
      gsize content_start;
      gsize content_end;
      gboolean user_pattern = FALSE;

      line_end = line_end_at (text, pos, length);
      next = line_end;
      if (next < length && text[next] == '\r')
        next++;
      if (next < length && text[next] == '\n')
        next++;

      trim (text, pos, line_end, &content_start, &content_end);

      if (content_start == content_end)
        paragraph_break = TRUE;
      else if (rules->kinds[PITH_CLEAN_MARKER] && is_marker_line (text, content_start, content_end))
        gap_kind = PITH_CLEAN_MARKER;
      else if ((rules->kinds[PITH_CLEAN_BOILERPLATE] || rules->user_patterns != NULL) &&
               is_boilerplate_line (rules, text, content_start, content_end, &user_pattern) &&
               (user_pattern || rules->kinds[PITH_CLEAN_BOILERPLATE]))
        {
          if (gap_kind == PITH_CLEAN_WHITESPACE)
            gap_kind = user_pattern ? PITH_CLEAN_MARKER : PITH_CLEAN_BOILERPLATE;
        }
      else if (kept_lines == 1 && paragraph_break && rules->kinds[PITH_CLEAN_REPEATED_TITLE] &&
               content_end - content_start == first_line_end - first_line_start &&
               memcmp (text + content_start, text + first_line_start,
                       content_end - content_start) == 0)
        {
          /* The headline again as the body's first line. */
          gap_kind = PITH_CLEAN_REPEATED_TITLE;
          kept_lines++;
        }
      else
        {
          /* A kept line: the gap before it becomes one separator. */
          const char *separator = kept_lines == 0 ? "" : paragraph_break ? "\n\n" : "\n";
          const char *join = NULL;
          gsize edit_start = gap_start;
          gsize text_end = content_end;
          PithCleanKind kind = gap_kind;

          if (kept_lines > 0 && !paragraph_break && kind == PITH_CLEAN_WHITESPACE)
            join = hyphenation_join (&pass, previous_line_start, gap_start, content_start, &edit_start);
          if (join != NULL)
            {
              separator = join;
              kind = PITH_CLEAN_HYPHENATION;
            }

          if (content_start - edit_start != strlen (separator) ||
              memcmp (text + edit_start, separator, strlen (separator)) != 0)
            {
              /* Removed lines count even when whitespace editing is off. */
              if (!rules->kinds[kind])
                kind = PITH_CLEAN_WHITESPACE;
              add_edit (&pass, edit_start, content_start, separator, kind);
            }

          if (rules->kinds[PITH_CLEAN_TRUNCATION])
            text_end = truncation_start (text, content_start, content_end);
          clean_line (&pass, content_start, text_end);
          if (text_end < content_end)
            add_edit (&pass, text_end, content_end, "", PITH_CLEAN_TRUNCATION);

          if (kept_lines == 0)
            {
              first_line_start = content_start;
              first_line_end = content_end;
            }
          kept_lines++;
          paragraph_break = FALSE;
          gap_kind = PITH_CLEAN_WHITESPACE;
          gap_start = content_end;
          previous_line_start = content_start;
        }

      pos = next;
    }

  if (gap_start < length)
    add_edit (&pass, gap_start, length, "", gap_kind);

  g_clear_pointer (&pass.glue_candidates, g_array_unref);
  pith_word_hashes_clear (&pass.standalone);
  pith_word_hashes_clear (&pass.glued_counts);
  g_clear_pointer (&pass.wanted, g_free);
  g_clear_pointer (&pass.vocabulary, g_hash_table_unref);
}

/* Mojibake is repaired in a pass of its own, before the text pass, so that
 * what it decodes (a zero-width space, say) is cleaned like any text. Its
 * characters are all U+00C2 or above, so only bytes 0xC3 and up start
 * one: ASCII text is skipped eight bytes at a time. */
void
pith_clean_find_mojibake (const char           *text,
                          gsize                 length,
                          const PithCleanRules *rules,
                          GArray               *edits,
                          GPtrArray            *strings)
{
  Pass pass = { .text = text, .length = length, .rules = rules, .edits = edits, .strings = strings };
  gsize i = 0;

  if (!rules->kinds[PITH_CLEAN_MOJIBAKE])
    return;

  while (i < length)
    {
      gsize size;
      gunichar c;
      gsize repaired;

      if ((guchar) text[i] < 0xC3)
        {
          guint64 chunk;

          if (i + 8 <= length &&
              (memcpy (&chunk, text + i, 8), (chunk & G_GUINT64_CONSTANT (0x8080808080808080)) == 0))
            i += 8;
          else
            i++;
          continue;
        }
      c = char_at (text, i, length, &size);
      repaired = c >= 0xC2 && c < 0xF5 ? repair_mojibake (&pass, i, length) : i;
      i = repaired > i ? repaired : i + size;
    }
}
