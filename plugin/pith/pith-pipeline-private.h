/* pith-pipeline-private.h: parsing and printing pipeline descriptions
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-pipeline.h"
#include "pith-registry.h"

G_BEGIN_DECLS

gboolean  pith_pipeline_parse_into   (PithPipeline  *pipeline,
                                      PithRegistry  *registry,
                                      const char    *description,
                                      GError       **error);
gboolean  pith_value_from_string     (GParamSpec    *pspec,
                                      const char    *text,
                                      GValue        *value,
                                      GError       **error);
char     *pith_value_to_string       (const GValue  *value);

G_END_DECLS
