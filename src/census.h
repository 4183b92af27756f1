/* check's constraint pairs (2-4), counted by blocks instead of one by
 * one: a regular cluster at Kubernetes' limits has ~10^11 of them.
 *
 * Senders are grouped by (node, source class, egress policies); for each
 * pod endpoint the continuation from its node is walked once per group
 * kind and stands for every regular node, while the nodes and pods where
 * it may differ (override rules, cut links, the destination's own pod,
 * switches the continuation passes) are walked on their own. The first
 * violations are then walked again one by one, in reach order, to list
 * them. The result equals feeding every reach row to check_add
 * (check.h); tests hold it to that. census knows nothing of the check:
 * it judges by constraint.h and hands its counts to a sink. */
#ifndef K8SNET_CENSUS_H
#define K8SNET_CENSUS_H

#include <stddef.h>
#include <stdint.h>

#include "constraint.h"
#include "forward.h"
#include "model.h"

/* Where the counts go (the check, in check_run): count adds pairs to
 * constraint k; list hands over one violation (bad: its first bad fate,
 * valid during the call only), in reach order, at most keep of them per
 * constraint. */
struct census_sink {
	void *ctx;
	size_t keep;
	void (*count)(void *ctx, enum constraint k, uint64_t checked, uint64_t violations, uint64_t denied);
	void (*list)(void *ctx, enum constraint k, int sender, const struct dest *d, int expected,
		     const struct fate *bad);
};

/* Count constraints 2-4 of m into out (and list the first violations). */
void census_run(const struct model *m, const struct census_sink *out);

#endif
