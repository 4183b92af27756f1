/* The report's reach pass at any size (k8snet(1), REPORT FOLDER): every
 * pair that reach_run(m, PORTS_OPEN) would hand over, counted by blocks
 * into a summarized matrix instead of walked one by one (3.6e9 pairs at
 * 1,000 nodes, 9e10 at Kubernetes' limits).
 *
 * Senders are grouped by (node, source class, egress policies): for one
 * destination, the containers of a group's regular pods (no override
 * rule, links up) fare alike unless the walk passes their own pod, and
 * the groups of one kind on nodes the walk does not touch (no override
 * rule that may match, no cut link on the way) fare as the walk from any
 * of them does. One walk per kind and destination then stands for most
 * senders; the groups it may not stand for, and the pods it passes, are
 * walked on their own. tests/test_sweep.c holds the counts and the listed
 * pairs to reach_run's, pair by pair, on random specs. */
#ifndef K8SNET_SWEEP_H
#define K8SNET_SWEEP_H

#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "matrix.h"
#include "model.h"
#include "reach.h"

/* Count every pair of reach_run(m, PORTS_OPEN) into x, which must be
 * summarized (matrix_new_summarized gave MX_NODE or MX_TOTALS). Then hand
 * fn, in reach order, the first keep pairs that have a faulty fate (a
 * fate that is neither delivered to the opener, nor denied by a policy,
 * nor outside the cluster: judge.h), each with its full fates (valid
 * during the call); a nonzero return stops it and is returned. *faulty
 * gets the number of faulty fates in all. Returns 0 or fn's value. */
typedef int sweep_fn(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf);
int sweep_run(const struct model *m, struct matrix *x, size_t keep, sweep_fn *fn, void *ctx, uint64_t *faulty);

/* A fate the report lists in reach.csv when rows must be cut: neither
 * delivered to the opener, nor denied by a policy, nor outside. */
bool sweep_fate_faulty(const struct model *m, int sender, const struct dest *d, const struct fate *f);

#endif
