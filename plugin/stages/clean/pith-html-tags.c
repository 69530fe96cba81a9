/* pith-html-tags.c: the HTML elements Pith knows and how they parse
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-html-tags-private.h"

typedef struct
{
  const char *name;
  PithHtmlTagFlags flags;
} TagInfo;

#define PITH_HTML_TAG_INFO(id, name, flags) { name, flags },

/* In PithHtmlTag order, which is also the names' byte order, so that a
 * binary search finds a name. */
static const TagInfo tags[PITH_HTML_TAG_N_KNOWN] = {
  { "#document", PITH_HTML_BLOCK },
  { "#text", PITH_HTML_INLINE },
  PITH_HTML_TAG_LIST (PITH_HTML_TAG_INFO)
};

#undef PITH_HTML_TAG_INFO

static int
compare_name (const char *name,
              gsize       length,
              const char *known)
{
  int order = strncmp (name, known, length);

  if (order != 0)
    return order;
  return known[length] == '\0' ? 0 : -1;
}

guint
pith_html_tag_lookup (const char *name,
                      gsize       length)
{
  guint low = PITH_HTML_TAG_TEXT + 1;
  guint high = PITH_HTML_TAG_N_KNOWN;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      int order = compare_name (name, length, tags[middle].name);

      if (order == 0)
        return middle;
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return PITH_HTML_TAG_N_KNOWN;
}

PithHtmlTagFlags
pith_html_tag_flags (guint tag)
{
  return tag < PITH_HTML_TAG_N_KNOWN ? tags[tag].flags : 0;
}

const char *
pith_html_tag_name (guint tag)
{
  return tag < PITH_HTML_TAG_N_KNOWN ? tags[tag].name : NULL;
}
