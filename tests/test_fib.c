#include "testlib.h"
#include "fib.h"

#include <stdlib.h>
#include <string.h>

static struct header
hdr(uint32_t src, uint32_t dst, uint16_t dport, enum proto proto)
{
	return (struct header){ src, dst, dport, proto };
}

static void
test_fib_k1_pod_table(void **state)
{
	(void)state;
	struct model *m = test_k1();
	size_t n;
	struct rule *t = fib_table(m, test_id(m, "P2"), &n);
	assert_int_equal(n, 5);
	assert_int_equal(t[0].origin, ORIG_LOCALHOST);
	assert_int_equal(t[0].to, test_id(m, "C2.1"));
	assert_int_equal(t[3].origin, ORIG_POD_ADDR);
	assert_int_equal(t[3].to, test_id(m, "C2.2"));
	assert_int_equal(t[4].origin, ORIG_LOCAL_FWD);
	assert_int_equal(t[4].to, test_id(m, "N2"));
	assert_int_equal(n, fib_table_size(m, test_id(m, "P2")));
	free(t);
	model_free(m);
}

static void
test_fib_k1_node_table_is_the_models(void **state)
{
	(void)state;
	struct model *m = test_k1();
	size_t n;
	/* Daemons open nothing: pods of N1, then every other pod. */
	struct rule *t = fib_table(m, test_id(m, "N1"), &n);
	assert_int_equal(n, 4);
	assert_int_equal(t[0].origin, ORIG_NODE_TO_POD);
	assert_int_equal(t[0].to, test_id(m, "P1"));
	assert_int_equal(t[1].to, test_id(m, "P3"));
	assert_int_equal(t[2].origin, ORIG_NODE_TO_NODE);
	assert_int_equal(t[2].dst, 0x0a010201);
	assert_int_equal(t[3].to, test_id(m, "N2"));
	free(t);
	model_free(m);
}

static void
test_fib_first_match_wins(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">"
				     "<pod name=\"P\" address=\"10.0.0.1\"><container name=\"C\"><port number=\"80\"/>"
				     "</container></pod></node>"
				     "<fib switch=\"P\"><rule action=\"discard\" dport=\"80\" protocol=\"UDP\"/>"
				     "<rule action=\"discard\" dst=\"10.0.0.0/24\" dport=\"79-81\"/>"
				     "<rule action=\"deliver\" to=\"C\"/></fib></cluster>");
	int p = test_id(m, "P"), pos;
	struct rule r;
	struct header h = hdr(ADDR_LOOPBACK, 0x0a000001, 80, PROTO_TCP);
	assert_true(fib_lookup(m, p, &h, &pos, &r));
	assert_int_equal(pos, 2);
	assert_int_equal(r.action, ACT_DISCARD);
	h.dport = 82;
	assert_true(fib_lookup(m, p, &h, &pos, &r));
	assert_int_equal(pos, 3);
	assert_int_equal(r.origin, ORIG_OVERRIDE);
	model_free(m);
}

static void
test_fib_node_no_match_discards(void **state)
{
	(void)state;
	struct model *m = test_k1();
	int pos;
	struct rule r;
	struct header h = hdr(0, ADDR_LOOPBACK, 7777, PROTO_TCP);
	assert_false(fib_lookup(m, test_id(m, "N1"), &h, &pos, &r));
	h.dst = 0xc0a80002; /* N2: no daemon listens, so no rule for it */
	assert_false(fib_lookup(m, test_id(m, "N1"), &h, &pos, &r));
	model_free(m);
}

static void
test_fib_listening_daemons_add_node_rules(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"x\">"
				     "<node name=\"A\" address=\"1.0.0.1\"><daemon name=\"DA\"><port number=\"53\" protocol=\"UDP\"/>"
				     "<port number=\"22\"/></daemon><pod name=\"PA\" address=\"10.0.0.1\"/></node>"
				     "<node name=\"B\" address=\"1.0.0.2\"/>"
				     "<node name=\"C\" address=\"1.0.0.3\"><daemon name=\"DC\"><port number=\"9\"/></daemon></node>"
				     "</cluster>");
	size_t n;
	char buf[24];
	struct rule *t = fib_table(m, test_id(m, "A"), &n);
	/* 2 deliveries (document order), 1 pod, node C's address. */
	assert_int_equal(n, 4);
	assert_int_equal(t[0].origin, ORIG_NODE_ADDR);
	assert_string_equal(fib_field_dport(&t[0], buf), "53");
	assert_string_equal(fib_field_proto(&t[0]), "UDP");
	assert_int_equal(t[3].origin, ORIG_NODE_TO_NODE_ADDR);
	assert_int_equal(t[3].to, test_id(m, "C"));
	free(t);
	t = fib_table(m, test_id(m, "B"), &n);
	assert_int_equal(n, 3); /* PA via A, then A's and C's addresses */
	assert_int_equal(t[1].to, test_id(m, "A"));
	assert_int_equal(t[2].to, test_id(m, "C"));
	free(t);
	model_free(m);
}

/* fib_lookup computes positions without a table: it must agree with a
 * linear scan of the written-out table on every header that matters. */
static void
test_fib_lookup_equals_table_scan(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 150; seed++) {
		char *xml = test_random_spec(seed, seed % 2);
		struct model *m = test_model(xml);
		uint32_t addrs[80];
		size_t na = 0;
		addrs[na++] = ADDR_LOOPBACK;
		addrs[na++] = 0x0a090909;
		for (size_t i = 0; i < m->nswitches && na < 80; i++)
			addrs[na++] = m->v[m->switches[i]].addr;
		for (size_t s = 0; s < m->nswitches; s++) {
			int sw = m->switches[s];
			size_t n;
			struct rule *t = fib_table(m, sw, &n);
			assert_int_equal(n, fib_table_size(m, sw));
			for (size_t a = 0; a < na; a++)
				for (uint16_t port = 79; port <= 84; port++)
					for (int pr = 0; pr < PROTO_COUNT; pr++) {
						struct header h = { 0xc0a80001, addrs[a], port, (enum proto)pr };
						size_t k = 0;
						while (k < n && !fib_rule_matches(&t[k], &h))
							k++;
						int pos;
						struct rule r;
						bool found = fib_lookup(m, sw, &h, &pos, &r);
						assert_int_equal(found, k < n);
						if (found) {
							assert_int_equal(pos, (int)k + 1);
							assert_int_equal(r.to, t[k].to);
							assert_int_equal(r.origin, t[k].origin);
						}
					}
			free(t);
		}
		model_free(m);
		free(xml);
	}
}

static void
test_fib_origin_names_word_for_word(void **state)
{
	(void)state;
	assert_string_equal(fib_origin_name(ORIG_NODE_TO_NODE_ADDR), "Node to Node Forwarding Rule (node address)");
	assert_string_equal(fib_origin_name(ORIG_POD_ADDR), "Delivery on Pod Address");
	assert_string_equal(fib_origin_name(ORIG_OVERRIDE), "Override");
	assert_string_equal(fib_action_name(ACT_DISCARD), "discard");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fib_k1_pod_table),
		cmocka_unit_test(test_fib_k1_node_table_is_the_models),
		cmocka_unit_test(test_fib_first_match_wins),
		cmocka_unit_test(test_fib_node_no_match_discards),
		cmocka_unit_test(test_fib_listening_daemons_add_node_rules),
		cmocka_unit_test(test_fib_lookup_equals_table_scan),
		cmocka_unit_test(test_fib_origin_names_word_for_word),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
