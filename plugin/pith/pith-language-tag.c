/* pith-language-tag.c: the language a tag names
 *
 * Documents carry their language as the input declared it ("de-AT",
 * "pt_BR", "EN") or as the language stage found it ("de", "ast"). Stages
 * that choose word lists and models by it compare the primary subtag
 * alone: comparing the first two bytes would take Filipino ("fil") for
 * Finnish and Asturian ("ast") for Assamese.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-language-tag-private.h"

gboolean
pith_language_tag_code (const char *tag,
                        char        code[PITH_LANGUAGE_CODE_MAX + 1])
{
  gsize length = 0;

  code[0] = '\0';
  if (tag == NULL)
    return FALSE;
  while (length <= PITH_LANGUAGE_CODE_MAX && g_ascii_isalpha (tag[length]))
    length++;
  if (length < 2 || length > PITH_LANGUAGE_CODE_MAX || (tag[length] != '\0' && tag[length] != '-' &&
                                                        tag[length] != '_' && tag[length] != '.' &&
                                                        tag[length] != '@'))
    return FALSE;
  for (gsize i = 0; i < length; i++)
    code[i] = g_ascii_tolower (tag[i]);
  code[length] = '\0';
  return TRUE;
}

gboolean
pith_language_tag_is (const char *tag,
                      const char *code)
{
  char primary[PITH_LANGUAGE_CODE_MAX + 1];

  return pith_language_tag_code (tag, primary) && strcmp (primary, code) == 0;
}
