#include "model.h"
#include "hash.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct model *
model_new(const char *name)
{
	struct model *m = xcalloc(1, sizeof *m);
	m->name = xstrdup(name ? name : "");
	m->names = hash_new();
	m->addrs = hash_new();
	m->down = hash_new();
	return m;
}

static void
rule_clear(struct rule *r)
{
	free(r->src_text);
	free(r->dst_text);
	free(r->dport_text);
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nv; i++) {
		struct vertex *v = &m->v[i];
		free(v->name);
		free(v->ports);
		free(v->kids);
		for (size_t j = 0; j < v->nfib; j++)
			rule_clear(&v->fib[j]);
		free(v->fib);
		free(v->eps);
	}
	for (size_t i = 0; i < m->nexpects; i++)
		free(m->expects[i].to_text);
	free(m->expects);
	free(m->v);
	free(m->nodes);
	free(m->pods);
	free(m->procs);
	free(m->switches);
	hash_free(m->names);
	hash_free(m->addrs);
	hash_free(m->down);
	free(m->name);
	free(m);
}

int
model_add_vertex(struct model *m, enum vkind kind, const char *name, long line, int parent)
{
	xgrow(&m->v, &m->v_cap, m->nv + 1, sizeof *m->v);
	int id = (int)m->nv++;
	struct vertex *v = &m->v[id];
	memset(v, 0, sizeof *v);
	v->name = xstrdup(name);
	v->kind = kind;
	v->line = line;
	v->parent = parent;
	v->listen_rank = -1;
	hash_add(m->names, hash_string(name), id);
	if (parent >= 0 && kind != V_POD) {
		struct vertex *p = &m->v[parent];
		xgrow(&p->kids, &p->kids_cap, p->nkids + 1, sizeof *p->kids);
		p->kids[p->nkids++] = id;
	}
	return id;
}

void
model_add_port(struct model *m, int proc, uint16_t number, enum proto proto, long line)
{
	struct vertex *v = &m->v[proc];
	xgrow(&v->ports, &v->ports_cap, v->nports + 1, sizeof *v->ports);
	v->ports[v->nports++] = (struct port){ number, proto, line };
}

void
model_add_rule(struct model *m, int sw, const struct rule *r)
{
	struct vertex *v = &m->v[sw];
	xgrow(&v->fib, &v->fib_cap, v->nfib + 1, sizeof *v->fib);
	v->fib[v->nfib++] = *r;
}

static uint64_t
link_key(int a, int b)
{
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	return (uint64_t)(uint32_t)a << 32 | (uint32_t)b;
}

bool
model_set_down(struct model *m, int a, int b)
{
	if (model_link_down(m, a, b))
		return false;
	hash_add(m->down, link_key(a, b), 1);
	m->ndown++;
	return true;
}

struct expect *
model_add_expect(struct model *m)
{
	xgrow(&m->expects, &m->expects_cap, m->nexpects + 1, sizeof *m->expects);
	struct expect *e = &m->expects[m->nexpects++];
	memset(e, 0, sizeof *e);
	e->receiver = -1;
	return e;
}

static int
cmp_endpoint(const void *a, const void *b)
{
	const struct endpoint *x = a, *y = b;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return (int)x->proto - (int)y->proto;
}

static void
build_endpoints(struct model *m, struct vertex *sw)
{
	size_t n = 0;
	for (size_t k = 0; k < sw->nkids; k++)
		n += m->v[sw->kids[k]].nports;
	sw->eps = xreallocarray(NULL, n, sizeof *sw->eps);
	sw->neps = 0;
	for (size_t k = 0; k < sw->nkids; k++) {
		const struct vertex *p = &m->v[sw->kids[k]];
		for (size_t j = 0; j < p->nports; j++, sw->neps++)
			sw->eps[sw->neps] = (struct endpoint){ p->ports[j].number, p->ports[j].proto,
							      sw->kids[k], (int)sw->neps };
	}
	qsort(sw->eps, sw->neps, sizeof *sw->eps, cmp_endpoint);
}

