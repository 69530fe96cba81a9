/* pith-entity-joins.c: names news writes in pieces the tagger splits
 *
 * Two ways of writing a name put a word between its pieces that the
 * tagger, reading a word and its neighbours, takes for the end of one name
 * and the start of another:
 *
 * - a person's nickname, or the name the person goes by, in quotes or
 *   brackets between the first names and the last ("Hector "Macho"
 *   Camacho", "James Leander (Leo) Nichols"): three names come out, the
 *   nickname alone often a place or a group;
 * - a company named for a possessive ("Boatmen's Bancshares Inc.",
 *   "Macy's Inc."), which the report then calls by its possessive alone
 *   ("Boatmen's said", "Boatmen's deal"): the name stops before the "'s".
 *
 * CoNLL-2003's annotators made each one name (its training split has
 * such a run with a person on each side twice, both one person; of the
 * names written before an "'s", a name is either always written with it,
 * as "Lloyd's" and "Moody's", or never). A nickname is joined only
 * between two pieces the tagger took for a person, and never when a word
 * in it is a place the gazetteer knows: a results table writes "Hill
 * (Britain) Williams" for a driver, his country and his team. A company's
 * possessive is joined only before a name that ends in a company's legal
 * form, and its short name only once the document has named it so.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-entity-joins-private.h"
#include "pith-ner-model-private.h"
#include "pith-utf8-private.h"
#include "pith-word-list-private.h"

/* A nickname of more words is a quotation. */
#define MAX_NICKNAME_WORDS 4

/* The first word of the name that holds word @i; @i itself for an O. */
static guint
name_first (const int *tags,
            guint      i)
{
  guint first = i;

  while (first > 0 && tags[first] != PITH_NER_TAG_O && pith_ner_tag_part (tags[first]) != PITH_NER_PART_B &&
         pith_ner_tag_part (tags[first]) != PITH_NER_PART_U && tags[first - 1] != PITH_NER_TAG_O)
    first--;
  return first;
}

static gboolean
starts_name (int tag)
{
  return tag != PITH_NER_TAG_O &&
         (pith_ner_tag_part (tag) == PITH_NER_PART_B || pith_ner_tag_part (tag) == PITH_NER_PART_U);
}

/* Makes the words from @first to @last one name of @type, of the rule's
 * confidence. */
static void
join (int   *tags,
      float *margins,
      guint  first,
      guint  last,
      int    type)
{
  pith_ner_tag_as_name (tags, first, last, type);
  for (guint k = first; k <= last; k++)
    margins[k] = NAN;
}

/* The closing quote or bracket of the opening @word, or NULL. */
static const char *
closer_of (const char *word)
{
  static const char * const pairs[][2] = { { "\"", "\"" }, { "“", "”" }, { "(", ")" } };

  /* Its first byte rules out nearly every word. */
  if (word[0] != '"' && word[0] != '(' && (guchar) word[0] != 0xe2)
    return NULL;
  for (guint p = 0; p < G_N_ELEMENTS (pairs); p++)
    if (strcmp (word, pairs[p][0]) == 0)
      return pairs[p][1];
  return NULL;
}

/* The closing word of a nickname opened at @open, between words tagged
 * as a person's (the tagger may have taken the brackets into one piece:
 * "(Leo) Nichols"), or 0: one to MAX_NICKNAME_WORDS words of letters, the
 * first and the last capitalised, no place among them. */
static guint
nickname_close (const char * const *words,
                guint               n_words,
                const guint8       *gazetteer,
                const int          *tags,
                guint               open)
{
  const char *closer;

  if (open == 0 || pith_ner_tag_type (tags[open - 1]) != PITH_NER_TYPE_PER ||
      (closer = closer_of (words[open])) == NULL)
    return 0;
  for (guint k = open + 1; k < n_words && k <= open + 1 + MAX_NICKNAME_WORDS; k++)
    {
      const char *word = words[k];

      if (strcmp (word, closer) == 0)
        {
          /* After it, the person's last name, or a capitalised word the
           * tagger passed over ("Ramon "El Toro" Quintero"). */
          gboolean name_after = k + 1 < n_words &&
                                (pith_ner_tag_type (tags[k + 1]) == PITH_NER_TYPE_PER ||
                                 (tags[k + 1] == PITH_NER_TAG_O && pith_utf8_opens_with_upper (words[k + 1])));

          return k > open + 1 && pith_utf8_opens_with_upper (words[open + 1]) &&
                 pith_utf8_opens_with_upper (words[k - 1]) && name_after ? k : 0;
        }
      if (!g_unichar_isalpha (g_utf8_get_char (word)) ||
          (gazetteer != NULL && (gazetteer[k] & (1u << PITH_NER_TYPE_LOC))))
        return 0;
    }
  return 0;
}

