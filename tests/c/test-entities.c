/* test-entities.c: the entities stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gstdio.h>
#include <pith/pith.h>

#include "pith-test-cases.h"

#define run pith_test_run

/* The label of the first entity whose text is @name, or NULL. */
static const char *
label_of (PithDocument *document,
          const char   *name)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *entities;
  guint n = 0;

  entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n = pith_layer_get_n_spans (entities);
  for (guint i = 0; i < n; i++)
    if (pith_layer_get_end (entities, i) - pith_layer_get_start (entities, i) == strlen (name) &&
        strncmp (text + pith_layer_get_start (entities, i), name, strlen (name)) == 0)
      return g_quark_to_string (pith_layer_get_label (entities, i));
  return NULL;
}

static void
test_sentences (void)
{
  static const struct { const char *text; const char *entities[6][2]; } cases[] = {
    { "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday.",
      { { "Angela Merkel", "PER" }, { "Emmanuel Macron", "PER" }, { "Berlin", "LOC" },
        { "German", "MISC" }, { "French", "MISC" } } },
    { "The United Nations Security Council met in New York to discuss the war in Ukraine.",
      { { "United Nations Security Council", "ORG" }, { "New York", "LOC" }, { "Ukraine", "LOC" } } },
    { "Manchester United beat Liverpool 2-1 at Old Trafford, with Marcus Rashford scoring twice.",
      { { "Manchester United", "ORG" }, { "Liverpool", "ORG" }, { "Marcus Rashford", "PER" } } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PithDocument) document = run ("clean ! segment ! entities", cases[c].text);

      for (guint e = 0; e < G_N_ELEMENTS (cases[c].entities) && cases[c].entities[e][0] != NULL; e++)
        if (g_strcmp0 (label_of (document, cases[c].entities[e][0]), cases[c].entities[e][1]) != 0)
          g_error ("“%s” in “%s”: expected %s, got %s", cases[c].entities[e][0], cases[c].text,
                   cases[c].entities[e][1], label_of (document, cases[c].entities[e][0]));
    }
}

/* What is not a person or a place, whatever its words look like: the
 * credit of an outlet standing alone in quotes after a sentence, and, in
 * text that shows case, a common noun in lowercase. */
static void
test_credits_and_common_nouns (void)
{
  g_autoptr(PithDocument) credit =
    run ("clean ! segment ! entities",
         "The ferry left at dawn (the quay is closed, the harbour master said.“MARTIN”). The port reopened later.");
  g_autoptr(PithDocument) quoted =
    run ("clean ! segment ! entities", "“Lindsey” was all she said when the ferry left Aldren.");
  g_autoptr(PithDocument) nouns =
    run ("clean ! segment ! entities",
         "The ferry left at dawn, the harbour master said, and the quay is 3 kilometers from the town of Aldren.");
  g_autoptr(PithDocument) lowercase =
    run ("clean ! segment ! entities", "i saw daniel ferreira at the harbour in aldren yesterday");
  const PithLayer *entities = pith_document_peek_layer (nouns, PITH_LAYER_ENTITY);
  const char *text = pith_document_get_text (nouns);

  g_assert_cmpstr (label_of (credit, "MARTIN"), ==, "ORG");
  g_assert_cmpstr (label_of (quoted, "Lindsey"), ==, "PER");
  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    g_assert_true (g_ascii_isupper (text[pith_layer_get_start (entities, i)]) ||
                   g_ascii_isdigit (text[pith_layer_get_start (entities, i)]));
  g_assert_cmpstr (label_of (nouns, "Aldren"), ==, "LOC");
  /* A text all in lowercase has names in lowercase. */
  g_assert_cmpstr (label_of (lowercase, "daniel ferreira"), ==, "PER");
}

/* The labels of every entity whose text is @name, joined by spaces. */
static char *
labels_of (PithDocument *document,
           const char   *name)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  GString *labels = g_string_new (NULL);

  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    if (pith_layer_get_end (entities, i) - pith_layer_get_start (entities, i) == strlen (name) &&
        strncmp (text + pith_layer_get_start (entities, i), name, strlen (name)) == 0)
      g_string_append_printf (labels, "%s%s", labels->len > 0 ? " " : "",
                              g_quark_to_string (pith_layer_get_label (entities, i)));
  return g_string_free (labels, FALSE);
}

/* What news writes around a name tells what it is, where the training's
 * reports of 1996 cannot: a town with its state after a comma is a place
 * in every mention ("Ferguson" is a surname to them), a name with an age
 * a person, a lowercase particle part of the name, and a company the
 * gazetteer or the brands know an organisation, not a place it is posted
 * on. */
