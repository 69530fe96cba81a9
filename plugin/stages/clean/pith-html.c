/* pith-html.c: HTML to text as edits
 *
 * A streaming tokenizer after the states of the HTML standard's tokenizer
 * (data, tags with attributes, comments, raw-text elements, character
 * references) that writes its work as edits of the raw HTML rather than as
 * a tree: tags go, block elements become paragraph breaks, character
 * references become their characters, and the content of script, style,
 * nav, footer, aside, form and similar elements goes whole. Every character
 * of the text that results maps back to its place in the HTML. It keeps no
 * stack, so depth costs nothing, and it never looks backwards, so it is
 * linear in the input.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-private.h"

#define MAX_NAME 32

/* Elements whose content is not article text. */
static const char * const dropped_elements[] = {
  "script", "style", "nav", "footer", "aside", "form", "noscript", "template",
  "svg", "iframe", "button", "select", "object", "canvas", "menu", "dialog",
  NULL,
};

/* Elements whose content is raw text: no tags inside, only the end tag. */
static const char * const raw_text_elements[] = {
  "script", "style", "title", "textarea", "xmp", "noscript", "template", NULL,
};

/* Elements that start a new block of text. */
static const char * const block_elements[] = {
  "address", "article", "blockquote", "body", "caption", "center", "dd", "details",
  "div", "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5",
  "h6", "head", "header", "hgroup", "hr", "html", "li", "main", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", NULL,
};

typedef struct
{
  const char *text;
  gsize length;
  const PithWordList *entities;
  GArray *edits;
  GPtrArray *strings;
  JsonObject *metadata;
} Html;

typedef struct
{
  char name[MAX_NAME + 1];
  gboolean end;
  gboolean self_closing;
  gsize start;
  gsize stop;               /* just after '>' */
  gsize attributes_start;
  gsize attributes_end;
} Tag;

static void
add (Html       *html,
     gsize       start,
     gsize       end,
     const char *replacement)
{
  PithCleanEdit edit = { { start, end, replacement, -1 }, PITH_CLEAN_HTML };

  if (html->edits->len > 0 &&
      g_array_index (html->edits, PithCleanEdit, html->edits->len - 1).edit.end > start)
    return;
  g_array_append_val (html->edits, edit);
}

static const char *
find_ci (const char *text,
         gsize       from,
         gsize       length,
         const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = from; i + n <= length; i++)
    if (g_ascii_tolower (text[i]) == needle[0] && g_ascii_strncasecmp (text + i, needle, n) == 0)
      return text + i;
  return NULL;
}

gboolean
pith_html_looks_like_html (const char *text,
                           gsize       length)
{
  static const char * const signs[] = {
    "<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<article", "<br", NULL,
  };
  gsize window = MIN (length, 4096);
  gsize i = 0;

  while (i < window && (g_ascii_isspace (text[i]) || (guchar) text[i] >= 0x80))
    i++;
  if (i >= window || text[i] != '<')
    return FALSE;

  for (guint s = 0; signs[s] != NULL; s++)
    if (find_ci (text, i, window, signs[s]) != NULL)
      return TRUE;
  return FALSE;
}

/* A character reference at @i ("&amp;", "&#8217;", "&#x2019;"): its length
 * and the UTF-8 it stands for, or 0. */
static gsize
match_reference (const char         *text,
                 gsize               i,
                 gsize               length,
                 const PithWordList *entities,
                 char                out[32])
{
  gsize j = i + 1;
  const char *code_points;

  if (j < length && text[j] == '#')
    {
      gboolean hex = j + 1 < length && (text[j + 1] == 'x' || text[j + 1] == 'X');
      guint64 value = 0;
      gsize digits = 0;

      j += hex ? 2 : 1;
      while (j < length && digits < 8 && (hex ? g_ascii_isxdigit (text[j]) : g_ascii_isdigit (text[j])))
        {
          value = value * (hex ? 16 : 10) + (hex ? (guint64) g_ascii_xdigit_value (text[j])
                                                 : (guint64) (text[j] - '0'));
          j++;
          digits++;
        }
      if (digits == 0 || j >= length || text[j] != ';')
        return 0;
      /* The standard's replacements: NUL, surrogates, out of range. */
      if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        value = 0xFFFD;
      out[g_unichar_to_utf8 ((gunichar) value, out)] = '\0';
      return j + 1 - i;
    }

  while (j < length && j - i <= MAX_NAME && g_ascii_isalnum (text[j]))
    j++;
  if (j >= length || text[j] != ';' || j == i + 1 ||
      !pith_word_list_lookup (entities, text + i + 1, j - i - 1, &code_points))
    return 0;

  {
    g_auto(GStrv) parts = g_strsplit (code_points, " ", -1);
    gsize n = 0;

    for (guint p = 0; parts[p] != NULL && n < 24; p++)
      n += g_unichar_to_utf8 ((gunichar) g_ascii_strtoull (parts[p], NULL, 16), out + n);
    out[n] = '\0';
  }
  return j + 1 - i;
}

