/* diff: K1 against changed copies of itself; the changed pairs are counted
 * here by hand, from the rules of k8snet(1). */
#include "testlib.h"
#include "diff.h"
#include "emit.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* K1 (samples/k1.xml), with C1.1's ports, P4's containers and extra
 * elements given. */
static struct model *
k1_variant(const char *c11_ports, const char *p4, const char *extra)
{
	char *xml = xasprintf("<cluster name=\"K1\">\n"
			      "<node name=\"N1\" address=\"192.168.0.1\">\n"
			      "<daemon name=\"D1\"/>\n"
			      "<pod name=\"P1\" address=\"10.1.1.1\">\n"
			      "<container name=\"C1.1\">%s</container>\n"
			      "<container name=\"C1.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "<pod name=\"P3\" address=\"10.1.1.2\">\n"
			      "<container name=\"C3.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C3.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "</node>\n"
			      "<node name=\"N2\" address=\"192.168.0.2\">\n"
			      "<daemon name=\"D2\"/>\n"
			      "<pod name=\"P2\" address=\"10.1.2.1\">\n"
			      "<container name=\"C2.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C2.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "<pod name=\"P4\" address=\"10.1.2.2\">%s</pod>\n"
			      "</node>\n"
			      "%s\n"
			      "</cluster>\n",
			      c11_ports, p4, extra);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

static const char C11[] = "<port number=\"8080\"/>";
static const char P4[] = "<container name=\"C4.1\"><port number=\"8080\"/></container>"
			 "<container name=\"C4.2\"><port number=\"9090\"/></container>";

static struct model *
k1_with(const char *extra)
{
	return k1_variant(C11, P4, extra);
}

/* The changed rows as CSV lines. */
struct rows {
	char **line;
	size_t n, cap;
	int stop_after; /* 0: never */
};

static int
collect(void *ctx, const struct diff_row *r)
{
	struct rows *rows = ctx;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diff_emit_csv_row(f, r);
	fclose(f);
	xgrow(&rows->line, &rows->cap, rows->n + 1, sizeof *rows->line);
	rows->line[rows->n++] = buf;
	return rows->stop_after && (int)rows->n == rows->stop_after ? 7 : 0;
}

static void
rows_free(struct rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		free(rows->line[i]);
	free(rows->line);
}

static void
test_diff_same_spec(void **state)
{
	(void)state;
	struct model *a = test_k1(), *b = k1_with("");
	struct rows rows = { 0 };
	struct diff_counts c;
	assert_int_equal(diff_run(a, b, PORTS_OPEN, collect, &rows, &c), 0);
	assert_int_equal(rows.n, 0);
	/* 8 containers x (2 at 127.0.0.1 + 8 pod endpoints), 2 daemons x 8. */
	assert_int_equal(c.old_pairs, 96);
	assert_int_equal(c.new_pairs, 96);
	assert_int_equal(c.only_new, 0);
	assert_int_equal(diff_total(&c), 0);
	/* Every address with every port: 8 x (2 + 6 x 2) + 2 x 12. */
	assert_int_equal(diff_run(a, b, PORTS_ALL, collect, &rows, &c), 0);
	assert_int_equal(c.old_pairs, 136);
	assert_int_equal(diff_total(&c), 0);
	model_free(a);
	model_free(b);
}

static void
test_diff_cut_node_link(void **state)
{
	(void)state;
	struct model *a = test_k1(), *b = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct rows rows = { 0 };
	struct diff_counts c;
	diff_run(a, b, PORTS_OPEN, collect, &rows, &c);
	/* Each node's 4 containers and its daemon lose the other node's 4
	 * endpoints. */
	assert_int_equal(c.changed[DIFF_LOST], 40);
	assert_int_equal(c.changed[DIFF_GAINED], 0);
	assert_int_equal(c.changed[DIFF_CHANGED], 0);
	assert_int_equal(rows.n, 40);
	/* In the old spec's reach order: D1 first, P2 after P1 and P3. */
	assert_string_equal(rows.line[0], "D1,10.1.2.1,8080,TCP,delivered,C2.1,discarded,\n");
	assert_string_equal(rows.line[4], "C1.1,10.1.2.1,8080,TCP,delivered,C2.1,discarded,\n");
	assert_string_equal(rows.line[39], "C4.2,10.1.1.2,9090,TCP,delivered,C3.2,discarded,\n");
	rows_free(&rows);
	model_free(a);
	model_free(b);
}

static void
test_diff_absent_on_either_side(void **state)
{
	(void)state;
	/* New: C4.2 is gone; C1.1 also opens 7000/UDP. */
	struct model *a = test_k1(),
		     *b = k1_variant("<port number=\"8080\"/><port number=\"7000\" protocol=\"UDP\"/>",
				     "<container name=\"C4.1\"><port number=\"8080\"/></container>", "");
	struct rows rows = { 0 };
	struct diff_counts c;
	diff_run(a, b, PORTS_OPEN, collect, &rows, &c);
	/* Lost: C4.2's 10 pairs; 10.1.2.2:9090 from the 7 other containers
	 * and 2 daemons; C4.1 at 127.0.0.1:9090. Gained: 10.1.1.1:7000/UDP
	 * from 7 containers and 2 daemons; C1.1 and C1.2 at 127.0.0.1. */
	assert_int_equal(c.changed[DIFF_LOST], 20);
	assert_int_equal(c.changed[DIFF_GAINED], 11);
	assert_int_equal(c.changed[DIFF_CHANGED], 0);
	assert_int_equal(c.old_pairs, 96);
	assert_int_equal(c.new_pairs, 87);
	assert_int_equal(c.only_new, 11);
	assert_int_equal(rows.n, 31);
	assert_string_equal(rows.line[0], "D1,10.1.2.2,9090,TCP,delivered,C4.2,absent,\n");
	assert_string_equal(rows.line[19], "C4.2,10.1.2.2,9090,TCP,delivered,C4.2,absent,\n");
	/* Then the new spec's own pairs, in its order. */
	assert_string_equal(rows.line[20], "D1,10.1.1.1,7000,UDP,absent,,delivered,C1.1\n");
	assert_string_equal(rows.line[21], "C1.1,127.0.0.1,7000,UDP,absent,,delivered,C1.1\n");
	assert_string_equal(rows.line[30], "C4.1,10.1.1.1,7000,UDP,absent,,delivered,C1.1\n");
	rows_free(&rows);
	model_free(a);
	model_free(b);
}

static void
test_diff_receiver_and_loop(void **state)
{
	(void)state;
	/* P2 hands 10.1.2.1:8080 to C2.2; N1 sends P4's traffic to P1,
	 * which sends it back: a loop for N1's senders. */
	struct model *a = test_k1(),
		     *b = k1_with("<fib switch=\"P2\"><rule action=\"deliver\" dst=\"10.1.2.1\" dport=\"8080\" to=\"C2.2\"/></fib>"
				  "<fib switch=\"N1\"><rule action=\"forward\" dst=\"10.1.2.2\" to=\"P1\"/></fib>");
	struct rows rows = { 0 };
	struct diff_counts c;
	diff_run(a, b, PORTS_OPEN, collect, &rows, &c);
	/* 8 containers and 2 daemons at 10.1.2.1:8080 (delivered to another
	 * process: lost, as judge.h says); D1 and N1's 4 containers at P4's 2
	 * ports. */
	assert_int_equal(c.changed[DIFF_CHANGED], 0);
	assert_int_equal(c.changed[DIFF_LOST], 20);
	assert_int_equal(c.changed[DIFF_GAINED], 0);
	assert_string_equal(rows.line[0], "D1,10.1.2.1,8080,TCP,delivered,C2.1,delivered,C2.2\n");
	assert_string_equal(rows.line[1], "D1,10.1.2.2,8080,TCP,delivered,C4.1,loop,\n");
	rows_free(&rows);
	model_free(a);
	model_free(b);
}

static void
test_diff_classify(void **state)
{
	(void)state;
	const struct diff_side absent = { false, -1, false, NULL, NULL };
	const struct diff_side to_a = { true, 1, true, "delivered", "A" }, to_b = { true, 1, true, "delivered", "B" };
	const struct diff_side dropped = { true, 1, false, "discarded", "" }, loop = { true, 1, false, "loop", "" };
	/* A service with two backends, one of them cut. */
	const struct diff_side half = { true, 1, false, "delivered|discarded", "A|" };
	struct diff_row r = { "S", { 1, 2, PROTO_TCP }, absent, to_a };
	assert_int_equal(diff_classify(&r), DIFF_GAINED);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, dropped, to_a };
	assert_int_equal(diff_classify(&r), DIFF_GAINED);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, to_a, absent };
	assert_int_equal(diff_classify(&r), DIFF_LOST);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, to_a, loop };
	assert_int_equal(diff_classify(&r), DIFF_LOST);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, to_a, to_b };
	assert_int_equal(diff_classify(&r), DIFF_CHANGED);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, dropped, loop };
	assert_int_equal(diff_classify(&r), DIFF_CHANGED);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, absent, dropped };
	assert_int_equal(diff_classify(&r), DIFF_CHANGED);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, to_a, half };
	assert_int_equal(diff_classify(&r), DIFF_LOST);
	r = (struct diff_row){ "S", { 1, 2, PROTO_TCP }, half, to_a };
	assert_int_equal(diff_classify(&r), DIFF_GAINED);
	assert_string_equal(diff_verdict_name(&absent), "absent");
	assert_string_equal(diff_verdict_name(&loop), "loop");
}

