/* pith-entity-groups-private.h: mentions of one entity, grouped
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "pith-document.h"
#include "pith-report-table-private.h"

G_BEGIN_DECLS

/* The "evidence" attribute of a name labelled by what follows its comma
 * (pith-entity-appositions.c): its group takes its label. */
#define PITH_ENTITY_EVIDENCE_APPOSITION "apposition"

/* Groups the name mentions (PER, ORG, LOC, MISC) of the document's entity
 * layer: sets each one's "entity" attribute to its group's index and
 * returns the groups, the rows (name, label, mentions) of the
 * "entity_groups" report. */
PithReportTable *pith_entity_groups_build (PithDocument *document);

G_END_DECLS
