#include "testlib.h"
#include "forward.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Walk sender -> dest on m and compare verdict, receiver, path, reason. */
static void
check(const struct model *m, const char *sender, const char *dest, enum verdict v, const char *receiver,
      const char *path, enum reason reason)
{
	uint32_t a;
	uint16_t p;
	enum proto pr;
	assert_true(dest_parse(dest, &a, &p, &pr));
	struct fate *f;
	size_t n = forward_run(m, test_id(m, sender), a, p, pr, &f);
	assert_int_equal(n, 1);
	assert_int_equal(f->verdict, v);
	assert_int_equal(f->reason, reason);
	if (receiver)
		assert_int_equal(f->receiver, test_id(m, receiver));
	else
		assert_int_equal(f->receiver, -1);
	char *got = forward_path(m, f);
	assert_string_equal(got, path);
	free(got);
	forward_free(f, n);
}

static void
test_forward_k1_worked_examples(void **state)
{
	(void)state;
	struct model *m = test_k1();
	check(m, "C1.1", "127.0.0.1:9090", VERDICT_DELIVERED, "C1.2", "C1.1>P1>C1.2", REASON_NONE);
	check(m, "C1.1", "10.1.1.2:8080", VERDICT_DELIVERED, "C3.1", "C1.1>P1>N1>P3>C3.1", REASON_NONE);
	check(m, "C1.1", "10.1.2.1:8080", VERDICT_DELIVERED, "C2.1", "C1.1>P1>N1>N2>P2>C2.1", REASON_NONE);
	check(m, "D1", "10.1.1.1:8080", VERDICT_DELIVERED, "C1.1", "D1>N1>P1>C1.1", REASON_NONE);
	check(m, "C1.1", "10.1.1.1:7777", VERDICT_LOOP, NULL, "C1.1>P1>N1>P1", REASON_NONE);
	check(m, "C1.1", "127.0.0.1:7777", VERDICT_DISCARDED, NULL, "C1.1>P1>N1", REASON_NO_RULE);
	model_free(m);
}

static void
test_forward_source_address(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct header h = forward_header(m, test_id(m, "C1.1"), ADDR_LOOPBACK, 1, PROTO_TCP);
	assert_int_equal(h.src, ADDR_LOOPBACK);
	h = forward_header(m, test_id(m, "C1.1"), 0x0a010201, 1, PROTO_TCP);
	assert_int_equal(h.src, 0x0a010101);
	h = forward_header(m, test_id(m, "D2"), 0x0a010201, 1, PROTO_TCP);
	assert_int_equal(h.src, 0xc0a80002);
	model_free(m);
}

static const char whatif[] =
	"<cluster name=\"w\">"
	"<node name=\"N1\" address=\"192.168.0.1\"><daemon name=\"D1\"/>"
	"<pod name=\"P1\" address=\"10.1.1.1\"><container name=\"C1\"><port number=\"80\"/></container>"
	"<container name=\"C1b\"><port number=\"81\"/></container></pod></node>"
	"<node name=\"N2\" address=\"192.168.0.2\"><daemon name=\"D2\"/>"
	"<pod name=\"P2\" address=\"10.1.2.1\"><container name=\"C2\"><port number=\"80\"/></container></pod></node>"
	"<node name=\"N3\" address=\"192.168.0.3\">"
	"<pod name=\"P3\" address=\"10.1.3.1\"><container name=\"C3\"><port number=\"80\"/></container></pod></node>"
	"<link-down from=\"N1\" to=\"N2\"/>"
	"<link-down from=\"C1b\" to=\"P1\"/>"
	"<fib switch=\"N1\"><rule action=\"discard\" dst=\"10.1.3.0/24\" dport=\"80\"/>"
	"<rule action=\"deliver\" to=\"C2\" dst=\"10.9.9.9\"/></fib>"
	"<fib switch=\"N3\"><rule action=\"forward\" to=\"N1\" src=\"10.1.2.1\"/></fib>"
	"<fib switch=\"N1\"><rule action=\"forward\" to=\"N3\" protocol=\"UDP\"/></fib>"
	"</cluster>";

