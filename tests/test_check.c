/* check: the constraints on K1 and on what-if variants of it, whose
 * violations are counted here by hand, from the rules of k8snet(1). */
#include "testlib.h"
#include "check.h"
#include "emit.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* K1 (samples/k1.xml) with extra elements at the end. */
static struct model *
k1_with(const char *extra)
{
	char *xml = xasprintf("<cluster name=\"K1\">\n"
			      "<node name=\"N1\" address=\"192.168.0.1\">\n"
			      "<daemon name=\"D1\"/>\n"
			      "<pod name=\"P1\" address=\"10.1.1.1\">\n"
			      "<container name=\"C1.1\"><port number=\"8080\"/></container>\n"
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
			      "<pod name=\"P4\" address=\"10.1.2.2\">\n"
			      "<container name=\"C4.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C4.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "</node>\n"
			      "%s\n"
			      "</cluster>\n",
			      extra);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

static void
assert_counts(const struct check *c, uint64_t c2, uint64_t v2, uint64_t c3, uint64_t v3, uint64_t c4, uint64_t v4)
{
	assert_int_equal(check_constraint(c, CONSTRAINT_LOCALHOST)->checked, c2);
	assert_int_equal(check_constraint(c, CONSTRAINT_LOCALHOST)->violations, v2);
	assert_int_equal(check_constraint(c, CONSTRAINT_POD)->checked, c3);
	assert_int_equal(check_constraint(c, CONSTRAINT_POD)->violations, v3);
	assert_int_equal(check_constraint(c, CONSTRAINT_DAEMON)->checked, c4);
	assert_int_equal(check_constraint(c, CONSTRAINT_DAEMON)->violations, v4);
}

static void
test_check_k1_holds(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct check *c = check_run(m, 10);
	/* 6 addresses; 8 containers x 2 ports of their pod; 8 containers x 8
	 * pod endpoints; 2 daemons x the 4 endpoints of their node's pods. */
	assert_int_equal(check_constraint(c, CONSTRAINT_DISTINCT)->checked, 6);
	assert_int_equal(check_constraint(c, CONSTRAINT_DISTINCT)->violations, 0);
	assert_counts(c, 16, 0, 64, 0, 8, 0);
	assert_true(check_ok(c));
	assert_int_equal(check_failed_constraints(c), 0);
	assert_int_equal(check_nexpects(c), 0);
	check_free(c);
	model_free(m);
}

static void
test_check_classify(void **state)
{
	(void)state;
	struct model *m = test_k1();
	int e = -1;
	struct dest lo = { ADDR_LOOPBACK, 9090, PROTO_TCP };
	assert_int_equal(constraint_classify(m, test_id(m, "C1.1"), &lo, &e), CONSTRAINT_LOCALHOST);
	assert_int_equal(e, test_id(m, "C1.2"));
	/* A daemon's pairs: its own node's pods only. */
	struct dest p1 = { 0x0a010101, 8080, PROTO_TCP }, p2 = { 0x0a010201, 9090, PROTO_TCP };
	assert_int_equal(constraint_classify(m, test_id(m, "D1"), &p1, &e), CONSTRAINT_DAEMON);
	assert_int_equal(e, test_id(m, "C1.1"));
	assert_int_equal(constraint_classify(m, test_id(m, "D1"), &p2, &e), CONSTRAINT_COUNT);
	assert_int_equal(constraint_classify(m, test_id(m, "C3.1"), &p2, &e), CONSTRAINT_POD);
	assert_int_equal(e, test_id(m, "C2.2"));
	/* A closed port, a node address, a daemon at 127.0.0.1: no promise. */
	struct dest closed = { 0x0a010101, 7777, PROTO_TCP }, udp = { 0x0a010101, 8080, PROTO_UDP };
	struct dest node = { 0xc0a80001, 8080, PROTO_TCP };
	assert_int_equal(constraint_classify(m, test_id(m, "C1.1"), &closed, &e), CONSTRAINT_COUNT);
	assert_int_equal(constraint_classify(m, test_id(m, "C1.1"), &udp, &e), CONSTRAINT_COUNT);
	assert_int_equal(constraint_classify(m, test_id(m, "C1.1"), &node, &e), CONSTRAINT_COUNT);
	assert_int_equal(constraint_classify(m, test_id(m, "D1"), &lo, &e), CONSTRAINT_COUNT);
	model_free(m);
}

static void
test_check_cut_node_link(void **state)
{
	(void)state;
	struct model *m = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct check *c = check_run(m, SIZE_MAX);
	/* Each of the 4 containers of a node to the 4 endpoints of the other
	 * node's pods, both ways; daemons only promise their own node. */
	assert_counts(c, 16, 0, 64, 32, 8, 0);
	assert_false(check_ok(c));
	assert_int_equal(check_failed_constraints(c), 1);
	const struct check_constraint *k = check_constraint(c, CONSTRAINT_POD);
	assert_int_equal(k->nlisted, 32);
	/* In reach order: C1.1 first, to P2's 8080. */
	const struct check_violation *v = &k->listed[0];
	assert_int_equal(v->sender, test_id(m, "C1.1"));
	assert_int_equal(v->d.addr, 0x0a010201);
	assert_int_equal(v->d.port, 8080);
	assert_int_equal(v->expected, test_id(m, "C2.1"));
	assert_int_equal(v->fate.verdict, VERDICT_DISCARDED);
	assert_int_equal(v->fate.reason, REASON_LINK_DOWN);
	assert_int_equal(v->fate.at, test_id(m, "N1"));
	char *path = forward_path(m, &v->fate), *why = check_explain(m, &v->fate);
	assert_string_equal(path, "C1.1>P1>N1");
	assert_string_equal(why, "discarded at N1: link down (N1 -- N2)");
	free(path);
	free(why);
	check_free(c);
	model_free(m);
}

static void
test_check_keeps_only_the_first(void **state)
{
	(void)state;
	struct model *m = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct check *all = check_run(m, SIZE_MAX), *three = check_run(m, 3), *none = check_run(m, 0);
	const struct check_constraint *a = check_constraint(all, CONSTRAINT_POD);
	const struct check_constraint *t = check_constraint(three, CONSTRAINT_POD);
	const struct check_constraint *n = check_constraint(none, CONSTRAINT_POD);
	/* The counts do not depend on how many are kept. */
	assert_int_equal(t->violations, 32);
	assert_int_equal(n->violations, 32);
	assert_int_equal(t->nlisted, 3);
	assert_int_equal(n->nlisted, 0);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(t->listed[i].sender, a->listed[i].sender);
		assert_int_equal(t->listed[i].d.addr, a->listed[i].d.addr);
		assert_int_equal(t->listed[i].d.port, a->listed[i].d.port);
	}
	check_free(all);
	check_free(three);
	check_free(none);
	model_free(m);
}

