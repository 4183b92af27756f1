#include "config.h"
#include "census.h"
#include "constraint.h"
#include "dclass.h"
#include "engine.h"
#include "forward.h"
#include "hash.h"
#include "policy.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* ---- the first violations: the smallest keys, key = (sender, dest) ---- */

struct cand {
	uint64_t key;
	int sender;
	struct dest d;
	int expected;
};

/* A max-heap of at most keep candidates (an array when keep is unbounded). */
struct cands {
	struct cand *c;
	size_t n, cap, keep;
};

static uint64_t
cand_key(const struct model *m, int sender, uint32_t dest_order)
{
	return (uint64_t)(uint32_t)m->v[sender].idx << 32 | dest_order;
}

static void
sift_down(struct cands *h, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, big = i;
		if (l < h->n && h->c[l].key > h->c[big].key)
			big = l;
		if (r < h->n && h->c[r].key > h->c[big].key)
			big = r;
		if (big == i)
			return;
		struct cand t = h->c[i];
		h->c[i] = h->c[big];
		h->c[big] = t;
		i = big;
	}
}

/* Offer a violation; false when it is past the first keep (the caller's
 * later offers in the same run, with larger keys, are too). */
static bool
offer(struct cands *h, const struct cand *x)
{
	if (h->keep == 0)
		return false;
	if (h->n < h->keep) {
		xgrow(&h->c, &h->cap, h->n + 1, sizeof *h->c);
		size_t i = h->n++;
		h->c[i] = *x;
		if (h->keep != SIZE_MAX)
			while (i > 0 && h->c[(i - 1) / 2].key < h->c[i].key) {
				struct cand t = h->c[i];
				h->c[i] = h->c[(i - 1) / 2];
				h->c[(i - 1) / 2] = t;
				i = (i - 1) / 2;
			}
		return true;
	}
	if (x->key >= h->c[0].key)
		return false;
	h->c[0] = *x;
	sift_down(h, 0);
	return true;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* Walk the listed violations again, one by one, and hand them to the sink. */
static void
list(const struct model *m, const struct census_sink *out, enum constraint k, struct cands *h)
{
	if (h->n > 1)
		qsort(h->c, h->n, sizeof *h->c, cmp_cand);
	for (size_t i = 0; i < h->n; i++) {
		const struct cand *x = &h->c[i];
		struct fate *f;
		size_t n = forward_run(m, x->sender, x->d.addr, x->d.port, x->d.proto, &f);
		const struct fate *bad = NULL;
		if (constraint_judge(f, n, x->expected, &bad) == JUDGED_BAD)
			out->list(out->ctx, k, x->sender, &x->d, x->expected, bad);
		forward_free(f, n);
	}
	free(h->c);
	memset(h, 0, sizeof *h);
}

/* ---- per pod: its senders ---- */

struct pod_info {
	int *linked; /* containers whose link to the pod is up, in order */
	size_t nlinked;
	bool regular; /* no override, link to its node up, some sender */
	int group;    /* regular pods: its group */
	uint32_t ep_base; /* order of its first endpoint among all pods' */
};

/* Regular pods of one node, source class and egress policies. */
struct group {
	int node, kind; /* kind: an index of census.kinds */
	uint64_t senders;
	int *pods;
	size_t npods, pods_cap;
};

/* (source class, egress policies) and two pods of it, for headers. */
struct kind {
	int cls, egress;
	int rep[2];
	uint64_t senders;
	int *groups; /* in node order */
	size_t ngroups, groups_cap;
};

struct census {
	const struct model *m;
	const struct census_sink *out;
	struct engine *e;
	struct pod_info *pods; /* by pod idx */
	struct group *groups;
	size_t ngroups, groups_cap;
	struct kind *kinds;
	size_t nkinds, kinds_cap;
	struct hash *gidx;    /* (node, kind) -> group */
	int *override_nodes;  /* nodes with override rules */
	size_t noverride_nodes;
	int *irregular; /* pods with senders that are not regular */
	size_t nirregular;
	int *downs; /* containers whose link is down, in order */
	size_t ndowns;
	uint64_t containers;
	bool *override_node; /* by node idx */
	int **cut;           /* by node idx: nodes it has a cut link to (-1 ended) */
	struct cands cands[CONSTRAINT_COUNT];
	/* Destination classes (dclass.h): on for a plain cluster */
	bool plain;
	struct dclass *dc;
	size_t nesets;          /* egress ids: 0 to nesets - 1 */
	struct hash *dindex;    /* dest key -> dents */
	struct dent *dents;
	size_t ndents, dents_cap;
	int **node_groups;      /* by node idx: its groups (-1 ended) */
	/* Egress, per destination class without a pass over every egress
	 * set (sets by the thousand, classes by the ten thousand): */
	int **pol_esets;        /* by policy: the egress sets holding it (-1 ended) */
	struct prule *pure;     /* rules whose peers are all ip-blocks, or none */
	size_t npure;
	struct prule *selrules; /* the other rules (a selector peer) */
	size_t nselrules;
	uint32_t *every;        /* selrules that may take any namespace's pods */
	size_t nevery;
	uint32_t *egen;         /* those of every that no label of the pod rules out */
	size_t negen;
	struct hash *ekey;      /* label hash -> the others, under each peer's first match label */
	unsigned *rule_stamp;   /* by selrule: a candidate of this build */
	uint32_t *cand;         /* scratch: the candidates */
	size_t ncand, cand_cap;
	uint32_t **ns_rules;    /* by namespace, when met: the other selrules that may take its pods */
	size_t *ns_nrules;
	struct egmemo *memos;   /* what the pure rules allow, by egress key */
	size_t nmemos, memos_cap;
	struct hash *mindex;    /* egress key -> memos */
	size_t words;           /* of an egress set bitmap */
	size_t bytes;           /* held by dents and memos (bounded) */
	/* Scratch of one build, stamped with gen instead of cleared: */
	unsigned gen;
	unsigned *es_stamp;     /* by egress id: allowed by a selector rule */
	unsigned *pol_stamp;    /* by policy: allowed */
	unsigned *cls_stamp;    /* by class: judged */
	unsigned char *cls_j;
	size_t nclasses;
	/* by source predicate: the classes it holds for, cwords words each
	 * (NULL past 64 MiB): q's classes of key 0 need no look at all */
	uint64_t *pred_cls;
	size_t cwords;
	uint64_t *sel;          /* scratch: the classes some ingress peer of q selects */
	int *ckinds, *cstart;   /* the kinds of class c: ckinds[cstart[c] .. cstart[c + 1]) */
	int *ekinds, *estart;   /* the kinds of egress set e, likewise */
	int *classes;           /* the kinds' classes, once each */
	size_t nkcls;
	uint64_t senders;       /* of every kind */
	int *judged;            /* classes judged */
	size_t njudged, judged_cap;
	size_t *pos;            /* the destination's ingress peers in class signatures */
	size_t npos, pos_cap;
	int *ext;
	size_t next, ext_cap;
};

/* A policy rule, by indexes. */
struct prule {
	int pol, rule;
};

/* The egress sets that the pure rules let reach a destination: they read
 * only its ip-blocks and its port's number, protocol and name. */
struct egmemo {
	uint64_t ipsig;
	uint16_t port;
	enum proto proto;
	const char *name;
	uint64_t *bits; /* by egress id */
	uint64_t allowed; /* senders of the kinds it lets out (none isolated included) */
};

/* A class's judgement where it differs from the dent's j0. */
struct cj {
	int cls;
	unsigned char j;
};

/* One destination class and port: how every kind's senders fare there.
 * A kind's judgement is J_EGRESS unless its egress set lets the header
 * out (none, a bit of eb, or one of ext), else its source class's: the
 * class's entry in cj, or j0 (source classes that no ingress peer of the
 * destination selects, all alike). */
struct dent {
	int q;          /* the pod it was computed for */
	uint16_t port;
	enum proto proto;
	uint64_t denied; /* senders denied (policies or egress), unk's aside */
	const uint64_t *eb; /* a memo's bits */
	int *ext;        /* more egress ids let out, sorted */
	size_t next;
	struct cj *cj;   /* sorted by class */
	size_t ncj;
	unsigned char j0;
	int unk;         /* the kind that is q alone, while not judged; else -1 */
};

/* Beyond enum judgement: not judged yet (the kind was the pod alone),
 * and denied by the kind's egress policies (no walk: none of its groups
 * is an exception). */
enum { J_UNKNOWN = 3, J_EGRESS = 4 };

/* Egress policy sets, interned: pods isolated by the same policies. */
static int
egress_id(struct hash *ids, int ***sets, size_t *nsets, const struct vertex *pod)
{
	size_t n = pod->nisolating[POLICY_EGRESS];
	if (n == 0)
		return 0;
	uint64_t key = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		key = (key ^ (uint64_t)pod->isolating[POLICY_EGRESS][i]) * 0x100000001b3ULL;
	size_t it = 0;
	int id;
	while ((id = hash_next(ids, key, &it)) >= 0)
		if ((*sets)[id][0] == (int)n && memcmp((*sets)[id] + 1, pod->isolating[POLICY_EGRESS], n * sizeof(int)) == 0)
			return id;
	*sets = xreallocarray(*sets, *nsets + 1, sizeof **sets);
	int *s = xreallocarray(NULL, n + 1, sizeof *s);
	s[0] = (int)n;
	memcpy(s + 1, pod->isolating[POLICY_EGRESS], n * sizeof *s);
	id = (int)(*nsets)++;
	(*sets)[id] = s;
	hash_add(ids, key, id);
	return id;
}

static void
setup(struct census *z)
{
	const struct model *m = z->m;
	struct hash *gidx = z->gidx = hash_new(), *kidx = hash_new(), *eids = hash_new();
	int **esets = NULL;
	size_t nesets = 1; /* 0: not isolated */
	esets = xcalloc(1, sizeof *esets);
	z->pods = xcalloc(m->npods, sizeof *z->pods);
	z->override_node = xcalloc(m->nnodes, sizeof *z->override_node);
	for (size_t i = 0; i < m->nnodes; i++) {
		z->override_node[i] = m->v[m->nodes[i]].nfib > 0;
		if (z->override_node[i]) {
			z->override_nodes = xreallocarray(z->override_nodes, z->noverride_nodes + 1, sizeof(int));
			z->override_nodes[z->noverride_nodes++] = m->nodes[i];
		}
	}
	uint32_t base = 0;
	for (size_t i = 0; i < m->npods; i++) {
		int p = m->pods[i];
		const struct vertex *v = &m->v[p];
		struct pod_info *pi = &z->pods[i];
		pi->ep_base = base;
		base += (uint32_t)v->neps;
		pi->linked = xreallocarray(NULL, v->nkids ? v->nkids : 1, sizeof *pi->linked);
		for (size_t k = 0; k < v->nkids; k++) {
			z->containers++;
			if (model_linked(m, v->kids[k], p)) {
				pi->linked[pi->nlinked++] = v->kids[k];
			} else {
				z->downs = xreallocarray(z->downs, z->ndowns + 1, sizeof *z->downs);
				z->downs[z->ndowns++] = v->kids[k];
			}
		}
		pi->group = -1;
		if (pi->nlinked == 0)
			continue;
		pi->regular = v->nfib == 0 && model_linked(m, p, v->parent);
		if (!pi->regular) {
			z->irregular = xreallocarray(z->irregular, z->nirregular + 1, sizeof *z->irregular);
			z->irregular[z->nirregular++] = p;
			continue;
		}
		int cls = engine_source_class(z->e, v->addr), eg = egress_id(eids, &esets, &nesets, v);
		/* Its kind, then its group (node, kind). */
		uint64_t kkey = (uint64_t)(uint32_t)cls << 32 | (uint32_t)eg;
		size_t it = 0;
		int k;
		while ((k = hash_next(kidx, kkey, &it)) >= 0 && !(z->kinds[k].cls == cls && z->kinds[k].egress == eg))
			;
		if (k < 0) {
			xgrow(&z->kinds, &z->kinds_cap, z->nkinds + 1, sizeof *z->kinds);
			k = (int)z->nkinds++;
			z->kinds[k] = (struct kind){ .cls = cls, .egress = eg, .rep = { p, -1 } };
			hash_add(kidx, kkey, k);
		} else if (z->kinds[k].rep[1] < 0) {
			z->kinds[k].rep[1] = p;
		}
		uint64_t gkey = (uint64_t)(uint32_t)v->parent << 32 | (uint32_t)k;
		it = 0;
		int g;
		while ((g = hash_next(gidx, gkey, &it)) >= 0 && !(z->groups[g].node == v->parent && z->groups[g].kind == k))
			;
		if (g < 0) {
			xgrow(&z->groups, &z->groups_cap, z->ngroups + 1, sizeof *z->groups);
			g = (int)z->ngroups++;
			z->groups[g] = (struct group){ .node = v->parent, .kind = k };
			hash_add(gidx, gkey, g);
			struct kind *kd = &z->kinds[k];
			xgrow(&kd->groups, &kd->groups_cap, kd->ngroups + 1, sizeof *kd->groups);
			kd->groups[kd->ngroups++] = g;
		}
		struct group *gr = &z->groups[g];
		xgrow(&gr->pods, &gr->pods_cap, gr->npods + 1, sizeof *gr->pods);
		gr->pods[gr->npods++] = p;
		gr->senders += pi->nlinked;
		z->kinds[k].senders += pi->nlinked;
		pi->group = g;
	}
	z->cut = model_node_cuts(m);
	z->nesets = nesets;
	/* Each policy's egress sets, to mark the sets a policy lets out. */
	size_t *npe = xcalloc(m->npols ? m->npols : 1, sizeof *npe);
	z->pol_esets = xcalloc(m->npols ? m->npols : 1, sizeof *z->pol_esets);
	for (int pass = 0; pass < 2; pass++) {
		for (size_t e = 1; e < nesets; e++)
			for (int k = 1; k <= esets[e][0]; k++) {
				size_t p = (size_t)esets[e][k];
				if (pass == 0)
					npe[p]++;
				else
					z->pol_esets[p][npe[p]++] = (int)e;
			}
		for (size_t p = 0; p < m->npols; p++) {
			if (pass == 0)
				z->pol_esets[p] = xreallocarray(NULL, npe[p] + 1, sizeof **z->pol_esets);
			else
				z->pol_esets[p][npe[p]] = -1;
			npe[p] = 0;
		}
	}
	free(npe);
	for (size_t i = 0; i < nesets; i++)
		free(esets[i]);
	free(esets);
	hash_free(kidx);
	hash_free(eids);
}

static uint64_t
label_hash(const struct label *l)
{
	return hash_string(l->key) * 31 ^ hash_string(l->value);
}

/* model_node_lists' view of a group: its node. */
static int
group_node(const void *ctx, size_t g)
{
	const struct census *z = ctx;
	return z->groups[g].node;
}

/* Destination classes (dclass.h): when neither the pod nor its node has
 * override rules and their links are up, the continuation from a pod's
 * node to one of its ports is the node, the pod and the container
 * (judge_walk checks it), and pods of one class fare alike. */
static void
setup_dest(struct census *z)
{
	const struct model *m = z->m;
	z->dc = dclass_new(m);
	z->plain = z->dc != NULL;
	if (!z->plain)
		return;
	z->dindex = hash_new();
	z->mindex = hash_new();
	z->words = (z->nesets + 63) / 64;
	/* The egress rules of policies that isolate some sender. */
	for (size_t i = 0; i < m->npols; i++) {
		if (z->pol_esets[i][0] < 0)
			continue;
		for (size_t r = 0; r < m->pols[i].nrules[POLICY_EGRESS]; r++) {
			const struct pol_rule *rule = &m->pols[i].rules[POLICY_EGRESS][r];
			bool pure = true;
			for (size_t p = 0; p < rule->npeers; p++)
				pure &= rule->peers[p].is_block;
			struct prule x = { (int)i, (int)r };
			if (pure) {
				z->pure = xreallocarray(z->pure, z->npure + 1, sizeof *z->pure);
				z->pure[z->npure++] = x;
			} else {
				/* An ip-block or an empty namespace selector beside
				 * the selectors: a candidate in every namespace. */
				bool every = false;
				for (size_t p = 0; p < rule->npeers; p++) {
					const struct peer *pe = &rule->peers[p];
					every |= pe->is_block || (pe->has_ns_sel && pe->ns_sel.match.n == 0 && pe->ns_sel.nexpr == 0);
				}
				if (every) {
					z->every = xreallocarray(z->every, z->nevery + 1, sizeof *z->every);
					z->every[z->nevery++] = (uint32_t)z->nselrules;
				}
				z->selrules = xreallocarray(z->selrules, z->nselrules + 1, sizeof *z->selrules);
				z->selrules[z->nselrules++] = x;
			}
		}
	}
	/* A rule of every namespace whose peers each name a label in their
	 * pod selector is a candidate only for pods with one of them. */
	z->ekey = hash_new();
	for (size_t i = 0; i < z->nevery; i++) {
		const struct prule *x = &z->selrules[z->every[i]];
		const struct pol_rule *rule = &m->pols[x->pol].rules[POLICY_EGRESS][x->rule];
		bool keyed = true;
		for (size_t p = 0; p < rule->npeers; p++)
			keyed &= !rule->peers[p].is_block && rule->peers[p].has_pod_sel && rule->peers[p].pod_sel.match.n > 0;
		if (!keyed) {
			z->egen = xreallocarray(z->egen, z->negen + 1, sizeof *z->egen);
			z->egen[z->negen++] = z->every[i];
			continue;
		}
		for (size_t p = 0; p < rule->npeers; p++)
			hash_add(z->ekey, label_hash(&rule->peers[p].pod_sel.match.l[0]), (int)z->every[i]);
	}
	z->rule_stamp = xcalloc(z->nselrules ? z->nselrules : 1, sizeof *z->rule_stamp);
	z->ns_rules = xcalloc(m->nns ? m->nns : 1, sizeof *z->ns_rules);
	z->ns_nrules = xcalloc(m->nns ? m->nns : 1, sizeof *z->ns_nrules);
	z->es_stamp = xcalloc(z->nesets, sizeof *z->es_stamp);
	z->pol_stamp = xcalloc(m->npols ? m->npols : 1, sizeof *z->pol_stamp);
	for (size_t k = 0; k < z->nkinds; k++)
		if ((size_t)z->kinds[k].cls >= z->nclasses)
			z->nclasses = (size_t)z->kinds[k].cls + 1;
	z->cls_stamp = xcalloc(z->nclasses ? z->nclasses : 1, sizeof *z->cls_stamp);
	z->cls_j = xcalloc(z->nclasses ? z->nclasses : 1, sizeof *z->cls_j);
	size_t npred = 0;
	bool *met = xcalloc(z->nclasses ? z->nclasses : 1, sizeof *met);
	z->classes = xreallocarray(NULL, z->nkinds ? z->nkinds : 1, sizeof *z->classes);
	for (size_t k = 0; k < z->nkinds; k++)
		if (!met[z->kinds[k].cls]) {
			met[z->kinds[k].cls] = true;
			z->classes[z->nkcls++] = z->kinds[k].cls;
		}
	free(met);
	z->cwords = (z->nclasses + 63) / 64;
	z->sel = xcalloc(z->cwords + 1, sizeof *z->sel);
	if (z->nkinds > 0 && engine_class_signature(z->e, z->kinds[0].cls, &npred) != NULL &&
	    npred <= (((size_t)64 << 20) / 8) / z->cwords) {
		z->pred_cls = xcalloc(npred * z->cwords + 1, sizeof *z->pred_cls);
		for (size_t i = 0; i < z->nkcls; i++) {
			int c = z->classes[i];
			const unsigned char *sig = engine_class_signature(z->e, c, &npred);
			for (size_t k = 0; k < npred; k++)
				if (sig[k])
					z->pred_cls[k * z->cwords + (size_t)c / 64] |= (uint64_t)1 << (c % 64);
		}
	}
	/* The kinds by class and by egress set. */
	z->cstart = xcalloc(z->nclasses + 2, sizeof *z->cstart);
	z->estart = xcalloc(z->nesets + 2, sizeof *z->estart);
	for (size_t k = 0; k < z->nkinds; k++) {
		z->cstart[z->kinds[k].cls + 2]++;
		z->estart[z->kinds[k].egress + 2]++;
		z->senders += z->kinds[k].senders;
	}
	for (size_t c = 2; c < z->nclasses + 2; c++)
		z->cstart[c] += z->cstart[c - 1];
	for (size_t e = 2; e < z->nesets + 2; e++)
		z->estart[e] += z->estart[e - 1];
	z->ckinds = xreallocarray(NULL, z->nkinds + 1, sizeof *z->ckinds);
	z->ekinds = xreallocarray(NULL, z->nkinds + 1, sizeof *z->ekinds);
	for (size_t k = 0; k < z->nkinds; k++) {
		z->ckinds[z->cstart[z->kinds[k].cls + 1]++] = (int)k;
		z->ekinds[z->estart[z->kinds[k].egress + 1]++] = (int)k;
	}
	z->node_groups = model_node_lists(m, z->ngroups, group_node, z);
}

/* Forget every destination class and egress memo (memory stays bounded). */
static void
forget_dents(struct census *z)
{
	for (size_t i = 0; i < z->ndents; i++) {
		free(z->dents[i].ext);
		free(z->dents[i].cj);
	}
	for (size_t i = 0; i < z->nmemos; i++)
		free(z->memos[i].bits);
	z->ndents = z->nmemos = 0;
	z->bytes = 0;
	if (z->dindex) {
		hash_free(z->dindex);
		hash_free(z->mindex);
		z->dindex = hash_new();
		z->mindex = hash_new();
	}
}

static void
teardown(struct census *z)
{
	dclass_free(z->dc);
	forget_dents(z);
	hash_free(z->dindex);
	hash_free(z->mindex);
	free(z->dents);
	free(z->memos);
	for (size_t i = 0; z->pol_esets && i < z->m->npols; i++)
		free(z->pol_esets[i]);
	free(z->pol_esets);
	free(z->pure);
	free(z->selrules);
	free(z->every);
	free(z->egen);
	hash_free(z->ekey);
	free(z->rule_stamp);
	free(z->cand);
	for (size_t i = 0; z->ns_rules && i < z->m->nns; i++)
		free(z->ns_rules[i]);
	free(z->ns_rules);
	free(z->ns_nrules);
	free(z->es_stamp);
	free(z->pol_stamp);
	free(z->cls_stamp);
	free(z->cls_j);
	free(z->pred_cls);
	free(z->sel);
	free(z->classes);
	free(z->cstart);
	free(z->ckinds);
	free(z->estart);
	free(z->ekinds);
	free(z->judged);
	free(z->pos);
	free(z->ext);
	model_node_cuts_free(z->m, z->node_groups);
	for (size_t i = 0; i < z->m->npods; i++)
		free(z->pods[i].linked);
	free(z->pods);
	for (size_t i = 0; i < z->ngroups; i++)
		free(z->groups[i].pods);
	free(z->groups);
	for (size_t i = 0; i < z->nkinds; i++)
		free(z->kinds[i].groups);
	free(z->kinds);
	hash_free(z->gidx);
	free(z->override_nodes);
	free(z->irregular);
	free(z->downs);
	free(z->override_node);
	model_node_cuts_free(z->m, z->cut);
}

/* ---- counting ---- */

/* Offer senders[0..n) (in order) for one destination; false once one is
 * refused: later senders would be too. */
static bool
offer_all(struct census *z, enum constraint k, const int *senders, size_t n, const struct dest *d, uint32_t order,
	  int expected)
{
	for (size_t i = 0; i < n; i++) {
		struct cand x = { cand_key(z->m, senders[i], order), senders[i], *d, expected };
		if (!offer(&z->cands[k], &x))
			return false;
	}
	return true;
}

/* Count n senders (in order: senders[0..n)) that share judgement j. */
static void
tally(struct census *z, enum constraint k, const int *senders, size_t n, const struct dest *d, uint32_t order,
      int expected, enum judgement j)
{
	z->out->count(z->out->ctx, k, 0, j == JUDGED_BAD ? n : 0, j == JUDGED_DENIED ? n : 0);
	if (j == JUDGED_BAD)
		offer_all(z, k, senders, n, d, order, expected);
}

/* The fates of one sender (standing for its pod's linked containers). */
static enum judgement
judge_one(struct census *z, int sender, const struct dest *d, int expected)
{
	struct fate *f;
	size_t n = engine_run(z->e, sender, d->addr, d->port, d->proto, &f);
	enum judgement j = constraint_judge(f, n, expected, NULL);
	forward_free(f, n);
	return j;
}

static void
localhost(struct census *z)
{
	const struct model *m = z->m;
	for (size_t i = 0; i < m->npods; i++) {
		const struct vertex *v = &m->v[m->pods[i]];
		const struct pod_info *pi = &z->pods[i];
		for (size_t k = 0; k < v->neps; k++) {
			struct dest d = { ADDR_LOOPBACK, v->eps[k].port, v->eps[k].proto };
			int expected = v->eps[k].proc;
			z->out->count(z->out->ctx, CONSTRAINT_LOCALHOST, v->nkids, 0, 0);
			/* A container whose link is down is discarded at itself. */
			for (size_t c = 0; c < v->nkids; c++)
				if (!model_linked(m, v->kids[c], m->pods[i]))
					tally(z, CONSTRAINT_LOCALHOST, &v->kids[c], 1, &d, (uint32_t)k, expected, JUDGED_BAD);
			if (pi->nlinked > 0)
				tally(z, CONSTRAINT_LOCALHOST, pi->linked, pi->nlinked, &d, (uint32_t)k, expected,
				      judge_one(z, pi->linked[0], &d, expected));
		}
		engine_forget(z->e);
	}
}

static void
daemons(struct census *z)
{
	const struct model *m = z->m;
	for (size_t i = 0; i < m->nprocs; i++) {
		int s = m->procs[i];
		const struct vertex *dmn = &m->v[s];
		if (dmn->kind != V_DAEMON)
			continue;
		const struct vertex *n = &m->v[dmn->parent];
		for (size_t p = 0; p < n->npods; p++) {
			const struct vertex *q = &m->v[m->pods[n->first_pod + p]];
			for (size_t k = 0; k < q->neps; k++) {
				struct dest d = { q->addr, q->eps[k].port, q->eps[k].proto };
				uint32_t order = z->pods[n->first_pod + p].ep_base + (uint32_t)k;
				z->out->count(z->out->ctx, CONSTRAINT_DAEMON, 1, 0, 0);
				tally(z, CONSTRAINT_DAEMON, &s, 1, &d, order, q->eps[k].proc,
				      judge_one(z, s, &d, q->eps[k].proc));
			}
		}
		engine_forget(z->e);
	}
}

/* Pods excluded from their group's block for one destination (walked on
 * their own): a short list. */
struct excl {
	int *pod;
	size_t n, cap;
};

static bool
excluded(const struct excl *x, int pod)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->pod[i] == pod)
			return true;
	return false;
}

