/* The Network Graph as DOT and SVG (graph.c, graph_write.c). Most tests
 * write the DOT out and read it back with cgraph's own parser, then check
 * its structure; the writer's bytes are compared only where they are
 * promised: the same spec gives the same DOT. */
#include "testlib.h"
#include "forward.h"
#include "graph.h"
#include "reach.h"
#include "spec.h"
#include "xalloc.h"

#include <cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

/* g's DOT, parsed again; agclose it. */
static Agraph_t *
reread(struct graph *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(graph_dot(g, f), 0);
	assert_int_equal(fclose(f), 0);
	Agraph_t *r = agmemread(buf);
	free(buf);
	assert_non_null(r);
	return r;
}

static Agraph_t *
reread_model(const struct model *m, enum graph_view view)
{
	struct graph *g = graph_new(m, view);
	Agraph_t *r = reread(g);
	graph_free(g);
	return r;
}

static const char *
attr(void *obj, const char *name)
{
	const char *v = agget(obj, (char *)name);
	return v != NULL ? v : "";
}

/* word is one of the space-separated words of s. */
static bool
has_word(const char *s, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = s; (p = strstr(p, word)) != NULL; p += n)
		if ((p == s || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
			return true;
	return false;
}

static Agnode_t *
vertex(Agraph_t *g, const char *name)
{
	Agnode_t *n = agnode(g, (char *)name, 0);
	if (n == NULL)
		fail_msg("no vertex %s", name);
	return n;
}

/* The edge a--b either way round, or NULL. */
static Agedge_t *
edge(Agraph_t *g, const char *a, const char *b)
{
	Agnode_t *x = agnode(g, (char *)a, 0), *y = agnode(g, (char *)b, 0);
	if (x == NULL || y == NULL)
		return NULL;
	Agedge_t *e = agedge(g, x, y, NULL, 0);
	return e != NULL ? e : agedge(g, y, x, NULL, 0);
}

static size_t
count_edges_with(Agraph_t *g, const char *name, const char *word)
{
	size_t c = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		for (Agedge_t *e = agfstout(g, n); e; e = agnxtout(g, e))
			c += has_word(attr(e, name), word);
	return c;
}

static size_t
count_nodes_with(Agraph_t *g, const char *name, const char *word)
{
	size_t c = 0;
	for (Agnode_t *n = agfstnode(g); n; n = agnxtnode(g, n))
		c += has_word(attr(n, name), word);
	return c;
}

static size_t
count_clusters(Agraph_t *g)
{
	size_t c = 0;
	for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s))
		c += (strncmp(agnameof(s), "cluster", 7) == 0) + count_clusters(s);
	return c;
}

static Agraph_t *
cluster(Agraph_t *g, const char *name)
{
	for (Agraph_t *s = agfstsubg(g); s; s = agnxtsubg(s)) {
		if (strcmp(agnameof(s), name) == 0)
			return s;
		Agraph_t *t = cluster(s, name);
		if (t != NULL)
			return t;
	}
	return NULL;
}

static bool
in_cluster(Agraph_t *g, const char *box, const char *name)
{
	Agraph_t *s = cluster(g, box);
	return s != NULL && agnode(s, (char *)name, 0) != NULL;
}

/* The links of m: one per process and pod, plus the node mesh. */
static size_t
links(const struct model *m)
{
	return m->nprocs + m->npods + m->nnodes * (m->nnodes - 1) / 2;
}

/* Every vertex of m is a vertex of r, and r has an edge a--b exactly when
 * m links a and b; exactly the down links are drawn dashed, red, "down". */
static void
check_network_graph(const struct model *m, Agraph_t *r)
{
	assert_true(agisundirected(r));
	assert_int_equal(agnnodes(r), m->nv);
	assert_int_equal(agnedges(r), links(m));
	for (size_t a = 0; a < m->nv; a++) {
		vertex(r, m->v[a].name);
		for (size_t b = a + 1; b < m->nv; b++) {
			Agedge_t *e = edge(r, m->v[a].name, m->v[b].name);
			assert_int_equal(e != NULL, model_adjacent(m, (int)a, (int)b));
			if (e == NULL)
				continue;
			bool down = model_link_down(m, (int)a, (int)b);
			assert_int_equal(has_word(attr(e, "class"), "down"), down);
			assert_string_equal(attr(e, "style"), down ? "dashed" : "solid");
			assert_string_equal(attr(e, "label"), down ? "down" : "");
			if (down)
				assert_string_equal(attr(e, "color"), "#cf222e");
		}
	}
	assert_int_equal(count_edges_with(r, "class", "down"), m->ndown);
}

static struct fate *
run(const struct model *m, const char *sender, const char *dest, size_t *n, struct dest *d)
{
	assert_true(dest_parse(dest, &d->addr, &d->port, &d->proto));
	struct fate *f;
	*n = forward_run(m, test_id(m, sender), d->addr, d->port, d->proto, &f);
	return f;
}

/* The graph of m with sender -> dest traced, read back. */
static Agraph_t *
traced(const struct model *m, enum graph_view view, const char *sender, const char *dest)
{
	struct dest d;
	size_t n;
	struct fate *f = run(m, sender, dest, &n, &d);
	struct graph *g = graph_new(m, view);
	graph_trace(g, &d, f, n);
	forward_free(f, n);
	Agraph_t *r = reread(g);
	graph_free(g);
	return r;
}

/* ---- the full graph ---- */

static void
test_graph_k1_counts(void **state)
{
	(void)state;
	struct model *m = test_k1();
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	/* 2 nodes + 4 pods + 8 containers + 2 daemons; 8 container-pod +
	 * 2 daemon-node + 4 pod-node + 1 node-node links. */
	assert_int_equal(agnnodes(r), 16);
	assert_int_equal(agnedges(r), 15);
	assert_int_equal(count_clusters(r), 6);
	assert_int_equal(count_nodes_with(r, "class", "process"), 10);
	assert_int_equal(count_nodes_with(r, "class", "switch"), 6);
	check_network_graph(m, r);
	agclose(r);
	model_free(m);
}

