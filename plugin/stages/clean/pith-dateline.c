/* pith-dateline.c: the dateline that opens a news story
 *
 * Agencies and papers open a story with where it was filed and who filed
 * it: "LONDON (Reuters) -", "Kyiv, Ukraine (CNN) --", "(CNN)", "WASHINGTON
 * —", "(The Hollywood Reporter)". Scrapers glue it to the first sentence
 * ("(CNN)Share, and your gift…"), which then reads as no sentence does,
 * and a summary that takes it starts with it. It is found at the start of
 * one of the first lines of the text, by its form alone:
 *
 *   [PLACE[, PLACE…]] (AGENCY) [—|–|--|-]  BODY
 *   PLACE-IN-CAPITALS[, Place…] —|–|--    BODY
 *   Month D, YYYY .                        BODY   (a date for a place)
 *
 * where a place is one to six capitalised words and an agency one to three,
 * and the body opens as a sentence does: a capital, a digit or a quote.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "pith-dateline-private.h"

/* How far into the text, and into how many lines, a dateline is looked
 * for: below the headline and a byline, never in the story. */
#define MAX_LINES 4
#define MAX_PLACE_WORDS 6
#define MAX_AGENCY_WORDS 3
#define MAX_DATELINE_BYTES 80

static const char * const months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
  "November", "December", NULL
};

static gboolean
is_upper_at (const char *text,
             gsize       i,
             gsize       length)
{
  gunichar c;

  if (i >= length)
    return FALSE;
  c = (guchar) text[i] < 0x80 ? (gunichar) text[i] : g_utf8_get_char_validated (text + i, (gssize) (length - i));
  return c != (gunichar) -1 && c != (gunichar) -2 && (g_unichar_isupper (c) || g_unichar_istitle (c));
}

/* The end of a capitalised word at @i ("Kyiv", "U.S.", "Port-au-Prince",
 * "St."), or @i when none starts there; whether it is all capitals. */
static gsize
capitalised_word_end (const char *text,
                      gsize       i,
                      gsize       length,
                      gboolean   *all_capitals)
{
  gsize end = i;
  guint lowercase = 0;
  guint letters = 0;

  if (!is_upper_at (text, i, length))
    return i;
  while (end < length)
    {
      const char *p = text + end;
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char_validated (p, (gssize) (length - end));

      if (c == (gunichar) -1 || c == (gunichar) -2)
        break;
      if (g_unichar_isalpha (c))
        {
          letters++;
          lowercase += g_unichar_islower (c);
        }
      else if (c != '.' && c != '-' && c != '\'' && c != 0x2019)
        break;
      end += g_utf8_skip[(guchar) *p];
    }
  if (letters == 0)
    return i;
  if (all_capitals != NULL)
    *all_capitals = lowercase == 0 && letters >= 2;
  return end;
}

/* The end of up to @max capitalised words from @i, one space apart (a
 * comma and a space between places), or @i. The first word's capitals in
 * @all_capitals; "The" and "of" may join the words of a name. */
static gsize
capitalised_words_end (const char *text,
                       gsize       i,
                       gsize       length,
                       guint       max,
                       gboolean    commas,
                       gboolean   *all_capitals)
{
  gsize end = capitalised_word_end (text, i, length, all_capitals);
  guint n = 1;

  if (end == i)
    return i;
  while (n < max)
    {
      gsize next = end;
      gsize word_end;

      if (commas && next + 1 < length && text[next] == ',' && text[next + 1] == ' ')
        next += 2;
      else if (next < length && text[next] == ' ')
        next++;
      else
        break;
      if (next + 2 <= length && strncmp (text + next, "of ", 3) == 0)
        next += 3;
      word_end = capitalised_word_end (text, next, length, NULL);
      if (word_end == next)
        break;
      end = word_end;
      n++;
    }
  return end;
}

/* Whether a body opens at @i: a capital, a digit, an opening quote or a
 * bracket ("[Breaking news update…]"). */
static gboolean
opens_body (const char *text,
            gsize       i,
            gsize       length)
{
  if (i >= length)
    return FALSE;
  if (g_ascii_isdigit (text[i]) || text[i] == '"' || text[i] == '\'' || text[i] == '[' ||
      is_upper_at (text, i, length))
    return TRUE;
  /* “ and ‘ */
  return i + 3 <= length && (memcmp (text + i, "\xe2\x80\x9c", 3) == 0 || memcmp (text + i, "\xe2\x80\x98", 3) == 0);
}

/* The end of a dash that parts a dateline from the body, with the spaces
 * around it (" -- ", " — ", " – ", " - "), or @i. */