static void
exclude(struct excl *x, int pod)
{
	if (!excluded(x, pod)) {
		xgrow(&x->pod, &x->cap, x->n + 1, sizeof *x->pod);
		x->pod[x->n++] = pod;
	}
}

/* Senders of group g not walked on their own. */
static uint64_t
group_senders(const struct census *z, int g, const struct excl *x)
{
	uint64_t n = z->groups[g].senders;
	for (size_t i = 0; i < x->n; i++) {
		const struct pod_info *pi = &z->pods[z->m->v[x->pod[i]].idx];
		if (pi->group == g)
			n -= pi->nlinked;
	}
	return n;
}

/* Offer the senders of group g, in order; false once one is refused. */
static bool
offer_group(struct census *z, int g, const struct excl *x, const struct dest *d, uint32_t order, int expected)
{
	const struct group *gr = &z->groups[g];
	for (size_t i = 0; i < gr->npods; i++) {
		if (excluded(x, gr->pods[i]))
			continue;
		const struct pod_info *pi = &z->pods[z->m->v[gr->pods[i]].idx];
		if (!offer_all(z, CONSTRAINT_POD, pi->linked, pi->nlinked, d, order, expected))
			return false;
	}
	return true;
}

static bool
in_steps(const struct fate *f, size_t n, int sw)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < f[i].nsteps; k++)
			if (f[i].steps[k].sw == sw)
				return true;
	return false;
}