static gboolean
is_possessive (const char *word)
{
  static const char * const possessives[] = { "'s", "’s", "'S", "’S", NULL };

  /* Every word is asked: its first byte rules out nearly all. */
  return (word[0] == '\'' || (guchar) word[0] == 0xe2) && g_strv_contains (possessives, word);
}

/* Whether @word is a company's legal form ("Inc.", "SA"), from the list
 * the entity groups read. */
static gboolean
is_legal_form (const char *word)
{
  static const PithWordList *legal_forms;
  g_autofree char *lower = pith_utf8_strdown (word);

  return pith_word_list_lookup (pith_word_list_get_once (&legal_forms, "entities/legal-forms.txt"), lower,
                                strlen (lower), NULL);
}

/* The words from @first to @last, one space apart, in @key (made on
 * first use: most sentences need none). */
static const char *
key_of (const char * const  *words,
        guint                first,
        guint                last,
        GString            **key)
{
  if (*key == NULL)
    *key = g_string_new (NULL);
  g_string_truncate (*key, 0);
  for (guint k = first; k <= last; k++)
    {
      if (k > first)
        g_string_append_c (*key, ' ');
      g_string_append (*key, words[k]);
    }
  return (*key)->str;
}

/* Whether the possessive at @at, after an organisation's name from @first,
 * opens the rest of a company's name that ends in its legal form: the
 * name's end, or 0. A person's or a country's possessive before a company
 * is its owner's ("Rupert Murdoch's News Corp", "Austria's Immuno AG"). */
static guint
company_after_possessive (const char * const *words,
                          guint               n_words,
                          const guint8       *gazetteer,
                          const int          *tags,
                          guint               first,
                          guint               at)
{
  guint last;

  if (at + 1 >= n_words || !pith_utf8_opens_with_upper (words[first]) || !starts_name (tags[at + 1]) ||
      pith_ner_tag_type (tags[first]) != PITH_NER_TYPE_ORG ||
      (gazetteer != NULL && (gazetteer[first] & (1u << PITH_NER_TYPE_LOC))))
    return 0;
  last = pith_ner_name_last (tags, n_words, at + 1);
  return is_legal_form (words[last]) ? last : 0;
}

gboolean
pith_entity_joins_apply (const char * const *words,
                         guint               n_words,
                         const guint8       *gazetteer,
                         int                *tags,
                         float              *margins,
                         GHashTable         *possessives)
{
  g_autoptr(GString) key = NULL;
  gboolean changed = FALSE;

  for (guint i = 1; i + 1 < n_words; i++)
    {
      guint close = nickname_close (words, n_words, gazetteer, tags, i);

      if (close > 0)
        {
          join (tags, margins, name_first (tags, i - 1), pith_ner_name_last (tags, n_words, close + 1),
                PITH_NER_TYPE_PER);
          changed = TRUE;
          i = close;
        }
    }

  for (guint i = 1; i < n_words; i++)
    {
      guint first;
      guint last;

      if (!is_possessive (words[i]))
        continue;
      first = name_first (tags, i - 1);
      /* A name that goes on over the possessive ("McDonald's Corp."). */
      if (tags[i] != PITH_NER_TAG_O)
        {
          last = pith_ner_name_last (tags, n_words, i);
          if (pith_ner_tag_type (tags[i]) == PITH_NER_TYPE_ORG && !starts_name (tags[i]) &&
              is_legal_form (words[last]) && pith_utf8_opens_with_upper (words[first]))
            g_hash_table_add (possessives, g_strdup (key_of (words, first, i - 1, &key)));
          continue;
        }
      last = company_after_possessive (words, n_words, gazetteer, tags, first, i);
      if (last > 0)
        g_hash_table_add (possessives, g_strdup (key_of (words, first, i - 1, &key)));
      else if (g_hash_table_contains (possessives, key_of (words, first, i - 1, &key)))
        last = i;
      else
        continue;
      join (tags, margins, first, last, PITH_NER_TYPE_ORG);
      changed = TRUE;
      i = last;
    }
  return changed;
}
