#include "config.h"
#include "emit.h"
#include "fib.h"
#include "judge.h"
#include "matrix.h"
#include "policy.h"
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

const char *
emit_dest(const struct dest *d, char *buf)
{
	char a[16];
	snprintf(buf, 32, "%s:%u/%s", addr_format(d->addr, a), d->port, proto_name(d->proto));
	return buf;
}

static void
bracket(const struct rule *r, char *buf, size_t len)
{
	char a[24], b[24], c[24];
	snprintf(buf, len, "[%s * %s %s %s]", fib_field_src(r, a), fib_field_dst(r, b), fib_field_dport(r, c),
		 fib_field_proto(r));
}

/* ---- fib ---- */

enum { COLS = 8 };

static int
width(const char *s)
{
	return (int)strlen(s);
}

/* The cells of rule r, the i-th of its table, all but its origin (both
 * passes of emit_fib_text print the same); their text lives in *c. */
struct cells {
	char bufs[3][24], pos[24], to[160];
	const char *cell[COLS - 1];
};

static const char **
rule_cells(struct cells *c, const struct model *m, const struct rule *r, size_t i)
{
	snprintf(c->pos, sizeof c->pos, "%zu", i + 1);
	const char *cell[COLS - 1] = { c->pos, fib_field_src(r, c->bufs[0]), fib_field_dst(r, c->bufs[1]),
				       fib_field_dport(r, c->bufs[2]), fib_field_proto(r),
				       fib_action_name(r->action), fib_rule_to(m, r, c->to, sizeof c->to) };
	memcpy(c->cell, cell, sizeof cell);
	return c->cell;
}

void
emit_fib_text(FILE *f, const struct model *m, int sw)
{
	const struct vertex *v = &m->v[sw];
	char a[16];
	size_t n;
	struct rule *t = fib_table(m, sw, &n);
	if (v->kind == V_POD)
		fprintf(f, "FIB of pod %s (%s, on node %s): %zu rule%s\n", v->name, addr_format(v->addr, a),
			m->v[v->parent].name, n, n == 1 ? "" : "s");
	else
		fprintf(f, "FIB of node %s (%s): %zu rule%s\n", v->name, addr_format(v->addr, a), n, n == 1 ? "" : "s");
	static const char *const head[COLS] = { "#", "src", "dst", "dport", "protocol", "action", "to", "rule" };
	int w[COLS];
	for (int c = 0; c < COLS; c++)
		w[c] = width(head[c]);
	for (size_t i = 0; i < n; i++) {
		const struct rule *r = &t[i];
		struct cells text;
		const char **cell = rule_cells(&text, m, r, i);
		for (int c = 0; c < COLS - 1; c++)
			if (width(cell[c]) > w[c])
				w[c] = width(cell[c]);
	}
	fprintf(f, "  %*s", w[0], head[0]);
	for (int c = 1; c < COLS; c++)
		fprintf(f, "  %-*s", c == COLS - 1 ? 0 : w[c], head[c]);
	fputc('\n', f);
	for (size_t i = 0; i < n; i++) {
		const struct rule *r = &t[i];
		struct cells text;
		const char **cell = rule_cells(&text, m, r, i);
		fprintf(f, "  %*s", w[0], cell[0]);
		for (int c = 1; c < COLS - 1; c++)
			fprintf(f, "  %-*s", w[c], cell[c]);
		if (r->origin == ORIG_OVERRIDE)
			fprintf(f, "  Override (spec line %ld)\n", r->line);
		else
			fprintf(f, "  %s\n", fib_origin_name(r->origin));
	}
	free(t);
}

/* ---- trace ---- */

/* Which policies isolate the pod, and that none of their rules allows the
 * message: the question policy users ask most. */
static void
explain_policy(FILE *f, const struct model *m, const struct fate *x)
{
	int dir = x->reason == REASON_INGRESS ? POLICY_INGRESS : POLICY_EGRESS;
	const struct vertex *pod = &m->v[x->at];
	const struct step *s = forward_last_step(x);
	char a[16], b[16];
	fprintf(f, "\n  %s is isolated for %s by", pod->name, dir == POLICY_INGRESS ? "ingress" : "egress");
	for (size_t i = 0; i < pod->nisolating[dir]; i++) {
		const struct policy *p = &m->pols[pod->isolating[dir][i]];
		fprintf(f, "%s %s/%s (line %ld, %zu %s rule%s)", i ? "," : "", m->ns[p->ns].name, p->name, p->line,
			p->nrules[dir], dir == POLICY_INGRESS ? "ingress" : "egress", p->nrules[dir] == 1 ? "" : "s");
	}
	fprintf(f, "\n  no rule of theirs allows %s %s to %s:%u/%s\n", dir == POLICY_INGRESS ? "source" : "destination",
		addr_format(dir == POLICY_INGRESS ? s->h.src : s->h.dst, a),
		addr_format(s->h.dst, b), s->h.dport, proto_name(s->h.proto));
}

static void
explain_end(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *x)
{
	char *why = judge_explain(m, sender, d, x);
	fprintf(f, "verdict: %s", why);
	free(why);
	if (x->reason == REASON_INGRESS || x->reason == REASON_EGRESS)
		explain_policy(f, m, x);
	else
		fputc('\n', f);
}

