/* pith-html-hints.c: what an element's class, id and role say
 *
 * Pages name their parts: `class="related-posts"`, `id="commentList"`,
 * `role="navigation"`. A class or id is cut into words at punctuation,
 * digits and camelCase humps, and the words, alone or two written
 * together, are looked up in clean/html-hints.txt. Whole words are matched,
 * not substrings, so "header" is not an ad and "shadow" not a hidden part.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "pith-clean-rules-private.h"
#include "pith-html-hints-private.h"
#include "pith-lines-private.h"

#define MAX_WORD 24
#define MAX_WORDS 12

/* A vocabulary entry, packed: zone bits, the root tier above them. */
#define ENTRY_TIER_SHIFT 24
#define ENTRY_WHOLE (1u << 30)

typedef struct
{
  GHashTable *words;        /* "word" or "prefix*" → entry */
  PithLinePatterns *headings;
} Vocabulary;

static const char * const zone_names[PITH_HTML_N_ZONES] = {
  "nav", "footer", "sidebar", "related", "share", "newsletter", "ad", "cookie",
  "comment", "byline", "tags", "caption", "hidden", "modal", "links", "heading",
  "markup", "outside",
};

const char *
pith_html_zone_name (PithHtmlZone zone)
{
  for (guint i = 0; i < PITH_HTML_N_ZONES; i++)
    if (zone & (1u << i))
      return zone_names[i];
  return "none";
}

static guint32
parse_kind (const char *kind)
{
  gsize length = strlen (kind);
  guint32 whole = 0;

  if (length > 6 && strcmp (kind + length - 6, "-whole") == 0)
    {
      whole = ENTRY_WHOLE;
      length -= 6;
    }
  if (length == 5 && strncmp (kind, "root", 4) == 0 && kind[4] >= '1' && kind[4] <= '3')
    return whole | ((guint32) (kind[4] - '0') << ENTRY_TIER_SHIFT);
  for (guint i = 0; i < PITH_HTML_N_ZONES; i++)
    if (strlen (zone_names[i]) == length && strncmp (kind, zone_names[i], length) == 0)
      return whole | (1u << i);
  g_warning ("clean/html-hints.txt: unknown kind “%s”", kind);
  return 0;
}

static GBytes *
lookup_resource (const char *path)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  if (bytes == NULL)
    g_critical ("%s: %s", path, error->message);
  return bytes;
}

static const Vocabulary *
vocabulary (void)
{
  static gsize initialized;
  static Vocabulary *loaded;

  if (g_once_init_enter (&initialized))
    {
      Vocabulary *v = g_new0 (Vocabulary, 1);
      g_autoptr(GBytes) hints = lookup_resource ("/org/gnome/Pith/clean/html-hints.txt");
      g_autoptr(GBytes) headings = lookup_resource ("/org/gnome/Pith/clean/html-headings.txt");
      const char *cursor;
      const char *end;
      const char *line;
      gsize length;

      v->words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      v->headings = pith_line_patterns_new ();

      if (hints != NULL)
        {
          cursor = g_bytes_get_data (hints, &length);
          end = cursor + length;
          while (pith_lines_next (&cursor, end, &line, &length))
            {
              g_autofree char *copy = g_strndup (line, length);
              char *word = g_strstrip (copy);
              char *kind = strchr (word, ' ');

              if (*word == '\0' || *word == '#' || kind == NULL)
                continue;
              *kind++ = '\0';
              g_hash_table_insert (v->words, g_strdup (word),
                                   GUINT_TO_POINTER (parse_kind (g_strstrip (kind))));
            }
        }
      if (headings != NULL)
        {
          cursor = g_bytes_get_data (headings, &length);
          end = cursor + length;
          while (pith_lines_next (&cursor, end, &line, &length))
            {
              g_autofree char *copy = g_strndup (line, length);
              char *pattern = g_strstrip (copy);

              if (*pattern != '\0' && *pattern != '#')
                pith_line_patterns_add (v->headings, pattern);
            }
        }
      loaded = v;
      g_once_init_leave (&initialized, 1);
    }
  return loaded;
}

static guint32
lookup_word (GHashTable *words,
             const char *word,
             gsize       length,
             gboolean    whole)
{
  char key[3 * MAX_WORD + 2];
  guint32 entry;

  if (length == 0 || length > 3 * MAX_WORD)
    return 0;
  memcpy (key, word, length);
  key[length] = '\0';
  entry = GPOINTER_TO_UINT (g_hash_table_lookup (words, key));
  if (entry != 0 && ((entry & ENTRY_WHOLE) != 0) == whole)
    return entry;
  if (whole)
    return 0;
  for (gsize prefix = length; prefix >= 3; prefix--)
    {
      key[prefix] = '*';
      key[prefix + 1] = '\0';
      entry = GPOINTER_TO_UINT (g_hash_table_lookup (words, key));
      if (entry != 0 && !(entry & ENTRY_WHOLE))
        return entry;
    }
  return 0;
}

