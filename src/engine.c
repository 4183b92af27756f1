#include "config.h"
#include "engine.h"
#include "hash.h"
#include "policy.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A continuation from node sw for (dst, dport, proto) and a source class,
 * computed by a neutral walk with the source address src. */
struct memo {
	int sw;
	uint32_t dst;
	uint16_t dport;
	enum proto proto;
	int cls;
	uint32_t src;
	struct fate *fates;
	size_t n;
	/* What splices depend on, gathered once: the pod switches its steps
	 * visit, and whether an ingress policy was evaluated. */
	int *pods;
	size_t npods;
	bool ingress;
};

/* A policy peer and its place among the source predicates. */
struct nspeer {
	size_t n;
	const struct policy *pol;
	const struct peer *peer;
};

struct engine {
	const struct model *m;
	/* source predicates: override src prefixes, then policy peers */
	size_t npred;
	const struct rule **src_rules; /* override rules that match on src */
	size_t nsrc_rules;
	struct hash *cls_of;  /* source address -> class */
	struct hash *sigs;    /* signature hash -> class */
	unsigned char **sig;  /* class -> signature (npred bytes) */
	size_t ncls, sig_cap;
	/* A pod's class is that of its label set and of the ip-blocks that
	 * hold its address, when no override rule matches on src and the
	 * policies' distinct ip-blocks are at most 64 (quick is then true). */
	bool quick;
	const struct peer **blocks;
	size_t nblocks;
	struct hash *quick_cls; /* (label bits, block bits) hash -> quick entry */
	struct quick { const unsigned char *lbits; uint64_t bbits; int cls; } *quicks;
	size_t nquicks, quicks_cap;
	struct hash *labelsets; /* pods' (namespace, labels) hash -> a pod */
	unsigned char **lsig;   /* by pod idx: its selector bits, shared */
	unsigned char **lbits;  /* every such bit array, to free */
	size_t nlbits, lbits_cap;
	struct nspeer *bpeers;    /* the ip-block peers */
	size_t nbpeers;
	struct nspeer *speers;    /* the selector peers */
	size_t nspeers;
	uint32_t *every;          /* speers whose namespace selector is empty (any namespace), */
	size_t nevery;            /* but those whose pod selector names a label: */
	struct hash *ekey;        /* label hash -> those, under their first match label */
	uint32_t **ns_peers;      /* by namespace, when met: the other speers that may take its pods */
	size_t *ns_npeers;
	struct hash *index;   /* key hash -> memo */
	struct memo *memo;
	size_t nmemo, memo_cap;
	/* engine_fates' answer: scratch fates, or the last engine_run's */
	struct fate *scratch;
	size_t nscratch, scratch_cap;
	int *paths;
	size_t paths_cap;
	struct step *steps;
	struct fate *owned;
	size_t nowned;
};

static uint64_t
label_hash(const struct label *l)
{
	return hash_string(l->key) * 31 ^ hash_string(l->value);
}

