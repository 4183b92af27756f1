#include "config.h"
#include "sweep.h"
#include "dclass.h"
#include "engine.h"
#include "fib.h"
#include "hash.h"
#include "judge.h"
#include "policy.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

bool
sweep_fate_faulty(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	enum judge_class c = judge_fate(m, sender, d, f);
	return c != JUDGE_DELIVERED && c != JUDGE_DENIED && c != JUDGE_OUTSIDE;
}

/* ---- the first faulty pairs, key (sender, place in its destinations) ---- */

struct cand {
	uint64_t key;
	int sender;
	struct dest d;
};

/* A max-heap of the keep smallest keys offered. */
struct cands {
	struct cand *c;
	size_t n, cap, keep;
};

static void
swap(struct cand *a, struct cand *b)
{
	struct cand t = *a;
	*a = *b;
	*b = t;
}

/* False when key is not among the keep smallest so far (nor would a larger one be). */
static bool
offer(struct cands *h, uint64_t key, int sender, const struct dest *d)
{
	if (h->n < h->keep) {
		xgrow(&h->c, &h->cap, h->n + 1, sizeof *h->c);
		size_t i = h->n++;
		h->c[i] = (struct cand){ key, sender, *d };
		for (; i > 0 && h->c[(i - 1) / 2].key < h->c[i].key; i = (i - 1) / 2)
			swap(&h->c[i], &h->c[(i - 1) / 2]);
		return true;
	}
	if (h->keep == 0 || key >= h->c[0].key)
		return false;
	h->c[0] = (struct cand){ key, sender, *d };
	for (size_t i = 0;;) {
		size_t l = 2 * i + 1, r = l + 1, big = i;
		if (l < h->n && h->c[l].key > h->c[big].key)
			big = l;
		if (r < h->n && h->c[r].key > h->c[big].key)
			big = r;
		if (big == i)
			break;
		swap(&h->c[i], &h->c[big]);
		i = big;
	}
	return true;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* ---- senders ---- */

/* Senders of one node that fare alike: a regular pod's containers of one
 * kind, or the node's daemons. */
struct group {
	int node, kind;
	int *s; /* senders, in procs order */
	size_t n, cap;
};

/* (daemon or container, source class, egress policies). */
struct kind {
	int cls, eg;  /* source class, egress policy set (0: none) */
	bool daemon;
	int *g; /* its groups, in procs order */
	size_t n, cap;
	uint64_t senders;
	bool ascending;              /* each group's senders after the previous group's */
	uint64_t agg[CELL_KINDS];    /* MX_TOTALS: destinations where its groups had cell c */
};

/* A copy of one sender's fates (the engine's answer lives until its next call). */
struct copy {
	struct fate *f;
	size_t n, cap;
	int *path;
	size_t path_cap;
};

struct sweep {
	const struct model *m;
	struct matrix *x;
	struct engine *e;
	struct group *g;
	size_t ng, g_cap;
	struct kind *k;
	size_t nk, k_cap;
	int *alone; /* senders walked one by one, in procs order */
	size_t nalone, alone_cap;
	int **node_groups; /* by node idx: its groups, -1 ended */
	int *override_nodes;
	size_t noverride;
	int **cut;           /* by node idx: nodes it has a down link to, -1 ended */
	unsigned char *mark; /* by node idx: special for the current (destination, kind) */
	int *marked;
	size_t nmarked, marked_cap;
	int *sp; /* special groups of the current (destination, kind) */
	size_t nsp, sp_cap;
	struct cands h;
	uint64_t faulty;
	struct copy c0, c1;
	/* Destination classes (dclass_*): on when no rule matches on the
	 * source and the egress ip-blocks are at most 64. */
	bool classes;
	struct dclass *dc;
	struct hash *dindex;        /* class key -> dents */
	struct dent *dents;
	size_t ndents, dents_cap, dent_bytes;
	uint64_t total;             /* senders of every kind */
	uint64_t dflt[CELL_KINDS];  /* MX_TOTALS: class destinations where every unlisted kind had cell c */
	unsigned char *cell;        /* by kind, scratch */
};

/* A destination class: pods (or nodes) that every policy tells apart
 * only by what the key holds, at one port; how each kind fares there. */
struct dent {
	int q; /* the pod or node it was computed for */
	uint16_t port;
	enum proto proto;
	bool ok;  /* false: some kind's walk was not the plain one */
	unsigned char def; /* the cell of every kind not listed */
	struct { int kind; unsigned char cell; } *list; /* CELL_KINDS: walk its groups */
	size_t nlist;
	struct fate fate[CELL_KINDS]; /* a fate of each cell (no path), and its sender */
	int sender[CELL_KINDS];
};

static int
node_of(const struct model *m, int s)
{
	const struct vertex *v = &m->v[s];
	return v->kind == V_DAEMON ? v->parent : m->v[v->parent].parent;
}

/* Pods isolated for egress by the same policies get one id (0: none). */
static int
egress_id(struct hash *ids, const struct vertex ***reps, size_t *nreps, const struct vertex *pod)
{
	size_t n = pod->nisolating[POLICY_EGRESS];
	if (n == 0)
		return 0;
	uint64_t key = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		key = (key ^ (uint64_t)pod->isolating[POLICY_EGRESS][i]) * 0x100000001b3ULL;
	size_t it = 0;
	int id;
	while ((id = hash_next(ids, key, &it)) >= 0) {
		const struct vertex *r = (*reps)[id];
		if (r->nisolating[POLICY_EGRESS] == n &&
		    memcmp(r->isolating[POLICY_EGRESS], pod->isolating[POLICY_EGRESS], n * sizeof(int)) == 0)
			return id + 1;
	}
	*reps = xreallocarray(*reps, *nreps + 1, sizeof **reps);
	id = (int)(*nreps)++;
	(*reps)[id] = pod;
	hash_add(ids, key, id);
	return id + 1;
}

static int
kind_of(struct sweep *z, struct hash *kidx, int daemon, int cls, int eg)
{
	uint64_t key = ((uint64_t)(uint32_t)cls << 32 | (uint32_t)eg) * 2 + (uint64_t)daemon;
	size_t it = 0;
	int k;
	while ((k = hash_next(kidx, key, &it)) >= 0)
		return k;
	xgrow(&z->k, &z->k_cap, z->nk + 1, sizeof *z->k);
	k = (int)z->nk++;
	z->k[k] = (struct kind){ .cls = cls, .eg = eg, .daemon = daemon, .ascending = true };
	hash_add(kidx, key, k);
	return k;
}

static void
alone(struct sweep *z, int s)
{
	xgrow(&z->alone, &z->alone_cap, z->nalone + 1, sizeof *z->alone);
	z->alone[z->nalone++] = s;
}

/* model_node_lists' view of a group: its node. */
static int
group_node(const void *ctx, size_t g)
{
	const struct sweep *z = ctx;
	return z->g[g].node;
}

static void
setup(struct sweep *z)
{
	const struct model *m = z->m;
	struct hash *kidx = hash_new(), *eids = hash_new();
	const struct vertex **ereps = NULL;
	size_t nereps = 0;
	/* group of (node, kind): the last one made, as senders come node by node */
	int *last = xreallocarray(NULL, 1, sizeof *last);
	size_t last_cap = 1;
	int cur_node = -1;
	for (size_t i = 0; i < m->nprocs; i++) {
		int s = m->procs[i], first = m->v[s].parent;
		const struct vertex *v = &m->v[s];
		int node = node_of(m, s), k;
		if (!model_linked(m, s, first)) {
			alone(z, s);
			continue;
		}
		if (v->kind == V_DAEMON) {
			k = kind_of(z, kidx, 1, engine_source_class(z->e, m->v[node].addr), 0);
		} else {
			const struct vertex *p = &m->v[first];
			if (p->nfib > 0 || !model_linked(m, first, node)) {
				alone(z, s);
				continue;
			}
			k = kind_of(z, kidx, 0, engine_source_class(z->e, p->addr), egress_id(eids, &ereps, &nereps, p));
		}
		if (node != cur_node) {
			cur_node = node;
			for (size_t j = 0; j < last_cap; j++)
				last[j] = -1;
		}
		if ((size_t)k >= last_cap) {
			size_t was = last_cap;
			last_cap = z->nk * 2;
			last = xreallocarray(last, last_cap, sizeof *last);
			for (size_t j = was; j < last_cap; j++)
				last[j] = -1;
		}
		int g = last[k];
		if (g < 0 || z->g[g].node != node) {
			xgrow(&z->g, &z->g_cap, z->ng + 1, sizeof *z->g);
			g = (int)z->ng++;
			z->g[g] = (struct group){ .node = node, .kind = k };
			struct kind *kd = &z->k[k];
			/* groups of a kind are on distinct nodes unless senders of
			 * one node are not consecutive in procs order */
			if (kd->n > 0) {
				const struct group *prev = &z->g[kd->g[kd->n - 1]];
				if (prev->node == node || m->v[prev->s[prev->n - 1]].idx > v->idx)
					kd->ascending = false;
			}
			xgrow(&kd->g, &kd->cap, kd->n + 1, sizeof *kd->g);
			kd->g[kd->n++] = g;
			last[k] = g;
		}
		struct group *gr = &z->g[g];
		xgrow(&gr->s, &gr->cap, gr->n + 1, sizeof *gr->s);
		gr->s[gr->n++] = s;
		z->k[k].senders++;
	}
	free(last);
	free(ereps);
	hash_free(kidx);
	hash_free(eids);
	/* each node's groups */
	z->node_groups = model_node_lists(m, z->ng, group_node, z);
	/* override rules, and cut node links (model_node_cuts) */
	for (size_t i = 0; i < m->nnodes; i++)
		if (m->v[m->nodes[i]].nfib > 0) {
			z->override_nodes = xreallocarray(z->override_nodes, z->noverride + 1, sizeof(int));
			z->override_nodes[z->noverride++] = m->nodes[i];
		}
	z->cut = model_node_cuts(m);
	z->mark = xcalloc(m->nnodes + 1, 1);
}

static void
teardown(struct sweep *z)
{
	for (size_t i = 0; i < z->ng; i++)
		free(z->g[i].s);
	free(z->g);
	for (size_t i = 0; i < z->nk; i++)
		free(z->k[i].g);
	free(z->k);
	free(z->alone);
	model_node_cuts_free(z->m, z->node_groups);
	model_node_cuts_free(z->m, z->cut);
	free(z->override_nodes);
	free(z->mark);
	free(z->marked);
	free(z->sp);
	free(z->h.c);
	free(z->c0.f);
	free(z->c0.path);
	free(z->c1.f);
	free(z->c1.path);
	for (size_t i = 0; i < z->ndents; i++)
		free(z->dents[i].list);
	free(z->dents);
	hash_free(z->dindex);
	dclass_free(z->dc);
	free(z->cell);
}

/* ---- one destination ---- */

static const struct fate *
keep_copy(struct copy *c, const struct fate *f, size_t n)
{
	size_t np = 0;
	for (size_t i = 0; i < n; i++)
		np += f[i].npath;
	xgrow(&c->f, &c->cap, n, sizeof *c->f);
	xgrow(&c->path, &c->path_cap, np ? np : 1, sizeof *c->path);
	int *p = c->path;
	for (size_t i = 0; i < n; i++) {
		c->f[i] = f[i];
		c->f[i].steps = NULL; /* not read: judge.h reads d, not steps */
		c->f[i].nsteps = 0;
		memcpy(p, f[i].path, f[i].npath * sizeof *p);
		c->f[i].path = p;
		p += f[i].npath;
	}
	c->n = n;
	return c->f;
}

static uint64_t
key_of(const struct model *m, int s, size_t pos)
{
	return (uint64_t)(uint32_t)m->v[s].idx << 32 | (uint64_t)pos;
}

/* A container's destinations begin with its pod's ports at 127.0.0.1. */
static size_t
own_ports(const struct model *m, int s)
{
	const struct vertex *v = &m->v[s];
	return v->kind == V_CONTAINER ? m->v[v->parent].neps : 0;
}

/* The faulty fates among f. */
static size_t
faulty(const struct model *m, int s, const struct dest *d, const struct fate *f, size_t nf, enum matrix_cell c)
{
	size_t n = 0;
	for (size_t i = 0; c != CELL_OK && i < nf; i++)
		n += sweep_fate_faulty(m, s, d, &f[i]);
	return n;
}

/* One sender, walked on its own, to d: the pos-th of its destinations. */
static void
walk_alone(struct sweep *z, int s, const struct dest *d, size_t pos)
{
	const struct model *m = z->m;
	const struct fate *f;
	size_t nf = engine_fates(z->e, s, d, &f);
	enum matrix_cell c = matrix_add_pairs(z->x, s, d, f, nf, 1, node_of(m, s));
	size_t bad = faulty(m, s, d, f, nf, c);
	z->faulty += bad;
	if (bad > 0)
		offer(&z->h, key_of(m, s, pos), s, d);
}

/* The same to the k-th destination after 127.0.0.1's. */
static void
one(struct sweep *z, int s, const struct dest *d, size_t k)
{
	walk_alone(z, s, d, own_ports(z->m, s) + k);
}

/* The pod of sender s (its node for a daemon): a path passing it after
 * the sender's first hop is that sender's own story. */
static int
home(const struct model *m, int s)
{
	return m->v[s].parent;
}

/* A fate rewritten to pod (or node) sw's address: the judgement reads
 * whether the walk reached sw, which for the sender's own pod it has. */
static bool
targets(const struct model *m, const struct fate *f, size_t nf, int sw)
{
	for (size_t i = 0; i < nf; i++)
		if (f[i].dnat >= 0 && f[i].dnat_addr == m->v[sw].addr)
			return true;
	return false;
}

static bool
passes(const struct model *m, const struct fate *f, size_t nf, int sw)
{
	for (size_t i = 0; i < nf; i++)
		for (size_t k = 2; k < f[i].npath; k++)
			if (f[i].path[k] == sw || (f[i].path[k] >= 0 && m->v[f[i].path[k]].parent == sw &&
						   m->v[sw].kind == V_POD))
				return true;
	return false;
}

/* Offer the senders of group g (but those walked on their own, whose
 * pods are in the skip list) as faulty to d; false once one is refused. */
static bool
offer_group(struct sweep *z, const struct group *g, const int *skip, size_t nskip, const struct dest *d,
	    size_t k)
{
	const struct model *m = z->m;
	for (size_t i = 0; i < g->n; i++) {
		int s = g->s[i];
		bool skipped = false;
		for (size_t j = 0; j < nskip && !skipped; j++)
			skipped = skip[j] == s;
		if (!skipped && !offer(&z->h, key_of(m, s, own_ports(m, s) + k), s, d))
			return false;
	}
	return true;
}

/* Group g to d from one representative: the senders whose pod the walk
 * passes are walked on their own. */
static void
group_dest(struct sweep *z, const struct group *g, const struct dest *d, size_t k)
{
	const struct model *m = z->m;
	int rep = -1;
	for (size_t i = 0; i < g->n && rep < 0; i++)
		if (m->v[g->s[i]].kind == V_DAEMON || m->v[home(m, g->s[i])].addr != d->addr)
			rep = g->s[i];
	const struct fate *f = NULL;
	size_t nf = 0;
	if (rep >= 0) {
		nf = engine_fates(z->e, rep, d, &f);
		f = keep_copy(&z->c1, f, nf);
		if (m->v[rep].kind == V_CONTAINER &&
		    (passes(m, f, nf, home(m, rep)) || targets(m, f, nf, home(m, rep))))
			rep = -1;
	}
	if (rep < 0) {
		for (size_t i = 0; i < g->n; i++)
			one(z, g->s[i], d, k);
		return;
	}
	int skip[64];
	size_t nskip = 0;
	uint64_t n = 0;
	for (size_t i = 0; i < g->n; i++) {
		int s = g->s[i];
		if (s != rep && m->v[s].kind == V_CONTAINER &&
		    (m->v[home(m, s)].addr == d->addr || passes(m, f, nf, home(m, s)) ||
		     targets(m, f, nf, home(m, s)))) {
			if (nskip == 64) { /* many: every sender on its own */
				for (size_t j = 0; j < g->n; j++)
					one(z, g->s[j], d, k);
				return;
			}
			skip[nskip++] = s;
		} else {
			n++;
		}
	}
	enum matrix_cell c = matrix_add_pairs(z->x, rep, d, f, nf, n, g->node);
	size_t bad = faulty(m, rep, d, f, nf, c);
	z->faulty += bad * n;
	if (bad > 0)
		offer_group(z, g, skip, nskip, d, k);
	for (size_t i = 0; i < nskip; i++)
		one(z, skip[i], d, k);
}

static void
mark(struct sweep *z, int node)
{
	size_t i = (size_t)z->m->v[node].idx;
	if (z->mark[i])
		return;
	z->mark[i] = 1;
	xgrow(&z->marked, &z->marked_cap, z->nmarked + 1, sizeof *z->marked);
	z->marked[z->nmarked++] = node;
}

static void
unmark(struct sweep *z)
{
	for (size_t i = 0; i < z->nmarked; i++)
		z->mark[z->m->v[z->marked[i]].idx] = 0;
	z->nmarked = 0;
}

/* A node whose own decisions are every node's: no override rule, no cut
 * link. */
static bool
clean(const struct sweep *z, int node)
{
	const struct model *m = z->m;
	return m->v[node].nfib == 0 && z->cut[m->v[node].idx][0] < 0;
}

/* Marks the nodes where a group of the kind may not fare as the walk f
 * from node n0 (first hop at path index at) says: the nodes it passes,
 * the node that holds d (owner), those with an override rule that may
 * match, those with a cut link to the walk's next node. False when f cannot stand for other nodes at
 * all: n0 has override rules or cut links of its own, the walk comes
 * back to n0, goes from n0 straight to a pod or process (the destination
 * is n0's own), or an exception read its source. */
static bool
specials(struct sweep *z, int n0, int owner, size_t at, const struct fate *f, size_t nf, const struct header *h)
{
	const struct model *m = z->m;
	if (!clean(z, n0) || forward_source_decides(m, f, nf, h->src))
		return false;
	if (m->v[f[0].sender].kind == V_CONTAINER && targets(m, f, nf, m->v[f[0].sender].parent))
		return false;
	for (size_t i = 0; i < nf; i++) {
		if (f[i].dnat >= 0) {
			/* the pods of the rewritten address's node have a say */
			int t = model_addr_owner(m, f[i].dnat_addr);
			if (t >= 0)
				mark(z, m->v[t].kind == V_NODE ? t : m->v[t].kind == V_POD ? m->v[t].parent
											: m->v[m->v[t].parent].parent);
		}
		if (f[i].npath <= at)
			continue; /* decided in the sender's pod: alike for the kind */
		if (f[i].path[at] != n0)
			return false;
		for (size_t k = at + 1; k < f[i].npath; k++) {
			int v = f[i].path[k];
			if (v == n0 || (k == at + 1 && m->v[v].kind != V_NODE))
				return false;
			if (m->v[v].kind == V_NODE)
				mark(z, v);
			else if (m->v[v].kind == V_POD)
				mark(z, m->v[v].parent);
		}
		if (f[i].npath > at + 1)
			for (const int *c = z->cut[m->v[f[i].path[at + 1]].idx]; *c >= 0; c++)
				mark(z, *c);
	}
	mark(z, n0);
	if (owner >= 0)
		mark(z, owner);
	/* an override rule may match the header as sent, or as a Service
	 * Rule rewrote it */
	for (size_t i = 0; i < z->noverride; i++) {
		const struct vertex *v = &m->v[z->override_nodes[i]];
		bool may = fib_may_match(v, h);
		for (size_t j = 0; j < nf && !may; j++) {
			struct header r = { h->src, f[j].dnat_addr, f[j].dnat_port, h->proto };
			may = f[j].dnat >= 0 && fib_may_match(v, &r);
		}
		if (may)
			mark(z, z->override_nodes[i]);
	}
	return true;
}

/* Every group of kind ki to d. */
static void
kind_dest(struct sweep *z, int ki, const struct dest *d, size_t k)
{
	const struct model *m = z->m;
	struct kind *kd = &z->k[ki];
	/* A representative on a node that does not hold d, if any. */
	int owner = model_addr_owner(m, d->addr), rep = -1, g0 = -1;
	if (owner >= 0 && m->v[owner].kind != V_NODE)
		owner = m->v[owner].kind == V_POD ? m->v[owner].parent : -1;
	for (int pass = 0; pass < 2 && rep < 0; pass++)
		for (size_t i = 0; i < kd->n && rep < 0; i++) {
			const struct group *g = &z->g[kd->g[i]];
			if (pass == 0 && (g->node == owner || !clean(z, g->node)))
				continue;
			for (size_t j = 0; j < g->n && rep < 0; j++)
				if (m->v[g->s[j]].kind == V_DAEMON || m->v[home(m, g->s[j])].addr != d->addr) {
					rep = g->s[j];
					g0 = kd->g[i];
				}
		}
	const struct fate *f = NULL;
	size_t nf = 0;
	bool stands = false;
	if (rep >= 0) {
		nf = engine_fates(z->e, rep, d, &f);
		f = keep_copy(&z->c0, f, nf);
		struct header h = forward_header(m, rep, d->addr, d->port, d->proto);
		size_t at = m->v[rep].kind == V_DAEMON ? 1 : 2;
		stands = specials(z, z->g[g0].node, owner, at, f, nf, &h);
	}
	if (!stands) {
		unmark(z);
		for (size_t i = 0; i < kd->n; i++)
			group_dest(z, &z->g[kd->g[i]], d, k);
		return;
	}
	/* The groups on marked nodes: on their own. */
	z->nsp = 0;
	uint64_t n = kd->senders;
	for (size_t i = 0; i < z->nmarked; i++)
		for (const int *g = z->node_groups[m->v[z->marked[i]].idx]; *g >= 0; g++)
			if (z->g[*g].kind == ki) {
				xgrow(&z->sp, &z->sp_cap, z->nsp + 1, sizeof *z->sp);
				z->sp[z->nsp++] = *g;
				n -= z->g[*g].n;
			}
	enum matrix_cell c = matrix_add_pairs(z->x, rep, d, f, nf, n, -1);
	if (z->x->mx == MX_TOTALS) {
		/* every group gets this cell at the end; the special ones
		 * are taken away now and counted below */
		kd->agg[c]++;
		for (size_t i = 0; i < z->nsp; i++)
			matrix_charge(z->x, z->g[z->sp[i]].node, NULL, c, -(uint64_t)z->g[z->sp[i]].n);
	}
	bool per_node = z->x->mx != MX_TOTALS;
	size_t bad = faulty(m, rep, d, f, nf, c);
	bool offering = bad > 0;
	z->faulty += bad * n;
	for (size_t i = 0; i < kd->n && (per_node || offering); i++) {
		const struct group *g = &z->g[kd->g[i]];
		if (z->mark[m->v[g->node].idx])
			continue;
		if (per_node)
			matrix_charge(z->x, g->node, d, c, g->n);
		/* keys grow group by group: once one is refused, the rest are */
		if (offering && !offer_group(z, g, NULL, 0, d, k) && kd->ascending)
			offering = false;
	}
	unmark(z);
	for (size_t i = 0; i < z->nsp; i++)
		group_dest(z, &z->g[z->sp[i]], d, k);
}

/* ---- destination classes ----
 *
 * To a pod's port (or a node's) whose node and pod have no override rule
 * and no cut link, a regular group on another node fares by the plain
 * walk (its node, the owner, the pod, the container), and its verdict is
 * decided by policies alone: the kind's egress set on the destination's
 * namespace, labels, port (number, protocol, name) and the egress
 * ip-blocks holding its address; the destination's ingress policies on
 * the kind's source class, as far as their peers read it. Destinations
 * alike in all that form a class: each kind's cell there is found once
 * (one walk per egress set and projection of the class), and counted for
 * every destination of the class without a walk. */

static void
classes_setup(struct sweep *z)
{
	z->dc = dclass_new(z->m);
	z->classes = z->dc != NULL;
	if (!z->classes)
		return;
	z->dindex = hash_new();
	z->cell = xmalloc(z->nk + 1);
	for (size_t k = 0; k < z->nk; k++)
		z->total += z->k[k].senders;
}

static void
dents_drop(struct sweep *z)
{
	for (size_t i = 0; i < z->ndents; i++)
		free(z->dents[i].list);
	z->ndents = 0;
	z->dent_bytes = 0;
	hash_free(z->dindex);
	z->dindex = hash_new();
}

/* The bits of class cls that q's ingress policies read, as a key (the
 * class itself, marked, when they are more than 62). */
static uint64_t
project(const struct sweep *z, int q, int cls)
{
	const struct model *m = z->m;
	const struct vertex *v = &m->v[q];
	size_t n, bit = 0;
	const unsigned char *sig = engine_class_signature(z->e, cls, &n);
	uint64_t key = 0;
	if (sig == NULL || v->kind != V_POD)
		return 0;
	for (size_t i = 0; i < v->nisolating[POLICY_INGRESS]; i++) {
		int pi = v->isolating[POLICY_INGRESS][i];
		const struct policy *pol = &m->pols[pi];
		size_t k = dclass_peer_offset(z->dc, pi);
		for (size_t r = 0; r < pol->nrules[POLICY_INGRESS]; r++)
			for (size_t p = 0; p < pol->rules[POLICY_INGRESS][r].npeers; p++, k++, bit++) {
				if (bit == 62)
					return (uint64_t)1 << 63 | (uint64_t)(uint32_t)cls;
				key |= (uint64_t)sig[k] << bit;
			}
	}
	return key;
}

/* d is a port of q (a pod or a node) that every group off its node
 * reaches by the plain walk; *owner gets q's node. */
static bool
class_plain(struct sweep *z, int q, const struct dest *d, int *owner)
{
	const struct model *m = z->m;
	const struct vertex *v = &m->v[q];
	int o = v->kind == V_NODE ? q : v->kind == V_POD ? v->parent : -1;
	if (o < 0 || !clean(z, o) || v->nfib > 0 || (v->kind == V_POD && !model_linked(m, q, o)))
		return false;
	const struct endpoint *ep = model_endpoint(m, q, d->port, d->proto);
	if (ep == NULL || !model_linked(m, ep->proc, q))
		return false;
	struct header h = { 0, d->addr, d->port, d->proto };
	for (size_t i = 0; i < z->noverride; i++)
		if (fib_may_match(&m->v[z->override_nodes[i]], &h))
			return false;
	*owner = o;
	return true;
}

/* The walk f of rep (from node n0, at path index at) is the plain one
 * to q on node o (or ends in the sender's pod), and its one fate is
 * delivered or denied. */
static bool
plain_walk(const struct model *m, int rep, int q, int o, int n0, size_t at, const struct fate *f, size_t nf,
	   enum matrix_cell c)
{
	if (nf != 1 || (c != CELL_OK && c != CELL_DENY) || f->dnat >= 0 ||
	    forward_source_decides(m, f, nf, forward_header(m, rep, 0, 0, PROTO_TCP).src))
		return false;
	if (f->npath <= at)
		return m->v[rep].kind == V_CONTAINER; /* decided in the sender's pod: its egress policies */
	if (f->path[at] != n0)
		return false;
	for (size_t k = at + 1; k < f->npath; k++) {
		int v = f->path[k];
		if (!(k == at + 1 ? v == o : v == q || m->v[v].parent == q))
			return false;
	}
	return true;
}

/* A clean node's group of kind ki off node o, or -1. */
static int
clean_group(const struct sweep *z, int ki, int o)
{
	const struct kind *kd = &z->k[ki];
	for (size_t i = 0; i < kd->n; i++) {
		const struct group *g = &z->g[kd->g[i]];
		if (g->node != o && clean(z, g->node))
			return kd->g[i];
	}
	return -1;
}

/* One walk of rep to d, judged; false if it is not the plain walk. */
static bool
dent_walk(struct sweep *z, struct dent *x, int rep, int q, int o, const struct dest *d, unsigned char *cell)
{
	const struct model *m = z->m;
	const struct fate *f;
	size_t nf = engine_fates(z->e, rep, d, &f);
	enum matrix_cell c = matrix_classify(m, rep, d, f, nf);
	if (!plain_walk(m, rep, q, o, node_of(m, rep), m->v[rep].kind == V_DAEMON ? 1 : 2, f, nf, c))
		return false;
	if (x->sender[c] < 0) {
		x->sender[c] = rep;
		x->fate[c] = f[0];
		x->fate[c].path = NULL;
		x->fate[c].npath = 0;
		x->fate[c].steps = NULL;
		x->fate[c].nsteps = 0;
	}
	*cell = (unsigned char)c;
	return true;
}

/* Every kind's cell to d, port of q on node o: a kind's egress set
 * decides first (policy_allows, once per set), then the destination's
 * ingress policies, on the projection of its class (one walk each). */
static void
dent_fill(struct sweep *z, struct dent *x, int q, int o, const struct dest *d)
{
	const struct model *m = z->m;
	size_t count[CELL_KINDS + 1] = { 0 };
	struct hash *egress = hash_new(), *ingress = hash_new();
	x->ok = true;
	for (int c = 0; c < CELL_KINDS; c++)
		x->sender[c] = -1;
	for (size_t ki = 0; ki < z->nk && x->ok; ki++) {
		const struct kind *kd = &z->k[ki];
		int g = clean_group(z, (int)ki, o), v;
		size_t it = 0;
		z->cell[ki] = CELL_KINDS; /* no group stands for it: every group on its own */
		if (g < 0) {
			count[CELL_KINDS]++;
			continue;
		}
		int rep = z->g[g].s[0];
		if (kd->eg != 0) {
			if ((v = hash_next(egress, (uint64_t)kd->eg, &it)) < 0) {
				struct header h = forward_header(m, rep, d->addr, d->port, d->proto);
				v = policy_allows(m, home(m, rep), POLICY_EGRESS, &h);
				hash_add(egress, (uint64_t)kd->eg, v);
			}
			if (!v) {
				if (x->sender[CELL_DENY] < 0 && !dent_walk(z, x, rep, q, o, d, &z->cell[ki]))
					x->ok = false;
				z->cell[ki] = CELL_DENY;
				count[CELL_DENY]++;
				continue;
			}
		}
		uint64_t key = project(z, q, kd->cls) << 1 | kd->daemon;
		it = 0;
		if ((v = hash_next(ingress, key, &it)) < 0) {
			unsigned char c;
			if (!dent_walk(z, x, rep, q, o, d, &c)) {
				x->ok = false;
				break;
			}
			v = c;
			hash_add(ingress, key, v);
		}
		z->cell[ki] = (unsigned char)v;
		count[v]++;
	}
	hash_free(egress);
	hash_free(ingress);
	if (!x->ok)
		return;
	x->def = CELL_OK;
	for (int c = 0; c < CELL_KINDS; c++)
		if (count[c] > count[x->def])
			x->def = (unsigned char)c;
	x->nlist = z->nk - count[x->def];
	x->list = xreallocarray(NULL, x->nlist + 1, sizeof *x->list);
	size_t n = 0;
	for (size_t ki = 0; ki < z->nk; ki++)
		if (z->cell[ki] != x->def) {
			x->list[n].kind = (int)ki;
			x->list[n++].cell = z->cell[ki];
		}
}

/* The class of d, port of q, found or made; NULL when d has none. */
static const struct dent *
class_of(struct sweep *z, int q, int o, const struct dest *d)
{
	uint64_t key = dclass_key(z->dc, q, d);
	size_t it = 0;
	int i;
	while ((i = hash_next(z->dindex, key, &it)) >= 0) {
		const struct dent *x = &z->dents[i];
		if (x->port == d->port && x->proto == d->proto && dclass_same(z->dc, x->q, q, d->port, d->proto))
			return x->ok ? x : NULL;
	}
	/* memory stays bounded: forget every class past 64 MiB */
	if (z->dent_bytes > ((size_t)64 << 20))
		dents_drop(z);
	xgrow(&z->dents, &z->dents_cap, z->ndents + 1, sizeof *z->dents);
	struct dent *x = &z->dents[z->ndents];
	*x = (struct dent){ .q = q, .port = d->port, .proto = d->proto };
	dent_fill(z, x, q, o, d);
	z->dent_bytes += sizeof *x + (x->nlist + 1) * sizeof *x->list;
	hash_add(z->dindex, key, (int)z->ndents++);
	return x->ok ? x : NULL;
}

static unsigned char
dent_cell(const struct dent *x, int ki)
{
	size_t lo = 0, hi = x->nlist;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (x->list[mid].kind == ki)
			return x->list[mid].cell;
		if (x->list[mid].kind < ki)
			lo = mid + 1;
		else
			hi = mid;
	}
	return x->def;
}

