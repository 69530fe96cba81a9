/* test-entity-groups.c: one entity, one label
 *
 * The grouping of the entities stage on mentions laid down by hand, with
 * the labels and confidences a tagger might give them, so each rule is
 * tried whatever the shipped model says.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <pith/pith.h>

#include "pith-entity-groups-private.h"

typedef struct
{
  const char *text;         /* a word or words of the document */
  const char *label;
  double score;
} Mention;

/* A document of @mentions' texts one after the other, each mention an
 * entity span, then grouped. */
static PithDocument *
grouped (const Mention *mentions,
         guint          n_mentions)
{
  GString *text = g_string_new (NULL);
  g_autofree gsize *starts = g_new (gsize, n_mentions);
  PithDocument *document;

  for (guint m = 0; m < n_mentions; m++)
    {
      starts[m] = text->len;
      g_string_append_printf (text, "%s said. ", mentions[m].text);
    }
  document = pith_document_new (text->str);
  for (guint m = 0; m < n_mentions; m++)
    pith_document_add_span_bytes (document, PITH_LAYER_ENTITY, starts[m], starts[m] + strlen (mentions[m].text),
                                  g_quark_from_string (mentions[m].label), mentions[m].score);
  g_string_free (text, TRUE);
  {
    g_autoptr(PithReportTable) groups = pith_entity_groups_build (document);
    g_autoptr(JsonNode) report = pith_report_table_to_json_node (groups);

    pith_document_set_report_node (document, "entity_groups", report);
  }
  return document;
}

static const char *
label_at (PithDocument *document,
          guint         m)
{
  return g_quark_to_string (pith_layer_get_label (pith_document_peek_layer (document, PITH_LAYER_ENTITY), m));
}

static gint64
group_at (PithDocument *document,
          guint         m)
{
  gint64 group = -1;

  g_assert_true (pith_document_get_span_integer (document, PITH_LAYER_ENTITY, m, "entity", &group));
  return group;
}

static JsonObject *
group (PithDocument *document,
       gint64        index)
{
  JsonArray *groups = json_node_get_array (pith_document_get_report_node (document, "entity_groups"));

  return json_array_get_object_element (groups, (guint) index);
}

/* Every mention carries its group's label, and no group is listed twice
 * under one name and label. */
static void
assert_one_label_per_group (PithDocument *document,
                            guint         n_mentions)
{
  JsonArray *groups = json_node_get_array (pith_document_get_report_node (document, "entity_groups"));
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint m = 0; m < n_mentions; m++)
    g_assert_cmpstr (label_at (document, m), ==,
                     json_object_get_string_member (group (document, group_at (document, m)), "label"));
  for (guint g = 0; g < json_array_get_length (groups); g++)
    {
      JsonObject *object = json_array_get_object_element (groups, g);
      char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (object, "name"),
                                   json_object_get_string_member (object, "label"));

      g_assert_false (g_hash_table_contains (listed, key));
      g_hash_table_add (listed, key);
    }
}

