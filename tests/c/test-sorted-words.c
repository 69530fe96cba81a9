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
 * promises and this checks. */
static void
test_every_word_found_in_order (void)
{
  const PithSortedWords *words = pith_sorted_words_get (WORDS);
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/gnome/Pith/" WORDS, 0, NULL);
  g_autofree char *contents = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  const char *previous = NULL;
  guint found = 0;

  g_assert_nonnull (words);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      if (previous != NULL)
        g_assert_cmpint (strcmp (previous, lines[i]), <, 0);
      g_assert_true (pith_sorted_words_contains (words, lines[i], strlen (lines[i])));
      previous = lines[i];
      found++;
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
