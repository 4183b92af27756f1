/* The workload view (k8snet(1), THE WORKLOAD VIEW): for every ordered
 * pair of peers (workloads and External address ranges), the connections
 * that the NetworkPolicies allow (the default), or with `delivered` the
 * connections that the Network Graph delivers to the process that opened
 * the port. Computed per workload (its first pod stands for it), so
 * memory grows with workloads and policies, not with pod pairs. */
#ifndef K8SNET_CONNLIST_H
#define K8SNET_CONNLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "portset.h"

struct connlist;

enum connlist_format { CONNLIST_TXT, CONNLIST_CSV, CONNLIST_JSON, CONNLIST_MD, CONNLIST_DOT };

/* The lines of m (which must outlive the result); warnings (labels that
 * differ between a workload's pods, named ports towards External peers)
 * go to d, which may be NULL. Free with connlist_free (accepts NULL). */
struct connlist *connlist_compute(const struct model *m, bool delivered, struct diag *d);
void connlist_free(struct connlist *cl);
/* The policy-level lines of m, or NULL (the work stopped early) when there
 * are more than max_lines: a cluster of W workloads without policies has
 * about W x W lines, and the report must not hold 9 million of them. */
struct connlist *connlist_compute_max(const struct model *m, size_t max_lines, struct diag *d);

/* A peer: a workload, or an External address range. */
struct connlist_peer {
	const char *name; /* as printed: "NS/NAME[KIND]", "LO-HI[External]" */
	bool external;
	const char *ns;   /* a workload's namespace, or NULL */
	const char *short_name; /* "NAME[KIND]", or "LO-HI" for an External */
	size_t npods;     /* a workload's pods (hostNetwork pods included) */
};
size_t connlist_npeers(const struct connlist *cl);
void connlist_peer(const struct connlist *cl, size_t i, struct connlist_peer *out);
/* The pods of workload peer i, as vertex ids of the model (a pod, or a
 * hostNetwork pod's first daemon), in spec order; *n gets their number
 * (0 for an External). The array belongs to cl. For the report's links
 * from a line to the matrix cells behind it. */
const int *connlist_peer_pods(const struct connlist *cl, size_t i, size_t *n);

/* One line: src and dst are peer indexes; conns belongs to cl. With
 * `delivered`, k of n pod pairs had exactly these connections (k == n:
 * every pair; without `delivered`, k == n == 0). Lines are sorted by the
 * source's name, then the destination's, as bytes. */
struct connlist_line {
	size_t src, dst;
	const struct portset *conns;
	size_t k, n;
};
size_t connlist_nlines(const struct connlist *cl);
void connlist_line(const struct connlist *cl, size_t i, struct connlist_line *out);

/* The workload that WORKLOAD names ("NS/NAME", "NS/NAME[KIND]", or a NAME
 * that only one workload has): its peer index, or -1 with, in *cause (the
 * caller frees), a message that lists the candidates. */
long connlist_find(const struct connlist *cl, const char *workload, char **cause);

/* "txt" (and "text"), "csv", "json", "md", "dot". */
bool connlist_parse_format(const char *s, enum connlist_format *out);

/* Write the lines (only those with peer focus as source or destination,
 * when focus >= 0) in format fmt. */
void connlist_write(const struct connlist *cl, FILE *f, enum connlist_format fmt, long focus);

#endif