void
emit_trace_text(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates, size_t n)
{
	char a[16], dst[32], br[96];
	struct header h = forward_header(m, sender, d->addr, d->port, d->proto);
	const struct vertex *s = &m->v[sender];
	fprintf(f, "message from %s %s to %s (source address %s)\n", model_kind_name(s->kind), s->name,
		emit_dest(d, dst), addr_format(h.src, a));
	for (size_t i = 0; i < n; i++) {
		const struct fate *x = &fates[i];
		if (n > 1)
			fprintf(f, "branch %zu of %zu:\n", i + 1, n);
		if (model_linked(m, sender, s->parent))
			fprintf(f, "  %s sends on its link to %s\n", s->name, m->v[s->parent].name);
		else
			fprintf(f, "  %s's link to %s is down\n", s->name, m->v[s->parent].name);
		for (size_t k = 0; k < x->nsteps; k++) {
			const struct step *st = &x->steps[k];
			if (st->pos == 0) {
				fprintf(f, "  at %s: no rule matches\n", m->v[st->sw].name);
				continue;
			}
			bracket(&st->rule, br, sizeof br);
			char to[160], backend[FORWARD_TOKEN_MAX];
			fprintf(f, "  at %s: rule %d %s %s%s%s", m->v[st->sw].name, st->pos, br,
				fib_action_name(st->rule.action), st->rule.to >= 0 ? " " : "",
				fib_rule_to(m, &st->rule, to, sizeof to));
			if (st->rule.origin == ORIG_OVERRIDE)
				fprintf(f, " (Override, spec line %ld)\n", st->rule.line);
			else
				fprintf(f, " (%s)\n", fib_origin_name(st->rule.origin));
			if (st->rule.action == ACT_DNAT && x->dnat >= 0 && k + 1 < x->nsteps)
				fprintf(f, "  at %s: destination rewritten to %s:%u (backend %s)\n", m->v[st->sw].name,
					addr_format(x->dnat_addr, a), x->dnat_port,
					forward_backend(m, x, backend, sizeof backend));
		}
		explain_end(f, m, sender, d, x);
		char *p = forward_path(m, x);
		fprintf(f, "path: %s\n", p);
		free(p);
	}
}

/* ---- the reach truth table ---- */

void
emit_matrix_text(FILE *f, const struct matrix *x)
{
	const struct model *m = x->m;
	int w = 6, digits = 1;
	for (size_t i = 0; i < m->nprocs; i++)
		if (width(m->v[m->procs[i]].name) > w)
			w = width(m->v[m->procs[i]].name);
	for (size_t n = x->ncols; n >= 10; n /= 10)
		digits++;
	fprintf(f, "reachability of cluster %s (--ports %s): %zu senders x %zu destinations\n\n", m->name,
		reach_mode_name(x->mode), m->nprocs, x->ncols);
	/* Column numbers, written vertically. */
	for (int dg = digits - 1; dg >= 0; dg--) {
		fprintf(f, "%*s ", w, dg == 0 ? "sender" : "");
		for (size_t c = 0; c < x->ncols; c++) {
			size_t k = c + 1, p = 1;
			for (int i = 0; i < dg; i++)
				p *= 10;
			fputc(k >= p || dg == 0 ? (char)('0' + (k / p) % 10) : ' ', f);
		}
		fputc('\n', f);
	}
	for (size_t i = 0; i < m->nprocs; i++) {
		fprintf(f, "%-*s ", w, m->v[m->procs[i]].name);
		fwrite(x->sym + i * x->ncols, 1, x->ncols, f);
		fputc('\n', f);
	}
	fputs("\ndestinations:\n", f);
	char buf[32];
	for (size_t c = 0; c < x->ncols; c++) {
		int owner = model_addr_owner(m, x->cols[c].addr), svc = model_service_at(m, x->cols[c].addr);
		char name[160] = "", svcname[140];
		if (x->cols[c].addr == ADDR_LOOPBACK)
			snprintf(name, sizeof name, "(the sender's own pod)");
		else if (owner >= 0)
			snprintf(name, sizeof name, "%s", m->v[owner].name);
		else if (svc >= 0)
			snprintf(name, sizeof name, "service %s", model_service_name(m, svc, svcname, sizeof svcname));
		fprintf(f, "%*zu  %-22s %s\n", digits, c + 1, emit_dest(&x->cols[c], buf), name);
	}
	fputs("\nlegend:", f);
	for (int k = 0; k < JUDGE_CLASSES; k++)
		fprintf(f, " %c %s ", judge_class_mark((enum judge_class)k),
			k == JUDGE_DENIED ? "denied by a policy" : judge_class_word((enum judge_class)k));
	fputs(" . not a pair of this sender\n", f);
	/* Pairs per class, as the page's header counts them. */
	uint64_t total = 0;
	for (int k = 0; k < JUDGE_CLASSES; k++)
		total += x->pairs[k];
	fprintf(f, "summary: %" PRIu64 " pairs: %" PRIu64 " delivered", total, x->pairs[JUDGE_DELIVERED]);
	for (int k = 1; k < JUDGE_CLASSES; k++)
		if (x->pairs[k] > 0)
			fprintf(f, ", %" PRIu64 " %s", x->pairs[k],
				k == JUDGE_DENIED ? "denied by a policy" : judge_class_word((enum judge_class)k));
	fputc('\n', f);
}
