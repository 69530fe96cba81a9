/* pith-word-list.c: word lists compiled into the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-tsan-private.h"
#include "pith-word-list-private.h"
#include "pith-word-slots-private.h"
#include "pith-resource-cache-private.h"
#include "pith-lines-private.h"

#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* The words' kinds by their 64-bit hashes (pith-word-slots-private.h): a
 * look-up hashes the bytes it is given (no copy to end them) and reads
 * one slot, the hash and the kind side by side, whether the list holds
 * the word or not. The words themselves are kept only to copy a list.
 * Words and kinds live in one string chunk, so a kind's address is stable
 * for the list's life: callers keep it. */
struct _PithWordList
{
  PithWordSlots kinds;      /* of const char *, "" when none */
  GPtrArray *words;         /* in the order added, nul-terminated */
  GStringChunk *strings;
  /* The bytes words open with, a bit each, and the longest word's
   * length: most tokens asked of a short list ("said", "told") fail
   * these before any hashing. */
  guint64 first_bytes[4];
  gsize longest;
};

PithWordList *
pith_word_list_new (void)
{
  PithWordList *self = g_new0 (PithWordList, 1);

  pith_word_slots_init (&self->kinds);
  self->words = g_ptr_array_new ();
  self->strings = g_string_chunk_new (4096);
  return self;
}

void
pith_word_list_free (PithWordList *self)
{
  if (self == NULL)
    return;
  pith_word_slots_clear (&self->kinds);
  g_ptr_array_unref (self->words);
  g_string_chunk_free (self->strings);
  g_free (self);
}

void
pith_word_list_add (PithWordList *self,
                    const char   *word,
                    const char   *kind)
{
  gsize length = strlen (word);
  PithWordSlot *slot;
  gboolean added;

  if (length == 0 || length >= PITH_WORD_LIST_MAX_WORD)
    return;
  slot = pith_word_slots_insert (&self->kinds, pith_word_slots_key (word, length), &added);
  self->first_bytes[(guchar) word[0] >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) word[0] & 63);
  self->longest = MAX (self->longest, length);
  if (added)
    g_ptr_array_add (self->words, g_string_chunk_insert_len (self->strings, word, (gssize) length));
  slot->value.pointer = g_string_chunk_insert_const (self->strings, kind != NULL ? kind : "");
}

void
pith_word_list_add_all (PithWordList       *self,
                        const PithWordList *other)
{
  for (guint i = 0; i < other->words->len; i++)
    {
      const char *word = g_ptr_array_index (other->words, i);
      const char *kind = "";

      pith_word_list_lookup (other, word, strlen (word), &kind);
      pith_word_list_add (self, word, kind);
    }
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

/* pith_word_list_get() of @name, kept in the caller's static @slot: for
 * the lists asked about every new word, where the cache's lock and the
 * hash of the name cost more than the look-up. A list the library lacks
 * stands as an empty one. */
const PithWordList *
pith_word_list_get_once (const PithWordList **slot,
                         const char          *name)
{
  if (g_once_init_enter (slot))
    {
      const PithWordList *list = pith_word_list_get (name);

      if (list == NULL)
        list = pith_word_list_new ();
      pith_tsan_release (slot);
      g_once_init_leave (slot, list);
    }
  pith_tsan_acquire (slot);
  return *slot;
}

/* Whether a word of @length bytes that opens with the byte @first may be
 * in the list: FALSE when no word of the list is so long or opens so. */
gboolean
pith_word_list_may_hold (const PithWordList *self,
                         char                first,
                         gsize               length)
{
  if (self == NULL || length == 0 || length > self->longest)
    return FALSE;
  return (self->first_bytes[(guchar) first >> 6] & (G_GUINT64_CONSTANT (1) << ((guchar) first & 63))) != 0;
}

gboolean
pith_word_list_lookup (const PithWordList  *self,
                       const char          *word,
                       gsize                length,
                       const char         **kind)
{
  const PithWordSlot *slot;

  if (!pith_word_list_may_hold (self, word[0], length))
    return FALSE;

  slot = pith_word_slots_find (&self->kinds, pith_word_slots_key (word, length));
  if (slot == NULL)
    return FALSE;
  if (kind != NULL)
    *kind = slot->value.pointer;
  return TRUE;
}
