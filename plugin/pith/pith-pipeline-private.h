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

/* Whether the stages find the layers they need; if not, which stage does
 * not and why. */
gboolean  pith_pipeline_check_layers (PithPipeline  *pipeline,
                                      guint         *stage_index,
                                      char         **message);

G_END_DECLS
