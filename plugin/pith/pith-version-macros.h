/* pith-version-macros.h: symbol visibility for the public API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib.h>

#if defined(_WIN32) && !defined(__GNUC__)
# define _PITH_EXTERN __declspec(dllexport) extern
#else
# define _PITH_EXTERN __attribute__((visibility ("default"))) extern
#endif

#define PITH_AVAILABLE_IN_ALL _PITH_EXTERN
