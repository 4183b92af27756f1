#include "config.h"
#include "connlist.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "engine.h"
#include "forward.h"
#include "hash.h"
#include "judge.h"
#include "reach.h"
#include "xalloc.h"

/* A peer. Workloads come first (in the order their first pod appears),
 * then the source atoms, then the destination atoms. */
struct cpeer {
	char *name, *short_name;
	bool external;
	int ns;         /* workloads: a namespace of m, or -1 */
	int rep;        /* workloads: the first pod (or hostNetwork daemon) */
	int *units;     /* workloads: their pods, as unit vertices */
	size_t nunits, units_cap;
	uint32_t lo, hi; /* externals */
	size_t rank;    /* place in byte order of names */
	int *isolating[2]; /* policies isolating it: [0] ingress, [1] egress */
	size_t nisolating[2], isolating_cap[2];
	/* workloads: the named ports of the first pod, gathered on first use
	 * (named rules are resolved once per candidate pair: keep it local) */
	struct nport *nports;
	size_t nnports;
	bool nports_done;
};

struct nport {
	const char *name;
	uint64_t hash;
	enum proto proto;
	uint16_t number;
};

struct cline {
	size_t src, dst;
	struct portset conns;
	size_t k, n;
};

struct connlist {
	const struct model *m;
	struct diag *d;
	bool delivered;
	struct cpeer *p;
	size_t np, p_cap, nwork, nsrc, ndst; /* [0,nwork) [.., +nsrc) [.., +ndst) */
	struct cline *lines;
	size_t nlines, lines_cap;
	int *unit_of; /* per vertex: the unit (pod, or first daemon of a hostNetwork pod); -1 */
	int *peer_of; /* per unit vertex: its workload; -1 */
	/* per namespace: its workloads; its policies */
	size_t **ns_work, *ns_nwork, *ns_work_cap;
	size_t **ns_pols, *ns_npols, *ns_pols_cap;
	bool *warned_named; /* per policy: the External named-port warning was given */
	/* The workloads each selector peer matches, computed once per peer
	 * (not once per source workload), sorted: by peer address. */
	struct hash *peer_index;
	struct wlist *wlists;
	size_t nwlists, wlists_cap;
	struct portset *scratch; /* per peer: what the current source's egress allows */
};

struct wlist {
	size_t *w;
	size_t n;
};

static void
push_size(size_t **a, size_t *n, size_t *cap, size_t v)
{
	xgrow(a, cap, *n + 1, sizeof **a);
	(*a)[(*n)++] = v;
}

static void
push_int(int **a, size_t *n, size_t *cap, int v)
{
	xgrow(a, cap, *n + 1, sizeof **a);
	(*a)[(*n)++] = v;
}

/* ---- peers ---- */

/* The hostNetwork pod of daemon id: its first daemon on the same node
 * with the same pod name (itself without one). */
static int
daemon_unit(const struct model *m, int id)
{
	const struct vertex *v = &m->v[id];
	if (v->pod_name == NULL)
		return id;
	const struct vertex *node = &m->v[v->parent];
	for (size_t i = 0; i < node->nkids; i++) {
		const struct vertex *k = &m->v[node->kids[i]];
		if (k->kind == V_DAEMON && k->pod_name && strcmp(k->pod_name, v->pod_name) == 0)
			return node->kids[i];
	}
	return id;
}

static bool
labels_equal(const struct labels *a, const struct labels *b)
{
	if (a->n != b->n)
		return false;
	for (size_t i = 0; i < a->n; i++) {
		const char *v = labels_get(b, a->l[i].key);
		if (v == NULL || strcmp(v, a->l[i].value) != 0)
			return false;
	}
	return true;
}

static const char *
ns_name(const struct model *m, int ns)
{
	return ns >= 0 ? m->ns[ns].name : "default";
}

/* Add unit u (a pod, or a hostNetwork pod's first daemon) to its
 * workload, creating the workload when u is its first pod. */
static void
add_unit(struct connlist *cl, struct hash *index, int u)
{
	const struct model *m = cl->m;
	const struct vertex *v = &m->v[u];
	const char *nsn = ns_name(m, v->ns);
	char *kind, *name;
	if (v->workload) {
		const char *slash = strchr(v->workload, '/');
		if (slash) {
			kind = xstrndup(v->workload, (size_t)(slash - v->workload));
			name = xstrdup(slash + 1);
		} else {
			kind = xstrdup("Pod");
			name = xstrdup(v->workload);
		}
	} else {
		kind = xstrdup("Pod");
		name = xstrdup(v->pod_name ? v->pod_name : v->name);
	}
	char *full = xasprintf("%s/%s[%s]", nsn, name, kind);
	uint64_t key = hash_string(full);
	size_t it = 0;
	int w;
	while ((w = hash_next(index, key, &it)) >= 0)
		if (strcmp(cl->p[w].name, full) == 0)
			break;
	if (w < 0) {
		xgrow(&cl->p, &cl->p_cap, cl->np + 1, sizeof *cl->p);
		w = (int)cl->np++;
		struct cpeer *p = &cl->p[w];
		memset(p, 0, sizeof *p);
		p->name = full;
		p->short_name = xasprintf("%s[%s]", name, kind);
		p->ns = v->ns;
		p->rep = u;
		hash_add(index, key, w);
	} else {
		free(full);
		const struct vertex *rep = &m->v[cl->p[w].rep];
		if (!labels_equal(&rep->labels, &v->labels))
			diag_warning_of(cl->d, "pods that differ in labels from their workload's first pod", v->line,
					"pods of workload %s differ in labels: %s and %s; %s stands for the workload",
					cl->p[w].name, v->pod_name ? v->pod_name : v->name,
					rep->pod_name ? rep->pod_name : rep->name, rep->pod_name ? rep->pod_name : rep->name);
	}
	free(kind);
	free(name);
	struct cpeer *p = &cl->p[w];
	push_int(&p->units, &p->nunits, &p->units_cap, u);
	cl->peer_of[u] = w;
}

