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
ports(struct buf *b, unsigned *st, int used[][3], bool named)
{
	int k = (int)rnd(st, 3);
	for (int i = 0; i < k; i++) {
		int p = (int)rnd(st, 4), pr = (int)rnd(st, 3);
		if (used[p][pr])
			continue;
		used[p][pr] = 1;
		/* protos[0] is TCP, the default: leave it out. Named ports are
		 * unique in a pod: name them after their number and protocol. */
		put(b, "<port number=\"%d\"%s%s%s", 80 + p, pr == 0 ? "" : " protocol=\"", pr == 0 ? "" : protos[pr],
		    pr == 0 ? "" : "\"");
		if (named && rnd(st, 2))
			put(b, " name=\"p%d%c\"", p, "tus"[pr]);
		put(b, "/>");
	}
}

/* Services and policies over namespaces ns0, ns1 and labels app=a0..a2,
 * tier=x, with every peer and port kind. */
static void
k8s(struct buf *b, unsigned *st)
{
	put(b, "<namespace name=\"ns0\"><label key=\"env\" value=\"prod\"/></namespace>\n");
	int ns = 1 + (int)rnd(st, 3);
	for (int i = 0; i < ns; i++) {
		put(b, "<service name=\"s%d\" namespace=\"ns%u\" address=\"10.96.0.%d\">", i, rnd(st, 2), i + 1);
		if (rnd(st, 4))
			put(b, "<selector key=\"app\" value=\"a%u\"/>", rnd(st, 3));
		const char *targets[] = { "", " target=\"81\"", " target=\"p1t\"", " target=\"p0u\"" };
		int t = (int)rnd(st, 4);
		put(b, "<port number=\"%d\"%s%s/></service>\n", 80 + i, targets[t], t == 3 ? " protocol=\"UDP\"" : "");
	}
	int np = (int)rnd(st, 4);
	for (int i = 0; i < np; i++) {
		static const char *const sel[] = { "", "<match key=\"app\" value=\"a0\"/>",
						   "<expression key=\"tier\" operator=\"Exists\"/>",
						   "<expression key=\"app\" operator=\"NotIn\" values=\"a1 a2\"/>" };
		static const char *const peers[] = {
			"<from><pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></from>",
			"<from><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></from>",
			"<from><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></from>",
			"<from><ip-block cidr=\"192.168.0.0/24\"/></from>",
			"<from><namespace-selector/><pod-selector><expression key=\"tier\" operator=\"DoesNotExist\"/></pod-selector></from>",
			"",
		};
		static const char *const pports[] = { "", "<port number=\"80\" end=\"81\"/>", "<port protocol=\"UDP\"/>",
						      "<port number=\"p1t\"/>" };
		int types = (int)rnd(st, 3);
		put(b, "<policy name=\"pol%d\" namespace=\"ns%u\"%s><pod-selector>%s</pod-selector>", i, rnd(st, 2),
		    types == 0 ? "" : types == 1 ? " types=\"Ingress Egress\"" : " types=\"Egress\"", sel[rnd(st, 4)]);
		int nr = (int)rnd(st, 3);
		for (int r = 0; r < nr; r++)
			put(b, "<ingress>%s%s</ingress>", peers[rnd(st, 6)], pports[rnd(st, 4)]);
		if (types != 0 && rnd(st, 2)) {
			/* egress: the same peers with <to>. */
			const char *p = peers[rnd(st, 6)];
			char *to = xstrdup(p);
			for (char *q; (q = strstr(to, "from>")) != NULL;)
				memcpy(q, "to>  ", 5);
			put(b, "<egress>%s%s</egress>", to, pports[rnd(st, 4)]);
			free(to);
		}
		put(b, "</policy>\n");
	}
}

char *
test_random_spec(unsigned seed, int whatif)
{
	unsigned st = seed * 2654435761u + 1;
	struct buf b = { 0 };
	int nodes = whatif & 4 ? 6 + (int)rnd(&st, 7) : 1 + (int)rnd(&st, 4), pods = 0, procs = 0;
	int podnode[64], podnum[64];
	put(&b, "<cluster name=\"random %u\">\n", seed);
	for (int n = 1; n <= nodes; n++) {
		put(&b, "<node name=\"N%d\" address=\"192.168.0.%d\">\n", n, n);
		int used[4][3] = { { 0 } };
		int nd = (int)rnd(&st, 3);
		for (int d = 1; d <= nd; d++) {
			put(&b, "<daemon name=\"D%d.%d\">", n, d);
			ports(&b, &st, used, false);
			put(&b, "</daemon>\n");
			procs++;
		}
		int np = (int)rnd(&st, 4);
		for (int p = 1; p <= np && pods < 64; p++) {
			podnode[pods] = n;
			podnum[pods++] = p;
			if (whatif & 2)
				put(&b, "<pod name=\"P%d.%d\" namespace=\"ns%u\" address=\"10.%d.%d.1\">"
					"<label key=\"app\" value=\"a%u\"/>%s\n",
				    n, p, rnd(&st, 2), n, p, rnd(&st, 3), rnd(&st, 2) ? "<label key=\"tier\" value=\"x\"/>" : "");
			else
				put(&b, "<pod name=\"P%d.%d\" address=\"10.%d.%d.1\">\n", n, p, n, p);
			int pused[4][3] = { { 0 } };
			int nc = (int)rnd(&st, 3);
			for (int c = 1; c <= nc; c++) {
				put(&b, "<container name=\"C%d.%d.%d\">", n, p, c);
				ports(&b, &st, pused, (whatif & 2) != 0);
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
	if (whatif & 2)
		k8s(&b, &st);
	put(&b, "</cluster>\n");
	(void)procs;
	return b.s;
}