struct engine *
engine_new(const struct model *m)
{
	struct engine *e = xcalloc(1, sizeof *e);
	e->m = m;
	for (size_t i = 0; i < m->nswitches; i++) {
		const struct vertex *v = &m->v[m->switches[i]];
		for (size_t k = 0; k < v->nfib; k++)
			if (!v->fib[k].any_src) {
				e->src_rules = xreallocarray(e->src_rules, e->nsrc_rules + 1, sizeof *e->src_rules);
				e->src_rules[e->nsrc_rules++] = &v->fib[k];
			}
	}
	e->npred = e->nsrc_rules;
	for (size_t i = 0; i < m->npols; i++)
		for (size_t k = 0; k < m->pols[i].nrules[POLICY_INGRESS]; k++)
			e->npred += m->pols[i].rules[POLICY_INGRESS][k].npeers;
	e->quick = e->nsrc_rules == 0;
	for (size_t i = 0; e->quick && i < m->npols; i++)
		for (size_t r = 0; e->quick && r < m->pols[i].nrules[POLICY_INGRESS]; r++) {
			const struct pol_rule *rule = &m->pols[i].rules[POLICY_INGRESS][r];
			for (size_t p = 0; e->quick && p < rule->npeers; p++) {
				const struct peer *b = &rule->peers[p];
				size_t k = 0;
				if (!b->is_block)
					continue;
				while (k < e->nblocks && !policy_same_block(e->blocks[k], b))
					k++;
				if (k < e->nblocks)
					continue;
				e->quick = e->nblocks < 64;
				e->blocks = xreallocarray(e->blocks, e->nblocks + 1, sizeof *e->blocks);
				e->blocks[e->nblocks++] = b;
			}
		}
	size_t n = e->nsrc_rules, bcap = 0, scap = 0, ecap = 0;
	e->ekey = hash_new();
	for (size_t i = 0; i < m->npols; i++)
		for (size_t r = 0; r < m->pols[i].nrules[POLICY_INGRESS]; r++) {
			const struct pol_rule *rule = &m->pols[i].rules[POLICY_INGRESS][r];
			for (size_t p = 0; p < rule->npeers; p++, n++) {
				const struct peer *x = &rule->peers[p];
				struct nspeer y = { n, &m->pols[i], x };
				if (x->is_block) {
					xgrow(&e->bpeers, &bcap, e->nbpeers + 1, sizeof *e->bpeers);
					e->bpeers[e->nbpeers++] = y;
					continue;
				}
				xgrow(&e->speers, &scap, e->nspeers + 1, sizeof *e->speers);
				e->speers[e->nspeers] = y;
				if (x->has_ns_sel && x->ns_sel.match.n == 0 && x->ns_sel.nexpr == 0) {
					/* Only pods with that label can match it. */
					if (x->has_pod_sel && x->pod_sel.match.n > 0) {
						hash_add(e->ekey, label_hash(&x->pod_sel.match.l[0]), (int)e->nspeers);
					} else {
						xgrow(&e->every, &ecap, e->nevery + 1, sizeof *e->every);
						e->every[e->nevery++] = (uint32_t)e->nspeers;
					}
				}
				e->nspeers++;
			}
		}
	e->quick_cls = hash_new();
	e->cls_of = hash_new();
	e->labelsets = hash_new();
	e->lsig = xcalloc(m->npods ? m->npods : 1, sizeof *e->lsig);
	e->ns_peers = xcalloc(m->nns ? m->nns : 1, sizeof *e->ns_peers);
	e->ns_npeers = xcalloc(m->nns ? m->nns : 1, sizeof *e->ns_npeers);
	e->sigs = hash_new();
	e->index = hash_new();
	return e;
}

void
engine_forget(struct engine *e)
{
	for (size_t i = 0; i < e->nmemo; i++) {
		forward_free(e->memo[i].fates, e->memo[i].n);
		free(e->memo[i].pods);
	}
	e->nmemo = 0;
	hash_free(e->index);
	e->index = hash_new();
}

void
engine_free(struct engine *e)
{
	if (e == NULL)
		return;
	engine_forget(e);
	forward_free(e->owned, e->nowned);
	free(e->scratch);
	free(e->paths);
	free(e->memo);
	hash_free(e->index);
	hash_free(e->cls_of);
	for (size_t i = 0; i < e->nlbits; i++)
		free(e->lbits[i]);
	free(e->lbits);
	free(e->lsig);
	for (size_t i = 0; i < e->m->nns; i++)
		free(e->ns_peers[i]);
	free(e->ns_peers);
	free(e->ns_npeers);
	free(e->bpeers);
	free(e->speers);
	free(e->every);
	hash_free(e->ekey);
	free(e->src_rules);
	free(e->blocks);
	free(e->quicks);
	hash_free(e->quick_cls);
	hash_free(e->labelsets);
	hash_free(e->sigs);
	for (size_t i = 0; i < e->ncls; i++)
		free(e->sig[i]);
	free(e->sig);
	free(e);
}

/* Selector peers see a pod only through its namespace and labels: pods
 * that share them share these bits, computed once. */
static uint64_t
labelset_key(const struct model *m, int pod)
{
	const struct vertex *v = &m->v[pod];
	return labels_hash(&v->labels, (uint64_t)v->ns * 0x9e3779b97f4a7c15ULL);
}

static bool
same_labels(const struct model *m, int a, int b)
{
	const struct vertex *x = &m->v[a], *y = &m->v[b];
	return x->ns == y->ns && labels_same_order(&x->labels, &y->labels);
}

