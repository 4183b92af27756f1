/* One judgement of a message's fate (k8snet(1), Verdicts): what a
 * (sender, destination) pair's fates mean to a Kubernetes user. Every view
 * that says more than the CSV's three verdicts (reach text, JSON and HTML,
 * check, diff, the report's counts, colours and "problems only") asks
 * here, so that they never disagree.
 *
 * The classes, from best to worst (a pair shows its worst fate):
 * delivered to the process that opened the port; discarded outside the
 * cluster (DNATed to an address no node or pod holds: not a fault); denied
 * by a NetworkPolicy (intended); nothing listens (the message reached the
 * switch that owns its destination and no process there opened the port:
 * connection refused); delivered to another process, discarded, loop (the
 * faults). */
#ifndef K8SNET_JUDGE_H
#define K8SNET_JUDGE_H

#include <stdbool.h>
#include <stddef.h>

#include "forward.h"
#include "model.h"

enum judge_class {
	JUDGE_DELIVERED,    /* to the process that opened the port */
	JUDGE_OUTSIDE,      /* discarded outside the cluster: not a fault */
	JUDGE_DENIED,       /* by a NetworkPolicy: intended isolation */
	JUDGE_NOTHING,      /* nothing listens (connection refused) */
	JUDGE_MISDELIVERED, /* delivered, to another process: a fault */
	JUDGE_DISCARDED,    /* a fault, with its reason */
	JUDGE_LOOP,         /* a fault */
	JUDGE_CLASSES,
};

/* The class of fate f of the message from sender to d (d may be NULL: it
 * is then read from f's first step). */
enum judge_class judge_fate(const struct model *m, int sender, const struct dest *d, const struct fate *f);
/* The same, where the caller knows judge_expected's answer for f (views
 * that classify many pairs look it up once per destination). */
enum judge_class judge_fate_known(const struct model *m, int sender, const struct dest *d, const struct fate *f,
				  int expected);
/* The class of a fate of a promised pair (check's constraints 2-4: a
 * destination whose port expected opened, no Service Rule on the way),
 * which needs no model: nothing listens cannot arise there. */
enum judge_class judge_promised(const struct fate *f, int expected);
/* The worst class of a pair's n fates (a service forks: one per backend);
 * JUDGE_CLASSES when n is 0. */
enum judge_class judge_pair(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t n);

/* Delivered to another process, discarded, loop. */
bool judge_is_fault(enum judge_class c);
/* A pair of class c to d is a fault: a fault class, or nothing listens
 * behind a service port (the Service promised a process there:
 * constraint 6). */
bool judge_pair_is_fault(const struct model *m, const struct dest *d, enum judge_class c);

/* "delivered", "delivered to another process", "denied by policy",
 * "discarded outside the cluster", "nothing listens", "discarded",
 * "loop". */
const char *judge_class_word(enum judge_class c);
/* For programs: "delivered", "misdelivered", "denied", "outside",
 * "nothing_listens", "discarded", "loop". */
const char *judge_class_id(enum judge_class c);
/* The reach text table's mark: + ! - > o x @. */
char judge_class_mark(enum judge_class c);

/* The process that opened the port f was finally sent to (after a
 * Service Rule's rewrite), or -1. */
int judge_expected(const struct model *m, int sender, const struct dest *d, const struct fate *f);

/* What happened, in one line for people: forward_explain's line; for
 * nothing listens "nothing listens on 10.1.1.1:7777/TCP in pod P1
 * (connection refused)"; for a misdelivery "delivered to b, not to a,
 * which opened the port". Caller frees. */
char *judge_explain(const struct model *m, int sender, const struct dest *d, const struct fate *f);
/* The reason as JSON's reason field gives it: the reason's words, or the
 * nothing-listens sentence; NULL when there is none. Caller frees. */
char *judge_reason(const struct model *m, int sender, const struct dest *d, const struct fate *f);

#endif
