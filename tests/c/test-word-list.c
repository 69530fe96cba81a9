/* test-word-list.c: the word lists every stage looks words up in, and
 * the quick "no" they give before any hashing
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gio/gio.h>
#include <string.h>

#include "pith-word-list-private.h"

/* A word is in the list with its kind; a word the list lacks is not,
 * whether its first byte and length rule it out at once or it needs the
 * table: the quick check never refuses a word that is there. */
static void
test_lookups_and_the_quick_check (void)
{
  g_autoptr(PithWordList) list = pith_word_list_new ();
  const char *kind = NULL;

  pith_word_list_add (list, "said", "attribution");
  pith_word_list_add (list, "told", NULL);
  pith_word_list_add (list, "according", NULL);

  g_assert_true (pith_word_list_lookup (list, "said", 4, &kind));
  g_assert_cmpstr (kind, ==, "attribution");
  g_assert_true (pith_word_list_lookup (list, "told", 4, &kind));
  g_assert_cmpstr (kind, ==, "");
  g_assert_true (pith_word_list_lookup (list, "according to", 9, NULL));

  /* Opens with a byte no word opens with, or is longer than any. */
  g_assert_false (pith_word_list_may_hold (list, 'x', 4));
  g_assert_false (pith_word_list_may_hold (list, 's', 10));
  g_assert_false (pith_word_list_lookup (list, "xaid", 4, NULL));
  g_assert_false (pith_word_list_lookup (list, "saidsaidsaid", 12, NULL));
  /* Passes the quick check, fails the table. */
  g_assert_true (pith_word_list_may_hold (list, 's', 4));
  g_assert_false (pith_word_list_lookup (list, "sand", 4, NULL));
  g_assert_false (pith_word_list_lookup (list, "sai", 3, NULL));
  /* Bytes past ASCII open words too. */
  pith_word_list_add (list, "été", NULL);
  g_assert_true (pith_word_list_may_hold (list, "été"[0], strlen ("été")));
  g_assert_true (pith_word_list_lookup (list, "été", strlen ("été"), NULL));

  g_assert_false (pith_word_list_may_hold (NULL, 's', 4));
  g_assert_false (pith_word_list_may_hold (list, 's', 0));
  g_assert_false (pith_word_list_lookup (NULL, "said", 4, NULL));
}

/* Thousands of words (the table grows many times) are each found with
 * their kind; a word added again takes its new kind; a list copied into
 * another brings every word and kind, and the other keeps its own. */
static void
test_many_words_and_copies (void)
{
  g_autoptr(PithWordList) list = pith_word_list_new ();
  g_autoptr(PithWordList) copy = pith_word_list_new ();
  const char *kind = NULL;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%u", i);

      pith_word_list_add (list, word, i % 2 == 0 ? "even" : "odd");
    }
  pith_word_list_add (list, "word7", "seven");
  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *word = g_strdup_printf ("word%u", i);

      g_assert_true (pith_word_list_lookup (list, word, strlen (word), &kind));
      g_assert_cmpstr (kind, ==, i == 7 ? "seven" : i % 2 == 0 ? "even" : "odd");
    }
  g_assert_false (pith_word_list_lookup (list, "word5000", 8, NULL));

  pith_word_list_add (copy, "mine", "own");
  pith_word_list_add_all (copy, list);
  g_assert_true (pith_word_list_lookup (copy, "mine", 4, &kind));
  g_assert_cmpstr (kind, ==, "own");
  g_assert_true (pith_word_list_lookup (copy, "word7", 5, &kind));
  g_assert_cmpstr (kind, ==, "seven");
  g_assert_true (pith_word_list_lookup (copy, "word4998", 8, &kind));
  g_assert_cmpstr (kind, ==, "even");
}

/* The list asked of every word, once a process: the cache's list, the
 * same each time; a list the library lacks is an empty one. */
static void
test_once_a_process (void)
{
  static const PithWordList *stopwords;
  static const PithWordList *missing;
  const PithWordList *list = pith_word_list_get_once (&stopwords, "summarize/stopwords-en.txt");

  g_assert_nonnull (list);
  g_assert_true (list == pith_word_list_get ("summarize/stopwords-en.txt"));
  g_assert_true (pith_word_list_get_once (&stopwords, "summarize/stopwords-en.txt") == list);
  g_assert_true (pith_word_list_lookup (list, "the", 3, NULL));

  g_assert_null (pith_word_list_get ("summarize/no-such-list.txt"));
  list = pith_word_list_get_once (&missing, "summarize/no-such-list.txt");
  g_assert_nonnull (list);
  g_assert_false (pith_word_list_lookup (list, "the", 3, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Pith/WordList/lookups-and-the-quick-check", test_lookups_and_the_quick_check);
  g_test_add_func ("/Pith/WordList/once-a-process", test_once_a_process);
  g_test_add_func ("/Pith/WordList/many-words-and-copies", test_many_words_and_copies);
  return g_test_run ();
}