/* Where d goes: its own port of a pod or node (one target, no rewrite),
 * or a service port's backends (a Service Rule rewrites it to each). */
struct targets {
	size_t n;
	const struct dent **x; /* the class of each */
	int *q, *o;            /* the pod (or node) and its node */
	struct dest *to;       /* where each is sent */
	bool dnat;
	struct fate *f;        /* scratch: a pair's fates */
	unsigned char *cell;   /* scratch: a kind's cell at each */
	int *kinds;            /* scratch: kinds listed by some class */
	size_t kinds_cap;
};

/* Kind ki's cell at each target into t->cell; the pair's (the worst),
 * or CELL_KINDS when some target has no cell for it. */
static unsigned char
kind_cells(const struct targets *t, int ki)
{
	unsigned char worst = 0;
	for (size_t i = 0; i < t->n; i++) {
		t->cell[i] = dent_cell(t->x[i], ki);
		if (t->cell[i] == CELL_KINDS)
			return CELL_KINDS;
		if (t->cell[i] > worst)
			worst = t->cell[i];
	}
	return worst;
}

/* n pairs whose fates at each target are t->cell's, into the stats. */
static void
add_cells(struct sweep *z, const struct targets *t, const struct dest *d, uint64_t n)
{
	const struct model *m = z->m;
	int sender = -1;
	for (size_t i = 0; i < t->n; i++) {
		unsigned char c = t->cell[i];
		struct fate *f = &t->f[i];
		*f = t->x[i]->fate[c];
		if (sender < 0)
			sender = t->x[i]->sender[c];
		/* the class's fate, delivered to this target's opener */
		if (f->verdict == VERDICT_DELIVERED)
			f->receiver = model_endpoint(m, t->q[i], t->to[i].port, t->to[i].proto)->proc;
		if (t->dnat) {
			f->dnat = 1;
			f->dnat_addr = t->to[i].addr;
			f->dnat_port = t->to[i].port;
		}
	}
	matrix_add_pairs(z->x, sender, d, t->f, t->n, n, -1);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* Every kind to d by the classes of its targets: the groups off the
 * targets' nodes counted from the classes, the groups on them (and on
 * nodes whose override rules may match d as sent, for daemons' Service
 * Rules) and the kinds some class has no cell for, walked. */
