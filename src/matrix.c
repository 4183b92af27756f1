#include "config.h"
#include "matrix.h"
#include "addr.h"
#include "judge.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- one pair's kind: judge.c's class, worst first ---- */

/* The cell of a pair's fates; expected: judge_expected's answer for the
 * fates that no Service Rule rewrote. */
static enum matrix_cell
pair_cell(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t nf, int expected)
{
	enum matrix_cell worst = CELL_NA;
	for (size_t i = 0; i < nf; i++) {
		enum matrix_cell c = (enum matrix_cell)judge_fate_known(
			m, sender, d, &f[i], f[i].dnat >= 0 ? judge_expected(m, sender, d, &f[i]) : expected);
		if (worst == CELL_NA || c > worst)
			worst = c;
	}
	return worst;
}

enum matrix_cell
matrix_classify(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	return (enum matrix_cell)judge_pair(m, sender, d, f, nf);
}

enum matrix_cell
matrix_worst(const uint64_t *count)
{
	enum matrix_cell w = CELL_NA;
	for (int k = 0; k < CELL_NA; k++)
		if (count[k] > 0)
			w = (enum matrix_cell)k;
	return w;
}

/* ---- the matrix ---- */

struct matrix_memo {
	struct dest d;
	int expected;
	uint32_t col;
};

static int
cmp_dest(const struct dest *x, const struct dest *y)
{
	if (x->addr != y->addr)
		return x->addr < y->addr ? -1 : 1;
	if (x->port != y->port)
		return x->port < y->port ? -1 : 1;
	return (int)x->proto - (int)y->proto;
}

static int
cmp_col(const void *a, const void *b, void *cols)
{
	const struct dest *base = cols;
	return cmp_dest(&base[*(const size_t *)a], &base[*(const size_t *)b]);
}

static struct matrix *
new(const struct model *m, enum ports_mode mode, size_t max_cells, size_t max_nodes, bool details)
{
	struct matrix *x = xcalloc(1, sizeof *x);
	x->m = m;
	x->mode = mode;
	x->cols = reach_columns(m, mode, &x->ncols);
	if (!details || (m->nprocs > 0 && x->ncols > 0 && m->nprocs * x->ncols <= max_cells)) {
		size_t cells = m->nprocs * x->ncols;
		x->mx = MX_PROCESS;
		x->sorted = xreallocarray(NULL, x->ncols ? x->ncols : 1, sizeof *x->sorted);
		for (size_t i = 0; i < x->ncols; i++)
			x->sorted[i] = i;
		qsort_r(x->sorted, x->ncols, sizeof *x->sorted, cmp_col, x->cols);
		x->kind = xreallocarray(NULL, cells + 1, 1);
		memset(x->kind, CELL_NA, cells);
		x->sym = xreallocarray(NULL, cells + 1, 1);
		memset(x->sym, '.', cells);
		if (details)
			x->detail = xcalloc(cells + 1, sizeof *x->detail);
	} else {
		x->mx = m->nnodes <= max_nodes ? MX_NODE : MX_TOTALS;
		x->nncols = x->mx == MX_NODE ? 1 + m->nnodes + m->nsvcs : 1;
		x->count = xcalloc(m->nnodes * x->nncols + 1, sizeof *x->count);
	}
	x->sender = -1;
	return x;
}

struct matrix *
matrix_new(const struct model *m, enum ports_mode mode)
{
	return new(m, mode, SIZE_MAX, SIZE_MAX, false);
}

struct matrix *
matrix_new_summarized(const struct model *m, enum ports_mode mode, size_t max_cells, size_t max_nodes)
{
	return new(m, mode, max_cells, max_nodes, true);
}

void
matrix_free(struct matrix *x)
{
	if (x == NULL)
		return;
	if (x->detail != NULL)
		for (size_t i = 0; i < x->m->nprocs * x->ncols; i++) {
			free(x->detail[i].tip);
			free(x->detail[i].path);
		}
	free(x->detail);
	free(x->kind);
	free(x->sym);
	free(x->sorted);
	free(x->cols);
	free(x->count);
	free(x->memo);
	free(x);
}