/* A stray label among many mentions of one place takes the group's. */
static void
test_stray_label_takes_the_groups (void)
{
  static const Mention mentions[] = {
    { "Nagorno-Karabakh", "LOC", 0.85 }, { "Nagorno-Karabakh", "LOC", 0.74 },
    { "Nagorno-Karabakh", "ORG", 0.72 }, { "Nagorno-Karabakh", "LOC", 0.60 },
    { "Nagorno-Karabakh", "MISC", 0.71 }, { "Nagorno-Karabakh", "LOC", 0.83 },
    { "Nagorno-Karabakh", "LOC", 0.78 }, { "Nagorno-Karabakh", "LOC", 0.90 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  for (guint m = 0; m < G_N_ELEMENTS (mentions); m++)
    {
      g_assert_cmpstr (label_at (document, m), ==, "LOC");
      g_assert_cmpint (group_at (document, m), ==, group_at (document, 0));
    }
  g_assert_cmpint (json_object_get_int_member (group (document, group_at (document, 0)), "mentions"), ==, 8);
}

/* Two entities of one name, each sure and each a fair share of the
 * mentions: the state and the man, two groups with a label each. */
static void
test_two_entities_of_one_name (void)
{
  static const Mention mentions[] = {
    { "Washington", "LOC", 0.95 }, { "Washington", "PER", 0.93 }, { "Washington", "LOC", 0.91 },
    { "Washington", "PER", 0.97 }, { "Washington", "LOC", 0.60 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  for (guint m = 0; m < G_N_ELEMENTS (mentions); m++)
    g_assert_cmpstr (label_at (document, m), ==, mentions[m].label);
  g_assert_cmpint (group_at (document, 0), ==, group_at (document, 2));
  g_assert_cmpint (group_at (document, 1), ==, group_at (document, 3));
  g_assert_cmpint (group_at (document, 0), !=, group_at (document, 1));
  g_assert_cmpint (json_object_get_int_member (group (document, group_at (document, 0)), "mentions"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (group (document, group_at (document, 1)), "mentions"), ==, 2);
}

/* A lone surname is the person named in full when the tagger was sure of
 * the full name; a name tagged a word too long, and unsure, does not make
 * a place the tagger is sure of a person. */
static void
test_surnames (void)
{
  static const Mention mentions[] = {
    { "MaliVai Washington", "PER", 0.99 }, { "Washington", "LOC", 0.94 },
    { "Lebed Chechnya", "PER", 0.62 }, { "Chechnya", "LOC", 0.95 }, { "Chechnya", "LOC", 0.97 },
    { "Roberto Duran", "PER", 0.98 }, { "Duran", "MISC", 0.65 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  g_assert_cmpstr (label_at (document, 1), ==, "PER");
  g_assert_cmpint (group_at (document, 1), ==, group_at (document, 0));
  g_assert_cmpstr (label_at (document, 3), ==, "LOC");
  g_assert_cmpstr (label_at (document, 4), ==, "LOC");
  g_assert_cmpint (group_at (document, 3), !=, group_at (document, 2));
  g_assert_cmpstr (label_at (document, 6), ==, "PER");
  g_assert_cmpint (group_at (document, 6), ==, group_at (document, 5));
}

/* A headline's word alone does not make a group of its name a person's:
 * the label is the one the mentions are surest of together. */
static void
test_headline_word_outvoted (void)
{
  static const Mention mentions[] = {
    { "ROTOR", "PER", 0.59 }, { "Rotor", "ORG", 0.58 }, { "Rotor", "ORG", 0.69 }, { "Rotor", "ORG", 0.66 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  for (guint m = 0; m < G_N_ELEMENTS (mentions); m++)
    {
      g_assert_cmpstr (label_at (document, m), ==, "ORG");
      g_assert_cmpint (group_at (document, m), ==, group_at (document, 0));
    }
}

/* A company named once with its legal form is that company by its name
 * alone, whatever the tagger made of it; a name that only opens a longer
 * one, with no legal form after, keeps its own label. */
static void
test_company_without_legal_form (void)
{
  static const Mention mentions[] = {
    { "Ruch SA", "ORG", 0.72 }, { "Ruch", "PER", 0.48 }, { "Ruch", "PER", 0.96 },
    { "Dow Chemical Co", "ORG", 0.95 }, { "Dow Chemical", "MISC", 0.60 },
    { "Johnson Controls", "ORG", 0.93 }, { "Johnson", "PER", 0.90 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  for (guint m = 1; m <= 2; m++)
    {
      g_assert_cmpstr (label_at (document, m), ==, "ORG");
      g_assert_cmpint (group_at (document, m), ==, group_at (document, 0));
    }
  g_assert_cmpstr (label_at (document, 4), ==, "ORG");
  g_assert_cmpint (group_at (document, 4), ==, group_at (document, 3));
  g_assert_cmpstr (label_at (document, 6), ==, "PER");
  g_assert_cmpint (group_at (document, 6), !=, group_at (document, 5));
}

/* A company whose name opens with a possessive is that company by the
 * possessive alone ("Boatmen's" after "Boatmen's Bancshares Inc."); a
 * possessive before a name of no legal form is not ("Nissan's" of
 * "Nissan's Infiniti brand"). */
static void
test_company_by_possessive (void)
{
  static const Mention mentions[] = {
    { "Boatmen's Bancshares Inc.", "ORG", 0.90 }, { "Boatmen's", "PER", 0.40 },
    { "McDonald's Corp.", "ORG", 0.95 }, { "McDonald's", "ORG", 0.80 },
    { "Nissan's Infiniti", "MISC", 0.90 }, { "Nissan's", "PER", 0.60 },
  };
  g_autoptr(PithDocument) document = grouped (mentions, G_N_ELEMENTS (mentions));

  assert_one_label_per_group (document, G_N_ELEMENTS (mentions));
  g_assert_cmpstr (label_at (document, 1), ==, "ORG");
  g_assert_cmpint (group_at (document, 1), ==, group_at (document, 0));
  g_assert_cmpint (group_at (document, 3), ==, group_at (document, 2));
  g_assert_cmpint (group_at (document, 5), !=, group_at (document, 4));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/EntityGroups/stray-label", test_stray_label_takes_the_groups);
  g_test_add_func ("/Pith/EntityGroups/two-entities", test_two_entities_of_one_name);
  g_test_add_func ("/Pith/EntityGroups/surnames", test_surnames);
  g_test_add_func ("/Pith/EntityGroups/headline-word", test_headline_word_outvoted);
  g_test_add_func ("/Pith/EntityGroups/company-without-legal-form", test_company_without_legal_form);
  g_test_add_func ("/Pith/EntityGroups/company-by-possessive", test_company_by_possessive);

  return g_test_run ();
}