static void
collect_workloads(struct connlist *cl)
{
	const struct model *m = cl->m;
	struct hash *index = hash_new();
	cl->unit_of = xmalloc((m->nv ? m->nv : 1) * sizeof *cl->unit_of);
	cl->peer_of = xmalloc((m->nv ? m->nv : 1) * sizeof *cl->peer_of);
	for (size_t i = 0; i < m->nv; i++) {
		cl->unit_of[i] = -1;
		cl->peer_of[i] = -1;
	}
	/* Pods and daemons in spec order: vertices are. */
	for (size_t i = 0; i < m->nv; i++) {
		const struct vertex *v = &m->v[i];
		if (v->kind == V_POD) {
			cl->unit_of[i] = (int)i;
			add_unit(cl, index, (int)i);
		} else if (v->kind == V_CONTAINER) {
			cl->unit_of[i] = v->parent;
		} else if (v->kind == V_DAEMON && v->workload) {
			int u = daemon_unit(m, (int)i);
			cl->unit_of[i] = u;
			if (u == (int)i)
				add_unit(cl, index, u);
		}
	}
	hash_free(index);
	cl->nwork = cl->np;
}

/* ---- External atoms ---- */

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t
prefix_end(uint32_t net, int len)
{
	return (uint64_t)net + (len == 0 ? (1ULL << 32) : (1ULL << (32 - len)));
}

/* The edges of an ip-block's address set (its CIDR minus its excepts). */
static void
block_edges(const struct peer *p, uint64_t **cuts, size_t *n, size_t *cap)
{
	/* Excepts may overlap: sort their intervals and walk the gaps. */
	size_t ne = p->nexcept;
	uint64_t (*ex)[2] = xmalloc((ne ? ne : 1) * sizeof *ex);
	for (size_t i = 0; i < ne; i++) {
		ex[i][0] = p->except_net[i];
		ex[i][1] = prefix_end(p->except_net[i], p->except_len[i]);
	}
	qsort(ex, ne, sizeof *ex, cmp_u64);
	uint64_t at = p->net, end = prefix_end(p->net, p->len);
	for (size_t i = 0; i <= ne; i++) {
		uint64_t gap_end = i < ne ? ex[i][0] : end;
		if (gap_end > at) {
			xgrow(cuts, cap, *n + 2, sizeof **cuts);
			(*cuts)[(*n)++] = at;
			(*cuts)[(*n)++] = gap_end;
		}
		if (i < ne && ex[i][1] > at)
			at = ex[i][1];
	}
	free(ex);
}

static bool
block_has(const struct peer *p, uint32_t a)
{
	if (!addr_in_prefix(a, p->net, p->len))
		return false;
	for (size_t i = 0; i < p->nexcept; i++)
		if (addr_in_prefix(a, p->except_net[i], p->except_len[i]))
			return false;
	return true;
}

/* The atoms of one direction (0: ingress `from`, sources; 1: egress `to`,
 * destinations), appended as peers. */
static size_t
collect_atoms(struct connlist *cl, int dir)
{
	const struct model *m = cl->m;
	uint64_t *cuts = NULL;
	size_t n = 0, cap = 0;
	xgrow(&cuts, &cap, 2, sizeof *cuts);
	cuts[n++] = 0;
	cuts[n++] = 1ULL << 32;
	for (size_t i = 0; i < m->npols; i++) {
		const struct policy *pol = &m->pols[i];
		for (size_t r = 0; r < pol->nrules[dir]; r++)
			for (size_t k = 0; k < pol->rules[dir][r].npeers; k++)
				if (pol->rules[dir][r].peers[k].is_block)
					block_edges(&pol->rules[dir][r].peers[k], &cuts, &n, &cap);
	}
	qsort(cuts, n, sizeof *cuts, cmp_u64);
	size_t atoms = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (cuts[i] == cuts[i + 1])
			continue;
		xgrow(&cl->p, &cl->p_cap, cl->np + 1, sizeof *cl->p);
		struct cpeer *p = &cl->p[cl->np++];
		memset(p, 0, sizeof *p);
		p->external = true;
		p->ns = -1;
		p->rep = -1;
		p->lo = (uint32_t)cuts[i];
		p->hi = (uint32_t)(cuts[i + 1] - 1);
		char a[16], b[16];
		p->short_name = xasprintf("%s-%s", addr_format(p->lo, a), addr_format(p->hi, b));
		p->name = xasprintf("%s[External]", p->short_name);
		atoms++;
	}
	free(cuts);
	return atoms;
}

