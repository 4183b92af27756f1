#include "config.h"

/* graph_private.h first: it renames Graphviz's struct port. */
#include "graph_private.h"
#include "graph.h"
#include "hash.h"
#include "judge.h"
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

bool
graph_declared(int kind, const char *name)
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
GVC_t *
graph_gvc(void)
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

/* Object ids in creation order. cgraph's default ids are the addresses
 * of the names' shared strings, and a graph keeps its subgraphs in id
 * order: the clusters' order, and so the layout and the page's bytes,
 * followed malloc (two runs of one report differed). Named objects get
 * even ids (2, 4, ...: the name's index), anonymous ones odd, as in
 * cgraph's own discipline, so that print can tell them apart. */
struct ids {
	Agraph_t *root;
	struct hash *index; /* hash_string(name) -> index in names */
	char **names;	    /* cgraph's shared strings (agstrdup): agnameof
			     * gives them to agstrcanon, which reads their
			     * header */
	size_t n, cap;
	IDTYPE anon;
};

static void *
ids_open(Agraph_t *g, Agdisc_t *disc)
{
	(void)disc;
	struct ids *s = xcalloc(1, sizeof *s);
	s->root = g;
	s->index = hash_new();
	s->anon = 1;
	return s;
}

static long
ids_map(void *state, int objtype, char *str, IDTYPE *id, int createflag)
{
	(void)objtype;
	struct ids *s = state;
	if (str == NULL) {
		*id = s->anon;
		s->anon += 2;
		return 1;
	}
	uint64_t key = hash_string(str);
	size_t it = 0;
	for (int i; (i = hash_next(s->index, key, &it)) >= 0;)
		if (strcmp(s->names[i], str) == 0) {
			*id = 2 * ((IDTYPE)i + 1);
			return 1;
		}
	if (!createflag)
		return 0;
	xgrow(&s->names, &s->cap, s->n + 1, sizeof *s->names);
	s->names[s->n] = agstrdup(s->root, str);
	hash_add(s->index, key, (int)s->n);
	*id = 2 * (IDTYPE)++s->n;
	return 1;
}

static long
ids_alloc(void *state, int objtype, IDTYPE id)
{
	(void)state;
	(void)objtype;
	(void)id;
	return 0; /* no object asks for an id of its choosing */
}

static void
ids_free(void *state, int objtype, IDTYPE id)
{
	/* names stay until the graph closes: another object may share one */
	(void)state;
	(void)objtype;
	(void)id;
}

static char *
ids_print(void *state, int objtype, IDTYPE id)
{
	(void)objtype;
	const struct ids *s = state;
	return id % 2 == 0 && id / 2 - 1 < s->n ? s->names[id / 2 - 1] : NULL;
}

static void
ids_close(void *state)
{
	struct ids *s = state;
	for (size_t i = 0; i < s->n; i++)
		agstrfree(s->root, s->names[i]);
	free(s->names);
	hash_free(s->index);
	free(s);
}

static void
ids_register(void *state, int objtype, void *obj)
{
	(void)state;
	(void)objtype;
	(void)obj;
}

static Agiddisc_t ids_disc = { ids_open, ids_map, ids_alloc, ids_free, ids_print, ids_close, ids_register };
Agdisc_t graph_disc = { &AgMemDisc, &ids_disc, &AgIoDisc };

/* Defaults are declared on the root once, so that agsafeset never
 * declares an attribute locally in a subgraph. */
static struct graph *
open_graph(const struct model *m, enum graph_view view)
{
	graph_gvc();
	struct graph *g = xcalloc(1, sizeof *g);
	g->m = m;
	g->view = view;
	g->engine = "dot";
	char *name = esc(m->name);
	g->g = agopen(name, Agundirected, &graph_disc);
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
void
graph_complete_mesh(struct graph *g)
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
	char *why = judge_explain(m, f->sender, NULL, f);
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