static int
group_of(const struct census *z, int node, int kind)
{
	uint64_t key = (uint64_t)(uint32_t)node << 32 | (uint32_t)kind;
	size_t it = 0;
	int g;
	while ((g = hash_next(z->gidx, key, &it)) >= 0)
		if (z->groups[g].node == node && z->groups[g].kind == kind)
			return g;
	return -1;
}

/* The groups of kind ki whose node may not follow the owner's
 * continuation f0: override rules, a cut link to the owner, or a node f0
 * passes. A short list, without repeats. */
static void
exceptions(const struct census *z, int ki, int owner, const struct header *h, const struct fate *f0, size_t n0,
	   struct excl *out)
{
	const struct model *m = z->m;
	out->n = 0;
	int g;
	for (size_t i = 0; i < z->noverride_nodes; i++)
		if (z->override_nodes[i] != owner && fib_may_match(&m->v[z->override_nodes[i]], h) &&
		    (g = group_of(z, z->override_nodes[i], ki)) >= 0)
			exclude(out, g);
	for (const int *c = z->cut[m->v[owner].idx]; *c >= 0; c++)
		if ((g = group_of(z, *c, ki)) >= 0)
			exclude(out, g);
	for (size_t i = 0; i < n0; i++)
		for (size_t k = 0; k < f0[i].nsteps; k++) {
			int sw = f0[i].steps[k].sw;
			if (m->v[sw].kind == V_NODE && sw != owner && (g = group_of(z, sw, ki)) >= 0)
				exclude(out, g);
		}
}