/* ---- policies at the workload level ---- */

static const struct labels *
peer_labels(const struct connlist *cl, const struct cpeer *w)
{
	return &cl->m->v[w->rep].labels;
}

static bool
selects(const struct connlist *cl, const struct policy *pol, const struct cpeer *w)
{
	return w->ns == pol->ns && selector_matches(&pol->pod_sel, peer_labels(cl, w));
}

static void
find_isolation(struct connlist *cl)
{
	const struct model *m = cl->m;
	size_t nns = m->nns;
	cl->ns_work = xcalloc(nns + 1, sizeof *cl->ns_work);
	cl->ns_nwork = xcalloc(nns + 1, sizeof *cl->ns_nwork);
	cl->ns_work_cap = xcalloc(nns + 1, sizeof *cl->ns_work_cap);
	cl->ns_pols = xcalloc(nns + 1, sizeof *cl->ns_pols);
	cl->ns_npols = xcalloc(nns + 1, sizeof *cl->ns_npols);
	cl->ns_pols_cap = xcalloc(nns + 1, sizeof *cl->ns_pols_cap);
	for (size_t w = 0; w < cl->nwork; w++)
		if (cl->p[w].ns >= 0)
			push_size(&cl->ns_work[cl->p[w].ns], &cl->ns_nwork[cl->p[w].ns], &cl->ns_work_cap[cl->p[w].ns], w);
	for (size_t i = 0; i < m->npols; i++)
		if (m->pols[i].ns >= 0 && (size_t)m->pols[i].ns < nns)
			push_size(&cl->ns_pols[m->pols[i].ns], &cl->ns_npols[m->pols[i].ns],
				  &cl->ns_pols_cap[m->pols[i].ns], i);
	for (size_t n = 0; n < nns; n++)
		for (size_t k = 0; k < cl->ns_npols[n]; k++) {
			const struct policy *pol = &m->pols[cl->ns_pols[n][k]];
			for (size_t j = 0; j < cl->ns_nwork[n]; j++) {
				struct cpeer *w = &cl->p[cl->ns_work[n][j]];
				if (!selects(cl, pol, w))
					continue;
				for (int dir = 0; dir < 2; dir++)
					if (pol->types & (dir == 0 ? DIR_INGRESS : DIR_EGRESS))
						push_int(&w->isolating[dir], &w->nisolating[dir], &w->isolating_cap[dir],
							 (int)cl->ns_pols[n][k]);
			}
		}
}

/* Does peer p of policy pol match peer x (a workload or an atom)? */
static const struct wlist *peer_workloads(struct connlist *cl, const struct policy *pol, const struct peer *p);
static bool wlist_has(const struct wlist *l, size_t w);

static bool
peer_matches(struct connlist *cl, const struct policy *pol, const struct peer *p, const struct cpeer *x)
{
	if (x->external)
		return p->is_block && block_has(p, x->lo);
	if (p->is_block || x->ns < 0)
		return false;
	return wlist_has(peer_workloads(cl, pol, p), (size_t)(x - cl->p));
}

static bool
rule_matches(struct connlist *cl, const struct policy *pol, const struct pol_rule *r, const struct cpeer *x)
{
	if (r->npeers == 0)
		return true;
	for (size_t i = 0; i < r->npeers; i++)
		if (peer_matches(cl, pol, &r->peers[i], x))
			return true;
	return false;
}

/* The number of the port named name, protocol proto, of workload w's
 * first pod (its containers, or its hostNetwork pod's daemons); 0. */
static uint16_t
named_port(const struct connlist *cl, struct cpeer *w, const char *name, enum proto proto)
{
	const struct model *m = cl->m;
	if (!w->nports_done) {
		const struct vertex *rep = &m->v[w->rep];
		const struct vertex *owner = rep->kind == V_POD ? rep : &m->v[rep->parent];
		size_t cap = 0;
		for (size_t i = 0; i < owner->nkids; i++) {
			const struct vertex *c = &m->v[owner->kids[i]];
			if (rep->kind == V_DAEMON && cl->unit_of[owner->kids[i]] != w->rep)
				continue;
			for (size_t k = 0; k < c->nports; k++)
				if (c->ports[k].name) {
					xgrow(&w->nports, &cap, w->nnports + 1, sizeof *w->nports);
					w->nports[w->nnports++] = (struct nport){ c->ports[k].name,
						hash_string(c->ports[k].name), c->ports[k].proto, c->ports[k].number };
				}
		}
		w->nports_done = true;
	}
	if (w->nnports == 0)
		return 0;
	uint64_t h = hash_string(name);
	for (size_t i = 0; i < w->nnports; i++)
		if (w->nports[i].hash == h && w->nports[i].proto == proto && strcmp(w->nports[i].name, name) == 0)
			return w->nports[i].number;
	return 0;
}