/* The selector peers whose namespace part takes namespace ns (a namespace
 * selector that matches it, or none and the policy's own), past those of
 * every namespace: the only ones that can select its pods. Pods of one
 * namespace share the list, and label sets by the ten thousand then skip
 * the peers of every other namespace (peers by the ten thousand too). */
static const uint32_t *
ns_peers(struct engine *e, int ns, size_t *count)
{
	const struct model *m = e->m;
	if (e->ns_peers[ns] == NULL) {
		uint32_t *l = NULL;
		size_t k = 0, cap = 0;
		for (size_t i = 0; i < e->nspeers; i++) {
			const struct nspeer *y = &e->speers[i];
			const struct peer *x = y->peer;
			bool every = x->has_ns_sel && x->ns_sel.match.n == 0 && x->ns_sel.nexpr == 0;
			if (every || !(x->has_ns_sel ? selector_matches(&x->ns_sel, &m->ns[ns].labels) : y->pol->ns == ns))
				continue;
			xgrow(&l, &cap, k + 1, sizeof *l);
			l[k++] = (uint32_t)i;
		}
		e->ns_peers[ns] = l ? l : xcalloc(1, sizeof *l);
		e->ns_npeers[ns] = k;
	}
	*count = e->ns_npeers[ns];
	return e->ns_peers[ns];
}

/* The selector bits of pod's label set (0 for ip-block peers), computed
 * by the first pod of the set. */
static const unsigned char *
label_bits(struct engine *e, int pod)
{
	const struct model *m = e->m;
	size_t pi = (size_t)m->v[pod].idx;
	if (e->lsig[pi] != NULL)
		return e->lsig[pi];
	uint64_t key = labelset_key(m, pod);
	size_t it = 0;
	int q;
	while ((q = hash_next(e->labelsets, key, &it)) >= 0 && !same_labels(m, pod, q))
		;
	if (q >= 0)
		return e->lsig[pi] = e->lsig[m->v[q].idx];
	unsigned char *b = xcalloc(e->npred, 1);
	size_t n = e->nsrc_rules;
	int ns = m->v[pod].ns;
	if (ns >= 0 && (size_t)ns < m->nns && model_addr_owner(m, m->v[pod].addr) == pod) {
		size_t k;
		const uint32_t *l = ns_peers(e, ns, &k);
		for (int pass = 0; pass < 2; pass++) {
			const uint32_t *at = pass ? l : e->every;
			for (size_t i = 0, end = pass ? k : e->nevery; i < end; i++) {
				const struct nspeer *y = &e->speers[at[i]];
				b[y->n] = policy_peer_matches(m, y->pol, y->peer, m->v[pod].addr);
			}
		}
		const struct labels *ls = &m->v[pod].labels;
		for (size_t i = 0; i < ls->n; i++) {
			size_t at = 0;
			int y;
			while ((y = hash_next(e->ekey, label_hash(&ls->l[i]), &at)) >= 0)
				b[e->speers[y].n] = policy_peer_matches(m, e->speers[y].pol, e->speers[y].peer, m->v[pod].addr);
		}
	} else {
		for (size_t i = 0; i < m->npols; i++) {
			const struct policy *pol = &m->pols[i];
			for (size_t r = 0; r < pol->nrules[POLICY_INGRESS]; r++) {
				const struct pol_rule *rule = &pol->rules[POLICY_INGRESS][r];
				for (size_t p = 0; p < rule->npeers; p++, n++) {
					const struct peer *x = &rule->peers[p];
					/* A peer without a namespace selector sees
					 * its policy's namespace only. */
					if (!x->is_block && (x->has_ns_sel || pol->ns == m->v[pod].ns))
						b[n] = policy_peer_matches(m, pol, x, m->v[pod].addr);
				}
			}
		}
	}
	e->lsig[pi] = b;
	xgrow(&e->lbits, &e->lbits_cap, e->nlbits + 1, sizeof *e->lbits);
	e->lbits[e->nlbits++] = b;
	hash_add(e->labelsets, key, pod);
	return b;
}

/* Which source predicates address a meets, one byte each: override src
 * prefixes, then policy peers (ip-blocks by address, selectors by pod). */
