/* test-word-table.c: words to small numbers, as the summarizer and the
 * stemmer count on them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib.h>

#include "pith-word-table-private.h"

static guint32
add (PithWordTable *table,
     const char    *word,
     gsize          length,
     gboolean      *added)
{
  return pith_word_table_add (table, word, length, pith_word_table_hash (word, length), added);
}

static guint32
find (PithWordTable *table,
      const char    *word,
      gsize          length)
{
  return pith_word_table_find (table, word, length, pith_word_table_hash (word, length));
}

/* Numbers in order of first sight, kept through every growth, each word
 * read back whole and NUL-terminated. */
static void
test_numbers_stay (void)
{
  g_autoptr(PithWordTable) table = pith_word_table_new ();
  gboolean added;

  for (guint i = 0; i < 100000; i++)
    {
      g_autofree char *word = g_strdup_printf ("w%u", i);

      g_assert_cmpuint (add (table, word, strlen (word), &added), ==, i);
      g_assert_true (added);
    }
  g_assert_cmpuint (pith_word_table_size (table), ==, 100000);
  for (guint i = 0; i < 100000; i += 7)
    {
      g_autofree char *word = g_strdup_printf ("w%u", i);

      g_assert_cmpuint (add (table, word, strlen (word), &added), ==, i);
      g_assert_false (added);
      g_assert_cmpuint (find (table, word, strlen (word)), ==, i);
      g_assert_cmpstr (pith_word_table_get_word (table, i), ==, word);
    }
  g_assert_cmpuint (find (table, "w100000", 7), ==, PITH_WORD_TABLE_NONE);
  g_assert_cmpuint (pith_word_table_memory_size (table), <, 100000 * 40);
}

/* A word is its bytes and its length: prefixes, the empty word and words
 * with a NUL inside are all words of their own. */
static void
test_lengths_count (void)
{
  g_autoptr(PithWordTable) table = pith_word_table_new ();
  gboolean added;
  guint32 ab = add (table, "ab", 2, &added);
  guint32 a = add (table, "ab", 1, &added);
  guint32 empty = add (table, "", 0, &added);
  guint32 with_nul = add (table, "a\0b", 3, &added);

  g_assert_true (added);
  g_assert_cmpuint (a, !=, ab);
  g_assert_cmpuint (empty, !=, a);
  g_assert_cmpuint (with_nul, !=, a);
  g_assert_cmpuint (find (table, "a", 1), ==, a);
  g_assert_cmpuint (find (table, "a\0b", 3), ==, with_nul);
  g_assert_cmpuint (find (table, "", 0), ==, empty);
  g_assert_cmpstr (pith_word_table_get_word (table, a), ==, "a");
  g_assert_cmpstr (pith_word_table_get_word (table, empty), ==, "");
}

/* Words whose hashes collide are told apart by their bytes. */
static void
test_collisions (void)
{
  g_autoptr(PithWordTable) table = pith_word_table_new ();
  gboolean added;

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *word = g_strdup_printf ("c%u", i);

      g_assert_cmpuint (pith_word_table_add (table, word, strlen (word), 42, &added), ==, i);
      g_assert_true (added);
    }
  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *word = g_strdup_printf ("c%u", i);

      g_assert_cmpuint (pith_word_table_find (table, word, strlen (word), 42), ==, i);
    }
}

/* A cleared table forgets its words and numbers from 0 again. */
static void
test_clear (void)
{
  g_autoptr(PithWordTable) table = pith_word_table_new ();
  gboolean added;

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *word = g_strdup_printf ("x%u", i);

      add (table, word, strlen (word), &added);
    }
  pith_word_table_clear (table);
  g_assert_cmpuint (pith_word_table_size (table), ==, 0);
  g_assert_cmpuint (find (table, "x1", 2), ==, PITH_WORD_TABLE_NONE);
  g_assert_cmpuint (add (table, "x1", 2, &added), ==, 0);
  g_assert_true (added);
  g_assert_cmpstr (pith_word_table_get_word (table, 0), ==, "x1");
}

/* Hashing while folding gives what hashing the folded word gives. */
static void
test_hash_steps (void)
{
  const char *word = "Harbour";
  guint32 hash = PITH_WORD_TABLE_HASH_START;

  for (const char *p = word; *p != '\0'; p++)
    hash = pith_word_table_hash_step (hash, (guchar) g_ascii_tolower (*p));
  g_assert_cmpuint (hash, ==, pith_word_table_hash ("harbour", 7));
  g_assert_cmpuint (hash, !=, pith_word_table_hash ("harbou", 6));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Pith/WordTable/numbers-stay", test_numbers_stay);
  g_test_add_func ("/Pith/WordTable/lengths-count", test_lengths_count);
  g_test_add_func ("/Pith/WordTable/collisions", test_collisions);
  g_test_add_func ("/Pith/WordTable/clear", test_clear);
  g_test_add_func ("/Pith/WordTable/hash-steps", test_hash_steps);
  return g_test_run ();
}