static gsize
dash_end (const char *text,
          gsize       i,
          gsize       length,
          gboolean    required)
{
  gsize end = i;

  while (end < length && text[end] == ' ')
    end++;
  if (end + 2 <= length && text[end] == '-' && text[end + 1] == '-')
    end += 2;
  else if (end + 3 <= length && (memcmp (text + end, "\xe2\x80\x94", 3) == 0 ||
                                 memcmp (text + end, "\xe2\x80\x93", 3) == 0))
    end += 3;
  else if (end < length && text[end] == '-' && end + 1 < length && text[end + 1] == ' ')
    end += 1;
  else if (required)
    return i;
  else
    return end;
  while (end < length && text[end] == ' ')
    end++;
  return end;
}

/* "March 10, 2015" at @i: its end, or @i. */
static gsize
date_end (const char *text,
          gsize       i,
          gsize       length)
{
  for (guint m = 0; months[m] != NULL; m++)
    {
      gsize n = strlen (months[m]);
      gsize end = i + n;
      guint digits = 0;

      if (end + 1 >= length || strncmp (text + i, months[m], n) != 0 || text[end] != ' ')
        continue;
      end++;
      while (end < length && g_ascii_isdigit (text[end]) && digits < 2)
        end++, digits++;
      if (digits == 0 || end + 6 > length || text[end] != ',' || text[end + 1] != ' ')
        return i;
      end += 2;
      for (digits = 0; digits < 4; digits++)
        if (!g_ascii_isdigit (text[end + digits]))
          return i;
      return end + 4;
    }
  return i;
}

/* A dateline at @i, the start of a line: its end and where the body
 * starts, or FALSE. */
static gboolean
dateline_at (const char *text,
             gsize       i,
             gsize       length,
             gsize      *end,
             gsize      *body)
{
  gboolean all_capitals = FALSE;
  gsize place_end = capitalised_words_end (text, i, length, MAX_PLACE_WORDS, TRUE, &all_capitals);
  gsize open = place_end == i ? i : place_end + 1;
  gsize date = date_end (text, i, length);

  /* "March 10, 2015 . Text" */
  if (date > i && date + 3 <= length && strncmp (text + date, " . ", 3) == 0 && opens_body (text, date + 3, length))
    {
      *end = date + 2;
      *body = date + 3;
      return TRUE;
    }

  /* "(CNN)", "London (CNN) --", "KYIV, Ukraine (Reuters) -" */
  if ((place_end == i || (open < length && text[place_end] == ' ')) && open < length && text[open] == '(')
    {
      guint n_words = 0;
      gsize agency_end = capitalised_words_end (text, open + 1, length, MAX_AGENCY_WORDS, FALSE, NULL);
      gsize dash;

      if (agency_end == open + 1 || agency_end >= length || text[agency_end] != ')')
        return FALSE;
      for (gsize k = open + 1; k < agency_end; k++)
        n_words += text[k] == ' ';
      *end = agency_end + 1;
      dash = dash_end (text, *end, length, TRUE);
      /* Glued to the body or parted by a dash, as scrapers and agencies
       * leave it; parted by a space only after an agency of one word:
       * "NATO (North Atlantic Treaty Organization) Secretary…" is a
       * sentence. */
      if (dash > *end)
        *body = dash;
      else if (*end < length && text[*end] != ' ')
        *body = *end;
      else if (n_words == 0)
        *body = dash_end (text, *end, length, FALSE);
      else
        return FALSE;
      return *end - i <= MAX_DATELINE_BYTES && opens_body (text, *body, length);
    }

  /* "WASHINGTON — The Senate…": a place in capitals and a dash. */
  if (place_end > i && all_capitals)
    {
      *body = dash_end (text, place_end, length, TRUE);
      *end = place_end;
      return *body > place_end && *end - i <= MAX_DATELINE_BYTES && opens_body (text, *body, length);
    }
  return FALSE;
}

gboolean
pith_dateline_find (const char *text,
                    gsize       length,
                    gsize      *start,
                    gsize      *end,
                    gsize      *body)
{
  gsize i = 0;

  for (guint line = 0; line < MAX_LINES && i < length; line++)
    {
      const char *newline;

      while (i < length && (text[i] == ' ' || text[i] == '\n'))
        i++;
      if (dateline_at (text, i, length, end, body))
        {
          *start = i;
          return TRUE;
        }
      newline = memchr (text + i, '\n', length - i);
      if (newline == NULL)
        break;
      i = newline - text;
    }
  return FALSE;
}
