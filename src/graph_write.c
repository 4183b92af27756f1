/* Writing the Network Graph (graph.h): DOT by hand, and SVG through
 * Graphviz's layout; the conveniences the report uses. */
#include "config.h"

/* graph_private.h first: it renames Graphviz's struct port. */
#include "graph_private.h"
#include "graph.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* DOT is written here rather than by agwrite: agwrite tests every edge
 * and vertex against every subgraph of the graph that holds it (measured:
 * 200 nodes of 2 pods take 1 s, 400 nodes 6.6 s, 1,000 nodes 100 s), and
 * it needs the whole mesh as edges. This writer walks the model in
 * document order (so the same spec gives the same bytes) and quotes every
 * identifier and value with agcanonStr, as agwrite does. agcanonStr's
 * result lives until its next call: print it at once. */

static void
put_id(FILE *f, char *s)
{
	fputs(agcanonStr(s), f);
}

static void
indent(FILE *f, int depth)
{
	for (int i = 0; i < depth; i++)
		fputc('\t', f);
}

/* " [a=v, ...]" for the attributes of obj (of kind) that differ from what
 * it would get anyway: the declared default (vertices, edges), nothing
 * (the root) or the root's value (a box). */
static void
put_attrs(struct graph *g, FILE *f, void *obj, int kind)
{
	bool any = false;
	for (Agsym_t *s = agnxtattr(g->g, kind, NULL); s != NULL; s = agnxtattr(g->g, kind, s)) {
		if (!graph_declared(kind, s->name))
			continue;
		char *v = agxget(obj, s);
		const char *base = kind != AGRAPH ? s->defval : obj == g->g ? "" : agxget(g->g, s);
		if (strcmp(v, base) == 0)
			continue;
		fputs(any ? ", " : " [", f);
		put_id(f, s->name);
		fputc('=', f);
		put_id(f, v);
		any = true;
	}
	if (any)
		fputc(']', f);
}

static void
put_vertex(struct graph *g, FILE *f, Agnode_t *n, int depth)
{
	indent(f, depth);
	put_id(f, agnameof(n));
	put_attrs(g, f, n, AGNODE);
	fputs(";\n", f);
}

static void
put_edge(struct graph *g, FILE *f, Agedge_t *e, int depth)
{
	indent(f, depth);
	put_id(f, agnameof(agtail(e)));
	fputs(" -- ", f);
	put_id(f, agnameof(aghead(e)));
	put_attrs(g, f, e, AGEDGE);
	fputs(";\n", f);
}

static void
open_box(struct graph *g, FILE *f, Agraph_t *sub, int depth)
{
	indent(f, depth);
	fputs("subgraph ", f);
	put_id(f, agnameof(sub));
	fputs(" {\n", f);
	indent(f, depth + 1);
	fputs("graph", f);
	put_attrs(g, f, sub, AGRAPH);
	fputs(";\n", f);
}

static void
close_box(FILE *f, int depth)
{
	indent(f, depth);
	fputs("}\n", f);
}

/* A node's box: its switch, its daemons, its pods (each a box of its
 * switch and containers), and the links inside. */
static void
put_node_box(struct graph *g, FILE *f, int id)
{
	const struct model *m = g->m;
	const struct vertex *v = &m->v[id];
	open_box(g, f, g->box[id], 1);
	put_vertex(g, f, g->vx[id], 2);
	for (size_t i = 0; i < v->nkids; i++) {
		put_vertex(g, f, g->vx[v->kids[i]], 2);
		put_edge(g, f, g->up[v->kids[i]], 2);
	}
	for (size_t i = 0; i < v->npods; i++) {
		int pod = m->pods[v->first_pod + i];
		const struct vertex *p = &m->v[pod];
		open_box(g, f, g->box[pod], 2);
		put_vertex(g, f, g->vx[pod], 3);
		for (size_t k = 0; k < p->nkids; k++) {
			put_vertex(g, f, g->vx[p->kids[k]], 3);
			put_edge(g, f, g->up[p->kids[k]], 3);
		}
		close_box(f, 2);
		put_edge(g, f, g->up[pod], 2);
	}
	close_box(f, 1);
}

/* The node mesh above GRAPH_MESH_NODES nodes: n(n-1)/2 edges (12.5
 * million at 5,000 nodes, 286 MB of DOT pair by pair) said in O(n log n)
 * names with DOT's edge statements between subgraphs, "{A} -- {B}"
 * being an edge from every vertex of A to every vertex of B: the mesh of
 * nodes [lo, hi) is the complete bipartite graph between its halves and
 * the meshes of each half. A block that holds a link with attributes
 * (down, traced) is split until that link stands alone; it is written on
 * its own, with them. The same edges, one per link, as pair by pair. */
struct mesh {
	struct graph *g;
	FILE *f;
	char **name;    /* quoted once each */
	uint64_t *own;  /* i * n + j (i < j): the links written on their own */
	size_t nown, n;
};

