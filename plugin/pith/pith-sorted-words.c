/* pith-sorted-words.c: large word lists searched where they lie
 *
 * A dictionary of tens of thousands of words would cost megabytes as a
 * hash table, in every process, for a lookup the clean stage makes only
 * at the rare word that might be two glued together. So a list of this
 * kind is a resource of one word a line in byte order, after a header of
 * `#` lines, and a lookup is a binary search over its bytes as the
 * library maps them: no copy, and of its own only the start of every
 * eighth line, where the search lands before it walks a few lines.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-sorted-words-private.h"
#include "pith-resource-cache-private.h"
#define RESOURCE_PREFIX "/org/gnome/Pith/"

/* Every STRIDE-th line's start is kept, so a search is a binary search
 * over those and a walk of at most STRIDE lines: 4 bytes per 8 words. */
#define STRIDE 8

struct _PithSortedWords
{
  GBytes *bytes;
  const char *words;    /* after the header */
  gsize length;
  gsize size;           /* lines */
  guint32 *starts;      /* the start of lines 0, STRIDE, 2 × STRIDE, … */
  gsize n_starts;
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
  if (length > G_MAXUINT32)
    {
      g_bytes_unref (bytes);
      return NULL;
    }
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

  self->starts = g_new (guint32, self->size / STRIDE + 1);
  for (gsize i = 0, line = 0; i < length; line++)
    {
      const char *line_end = memchr (data + i, '\n', length - i);

      if (line % STRIDE == 0)
        self->starts[self->n_starts++] = (guint32) i;
      i = line_end != NULL ? (gsize) (line_end - data) + 1 : length;
    }
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

/* Compares @word with the line at @line, in byte order, and gives the
 * line's end. */
static int
compare_line (const PithSortedWords  *self,
              const char             *word,
              gsize                   length,
              const char             *line,
              const char            **line_end)
{
  const char *end = self->words + self->length;
  int order;

  /* Lines are a word long: a loop, not memchr() over the rest of the
   * list, which sanitizers check whole at every call. */
  *line_end = line;
  while (*line_end < end && **line_end != '\n')
    (*line_end)++;
  order = memcmp (word, line, MIN (length, (gsize) (*line_end - line)));
  if (order != 0)
    return order;
  return length < (gsize) (*line_end - line) ? -1 : length > (gsize) (*line_end - line) ? 1 : 0;
}

gboolean
pith_sorted_words_contains (const PithSortedWords *self,
                            const char            *word,
                            gsize                  length)
{
  gsize low = 0;
  gsize high;
  const char *line;
  const char *line_end;

  if (self == NULL || length == 0 || self->n_starts == 0)
    return FALSE;

  /* The last kept line whose word is not after @word ... */
  high = self->n_starts;
  while (low + 1 < high)
    {
      gsize middle = low + (high - low) / 2;

      if (compare_line (self, word, length, self->words + self->starts[middle], &line_end) < 0)
        high = middle;
      else
        low = middle;
    }
  /* ... then the lines after it, up to the next kept one. */
  line = self->words + self->starts[low];
  for (guint k = 0; k < STRIDE && line < self->words + self->length; k++)
    {
      int order = compare_line (self, word, length, line, &line_end);

      if (order == 0)
        return TRUE;
      if (order < 0)
        return FALSE;
      line = line_end + 1;
    }
  return FALSE;
}
