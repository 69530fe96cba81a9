/* test-entity-appositions.c: what the words around a name say of it
 *
 * The rules on sentences tagged by hand, whatever the shipped model
 * would tag them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "pith-entity-appositions-private.h"
#include "pith-ner-model-private.h"
#include "pith-test-ner-tags.h"

#define LOC_BEGINS (1u << PITH_NER_TYPE_LOC)
#define LOC_GOES_ON (1u << (4 + PITH_NER_TYPE_LOC))

typedef struct
{
  const char *words;        /* space-separated */
  const char *tags;         /* space-separated, BILOU names, O */
  const char *places;       /* per word: B where a gazetteer place begins, I where it goes on, - elsewhere */
  const char *expected;     /* the tags after */
} Case;

static void
test_cases (void)
{
  static const Case cases[] = {
    /* A town with its state: a place, whatever the tagger said. */
    { "in Ferguson , Missouri , police said", "O U-PER O U-LOC O O O", "- - - B - - -",
      "O U-LOC O U-LOC O O O" },
    { "Ferguson , Missouri ( CNN )", "U-PER O U-LOC O U-ORG O", "- - B - - -", "U-LOC O U-LOC O U-ORG O" },
    { "from Cherokee , North Carolina .", "O U-ORG O B-LOC L-LOC O", "- - - B I -", "O U-LOC O B-LOC L-LOC O" },
    /* A runner and her country in a table, a list of clubs, what is the
     * place's, a place that is the subject of a verb: as the tagger said. */
    { "Luli Popescu , Romania , 2:31", "B-PER L-PER O U-LOC O O", "- - - B - -", NULL },
    { "Essex , Kent , Surrey", "U-ORG O U-ORG O U-ORG", "- - B - B", NULL },
    { "beat Cornell , Princeton and Brown", "O U-ORG O U-ORG O U-ORG", "- - - B - -", NULL },
    { "Mossad , Israel 's spy agency", "U-ORG O U-LOC O O O", "- - B - - -", NULL },
    { "ISIS , Nigeria has said", "U-ORG O U-LOC O O", "- - B - -", NULL },
    /* What the place is, before it: a place. A nationality, and a name
     * of its own ("the City of London"), as the tagger said. */
    { "the town of Ferguson said", "O O O U-PER O", "- - - - -", "O O O U-LOC O" },
    { "towns like Ferguson will", "O O U-ORG O", "- - - -", "O O U-LOC O" },
    { "the city of New Orleans", "O O O B-ORG L-ORG", "- - - - -", "O O O B-LOC L-LOC" },
    { "towns like Swiss ones", "O O U-MISC O", "- - - -", NULL },
    { "the City of London", "O B-ORG I-ORG L-ORG", "- - - B", NULL },
    /* An age: a person. A nationality stays one. */
    { "of Cayman Naib , 13 , have", "O B-LOC L-LOC O O O O", "- - - - - - -", "O B-PER L-PER O O O O" },
    { "an Italian , 50 , was", "O U-MISC O O O O", "- - - - - -", NULL },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_auto(GStrv) words = g_strsplit (cases[c].words, " ", -1);
      g_auto(GStrv) tag_names = g_strsplit (cases[c].tags, " ", -1);
      g_auto(GStrv) places = g_strsplit (cases[c].places, " ", -1);
      g_auto(GStrv) expected = g_strsplit (cases[c].expected != NULL ? cases[c].expected : cases[c].tags, " ", -1);
      guint n = g_strv_length (words);
      g_autofree int *tags = g_new0 (int, n);
      g_autofree float *margins = g_new0 (float, n);
      g_autofree guint8 *marks = g_new0 (guint8, n);
      g_autofree guint8 *defined = g_new0 (guint8, n);
      gboolean changed;

      g_assert_cmpuint (g_strv_length (tag_names), ==, n);
      g_assert_cmpuint (g_strv_length (places), ==, n);
      for (guint i = 0; i < n; i++)
        {
          tags[i] = pith_test_ner_tag (tag_names[i]);
          margins[i] = 10.0f;
          marks[i] = places[i][0] == 'B' ? LOC_BEGINS : places[i][0] == 'I' ? LOC_GOES_ON : 0;
        }
      changed = pith_entity_appositions_apply ((const char * const *) words, n, marks, tags, margins, defined);
      for (guint i = 0; i < n; i++)
        if (strcmp (pith_ner_tag_name (tags[i]), expected[i]) != 0)
          g_error ("“%s”, word %u: expected %s, got %s", cases[c].words, i, expected[i],
                   pith_ner_tag_name (tags[i]));
      g_assert_true (changed == (cases[c].expected != NULL && strcmp (cases[c].expected, cases[c].tags) != 0));
      /* A relabelled name's confidence is the rule's. */
      for (guint i = 0; i < n; i++)
        if (strcmp (tag_names[i], expected[i]) != 0)
          {
            g_assert_true (isnan (margins[i]));
            g_assert_true (defined[i]);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/EntityAppositions/cases", test_cases);

  return g_test_run ();
}
