#include "config.h"
#include "policy.h"

#include <string.h>

/* Selectors match pods only: an address that is no pod's matches only
 * ip-blocks. */
bool
policy_peer_matches(const struct model *m, const struct policy *pol, const struct peer *p, uint32_t addr)
{
	if (p->is_block) {
		if (!addr_in_prefix(addr, p->net, p->len))
			return false;
		for (size_t i = 0; i < p->nexcept; i++)
			if (addr_in_prefix(addr, p->except_net[i], p->except_len[i]))
				return false;
		return true;
	}
	int owner = model_addr_owner(m, addr);
	if (owner < 0 || m->v[owner].kind != V_POD)
		return false;
	const struct vertex *pod = &m->v[owner];
	if (p->has_ns_sel) {
		if (!selector_matches(&p->ns_sel, &m->ns[pod->ns].labels))
			return false;
	} else if (pod->ns != pol->ns) {
		return false;
	}
	return !p->has_pod_sel || selector_matches(&p->pod_sel, &pod->labels);
}

/* A named port matches when the destination pod opens it, under that
 * name, for this protocol and number. */
static bool
named_port_matches(const struct model *m, int pod, const char *name, const struct header *h)
{
	if (pod < 0 || m->v[pod].kind != V_POD)
		return false;
	const struct endpoint *ep = model_endpoint(m, pod, h->dport, h->proto);
	if (ep == NULL)
		return false;
	const struct vertex *c = &m->v[ep->proc];
	for (size_t i = 0; i < c->nports; i++)
		if (c->ports[i].number == h->dport && c->ports[i].proto == h->proto)
			return c->ports[i].name && strcmp(c->ports[i].name, name) == 0;
	return false;
}

static bool
port_matches(const struct model *m, const struct pol_port *pp, int dest_pod, const struct header *h)
{
	if (pp->proto != h->proto)
		return false;
	if (pp->name)
		return named_port_matches(m, dest_pod, pp->name, h);
	if (!pp->has_number)
		return true;
	return h->dport >= pp->number && h->dport <= (pp->end ? pp->end : pp->number);
}

bool
policy_rule_allows(const struct model *m, const struct policy *pol, const struct pol_rule *r, int pod, int dir,
		   const struct header *h)
{
	uint32_t other = dir == POLICY_INGRESS ? h->src : h->dst;
	bool peer = r->npeers == 0;
	for (size_t i = 0; i < r->npeers && !peer; i++)
		peer = policy_peer_matches(m, pol, &r->peers[i], other);
	if (!peer)
		return false;
	if (r->nports == 0)
		return true;
	int dest_pod = dir == POLICY_INGRESS ? pod : model_addr_owner(m, h->dst);
	for (size_t i = 0; i < r->nports; i++)
		if (port_matches(m, &r->ports[i], dest_pod, h))
			return true;
	return false;
}

bool
policy_allows(const struct model *m, int pod, int dir, const struct header *h)
{
	const struct vertex *v = &m->v[pod];
	if (v->nisolating[dir] == 0)
		return true;
	uint32_t node = m->v[v->parent].addr;
	if (dir == POLICY_INGRESS && (h->src == v->addr || h->src == node))
		return true;
	if (dir == POLICY_EGRESS && (h->dst == ADDR_LOOPBACK || h->dst == v->addr || h->dst == node))
		return true;
	for (size_t i = 0; i < v->nisolating[dir]; i++) {
		const struct policy *pol = &m->pols[v->isolating[dir][i]];
		for (size_t k = 0; k < pol->nrules[dir]; k++)
			if (policy_rule_allows(m, pol, &pol->rules[dir][k], pod, dir, h))
				return true;
	}
	return false;
}

bool
policy_same_block(const struct peer *a, const struct peer *b)
{
	if (a->net != b->net || a->len != b->len || a->nexcept != b->nexcept)
		return false;
	for (size_t i = 0; i < a->nexcept; i++)
		if (a->except_net[i] != b->except_net[i] || a->except_len[i] != b->except_len[i])
			return false;
	return true;
}