/* Add the ports rule r of pol allows towards destination dst. */
static void
rule_ports(struct connlist *cl, const struct policy *pol, const struct pol_rule *r, struct cpeer *dst,
	   struct portset *out)
{
	if (r->nports == 0) {
		portset_add_all(out);
		return;
	}
	for (size_t i = 0; i < r->nports; i++) {
		const struct pol_port *pp = &r->ports[i];
		if (pp->name) {
			if (dst->external) {
				size_t pi = (size_t)(pol - cl->m->pols);
				if (!cl->warned_named[pi])
					diag_warning_of(cl->d, "policies whose named port meets an External address",
							pol->line, "policy %s/%s: named port %s matches no External address",
							ns_name(cl->m, pol->ns), pol->name, pp->name);
				cl->warned_named[pi] = true;
				continue;
			}
			uint16_t n = named_port(cl, dst, pp->name, pp->proto);
			if (n)
				portset_add(out, pp->proto, n, n);
		} else if (!pp->has_number) {
			portset_add_proto(out, pp->proto);
		} else {
			portset_add(out, pp->proto, pp->number, pp->end ? pp->end : pp->number);
		}
	}
}

/* What dst's ingress allows from src (dst a workload). */
static void
ingress_allows(struct connlist *cl, struct cpeer *dst, const struct cpeer *src, struct portset *out)
{
	if (dst->nisolating[0] == 0) {
		portset_add_all(out);
		return;
	}
	for (size_t i = 0; i < dst->nisolating[0] && !portset_full(out); i++) {
		const struct policy *pol = &cl->m->pols[dst->isolating[0][i]];
		for (size_t k = 0; k < pol->nrules[0]; k++)
			if (rule_matches(cl, pol, &pol->rules[0][k], src))
				rule_ports(cl, pol, &pol->rules[0][k], dst, out);
	}
}

static void
add_line(struct connlist *cl, size_t src, size_t dst, struct portset *conns, size_t k, size_t n)
{
	xgrow(&cl->lines, &cl->lines_cap, cl->nlines + 1, sizeof *cl->lines);
	struct cline *l = &cl->lines[cl->nlines++];
	l->src = src;
	l->dst = dst;
	l->conns = *conns; /* taken over */
	memset(conns, 0, sizeof *conns);
	l->k = k;
	l->n = n;
}

static int cmp_size(const void *a, const void *b);

/* The workloads that selector peer p of pol matches (cached). */
static const struct wlist *
peer_workloads(struct connlist *cl, const struct policy *pol, const struct peer *p)
{
	uint64_t key = (uint64_t)(uintptr_t)p;
	size_t it = 0;
	int x = hash_next(cl->peer_index, key, &it);
	if (x >= 0)
		return &cl->wlists[x];
	struct wlist l = { 0 };
	size_t cap = 0;
	size_t from = p->has_ns_sel ? 0 : (size_t)pol->ns, to = p->has_ns_sel ? cl->m->nns : (size_t)pol->ns + 1;
	for (size_t n = from; n < to && pol->ns >= 0; n++) {
		if (p->has_ns_sel && !selector_matches(&p->ns_sel, &cl->m->ns[n].labels))
			continue;
		for (size_t j = 0; j < cl->ns_nwork[n]; j++) {
			size_t w = cl->ns_work[n][j];
			if (!p->has_pod_sel || selector_matches(&p->pod_sel, peer_labels(cl, &cl->p[w])))
				push_size(&l.w, &l.n, &cap, w);
		}
	}
	if (l.n > 0)
		qsort(l.w, l.n, sizeof *l.w, cmp_size);
	xgrow(&cl->wlists, &cl->wlists_cap, cl->nwlists + 1, sizeof *cl->wlists);
	cl->wlists[cl->nwlists] = l;
	hash_add(cl->peer_index, key, (int)cl->nwlists);
	return &cl->wlists[cl->nwlists++];
}

static bool
wlist_has(const struct wlist *l, size_t w)
{
	size_t lo = 0, hi = l->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->w[mid] < w)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < l->n && l->w[lo] == w;
}

