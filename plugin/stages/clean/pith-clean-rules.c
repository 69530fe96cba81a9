/* pith-clean-rules.c: what the clean stage does, as one pass
 *
 * One forward pass over the lines of the text produces a sorted list of
 * edits; nothing is matched backwards, so the cost is linear in the text.
 * Lines are either removed (blank, scraper markers, boilerplate) or kept;
 * the gap between two kept lines becomes one line break, or a paragraph
 * break when a blank line stood between them: removing a line never makes
 * a paragraph break the input did not have. Inside a kept
 * line, whitespace runs become one space and characters that carry nothing
 * go; non-ASCII runs are put in NFC; and three repairs are made where a
 * scraper glued text together: quote debris after a sentence end (`.“,`),
 * a missing space after one (`said.The`), and a sentence glued to the next
 * (`TurkeyThey`).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-clean-rules-private.h"
#include "pith-utf8-private.h"

/* Lines longer than this are article text, never boilerplate. */
#define BOILERPLATE_MAX_LINE 200

static const char * const kind_names[PITH_CLEAN_N_KINDS] = {
  "marker", "boilerplate", "whitespace", "character", "unicode",
  "quote-debris", "missing-space", "glued-sentence",
};

const char *
pith_clean_kind_to_string (PithCleanKind kind)
{
  return kind_names[kind];
}

/* Top-level domains that follow a full stop with a capital in names like
 * Amazon.Com, which must not be split. */
static const char * const domain_words[] = {
  "com", "net", "org", "gov", "edu", "io", "co", "uk", "de", "fr", "ru",
  "info", "biz", "tv", "me", "us", "eu", "ai", NULL,
};

typedef struct
{
  const char *text;
  gsize length;
  const PithCleanRules *rules;
  GArray *edits;
  GPtrArray *strings;
  GHashTable *glued_counts;   /* candidate glued word -> occurrences */
} Pass;

#define char_at pith_utf8_char_at

static inline gboolean
is_blank (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v' ||
         (c >= 0x80 && g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR);
}

/* Characters that carry nothing in news text. Zero-width joiners stay:
 * emoji sequences and several scripts need them. */
static inline gboolean
is_droppable (gunichar c)
{
  if (c < 0x20)
    return c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v';
  return c == 0x7F || (c >= 0x80 && c < 0xA0) ||
         c == 0xFEFF || c == 0x200B || c == 0x2060 || c == 0x00AD;
}

static void
add_edit (Pass          *pass,
          gsize          start,
          gsize          end,
          const char    *replacement,
          PithCleanKind  kind)
{
  PithCleanEdit edit = { { start, end, replacement, -1 }, kind };

  if (!pass->rules->kinds[kind])
    return;

  /* The pass finds edits in text order; one that would overlap the edit
   * before it is dropped rather than corrupt the text. */
  if (pass->edits->len > 0 &&
      g_array_index (pass->edits, PithCleanEdit, pass->edits->len - 1).edit.end > start)
    return;

  g_array_append_val (pass->edits, edit);
}

static gsize
last_edit_end (Pass *pass)
{
  if (pass->edits->len == 0)
    return 0;
  return g_array_index (pass->edits, PithCleanEdit, pass->edits->len - 1).edit.end;
}

/* [ad], [ad_1], [ad-2], [ad3], [advertisement], {{ad}}: the length of the
 * marker at @i, or 0. */
static gsize
match_marker (const char *text,
              gsize       i,
              gsize       end)
{
  gsize j;

  if (text[i] == '{')
    return end - i >= 6 && g_ascii_strncasecmp (text + i, "{{ad}}", 6) == 0 ? 6 : 0;
  if (text[i] != '[')
    return 0;

  if (end - i >= 15 && g_ascii_strncasecmp (text + i, "[advertisement]", 15) == 0)
    return 15;
  if (end - i < 4 || g_ascii_strncasecmp (text + i + 1, "ad", 2) != 0)
    return 0;

  j = i + 3;
  if (j < end && (text[j] == '_' || text[j] == '-'))
    j++;
  while (j < end && g_ascii_isdigit (text[j]))
    j++;
  return j < end && text[j] == ']' ? j + 1 - i : 0;
}

