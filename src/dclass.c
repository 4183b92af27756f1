#include "config.h"
#include "dclass.h"
#include "hash.h"
#include "policy.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct dclass {
	const struct model *m;
	uint64_t *sig;  /* by pod idx, then node idx after the pods */
	size_t *off;    /* by policy */
};

struct dclass *
dclass_new(const struct model *m)
{
	for (size_t i = 0; i < m->nswitches; i++)
		for (size_t k = 0; k < m->v[m->switches[i]].nfib; k++)
			if (!m->v[m->switches[i]].fib[k].any_src)
				return NULL;
	const struct peer *blocks[64];
	size_t nblocks = 0;
	for (size_t i = 0; i < m->npols; i++)
		for (size_t r = 0; r < m->pols[i].nrules[POLICY_EGRESS]; r++) {
			const struct pol_rule *rule = &m->pols[i].rules[POLICY_EGRESS][r];
			for (size_t p = 0; p < rule->npeers; p++) {
				const struct peer *b = &rule->peers[p];
				size_t k = 0;
				if (!b->is_block)
					continue;
				while (k < nblocks && !policy_same_block(blocks[k], b))
					k++;
				if (k < nblocks)
					continue;
				if (nblocks == 64)
					return NULL;
				blocks[nblocks++] = b;
			}
		}
	struct dclass *c = xcalloc(1, sizeof *c);
	c->m = m;
	c->sig = xcalloc(m->npods + m->nnodes + 1, sizeof *c->sig);
	for (size_t i = 0; i < m->npods + m->nnodes; i++) {
		uint32_t a = m->v[i < m->npods ? m->pods[i] : m->nodes[i - m->npods]].addr;
		for (size_t k = 0; k < nblocks; k++)
			if (policy_peer_matches(m, NULL, blocks[k], a))
				c->sig[i] |= (uint64_t)1 << k;
	}
	/* no rule on src: a class signature is the policies' ingress peers,
	 * in policy, rule and peer order (engine.h) */
	c->off = xreallocarray(NULL, m->npols + 1, sizeof *c->off);
	size_t off = 0;
	for (size_t i = 0; i < m->npols; i++) {
		c->off[i] = off;
		for (size_t r = 0; r < m->pols[i].nrules[POLICY_INGRESS]; r++)
			off += m->pols[i].rules[POLICY_INGRESS][r].npeers;
	}
	return c;
}

void
dclass_free(struct dclass *c)
{
	if (c == NULL)
		return;
	free(c->sig);
	free(c->off);
	free(c);
}

uint64_t
dclass_sig(const struct dclass *c, int q)
{
	const struct vertex *v = &c->m->v[q];
	return c->sig[v->kind == V_NODE ? c->m->npods + (size_t)v->idx : (size_t)v->idx];
}

size_t
dclass_peer_offset(const struct dclass *c, int pol)
{
	return c->off[pol];
}

uint64_t
dclass_key(const struct dclass *c, int q, const struct dest *d)
{
	const struct model *m = c->m;
	const struct vertex *v = &m->v[q];
	uint64_t key = v->kind == V_NODE ? 0x51ed270b27a2c4f3ULL : (uint64_t)(uint32_t)v->ns * 0x9e3779b97f4a7c15ULL;
	if (v->kind == V_POD)
		key = labels_hash(&v->labels, key);
	key = (key ^ (uint64_t)d->port << 8 ^ (uint64_t)d->proto) * 0xbf58476d1ce4e5b9ULL;
	key ^= dclass_sig(c, q) * 0x94d049bb133111ebULL;
	const char *name = v->kind == V_POD ? model_port_name(m, q, d->port, d->proto) : NULL;
	return name ? key ^ hash_string(name) : key;
}

bool
dclass_same(const struct dclass *c, int a, int b, uint16_t port, enum proto proto)
{
	const struct model *m = c->m;
	const struct vertex *x = &m->v[a], *y = &m->v[b];
	if (x->kind != y->kind || dclass_sig(c, a) != dclass_sig(c, b))
		return false;
	if (x->kind == V_NODE)
		return true;
	if (x->ns != y->ns || !labels_same_order(&x->labels, &y->labels))
		return false;
	const char *p = model_port_name(m, a, port, proto), *q = model_port_name(m, b, port, proto);
	return p == q || (p && q && strcmp(p, q) == 0);
}