static void
test_graph_k1_boxes_and_labels(void **state)
{
	(void)state;
	struct model *m = test_k1();
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	for (size_t i = 0; i < m->nv; i++) {
		const struct vertex *v = &m->v[i];
		char *own = xasprintf("cluster_%s", v->name);
		char *up = v->parent >= 0 ? xasprintf("cluster_%s", m->v[v->parent].name) : NULL;
		if (v->kind == V_NODE || v->kind == V_POD)
			assert_true(in_cluster(r, own, v->name)); /* a switch is inside its own box */
		if (v->kind != V_NODE)
			assert_true(in_cluster(r, up, v->name));
		if (v->kind == V_CONTAINER) /* and in its node's box */
			assert_true(in_cluster(r, "cluster_N1", v->name) != in_cluster(r, "cluster_N2", v->name));
		free(own);
		free(up);
	}
	assert_false(in_cluster(r, "cluster_P1", "C3.1"));
	assert_false(in_cluster(r, "cluster_N1", "N2"));
	assert_string_equal(attr(cluster(r, "cluster_N2"), "label"), "node N2");
	assert_string_equal(attr(cluster(r, "cluster_P3"), "label"), "pod P3");
	/* Processes and switches look different; labels carry addresses and ports. */
	assert_string_equal(attr(vertex(r, "C1.1"), "shape"), "ellipse");
	assert_string_equal(attr(vertex(r, "D2"), "shape"), "ellipse");
	assert_string_equal(attr(vertex(r, "P4"), "shape"), "box");
	assert_string_equal(attr(vertex(r, "N1"), "shape"), "box");
	assert_string_not_equal(attr(vertex(r, "C1.1"), "fillcolor"), attr(vertex(r, "D1"), "fillcolor"));
	assert_string_not_equal(attr(vertex(r, "P1"), "fillcolor"), attr(vertex(r, "N1"), "fillcolor"));
	assert_string_equal(attr(vertex(r, "P3"), "label"), "P3\\n10.1.1.2");
	assert_string_equal(attr(vertex(r, "N2"), "label"), "N2\\n192.168.0.2");
	assert_string_equal(attr(vertex(r, "C4.2"), "label"), "C4.2\\n9090/TCP");
	assert_string_equal(attr(vertex(r, "D1"), "label"), "D1");
	assert_string_equal(attr(r, "label"), "K1\\n2 nodes, 4 pods, 8 containers, 2 daemons; 15 links");
	agclose(r);
	model_free(m);
}

static const char whatif[] =
	"<cluster name=\"w\">"
	"<node name=\"N1\" address=\"192.168.0.1\"><daemon name=\"D1\"><port number=\"53\" protocol=\"UDP\"/>"
	"<port number=\"22\"/><port number=\"9\" protocol=\"SCTP\"/><port number=\"10\"/><port number=\"11\"/></daemon>"
	"<pod name=\"P1\" address=\"10.1.1.1\"><container name=\"C1\"><port number=\"8080\"/></container>"
	"<container name=\"C1b\"><port number=\"9090\"/></container></pod></node>"
	"<node name=\"N2\" address=\"192.168.0.2\"><pod name=\"P2\" address=\"10.1.2.1\">"
	"<container name=\"C2\"><port number=\"8080\"/></container></pod></node>"
	"<node name=\"N3\" address=\"192.168.0.3\"/>"
	"<link-down from=\"N1\" to=\"N2\"/><link-down from=\"C1b\" to=\"P1\"/>"
	"</cluster>";

static void
test_graph_down_links_stay_edges(void **state)
{
	(void)state;
	struct model *m = test_model(whatif);
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	check_network_graph(m, r);
	assert_int_equal(count_edges_with(r, "class", "down"), 2);
	assert_non_null(edge(r, "N1", "N2"));
	assert_string_equal(attr(edge(r, "C1b", "P1"), "style"), "dashed");
	assert_string_equal(attr(edge(r, "N1", "N3"), "style"), "solid");
	assert_string_equal(attr(vertex(r, "D1"), "label"), "D1\\n53/UDP, 22/TCP, 9/SCTP, 10/TCP\\n11/TCP");
	assert_non_null(strstr(attr(r, "label"), "; 9 links, 2 down"));
	agclose(r);
	model_free(m);
}

/* Random specs, with cut links and override rules: vertices, links and
 * down links always match the model. */
static void
test_graph_random_specs_are_the_network_graph(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 40; seed++) {
		char *xml = test_random_spec(seed, seed % 2 ? 1 : 3);
		struct model *m = test_model(xml);
		free(xml);
		Agraph_t *r = reread_model(m, GRAPH_FULL);
		check_network_graph(m, r);
		assert_int_equal(count_clusters(r), m->nnodes + m->npods);
		agclose(r);
		model_free(m);
	}
}

/* ---- traces ---- */

static void
test_graph_trace_hop_numbers(void **state)
{
	(void)state;
	struct model *m = test_k1();
	Agraph_t *r = traced(m, GRAPH_FULL, "C1.1", "10.1.2.1:8080");
	static const char *const path[] = { "C1.1", "P1", "N1", "N2", "P2", "C2.1" };
	for (size_t k = 1; k < 6; k++) {
		Agedge_t *e = edge(r, path[k - 1], path[k]);
		char want[8];
		snprintf(want, sizeof want, "%zu", k);
		assert_string_equal(attr(e, "label"), want);
		assert_true(has_word(attr(e, "class"), "hop"));
		assert_string_equal(attr(e, "penwidth"), "3");
	}
	assert_int_equal(count_edges_with(r, "class", "hop"), 5);
	assert_int_equal(count_nodes_with(r, "class", "hop"), 6);
	assert_true(has_word(attr(vertex(r, "C2.1"), "class"), "delivered"));
	assert_string_equal(attr(edge(r, "P1", "C1.2"), "label"), "");
	assert_string_equal(attr(r, "label"), "K1\\n2 nodes, 4 pods, 8 containers, 2 daemons; 15 links\\n"
					      "message from C1.1 to 10.1.2.1:8080/TCP: delivered to C2.1 (5 hops)");
	agclose(r);
	/* The loop crosses P1-N1 twice: one edge, both hops. */
	r = traced(m, GRAPH_FULL, "C1.1", "10.1.1.1:7777");
	assert_string_equal(attr(edge(r, "P1", "N1"), "label"), "2, 3");
	assert_true(has_word(attr(vertex(r, "P1"), "class"), "loop"));
	assert_non_null(strstr(attr(r, "label"), ": nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused) (3 hops)"));
	agclose(r);
	r = traced(m, GRAPH_FULL, "C1.1", "127.0.0.1:7777");
	assert_true(has_word(attr(vertex(r, "N1"), "class"), "discarded"));
	assert_non_null(strstr(attr(r, "label"), ": nothing listens on 127.0.0.1:7777/TCP in pod P1 (connection refused) (2 hops)"));
	agclose(r);
	model_free(m);
}