static void
test_check_cut_container_link(void **state)
{
	(void)state;
	struct model *m = k1_with("<link-down from=\"C1.1\" to=\"P1\"/>");
	struct check *c = check_run(m, SIZE_MAX);
	/* C1.1 can send nothing (2 localhost + 8 pod pairs) and receive
	 * nothing: C1.2 at 127.0.0.1:8080, the 7 other containers and D1 at
	 * 10.1.1.1:8080. */
	assert_counts(c, 16, 3, 64, 15, 8, 1);
	const struct check_violation *v = &check_constraint(c, CONSTRAINT_LOCALHOST)->listed[0];
	char *path = forward_path(m, &v->fate), *why = check_explain(m, &v->fate);
	assert_string_equal(path, "C1.1");
	assert_string_equal(why, "discarded at C1.1: link down (C1.1 -- P1)");
	free(path);
	free(why);
	v = &check_constraint(c, CONSTRAINT_DAEMON)->listed[0];
	assert_int_equal(v->sender, test_id(m, "D1"));
	path = forward_path(m, &v->fate);
	why = check_explain(m, &v->fate);
	assert_string_equal(path, "D1>N1>P1");
	assert_string_equal(why, "discarded at P1: link down (P1 -- C1.1)");
	free(path);
	free(why);
	check_free(c);
	model_free(m);
}

static void
test_check_discard_override(void **state)
{
	(void)state;
	struct model *m = k1_with("<fib switch=\"P2\"><rule action=\"discard\" dst=\"10.1.2.1\" dport=\"8080\"/></fib>");
	struct check *c = check_run(m, SIZE_MAX);
	/* Every container to 10.1.2.1:8080, and D2; 127.0.0.1 is untouched. */
	assert_counts(c, 16, 0, 64, 8, 8, 1);
	const struct check_violation *v = &check_constraint(c, CONSTRAINT_DAEMON)->listed[0];
	assert_int_equal(v->fate.reason, REASON_DISCARD_RULE);
	char *why = check_explain(m, &v->fate);
	assert_string_equal(why, "discarded at P2: discard rule (rule 1, spec line 24)");
	free(why);
	check_free(c);
	model_free(m);
}

