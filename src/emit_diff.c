/* The views of a diff: the CSV of k8snet(1) (OUTPUT, diff), and text
 * grouped for a reviewer. */
#include "config.h"
#include "diff.h"
#include "emit.h"
#include "forward.h"
#include "hash.h"
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

void
diff_emit_csv_header(FILE *f)
{
	fputs("source,address,port,protocol,old_verdict,old_receiver,new_verdict,new_receiver\n", f);
}

void
diff_emit_csv_row(FILE *f, const struct diff_row *r)
{
	char a[16];
	fprintf(f, "%s,%s,%u,%s,%s,%s,%s,%s\n", r->source, addr_format(r->d.addr, a), r->d.port,
		proto_name(r->d.proto), diff_verdict_name(&r->old), r->old.present ? r->old.receiver : "",
		diff_verdict_name(&r->new), r->new.present ? r->new.receiver : "");
}

/* ---- text ---- */

/* A heading: the senders of one pod (or the daemons of one node), or
 * under it, one destination pod or node. */
struct group {
	char *label;
	size_t from; /* a destination group: its sender group */
	uint64_t count[DIFF_KINDS];
};

struct change {
	struct diff_row r; /* its verdict and receiver strings are copies */
	size_t from, to; /* groups */
	size_t seq;
};

struct diff_text {
	const struct model *old, *new;
	enum ports_mode mode;
	struct change *ch;
	size_t nch, ch_cap;
	struct group *g;
	size_t ng, g_cap;
	struct hash *by_label;
};

struct diff_text *
diff_text_new(const struct model *old, const struct model *new, enum ports_mode mode)
{
	struct diff_text *t = xcalloc(1, sizeof *t);
	t->old = old;
	t->new = new;
	t->mode = mode;
	t->by_label = hash_new();
	return t;
}

void
diff_text_free(struct diff_text *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->ng; i++)
		free(t->g[i].label);
	for (size_t i = 0; i < t->nch; i++) {
		const struct diff_row *r = &t->ch[i].r;
		free((char *)r->old.verdict);
		free((char *)r->old.receiver);
		free((char *)r->new.verdict);
		free((char *)r->new.receiver);
	}
	free(t->g);
	free(t->ch);
	hash_free(t->by_label);
	free(t);
}

/* The group labelled label (taken over) under sender group from
 * (SIZE_MAX for a sender group itself), created on first use. */
static size_t
group(struct diff_text *t, char *label, size_t from)
{
	uint64_t key = hash_string(label) ^ (uint64_t)from;
	size_t it = 0;
	int gi;
	while ((gi = hash_next(t->by_label, key, &it)) >= 0)
		if (t->g[gi].from == from && strcmp(t->g[gi].label, label) == 0) {
			free(label);
			return (size_t)gi;
		}
	xgrow(&t->g, &t->g_cap, t->ng + 1, sizeof *t->g);
	t->g[t->ng] = (struct group){ .label = label, .from = from };
	hash_add(t->by_label, key, (int)t->ng);
	return t->ng++;
}

/* Named after the side that has the pair (the old one when both do): the
 * sender's pod (a daemon's node), and the pod or node that owns the
 * destination address. */
int
diff_text_add(void *ctx, const struct diff_row *r)
{
	struct diff_text *t = ctx;
	const struct model *m = r->old.present ? t->old : t->new;
	const struct vertex *s = &m->v[r->old.present ? r->old.sender : r->new.sender];
	const struct vertex *p = &m->v[s->parent];
	char *from = s->kind == V_CONTAINER ? xasprintf("from pod %s (on %s)", p->name, m->v[p->parent].name)
					    : xasprintf("from the daemons of node %s", p->name);
	char a[16], *to;
	int owner = model_addr_owner(m, r->d.addr);
	addr_format(r->d.addr, a);
	if (r->d.addr == ADDR_LOOPBACK)
		to = xasprintf("to 127.0.0.1 (inside the pod)");
	else if (owner >= 0)
		to = xasprintf("to %s %s (%s)", model_kind_name(m->v[owner].kind), m->v[owner].name, a);
	else
		to = xasprintf("to %s", a);
	size_t fg = group(t, from, SIZE_MAX), tg = group(t, to, fg);
	enum diff_kind k = diff_classify(r);
	t->g[fg].count[k]++;
	t->g[tg].count[k]++;
	xgrow(&t->ch, &t->ch_cap, t->nch + 1, sizeof *t->ch);
	struct change *c = &t->ch[t->nch];
	*c = (struct change){ *r, fg, tg, t->nch };
	/* The row's strings may not outlive the callback. */
	struct diff_side *sides[] = { &c->r.old, &c->r.new };
	for (int i = 0; i < 2; i++)
		if (sides[i]->present) {
			sides[i]->verdict = xstrdup(sides[i]->verdict);
			sides[i]->receiver = xstrdup(sides[i]->receiver);
		}
	t->nch++;
	return 0;
}