long
matrix_column(const struct matrix *x, const struct dest *d)
{
	size_t lo = 0, hi = x->ncols;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_dest(&x->cols[x->sorted[mid]], d);
		if (c == 0)
			return (long)x->sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
matrix_node_of(const struct model *m, int v)
{
	while (v >= 0 && m->v[v].kind != V_NODE)
		v = m->v[v].parent;
	return v;
}

size_t
matrix_node_column(const struct model *m, uint32_t a)
{
	if (a == ADDR_LOOPBACK)
		return 0;
	int owner = model_addr_owner(m, a);
	if (owner >= 0)
		return 1 + (size_t)m->v[matrix_node_of(m, owner)].idx;
	int s = model_service_at(m, a);
	return s >= 0 ? 1 + m->nnodes + (size_t)s : 0;
}

static char *
cell_tip(const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t nf, int expected)
{
	char a[16];
	size_t len;
	char *s;
	FILE *mem = xopen_memstream(&s, &len);
	fprintf(mem, "%s \xe2\x86\x92 %s:%u/%s", m->v[sender].name, addr_format(d->addr, a), d->port,
		proto_name(d->proto));
	if (expected >= 0 && f[0].dnat < 0)
		fprintf(mem, " (opened by %s)", m->v[expected].name);
	for (size_t i = 0; i < nf; i++) {
		char *why = judge_explain(m, sender, d, &f[i]);
		if (nf > 1)
			fprintf(mem, "\nbackend %zu of %zu: %s", i + 1, nf, why);
		else
			fprintf(mem, "\n%s", why);
		free(why);
		fputs("\npath", mem);
		char tok[FORWARD_TOKEN_MAX];
		for (size_t k = 0; k < f[i].npath; k++)
			fprintf(mem, " %s", forward_token(m, &f[i], k, tok));
	}
	fclose(mem);
	return s;
}

static char *
cell_path(const struct model *m, const struct fate *f, size_t nf)
{
	size_t len;
	char *s;
	FILE *mem = xopen_memstream(&s, &len);
	for (size_t i = 0; i < nf; i++) {
		if (i > 0)
			fputc(' ', mem);
		forward_write_path(mem, m, &f[i]);
	}
	fclose(mem);
	return s;
}

void
matrix_add(struct matrix *x, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	const struct model *m = x->m;
	x->rows += nf;
	for (size_t i = 0; i < nf; i++) {
		x->verdicts[f[i].verdict]++;
		x->denied += f[i].reason == REASON_INGRESS || f[i].reason == REASON_EGRESS;
	}
	/* 127.0.0.1 is each pod's own: no memo for it. */
	struct fate plain = { .dnat = -1 };
	struct matrix_memo own, *e = &own;
	if (d->addr == ADDR_LOOPBACK) {
		own.expected = judge_expected(m, sender, d, &plain);
		own.col = 0;
	} else {
		if (sender != x->sender) {
			x->sender = sender;
			x->k = 0;
		}
		if (x->k == x->nmemo) {
			xgrow(&x->memo, &x->memo_cap, x->nmemo + 1, sizeof *x->memo);
			x->memo[x->nmemo++].d.addr = ADDR_LOOPBACK; /* matches no destination here */
		}
		e = &x->memo[x->k++];
		if (cmp_dest(&e->d, d) != 0) {
			e->d = *d;
			e->expected = judge_expected(m, sender, d, &plain);
			e->col = x->mx == MX_NODE ? (uint32_t)matrix_node_column(m, d->addr) : 0;
		}
	}
	int expected = e->expected;
	enum matrix_cell kind = pair_cell(m, sender, d, f, nf, expected);
	if (kind != CELL_NA) {
		x->pairs[kind]++;
		if (kind == CELL_CLOSED && judge_pair_is_fault(m, d, (enum judge_class)kind))
			x->refused++;
	}
	if (x->mx == MX_PROCESS) {
		long col = matrix_column(x, d);
		if (col < 0)
			return;
		size_t i = (size_t)m->v[sender].idx * x->ncols + (size_t)col;
		x->sym[i] = judge_class_mark((enum judge_class)kind);
		if (kind == CELL_NA)
			return;
		x->kind[i] = (unsigned char)kind;
		if (x->detail != NULL) {
			x->detail[i].tip = cell_tip(m, sender, d, f, nf, expected);
			x->detail[i].path = cell_path(m, f, nf);
		}
	} else if (kind != CELL_NA) {
		size_t row = (size_t)m->v[matrix_node_of(m, sender)].idx;
		x->count[row * x->nncols + (x->mx == MX_NODE ? e->col : 0)][kind]++;
	}
}

void
matrix_charge(struct matrix *x, int node, const struct dest *d, enum matrix_cell c, uint64_t n)
{
	const struct model *m = x->m;
	size_t col = x->mx == MX_NODE ? matrix_node_column(m, d->addr) : 0;
	x->count[(size_t)m->v[node].idx * x->nncols + col][c] += n;
}

enum matrix_cell
matrix_add_pairs(struct matrix *x, int sender, const struct dest *d, const struct fate *f, size_t nf, uint64_t n,
		 int node)
{
	const struct model *m = x->m;
	struct fate plain = { .dnat = -1 };
	x->rows += nf * n;
	for (size_t i = 0; i < nf; i++) {
		x->verdicts[f[i].verdict] += n;
		if (f[i].reason == REASON_INGRESS || f[i].reason == REASON_EGRESS)
			x->denied += n;
	}
	enum matrix_cell kind = pair_cell(m, sender, d, f, nf, judge_expected(m, sender, d, &plain));
	if (kind == CELL_NA)
		return kind;
	x->pairs[kind] += n;
	if (kind == CELL_CLOSED && judge_pair_is_fault(m, d, (enum judge_class)kind))
		x->refused += n;
	if (node >= 0)
		matrix_charge(x, node, d, kind, n);
	return kind;
}

int
matrix_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	matrix_add(ctx, sender, d, f, nf);
	return 0;
}