static void
test_check_forward_override_loops(void **state)
{
	(void)state;
	/* N1 sends P2's traffic to P1, which sends it back to N1. */
	struct model *m = k1_with("<fib switch=\"N1\"><rule action=\"forward\" dst=\"10.1.2.1\" to=\"P1\"/></fib>");
	struct check *c = check_run(m, SIZE_MAX);
	/* The 4 containers of N1 to P2's 2 ports; D1 is not promised P2. */
	assert_counts(c, 16, 0, 64, 8, 8, 0);
	const struct check_violation *v = &check_constraint(c, CONSTRAINT_POD)->listed[0];
	assert_int_equal(v->fate.verdict, VERDICT_LOOP);
	char *path = forward_path(m, &v->fate), *why = check_explain(m, &v->fate);
	assert_string_equal(path, "C1.1>P1>N1>P1");
	assert_string_equal(why, "loop: P1 is reached again with the same header");
	free(path);
	free(why);
	/* From P3, the message dies at N1 instead. */
	v = &check_constraint(c, CONSTRAINT_POD)->listed[4];
	assert_int_equal(v->sender, test_id(m, "C3.1"));
	path = forward_path(m, &v->fate);
	why = check_explain(m, &v->fate);
	assert_string_equal(path, "C3.1>P3>N1>P1>N1");
	assert_string_equal(why, "loop: N1 is reached again with the same header");
	free(path);
	free(why);
	check_free(c);
	model_free(m);
}

static void
test_check_wrong_receiver(void **state)
{
	(void)state;
	/* Delivered, but to the wrong container: still a violation. The rule
	 * has no dst, so whatever P2's containers send to any 8080 stays in
	 * P2 too: C2.1 and C2.2 at 127.0.0.1, all 8 containers at 10.1.2.1,
	 * C2.1 and C2.2 at the 3 other pods; D2 at 10.1.2.1. */
	struct model *m = k1_with("<fib switch=\"P2\"><rule action=\"deliver\" dport=\"8080\" to=\"C2.2\"/></fib>");
	struct check *c = check_run(m, SIZE_MAX);
	assert_counts(c, 16, 2, 64, 14, 8, 1);
	const struct check_violation *v = &check_constraint(c, CONSTRAINT_LOCALHOST)->listed[0];
	assert_int_equal(v->sender, test_id(m, "C2.1"));
	assert_int_equal(v->fate.verdict, VERDICT_DELIVERED);
	assert_int_equal(v->fate.receiver, test_id(m, "C2.2"));
	assert_int_equal(v->expected, test_id(m, "C2.1"));
	check_free(c);
	model_free(m);
}

static void
test_check_expects(void **state)
{
	(void)state;
	struct model *m = k1_with(
		"<expect from=\"C1.1\" to=\"10.1.2.1:8080\" verdict=\"delivered\" receiver=\"C2.1\"/>\n"
		"<expect from=\"C1.1\" to=\"10.1.2.1:8080\" verdict=\"delivered\" receiver=\"C2.2\"/>\n"
		"<expect from=\"C1.1\" to=\"10.1.1.1:7777\" verdict=\"discarded\"/>\n"
		"<expect from=\"C1.1\" to=\"10.1.1.1:7777\" verdict=\"loop\"/>\n"
		"<expect from=\"D1\" to=\"10.1.2.2:9090\" verdict=\"delivered\"/>\n"
		"<expect from=\"C1.1\" to=\"127.0.0.1:7777/UDP\" verdict=\"discarded\"/>");
	struct check *c = check_run(m, 10);
	assert_int_equal(check_nexpects(c), 6);
	static const bool holds[] = { true, false, false, true, true, true };
	for (size_t i = 0; i < 6; i++)
		assert_int_equal(check_expect(c, i)->holds, holds[i]);
	assert_int_equal(check_failed_expects(c), 2);
	/* The constraints hold; the expects alone make the check fail. */
	assert_int_equal(check_failed_constraints(c), 0);
	assert_false(check_ok(c));
	const struct check_expect *x = check_expect(c, 2);
	assert_int_equal(x->fates[x->shown].verdict, VERDICT_LOOP);
	assert_int_equal(x->e->line, 26);
	check_free(c);
	model_free(m);
}

static char *emitted(const struct check *c, int format, bool quiet);