static void
test_graph_trace_blocked_by_down_link(void **state)
{
	(void)state;
	struct model *m = test_model(whatif);
	/* C1 -> C2: N1 forwards to N2 over the down link. */
	Agraph_t *r = traced(m, GRAPH_FULL, "C1", "10.1.2.1:8080");
	Agedge_t *e = edge(r, "N1", "N2");
	assert_true(has_word(attr(e, "class"), "blocked"));
	assert_false(has_word(attr(e, "class"), "hop"));
	assert_string_equal(attr(e, "style"), "dashed");
	assert_string_equal(attr(e, "label"), "down (hop 3 blocked)");
	assert_int_equal(count_edges_with(r, "class", "hop"), 2);
	assert_non_null(strstr(attr(r, "label"), "discarded at N1: link down (N1 -- N2) (2 hops)"));
	agclose(r);
	/* C1b's own link is down: no hop, the link blocked. */
	r = traced(m, GRAPH_FULL, "C1b", "10.1.1.1:8080");
	assert_int_equal(count_edges_with(r, "class", "hop"), 0);
	assert_true(has_word(attr(edge(r, "C1b", "P1"), "class"), "blocked"));
	assert_true(has_word(attr(vertex(r, "C1b"), "class"), "discarded"));
	assert_non_null(strstr(attr(r, "label"), "discarded at C1b: link down (C1b -- P1)"));
	assert_null(strstr(attr(r, "label"), "hops"));
	agclose(r);
	model_free(m);
}

/* Marked are exactly the path's vertices, the links between consecutive
 * ones and one end per distinct end vertex: on every pair of K1 and of
 * random specs (cut links, overrides, services). */
static void
check_trace_marks_exactly(const struct model *m, int sender, const struct dest *d)
{
	struct fate *f;
	size_t n = forward_run(m, sender, d->addr, d->port, d->proto, &f);
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_trace(g, d, f, n);
	Agraph_t *r = reread(g);
	graph_free(g);
	bool *on = xcalloc(m->nv, sizeof *on), *end = xcalloc(m->nv, sizeof *end);
	size_t von = 0, ends = 0, eon = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t k = 0; k < f[i].npath; k++) {
			int v = f[i].path[k];
			von += !on[v];
			on[v] = true;
			assert_true(has_word(attr(vertex(r, m->v[v].name), "class"), "hop"));
			if (k > 0) {
				Agedge_t *e = edge(r, m->v[f[i].path[k - 1]].name, m->v[v].name);
				assert_non_null(e);
				assert_true(has_word(attr(e, "class"), "hop"));
			}
		}
		int at = f[i].verdict == VERDICT_DELIVERED ? f[i].receiver : f[i].at;
		ends += !end[at];
		end[at] = true;
		assert_true(has_word(attr(vertex(r, m->v[at].name), "class"), verdict_name(f[i].verdict)));
	}
	/* Distinct links of the paths: count them on a second pass. */
	for (Agnode_t *x = agfstnode(r); x; x = agnxtnode(r, x))
		for (Agedge_t *e = agfstout(r, x); e; e = agnxtout(r, e)) {
			if (!has_word(attr(e, "class"), "hop"))
				continue;
			eon++;
			bool found = false;
			for (size_t i = 0; i < n && !found; i++)
				for (size_t k = 1; k < f[i].npath && !found; k++) {
					const char *a = m->v[f[i].path[k - 1]].name, *b = m->v[f[i].path[k]].name;
					const char *t = agnameof(agtail(e)), *h = agnameof(aghead(e));
					found = (strcmp(a, t) == 0 && strcmp(b, h) == 0) || (strcmp(a, h) == 0 && strcmp(b, t) == 0);
				}
			assert_true(found);
		}
	assert_int_equal(count_nodes_with(r, "class", "hop"), von);
	assert_int_equal(count_nodes_with(r, "class", "end"), ends);
	assert_true(eon <= von);
	agclose(r);
	free(on);
	free(end);
	forward_free(f, n);
}

static void
check_every_pair(const struct model *m, size_t max_per_sender)
{
	for (size_t i = 0; i < m->nprocs; i++) {
		size_t nd;
		struct dest *d = reach_dests(m, m->procs[i], PORTS_ALL, &nd);
		for (size_t k = 0; k < nd && k < max_per_sender; k++)
			check_trace_marks_exactly(m, m->procs[i], &d[k]);
		free(d);
	}
}

static void
test_graph_trace_marks_exactly_its_path(void **state)
{
	(void)state;
	struct model *m = test_k1();
	check_every_pair(m, SIZE_MAX);
	model_free(m);
	m = test_model(whatif);
	check_every_pair(m, SIZE_MAX);
	model_free(m);
	for (unsigned seed = 1; seed <= 12; seed++) {
		char *xml = test_random_spec(seed, 3);
		m = test_model(xml);
		free(xml);
		check_every_pair(m, 6);
		model_free(m);
	}
}

/* ---- escaping ---- */

static void
test_graph_escapes_spec_text(void **state)
{
	(void)state;
	/* The name is free text: quotes, markup and backslashes, one last. */
	struct model *m = test_model("<cluster name=\"K1 &lt;script&gt;x &amp; &quot;co&quot; a\\&quot;b\\N\\\">"
				     "<node name=\"node\" address=\"192.168.0.1\">"
				     "<pod name=\"1.2.3\" address=\"10.1.1.1\"><container name=\"a:b\"/>"
				     "<container name=\"x/y\"/></pod>"
				     "<daemon name=\"Edge\"/></node>"
				     "<node name=\"graph\" address=\"192.168.0.2\"><pod name=\"subgraph\" "
				     "address=\"10.1.2.1\"><container name=\"strict\"/></pod></node></cluster>");
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	/* Backslashes doubled, so that Graphviz shows them as they are. */
	const char *want = "K1 <script>x & \"co\" a\\\\\"b\\\\N\\\\\\n2 nodes";
	assert_memory_equal(attr(r, "label"), want, strlen(want));
	check_network_graph(m, r);
	assert_non_null(edge(r, "node", "graph"));
	assert_non_null(edge(r, "1.2.3", "a:b"));
	assert_non_null(edge(r, "node", "Edge"));
	assert_non_null(edge(r, "subgraph", "strict"));
	assert_true(in_cluster(r, "cluster_1.2.3", "x/y"));
	agclose(r);
	/* Rendered, the caption is the name itself, XML-escaped. */
	struct graph *g = graph_new(m, GRAPH_FULL);
	size_t len;
	char *svg = graph_render_svg(g, &len);
	graph_free(g);
	assert_non_null(svg);
	assert_non_null(strstr(svg, ">K1 &lt;script&gt;x &amp; &quot;co&quot; a\\&quot;b\\N\\</text>"));
	assert_null(strstr(svg, "<script"));
	free(svg);
	model_free(m);
}