static void
push(int **arr, size_t *n, int id)
{
	/* Sized exactly once in model_finish, so no capacity to track. */
	(*arr)[(*n)++] = id;
}

void
model_finish(struct model *m)
{
	m->nodes = xreallocarray(NULL, m->nv, sizeof(int));
	m->pods = xreallocarray(NULL, m->nv, sizeof(int));
	m->procs = xreallocarray(NULL, m->nv, sizeof(int));
	m->switches = xreallocarray(NULL, m->nv, sizeof(int));
	for (size_t i = 0; i < m->nv; i++) {
		struct vertex *v = &m->v[i];
		switch (v->kind) {
		case V_NODE:
			v->idx = (int)m->nnodes;
			v->first_pod = m->npods;
			push(&m->nodes, &m->nnodes, (int)i);
			push(&m->switches, &m->nswitches, (int)i);
			break;
		case V_POD:
			v->idx = (int)m->npods;
			m->v[v->parent].npods++;
			push(&m->pods, &m->npods, (int)i);
			push(&m->switches, &m->nswitches, (int)i);
			break;
		default:
			v->idx = (int)m->nprocs;
			push(&m->procs, &m->nprocs, (int)i);
		}
		if (model_is_switch(m, (int)i))
			build_endpoints(m, v);
	}
	for (size_t i = 0; i < m->nnodes; i++) {
		struct vertex *n = &m->v[m->nodes[i]];
		if (n->neps > 0)
			n->listen_rank = (int)m->nlistening++;
	}
}

int
model_find(const struct model *m, const char *name)
{
	size_t it = 0;
	uint64_t key = hash_string(name);
	int id;
	while ((id = hash_next(m->names, key, &it)) >= 0)
		if (strcmp(m->v[id].name, name) == 0)
			return id;
	return -1;
}

int
model_claim_addr(struct model *m, uint32_t addr, int id)
{
	int old = model_addr_owner(m, addr);
	if (old < 0)
		hash_add(m->addrs, addr, id);
	return old;
}

int
model_addr_owner(const struct model *m, uint32_t addr)
{
	size_t it = 0;
	return hash_next(m->addrs, addr, &it);
}

bool
model_adjacent(const struct model *m, int a, int b)
{
	if (a < 0 || b < 0 || a == b)
		return false;
	const struct vertex *x = &m->v[a], *y = &m->v[b];
	if (x->kind == V_NODE && y->kind == V_NODE)
		return true;
	return x->parent == b || y->parent == a;
}

bool
model_link_down(const struct model *m, int a, int b)
{
	if (m->ndown == 0)
		return false;
	size_t it = 0;
	return hash_next(m->down, link_key(a, b), &it) >= 0;
}

bool
model_linked(const struct model *m, int a, int b)
{
	return model_adjacent(m, a, b) && !model_link_down(m, a, b);
}

const struct endpoint *
model_endpoint(const struct model *m, int sw, uint16_t port, enum proto proto)
{
	const struct vertex *v = &m->v[sw];
	struct endpoint key = { port, proto, 0, 0 };
	return bsearch(&key, v->eps, v->neps, sizeof *v->eps, cmp_endpoint);
}

bool
model_is_switch(const struct model *m, int id)
{
	return m->v[id].kind == V_NODE || m->v[id].kind == V_POD;
}

bool
model_is_process(const struct model *m, int id)
{
	return !model_is_switch(m, id);
}

const char *
model_kind_name(enum vkind k)
{
	static const char *const n[] = { "node", "pod", "container", "daemon" };
	return n[k];
}

static const char *const verdicts[] = { "delivered", "discarded", "loop" };

const char *
verdict_name(enum verdict v)
{
	return verdicts[v];
}

bool
verdict_parse(const char *s, enum verdict *out)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, verdicts[i]) == 0) {
			*out = (enum verdict)i;
			return true;
		}
	return false;
}
