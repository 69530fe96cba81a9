/* pith-clean-rules-private.h: what the clean stage does, as one pass
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

#include "pith-cleaner.h"
#include "pith-document.h"
#include "pith-sorted-words-private.h"
#include "pith-word-list-private.h"

G_BEGIN_DECLS

typedef enum {
  PITH_CLEAN_MARKER,          /* [ad_1], ADVERTISEMENT lines */
  PITH_CLEAN_BOILERPLATE,     /* "Read more: …" lines */
  PITH_CLEAN_WHITESPACE,      /* runs of spaces, odd spaces, blank-line runs */
  PITH_CLEAN_CHARACTER,       /* BOM, zero-width, soft hyphen, control */
  PITH_CLEAN_UNICODE,         /* NFC */
  PITH_CLEAN_QUOTE_DEBRIS,    /* .“, */
  PITH_CLEAN_MISSING_SPACE,   /* said.The */
  PITH_CLEAN_GLUED,           /* TurkeyThey */
  PITH_CLEAN_HTML,            /* tags, entities, dropped elements */
  PITH_CLEAN_MOJIBAKE,        /* â€™ */
  PITH_CLEAN_QUOTES,          /* by the quote style */
  PITH_CLEAN_HYPHENATION,     /* govern-\nment */
  PITH_CLEAN_REPEATED_TITLE,  /* the title again as the body's first line */
  PITH_CLEAN_TRUNCATION,      /* […] at the end of a line */
  PITH_CLEAN_DATELINE,        /* (CNN)Share: the dateline a paragraph of its own */
  PITH_CLEAN_N_KINDS
} PithCleanKind;

/* Line globs, filed by their first byte so that a line is tried only
 * against the globs that can match it. */
typedef struct _PithLinePatterns PithLinePatterns;

PithLinePatterns *pith_line_patterns_new   (void);
void              pith_line_patterns_add   (PithLinePatterns *self,
                                            const char       *glob);
gboolean          pith_line_patterns_match (const PithLinePatterns *self,
                                            const char       *line,
                                            gsize             length);
void              pith_line_patterns_free  (PithLinePatterns *self);
/* The boilerplate lines of the language @language (an ISO 639 code,
 * lowercase), loaded once and shared; NULL when Pith has no list for it. */
const PithLinePatterns *pith_line_patterns_get_boilerplate (const char *language);
/* The boilerplate lines of every language but English, together. */
const PithLinePatterns *pith_line_patterns_get_foreign_boilerplate (void);

/* The boilerplate of the document's language, found only when a line
 * needs it: a line that is boilerplate in some language Pith has a list
 * for, and not in English. Finding it may mean reading the text for its
 * language, which most documents (English ones, pages that declare their
 * language) never need. */
typedef struct
{
  const PithLinePatterns *(*find) (gpointer data); /* NULL: none */
  gpointer data;
  gboolean found;
  const PithLinePatterns *patterns;     /* once found; NULL if none */
} PithLanguageBoilerplate;

typedef struct
{
  gboolean kinds[PITH_CLEAN_N_KINDS];   /* which kinds of edit are on */
  const PithLinePatterns *boilerplate;  /* English, matched on lowercased lines */
  const PithLinePatterns *foreign_boilerplate; /* every other language's together */
  PithLanguageBoilerplate *language_boilerplate; /* the document's language's; NULL if none */
  PithLinePatterns *user_patterns;      /* matched on lines as they are; NULL if none */
  GPtrArray *inline_patterns;           /* of char *, literal, removed anywhere; NULL if none */
  guint8 inline_first_bytes[256];       /* 1 where an inline pattern starts with that byte */
  const PithWordList *sentence_starters;
  const PithSortedWords *words;         /* lowercase words and mixed-case names */
  const PithWordList *mixed_case_names; /* names and brands the words lack */
  const PithWordList *glue_left_words;  /* a capital after these starts a name or an identifier */
  const PithWordList *abbreviations;    /* lowercase, as the segmenter has them */
  PithQuoteStyle quote_style;
} PithCleanRules;

/* 40 bytes, as the document's edits: a million repairs of a long text are
 * read and copied several times, and each byte counts for the cache. */
typedef struct
{
  PithEdit edit;
  guint8 kind;              /* PithCleanKind */
  guint8 evidence;          /* what a repair went by, for the audit: pith_clean_evidence_to_string() */
} PithCleanEdit;

/* The words of the evidence of an edit, or NULL for none. */
const char *pith_clean_evidence_to_string (guint8 evidence);

const char *pith_clean_kind_to_string (PithCleanKind kind);

/* Appends sorted, disjoint edits to @edits (of PithCleanEdit); strings in
 * replacements are static or owned by @strings. */
void pith_clean_find_mojibake (const char           *text,
                               gsize                 length,
                               const PithCleanRules *rules,
                               GArray               *edits,
                               GPtrArray            *strings);

void pith_clean_find_edits (const char           *text,
                            gsize                 length,
                            const PithCleanRules *rules,
                            GArray               *edits,
                            GPtrArray            *strings);

G_END_DECLS