static void
test_forward_discard_reasons(void **state)
{
	(void)state;
	struct model *m = test_model(whatif);
	/* A cut node-to-node link: discarded at N1, which forwards to N2. */
	check(m, "C1", "10.1.2.1:80", VERDICT_DISCARDED, NULL, "C1>P1>N1", REASON_LINK_DOWN);
	/* A discard override. */
	check(m, "C1", "10.1.3.1:80", VERDICT_DISCARDED, NULL, "C1>P1>N1", REASON_DISCARD_RULE);
	/* Deliver to a process the switch is not linked to. */
	check(m, "D1", "10.9.9.9:5", VERDICT_DISCARDED, NULL, "D1>N1", REASON_NO_LINK);
	/* The sender's own link is down: discarded at the sender. */
	check(m, "C1b", "10.1.3.1:80", VERDICT_DISCARDED, NULL, "C1b", REASON_LINK_DOWN);
	/* Delivery to a container whose link is down. */
	check(m, "C1", "127.0.0.1:81", VERDICT_DISCARDED, NULL, "C1>P1", REASON_LINK_DOWN);
	/* Unaffected pairs still deliver. */
	check(m, "C3", "10.1.1.1:80", VERDICT_DELIVERED, "C1", "C3>P3>N3>N1>P1>C1", REASON_NONE);
	model_free(m);
}

static void
test_forward_override_loop(void **state)
{
	(void)state;
	struct model *m = test_model(whatif);
	/* N3 sends P2's traffic to N1; N1's UDP override sends it back (port
	 * 81: N1's first override discards port 80). */
	check(m, "C2", "10.1.3.1:81/UDP", VERDICT_LOOP, NULL, "C2>P2>N2>N3>N1>N3", REASON_NONE);
	struct fate *f;
	size_t n = forward_run(m, test_id(m, "C2"), 0x0a010301, 81, PROTO_UDP, &f);
	assert_int_equal(f->at, test_id(m, "N3"));
	const struct step *s = forward_last_step(f);
	assert_int_equal(s->sw, test_id(m, "N1"));
	assert_int_equal(s->rule.origin, ORIG_OVERRIDE);
	assert_int_equal(s->pos, 3);
	forward_free(f, n);
	model_free(m);
}

static void
test_forward_steps_record_rules(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct fate *f;
	size_t n = forward_run(m, test_id(m, "C1.1"), 0x0a010201, 8080, PROTO_TCP, &f);
	assert_int_equal(f->nsteps, 4);
	assert_int_equal(f->steps[0].pos, 5);
	assert_int_equal(f->steps[1].rule.origin, ORIG_NODE_TO_NODE);
	assert_int_equal(f->steps[1].pos, 3);
	assert_int_equal(f->steps[3].rule.origin, ORIG_POD_ADDR);
	assert_string_equal(forward_reason_name(REASON_NO_LINK), "no link");
	forward_free(f, n);
	model_free(m);
}

/* Spec 1.2 services: explicit endpoints at a pod's address, at a node's
 * address (a daemon listens), outside the cluster; and a selector that
 * matches a hostNetwork pod's daemons. */
static const char endpoints[] =
	"<cluster name=\"e\" version=\"1.2\">"
	"<node name=\"N1\" address=\"192.168.0.1\">"
	"<daemon name=\"api\"><port number=\"6443\"/></daemon>"
	"<daemon name=\"ds/agent\" pod=\"ds\" namespace=\"default\"><label key=\"app\" value=\"agent\"/>"
	"<port number=\"9100\" name=\"metrics\"/></daemon>"
	"<pod name=\"P1\" address=\"10.0.1.1\"><container name=\"C1\"><port number=\"80\"/></container></pod></node>"
	"<node name=\"N2\" address=\"192.168.0.2\">"
	"<pod name=\"P2\" address=\"10.0.2.1\"><container name=\"C2\"><port number=\"8080\"/></container></pod></node>"
	"<service name=\"to-pod\" address=\"10.96.0.1\"><port number=\"80\"/>"
	"<endpoint address=\"10.0.2.1\" port=\"8080\"/></service>"
	"<service name=\"kubernetes\" address=\"10.96.0.2\"><port number=\"443\"/>"
	"<endpoint address=\"192.168.0.1\" port=\"6443\" service-port=\"443\"/></service>"
	"<service name=\"external\" address=\"10.96.0.3\"><port number=\"443\"/>"
	"<endpoint address=\"203.0.113.5\" port=\"443\"/></service>"
	"<service name=\"agent\" address=\"10.96.0.4\"><selector key=\"app\" value=\"agent\"/>"
	"<port number=\"80\" target=\"metrics\"/></service>"
	"</cluster>";

