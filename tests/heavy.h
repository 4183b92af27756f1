/* Policy-heavy random specs for the randomized equivalence tests of the
 * fast engines (test_engine, test_census): many pods sharing label sets
 * across nodes, namespaces with labels, named ports that differ between
 * pods, and many policies with every peer kind, among them ip-blocks that
 * split pods of one label set by address. Header-only: each test program
 * that includes it gets its own copy. */
#ifndef K8SNET_TESTS_HEAVY_H
#define K8SNET_TESTS_HEAVY_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct heavy_buf {
	char *s;
	size_t n, cap;
};

static void
heavy_put(struct heavy_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = 2 * (b->n + (size_t)n + 1);
		b->s = realloc(b->s, b->cap);
		if (b->s == NULL)
			abort();
	}
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

static unsigned
heavy_rnd(unsigned *st, unsigned n)
{
	*st = *st * 1103515245u + 12345u;
	return (*st >> 8) % n;
}

/* whatif: also a cut link or an override rule now and then (the fast
 * paths' fallbacks). Caller frees. */
static char *
heavy_spec(unsigned seed, int whatif)
{
	unsigned st = seed * 2654435761u + 7;
	struct heavy_buf b = { 0 };
	static const char *const tiers[] = { "web", "api", "db" };
	int nodes = 3 + (int)heavy_rnd(&st, 2);
	heavy_put(&b, "<cluster name=\"heavy %u\">\n", seed);
	for (int i = 0; i < 3; i++)
		heavy_put(&b, "<namespace name=\"ns%d\"><label key=\"env\" value=\"%s\"/>"
			  "<label key=\"team\" value=\"t%u\"/></namespace>\n",
			  i, heavy_rnd(&st, 2) ? "prod" : "dev", heavy_rnd(&st, 2));
	for (int n = 1; n <= nodes; n++) {
		heavy_put(&b, "<node name=\"N%d\" address=\"192.168.%d.%d\">\n", n, n % 2, n);
		if (heavy_rnd(&st, 2))
			heavy_put(&b, "<daemon name=\"D%d\"><port number=\"10250\"/></daemon>\n", n);
		int pods = 3 + (int)heavy_rnd(&st, 6);
		for (int p = 1; p <= pods; p++) {
			/* Few label sets, so that pods of one set sit on every node
			 * (now and then one of its own). */
			unsigned ns = heavy_rnd(&st, 2), app = heavy_rnd(&st, 2), tier = heavy_rnd(&st, 8);
			tier = tier < 4 ? 0 : tier < 7 ? 2 : heavy_rnd(&st, 2) ? 1 : 3;
			heavy_put(&b, "<pod name=\"P%d.%d\" namespace=\"ns%u\" address=\"10.%d.%d.1\">"
				  "<label key=\"app\" value=\"a%u\"/>", n, p, ns, n, p, app);
			if (tier < 3)
				heavy_put(&b, "<label key=\"tier\" value=\"%s\"/>", tiers[tier]);
			int cs = 1 + (int)heavy_rnd(&st, 2);
			for (int c = 1; c <= cs; c++) {
				heavy_put(&b, "<container name=\"C%d.%d.%d\">", n, p, c);
				/* container c opens 80 + c - 1, and sometimes 82/UDP;
				 * names differ between pods of one label set. */
				unsigned nm = heavy_rnd(&st, 8);
				nm = nm < 6 ? 1 : nm - 6 ? 2 : 0;
				heavy_put(&b, "<port number=\"%d\"%s/>", 79 + c,
					  nm == 0 ? "" : c == 1 ? (nm == 1 ? " name=\"http\"" : " name=\"web\"")
						  : (nm == 1 ? " name=\"metrics\"" : " name=\"alt\""));
				if (c == 1 && heavy_rnd(&st, 3) == 0)
					heavy_put(&b, "<port number=\"82\" protocol=\"UDP\" name=\"dns\"/>");
				heavy_put(&b, "</container>");
			}
			heavy_put(&b, "</pod>\n");
		}
		heavy_put(&b, "</node>\n");
	}
	if (whatif && heavy_rnd(&st, 2)) {
		if (heavy_rnd(&st, 2))
			heavy_put(&b, "<link-down from=\"N1\" to=\"N2\"/>\n");
		else
			heavy_put(&b, "<fib switch=\"N%d\"><rule action=\"discard\" dst=\"10.1.0.0/16\" dport=\"80\"/></fib>\n",
				  nodes);
	}
	heavy_put(&b, "<service name=\"s0\" namespace=\"ns0\" address=\"10.96.0.1\"><selector key=\"app\" value=\"a0\"/>"
		  "<port number=\"80\" target=\"http\"/></service>\n");
	static const char *const sel[] = {
		"",
		"<match key=\"app\" value=\"a0\"/>",
		"<match key=\"tier\" value=\"db\"/>",
		"<expression key=\"tier\" operator=\"In\" values=\"api db\"/>",
		"<expression key=\"tier\" operator=\"DoesNotExist\"/>",
		"<expression key=\"app\" operator=\"NotIn\" values=\"a1\"/>",
	};
	static const char *const peers[] = {
		"",
		"<P><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></P>",
		"<P><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></P>",
		"<P><namespace-selector><match key=\"team\" value=\"t1\"/></namespace-selector>"
		"<pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></P>",
		"<P><ip-block cidr=\"10.2.3.1/32\"/></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"><except cidr=\"10.1.2.0/24\"/></ip-block></P>",
		"<P><ip-block cidr=\"10.2.2.0/23\"/></P>",
		"<P><ip-block cidr=\"0.0.0.0/0\"><except cidr=\"10.3.0.0/16\"/></ip-block></P>",
		"<P><ip-block cidr=\"192.168.0.0/24\"/></P>",
		"<P><pod-selector><expression key=\"app\" operator=\"Exists\"/></pod-selector></P>"
		"<P><ip-block cidr=\"10.3.0.0/16\"/></P>",
	};
	static const char *const ports[] = {
		"", "<port number=\"80\"/>", "<port number=\"80\" end=\"81\"/>", "<port number=\"http\"/>",
		"<port number=\"metrics\"/>", "<port protocol=\"UDP\"/>", "<port number=\"dns\" protocol=\"UDP\"/>",
	};
	int npol = 3 + (int)heavy_rnd(&st, 10);
	for (int i = 0; i < npol; i++) {
		unsigned types = heavy_rnd(&st, 4);
		heavy_put(&b, "<policy name=\"pol%d\" namespace=\"ns%u\"%s><pod-selector>%s</pod-selector>", i,
			  heavy_rnd(&st, 3),
			  types == 0 ? "" : types == 1 ? " types=\"Ingress\"" : types == 2 ? " types=\"Egress\"" : " types=\"Ingress Egress\"",
			  sel[heavy_rnd(&st, 6)]);
		for (int dir = 0; dir < 2; dir++) {
			int nr = (int)heavy_rnd(&st, 3);
			if (types == (dir ? 1u : 2u))
				continue; /* rules its types leave out */
			for (int r = 0; r < nr; r++) {
				/* The peer with <from> or <to> for <P>. */
				const char *p = peers[heavy_rnd(&st, 13)];
				const char *pp = ports[heavy_rnd(&st, 7)];
				heavy_put(&b, "<%s>", dir ? "egress" : "ingress");
				for (const char *c = p; *c;) {
					if (strncmp(c, "<P>", 3) == 0) {
						heavy_put(&b, dir ? "<to>" : "<from>");
						c += 3;
					} else if (strncmp(c, "</P>", 4) == 0) {
						heavy_put(&b, dir ? "</to>" : "</from>");
						c += 4;
					} else {
						heavy_put(&b, "%c", *c++);
					}
				}
				heavy_put(&b, "%s</%s>", pp, dir ? "egress" : "ingress");
			}
		}
		heavy_put(&b, "</policy>\n");
	}
	heavy_put(&b, "</cluster>\n");
	return b.s;
}

