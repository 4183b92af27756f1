/* The all-pairs engine against the path-walking oracle (forward_run), pair
 * by pair, on random specs: plain, what-if, and with services and
 * policies. */
#include "testlib.h"
#include "heavy.h"
#include "engine.h"
#include "reach.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void
same_fates(const struct model *m, const struct fate *a, size_t na, const struct fate *b, size_t nb)
{
	assert_int_equal(na, nb);
	for (size_t i = 0; i < na; i++) {
		assert_int_equal(a[i].verdict, b[i].verdict);
		assert_int_equal(a[i].reason, b[i].reason);
		assert_int_equal(a[i].receiver, b[i].receiver);
		assert_int_equal(a[i].at, b[i].at);
		char *pa = forward_path(m, &a[i]), *pb = forward_path(m, &b[i]);
		assert_string_equal(pa, pb);
		free(pa);
		free(pb);
		const struct step *sa = forward_last_step(&a[i]), *sb = forward_last_step(&b[i]);
		assert_int_equal(sa == NULL, sb == NULL);
		if (sa != NULL) {
			assert_int_equal(sa->sw, sb->sw);
			assert_int_equal(sa->pos, sb->pos);
		}
	}
}

static size_t compared;

/* Every pair of both port modes, engine versus oracle; the engine is
 * reused across senders as reach uses it, and reset at random. */
static void
compare_spec(unsigned seed, char *xml)
{
	struct model *m = test_model(xml);
	struct engine *e = engine_new(m);
	for (int mode = 0; mode < 2; mode++) {
		for (size_t i = 0; i < m->nprocs; i++) {
			int s = m->procs[i];
			size_t nd;
			struct dest *d = reach_dests(m, s, mode ? PORTS_ALL : PORTS_OPEN, &nd);
			for (size_t k = 0; k < nd; k++) {
				struct fate *fa, *fb;
				const struct fate *fc;
				size_t na = engine_run(e, s, d[k].addr, d[k].port, d[k].proto, &fa);
				size_t nb = forward_run(m, s, d[k].addr, d[k].port, d[k].proto, &fb);
				size_t nc = engine_fates(e, s, &d[k], &fc);
				same_fates(m, fa, na, fb, nb);
				same_fates(m, fc, nc, fb, nb);
				forward_free(fa, na);
				forward_free(fb, nb);
				compared++;
			}
			free(d);
			if ((seed + i) % 7 == 0)
				engine_forget(e);
		}
	}
	engine_free(e);
	model_free(m);
	free(xml);
}

static void
compare(unsigned seed, int flags)
{
	compare_spec(seed, test_random_spec(seed, flags));
}

static void
test_engine_equals_oracle_plain(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 200; seed++)
		compare(seed, 0);
}

static void
test_engine_equals_oracle_whatif(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 300; seed++)
		compare(seed, 1);
}

static void
test_engine_equals_oracle_services_policies(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 300; seed++)
		compare(seed, 2);
	for (unsigned seed = 1; seed <= 300; seed++)
		compare(seed, 3);
	/* The random specs must exercise the engine, not a handful of pairs. */
	assert_true(compared > 20000);
}

/* Policy-heavy specs: pods of one label set on every node, ip-blocks that
 * split them by address (source classes by label set and blocks). */
static void
test_engine_equals_oracle_policy_heavy(void **state)
{
	(void)state;
	size_t before = compared;
	for (unsigned seed = 1; seed <= 120; seed++)
		compare_spec(seed, heavy_spec(seed, (int)(seed % 3 == 0)));
	assert_true(compared - before > 50000);
}

/* Many namespaces and label sets, peers of any namespace named by a pod
 * label (heavy_kinds_spec). */
static void
test_engine_equals_oracle_many_kinds(void **state)
{
	(void)state;
	size_t before = compared;
	for (unsigned seed = 1; seed <= 150; seed++)
		compare_spec(seed, heavy_kinds_spec(seed, (int)(seed % 3 == 0)));
	assert_true(compared - before > 20000);
}

static void
test_engine_source_classes(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"c\"><node name=\"N\" address=\"192.168.0.1\">"
				     "<pod name=\"P\" address=\"10.0.0.1\"/><pod name=\"Q\" address=\"10.0.1.1\"/>"
				     "<pod name=\"R\" address=\"10.0.0.2\"/></node>"
				     "<fib switch=\"N\"><rule action=\"discard\" src=\"10.0.0.0/24\"/></fib></cluster>");
	struct engine *e = engine_new(m);
	assert_int_equal(engine_source_class(e, 0x0a000001), engine_source_class(e, 0x0a000002));
	assert_int_not_equal(engine_source_class(e, 0x0a000001), engine_source_class(e, 0x0a000101));
	engine_free(e);
	model_free(m);
	/* No source predicate at all: one class. */
	m = test_k1();
	e = engine_new(m);
	assert_int_equal(engine_source_class(e, 0x0a010101), engine_source_class(e, 0xc0a80001));
	engine_free(e);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_engine_equals_oracle_plain),
		cmocka_unit_test(test_engine_equals_oracle_whatif),
		cmocka_unit_test(test_engine_equals_oracle_services_policies),
		cmocka_unit_test(test_engine_equals_oracle_policy_heavy),
		cmocka_unit_test(test_engine_equals_oracle_many_kinds),
		cmocka_unit_test(test_engine_source_classes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
