/* diff --workloads (wdiff.h): a policy change read line by line, the CSV's
 * empty sides and quoting, and on random specs the merge's invariants
 * (sorted rows, counts that add up, old/new swapped = added/removed
 * swapped). */
#include "testlib.h"
#include "connlist.h"
#include "wdiff.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define HEAD                                                                                                     \
	"<cluster name=\"c\">\n"                                                                                 \
	"<node name=\"N1\" address=\"192.168.0.1\">\n"                                                           \
	"<pod name=\"pa\" namespace=\"a\" address=\"10.1.0.1\"><label key=\"app\" value=\"web\"/>\n"             \
	"<container name=\"ca\"><port number=\"80\"/></container></pod>\n"                                      \
	"<pod name=\"pb\" namespace=\"a\" address=\"10.1.0.2\"><label key=\"app\" value=\"db\"/>\n"              \
	"<container name=\"cb\"><port number=\"5432\"/></container></pod>\n"                                    \
	"</node>\n"

/* pb's ingress: from web on these ports (nothing: no policy). */
static struct model *
with_db_ports(const char *ports)
{
	char *xml = ports == NULL
			    ? xasprintf(HEAD "</cluster>\n")
			    : xasprintf(HEAD "<policy name=\"db\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"db\"/>"
					     "</pod-selector>\n<ingress><from><pod-selector><match key=\"app\" value=\"web\"/>"
					     "</pod-selector></from>%s</ingress></policy>\n</cluster>\n",
					ports);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

static char *
written(const struct wdiff *w, bool csv)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	if (csv)
		wdiff_write_csv(f, w);
	else
		wdiff_write_text(f, w);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void
expect(const struct wdiff *w, bool csv, const char *want)
{
	char *got = written(w, csv);
	assert_string_equal(got, want);
	free(got);
}

static struct wdiff *
compare(const struct model *a, const struct model *b, struct connlist **ca, struct connlist **cb)
{
	*ca = connlist_compute(a, false, NULL);
	*cb = connlist_compute(b, false, NULL);
	return wdiff_compute(*ca, *cb);
}

static void
test_wdiff_policy_change(void **state)
{
	(void)state;
	struct model *open = with_db_ports(NULL);
	struct model *pg = with_db_ports("<port number=\"5432\"/>");
	struct model *two = with_db_ports("<port number=\"5432\"/><port number=\"53\" protocol=\"UDP\"/>");
	struct connlist *c1, *c2;

	/* The same spec: nothing. */
	struct wdiff *w = compare(open, open, &c1, &c2);
	assert_int_equal(w->n, 0);
	assert_int_equal(w->old_lines, 6);
	expect(w, true, "src,dst,old_conn,new_conn\n");
	wdiff_free(w);
	connlist_free(c1);
	connlist_free(c2);

	/* Isolating db: the External line to it goes, web's narrows. */
	w = compare(open, pg, &c1, &c2);
	assert_int_equal(w->count[WDIFF_ADDED], 0);
	assert_int_equal(w->count[WDIFF_REMOVED], 1);
	assert_int_equal(w->count[WDIFF_CHANGED], 1);
	w->old_cluster = "before";
	w->new_cluster = "after";
	expect(w, false,
	       "workload diff of cluster before (old) and cluster after (new), connections allowed by policy\n\n"
	       "- 0.0.0.0-255.255.255.255[External] => a/pb[Pod] : All Connections\n"
	       "~ a/pa[Pod] => a/pb[Pod] : TCP 5432 (was All Connections)\n\n"
	       "summary: 2 lines changed: 0 added, 1 removed, 1 changed (6 lines before, 5 after)\n");
	expect(w, true,
	       "src,dst,old_conn,new_conn\n"
	       "0.0.0.0-255.255.255.255[External],a/pb[Pod],All Connections,\n"
	       "a/pa[Pod],a/pb[Pod],All Connections,TCP 5432\n");
	wdiff_free(w);
	connlist_free(c1);
	connlist_free(c2);

	/* Backwards: added; a list with a ',' is quoted in CSV. */
	w = compare(two, open, &c1, &c2);
	expect(w, true,
	       "src,dst,old_conn,new_conn\n"
	       "0.0.0.0-255.255.255.255[External],a/pb[Pod],,All Connections\n"
	       "a/pa[Pod],a/pb[Pod],\"TCP 5432,UDP 53\",All Connections\n");
	assert_int_equal(w->rows[0].kind, WDIFF_ADDED);
	assert_null(w->rows[0].old_conn);
	wdiff_free(w);
	connlist_free(c1);
	connlist_free(c2);
	model_free(open);
	model_free(pg);
	model_free(two);
}

/* Random specs with policies, each against the next: rows strictly in
 * (src, dst) order, kinds consistent with their sides, counts that add
 * up, and the swapped comparison the mirror image. */
static void
test_wdiff_random(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 60; seed++) {
		char *xa = test_random_spec(seed, 2), *xb = test_random_spec(seed % 3 ? seed + 1 : seed, 2);
		struct model *a = test_model(xa), *b = test_model(xb);
		struct connlist *ca, *cb, *cb2, *ca2;
		struct wdiff *w = compare(a, b, &ca, &cb), *r = compare(b, a, &cb2, &ca2);
		size_t same = w->old_lines - w->count[WDIFF_REMOVED] - w->count[WDIFF_CHANGED];
		assert_int_equal(w->new_lines - w->count[WDIFF_ADDED] - w->count[WDIFF_CHANGED], same);
		assert_int_equal(w->n, w->count[0] + w->count[1] + w->count[2]);
		if (seed % 3 == 0)
			assert_int_equal(w->n, 0);
		assert_int_equal(r->n, w->n);
		assert_int_equal(r->count[WDIFF_ADDED], w->count[WDIFF_REMOVED]);
		assert_int_equal(r->count[WDIFF_REMOVED], w->count[WDIFF_ADDED]);
		for (size_t i = 0; i < w->n; i++) {
			const struct wdiff_row *x = &w->rows[i], *y = &r->rows[i];
			assert_int_equal(x->old_conn == NULL, x->kind == WDIFF_ADDED);
			assert_int_equal(x->new_conn == NULL, x->kind == WDIFF_REMOVED);
			if (x->kind == WDIFF_CHANGED)
				assert_string_not_equal(x->old_conn, x->new_conn);
			assert_string_equal(x->src, y->src);
			assert_string_equal(x->dst, y->dst);
			if (i > 0) {
				int c = strcmp(w->rows[i - 1].src, x->src);
				assert_true(c < 0 || (c == 0 && strcmp(w->rows[i - 1].dst, x->dst) < 0));
			}
		}
		wdiff_free(w);
		wdiff_free(r);
		connlist_free(ca);
		connlist_free(cb);
		connlist_free(ca2);
		connlist_free(cb2);
		model_free(a);
		model_free(b);
		free(xa);
		free(xb);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wdiff_policy_change),
		cmocka_unit_test(test_wdiff_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
