#include "config.h"
#include "forward.h"
#include "policy.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct header
forward_header(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto)
{
	const struct vertex *s = &m->v[sender];
	struct header h = { .dst = dst, .dport = dport, .proto = proto };
	if (s->kind == V_CONTAINER)
		h.src = dst == ADDR_LOOPBACK ? ADDR_LOOPBACK : m->v[s->parent].addr;
	else
		h.src = m->v[s->parent].addr;
	return h;
}

/* Fates produced so far (a fork adds one per backend). */
struct fates {
	struct fate *f;
	size_t n, cap;
};

static void
add_vertex(struct fate *f, int v)
{
	/* Paths are short; grow one at a time to keep the fate self-contained. */
	f->path = xreallocarray(f->path, f->npath + 1, sizeof *f->path);
	f->path[f->npath++] = v;
}

static void
end(struct fates *out, struct fate *f, enum verdict v, enum reason r, int at)
{
	f->verdict = v;
	f->reason = r;
	f->at = at;
	xgrow(&out->f, &out->cap, out->n + 1, sizeof *out->f);
	out->f[out->n++] = *f;
}

static struct fate
copy(const struct fate *f)
{
	struct fate c = *f;
	c.path = xreallocarray(NULL, f->npath ? f->npath : 1, sizeof *c.path);
	if (f->npath)
		memcpy(c.path, f->path, f->npath * sizeof *c.path);
	c.steps = xreallocarray(NULL, f->nsteps ? f->nsteps : 1, sizeof *c.steps);
	if (f->nsteps)
		memcpy(c.steps, f->steps, f->nsteps * sizeof *c.steps);
	return c;
}

/* A rule's target: linked and up, or why not. */
static enum reason
reach_target(const struct model *m, int sw, int to)
{
	if (model_linked(m, sw, to))
		return REASON_NONE;
	return model_adjacent(m, sw, to) ? REASON_LINK_DOWN : REASON_NO_LINK;
}

/* Loop detection compares (switch, destination address, destination port). */
static bool
visited(const struct fate *f, int sw, const struct header *h)
{
	for (size_t i = 0; i < f->nsteps; i++) {
		const struct step *s = &f->steps[i];
		if (s->sw == sw && s->h.dst == h->dst && s->h.dport == h->dport)
			return true;
	}
	return false;
}

/* Policies are enforced at pod switches: egress where a message of one of
 * the pod's containers leaves it, ingress where one from outside the pod
 * is delivered. */
static enum reason
policy(const struct model *m, struct fate *f, int sw, enum action a, const struct header *h)
{
	const struct vertex *v = &m->v[sw];
	if (v->kind != V_POD)
		return REASON_NONE;
	bool own = f->sender >= 0 && m->v[f->sender].kind == V_CONTAINER && m->v[f->sender].parent == sw;
	if (a == ACT_FORWARD && own && !policy_allows(m, sw, POLICY_EGRESS, h))
		return REASON_EGRESS;
	if (a == ACT_DELIVER && !own && v->nisolating[POLICY_INGRESS] > 0) {
		f->ingress_pod = sw;
		if (!policy_allows(m, sw, POLICY_INGRESS, h))
			return REASON_INGRESS;
	}
	return REASON_NONE;
}

/* A message DNATed to an address that no node or pod holds, discarded
 * for want of a rule, left the cluster: that is its reason. */
static void
outside(const struct model *m, struct fate *f)
{
	if (f->verdict == VERDICT_DISCARDED && f->reason == REASON_NO_RULE && f->dnat >= 0 &&
	    model_addr_owner(m, f->dnat_addr) < 0)
		f->reason = REASON_OUTSIDE;
}

/* Walk f from switch sw; rewritten: sw was just reached by a DNAT at the
 * same switch, so its token is already in the path. Every fate ends in
 * out; f's arrays move there. */
