/* pith.h: the one header of the Pith library
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#define __PITH_INSIDE__

#include "pith-version.h"
#include "pith-version-macros.h"
#include "pith-enum-types.h"
#include "pith-error.h"
#include "pith-layer.h"
#include "pith-span.h"
#include "pith-document.h"
#include "pith-stage.h"
#include "pith-result.h"
#include "pith-pipeline.h"
#include "pith-registry.h"
#include "pith-stages.h"

#undef __PITH_INSIDE__
