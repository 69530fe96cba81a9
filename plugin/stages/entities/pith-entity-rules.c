/* pith-entity-rules.c: dates, times, money, quantities by rule
 *
 * The numeric and temporal entities of OntoNotes, found by patterns over a
 * sentence's tokens with the word lists of entities/rules-en.txt:
 *
 *   DATE      November 7, Nov. 8, 2020, 7 November, on Monday, in 1991,
 *             the 1990s, last week, two years ago, 10.10.2020, yesterday
 *   TIME      12 noon, 10:30 a.m., 6 p.m., midnight, tonight
 *   MONEY     $4.2 billion, €30m, 30 thousand dollars, 120 €
 *   PERCENT   10%, 3.5 percent, 4 per cent
 *   QUANTITY  11 kilometers, 5 tonnes, 300 square meters
 *   ORDINAL   first, 2nd, twentieth
 *   CARDINAL  any other number: 30 thousand, three, 4,200
 *
 * Each pattern is tried at each token, longest first; the scan never looks
 * back, so it is linear in the sentence.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-entity-rules-private.h"
#include "pith-utf8-private.h"
#include "pith-word-list-private.h"

typedef struct
{
  const char * const *words;
  guint n;
  const char * const *known; /* each word's kind, when the caller knows them */
  const char **kinds;       /* else each word's kind, looked up once */
  guint8 *looked_up;
} Rules;

/* The word's kind in the rules list: lowercase, a final full stop dropped
 * ("Nov." is "nov"), or NULL. */
const char *
pith_entity_rules_kind_of (const char *word)
{
  static const PithWordList *rules_list;
  char lower[PITH_WORD_LIST_MAX_WORD];
  const char *found = NULL;
  gsize n = strlen (word);

  if (n >= sizeof lower)
    return NULL;
  for (gsize k = 0; k < n; k++)
    lower[k] = pith_ascii_tolower (word[k]);
  if (n > 1 && lower[n - 1] == '.' && strcmp (word, "a.m.") != 0 && strcmp (word, "p.m.") != 0)
    n--;
  lower[n] = '\0';
  if (!pith_word_list_lookup (pith_word_list_get_once (&rules_list, "entities/rules-en.txt"), lower, n, &found))
    return NULL;
  return found;
}

/* The rules ask a word's kind several times; it is looked up once. */
static const char *
kind (const Rules *rules,
      guint        i)
{
  if (i >= rules->n)
    return NULL;
  if (rules->known != NULL)
    return rules->known[i];
  if (!rules->looked_up[i])
    {
      rules->kinds[i] = pith_entity_rules_kind_of (rules->words[i]);
      rules->looked_up[i] = TRUE;
    }
  return rules->kinds[i];
}

static gboolean
is (const Rules *rules,
    guint        i,
    const char  *wanted)
{
  return g_strcmp0 (kind (rules, i), wanted) == 0;
}

static gboolean
word_is (const Rules *rules,
         guint        i,
         const char  *wanted)
{
  return i < rules->n && g_ascii_strcasecmp (rules->words[i], wanted) == 0;
}

/* Digits with separators: 4,200, 3.5, 10.30 */
static gboolean
is_digits (const char *word)
{
  gboolean digit = FALSE;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (!((*p == ',' || *p == '.') && p != word && g_ascii_isdigit (p[1])))
        return FALSE;
    }
  return digit;
}

static gboolean
is_year (const char *word)
{
  return strlen (word) == 4 && is_digits (word) && (word[0] == '1' || word[0] == '2') &&
         (strncmp (word, "18", 2) >= 0 && strncmp (word, "21", 2) < 0);
}

/* 1990s */
static gboolean
is_decade (const char *word)
{
  char year[5];

  if (strlen (word) != 5 || word[4] != 's' || word[3] != '0')
    return FALSE;
  memcpy (year, word, 4);
  year[4] = '\0';
  return is_year (year);
}

static gboolean
is_day (const char *word)
{
  gsize n;
  gint64 value;

  if (!g_ascii_isdigit (word[0]))
    return FALSE;
  n = strlen (word);
  if (n >= 3 && (g_str_has_suffix (word, "st") || g_str_has_suffix (word, "nd") ||
                 g_str_has_suffix (word, "rd") || g_str_has_suffix (word, "th")))
    n -= 2;
  if (n == 0 || n > 2)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (!g_ascii_isdigit (word[k]))
      return FALSE;
  value = g_ascii_strtoll (word, NULL, 10);
  return value >= 1 && value <= 31;
}

