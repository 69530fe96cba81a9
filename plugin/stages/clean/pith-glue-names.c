/* pith-glue-names.c: the kinds of name a glued sentence meets
 *
 * A sentence glued to the next one ("the talks ended in MissouriJason
 * Hanna reported") most often ends on a name and the next one often
 * opens with one. What kind of name tells a sentence's end from a brand
 * built of two words (GeorgiaTech, SquarePants): a place, a weekday or a
 * month, or a word that ends the names of organisations (School, Street)
 * ends sentences; a given name opens them. Places and given names come
 * from the entity tagger's gazetteer, its one-word names of one type.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-gazetteer-private.h"
#include "pith-glue-names-private.h"
#include "pith-tsan-private.h"
#include "pith-word-list-private.h"

static const char PLACE[] = "place";
static const char GIVEN_NAME[] = "given name";

/* One-word names of the gazetteer, as written, to "place" or "given
 * name"; a word that is both (Georgia, Chad) is neither. */
typedef struct
{
  GHashTable *kinds;
} OneWordNames;

/* Keeps a one-word place or given name of the gazetteer. */
static void
add_name (const char *type,
          gsize       type_length,
          const char *name,
          gsize       length,
          gpointer    user_data)
{
  GHashTable *kinds = user_data;
  const char *kind;
  char *key;
  const char *known;

  if (type_length != 3 || memchr (name, ' ', length) != NULL)
    return;
  if (memcmp (type, "LOC", 3) == 0)
    kind = PLACE;
  else if (memcmp (type, "PER", 3) == 0)
    kind = GIVEN_NAME;
  else
    return;
  key = g_strndup (name, length);
  known = g_hash_table_lookup (kinds, key);

  if (known != NULL && known != kind)
    kind = "";
  g_hash_table_replace (kinds, key, (gpointer) kind);
}

static const OneWordNames *
one_word_names (void)
{
  static OneWordNames *loaded;

  if (g_once_init_enter (&loaded))
    {
      OneWordNames *names = g_new0 (OneWordNames, 1);

      names->kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      pith_gazetteer_foreach (add_name, names->kinds);
      pith_tsan_release (&loaded);
      g_once_init_leave (&loaded, names);
    }
  pith_tsan_acquire (&loaded);
  return loaded;
}

static const char *
kind_of (const char *word,
         gsize       length)
{
  char key[PITH_WORD_LIST_MAX_WORD];

  if (length >= sizeof key)
    return NULL;
  memcpy (key, word, length);
  key[length] = '\0';
  return g_hash_table_lookup (one_word_names ()->kinds, key);
}

/* Whether @word is a place and no given name (Missouri, Nigeria). */
gboolean
pith_glue_names_is_place (const char *word,
                          gsize       length)
{
  return kind_of (word, length) == PLACE;
}

/* Whether @word is a given name and no place (Jason, Samira). */
gboolean
pith_glue_names_is_given_name (const char *word,
                               gsize       length)
{
  return kind_of (word, length) == GIVEN_NAME;
}

/* Whether @word ends the names of organisations, places, events or laws
 * (School, Street, War, Act). */
gboolean
pith_glue_names_is_name_head (const char *word,
                              gsize       length)
{
  return pith_word_list_lookup (pith_word_list_get ("lexicon/name-heads-en.txt"), word, length, NULL);
}

/* Whether @word is a weekday or a month, written out: what news
 * sentences so often end on ("announced Tuesday", "in August"). */
gboolean
pith_glue_names_is_time_word (const char *word,
                              gsize       length)
{
  static const char * const time_words[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", NULL,
  };

  for (guint k = 0; time_words[k] != NULL; k++)
    if (strlen (time_words[k]) == length && memcmp (time_words[k], word, length) == 0)
      return TRUE;
  return FALSE;
}