static void
test_check_services_and_policies(void **state)
{
	(void)state;
	struct model *m = test_model(
		"<cluster name=\"svc\">\n"
		"<node name=\"N1\" address=\"192.168.0.1\">\n"
		"<daemon name=\"D1\"/>\n"
		"<pod name=\"web\" address=\"10.1.1.1\"><label key=\"app\" value=\"web\"/>\n"
		"<container name=\"nginx\"><port number=\"8080\" name=\"http\"/></container></pod>\n"
		"<pod name=\"db\" address=\"10.1.1.2\"><label key=\"app\" value=\"db\"/>\n"
		"<container name=\"pg\"><port number=\"5432\"/></container></pod>\n"
		"<pod name=\"batch\" address=\"10.1.1.3\"><label key=\"app\" value=\"batch\"/>\n"
		"<container name=\"job\"><port number=\"9000\"/></container></pod>\n"
		"</node>\n"
		"<service name=\"web\" address=\"10.96.0.10\"><selector key=\"app\" value=\"web\"/>"
		"<port number=\"80\" target=\"http\"/></service>\n"
		"<service name=\"orphan\" address=\"10.96.0.11\"><selector key=\"app\" value=\"none\"/>"
		"<port number=\"80\"/></service>\n"
		"<policy name=\"db-from-web\"><pod-selector><match key=\"app\" value=\"db\"/></pod-selector>\n"
		"<ingress><from><pod-selector><match key=\"app\" value=\"web\"/></pod-selector></from></ingress>"
		"</policy>\n"
		"<expect from=\"pg\" to=\"10.96.0.10:80\" verdict=\"delivered\" receiver=\"nginx\"/>\n"
		"<expect from=\"nginx\" to=\"10.96.0.11:80\" verdict=\"discarded\"/>\n"
		"</cluster>\n");
	struct check *c = check_run(m, 10);
	assert_int_equal(check_nconstraints(c), 6); /* 5 and 6 with services */
	/* job -> db:5432 is denied by the policy: intended, not a fault;
	 * pg -> its own pod and D1 (its node's address) are always let in. */
	assert_counts(c, 3, 0, 9, 0, 3, 0);
	assert_int_equal(check_constraint(c, CONSTRAINT_POD)->denied, 1);
	assert_int_equal(check_constraint(c, CONSTRAINT_DAEMON)->denied, 0);
	/* A service port without endpoints is a violation. */
	const struct check_constraint *k = check_constraint(c, CONSTRAINT_SERVICE);
	assert_true(k->active);
	assert_int_equal(k->checked, 2);
	assert_int_equal(k->violations, 1);
	assert_int_equal(k->listed[0].svc_port, 1);
	assert_int_equal(k->listed[0].d.addr, 0x0a60000b);
	/* Both expects hold, through the DNAT and at a service without
	 * endpoints. */
	assert_int_equal(check_failed_expects(c), 0);
	char *text = emitted(c, 0, false);
	assert_non_null(strstr(text, "constraint 3, pod to pod: pass (9 pairs checked, 0 violations, 1 denied by policy)\n"));
	assert_non_null(strstr(text, "constraint 5, service endpoints: FAIL (2 service ports checked, 1 violation)\n"
				     "  service default/orphan at 10.96.0.11:80/TCP: no endpoints\n"
				     "constraint 6, service targets: pass (1 service backend checked, 0 violations)\n"
				     "expects: 2 checked, 0 failed\n"));
	assert_non_null(strstr(text, "summary: FAIL: 1 of 6 constraints and 0 of 2 expects failed\n"));
	free(text);
	char *j = emitted(c, 1, false);
	assert_non_null(strstr(j, "{\"service\":\"default/orphan\",\"address\":\"10.96.0.11\",\"port\":80,"
				  "\"protocol\":\"TCP\",\"reason\":\"no endpoints\"}"));
	free(j);
	check_free(c);
	model_free(m);
}

/* Run an emitter into a string; caller frees. */
static char *
emitted(const struct check *c, int format, bool quiet)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (format == 0)
		check_emit_text(f, c, quiet);
	else if (format == 1)
		check_emit_json(f, c);
	else
		check_emit_junit(f, c);
	fclose(f);
	return buf;
}