/* Judge every pod of group g on its own. */
static void
each_pod(struct census *z, int g, struct excl *x, const struct dest *d, uint32_t order, int expected)
{
	const struct group *gr = &z->groups[g];
	for (size_t i = 0; i < gr->npods; i++) {
		int p = gr->pods[i];
		if (excluded(x, p))
			continue;
		exclude(x, p);
		const struct pod_info *pi = &z->pods[z->m->v[p].idx];
		tally(z, CONSTRAINT_POD, pi->linked, pi->nlinked, d, order, expected,
		      judge_one(z, pi->linked[0], d, expected));
	}
}

/* How senders of source class cls fare to endpoint d of q, judged with a
 * representative rep of the class; -1 when the continuation is not the
 * plain one (node, pod, container), or depends on the exact source. */
static int
judge_walk(const struct census *z, int q, const struct dest *d, int expected, int rep)
{
	const struct model *m = z->m;
	int owner = m->v[q].parent;
	struct header h = { m->v[rep].addr, d->addr, d->port, d->proto };
	if (h.src == m->v[q].addr || h.src == m->v[owner].addr)
		return -1;
	struct fate *f;
	size_t n = forward_walk_from(m, owner, &h, &f);
	int j = (int)constraint_judge(f, n, expected, NULL);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < f[i].nsteps; k++)
			if (f[i].steps[k].sw != owner && f[i].steps[k].sw != q)
				j = -1;
	forward_free(f, n);
	return j;
}

