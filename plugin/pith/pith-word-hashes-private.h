/* pith-word-hashes-private.h: words known by their 64-bit hashes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A table from the 64-bit hash of a word to a small nonzero value, open
 * addressing in one flat array: no string is copied, and a look-up is a
 * probe or two, one read from memory. A slot holds the hash's high 56 bits
 * and the value in the low 8, so a value is found where its hash is. Two
 * words whose hashes share those bits are one word (on a document's few
 * thousand words, or a cache's tens of thousands, never in practice).
 * Zero-filled to start. */
typedef struct
{
  guint64 *slots;           /* 0: an empty slot */
  gsize capacity;           /* a power of two, or 0 */
  gsize n;
} PithWordHashes;

/* Where the 64-bit FNV-1a hash of a word starts. */
#define PITH_WORD_HASH_BASIS G_GUINT64_CONSTANT (0xcbf29ce484222325)

/* @hash, the FNV-1a hash of some bytes, carried on over the @length bytes
 * at @bytes: the hash of the two runs one after the other, so a text of
 * parts is hashed without being built. */
static inline guint64
pith_word_hash_continue (guint64     hash,
                         const char *bytes,
                         gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      hash ^= (guchar) bytes[i];
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  return hash;
}

/* The 64-bit FNV-1a hash of the @length bytes at @word, as the tables
 * are meant to be keyed. */
static inline guint64
pith_word_hash (const char *word,
                gsize       length)
{
  return pith_word_hash_continue (PITH_WORD_HASH_BASIS, word, length);
}

void   pith_word_hashes_clear  (PithWordHashes *self);
/* Takes every word out, keeping the room. */
void   pith_word_hashes_empty  (PithWordHashes *self);
/* Sets @hash's value, which must not be 0. */
void   pith_word_hashes_insert (PithWordHashes *self,
                                guint64         hash,
                                guint8          value);
/* @hash's value, or 0 if it has none. */
guint8 pith_word_hashes_lookup (const PithWordHashes *self,
                                guint64               hash);

G_END_DECLS
