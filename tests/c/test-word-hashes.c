/* test-word-hashes.c: the tables of words' 64-bit hashes the stages ask
 * about every word: sorted hashes found through their directory, hashes
 * with a small value in their slot, hashes with a value beside them
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "pith-little-endian-private.h"
#include "pith-sorted-hashes-private.h"
#include "pith-word-hashes-private.h"
#include "pith-word-slots-private.h"

static int
compare_u64 (gconstpointer a,
             gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* Every hash of a sorted table is found at its index, whatever the
 * table's size (a run of all of it, or thousands of runs), and a hash it
 * lacks is not, below, between and above its hashes. */
static void
test_sorted_hashes_directory (void)
{
  static const gsize sizes[] = { 0, 1, 5, 8, 9, 100, 20000 };
  GRand *rand = g_rand_new_with_seed (17);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gsize n = sizes[s];
      g_autofree guint64 *values = g_new (guint64, MAX (n, 1));
      g_autofree guint8 *bytes = g_new (guint8, MAX (n, 1) * 8);
      PithSortedHashes table;

      for (gsize i = 0; i < n; i++)
        values[i] = ((guint64) g_rand_int (rand) << 32 | g_rand_int (rand)) | 2;
      qsort (values, n, sizeof (guint64), compare_u64);
      for (gsize i = 0; i < n; i++)
        for (int b = 0; b < 8; b++)
          bytes[i * 8 + b] = (guint8) (values[i] >> (8 * b));
      pith_sorted_hashes_init (&table, bytes, n);
      for (gsize i = 0; i < n; i++)
        if (i == 0 || values[i] != values[i - 1])
          g_assert_cmpint (pith_sorted_hashes_find (&table, values[i]), ==, (gssize) i);
      for (gsize i = 0; i < n; i++)
        {
          guint64 absent = values[i] ^ 1;

          if (bsearch (&absent, values, n, sizeof (guint64), compare_u64) == NULL)
            g_assert_cmpint (pith_sorted_hashes_find (&table, absent), ==, -1);
        }
      g_assert_cmpint (pith_sorted_hashes_find (&table, 0), ==, -1);
      g_assert_cmpint (pith_sorted_hashes_find (&table, G_MAXUINT64), ==, -1);
      pith_sorted_hashes_clear (&table);
    }
  g_rand_free (rand);
}

/* A hash keeps the last value given it, in its slot beside the hash's
 * high bits; hashes that differ in their low byte alone are one word;
 * an emptied table keeps its room and holds nothing. */
static void
test_word_hashes_values (void)
{
  PithWordHashes table = { NULL, };
  gsize capacity;

  for (guint i = 0; i < 3000; i++)
    pith_word_hashes_insert (&table, pith_word_hash ((const char *) &i, sizeof i), (guint8) (i % 255 + 1));
  pith_word_hashes_insert (&table, pith_word_hash ("Lisbon", 6), 7);
  pith_word_hashes_insert (&table, pith_word_hash ("Lisbon", 6), 9);
  for (guint i = 0; i < 3000; i++)
    g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ((const char *) &i, sizeof i)), ==,
                      i % 255 + 1);
  g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ("Lisbon", 6)), ==, 9);
  g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ("Lisbon", 6) ^ 0x5a), ==, 9);
  g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ("Porto", 5)), ==, 0);
  g_assert_cmpuint (table.n, ==, 3001);

  capacity = table.capacity;
  pith_word_hashes_empty (&table);
  g_assert_cmpuint (table.capacity, ==, capacity);
  g_assert_cmpuint (table.n, ==, 0);
  g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ("Lisbon", 6)), ==, 0);
  pith_word_hashes_clear (&table);
  g_assert_cmpuint (pith_word_hashes_lookup (&table, pith_word_hash ("Lisbon", 6)), ==, 0);
}

/* Each word's slot holds the value set in it; a word added again is found
 * in its slot, not added; a word the table lacks has none. */
static void
test_word_slots (void)
{
  PithWordSlots table;
  gboolean added;

  pith_word_slots_init (&table);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *word = g_strdup_printf ("stem%u", i);

      pith_word_slots_insert (&table, pith_word_slots_key (word, strlen (word)), &added)->value.number = (float) i;
      g_assert_true (added);
    }
  g_assert_true (pith_word_slots_insert (&table, pith_word_slots_key ("stem7", 5), &added)->value.number == 7.0f);
  g_assert_false (added);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *word = g_strdup_printf ("stem%u", i);
      const PithWordSlot *slot = pith_word_slots_find (&table, pith_word_slots_key (word, strlen (word)));

      g_assert_nonnull (slot);
      g_assert_true (slot->value.number == (float) i);
    }
  g_assert_null (pith_word_slots_find (&table, pith_word_slots_key ("stem3000", 8)));
  g_assert_cmpuint (table.n, ==, 3000);
  pith_word_slots_clear (&table);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Pith/WordHashes/sorted-hashes-directory", test_sorted_hashes_directory);
  g_test_add_func ("/Pith/WordHashes/values", test_word_hashes_values);
  g_test_add_func ("/Pith/WordHashes/slots", test_word_slots);
  return g_test_run ();
}
