#include "model.h"
#include "hash.h"
#include "xalloc.h"

#include <stdio.h>
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
	m->svc_addrs = hash_new();
	m->svc_index = hash_new();
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
labels_add(struct labels *ls, const char *key, const char *value)
{
	xgrow(&ls->l, &ls->cap, ls->n + 1, sizeof *ls->l);
	ls->l[ls->n++] = (struct label){ xstrdup(key), xstrdup(value) };
}

const char *
labels_get(const struct labels *ls, const char *key)
{
	for (size_t i = 0; i < ls->n; i++)
		if (strcmp(ls->l[i].key, key) == 0)
			return ls->l[i].value;
	return NULL;
}

void
labels_free(struct labels *ls)
{
	for (size_t i = 0; i < ls->n; i++) {
		free(ls->l[i].key);
		free(ls->l[i].value);
	}
	free(ls->l);
	memset(ls, 0, sizeof *ls);
}

void
selector_free(struct selector *s)
{
	labels_free(&s->match);
	for (size_t i = 0; i < s->nexpr; i++) {
		free(s->expr[i].key);
		for (size_t k = 0; k < s->expr[i].nvalues; k++)
			free(s->expr[i].values[k]);
		free(s->expr[i].values);
	}
	free(s->expr);
	memset(s, 0, sizeof *s);
}

bool
selector_matches(const struct selector *s, const struct labels *ls)
{
	for (size_t i = 0; i < s->match.n; i++) {
		const char *v = labels_get(ls, s->match.l[i].key);
		if (v == NULL || strcmp(v, s->match.l[i].value) != 0)
			return false;
	}
	for (size_t i = 0; i < s->nexpr; i++) {
		const struct expression *e = &s->expr[i];
		const char *v = labels_get(ls, e->key);
		bool in = false;
		for (size_t k = 0; v != NULL && k < e->nvalues && !in; k++)
			in = strcmp(v, e->values[k]) == 0;
		bool ok = e->op == SEL_IN ? in : e->op == SEL_NOTIN ? !in : e->op == SEL_EXISTS ? v != NULL : v == NULL;
		if (!ok)
			return false;
	}
	return true;
}

int
model_find_namespace(const struct model *m, const char *name)
{
	/* Hashed: 150,000 pods in 1,000 namespaces made a linear search
	 * cost a second of parsing. */
	if (m->ns_index == NULL)
		return -1;
	size_t it = 0;
	int i;
	while ((i = hash_next(m->ns_index, hash_string(name), &it)) >= 0)
		if (strcmp(m->ns[i].name, name) == 0)
			return i;
	return -1;
}

int
model_namespace(struct model *m, const char *name, long line)
{
	int i = model_find_namespace(m, name);
	if (i >= 0) {
		if (line > 0 && m->ns[i].line == 0)
			m->ns[i].line = line;
		return i;
	}
	xgrow(&m->ns, &m->ns_cap, m->nns + 1, sizeof *m->ns);
	struct namespace *n = &m->ns[m->nns];
	memset(n, 0, sizeof *n);
	n->name = xstrdup(name);
	n->line = line;
	labels_add(&n->labels, "kubernetes.io/metadata.name", name);
	if (m->ns_index == NULL)
		m->ns_index = hash_new();
	hash_add(m->ns_index, hash_string(name), (int)m->nns);
	return (int)m->nns++;
}

struct service *
model_add_service(struct model *m)
{
	xgrow(&m->svcs, &m->svcs_cap, m->nsvcs + 1, sizeof *m->svcs);
	struct service *s = &m->svcs[m->nsvcs++];
	memset(s, 0, sizeof *s);
	return s;
}

struct policy *
model_add_policy(struct model *m)
{
	xgrow(&m->pols, &m->pols_cap, m->npols + 1, sizeof *m->pols);
	struct policy *p = &m->pols[m->npols++];
	memset(p, 0, sizeof *p);
	return p;
}

static void
free_policy(struct policy *p)
{
	free(p->name);
	selector_free(&p->pod_sel);
	for (int d = 0; d < 2; d++) {
		for (size_t i = 0; i < p->nrules[d]; i++) {
			struct pol_rule *r = &p->rules[d][i];
			for (size_t k = 0; k < r->npeers; k++) {
				selector_free(&r->peers[k].pod_sel);
				selector_free(&r->peers[k].ns_sel);
				free(r->peers[k].except_net);
				free(r->peers[k].except_len);
			}
			free(r->peers);
			for (size_t k = 0; k < r->nports; k++)
				free(r->ports[k].name);
			free(r->ports);
		}
		free(p->rules[d]);
	}
}