/* ---- SVG ---- */

static void
test_graph_svg_k1(void **state)
{
	(void)state;
	struct model *m = test_k1();
	assert_false(graph_summarized(m));
	size_t len;
	char *svg = graph_svg(m, NULL, 0, &len);
	assert_non_null(svg);
	assert_int_equal(strlen(svg), len);
	assert_memory_equal(svg, "<svg", 4);
	assert_non_null(strstr(svg, "</svg>"));
	assert_null(strstr(svg, "<?xml"));
	assert_null(strstr(svg, "<!DOCTYPE"));
	for (size_t i = 0; i < m->nv; i++) {
		char *t = xasprintf("<title>%s</title>", m->v[i].name);
		assert_non_null(strstr(svg, t));
		free(t);
	}
	assert_non_null(strstr(svg, "<title>N1&#45;&#45;N2</title>"));
	assert_null(strstr(svg, "class=\"edge link hop\""));
	free(svg);
	/* With a trace: the path's five edges. */
	struct dest d;
	size_t n;
	struct fate *f = run(m, "C1.1", "10.1.2.1:8080", &n, &d);
	svg = graph_svg(m, f, n, &len);
	forward_free(f, n);
	assert_non_null(svg);
	size_t hops = 0;
	for (const char *p = svg; (p = strstr(p, "class=\"edge link hop\"")) != NULL; p++)
		hops++;
	assert_int_equal(hops, 5);
	assert_non_null(strstr(svg, "delivered to C2.1 (5 hops)"));
	free(svg);
	model_free(m);
}

/* The full view keeps only the mesh's special links as edges until a
 * layout needs them all: the DOT and the SVG still have every link. */
static void
test_graph_mesh_whole_in_dot_and_svg(void **state)
{
	(void)state;
	struct model *m = test_model(whatif);
	size_t len;
	char *svg = graph_svg(m, NULL, 0, &len);
	assert_non_null(svg);
	assert_non_null(strstr(svg, "<title>N1&#45;&#45;N3</title>"));
	assert_non_null(strstr(svg, "<title>N2&#45;&#45;N3</title>"));
	assert_non_null(strstr(svg, "<title>N1&#45;&#45;N2</title>"));
	free(svg);
	/* After a layout, the DOT is the same graph. */
	struct graph *g = graph_new(m, GRAPH_FULL);
	char *before = NULL, *after = NULL;
	size_t nb = 0, na = 0;
	FILE *f = open_memstream(&before, &nb);
	assert_int_equal(graph_dot(g, f), 0);
	fclose(f);
	svg = graph_render_svg(g, &len);
	assert_non_null(svg);
	free(svg);
	f = open_memstream(&after, &na);
	assert_int_equal(graph_dot(g, f), 0);
	fclose(f);
	graph_free(g);
	assert_string_equal(before, after);
	free(before);
	free(after);
	model_free(m);
}

/* The same spec gives the same bytes (document order, not cgraph's). */
static void
test_graph_dot_is_stable(void **state)
{
	(void)state;
	char *xml = test_random_spec(7, 3);
	char *out[2];
	for (int i = 0; i < 2; i++) {
		struct model *m = test_model(xml);
		size_t n = 0;
		out[i] = NULL;
		FILE *f = open_memstream(&out[i], &n);
		assert_int_equal(graph_write_dot(f, m), 0);
		fclose(f);
		model_free(m);
	}
	assert_string_equal(out[0], out[1]);
	free(out[0]);
	free(out[1]);
	free(xml);
}

/* ---- namespaces ---- */

static struct model *
sample(const char *rel)
{
	char *path = test_path(rel);
	struct diag *d = diag_new(path);
	struct model *m;
	assert_int_equal(spec_load(path, SPEC_DEFAULT_MAX_SIZE, d, &m), SPEC_OK);
	diag_free(d);
	free(path);
	return m;
}

static char *
dot_text(struct graph *g)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(graph_dot(g, f), 0);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static char *
dot_of(const struct model *m)
{
	struct graph *g = graph_new(m, GRAPH_FULL);
	char *s = dot_text(g);
	graph_free(g);
	return s;
}

static Agraph_t *
pod_box(Agraph_t *r, const char *pod)
{
	char *name = xasprintf("cluster_%s", pod);
	Agraph_t *s = cluster(r, name);
	free(name);
	assert_non_null(s);
	return s;
}

/* Pods of one namespace share a box colour (border and fill), pods of
 * different namespaces do not (fewer namespaces than colours here); each
 * box names its namespace. */
static void
check_namespace_boxes(const struct model *m, Agraph_t *r)
{
	for (size_t i = 0; i < m->npods; i++) {
		const struct vertex *a = &m->v[m->pods[i]];
		Agraph_t *x = pod_box(r, a->name);
		char *label = xasprintf("pod %s (namespace %s)", a->name, m->ns[a->ns].name);
		assert_string_equal(attr(x, "label"), label);
		free(label);
		assert_string_equal(attr(x, "penwidth"), "2");
		for (size_t j = 0; j < m->npods; j++) {
			const struct vertex *b = &m->v[m->pods[j]];
			Agraph_t *y = pod_box(r, b->name);
			bool same = a->ns == b->ns;
			assert_int_equal(strcmp(attr(x, "color"), attr(y, "color")) == 0, same);
			assert_int_equal(strcmp(attr(x, "fillcolor"), attr(y, "fillcolor")) == 0, same);
		}
	}
}

