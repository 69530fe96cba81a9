/* pith-language-identifier.h: the language stage
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include "pith-stage.h"

G_BEGIN_DECLS

#define PITH_TYPE_LANGUAGE_IDENTIFIER (pith_language_identifier_get_type ())

PITH_AVAILABLE_IN_ALL
G_DECLARE_FINAL_TYPE (PithLanguageIdentifier, pith_language_identifier, PITH, LANGUAGE_IDENTIFIER, PithStage)

PITH_AVAILABLE_IN_ALL
PithStage *pith_language_identifier_new (void);

PITH_AVAILABLE_IN_ALL
char      *pith_language_identifier_detect (PithLanguageIdentifier  *self,
                                            const char              *text,
                                            double                  *confidence,
                                            GError                 **error);

G_END_DECLS
