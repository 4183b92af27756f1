/* check's block counting (census.c) against feeding every reach row to
 * check_add, on random specs: counts and listed violations must match. */
#include "testlib.h"
#include "heavy.h"
#include "census.h"
#include "check.h"
#include "reach.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void
same(const struct model *m, const struct check *a, const struct check *b)
{
	for (int k = 0; k < CONSTRAINT_COUNT; k++) {
		const struct check_constraint *x = check_constraint(a, (enum constraint)k);
		const struct check_constraint *y = check_constraint(b, (enum constraint)k);
		assert_int_equal(x->checked, y->checked);
		assert_int_equal(x->violations, y->violations);
		assert_int_equal(x->denied, y->denied);
		assert_int_equal(x->nlisted, y->nlisted);
		for (size_t i = 0; i < x->nlisted; i++) {
			assert_int_equal(x->listed[i].sender, y->listed[i].sender);
			assert_int_equal(x->listed[i].d.addr, y->listed[i].d.addr);
			assert_int_equal(x->listed[i].d.port, y->listed[i].d.port);
			assert_int_equal(x->listed[i].d.proto, y->listed[i].d.proto);
			char *p = forward_path(m, &x->listed[i].fate), *q = forward_path(m, &y->listed[i].fate);
			assert_string_equal(p, q);
			free(p);
			free(q);
		}
	}
}

static size_t violations;

static size_t denied;

static void
compare_spec(char *xml, size_t keep)
{
	struct model *m = test_model(xml);
	struct check *fast = check_run(m, keep);
	struct check *slow = check_new(m, keep);
	reach_run(m, PORTS_OPEN, check_add, slow);
	check_expects(slow);
	same(m, fast, slow);
	violations += check_constraint(fast, CONSTRAINT_POD)->violations;
	denied += check_constraint(fast, CONSTRAINT_POD)->denied;
	check_free(fast);
	check_free(slow);
	model_free(m);
	free(xml);
}

static void
compare(unsigned seed, int flags, size_t keep)
{
	compare_spec(test_random_spec(seed, flags), keep);
}

static void
test_census_equals_rows_plain_and_whatif(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 300; seed++) {
		compare(seed, 0, 3);
		compare(seed, 1, 3);
		compare(seed, 1, SIZE_MAX);
	}
	assert_true(violations > 100);
}

static void
test_census_equals_rows_services_policies(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 300; seed++) {
		compare(seed, 2, 5);
		compare(seed, 3, 5);
		compare(seed, 3, SIZE_MAX);
	}
}

/* Policy-heavy specs (destination classes shared by pods on every node,
 * ip-blocks splitting them), plain and now and then with a cut link or
 * an override rule. */
static void
test_census_equals_rows_policy_heavy(void **state)
{
	(void)state;
	size_t before = denied;
	for (unsigned seed = 1; seed <= 300; seed++) {
		compare_spec(heavy_spec(seed, 0), 5);
		compare_spec(heavy_spec(seed, 1), SIZE_MAX);
	}
	/* The policies must deny a good share of the pairs. */
	assert_true(denied - before > 20000);
}

/* Specs with many kinds (source class x egress policies) and many
 * destination classes, for census's per-class judgements: namespaces and
 * label sets by the handful, some pods alone in their label set (kinds of
 * one pod), egress rules of every form (to anywhere, ip-blocks only,
 * selectors with and without a namespace selector, ip-blocks beside
 * selectors, peers of any namespace named by a pod label, numbered,
 * ranged and named ports, none at all), and now and
 * then a destination read by more than 64 ingress peers. whatif: a cut
 * link or an override rule now and then. Caller frees. */