/* Add to scratch[t] what rule r of pol allows towards target t. */
static void
allow_target(struct connlist *cl, const struct policy *pol, const struct pol_rule *r, size_t t, size_t *touched,
	     size_t *nt)
{
	if (portset_empty(&cl->scratch[t]))
		touched[(*nt)++] = t;
	rule_ports(cl, pol, r, &cl->p[t], &cl->scratch[t]);
}

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* The policy-level lines from source s. */
static void
lines_from(struct connlist *cl, size_t s, size_t *touched)
{
	const struct cpeer *src = &cl->p[s];
	size_t first_dst = cl->nwork + cl->nsrc, nt = 0;
	bool isolated = !src->external && src->nisolating[1] > 0;
	if (isolated) {
		/* Only what some egress rule names can be reached: walk each
		 * rule's targets once, adding its ports to theirs. */
		for (size_t i = 0; i < src->nisolating[1]; i++) {
			const struct policy *pol = &cl->m->pols[src->isolating[1][i]];
			for (size_t k = 0; k < pol->nrules[1]; k++) {
				const struct pol_rule *r = &pol->rules[1][k];
				if (r->npeers == 0)
					for (size_t t = 0; t < cl->np; t++)
						if (t < cl->nwork || t >= first_dst)
							allow_target(cl, pol, r, t, touched, &nt);
				for (size_t j = 0; j < r->npeers; j++) {
					const struct peer *p = &r->peers[j];
					if (p->is_block) {
						for (size_t t = first_dst; t < cl->np; t++)
							if (block_has(p, cl->p[t].lo))
								allow_target(cl, pol, r, t, touched, &nt);
						continue;
					}
					const struct wlist *l = peer_workloads(cl, pol, p);
					for (size_t q = 0; q < l->n; q++)
						allow_target(cl, pol, r, l->w[q], touched, &nt);
				}
			}
		}
		qsort(touched, nt, sizeof *touched, cmp_size);
	} else {
		for (size_t t = 0; t < cl->nwork; t++)
			touched[nt++] = t;
		if (!src->external)
			for (size_t t = first_dst; t < cl->np; t++)
				touched[nt++] = t;
	}
	struct portset in = { 0 };
	for (size_t i = 0; i < nt; i++) {
		size_t t = touched[i];
		/* A target may be touched with no port (a named port it lacks). */
		if (i > 0 && touched[i - 1] == t)
			continue;
		struct portset *eg = &cl->scratch[t];
		if (!isolated)
			portset_add_all(eg);
		if (t == s || portset_empty(eg)) {
			portset_clear(eg);
			continue;
		}
		struct cpeer *dst = &cl->p[t];
		portset_clear(&in);
		if (dst->external)
			portset_add_all(&in);
		else
			ingress_allows(cl, dst, src, &in);
		portset_intersect(&in, eg);
		portset_clear(eg);
		if (!portset_empty(&in))
			add_line(cl, s, t, &in, 0, 0);
	}
	portset_clear(&in);
}

/* ---- delivered: the Network Graph ---- */

/* The distinct D(a, b) of one workload pair, with how many pod pairs had
 * each. */
struct dset {
	struct portset s;
	size_t count;
};

struct dpair {
	size_t a, b; /* workloads */
	struct dset *sets;
	size_t nsets, sets_cap;
};

static void
compute_delivered(struct connlist *cl)
{
	const struct model *m = cl->m;
	struct engine *e = engine_new(m);
	struct hash *pairs = hash_new();
	struct dpair *dp = NULL;
	size_t ndp = 0, dp_cap = 0;
	/* D(a, b) for the current unit a, per unit b. */
	struct portset *cur = xcalloc(m->nv ? m->nv : 1, sizeof *cur);
	size_t *touched = xmalloc((m->nv ? m->nv : 1) * sizeof *touched), nt = 0;
	int node = -1;
	for (size_t w = 0; w < cl->nwork; w++) {
		const struct cpeer *A = &cl->p[w];
		for (size_t u = 0; u < A->nunits; u++) {
			int a = A->units[u];
			const struct vertex *av = &m->v[a];
			int n = av->parent; /* a pod's or a daemon's node */
			if (n != node)
				engine_forget(e);
			node = n;
			/* The senders of unit a: a pod's containers, a hostNetwork
			 * pod's daemons. */
			const struct vertex *owner = av->kind == V_POD ? av : &m->v[av->parent];
			for (size_t c = 0; c < owner->nkids; c++) {
				int s = owner->kids[c];
				if (cl->unit_of[s] != a)
					continue;
				size_t nd;
				struct dest *d = reach_dests(m, s, PORTS_OPEN, &nd);
				for (size_t k = 0; k < nd; k++) {
					if (d[k].addr == ADDR_LOOPBACK)
						continue;
					const struct fate *f;
					size_t nf = engine_fates(e, s, &d[k], &f);
					for (size_t i = 0; i < nf; i++) {
						/* judge.h: delivered to the process that opened the
						 * port, as every view counts it */
						if (judge_fate(m, s, &d[k], &f[i]) != JUDGE_DELIVERED)
							continue;
						uint16_t port = f[i].dnat >= 0 ? f[i].dnat_port : d[k].port;
						int b = cl->unit_of[f[i].receiver];
						if (b < 0 || cl->peer_of[b] < 0 || (size_t)cl->peer_of[b] == w)
							continue;
						if (portset_empty(&cur[b]))
							touched[nt++] = (size_t)b;
						portset_add(&cur[b], d[k].proto, port, port);
					}
				}
				free(d);
			}
			/* Fold D(a, .) into the workload pairs. */
			for (size_t i = 0; i < nt; i++) {
				size_t b = touched[i], B = (size_t)cl->peer_of[b];
				uint64_t key = ((uint64_t)w << 32) | B;
				size_t it = 0;
				int x = hash_next(pairs, key, &it);
				if (x < 0) {
					xgrow(&dp, &dp_cap, ndp + 1, sizeof *dp);
					x = (int)ndp++;
					dp[x] = (struct dpair){ .a = w, .b = B };
					hash_add(pairs, key, x);
				}
				struct dpair *p = &dp[x];
				size_t j = 0;
				while (j < p->nsets && !portset_equal(&p->sets[j].s, &cur[b]))
					j++;
				if (j == p->nsets) {
					xgrow(&p->sets, &p->sets_cap, p->nsets + 1, sizeof *p->sets);
					p->sets[p->nsets++] = (struct dset){ .s = cur[b], .count = 1 };
					memset(&cur[b], 0, sizeof cur[b]);
				} else {
					p->sets[j].count++;
					portset_clear(&cur[b]);
				}
			}
			nt = 0;
		}
	}
	for (size_t i = 0; i < ndp; i++) {
		struct dpair *p = &dp[i];
		struct portset all = { 0 };
		for (size_t j = 0; j < p->nsets; j++)
			portset_union(&all, &p->sets[j].s);
		size_t k = 0;
		for (size_t j = 0; j < p->nsets; j++) {
			if (portset_equal(&p->sets[j].s, &all))
				k += p->sets[j].count;
			portset_clear(&p->sets[j].s);
		}
		free(p->sets);
		add_line(cl, p->a, p->b, &all, k, cl->p[p->a].nunits * cl->p[p->b].nunits);
	}
	free(dp);
	free(cur);
	free(touched);
	hash_free(pairs);
	engine_free(e);
}