static void
test_news_conventions (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
    "Protesters gathered in Ferguson, Missouri, on Tuesday. Police in Ferguson said the march was "
    "peaceful, and Ferguson officials agreed.\n\nA statement from al Qaeda claimed the attack. Cayman "
    "Naib, 13, was found on Friday. Shares of Facebook rose after the news was posted on Facebook.\n\n"
    "The singer posted a photo of the dress on Instagram, and fans on Tumblr shared it.\n\n"
    "Sunni clerics and Shia leaders met in Baghdad.\n\n"
    "The mayor wrote on Twitter that the bridge would reopen, and the video spread on YouTube within hours.\n");
  g_autofree char *ferguson = labels_of (document, "Ferguson");
  g_autofree char *facebook = labels_of (document, "Facebook");

  g_assert_cmpstr (ferguson, ==, "LOC LOC LOC");
  g_assert_cmpstr (label_of (document, "Cayman Naib"), ==, "PER");
  g_assert_cmpstr (label_of (document, "al Qaeda"), ==, "ORG");
  g_assert_null (label_of (document, "Qaeda"));
  g_assert_cmpstr (facebook, ==, "ORG ORG");
  g_assert_cmpstr (label_of (document, "Instagram"), ==, "ORG");
  g_assert_cmpstr (label_of (document, "Tumblr"), ==, "ORG");
  /* A brand's name is one where the tagger passes over it. */
  g_assert_cmpstr (label_of (document, "Twitter"), ==, "ORG");
  g_assert_cmpstr (label_of (document, "YouTube"), ==, "ORG");
  /* A faith is no group, though the gazetteer files it with them. */
  g_assert_cmpstr (label_of (document, "Sunni"), ==, "MISC");
  g_assert_cmpstr (label_of (document, "Shia"), ==, "MISC");
}

/* Names news writes with a word between their pieces are one name: a
 * nickname between a person's names, and a company named for a
 * possessive, which its short name, written with the possessive, is
 * after; a country's possessive before a company stays the country. */
static void
test_joined_names (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
    "Former champion Ramon \"El Toro\" Quintero fought again in Tucson on Saturday.\n\n"
    "Halvard's Bancshares Inc. agreed to buy a rival bank on Monday. Analysts said Halvard's offer "
    "was generous, and Halvard's shares rose. Brazil's Vale SA said it would sell a mine.\n");
  g_autofree char *halvard = labels_of (document, "Halvard's");

  g_assert_cmpstr (label_of (document, "Ramon \"El Toro\" Quintero"), ==, "PER");
  g_assert_null (label_of (document, "El Toro"));
  g_assert_cmpstr (label_of (document, "Halvard's Bancshares Inc."), ==, "ORG");
  g_assert_cmpstr (halvard, ==, "ORG ORG");
  g_assert_cmpstr (label_of (document, "Brazil"), ==, "LOC");
}

/* An acronym is no person in a sentence that shows case, whatever the
 * news says it did ("ISIS claiming"). */
static void
test_acronyms (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
    "Baradi declared ISIS had expanded into the south late last year. ISIS appears now to have laid "
    "down the gauntlet, with ISIS claiming the old guard was not doing enough. Few fighters wanted to "
    "support ISIS, said Omar Haddad.");
  g_autofree char *isis = labels_of (document, "ISIS");

  g_assert_cmpstr (isis, ==, "ORG ORG ORG ORG");
  g_assert_cmpstr (label_of (document, "Omar Haddad"), ==, "PER");
}

/* A month before a name is no part of it: no place, organisation or
 * event of CoNLL-2003 begins with one. */
static void
test_month_before_name (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
    "Analysts expect the September Treasury auction to draw strong demand. "
    "Traders sold March Eurodollars after the data.");

  g_assert_cmpstr (label_of (document, "Treasury"), ==, "ORG");
  g_assert_null (label_of (document, "September Treasury"));
  g_assert_nonnull (label_of (document, "Eurodollars"));
  g_assert_null (label_of (document, "March Eurodollars"));
}

/* A common noun the report uses for a name it gave in full ("the Port"
 * after "the Port of Valmora") is no name of its own, unless the report
 * makes it one. */
static void
test_generic_references (void)
{
  g_autoptr(PithDocument) plain = run ("clean ! segment ! entities",
    "Dock workers at the Port of Valmora ended a strike. The ministry agreed to review pay in the Port.");
  g_autoptr(PithDocument) defined = run ("clean ! segment ! entities",
    "Dock workers at the Port of Valmora (the \"Port\") ended a strike. The ministry agreed to review pay "
    "in the Port.");

  g_assert_nonnull (label_of (plain, "Port of Valmora"));
  g_assert_null (label_of (plain, "Port"));
  g_assert_nonnull (label_of (defined, "Port"));
}

/* A token longer than any name (a blob, a 10 MB "word") is no name,
 * whatever the tagger makes of the word that stands for it. */
