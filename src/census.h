/* check's constraint pairs (2-4), counted by blocks instead of one by
 * one: a regular cluster at Kubernetes' limits has ~10^11 of them.
 *
 * Senders are grouped by (node, source class, egress policies); for each
 * pod endpoint the continuation from its node is walked once per group
 * kind and stands for every regular node, while the nodes and pods where
 * it may differ (override rules, cut links, the destination's own pod,
 * switches the continuation passes) are walked on their own. The first
 * violations are then walked again one by one, in reach order, to list
 * them. The result equals feeding every reach row to check_add; tests
 * hold it to that. */
#ifndef K8SNET_CENSUS_H
#define K8SNET_CENSUS_H

#include "check.h"
#include "model.h"

/* Count constraints 2-4 of m into c (and list its first violations). */
void census_run(const struct model *m, struct check *c);

#endif