static void
walk(const struct model *m, const struct forward_hook *hook, struct fates *out, struct fate *f, int sw,
     struct header h, bool rewritten)
{
	for (;;) {
		if (visited(f, sw, &h)) {
			if (!rewritten)
				add_vertex(f, sw);
			end(out, f, VERDICT_LOOP, REASON_NONE, sw);
			return;
		}
		if (!rewritten)
			add_vertex(f, sw);
		rewritten = false;
		f->steps = xreallocarray(f->steps, f->nsteps + 1, sizeof *f->steps);
		struct step *s = &f->steps[f->nsteps++];
		*s = (struct step){ .sw = sw, .h = h };
		if (!fib_lookup(m, sw, &h, &s->pos, &s->rule)) {
			s->pos = 0;
			end(out, f, VERDICT_DISCARDED, REASON_NO_RULE, sw);
			outside(m, &out->f[out->n - 1]);
			return;
		}
		const struct rule r = s->rule;
		enum reason why;
		if (r.action == ACT_DISCARD) {
			end(out, f, VERDICT_DISCARDED, REASON_DISCARD_RULE, sw);
			return;
		}
		if (r.action == ACT_DNAT) {
			const struct svc_flat *sp = &m->svc_ports[r.to];
			if (sp->nbackends == 0) {
				end(out, f, VERDICT_DISCARDED, REASON_NO_ENDPOINTS, sw);
				return;
			}
			/* Fork: one copy per backend, looked up again at sw. */
			for (size_t i = 0; i < sp->nbackends; i++) {
				struct fate c = i + 1 < sp->nbackends ? copy(f) : *f;
				struct header hb = h;
				hb.dst = sp->backends[i].addr;
				hb.dport = sp->backends[i].port;
				c.dnat = (int)c.npath - 1;
				c.dnat_addr = hb.dst;
				c.dnat_port = hb.dport;
				walk(m, hook, out, &c, sw, hb, true);
			}
			return;
		}
		if ((why = policy(m, f, sw, r.action, &h)) != REASON_NONE ||
		    (why = reach_target(m, sw, r.to)) != REASON_NONE) {
			end(out, f, VERDICT_DISCARDED, why, sw);
			return;
		}
		if (r.action == ACT_DELIVER) {
			add_vertex(f, r.to);
			f->receiver = r.to;
			end(out, f, VERDICT_DELIVERED, REASON_NONE, -1);
			return;
		}
		sw = r.to;
		if (hook != NULL && m->v[sw].kind == V_NODE) {
			struct fate *rest;
			size_t n = hook->arrive(hook->ctx, f, sw, &h, &rest);
			if (n > 0) {
				xgrow(&out->f, &out->cap, out->n + n, sizeof *out->f);
				/* The continuation was walked without this prefix's DNAT. */
				for (size_t i = 0; i < n; i++)
					outside(m, &rest[i]);
				memcpy(out->f + out->n, rest, n * sizeof *rest);
				out->n += n;
				free(rest);
				free(f->path);
				free(f->steps);
				return;
			}
		}
	}
}

size_t
forward_run_hooked(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto,
		   const struct forward_hook *hook, struct fate **out)
{
	struct fates fs = { 0 };
	struct fate f = { .sender = sender, .receiver = -1, .at = -1, .dnat = -1, .ingress_pod = -1 };
	struct header h = forward_header(m, sender, dst, dport, proto);
	int first = m->v[sender].parent;
	add_vertex(&f, sender);
	if (!model_linked(m, sender, first))
		end(&fs, &f, VERDICT_DISCARDED, REASON_LINK_DOWN, sender);
	else
		walk(m, hook, &fs, &f, first, h, false);
	*out = fs.f;
	return fs.n;
}

size_t
forward_run(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto, struct fate **out)
{
	return forward_run_hooked(m, sender, dst, dport, proto, NULL, out);
}

size_t
forward_walk_from(const struct model *m, int sw, const struct header *h, struct fate **out)
{
	struct fates fs = { 0 };
	struct fate f = { .sender = -1, .receiver = -1, .at = -1, .dnat = -1, .ingress_pod = -1 };
	walk(m, NULL, &fs, &f, sw, *h, false);
	*out = fs.f;
	return fs.n;
}