static void
test_long_tokens (void)
{
  g_autofree char *blob = g_strnfill (4000, 'Q');
  g_autofree char *text = g_strdup_printf ("Officials in Baku said %s was found. %s", blob, blob);
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities", text);
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);

  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    g_assert_cmpuint (pith_layer_get_end (entities, i) - pith_layer_get_start (entities, i), <, 256);
  g_assert_cmpstr (label_of (document, "Baku"), ==, "LOC");
}

/* Whether the brackets of the @length bytes at @text pair up. */
static gboolean
brackets_balance (const char *text,
                  gsize       length)
{
  int depth = 0;

  for (gsize k = 0; k < length && depth >= 0; k++)
    depth += (text[k] == '(' || text[k] == '[') - (text[k] == ')' || text[k] == ']');
  return depth == 0;
}

/* A name never holds half a pair of brackets: a bracket the name does not
 * close divides it, and one it does close stays ("Mladost (BJ)"). */
static void
test_names_and_brackets (void)
{
  static const char * const texts[] = {
    "Chelsea midfielder (Frank) Lampard scored twice against Everton on Saturday.",
    "Olympic champion ( Lindsay ) Davenport beat Mary Joe Fernandez in New York.",
    "Results: Mladost (BJ) 0 Buducnost (V) 1, Proleter (Z) 2 Radnicki (N) 2.",
    "He saw (Tom) Seaver and (Jerry) Koosman pitch for the Mets in Queens.",
    "The group Hizbollah (Party of God) said its fighters attacked an Israeli post near Beirut.",
  };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(PithDocument) document = run ("clean ! segment ! entities", texts[t]);
      const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
      const char *text = pith_document_get_text (document);

      for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
        {
          gsize start = pith_layer_get_start (entities, i);
          gsize length = pith_layer_get_end (entities, i) - start;

          if (!brackets_balance (text + start, length))
            g_error ("“%.*s” in “%s” holds half a pair of brackets", (int) length, text + start, texts[t]);
        }
    }
}

/* Each entity's score: the tagger's names a probability between 0 and
 * 1, higher for a plain name than for a doubtful one; the rules' dates
 * and numbers 1. */
static void
test_scores (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
                                          "Angela Merkel met Emmanuel Macron in Berlin on Monday. "
                                          "Later Harbour Zelkova Trust said it would sue.");
  const char *text = pith_document_get_text (document);
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  double merkel = -1.0;
  double doubtful = -1.0;
  double monday = -1.0;

  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    {
      const char *start = text + pith_layer_get_start (entities, i);
      double score = pith_layer_get_score (entities, i);

      g_assert_cmpfloat (score, >, 0.0);
      g_assert_cmpfloat (score, <=, 1.0);
      if (g_str_has_prefix (start, "Angela Merkel"))
        merkel = score;
      else if (g_str_has_prefix (start, "Monday"))
        monday = score;
      else if (g_str_has_prefix (start, "Harbour") || g_str_has_prefix (start, "Zelkova"))
        doubtful = MAX (doubtful, score);
    }
  g_assert_cmpfloat (merkel, >, 0.9);
  g_assert_cmpfloat (monday, ==, 1.0);
  g_assert_cmpfloat (doubtful, >=, 0.0);
  g_assert_cmpfloat (doubtful, <, merkel);
}