static bool
bit(const uint64_t *b, int i)
{
	return b[(size_t)i / 64] >> ((size_t)i % 64) & 1;
}

/* The source predicates q's ingress policies read (positions in class
 * signatures), into z->pos. */
static void
ingress_positions(struct census *z, int q)
{
	const struct model *m = z->m;
	const struct vertex *v = &m->v[q];
	z->npos = 0;
	for (size_t i = 0; i < v->nisolating[POLICY_INGRESS]; i++) {
		int pi = v->isolating[POLICY_INGRESS][i];
		const struct policy *pol = &m->pols[pi];
		size_t k = dclass_peer_offset(z->dc, pi);
		for (size_t r = 0; r < pol->nrules[POLICY_INGRESS]; r++)
			for (size_t p = 0; p < pol->rules[POLICY_INGRESS][r].npeers; p++) {
				xgrow(&z->pos, &z->pos_cap, z->npos + 1, sizeof *z->pos);
				z->pos[z->npos++] = k++;
			}
	}
}

/* Class cls's bits at z->pos, as a key: classes of one key meet q's
 * ingress peers alike, and 0 is every class that none selects. Past 63
 * positions a class with a high bit set gets a key of its own. */
static uint64_t
class_key(const struct census *z, int cls)
{
	size_t n;
	const unsigned char *sig = engine_class_signature(z->e, cls, &n);
	uint64_t key = 0;
	bool high = false;
	if (sig == NULL)
		return 0;
	for (size_t i = 0; i < z->npos; i++)
		/* From the peers' class bitmaps when there are: a class's
		 * signature is one more cache line per look. */
		if (z->pred_cls ? bit(z->pred_cls + z->pos[i] * z->cwords, cls) : sig[z->pos[i]] != 0) {
			if (i < 63)
				key |= (uint64_t)1 << i;
			else
				high = true;
		}
	return high ? (uint64_t)1 << 63 | (uint64_t)(uint32_t)cls : key;
}

/* The egress sets whose pure rules let a header reach port d of q: the
 * memo of q's ip-blocks and port. */
static const struct egmemo *
egress_memo(struct census *z, int q, const struct dest *d)
{
	const struct model *m = z->m;
	const char *name = model_port_name(m, q, d->port, d->proto);
	uint64_t sig = dclass_sig(z->dc, q);
	uint64_t key = (sig * 0x9e3779b97f4a7c15ULL ^ (uint64_t)d->port << 8 ^ (uint64_t)d->proto) * 0xbf58476d1ce4e5b9ULL;
	if (name)
		key ^= hash_string(name);
	size_t it = 0;
	int i;
	while ((i = hash_next(z->mindex, key, &it)) >= 0) {
		const struct egmemo *x = &z->memos[i];
		if (x->ipsig == sig && x->port == d->port && x->proto == d->proto &&
		    (x->name == name || (x->name && name && strcmp(x->name, name) == 0)))
			return x;
	}
	uint64_t *bits = xcalloc(z->words ? z->words : 1, sizeof *bits);
	struct header h = { 0, d->addr, d->port, d->proto };
	int last = -1; /* the last policy found to let h out */
	for (size_t r = 0; r < z->npure; r++) {
		const struct policy *pol = &m->pols[z->pure[r].pol];
		if (z->pure[r].pol == last ||
		    !policy_rule_allows(m, pol, &pol->rules[POLICY_EGRESS][z->pure[r].rule], q, POLICY_EGRESS, &h))
			continue;
		last = z->pure[r].pol;
		for (const int *e = z->pol_esets[last]; *e >= 0; e++)
			bits[*e / 64] |= (uint64_t)1 << (*e % 64);
	}
	uint64_t allowed = 0;
	for (size_t k = 0; k < z->nkinds; k++)
		if (z->kinds[k].egress == 0 || bit(bits, z->kinds[k].egress))
			allowed += z->kinds[k].senders;
	xgrow(&z->memos, &z->memos_cap, z->nmemos + 1, sizeof *z->memos);
	z->memos[z->nmemos] = (struct egmemo){ sig, d->port, d->proto, name, bits, allowed };
	hash_add(z->mindex, key, (int)z->nmemos);
	z->bytes += sizeof(struct egmemo) + z->words * sizeof *bits;
	return &z->memos[z->nmemos++];
}

/* The rules with a selector peer that may let a header reach a pod of
 * namespace ns, past those of every namespace: a selector peer whose
 * namespace part takes ns. */
static const uint32_t *
ns_rules(struct census *z, int ns, size_t *n)
{
	const struct model *m = z->m;
	if (z->ns_rules[ns] == NULL) {
		uint32_t *l = NULL;
		size_t k = 0, cap = 0, e = 0;
		for (size_t i = 0; i < z->nselrules; i++) {
			if (e < z->nevery && z->every[e] == i) {
				e++;
				continue;
			}
			const struct policy *pol = &m->pols[z->selrules[i].pol];
			const struct pol_rule *r = &pol->rules[POLICY_EGRESS][z->selrules[i].rule];
			bool may = false;
			for (size_t p = 0; p < r->npeers && !may; p++) {
				const struct peer *pe = &r->peers[p];
				may = pe->has_ns_sel ? selector_matches(&pe->ns_sel, &m->ns[ns].labels) : pol->ns == ns;
			}
			if (may) {
				xgrow(&l, &cap, k + 1, sizeof *l);
				l[k++] = (uint32_t)i;
			}
		}
		z->ns_rules[ns] = l ? l : xcalloc(1, sizeof *l);
		z->ns_nrules[ns] = k;
	}
	*n = z->ns_nrules[ns];
	return z->ns_rules[ns];
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return x < y ? -1 : x > y;
}