static void
signature(struct engine *e, uint32_t a, unsigned char *sig)
{
	const struct model *m = e->m;
	size_t k = 0;
	for (; k < e->nsrc_rules; k++)
		sig[k] = addr_in_prefix(a, e->src_rules[k]->src, e->src_rules[k]->src_len);
	int pod = model_addr_owner(m, a);
	if (pod >= 0 && m->v[pod].kind != V_POD)
		pod = -1;
	const unsigned char *sel = pod >= 0 ? label_bits(e, pod) : NULL;
	/* The selector peers' bits are the label set's (0 at ip-block
	 * peers); then the ip-block peers, which read the address. */
	if (sel)
		memcpy(sig + k, sel + k, e->npred - k);
	else
		memset(sig + k, 0, e->npred - k);
	for (size_t i = 0; i < e->nbpeers; i++)
		sig[e->bpeers[i].n] = policy_peer_matches(m, e->bpeers[i].pol, e->bpeers[i].peer, a);
}

/* A pod's class by its label bits and the distinct ip-blocks holding its
 * address (e->quick), or -1 when not known yet; *key gets the lookup. */
static int
quick_class(struct engine *e, int pod, const unsigned char **lbits, uint64_t *bbits, uint64_t *key)
{
	*lbits = label_bits(e, pod);
	*bbits = 0;
	for (size_t k = 0; k < e->nblocks; k++)
		if (policy_peer_matches(e->m, NULL, e->blocks[k], e->m->v[pod].addr))
			*bbits |= (uint64_t)1 << k;
	*key = ((uint64_t)(uintptr_t)*lbits * 0x9e3779b97f4a7c15ULL) ^ *bbits * 0xbf58476d1ce4e5b9ULL;
	size_t it = 0;
	int i;
	while ((i = hash_next(e->quick_cls, *key, &it)) >= 0)
		if (e->quicks[i].lbits == *lbits && e->quicks[i].bbits == *bbits)
			return e->quicks[i].cls;
	return -1;
}

int
engine_source_class(struct engine *e, uint32_t a)
{
	if (e->npred == 0)
		return 0;
	size_t it = 0;
	int c = hash_next(e->cls_of, a, &it);
	if (c >= 0)
		return c;
	int pod = e->quick ? model_addr_owner(e->m, a) : -1;
	const unsigned char *lbits = NULL;
	uint64_t bbits = 0, qkey = 0;
	if (pod >= 0 && e->m->v[pod].kind != V_POD)
		pod = -1;
	if (pod >= 0 && (c = quick_class(e, pod, &lbits, &bbits, &qkey)) >= 0) {
		hash_add(e->cls_of, a, c);
		return c;
	}
	unsigned char *sig = xmalloc(e->npred);
	signature(e, a, sig);
	uint64_t key = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < e->npred; i++)
		key = (key ^ sig[i]) * 0x100000001b3ULL;
	it = 0;
	while ((c = hash_next(e->sigs, key, &it)) >= 0 && memcmp(e->sig[c], sig, e->npred) != 0)
		;
	if (c < 0) {
		xgrow(&e->sig, &e->sig_cap, e->ncls + 1, sizeof *e->sig);
		c = (int)e->ncls++;
		e->sig[c] = sig;
		hash_add(e->sigs, key, c);
	} else {
		free(sig);
	}
	if (pod >= 0) {
		xgrow(&e->quicks, &e->quicks_cap, e->nquicks + 1, sizeof *e->quicks);
		e->quicks[e->nquicks] = (struct quick){ lbits, bbits, c };
		hash_add(e->quick_cls, qkey, (int)e->nquicks++);
	}
	hash_add(e->cls_of, a, c);
	return c;
}

const unsigned char *
engine_class_signature(const struct engine *e, int cls, size_t *n)
{
	*n = e->npred;
	return e->npred == 0 ? NULL : e->sig[cls];
}

static uint64_t
memo_key(int sw, const struct header *h, int cls)
{
	uint64_t k = (uint64_t)(uint32_t)sw * 0x9e3779b97f4a7c15ULL;
	k ^= (uint64_t)h->dst << 24 ^ (uint64_t)h->dport << 8 ^ (uint64_t)h->proto;
	return k * 0xbf58476d1ce4e5b9ULL ^ (uint64_t)(uint32_t)cls;
}

