/* pith-error.h: the Pith error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(__PITH_INSIDE__) && !defined(PITH_COMPILATION)
# error "Only <pith/pith.h> can be included directly."
#endif

#include <glib.h>

#include "pith-version-macros.h"

G_BEGIN_DECLS

/**
 * PITH_ERROR:
 *
 * The error domain of Pith. Errors in this domain are from the
 * [error@Pith.Error] enumeration. Cancellation is reported as
 * `G_IO_ERROR_CANCELLED`, in the `G_IO_ERROR` domain, as everywhere in GIO.
 */
#define PITH_ERROR (pith_error_quark ())

/**
 * PithError:
 * @PITH_ERROR_FAILED: a failure that fits no other code
 * @PITH_ERROR_INVALID_INPUT: the input document, or a JSON form of one, is
 *   malformed (a field of the wrong type, an offset outside the text)
 * @PITH_ERROR_INVALID_PIPELINE: a pipeline description string does not parse
 * @PITH_ERROR_UNKNOWN_STAGE: a pipeline names a stage that is not registered
 * @PITH_ERROR_INVALID_PROPERTY: a stage has no property of the given name,
 *   or the property cannot be set
 * @PITH_ERROR_INVALID_VALUE: a property value does not convert to the
 *   property's type or lies outside its range
 * @PITH_ERROR_MODEL: a model or data file is missing, truncated or corrupt
 * @PITH_ERROR_LIMIT_EXCEEDED: a document exceeds a size or time limit
 *
 * Error codes of the `PITH_ERROR` domain, [error@Pith.Error] to bindings.
 */
typedef enum {
  PITH_ERROR_FAILED,
  PITH_ERROR_INVALID_INPUT,
  PITH_ERROR_INVALID_PIPELINE,
  PITH_ERROR_UNKNOWN_STAGE,
  PITH_ERROR_INVALID_PROPERTY,
  PITH_ERROR_INVALID_VALUE,
  PITH_ERROR_MODEL,
  PITH_ERROR_LIMIT_EXCEEDED,
} PithError;

PITH_AVAILABLE_IN_ALL
GQuark pith_error_quark (void);

G_END_DECLS