static void
test_graph_namespace_colors(void **state)
{
	(void)state;
	struct model *m = sample("samples/shop.xml");
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	/* The legend is the caption's, not a vertex: still the Network Graph. */
	check_network_graph(m, r);
	check_namespace_boxes(m, r);
	/* The legend names each namespace's border colour (Okabe-Ito). */
	assert_non_null(strstr(attr(r, "label"), "18 links\\nnamespaces: web (blue), api (orange), data (bluish green), "
						 "sandbox (vermillion)"));
	static const char *const want[][2] = {
		{ "web-1", "#0072b2" }, { "web-2", "#0072b2" }, { "api-1", "#e69f00" },
		{ "api-2", "#e69f00" }, { "db-1", "#009e73" },	{ "debug", "#d55e00" },
	};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		assert_string_equal(attr(pod_box(r, want[i][0]), "color"), want[i][1]);
	/* Node boxes and the pod switches inside keep their looks. */
	assert_string_equal(attr(cluster(r, "cluster_node-a"), "color"), "#57606a");
	assert_string_equal(attr(vertex(r, "web-1"), "fillcolor"), attr(vertex(r, "db-1"), "fillcolor"));
	agclose(r);
	/* The same in the services view, and from one build to the next. */
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	r = reread(g);
	graph_free(g);
	check_namespace_boxes(m, r);
	for (size_t i = 0; i < sizeof want / sizeof *want; i++)
		assert_string_equal(attr(pod_box(r, want[i][0]), "color"), want[i][1]);
	agclose(r);
	char *a = dot_of(m), *b = dot_of(m);
	assert_string_equal(a, b);
	free(a);
	free(b);
	model_free(m);
}

/* Colours follow the order namespaces first appear in the spec (declared
 * or used), counting only those with pods or services; past the palette
 * they repeat, and the legend lists them all, four per line. */
static void
test_graph_namespace_colors_order_and_legend(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"c\"><namespace name=\"empty\"/><namespace name=\"zeta\"/>"
				     "<node name=\"N1\" address=\"192.168.0.1\">"
				     "<pod name=\"P1\" namespace=\"alpha\" address=\"10.1.1.1\"/>"
				     "<pod name=\"P2\" namespace=\"zeta\" address=\"10.1.1.2\"/></node></cluster>");
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	assert_string_equal(attr(pod_box(r, "P2"), "color"), "#0072b2");
	assert_string_equal(attr(pod_box(r, "P1"), "color"), "#e69f00");
	assert_non_null(strstr(attr(r, "label"), "\\nnamespaces: zeta (blue), alpha (orange)"));
	assert_null(strstr(attr(r, "label"), "empty"));
	agclose(r);
	model_free(m);

	char *xml = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&xml, &len);
	fputs("<cluster name=\"nine\"><node name=\"N1\" address=\"192.168.0.1\">", f);
	for (int i = 1; i <= 9; i++)
		fprintf(f, "<pod name=\"P%d\" namespace=\"ns%d\" address=\"10.1.1.%d\"/>", i, i, i);
	fputs("</node></cluster>", f);
	fclose(f);
	m = test_model(xml);
	free(xml);
	r = reread_model(m, GRAPH_FULL);
	for (int i = 1; i <= 8; i++)
		for (int j = i + 1; j <= 9; j++) {
			char a[8], b[8];
			snprintf(a, sizeof a, "P%d", i);
			snprintf(b, sizeof b, "P%d", j);
			bool same = i == 1 && j == 9;
			assert_int_equal(strcmp(attr(pod_box(r, a), "color"), attr(pod_box(r, b), "color")) == 0, same);
		}
	assert_non_null(strstr(attr(r, "label"), "\\nnamespaces: ns1 (blue), ns2 (orange), ns3 (bluish green), ns4 "
						 "(vermillion),\\nns5 (sky blue), ns6 (reddish purple), ns7 (yellow), "
						 "ns8 (black),\\nns9 (blue)"));
	assert_int_equal(agnnodes(r), 9 + 1);
	agclose(r);
	model_free(m);

	/* A service's namespace takes a colour even without pods; the
	 * legend lists it once services are drawn. */
	m = test_model("<cluster name=\"c\"><node name=\"N1\" address=\"192.168.0.1\">"
		       "<pod name=\"P1\" address=\"10.1.1.1\"/></node>"
		       "<service name=\"s\" namespace=\"other\" address=\"10.96.0.1\"><port number=\"80\"/></service>"
		       "</cluster>");
	r = reread_model(m, GRAPH_FULL);
	assert_string_equal(attr(pod_box(r, "P1"), "label"), "pod P1 (namespace default)");
	assert_non_null(strstr(attr(r, "label"), "\\nnamespaces: default (blue)"));
	assert_null(strstr(attr(r, "label"), "other"));
	agclose(r);
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	r = reread(g);
	graph_free(g);
	assert_non_null(strstr(attr(r, "label"), "\\nnamespaces: default (blue), other (orange)"));
	assert_string_equal(attr(vertex(r, "service other/s"), "fillcolor"), "#faeccc");
	agclose(r);
	model_free(m);
}

/* Without namespaces (or with only "default", named or not) pods keep
 * the look they had before namespaces existed, and the DOT is the same. */
static void
test_graph_no_namespaces_unchanged(void **state)
{
	(void)state;
	struct model *m = test_k1();
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	for (size_t i = 0; i < m->npods; i++) {
		Agraph_t *x = pod_box(r, m->v[m->pods[i]].name);
		assert_string_equal(attr(x, "color"), "#8c959f");
		assert_string_equal(attr(x, "fillcolor"), "#f6f8fa");
		assert_string_equal(attr(x, "penwidth"), "");
	}
	assert_null(strstr(attr(r, "label"), "namespaces"));
	agclose(r);
	model_free(m);
	static const char plain[] = "<cluster name=\"c\"><node name=\"N1\" address=\"192.168.0.1\">"
				    "<pod name=\"P1\" address=\"10.1.1.1\"><container name=\"C1\"/></pod></node></cluster>";
	static const char named[] = "<cluster name=\"c\"><node name=\"N1\" address=\"192.168.0.1\">"
				    "<pod name=\"P1\" namespace=\"default\" address=\"10.1.1.1\"><container name=\"C1\"/>"
				    "</pod></node><service name=\"s\" address=\"10.96.0.1\"><port number=\"80\"/></service>"
				    "</cluster>";
	struct model *a = test_model(plain), *b = test_model(named);
	char *da = dot_of(a), *db = dot_of(b);
	assert_string_equal(da, db);
	assert_null(strstr(da, "penwidth=2"));
	free(da);
	free(db);
	model_free(a);
	model_free(b);
}

