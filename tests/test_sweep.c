/* The report's block-wise reach pass (sweep.c) against reach_run, pair by
 * pair: on random specs (plain, what-if, services and policies, policy
 * heavy), its matrix (per node pair and totals) must hold the very counts
 * that matrix_add makes of every row, its faulty-fate count must be the
 * rows' own, and the pairs it lists must be the first faulty pairs in
 * reach order, with the same fates. */
#include "testlib.h"
#include "heavy.h"
#include "matrix.h"
#include "reach.h"
#include "sweep.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct pair {
	int sender;
	struct dest d;
	size_t nf;
	char *paths; /* every fate's path, and its verdict */
};

struct rows {
	struct matrix *x;
	struct pair *p;
	size_t n, cap, keep;
	uint64_t faulty;
};

static char *
paths(const struct model *m, const struct fate *f, size_t nf)
{
	char *s = xstrdup("");
	for (size_t i = 0; i < nf; i++) {
		char *p = forward_path(m, &f[i]), *t = xasprintf("%s%s/%d/%d/%d;", s, p, (int)f[i].verdict,
								  (int)f[i].reason, f[i].receiver);
		free(p);
		free(s);
		s = t;
	}
	return s;
}

static void
listed(struct rows *r, const struct model *m, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	xgrow(&r->p, &r->cap, r->n + 1, sizeof *r->p);
	r->p[r->n++] = (struct pair){ sender, *d, nf, paths(m, f, nf) };
}

static int
plain_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct rows *r = ctx;
	const struct model *m = r->x->m;
	matrix_add(r->x, sender, d, f, nf);
	size_t bad = 0;
	for (size_t i = 0; i < nf; i++)
		bad += sweep_fate_faulty(m, sender, d, &f[i]);
	r->faulty += bad;
	if (bad > 0 && r->n < r->keep)
		listed(r, m, sender, d, f, nf);
	return 0;
}

static int
sweep_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct rows *r = ctx;
	listed(r, r->x->m, sender, d, f, nf);
	return 0;
}

static void
rows_free(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->p[i].paths);
	free(r->p);
	matrix_free(r->x);
}

static size_t pairs_seen, listed_seen;

static void
compare_spec(char *xml, size_t max_nodes, size_t keep)
{
	struct model *m = test_model(xml);
	struct rows a = { .x = matrix_new_summarized(m, PORTS_OPEN, 0, max_nodes), .keep = keep };
	struct rows b = { .x = matrix_new_summarized(m, PORTS_OPEN, 0, max_nodes), .keep = keep };
	assert_int_not_equal(a.x->mx, MX_PROCESS);
	reach_run(m, PORTS_OPEN, plain_row, &a);
	assert_int_equal(sweep_run(m, b.x, keep, sweep_row, &b, &b.faulty), 0);
	if (getenv("SWEEP_DEBUG") && memcmp(a.x->pairs, b.x->pairs, sizeof a.x->pairs) != 0) {
		fprintf(stderr, "%s\n", xml);
		for (size_t i = 0; i < m->nnodes * a.x->nncols; i++)
			for (int k = 0; k < CELL_KINDS; k++)
				if (a.x->count[i][k] != b.x->count[i][k])
					fprintf(stderr, "node %s col %zu kind %d: %llu vs %llu\n", m->v[m->nodes[i / a.x->nncols]].name,
						i % a.x->nncols, k, (unsigned long long)a.x->count[i][k],
						(unsigned long long)b.x->count[i][k]);
	}
	for (int k = 0; k < CELL_KINDS; k++) {
		assert_int_equal(a.x->pairs[k], b.x->pairs[k]);
		pairs_seen += a.x->pairs[k];
	}
	assert_int_equal(a.x->refused, b.x->refused);
	assert_int_equal(a.x->rows, b.x->rows);
	assert_int_equal(a.x->denied, b.x->denied);
	for (int k = 0; k < 3; k++)
		assert_int_equal(a.x->verdicts[k], b.x->verdicts[k]);
	assert_int_equal(a.x->nncols, b.x->nncols);
	assert_memory_equal(a.x->count, b.x->count, m->nnodes * a.x->nncols * sizeof *a.x->count);
	assert_int_equal(a.faulty, b.faulty);
	assert_int_equal(a.n, b.n);
	for (size_t i = 0; i < a.n; i++) {
		assert_int_equal(a.p[i].sender, b.p[i].sender);
		assert_int_equal(a.p[i].d.addr, b.p[i].d.addr);
		assert_int_equal(a.p[i].d.port, b.p[i].d.port);
		assert_int_equal(a.p[i].d.proto, b.p[i].d.proto);
		assert_string_equal(a.p[i].paths, b.p[i].paths);
	}
	listed_seen += a.n;
	rows_free(&a);
	rows_free(&b);
	model_free(m);
	free(xml);
}

/* Per node pair and totals, with a short and an unbounded list. */
static void
compare_all(char *(*gen)(unsigned, int), unsigned seeds, int flags)
{
	/* SWEEP_SEEDS=N multiplies the seeds, to search longer */
	const char *more = getenv("SWEEP_SEEDS");
	if (more != NULL)
		seeds *= (unsigned)atoi(more);
	for (unsigned seed = 0; seed < seeds; seed++)
		for (int v = 0; v < 4; v++)
			compare_spec(gen(seed, flags), v & 1 ? SIZE_MAX : 0, v & 2 ? SIZE_MAX : 3);
}

static void
test_sweep_equals_rows_plain_and_whatif(void **state)
{
	(void)state;
	compare_all(test_random_spec, 150, 0);
	compare_all(test_random_spec, 300, 1);
}

static void
test_sweep_equals_rows_services_policies(void **state)
{
	(void)state;
	compare_all(test_random_spec, 300, 2);
	compare_all(test_random_spec, 300, 3);
}

/* Many nodes: most groups stand in for each other, but for the ones a
 * walk passes, cuts or overrides. */
static void
test_sweep_equals_rows_wide(void **state)
{
	(void)state;
	for (int flags = 4; flags < 8; flags++)
		compare_all(test_random_spec, 60, flags);
}

static void
test_sweep_equals_rows_policy_heavy(void **state)
{
	(void)state;
	compare_all(heavy_spec, 40, 0);
	compare_all(heavy_spec, 60, 1);
	/* many kinds and destination classes */
	compare_all(heavy_kinds_spec, 40, 0);
	compare_all(heavy_kinds_spec, 40, 1);
}

/* The blocks must have stood for many pairs, and listed some. */
static void
test_sweep_coverage(void **state)
{
	(void)state;
	print_message("%zu pairs, %zu listed\n", pairs_seen, listed_seen);
	assert_true(pairs_seen > 1000000);
	assert_true(listed_seen > 1000);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sweep_equals_rows_plain_and_whatif),
		cmocka_unit_test(test_sweep_equals_rows_services_policies),
		cmocka_unit_test(test_sweep_equals_rows_policy_heavy),
		cmocka_unit_test(test_sweep_equals_rows_wide),
		cmocka_unit_test(test_sweep_coverage),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
