/* test-offset-map.c: the map from edited text back to raw input
 *
 * Randomised edit sequences, single and batched, against a reference model
 * that remembers where every character came from.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <pith/pith.h>

static const char * const alphabet[] = { "a", "b", " ", "\n", "é", "中", "😀", "x", "Z" };

/* One character of the reference model: its text and the raw code point it
 * was copied from, or -1 if an edit inserted it. */
typedef struct
{
  const char *text;
  int origin;
} RefChar;

static char *
ref_to_string (GArray *ref)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ref->len; i++)
    g_string_append (out, g_array_index (ref, RefChar, i).text);
  return g_string_free (out, FALSE);
}

static void
check_map (PithDocument *document,
           GArray       *ref,
           gsize         raw_length)
{
  g_autofree char *expected = ref_to_string (ref);
  int previous_origin = -1;

  g_assert_cmpstr (pith_document_get_text (document), ==, expected);
  g_assert_cmpuint (pith_document_get_length (document), ==, ref->len);

  for (guint i = 0; i < ref->len; i++)
    {
      RefChar *c = &g_array_index (ref, RefChar, i);
      gsize raw_start = 0;
      gsize raw_end = 0;

      g_assert_true (pith_document_map_to_raw (document, i, i + 1, &raw_start, &raw_end, NULL));
      if (c->origin >= 0)
        {
          /* A character copied from the raw input maps to exactly itself. */
          g_assert_cmpuint (raw_start, ==, (gsize) c->origin);
          g_assert_cmpuint (raw_end, ==, (gsize) c->origin + 1);
          previous_origin = c->origin;
        }
      else
        {
          /* An inserted character maps between its copied neighbours. */
          int next_origin = (int) raw_length;

          for (guint j = i + 1; j < ref->len; j++)
            if (g_array_index (ref, RefChar, j).origin >= 0)
              {
                next_origin = g_array_index (ref, RefChar, j).origin;
                break;
              }
          g_assert_cmpint ((int) raw_start, >=, previous_origin + 1);
          g_assert_cmpint ((int) raw_end, <=, next_origin);
          g_assert_cmpuint (raw_start, <=, raw_end);
        }
    }

  {
    gsize raw_start;
    gsize raw_end;
    g_assert_true (pith_document_map_to_raw (document, 0, ref->len, &raw_start, &raw_end, NULL));
    g_assert_cmpuint (raw_end, <=, raw_length);
  }
}

static void
ref_replace (GArray     *ref,
             guint       start,
             guint       end,
             GPtrArray  *inserted)
{
  g_array_remove_range (ref, start, end - start);
  for (guint k = 0; k < inserted->len; k++)
    {
      RefChar c = { g_ptr_array_index (inserted, k), -1 };
      g_array_insert_val (ref, start + k, c);
    }
}

static GPtrArray *
random_chars (GRand *rand,
              guint  max)
{
  GPtrArray *chars = g_ptr_array_new ();
  guint n = (guint) g_rand_int_range (rand, 0, (gint32) max + 1);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (chars, (gpointer) alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))]);
  return chars;
}

static char *
join_chars (GPtrArray *chars)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    g_string_append (out, g_ptr_array_index (chars, i));
  return g_string_free (out, FALSE);
}

static void
test_random_edits (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261128);

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr(GPtrArray) raw_chars = random_chars (rand, 40);
      g_autofree char *raw = join_chars (raw_chars);
      g_autoptr(PithDocument) document = pith_document_new (raw);
      g_autoptr(GArray) ref = g_array_new (FALSE, FALSE, sizeof (RefChar));

      for (guint i = 0; i < raw_chars->len; i++)
        {
          RefChar c = { g_ptr_array_index (raw_chars, i), (int) i };
          g_array_append_val (ref, c);
        }
      check_map (document, ref, raw_chars->len);

      for (guint step = 0; step < 8; step++)
        {
          if (g_rand_boolean (rand))
            {
              /* One edit in code points through the public API. */
              guint start = (guint) g_rand_int_range (rand, 0, (gint32) ref->len + 1);
              guint end = (guint) g_rand_int_range (rand, (gint32) start, (gint32) ref->len + 1);
              g_autoptr(GPtrArray) inserted = random_chars (rand, 4);
              g_autofree char *replacement = join_chars (inserted);

              g_assert_true (pith_document_replace (document, start, end, replacement, NULL));
              ref_replace (ref, start, end, inserted);
            }
          else
            {
              /* A batch of sorted, disjoint edits in bytes. */
              g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (PithEdit));
              g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
              g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
              g_autoptr(GArray) bounds = g_array_new (FALSE, FALSE, sizeof (guint));
              guint position = 0;

              while (position <= ref->len && g_rand_int_range (rand, 0, 3) != 0)
                {
                  guint start = (guint) g_rand_int_range (rand, (gint32) position, (gint32) ref->len + 1);
                  guint end = (guint) g_rand_int_range (rand, (gint32) start, (gint32) MIN (ref->len, start + 4) + 1);
                  GPtrArray *inserted = random_chars (rand, 3);
                  char *replacement = join_chars (inserted);
                  PithEdit edit = {
                    pith_document_char_to_byte (document, start),
                    pith_document_char_to_byte (document, end),
                    replacement, -1,
                  };

                  g_array_append_val (edits, edit);
                  g_ptr_array_add (keep, inserted);
                  g_ptr_array_add (strings, replacement);
                  g_array_append_val (bounds, start);
                  g_array_append_val (bounds, end);
                  position = end + 1;
                }

              pith_document_apply_edits (document, (PithEdit *) (gpointer) edits->data, edits->len);
              for (guint k = edits->len; k > 0; k--)
                ref_replace (ref, g_array_index (bounds, guint, 2 * (k - 1)),
                             g_array_index (bounds, guint, 2 * (k - 1) + 1),
                             g_ptr_array_index (keep, k - 1));
            }

          check_map (document, ref, raw_chars->len);
          g_assert_cmpstr (pith_document_get_raw (document), ==, raw);
        }
    }
}