char *
pith_html_decode (const char         *text,
                  gsize               length,
                  const PithWordList *entities)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length;)
    {
      char decoded[32];
      gsize n = text[i] == '&' ? match_reference (text, i, length, entities, decoded) : 0;

      if (n > 0)
        {
          g_string_append (out, decoded);
          i += n;
        }
      else if (g_ascii_isspace (text[i]))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
          i++;
        }
      else
        g_string_append_c (out, text[i++]);
    }

  return g_strstrip (g_string_free (out, FALSE));
}

/* Reads the tag at @i, which starts with '<'; FALSE if it is not a tag. */
static gboolean
read_tag (const char *text,
          gsize       i,
          gsize       length,
          Tag        *tag)
{
  gsize j = i + 1;
  gsize n = 0;
  char quote = 0;

  memset (tag, 0, sizeof *tag);
  tag->start = i;
  if (j < length && text[j] == '/')
    {
      tag->end = TRUE;
      j++;
    }
  if (j >= length || !g_ascii_isalpha (text[j]))
    return FALSE;

  while (j < length && (g_ascii_isalnum (text[j]) || text[j] == '-' || text[j] == ':'))
    {
      if (n < MAX_NAME)
        tag->name[n++] = g_ascii_tolower (text[j]);
      j++;
    }
  tag->name[n] = '\0';
  tag->attributes_start = j;

  /* Attributes, with quoted values that may hold '>'. */
  for (; j < length; j++)
    {
      if (quote != 0)
        {
          if (text[j] == quote)
            quote = 0;
        }
      else if (text[j] == '"' || text[j] == '\'')
        quote = text[j];
      else if (text[j] == '>')
        break;
    }
  tag->attributes_end = j;
  tag->self_closing = j > 0 && j < length && text[j - 1] == '/';
  tag->stop = j < length ? j + 1 : length;
  return TRUE;
}

/* The value of attribute @name in @tag, decoded; NULL if absent. */
static char *
attribute (Html       *html,
           const Tag  *tag,
           const char *name)
{
  const char *text = html->text;
  gsize n = strlen (name);

  for (gsize i = tag->attributes_start; i + n < tag->attributes_end; i++)
    {
      gsize value_start;
      gsize value_end;

      if (g_ascii_strncasecmp (text + i, name, n) != 0 ||
          (i > tag->attributes_start && !g_ascii_isspace (text[i - 1])))
        continue;
      value_start = i + n;
      while (value_start < tag->attributes_end && g_ascii_isspace (text[value_start]))
        value_start++;
      if (value_start >= tag->attributes_end || text[value_start] != '=')
        continue;
      value_start++;
      while (value_start < tag->attributes_end && g_ascii_isspace (text[value_start]))
        value_start++;
      if (value_start < tag->attributes_end && (text[value_start] == '"' || text[value_start] == '\''))
        {
          char quote = text[value_start++];
          value_end = value_start;
          while (value_end < tag->attributes_end && text[value_end] != quote)
            value_end++;
        }
      else
        {
          value_end = value_start;
          while (value_end < tag->attributes_end && !g_ascii_isspace (text[value_end]) &&
                 text[value_end] != '/')
            value_end++;
        }
      return pith_html_decode (text + value_start, value_end - value_start, html->entities);
    }
  return NULL;
}

static void
set_metadata (Html       *html,
              const char *key,
              char       *value)
{
  if (value != NULL && *value != '\0' && !json_object_has_member (html->metadata, key))
    json_object_set_string_member (html->metadata, key, value);
  g_free (value);
}

static void
read_meta (Html      *html,
           const Tag *tag)
{
  g_autofree char *name = attribute (html, tag, "name");
  g_autofree char *property = attribute (html, tag, "property");
  g_autofree char *itemprop = attribute (html, tag, "itemprop");
  const char *key = name != NULL ? name : property != NULL ? property : itemprop;

  if (key == NULL)
    return;
  if (g_ascii_strcasecmp (key, "description") == 0 || g_ascii_strcasecmp (key, "og:description") == 0)
    set_metadata (html, "description", attribute (html, tag, "content"));
  else if (g_ascii_strcasecmp (key, "author") == 0 || g_ascii_strcasecmp (key, "article:author") == 0)
    set_metadata (html, "author", attribute (html, tag, "content"));
  else if (g_ascii_strcasecmp (key, "date") == 0 || g_ascii_strcasecmp (key, "datePublished") == 0 ||
           g_ascii_strcasecmp (key, "article:published_time") == 0 ||
           g_ascii_strcasecmp (key, "pubdate") == 0)
    set_metadata (html, "date", attribute (html, tag, "content"));
  else if (g_ascii_strcasecmp (key, "og:title") == 0)
    set_metadata (html, "title", attribute (html, tag, "content"));
}