/* Specs with many kinds (census: source class x egress policies) and
 * many destination classes: namespaces and
 * label sets by the handful, some pods alone in their label set (kinds of
 * one pod), egress rules of every form (to anywhere, ip-blocks only,
 * selectors with and without a namespace selector, ip-blocks beside
 * selectors, peers of any namespace named by a pod label, numbered,
 * ranged and named ports, none at all), and now and
 * then a destination read by more than 64 ingress peers. whatif: a cut
 * link or an override rule now and then. Caller frees. */
static char *
heavy_kinds_spec(unsigned seed, int whatif)
{
	unsigned st = seed * 2246822519u + 3;
	struct heavy_buf b = { 0 };
	static const char *const tiers[] = { "web", "api", "db" };
	int nodes = 3 + (int)heavy_rnd(&st, 3), nns = 3 + (int)heavy_rnd(&st, 3);
	heavy_put(&b, "<cluster name=\"kinds %u\">\n", seed);
	for (int i = 0; i < nns; i++)
		heavy_put(&b, "<namespace name=\"ns%d\"><label key=\"env\" value=\"%s\"/>"
			  "<label key=\"team\" value=\"t%u\"/></namespace>\n",
			  i, heavy_rnd(&st, 2) ? "prod" : "dev", heavy_rnd(&st, 3));
	for (int n = 1; n <= nodes; n++) {
		heavy_put(&b, "<node name=\"N%d\" address=\"192.168.%d.%d\">\n", n, n % 2, n);
		int pods = 2 + (int)heavy_rnd(&st, 7);
		for (int p = 1; p <= pods; p++) {
			unsigned ns = heavy_rnd(&st, (unsigned)nns), app = heavy_rnd(&st, 4), tier = heavy_rnd(&st, 4);
			heavy_put(&b, "<pod name=\"P%d.%d\" namespace=\"ns%u\" address=\"10.%d.%d.1\">"
				  "<label key=\"app\" value=\"a%u\"/>", n, p, ns, n, p, app);
			if (tier < 3)
				heavy_put(&b, "<label key=\"tier\" value=\"%s\"/>", tiers[tier]);
			/* A label set of its own now and then. */
			if (heavy_rnd(&st, 8) == 0)
				heavy_put(&b, "<label key=\"canary\" value=\"c%d.%d\"/>", n, p);
			int cs = 1 + (int)heavy_rnd(&st, 2);
			for (int c = 1; c <= cs; c++) {
				unsigned nm = heavy_rnd(&st, 6);
				heavy_put(&b, "<container name=\"C%d.%d.%d\"><port number=\"%d\"%s/>", n, p, c, 79 + c,
					  nm < 3 ? (c == 1 ? " name=\"http\"" : " name=\"metrics\"")
					  : nm == 3 ? (c == 1 ? " name=\"web\"" : " name=\"alt\"") : "");
				if (c == 1 && heavy_rnd(&st, 3) == 0)
					heavy_put(&b, "<port number=\"82\" protocol=\"UDP\"%s/>", heavy_rnd(&st, 2) ? " name=\"dns\"" : "");
				heavy_put(&b, "</container>");
			}
			heavy_put(&b, "</pod>\n");
		}
		heavy_put(&b, "</node>\n");
	}
	if (whatif && heavy_rnd(&st, 2)) {
		if (heavy_rnd(&st, 2))
			heavy_put(&b, "<link-down from=\"N1\" to=\"N2\"/>\n");
		else
			heavy_put(&b, "<fib switch=\"N%d\"><rule action=\"discard\" dst=\"10.1.0.0/16\" dport=\"80\"/></fib>\n",
				  nodes);
	}
	static const char *const sel[] = {
		"",
		"<match key=\"app\" value=\"a0\"/>",
		"<match key=\"app\" value=\"a1\"/>",
		"<match key=\"app\" value=\"a2\"/><match key=\"tier\" value=\"web\"/>",
		"<match key=\"tier\" value=\"db\"/>",
		"<expression key=\"tier\" operator=\"In\" values=\"api db\"/>",
		"<expression key=\"canary\" operator=\"Exists\"/>",
		"<expression key=\"app\" operator=\"NotIn\" values=\"a1 a3\"/>",
	};
	static const char *const from[] = {
		"",
		"<P><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></P>",
		"<P><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></P>",
		"<P><namespace-selector><match key=\"team\" value=\"t1\"/></namespace-selector>"
		"<pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/><pod-selector><expression key=\"canary\" operator=\"Exists\"/></pod-selector></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></P>",
		"<P><pod-selector><match key=\"app\" value=\"a2\"/></pod-selector></P>"
		"<P><ip-block cidr=\"10.3.0.0/16\"/></P>",
		"<P><namespace-selector/><pod-selector><match key=\"tier\" value=\"api\"/></pod-selector></P>"
		"<P><namespace-selector/><pod-selector><match key=\"app\" value=\"a3\"/></pod-selector></P>",
	};
	static const char *const to[] = {
		"",
		"<P><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></P>",
		"<P><pod-selector><match key=\"app\" value=\"a2\"/></pod-selector></P>",
		"<P><namespace-selector><match key=\"env\" value=\"prod\"/></namespace-selector></P>",
		"<P><namespace-selector><match key=\"team\" value=\"t1\"/></namespace-selector>"
		"<pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/></P>",
		"<P><namespace-selector/><pod-selector><expression key=\"tier\" operator=\"In\" values=\"api db\"/></pod-selector></P>",
		"<P><ip-block cidr=\"10.1.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.2.0.0/16\"/></ip-block></P>",
		"<P><ip-block cidr=\"10.2.3.1/32\"/></P><P><ip-block cidr=\"10.3.0.0/16\"/></P>",
		"<P><ip-block cidr=\"0.0.0.0/0\"><except cidr=\"10.3.0.0/16\"/></ip-block></P>",
		"<P><pod-selector><expression key=\"app\" operator=\"Exists\"/></pod-selector></P>"
		"<P><ip-block cidr=\"10.3.0.0/16\"/></P>",
		"<P><ip-block cidr=\"10.4.0.0/16\"/></P>"
		"<P><namespace-selector><match key=\"team\" value=\"t0\"/></namespace-selector></P>",
		"<P><namespace-selector/><pod-selector><match key=\"app\" value=\"a1\"/></pod-selector></P>",
		"<P><namespace-selector/><pod-selector><match key=\"tier\" value=\"db\"/>"
		"<expression key=\"app\" operator=\"NotIn\" values=\"a0\"/></pod-selector></P>"
		"<P><pod-selector><match key=\"app\" value=\"a3\"/></pod-selector></P>",
	};
	static const char *const ports[] = {
		"", "", "<port number=\"80\"/>", "<port number=\"80\" end=\"81\"/>", "<port number=\"http\"/>",
		"<port number=\"metrics\"/><port number=\"82\" protocol=\"UDP\"/>", "<port protocol=\"UDP\"/>",
		"<port number=\"dns\" protocol=\"UDP\"/>", "<port number=\"web\"/>",
	};
	int npol = 4 + (int)heavy_rnd(&st, 16);
	for (int i = 0; i < npol; i++) {
		unsigned types = heavy_rnd(&st, 4);
		heavy_put(&b, "<policy name=\"pol%d\" namespace=\"ns%u\"%s><pod-selector>%s</pod-selector>", i,
			  heavy_rnd(&st, (unsigned)nns),
			  types == 0 ? "" : types == 1 ? " types=\"Ingress\"" : types == 2 ? " types=\"Egress\"" : " types=\"Ingress Egress\"",
			  sel[heavy_rnd(&st, 8)]);
		for (int dir = 0; dir < 2; dir++) {
			int nr = (int)heavy_rnd(&st, 3);
			if (types == (dir ? 1u : 2u))
				continue;
			for (int r = 0; r < nr; r++) {
				const char *p = dir ? to[heavy_rnd(&st, 15)] : from[heavy_rnd(&st, 9)];
				heavy_put(&b, "<%s>", dir ? "egress" : "ingress");
				for (const char *c = p; *c;) {
					if (strncmp(c, "<P>", 3) == 0) {
						heavy_put(&b, dir ? "<to>" : "<from>");
						c += 3;
					} else if (strncmp(c, "</P>", 4) == 0) {
						heavy_put(&b, dir ? "</to>" : "</from>");
						c += 4;
					} else {
						heavy_put(&b, "%c", *c++);
					}
				}
				heavy_put(&b, "%s</%s>", ports[heavy_rnd(&st, 9)], dir ? "egress" : "ingress");
			}
		}
		heavy_put(&b, "</policy>\n");
	}
	/* More than 64 ingress peers for pods of app a0: the peers past the
	 * 63rd select some pods, so their classes get keys of their own. */
	if (heavy_rnd(&st, 3) == 0) {
		heavy_put(&b, "<policy name=\"wide\" namespace=\"ns0\"><pod-selector><match key=\"app\" value=\"a0\"/>"
			  "</pod-selector><ingress>");
		for (int k = 0; k < 70; k++)
			heavy_put(&b, "<from><namespace-selector/><pod-selector><match key=\"app\" value=\"a%d\"/>"
				  "<match key=\"tier\" value=\"%s\"/></pod-selector></from>",
				  k < 60 ? 9 : k % 4, tiers[k % 3]);
		heavy_put(&b, "</ingress></policy>\n");
	}
	heavy_put(&b, "</cluster>\n");
	return b.s;
}

#endif
