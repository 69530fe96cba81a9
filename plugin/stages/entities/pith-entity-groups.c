/* pith-entity-groups.c: mentions of one entity, grouped
 *
 * "Recep Erdogan", "Erdogan" and "President Erdogan" are one person. A
 * mention joins a group when, case and possessive aside,
 *
 * - it is the same text as the group's name;
 * - it is a person's surname, or a run of words that ends a longer
 *   person's name ("Erdogan" in "Recep Erdogan"), in which case it also
 *   takes the label PER: a lone surname the model called a place in a
 *   headline is the person the article names in full (but not a mention
 *   the model is sure is something else: one name tagged a word too long,
 *   "Lebed Chechnya", must not make every "Chechnya" a person);
 * - it is an acronym of the group's name ("EU" for "European Union",
 *   "UN" for "United Nations"; "of", "the", "and" not counted);
 * - it is a company's name without the legal form the document gave it
 *   once ("Ruch" after "Ruch SA", "Dow Chemical" after "Dow Chemical
 *   Co"), or the possessive such a name opens with ("Boatmen's" after
 *   "Boatmen's Bancshares Inc."), in which case it also takes the label
 *   ORG: news names a company in full once and by its name alone after.
 *
 * The group's name is its longest mention; its label is the one its
 * mentions are surest of together, or the one an apposition gave one of
 * them ("Ferguson, Missouri": a place), and every mention of the group
 * takes it: one entity, one label. Mentions the model is sure are something
 * else, and that are more than a stray one, are another entity of the
 * same name, with a group of its own. Mentions are sorted by length once,
 * then each is looked up in hash tables: n log n in the mentions.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-tsan-private.h"

#include <string.h>

#include "pith-entity-groups-private.h"
#include "pith-layer-private.h"
#include "pith-utf8-private.h"
#include "pith-word-list-private.h"

typedef struct
{
  const char *name;         /* as written, the longest mention */
  GQuark label;
  double score;             /* the confidence of the mention that named it */
  guint mentions;
  double votes[4];          /* the mentions' confidence, by label */
  gboolean sure[4];         /* whether a mention of the label is SURE of it */
  int defined;              /* the label an apposition gave a mention, or -1 */
  guint split[4];           /* the group its mentions of a label were split into, + 1; 0 for none */
} Group;

/* Below this confidence, a mention is not taken for a person named in
 * full when the model said it is something else. */
#define UNSURE 0.7

/* Mentions of one name under another label than their group's are
 * another entity of that name (the city and the team of a sports report,
 * "Washington" the state and the man) when at least one of them is this
 * sure and they hold at least MINORITY of the group's confidence
 * together; else they take the group's label. On CoNLL-2003 dev, taking
 * the group's label for every mention costs 0.6 points F1; this, nothing. */
#define SURE 0.7
#define MINORITY 0.2

/* PER, ORG, LOC, MISC: 0 to 3; -1 for any other label. */
static int
name_label_index (GQuark label)
{
  static GQuark names[4];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      names[0] = g_quark_from_static_string ("PER");
      names[1] = g_quark_from_static_string ("ORG");
      names[2] = g_quark_from_static_string ("LOC");
      names[3] = g_quark_from_static_string ("MISC");
      pith_tsan_release (&initialized);
      g_once_init_leave (&initialized, 1);
    }
  pith_tsan_acquire (&initialized);
  for (int i = 0; i < 4 && label != 0; i++)
    if (label == names[i])
      return i;
  return -1;
}

static gboolean
is_name_label (GQuark label)
{
  return name_label_index (label) >= 0;
}

static GQuark
name_label (int index)
{
  static const char * const names[4] = { "PER", "ORG", "LOC", "MISC" };

  return g_quark_from_static_string (names[index]);
}

/* The strings of one document's groups (names, keys, the keys' tails,
 * initials and companies) live in one chunk, freed together: a document
 * names dozens of entities, and a string apiece came and went. */