static void
test_rules (void)
{
  static const struct { const char *text; const char *entity; const char *label; } cases[] = {
    { "They met on November 7 in the capital.", "November 7", "DATE" },
    { "The vote is on Nov. 8, 2020 in the capital.", "Nov. 8, 2020", "DATE" },
    { "The truce began on 10 October last year.", "10 October", "DATE" },
    { "The war began in 1991 and ended later.", "1991", "DATE" },
    { "Music changed in the 1990s for good.", "the 1990s", "DATE" },
    { "He spoke on Monday about it.", "Monday", "DATE" },
    { "Prices rose last week across the board.", "last week", "DATE" },
    { "The firm closed two years ago after losses.", "two years ago", "DATE" },
    { "The deadline is 10.10.2020 for all.", "10.10.2020", "DATE" },
    { "The talks began at 12 noon sharp.", "12 noon", "TIME" },
    { "The train leaves at 10:30 a.m. daily.", "10:30 a.m.", "TIME" },
    { "They met at midnight in secret.", "midnight", "TIME" },
    { "The deal is worth $4.2 billion overall.", "$4.2 billion", "MONEY" },
    { "The club paid €30m for him.", "€30m", "MONEY" },
    { "It cost 30 thousand dollars in the end.", "30 thousand dollars", "MONEY" },
    { "Inflation reached 10% this spring.", "10%", "PERCENT" },
    { "Turnout was 3.5 percent higher.", "3.5 percent", "PERCENT" },
    { "The town lies 11 kilometers from the border.", "11 kilometers", "QUANTITY" },
    { "They shipped 5 tonnes of grain.", "5 tonnes", "QUANTITY" },
    { "It was the first time in years.", "first", "ORDINAL" },
    { "She finished 2nd in the race.", "2nd", "ORDINAL" },
    { "More than 30 thousand people died.", "30 thousand", "CARDINAL" },
    { "The three ministers agreed.", "three", "CARDINAL" },
    { "The agreement covers 4,200 workers.", "4,200", "CARDINAL" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(PithDocument) document = run ("clean ! segment ! entities", cases[c].text);

      if (g_strcmp0 (label_of (document, cases[c].entity), cases[c].label) != 0)
        g_error ("“%s” in “%s”: expected %s, got %s", cases[c].entity, cases[c].text,
                 cases[c].label, label_of (document, cases[c].entity));
    }
}

/* The labels the stage declares are the ones it gives: every label found
 * in a text of every kind is declared, and every declared one is found. */
static void
test_declared_labels (void)
{
  static const char text[] =
    "Maria Lopez of the World Bank met Turkish officials in Ankara on Monday at 10:30 a.m. "
    "The $4.2 billion deal covers 11 kilometers of road, 3.5 percent of the budget and "
    "three bridges, the first in the Istanbul region.";
  g_autoptr(GError) error = NULL;
  g_autoptr(PithStage) stage = pith_registry_create_stage (pith_registry_get_default (), "entities",
                                                           0, NULL, NULL, &error);
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities", text);
  g_autoptr(GHashTable) found = g_hash_table_new (g_str_hash, g_str_equal);
  const char * const *labels;
  const PithLayer *spans;
  guint n = 0;

  g_assert_no_error (error);
  labels = pith_stage_get_labels (stage);
  g_assert_nonnull (labels);
  g_assert_cmpuint (g_strv_length ((char **) labels), ==, 11);

  spans = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n = pith_layer_get_n_spans (spans);
  for (guint i = 0; i < n; i++)
    {
      const char *label = g_quark_to_string (pith_layer_get_label (spans, i));

      if (!g_strv_contains (labels, label))
        g_error ("the stage gives %s, which it does not declare", label);
      g_hash_table_add (found, (gpointer) label);
    }
  for (guint i = 0; labels[i] != NULL; i++)
    if (!g_hash_table_contains (found, labels[i]))
      g_error ("the stage declares %s, which it did not give here", labels[i]);

  /* A stage that declares none has none. */
  {
    g_autoptr(PithStage) segment = pith_registry_create_stage (pith_registry_get_default (), "segment",
                                                               0, NULL, NULL, NULL);
    g_assert_null (pith_stage_get_labels (segment));
  }
}

static void
test_may_is_not_a_date (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities", "The talks May resume soon.");

  g_assert_null (label_of (document, "May"));
}

static JsonObject *
group_of (PithDocument *document,
          const char   *mention)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *entities;
  guint n = 0;
  JsonArray *groups = json_node_get_array (pith_document_get_report_node (document, "entity_groups"));

  entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n = pith_layer_get_n_spans (entities);
  for (guint i = 0; i < n; i++)
    if (pith_layer_get_end (entities, i) - pith_layer_get_start (entities, i) == strlen (mention) &&
        strncmp (text + pith_layer_get_start (entities, i), mention, strlen (mention)) == 0)
      {
        JsonNode *index = pith_document_get_span_attribute (document, PITH_LAYER_ENTITY, i, "entity");
        return index != NULL ? json_array_get_object_element (groups, (guint) json_node_get_int (index)) : NULL;
      }
  return NULL;
}

static void
test_groups (void)
{
  g_autoptr(PithDocument) document = run ("clean ! segment ! entities",
    "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin. "
    "Merkel said the European Union would act. Macron agreed, and the EU will meet in Brussels. "
    "Merkel left on Monday.");
  JsonObject *merkel = group_of (document, "Merkel");
  JsonObject *eu = group_of (document, "EU");

  g_assert_nonnull (merkel);
  g_assert_true (merkel == group_of (document, "Angela Merkel"));
  g_assert_cmpstr (json_object_get_string_member (merkel, "name"), ==, "Angela Merkel");
  g_assert_cmpstr (json_object_get_string_member (merkel, "label"), ==, "PER");
  g_assert_cmpint (json_object_get_int_member (merkel, "mentions"), ==, 3);
  g_assert_true (group_of (document, "Macron") == group_of (document, "Emmanuel Macron"));
  g_assert_nonnull (eu);
  g_assert_cmpstr (json_object_get_string_member (eu, "name"), ==, "European Union");
  /* Dates are not grouped. */
  g_assert_null (group_of (document, "Monday"));
}

