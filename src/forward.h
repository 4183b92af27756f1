/* One message's life (k8snet(1), "The forwarding tables"): from the
 * sender, switch by switch, first matching rule, to a verdict. This is the plain
 * path walk: trace uses it, and the tests keep it as the oracle that the
 * all-pairs engine must agree with. */
#ifndef K8SNET_FORWARD_H
#define K8SNET_FORWARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "fib.h"
#include "model.h"

enum reason {
	REASON_NONE,
	REASON_NO_RULE,      /* no rule of the switch matches */
	REASON_DISCARD_RULE, /* a discard rule matched */
	REASON_LINK_DOWN,    /* the rule's target is linked, but the link is down */
	REASON_NO_LINK,      /* the rule's target is not linked to the switch */
	REASON_NO_ENDPOINTS, /* a Service Rule matched a service port without backends */
	REASON_INGRESS,      /* the receiving pod's ingress policies deny it */
	REASON_EGRESS,       /* the sending pod's egress policies deny it */
	REASON_OUTSIDE,      /* DNATed to an address no node or pod holds: it left
			      * the cluster at the first switch without a rule
			      * for it (not a fault of the network) */
};

/* One lookup: at switch sw, header h matched rule pos (0: none). */
struct step {
	int sw;
	struct header h;
	int pos;
	struct rule rule;
};

struct fate {
	enum verdict verdict;
	enum reason reason;
	int sender;
	int receiver; /* delivered: the process; else -1 */
	int at;       /* discarded: where; loop: the switch reached again */
	int *path;    /* vertex ids: sender, switches, receiver or repeated switch */
	size_t npath;
	/* A Service Rule rewrote the destination at path[dnat] (-1: none) to
	 * dnat_addr:dnat_port; the path prints that token X=ADDR:PORT. A
	 * message is rewritten at most once: no backend is a service's
	 * address. */
	int dnat;
	uint32_t dnat_addr;
	uint16_t dnat_port;
	int ingress_pod; /* where an ingress policy was evaluated, or -1 */
	struct step *steps;
	size_t nsteps;
};

/* The message's header as sender puts it on its link. */
struct header forward_header(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto);

/* Walk the message from process sender to dst:dport/proto. Returns the
 * number of fates written to *out (an array the caller frees with
 * forward_free): one, or one per backend when a Service Rule forks it. */
size_t forward_run(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto,
		   struct fate **out);
void forward_free(struct fate *f, size_t n);

/* For the all-pairs engine (engine.c), which reuses walks. */

/* Called when a walk is about to arrive at node sw with header h. It may
 * finish the walk itself: then it stores in *out the complete fates that
 * continue prefix (an array it allocated; prefix is left untouched) and
 * returns their number; or it returns 0 and the walk goes on. */
struct forward_hook {
	size_t (*arrive)(void *ctx, const struct fate *prefix, int sw, const struct header *h, struct fate **out);
	void *ctx;
};
size_t forward_run_hooked(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto,
			  const struct forward_hook *hook, struct fate **out);
/* The walk of header h from switch sw by no sender in particular (no pod
 * is the sender's own): the path starts at sw. */
size_t forward_walk_from(const struct model *m, int sw, const struct header *h, struct fate **out);

/* The path as the CSV prints it: names joined by '>'; caller frees. */
char *forward_path(const struct model *m, const struct fate *f);
void forward_write_path(FILE *out, const struct model *m, const struct fate *f);
/* Path token i ("X" or "X=ADDR:PORT") into buf (FORWARD_TOKEN_MAX bytes:
 * a vertex name is at most 512 characters). */
#define FORWARD_TOKEN_MAX 544
const char *forward_token(const struct model *m, const struct fate *f, size_t i, char *buf);

/* What happened, in one line for people: "delivered to C2.1",
 * "discarded at N1: link down (N1 -- N2)", "loop: P1 is reached again
 * with the same header". Caller frees. */
char *forward_explain(const struct model *m, const struct fate *f);

/* The reason's words, as explanations print them: "" (none), "no
 * matching rule", "discard rule", "link down", "no link", "no endpoints",
 * "ingress policy", "egress policy", "outside the cluster". */
const char *forward_reason_name(enum reason r);

/* What f's DNAT chose, for people: "pod P" (the pod holding the address),
 * "node N" (a node's address: a hostNetwork pod or an explicit endpoint),
 * or "outside the cluster"; into buf of len bytes. */
const char *forward_backend(const struct model *m, const struct fate *f, char *buf, size_t len);

/* The step that decided the verdict, or NULL (a sender's link down). */
const struct step *forward_last_step(const struct fate *f);

/* The source address src decided an ingress exception somewhere in f
 * (a pod always admits its own address and its node's): f cannot stand
 * for the fates of other sources (census.c, sweep.c). */
bool forward_source_decides(const struct model *m, const struct fate *f, size_t n, uint32_t src);

#endif
