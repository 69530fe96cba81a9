/* test-entity-joins.c: names news writes in pieces the tagger splits
 *
 * The rules on sentences tagged by hand, whatever the shipped model
 * would tag them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "pith-entity-joins-private.h"
#include "pith-ner-model-private.h"
#include "pith-test-ner-tags.h"

typedef struct
{
  const char *words;        /* space-separated */
  const char *tags;         /* space-separated, BILOU names, O */
  const char *places;       /* per word: B where a gazetteer place begins, - elsewhere; NULL for none */
  const char *expected;     /* the tags after; NULL when they stay */
} Case;

/* Applies the joins to @sentence, with the document's @possessives, and
 * checks the tags after, that the answer says whether any changed, and
 * that a joined name's confidence is the rule's. */
static void
check (const Case *sentence,
       GHashTable *possessives)
{
  g_auto(GStrv) words = g_strsplit (sentence->words, " ", -1);
  g_auto(GStrv) tag_names = g_strsplit (sentence->tags, " ", -1);
  g_auto(GStrv) places = sentence->places != NULL ? g_strsplit (sentence->places, " ", -1) : NULL;
  g_auto(GStrv) expected = g_strsplit (sentence->expected != NULL ? sentence->expected : sentence->tags, " ", -1);
  guint n = g_strv_length (words);
  g_autofree int *tags = g_new0 (int, n);
  g_autofree float *margins = g_new0 (float, n);
  g_autofree guint8 *marks = g_new0 (guint8, n);
  gboolean changed;

  g_assert_cmpuint (g_strv_length (tag_names), ==, n);
  g_assert_cmpuint (g_strv_length (expected), ==, n);
  for (guint i = 0; i < n; i++)
    {
      tags[i] = pith_test_ner_tag (tag_names[i]);
      margins[i] = 10.0f;
      marks[i] = places != NULL && places[i][0] == 'B' ? 1u << PITH_NER_TYPE_LOC : 0;
    }
  changed = pith_entity_joins_apply ((const char * const *) words, n, marks, tags, margins, possessives);
  for (guint i = 0; i < n; i++)
    if (strcmp (pith_ner_tag_name (tags[i]), expected[i]) != 0)
      g_error ("“%s”, word %u: expected %s, got %s", sentence->words, i, expected[i], pith_ner_tag_name (tags[i]));
  g_assert_true (changed == (sentence->expected != NULL));
  for (guint i = 0; i < n; i++)
    if (strcmp (tag_names[i], expected[i]) != 0)
      g_assert_true (isnan (margins[i]));
}

static void
test_nicknames (void)
{
  static const Case cases[] = {
    /* A nickname between a person's names, in quotes or brackets, and
     * whatever the tagger made of it: one person. */
    { "Hector \" Macho \" Camacho won", "U-PER O U-LOC O U-PER O", NULL,
      "B-PER I-PER I-PER I-PER L-PER O" },
    { "Roberto \" Hands of Stone \" Duran", "U-PER O B-ORG I-ORG L-ORG O U-PER", NULL,
      "B-PER I-PER I-PER I-PER I-PER I-PER L-PER" },
    { "star Dwayne “ The Rock ” Johnson hosts", "O U-PER O O U-MISC O U-PER O", NULL,
      "O B-PER I-PER I-PER I-PER I-PER L-PER O" },
    /* The tagger took the brackets into the last name's piece. */
    { "after James Leander ( Leo ) Nichols ,", "O B-PER L-PER O B-PER I-PER L-PER O", NULL,
      "O B-PER I-PER I-PER I-PER I-PER L-PER O" },
    /* A driver, his country and his team; a quotation after a name; a
     * description, not a name; a quotation too long for a nickname; a
     * nickname before a company: as the tagger said. */
    { "Hill ( Britain ) Williams", "U-PER O U-LOC O U-PER", "- - B - -", NULL },
    { "Smith said \" Jones \" was", "U-PER O O U-PER O O", NULL, NULL },
    { "Obama \" the president \" Biden", "U-PER O O O O U-PER", NULL, NULL },
    { "Smith \" Alpha Beta Gamma Delta Epsilon \" Jones", "U-PER O O O O O O O U-PER", NULL, NULL },
    { "Woods \" Tiger \" Nike", "U-PER O U-PER O U-ORG", NULL, NULL },
    { "Smith ( 45 ) Jones", "U-PER O O O U-PER", NULL, NULL },
  };
  g_autoptr(GHashTable) possessives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    check (&cases[c], possessives);
}

static void
test_possessives (void)
{
  /* One document's sentences, in order. */
  static const Case document[] = {
    /* Before the document names the company in full, a possessive is one. */
    { "Boatmen 's deal", "U-ORG O O", NULL, NULL },
    /* An organisation's possessive before a name that ends in a legal
     * form: one company, whose short name is then its possessive. */
    { "Boatmen 's Bancshares Inc. said", "U-ORG O B-ORG L-ORG O", NULL, "B-ORG I-ORG I-ORG L-ORG O" },
    { "Boatmen 's shares rose", "U-ORG O O O", NULL, "B-ORG L-ORG O O" },
    { "analysts said Boatmen 's .", "O O O O O", NULL, "O O B-ORG L-ORG O" },
    /* The tagger took it in whole: its short name too. */
    { "McDonald 's Corp. said", "B-ORG I-ORG L-ORG O", NULL, NULL },
    { "McDonald 's fell", "U-PER O O", NULL, "B-ORG L-ORG O" },
    /* A person's or a country's possessive before a company is its
     * owner's; a possessive before a name of no legal form is one. */
    { "Rupert Murdoch 's News Corp Ltd", "B-PER L-PER O B-ORG I-ORG L-ORG", NULL, NULL },
    { "Austria 's Immuno AG", "U-ORG O B-ORG L-ORG", "B - - -", NULL },
    { "Nissan 's Infiniti brand", "U-ORG O U-ORG O", NULL, NULL },
    { "Nissan 's chief", "U-ORG O O", NULL, NULL },
  };
  static const Case next_document[] = {
    { "Boatmen 's deal", "U-ORG O O", NULL, NULL },
  };
  g_autoptr(GHashTable) possessives = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < G_N_ELEMENTS (document); c++)
    check (&document[c], possessives);
  g_hash_table_remove_all (possessives);
  for (guint c = 0; c < G_N_ELEMENTS (next_document); c++)
    check (&next_document[c], possessives);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/EntityJoins/nicknames", test_nicknames);
  g_test_add_func ("/Pith/EntityJoins/possessives", test_possessives);

  return g_test_run ();
}
