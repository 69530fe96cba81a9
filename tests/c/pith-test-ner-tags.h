/* pith-test-ner-tags.h: BILOU tags by name, for tests that tag by hand
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include "pith-ner-model-private.h"

/* The tag named @name ("O", "B-PER", …), as pith_ner_tag_name() names it. */
static inline int
pith_test_ner_tag (const char *name)
{
  for (int tag = 0; tag < PITH_NER_N_TAGS; tag++)
    if (strcmp (pith_ner_tag_name (tag), name) == 0)
      return tag;
  g_error ("no tag is named “%s”", name);
}