static gboolean
is_marker_line (const char *text,
                gsize       start,
                gsize       end)
{
  gsize i = start;
  gboolean any = FALSE;

  if (end - start == 13 && (strncmp (text + start, "ADVERTISEMENT", 13) == 0 ||
                            strncmp (text + start, "Advertisement", 13) == 0))
    return TRUE;

  while (i < end)
    {
      gsize marker = match_marker (text, i, end);

      if (marker > 0)
        {
          i += marker;
          any = TRUE;
        }
      else if (text[i] == ' ' || text[i] == '\t')
        i++;
      else
        return FALSE;
    }
  return any;
}

struct _PithLinePatterns
{
  GPtrArray *by_first_byte[256];   /* of GPatternSpec; NULL when empty */
  GPtrArray *any_first;            /* globs that start with * or ? */
};

PithLinePatterns *
pith_line_patterns_new (void)
{
  return g_new0 (PithLinePatterns, 1);
}

void
pith_line_patterns_add (PithLinePatterns *self,
                        const char       *glob)
{
  GPtrArray **bucket = (*glob == '*' || *glob == '?') ? &self->any_first
                                                      : &self->by_first_byte[(guchar) *glob];

  if (*bucket == NULL)
    *bucket = g_ptr_array_new_with_free_func ((GDestroyNotify) g_pattern_spec_free);
  g_ptr_array_add (*bucket, g_pattern_spec_new (glob));
}

static gboolean
bucket_matches (GPtrArray  *bucket,
                const char *line,
                gsize       length)
{
  if (bucket == NULL)
    return FALSE;
  for (guint i = 0; i < bucket->len; i++)
    if (g_pattern_spec_match (g_ptr_array_index (bucket, i), length, line, NULL))
      return TRUE;
  return FALSE;
}

gboolean
pith_line_patterns_match (const PithLinePatterns *self,
                          const char             *line,
                          gsize                   length)
{
  if (self == NULL || length == 0)
    return FALSE;
  return bucket_matches (self->by_first_byte[(guchar) line[0]], line, length) ||
         bucket_matches (self->any_first, line, length);
}

void
pith_line_patterns_free (PithLinePatterns *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (self->by_first_byte); i++)
    g_clear_pointer (&self->by_first_byte[i], g_ptr_array_unref);
  g_clear_pointer (&self->any_first, g_ptr_array_unref);
  g_free (self);
}

static gboolean
is_boilerplate_line (const PithCleanRules *rules,
                     const char           *text,
                     gsize                 start,
                     gsize                 end,
                     gboolean             *user_pattern)
{
  char line[BOILERPLATE_MAX_LINE + 1];
  gsize length = end - start;
  gboolean ascii = TRUE;
  g_autofree char *lower = NULL;

  *user_pattern = FALSE;
  if (length > BOILERPLATE_MAX_LINE)
    return FALSE;

  memcpy (line, text + start, length);
  line[length] = '\0';
  if (pith_line_patterns_match (rules->user_patterns, line, length))
    {
      *user_pattern = TRUE;
      return TRUE;
    }
  if (!rules->kinds[PITH_CLEAN_BOILERPLATE])
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if ((guchar) line[i] >= 0x80)
        ascii = FALSE;
      line[i] = g_ascii_tolower (line[i]);
    }
  if (ascii)
    return pith_line_patterns_match (rules->boilerplate, line, length);

  lower = g_utf8_strdown (line, (gssize) length);
  return pith_line_patterns_match (rules->boilerplate, lower, strlen (lower));
}

/* Line content without the blanks and droppable characters at its ends. */
static void
trim (const char *text,
      gsize       start,
      gsize       end,
      gsize      *content_start,
      gsize      *content_end)
{
  gsize size;

  while (start < end)
    {
      gunichar c = char_at (text, start, end, &size);
      if (!is_blank (c) && !is_droppable (c))
        break;
      start += size;
    }
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (text + start, text + end);
      gunichar c;

      if (previous == NULL)
        previous = text + start;
      c = char_at (text, previous - text, end, &size);
      if (!is_blank (c) && !is_droppable (c))
        break;
      end = previous - text;
    }

  *content_start = start;
  *content_end = end;
}