static void
class_dest(struct sweep *z, struct targets *t, const struct dest *d, size_t k)
{
	const struct model *m = z->m;
	/* special nodes: the targets' and, before a rewrite, overrides */
	unmark(z);
	for (size_t i = 0; i < t->n; i++)
		mark(z, t->o[i]);
	if (t->dnat) {
		struct header h = { 0, d->addr, d->port, d->proto };
		for (size_t i = 0; i < z->noverride; i++)
			if (fib_may_match(&m->v[z->override_nodes[i]], &h))
				mark(z, z->override_nodes[i]);
	}
	/* the kinds some class lists */
	size_t nk = 0;
	for (size_t i = 0; i < t->n; i++)
		for (size_t j = 0; j < t->x[i]->nlist; j++) {
			xgrow(&t->kinds, &t->kinds_cap, nk + 1, sizeof *t->kinds);
			t->kinds[nk++] = t->x[i]->list[j].kind;
		}
	if (t->n > 1 && nk > 1) {
		qsort(t->kinds, nk, sizeof *t->kinds, cmp_int);
		size_t u = 0;
		for (size_t i = 0; i < nk; i++)
			if (u == 0 || t->kinds[u - 1] != t->kinds[i])
				t->kinds[u++] = t->kinds[i];
		nk = u;
	}
	/* senders on special nodes, per kind: walked, not counted */
	uint64_t *off = xcalloc(nk + 1, sizeof *off), off_def = 0;
	for (size_t i = 0; i < z->nmarked; i++)
		for (const int *g = z->node_groups[m->v[z->marked[i]].idx]; *g >= 0; g++) {
			int *at = nk ? bsearch(&z->g[*g].kind, t->kinds, nk, sizeof *t->kinds, cmp_int) : NULL;
			if (at != NULL)
				off[at - t->kinds] += z->g[*g].n;
			else
				off_def += z->g[*g].n;
		}
	/* the unlisted kinds: every target's default */
	unsigned char def = kind_cells(t, -1);
	uint64_t ndef = z->total - off_def;
	for (size_t i = 0; i < nk; i++)
		ndef -= z->k[t->kinds[i]].senders;
	if (ndef > 0)
		add_cells(z, t, d, ndef);
	if (z->x->mx == MX_TOTALS)
		z->dflt[def]++;
	for (size_t i = 0; i < nk; i++) {
		struct kind *kd = &z->k[t->kinds[i]];
		unsigned char c = kind_cells(t, t->kinds[i]);
		if (c < CELL_KINDS && kd->senders > off[i])
			add_cells(z, t, d, kd->senders - off[i]);
		if (z->x->mx == MX_TOTALS) {
			kd->agg[def]--;
			if (c < CELL_KINDS)
				kd->agg[c]++;
		}
	}
	/* per node: the aggregate counts every group; take the special
	 * ones away (MX_TOTALS), or charge the others one by one */
	if (z->x->mx == MX_TOTALS) {
		for (size_t i = 0; i < z->nmarked; i++)
			for (const int *g = z->node_groups[m->v[z->marked[i]].idx]; *g >= 0; g++) {
				unsigned char c = kind_cells(t, z->g[*g].kind);
				if (c < CELL_KINDS)
					matrix_charge(z->x, z->g[*g].node, NULL, c, -(uint64_t)z->g[*g].n);
			}
	} else {
		for (size_t g = 0; g < z->ng; g++) {
			const struct group *gr = &z->g[g];
			unsigned char c = kind_cells(t, gr->kind);
			if (!z->mark[m->v[gr->node].idx] && c < CELL_KINDS)
				matrix_charge(z->x, gr->node, d, c, gr->n);
		}
	}
	/* walked: the special nodes' groups, and every group of a kind
	 * without a cell */
	for (size_t i = 0; i < z->nmarked; i++)
		for (const int *g = z->node_groups[m->v[z->marked[i]].idx]; *g >= 0; g++)
			group_dest(z, &z->g[*g], d, k);
	for (size_t i = 0; i < nk; i++) {
		const struct kind *kd = &z->k[t->kinds[i]];
		if (kind_cells(t, t->kinds[i]) != CELL_KINDS)
			continue;
		for (size_t j = 0; j < kd->n; j++)
			if (!z->mark[m->v[z->g[kd->g[j]].node].idx])
				group_dest(z, &z->g[kd->g[j]], d, k);
	}
	free(off);
	unmark(z);
}