static int
cmp_cj(const void *a, const void *b)
{
	return cmp_int(&((const struct cj *)a)->cls, &((const struct cj *)b)->cls);
}

static bool
dent_egress(const struct dent *x, int e)
{
	return e == 0 || bit(x->eb, e) || bsearch(&e, x->ext, x->next, sizeof *x->ext, cmp_int) != NULL;
}

static struct cj *
dent_cj(const struct dent *x, int cls)
{
	struct cj k = { cls, 0 };
	return bsearch(&k, x->cj, x->ncj, sizeof *x->cj, cmp_cj);
}

/* Kind ki's judgement at dent x (J_UNKNOWN: x->unk, not judged yet). */
static int
dent_j(const struct census *z, const struct dent *x, int ki)
{
	const struct kind *kd = &z->kinds[ki];
	if (!dent_egress(x, kd->egress))
		return J_EGRESS;
	const struct cj *c = dent_cj(x, kd->cls);
	return c ? c->j : x->j0;
}

/* Projected classes met in one build, and their judgements. */
struct seen {
	uint64_t key[64];
	unsigned char j[64];
	size_t n;
};

static int
seen_find(const struct seen *s, uint64_t key)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->key[i] == key)
			return s->j[i];
	return -1;
}

static void
seen_add(struct seen *s, uint64_t key, int j)
{
	if (s->n < 64) {
		s->key[s->n] = key;
		s->j[s->n++] = (unsigned char)j;
	}
}

static void
add_cand(struct census *z, unsigned gen, uint32_t r)
{
	if (z->rule_stamp[r] == gen)
		return;
	z->rule_stamp[r] = gen;
	xgrow(&z->cand, &z->cand_cap, z->ncand + 1, sizeof *z->cand);
	z->cand[z->ncand++] = r;
}

/* Does kind ki's egress set let the header of this build out? */
static bool
kind_out(const struct census *z, const uint64_t *eb, unsigned gen, int ki)
{
	int e = z->kinds[ki].egress;
	return e == 0 || bit(eb, e) || z->es_stamp[e] == gen;
}

/* Judge every kind's senders to endpoint d of q into a new dent, without
 * a pass over the kinds: the egress sets that let the header out come
 * from the pure rules' memo and the few selector rules that may take q's
 * namespace; the source classes that q's ingress peers select are judged
 * one walk per projected class, and all the others share one judgement
 * (key 0) over the senders let out that are left. -1 (nothing kept) when
 * the general loop must decide: a violation to list, a continuation that
 * is not the plain one. */
static int
new_dent(struct census *z, int q, int kq, const struct dest *d, int expected, uint64_t key)
{
	const struct model *m = z->m;
	/* Memory stays bounded (distinct pods by the hundred thousand,
	 * kinds by the thousand): forget every class past 64 MiB. */
	if (z->bytes > ((size_t)64 << 20))
		forget_dents(z);
	unsigned gen = ++z->gen;
	const struct egmemo *mm = egress_memo(z, q, d);
	const uint64_t *eb = mm->bits;
	uint64_t allowed = mm->allowed;
	/* The selector rules that may take q's namespace (every one when q
	 * has none). */
	int ns = m->v[q].ns;
	z->ncand = 0;
	if (ns < 0) {
		for (size_t i = 0; i < z->nselrules; i++)
			add_cand(z, gen, (uint32_t)i);
	} else {
		size_t nr;
		const uint32_t *nsl = ns_rules(z, ns, &nr);
		for (size_t i = 0; i < nr; i++)
			add_cand(z, gen, nsl[i]);
		for (size_t i = 0; i < z->negen; i++)
			add_cand(z, gen, z->egen[i]);
		const struct labels *ls = &m->v[q].labels;
		for (size_t i = 0; i < ls->n; i++) {
			size_t it = 0;
			int r;
			while ((r = hash_next(z->ekey, label_hash(&ls->l[i]), &it)) >= 0)
				add_cand(z, gen, (uint32_t)r);
		}
	}
	struct header h = { 0, d->addr, d->port, d->proto };
	z->next = 0;
	for (size_t c = 0; c < z->ncand; c++) {
		const struct prule *r = &z->selrules[z->cand[c]];
		int pi = r->pol;
		const struct policy *pol = &m->pols[pi];
		if (z->pol_stamp[pi] == gen || !policy_rule_allows(m, pol, &pol->rules[POLICY_EGRESS][r->rule], q, POLICY_EGRESS, &h))
			continue;
		z->pol_stamp[pi] = gen;
		for (const int *e = z->pol_esets[pi]; *e >= 0; e++)
			if (!bit(eb, *e) && z->es_stamp[*e] != gen) {
				z->es_stamp[*e] = gen;
				xgrow(&z->ext, &z->ext_cap, z->next + 1, sizeof *z->ext);
				z->ext[z->next++] = *e;
				for (int k = z->estart[*e]; k < z->estart[*e + 1]; k++)
					allowed += z->kinds[z->ekinds[k]].senders;
			}
	}
	/* Senders let out by none of their policies: J_EGRESS. */
	uint64_t denied = z->senders - allowed;
	/* q's kind when it is q alone: judged from another pod (the class's
	 * next one, when no other class tells). */
	int unk = -1;
	if (kq >= 0 && z->kinds[kq].rep[0] == q && z->kinds[kq].rep[1] < 0 && kind_out(z, eb, gen, kq)) {
		unk = kq;
		allowed -= z->kinds[kq].senders;
	}
	ingress_positions(z, q);
	memset(z->sel, 0, z->cwords * sizeof *z->sel);
	if (z->pred_cls) {
		for (size_t i = 0; i < z->npos; i++) {
			const uint64_t *row = z->pred_cls + z->pos[i] * z->cwords;
			for (size_t w = 0; w < z->cwords; w++)
				z->sel[w] |= row[w];
		}
	} else {
		for (size_t i = 0; i < z->nkcls; i++)
			if (class_key(z, z->classes[i]) != 0)
				z->sel[(size_t)z->classes[i] / 64] |= (uint64_t)1 << (z->classes[i] % 64);
	}
	/* The classes q's peers select, each on its own. */
	struct seen seen = { .n = 0 };
	z->njudged = 0;
	for (size_t w = 0; w < z->cwords; w++)
		for (uint64_t b = z->sel[w]; b != 0; b &= b - 1) {
			int c = (int)(w * 64 + (size_t)__builtin_ctzll(b)), rep = -1;
			uint64_t out = 0;
			for (int k = z->cstart[c]; k < z->cstart[c + 1]; k++) {
				int ki = z->ckinds[k];
				const struct kind *kd = &z->kinds[ki];
				if (ki == unk || !kind_out(z, eb, gen, ki))
					continue;
				out += kd->senders;
				if (rep < 0)
					rep = kd->rep[0] != q ? kd->rep[0] : kd->rep[1];
			}
			if (out == 0)
				continue;
			allowed -= out;
			uint64_t k = class_key(z, c);
			int j = seen_find(&seen, k);
			if (j < 0) {
				j = judge_walk(z, q, d, expected, rep);
				if (j < 0 || j == JUDGED_BAD)
					return -1;
				seen_add(&seen, k, j);
			}
			z->cls_stamp[c] = gen;
			z->cls_j[c] = (unsigned char)j;
			xgrow(&z->judged, &z->judged_cap, z->njudged + 1, sizeof *z->judged);
			z->judged[z->njudged++] = c;
			if (j == JUDGED_DENIED)
				denied += out;
		}
	/* Every other class let out: key 0, judged once. */
	int j0 = J_UNKNOWN;
	if (allowed > 0) {
		int rep = -1;
		for (size_t ki = 0; rep < 0 && ki < z->nkinds; ki++)
			if ((int)ki != unk && !bit(z->sel, z->kinds[ki].cls) && kind_out(z, eb, gen, (int)ki))
				rep = z->kinds[ki].rep[0] != q ? z->kinds[ki].rep[0] : z->kinds[ki].rep[1];
		if (rep < 0)
			return -1; /* cannot be: allowed counts such kinds' senders */
		j0 = judge_walk(z, q, d, expected, rep);
		if (j0 < 0 || j0 == JUDGED_BAD)
			return -1;
		seen_add(&seen, 0, j0);
		if (j0 == JUDGED_DENIED)
			denied += allowed;
	}
	int uc = -1;
	if (unk >= 0) {
		const struct kind *kd = &z->kinds[unk];
		int j = !bit(z->sel, kd->cls) ? (j0 == J_UNKNOWN ? -1 : j0)
		      : z->cls_stamp[kd->cls] == gen ? z->cls_j[kd->cls] : seen_find(&seen, class_key(z, kd->cls));
		if (j >= 0) {
			if (j == JUDGED_DENIED)
				denied += kd->senders;
			if (bit(z->sel, kd->cls) && z->cls_stamp[kd->cls] != gen) {
				z->cls_stamp[kd->cls] = gen;
				z->cls_j[kd->cls] = (unsigned char)j;
				xgrow(&z->judged, &z->judged_cap, z->njudged + 1, sizeof *z->judged);
				z->judged[z->njudged++] = kd->cls;
			}
			unk = -1;
		} else {
			uc = kd->cls;
		}
	}
	size_t ncj = 0;
	for (size_t i = 0; i < z->njudged; i++)
		ncj += z->cls_j[z->judged[i]] != j0;
	bool uentry = uc >= 0 && bit(z->sel, uc);
	struct cj *cj = xreallocarray(NULL, ncj + uentry + 1, sizeof *cj);
	ncj = 0;
	for (size_t i = 0; i < z->njudged; i++)
		if (z->cls_j[z->judged[i]] != j0)
			cj[ncj++] = (struct cj){ z->judged[i], z->cls_j[z->judged[i]] };
	if (uentry)
		cj[ncj++] = (struct cj){ uc, J_UNKNOWN };
	qsort(cj, ncj, sizeof *cj, cmp_cj);
	int *ext = xreallocarray(NULL, z->next + 1, sizeof *ext);
	if (z->next > 0)
		memcpy(ext, z->ext, z->next * sizeof *ext);
	qsort(ext, z->next, sizeof *ext, cmp_int);
	xgrow(&z->dents, &z->dents_cap, z->ndents + 1, sizeof *z->dents);
	z->dents[z->ndents] = (struct dent){ q, d->port, d->proto, denied, eb, ext, z->next, cj, ncj, (unsigned char)j0, unk };
	hash_add(z->dindex, key, (int)z->ndents);
	z->bytes += sizeof(struct dent) + ncj * sizeof *cj + z->next * sizeof *ext;
	return (int)z->ndents++;
}