/* Sender groups, then destination groups, in the order they first
 * appear (group ids grow in that order); rows keep their order. */
static int
cmp_change(const void *a, const void *b)
{
	const struct change *x = a, *y = b;
	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
counts_text(FILE *f, const uint64_t count[DIFF_KINDS])
{
	bool first = true;
	for (int k = 0; k < DIFF_KINDS; k++) {
		if (count[k] == 0)
			continue;
		fprintf(f, "%s%" PRIu64 " %s", first ? "" : ", ", count[k], diff_kind_name((enum diff_kind)k));
		first = false;
	}
}

/* Append s to *acc (NULL at first), after sep; frees s. */
static void
append(char **acc, const char *sep, char *s)
{
	char *old = *acc;
	*acc = old ? xasprintf("%s%s%s", old, sep, s) : xstrdup(s);
	free(old);
	free(s);
}

/* The fates of one side, computed again (only changed pairs need it),
 * one per backend of a service joined by " | "; *path gets the paths of
 * those not delivered (else NULL). */
static char *
side_text(const struct model *m, const struct dest *d, const struct diff_side *s, char **path)
{
	*path = NULL;
	if (!s->present)
		return xstrdup("absent");
	struct fate *fate;
	size_t n = forward_run(m, s->sender, d->addr, d->port, d->proto, &fate);
	char *why = NULL;
	for (size_t i = 0; i < n; i++) {
		append(&why, " | ", check_explain(m, &fate[i]));
		if (fate[i].verdict != VERDICT_DELIVERED)
			append(path, " | ", forward_path(m, &fate[i]));
	}
	forward_free(fate, n);
	return why ? why : xstrdup("no fate");
}

static void
print_change(FILE *f, const struct diff_text *t, const struct diff_row *r)
{
	static const char mark[] = { '+', '-', '~' };
	char buf[32], *op, *np;
	char *o = side_text(t->old, &r->d, &r->old, &op), *n = side_text(t->new, &r->d, &r->new, &np);
	fprintf(f, "    %c %s -> %s: %s => %s\n", mark[diff_classify(r)], r->source, emit_dest(&r->d, buf), o, n);
	if (op != NULL)
		fprintf(f, "        old path: %s\n", op);
	if (np != NULL)
		fprintf(f, "        new path: %s\n", np);
	free(o);
	free(n);
	free(op);
	free(np);
}

void
diff_text_print(FILE *f, const struct diff_text *t, const struct diff_counts *c)
{
	fprintf(f, "diff of cluster %s (old) and cluster %s (new), --ports %s\n", t->old->name, t->new->name,
		reach_mode_name(t->mode));
	struct change *ch = xreallocarray(NULL, t->nch ? t->nch : 1, sizeof *ch);
	if (t->nch > 0) {
		memcpy(ch, t->ch, t->nch * sizeof *ch);
		qsort(ch, t->nch, sizeof *ch, cmp_change);
	}
	for (size_t i = 0; i < t->nch; i++) {
		const struct group *fg = &t->g[ch[i].from], *tg = &t->g[ch[i].to];
		if (i == 0 || ch[i].from != ch[i - 1].from) {
			fprintf(f, "\n%s: ", fg->label);
			counts_text(f, fg->count);
			fputc('\n', f);
		}
		if (i == 0 || ch[i].to != ch[i - 1].to) {
			fprintf(f, "  %s: ", tg->label);
			counts_text(f, tg->count);
			fputc('\n', f);
		}
		print_change(f, t, &ch[i].r);
	}
	free(ch);
	fprintf(f, "\nsummary: %" PRIu64 " of %" PRIu64 " pairs changed: %" PRIu64 " gained, %" PRIu64 " lost, %" PRIu64
		   " changed\n",
		diff_total(c), c->old_pairs + c->only_new, c->changed[DIFF_GAINED], c->changed[DIFF_LOST],
		c->changed[DIFF_CHANGED]);
}