/* ---- the result ---- */

/* qsort_r's comparators: peers is cl->p, the peers that the sorted
 * indices name. */
static int
cmp_peer_name(const void *a, const void *b, void *peers)
{
	const struct cpeer *p = peers;
	return strcmp(p[*(const size_t *)a].name, p[*(const size_t *)b].name);
}

static int
cmp_line(const void *a, const void *b, void *peers)
{
	const struct cpeer *p = peers;
	const struct cline *x = a, *y = b;
	size_t xs = p[x->src].rank, ys = p[y->src].rank;
	if (xs != ys)
		return xs < ys ? -1 : 1;
	size_t xd = p[x->dst].rank, yd = p[y->dst].rank;
	return xd < yd ? -1 : xd > yd;
}

static struct connlist *compute(const struct model *m, bool delivered, size_t max_lines, struct diag *d);

struct connlist *
connlist_compute(const struct model *m, bool delivered, struct diag *d)
{
	return compute(m, delivered, 0, d);
}

struct connlist *
connlist_compute_max(const struct model *m, size_t max_lines, struct diag *d)
{
	struct connlist *cl = compute(m, false, max_lines, d);
	if (cl->nlines > max_lines) {
		connlist_free(cl);
		return NULL;
	}
	return cl;
}

static struct connlist *
compute(const struct model *m, bool delivered, size_t max_lines, struct diag *d)
{
	struct connlist *cl = xcalloc(1, sizeof *cl);
	cl->m = m;
	/* Without a list of the caller's, warnings go to one of ours. */
	struct diag *own = d ? NULL : diag_new("-");
	cl->d = d ? d : own;
	cl->delivered = delivered;
	cl->warned_named = xcalloc(m->npols + 1, sizeof *cl->warned_named);
	cl->peer_index = hash_new();
	collect_workloads(cl);
	find_isolation(cl);
	if (delivered) {
		compute_delivered(cl);
	} else {
		cl->nsrc = collect_atoms(cl, 0);
		cl->ndst = collect_atoms(cl, 1);
		cl->scratch = xcalloc(cl->np + 1, sizeof *cl->scratch);
		/* A target can be touched once per rule that names it. */
		size_t *touched = NULL, cap = 0;
		for (size_t s = 0; s < cl->nwork + cl->nsrc && (max_lines == 0 || cl->nlines <= max_lines); s++) {
			size_t need = 0;
			const struct cpeer *src = &cl->p[s];
			for (size_t i = 0; !src->external && i < src->nisolating[1]; i++) {
				const struct policy *pol = &cl->m->pols[src->isolating[1][i]];
				for (size_t k = 0; k < pol->nrules[1]; k++)
					need += pol->rules[1][k].npeers ? pol->rules[1][k].npeers : 1;
			}
			xgrow(&touched, &cap, (need + 1) * (cl->np + 1), sizeof *touched);
			lines_from(cl, s, touched);
		}
		free(touched);
		free(cl->scratch);
		cl->scratch = NULL;
	}
	/* Ranks in byte order of names, then the lines in that order. */
	size_t *order = xmalloc((cl->np + 1) * sizeof *order);
	for (size_t i = 0; i < cl->np; i++)
		order[i] = i;
	qsort_r(order, cl->np, sizeof *order, cmp_peer_name, cl->p);
	for (size_t i = 0; i < cl->np; i++)
		cl->p[order[i]].rank = i;
	if (cl->nlines > 0) /* qsort's array may not be NULL, even empty */
		qsort_r(cl->lines, cl->nlines, sizeof *cl->lines, cmp_line, cl->p);
	free(order);
	diag_free(own);
	cl->d = NULL;
	return cl;
}

void
connlist_free(struct connlist *cl)
{
	if (cl == NULL)
		return;
	for (size_t i = 0; i < cl->np; i++) {
		free(cl->p[i].name);
		free(cl->p[i].short_name);
		free(cl->p[i].units);
		free(cl->p[i].isolating[0]);
		free(cl->p[i].isolating[1]);
		free(cl->p[i].nports);
	}
	free(cl->p);
	for (size_t i = 0; i < cl->nlines; i++)
		portset_clear(&cl->lines[i].conns);
	free(cl->lines);
	for (size_t n = 0; n <= cl->m->nns; n++) {
		free(cl->ns_work[n]);
		free(cl->ns_pols[n]);
	}
	free(cl->ns_work);
	free(cl->ns_nwork);
	free(cl->ns_work_cap);
	free(cl->ns_pols);
	free(cl->ns_npols);
	free(cl->ns_pols_cap);
	free(cl->unit_of);
	free(cl->peer_of);
	free(cl->warned_named);
	for (size_t i = 0; i < cl->nwlists; i++)
		free(cl->wlists[i].w);
	free(cl->wlists);
	hash_free(cl->peer_index);
	free(cl);
}