static char *
write_patterns (const char *contents)
{
  char *path = g_build_filename (g_get_tmp_dir (), "pith-test-patterns-XXXXXX", NULL);
  int fd = g_mkstemp (path);

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_patterns (void)
{
  g_autofree char *path = write_patterns (
    "{\"label\": \"PRODUCT\", \"pattern\": \"quantum widget\"}\n"
    "\n"
    "{\"label\": \"ORG\", \"pattern\": [\"berlin\"], \"lower\": true}\n");
  static const struct { const char *merge; const char *berlin; } policies[] = {
    { "model-wins", "LOC" }, { "patterns-win", "ORG" }, { "longest", "ORG" },
  };

  for (guint p = 0; p < G_N_ELEMENTS (policies); p++)
    {
      g_autofree char *description = g_strdup_printf ("clean ! segment ! entities patterns=\"%s\" merge=%s",
                                                      path, policies[p].merge);
      g_autoptr(PithDocument) document = run (description,
        "They sold a quantum widget in Berlin to Angela Merkel.");

      /* A new label where the model found nothing, under any policy. */
      g_assert_cmpstr (label_of (document, "quantum widget"), ==, "PRODUCT");
      g_assert_cmpstr (label_of (document, "Berlin"), ==, policies[p].berlin);
      g_assert_cmpstr (label_of (document, "Angela Merkel"), ==, "PER");
    }
  g_unlink (path);
}

static void
test_patterns_errors (void)
{
  static const char * const bad[] = {
    "{\"label\": \"X\"}\n",
    "{\"pattern\": \"x\"}\n",
    "not json\n",
    "{\"label\": \"X\", \"pattern\": [1]}\n",
    "{\"label\": \"X\", \"pattern\": \"   \"}\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_patterns (bad[i]);
      g_autofree char *description = g_strdup_printf ("entities patterns=\"%s\"", path);
      g_autoptr(GError) error = NULL;
      g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string (description, &error);

      g_assert_null (pipeline);
      g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_VALUE);
      g_assert_nonnull (strstr (error->message, ":1:"));
      g_unlink (path);
    }
}

/* 60,000 mentions: grouping sorted them with a quadratic sort once, which
 * ran for minutes; it must finish well within the suite's timeout. */
static void
test_many_mentions (void)
{
  GString *text = g_string_new (NULL);
  g_autoptr(PithDocument) document = NULL;
  JsonArray *groups;

  for (guint i = 0; i < 20000; i++)
    g_string_append (text, "Angela Merkel met Emmanuel Macron in Berlin. ");
  document = run ("segment ! entities", text->str);
  groups = json_node_get_array (pith_document_get_report_node (document, "entity_groups"));
  g_assert_cmpuint (pith_document_get_n_spans (document, PITH_LAYER_ENTITY), >=, 60000);
  g_assert_cmpuint (json_array_get_length (groups), <=, 10);
  g_string_free (text, TRUE);
}

/* The entities of the first @length bytes of @document, one line each:
 * offsets, label and score. */
static char *
entities_before (PithDocument *document,
                 gsize         length)
{
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  GString *lines = g_string_new (NULL);

  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    if (pith_layer_get_end (entities, i) <= length)
      g_string_append_printf (lines, "%u %u %s %.6f\n", pith_layer_get_start (entities, i),
                              pith_layer_get_end (entities, i),
                              g_quark_to_string (pith_layer_get_label (entities, i)),
                              pith_layer_get_score (entities, i));
  return g_string_free (lines, FALSE);
}

/* A short document has its words looked up once, before it is tagged; a
 * long one sentence by sentence, the vocabulary forgetting as it goes.
 * The same text tags alike either way: here the same news, once alone
 * and once before a paragraph of lowercase words that name nothing and
 * share no word with it. */
static void
test_short_and_long_documents_alike (void)
{
  static const char news[] =
    "Transport Minister Daniel Ferreira opened the new terminal at Porto Aldren on Monday. "
    "Ferreira said the Aldren Harbour Authority would hire 300 workers. "
    "Critics in Lisbon, led by Maria Soares of the Green Party, called the plan rushed. "
    "The European Commission in Brussels will review the contract with Maersk next month. ";
  g_autoptr(GString) long_text = g_string_new (news);
  g_autoptr(PithDocument) alone = NULL;
  g_autoptr(PithDocument) before_more = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment ! entities", NULL);
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;

  g_string_append (long_text, "\n\n");
  /* More new words than the vocabulary keeps (8,192): the news' words
   * are forgotten between noting their contexts and tagging them. */
  for (guint i = 0; i < 10000; i++)
    g_string_append_printf (long_text, "zq%uxv ", i);
  alone = pith_document_new (news);
  g_assert_true (pith_pipeline_process (pipeline, alone, NULL, NULL));
  before_more = pith_document_new (long_text->str);
  g_assert_true (pith_pipeline_process (pipeline, before_more, NULL, NULL));
  g_assert_cmpuint (pith_document_get_n_spans (before_more, PITH_LAYER_TOKEN), >, 4096);

  expected = entities_before (alone, strlen (news));
  found = entities_before (before_more, strlen (news));
  g_assert_cmpuint (strlen (expected), >, 0);
  g_assert_cmpstr (found, ==, expected);
}