static char *
kinds_spec(unsigned seed, int whatif)
{
	unsigned st = seed * 2246822519u + 3;
	struct heavy_buf b = { 0 };
	static const char *const tiers[] = { "web", "api", "db" };
	int nodes = 3 + (int)heavy_rnd(&st, 3), nns = 3 + (int)heavy_rnd(&st, 3);
	heavy_put(&b, "<cluster name=\"kinds %u\">\n", seed);
	for (int i = 0; i < nns; i++)
		heavy_put(&b, "<namespace name=\"ns%d\"><label key=\"env\" value=\"%s\"/>"
			  "<label key=\"team\" value=\"t%u\"/></namespace>\n",
			  i, heavy_rnd(&st, 2) ? "prod" : "dev", heavy_rnd(&st, 3));
	for (int n = 1; n <= nodes; n++) {
		heavy_put(&b, "<node name=\"N%d\" address=\"192.168.%d.%d\">\n", n, n % 2, n);
		int pods = 2 + (int)heavy_rnd(&st, 7);
		for (int p = 1; p <= pods; p++) {
			unsigned ns = heavy_rnd(&st, (unsigned)nns), app = heavy_rnd(&st, 4), tier = heavy_rnd(&st, 4);
			heavy_put(&b, "<pod name=\"P%d.%d\" namespace=\"ns%u\" address=\"10.%d.%d.1\">"
				  "<label key=\"app\" value=\"a%u\"/>", n, p, ns, n, p, app);
			if (tier < 3)
				heavy_put(&b, "<label key=\"tier\" value=\"%s\"/>", tiers[tier]);
			/* A label set of its own now and then. */
			if (heavy_rnd(&st, 8) == 0)
				heavy_put(&b, "<label key=\"canary\" value=\"c%d.%d\"/>", n, p);
			int cs = 1 + (int)heavy_rnd(&st, 2);
			for (int c = 1; c <= cs; c++) {
				unsigned nm = heavy_rnd(&st, 6);
				heavy_put(&b, "<container name=\"C%d.%d.%d\"><port number=\"%d\"%s/>", n, p, c, 79 + c,
					  nm < 3 ? (c == 1 ? " name=\"http\"" : " name=\"metrics\"")
					  : nm == 3 ? (c == 1 ? " name=\"web\"" : " name=\"alt\"") : "");
				if (c == 1 && heavy_rnd(&st, 3) == 0)
					heavy_put(&b, "<port number=\"82\" protocol=\"UDP\"%s/>", heavy_rnd(&st, 2) ? " name=\"dns\"" : "");
				heavy_put(&b, "</container>");
			}
			heavy_put(&b, "</pod>\n");
		}
		heavy_put(&b, "</node>\n");
	}
	if (whatif && heavy_rnd(&st, 2)) {
		if (heavy_rnd(&st, 2))
			heavy_put(&b, "<link-down from=\"N1\" to=\"N2\"/>\n");
		else
			heavy_put(&b, "<fib switch=\"N%d\"><rule action=\"discard\" dst=\"10.1.0.0/16\" dport=\"80\"/></fib>\n",
				  nodes);
	}
	static const char *const sel[] = {
		"",
		"<match key=\"app\" value=\"a0\"/>",
		"<match key=\"app\" value=\"a1\"/>",
		"<match key=\"app\" value=\"a2\"/><match key=\"tier\" value=\"web\"/>",
		"<match key=\"tier\" value=\"db\"/>",
		"<expression key=\"tier\" operator=\"In\" values=\"api db\"/>",
		"<expression key=\"canary\" operator=\"Exists\"/>",
		"<expression key=\"app\" operator=\"NotIn\" values=\"a1 a3\"/>",
	};
	static const char *const from[] = {
		"",
		"<P><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></P>",
		"<P><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></P>",
		"<P><namespace-selector><match key=\"team\" value=\"t1\"/></namespace-selector>"
		"<pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/><pod-selector><expression key=\"canary\" operator=\"Exists\"/></pod-selector></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></P>",
		"<P><pod-selector><match key=\"app\" value=\"a2\"/></pod-selector></P>"
		"<P><ip-block cidr=\"10.3.0.0/16\"/></P>",
	};
	static const char *const to[] = {
		"",
		"<P><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></P>",
		"<P><pod-selector><match key=\"app\" value=\"a2\"/></pod-selector></P>",
		"<P><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></P>",
		"<P><namespace-selector><match key=\"team\" value=\"t1\"/></namespace-selector>"
		"<pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/></P>",
		"<P><namespace-selector/><pod-selector><expression key=\"tier\" operator=\"In\" values=\"api db\"/></pod-selector></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></P>",
		"<P><ip-block cidr=\"10.2.3.1/32\"/></P><P><ip-block cidr=\"10.3.0.0/16\"/></P>",
		"<P><ip-block cidr=\"0.0.0.0/0\"><except cidr=\"10.3.0.0/16\"/></ip-block></P>",
		"<P><pod-selector><expression key=\"app\" operator=\"Exists\"/></pod-selector></P>"
		"<P><ip-block cidr=\"10.3.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.4.0.0/16\"/></P>"
		"<P><namespace-selector><match key=\"team\" value=\"t0\"/></namespace-selector></P>",
		"<P><namespace-selector/><pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/><pod-selector><match key=\"tier\" value=\"db\"/>"
		"<expression key=\"app\" operator=\"NotIn\" values=\"a0\"/></pod-selector></P>"
		"<P><pod-selector><match key=\"app\" value=\"a3\"/></pod-selector></P>",
	};
	static const char *const ports[] = {
		"", "", "<port number=\"80\"/>", "<port number=\"80\" end=\"81\"/>", "<port number=\"http\"/>",
		"<port number=\"metrics\"/><port number=\"82\" protocol=\"UDP\"/>", "<port protocol=\"UDP\"/>",
		"<port number=\"dns\" protocol=\"UDP\"/>", "<port number=\"web\"/>",
	};
	int npol = 4 + (int)heavy_rnd(&st, 16);
	for (int i = 0; i < npol; i++) {
		unsigned types = heavy_rnd(&st, 4);
		heavy_put(&b, "<policy name=\"pol%d\" namespace=\"ns%u\"%s><pod-selector>%s</pod-selector>", i,
			  heavy_rnd(&st, (unsigned)nns),
			  types == 0 ? "" : types == 1 ? " types=\"Ingress\"" : types == 2 ? " types=\"Egress\"" : " types=\"Ingress Egress\"",
			  sel[heavy_rnd(&st, 8)]);
		for (int dir = 0; dir < 2; dir++) {
			int nr = (int)heavy_rnd(&st, 3);
			if (types == (dir ? 1u : 2u))
				continue;
			for (int r = 0; r < nr; r++) {
				const char *p = dir ? to[heavy_rnd(&st, 15)] : from[heavy_rnd(&st, 8)];
				heavy_put(&b, "<%s>", dir ? "egress" : "ingress");
				for (const char *c = p; *c;) {
					if (strncmp(c, "<P>", 3) == 0) {
						heavy_put(&b, dir ? "<to>" : "<from>");
						c += 3;
					} else if (strncmp(c, "</P>", 4) == 0) {
						heavy_put(&b, dir ? "</to>" : "</from>");
						c += 4;
					} else {
						heavy_put(&b, "%c", *c++);
					}
				}
				heavy_put(&b, "%s</%s>", ports[heavy_rnd(&st, 9)], dir ? "egress" : "ingress");
			}
		}
		heavy_put(&b, "</policy>\n");
	}
	/* More than 64 ingress peers for pods of app a0: the peers past the
	 * 63rd select some pods, so their classes get keys of their own. */
	if (heavy_rnd(&st, 3) == 0) {
		heavy_put(&b, "<policy name=\"wide\" namespace=\"ns0\"><pod-selector><match key=\"app\" value=\"a0\"/>"
			  "</pod-selector><ingress>");
		for (int k = 0; k < 70; k++)
			heavy_put(&b, "<from><namespace-selector/><pod-selector><match key=\"app\" value=\"a%d\"/>"
				  "<match key=\"tier\" value=\"%s\"/></pod-selector></from>",
				  k < 60 ? 9 : k % 4, tiers[k % 3]);
		heavy_put(&b, "</ingress></policy>\n");
	}
	heavy_put(&b, "</cluster>\n");
	return b.s;
}

