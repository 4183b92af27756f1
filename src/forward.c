#include "forward.h"
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

struct walk {
	struct fate f;
	size_t path_cap, steps_cap;
};

static void
add_vertex(struct walk *w, int v)
{
	xgrow(&w->f.path, &w->path_cap, w->f.npath + 1, sizeof *w->f.path);
	w->f.path[w->f.npath++] = v;
}

static void
end(struct walk *w, enum verdict v, enum reason r, int at)
{
	w->f.verdict = v;
	w->f.reason = r;
	w->f.at = at;
}

/* A rule's target: linked and up, or why not. */
static enum reason
reach_target(const struct model *m, int sw, int to)
{
	if (model_linked(m, sw, to))
		return REASON_NONE;
	return model_adjacent(m, sw, to) ? REASON_LINK_DOWN : REASON_NO_LINK;
}

static bool
visited(const struct walk *w, int sw, const struct header *h)
{
	for (size_t i = 0; i < w->f.nsteps; i++) {
		const struct step *s = &w->f.steps[i];
		if (s->sw == sw && s->h.dst == h->dst && s->h.dport == h->dport)
			return true;
	}
	return false;
}

static void
walk(const struct model *m, struct walk *w, int sw, struct header h)
{
	for (;;) {
		if (visited(w, sw, &h)) {
			add_vertex(w, sw);
			end(w, VERDICT_LOOP, REASON_NONE, sw);
			return;
		}
		add_vertex(w, sw);
		xgrow(&w->f.steps, &w->steps_cap, w->f.nsteps + 1, sizeof *w->f.steps);
		struct step *s = &w->f.steps[w->f.nsteps++];
		*s = (struct step){ .sw = sw, .h = h };
		if (!fib_lookup(m, sw, &h, &s->pos, &s->rule)) {
			s->pos = 0;
			end(w, VERDICT_DISCARDED, REASON_NO_RULE, sw);
			return;
		}
		int to = s->rule.to;
		enum reason r;
		switch (s->rule.action) {
		case ACT_DISCARD:
		case ACT_DNAT: /* services: not in this spec version */
			end(w, VERDICT_DISCARDED, REASON_DISCARD_RULE, sw);
			return;
		case ACT_DELIVER:
			if ((r = reach_target(m, sw, to)) != REASON_NONE) {
				end(w, VERDICT_DISCARDED, r, sw);
				return;
			}
			add_vertex(w, to);
			w->f.receiver = to;
			end(w, VERDICT_DELIVERED, REASON_NONE, -1);
			return;
		case ACT_FORWARD:
			if ((r = reach_target(m, sw, to)) != REASON_NONE) {
				end(w, VERDICT_DISCARDED, r, sw);
				return;
			}
			sw = to;
			break;
		}
	}
}

size_t
forward_run(const struct model *m, int sender, uint32_t dst, uint16_t dport, enum proto proto, struct fate **out)
{
	struct walk w = { .f = { .sender = sender, .receiver = -1, .at = -1 } };
	struct header h = forward_header(m, sender, dst, dport, proto);
	int first = m->v[sender].parent;
	add_vertex(&w, sender);
	if (!model_linked(m, sender, first))
		end(&w, VERDICT_DISCARDED, REASON_LINK_DOWN, sender);
	else
		walk(m, &w, first, h);
	*out = xmalloc(sizeof **out);
	**out = w.f;
	return 1;
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

char *
forward_path(const struct model *m, const struct fate *f)
{
	size_t len = 1;
	for (size_t i = 0; i < f->npath; i++)
		len += strlen(m->v[f->path[i]].name) + 1;
	char *s = xmalloc(len), *p = s;
	for (size_t i = 0; i < f->npath; i++) {
		if (i > 0)
			*p++ = '>';
		size_t n = strlen(m->v[f->path[i]].name);
		memcpy(p, m->v[f->path[i]].name, n);
		p += n;
	}
	*p = '\0';
	return s;
}

const char *
forward_reason_name(enum reason r)
{
	static const char *const names[] = { "", "no matching rule", "discard rule", "link down", "no link" };
	return names[r];
}

const struct step *
forward_last_step(const struct fate *f)
{
	return f->nsteps ? &f->steps[f->nsteps - 1] : NULL;
}