static const struct memo *
memo_get(struct engine *e, int sw, const struct header *h, int cls)
{
	uint64_t key = memo_key(sw, h, cls);
	size_t it = 0;
	int i;
	while ((i = hash_next(e->index, key, &it)) >= 0) {
		const struct memo *x = &e->memo[i];
		if (x->sw == sw && x->dst == h->dst && x->dport == h->dport && x->proto == h->proto && x->cls == cls)
			return x;
	}
	xgrow(&e->memo, &e->memo_cap, e->nmemo + 1, sizeof *e->memo);
	struct memo *x = &e->memo[e->nmemo];
	*x = (struct memo){ sw, h->dst, h->dport, h->proto, cls, h->src, NULL, 0, NULL, 0, false };
	x->n = forward_walk_from(e->m, sw, h, &x->fates);
	for (size_t f = 0; f < x->n; f++) {
		const struct fate *g = &x->fates[f];
		x->ingress |= g->ingress_pod >= 0;
		for (size_t k = 0; k < g->nsteps; k++) {
			int p = g->steps[k].sw;
			size_t j = 0;
			if (e->m->v[p].kind != V_POD)
				continue;
			while (j < x->npods && x->pods[j] != p)
				j++;
			if (j == x->npods) {
				x->pods = xreallocarray(x->pods, x->npods + 1, sizeof *x->pods);
				x->pods[x->npods++] = p;
			}
		}
	}
	hash_add(e->index, key, (int)e->nmemo++);
	return x;
}

/* Source a is one of the pod's own addresses for its ingress exceptions. */
static bool
ingress_exception(const struct model *m, int pod, uint32_t a)
{
	return a == m->v[pod].addr || a == m->v[m->v[pod].parent].addr;
}

/* May x continue prefix (whose source is src) exactly as a walk would? */
static bool
splice_ok(const struct model *m, const struct memo *x, const struct fate *prefix, uint32_t src)
{
	const struct vertex *s = &m->v[prefix->sender];
	int own = s->kind == V_CONTAINER ? s->parent : -1;
	for (size_t i = 0; i < x->n; i++) {
		const struct fate *g = &x->fates[i];
		if (g->ingress_pod >= 0 &&
		    (ingress_exception(m, g->ingress_pod, src) || ingress_exception(m, g->ingress_pod, x->src)))
			return false;
		for (size_t k = 0; k < g->nsteps; k++) {
			const struct step *t = &g->steps[k];
			if (t->sw == own)
				return false;
			for (size_t j = 0; j < prefix->nsteps; j++) {
				const struct step *p = &prefix->steps[j];
				if (p->sw == t->sw && p->h.dst == t->h.dst && p->h.dport == t->h.dport)
					return false;
			}
		}
	}
	return true;
}

/* splice_ok for a prefix that is the sender alone, or the sender and its
 * own pod own (-1 for none): only that pod's visits and the ingress
 * exceptions matter. */
static bool
splice_after_pod(const struct model *m, const struct memo *x, int own, uint32_t src)
{
	for (size_t i = 0; i < x->npods; i++)
		if (x->pods[i] == own)
			return false;
	for (size_t i = 0; x->ingress && i < x->n; i++) {
		int q = x->fates[i].ingress_pod;
		if (q >= 0 && (ingress_exception(m, q, src) || ingress_exception(m, q, x->src)))
			return false;
	}
	return true;
}

static size_t
arrive(void *ctx, const struct fate *prefix, int sw, const struct header *h, struct fate **out)
{
	struct engine *e = ctx;
	const struct memo *x = memo_get(e, sw, h, engine_source_class(e, h->src));
	if (!splice_ok(e->m, x, prefix, h->src))
		return 0;
	struct fate *r = xreallocarray(NULL, x->n, sizeof *r);
	for (size_t i = 0; i < x->n; i++) {
		const struct fate *g = &x->fates[i];
		struct fate f = *g;
		f.sender = prefix->sender;
		f.npath = prefix->npath + g->npath;
		f.path = xreallocarray(NULL, f.npath, sizeof *f.path);
		memcpy(f.path, prefix->path, prefix->npath * sizeof *f.path);
		memcpy(f.path + prefix->npath, g->path, g->npath * sizeof *f.path);
		/* The continuation's last step only: it decides the verdict, and
		 * copying every step per pair would cost more than the walk. */
		size_t tail = g->nsteps ? 1 : 0;
		f.nsteps = prefix->nsteps + tail;
		f.steps = xreallocarray(NULL, f.nsteps ? f.nsteps : 1, sizeof *f.steps);
		if (prefix->nsteps)
			memcpy(f.steps, prefix->steps, prefix->nsteps * sizeof *f.steps);
		if (tail)
			memcpy(f.steps + prefix->nsteps, g->steps + g->nsteps - tail, tail * sizeof *f.steps);
		if (prefix->dnat >= 0) {
			f.dnat = prefix->dnat;
			f.dnat_addr = prefix->dnat_addr;
			f.dnat_port = prefix->dnat_port;
		} else if (g->dnat >= 0) {
			f.dnat = (int)prefix->npath + g->dnat;
		}
		if (g->ingress_pod < 0)
			f.ingress_pod = prefix->ingress_pod;
		r[i] = f;
	}
	*out = r;
	return x->n;
}

