#include "config.h"

/* gvc.h brings Graphviz's internal types.h, whose struct port would clash
 * with the model's: rename Graphviz's (a C type name is not part of the
 * ABI) before the model's headers come in. */
#define port gv_port
#include <gvc.h>
#undef port

#include "graph.h"
#include "xalloc.h"
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Looks: processes are ellipses, switches boxes; the traced path blue. */
#define FONT "Helvetica,Arial,sans-serif"
#define FILL_CONTAINER "#fff8c5"
#define FILL_DAEMON "#ffd8b5"
#define FILL_POD "#ddf4ff"
#define FILL_NODE "#b6e3ff"
#define FILL_POD_CLUSTER "#f6f8fa"
#define COLOR_DOWN "#cf222e"
#define COLOR_HOP "#0969da"
#define FILL_DELIVERED "#aceebb"
#define FILL_DISCARDED "#ffcecb"
#define FILL_LOOP "#ffe7a3"
#define PEN_HOP "3"
/* Ports shown on a process's label, and per line. */
#define LABEL_PORTS 8
#define LABEL_PORTS_LINE 4
/* The summary's stand-in for the node mesh: a name no vertex can have
 * (spec names hold no space). */
#define HUB_NAME "node mesh"
/* Pod boxes (and, with services, service vertices) by namespace, once a
 * spec uses namespaces: Okabe and Ito's palette, told apart with the
 * common colour-vision deficiencies, as the border (named in the caption's
 * legend), and a pale tint of it as the fill, under black text. Yellow
 * and black, the least readable borders, come last. */
static const struct ns_color {
	const char *name, *line, *fill;
} ns_colors[] = {
	{ "blue", "#0072b2", "#cce3f0" },
	{ "orange", "#e69f00", "#faeccc" },
	{ "bluish green", "#009e73", "#ccece3" },
	{ "vermillion", "#d55e00", "#f7dfcc" },
	{ "sky blue", "#56b4e9", "#ddf0fb" },
	{ "reddish purple", "#cc79a7", "#f5e4ed" },
	{ "yellow", "#f0e442", "#fcfad9" },
	{ "black", "#000000", "#e6e6e6" },
};
#define NS_COLORS (sizeof ns_colors / sizeof *ns_colors)
#define PEN_NS "2"
/* The legend's namespaces per caption line. */
#define LEGEND_LINE 4
/* Services in a spec without namespaces. */
#define COLOR_SERVICE "#8250df"
#define FILL_SERVICE "#fbefff"
/* A service vertex's id: a space cannot occur in a vertex name, so no
 * process or switch can be named so (service names are NAMESPACE/NAME,
 * and a vertex may well be named "prod/web"). */
#define SERVICE_ID "service "

struct hop {
	Agedge_t *e;
	size_t k;
};

struct graph {
	Agraph_t *g;
	const struct model *m;
	enum graph_view view;
	Agnode_t **vx; /* by vertex id; summary: nodes only */
	/* full view: by vertex id, its box (nodes, pods) and the edge of the
	 * link to its parent */
	Agraph_t **box;
	Agedge_t **up;
	/* The full view's node mesh holds only its special links (down,
	 * traced) until a layout needs them all: n(n-1)/2 cgraph edges at
	 * 5,000 nodes do not fit in memory. */
	bool mesh_partial;
	Agnode_t *hub; /* summary above GRAPH_MESH_NODES nodes; else NULL */
	const char *engine; /* the layout: dot, or osage for a grid of nodes */
	char *caption; /* the graph's label without a trace */
	char *trace_text; /* what a trace adds to it, or NULL */
	bool traced;
	/* Per namespace: its place in ns_colors, or -1 (no pod, no service;
	 * or the spec does not use namespaces). */
	int *ns_color;
	/* graph_add_services: a vertex per service, the edges to endpoint
	 * pods in the order made (services, then pods, in document order). */
	bool services;
	Agnode_t **svc_vx;
	Agedge_t **svc_edges;
	size_t nsvc_edges, svc_edges_cap;
};

/* ---- strings ---- */

struct sb {
	char *s;
	size_t n, cap;
};

static void __attribute__((format(printf, 2, 3)))
sb_printf(struct sb *b, const char *fmt, ...)
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

/* Spec text as a Graphviz escString: every backslash doubled, so that no
 * escape (\N, \n, \l, ...) applies to it. agwrite escapes quotes but not
 * backslashes, and the DOT scanner reads "\\" as a pair: a value ending
 * in a lone backslash would swallow agwrite's closing quote. */
static void
sb_esc(struct sb *b, const char *s)
{
	size_t n = strlen(s), extra = 0;
	for (const char *p = s; (p = strchr(p, '\\')) != NULL; p++)
		extra++;
	xgrow(&b->s, &b->cap, b->n + n + extra + 1, 1);
	for (; *s; s++) {
		if (*s == '\\')
			b->s[b->n++] = '\\';
		b->s[b->n++] = *s;
	}
	b->s[b->n] = '\0';
}

