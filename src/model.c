#include "config.h"
#include "model.h"
#include "diag.h"
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

bool
labels_same_order(const struct labels *a, const struct labels *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->l[i].key, b->l[i].key) != 0 || strcmp(a->l[i].value, b->l[i].value) != 0)
			return false;
	return true;
}

uint64_t
labels_hash(const struct labels *ls, uint64_t seed)
{
	for (size_t i = 0; i < ls->n; i++)
		seed = (seed ^ hash_string(ls->l[i].key)) * 31 ^ hash_string(ls->l[i].value);
	return seed;
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

bool
model_namespace_add_label(struct model *m, int ns, const char *key, const char *value)
{
	struct labels *ls = &m->ns[ns].labels;
	if (labels_get(ls, key) != NULL)
		return false;
	labels_add(ls, key, value);
	return true;
}

int
model_add_service(struct model *m, const char *name, int ns, long line)
{
	xgrow(&m->svcs, &m->svcs_cap, m->nsvcs + 1, sizeof *m->svcs);
	struct service *s = &m->svcs[m->nsvcs];
	memset(s, 0, sizeof *s);
	s->name = name ? xstrdup(name) : NULL;
	s->ns = ns;
	s->line = line;
	return (int)m->nsvcs++;
}

int
model_service_set_address(struct model *m, int s, uint32_t addr)
{
	int old = model_claim_addr(m, addr, -2 - s);
	if (old == -1)
		m->svcs[s].addr = addr;
	return old;
}

bool
model_service_add_selector(struct model *m, int s, const char *key, const char *value)
{
	struct service *sv = &m->svcs[s];
	sv->has_selector = true;
	if (labels_get(&sv->selector, key) != NULL)
		return false;
	labels_add(&sv->selector, key, value);
	return true;
}

int
model_service_find_port(const struct model *m, int s, uint16_t number, enum proto proto)
{
	const struct service *sv = &m->svcs[s];
	for (size_t i = 0; i < sv->nports; i++)
		if (sv->ports[i].number == number && sv->ports[i].proto == proto)
			return (int)i;
	return -1;
}

void
model_service_add_port(struct model *m, int s, uint16_t number, enum proto proto, uint16_t target,
		       const char *target_name)
{
	struct service *sv = &m->svcs[s];
	xgrow(&sv->ports, &sv->ports_cap, sv->nports + 1, sizeof *sv->ports);
	sv->ports[sv->nports++] = (struct svc_port){ .number = number, .proto = proto, .target = target,
						      .target_name = target_name ? xstrdup(target_name) : NULL };
}

void
model_service_add_endpoint(struct model *m, int s, const struct svc_endpoint *e)
{
	struct service *sv = &m->svcs[s];
	xgrow(&sv->endpoints, &sv->endpoints_cap, sv->nendpoints + 1, sizeof *sv->endpoints);
	sv->endpoints[sv->nendpoints++] = *e;
}

bool
selector_add_match(struct selector *sel, const char *key, const char *value)
{
	if (labels_get(&sel->match, key) != NULL)
		return false;
	labels_add(&sel->match, key, value);
	return true;
}

void
selector_add_expression(struct selector *sel, struct expression *e)
{
	xgrow(&sel->expr, &sel->expr_cap, sel->nexpr + 1, sizeof *sel->expr);
	sel->expr[sel->nexpr++] = *e;
	memset(e, 0, sizeof *e);
}

void
peer_add_except(struct peer *p, uint32_t net, int len)
{
	/* Excepts are few: grow one at a time. */
	p->except_net = xreallocarray(p->except_net, p->nexcept + 1, sizeof *p->except_net);
	p->except_len = xreallocarray(p->except_len, p->nexcept + 1, sizeof *p->except_len);
	p->except_net[p->nexcept] = net;
	p->except_len[p->nexcept++] = len;
}

int
model_add_policy(struct model *m, const char *name, int ns, long line)
{
	xgrow(&m->pols, &m->pols_cap, m->npols + 1, sizeof *m->pols);
	struct policy *p = &m->pols[m->npols];
	memset(p, 0, sizeof *p);
	p->name = name ? xstrdup(name) : NULL;
	p->ns = ns;
	p->line = line;
	return (int)m->npols++;
}

void
model_policy_set_selector(struct model *m, int pol, struct selector *sel)
{
	selector_free(&m->pols[pol].pod_sel);
	m->pols[pol].pod_sel = *sel;
	memset(sel, 0, sizeof *sel);
}

void
model_policy_set_types(struct model *m, int pol, int types)
{
	m->pols[pol].types = types;
}

int
model_policy_add_rule(struct model *m, int pol, int dir)
{
	struct policy *p = &m->pols[pol];
	xgrow(&p->rules[dir], &p->rules_cap[dir], p->nrules[dir] + 1, sizeof *p->rules[dir]);
	memset(&p->rules[dir][p->nrules[dir]], 0, sizeof *p->rules[dir]);
	return (int)p->nrules[dir]++;
}

void
model_policy_add_peer(struct model *m, int pol, int dir, int rule, struct peer *peer)
{
	struct pol_rule *r = &m->pols[pol].rules[dir][rule];
	xgrow(&r->peers, &r->peers_cap, r->npeers + 1, sizeof *r->peers);
	r->peers[r->npeers++] = *peer;
	memset(peer, 0, sizeof *peer);
}

void
model_policy_add_port(struct model *m, int pol, int dir, int rule, const struct pol_port *pp)
{
	struct pol_rule *r = &m->pols[pol].rules[dir][rule];
	xgrow(&r->ports, &r->ports_cap, r->nports + 1, sizeof *r->ports);
	r->ports[r->nports] = *pp;
	r->ports[r->nports++].name = pp->name ? xstrdup(pp->name) : NULL;
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
	for (size_t i = 0; i < m->ncite_files; i++)
		free(m->cite_files[i]);
	free(m->cite_files);
	free(m->cites);
	free(m->name);
	free(m->version);
	free(m);
}

void
model_add_cite(struct model *m, long line, const char *file, long src_line, long src_col)
{
	/* A dump's objects come file by file: look further back only when the
	 * file changes. */
	const char *f = NULL;
	if (file != NULL) {
		for (size_t i = m->ncite_files; f == NULL && i-- > 0;)
			if (strcmp(m->cite_files[i], file) == 0)
				f = m->cite_files[i];
		if (f == NULL) {
			xgrow(&m->cite_files, &m->cite_files_cap, m->ncite_files + 1, sizeof *m->cite_files);
			f = m->cite_files[m->ncite_files++] = xstrdup(file);
		}
	}
	xgrow(&m->cites, &m->cites_cap, m->ncites + 1, sizeof *m->cites);
	m->cites[m->ncites++] = (struct model_cite){ line, f, src_line, src_col };
}

/* The cite that spec line `line` falls under, or NULL. */
static const struct model_cite *
cite_of(const struct model *m, long line)
{
	const struct model_cite *c = NULL;
	for (size_t lo = 0, hi = m->ncites; lo < hi;) {
		size_t mid = (lo + hi) / 2;
		if (m->cites[mid].line <= line) {
			c = &m->cites[mid];
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return c && c->file ? c : NULL;
}

void
model_cite_diag(const struct model *m, const struct diag *from, struct diag *to)
{
	for (size_t i = 0; i < diag_count(from); i++) {
		struct diag_entry e;
		diag_get(from, i, &e);
		if (m->ncites == 0) {
			diag_add(to, diag_file(from), &e);
			continue;
		}
		const struct model_cite *c = e.line > 0 ? cite_of(m, e.line) : NULL;
		e.line = c ? c->src_line : 0;
		e.col = c ? c->src_col : 0;
		diag_add(to, c ? c->file : diag_file(from), &e);
	}
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

int
model_set_address(struct model *m, int id, uint32_t addr)
{
	int old = model_claim_addr(m, addr, id);
	if (old == -1)
		m->v[id].addr = addr;
	return old;
}

void
model_set_namespace(struct model *m, int id, int ns)
{
	m->v[id].ns = ns;
}

bool
model_add_label(struct model *m, int id, const char *key, const char *value)
{
	struct labels *ls = &m->v[id].labels;
	if (labels_get(ls, key) != NULL)
		return false;
	labels_add(ls, key, value);
	return true;
}

void
model_set_workload(struct model *m, int id, const char *workload)
{
	free(m->v[id].workload);
	m->v[id].workload = xstrdup(workload);
}

void
model_set_pod_name(struct model *m, int id, const char *pod)
{
	free(m->v[id].pod_name);
	m->v[id].pod_name = xstrdup(pod);
}

void
model_set_version(struct model *m, const char *version)
{
	free(m->version);
	m->version = version ? xstrdup(version) : NULL;
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

void
model_add_expect(struct model *m, const struct expect *e)
{
	xgrow(&m->expects, &m->expects_cap, m->nexpects + 1, sizeof *m->expects);
	m->expects[m->nexpects++] = *e;
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

/* The number that daemon d's hostNetwork pod (d and the daemons of its
 * node with the same pod name and namespace) opens under name, or 0. */
static uint16_t
daemon_named_port(const struct model *m, const struct vertex *d, const char *name, enum proto proto)
{
	const struct vertex *node = &m->v[d->parent];
	for (size_t k = 0; k < node->nkids; k++) {
		const struct vertex *c = &m->v[node->kids[k]];
		if (c != d && (d->pod_name == NULL || c->pod_name == NULL || c->ns != d->ns ||
			       strcmp(c->pod_name, d->pod_name) != 0))
			continue;
		for (size_t j = 0; j < c->nports; j++)
			if (c->ports[j].name && c->ports[j].proto == proto && strcmp(c->ports[j].name, name) == 0)
				return c->ports[j].number;
	}
	return 0;
}

/* A daemon that an earlier daemon of its node represents: the same
 * hostNetwork pod gives one backend, not one per container. */
static bool
daemon_repeats_pod(const struct model *m, int id)
{
	const struct vertex *d = &m->v[id], *node = &m->v[d->parent];
	if (d->pod_name == NULL)
		return false;
	for (size_t k = 0; k < node->nkids && node->kids[k] != id; k++) {
		const struct vertex *c = &m->v[node->kids[k]];
		if (c->pod_name != NULL && c->ns == d->ns && strcmp(c->pod_name, d->pod_name) == 0)
			return true;
	}
	return false;
}

static void
add_backend(struct svc_flat *f, size_t *cap, struct backend b)
{
	xgrow(&f->backends, cap, f->nbackends + 1, sizeof *f->backends);
	f->backends[f->nbackends++] = b;
}

/* The backends of a port of a service with a selector: its pods, and the
 * hostNetwork daemons (those with a namespace), in document order. */
/* The pods and daemons of each namespace, in document order: selectors
 * only look inside their own namespace, so services and policies scan
 * those, not every vertex (at 150,000 pods and 10,000 services a scan of
 * every vertex per service port costs billions of steps). Members of
 * namespace k are id[first[k] ... first[k + 1]). */
struct members {
	size_t *first;
	int *id;
};

static void
members_build(const struct model *m, struct members *ns)
{
	ns->first = xcalloc(m->nns + 2, sizeof *ns->first);
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		if ((v->kind == V_POD || v->kind == V_DAEMON) && v->ns >= 0)
			ns->first[v->ns + 2]++;
	}
	for (size_t k = 2; k < m->nns + 2; k++)
		ns->first[k] += ns->first[k - 1];
	ns->id = xreallocarray(NULL, ns->first[m->nns + 1] + 1, sizeof *ns->id);
	/* first[k + 1] is the next free slot of namespace k while filling */
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		if ((v->kind == V_POD || v->kind == V_DAEMON) && v->ns >= 0)
			ns->id[ns->first[v->ns + 1]++] = (int)id;
	}
}

static void
members_free(struct members *ns)
{
	free(ns->first);
	free(ns->id);
}

static void
selected_backends(const struct model *m, const struct members *ns, const struct service *s, const struct svc_port *sp,
		  struct svc_flat *f)
{
	size_t cap = 0;
	const struct selector sel = { .match = s->selector };
	if (s->ns < 0)
		return;
	for (size_t i = ns->first[s->ns]; i < ns->first[s->ns + 1]; i++) {
		int id = ns->id[i];
		const struct vertex *v = &m->v[id];
		if (!selector_matches(&sel, &v->labels))
			continue;
		uint16_t port;
		if (v->kind == V_POD) {
			port = sp->target_name ? named_port(m, v, sp->target_name, sp->proto) : sp->target;
			if (port != 0)
				add_backend(f, &cap, (struct backend){ id, v->addr, port });
		} else if (!daemon_repeats_pod(m, id)) {
			port = sp->target_name ? daemon_named_port(m, v, sp->target_name, sp->proto) : sp->target;
			if (port != 0)
				add_backend(f, &cap, (struct backend){ id, m->v[v->parent].addr, port });
		}
	}
}

/* The backends of a port of a service without selector: its explicit
 * endpoints for that port; one at a pod's address is that pod's, any
 * other (a node's, or outside the cluster) is an address alone. */
static void
listed_backends(const struct model *m, const struct service *s, const struct svc_port *sp, struct svc_flat *f)
{
	size_t cap = 0;
	for (size_t i = 0; i < s->nendpoints; i++) {
		const struct svc_endpoint *e = &s->endpoints[i];
		if (e->service_port != sp->number || e->proto != sp->proto)
			continue;
		int owner = model_addr_owner(m, e->addr);
		add_backend(f, &cap, (struct backend){ owner >= 0 && m->v[owner].kind == V_POD ? owner : -1, e->addr,
						      e->port });
	}
}

/* Flatten service ports in document order and resolve their backends. */
static void
finish_services(struct model *m, const struct members *ns)
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
			if (s->has_selector)
				selected_backends(m, ns, s, sp, f);
			else
				listed_backends(m, s, sp, f);
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
finish_policies(struct model *m, const struct members *ns)
{
	for (size_t i = 0; i < m->npols; i++) {
		const struct policy *pol = &m->pols[i];
		if (pol->ns < 0)
			continue;
		for (size_t k = ns->first[pol->ns]; k < ns->first[pol->ns + 1]; k++) {
			struct vertex *pod = &m->v[ns->id[k]];
			if (pod->kind != V_POD || !selector_matches(&pol->pod_sel, &pod->labels))
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
	struct members ns;
	members_build(m, &ns);
	finish_services(m, &ns);
	finish_policies(m, &ns);
	members_free(&ns);
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

const char *
model_port_name(const struct model *m, int sw, uint16_t port, enum proto proto)
{
	const struct endpoint *ep = model_endpoint(m, sw, port, proto);
	if (ep == NULL)
		return NULL;
	const struct vertex *c = &m->v[ep->proc];
	for (size_t i = 0; i < c->nports; i++)
		if (c->ports[i].number == port && c->ports[i].proto == proto)
			return c->ports[i].name;
	return NULL;
}

int **
model_node_cuts(const struct model *m)
{
	int **cut = xcalloc(m->nnodes + 1, sizeof *cut);
	size_t *n = xcalloc(m->nnodes + 1, sizeof *n);
	/* two passes: count, then fill */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < m->ndown; i++) {
			int a = m->downs[i][0], b = m->downs[i][1];
			if (m->v[a].kind != V_NODE || m->v[b].kind != V_NODE)
				continue;
			for (int t = 0; t < 2; t++) {
				size_t x = (size_t)m->v[t ? b : a].idx;
				if (pass == 0)
					n[x]++;
				else
					cut[x][n[x]++] = t ? a : b;
			}
		}
		for (size_t i = 0; i < m->nnodes; i++) {
			if (pass == 0) {
				cut[i] = xreallocarray(NULL, n[i] + 1, sizeof **cut);
				n[i] = 0;
			} else {
				cut[i][n[i]] = -1;
			}
		}
	}
	free(n);
	return cut;
}

int **
model_node_lists(const struct model *m, size_t n, int (*node)(const void *ctx, size_t i), const void *ctx)
{
	size_t *k = xcalloc(m->nnodes + 1, sizeof *k);
	for (size_t i = 0; i < n; i++)
		k[m->v[node(ctx, i)].idx]++;
	int **lists = xcalloc(m->nnodes + 1, sizeof *lists);
	for (size_t x = 0; x < m->nnodes; x++) {
		lists[x] = xreallocarray(NULL, k[x] + 1, sizeof **lists);
		k[x] = 0;
	}
	for (size_t i = 0; i < n; i++) {
		size_t x = (size_t)m->v[node(ctx, i)].idx;
		lists[x][k[x]++] = (int)i;
	}
	for (size_t x = 0; x < m->nnodes; x++)
		lists[x][k[x]] = -1;
	free(k);
	return lists;
}

void
model_node_cuts_free(const struct model *m, int **cut)
{
	if (cut == NULL)
		return;
	for (size_t i = 0; i < m->nnodes; i++)
		free(cut[i]);
	free(cut);
}
