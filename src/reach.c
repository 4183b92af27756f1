#include "config.h"
#include "reach.h"
#include "engine.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct list {
	struct dest *d;
	size_t n, cap;
};

static void
add(struct list *l, uint32_t addr, uint16_t port, enum proto proto)
{
	xgrow(&l->d, &l->cap, l->n + 1, sizeof *l->d);
	l->d[l->n++] = (struct dest){ addr, port, proto };
}

static void
add_endpoints(struct list *l, uint32_t addr, const struct vertex *sw)
{
	for (size_t i = 0; i < sw->neps; i++)
		add(l, addr, sw->eps[i].port, sw->eps[i].proto);
}

static int
cmp_port(const void *a, const void *b)
{
	const struct port *x = a, *y = b;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	return (int)x->proto - (int)y->proto;
}

/* Every (port, protocol) any process opens or any service declares as
 * its number, sorted, without repeats. */
static struct port *
all_ports(const struct model *m, size_t *n)
{
	size_t total = m->nsvc_ports, k = 0;
	for (size_t i = 0; i < m->nprocs; i++)
		total += m->v[m->procs[i]].nports;
	struct port *p = xreallocarray(NULL, total, sizeof *p);
	for (size_t i = 0; i < m->nprocs; i++) {
		const struct vertex *v = &m->v[m->procs[i]];
		for (size_t j = 0; j < v->nports; j++)
			p[k++] = (struct port){ v->ports[j].number, v->ports[j].proto, 0, NULL };
	}
	for (size_t i = 0; i < m->nsvc_ports; i++) {
		const struct svc_flat *f = &m->svc_ports[i];
		const struct svc_port *sp = &m->svcs[f->svc].ports[f->port];
		p[k++] = (struct port){ sp->number, sp->proto, 0, NULL };
	}
	qsort(p, total, sizeof *p, cmp_port);
	k = 0;
	for (size_t i = 0; i < total; i++)
		if (k == 0 || cmp_port(&p[k - 1], &p[i]) != 0)
			p[k++] = p[i];
	*n = k;
	return p;
}

static void
add_all_ports(struct list *l, uint32_t addr, const struct port *p, size_t np)
{
	for (size_t i = 0; i < np; i++)
		add(l, addr, p[i].number, p[i].proto);
}

/* The destinations after 127.0.0.1, the same for every sender. */
static void
common(const struct model *m, enum ports_mode mode, const struct port *p, size_t np, struct list *l)
{
	for (size_t i = 0; i < m->npods; i++) {
		const struct vertex *v = &m->v[m->pods[i]];
		if (mode == PORTS_OPEN)
			add_endpoints(l, v->addr, v);
		else
			add_all_ports(l, v->addr, p, np);
	}
	for (size_t i = 0; i < m->nnodes; i++) {
		const struct vertex *v = &m->v[m->nodes[i]];
		if (mode == PORTS_OPEN)
			add_endpoints(l, v->addr, v);
		else
			add_all_ports(l, v->addr, p, np);
	}
	for (size_t i = 0; i < m->nsvcs; i++) {
		const struct service *s = &m->svcs[i];
		if (mode == PORTS_ALL) {
			add_all_ports(l, s->addr, p, np);
			continue;
		}
		/* Its ports ascending, then by protocol. */
		struct port *sp = xreallocarray(NULL, s->nports, sizeof *sp);
		for (size_t k = 0; k < s->nports; k++)
			sp[k] = (struct port){ s->ports[k].number, s->ports[k].proto, 0, NULL };
		qsort(sp, s->nports, sizeof *sp, cmp_port);
		add_all_ports(l, s->addr, sp, s->nports);
		free(sp);
	}
}

static void
localhost(const struct model *m, int sender, enum ports_mode mode, const struct port *p, size_t np, struct list *l)
{
	const struct vertex *s = &m->v[sender];
	if (s->kind != V_CONTAINER)
		return;
	if (mode == PORTS_OPEN)
		add_endpoints(l, ADDR_LOOPBACK, &m->v[s->parent]);
	else
		add_all_ports(l, ADDR_LOOPBACK, p, np);
}

struct dest *
reach_dests(const struct model *m, int sender, enum ports_mode mode, size_t *n)
{
	size_t np;
	struct port *p = all_ports(m, &np);
	struct list l = { 0 };
	localhost(m, sender, mode, p, np, &l);
	common(m, mode, p, np, &l);
	free(p);
	*n = l.n;
	return l.d;
}

struct dest *
reach_common(const struct model *m, enum ports_mode mode, size_t *n)
{
	size_t np;
	struct port *p = all_ports(m, &np);
	struct list l = { 0 };
	common(m, mode, p, np, &l);
	free(p);
	*n = l.n;
	return l.d;
}

struct dest *
reach_columns(const struct model *m, enum ports_mode mode, size_t *n)
{
	size_t np;
	struct port *p = all_ports(m, &np);
	struct list l = { 0 };
	if (mode == PORTS_ALL) {
		add_all_ports(&l, ADDR_LOOPBACK, p, np);
	} else {
		/* The ports open at 127.0.0.1 in some pod. */
		struct list lo = { 0 };
		for (size_t i = 0; i < m->npods; i++)
			add_endpoints(&lo, ADDR_LOOPBACK, &m->v[m->pods[i]]);
		struct port *q = xreallocarray(NULL, lo.n, sizeof *q);
		for (size_t i = 0; i < lo.n; i++)
			q[i] = (struct port){ lo.d[i].port, lo.d[i].proto, 0 };
		qsort(q, lo.n, sizeof *q, cmp_port);
		for (size_t i = 0; i < lo.n; i++)
			if (i == 0 || cmp_port(&q[i - 1], &q[i]) != 0)
				add(&l, ADDR_LOOPBACK, q[i].number, q[i].proto);
		free(q);
		free(lo.d);
	}
	common(m, mode, p, np, &l);
	free(p);
	*n = l.n;
	return l.d;
}

int
reach_run(const struct model *m, enum ports_mode mode, reach_fn *fn, void *ctx)
{
	size_t np;
	struct port *p = all_ports(m, &np);
	struct list rest = { 0 }, l = { 0 };
	common(m, mode, p, np, &rest);
	int rc = 0, node = -1;
	struct engine *e = engine_new(m);
	for (size_t i = 0; i < m->nprocs && rc == 0; i++) {
		int s = m->procs[i];
		const struct vertex *v = &m->v[s];
		/* Senders come node by node: what the engine remembers about one
		 * node is of no use for the next, so memory stays bounded. */
		int n = v->kind == V_DAEMON ? v->parent : m->v[v->parent].parent;
		if (n != node)
			engine_forget(e);
		node = n;
		l.n = 0;
		localhost(m, s, mode, p, np, &l);
		for (size_t k = 0; k < l.n + rest.n && rc == 0; k++) {
			const struct dest *d = k < l.n ? &l.d[k] : &rest.d[k - l.n];
			const struct fate *f;
			size_t nf = engine_fates(e, s, d, &f);
			rc = fn(ctx, s, d, f, nf);
		}
	}
	engine_free(e);
	free(l.d);
	free(rest.d);
	free(p);
	return rc;
}

bool
reach_parse_mode(const char *s, enum ports_mode *out)
{
	if (strcmp(s, "open") == 0)
		*out = PORTS_OPEN;
	else if (strcmp(s, "all") == 0)
		*out = PORTS_ALL;
	else
		return false;
	return true;
}

const char *
reach_mode_name(enum ports_mode mode)
{
	return mode == PORTS_OPEN ? "open" : "all";
}