static char *
esc(const char *s)
{
	struct sb b = { 0 };
	sb_esc(&b, s);
	return b.s;
}

static void
set(void *obj, const char *name, const char *value)
{
	agsafeset(obj, (char *)name, (char *)value, "");
}

/* Add word to obj's class (the SVG element's class list). */
static void
add_class(void *obj, const char *word)
{
	const char *old = agget(obj, "class");
	char *c = old != NULL && *old ? xasprintf("%s %s", old, word) : xstrdup(word);
	set(obj, "class", c);
	free(c);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
dest_text(struct sb *b, const struct dest *d)
{
	char a[16];
	sb_printf(b, "%s:%u/%s", addr_format(d->addr, a), d->port, proto_name(d->proto));
}

/* ---- building ---- */

/* The attributes we use, with their defaults; the DOT writes these only
 * (a layout adds its own, bb for one). */
static const char *const gattr[][2] = {
	{ "fontname", FONT }, { "label", "" }, { "labelloc", "t" }, { "style", "" },
	{ "color", "" }, { "fillcolor", "" }, { "penwidth", "" }, { "class", "" },
};
static const char *const nattr[][2] = {
	{ "fontname", FONT }, { "label", "\\N" }, { "shape", "ellipse" }, { "style", "filled" },
	{ "fillcolor", "white" }, { "color", "black" }, { "penwidth", "1" }, { "class", "" },
};
static const char *const eattr[][2] = {
	{ "fontname", FONT }, { "label", "" }, { "style", "solid" }, { "color", "black" },
	{ "fontcolor", "black" }, { "penwidth", "1" }, { "class", "link" },
};

static bool
declared(int kind, const char *name)
{
	const char *const(*a)[2] = kind == AGRAPH ? gattr : kind == AGNODE ? nattr : eattr;
	size_t n = kind == AGRAPH ? sizeof gattr / sizeof *gattr
		 : kind == AGNODE ? sizeof nattr / sizeof *nattr : sizeof eattr / sizeof *eattr;
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i][0], name) == 0)
			return true;
	return false;
}

/* One gvc context for the process, made before the first graph (on 2.42,
 * graphs made before gvContext render unlabeled nodes empty) and never
 * freed: 2.42's pango plugin keeps a font name of the last context that
 * laid text out, so a layout after gvFreeContext of another context reads
 * freed memory; and every gvContext leaks its configuration. */
static GVC_t *
gvc(void)
{
	static GVC_t *context;
	if (context == NULL)
		context = gvContext();
	return context;
}

/* A pod's namespace is worth showing once the spec uses namespaces. */
static bool
shows_namespaces(const struct model *m)
{
	return m->nns > 1 || (m->nns == 1 && strcmp(m->ns[0].name, "default") != 0);
}

/* Colours go to the namespaces that hold a pod or a service, in the order
 * namespaces first appear in the spec, whatever the view: a namespace has
 * the same colour with and without --services. Past NS_COLORS namespaces
 * the colours repeat (the legend says which is which). */
static int *
namespace_colors(const struct model *m)
{
	int *c = xmalloc((m->nns ? m->nns : 1) * sizeof *c);
	for (size_t i = 0; i < m->nns; i++)
		c[i] = -1;
	if (!shows_namespaces(m))
		return c;
	bool *used = xcalloc(m->nns, sizeof *used);
	for (size_t i = 0; i < m->npods; i++) {
		int ns = m->v[m->pods[i]].ns;
		if (ns >= 0 && (size_t)ns < m->nns)
			used[ns] = true;
	}
	for (size_t i = 0; i < m->nsvcs; i++)
		if (m->svcs[i].ns >= 0 && (size_t)m->svcs[i].ns < m->nns)
			used[m->svcs[i].ns] = true;
	int next = 0;
	for (size_t i = 0; i < m->nns; i++)
		if (used[i])
			c[i] = next++ % (int)NS_COLORS;
	free(used);
	return c;
}

/* Namespace ns's colour, or NULL. */
static const struct ns_color *
ns_color(const struct graph *g, int ns)
{
	if (ns < 0 || (size_t)ns >= g->m->nns || g->ns_color[ns] < 0)
		return NULL;
	return &ns_colors[g->ns_color[ns]];
}

/* Defaults are declared on the root once, so that agsafeset never
 * declares an attribute locally in a subgraph. */