static void
test_check_text_quiet_and_listing(void **state)
{
	(void)state;
	struct model *m = k1_with("<link-down from=\"N1\" to=\"N2\"/>");
	struct check *c = check_run(m, 10);
	char *full = emitted(c, 0, false);
	assert_non_null(strstr(full, "constraint 3, pod to pod: FAIL (64 pairs checked, 32 violations)\n"
				     "  C1.1 -> 10.1.2.1:8080/TCP, opened by C2.1: discarded at N1: link down (N1 -- N2)\n"
				     "    path: C1.1>P1>N1\n"));
	assert_non_null(strstr(full, "  ... and 22 more (--all lists every violation)\n"));
	assert_non_null(strstr(full, "summary: FAIL: 1 of 4 constraints and 0 of 0 expects failed\n"));
	check_free(c);
	c = check_run(m, 0);
	char *quiet = emitted(c, 0, true);
	assert_string_equal(quiet, "constraint 1, distinct addresses: pass (6 addresses, checked when the spec is read)\n"
				   "constraint 2, container to container: pass (16 pairs checked, 0 violations)\n"
				   "constraint 3, pod to pod: FAIL (64 pairs checked, 32 violations)\n"
				   "constraint 4, daemon to pod: pass (8 pairs checked, 0 violations)\n"
				   "expects: none in the spec\n"
				   "summary: FAIL: 1 of 4 constraints and 0 of 0 expects failed\n");
	free(full);
	free(quiet);
	check_free(c);
	model_free(m);
}

static void
test_check_junit_escapes_the_spec(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"a&lt;b&gt; &amp; &quot;c&apos;\">\n"
				     "<node name=\"N\" address=\"10.0.0.1\">\n"
				     "<pod name=\"P\" address=\"10.0.1.1\">\n"
				     "<container name=\"C\"><port number=\"80\"/></container>\n"
				     "</pod></node>\n"
				     "<expect from=\"C\" to=\"10.0.1.1:80\" verdict=\"loop\"/>\n"
				     "</cluster>\n");
	struct check *c = check_run(m, 10);
	char *x = emitted(c, 2, false);
	assert_non_null(strstr(x, "<testsuite name=\"a&lt;b&gt; &amp; &quot;c&apos;\" tests=\"5\" failures=\"1\""));
	assert_non_null(strstr(x, "<testcase classname=\"expects\" name=\"expect line 6: C -&gt; 10.0.1.1:80/TCP loop\">\n"
				  "      <failure type=\"expect\" message=\"delivered to C\">path: C&gt;P&gt;C\n"
				  "</failure>"));
	assert_null(strstr(x, "a<b"));
	free(x);
	char *j = emitted(c, 1, false);
	assert_non_null(strstr(j, "{\"cluster\":\"a<b> & \\\"c'\",\"status\":\"fail\""));
	assert_non_null(strstr(j, "\"summary\":{\"constraints\":4,\"constraints_failed\":0,\"expects\":1,"
				  "\"expects_failed\":1}}\n"));
	free(j);
	check_free(c);
	model_free(m);
}

static void
test_check_streams_rows(void **state)
{
	(void)state;
	/* check_add takes rows from any engine: feed it by hand. */
	struct model *m = test_k1();
	struct check *c = check_new(m, 5);
	int c11 = test_id(m, "C1.1"), c21 = test_id(m, "C2.1");
	struct dest d = { 0x0a010201, 8080, PROTO_TCP };
	struct fate good = { .verdict = VERDICT_DELIVERED, .sender = c11, .receiver = c21, .at = -1 };
	int path[] = { c11 };
	struct fate bad = { .verdict = VERDICT_DISCARDED, .reason = REASON_NO_RULE, .sender = c11, .receiver = -1,
			    .at = test_id(m, "P1"), .path = path, .npath = 1 };
	check_add(c, c11, &d, &good, 1);
	check_add(c, c11, &d, &bad, 1);
	struct fate two[] = { good, bad };
	check_add(c, c11, &d, two, 2);
	const struct check_constraint *k = check_constraint(c, CONSTRAINT_POD);
	assert_int_equal(k->checked, 3);
	assert_int_equal(k->violations, 2);
	assert_int_equal(k->listed[1].fate.verdict, VERDICT_DISCARDED);
	/* The kept fate is a copy. */
	assert_ptr_not_equal(k->listed[0].fate.path, path);
	assert_int_equal(k->listed[0].fate.path[0], c11);
	check_expects(c);
	assert_true(check_failed_constraints(c) == 1);
	check_free(c);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check_k1_holds),
		cmocka_unit_test(test_check_classify),
		cmocka_unit_test(test_check_cut_node_link),
		cmocka_unit_test(test_check_keeps_only_the_first),
		cmocka_unit_test(test_check_cut_container_link),
		cmocka_unit_test(test_check_discard_override),
		cmocka_unit_test(test_check_forward_override_loops),
		cmocka_unit_test(test_check_wrong_receiver),
		cmocka_unit_test(test_check_expects),
		cmocka_unit_test(test_check_text_quiet_and_listing),
		cmocka_unit_test(test_check_junit_escapes_the_spec),
		cmocka_unit_test(test_check_streams_rows),
		cmocka_unit_test(test_check_services_and_policies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
