#include "config.h"
#include "diff.h"
#include "judge.h"
#include "hash.h"
#include "xalloc.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* What the new spec says about one pair: all that is kept of its rows. */
struct nrow {
	int sender;
	struct dest d;
	char *verdict, *receiver; /* several fates: joined; one fate: NULL */
	enum verdict v;           /* one fate: its verdict and receiver */
	int r;
	bool delivered;
	bool seen; /* the old spec has the pair too */
};

struct state {
	const struct model *old, *new;
	struct nrow *rows;
	size_t n, cap;
	struct hash *index; /* pair key -> place in rows */
	diff_fn *fn;
	void *ctx;
	struct diff_counts c;
};

static uint64_t
pair_key(const char *source, const struct dest *d)
{
	uint64_t k = (uint64_t)d->addr << 24 | (uint64_t)d->port << 8 | (uint64_t)d->proto;
	return hash_string(source) ^ (k * 0x9e3779b97f4a7c15ULL);
}

/* Every fate delivered to the process that opened the port (judge.h): a
 * misdelivery is lost, not kept. */
static bool
all_delivered(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	return judge_pair(m, sender, d, f, nf) == JUDGE_DELIVERED;
}

/* The verdicts and receivers of several fates, joined by '|'; the caller
 * frees both. */
static void
join(const struct model *m, const struct fate *f, size_t nf, char **verdict, char **receiver)
{
	size_t vl = 1, rl = 1;
	for (size_t i = 0; i < nf; i++) {
		vl += strlen(verdict_name(f[i].verdict)) + 1;
		rl += (f[i].receiver >= 0 ? strlen(m->v[f[i].receiver].name) : 0) + 1;
	}
	char *v = xmalloc(vl), *r = xmalloc(rl), *vp = v, *rp = r;
	for (size_t i = 0; i < nf; i++) {
		const char *vs = verdict_name(f[i].verdict), *rs = f[i].receiver >= 0 ? m->v[f[i].receiver].name : "";
		if (i > 0) {
			*vp++ = '|';
			*rp++ = '|';
		}
		memcpy(vp, vs, strlen(vs));
		vp += strlen(vs);
		memcpy(rp, rs, strlen(rs));
		rp += strlen(rs);
	}
	*vp = *rp = '\0';
	*verdict = v;
	*receiver = r;
}

static int
collect_new(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct state *s = ctx;
	if (nf == 0)
		return 0;
	if (s->n >= INT_MAX) {
		/* The index stores ints: 2^31 rows (with their names, over 100 GB)
		 * are beyond any memory the rows could have been allocated in. */
		xalloc_die();
	}
	xgrow(&s->rows, &s->cap, s->n + 1, sizeof *s->rows);
	struct nrow *r = &s->rows[s->n];
	*r = (struct nrow){ sender, *d, NULL, NULL, f[0].verdict, f[0].receiver, all_delivered(s->new, sender, d, f, nf), false };
	if (nf > 1)
		join(s->new, f, nf, &r->verdict, &r->receiver);
	hash_add(s->index, pair_key(s->new->v[sender].name, d), (int)s->n);
	s->n++;
	s->c.new_pairs++;
	return 0;
}

static struct nrow *
find_new(struct state *s, const char *source, const struct dest *d)
{
	size_t it = 0;
	int i;
	while ((i = hash_next(s->index, pair_key(source, d), &it)) >= 0) {
		struct nrow *r = &s->rows[i];
		if (r->d.addr == d->addr && r->d.port == d->port && r->d.proto == d->proto
		    && strcmp(s->new->v[r->sender].name, source) == 0)
			return r;
	}
	return NULL;
}

static int
report(struct state *s, const struct diff_row *r)
{
	if (r->old.present && r->new.present && strcmp(r->old.verdict, r->new.verdict) == 0
	    && strcmp(r->old.receiver, r->new.receiver) == 0)
		return 0;
	s->c.changed[diff_classify(r)]++;
	return s->fn ? s->fn(s->ctx, r) : 0;
}

/* One fate's side, or a joined one's (verdict and receiver set). */
static struct diff_side
side(const struct model *m, const struct nrow *n)
{
	if (n->verdict != NULL)
		return (struct diff_side){ true, n->sender, n->delivered, n->verdict, n->receiver };
	return (struct diff_side){ true, n->sender, n->delivered, verdict_name(n->v),
				   n->r >= 0 ? m->v[n->r].name : "" };
}

static const struct diff_side absent = { false, -1, false, NULL, NULL };

static int
compare_old(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct state *s = ctx;
	if (nf == 0)
		return 0;
	s->c.old_pairs++;
	const char *name = s->old->v[sender].name;
	struct nrow o = { sender, *d, NULL, NULL, f[0].verdict, f[0].receiver, all_delivered(s->old, sender, d, f, nf), true };
	if (nf > 1)
		join(s->old, f, nf, &o.verdict, &o.receiver);
	struct diff_row r = { name, *d, side(s->old, &o), absent };
	struct nrow *n = find_new(s, name, d);
	if (n != NULL) {
		n->seen = true;
		r.new = side(s->new, n);
	}
	int rc = report(s, &r);
	free(o.verdict);
	free(o.receiver);
	return rc;
}

int
diff_run(const struct model *old, const struct model *new, enum ports_mode mode, diff_fn *fn, void *ctx,
	 struct diff_counts *counts)
{
	struct state s = { .old = old, .new = new, .index = hash_new(), .fn = fn, .ctx = ctx };
	reach_run(new, mode, collect_new, &s);
	int rc = reach_run(old, mode, compare_old, &s);
	for (size_t i = 0; i < s.n && rc == 0; i++) {
		const struct nrow *n = &s.rows[i];
		if (n->seen)
			continue;
		s.c.only_new++;
		struct diff_row r = { new->v[n->sender].name, n->d, absent, side(new, n) };
		rc = report(&s, &r);
	}
	if (counts != NULL)
		*counts = s.c;
	for (size_t i = 0; i < s.n; i++) {
		free(s.rows[i].verdict);
		free(s.rows[i].receiver);
	}
	free(s.rows);
	hash_free(s.index);
	return rc;
}

enum diff_kind
diff_classify(const struct diff_row *r)
{
	if (r->new.delivered && !r->old.delivered)
		return DIFF_GAINED;
	if (r->old.delivered && !r->new.delivered)
		return DIFF_LOST;
	return DIFF_CHANGED;
}

const char *
diff_kind_name(enum diff_kind k)
{
	static const char *const names[] = { "gained", "lost", "changed" };
	return names[k];
}

const char *
diff_verdict_name(const struct diff_side *s)
{
	return s->present ? s->verdict : "absent";
}

uint64_t
diff_total(const struct diff_counts *c)
{
	return c->changed[DIFF_GAINED] + c->changed[DIFF_LOST] + c->changed[DIFF_CHANGED];
}