/* ---- services ---- */

/* The graph of m with its services, read back. */
static Agraph_t *
reread_services(const struct model *m)
{
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	Agraph_t *r = reread(g);
	graph_free(g);
	return r;
}

/* Pod (a vertex id) gives service s a backend. */
static bool
gives_backend(const struct model *m, size_t s, int pod)
{
	const struct service *sv = &m->svcs[s];
	for (size_t k = 0; k < sv->nports; k++) {
		const struct svc_flat *fl = &m->svc_ports[sv->ports[k].flat];
		for (size_t b = 0; b < fl->nbackends; b++)
			if (fl->backends[b].pod == pod)
				return true;
	}
	return false;
}

/* r is m's Network Graph plus, per service, a hexagon "service NS/NAME"
 * and one dashed endpoint edge to each pod that gives it a backend;
 * returns the number of endpoint edges. Deletes the service vertices
 * from r, then checks that what is left is exactly the Network Graph. */
static size_t
check_services_view(const struct model *m, Agraph_t *r)
{
	size_t edges = 0;
	assert_int_equal(agnnodes(r), m->nv + m->nsvcs);
	for (size_t s = 0; s < m->nsvcs; s++) {
		char buf[600];
		char *id = xasprintf("service %s", model_service_name(m, (int)s, buf, sizeof buf));
		Agnode_t *n = vertex(r, id);
		free(id);
		assert_string_equal(attr(n, "shape"), "hexagon");
		assert_true(has_word(attr(n, "class"), "service"));
		assert_memory_equal(attr(n, "label"), buf, strlen(buf));
		size_t own = 0;
		for (size_t i = 0; i < m->npods; i++) {
			int pod = m->pods[i];
			Agedge_t *e = edge(r, agnameof(n), m->v[pod].name);
			assert_int_equal(e != NULL, gives_backend(m, s, pod));
			if (e == NULL)
				continue;
			own++;
			assert_string_equal(attr(e, "style"), "dashed");
			assert_string_equal(attr(e, "class"), "endpoint");
		}
		assert_int_equal(agdegree(r, n, 1, 1), own);
		assert_int_equal(has_word(attr(n, "class"), "no-endpoints"), own == 0);
		assert_int_equal(strstr(attr(n, "label"), "no endpoints") != NULL, own == 0);
		edges += own;
	}
	assert_int_equal(agnedges(r), links(m) + edges);
	assert_int_equal(count_edges_with(r, "class", "endpoint"), edges);
	for (size_t s = 0; s < m->nsvcs; s++) {
		char buf[600];
		char *id = xasprintf("service %s", model_service_name(m, (int)s, buf, sizeof buf));
		agdelnode(r, vertex(r, id));
		free(id);
	}
	check_network_graph(m, r);
	return edges;
}

static void
test_graph_services_shop(void **state)
{
	(void)state;
	struct model *m = sample("samples/shop.xml");
	/* Without the option: no service vertex, no endpoint edge. */
	Agraph_t *r = reread_model(m, GRAPH_FULL);
	assert_int_equal(count_nodes_with(r, "class", "service"), 0);
	assert_int_equal(count_edges_with(r, "class", "endpoint"), 0);
	assert_null(agnode(r, "service web/front", 0));
	assert_null(strstr(attr(r, "label"), "services"));
	agclose(r);
	/* 18 vertices and links, plus 4 services and their 5 endpoint pods
	 * (web/front: web-1, web-2; api/api: api-1, api-2; data/db: db-1;
	 * api/metrics selects app=apis: none). */
	r = reread_services(m);
	assert_int_equal(agnnodes(r), 18 + 4);
	assert_int_equal(agnedges(r), 18 + 5);
	assert_int_equal(count_nodes_with(r, "class", "service"), 4);
	assert_int_equal(count_nodes_with(r, "class", "no-endpoints"), 1);
	assert_string_equal(attr(vertex(r, "service web/front"), "label"), "web/front\\n10.96.0.10\\n80/TCP -> http");
	assert_string_equal(attr(vertex(r, "service api/metrics"), "label"),
			    "api/metrics\\n10.96.0.21\\n9090/TCP -> metrics\\nno endpoints");
	assert_string_equal(attr(vertex(r, "service api/metrics"), "color"), "#cf222e");
	assert_non_null(edge(r, "service web/front", "web-2"));
	assert_null(edge(r, "service web/front", "api-1"));
	assert_non_null(edge(r, "service data/db", "db-1"));
	/* Coloured as their namespace. */
	assert_string_equal(attr(vertex(r, "service api/api"), "color"), attr(pod_box(r, "api-1"), "color"));
	assert_string_equal(attr(edge(r, "service api/api", "api-2"), "color"), attr(pod_box(r, "api-2"), "color"));
	assert_non_null(strstr(attr(r, "label"), "\\n4 services (hexagons), 5 edges to endpoint pods (dashed)\\n"));
	assert_int_equal(check_services_view(m, r), 5);
	agclose(r);
	/* Twice is once; a summary has no services. */
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	graph_add_services(g);
	r = reread(g);
	graph_free(g);
	assert_int_equal(agnnodes(r), 22);
	assert_int_equal(agnedges(r), 23);
	agclose(r);
	g = graph_new(m, GRAPH_SUMMARY);
	graph_add_services(g);
	r = reread(g);
	graph_free(g);
	assert_int_equal(agnnodes(r), 3);
	assert_int_equal(count_nodes_with(r, "class", "service"), 0);
	agclose(r);
	model_free(m);
}

/* An endpoint pod once per service, whatever its ports; a pod that the
 * selector matches but that lacks the target gives no backend; a pod
 * named like a service ("prod/web") stays apart from it. */