/* The kinds' senders to endpoint d of q, counted from its destination
 * class when one is known, else judged into a new one. False (nothing
 * counted) when the general loop must decide: a violation to list, a
 * continuation that is not the plain one. */
static bool
dest_class(struct census *z, int q, const struct dest *d, uint32_t order, int expected)
{
	const struct model *m = z->m;
	int owner = m->v[q].parent;
	if (!z->plain || m->v[q].nfib > 0 || z->override_node[m->v[owner].idx] || !model_linked(m, q, owner) ||
	    !model_linked(m, expected, q))
		return false;
	const struct pod_info *qi = &z->pods[m->v[q].idx];
	int kq = qi->group >= 0 ? z->groups[qi->group].kind : -1;
	uint64_t key = dclass_key(z->dc, q, d);
	size_t it = 0;
	int i;
	while ((i = hash_next(z->dindex, key, &it)) >= 0 &&
	       !(z->dents[i].port == d->port && z->dents[i].proto == d->proto && dclass_same(z->dc, z->dents[i].q, q, d->port, d->proto)))
		;
	if (i < 0 && (i = new_dent(z, q, kq, d, expected, key)) < 0)
		return false;
	struct dent *x = &z->dents[i];
	if (x->unk >= 0 && x->q != q) {
		/* The kind that was the first pod alone: judged now. */
		const struct kind *kd = &z->kinds[x->unk];
		int j = judge_walk(z, q, d, expected, kd->rep[0]);
		if (j < 0 || j == JUDGED_BAD)
			return false;
		struct cj *c = dent_cj(x, kd->cls);
		if (c)
			c->j = (unsigned char)j;
		else
			x->j0 = (unsigned char)j;
		if (j == JUDGED_DENIED)
			x->denied += kd->senders;
		x->unk = -1;
	}
	/* q's own senders were judged on their own. */
	uint64_t denied = x->denied;
	int jq = kq >= 0 ? dent_j(z, x, kq) : -1;
	if (jq == JUDGED_DENIED || jq == J_EGRESS)
		denied -= qi->nlinked;
	/* Groups on nodes that may not reach the owner as the others do
	 * (override rules that may match, a cut link to the owner): walked
	 * from their node, as endpoint() does. */
	struct excl nodes = { 0 }, xp = { 0 };
	struct header h = { 0, d->addr, d->port, d->proto };
	for (size_t o = 0; o < z->noverride_nodes; o++)
		if (z->override_nodes[o] != owner && fib_may_match(&m->v[z->override_nodes[o]], &h))
			exclude(&nodes, z->override_nodes[o]);
	for (const int *c = z->cut[m->v[owner].idx]; *c >= 0; c++)
		exclude(&nodes, *c);
	exclude(&xp, q);
	for (size_t o = 0; o < nodes.n; o++)
		for (const int *g = z->node_groups[m->v[nodes.pod[o]].idx]; *g >= 0; g++) {
			const struct group *gr = &z->groups[*g];
			const struct kind *kd = &z->kinds[gr->kind];
			int rep = kd->rep[0] != q ? kd->rep[0] : kd->rep[1];
			int jg = dent_j(z, x, gr->kind);
			if (jg == J_EGRESS)
				continue;
			if (jg == JUDGED_DENIED)
				denied -= gr->senders;
			h.src = m->v[rep].addr;
			struct fate *fn;
			size_t nn = forward_walk_from(m, gr->node, &h, &fn);
			if (forward_source_decides(m, fn, nn, h.src)) {
				each_pod(z, *g, &xp, d, order, expected);
			} else {
				for (size_t p = 0; p < gr->npods; p++) {
					int pod = gr->pods[p];
					if (excluded(&xp, pod) || !in_steps(fn, nn, pod))
						continue;
					exclude(&xp, pod);
					const struct pod_info *pi = &z->pods[m->v[pod].idx];
					tally(z, CONSTRAINT_POD, pi->linked, pi->nlinked, d, order, expected,
					      judge_one(z, pi->linked[0], d, expected));
				}
				enum judgement jn = constraint_judge(fn, nn, expected, NULL);
				uint64_t n = group_senders(z, *g, &xp);
				z->out->count(z->out->ctx, CONSTRAINT_POD, 0, jn == JUDGED_BAD ? n : 0, jn == JUDGED_DENIED ? n : 0);
				if (jn == JUDGED_BAD)
					offer_group(z, *g, &xp, d, order, expected);
			}
			forward_free(fn, nn);
		}
	free(nodes.pod);
	free(xp.pod);
	z->out->count(z->out->ctx, CONSTRAINT_POD, 0, 0, denied);
	return true;
}

