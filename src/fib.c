#include "config.h"
#include "fib.h"
#include "xalloc.h"

#include <stdio.h>
#include <string.h>

bool
fib_rule_matches(const struct rule *r, const struct header *h)
{
	return (r->any_src || addr_in_prefix(h->src, r->src, r->src_len)) &&
	       (r->any_dst || addr_in_prefix(h->dst, r->dst, r->dst_len)) &&
	       (r->any_dport || (h->dport >= r->dport_lo && h->dport <= r->dport_hi)) &&
	       (r->any_proto || h->proto == r->proto);
}

/* A generated rule [* * dst dport proto] action(to). */
static struct rule
generated(enum origin o, enum action a, int to, uint32_t dst, const struct endpoint *ep)
{
	struct rule r = { .any_src = true, .dst = dst, .dst_len = 32, .action = a, .to = to, .origin = o };
	r.any_dst = o == ORIG_LOCAL_FWD;
	r.any_dport = r.any_proto = ep == NULL;
	if (ep != NULL) {
		r.dport_lo = r.dport_hi = ep->port;
		r.proto = ep->proto;
	}
	return r;
}

/* The Service Rules: one per service port, in document order. Advances
 * *base past them when none matches. */
static struct rule
service_generated(const struct model *m, const struct svc_flat *f)
{
	const struct service *s = &m->svcs[f->svc];
	const struct svc_port *sp = &s->ports[f->port];
	struct endpoint ep = { .port = sp->number, .proto = sp->proto };
	return generated(ORIG_SERVICE, ACT_DNAT, (int)(f - m->svc_ports), s->addr, &ep);
}

static bool
service_rule(const struct model *m, const struct header *h, int *base, int *pos, struct rule *out)
{
	const struct svc_flat *f = model_service_port(m, h->dst, h->dport, h->proto);
	if (f == NULL) {
		*base += (int)m->nsvc_ports;
		return false;
	}
	*pos = *base + (int)(f - m->svc_ports) + 1;
	*out = service_generated(m, f);
	return true;
}

static bool
lookup_pod(const struct model *m, const struct vertex *p, const struct header *h, int *pos, struct rule *out)
{
	const struct endpoint *ep;
	int base = (int)p->nfib;
	if (h->dst == ADDR_LOOPBACK && (ep = model_endpoint(m, (int)(p - m->v), h->dport, h->proto))) {
		*pos = base + ep->pos + 1;
		*out = generated(ORIG_LOCALHOST, ACT_DELIVER, ep->proc, ADDR_LOOPBACK, ep);
		return true;
	}
	base += (int)p->neps;
	if (h->dst == p->addr && (ep = model_endpoint(m, (int)(p - m->v), h->dport, h->proto))) {
		*pos = base + ep->pos + 1;
		*out = generated(ORIG_POD_ADDR, ACT_DELIVER, ep->proc, p->addr, ep);
		return true;
	}
	base += (int)p->neps;
	if (service_rule(m, h, &base, pos, out))
		return true;
	*pos = base + 1;
	*out = generated(ORIG_LOCAL_FWD, ACT_FORWARD, p->parent, 0, NULL);
	return true;
}

static bool
lookup_node(const struct model *m, const struct vertex *n, const struct header *h, int *pos, struct rule *out)
{
	int self = (int)(n - m->v);
	int base = (int)n->nfib;
	const struct endpoint *ep;
	if (h->dst == n->addr && (ep = model_endpoint(m, self, h->dport, h->proto))) {
		*pos = base + ep->pos + 1;
		*out = generated(ORIG_NODE_ADDR, ACT_DELIVER, ep->proc, n->addr, ep);
		return true;
	}
	base += (int)n->neps;
	if (service_rule(m, h, &base, pos, out))
		return true;
	int owner = model_addr_owner(m, h->dst);
	if (owner < 0)
		return false;
	const struct vertex *o = &m->v[owner];
	if (o->kind == V_POD && o->parent == self) {
		*pos = base + (o->idx - (int)n->first_pod) + 1;
		*out = generated(ORIG_NODE_TO_POD, ACT_FORWARD, owner, o->addr, NULL);
		return true;
	}
	base += (int)n->npods;
	if (o->kind == V_POD) {
		/* Pods of other nodes, in document order: skip this node's. */
		int i = o->idx - (o->idx > (int)n->first_pod ? (int)n->npods : 0);
		*pos = base + i + 1;
		*out = generated(ORIG_NODE_TO_NODE, ACT_FORWARD, o->parent, o->addr, NULL);
		return true;
	}
	base += (int)(m->npods - n->npods);
	if (o->kind == V_NODE && owner != self && o->listen_rank >= 0) {
		int i = o->listen_rank - (n->listen_rank >= 0 && n->listen_rank < o->listen_rank);
		*pos = base + i + 1;
		*out = generated(ORIG_NODE_TO_NODE_ADDR, ACT_FORWARD, owner, o->addr, NULL);
		return true;
	}
	return false;
}

bool
fib_lookup(const struct model *m, int sw, const struct header *h, int *pos, struct rule *out)
{
	const struct vertex *v = &m->v[sw];
	for (size_t i = 0; i < v->nfib; i++)
		if (fib_rule_matches(&v->fib[i], h)) {
			*pos = (int)i + 1;
			*out = v->fib[i];
			return true;
		}
	if (v->kind == V_POD)
		return lookup_pod(m, v, h, pos, out);
	return lookup_node(m, v, h, pos, out);
}