size_t
connlist_npeers(const struct connlist *cl)
{
	return cl->np;
}

void
connlist_peer(const struct connlist *cl, size_t i, struct connlist_peer *out)
{
	const struct cpeer *p = &cl->p[i];
	out->name = p->name;
	out->external = p->external;
	out->ns = p->external ? NULL : ns_name(cl->m, p->ns);
	out->short_name = p->short_name;
	out->npods = p->nunits;
}

const int *
connlist_peer_pods(const struct connlist *cl, size_t i, size_t *n)
{
	*n = cl->p[i].nunits;
	return cl->p[i].units;
}

size_t
connlist_nlines(const struct connlist *cl)
{
	return cl->nlines;
}

void
connlist_line(const struct connlist *cl, size_t i, struct connlist_line *out)
{
	const struct cline *l = &cl->lines[i];
	out->src = l->src;
	out->dst = l->dst;
	out->conns = &l->conns;
	out->k = l->k;
	out->n = l->n;
}

/* "NS/NAME" of a workload's printed name (without "[KIND]") matches s. */
static bool
name_is(const char *printed, const char *s, size_t len)
{
	const char *br = strrchr(printed, '[');
	size_t n = br ? (size_t)(br - printed) : strlen(printed);
	return n == len && memcmp(printed, s, len) == 0;
}

long
connlist_find(const struct connlist *cl, const char *s, char **cause)
{
	long found = -1;
	size_t nfound = 0;
	char *list = NULL;
	size_t list_len = 0;
	FILE *f = xopen_memstream(&list, &list_len);
	bool qualified = strchr(s, '/') != NULL;
	for (size_t i = 0; i < cl->nwork; i++) {
		const struct cpeer *p = &cl->p[i];
		bool hit;
		if (strcmp(p->name, s) == 0)
			hit = true;
		else if (qualified)
			hit = name_is(p->name, s, strlen(s));
		else
			hit = name_is(p->short_name, s, strlen(s));
		if (hit) {
			fprintf(f, "%s%s", nfound ? ", " : "", p->name);
			found = (long)i;
			nfound++;
		}
	}
	bool close = false;
	if (nfound == 0) {
		/* No match: the workloads whose name holds s, else all. */
		size_t shown = 0;
		for (int pass = 0; pass < 2 && shown == 0; pass++) {
			close = pass == 0;
			for (size_t i = 0; i < cl->nwork; i++)
				if (pass == 1 || strstr(cl->p[i].name, s)) {
					if (shown < 20)
						fprintf(f, "%s%s", shown ? ", " : "", cl->p[i].name);
					shown++;
				}
		}
		if (shown > 20)
			fprintf(f, ", ... (%zu in all)", shown);
	}
	if (fclose(f) != 0) /* a memory stream fails only for want of memory */
		xalloc_die();
	if (nfound == 1) {
		free(list);
		*cause = NULL;
		return found;
	}
	if (nfound > 1)
		*cause = xasprintf("--focus %s: %zu workloads match: %s", s, nfound, list);
	else if (cl->nwork == 0)
		*cause = xasprintf("--focus %s: no workload matches (the spec has none)", s);
	else
		*cause = xasprintf("--focus %s: no workload matches; %s: %s", s, close ? "did you mean" : "workloads", list);
	free(list);
	return -1;
}

bool
connlist_parse_format(const char *s, enum connlist_format *out)
{
	static const struct {
		const char *name;
		enum connlist_format f;
	} t[] = { { "txt", CONNLIST_TXT }, { "text", CONNLIST_TXT }, { "csv", CONNLIST_CSV },
		  { "json", CONNLIST_JSON }, { "md", CONNLIST_MD }, { "dot", CONNLIST_DOT } };
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (strcmp(s, t[i].name) == 0) {
			*out = t[i].f;
			return true;
		}
	return false;
}

static void
write_csv_field(FILE *f, const char *s)
{
	if (strpbrk(s, ",\"\n") == NULL) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

static void
write_json_string(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else if (c == '<' || c == '>' || c == '&') /* as Go's encoding/json */
			fprintf(f, "\\u%04x", c);
		else
			putc(c, f);
	}
	putc('"', f);
}