typedef struct
{
  GStringChunk *strings;
  GString *lower;
  GString *key;
} Strings;

/* Lowercase, single spaces, without a final possessive; in @strings. */
static const char *
key_of (Strings    *strings,
        const char *text)
{
  GString *key = strings->key;
  gboolean apart = FALSE;
  const char *p;

  pith_utf8_strdown_into (strings->lower, text);
  p = g_strstrip (strings->lower->str);
  g_string_truncate (key, 0);

  /* The words between runs of spaces, tabs and newlines, one space apart. */
  for (; *p != '\0'; p++)
    {
      if (*p == ' ' || *p == '\t' || *p == '\n')
        {
          apart = key->len > 0;
          continue;
        }
      if (apart)
        g_string_append_c (key, ' ');
      apart = FALSE;
      g_string_append_c (key, *p);
    }
  if (g_str_has_suffix (key->str, "'s") || g_str_has_suffix (key->str, "’s"))
    g_string_truncate (key, key->len - (g_str_has_suffix (key->str, "'s") ? 2 : 4));
  return g_string_chunk_insert_len (strings->strings, key->str, (gssize) key->len);
}

/* The initials of @key's words (a key's words are one space apart), in
 * uppercase and in @strings, or NULL for a key of one word. */
static const char *
initials_of (Strings    *strings,
             const char *key)
{
  static const char * const skipped[] = { "of", "the", "and", "for", "&" };
  GString *initials = strings->key;

  if (strchr (key, ' ') == NULL)
    return NULL;
  g_string_truncate (initials, 0);
  for (const char *word = key; word != NULL;)
    {
      const char *space = strchr (word, ' ');
      gsize length = space != NULL ? (gsize) (space - word) : strlen (word);
      gboolean skip = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (skipped) && !skip; k++)
        skip = strlen (skipped[k]) == length && memcmp (skipped[k], word, length) == 0;
      if (!skip && length > 0)
        g_string_append_unichar (initials, g_unichar_toupper (g_utf8_get_char (word)));
      word = space != NULL ? space + 1 : NULL;
    }
  return g_string_chunk_insert_len (strings->strings, initials->str, (gssize) initials->len);
}

static gboolean
is_acronym (const char *text)
{
  gsize letters = 0;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p))
        letters++;
      else if (*p != '.')
        return FALSE;
    }
  return letters >= 2 && letters <= 6;
}

/* A mention's text and key, kept once for all the mentions that write a
 * name the same way: a long document names the same few thousand
 * entities again and again. */
typedef struct
{
  const char *text;
  const char *key;
  gsize key_length;
} Name;

/* Whether the mention @key ends a person's longer name in @by_tail, and
 * @found its group if so. A mention the model is sure is something else
 * is taken for the person only if the model was surer still of the full
 * name: one name tagged a word too long ("Lebed Chechnya") must not make
 * every "Chechnya" of the report a person, but "Washington" after
 * "MaliVai Washington" is the tennis player. */
#define SURE_OF_PERSON 0.9

static gboolean
ends_person_name (GHashTable *by_tail,
                  GArray     *groups,
                  const char *key,
                  GQuark      label,
                  double      score,
                  gpointer   *found)
{
  if (!g_hash_table_lookup_extended (by_tail, key, NULL, found))
    return FALSE;
  return label == g_quark_from_static_string ("PER") || score < UNSURE ||
         g_array_index (groups, Group, GPOINTER_TO_UINT (*found) - 1).score >= SURE_OF_PERSON;
}

/* The key of a company's name without its legal form ("ruch" of "ruch
 * sa"), in @strings, or NULL when @key, a name's, ends in none. */