static struct graph *
open_graph(const struct model *m, enum graph_view view)
{
	gvc();
	struct graph *g = xcalloc(1, sizeof *g);
	g->m = m;
	g->view = view;
	g->engine = "dot";
	char *name = esc(m->name);
	g->g = agopen(name, Agundirected, NULL);
	free(name);
	for (size_t i = 0; i < sizeof gattr / sizeof *gattr; i++)
		agattr(g->g, AGRAPH, (char *)gattr[i][0], (char *)gattr[i][1]);
	for (size_t i = 0; i < sizeof nattr / sizeof *nattr; i++)
		agattr(g->g, AGNODE, (char *)nattr[i][0], (char *)nattr[i][1]);
	for (size_t i = 0; i < sizeof eattr / sizeof *eattr; i++)
		agattr(g->g, AGEDGE, (char *)eattr[i][0], (char *)eattr[i][1]);
	g->vx = xcalloc(m->nv ? m->nv : 1, sizeof *g->vx);
	g->ns_color = namespace_colors(m);
	return g;
}

static void
style_down(Agedge_t *e)
{
	set(e, "style", "dashed");
	set(e, "color", COLOR_DOWN);
	set(e, "fontcolor", COLOR_DOWN);
	set(e, "label", "down");
	add_class(e, "down");
}

/* The edge of link a-b, created in sub, tail the earlier vertex. */
static Agedge_t *
link_edge(struct graph *g, Agraph_t *sub, int a, int b, Agnode_t *na, Agnode_t *nb)
{
	Agedge_t *e = agedge(sub, na, nb, NULL, 1);
	if (model_link_down(g->m, a, b))
		style_down(e);
	return e;
}

/* The node-node link a-b: its edge, made in the root if not there yet
 * (tail the earlier node). */
static Agedge_t *
mesh_edge(struct graph *g, int a, int b)
{
	if (a > b) {
		int t = a;
		a = b;
		b = t;
	}
	Agedge_t *e = agedge(g->g, g->vx[a], g->vx[b], NULL, 0);
	return e != NULL ? e : link_edge(g, g->g, a, b, g->vx[a], g->vx[b]);
}

static void
port_lines(struct sb *b, const struct vertex *v)
{
	size_t shown = v->nports < LABEL_PORTS ? v->nports : LABEL_PORTS;
	for (size_t i = 0; i < shown; i++) {
		const struct port *p = &v->ports[i];
		sb_printf(b, "%s%u/%s", i % LABEL_PORTS_LINE == 0 ? "\\n" : ", ", p->number, proto_name(p->proto));
		if (p->name != NULL) {
			sb_printf(b, " (");
			sb_esc(b, p->name);
			sb_printf(b, ")");
		}
	}
	if (v->nports > shown)
		sb_printf(b, "\\n+%zu more", v->nports - shown);
}

/* A process's or switch's label: name, then address or open ports. */
static char *
vertex_label(const struct vertex *v)
{
	struct sb b = { 0 };
	char a[16];
	sb_esc(&b, v->name);
	if (v->kind == V_NODE || v->kind == V_POD)
		sb_printf(&b, "\\n%s", addr_format(v->addr, a));
	else
		port_lines(&b, v);
	return b.s;
}

static const char *const kind_class[] = {
	[V_NODE] = "switch node", [V_POD] = "switch pod", [V_CONTAINER] = "process container",
	[V_DAEMON] = "process daemon",
};

static Agnode_t *
add_vertex(struct graph *g, Agraph_t *sub, int id)
{
	const struct vertex *v = &g->m->v[id];
	Agnode_t *n = agnode(sub, v->name, 1);
	char *label = vertex_label(v);
	set(n, "label", label);
	free(label);
	set(n, "class", kind_class[v->kind]);
	switch (v->kind) {
	case V_NODE:
		set(n, "shape", "box");
		set(n, "style", "filled,bold");
		set(n, "fillcolor", FILL_NODE);
		break;
	case V_POD:
		set(n, "shape", "box");
		set(n, "fillcolor", FILL_POD);
		break;
	case V_CONTAINER:
		set(n, "fillcolor", FILL_CONTAINER);
		break;
	case V_DAEMON:
		set(n, "fillcolor", FILL_DAEMON);
		break;
	}
	g->vx[id] = n;
	return n;
}