static void
add_entry (PithHtmlHints *hints,
           guint32        entry)
{
  guint tier = (entry >> ENTRY_TIER_SHIFT) & 0x3;

  hints->zones |= entry & ((1u << PITH_HTML_N_ZONES) - 1);
  if (tier != 0 && (hints->root_tier == 0 || tier < hints->root_tier))
    hints->root_tier = (guint8) tier;
}

static gboolean
is_state_word (const char *word,
               const char *next)
{
  static const char * const words[] = {
    "tag", "category", "cat", "term", "topic", "type", "status", "format", "postid", "with", "has",
    "is", "no", "show", "enable", "enabled", "disable", "visible", NULL,
  };
  /* "hide-on-mobile", "hidden-xs": hidden on some screens only. */
  static const char * const screens[] = {
    "xs", "sm", "md", "lg", "xl", "xxl", "on", "for", "mobile", "desktop", "tablet", "phone",
    "small", "medium", "large", "print", "portrait", "landscape", "until", "from", "below", "above",
    NULL,
  };

  if (strcmp (word, "hide") == 0 || strcmp (word, "hidden") == 0)
    return g_strv_contains (screens, next);
  return g_strv_contains (words, word);
}

static gboolean
is_taxonomy_word (const char *word)
{
  static const char * const words[] = { "tag", "category", "cat", "term", "topic", NULL };

  return g_strv_contains (words, word);
}

/* One class or id token: "c-article__body", "relatedPosts". */
static void
read_token (GHashTable    *words,
            const char    *token,
            gsize          length,
            PithHtmlHints *hints)
{
  char split[MAX_WORDS][MAX_WORD + 1];
  gsize lengths[MAX_WORDS];
  guint n = 0;
  gsize i = 0;
  char whole[MAX_WORDS * MAX_WORD + 1];
  gsize whole_length = 0;

  while (i < length && n < MAX_WORDS)
    {
      gsize w = 0;

      while (i < length && !g_ascii_isalpha (token[i]) && (guchar) token[i] < 0x80)
        i++;
      if (i >= length)
        break;
      do
        {
          if (w < MAX_WORD)
            split[n][w++] = g_ascii_tolower (token[i]);
          i++;
        }
      while (i < length && (g_ascii_islower (token[i]) || (guchar) token[i] >= 0x80 ||
                            (g_ascii_isupper (token[i]) && g_ascii_isupper (token[i - 1]) &&
                             !(i + 1 < length && g_ascii_islower (token[i + 1])))));
      split[n][w] = '\0';
      lengths[n++] = w;
    }

  /* "tag-harbour", "category-news", "has-sidebar", "with-comments",
   * "hide-on-mobile": a post's topics or a layout's state, not a part. */
  if (n >= 2 && is_state_word (split[0], split[1]))
    return;
  /* "post_tag-harbour", "entry-category-news". */
  if (n >= 3 && is_taxonomy_word (split[1]))
    return;
  /* "header-with-topbar", "page-has-sidebar". */
  for (guint k = 1; k + 1 < n; k++)
    if (strcmp (split[k], "with") == 0 || strcmp (split[k], "has") == 0 ||
        strcmp (split[k], "without") == 0 || strcmp (split[k], "no") == 0)
      return;

  for (guint k = 0; k < n; k++)
    {
      char pair[2 * MAX_WORD + 1];

      add_entry (hints, lookup_word (words, split[k], lengths[k], FALSE));
      if (k + 1 < n)
        {
          memcpy (pair, split[k], lengths[k]);
          memcpy (pair + lengths[k], split[k + 1], lengths[k + 1]);
          add_entry (hints, lookup_word (words, pair, lengths[k] + lengths[k + 1], FALSE));
        }
      memcpy (whole + whole_length, split[k], lengths[k]);
      whole_length += lengths[k];
    }
  if (n > 0 && n <= 3)
    add_entry (hints, lookup_word (words, whole, whole_length, TRUE));
}

static void
read_tokens (GHashTable    *words,
             const char    *value,
             gsize          length,
             PithHtmlHints *hints)
{
  gsize i = 0;

  while (i < length)
    {
      gsize start;

      while (i < length && g_ascii_isspace (value[i]))
        i++;
      start = i;
      while (i < length && !g_ascii_isspace (value[i]))
        i++;
      if (i > start)
        read_token (words, value + start, i - start, hints);
    }
}

