/* Port sets (portset.h): ranges, union, intersection, the full and empty
 * tests, equality and netpol-analyzer's printing; a randomized test holds
 * them to a plain bitmap. */
#include "testlib.h"
#include "portset.h"

#include <stdlib.h>
#include <string.h>

static void
expect_format(const struct portset *s, const char *want)
{
	char *got = portset_format(s);
	assert_string_equal(got, want);
	free(got);
}

static void
test_portset_empty_and_full(void **state)
{
	(void)state;
	struct portset s = { 0 };
	assert_true(portset_empty(&s));
	assert_false(portset_full(&s));
	expect_format(&s, "");
	portset_add_proto(&s, PROTO_TCP);
	portset_add_proto(&s, PROTO_UDP);
	assert_false(portset_full(&s));
	expect_format(&s, "TCP 1-65535,UDP 1-65535");
	portset_add(&s, PROTO_SCTP, 1, 65535);
	assert_true(portset_full(&s));
	expect_format(&s, "All Connections");
	portset_clear(&s);
	assert_true(portset_empty(&s));
}

static void
test_portset_ranges_merge(void **state)
{
	(void)state;
	struct portset s = { 0 };
	portset_add(&s, PROTO_TCP, 443, 443);
	portset_add(&s, PROTO_TCP, 80, 80);
	portset_add(&s, PROTO_TCP, 445, 445);
	expect_format(&s, "TCP 80,443,445");
	portset_add(&s, PROTO_TCP, 444, 444); /* touching ranges merge */
	expect_format(&s, "TCP 80,443-445");
	portset_add(&s, PROTO_UDP, 53, 53);
	portset_add(&s, PROTO_SCTP, 1, 65535);
	expect_format(&s, "SCTP 1-65535,TCP 80,443-445,UDP 53");
	portset_add(&s, PROTO_TCP, 1, 100); /* swallows 80 */
	expect_format(&s, "SCTP 1-65535,TCP 1-100,443-445,UDP 53");
	portset_add(&s, PROTO_TCP, 101, 65535);
	expect_format(&s, "SCTP 1-65535,TCP 1-65535,UDP 53");
	assert_true(portset_contains(&s, PROTO_UDP, 53));
	assert_false(portset_contains(&s, PROTO_UDP, 54));
	portset_clear(&s);
}

static void
test_portset_union_intersection(void **state)
{
	(void)state;
	struct portset a = { 0 }, b = { 0 };
	portset_add(&a, PROTO_TCP, 1, 100);
	portset_add(&a, PROTO_TCP, 200, 300);
	portset_add(&b, PROTO_TCP, 50, 250);
	portset_add(&b, PROTO_UDP, 53, 53);
	struct portset c = { 0 };
	portset_copy(&c, &a);
	portset_intersect(&c, &b);
	expect_format(&c, "TCP 50-100,200-250");
	portset_union(&a, &b);
	expect_format(&a, "TCP 1-300,UDP 53");
	assert_false(portset_equal(&a, &b));
	portset_copy(&c, &a);
	assert_true(portset_equal(&a, &c));
	portset_clear(&a);
	portset_clear(&b);
	portset_clear(&c);
}

/* A bitmap model of the same sets. */
struct bits {
	unsigned char b[PROTO_COUNT][65536];
};

static void
random_set(unsigned *seed, struct portset *s, struct bits *bits)
{
	memset(bits, 0, sizeof *bits);
	int n = rand_r(seed) % 6;
	for (int i = 0; i < n; i++) {
		int p = rand_r(seed) % PROTO_COUNT;
		/* Small ports, so ranges meet often; sometimes the edges. */
		unsigned lo = 1 + rand_r(seed) % 40, hi = lo + rand_r(seed) % 10;
		if (rand_r(seed) % 5 == 0)
			hi = 65535;
		if (rand_r(seed) % 7 == 0)
			lo = 1;
		portset_add(s, (enum proto)p, (uint16_t)lo, (uint16_t)hi);
		for (unsigned k = lo; k <= hi; k++)
			bits->b[p][k] = 1;
	}
}

static void
expect_bits(const struct portset *s, const struct bits *bits)
{
	for (int p = 0; p < PROTO_COUNT; p++) {
		for (size_t i = 0; i < s->n[p]; i++) {
			assert_true(s->r[p][i].lo >= 1 && s->r[p][i].lo <= s->r[p][i].hi);
			if (i > 0)
				assert_true((unsigned)s->r[p][i - 1].hi + 1 < s->r[p][i].lo);
		}
		for (unsigned k = 1; k <= 65535; k++)
			assert_int_equal(portset_contains(s, (enum proto)p, (uint16_t)k), bits->b[p][k]);
	}
}

static void
test_portset_random(void **state)
{
	(void)state;
	static struct bits ba, bb, bu, bi;
	unsigned seed = 12;
	for (int round = 0; round < 300; round++) {
		struct portset a = { 0 }, b = { 0 }, u = { 0 }, x = { 0 };
		random_set(&seed, &a, &ba);
		random_set(&seed, &b, &bb);
		expect_bits(&a, &ba);
		portset_copy(&u, &a);
		portset_union(&u, &b);
		portset_copy(&x, &a);
		portset_intersect(&x, &b);
		for (int p = 0; p < PROTO_COUNT; p++)
			for (unsigned k = 0; k <= 65535; k++) {
				bu.b[p][k] = ba.b[p][k] | bb.b[p][k];
				bi.b[p][k] = ba.b[p][k] & bb.b[p][k];
			}
		expect_bits(&u, &bu);
		expect_bits(&x, &bi);
		assert_int_equal(portset_equal(&a, &b), memcmp(&ba, &bb, sizeof ba) == 0);
		portset_clear(&a);
		portset_clear(&b);
		portset_clear(&u);
		portset_clear(&x);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_portset_empty_and_full),
		cmocka_unit_test(test_portset_ranges_merge),
		cmocka_unit_test(test_portset_union_intersection),
		cmocka_unit_test(test_portset_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
