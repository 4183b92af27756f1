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

/* Many kinds and destination classes (heavy_kinds_spec). */
static void
test_census_equals_rows_many_kinds(void **state)
{
	(void)state;
	size_t before = denied, v = violations;
	for (unsigned seed = 1; seed <= 300; seed++) {
		compare_spec(heavy_kinds_spec(seed, 0), 5);
		compare_spec(heavy_kinds_spec(seed, 1), SIZE_MAX);
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
