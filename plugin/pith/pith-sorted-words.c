/* pith-sorted-words.c: large word lists searched where they lie
 *
 * A dictionary of tens of thousands of words would cost megabytes as a
 * hash table, in every process, for a lookup the clean stage makes only
 * at the rare word that might be two glued together. So a list of this
 * kind is a resource of one word a line in byte order, after a header of
 * `#` lines, and a lookup is a binary search over its bytes as the
 * library maps them: no copy, no index, no memory of its own.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-sorted-words-private.h"
#include "pith-resource-cache-private.h"
#define RESOURCE_PREFIX "/org/gnome/Pith/"

struct _PithSortedWords
{
  GBytes *bytes;
  const char *words;    /* after the header */
  gsize length;
  gsize size;           /* lines */
};

/* A PithResourceLoad. */
static gpointer
load (const char *name)
{
  g_autofree char *path = g_strconcat (RESOURCE_PREFIX, name, NULL);
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  PithSortedWords *self;
  const char *data;
  gsize length;

  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  self = g_new0 (PithSortedWords, 1);
  self->bytes = bytes;
  while (length > 0 && *data == '#')
    {
      const char *line_end = memchr (data, '\n', length);
      gsize skipped = line_end != NULL ? (gsize) (line_end - data) + 1 : length;

      data += skipped;
      length -= skipped;
    }
  self->words = data;
  self->length = length;
  for (gsize i = 0; i < length; i++)
    if (data[i] == '\n')
      self->size++;
  if (length > 0 && data[length - 1] != '\n')
    self->size++;
  return self;
}

/* Loaded on first use, kept for the process (pith-resource-cache.c). */
const PithSortedWords *
pith_sorted_words_get (const char *name)
{
  static PithResourceCache cache;

  return pith_resource_cache_get (&cache, name, load);
}

gsize
pith_sorted_words_size (const PithSortedWords *self)
{
  return self != NULL ? self->size : 0;
}

/* Compares @word with the line [@line, @line_end) in byte order. */
static int
compare_line (const char *word,
              gsize       length,
              const char *line,
              gsize       line_length)
{
  int order = memcmp (word, line, MIN (length, line_length));

  if (order != 0)
    return order;
  return length < line_length ? -1 : length > line_length ? 1 : 0;
}

gboolean
pith_sorted_words_contains (const PithSortedWords *self,
                            const char            *word,
                            gsize                  length)
{
  gsize low = 0;
  gsize high;

  if (self == NULL || length == 0)
    return FALSE;

  /* low is always the start of a line, so backing up from a point at or
   * after it stops at or after it; each round leaves out the line it read. */
  high = self->length;
  while (low < high)
    {
      gsize middle = low + (high - low) / 2;
      gsize line_start = middle;
      const char *line_end;
      gsize line_length;
      int order;

      while (line_start > low && self->words[line_start - 1] != '\n')
        line_start--;
      /* Lines are a word long: a loop, not memchr() over the rest of
       * the list, which sanitizers check whole at every call. */
      line_end = self->words + line_start;
      while (line_end < self->words + self->length && *line_end != '\n')
        line_end++;
      line_length = (gsize) (line_end - (self->words + line_start));
      order = compare_line (word, length, self->words + line_start, line_length);
      if (order == 0)
        return TRUE;
      if (order < 0)
        high = line_start;
      else
        low = line_start + line_length + 1;
    }
  return FALSE;
}