/* The targets of d when each has a class, with *t filled. */
static bool
targets_of(struct sweep *z, const struct dest *d, struct targets *t)
{
	const struct model *m = z->m;
	t->n = 0;
	t->dnat = false;
	if (!z->classes)
		return false;
	const struct svc_flat *sp = model_service_port(m, d->addr, d->port, d->proto);
	size_t n = sp != NULL ? sp->nbackends : 1;
	if (n == 0)
		return false;
	t->x = xreallocarray(t->x, n, sizeof *t->x);
	t->q = xreallocarray(t->q, n, sizeof *t->q);
	t->o = xreallocarray(t->o, n, sizeof *t->o);
	t->to = xreallocarray(t->to, n, sizeof *t->to);
	t->f = xreallocarray(t->f, n, sizeof *t->f);
	t->cell = xreallocarray(t->cell, n, 1);
	for (size_t i = 0; i < n; i++) {
		t->to[i] = *d;
		if (sp != NULL) {
			const struct backend *b = &sp->backends[i];
			if (b->pod < 0 || m->v[b->pod].kind != V_POD || m->v[b->pod].addr != b->addr)
				return false;
			t->to[i].addr = b->addr;
			t->to[i].port = b->port;
		}
		t->q[i] = model_addr_owner(m, t->to[i].addr);
		if (t->q[i] < 0 || !class_plain(z, t->q[i], &t->to[i], &t->o[i]) ||
		    (t->x[i] = class_of(z, t->q[i], t->o[i], &t->to[i])) == NULL)
			return false;
	}
	t->n = n;
	t->dnat = sp != NULL;
	return true;
}

