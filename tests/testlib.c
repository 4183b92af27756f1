#include "testlib.h"
#include "spec.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct model *
test_model(const char *xml)
{
	struct diag *d = diag_new("test.xml");
	struct model *m;
	enum spec_status st = spec_parse(xml, strlen(xml), d, &m);
	if (st != SPEC_OK)
		diag_print(d, stderr);
	diag_free(d);
	assert_int_equal(st, SPEC_OK);
	return m;
}

char *
test_errors(const char *xml, size_t *errors)
{
	struct diag *d = diag_new("test.xml");
	struct model *m;
	enum spec_status st = spec_parse(xml, strlen(xml), d, &m);
	assert_int_equal(st, SPEC_INVALID);
	assert_null(m);
	*errors = diag_errors(d);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	diag_print(d, f);
	fclose(f);
	diag_free(d);
	return buf;
}

char *
test_path(const char *rel)
{
	const char *top = getenv("top_srcdir");
	return xasprintf("%s/%s", top ? top : ".", rel);
}

struct model *
test_k1(void)
{
	char *path = test_path("samples/k1.xml");
	struct diag *d = diag_new(path);
	struct model *m;
	assert_int_equal(spec_load(path, SPEC_DEFAULT_MAX_SIZE, d, &m), SPEC_OK);
	diag_free(d);
	free(path);
	return m;
}

int
test_id(const struct model *m, const char *name)
{
	int id = model_find(m, name);
	if (id < 0)
		fail_msg("no vertex named %s", name);
	return id;
}

/* ---- random specs ---- */

struct buf {
	char *s;
	size_t n, cap;
};

static void
put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	xgrow(&b->s, &b->cap, b->n + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

static unsigned
rnd(unsigned *state, unsigned n)
{
	*state = *state * 1103515245u + 12345u;
	return (*state >> 8) % n;
}

static const char *const protos[] = { "TCP", "UDP", "SCTP" };

/* Ports drawn from a small set so that pairs collide across pods. */
static void
ports(struct buf *b, unsigned *st, int used[][3])
{
	int k = (int)rnd(st, 3);
	for (int i = 0; i < k; i++) {
		int p = (int)rnd(st, 4), pr = (int)rnd(st, 3);
		if (used[p][pr])
			continue;
		used[p][pr] = 1;
		/* protos[0] is TCP, the default: leave it out. */
		put(b, "<port number=\"%d\"%s%s%s/>", 80 + p, pr == 0 ? "" : " protocol=\"", pr == 0 ? "" : protos[pr],
		    pr == 0 ? "" : "\"");
	}
}

char *
test_random_spec(unsigned seed, int whatif)
{
	unsigned st = seed * 2654435761u + 1;
	struct buf b = { 0 };
	int nodes = 1 + (int)rnd(&st, 4), pods = 0, procs = 0;
	int podnode[64], podnum[64];
	put(&b, "<cluster name=\"random %u\">\n", seed);
	for (int n = 1; n <= nodes; n++) {
		put(&b, "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n);
		int used[4][3] = { { 0 } };
		int nd = (int)rnd(&st, 3);
		for (int d = 1; d <= nd; d++) {
			put(&b, "<daemon name=\"D%d.%d\">", n, d);
			ports(&b, &st, used);
			put(&b, "</daemon>\n");
			procs++;
		}
		int np = (int)rnd(&st, 4);
		for (int p = 1; p <= np && pods < 64; p++) {
			podnode[pods] = n;
			podnum[pods++] = p;
			put(&b, "<pod name=\"P%d.%d\" address=\"10.%d.%d.1\">\n", n, p, n, p);
			int pused[4][3] = { { 0 } };
			int nc = (int)rnd(&st, 3);
			for (int c = 1; c <= nc; c++) {
				put(&b, "<container name=\"C%d.%d.%d\">", n, p, c);
				ports(&b, &st, pused);
				put(&b, "</container>\n");
				procs++;
			}
			put(&b, "</pod>\n");
		}
		put(&b, "</node>\n");
	}
	if (whatif) {
		/* Cut a few links, and add overrides of every action. */
		int cuts = (int)rnd(&st, 3);
		for (int i = 0; i < cuts && nodes > 1; i++) {
			int a = 1 + (int)rnd(&st, (unsigned)nodes), c = 1 + (int)rnd(&st, (unsigned)nodes);
			if (a != c)
				put(&b, "<link-down from=\"N%d\" to=\"N%d\"/>\n", a, c);
		}
		if (pods > 0 && rnd(&st, 2)) {
			int p = (int)rnd(&st, (unsigned)pods);
			put(&b, "<link-down from=\"N%d\" to=\"P%d.%d\"/>\n", podnode[p], podnode[p], podnum[p]);
		}
		int rules = (int)rnd(&st, 4);
		for (int i = 0; i < rules; i++) {
			int n = 1 + (int)rnd(&st, (unsigned)nodes), m = 1 + (int)rnd(&st, (unsigned)nodes);
			switch (rnd(&st, 4)) {
			case 0:
				put(&b, "<fib switch=\"N%d\"><rule action=\"discard\" dst=\"10.%d.0.0/16\"/></fib>\n", n, m);
				break;
			case 1:
				put(&b, "<fib switch=\"N%d\"><rule action=\"forward\" to=\"N%d\" dport=\"80-81\"/></fib>\n", n,
				    m);
				break;
			case 2:
				put(&b, "<fib switch=\"N%d\"><rule action=\"forward\" to=\"N%d\" protocol=\"UDP\"/></fib>\n", n,
				    m);
				break;
			default:
				put(&b, "<fib switch=\"N%d\"><rule action=\"discard\" src=\"192.168.0.0/24\" dport=\"82\"/></fib>\n",
				    n);
			}
		}
	}
	put(&b, "</cluster>\n");
	(void)procs;
	return b.s;
}