/* 10.10.2020, 2020-11-08, 10/11/2020 */
static gboolean
is_numeric_date (const char *word)
{
  guint parts = 1;
  guint digits = 0;

  for (const char *p = word; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if ((*p == '.' || *p == '-' || *p == '/') && p != word && g_ascii_isdigit (p[1]))
        parts++;
      else
        return FALSE;
    }
  return parts == 3 && digits >= 6;
}

/* 2:30, 10:30 */
static gboolean
is_clock (const char *word)
{
  const char *colon = strchr (word, ':');

  return colon != NULL && colon > word && colon - word <= 2 && strlen (colon + 1) == 2 &&
         g_ascii_isdigit (colon[1]) && g_ascii_isdigit (colon[2]) && g_ascii_isdigit (word[0]);
}

/* 1st, 22nd, 3rd, 4th */
static gboolean
is_ordinal_digits (const char *word)
{
  gsize n = strlen (word);

  if (n < 3 || !g_ascii_isdigit (word[0]))
    return FALSE;
  for (gsize k = 0; k < n - 2; k++)
    if (!g_ascii_isdigit (word[k]))
      return FALSE;
  return g_str_has_suffix (word, "st") || g_str_has_suffix (word, "nd") ||
         g_str_has_suffix (word, "rd") || g_str_has_suffix (word, "th");
}

/* 30m, 4.2bn, 10k */
static gboolean
is_number_with_magnitude (const char *word)
{
  const char *p = word;

  while (g_ascii_isdigit (*p) || ((*p == '.' || *p == ',') && g_ascii_isdigit (p[1]) && p != word))
    p++;
  return p != word && (strcmp (p, "m") == 0 || strcmp (p, "bn") == 0 || strcmp (p, "k") == 0 ||
                       strcmp (p, "million") == 0 || strcmp (p, "billion") == 0);
}

/* A number at @i: digits or number words, then magnitudes ("30 thousand",
 * "two hundred million"). Returns the token after it, or @i. */
static guint
number (const Rules *rules,
        guint        i)
{
  guint j = i;

  if (i >= rules->n)
    return i;
  if (is_digits (rules->words[i]) || is_number_with_magnitude (rules->words[i]))
    j = i + 1;
  else
    while (j < rules->n && is (rules, j, "number"))
      j++;
  if (j == i)
    return i;
  while (j < rules->n && (is (rules, j, "magnitude") || is (rules, j, "magnitude-short")))
    j++;
  return j;
}

static gboolean
is_currency_symbol (const char *word)
{
  return strcmp (word, "$") == 0 || strcmp (word, "€") == 0 || strcmp (word, "£") == 0 ||
         strcmp (word, "¥") == 0 || strcmp (word, "US$") == 0;
}