int
sweep_run(const struct model *m, struct matrix *x, size_t keep, sweep_fn *fn, void *ctx, uint64_t *faulty_rows)
{
	struct sweep z = { .m = m, .x = x, .e = engine_new(m), .h = { .keep = keep } };
	setup(&z);
	classes_setup(&z);
	struct targets t = { 0 };
	/* 127.0.0.1: every container asks its own pod's ports */
	for (size_t i = 0; i < m->nprocs; i++) {
		int s = m->procs[i];
		const struct vertex *v = &m->v[s];
		if (v->kind != V_CONTAINER)
			continue;
		const struct vertex *p = &m->v[v->parent];
		for (size_t j = 0; j < p->neps; j++) {
			struct dest d = { ADDR_LOOPBACK, p->eps[j].port, p->eps[j].proto };
			walk_alone(&z, s, &d, j);
		}
	}
	size_t nd;
	struct dest *ds = reach_common(m, PORTS_OPEN, &nd);
	for (size_t k = 0; k < nd; k++) {
		/* what the engine remembers is per destination */
		engine_forget(z.e);
		for (size_t i = 0; i < z.nalone; i++)
			one(&z, z.alone[i], &ds[k], k);
		if (targets_of(&z, &ds[k], &t)) {
			class_dest(&z, &t, &ds[k], k);
			continue;
		}
		for (size_t ki = 0; ki < z.nk; ki++)
			kind_dest(&z, (int)ki, &ds[k], k);
	}
	free(ds);
	free(t.x);
	free(t.q);
	free(t.o);
	free(t.to);
	free(t.f);
	free(t.cell);
	free(t.kinds);
	if (x->mx == MX_TOTALS)
		for (size_t g = 0; g < z.ng; g++)
			for (int c = 0; c < CELL_KINDS; c++) {
				uint64_t times = z.dflt[c] + z.k[z.g[g].kind].agg[c];
				if (times != 0)
					matrix_charge(x, z.g[g].node, NULL, (enum matrix_cell)c, times * z.g[g].n);
			}
	/* the first faulty pairs, walked again in reach order */
	if (z.h.n > 1)
		qsort(z.h.c, z.h.n, sizeof *z.h.c, cmp_cand);
	int rc = 0;
	for (size_t i = 0; i < z.h.n && rc == 0; i++) {
		const struct fate *f;
		size_t nf = engine_fates(z.e, z.h.c[i].sender, &z.h.c[i].d, &f);
		rc = fn(ctx, z.h.c[i].sender, &z.h.c[i].d, f, nf);
	}
	*faulty_rows = z.faulty;
	teardown(&z);
	engine_free(z.e);
	return rc;
}