static const char *
company_without_legal_form (Strings    *strings,
                            const char *key)
{
  static const PithWordList *legal_forms;
  const char *space = strrchr (key, ' ');

  if (space == NULL ||
      !pith_word_list_lookup (pith_word_list_get_once (&legal_forms, "entities/legal-forms.txt"),
                              space + 1, strlen (space + 1), NULL))
    return NULL;
  return g_string_chunk_insert_len (strings->strings, key, space - key);
}

/* The key of the possessive that @name, a company's name without its
 * legal form, opens with ("boatmen" of "boatmen's bancshares",
 * "mcdonald" of "mcdonald's"), in @strings, or NULL: news calls such a
 * company by its possessive alone ("Boatmen's said"). */
static const char *
possessive_opening (Strings    *strings,
                    const char *name)
{
  static const char * const possessives[] = { "'s", "’s" };

  for (guint p = 0; p < G_N_ELEMENTS (possessives); p++)
    for (const char *at = strstr (name, possessives[p]); at != NULL; at = strstr (at + 1, possessives[p]))
      {
        const char *after = at + strlen (possessives[p]);

        if (at > name && (*after == ' ' || *after == '\0'))
          return g_string_chunk_insert_len (strings->strings, name, at - name);
      }
  return NULL;
}

/* Files @company, a key the company's group goes by, unless a group
 * already does. */
static void
add_company (GHashTable *by_company,
             const char *company,
             gpointer    group)
{
  if (company != NULL && !g_hash_table_contains (by_company, company))
    g_hash_table_insert (by_company, (gpointer) company, group);
}

typedef struct
{
  const Name *names;
  const guint *name_of;     /* span -> its name */
} Mentions;

static int
compare_by_length (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const Mentions *mentions = user_data;
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;
  gsize length_x = mentions->names[mentions->name_of[x]].key_length;
  gsize length_y = mentions->names[mentions->name_of[y]].key_length;

  if (length_x != length_y)
    return length_x > length_y ? -1 : 1;
  return (x > y) - (x < y);
}

/* The report: each group's name, label and number of mentions. */
enum { REPORT_NAME, REPORT_LABEL, REPORT_MENTIONS };
static const PithReportColumn report_columns[] = {
  [REPORT_NAME] = { "name", PITH_REPORT_STRING },
  [REPORT_LABEL] = { "label", PITH_REPORT_STRING },
  [REPORT_MENTIONS] = { "mentions", PITH_REPORT_INT },
};

