/* pith-test-cases.h: reading the case files in tests/data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint line;
  char *options;        /* from "@ …", or NULL */
  char *input;          /* from "> …", unescaped */
  GPtrArray *expected;  /* lines after the input, by their marker, unescaped */
} PithTestCase;

/* Reads "tests/data/NAME": cases start at "> ", "@ " lines set options for
 * the next case, and lines starting with @expect_marker ("= ", "< ", "~ ")
 * belong to the case before them. */
GPtrArray *pith_test_cases_load (const char *name,
                                 const char *expect_marker);
char      *pith_test_unescape   (const char *text);
char      *pith_test_data_path  (const char *name);

/* Reads ../shared/data/samples/NAME, or skips the test and returns NULL. */
char      *pith_test_shared_sample_load (const char *name);

/* Runs @text through the pipeline @description, failing the test on error. */
struct _PithDocument;
struct _PithDocument *pith_test_run (const char *description,
                                     const char *text);

G_END_DECLS