static void
test_deleted_text_maps_to_gap (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("[ad_1] Hello world");
  gsize raw_start;
  gsize raw_end;

  g_assert_true (pith_document_replace (document, 0, 7, "", NULL));
  g_assert_cmpstr (pith_document_get_text (document), ==, "Hello world");
  g_assert_true (pith_document_map_to_raw (document, 6, 11, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 13);
  g_assert_cmpuint (raw_end, ==, 18);

  /* A span across the removed marker covers it in the raw input. */
  g_assert_true (pith_document_replace (document, 0, 0, "> ", NULL));
  g_assert_true (pith_document_map_to_raw (document, 0, 7, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 0);
  g_assert_cmpuint (raw_end, ==, 12);
}

static void
test_replacement_maps_to_whole_source (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("Caf&eacute; au lait");
  gsize raw_start;
  gsize raw_end;

  g_assert_true (pith_document_replace (document, 3, 11, "é", NULL));
  g_assert_cmpstr (pith_document_get_text (document), ==, "Café au lait");
  g_assert_true (pith_document_map_to_raw (document, 3, 4, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 3);
  g_assert_cmpuint (raw_end, ==, 11);
  g_assert_true (pith_document_map_to_raw (document, 0, 4, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 0);
  g_assert_cmpuint (raw_end, ==, 11);
  g_assert_true (pith_document_map_to_raw (document, 5, 7, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 12);
  g_assert_cmpuint (raw_end, ==, 14);
}

static void
test_two_edits_in_one_replacement (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("0123456789");
  const PithEdit edits[] = { { 2, 3, "a", -1 }, { 3, 4, "b", -1 } };
  gsize raw_start;
  gsize raw_end;

  g_assert_true (pith_document_replace (document, 2, 6, "XY", NULL));
  pith_document_apply_edits (document, edits, G_N_ELEMENTS (edits));
  g_assert_cmpstr (pith_document_get_text (document), ==, "01ab6789");
  g_assert_true (pith_document_map_to_raw (document, 2, 4, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 2);
  g_assert_cmpuint (raw_end, ==, 6);
  g_assert_true (pith_document_map_to_raw (document, 4, 8, &raw_start, &raw_end, NULL));
  g_assert_cmpuint (raw_start, ==, 6);
  g_assert_cmpuint (raw_end, ==, 10);
}

static void
test_out_of_range (void)
{
  g_autoptr(PithDocument) document = pith_document_new ("abc");
  g_autoptr(GError) error = NULL;
  gsize raw_start;

  g_assert_false (pith_document_map_to_raw (document, 2, 9, &raw_start, NULL, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (pith_document_replace (document, 3, 2, "x", &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
  g_clear_error (&error);
  g_assert_false (pith_document_replace (document, 0, 1, "\xff", &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/OffsetMap/random-edits", test_random_edits);
  g_test_add_func ("/Pith/OffsetMap/deletion", test_deleted_text_maps_to_gap);
  g_test_add_func ("/Pith/OffsetMap/replacement", test_replacement_maps_to_whole_source);
  g_test_add_func ("/Pith/OffsetMap/two-edits-in-one-replacement", test_two_edits_in_one_replacement);
  g_test_add_func ("/Pith/OffsetMap/out-of-range", test_out_of_range);

  return g_test_run ();
}
