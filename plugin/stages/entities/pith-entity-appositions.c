/* pith-entity-appositions.c: what the words around a name say of it
 *
 * News names a town with its state or country after a comma ("Ferguson,
 * Missouri", "Paris, Texas") or after what it is ("the town of
 * Ferguson", "cities like Baltimore"), and a person with an age ("Cayman
 * Naib, 13, of Tucson"). The tagger, trained on Reuters reports of 1996
 * where none is common, may take a town that is also a surname for a
 * person, or a boy whose name is also a place for a place. These
 * conventions are near certain, so they overrule it, and the stage passes
 * the label on to the document's memory, so the rest of the report
 * follows.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "pith-entity-appositions-private.h"
#include "pith-ner-model-private.h"

/* An age: a number from 1 to 120 standing alone. */
static gboolean
is_age (const char *word)
{
  guint64 age = 0;

  return g_ascii_isdigit (word[0]) && strlen (word) <= 3 &&
         g_ascii_string_to_unsigned (word, 10, 1, 120, &age, NULL);
}

/* Whether the place the gazetteer names from @start ends an apposition:
 * the sentence or the clause ends after it ("Ferguson, Missouri, police
 * said", "Ferguson, Missouri (CNN)"), where a list would go on ("Cornell,
 * Princeton and Brown"), a possessive would name what is the place's
 * ("Mossad, Israel's spy agency") and a verb would make it a subject. */
static gboolean
place_ends_apposition (const char * const *words,
                       guint               n_words,
                       const guint8       *gazetteer,
                       guint               start)
{
  static const char * const ends[] = { ".", "(", ")", ";", ":", "--", "—", "–", "!", "?", "\"", "”", NULL };
  guint end = start + 1;

  while (end < n_words && (gazetteer[end] & (1u << (4 + PITH_NER_TYPE_LOC))))
    end++;
  if (end == n_words || g_strv_contains (ends, words[end]))
    return TRUE;
  return strcmp (words[end], ",") == 0 &&
         (end + 1 == n_words || !g_unichar_isupper (g_utf8_get_char (words[end + 1])));
}

/* Words that say a place's name follows: "the town of", "cities like".
 * Lowercase only: "the City of London" is a name of its own. */
static const char * const settlements[] = {
  "town", "towns", "city", "cities", "village", "villages", "suburb", "suburbs", "township", NULL
};

static gboolean
follows_settlement (const char * const *words,
                    guint               first)
{
  return first >= 2 && (strcmp (words[first - 1], "of") == 0 || strcmp (words[first - 1], "like") == 0) &&
         g_strv_contains (settlements, words[first - 2]);
}

/* The type the name of @type from @first to @last must have by what
 * comes before it or follows its comma, or -1 when nothing says. A word
 * for a settlement before it makes it a place ("the town of Ferguson").
 * An age makes a place or an organisation a person ("Cayman Naib, 13,");
 * a nationality stays one ("an Italian, 50,"). A place that closes the
 * apposition makes a one-word name a place, outside a list ("Essex, Kent,
 * Surrey" are three clubs). */
static int
type_by_apposition (const char * const *words,
                    guint               n_words,
                    const guint8       *gazetteer,
                    int                 type,
                    guint               first,
                    guint               last)
{
  const char *after;

  if (follows_settlement (words, first) && type != PITH_NER_TYPE_MISC)
    return PITH_NER_TYPE_LOC;
  if (last + 2 >= n_words || strcmp (words[last + 1], ",") != 0)
    return -1;
  after = words[last + 2];
  if ((type == PITH_NER_TYPE_LOC || type == PITH_NER_TYPE_ORG) && is_age (after) &&
      (last + 3 == n_words || strcmp (words[last + 3], ",") == 0))
    return PITH_NER_TYPE_PER;
  if (first == last && (first == 0 || strcmp (words[first - 1], ",") != 0) &&
      gazetteer != NULL && (gazetteer[last + 2] & (1u << PITH_NER_TYPE_LOC)) &&
      g_unichar_isupper (g_utf8_get_char (after)) &&
      place_ends_apposition (words, n_words, gazetteer, last + 2))
    return PITH_NER_TYPE_LOC;
  return -1;
}

gboolean
pith_entity_appositions_apply (const char * const *words,
                               guint               n_words,
                               const guint8       *gazetteer,
                               int                *tags,
                               float              *margins,
                               guint8             *defined)
{
  gboolean changed = FALSE;

  for (guint i = 0; i < n_words; i++)
    {
      guint last;
      gboolean differs;
      int type;

      if (tags[i] == PITH_NER_TAG_O)
        continue;
      last = pith_ner_name_last (tags, n_words, i);
      type = type_by_apposition (words, n_words, gazetteer, pith_ner_tag_type (tags[i]), i, last);
      /* Where the tagger agrees, the name's label is the convention's all
       * the same: its group follows it. */
      differs = type >= 0 && type != pith_ner_tag_type (tags[i]);
      if (differs)
        {
          pith_ner_tag_as_name (tags, i, last, type);
          changed = TRUE;
        }
      for (guint k = i; type >= 0 && k <= last; k++)
        {
          if (differs)
            margins[k] = NAN;
          defined[k] = TRUE;
        }
      i = last;
    }
  return changed;
}