/* A DOT id: a quoted string. */
static void
write_dot_id(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

static char *
line_conns(const struct connlist *cl, const struct cline *l)
{
	char *c = portset_format(&l->conns);
	if (cl->delivered && l->k < l->n) {
		char *p = xasprintf("%s (partial: %zu of %zu pod pairs)", c, l->k, l->n);
		free(c);
		return p;
	}
	return c;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
write_dot(const struct connlist *cl, FILE *f, long focus)
{
	/* The peers on some line kept (every workload when no focus). */
	bool *shown = xcalloc(cl->np + 1, sizeof *shown);
	for (size_t i = 0; i < cl->nwork; i++)
		shown[i] = focus < 0;
	if (focus >= 0)
		shown[focus] = true;
	for (size_t i = 0; i < cl->nlines; i++) {
		const struct cline *l = &cl->lines[i];
		if (focus >= 0 && l->src != (size_t)focus && l->dst != (size_t)focus)
			continue;
		shown[l->src] = shown[l->dst] = true;
	}
	fputs("digraph {\n", f);
	/* Namespaces in byte order, each a cluster. */
	const char **names = xmalloc((cl->np + 1) * sizeof *names);
	size_t nn = 0;
	for (size_t i = 0; i < cl->nwork; i++)
		if (shown[i])
			names[nn++] = ns_name(cl->m, cl->p[i].ns);
	qsort(names, nn, sizeof *names, cmp_str);
	size_t *order = xmalloc((cl->np + 1) * sizeof *order);
	for (size_t i = 0; i < cl->np; i++)
		order[cl->p[i].rank] = i;
	for (size_t i = 0; i < nn; i++) {
		if (i > 0 && strcmp(names[i], names[i - 1]) == 0)
			continue;
		fputs("\tsubgraph ", f);
		char *cid = xasprintf("cluster_%s", names[i]);
		write_dot_id(f, cid);
		free(cid);
		fputs(" {\n\t\tcolor=\"black\"\n\t\tfontcolor=\"black\"\n", f);
		for (size_t r = 0; r < cl->np; r++) {
			const struct cpeer *p = &cl->p[order[r]];
			if (p->external || !shown[order[r]] || strcmp(ns_name(cl->m, p->ns), names[i]) != 0)
				continue;
			fputs("\t\t", f);
			write_dot_id(f, p->name);
			fputs(" [label=", f);
			write_dot_id(f, p->short_name);
			fputs(" color=\"blue\" fontcolor=\"blue\"]\n", f);
		}
		fputs("\t\tlabel=", f);
		write_dot_id(f, names[i]);
		fputs("\n\t}\n", f);
	}
	for (size_t r = 0; r < cl->np; r++) {
		const struct cpeer *p = &cl->p[order[r]];
		if (!p->external || !shown[order[r]])
			continue;
		/* A source and a destination atom may be the same range. */
		if (r > 0 && cl->p[order[r - 1]].external && shown[order[r - 1]] &&
		    strcmp(cl->p[order[r - 1]].name, p->name) == 0)
			continue;
		fputs("\t", f);
		write_dot_id(f, p->name);
		fputs(" [label=", f);
		write_dot_id(f, p->short_name);
		fputs(" color=\"red2\" fontcolor=\"red2\"]\n", f);
	}
	for (size_t i = 0; i < cl->nlines; i++) {
		const struct cline *l = &cl->lines[i];
		if (focus >= 0 && l->src != (size_t)focus && l->dst != (size_t)focus)
			continue;
		char *c = line_conns(cl, l);
		fputs("\t", f);
		write_dot_id(f, cl->p[l->src].name);
		fputs(" -> ", f);
		write_dot_id(f, cl->p[l->dst].name);
		fputs(" [label=", f);
		write_dot_id(f, c);
		fputs(" color=\"gold2\" fontcolor=\"darkgreen\"]\n", f);
		free(c);
	}
	fputs("}\n", f);
	free(order);
	free(names);
	free(shown);
}

void
connlist_write(const struct connlist *cl, FILE *f, enum connlist_format fmt, long focus)
{
	if (fmt == CONNLIST_DOT) {
		write_dot(cl, f, focus);
		return;
	}
	if (fmt == CONNLIST_CSV)
		fputs("src,dst,conn\n", f);
	else if (fmt == CONNLIST_MD)
		fputs("| src | dst | conn |\n|-----|-----|------|\n", f);
	else if (fmt == CONNLIST_JSON)
		fputs("[", f);
	bool first = true;
	for (size_t i = 0; i < cl->nlines; i++) {
		const struct cline *l = &cl->lines[i];
		if (focus >= 0 && l->src != (size_t)focus && l->dst != (size_t)focus)
			continue;
		const char *src = cl->p[l->src].name, *dst = cl->p[l->dst].name;
		char *c = line_conns(cl, l);
		switch (fmt) {
		case CONNLIST_TXT:
			fprintf(f, "%s => %s : %s\n", src, dst, c);
			break;
		case CONNLIST_CSV:
			write_csv_field(f, src);
			putc(',', f);
			write_csv_field(f, dst);
			putc(',', f);
			write_csv_field(f, c);
			putc('\n', f);
			break;
		case CONNLIST_MD:
			fprintf(f, "| %s | %s | %s |\n", src, dst, c);
			break;
		case CONNLIST_JSON:
			fputs(first ? "\n  {\n    \"src\": " : ",\n  {\n    \"src\": ", f);
			write_json_string(f, src);
			fputs(",\n    \"dst\": ", f);
			write_json_string(f, dst);
			fputs(",\n    \"conn\": ", f);
			write_json_string(f, c);
			fputs("\n  }", f);
			break;
		case CONNLIST_DOT:
			break;
		}
		first = false;
		free(c);
	}
	if (fmt == CONNLIST_JSON)
		fputs(first ? "]\n" : "\n]\n", f);
}
