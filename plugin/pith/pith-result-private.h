/* pith-result-private.h: making batch results
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-result.h"

G_BEGIN_DECLS

PithResult *pith_result_new       (guint         index,
                                   PithDocument *document);
void        pith_result_take_error (PithResult   *self,
                                    GError       *error);

G_END_DECLS