static gboolean
is_lower_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_islower (c) : g_unichar_islower (c);
}

static gboolean
is_upper_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c));
}

static gboolean
is_letter (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

/* The end of the run of letters starting at @i. */
static gsize
letters_end (const char *text,
             gsize       i,
             gsize       end)
{
  gsize size;

  while (i < end && is_letter (char_at (text, i, end, &size)))
    i += size;
  return i;
}

/* Where a word's lowercase letter meets a capital that starts a sentence
 * starter ("Turkey|They"), or 0. */
static gsize
glued_split (const Pass *pass,
             gsize       word_start,
             gsize       word_end)
{
  gsize size;
  gsize i = word_start;
  gunichar previous = 0;

  if (pass->rules->sentence_starters == NULL)
    return 0;

  while (i < word_end)
    {
      gunichar c = char_at (pass->text, i, word_end, &size);

      if (i - word_start >= 2 && is_lower_letter (previous) && is_upper_letter (c))
        {
          gsize next_size;
          gunichar next = i + size < word_end ? char_at (pass->text, i + size, word_end, &next_size) : 0;

          if ((next == 0 || is_lower_letter (next)) &&
              pith_word_list_lookup (pass->rules->sentence_starters, pass->text + i,
                                     word_end - i, NULL))
            return i;
        }
      previous = c;
      i += size;
    }

  return 0;
}

/* Glued words that occur more than once are words of the document (a
 * brand, a name), not two sentences. Counted once, before the main pass. */
static void
count_glued_candidates (Pass *pass)
{
  const char *text = pass->text;
  gsize i = 0;
  gsize size;

  if (!pass->rules->kinds[PITH_CLEAN_GLUED] || pass->rules->sentence_starters == NULL)
    return;

  while (i < pass->length)
    {
      gunichar c = char_at (text, i, pass->length, &size);
      gsize end;

      if (!is_letter (c))
        {
          i += size;
          continue;
        }
      end = letters_end (text, i, pass->length);
      if (glued_split (pass, i, end) > 0)
        {
          g_autofree char *word = g_strndup (text + i, end - i);
          gpointer count;

          if (pass->glued_counts == NULL)
            pass->glued_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          count = g_hash_table_lookup (pass->glued_counts, word);
          g_hash_table_replace (pass->glued_counts, g_steal_pointer (&word),
                                GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
        }
      i = end;
    }
}

static gboolean
is_domain_word (const char *text,
                gsize       start,
                gsize       end)
{
  for (guint i = 0; domain_words[i] != NULL; i++)
    if (strlen (domain_words[i]) == end - start &&
        g_ascii_strncasecmp (text + start, domain_words[i], end - start) == 0)
      return TRUE;
  return FALSE;
}

/* After a sentence-ending mark at @i: quote debris or a missing space.
 * Returns where the scan goes on. */
static gsize
repair_after_terminal (Pass  *pass,
                       gsize  i,
                       gsize  end)
{
  const char *text = pass->text;
  gsize after = i + 1;
  gsize size;
  gunichar next;
  gunichar before1;
  gunichar before2;

  if (after >= end)
    return after;
  next = char_at (text, after, end, &size);

  /* reached.“, – reported: a lone quote and comma left from a quotation. */
  if ((next == 0x201C || next == 0x201D || next == '"' || next == 0x201E) &&
      after + size < end && text[after + size] == ',')
    {
      add_edit (pass, after, after + size + 1, "", PITH_CLEAN_QUOTE_DEBRIS);
      return after + size + 1;
    }

  /* said.The and Stepanakert.“GORDON”: the space after the full stop went
   * missing. Only after a lowercase word of two letters or more, so U.S.A
   * and e.g.X stay, and not before a domain ending (Amazon.Com). */
  if (i < 2)
    return after;
  before1 = g_utf8_get_char (g_utf8_find_prev_char (text, text + i));
  before2 = g_utf8_get_char (g_utf8_find_prev_char (text, g_utf8_find_prev_char (text, text + i)));
  if (!is_lower_letter (before1) || !is_lower_letter (before2))
    return after;

  if (is_upper_letter (next))
    {
      gsize word_end = letters_end (text, after, end);
      gsize next_size;
      gunichar second = after + size < end ? char_at (text, after + size, end, &next_size) : 0;

      if (is_lower_letter (second) && !is_domain_word (text, after, word_end))
        add_edit (pass, after, after, " ", PITH_CLEAN_MISSING_SPACE);
    }
  else if (next == 0x201C && after + size < end &&
           is_upper_letter (char_at (text, after + size, end, &size)))
    add_edit (pass, after, after, " ", PITH_CLEAN_MISSING_SPACE);

  return after;
}

/* NFC changes text only around combining marks, Hangul jamo and a few
 * singletons; everything else is skipped without normalising. */
static gboolean
may_change_under_nfc (gunichar c)
{
  return g_unichar_ismark (c) ||
         (c >= 0x0340 && c <= 0x0344) || c == 0x0374 || c == 0x037E || c == 0x0387 ||
         (c >= 0x1100 && c <= 0x11FF) || (c >= 0x1F71 && c <= 0x1FFD) ||
         c == 0x2000 || c == 0x2001 || c == 0x2126 || c == 0x212A || c == 0x212B ||
         c == 0x2329 || c == 0x232A || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x2F800 && c <= 0x2FA1F);
}

static gsize
normalize_run (Pass  *pass,
               gsize  i,
               gsize  end)
{
  const char *text = pass->text;
  gsize start = i;
  gsize size;
  gboolean suspicious = FALSE;
  g_autofree char *normalized = NULL;

  /* A combining mark after an ASCII letter composes with it: e + ◌́ = é. */
  if (g_unichar_ismark (g_utf8_get_char (text + i)) && i > 0 && (guchar) text[i - 1] < 0x80 &&
      g_ascii_isalpha (text[i - 1]) && last_edit_end (pass) <= i - 1)
    start = i - 1;

  while (i < end && (guchar) text[i] >= 0x80)
    {
      gunichar c = char_at (text, i, end, &size);

      if (is_blank (c) || is_droppable (c))
        break;
      suspicious |= may_change_under_nfc (c);
      i += size;
    }

  if (suspicious)
    {
      normalized = g_utf8_normalize (text + start, (gssize) (i - start), G_NORMALIZE_NFC);
      if (normalized != NULL && (strlen (normalized) != i - start ||
                                 memcmp (normalized, text + start, i - start) != 0))
        {
          add_edit (pass, start, i, normalized, PITH_CLEAN_UNICODE);
          g_ptr_array_add (pass->strings, g_steal_pointer (&normalized));
        }
    }

  return i;
}

/* Letters are ASCII, or checked for NFC run by run. */
static gsize
normalize_letters (Pass  *pass,
                   gsize  i,
                   gsize  end)
{
  while (i < end)
    {
      if ((guchar) pass->text[i] >= 0x80 && pass->rules->kinds[PITH_CLEAN_UNICODE])
        i = normalize_run (pass, i, end);
      else
        i++;
    }
  return i;
}

static void
clean_line (Pass  *pass,
            gsize  start,
            gsize  end)
{
  const char *text = pass->text;
  gsize i = start;
  gsize size;

  while (i < end)
    {
      gunichar c = char_at (text, i, end, &size);

      if (c == '[' || c == '{')
        {
          gsize marker = match_marker (text, i, end);

          if (marker > 0 && pass->rules->kinds[PITH_CLEAN_MARKER])
            {
              gsize stop = i + marker;

              while (stop < end && is_blank (char_at (text, stop, end, &size)))
                stop += size;
              add_edit (pass, i, stop, "", PITH_CLEAN_MARKER);
              i = stop;
              continue;
            }
          i += size;
        }
      else if (is_blank (c))
        {
          gsize stop = i;

          while (stop < end && is_blank (char_at (text, stop, end, &size)))
            stop += size;
          /* A marker after the blanks takes them with it. */
          if (stop < end && pass->rules->kinds[PITH_CLEAN_MARKER] &&
              match_marker (text, stop, end) > 0)
            {
              gsize marker_end = stop + match_marker (text, stop, end);

              add_edit (pass, i, marker_end, "", PITH_CLEAN_MARKER);
              i = marker_end;
              continue;
            }
          if (stop - i != 1 || text[i] != ' ')
            add_edit (pass, i, stop, " ", PITH_CLEAN_WHITESPACE);
          i = stop;
        }
      else if (is_droppable (c))
        {
          add_edit (pass, i, i + size, "", PITH_CLEAN_CHARACTER);
          i += size;
        }
      else if (c == '.' || c == '!' || c == '?')
        i = repair_after_terminal (pass, i, end);
      else if (is_letter (c))
        {
          gsize word_end = letters_end (text, i, end);
          gsize split = pass->glued_counts != NULL ? glued_split (pass, i, word_end) : 0;

          if (split > 0)
            {
              g_autofree char *word = g_strndup (text + i, word_end - i);

              if (GPOINTER_TO_UINT (g_hash_table_lookup (pass->glued_counts, word)) != 1)
                split = 0;
            }

          /* Edits stay in text order: the letters before the split, the
           * split, the letters after it. */
          i = normalize_letters (pass, i, split > 0 ? split : word_end);
          if (split > 0)
            {
              add_edit (pass, split, split, ". ", PITH_CLEAN_GLUED);
              i = normalize_letters (pass, split, word_end);
            }
        }
      else if (c >= 0x80 && pass->rules->kinds[PITH_CLEAN_UNICODE])
        i = MAX (normalize_run (pass, i, end), i + size);
      else
        i += size;
    }
}

void
pith_clean_find_edits (const char           *text,
                       gsize                 length,
                       const PithCleanRules *rules,
                       GArray               *edits,
                       GPtrArray            *strings)
{
  Pass pass = { text, length, rules, edits, strings, NULL };
  gsize pos = 0;
  gsize gap_start = 0;
  gboolean have_content = FALSE;
  gboolean paragraph_break = FALSE;
  PithCleanKind gap_kind = PITH_CLEAN_WHITESPACE;

  count_glued_candidates (&pass);

  while (pos < length)
    {
      gsize line_end = pos;
      gsize next;
      gsize content_start;
      gsize content_end;
      gboolean user_pattern = FALSE;

      while (line_end < length && text[line_end] != '\n' && text[line_end] != '\r')
        line_end++;
      next = line_end;
      if (next < length && text[next] == '\r')
        next++;
      if (next < length && text[next] == '\n')
        next++;

      trim (text, pos, line_end, &content_start, &content_end);

      if (content_start == content_end)
        paragraph_break = TRUE;
      else if (rules->kinds[PITH_CLEAN_MARKER] && is_marker_line (text, content_start, content_end))
        gap_kind = PITH_CLEAN_MARKER;
      else if ((rules->kinds[PITH_CLEAN_BOILERPLATE] || rules->user_patterns != NULL) &&
               is_boilerplate_line (rules, text, content_start, content_end, &user_pattern) &&
               (user_pattern || rules->kinds[PITH_CLEAN_BOILERPLATE]))
        {
          if (gap_kind == PITH_CLEAN_WHITESPACE)
            gap_kind = user_pattern ? PITH_CLEAN_MARKER : PITH_CLEAN_BOILERPLATE;
        }
      else
        {
          /* A kept line: the gap before it becomes one separator. */
          const char *separator = !have_content ? "" : paragraph_break ? "\n\n" : "\n";
          gsize separator_length = strlen (separator);

          if (content_start - gap_start != separator_length ||
              memcmp (text + gap_start, separator, separator_length) != 0)
            {
              PithCleanKind kind = gap_kind;

              /* Removed lines count even when whitespace editing is off. */
              if (!rules->kinds[kind])
                kind = PITH_CLEAN_WHITESPACE;
              add_edit (&pass, gap_start, content_start, separator, kind);
            }

          clean_line (&pass, content_start, content_end);
          have_content = TRUE;
          paragraph_break = FALSE;
          gap_kind = PITH_CLEAN_WHITESPACE;
          gap_start = content_end;
        }

      pos = next;
    }

  if (gap_start < length)
    add_edit (&pass, gap_start, length, "", gap_kind);

  g_clear_pointer (&pass.glued_counts, g_hash_table_unref);
}