PithReportTable *
pith_entity_groups_build (PithDocument *document)
{
  const char *text = pith_document_get_text (document);
  const PithLayer *spans;
  guint n_spans = 0;
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_tail = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_initials = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_company = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (Name));
  g_autoptr(GString) lower = g_string_new (NULL);
  g_autoptr(GString) key_text = g_string_new (NULL);
  Strings strings = { g_string_chunk_new (4096), lower, key_text };
  g_autoptr(GHashTable) name_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) span_text = g_string_new (NULL);
  g_autofree guint *name_of = NULL;
  g_autofree guint *order = NULL;
  g_autofree guint *group_of = NULL;
  Mentions mentions;
  GQuark person = g_quark_from_static_string ("PER");
  GQuark organisation = g_quark_from_static_string ("ORG");
  PithReportTable *report = pith_report_table_new (report_columns, G_N_ELEMENTS (report_columns));
  guint n_order = 0;
  PithIntegerColumn *entity_column;

  /* The layer is read in place; each way of writing a name is copied out
   * once. */
  spans = pith_document_peek_layer (document, PITH_LAYER_ENTITY);
  n_spans = pith_layer_get_n_spans (spans);
  name_of = g_new0 (guint, MAX (n_spans, 1));
  order = g_new (guint, MAX (n_spans, 1));
  group_of = g_new (guint, MAX (n_spans, 1));
  for (guint i = 0; i < n_spans; i++)
    if (is_name_label (pith_layer_label (spans, i)))
      {
        gpointer found;

        g_string_truncate (span_text, 0);
        g_string_append_len (span_text, text + pith_layer_start (spans, i), (gssize) (pith_layer_end (spans, i) - pith_layer_start (spans, i)));
        if (g_hash_table_lookup_extended (name_by_text, span_text->str, NULL, &found))
          name_of[i] = GPOINTER_TO_UINT (found);
        else
          {
            Name name;

            name.text = g_string_chunk_insert_len (strings.strings, span_text->str, (gssize) span_text->len);
            name.key = key_of (&strings, name.text);
            name.key_length = strlen (name.key);
            g_array_append_val (names, name);
            name_of[i] = names->len - 1;
            /* The array may move; the table's keys are the names' own texts. */
            g_hash_table_insert (name_by_text, (gpointer) name.text, GUINT_TO_POINTER (name_of[i]));
          }
        order[n_order++] = i;
      }
  mentions.names = (const Name *) (gpointer) names->data;
  mentions.name_of = name_of;

  /* Longest mentions first, so each group is named by its longest; among
   * equals, in text order, so grouping is the same every time. */
  g_qsort_with_data (order, n_order, sizeof (guint), compare_by_length, &mentions);

  for (guint o = 0; o < n_order; o++)
    {
      guint i = order[o];
      const char *key = mentions.names[name_of[i]].key;
      const char *mention = mentions.names[name_of[i]].text;
      GQuark label = pith_layer_label (spans, i);
      gpointer found = NULL;
      gboolean surname = FALSE;
      gboolean company = FALSE;
      GQuark implied;
      guint index;

      if (!g_hash_table_lookup_extended (by_key, key, NULL, &found) &&
          !(surname = ends_person_name (by_tail, groups, key, label, pith_layer_get_score (spans, i), &found)) &&
          !(company = g_hash_table_lookup_extended (by_company, key, NULL, &found)) &&
          !(is_acronym (mention) &&
            g_hash_table_lookup_extended (by_initials, mention, NULL, &found)))
        {
          Group group = { 0 };
          const char *initials = initials_of (&strings, key);

          group.name = mention;
          group.label = label;
          group.score = pith_layer_get_score (spans, i);
          group.defined = -1;
          g_array_append_val (groups, group);
          found = GUINT_TO_POINTER (groups->len);
          g_hash_table_insert (by_key, (gpointer) key, found);
          /* The runs of words that end a person's name stand for it. */
          if (label == person)
            for (const char *space = strchr (key, ' '); space != NULL; space = strchr (space + 1, ' '))
              if (!g_hash_table_contains (by_tail, space + 1))
                g_hash_table_insert (by_tail, (gpointer) (space + 1), found);
          if (label == organisation)
            {
              const char *name = company_without_legal_form (&strings, key);

              if (name != NULL)
                add_company (by_company, possessive_opening (&strings, name), found);
              add_company (by_company, name, found);
            }
          if (initials != NULL && !g_hash_table_contains (by_initials, initials))
            g_hash_table_insert (by_initials, (gpointer) initials, found);
        }

      index = GPOINTER_TO_UINT (found) - 1;
      g_array_index (groups, Group, index).mentions++;
      /* A lone surname of a person named in full is that person, and a
       * company's name without its legal form that company, whatever the
       * model made of it. */
      implied = surname && strchr (key, ' ') == NULL ? person : company ? organisation : 0;
      if (implied != 0 && label != implied)
        {
          pith_document_set_span_label_bytes (document, PITH_LAYER_ENTITY, i, implied);
          label = implied;
        }
      {
        Group *group = &g_array_index (groups, Group, index);
        double score = pith_layer_get_score (spans, i);

        /* A mention without a confidence (a run-on sentence's) counts half.
         * Few mentions have attributes; most layers, none. */
        JsonNode *evidence = spans->attributes == NULL ? NULL :
                             pith_document_get_span_attribute (document, PITH_LAYER_ENTITY, i, "evidence");

        group->votes[name_label_index (label)] += score > 0.0 ? score : 0.5;
        group->sure[name_label_index (label)] |= score >= SURE;
        if (group->defined < 0 && evidence != NULL &&
            g_strcmp0 (json_node_get_string (evidence), PITH_ENTITY_EVIDENCE_APPOSITION) == 0)
          group->defined = name_label_index (label);
      }
      group_of[i] = index;
    }

  /* The group's label is the one its mentions are surest of together (the
   * longest mention's on a tie), and its mentions take it, but for those
   * of a label the model is sure of at least once: they are another
   * entity of the same name, a group of their own. */
  for (guint g = 0, n_groups = groups->len; g < n_groups; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      int best = name_label_index (group->label);

      for (int l = 0; l < 4; l++)
        if (group->votes[l] > group->votes[best])
          best = l;
      /* "Ferguson, Missouri" says what every "Ferguson" of the report is. */
      if (group->defined >= 0)
        best = group->defined;
      group->label = name_label (best);
      for (int l = 0; l < 4; l++)
        if (l != best && group->defined < 0 && group->sure[l] &&
            group->votes[l] >= MINORITY * (group->votes[0] + group->votes[1] + group->votes[2] + group->votes[3]))
          {
            Group other = { 0 };

            other.name = group->name;
            other.label = name_label (l);
            /* The array may move. */
            g_array_append_val (groups, other);
            group = &g_array_index (groups, Group, g);
            group->split[l] = groups->len;
          }
    }
  /* Each mention's group index goes to the layer's column of them, as
   * pith_document_set_span_attribute() would put it, without a JsonNode
   * a mention; the call itself where a mention has other attributes. */
  entity_column = pith_layer_find_integer_column ((PithLayer *) spans, g_quark_from_static_string ("entity"),
                                                  TRUE);
  for (guint o = 0; o < n_order; o++)
    {
      guint i = order[o];
      Group *group = &g_array_index (groups, Group, group_of[i]);
      int own = name_label_index (pith_layer_label (spans, i));

      if (group->split[own] != 0)
        {
          group->mentions--;
          group_of[i] = group->split[own] - 1;
          group = &g_array_index (groups, Group, group_of[i]);
          group->mentions++;
        }
      else if (pith_layer_label (spans, i) != group->label)
        pith_document_set_span_label_bytes (document, PITH_LAYER_ENTITY, i, group->label);
      if (spans->attributes != NULL && g_hash_table_contains (spans->attributes, GUINT_TO_POINTER (i)))
        {
          g_autoptr(JsonNode) attribute = json_node_new (JSON_NODE_VALUE);

          json_node_set_int (attribute, group_of[i]);
          pith_document_set_span_attribute (document, PITH_LAYER_ENTITY, i, "entity", attribute);
        }
      else
        pith_integer_column_set (entity_column, i, (gint32) group_of[i]);
    }

  /* The tables that found the groups go before the report is built: a
   * document of thousands of names would hold both at once. */
  g_clear_pointer (&by_key, g_hash_table_unref);
  g_clear_pointer (&by_tail, g_hash_table_unref);
  g_clear_pointer (&by_initials, g_hash_table_unref);
  g_clear_pointer (&by_company, g_hash_table_unref);
  g_clear_pointer (&name_by_text, g_hash_table_unref);
  g_clear_pointer (&names, g_array_unref);
  g_clear_pointer (&name_of, g_free);
  g_clear_pointer (&order, g_free);
  g_clear_pointer (&group_of, g_free);

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      guint row = pith_report_table_add_row (report);

      pith_report_table_set_string (report, row, REPORT_NAME, group->name);
      pith_report_table_set_string (report, row, REPORT_LABEL, g_quark_to_string (group->label));
      pith_report_table_set_int (report, row, REPORT_MENTIONS, group->mentions);
    }

  g_string_chunk_free (strings.strings);
  return report;
}