size_t
engine_run(struct engine *e, int sender, uint32_t dst, uint16_t dport, enum proto proto, struct fate **out)
{
	const struct forward_hook hook = { arrive, e };
	return forward_run_hooked(e->m, sender, dst, dport, proto, &hook, out);
}

/* The common case without walking: a container of a regular pod (no
 * override rule, its links up) or a daemon, to a destination its first
 * switch forwards to its node; the node's continuation does the rest.
 * Fills e->scratch and returns the number of fates, or 0 when the
 * general walk must decide. */
static size_t
fast(struct engine *e, int sender, const struct dest *d)
{
	const struct model *m = e->m;
	const struct vertex *s = &m->v[sender];
	int first = s->parent, node;
	struct header h = forward_header(m, sender, d->addr, d->port, d->proto);
	struct fate prefix = { .sender = sender, .receiver = -1, .at = -1, .dnat = -1, .ingress_pod = -1 };
	int pre[2] = { sender, first };
	if (!model_linked(m, sender, first))
		return 0;
	if (s->kind == V_CONTAINER) {
		const struct vertex *p = &m->v[first];
		node = p->parent;
		if (p->nfib > 0 || d->addr == ADDR_LOOPBACK || d->addr == p->addr || !model_linked(m, first, node) ||
		    model_service_port(m, d->addr, d->port, d->proto) != NULL)
			return 0;
		if (p->nisolating[POLICY_EGRESS] > 0 && !policy_allows(m, first, POLICY_EGRESS, &h))
			return 0;
		prefix.npath = 2;
	} else {
		node = first;
		prefix.npath = 1;
	}
	const struct memo *x = memo_get(e, node, &h, engine_source_class(e, h.src));
	if (!splice_after_pod(m, x, s->kind == V_CONTAINER ? first : -1, h.src))
		return 0;
	size_t npath = 0;
	for (size_t i = 0; i < x->n; i++)
		npath += prefix.npath + x->fates[i].npath;
	xgrow(&e->paths, &e->paths_cap, npath, sizeof *e->paths);
	xgrow(&e->scratch, &e->scratch_cap, x->n, sizeof *e->scratch);
	int *path = e->paths;
	for (size_t i = 0; i < x->n; i++) {
		const struct fate *g = &x->fates[i];
		struct fate *f = &e->scratch[i];
		*f = *g;
		f->sender = sender;
		f->path = path;
		f->npath = prefix.npath + g->npath;
		memcpy(path, pre, prefix.npath * sizeof *path);
		memcpy(path + prefix.npath, g->path, g->npath * sizeof *path);
		path += f->npath;
		/* The deciding step only, where the memo keeps it. */
		f->steps = g->steps + g->nsteps - 1;
		f->nsteps = 1;
		if (g->dnat >= 0)
			f->dnat = (int)prefix.npath + g->dnat;
	}
	return x->n;
}

size_t
engine_fates(struct engine *e, int sender, const struct dest *d, const struct fate **out)
{
	forward_free(e->owned, e->nowned);
	e->owned = NULL;
	e->nowned = 0;
	size_t n = fast(e, sender, d);
	if (n > 0) {
		*out = e->scratch;
		return n;
	}
	e->nowned = engine_run(e, sender, d->addr, d->port, d->proto, &e->owned);
	*out = e->owned;
	return e->nowned;
}