static void
test_karabakh_sample (void)
{
  g_autofree char *contents = pith_test_shared_sample_load ("karabakh-scraped.txt");
  g_autoptr(PithDocument) document = NULL;
  static const char * const expected[][2] = {
    { "Recep Erdogan", "PER" }, { "Vladimir Putin", "PER" }, { "Ilham Aliyev", "PER" },
    { "Aliyev", "PER" }, { "Azerbaijan", "LOC" }, { "Armenia", "LOC" }, { "Moscow", "LOC" },
    { "Shusha", "LOC" }, { "Stepanakert", "LOC" }, { "Baku", "LOC" }, { "Syria", "LOC" },
    { "CNN Turk", "ORG" }, { "Turkish", "MISC" }, { "Russian", "MISC" },
    { "Erdogan", "PER" }, { "Putin", "PER" },
    { "November 7", "DATE" }, { "November 8", "DATE" }, { "1991", "DATE" }, { "1994", "DATE" },
    { "September 27, 2020", "DATE" }, { "October 9", "DATE" }, { "10 October", "DATE" },
    { "12 noon", "TIME" }, { "30 thousand", "CARDINAL" }, { "11 kilometers", "QUANTITY" },
    /* A publication's credit, not a person. */
    { "GORDON", "ORG" },
  };

  if (contents == NULL)
    return;

  document = run ("clean ! segment ! entities", contents);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (g_strcmp0 (label_of (document, expected[i][0]), expected[i][1]) != 0)
      g_error ("“%s”: expected %s, got %s", expected[i][0], expected[i][1],
               label_of (document, expected[i][0]));
}

static void
test_offsets_map_to_raw (void)
{
  g_autoptr(PithDocument) document =
    run ("clean ! segment ! entities", "[ad_1]\n\nGerman Chancellor  Angela Merkel spoke in Berlin.");
  g_autoptr(GPtrArray) entities = pith_document_get_spans (document, PITH_LAYER_ENTITY);
  const char *raw = pith_document_get_raw (document);
  guint found = 0;

  for (guint i = 0; i < entities->len; i++)
    {
      PithSpan *entity = g_ptr_array_index (entities, i);
      g_autofree char *raw_text = g_strndup (raw + entity->raw_start, entity->raw_end - entity->raw_start);

      g_assert_cmpstr (raw_text, ==, entity->text);
      found += g_strcmp0 (entity->text, "Angela Merkel") == 0;
    }
  g_assert_cmpuint (found, ==, 1);
}

static void
test_needs_segment (void)
{
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("entities", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_null (pith_pipeline_process_text (pipeline, "Angela Merkel", NULL, &error));
  g_assert_error (error, PITH_ERROR, PITH_ERROR_INVALID_INPUT);
  g_assert_nonnull (strstr (error->message, "segment"));
}

static void
check_model_rejected (const char   *contents,
                      gsize         length,
                      const char   *what)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pith-test-model-XXXXXX", NULL);
  int fd = g_mkstemp (path);
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = NULL;

  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  description = g_strdup_printf ("entities model=\"%s\"", path);
  pipeline = pith_pipeline_new_from_string (description, &error);
  if (pipeline != NULL || !g_error_matches (error, PITH_ERROR, PITH_ERROR_MODEL))
    g_error ("%s model was not rejected with PITH_ERROR_MODEL", what);
  g_unlink (path);
}

static void
test_corrupt_models (void)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/org/gnome/Pith/entities/ner-en.model", 0, NULL);
  gsize size = 0;
  const char *data = g_bytes_get_data (builtin, &size);
  g_autofree char *flipped = g_memdup2 (data, size);
  g_autofree char *other_version = g_memdup2 (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) missing = NULL;

  check_model_rejected ("", 0, "an empty");
  check_model_rejected ("not a model at all", 18, "a text");
  check_model_rejected (data, 47, "a header-only");
  check_model_rejected (data, size / 2, "a truncated");
  flipped[size - 7] ^= 0x40;
  check_model_rejected (flipped, size, "a corrupted");
  other_version[12] = 99;
  check_model_rejected (other_version, size, "another feature version's");

  missing = pith_pipeline_new_from_string ("entities model=/nonexistent/model", &error);
  g_assert_null (missing);
  g_assert_error (error, PITH_ERROR, PITH_ERROR_MODEL);
  g_clear_error (&error);
  missing = pith_pipeline_new_from_string ("entities caseless-model=/nonexistent/model", &error);
  g_assert_null (missing);
  g_assert_error (error, PITH_ERROR, PITH_ERROR_MODEL);
}