static bool
mesh_owns(const struct mesh *x, size_t a0, size_t a1, size_t b0, size_t b1)
{
	for (size_t k = 0; k < x->nown; k++) {
		size_t i = (size_t)(x->own[k] / x->n), j = (size_t)(x->own[k] % x->n);
		if (i >= a0 && i < a1 && j >= b0 && j < b1)
			return true;
	}
	return false;
}

static void
mesh_side(const struct mesh *x, size_t lo, size_t hi)
{
	if (hi - lo == 1) {
		fputs_unlocked(x->name[lo], x->f);
		return;
	}
	fputc_unlocked('{', x->f);
	for (size_t i = lo; i < hi; i++) {
		if (i > lo)
			fputc_unlocked(' ', x->f);
		fputs_unlocked(x->name[i], x->f);
	}
	fputc_unlocked('}', x->f);
}

/* Every link between [a0, a1) and [b0, b1) (a1 <= b0). */
static void
mesh_block(const struct mesh *x, size_t a0, size_t a1, size_t b0, size_t b1)
{
	if (!mesh_owns(x, a0, a1, b0, b1)) {
		fputc_unlocked('\t', x->f);
		mesh_side(x, a0, a1);
		fputs_unlocked(" -- ", x->f);
		mesh_side(x, b0, b1);
		fputs_unlocked(";\n", x->f);
		return;
	}
	if (a1 - a0 == 1 && b1 - b0 == 1)
		return; /* written on its own */
	if (a1 - a0 >= b1 - b0) {
		size_t mid = a0 + (a1 - a0) / 2;
		mesh_block(x, a0, mid, b0, b1);
		mesh_block(x, mid, a1, b0, b1);
	} else {
		size_t mid = b0 + (b1 - b0) / 2;
		mesh_block(x, a0, a1, b0, mid);
		mesh_block(x, a0, a1, mid, b1);
	}
}

static void
mesh_clique(const struct mesh *x, size_t lo, size_t hi)
{
	if (hi - lo < 2)
		return;
	size_t mid = lo + (hi - lo) / 2;
	mesh_block(x, lo, mid, mid, hi);
	mesh_clique(x, lo, mid);
	mesh_clique(x, mid, hi);
}

/* The node mesh, pair by pair up to GRAPH_MESH_NODES nodes (the links that
 * have an edge, down or traced, with their attributes, the others plain);
 * above, the links with attributes on their own, then the others in
 * blocks (struct mesh). */
static void
put_mesh(struct graph *g, FILE *f)
{
	const struct model *m = g->m;
	size_t n = m->nnodes;
	Agedge_t **row = xcalloc(n ? n : 1, sizeof *row);
	/* 12.5 million pairs at 5,000 nodes: quote each name once. */
	char **name = xcalloc(n ? n : 1, sizeof *name);
	for (size_t i = 0; i < n; i++)
		name[i] = xstrdup(agcanonStr(agnameof(g->vx[m->nodes[i]])));
	bool blocks = n > GRAPH_MESH_NODES;
	struct mesh x = { .g = g, .f = f, .name = name, .n = n };
	size_t own_cap = 0;
	for (size_t i = 0; i < n; i++) {
		Agnode_t *v = g->vx[m->nodes[i]];
		for (Agedge_t *e = agfstedge(g->g, v); e != NULL; e = agnxtedge(g->g, e, v)) {
			Agnode_t *o = agtail(e) == v ? aghead(e) : agtail(e);
			int j = model_find(m, agnameof(o));
			if (j >= 0 && m->v[j].kind == V_NODE)
				row[m->v[j].idx] = e;
		}
		for (size_t j = i + 1; j < n; j++) {
			if (row[j] != NULL) {
				put_edge(g, f, row[j], 1);
				if (blocks) {
					xgrow(&x.own, &own_cap, x.nown + 1, sizeof *x.own);
					x.own[x.nown++] = (uint64_t)i * n + j;
				}
				continue;
			}
			if (blocks)
				continue;
			fputc_unlocked('\t', f);
			fputs_unlocked(name[i], f);
			fputs_unlocked(" -- ", f);
			fputs_unlocked(name[j], f);
			fputs_unlocked(";\n", f);
		}
		memset(row, 0, n * sizeof *row);
	}
	if (blocks)
		mesh_clique(&x, 0, n);
	free(x.own);
	for (size_t i = 0; i < n; i++)
		free(name[i]);
	free(name);
	free(row);
}

