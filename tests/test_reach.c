#include "testlib.h"
#include "matrix.h"
#include "reach.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

struct rows {
	const struct model *m;
	size_t n, verdicts[3];
	char first[4][64];
	int stop_after;
};

static int
collect(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct rows *r = ctx;
	char a[16];
	for (size_t i = 0; i < nf; i++) {
		if (r->n < 4)
			snprintf(r->first[r->n], 64, "%s %s:%u", r->m->v[sender].name, addr_format(d->addr, a), d->port);
		r->verdicts[f[i].verdict]++;
		r->n++;
	}
	return r->stop_after && (int)r->n >= r->stop_after;
}

static void
test_reach_k1_open_order_and_counts(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct rows r = { .m = m };
	assert_int_equal(reach_run(m, PORTS_OPEN, collect, &r), 0);
	/* 2 daemons x 8 pod endpoints + 8 containers x (2 localhost + 8). */
	assert_int_equal(r.n, 2 * 8 + 8 * 10);
	assert_string_equal(r.first[0], "D1 10.1.1.1:8080");
	assert_string_equal(r.first[1], "D1 10.1.1.1:9090");
	assert_string_equal(r.first[2], "D1 10.1.1.2:8080");
	/* K1 delivers everything the model's constraints speak of. */
	assert_int_equal(r.verdicts[VERDICT_DELIVERED], r.n);
	model_free(m);
}

static void
test_reach_k1_all_ports(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct rows r = { .m = m };
	reach_run(m, PORTS_ALL, collect, &r);
	/* Addresses: 4 pods + 2 nodes (+ 127.0.0.1 for containers), 2 ports. */
	assert_int_equal(r.n, 2 * 6 * 2 + 8 * 7 * 2);
	/* Node addresses have no rule (no daemon listens): discarded. Own
	 * pod address on a closed port... none: both ports are open in every
	 * pod, so the only non-deliveries are the node addresses. */
	assert_int_equal(r.verdicts[VERDICT_DISCARDED], 10 * 2 * 2);
	assert_int_equal(r.verdicts[VERDICT_LOOP], 0);
	model_free(m);
}

static void
test_reach_localhost_only_for_containers(void **state)
{
	(void)state;
	struct model *m = test_k1();
	size_t n;
	struct dest *d = reach_dests(m, test_id(m, "D1"), PORTS_ALL, &n);
	for (size_t i = 0; i < n; i++)
		assert_int_not_equal(d[i].addr, ADDR_LOOPBACK);
	free(d);
	d = reach_dests(m, test_id(m, "C3.2"), PORTS_OPEN, &n);
	assert_int_equal(d[0].addr, ADDR_LOOPBACK);
	assert_int_equal(d[0].port, 8080);
	assert_int_equal(d[1].port, 9090);
	assert_int_equal(d[2].addr, 0x0a010101);
	free(d);
	model_free(m);
}

static void
test_reach_protocol_order(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">"
				     "<pod name=\"P\" address=\"10.0.0.1\"><container name=\"C\">"
				     "<port number=\"53\" protocol=\"UDP\"/><port number=\"53\"/>"
				     "<port number=\"7\" protocol=\"SCTP\"/><port number=\"53\" protocol=\"SCTP\"/>"
				     "</container></pod></node></cluster>");
	size_t n;
	struct dest *d = reach_dests(m, test_id(m, "C"), PORTS_OPEN, &n);
	assert_int_equal(n, 8);
	assert_int_equal(d[0].port, 7);
	assert_int_equal(d[1].proto, PROTO_SCTP);
	assert_int_equal(d[2].proto, PROTO_TCP);
	assert_int_equal(d[3].proto, PROTO_UDP);
	free(d);
	model_free(m);
}

static void
test_reach_stops_when_asked(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct rows r = { .m = m, .stop_after = 5 };
	assert_int_equal(reach_run(m, PORTS_OPEN, collect, &r), 1);
	assert_int_equal(r.n, 5);
	model_free(m);
}

static void
test_reach_columns_cover_every_row(void **state)
{
	(void)state;
	struct model *m = test_k1();
	size_t nc, nd;
	struct dest *c = reach_columns(m, PORTS_OPEN, &nc);
	assert_int_equal(nc, 2 + 8);
	for (size_t i = 0; i < m->nprocs; i++) {
		struct dest *d = reach_dests(m, m->procs[i], PORTS_OPEN, &nd);
		for (size_t k = 0; k < nd; k++) {
			size_t j = 0;
			while (j < nc && !(c[j].addr == d[k].addr && c[j].port == d[k].port && c[j].proto == d[k].proto))
				j++;
			assert_true(j < nc);
		}
		free(d);
	}
	free(c);
	model_free(m);
}

/* The matrix that both views read: the text table's marks and the page's
 * kinds come from the same rows and agree; per node, the same pairs. */
static void
test_matrix_views_agree(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 6; seed++) {
		char *xml = test_random_spec(seed, (int)(seed % 2));
		struct model *m = test_model(xml);
		for (int mode = PORTS_OPEN; mode <= PORTS_ALL; mode++) {
			struct matrix *text = matrix_new(m, (enum ports_mode)mode);
			struct matrix *page = matrix_new_summarized(m, (enum ports_mode)mode, SIZE_MAX, SIZE_MAX);
			struct matrix *nodes = matrix_new_summarized(m, (enum ports_mode)mode, 0, SIZE_MAX);
			assert_int_equal(reach_run(m, (enum ports_mode)mode, matrix_row, text), 0);
			assert_int_equal(reach_run(m, (enum ports_mode)mode, matrix_row, page), 0);
			assert_int_equal(reach_run(m, (enum ports_mode)mode, matrix_row, nodes), 0);
			assert_int_equal(text->mx, MX_PROCESS);
			assert_null(text->detail);
			assert_int_equal(nodes->mx, MX_NODE);
			assert_int_equal(text->verdicts[0] + text->verdicts[1] + text->verdicts[2], text->rows);
			for (int k = 0; k < CELL_KINDS; k++) {
				assert_int_equal(text->pairs[k], page->pairs[k]);
				assert_int_equal(nodes->pairs[k], page->pairs[k]);
			}
			for (size_t i = 0; i < m->nprocs * text->ncols; i++) {
				enum matrix_cell k = text->kind[i];
				assert_int_equal(k, page->kind[i]);
				assert_true((text->sym[i] == '.') == (k == CELL_NA));
				/* one judgement: the mark is the kind's (judge.h) */
				assert_int_equal(text->sym[i], judge_class_mark((enum judge_class)k));
				if (k != CELL_NA)
					assert_non_null(page->detail[i].tip);
			}
			matrix_free(text);
			matrix_free(page);
			matrix_free(nodes);
		}
		model_free(m);
		free(xml);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reach_k1_open_order_and_counts),
		cmocka_unit_test(test_reach_k1_all_ports),
		cmocka_unit_test(test_reach_localhost_only_for_containers),
		cmocka_unit_test(test_reach_protocol_order),
		cmocka_unit_test(test_reach_stops_when_asked),
		cmocka_unit_test(test_reach_columns_cover_every_row),
		cmocka_unit_test(test_matrix_views_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