static Agraph_t *
add_cluster(struct graph *g, Agraph_t *parent, int id)
{
	const struct model *m = g->m;
	const struct vertex *v = &m->v[id];
	char *name = xasprintf("cluster_%s", v->name);
	Agraph_t *sub = agsubg(parent, name, 1);
	free(name);
	struct sb b = { 0 };
	sb_printf(&b, "%s ", v->kind == V_NODE ? "node" : "pod");
	sb_esc(&b, v->name);
	const struct ns_color *c = v->kind == V_POD ? ns_color(g, v->ns) : NULL;
	if (c != NULL) {
		sb_printf(&b, " (namespace ");
		sb_esc(&b, m->ns[v->ns].name);
		sb_printf(&b, ")");
	}
	set(sub, "label", b.s);
	free(b.s);
	if (v->kind == V_NODE) {
		set(sub, "style", "rounded");
		set(sub, "color", "#57606a");
		set(sub, "class", "node-box");
	} else if (c != NULL) {
		set(sub, "style", "rounded,filled");
		set(sub, "color", c->line);
		set(sub, "penwidth", PEN_NS);
		set(sub, "fillcolor", c->fill);
		set(sub, "class", "pod-box");
	} else {
		set(sub, "style", "rounded,filled");
		set(sub, "color", "#8c959f");
		set(sub, "fillcolor", FILL_POD_CLUSTER);
		set(sub, "class", "pod-box");
	}
	return sub;
}

static void
build_full(struct graph *g)
{
	const struct model *m = g->m;
	/* Parents start before their children, so one pass in document
	 * order finds each parent's box made. */
	g->box = xcalloc(m->nv ? m->nv : 1, sizeof *g->box);
	g->up = xcalloc(m->nv ? m->nv : 1, sizeof *g->up);
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		int p = v->parent;
		switch (v->kind) {
		case V_NODE:
			g->box[id] = add_cluster(g, g->g, (int)id);
			add_vertex(g, g->box[id], (int)id);
			break;
		case V_POD:
			g->box[id] = add_cluster(g, g->box[p], (int)id);
			add_vertex(g, g->box[id], (int)id);
			g->up[id] = link_edge(g, g->box[p], p, (int)id, g->vx[p], g->vx[id]);
			break;
		case V_CONTAINER:
		case V_DAEMON:
			add_vertex(g, g->box[p], (int)id);
			g->up[id] = link_edge(g, g->box[p], p, (int)id, g->vx[p], g->vx[id]);
			break;
		}
	}
	g->mesh_partial = true;
	for (size_t i = 0; i < m->ndown; i++) {
		int a = m->downs[i][0], b = m->downs[i][1];
		if (m->v[a].kind == V_NODE && m->v[b].kind == V_NODE)
			mesh_edge(g, a, b);
	}
}

/* Every link of the node mesh as an edge, for a layout. */
static void
complete_mesh(struct graph *g)
{
	const struct model *m = g->m;
	if (g->view != GRAPH_FULL || !g->mesh_partial)
		return;
	for (size_t i = 0; i < m->nnodes; i++)
		for (size_t j = i + 1; j < m->nnodes; j++)
			mesh_edge(g, m->nodes[i], m->nodes[j]);
	g->mesh_partial = false;
}

/* The node a vertex lives on. */
static int
node_of(const struct model *m, int id)
{
	while (m->v[id].kind != V_NODE)
		id = m->v[id].parent;
	return id;
}

static void
build_summary(struct graph *g)
{
	const struct model *m = g->m;
	size_t *down = xcalloc(m->nv ? m->nv : 1, sizeof *down);
	for (size_t i = 0; i < m->ndown; i++) {
		int a = m->downs[i][0], b = m->downs[i][1];
		if (m->v[a].kind != V_NODE || m->v[b].kind != V_NODE)
			down[node_of(m, a)]++;
	}
	for (size_t i = 0; i < m->nnodes; i++) {
		int id = m->nodes[i];
		const struct vertex *v = &m->v[id];
		size_t containers = 0;
		for (size_t k = 0; k < v->npods; k++)
			containers += m->v[m->pods[v->first_pod + k]].nkids;
		Agnode_t *n = add_vertex(g, g->g, id);
		struct sb b = { 0 };
		char a[16];
		sb_esc(&b, v->name);
		sb_printf(&b, "\\n%s\\n%zu %s, %zu %s, %zu %s", addr_format(v->addr, a), v->npods,
			  plural(v->npods, "pod", "pods"), containers, plural(containers, "container", "containers"),
			  v->nkids, plural(v->nkids, "daemon", "daemons"));
		if (down[id] > 0) {
			sb_printf(&b, "\\n%zu %s down inside", down[id], plural(down[id], "link", "links"));
			set(n, "color", COLOR_DOWN);
		}
		set(n, "label", b.s);
		free(b.s);
	}
	free(down);
	if (m->nnodes <= GRAPH_MESH_NODES) {
		for (size_t i = 0; i < m->nnodes; i++)
			for (size_t j = i + 1; j < m->nnodes; j++)
				mesh_edge(g, m->nodes[i], m->nodes[j]);
		return;
	}
	/* A vertex stands for the mesh: linked to every node (a star) up to
	 * GRAPH_STAR_NODES nodes; above, alone beside a grid of the nodes. */
	g->hub = agnode(g->g, HUB_NAME, 1);
	size_t links = m->nnodes * (m->nnodes - 1) / 2;
	char *label = xasprintf("node mesh\\n%zu nodes, %zu links", m->nnodes, links);
	set(g->hub, "label", label);
	free(label);
	set(g->hub, "shape", "doublecircle");
	set(g->hub, "fillcolor", FILL_NODE);
	set(g->hub, "class", "mesh");
	if (m->nnodes > GRAPH_STAR_NODES)
		g->engine = "osage";
	else
		for (size_t i = 0; i < m->nnodes; i++) {
			Agedge_t *e = agedge(g->g, g->vx[m->nodes[i]], g->hub, NULL, 1);
			set(e, "class", "mesh");
		}
	for (size_t i = 0; i < m->ndown; i++) {
		int a = m->downs[i][0], b = m->downs[i][1];
		if (m->v[a].kind == V_NODE && m->v[b].kind == V_NODE)
			mesh_edge(g, a, b);
	}
}

