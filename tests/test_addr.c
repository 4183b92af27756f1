#include "testlib.h"
#include "addr.h"

#include <string.h>

static void
test_addr_canonical_quads_only(void **state)
{
	(void)state;
	uint32_t a;
	assert_true(addr_parse("10.1.2.3", &a));
	assert_int_equal(a, 0x0a010203);
	assert_true(addr_parse("0.0.0.0", &a));
	assert_true(addr_parse("255.255.255.255", &a));
	const char *bad[] = { "010.1.2.3", "10.1.2", "10.1.2.3.4", "256.1.1.1", "10.1.2.3 ", " 10.1.2.3",
			      "10..2.3", "", "a.b.c.d", "10.1.2.-3", "10.1.2.3/", "1e1.1.1.1" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_false(addr_parse(bad[i], &a));
}

static void
test_addr_format_round_trip(void **state)
{
	(void)state;
	char buf[16];
	uint32_t a;
	assert_string_equal(addr_format(0xc0a80001, buf), "192.168.0.1");
	assert_true(addr_parse(buf, &a));
	assert_int_equal(a, 0xc0a80001);
}

static void
test_addr_reserved(void **state)
{
	(void)state;
	assert_true(addr_reserved(0));
	assert_true(addr_reserved(ADDR_LOOPBACK));
	assert_true(addr_reserved(0x7fffffff));
	assert_false(addr_reserved(0x80000000));
	assert_false(addr_reserved(0x0a000001));
}

static void
test_prefix_host_bits_suggest(void **state)
{
	(void)state;
	uint32_t net;
	int len;
	char suggest[20] = "";
	assert_false(addr_parse_prefix("10.1.2.7/24", &net, &len, suggest));
	assert_string_equal(suggest, "10.1.2.0/24");
	assert_true(addr_parse_prefix("10.1.2.0/24", &net, &len, suggest));
	assert_int_equal(len, 24);
	assert_true(addr_parse_prefix("0.0.0.0/0", &net, &len, NULL));
	assert_int_equal(len, 0);
	assert_true(addr_parse_prefix("10.1.2.7", &net, &len, NULL));
	assert_int_equal(len, 32);
	assert_false(addr_parse_prefix("10.1.2.0/33", &net, &len, NULL));
	assert_false(addr_parse_prefix("10.1.2.0/024", &net, &len, NULL));
	assert_true(addr_in_prefix(0x0a0102ff, 0x0a010200, 24));
	assert_false(addr_in_prefix(0x0a010300, 0x0a010200, 24));
	assert_true(addr_in_prefix(0xffffffff, 0, 0));
}

static void
test_ports_and_ranges(void **state)
{
	(void)state;
	uint16_t p, lo, hi;
	assert_true(port_parse("1", &p));
	assert_true(port_parse("65535", &p));
	assert_int_equal(p, 65535);
	assert_false(port_parse("0", &p));
	assert_false(port_parse("65536", &p));
	assert_false(port_parse("080", &p));
	assert_false(port_parse("+80", &p));
	assert_true(port_range_parse("80-90", &lo, &hi));
	assert_int_equal(lo, 80);
	assert_int_equal(hi, 90);
	assert_true(port_range_parse("80", &lo, &hi));
	assert_int_equal(hi, 80);
	assert_false(port_range_parse("90-80", &lo, &hi));
	assert_false(port_range_parse("0-80", &lo, &hi));
	assert_false(port_range_parse("80-", &lo, &hi));
}

static void
test_protocols_in_capitals_sorted_by_name(void **state)
{
	(void)state;
	enum proto p;
	assert_true(proto_parse("SCTP", &p) && p == PROTO_SCTP);
	assert_true(proto_parse("UDP", &p) && p == PROTO_UDP);
	assert_false(proto_parse("tcp", &p));
	assert_true(strcmp(proto_name(PROTO_SCTP), proto_name(PROTO_TCP)) < 0);
	assert_true(strcmp(proto_name(PROTO_TCP), proto_name(PROTO_UDP)) < 0);
}

static void
test_destinations(void **state)
{
	(void)state;
	uint32_t a;
	uint16_t p;
	enum proto pr;
	assert_true(dest_parse("10.1.1.2:8080", &a, &p, &pr));
	assert_int_equal(pr, PROTO_TCP);
	assert_int_equal(p, 8080);
	assert_true(dest_parse("127.0.0.1:53/UDP", &a, &p, &pr));
	assert_int_equal(pr, PROTO_UDP);
	assert_false(dest_parse("10.1.1.2", &a, &p, &pr));
	assert_false(dest_parse("10.1.1.2:0", &a, &p, &pr));
	assert_false(dest_parse("10.1.1.2:80/udp", &a, &p, &pr));
	assert_false(dest_parse("10.1.1.2:80/", &a, &p, &pr));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_canonical_quads_only),
		cmocka_unit_test(test_addr_format_round_trip),
		cmocka_unit_test(test_addr_reserved),
		cmocka_unit_test(test_prefix_host_bits_suggest),
		cmocka_unit_test(test_ports_and_ranges),
		cmocka_unit_test(test_protocols_in_capitals_sorted_by_name),
		cmocka_unit_test(test_destinations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