/* The entity starting at @i, if any: its last token and label. */
static gboolean
match (const Rules  *rules,
       guint         i,
       guint        *last,
       const char  **label)
{
  const char *word = rules->words[i];
  guint after;

  /* Most words open with a letter and are in none of the rules' lists:
   * no rule below starts on one ("US$" is the one symbol that opens with
   * letters). */
  if (g_ascii_isalpha (word[0]) && kind (rules, i) == NULL && strcmp (word, "US$") != 0)
    return FALSE;
  /* Nor on punctuation (a sixth of the words) but the dollar sign. */
  if (g_ascii_ispunct (word[0]) && word[0] != '$' && kind (rules, i) == NULL)
    return FALSE;

  /* MONEY: $4.2 billion, €30m */
  if (is_currency_symbol (word) && (after = number (rules, i + 1)) > i + 1)
    {
      *last = after - 1;
      *label = "MONEY";
      return TRUE;
    }

  /* DATE: November 7, Nov. 8, 2020, November 2020 */
  if (is (rules, i, "month") && g_unichar_isupper (g_utf8_get_char (word)))
    {
      guint j = i;

      if (i + 1 < rules->n && (is_day (rules->words[i + 1]) || is_year (rules->words[i + 1])))
        {
          j = i + 1;
          if (!is_year (rules->words[j]))
            {
              if (j + 2 < rules->n && strcmp (rules->words[j + 1], ",") == 0 && is_year (rules->words[j + 2]))
                j += 2;
              else if (j + 1 < rules->n && is_year (rules->words[j + 1]))
                j += 1;
            }
        }
      /* "May" alone is too often the verb. */
      if (j > i || g_ascii_strcasecmp (word, "may") != 0)
        {
          *last = j;
          *label = "DATE";
          return TRUE;
        }
    }

  /* DATE: 7 November 2020, 10 October */
  if (is_day (word) && i + 1 < rules->n && is (rules, i + 1, "month") &&
      g_unichar_isupper (g_utf8_get_char (rules->words[i + 1])))
    {
      *last = i + 2 < rules->n && is_year (rules->words[i + 2]) ? i + 2 : i + 1;
      *label = "DATE";
      return TRUE;
    }

  /* TIME: 10:30 a.m., 6 p.m., 12 noon, midnight, tonight */
  if ((is_clock (word) || (is_digits (word) && strlen (word) <= 2)) && i + 1 < rules->n &&
      (is (rules, i + 1, "meridiem") || is (rules, i + 1, "time-word")))
    {
      *last = i + 1;
      *label = "TIME";
      return TRUE;
    }
  if (is_clock (word) || is (rules, i, "time-word") || is (rules, i, "relative-time"))
    {
      *last = i;
      *label = "TIME";
      return TRUE;
    }

  /* DATE: Monday, yesterday, 10.10.2020, the 1990s */
  if ((is (rules, i, "weekday") && g_unichar_isupper (g_utf8_get_char (word))) ||
      is (rules, i, "relative-day") || is_numeric_date (word))
    {
      *last = i;
      *label = "DATE";
      return TRUE;
    }
  if (is_decade (word))
    {
      *last = i;
      *label = "DATE";
      return TRUE;
    }

  /* DATE: last week, next month, this year */
  if (is (rules, i, "relative") && i + 1 < rules->n && is (rules, i + 1, "period"))
    {
      *last = i + 1;
      *label = "DATE";
      return TRUE;
    }

  /* Numbers, by what follows them. */
  after = number (rules, i);
  if (after > i)
    {
      /* PERCENT: 10%, 3.5 percent, 4 per cent */
      if (after < rules->n && (strcmp (rules->words[after], "%") == 0 || is (rules, after, "percent")))
        {
          *last = after;
          *label = "PERCENT";
          return TRUE;
        }
      if (after + 1 < rules->n && is (rules, after, "percent-per") && word_is (rules, after + 1, "cent"))
        {
          *last = after + 1;
          *label = "PERCENT";
          return TRUE;
        }
      /* MONEY: 30 thousand dollars; 120 €, as most of Europe writes it */
      if (after < rules->n && (is (rules, after, "currency") || is_currency_symbol (rules->words[after])))
        {
          *last = after;
          *label = "MONEY";
          return TRUE;
        }
      /* DATE: two years ago, 30 days */
      if (after < rules->n && is (rules, after, "period"))
        {
          *last = after + 1 < rules->n && word_is (rules, after + 1, "ago") ? after + 1 : after;
          *label = "DATE";
          return TRUE;
        }
      /* QUANTITY: 11 kilometers, 300 square meters */
      if (after < rules->n && is (rules, after, "unit-prefix") && is (rules, after + 1, "unit"))
        {
          *last = after + 1;
          *label = "QUANTITY";
          return TRUE;
        }
      if (after < rules->n && is (rules, after, "unit"))
        {
          *last = after;
          *label = "QUANTITY";
          return TRUE;
        }
      /* DATE: in 1991 */
      if (after == i + 1 && is_year (word))
        {
          *last = i;
          *label = "DATE";
          return TRUE;
        }
      *last = after - 1;
      *label = "CARDINAL";
      return TRUE;
    }

  /* ORDINAL: first, 2nd */
  if (is (rules, i, "ordinal") || is_ordinal_digits (word))
    {
      *last = i;
      *label = "ORDINAL";
      return TRUE;
    }

  return FALSE;
}

void
pith_entity_rules_find (const char * const *words,
                        const char * const *kinds,
                        guint               n_words,
                        GArray             *found)
{
  g_autofree const char **own_kinds = kinds == NULL ? g_new (const char *, MAX (n_words, 1)) : NULL;
  g_autofree guint8 *looked_up = kinds == NULL ? g_new0 (guint8, MAX (n_words, 1)) : NULL;
  Rules rules = { words, n_words, kinds, own_kinds, looked_up };

  for (guint i = 0; i < n_words; i++)
    {
      PithRuleEntity entity = { i, i, NULL };

      if (!match (&rules, i, &entity.last, &entity.label))
        continue;

      /* "the 1990s", "the past two years": the article belongs to a date. */
      if (g_strcmp0 (entity.label, "DATE") == 0 && i > 0 && g_ascii_strcasecmp (words[i - 1], "the") == 0 &&
          (g_str_has_suffix (words[entity.last], "s") || is (&rules, i, "relative")) &&
          (found->len == 0 || g_array_index (found, PithRuleEntity, found->len - 1).last < i - 1))
        entity.first = i - 1;

      g_array_append_val (found, entity);
      i = entity.last;
    }
}