/* The namespace colours, as caption lines: the namespaces this view
 * colours (those with pods; with services, those with services too). */
static void
legend(struct sb *b, const struct graph *g)
{
	const struct model *m = g->m;
	bool *shown = xcalloc(m->nns ? m->nns : 1, sizeof *shown);
	for (size_t i = 0; i < m->npods; i++)
		if (ns_color(g, m->v[m->pods[i]].ns) != NULL)
			shown[m->v[m->pods[i]].ns] = true;
	for (size_t i = 0; g->services && i < m->nsvcs; i++)
		if (ns_color(g, m->svcs[i].ns) != NULL)
			shown[m->svcs[i].ns] = true;
	size_t k = 0;
	for (size_t i = 0; i < m->nns; i++) {
		if (!shown[i])
			continue;
		if (k == 0)
			sb_printf(b, "\\nnamespaces: ");
		else
			sb_printf(b, k % LEGEND_LINE == 0 ? ",\\n" : ", ");
		sb_esc(b, m->ns[i].name);
		sb_printf(b, " (%s)", ns_colors[g->ns_color[i]].name);
		k++;
	}
	free(shown);
}

static char *
make_caption(const struct graph *g)
{
	const struct model *m = g->m;
	size_t containers = 0;
	for (size_t i = 0; i < m->nprocs; i++)
		containers += m->v[m->procs[i]].kind == V_CONTAINER;
	size_t daemons = m->nprocs - containers;
	size_t links = m->nprocs + m->npods + m->nnodes * (m->nnodes ? m->nnodes - 1 : 0) / 2;
	struct sb b = { 0 };
	sb_esc(&b, m->name);
	sb_printf(&b, "\\n%zu %s, %zu %s, %zu %s, %zu %s; %zu %s", m->nnodes, plural(m->nnodes, "node", "nodes"),
		  m->npods, plural(m->npods, "pod", "pods"), containers, plural(containers, "container", "containers"),
		  daemons, plural(daemons, "daemon", "daemons"), links, plural(links, "link", "links"));
	if (m->ndown > 0)
		sb_printf(&b, ", %zu down", m->ndown);
	if (g->view == GRAPH_SUMMARY)
		sb_printf(&b, "\\nsummarized: one vertex per node (the full graph has %zu vertices)", m->nv);
	if (g->services && m->nsvcs == 0)
		sb_printf(&b, "\\nno services");
	else if (g->services)
		sb_printf(&b, "\\n%zu %s (hexagons), %zu %s to endpoint pods (dashed)", m->nsvcs,
			  plural(m->nsvcs, "service", "services"), g->nsvc_edges, plural(g->nsvc_edges, "edge", "edges"));
	if (g->view == GRAPH_FULL)
		legend(&b, g);
	return b.s;
}

/* The root's label: the caption, then what a trace says. */
static void
set_label(struct graph *g)
{
	if (g->trace_text == NULL) {
		set(g->g, "label", g->caption);
		return;
	}
	char *label = xasprintf("%s%s", g->caption, g->trace_text);
	set(g->g, "label", label);
	free(label);
}

bool
graph_summarized(const struct model *m)
{
	return m->nv > GRAPH_FULL_MAX_VERTICES || m->nnodes > GRAPH_FULL_MAX_NODES;
}

struct graph *
graph_new(const struct model *m, enum graph_view view)
{
	struct graph *g = open_graph(m, view);
	if (view == GRAPH_FULL)
		build_full(g);
	else
		build_summary(g);
	g->caption = make_caption(g);
	/* Set last: a root graph attribute becomes the default of subgraphs
	 * made after it (every box sets its own label anyway). */
	set_label(g);
	return g;
}

void
graph_free(struct graph *g)
{
	if (g == NULL)
		return;
	agclose(g->g);
	free(g->vx);
	free(g->box);
	free(g->up);
	free(g->caption);
	free(g->trace_text);
	free(g->ns_color);
	free(g->svc_vx);
	free(g->svc_edges);
	free(g);
}