/* Many kinds and destination classes (kinds_spec). */
static void
test_census_equals_rows_many_kinds(void **state)
{
	(void)state;
	size_t before = denied, v = violations;
	for (unsigned seed = 1; seed <= 300; seed++) {
		compare_spec(kinds_spec(seed, 0), 5);
		compare_spec(kinds_spec(seed, 1), SIZE_MAX);
	}
	assert_true(denied - before > 20000);
	assert_true(violations - v > 100);
}

/* The first pod of a destination class alone in its kind, and the only
 * sender class that no ingress peer of the destination selects: its
 * judgement waits for the class's second pod, which judges it from the
 * first (denied: node 2's addresses are outside the ip-block). */
static void
test_census_alone_then_shared(void **state)
{
	(void)state;
	const char *spec = "<cluster name=\"c\"><namespace name=\"ns0\"/>"
			   "<node name=\"N1\" address=\"192.168.0.1\"><pod name=\"P1\" namespace=\"ns0\" address=\"10.1.1.1\">"
			   "<label key=\"app\" value=\"web\"/><container name=\"C1\"><port number=\"80\"/></container></pod></node>"
			   "<node name=\"N2\" address=\"192.168.0.2\"><pod name=\"P2\" namespace=\"ns0\" address=\"10.2.1.1\">"
			   "<label key=\"app\" value=\"db\"/><container name=\"C2\"><port number=\"80\"/></container></pod></node>"
			   "<node name=\"N3\" address=\"192.168.0.3\"><pod name=\"P3\" namespace=\"ns0\" address=\"10.3.1.1\">"
			   "<label key=\"app\" value=\"db\"/><container name=\"C3\"><port number=\"80\"/></container></pod>"
			   "<pod name=\"P4\" namespace=\"ns0\" address=\"10.3.2.1\">"
			   "<label key=\"app\" value=\"web\"/><container name=\"C4\"><port number=\"80\"/></container></pod></node>"
			   "<policy name=\"db\" namespace=\"ns0\"><pod-selector><match key=\"app\" value=\"db\"/></pod-selector>"
			   "<ingress><from><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></from>"
			   "</ingress></policy></cluster>";
	struct model *m = test_model(spec);
	struct check *c = check_run(m, 10);
	const struct check_constraint *x = check_constraint(c, CONSTRAINT_POD);
	assert_int_equal(x->checked, 16);
	assert_int_equal(x->violations, 0);
	assert_int_equal(x->denied, 1); /* C2 to P3 */
	check_free(c);
	model_free(m);
	compare_spec(xstrdup(spec), 10);
}