static void
test_model_file_property (void)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/org/gnome/Pith/entities/ner-en.model", 0, NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pith-test-model-good", NULL);
  g_autofree char *description = g_strdup_printf ("clean ! segment ! entities model=\"%s\"", path);
  g_autoptr(PithDocument) from_file = NULL;
  g_autoptr(PithDocument) built_in = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (builtin, NULL),
                                      (gssize) g_bytes_get_size (builtin), NULL));
  from_file = run (description, "Angela Merkel visited Paris.");
  built_in = run ("clean ! segment ! entities", "Angela Merkel visited Paris.");
  a = pith_document_to_json (from_file);
  b = pith_document_to_json (built_in);
  g_assert_cmpstr (a, ==, b);
  g_unlink (path);
}

/* A sentence without case (a headline in capitals, a comment in
 * lowercase) is tagged by the model for such text: the built-in one, or
 * the file of caseless-model; a model of the user's alone tags both. */
static void
test_caseless_model (void)
{
  static const char headline[] = "ANGELA MERKEL VISITS PARIS FOR TALKS WITH MACRON";
  static const char comment[] = "i saw angela merkel in paris yesterday";
  g_autoptr(GBytes) caseless = g_resources_lookup_data ("/org/gnome/Pith/entities/ner-en-caseless.model", 0, NULL);
  g_autoptr(GBytes) cased = g_resources_lookup_data ("/org/gnome/Pith/entities/ner-en.model", 0, NULL);
  g_autofree char *caseless_path = g_build_filename (g_get_tmp_dir (), "pith-test-model-caseless", NULL);
  g_autofree char *cased_path = g_build_filename (g_get_tmp_dir (), "pith-test-model-cased", NULL);
  g_autofree char *swapped = NULL;
  g_autofree char *cased_only = NULL;

  g_assert_true (g_file_set_contents (caseless_path, g_bytes_get_data (caseless, NULL),
                                      (gssize) g_bytes_get_size (caseless), NULL));
  g_assert_true (g_file_set_contents (cased_path, g_bytes_get_data (cased, NULL),
                                      (gssize) g_bytes_get_size (cased), NULL));
  swapped = g_strdup_printf ("clean ! segment ! entities caseless-model=\"%s\"", caseless_path);
  cased_only = g_strdup_printf ("clean ! segment ! entities model=\"%s\"", cased_path);

  for (guint t = 0; t < 2; t++)
    {
      const char *text = t == 0 ? headline : comment;
      g_autoptr(PithDocument) built_in = run ("clean ! segment ! entities", text);
      g_autoptr(PithDocument) from_file = run (swapped, text);
      g_autoptr(PithDocument) one_model = run (cased_only, text);
      g_autofree char *a = pith_document_to_json (built_in);
      g_autofree char *b = pith_document_to_json (from_file);
      const char *person = t == 0 ? "ANGELA MERKEL" : "angela merkel";

      g_assert_cmpstr (a, ==, b);
      g_assert_cmpstr (label_of (built_in, person), ==, "PER");
      /* The model for text written as usual misses a name in lowercase. */
      if (t == 1)
        g_assert_null (label_of (one_model, person));
    }
  g_unlink (caseless_path);
  g_unlink (cased_path);
}

#define GERMAN_NEWS \
  "Die Banken in Frankfurt haben am Freitag ihre Zinsen um 0,5 % erhöht, wie die Europäische Zentralbank " \
  "mitteilte. Klima und Energie bleiben die großen Themen: Der Preis stieg auf 120 € je Megawattstunde, " \
  "und am 2022-10-15 soll ein neuer Bericht erscheinen. Kanzler Olaf Scholz sagte im Oktober, die " \
  "Regierung werde 200 Milliarden Euro bereitstellen."

/* The labels of all the document's entities, space-separated, in order. */
static char *
all_labels (PithDocument *document)
{
  const PithLayer *entities = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  GString *labels = g_string_new (NULL);

  for (guint i = 0; i < pith_layer_get_n_spans (entities); i++)
    g_string_append_printf (labels, "%s%s", i > 0 ? " " : "",
                            g_quark_to_string (pith_layer_get_label (entities, i)));
  return g_string_free (labels, FALSE);
}

/* The English models do not run on a document in another language (their
 * guesses there are noise: "Banken", "Klima" and "Oktober" were people),
 * and the report says so; numbers, percentages, sums with a currency sign
 * and ISO dates are still found. English, declared or detected, and
 * documents of no known language, get the models. */