static void
test_graph_services_endpoints_and_names(void **state)
{
	(void)state;
	struct model *m = test_model(
		"<cluster name=\"c\"><node name=\"N1\" address=\"192.168.0.1\">"
		"<pod name=\"prod/web\" namespace=\"prod\" address=\"10.1.1.1\"><label key=\"app\" value=\"web\"/>"
		"<container name=\"prod/web/c\"><port number=\"8080\" name=\"http\"/><port number=\"9090\" "
		"name=\"metrics\"/></container></pod>"
		"<pod name=\"other\" namespace=\"prod\" address=\"10.1.1.2\"><label key=\"app\" value=\"web\"/>"
		"<container name=\"other/c\"><port number=\"8081\" name=\"http\"/></container></pod>"
		"<pod name=\"lacks\" namespace=\"prod\" address=\"10.1.1.3\"><label key=\"app\" value=\"web\"/>"
		"<container name=\"lacks/c\"><port number=\"8080\"/></container></pod>"
		"<pod name=\"nolabel\" namespace=\"prod\" address=\"10.1.1.4\">"
		"<container name=\"nolabel/c\"><port number=\"8080\" name=\"http\"/></container></pod>"
		"</node>"
		"<service name=\"web\" namespace=\"prod\" address=\"10.96.0.1\"><selector key=\"app\" value=\"web\"/>"
		"<port number=\"80\" target=\"http\"/><port number=\"9090\" target=\"metrics\"/></service>"
		"<service name=\"web\" namespace=\"dev\" address=\"10.96.0.2\"><selector key=\"app\" value=\"web\"/>"
		"<port number=\"80\" target=\"8080\"/></service>"
		"<service name=\"ext\" namespace=\"prod\" address=\"10.96.0.3\"><port number=\"443\"/></service>"
		"</cluster>");
	Agraph_t *r = reread_services(m);
	assert_int_equal(check_services_view(m, r), 2);
	agclose(r);
	r = reread_services(m);
	Agnode_t *pod = vertex(r, "prod/web"), *svc = vertex(r, "service prod/web");
	assert_ptr_not_equal(pod, svc);
	assert_string_equal(attr(pod, "class"), "switch pod");
	assert_true(in_cluster(r, "cluster_prod/web", "prod/web"));
	assert_false(in_cluster(r, "cluster_prod/web", "service prod/web"));
	assert_int_equal(agdegree(r, svc, 1, 1), 2); /* two ports, one edge */
	assert_non_null(edge(r, "service prod/web", "prod/web"));
	assert_non_null(edge(r, "service prod/web", "other"));
	assert_null(edge(r, "service prod/web", "lacks"));
	assert_null(edge(r, "service prod/web", "nolabel"));
	assert_string_equal(attr(svc, "label"), "prod/web\\n10.96.0.1\\n80/TCP -> http\\n9090/TCP -> metrics");
	assert_string_equal(attr(vertex(r, "service dev/web"), "label"), "dev/web\\n10.96.0.2\\n80/TCP -> 8080\\nno endpoints");
	assert_string_equal(attr(vertex(r, "service prod/ext"), "label"),
			    "prod/ext\\n10.96.0.3\\n443/TCP -> 443\\nno selector, no endpoints");
	agclose(r);
	model_free(m);
}

static void
test_graph_services_random_specs(void **state)
{
	(void)state;
	size_t services = 0, edges = 0;
	for (unsigned seed = 1; seed <= 40; seed++) {
		char *xml = test_random_spec(seed, 3);
		struct model *m = test_model(xml);
		free(xml);
		Agraph_t *r = reread_services(m);
		edges += check_services_view(m, r);
		services += m->nsvcs;
		agclose(r);
		model_free(m);
	}
	/* The samples exercise both kinds. */
	assert_true(services > 0);
	assert_true(edges > 0);
}

/* With a trace, services keep out of the marks, and the caption has both,
 * whichever came first. */
static void
test_graph_services_with_trace(void **state)
{
	(void)state;
	struct model *m = sample("samples/shop.xml");
	struct dest d;
	size_t n;
	struct fate *f = run(m, "web-1/nginx", "10.96.0.20:80", &n, &d);
	char *label[2];
	for (int order = 0; order < 2; order++) {
		struct graph *g = graph_new(m, GRAPH_FULL);
		if (order == 0)
			graph_add_services(g);
		graph_trace(g, &d, f, n);
		if (order == 1)
			graph_add_services(g);
		Agraph_t *r = reread(g);
		graph_free(g);
		assert_int_equal(count_edges_with(r, "class", "hop"), 7);
		assert_int_equal(count_nodes_with(r, "class", "end"), 2);
		assert_int_equal(count_nodes_with(r, "class", "service"), 4);
		for (Agnode_t *x = agfstnode(r); x; x = agnxtnode(r, x))
			if (has_word(attr(x, "class"), "service"))
				assert_false(has_word(attr(x, "class"), "hop"));
		label[order] = xstrdup(attr(r, "label"));
		assert_non_null(strstr(label[order], "4 services (hexagons)"));
		assert_non_null(strstr(label[order], "\\nmessage from web-1/nginx to 10.96.0.20:80/TCP\\nbranch 1 of 2"));
		agclose(r);
	}
	assert_string_equal(label[0], label[1]);
	free(label[0]);
	free(label[1]);
	forward_free(f, n);
	model_free(m);
}

static size_t
occurrences(const char *s, const char *what)
{
	size_t c = 0;
	for (const char *p = s; (p = strstr(p, what)) != NULL; p++)
		c++;
	return c;
}

static void
test_graph_services_svg(void **state)
{
	(void)state;
	struct model *m = sample("samples/shop.xml");
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	size_t len;
	char *svg = graph_render_svg(g, &len);
	graph_free(g);
	assert_non_null(svg);
	assert_int_equal(occurrences(svg, "class=\"node service\""), 3);
	assert_int_equal(occurrences(svg, "class=\"node service no&#45;endpoints\""), 1);
	assert_int_equal(occurrences(svg, "class=\"edge endpoint\""), 5);
	assert_non_null(strstr(svg, "<title>service web/front</title>"));
	free(svg);
	/* The report's diagram has none. */
	svg = graph_svg(m, NULL, 0, &len);
	assert_non_null(svg);
	assert_int_equal(occurrences(svg, "node service"), 0);
	assert_int_equal(occurrences(svg, "edge endpoint"), 0);
	free(svg);
	model_free(m);
}

/* ---- the summary ---- */