static void
test_forward_explicit_endpoints(void **state)
{
	(void)state;
	struct model *m = test_model(endpoints);
	check(m, "C1", "10.96.0.1:80", VERDICT_DELIVERED, "C2", "C1>P1=10.0.2.1:8080>N1>N2>P2>C2", REASON_NONE);
	check(m, "C2", "10.96.0.2:443", VERDICT_DELIVERED, "api", "C2>P2=192.168.0.1:6443>N2>N1>api", REASON_NONE);
	check(m, "C2", "10.96.0.4:80", VERDICT_DELIVERED, "ds/agent", "C2>P2=192.168.0.1:9100>N2>N1>ds/agent",
	      REASON_NONE);
	model_free(m);
}

static void
test_forward_outside_the_cluster(void **state)
{
	(void)state;
	struct model *m = test_model(endpoints);
	/* DNATed outside: discarded at the first switch without a rule. */
	check(m, "C1", "10.96.0.3:443", VERDICT_DISCARDED, NULL, "C1>P1=203.0.113.5:443>N1", REASON_OUTSIDE);
	check(m, "api", "10.96.0.3:443", VERDICT_DISCARDED, NULL, "api>N1=203.0.113.5:443", REASON_OUTSIDE);
	/* Sent there directly, it is the discard it always was. */
	check(m, "C1", "203.0.113.5:443", VERDICT_DISCARDED, NULL, "C1>P1>N1", REASON_NO_RULE);
	struct fate *f;
	size_t n = forward_run(m, test_id(m, "C1"), 0x0a600003, 443, PROTO_TCP, &f);
	assert_int_equal(n, 1);
	char *why = forward_explain(m, f);
	assert_string_equal(why, "discarded at N1: outside the cluster (203.0.113.5:443 is no node's or pod's address)");
	free(why);
	char buf[FORWARD_TOKEN_MAX];
	assert_string_equal(forward_backend(m, f, buf, sizeof buf), "outside the cluster");
	forward_free(f, n);
	assert_string_equal(forward_reason_name(REASON_OUTSIDE), "outside the cluster");
	model_free(m);
}

static void
test_forward_token_of_a_long_name(void **state)
{
	(void)state;
	/* A 512-character pod name in a DNAT token is written whole. */
	char name[513];
	memset(name, 'p', 512);
	name[512] = '\0';
	char *xml = xasprintf("<cluster name=\"t\"><node name=\"N\" address=\"192.168.0.1\">"
			      "<pod name=\"%s\" address=\"10.0.1.1\"><container name=\"C\"><port number=\"80\"/></container></pod></node>"
			      "<service name=\"s\" address=\"10.96.0.1\"><port number=\"80\"/>"
			      "<endpoint address=\"10.0.1.1\" port=\"80\"/></service></cluster>",
			      name);
	struct model *m = test_model(xml);
	struct fate *f;
	size_t n = forward_run(m, test_id(m, "C"), 0x0a600001, 80, PROTO_TCP, &f);
	assert_int_equal(n, 1);
	assert_int_equal(f->verdict, VERDICT_DELIVERED);
	char buf[FORWARD_TOKEN_MAX];
	const char *tok = forward_token(m, f, 1, buf);
	assert_int_equal(strlen(tok), 512 + strlen("=10.0.1.1:80"));
	assert_string_equal(tok + 512, "=10.0.1.1:80");
	forward_free(f, n);
	model_free(m);
	free(xml);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_forward_k1_worked_examples),
		cmocka_unit_test(test_forward_source_address),
		cmocka_unit_test(test_forward_discard_reasons),
		cmocka_unit_test(test_forward_override_loop),
		cmocka_unit_test(test_forward_steps_record_rules),
		cmocka_unit_test(test_forward_explicit_endpoints),
		cmocka_unit_test(test_forward_outside_the_cluster),
		cmocka_unit_test(test_forward_token_of_a_long_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
