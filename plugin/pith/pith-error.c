/* pith-error.c: the Pith error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "pith-error.h"

/**
 * pith_error_quark:
 *
 * Gets the error domain of Pith, whose codes are [error@Pith.Error].
 *
 * Returns: the error domain
 */
G_DEFINE_QUARK (pith-error-quark, pith_error)