static void
test_other_languages (void)
{
  g_autoptr(PithDocument) german = run ("clean ! language ! segment ! entities", GERMAN_NEWS);
  g_autoptr(PithDocument) declared = NULL;
  g_autoptr(PithDocument) british = NULL;
  g_autoptr(PithDocument) undetected = run ("clean ! language ! segment ! entities", "Angela Merkel spoke.");
  g_autofree char *german_labels = all_labels (german);
  JsonObject *report = pith_document_get_report (german, "entity_recognition");
  g_autoptr(GError) error = NULL;
  g_autoptr(PithPipeline) pipeline = pith_pipeline_new_from_string ("segment ! entities", &error);

  g_assert_cmpstr (pith_document_get_language (german), ==, "de");
  g_assert_cmpstr (german_labels, ==, "PERCENT MONEY DATE CARDINAL");
  g_assert_nonnull (report);
  g_assert_cmpstr (json_object_get_string_member (report, "skipped"), ==, "no model for \"de\"");

  /* A declaration alone is enough, without the language stage. */
  declared = pith_document_new ("Die Banken in Frankfurt erhöhten ihre Zinsen, sagte Olaf Scholz.");
  pith_document_set_language (declared, "de-AT");
  g_assert_true (pith_pipeline_process (pipeline, declared, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pith_document_get_n_spans (declared, "entity"), ==, 0);
  g_assert_nonnull (pith_document_get_report (declared, "entity_recognition"));

  british = pith_document_new ("The Bank of England raised rates, Andrew Bailey said in London.");
  pith_document_set_language (british, "en-GB");
  g_assert_true (pith_pipeline_process (pipeline, british, NULL, &error));
  g_assert_cmpuint (pith_document_get_n_spans (british, "entity"), >=, 3);
  g_assert_null (pith_document_get_report (british, "entity_recognition"));

  /* Too short to tell: no language, and the model runs. */
  g_assert_null (pith_document_get_language (undetected));
  g_assert_cmpuint (pith_document_get_n_spans (undetected, "entity"), ==, 1);
}

/* A model of the user's runs whatever the document's language: it may
 * be a model of that language. */
static void
test_user_model_any_language (void)
{
  g_autoptr(GBytes) builtin = g_resources_lookup_data ("/org/gnome/Pith/entities/ner-en.model", 0, NULL);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "pith-test-model-any-language", NULL);
  g_autofree char *description =
    g_strdup_printf ("clean ! language ! segment ! entities model=\"%s\"", path);
  g_autoptr(PithDocument) german = NULL;
  g_autofree char *labels = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (builtin, NULL),
                                      (gssize) g_bytes_get_size (builtin), NULL));
  german = run (description, GERMAN_NEWS);
  labels = all_labels (german);
  g_assert_cmpstr (pith_document_get_language (german), ==, "de");
  g_assert_null (pith_document_get_report (german, "entity_recognition"));
  g_assert_nonnull (strstr (labels, "PER"));
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Pith/Entities/sentences", test_sentences);
  g_test_add_func ("/Pith/Entities/scores", test_scores);
  g_test_add_func ("/Pith/Entities/rules", test_rules);
  g_test_add_func ("/Pith/Entities/rules/may", test_may_is_not_a_date);
  g_test_add_func ("/Pith/Entities/labels", test_declared_labels);
  g_test_add_func ("/Pith/Entities/groups", test_groups);
  g_test_add_func ("/Pith/Entities/patterns", test_patterns);
  g_test_add_func ("/Pith/Entities/patterns/errors", test_patterns_errors);
  g_test_add_func ("/Pith/Entities/many-mentions", test_many_mentions);
  g_test_add_func ("/Pith/Entities/short-and-long-documents-alike", test_short_and_long_documents_alike);
  g_test_add_func ("/Pith/Entities/karabakh-sample", test_karabakh_sample);
  g_test_add_func ("/Pith/Entities/credits-and-common-nouns", test_credits_and_common_nouns);
  g_test_add_func ("/Pith/Entities/brackets", test_names_and_brackets);
  g_test_add_func ("/Pith/Entities/news-conventions", test_news_conventions);
  g_test_add_func ("/Pith/Entities/month-before-name", test_month_before_name);
  g_test_add_func ("/Pith/Entities/joined-names", test_joined_names);
  g_test_add_func ("/Pith/Entities/acronyms", test_acronyms);
  g_test_add_func ("/Pith/Entities/generic-references", test_generic_references);
  g_test_add_func ("/Pith/Entities/long-tokens", test_long_tokens);
  g_test_add_func ("/Pith/Entities/raw-offsets", test_offsets_map_to_raw);
  g_test_add_func ("/Pith/Entities/needs-segment", test_needs_segment);
  g_test_add_func ("/Pith/Entities/corrupt-models", test_corrupt_models);
  g_test_add_func ("/Pith/Entities/model-property", test_model_file_property);
  g_test_add_func ("/Pith/Entities/caseless-model", test_caseless_model);
  g_test_add_func ("/Pith/Entities/other-languages", test_other_languages);
  g_test_add_func ("/Pith/Entities/user-model-any-language", test_user_model_any_language);

  return g_test_run ();
}