size_t
fib_table_size(const struct model *m, int sw)
{
	const struct vertex *v = &m->v[sw];
	if (v->kind == V_POD)
		return v->nfib + 2 * v->neps + m->nsvc_ports + 1;
	return v->nfib + v->neps + m->nsvc_ports + m->npods + m->nlistening - (v->listen_rank >= 0);
}

/* The delivery rules of switch v in table order (eps are sorted by port;
 * the table follows document order). */
static void
deliveries(const struct vertex *v, enum origin o, uint32_t dst, struct rule *t, size_t *n)
{
	for (size_t i = 0; i < v->neps; i++)
		t[*n + (size_t)v->eps[i].pos] = generated(o, ACT_DELIVER, v->eps[i].proc, dst, &v->eps[i]);
	*n += v->neps;
}

static void
services(const struct model *m, struct rule *t, size_t *n)
{
	for (size_t i = 0; i < m->nsvc_ports; i++)
		t[(*n)++] = service_generated(m, &m->svc_ports[i]);
}

struct rule *
fib_table(const struct model *m, int sw, size_t *np)
{
	const struct vertex *v = &m->v[sw];
	struct rule *t = xreallocarray(NULL, fib_table_size(m, sw), sizeof *t);
	size_t n = 0;
	for (size_t i = 0; i < v->nfib; i++)
		t[n++] = v->fib[i];
	if (v->kind == V_POD) {
		deliveries(v, ORIG_LOCALHOST, ADDR_LOOPBACK, t, &n);
		deliveries(v, ORIG_POD_ADDR, v->addr, t, &n);
		services(m, t, &n);
		t[n++] = generated(ORIG_LOCAL_FWD, ACT_FORWARD, v->parent, 0, NULL);
	} else {
		deliveries(v, ORIG_NODE_ADDR, v->addr, t, &n);
		services(m, t, &n);
		for (size_t i = 0; i < v->npods; i++) {
			int p = m->pods[v->first_pod + i];
			t[n++] = generated(ORIG_NODE_TO_POD, ACT_FORWARD, p, m->v[p].addr, NULL);
		}
		for (size_t i = 0; i < m->npods; i++) {
			const struct vertex *p = &m->v[m->pods[i]];
			if (p->parent != sw)
				t[n++] = generated(ORIG_NODE_TO_NODE, ACT_FORWARD, p->parent, p->addr, NULL);
		}
		for (size_t i = 0; i < m->nnodes; i++) {
			const struct vertex *o = &m->v[m->nodes[i]];
			if (m->nodes[i] != sw && o->listen_rank >= 0)
				t[n++] = generated(ORIG_NODE_TO_NODE_ADDR, ACT_FORWARD, m->nodes[i], o->addr, NULL);
		}
	}
	*np = n;
	return t;
}

const char *
fib_origin_name(enum origin o)
{
	static const char *const names[] = {
		[ORIG_OVERRIDE] = "Override",
		[ORIG_LOCALHOST] = "Delivery on localhost",
		[ORIG_POD_ADDR] = "Delivery on Pod Address",
		[ORIG_LOCAL_FWD] = "Local Forwarding Rule",
		[ORIG_NODE_ADDR] = "Delivery on Node Address",
		[ORIG_NODE_TO_POD] = "Node to Pod Forwarding Rule",
		[ORIG_NODE_TO_NODE] = "Node to Node Forwarding Rule",
		[ORIG_NODE_TO_NODE_ADDR] = "Node to Node Forwarding Rule (node address)",
		[ORIG_SERVICE] = "Service Rule",
	};
	return names[o];
}

const char *
fib_rule_to(const struct model *m, const struct rule *r, char *buf, size_t len)
{
	if (r->to < 0)
		return "";
	if (r->action == ACT_DNAT)
		return model_service_name(m, m->svc_ports[r->to].svc, buf, len);
	return m->v[r->to].name;
}

const char *
fib_action_name(enum action a)
{
	static const char *const names[] = { "deliver", "forward", "discard", "dnat" };
	return names[a];
}

static const char *
prefix(bool any, const char *text, uint32_t a, int len, char *buf)
{
	if (any)
		return "*";
	if (text != NULL)
		return text;
	addr_format(a, buf);
	if (len != 32)
		sprintf(buf + strlen(buf), "/%d", len);
	return buf;
}

const char *
fib_field_src(const struct rule *r, char *buf)
{
	return prefix(r->any_src, r->src_text, r->src, r->src_len, buf);
}

const char *
fib_field_dst(const struct rule *r, char *buf)
{
	return prefix(r->any_dst, r->dst_text, r->dst, r->dst_len, buf);
}

const char *
fib_field_dport(const struct rule *r, char *buf)
{
	if (r->any_dport)
		return "*";
	if (r->dport_text != NULL)
		return r->dport_text;
	if (r->dport_lo == r->dport_hi)
		sprintf(buf, "%u", r->dport_lo);
	else
		sprintf(buf, "%u-%u", r->dport_lo, r->dport_hi);
	return buf;
}

const char *
fib_field_proto(const struct rule *r)
{
	return r->any_proto ? "*" : proto_name(r->proto);
}

bool
fib_may_match(const struct vertex *v, const struct header *h)
{
	for (size_t i = 0; i < v->nfib; i++) {
		struct rule r = v->fib[i];
		r.any_src = true;
		if (fib_rule_matches(&r, h))
			return true;
	}
	return false;
}