/* ---- services ---- */

/* A service's label: NAMESPACE/NAME, its address, its ports with their
 * targets; and when no pod gives it a backend, say so. */
static char *
service_label(const struct model *m, int s, bool endpoints)
{
	const struct service *sv = &m->svcs[s];
	struct sb b = { 0 };
	char a[16], name[600];
	sb_esc(&b, model_service_name(m, s, name, sizeof name));
	sb_printf(&b, "\\n%s", addr_format(sv->addr, a));
	size_t shown = sv->nports < LABEL_PORTS ? sv->nports : LABEL_PORTS;
	for (size_t i = 0; i < shown; i++) {
		const struct svc_port *p = &sv->ports[i];
		sb_printf(&b, "\\n%u/%s -> ", p->number, proto_name(p->proto));
		if (p->target_name != NULL)
			sb_esc(&b, p->target_name);
		else
			sb_printf(&b, "%u", p->target);
	}
	if (sv->nports > shown)
		sb_printf(&b, "\\n+%zu more", sv->nports - shown);
	if (!endpoints)
		sb_printf(&b, "\\n%s", sv->has_selector ? "no endpoints" : "no selector, no endpoints");
	return b.s;
}

static int
cmp_int(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

void
graph_add_services(struct graph *g)
{
	const struct model *m = g->m;
	if (g->view != GRAPH_FULL || g->services)
		return;
	g->services = true;
	g->svc_vx = xcalloc(m->nsvcs ? m->nsvcs : 1, sizeof *g->svc_vx);
	/* A service's endpoint pods: those of its backends, over all its
	 * ports, once each, in document order (pod ids grow with it). */
	int *stamp = xmalloc((m->nv ? m->nv : 1) * sizeof *stamp);
	for (size_t i = 0; i < m->nv; i++)
		stamp[i] = -1;
	int *pods = xmalloc((m->nv ? m->nv : 1) * sizeof *pods);
	for (size_t s = 0; s < m->nsvcs; s++) {
		const struct service *sv = &m->svcs[s];
		size_t npods = 0;
		for (size_t k = 0; k < sv->nports; k++) {
			const struct svc_flat *fl = &m->svc_ports[sv->ports[k].flat];
			for (size_t b = 0; b < fl->nbackends; b++) {
				int pod = fl->backends[b].pod;
				if (pod < 0 || stamp[pod] == (int)s) /* an address alone */
					continue;
				stamp[pod] = (int)s;
				pods[npods++] = pod;
			}
		}
		qsort(pods, npods, sizeof *pods, cmp_int);
		char name[600];
		char *id = xasprintf(SERVICE_ID "%s", model_service_name(m, (int)s, name, sizeof name));
		Agnode_t *n = agnode(g->g, id, 1);
		free(id);
		g->svc_vx[s] = n;
		char *label = service_label(m, (int)s, npods > 0);
		set(n, "label", label);
		free(label);
		const struct ns_color *c = ns_color(g, sv->ns);
		const char *line = c != NULL ? c->line : COLOR_SERVICE;
		set(n, "shape", "hexagon");
		set(n, "fillcolor", c != NULL ? c->fill : FILL_SERVICE);
		set(n, "color", npods > 0 ? line : COLOR_DOWN);
		set(n, "penwidth", PEN_NS);
		set(n, "class", npods > 0 ? "service" : "service no-endpoints");
		for (size_t i = 0; i < npods; i++) {
			Agedge_t *e = agedge(g->g, n, g->vx[pods[i]], NULL, 1);
			set(e, "style", "dashed");
			set(e, "color", line);
			set(e, "class", "endpoint");
			xgrow(&g->svc_edges, &g->svc_edges_cap, g->nsvc_edges + 1, sizeof *g->svc_edges);
			g->svc_edges[g->nsvc_edges++] = e;
		}
	}
	free(pods);
	free(stamp);
	free(g->caption);
	g->caption = make_caption(g);
	set_label(g);
}

/* ---- a trace ---- */

/* The vertex that stands for id in this view. */
static Agnode_t *
shown(const struct graph *g, int id)
{
	return g->vx[g->view == GRAPH_SUMMARY ? node_of(g->m, id) : id];
}

/* The edge of link a-b as this view shows it, or NULL. An unnamed lookup
 * (cflag 0) finds either direction in an undirected graph. */
static Agedge_t *
find_edge(struct graph *g, int a, int b)
{
	const struct model *m = g->m;
	if (g->view == GRAPH_FULL && m->v[a].kind == V_NODE && m->v[b].kind == V_NODE)
		return model_adjacent(m, a, b) ? mesh_edge(g, a, b) : NULL;
	Agnode_t *x = shown(g, a), *y = shown(g, b);
	return x != y ? agedge(g->g, x, y, NULL, 0) : NULL;
}

static Agedge_t *
hub_edge(struct graph *g, int a)
{
	return agedge(g->g, shown(g, a), g->hub, NULL, 0);
}

static void
mark_vertex(Agnode_t *n)
{
	if (strstr(agget(n, "class"), "hop") != NULL)
		return;
	set(n, "color", COLOR_HOP);
	set(n, "penwidth", PEN_HOP);
	add_class(n, "hop");
}

static void
add_hop(struct hop **hops, size_t *n, size_t *cap, Agedge_t *e, size_t k)
{
	if (e == NULL)
		return;
	xgrow(hops, cap, *n + 1, sizeof **hops);
	(*hops)[(*n)++] = (struct hop){ e, k };
}

/* Hop k of fate f runs from path[k-1] to path[k]; the summary draws only
 * the hops between nodes, through the mesh vertex if there is one. */
static void
mark_path(struct graph *g, const struct fate *f, struct hop **hops, size_t *nhops, size_t *cap)
{
	for (size_t k = 0; k < f->npath; k++) {
		Agnode_t *v = shown(g, f->path[k]);
		mark_vertex(v);
		if (k == 0)
			continue;
		Agnode_t *u = shown(g, f->path[k - 1]);
		if (u == v)
			continue;
		if (g->hub != NULL) {
			/* Through the mesh vertex: its edges, if it is a star. */
			mark_vertex(g->hub);
			add_hop(hops, nhops, cap, hub_edge(g, f->path[k - 1]), k);
			add_hop(hops, nhops, cap, hub_edge(g, f->path[k]), k);
		} else {
			add_hop(hops, nhops, cap, find_edge(g, f->path[k - 1], f->path[k]), k);
		}
	}
}

static void
mark_end(struct graph *g, const struct fate *f)
{
	const struct model *m = g->m;
	const struct step *s = forward_last_step(f);
	Agnode_t *end;
	switch (f->verdict) {
	case VERDICT_DELIVERED:
		end = shown(g, f->receiver);
		set(end, "fillcolor", FILL_DELIVERED);
		add_class(end, "end delivered");
		return;
	case VERDICT_LOOP:
		end = shown(g, f->at);
		set(end, "fillcolor", FILL_LOOP);
		add_class(end, "end loop");
		return;
	case VERDICT_DISCARDED:
		end = shown(g, f->at);
		set(end, "fillcolor", FILL_DISCARDED);
		add_class(end, "end discarded");
		break;
	}
	if (f->reason != REASON_LINK_DOWN)
		return;
	/* The down link the message could not take. */
	int a = s == NULL ? f->sender : s->sw;
	int b = s == NULL ? m->v[f->sender].parent : s->rule.to;
	Agedge_t *e = find_edge(g, a, b);
	if (e == NULL)
		return; /* inside one node of the summary */
	char *label = xasprintf("down (hop %zu blocked)", f->npath);
	set(e, "label", label);
	free(label);
	set(e, "penwidth", PEN_HOP);
	add_class(e, "blocked");
}

static int
cmp_hop(const void *x, const void *y)
{
	const struct hop *a = x, *b = y;
	if (a->e != b->e)
		return (uintptr_t)a->e < (uintptr_t)b->e ? -1 : 1;
	return a->k < b->k ? -1 : a->k > b->k;
}

/* Each traced edge: its hop numbers, once each (a loop crosses an edge
 * twice; the branches of a forked message share their first hops). */
static void
label_hops(struct hop *hops, size_t n)
{
	if (n > 1)
		qsort(hops, n, sizeof *hops, cmp_hop);
	for (size_t i = 0; i < n;) {
		Agedge_t *e = hops[i].e;
		struct sb b = { 0 };
		size_t last = 0;
		for (; i < n && hops[i].e == e; i++) {
			if (hops[i].k == last)
				continue;
			sb_printf(&b, "%s%zu", b.n ? ", " : "", hops[i].k);
			last = hops[i].k;
		}
		set(e, "label", b.s);
		free(b.s);
		set(e, "color", COLOR_HOP);
		set(e, "fontcolor", COLOR_HOP);
		set(e, "penwidth", PEN_HOP);
		add_class(e, "hop");
	}
}

static void
verdict_text(struct sb *b, const struct model *m, const struct fate *f)
{
	char a[16], svc[600];
	if (f->dnat >= 0) {
		sb_printf(b, "%s rewrites the destination", m->v[f->path[f->dnat]].name);
		for (size_t i = 0; i < f->nsteps; i++)
			if (f->steps[i].pos > 0 && f->steps[i].rule.action == ACT_DNAT) {
				sb_printf(b, " (service ");
				sb_esc(b, model_service_name(m, m->svc_ports[f->steps[i].rule.to].svc, svc, sizeof svc));
				sb_printf(b, ")");
				break;
			}
		sb_printf(b, " to %s:%u, then ", addr_format(f->dnat_addr, a), f->dnat_port);
	}
	char *why = forward_explain(m, f);
	sb_printf(b, "%s", why);
	free(why);
	if (f->npath > 1)
		sb_printf(b, " (%zu %s)", f->npath - 1, plural(f->npath - 1, "hop", "hops"));
}

void
graph_trace(struct graph *g, const struct dest *d, const struct fate *f, size_t n)
{
	if (g->traced || n == 0)
		return;
	g->traced = true;
	const struct model *m = g->m;
	struct sb b = { 0 };
	sb_printf(&b, "\\nmessage from %s", m->v[f[0].sender].name);
	struct dest from_header;
	if (d == NULL && f[0].nsteps > 0) {
		const struct header *h = &f[0].steps[0].h;
		from_header = (struct dest){ h->dst, h->dport, h->proto };
		d = &from_header;
	}
	if (d != NULL) {
		sb_printf(&b, " to ");
		dest_text(&b, d);
	}
	struct hop *hops = NULL;
	size_t nhops = 0, cap = 0;
	for (size_t i = 0; i < n; i++) {
		if (n > 1)
			sb_printf(&b, "\\nbranch %zu of %zu: ", i + 1, n);
		else
			sb_printf(&b, ": ");
		verdict_text(&b, m, &f[i]);
		mark_path(g, &f[i], &hops, &nhops, &cap);
	}
	label_hops(hops, nhops);
	free(hops);
	for (size_t i = 0; i < n; i++)
		mark_end(g, &f[i]);
	g->trace_text = b.s;
	set_label(g);
}

/* ---- output ---- */

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
		if (!declared(kind, s->name))
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

/* The node mesh, pair by pair: the links that have an edge (down,
 * traced) with their attributes, the others plain. */
static void
put_mesh(struct graph *g, FILE *f)
{
	const struct model *m = g->m;
	size_t n = m->nnodes;
	Agedge_t **row = xcalloc(n ? n : 1, sizeof *row);
	/* 12.5 million lines at 5,000 nodes: quote each name once. */
	char **name = xcalloc(n ? n : 1, sizeof *name);
	for (size_t i = 0; i < n; i++)
		name[i] = xstrdup(agcanonStr(agnameof(g->vx[m->nodes[i]])));
	for (size_t i = 0; i < n; i++) {
		Agnode_t *x = g->vx[m->nodes[i]];
		for (Agedge_t *e = agfstedge(g->g, x); e != NULL; e = agnxtedge(g->g, e, x)) {
			Agnode_t *o = agtail(e) == x ? aghead(e) : agtail(e);
			int j = model_find(m, agnameof(o));
			if (j >= 0 && m->v[j].kind == V_NODE)
				row[m->v[j].idx] = e;
		}
		for (size_t j = i + 1; j < n; j++) {
			if (row[j] != NULL) {
				put_edge(g, f, row[j], 1);
				continue;
			}
			fputc_unlocked('\t', f);
			fputs_unlocked(name[i], f);
			fputs_unlocked(" -- ", f);
			fputs_unlocked(name[j], f);
			fputs_unlocked(";\n", f);
		}
		memset(row, 0, n * sizeof *row);
	}
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
			if (!declared(kinds[k], s->name))
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

char *
graph_render_svg(struct graph *g, size_t *len)
{
	*len = 0;
	complete_mesh(g);
	if (gvLayout(gvc(), g->g, g->engine) != 0)
		return NULL;
	char *buf = NULL;
	gv_len n = 0;
	int rc = gvRenderData(gvc(), g->g, "svg", &buf, &n);
	gvFreeLayout(gvc(), g->g);
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

char *
graph_dot_svg(const char *dot, size_t *len)
{
	*len = 0;
	gvc(); /* before the graph: see gvc() */
	Agraph_t *g = agmemread(dot);
	if (g == NULL)
		return NULL;
	char *svg = NULL, *buf = NULL;
	gv_len n = 0;
	if (gvLayout(gvc(), g, "dot") == 0) {
		int rc = gvRenderData(gvc(), g, "svg", &buf, &n);
		gvFreeLayout(gvc(), g);
		const char *start = rc == 0 && buf != NULL ? memmem(buf, n, "<svg", 4) : NULL;
		if (start != NULL) {
			*len = n - (size_t)(start - buf);
			svg = xmalloc(*len + 1);
			memcpy(svg, start, *len);
			svg[*len] = '\0';
		}
		if (buf != NULL)
			gvFreeRenderData(buf);
	}
	agclose(g);
	return svg;
}