int
graph_dot(struct graph *g, FILE *f)
{
	fputs("graph ", f);
	put_id(f, agnameof(g->g));
	fputs(" {\n\tgraph", f);
	put_attrs(g, f, g->g, AGRAPH);
	static const int kinds[] = { AGNODE, AGEDGE };
	for (size_t k = 0; k < 2; k++) {
		fputs(k == 0 ? ";\n\tnode [" : ";\n\tedge [", f);
		bool any = false;
		for (Agsym_t *s = agnxtattr(g->g, kinds[k], NULL); s != NULL; s = agnxtattr(g->g, kinds[k], s)) {
			if (!graph_declared(kinds[k], s->name))
				continue;
			fputs(any ? ", " : "", f);
			put_id(f, s->name);
			fputc('=', f);
			put_id(f, s->defval);
			any = true;
		}
		fputs("]", f);
	}
	fputs(";\n", f);
	if (g->view == GRAPH_FULL) {
		for (size_t i = 0; i < g->m->nnodes; i++)
			put_node_box(g, f, g->m->nodes[i]);
		put_mesh(g, f);
		for (size_t i = 0; g->services && i < g->m->nsvcs; i++)
			put_vertex(g, f, g->svc_vx[i], 1);
		for (size_t i = 0; i < g->nsvc_edges; i++)
			put_edge(g, f, g->svc_edges[i], 1);
	} else {
		/* The summary has no boxes and few edges: as cgraph holds it. */
		for (Agnode_t *n = agfstnode(g->g); n != NULL; n = agnxtnode(g->g, n))
			put_vertex(g, f, n, 1);
		for (Agnode_t *n = agfstnode(g->g); n != NULL; n = agnxtnode(g->g, n))
			for (Agedge_t *e = agfstout(g->g, n); e != NULL; e = agnxtout(g->g, e))
				put_edge(g, f, e, 1);
	}
	fputs("}\n", f);
	return fflush(f) != 0 || ferror(f) ? -1 : 0;
}

/* gvRenderData's length is an unsigned int * on 2.42 (size_t * from 13). */
#if defined(GRAPHVIZ_VERSION_MAJOR) && GRAPHVIZ_VERSION_MAJOR >= 13
typedef size_t gv_len;
#else
typedef unsigned int gv_len;
#endif

/* g, laid out, as SVG from "<svg" on (a copy, NUL-ended, *len bytes);
 * the layout is freed. NULL (*len untouched) if Graphviz failed. */
static char *
render_laid_out(Agraph_t *g, size_t *len)
{
	char *buf = NULL;
	gv_len n = 0;
	int rc = gvRenderData(graph_gvc(), g, "svg", &buf, &n);
	gvFreeLayout(graph_gvc(), g);
	const char *start = rc == 0 && buf != NULL ? memmem(buf, n, "<svg", 4) : NULL;
	char *svg = NULL;
	if (start != NULL) {
		*len = n - (size_t)(start - buf);
		svg = xmalloc(*len + 1);
		memcpy(svg, start, *len);
		svg[*len] = '\0';
	}
	if (buf != NULL)
		gvFreeRenderData(buf);
	return svg;
}

char *
graph_render_svg(struct graph *g, size_t *len)
{
	*len = 0;
	graph_complete_mesh(g);
	if (gvLayout(graph_gvc(), g->g, g->engine) != 0)
		return NULL;
	return render_laid_out(g->g, len);
}

int
graph_write_dot(FILE *f, const struct model *m)
{
	struct graph *g = graph_new(m, GRAPH_FULL);
	int rc = graph_dot(g, f);
	graph_free(g);
	return rc;
}

char *
graph_svg(const struct model *m, const struct fate *trace, size_t ntrace, size_t *len)
{
	struct graph *g = graph_new(m, graph_summarized(m) ? GRAPH_SUMMARY : GRAPH_FULL);
	if (ntrace > 0)
		graph_trace(g, NULL, trace, ntrace);
	char *svg = graph_render_svg(g, len);
	graph_free(g);
	return svg;
}

/* agmemread's reader, for agread with graph_disc's ids: a line at a
 * time, as cgraph's own. */
struct mem_chan {
	const char *s;
	size_t at, len;
};

static int
mem_read(void *chan, char *buf, int bufsize)
{
	struct mem_chan *c = chan;
	int n = 0;
	while (n < bufsize && c->at < c->len) {
		char ch = c->s[c->at++];
		buf[n++] = ch;
		if (ch == '\n')
			break;
	}
	return n;
}

char *
graph_dot_svg(const char *dot, size_t *len)
{
	*len = 0;
	graph_gvc(); /* before the graph: see graph_gvc() */
	struct mem_chan chan = { dot, 0, strlen(dot) };
	Agiodisc_t io = { mem_read, AgIoDisc.putstr, AgIoDisc.flush };
	Agdisc_t disc = { graph_disc.mem, graph_disc.id, &io };
	Agraph_t *g = agread(&chan, &disc);
	if (g == NULL)
		return NULL;
	char *svg = gvLayout(graph_gvc(), g, "dot") == 0 ? render_laid_out(g, len) : NULL;
	agclose(g);
	return svg;
}