/* Every container to pod endpoint (q, k). */
static void
endpoint(struct census *z, int q, size_t k)
{
	const struct model *m = z->m;
	const struct vertex *qv = &m->v[q];
	const struct pod_info *qi = &z->pods[qv->idx];
	struct dest d = { qv->addr, qv->eps[k].port, qv->eps[k].proto };
	uint32_t order = qi->ep_base + (uint32_t)k;
	int expected = qv->eps[k].proc, owner = qv->parent;
	z->out->count(z->out->ctx, CONSTRAINT_POD, z->containers, 0, 0);
	tally(z, CONSTRAINT_POD, z->downs, z->ndowns, &d, order, expected, JUDGED_BAD);
	/* The destination's own pod and the irregular ones, on their own. */
	if (qi->nlinked > 0)
		tally(z, CONSTRAINT_POD, qi->linked, qi->nlinked, &d, order, expected,
		      judge_one(z, qi->linked[0], &d, expected));
	for (size_t i = 0; i < z->nirregular; i++) {
		int p = z->irregular[i];
		const struct pod_info *pi = &z->pods[m->v[p].idx];
		if (p != q)
			tally(z, CONSTRAINT_POD, pi->linked, pi->nlinked, &d, order, expected,
			      judge_one(z, pi->linked[0], &d, expected));
	}
	if (dest_class(z, q, &d, order, expected))
		return;
	struct excl x = { 0 }, ex = { 0 };
	for (size_t ki = 0; ki < z->nkinds; ki++) {
		const struct kind *kd = &z->kinds[ki];
		x.n = 0;
		exclude(&x, q);
		int rep = kd->rep[0] != q ? kd->rep[0] : kd->rep[1];
		if (rep < 0)
			continue; /* the kind is q alone */
		struct header h = { m->v[rep].addr, d.addr, d.port, d.proto };
		enum judgement j0;
		struct fate *f0 = NULL;
		size_t n0 = 0;
		ex.n = 0;
		if (kd->egress != 0 && !policy_allows(m, rep, POLICY_EGRESS, &h)) {
			j0 = JUDGED_DENIED;
		} else {
			n0 = forward_walk_from(m, owner, &h, &f0);
			if (forward_source_decides(m, f0, n0, h.src)) {
				for (size_t g = 0; g < kd->ngroups; g++)
					each_pod(z, kd->groups[g], &x, &d, order, expected);
				forward_free(f0, n0);
				continue;
			}
			/* Regular pods the continuation passes are judged on their
			 * own: their own pod is theirs (egress, exceptions). */
			for (size_t i = 0; i < n0; i++)
				for (size_t s = 0; s < f0[i].nsteps; s++) {
					int sw = f0[i].steps[s].sw;
					const struct pod_info *pi = m->v[sw].kind == V_POD ? &z->pods[m->v[sw].idx] : NULL;
					if (pi && pi->group >= 0 && z->groups[pi->group].kind == (int)ki && !excluded(&x, sw)) {
						exclude(&x, sw);
						tally(z, CONSTRAINT_POD, pi->linked, pi->nlinked, &d, order, expected,
						      judge_one(z, pi->linked[0], &d, expected));
					}
				}
			j0 = constraint_judge(f0, n0, expected, NULL);
			exceptions(z, (int)ki, owner, &h, f0, n0, &ex);
		}
		/* The exceptional groups, each walked from its node. */
		uint64_t rest = kd->senders;
		for (size_t i = 0; i < ex.n; i++) {
			int g = ex.pod[i];
			const struct group *gr = &z->groups[g];
			struct fate *fn;
			size_t nn = forward_walk_from(m, gr->node, &h, &fn);
			if (forward_source_decides(m, fn, nn, h.src)) {
				each_pod(z, g, &x, &d, order, expected);
			} else {
				/* A pod of the group that the walk passes: on its own. */
				for (size_t p = 0; p < gr->npods; p++) {
					int pod = gr->pods[p];
					if (excluded(&x, pod) || !in_steps(fn, nn, pod))
						continue;
					exclude(&x, pod);
					const struct pod_info *pi = &z->pods[m->v[pod].idx];
					tally(z, CONSTRAINT_POD, pi->linked, pi->nlinked, &d, order, expected,
					      judge_one(z, pi->linked[0], &d, expected));
				}
				enum judgement jn = constraint_judge(fn, nn, expected, NULL);
				uint64_t n = group_senders(z, g, &x);
				z->out->count(z->out->ctx, CONSTRAINT_POD, 0, jn == JUDGED_BAD ? n : 0, jn == JUDGED_DENIED ? n : 0);
				if (jn == JUDGED_BAD)
					offer_group(z, g, &x, &d, order, expected);
			}
			rest -= z->groups[g].senders;
			forward_free(fn, nn);
		}
		/* Every other group follows f0 (or the egress denial). */
		if (j0 != JUDGED_GOOD) {
			for (size_t i = 0; i < x.n; i++) {
				const struct pod_info *pi = &z->pods[m->v[x.pod[i]].idx];
				if (pi->group >= 0 && z->groups[pi->group].kind == (int)ki && !excluded(&ex, pi->group))
					rest -= pi->nlinked;
			}
			z->out->count(z->out->ctx, CONSTRAINT_POD, 0, j0 == JUDGED_BAD ? rest : 0, j0 == JUDGED_DENIED ? rest : 0);
			for (size_t g = 0; j0 == JUDGED_BAD && g < kd->ngroups; g++)
				if (!excluded(&ex, kd->groups[g]) && !offer_group(z, kd->groups[g], &x, &d, order, expected))
					break;
		}
		forward_free(f0, n0);
	}
	free(x.pod);
	free(ex.pod);
}

void
census_run(const struct model *m, const struct census_sink *out)
{
	struct census z = { .m = m, .out = out, .e = engine_new(m) };
	for (int k = 0; k < CONSTRAINT_COUNT; k++)
		z.cands[k].keep = out->keep;
	setup(&z);
	setup_dest(&z);
	localhost(&z);
	daemons(&z);
	for (size_t i = 0; i < m->npods; i++) {
		const struct vertex *q = &m->v[m->pods[i]];
		for (size_t k = 0; k < q->neps; k++)
			endpoint(&z, m->pods[i], k);
		engine_forget(z.e);
	}
	list(m, out, CONSTRAINT_LOCALHOST, &z.cands[CONSTRAINT_LOCALHOST]);
	list(m, out, CONSTRAINT_POD, &z.cands[CONSTRAINT_POD]);
	list(m, out, CONSTRAINT_DAEMON, &z.cands[CONSTRAINT_DAEMON]);
	teardown(&z);
	engine_free(z.e);
}
