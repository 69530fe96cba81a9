/* pith-word-list.c: word lists compiled into the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-word-list-private.h"
#include "pith-resource-cache-private.h"
#include "pith-lines-private.h"

#define RESOURCE_PREFIX "/org/gnome/Pith/"

struct _PithWordList
{
  GHashTable *words;        /* word -> kind ("" when none) */
};

PithWordList *
pith_word_list_new (void)
{
  PithWordList *self = g_new0 (PithWordList, 1);

  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return self;
}

void
pith_word_list_free (PithWordList *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->words);
  g_free (self);
}

void
pith_word_list_add (PithWordList *self,
                    const char   *word,
                    const char   *kind)
{
  if (*word == '\0' || strlen (word) >= PITH_WORD_LIST_MAX_WORD)
    return;
  g_hash_table_replace (self->words, g_strdup (word), g_strdup (kind != NULL ? kind : ""));
}

void
pith_word_list_add_all (PithWordList       *self,
                        const PithWordList *other)
{
  GHashTableIter iter;
  gpointer word;
  gpointer kind;

  g_hash_table_iter_init (&iter, other->words);
  while (g_hash_table_iter_next (&iter, &word, &kind))
    pith_word_list_add (self, word, kind);
}

/* A PithResourceLoad. */
static gpointer
load (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  const char *cursor;
  const char *end;
  const char *line;
  gsize length;
  PithWordList *self;

  if (bytes == NULL)
    return NULL;

  self = pith_word_list_new ();
  cursor = g_bytes_get_data (bytes, &length);
  end = cursor + length;
  while (pith_lines_next (&cursor, end, &line, &length))
    {
      g_autofree char *copy = g_strndup (line, length);
      char *word = g_strstrip (copy);
      char *kind;

      if (*word == '\0' || *word == '#')
        continue;
      kind = strchr (word, ' ');
      if (kind != NULL)
        {
          *kind++ = '\0';
          g_strstrip (kind);
        }
      pith_word_list_add (self, word, kind);
    }

  return self;
}

/* Loaded on first use, kept for the process (pith-resource-cache.c). */
const PithWordList *
pith_word_list_get (const char *name)
{
  static PithResourceCache cache;

  return pith_resource_cache_get (&cache, name, load);
}

gboolean
pith_word_list_lookup (const PithWordList  *self,
                       const char          *word,
                       gsize                length,
                       const char         **kind)
{
  char key[PITH_WORD_LIST_MAX_WORD];
  const char *found;

  if (self == NULL || length == 0 || length >= sizeof key)
    return FALSE;

  memcpy (key, word, length);
  key[length] = '\0';
  found = g_hash_table_lookup (self->words, key);
  if (found == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = found;
  return TRUE;
}
