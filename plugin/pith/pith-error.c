/* pith-error.c: the Pith error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-error.h"

G_DEFINE_QUARK (pith-error-quark, pith_error)