static void
test_diff_stops_when_asked(void **state)
{
	(void)state;
	struct model *a = test_k1(), *b = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct rows rows = { .stop_after = 3 };
	assert_int_equal(diff_run(a, b, PORTS_OPEN, collect, &rows, NULL), 7);
	assert_int_equal(rows.n, 3);
	rows_free(&rows);
	model_free(a);
	model_free(b);
}

static void
test_diff_text_groups(void **state)
{
	(void)state;
	struct model *a = test_k1(), *b = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct diff_text *t = diff_text_new(a, b, PORTS_OPEN);
	struct diff_counts c;
	diff_run(a, b, PORTS_OPEN, diff_text_add, t, &c);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diff_text_print(f, t, &c);
	fclose(f);
	const char *want = "diff of cluster K1 (old) and cluster K1 (new), --ports open\n"
			   "\n"
			   "from the daemons of node N1: 4 lost\n"
			   "  to pod P2 (10.1.2.1): 2 lost\n"
			   "    - D1 -> 10.1.2.1:8080/TCP: delivered to C2.1 => discarded at N1: link down (N1 -- N2)\n"
			   "        new path: D1>N1\n";
	assert_memory_equal(buf, want, strlen(want));
	/* Each pod's senders form one group, whatever their container. */
	assert_non_null(strstr(buf, "\nfrom pod P1 (on N1): 8 lost\n  to pod P2 (10.1.2.1): 4 lost\n"));
	assert_non_null(strstr(buf, "\nfrom pod P4 (on N2): 8 lost\n"));
	assert_null(strstr(buf, "to 127.0.0.1"));
	assert_non_null(strstr(buf, "\n\nsummary: 40 of 96 pairs changed: 0 gained, 40 lost, 0 changed\n"));
	free(buf);
	diff_text_free(t);
	model_free(a);
	model_free(b);
}

