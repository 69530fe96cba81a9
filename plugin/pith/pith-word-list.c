/* pith-word-list.c: word lists compiled into the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-tsan-private.h"
#include "pith-word-list-private.h"
#include "pith-resource-cache-private.h"
#include "pith-lines-private.h"

#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* Open addressing over the words' hashes: a look-up hashes the bytes it
 * is given (no copy to end them) and probes a dense array of hashes, four
 * bytes a slot, so that the many look-ups of words a list lacks touch
 * little memory; a word is compared only in a slot of its hash. Words and
 * kinds live in one string chunk, so a kind's address is stable for the
 * list's life: callers keep it. */
typedef struct
{
  const char *word;
  const char *kind;         /* "" when none */
  gsize length;
} Entry;

struct _PithWordList
{
  guint32 *hashes;          /* 0: an empty slot */
  Entry *entries;
  gsize capacity;           /* a power of two */
  gsize n_words;
  GStringChunk *strings;
  /* The bytes words open with, a bit each, and the longest word's
   * length: most tokens asked of a short list ("said", "told") fail
   * these before any hashing. */
  guint64 first_bytes[4];
  gsize longest;
};

/* The hash g_str_hash() gives (djb2: one add and shift a byte, cheaper
 * than a multiply), over @length bytes rather than up to a nul; never 0,
 * which marks an empty slot. */
static guint32
hash_of (const char *word,
         gsize       length)
{
  guint32 hash = 5381;

  for (gsize i = 0; i < length; i++)
    hash = (hash << 5) + hash + (guint32) (signed char) word[i];
  return hash != 0 ? hash : 1;
}

static void
allocate (PithWordList *self,
          gsize         capacity)
{
  self->capacity = capacity;
  self->hashes = g_new0 (guint32, capacity);
  self->entries = g_new (Entry, capacity);
}

PithWordList *
pith_word_list_new (void)
{
  PithWordList *self = g_new0 (PithWordList, 1);

  allocate (self, 64);
  self->strings = g_string_chunk_new (4096);
  return self;
}

void
pith_word_list_free (PithWordList *self)
{
  if (self == NULL)
    return;
  g_free (self->hashes);
  g_free (self->entries);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/* The slot of @word, or the empty slot where it would go. */
static gsize
find_slot (const PithWordList *self,
           const char         *word,
           gsize               length,
           guint32             hash)
{
  gsize mask = self->capacity - 1;
  /* Fibonacci hashing: djb2's low bits alone mix poorly. */
  gsize i = (gsize) ((hash * 2654435769u) >> 8) & mask;

  for (;; i = (i + 1) & mask)
    {
      if (self->hashes[i] == 0)
        return i;
      if (self->hashes[i] == hash && self->entries[i].length == length &&
          memcmp (self->entries[i].word, word, length) == 0)
        return i;
    }
}

static void
grow (PithWordList *self)
{
  guint32 *old_hashes = self->hashes;
  Entry *old_entries = self->entries;
  gsize old_capacity = self->capacity;

  allocate (self, old_capacity * 2);
  for (gsize i = 0; i < old_capacity; i++)
    if (old_hashes[i] != 0)
      {
        gsize slot = find_slot (self, old_entries[i].word, old_entries[i].length, old_hashes[i]);

        self->hashes[slot] = old_hashes[i];
        self->entries[slot] = old_entries[i];
      }
  g_free (old_hashes);
  g_free (old_entries);
}

void
pith_word_list_add (PithWordList *self,
                    const char   *word,
                    const char   *kind)
{
  gsize length = strlen (word);
  guint32 hash = hash_of (word, length);
  gsize slot;

  if (length == 0 || length >= PITH_WORD_LIST_MAX_WORD)
    return;
  /* At most half full, so probes stay short. */
  if ((self->n_words + 1) * 2 > self->capacity)
    grow (self);
  slot = find_slot (self, word, length, hash);
  self->first_bytes[(guchar) word[0] >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) word[0] & 63);
  self->longest = MAX (self->longest, length);
  if (self->hashes[slot] == 0)
    {
      self->hashes[slot] = hash;
      self->entries[slot].word = g_string_chunk_insert_len (self->strings, word, (gssize) length);
      self->entries[slot].length = length;
      self->n_words++;
    }
  self->entries[slot].kind = g_string_chunk_insert_const (self->strings, kind != NULL ? kind : "");
}

void
pith_word_list_add_all (PithWordList       *self,
                        const PithWordList *other)
{
  for (gsize i = 0; i < other->capacity; i++)
    if (other->hashes[i] != 0)
      pith_word_list_add (self, other->entries[i].word, other->entries[i].kind);
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
  gsize slot;

  if (!pith_word_list_may_hold (self, word[0], length))
    return FALSE;

  slot = find_slot (self, word, length, hash_of (word, length));
  if (self->hashes[slot] == 0)
    return FALSE;
  if (kind != NULL)
    *kind = self->entries[slot].kind;
  return TRUE;
}
