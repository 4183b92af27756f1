#include "testlib.h"
#include "spec.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
test_spec_k1_counts_and_order(void **state)
{
	(void)state;
	struct model *m = test_k1();
	assert_string_equal(m->name, "K1");
	assert_int_equal(m->nnodes, 2);
	assert_int_equal(m->npods, 4);
	assert_int_equal(m->nprocs, 10);
	/* Senders in the order their elements start: D1, C1.1, C1.2, C3.1 ... */
	assert_string_equal(m->v[m->procs[0]].name, "D1");
	assert_string_equal(m->v[m->procs[1]].name, "C1.1");
	assert_string_equal(m->v[m->procs[3]].name, "C3.1");
	/* Switches: each node before its pods. */
	const char *sw[] = { "N1", "P1", "P3", "N2", "P2", "P4" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(m->v[m->switches[i]].name, sw[i]);
	assert_int_equal(m->v[test_id(m, "P3")].addr, 0x0a010102);
	model_free(m);
}

static void
test_spec_collects_every_error(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<cluster name=\"x\">\n"
				"<node name=\"N1\" address=\"10.0.0.1\">\n"
				"<pod name=\"N1\" address=\"10.0.0.01\"/>\n"
				"<pod name=\"P2\" address=\"10.0.0.1\" color=\"red\"/>\n"
				"</node>\n"
				"<link-down from=\"N1\" to=\"nowhere\"/>\n"
				"</cluster>\n",
				&n);
	assert_int_equal(n, 5);
	assert_non_null(strstr(out, "test.xml:3: error: duplicate name 'N1'"));
	assert_non_null(strstr(out, "test.xml:3: error: invalid address '10.0.0.01'"));
	assert_non_null(strstr(out, "test.xml:4: error: unknown attribute 'color' on <pod>"));
	assert_non_null(strstr(out, "test.xml:4: error: address 10.0.0.1 is already the address of node 'N1'"));
	assert_non_null(strstr(out, "test.xml:6: error: 'to' names 'nowhere'"));
	/* Printed in the file's order. */
	assert_true(strstr(out, ":3:") < strstr(out, ":4:"));
	free(out);
}

static void
test_spec_refuses_doctype_and_entities(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<?xml version=\"1.0\"?>\n"
				"<!DOCTYPE cluster [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
				"<cluster name=\"&x;\"><node name=\"N\" address=\"1.2.3.4\"/></cluster>\n",
				&n);
	assert_non_null(strstr(out, "test.xml:2: error: a DOCTYPE is not allowed"));
	assert_null(strstr(out, "root:"));
	free(out);
	out = test_errors("<cluster name=\"&x;\"><node name=\"N\" address=\"1.2.3.4\"/></cluster>\n", &n);
	assert_non_null(strstr(out, "test.xml:1: error: malformed XML"));
	free(out);
}

static void
test_spec_ports_shared_within_a_pod(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">\n"
				"<pod name=\"P\" address=\"10.0.0.1\">\n"
				"<container name=\"a\"><port number=\"80\"/></container>\n"
				"<container name=\"b\"><port number=\"80\" protocol=\"UDP\"/>\n"
				"<port number=\"80\" protocol=\"TCP\"/></container>\n"
				"</pod></node></cluster>\n",
				&n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(out, "test.xml:5: error: port 80/TCP is already open in pod 'P' (by 'a', line 3)"));
	free(out);
}

static void
test_spec_overrides_and_warnings(void **state)
{
	(void)state;
	const char *xml = "<cluster name=\"x\">\n"
			  "<fib switch=\"N1\"><rule action=\"discard\" dst=\"10.0.0.0/8\" dport=\"80-90\"/>\n"
			  "<rule action=\"forward\" to=\"P\" protocol=\"UDP\"/></fib>\n"
			  "<node name=\"N1\" address=\"1.2.3.4\"><pod name=\"P\" address=\"10.0.0.1\"/></node>\n"
			  "<node name=\"N2\" address=\"1.2.3.5\"/>\n"
			  "<fib switch=\"N2\"><rule action=\"forward\" to=\"P\"/></fib>\n"
			  "<link-down from=\"N1\" to=\"N2\"/><link-down from=\"N2\" to=\"N1\"/>\n"
			  "</cluster>\n";
	struct diag *d = diag_new("w.xml");
	struct model *m;
	assert_int_equal(spec_parse(xml, strlen(xml), d, &m), SPEC_OK);
	assert_int_equal(diag_errors(d), 0);
	assert_int_equal(diag_count(d), 2); /* P not linked to N2; link twice */
	const struct vertex *n1 = &m->v[test_id(m, "N1")];
	assert_int_equal(n1->nfib, 2);
	assert_int_equal(n1->fib[0].action, ACT_DISCARD);
	assert_string_equal(n1->fib[0].dst_text, "10.0.0.0/8");
	assert_int_equal(n1->fib[0].dport_hi, 90);
	assert_true(model_link_down(m, test_id(m, "N2"), test_id(m, "N1")));
	assert_false(model_linked(m, test_id(m, "N1"), test_id(m, "N2")));
	model_free(m);
	diag_free(d);
}

static void
test_spec_size_limit_before_reading(void **state)
{
	(void)state;
	char *path = test_path("samples/k1.xml");
	struct diag *d = diag_new(path);
	struct model *m;
	assert_int_equal(spec_load(path, 100, d, &m), SPEC_INVALID);
	assert_null(m);
	assert_int_equal(diag_errors(d), 1);
	diag_free(d);
	d = diag_new("nope");
	assert_int_equal(spec_load("/nonexistent/k8snet.xml", 100, d, &m), SPEC_IO_ERROR);
	diag_free(d);
	free(path);
}

static void
test_spec_expect_parsed(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">"
				     "<pod name=\"P\" address=\"10.0.0.1\"><container name=\"C\"><port number=\"80\"/>"
				     "</container></pod></node>"
				     "<expect from=\"C\" to=\"10.0.0.1:80/TCP\" verdict=\"delivered\" receiver=\"C\"/>"
				     "<expect from=\"C\" to=\"10.0.0.1:22\" verdict=\"loop\"/></cluster>");
	assert_int_equal(m->nexpects, 2);
	assert_int_equal(m->expects[0].receiver, test_id(m, "C"));
	assert_int_equal(m->expects[1].port, 22);
	assert_int_equal(m->expects[1].verdict, VERDICT_LOOP);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_k1_counts_and_order),
		cmocka_unit_test(test_spec_collects_every_error),
		cmocka_unit_test(test_spec_refuses_doctype_and_entities),
		cmocka_unit_test(test_spec_ports_shared_within_a_pod),
		cmocka_unit_test(test_spec_overrides_and_warnings),
		cmocka_unit_test(test_spec_size_limit_before_reading),
		cmocka_unit_test(test_spec_expect_parsed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
