/* pith-word-list.c: word lists compiled into the library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-tsan-private.h"
#include "pith-word-list-private.h"
#include "pith-word-hashes-private.h"
#include "pith-resource-cache-private.h"
#include "pith-lines-private.h"

#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* Open addressing over the words' 64-bit hashes: a look-up hashes the
 * bytes it is given (no copy to end them) and reads one slot, the hash and
 * the kind side by side, so that a word the list holds costs one read from
 * memory, as one it lacks does. Two words with one 64-bit hash would be one
 * word, as in the word tables of pith-word-hashes-private.h (never in
 * practice, over lists of thousands). The words themselves are kept only
 * to copy a list. Words and kinds live in one string chunk, so a kind's
 * address is stable for the list's life: callers keep it. */
typedef struct
{
  guint64 hash;             /* 0: an empty slot */
  const char *kind;         /* "" when none */
} Slot;

struct _PithWordList
{
  Slot *slots;
  const char **words;       /* by slot, nul-terminated */
  gsize capacity;           /* a power of two */
  gsize n_words;
  GStringChunk *strings;
  /* The bytes words open with, a bit each, and the longest word's
   * length: most tokens asked of a short list ("said", "told") fail
   * these before any hashing. */
  guint64 first_bytes[4];
  gsize longest;
};

/* FNV-1a over @length bytes rather than up to a nul; never 0, which
 * marks an empty slot. */
static guint64
hash_of (const char *word,
         gsize       length)
{
  guint64 hash = pith_word_hash (word, length);

  return hash != 0 ? hash : 1;
}

static void
allocate (PithWordList *self,
          gsize         capacity)
{
  self->capacity = capacity;
  self->slots = g_new0 (Slot, capacity);
  self->words = g_new (const char *, capacity);
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
  g_free (self->slots);
  g_free (self->words);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/* Where @hash starts probing: its high bits, well mixed by FNV-1a's
 * multiplies. */
static inline gsize
home (const PithWordList *self,
      guint64             hash)
{
  return (gsize) (hash >> 32) & (self->capacity - 1);
}

/* The slot of @hash, or the empty slot where it would go. */
static gsize
find_slot (const PithWordList *self,
           guint64             hash)
{
  gsize mask = self->capacity - 1;
  gsize i = home (self, hash);

  while (self->slots[i].hash != 0 && self->slots[i].hash != hash)
    i = (i + 1) & mask;
  return i;
}

static void
grow (PithWordList *self)
{
  Slot *old_slots = self->slots;
  const char **old_words = self->words;
  gsize old_capacity = self->capacity;

  allocate (self, old_capacity * 2);
  for (gsize i = 0; i < old_capacity; i++)
    if (old_slots[i].hash != 0)
      {
        gsize slot = find_slot (self, old_slots[i].hash);

        self->slots[slot] = old_slots[i];
        self->words[slot] = old_words[i];
      }
  g_free (old_slots);
  g_free (old_words);
}

void
pith_word_list_add (PithWordList *self,
                    const char   *word,
                    const char   *kind)
{
  gsize length = strlen (word);
  guint64 hash = hash_of (word, length);
  gsize slot;

  if (length == 0 || length >= PITH_WORD_LIST_MAX_WORD)
    return;
  /* At most half full, so probes stay short. */
  if ((self->n_words + 1) * 2 > self->capacity)
    grow (self);
  slot = find_slot (self, hash);
  self->first_bytes[(guchar) word[0] >> 6] |= G_GUINT64_CONSTANT (1) << ((guchar) word[0] & 63);
  self->longest = MAX (self->longest, length);
  if (self->slots[slot].hash == 0)
    {
      self->slots[slot].hash = hash;
      self->words[slot] = g_string_chunk_insert_len (self->strings, word, (gssize) length);
      self->n_words++;
    }
  self->slots[slot].kind = g_string_chunk_insert_const (self->strings, kind != NULL ? kind : "");
}

void
pith_word_list_add_all (PithWordList       *self,
                        const PithWordList *other)
{
  for (gsize i = 0; i < other->capacity; i++)
    if (other->slots[i].hash != 0)
      pith_word_list_add (self, other->words[i], other->slots[i].kind);
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

  slot = find_slot (self, hash_of (word, length));
  if (self->slots[slot].hash == 0)
    return FALSE;
  if (kind != NULL)
    *kind = self->slots[slot].kind;
  return TRUE;
}
