/* pith-html-tags-private.h: the HTML elements Pith knows and how they parse
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How an element takes part in parsing and in the text. */
typedef enum {
  PITH_HTML_VOID       = 1 << 0,  /* no content, no end tag: br, img */
  PITH_HTML_RAW        = 1 << 1,  /* content is text up to its end tag: script */
  PITH_HTML_BLOCK      = 1 << 2,  /* a paragraph break before and after it */
  PITH_HTML_CLOSES_P   = 1 << 3,  /* its start tag closes an open p */
  PITH_HTML_SCOPE      = 1 << 4,  /* an end tag does not reach past it: td, table */
  PITH_HTML_HEAD       = 1 << 5,  /* may stand in head without closing it */
  PITH_HTML_FOREIGN    = 1 << 6,  /* svg, math: "/>" closes elements inside */
  PITH_HTML_HEADING    = 1 << 7,  /* h1 to h6 */
  PITH_HTML_CELL       = 1 << 8,  /* td, th: a space between cells */
  PITH_HTML_INLINE     = 1 << 9,  /* phrasing content: text-level markup */
} PithHtmlTagFlags;

/* Known elements, and the document node and text nodes. Names of elements
 * not listed get ids from PITH_HTML_TAG_N_KNOWN up, per tree. */
#define PITH_HTML_TAG_LIST(X) \
  X (A, "a", PITH_HTML_INLINE) \
  X (ABBR, "abbr", PITH_HTML_INLINE) \
  X (ADDRESS, "address", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (APPLET, "applet", PITH_HTML_SCOPE) \
  X (AREA, "area", PITH_HTML_VOID) \
  X (ARTICLE, "article", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (ASIDE, "aside", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (AUDIO, "audio", 0) \
  X (B, "b", PITH_HTML_INLINE) \
  X (BASE, "base", PITH_HTML_VOID | PITH_HTML_HEAD) \
  X (BDI, "bdi", PITH_HTML_INLINE) \
  X (BDO, "bdo", PITH_HTML_INLINE) \
  X (BIG, "big", PITH_HTML_INLINE) \
  X (BLOCKQUOTE, "blockquote", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (BODY, "body", PITH_HTML_BLOCK) \
  X (BR, "br", PITH_HTML_VOID) \
  X (BUTTON, "button", PITH_HTML_INLINE) \
  X (CANVAS, "canvas", 0) \
  X (CAPTION, "caption", PITH_HTML_BLOCK | PITH_HTML_SCOPE) \
  X (CENTER, "center", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (CITE, "cite", PITH_HTML_INLINE) \
  X (CODE, "code", PITH_HTML_INLINE) \
  X (COL, "col", PITH_HTML_VOID) \
  X (COLGROUP, "colgroup", 0) \
  X (DATA, "data", PITH_HTML_INLINE) \
  X (DATALIST, "datalist", 0) \
  X (DD, "dd", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DEL, "del", PITH_HTML_INLINE) \
  X (DETAILS, "details", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DFN, "dfn", PITH_HTML_INLINE) \
  X (DIALOG, "dialog", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DIR, "dir", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DIV, "div", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DL, "dl", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (DT, "dt", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (EM, "em", PITH_HTML_INLINE) \
  X (EMBED, "embed", PITH_HTML_VOID) \
  X (FIELDSET, "fieldset", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (FIGCAPTION, "figcaption", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (FIGURE, "figure", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (FONT, "font", PITH_HTML_INLINE) \
  X (FOOTER, "footer", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (FORM, "form", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (FRAME, "frame", PITH_HTML_VOID) \
  X (FRAMESET, "frameset", 0) \
  X (H1, "h1", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (H2, "h2", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (H3, "h3", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (H4, "h4", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (H5, "h5", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (H6, "h6", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_HEADING) \
  X (HEAD, "head", 0) \
  X (HEADER, "header", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (HGROUP, "hgroup", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (HR, "hr", PITH_HTML_VOID | PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (HTML, "html", PITH_HTML_SCOPE) \
  X (I, "i", PITH_HTML_INLINE) \
  X (IFRAME, "iframe", PITH_HTML_RAW) \
  X (IMG, "img", PITH_HTML_VOID | PITH_HTML_INLINE) \
  X (INPUT, "input", PITH_HTML_VOID | PITH_HTML_INLINE) \
  X (INS, "ins", PITH_HTML_INLINE) \
  X (KBD, "kbd", PITH_HTML_INLINE) \
  X (LABEL, "label", PITH_HTML_INLINE) \
  X (LEGEND, "legend", PITH_HTML_BLOCK) \
  X (LI, "li", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (LINK, "link", PITH_HTML_VOID | PITH_HTML_HEAD) \
  X (MAIN, "main", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (MAP, "map", 0) \
  X (MARK, "mark", PITH_HTML_INLINE) \
  X (MARQUEE, "marquee", PITH_HTML_SCOPE) \
  X (MATH, "math", PITH_HTML_FOREIGN) \
  X (MENU, "menu", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (META, "meta", PITH_HTML_VOID | PITH_HTML_HEAD) \
  X (METER, "meter", PITH_HTML_INLINE) \
  X (NAV, "nav", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (NOBR, "nobr", PITH_HTML_INLINE) \
  X (NOEMBED, "noembed", PITH_HTML_RAW) \
  X (NOFRAMES, "noframes", PITH_HTML_RAW | PITH_HTML_HEAD) \
  X (NOSCRIPT, "noscript", PITH_HTML_RAW | PITH_HTML_HEAD) \
  X (OBJECT, "object", PITH_HTML_SCOPE) \
  X (OL, "ol", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (OPTGROUP, "optgroup", 0) \
  X (OPTION, "option", 0) \
  X (OUTPUT, "output", PITH_HTML_INLINE) \
  X (P, "p", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (PARAM, "param", PITH_HTML_VOID) \
  X (PICTURE, "picture", 0) \
  X (PLAINTEXT, "plaintext", PITH_HTML_RAW) \
  X (PRE, "pre", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (PROGRESS, "progress", PITH_HTML_INLINE) \
  X (Q, "q", PITH_HTML_INLINE) \
  X (RP, "rp", PITH_HTML_INLINE) \
  X (RT, "rt", PITH_HTML_INLINE) \
  X (RUBY, "ruby", PITH_HTML_INLINE) \
  X (S, "s", PITH_HTML_INLINE) \
  X (SAMP, "samp", PITH_HTML_INLINE) \
  X (SCRIPT, "script", PITH_HTML_RAW | PITH_HTML_HEAD) \
  X (SECTION, "section", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (SELECT, "select", PITH_HTML_INLINE) \
  X (SMALL, "small", PITH_HTML_INLINE) \
  X (SOURCE, "source", PITH_HTML_VOID) \
  X (SPAN, "span", PITH_HTML_INLINE) \
  X (STRIKE, "strike", PITH_HTML_INLINE) \
  X (STRONG, "strong", PITH_HTML_INLINE) \
  X (STYLE, "style", PITH_HTML_RAW | PITH_HTML_HEAD) \
  X (SUB, "sub", PITH_HTML_INLINE) \
  X (SUMMARY, "summary", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (SUP, "sup", PITH_HTML_INLINE) \
  X (SVG, "svg", PITH_HTML_FOREIGN) \
  X (TABLE, "table", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P | PITH_HTML_SCOPE) \
  X (TBODY, "tbody", 0) \
  X (TD, "td", PITH_HTML_CELL | PITH_HTML_SCOPE) \
  X (TEMPLATE, "template", PITH_HTML_SCOPE | PITH_HTML_HEAD) \
  X (TEXTAREA, "textarea", PITH_HTML_RAW) \
  X (TFOOT, "tfoot", 0) \
  X (TH, "th", PITH_HTML_CELL | PITH_HTML_SCOPE) \
  X (THEAD, "thead", 0) \
  X (TIME, "time", PITH_HTML_INLINE) \
  X (TITLE, "title", PITH_HTML_RAW | PITH_HTML_HEAD) \
  X (TR, "tr", PITH_HTML_BLOCK) \
  X (TRACK, "track", PITH_HTML_VOID) \
  X (TT, "tt", PITH_HTML_INLINE) \
  X (U, "u", PITH_HTML_INLINE) \
  X (UL, "ul", PITH_HTML_BLOCK | PITH_HTML_CLOSES_P) \
  X (VAR, "var", PITH_HTML_INLINE) \
  X (VIDEO, "video", 0) \
  X (WBR, "wbr", PITH_HTML_VOID | PITH_HTML_INLINE) \
  X (XMP, "xmp", PITH_HTML_RAW | PITH_HTML_CLOSES_P)

#define PITH_HTML_TAG_ENUM(id, name, flags) PITH_HTML_TAG_##id,

typedef enum {
  PITH_HTML_TAG_DOCUMENT,         /* the root of every tree */
  PITH_HTML_TAG_TEXT,             /* a text node */
  PITH_HTML_TAG_LIST (PITH_HTML_TAG_ENUM)
  PITH_HTML_TAG_N_KNOWN
} PithHtmlTag;

#undef PITH_HTML_TAG_ENUM

/* The id of the element named @name (lowercase, @length bytes), or
 * PITH_HTML_TAG_N_KNOWN when Pith does not know it. */
guint            pith_html_tag_lookup (const char *name,
                                       gsize       length);
PithHtmlTagFlags pith_html_tag_flags  (guint       tag);
const char      *pith_html_tag_name   (guint       tag);

G_END_DECLS