static void
test_diff_service_backends_joined(void **state)
{
	(void)state;
	const char *fmt = "<cluster name=\"s\">\n"
			  "<node name=\"N1\" address=\"192.168.0.1\">\n"
			  "<pod name=\"w1\" address=\"10.1.1.1\"><label key=\"app\" value=\"web\"/>"
			  "<container name=\"n1\"><port number=\"8080\"/></container></pod>\n"
			  "<pod name=\"w2\" address=\"10.1.1.3\"><label key=\"app\" value=\"web\"/>"
			  "<container name=\"n2\"><port number=\"8080\"/></container></pod>\n"
			  "</node>\n"
			  "<service name=\"web\" address=\"10.96.0.10\"><selector key=\"app\" value=\"web\"/>"
			  "<port number=\"80\" target=\"8080\"/></service>\n"
			  "%s</cluster>\n";
	char *xa = xasprintf(fmt, ""), *xb = xasprintf(fmt, "<link-down from=\"n2\" to=\"w2\"/>\n");
	struct model *a = test_model(xa), *b = test_model(xb);
	struct rows rows = { 0 };
	struct diff_counts c;
	diff_run(a, b, PORTS_OPEN, collect, &rows, &c);
	/* n1 loses n2 at its pod address, and half of the service: lost, with
	 * the backends' verdicts and receivers joined in backend order. */
	assert_string_equal(rows.line[0], "n1,10.1.1.3,8080,TCP,delivered,n2,discarded,\n");
	assert_string_equal(rows.line[1], "n1,10.96.0.10,80,TCP,delivered|delivered,n1|n2,delivered|discarded,n1|\n");
	/* n2 can send nothing: one fate, even to the service. */
	assert_string_equal(rows.line[rows.n - 1], "n2,10.96.0.10,80,TCP,delivered|delivered,n1|n2,discarded,\n");
	/* n1, n2 at 10.1.1.3:8080; n2 at 127.0.0.1 and 10.1.1.1; both at the
	 * service. */
	assert_int_equal(c.changed[DIFF_LOST], 6);
	assert_int_equal(diff_total(&c), 6);
	rows_free(&rows);
	free(xa);
	free(xb);
	model_free(a);
	model_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_diff_same_spec),
		cmocka_unit_test(test_diff_cut_node_link),
		cmocka_unit_test(test_diff_absent_on_either_side),
		cmocka_unit_test(test_diff_receiver_and_loop),
		cmocka_unit_test(test_diff_classify),
		cmocka_unit_test(test_diff_stops_when_asked),
		cmocka_unit_test(test_diff_text_groups),
		cmocka_unit_test(test_diff_service_backends_joined),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