static gboolean
value_is (const PithHtmlAttribute *attribute,
          const char              *value)
{
  gsize length = strlen (value);
  gsize start = 0;
  gsize end = attribute->value_length;

  if (attribute->value == NULL)
    return FALSE;
  while (start < end && g_ascii_isspace (attribute->value[start]))
    start++;
  while (end > start && g_ascii_isspace (attribute->value[end - 1]))
    end--;
  return end - start == length && g_ascii_strncasecmp (attribute->value + start, value, length) == 0;
}

static gboolean
name_is (const PithHtmlAttribute *attribute,
         const char              *name)
{
  gsize length = strlen (name);

  return attribute->name_length == length && g_ascii_strncasecmp (attribute->name, name, length) == 0;
}

/* "display:none" or "visibility:hidden" in a style attribute. */
static gboolean
style_hides (const PithHtmlAttribute *attribute)
{
  char compact[256];
  gsize n = 0;

  if (attribute->value == NULL)
    return FALSE;
  for (gsize i = 0; i < attribute->value_length && n + 1 < sizeof compact; i++)
    if (!g_ascii_isspace (attribute->value[i]))
      compact[n++] = g_ascii_tolower (attribute->value[i]);
  compact[n] = '\0';
  return strstr (compact, "display:none") != NULL || strstr (compact, "visibility:hidden") != NULL;
}

static void
read_role (const PithHtmlAttribute *attribute,
           PithHtmlHints           *hints)
{
  static const struct { const char *role; guint32 zones; guint8 tier; } roles[] = {
    { "navigation", PITH_HTML_ZONE_NAV, 0 },
    { "menu", PITH_HTML_ZONE_NAV, 0 },
    { "menubar", PITH_HTML_ZONE_NAV, 0 },
    { "banner", PITH_HTML_ZONE_NAV, 0 },
    { "search", PITH_HTML_ZONE_NAV, 0 },
    { "contentinfo", PITH_HTML_ZONE_FOOTER, 0 },
    { "complementary", PITH_HTML_ZONE_SIDEBAR, 0 },
    { "dialog", PITH_HTML_ZONE_MODAL, 0 },
    { "alertdialog", PITH_HTML_ZONE_MODAL, 0 },
    { "main", 0, 3 },
    { "article", 0, 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    if (value_is (attribute, roles[i].role))
      {
        hints->zones |= roles[i].zones;
        if (roles[i].tier != 0 && (hints->root_tier == 0 || roles[i].tier < hints->root_tier))
          hints->root_tier = roles[i].tier;
      }
}

void
pith_html_hints_read (const PithHtmlTree *tree,
                      guint32             node,
                      PithHtmlHints      *hints)
{
  GHashTable *words = vocabulary ()->words;
  PithHtmlAttribute attribute;
  gsize position = 0;

  hints->zones = 0;
  hints->root_tier = 0;
  while (pith_html_tree_next_attribute (tree, node, &position, &attribute))
    {
      if (attribute.value != NULL && (name_is (&attribute, "class") || name_is (&attribute, "id")))
        read_tokens (words, attribute.value, MIN (attribute.value_length, 512), hints);
      else if (name_is (&attribute, "role"))
        read_role (&attribute, hints);
      else if (name_is (&attribute, "itemprop"))
        {
          if (value_is (&attribute, "articleBody") || value_is (&attribute, "text"))
            hints->root_tier = 1;
          else if (value_is (&attribute, "author") || value_is (&attribute, "datePublished"))
            hints->zones |= PITH_HTML_ZONE_BYLINE;
          else if (value_is (&attribute, "comment"))
            hints->zones |= PITH_HTML_ZONE_COMMENT;
        }
      else if (name_is (&attribute, "hidden") ||
               (name_is (&attribute, "aria-hidden") && value_is (&attribute, "true")) ||
               (name_is (&attribute, "style") && style_hides (&attribute)) ||
               (name_is (&attribute, "type") && value_is (&attribute, "hidden")))
        hints->zones |= PITH_HTML_ZONE_HIDDEN;
    }
}

gboolean
pith_html_hints_match_heading (const char   *text,
                               gsize         length,
                               PithHtmlZone *zone)
{
  g_autofree char *lower = g_utf8_strdown (text, (gssize) length);
  gsize n = strlen (lower);

  /* Trailing colons, arrows and blanks: "Related:", "Mehr »". */
  while (n > 0 && (g_ascii_isspace (lower[n - 1]) || lower[n - 1] == ':' || lower[n - 1] == '>' ||
                   lower[n - 1] == '.'))
    n--;
  if (n >= 2 && (guchar) lower[n - 2] == 0xC2 && (guchar) lower[n - 1] == 0xBB)
    {
      n -= 2;
      while (n > 0 && g_ascii_isspace (lower[n - 1]))
        n--;
    }
  lower[n] = '\0';
  if (!pith_line_patterns_match (vocabulary ()->headings, lower, n))
    return FALSE;
  *zone = PITH_HTML_ZONE_HEADING;
  return TRUE;
}