/* nodes nodes with pods pods of containers containers each, N1-N2 down. */
static struct model *
grid(int nodes, int pods, int containers)
{
	size_t len = 0;
	char *s = NULL;
	FILE *f = open_memstream(&s, &len);
	fputs("<cluster name=\"grid\">", f);
	for (int i = 1; i <= nodes; i++) {
		fprintf(f, "<node name=\"N%d\" address=\"192.168.%d.%d\"><daemon name=\"D%d\"/>", i, i / 250, i % 250 + 1,
			i);
		for (int j = 1; j <= pods; j++) {
			fprintf(f, "<pod name=\"P%d.%d\" address=\"10.%d.%d.%d\">", i, j, i / 250 + 1, i % 250, j);
			for (int k = 1; k <= containers; k++)
				fprintf(f, "<container name=\"C%d.%d.%d\"><port number=\"%d\"/></container>", i, j, k,
					8000 + k);
			fputs("</pod>", f);
		}
		fputs("</node>", f);
	}
	fputs("<link-down from=\"N1\" to=\"N2\"/><link-down from=\"P1.1\" to=\"N1\"/></cluster>", f);
	fclose(f);
	struct model *m = test_model(s);
	free(s);
	return m;
}

static void
test_graph_summary_threshold(void **state)
{
	(void)state;
	struct model *m = grid(20, 1, 12); /* 20 + 20 + 20 + 240 = 300 vertices */
	assert_int_equal(m->nv, GRAPH_FULL_MAX_VERTICES);
	assert_false(graph_summarized(m));
	model_free(m);
	m = grid(20, 1, 13); /* 320 */
	assert_true(graph_summarized(m));
	model_free(m);
	m = grid(GRAPH_FULL_MAX_NODES + 1, 1, 1);
	assert_true(m->nv <= GRAPH_FULL_MAX_VERTICES);
	assert_true(graph_summarized(m));
	model_free(m);
}

static void
test_graph_summary_per_node(void **state)
{
	(void)state;
	/* Up to GRAPH_MESH_NODES nodes: the mesh edge by edge. */
	struct model *m = grid(20, 3, 4);
	Agraph_t *r = reread_model(m, GRAPH_SUMMARY);
	assert_int_equal(agnnodes(r), 20);
	assert_int_equal(agnedges(r), 20 * 19 / 2);
	assert_int_equal(count_clusters(r), 0);
	assert_string_equal(attr(edge(r, "N1", "N2"), "style"), "dashed");
	assert_string_equal(attr(vertex(r, "N3"), "label"), "N3\\n192.168.0.4\\n3 pods, 12 containers, 1 daemon");
	assert_string_equal(attr(vertex(r, "N1"), "label"),
			    "N1\\n192.168.0.2\\n3 pods, 12 containers, 1 daemon\\n1 link down inside");
	assert_non_null(strstr(attr(r, "label"), "summarized: one vertex per node (the full graph has 340 vertices)"));
	agclose(r);
	/* A trace marks the nodes it crosses and the mesh links between them. */
	r = traced(m, GRAPH_SUMMARY, "C3.1.1", "10.1.5.2:8001");
	assert_string_equal(attr(edge(r, "N3", "N5"), "label"), "3");
	assert_int_equal(count_edges_with(r, "class", "hop"), 1);
	assert_int_equal(count_nodes_with(r, "class", "hop"), 2);
	assert_true(has_word(attr(vertex(r, "N5"), "class"), "delivered"));
	agclose(r);
	model_free(m);
	/* Above: a "node mesh" vertex linked to every node, and the down
	 * node-node links drawn as well. */
	m = grid(GRAPH_MESH_NODES + 1, 1, 1);
	r = reread_model(m, GRAPH_SUMMARY);
	assert_int_equal(agnnodes(r), GRAPH_MESH_NODES + 2);
	assert_int_equal(agnedges(r), GRAPH_MESH_NODES + 1 + 1);
	assert_non_null(edge(r, "N7", "node mesh"));
	assert_true(has_word(attr(edge(r, "N1", "N2"), "class"), "down"));
	agclose(r);
	r = traced(m, GRAPH_SUMMARY, "C3.1.1", "10.1.5.1:8001");
	assert_string_equal(attr(edge(r, "N3", "node mesh"), "label"), "3");
	assert_string_equal(attr(edge(r, "node mesh", "N5"), "label"), "3");
	assert_true(has_word(attr(vertex(r, "node mesh"), "class"), "hop"));
	agclose(r);
	model_free(m);
	/* Above GRAPH_STAR_NODES: the mesh vertex alone beside the grid. */
	m = grid(GRAPH_STAR_NODES + 1, 1, 1);
	r = reread_model(m, GRAPH_SUMMARY);
	assert_int_equal(agnnodes(r), GRAPH_STAR_NODES + 2);
	assert_int_equal(agnedges(r), 1);
	agclose(r);
	size_t len;
	char *svg = graph_svg(m, NULL, 0, &len);
	assert_non_null(svg);
	assert_non_null(strstr(svg, "<title>node mesh</title>"));
	assert_null(strstr(svg, "<title>P1.1</title>"));
	free(svg);
	model_free(m);
}

/* ---- errors ---- */

static void
test_graph_dot_write_error(void **state)
{
	(void)state;
	struct model *m = test_k1();
	FILE *f = fopen("/dev/full", "w");
	assert_non_null(f);
	assert_int_equal(graph_write_dot(f, m), -1);
	fclose(f);
	graph_free(NULL);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graph_k1_counts),
		cmocka_unit_test(test_graph_k1_boxes_and_labels),
		cmocka_unit_test(test_graph_down_links_stay_edges),
		cmocka_unit_test(test_graph_random_specs_are_the_network_graph),
		cmocka_unit_test(test_graph_trace_hop_numbers),
		cmocka_unit_test(test_graph_trace_blocked_by_down_link),
		cmocka_unit_test(test_graph_trace_marks_exactly_its_path),
		cmocka_unit_test(test_graph_escapes_spec_text),
		cmocka_unit_test(test_graph_svg_k1),
		cmocka_unit_test(test_graph_mesh_whole_in_dot_and_svg),
		cmocka_unit_test(test_graph_dot_is_stable),
		cmocka_unit_test(test_graph_namespace_colors),
		cmocka_unit_test(test_graph_namespace_colors_order_and_legend),
		cmocka_unit_test(test_graph_no_namespaces_unchanged),
		cmocka_unit_test(test_graph_services_shop),
		cmocka_unit_test(test_graph_services_endpoints_and_names),
		cmocka_unit_test(test_graph_services_random_specs),
		cmocka_unit_test(test_graph_services_with_trace),
		cmocka_unit_test(test_graph_services_svg),
		cmocka_unit_test(test_graph_summary_threshold),
		cmocka_unit_test(test_graph_summary_per_node),
		cmocka_unit_test(test_graph_dot_write_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