/* After an element that is dropped starts at @tag: where its end tag ends,
 * counting nested elements of the same name. */
static gsize
end_of_dropped (Html      *html,
                const Tag *tag)
{
  const char *text = html->text;
  gsize depth = 1;
  gsize i = tag->stop;

  while (i < html->length)
    {
      const char *next = memchr (text + i, '<', html->length - i);
      Tag inner;

      if (next == NULL)
        return html->length;
      i = next - text;
      if (html->length - i >= 4 && strncmp (text + i, "<!--", 4) == 0)
        {
          const char *close = strstr (text + i + 4, "-->");
          i = close != NULL ? (gsize) (close - text) + 3 : html->length;
          continue;
        }
      if (!read_tag (text, i, html->length, &inner))
        {
          i++;
          continue;
        }
      if (strcmp (inner.name, tag->name) == 0 && !inner.self_closing)
        {
          depth += inner.end ? -1 : 1;
          if (depth == 0)
            return inner.stop;
        }
      i = inner.stop;
    }
  return html->length;
}

/* Runs of whitespace with a line break in HTML text are one space: the
 * source's line breaks are not the text's. */
static gsize
data_whitespace (Html  *html,
                 gsize  i)
{
  const char *text = html->text;
  gsize j = i;
  gboolean has_break = FALSE;

  while (j < html->length && g_ascii_isspace (text[j]))
    {
      has_break |= text[j] == '\n' || text[j] == '\r' || text[j] == '\t';
      j++;
    }
  if (has_break)
    add (html, i, j, " ");
  return j;
}

void
pith_html_find_edits (const char         *text,
                      gsize               length,
                      const PithWordList *entities,
                      GArray             *edits,
                      GPtrArray          *strings,
                      JsonObject         *metadata)
{
  Html html = { text, length, entities, edits, strings, metadata };
  gsize i = 0;
  guint in_pre = 0;

  while (i < length)
    {
      char c = text[i];
      Tag tag;

      if (c == '<')
        {
          if (length - i >= 4 && strncmp (text + i, "<!--", 4) == 0)
            {
              const char *close = strstr (text + i + 4, "-->");
              gsize end = close != NULL ? (gsize) (close - text) + 3 : length;

              add (&html, i, end, "");
              i = end;
              continue;
            }
          if (i + 1 < length && (text[i + 1] == '!' || text[i + 1] == '?'))
            {
              const char *close = memchr (text + i, '>', length - i);
              gsize end = close != NULL ? (gsize) (close - text) + 1 : length;

              add (&html, i, end, "");
              i = end;
              continue;
            }
          if (!read_tag (text, i, length, &tag))
            {
              i++;
              continue;
            }

          if (!tag.end && g_strv_contains (raw_text_elements, tag.name) && !tag.self_closing)
            {
              g_autofree char *close_tag = g_strconcat ("</", tag.name, NULL);
              const char *close = find_ci (text, tag.stop, length, close_tag);
              gsize content_end = close != NULL ? (gsize) (close - text) : length;
              gsize end = content_end;

              if (close != NULL)
                {
                  const char *gt = memchr (text + content_end, '>', length - content_end);
                  end = gt != NULL ? (gsize) (gt - text) + 1 : length;
                }
              if (strcmp (tag.name, "title") == 0)
                set_metadata (&html, "title",
                              pith_html_decode (text + tag.stop, content_end - tag.stop, entities));
              add (&html, i, end, "\n\n");
              i = end;
              continue;
            }

          if (!tag.end && g_strv_contains (dropped_elements, tag.name) && !tag.self_closing)
            {
              gsize end = end_of_dropped (&html, &tag);

              add (&html, i, end, "\n\n");
              i = end;
              continue;
            }

          if (!tag.end && strcmp (tag.name, "meta") == 0)
            read_meta (&html, &tag);
          if (strcmp (tag.name, "pre") == 0)
            in_pre = tag.end ? (in_pre > 0 ? in_pre - 1 : 0) : in_pre + 1;

          if (strcmp (tag.name, "br") == 0)
            add (&html, i, tag.stop, "\n");
          else if (g_strv_contains (block_elements, tag.name))
            add (&html, i, tag.stop, "\n\n");
          else if (strcmp (tag.name, "td") == 0 || strcmp (tag.name, "th") == 0)
            add (&html, i, tag.stop, " ");
          else
            add (&html, i, tag.stop, "");
          i = tag.stop;
        }
      else if (c == '&')
        {
          char decoded[32];
          gsize n = match_reference (text, i, length, entities, decoded);

          if (n > 0)
            {
              char *replacement = g_strdup (decoded);

              g_ptr_array_add (strings, replacement);
              add (&html, i, i + n, replacement);
              i += n;
            }
          else
            i++;
        }
      else if (g_ascii_isspace (c) && in_pre == 0)
        i = data_whitespace (&html, i);
      else
        i++;
    }
}
