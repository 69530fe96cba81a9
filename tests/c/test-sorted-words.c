/* test-sorted-words.c: the dictionary clean judges glued words by, and
 * the binary search over it
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gio/gio.h>
#include <string.h>

#include "pith-sorted-words-private.h"

#define WORDS "lexicon/words-en.txt"

/* The lines after the header, in order, each found by the search: the
 * search is only right on a list in byte order, which the generator
 * promises and this checks. (Lines are walked by hand: g_strsplit()
 * under AddressSanitizer measures the rest of the list at every line.) */
static void
test_every_word_found_in_order (void)
{
  const PithSortedWords *words = pith_sorted_words_get (WORDS);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/gnome/Pith/" WORDS, 0, NULL);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *end = data + length;
  const char *previous = NULL;
  gsize previous_length = 0;
  guint found = 0;

  g_assert_nonnull (words);
  for (const char *line = data; line < end;)
    {
      const char *line_end = line;

      while (line_end < end && *line_end != '\n')
        line_end++;
      if (line_end > line && *line != '#')
        {
          gsize line_length = line_end - line;

          if (previous != NULL)
            {
              int order = memcmp (previous, line, MIN (previous_length, line_length));

              g_assert_true (order < 0 || (order == 0 && previous_length < line_length));
            }
          g_assert_true (pith_sorted_words_contains (words, line, line_length));
          previous = line;
          previous_length = line_length;
          found++;
        }
      line = line_end + 1;
    }
  g_assert_cmpuint (found, ==, pith_sorted_words_size (words));
  g_assert_cmpuint (found, >, 100000);
}

static void
test_lookups (void)
{
  const PithSortedWords *words = pith_sorted_words_get (WORDS);
  static const char * const present[] = { "night", "yards", "again", "DiCaprio", "YouTube", "Latvia", NULL };
  static const char * const absent[] = { "nightokafor", "Night", "AAAA", "zzzzzzzz", "iPhonex", "#", NULL };

  for (guint i = 0; present[i] != NULL; i++)
    g_assert_true (pith_sorted_words_contains (words, present[i], strlen (present[i])));
  for (guint i = 0; absent[i] != NULL; i++)
    g_assert_false (pith_sorted_words_contains (words, absent[i], strlen (absent[i])));
  /* A prefix of a word is not the word, nor is a word with more after it
   * in the buffer. */
  g_assert_false (pith_sorted_words_contains (words, "nigh", 3));
  g_assert_true (pith_sorted_words_contains (words, "nightfall", 5));
  g_assert_false (pith_sorted_words_contains (words, "", 0));
  /* The first and the last word, and words before and after every one. */
  g_assert_false (pith_sorted_words_contains (words, "\x01", 1));
  g_assert_false (pith_sorted_words_contains (words, "\xff\xff", 2));
  g_assert_null (pith_sorted_words_get ("lexicon/absent.txt"));
  g_assert_false (pith_sorted_words_contains (NULL, "night", 5));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Pith/SortedWords/every-word-found-in-order", test_every_word_found_in_order);
  g_test_add_func ("/Pith/SortedWords/lookups", test_lookups);
  return g_test_run ();
}
