#include "config.h"
#include "judge.h"
#include "addr.h"
#include "xalloc.h"

#include <stdio.h>

/* Where f was finally sent: (addr, port, proto) after a Service Rule's
 * rewrite; false when it cannot be told (no d, no step). */
static bool
final_dest(const struct dest *d, const struct fate *f, struct dest *out)
{
	if (d != NULL) {
		*out = *d;
	} else if (f->nsteps > 0) {
		/* Every step has the same protocol, and before a rewrite the
		 * same destination; a rewrite is in dnat_addr. */
		const struct header *h = &f->steps[0].h;
		*out = (struct dest){ h->dst, h->dport, h->proto };
	} else {
		return false;
	}
	if (f->dnat >= 0) {
		out->addr = f->dnat_addr;
		out->port = f->dnat_port;
	}
	return true;
}

/* The switch that owns address a for sender: the sender's own pod (or a
 * daemon's node) for 127.0.0.1, else the node or pod that holds it; -1. */
static int
owner_of(const struct model *m, int sender, uint32_t a)
{
	if (a != ADDR_LOOPBACK)
		return model_addr_owner(m, a);
	return sender >= 0 ? m->v[sender].parent : -1;
}

int
judge_expected(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	struct dest x;
	if (!final_dest(d, f, &x))
		return -1;
	int sw = owner_of(m, sender, x.addr);
	if (sw < 0)
		return -1;
	const struct endpoint *ep = model_endpoint(m, sw, x.port, x.proto);
	return ep != NULL ? ep->proc : -1;
}

/* The walk arrived at sw with its final destination: sw is on the path
 * from the rewrite on (the path's first vertex is the sender). */
static bool
reached(const struct fate *f, int sw)
{
	for (size_t i = f->dnat >= 0 ? (size_t)f->dnat : 1; i < f->npath; i++)
		if (f->path[i] == sw)
			return true;
	return false;
}

/* Nothing listens where f was sent: no process opened the port at the
 * switch that owns the address, and the walk got there, or found no rule
 * for the address because nothing listens behind it (a node whose daemons
 * open no port has no route to it; a service's address at a port it does
 * not declare). A loop or a discard on the way, caused by routing rules,
 * is not this. */
static bool
nothing_listens(const struct model *m, int sender, const struct dest *d, const struct fate *f, struct dest *x,
		int *owner)
{
	if (!final_dest(d, f, x))
		return false;
	*owner = owner_of(m, sender, x->addr);
	if (*owner >= 0) {
		if (model_endpoint(m, *owner, x->port, x->proto) != NULL)
			return false;
		return reached(f, *owner) || (f->verdict == VERDICT_DISCARDED && f->reason == REASON_NO_RULE);
	}
	return f->dnat < 0 && f->verdict == VERDICT_DISCARDED && f->reason == REASON_NO_RULE &&
	       model_service_at(m, x->addr) >= 0;
}

enum judge_class
judge_fate(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	return judge_fate_known(m, sender, d, f,
				f->verdict == VERDICT_DELIVERED ? judge_expected(m, sender, d, f) : -1);
}

/* A promised pair's fates need no model: its port is open where it goes. */
enum judge_class
judge_promised(const struct fate *f, int expected)
{
	if (f->verdict == VERDICT_DELIVERED)
		return f->receiver == expected ? JUDGE_DELIVERED : JUDGE_MISDELIVERED;
	if (f->verdict == VERDICT_DISCARDED && (f->reason == REASON_INGRESS || f->reason == REASON_EGRESS))
		return JUDGE_DENIED;
	if (f->verdict == VERDICT_DISCARDED && f->reason == REASON_OUTSIDE)
		return JUDGE_OUTSIDE;
	return f->verdict == VERDICT_LOOP ? JUDGE_LOOP : JUDGE_DISCARDED;
}

enum judge_class
judge_fate_known(const struct model *m, int sender, const struct dest *d, const struct fate *f, int expected)
{
	enum judge_class c = judge_promised(f, expected);
	struct dest x;
	int owner;
	if ((c == JUDGE_LOOP || c == JUDGE_DISCARDED) && nothing_listens(m, sender, d, f, &x, &owner))
		return JUDGE_NOTHING;
	return c;
}

enum judge_class
judge_pair(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t n)
{
	enum judge_class worst = JUDGE_CLASSES;
	for (size_t i = 0; i < n; i++) {
		enum judge_class c = judge_fate(m, sender, d, &f[i]);
		if (worst == JUDGE_CLASSES || c > worst)
			worst = c;
	}
	return worst;
}

bool
judge_is_fault(enum judge_class c)
{
	return c == JUDGE_MISDELIVERED || c == JUDGE_DISCARDED || c == JUDGE_LOOP;
}

bool
judge_pair_is_fault(const struct model *m, const struct dest *d, enum judge_class c)
{
	if (judge_is_fault(c))
		return true;
	return c == JUDGE_NOTHING && model_service_port(m, d->addr, d->port, d->proto) != NULL;
}

const char *
judge_class_word(enum judge_class c)
{
	static const char *const words[JUDGE_CLASSES] = {
		"delivered", "discarded outside the cluster", "denied by policy", "nothing listens",
		"delivered to another process", "discarded", "loop",
	};
	return c < JUDGE_CLASSES ? words[c] : "";
}

const char *
judge_class_id(enum judge_class c)
{
	static const char *const ids[JUDGE_CLASSES] = {
		"delivered", "outside", "denied", "nothing_listens", "misdelivered", "discarded", "loop",
	};
	return c < JUDGE_CLASSES ? ids[c] : "";
}

char
judge_class_mark(enum judge_class c)
{
	static const char marks[JUDGE_CLASSES] = { '+', '>', '-', 'o', '!', 'x', '@' };
	return c < JUDGE_CLASSES ? marks[c] : '.';
}

/* "nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused)" */
static char *
refused(const struct model *m, const struct dest *x, int owner)
{
	char a[16];
	addr_format(x->addr, a);
	if (owner >= 0)
		return xasprintf("nothing listens on %s:%u/%s in %s %s (connection refused)", a, x->port,
				 proto_name(x->proto), model_kind_name(m->v[owner].kind), m->v[owner].name);
	char svc[300];
	return xasprintf("nothing listens on %s:%u/%s of service %s (connection refused)", a, x->port,
			 proto_name(x->proto), model_service_name(m, model_service_at(m, x->addr), svc, sizeof svc));
}

char *
judge_explain(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	struct dest x;
	int owner;
	enum judge_class c = judge_fate(m, sender, d, f);
	if (c == JUDGE_NOTHING && nothing_listens(m, sender, d, f, &x, &owner))
		return refused(m, &x, owner);
	if (c == JUDGE_MISDELIVERED) {
		/* Say who should have had it: a misdelivery reads as a success. */
		int expected = judge_expected(m, sender, d, f);
		if (expected >= 0)
			return xasprintf("delivered to %s, not to %s, which opened the port", m->v[f->receiver].name,
					 m->v[expected].name);
		return xasprintf("delivered to %s, though no process opened the port", m->v[f->receiver].name);
	}
	return forward_explain(m, f);
}

char *
judge_reason(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	struct dest x;
	int owner;
	if (judge_fate(m, sender, d, f) == JUDGE_NOTHING && nothing_listens(m, sender, d, f, &x, &owner))
		return refused(m, &x, owner);
	return f->reason != REASON_NONE ? xstrdup(forward_reason_name(f->reason)) : NULL;
}
