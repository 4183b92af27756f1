/* What a change does to reachability (k8snet(1), diff): the pairs
 * (source name, address, port, protocol) of two specs, matched by name,
 * and every pair whose verdict or receiver differs. Rows come in the old
 * spec's reach order, then the pairs only the new spec has, in its order.
 *
 * Memory: one small record per pair of the new spec (a hash keyed by the
 * pair); the old spec's rows stream. A pair to a service has one fate per
 * backend: its verdicts and receivers are compared, and printed, joined by
 * '|' in backend order (k8snet(1), OUTPUT, diff, CSV). */
#ifndef K8SNET_DIFF_H
#define K8SNET_DIFF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "model.h"
#include "reach.h"

/* One side of a pair. Its strings live as long as the row: copy them to
 * keep them after the callback returns. */
struct diff_side {
	bool present;         /* false: the pair is absent from that spec */
	int sender;           /* in that side's model; -1 when absent */
	bool delivered;       /* present, and every fate delivered to the opener (judge.h) */
	const char *verdict;  /* "delivered", "discarded|delivered", ...; NULL when absent */
	const char *receiver; /* "C2.1", "|C2.1", "" when none; NULL when absent */
};

struct diff_row {
	const char *source; /* owned by one of the models */
	struct dest d;
	struct diff_side old, new;
};

enum diff_kind {
	DIFF_GAINED,  /* delivered (to the process that opened the port) now, not before */
	DIFF_LOST,    /* delivered before, not now (a misdelivery is not delivered) */
	DIFF_CHANGED, /* anything else: another receiver, discarded <-> loop, absent <-> not delivered */
	DIFF_KINDS,
};

struct diff_counts {
	uint64_t old_pairs, new_pairs, only_new; /* union = old_pairs + only_new */
	uint64_t changed[DIFF_KINDS];
};

/* Called once per changed pair, in order; a non-zero return stops the run
 * and is returned by diff_run. */
typedef int diff_fn(void *ctx, const struct diff_row *r);

/* Compare the pairs of old and new (both finished models that outlive the
 * call); counts (may be NULL) gets the totals. */
int diff_run(const struct model *old, const struct model *new, enum ports_mode mode, diff_fn *fn, void *ctx,
	     struct diff_counts *counts);

enum diff_kind diff_classify(const struct diff_row *r);
const char *diff_kind_name(enum diff_kind k); /* "gained", "lost", "changed" */
/* "absent" or the verdict's name. */
const char *diff_verdict_name(const struct diff_side *s);
uint64_t diff_total(const struct diff_counts *c);

#endif