void
model_free(struct model *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nns; i++) {
		free(m->ns[i].name);
		labels_free(&m->ns[i].labels);
	}
	free(m->ns);
	for (size_t i = 0; i < m->nsvcs; i++) {
		struct service *s = &m->svcs[i];
		free(s->name);
		labels_free(&s->selector);
		for (size_t k = 0; k < s->nports; k++)
			free(s->ports[k].target_name);
		free(s->ports);
		free(s->endpoints);
	}
	free(m->svcs);
	for (size_t i = 0; i < m->nsvc_ports; i++)
		free(m->svc_ports[i].backends);
	free(m->svc_ports);
	for (size_t i = 0; i < m->npols; i++)
		free_policy(&m->pols[i]);
	free(m->pols);
	hash_free(m->svc_addrs);
	hash_free(m->svc_index);
	hash_free(m->ns_index);
	for (size_t i = 0; i < m->nv; i++) {
		struct vertex *v = &m->v[i];
		free(v->name);
		free(v->workload);
		free(v->pod_name);
		for (size_t j = 0; j < v->nports; j++)
			free(v->ports[j].name);
		free(v->ports);
		labels_free(&v->labels);
		free(v->isolating[0]);
		free(v->isolating[1]);
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
	free(m->downs);
	free(m->name);
	free(m->version);
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
	v->name_len = strlen(name);
	v->kind = kind;
	v->line = line;
	v->parent = parent;
	v->listen_rank = -1;
	v->ns = -1; /* pods get theirs from the spec */
	hash_add(m->names, hash_string(name), id);
	if (parent >= 0 && kind != V_POD) {
		struct vertex *p = &m->v[parent];
		xgrow(&p->kids, &p->kids_cap, p->nkids + 1, sizeof *p->kids);
		p->kids[p->nkids++] = id;
	}
	return id;
}

void
model_add_port(struct model *m, int proc, uint16_t number, enum proto proto, long line, const char *name)
{
	struct vertex *v = &m->v[proc];
	xgrow(&v->ports, &v->ports_cap, v->nports + 1, sizeof *v->ports);
	v->ports[v->nports++] = (struct port){ number, proto, line, name ? xstrdup(name) : NULL };
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
	xgrow(&m->downs, &m->down_cap, m->ndown + 1, sizeof *m->downs);
	m->downs[m->ndown][0] = a;
	m->downs[m->ndown][1] = b;
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

static uint64_t
svc_key(uint32_t addr, uint16_t port, enum proto proto)
{
	return (uint64_t)addr << 24 | (uint64_t)port << 8 | (uint64_t)proto;
}

/* The number a pod's container opens under name for proto, or 0. */
static uint16_t
named_port(const struct model *m, const struct vertex *pod, const char *name, enum proto proto)
{
	for (size_t k = 0; k < pod->nkids; k++) {
		const struct vertex *c = &m->v[pod->kids[k]];
		for (size_t j = 0; j < c->nports; j++)
			if (c->ports[j].name && c->ports[j].proto == proto && strcmp(c->ports[j].name, name) == 0)
				return c->ports[j].number;
	}
	return 0;
}

/* Flatten service ports in document order and resolve their backends. */
/* Pods by namespace, in pod order: services and policies select pods of
 * their own namespace only, and scanning every pod for each of them is
 * quadratic at Kubernetes' limits (150,000 pods x 5,000 policies).
 * Bucket ns + 1 (a pod without a namespace has -1). */
struct pods_by_ns {
	size_t *start; /* nns + 2 */
	size_t *pods;  /* indexes into m->pods */
};

static void
pods_by_ns(const struct model *m, struct pods_by_ns *b)
{
	b->start = xcalloc(m->nns + 2, sizeof *b->start);
	b->pods = xreallocarray(NULL, m->npods ? m->npods : 1, sizeof *b->pods);
	for (size_t p = 0; p < m->npods; p++)
		b->start[m->v[m->pods[p]].ns + 1]++;
	size_t sum = 0;
	for (size_t i = 0; i < m->nns + 2; i++) {
		size_t n = b->start[i];
		b->start[i] = sum;
		sum += n;
	}
	size_t *next = xreallocarray(NULL, m->nns + 1, sizeof *next);
	memcpy(next, b->start, (m->nns + 1) * sizeof *next);
	for (size_t p = 0; p < m->npods; p++)
		b->pods[next[m->v[m->pods[p]].ns + 1]++] = p;
	free(next);
}

static void
finish_services(struct model *m, const struct pods_by_ns *by_ns)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nsvcs; i++)
		n += m->svcs[i].nports;
	m->svc_ports = xcalloc(n, sizeof *m->svc_ports);
	for (size_t i = 0; i < m->nsvcs; i++) {
		struct service *s = &m->svcs[i];
		for (size_t k = 0; k < s->nports; k++) {
			struct svc_port *sp = &s->ports[k];
			struct svc_flat *f = &m->svc_ports[m->nsvc_ports];
			sp->flat = m->nsvc_ports++;
			f->svc = (int)i;
			f->port = k;
			hash_add(m->svc_index, svc_key(s->addr, sp->number, sp->proto), (int)sp->flat);
			if (!s->has_selector)
				continue;
			size_t cap = 0;
			for (size_t j = by_ns->start[s->ns + 1]; j < by_ns->start[s->ns + 2]; j++) {
				size_t p = by_ns->pods[j];
				const struct vertex *pod = &m->v[m->pods[p]];
				if (!selector_matches(&(struct selector){ .match = s->selector }, &pod->labels))
					continue;
				uint16_t port = sp->target_name ? named_port(m, pod, sp->target_name, sp->proto)
								: sp->target;
				if (port == 0)
					continue;
				xgrow(&f->backends, &cap, f->nbackends + 1, sizeof *f->backends);
				f->backends[f->nbackends++] = (struct backend){ m->pods[p], pod->addr, port };
			}
		}
	}
}