void
forward_free(struct fate *f, size_t n)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(f[i].path);
		free(f[i].steps);
	}
	free(f);
}

const char *
forward_token(const struct model *m, const struct fate *f, size_t i, char *buf)
{
	const char *name = m->v[f->path[i]].name;
	if ((int)i != f->dnat)
		return name;
	char a[16];
	snprintf(buf, FORWARD_TOKEN_MAX, "%s=%s:%u", name, addr_format(f->dnat_addr, a), f->dnat_port);
	return buf;
}

void
forward_write_path(FILE *out, const struct model *m, const struct fate *f)
{
	/* reach writes one path per row: the unlocked calls keep it at I/O speed. */
	char buf[FORWARD_TOKEN_MAX];
	for (size_t i = 0; i < f->npath; i++) {
		if (i > 0)
			putc_unlocked('>', out);
		if ((int)i == f->dnat)
			fputs_unlocked(forward_token(m, f, i, buf), out);
		else
			fwrite_unlocked(m->v[f->path[i]].name, 1, m->v[f->path[i]].name_len, out);
	}
}

char *
forward_path(const struct model *m, const struct fate *f)
{
	char *s = NULL;
	size_t len = 0;
	FILE *mem = xopen_memstream(&s, &len);
	forward_write_path(mem, m, f);
	fclose(mem);
	return s;
}

const char *
forward_reason_name(enum reason r)
{
	static const char *const names[] = { "",
					     "no matching rule",
					     "discard rule",
					     "link down",
					     "no link",
					     "no endpoints",
					     "ingress policy",
					     "egress policy",
					     "outside the cluster" };
	return names[r];
}

const char *
forward_backend(const struct model *m, const struct fate *f, char *buf, size_t len)
{
	int owner = model_addr_owner(m, f->dnat_addr);
	if (owner < 0)
		snprintf(buf, len, "outside the cluster");
	else
		snprintf(buf, len, "%s %s", model_kind_name(m->v[owner].kind), m->v[owner].name);
	return buf;
}

const struct step *
forward_last_step(const struct fate *f)
{
	return f->nsteps ? &f->steps[f->nsteps - 1] : NULL;
}

char *
forward_explain(const struct model *m, const struct fate *f)
{
	const struct step *s = forward_last_step(f);
	switch (f->verdict) {
	case VERDICT_DELIVERED:
		return xasprintf("delivered to %s", m->v[f->receiver].name);
	case VERDICT_LOOP:
		return xasprintf("loop: %s is reached again with the same header", m->v[f->at].name);
	case VERDICT_DISCARDED:
		break;
	}
	const char *at = m->v[f->at].name, *why = forward_reason_name(f->reason);
	if (f->reason == REASON_LINK_DOWN && s == NULL)
		return xasprintf("discarded at %s: %s (%s -- %s)", at, why, m->v[f->sender].name,
				 m->v[m->v[f->sender].parent].name);
	if ((f->reason == REASON_LINK_DOWN || f->reason == REASON_NO_LINK) && s != NULL)
		return xasprintf("discarded at %s: %s (%s -- %s)", at, why, m->v[s->sw].name, m->v[s->rule.to].name);
	if (f->reason == REASON_OUTSIDE) {
		char a[16];
		return xasprintf("discarded at %s: %s (%s:%u is no node's or pod's address)", at, why,
				 addr_format(f->dnat_addr, a), f->dnat_port);
	}
	if (f->reason == REASON_DISCARD_RULE && s != NULL && s->rule.origin == ORIG_OVERRIDE)
		return xasprintf("discarded at %s: %s (rule %d, spec line %ld)", at, why, s->pos, s->rule.line);
	return xasprintf("discarded at %s: %s", at, why);
}

bool
forward_source_decides(const struct model *m, const struct fate *f, size_t n, uint32_t src)
{
	for (size_t i = 0; i < n; i++) {
		int q = f[i].ingress_pod;
		if (q >= 0 && (m->v[q].addr == src || m->v[m->v[q].parent].addr == src))
			return true;
	}
	return false;
}