static void
test_census_cut_node_link(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"c\">"
				     "<node name=\"N1\" address=\"192.168.0.1\"><pod name=\"P1\" address=\"10.0.1.1\">"
				     "<container name=\"C1\"><port number=\"80\"/></container></pod></node>"
				     "<node name=\"N2\" address=\"192.168.0.2\"><pod name=\"P2\" address=\"10.0.2.1\">"
				     "<container name=\"C2\"><port number=\"80\"/></container></pod></node>"
				     "<node name=\"N3\" address=\"192.168.0.3\"><pod name=\"P3\" address=\"10.0.3.1\">"
				     "<container name=\"C3\"><port number=\"80\"/></container></pod></node>"
				     "<link-down from=\"N2\" to=\"N1\"/></cluster>");
	struct check *c = check_run(m, 10);
	const struct check_constraint *x = check_constraint(c, CONSTRAINT_POD);
	assert_int_equal(x->checked, 9);
	assert_int_equal(x->violations, 2);
	assert_int_equal(x->listed[0].sender, test_id(m, "C1"));
	assert_int_equal(x->listed[1].sender, test_id(m, "C2"));
	assert_int_equal(x->listed[0].fate.at, test_id(m, "N1"));
	check_free(c);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_census_equals_rows_plain_and_whatif),
		cmocka_unit_test(test_census_equals_rows_services_policies),
		cmocka_unit_test(test_census_equals_rows_policy_heavy),
		cmocka_unit_test(test_census_equals_rows_many_kinds),
		cmocka_unit_test(test_census_alone_then_shared),
		cmocka_unit_test(test_census_cut_node_link),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