static void
add_isolating(struct vertex *pod, int dir, int pol)
{
	/* At most npols entries; grow one at a time, policies are few per pod. */
	pod->isolating[dir] = xreallocarray(pod->isolating[dir], pod->nisolating[dir] + 1, sizeof(int));
	pod->isolating[dir][pod->nisolating[dir]++] = pol;
}

/* Which policies isolate each pod, per direction. */
static void
finish_policies(struct model *m, const struct pods_by_ns *by_ns)
{
	for (size_t i = 0; i < m->npols; i++) {
		const struct policy *pol = &m->pols[i];
		for (size_t j = by_ns->start[pol->ns + 1]; j < by_ns->start[pol->ns + 2]; j++) {
			struct vertex *pod = &m->v[m->pods[by_ns->pods[j]]];
			if (!selector_matches(&pol->pod_sel, &pod->labels))
				continue;
			if (pol->types & DIR_INGRESS)
				add_isolating(pod, 0, (int)i);
			if (pol->types & DIR_EGRESS)
				add_isolating(pod, 1, (int)i);
		}
	}
}

const struct svc_flat *
model_service_port(const struct model *m, uint32_t addr, uint16_t port, enum proto proto)
{
	if (m->nsvc_ports == 0)
		return NULL;
	size_t it = 0;
	int i = hash_next(m->svc_index, svc_key(addr, port, proto), &it);
	return i < 0 ? NULL : &m->svc_ports[i];
}

int
model_service_at(const struct model *m, uint32_t addr)
{
	if (m->nsvcs == 0)
		return -1;
	size_t it = 0;
	return hash_next(m->svc_addrs, addr, &it);
}

const char *
model_service_name(const struct model *m, int s, char *buf, size_t len)
{
	snprintf(buf, len, "%s/%s", m->ns[m->svcs[s].ns].name, m->svcs[s].name);
	return buf;
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
	struct pods_by_ns by_ns;
	pods_by_ns(m, &by_ns);
	finish_services(m, &by_ns);
	finish_policies(m, &by_ns);
	free(by_ns.start);
	free(by_ns.pods);
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
	if (old < 0) {
		size_t it = 0;
		int s = hash_next(m->svc_addrs, addr, &it);
		if (s >= 0)
			old = -2 - s;
	}
	if (old == -1) {
		if (id >= 0)
			hash_add(m->addrs, addr, id);
		else
			hash_add(m->svc_addrs, addr, -2 - id);
	}
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
