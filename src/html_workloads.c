/* The report's Workloads section: html_workloads.h says what. */
#include "config.h"

#include "connlist.h"
#include "emit.h"
#include "graph.h"
#include "hash.h"
#include "html_workloads.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct html_workloads {
	const struct model *m;
	struct connlist *cl;
	enum html_wl_view view;
	size_t nworkloads, nexternal, nns, ns_edges;
	char *svg; /* NULL: none, or Graphviz failed */
	size_t svg_len;
};

/* ---- the diagram ---- */

static char *
connlist_dot(const struct connlist *cl)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&buf, &len);
	connlist_write(cl, f, CONNLIST_DOT, -1);
	fclose(f);
	return buf;
}

/* The attributes that make connlist's dot a figure for the page: left to
 * right, compact, rounded boxes. */
static const char figure_attrs[] =
	"\tgraph [rankdir=LR fontname=\"Helvetica\" fontsize=11 nodesep=0.35 ranksep=1.1]\n"
	"\tnode [shape=box style=rounded fontname=\"Helvetica\" fontsize=10 height=0.3]\n"
	"\tedge [fontname=\"Helvetica\" fontsize=9 arrowsize=0.6]\n";

static void dot_id(FILE *f, const char *s);

/* The line from vertex a to vertex b (canon: peer -> vertex), or -1. */
static long
line_of(const struct connlist *cl, const struct hash *h, const size_t *canon, size_t a, size_t b)
{
	uint64_t key = (uint64_t)a * (connlist_npeers(cl) + 1) + b;
	size_t it = 0;
	int i;
	while ((i = hash_next(h, key, &it)) >= 0) {
		struct connlist_line l;
		connlist_line(cl, (size_t)i, &l);
		if (canon[l.src] == a && canon[l.dst] == b)
			return i;
	}
	return -1;
}

/* connlist's dot, for the page: its namespaces and peers as they are;
 * its edges drawn here, two lines between the same peers with the same
 * connections as one edge with two heads (half the edges on an open
 * cluster), labels as xlabels: placed after the layout, not as the
 * virtual nodes of dot's flat edges, whose labels make Graphviz 2.42 free
 * memory twice (flat_edges) on a cluster with edges both ways. */
static char *
full_dot(const struct connlist *cl)
{
	char *dot = connlist_dot(cl);
	const char *head = "digraph {\n";
	size_t hl = strlen(head);
	if (strncmp(dot, head, hl) != 0) {
		free(dot);
		return NULL;
	}
	char *buf = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&buf, &len);
	fputs(head, f);
	fputs(figure_attrs, f);
	fputs("\tgraph [forcelabels=true]\n", f);
	for (const char *line = dot + hl; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) + 1 : strlen(line);
		if (memmem(line, n, "\" -> \"", 6) == NULL && strncmp(line, "}", 1) != 0)
			fwrite(line, 1, n, f);
		line += n;
	}
	free(dot);
	size_t nl = connlist_nlines(cl), np = connlist_npeers(cl);
	/* A source and a destination External range with the same name are
	 * one vertex: each peer's vertex is the first peer of its name. */
	size_t *canon = xreallocarray(NULL, np + 1, sizeof *canon);
	struct hash *names = hash_new();
	for (size_t i = 0; i < np; i++) {
		struct connlist_peer p, q;
		connlist_peer(cl, i, &p);
		canon[i] = i;
		size_t it = 0;
		int k;
		while ((k = hash_next(names, hash_string(p.name), &it)) >= 0) {
			connlist_peer(cl, (size_t)k, &q);
			if (strcmp(p.name, q.name) == 0) {
				canon[i] = (size_t)k;
				break;
			}
		}
		if (canon[i] == i)
			hash_add(names, hash_string(p.name), (int)i);
	}
	hash_free(names);
	struct hash *h = hash_new();
	for (size_t i = 0; i < nl; i++) {
		struct connlist_line l;
		connlist_line(cl, i, &l);
		hash_add(h, (uint64_t)canon[l.src] * (np + 1) + canon[l.dst], (int)i);
	}
	for (size_t i = 0; i < nl; i++) {
		struct connlist_line l, r;
		connlist_line(cl, i, &l);
		long j = line_of(cl, h, canon, canon[l.dst], canon[l.src]);
		bool both = false;
		if (j >= 0) {
			connlist_line(cl, (size_t)j, &r);
			both = portset_equal(l.conns, r.conns);
			if (both && (size_t)j < i)
				continue;
		}
		struct connlist_peer a, b;
		connlist_peer(cl, l.src, &a);
		connlist_peer(cl, l.dst, &b);
		char *c = portset_format(l.conns);
		fputc('\t', f);
		dot_id(f, a.name);
		fputs(" -> ", f);
		dot_id(f, b.name);
		fputs(" [xlabel=", f);
		dot_id(f, c);
		fputs(both ? " dir=both" : "", f);
		fputs(" color=\"gold2\" fontcolor=\"darkgreen\"]\n", f);
		free(c);
	}
	hash_free(h);
	free(canon);
	fputs("}\n", f);
	fclose(f);
	return buf;
}

static void
dot_id(FILE *f, const char *s)
{
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			putc('\\', f);
		putc(*s, f);
	}
	putc('"', f);
}

/* Namespaces of the workloads, in byte order; an External peer is the
 * extra namespace nns ("External ranges"). */
struct nsview {
	const char **name;
	size_t n;
	size_t *of;          /* peer -> namespace */
	size_t *workloads;   /* per namespace */
	size_t *inside;      /* lines inside a namespace */
	uint64_t *pair;      /* (from x (n+1) + to) for each edge, in first-seen order */
	size_t *count;       /* lines per edge */
	size_t nedges, cap, ccap;
	struct hash *edge;
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
ns_collect(const struct connlist *cl, struct nsview *v)
{
	size_t np = connlist_npeers(cl);
	v->name = xreallocarray(NULL, np + 1, sizeof *v->name);
	v->of = xreallocarray(NULL, np + 1, sizeof *v->of);
	size_t n = 0;
	for (size_t i = 0; i < np; i++) {
		struct connlist_peer p;
		connlist_peer(cl, i, &p);
		if (!p.external)
			v->name[n++] = p.ns;
	}
	qsort(v->name, n, sizeof *v->name, cmp_str);
	size_t u = 0;
	for (size_t i = 0; i < n; i++)
		if (u == 0 || strcmp(v->name[u - 1], v->name[i]) != 0)
			v->name[u++] = v->name[i];
	v->n = u;
	v->workloads = xcalloc(u + 1, sizeof *v->workloads);
	v->inside = xcalloc(u + 1, sizeof *v->inside);
	for (size_t i = 0; i < np; i++) {
		struct connlist_peer p;
		connlist_peer(cl, i, &p);
		if (p.external) {
			v->of[i] = u;
			continue;
		}
		const char **hit = bsearch(&p.ns, v->name, u, sizeof *v->name, cmp_str);
		v->of[i] = (size_t)(hit - v->name);
		v->workloads[v->of[i]]++;
	}
	v->edge = hash_new();
	for (size_t i = 0; i < connlist_nlines(cl); i++) {
		struct connlist_line l;
		connlist_line(cl, i, &l);
		size_t a = v->of[l.src], b = v->of[l.dst];
		if (a == b) {
			v->inside[a]++;
			continue;
		}
		uint64_t key = (uint64_t)a * (u + 1) + b;
		size_t it = 0;
		int e, found = -1;
		while ((e = hash_next(v->edge, key, &it)) >= 0)
			if (v->pair[e] == key)
				found = e;
		if (found < 0) {
			xgrow(&v->pair, &v->cap, v->nedges + 1, sizeof *v->pair);
			xgrow(&v->count, &v->ccap, v->nedges + 1, sizeof *v->count);
			v->pair[v->nedges] = key;
			v->count[v->nedges] = 0;
			hash_add(v->edge, key, (int)v->nedges);
			found = (int)v->nedges++;
		}
		v->count[found]++;
	}
}

static void
ns_free(struct nsview *v)
{
	free(v->name);
	free(v->of);
	free(v->workloads);
	free(v->inside);
	free(v->pair);
	free(v->count);
	hash_free(v->edge);
}

static char *
ns_dot(const struct nsview *v, size_t nexternal)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&buf, &len);
	fprintf(f, "digraph {\n%s\tgraph [forcelabels=true]\n", figure_attrs); /* xlabels: see full_dot */
	for (size_t i = 0; i < v->n; i++) {
		char *label = xasprintf("%s\\n%zu workload%s, %zu line%s inside", v->name[i], v->workloads[i],
					v->workloads[i] == 1 ? "" : "s", v->inside[i], v->inside[i] == 1 ? "" : "s");
		char *id = xasprintf("ns %s", v->name[i]);
		fputc('\t', f);
		dot_id(f, id);
		/* The label's \n is DOT's line break; a name's backslashes are
		 * doubled by hand (namespace names have none in practice). */
		fputs(" [label=\"", f);
		for (const char *s = label; *s; s++) {
			if (*s == '"')
				putc('\\', f);
			putc(*s, f);
		}
		fputs("\" color=\"blue\" fontcolor=\"blue\"]\n", f);
		free(label);
		free(id);
	}
	if (nexternal > 0)
		fprintf(f, "\t\"External\" [label=\"External ranges (%zu)\" color=\"red2\" fontcolor=\"red2\"]\n", nexternal);
	for (size_t e = 0; e < v->nedges; e++) {
		size_t a = (size_t)(v->pair[e] / (v->n + 1)), b = (size_t)(v->pair[e] % (v->n + 1));
		char *ia = a == v->n ? xstrdup("External") : xasprintf("ns %s", v->name[a]);
		char *ib = b == v->n ? xstrdup("External") : xasprintf("ns %s", v->name[b]);
		fputc('\t', f);
		dot_id(f, ia);
		fputs(" -> ", f);
		dot_id(f, ib);
		fprintf(f, " [xlabel=\"%zu line%s\" color=\"gold2\" fontcolor=\"darkgreen\"]\n", v->count[e],
			v->count[e] == 1 ? "" : "s");
		free(ia);
		free(ib);
	}
	fputs("}\n", f);
	fclose(f);
	return buf;
}

struct html_workloads *
html_workloads_new(const struct model *m)
{
	struct html_workloads *w = xcalloc(1, sizeof *w);
	w->m = m;
	w->cl = connlist_compute_max(m, HTML_WL_MAX_LINES, NULL);
	if (w->cl == NULL) {
		w->view = HTML_WL_NONE;
		return w;
	}
	size_t np = connlist_npeers(w->cl), nl = connlist_nlines(w->cl);
	/* The peers the full diagram draws: every workload, the externals on
	 * some line (a source and a destination range may share a name: an
	 * upper bound). */
	bool *on_line = xcalloc(np + 1, sizeof *on_line);
	for (size_t i = 0; i < nl; i++) {
		struct connlist_line l;
		connlist_line(w->cl, i, &l);
		on_line[l.src] = on_line[l.dst] = true;
	}
	for (size_t i = 0; i < np; i++) {
		struct connlist_peer p;
		connlist_peer(w->cl, i, &p);
		if (p.external)
			w->nexternal += on_line[i];
		else
			w->nworkloads++;
	}
	free(on_line);
	struct nsview v = { 0 };
	ns_collect(w->cl, &v);
	w->nns = v.n;
	w->ns_edges = v.nedges;
	char *dot = NULL;
	if (w->nworkloads + w->nexternal <= HTML_WL_FULL_PEERS && nl <= HTML_WL_FULL_LINES) {
		w->view = HTML_WL_FULL;
		dot = full_dot(w->cl);
	} else if (v.n + 1 <= HTML_WL_NS_NODES && v.nedges <= HTML_WL_NS_EDGES) {
		w->view = HTML_WL_NAMESPACES;
		dot = ns_dot(&v, w->nexternal);
	} else {
		w->view = HTML_WL_NONE;
	}
	ns_free(&v);
	if (dot != NULL && w->nworkloads > 0)
		w->svg = graph_dot_svg(dot, &w->svg_len);
	free(dot);
	return w;
}

void
html_workloads_free(struct html_workloads *w)
{
	if (w == NULL)
		return;
	connlist_free(w->cl);
	free(w->svg);
	free(w);
}

enum html_wl_view
html_workloads_view(const struct html_workloads *w)
{
	return w->view;
}

bool
html_workloads_listed(const struct html_workloads *w)
{
	return w->cl != NULL;
}

void
html_workloads_text(FILE *f, const struct html_workloads *w)
{
	connlist_write(w->cl, f, CONNLIST_TXT, -1);
}

/* ---- the section ---- */

/* The first process of a peer's pod (a pod's first container, or the
 * hostNetwork pod's daemon), or -1. */
static int
sender_of(const struct model *m, int v)
{
	if (m->v[v].kind == V_DAEMON)
		return v;
	return m->v[v].kind == V_POD && m->v[v].nkids > 0 ? m->v[v].kids[0] : -1;
}

/* A destination at pod v (its address, a node's for a daemon) on an open
 * port that conns allows; false if none is open. */
static bool
dest_at(const struct model *m, int v, const struct portset *conns, struct dest *d)
{
	const struct vertex *x = &m->v[v];
	uint32_t addr = x->kind == V_DAEMON ? m->v[x->parent].addr : x->addr;
	size_t nprocs = x->kind == V_DAEMON ? 1 : x->nkids;
	for (size_t k = 0; k < nprocs; k++) {
		const struct vertex *p = x->kind == V_DAEMON ? x : &m->v[x->kids[k]];
		for (size_t i = 0; i < p->nports; i++)
			if (portset_contains(conns, p->ports[i].proto, p->ports[i].number)) {
				*d = (struct dest){ addr, p->ports[i].number, p->ports[i].proto };
				return true;
			}
	}
	return false;
}

enum { PAIRS_TRIED = 8 }; /* pods of each side looked at for a cell */

/* The matrix cell of the line's first pod pair that has one. */
static void
line_link(FILE *f, const struct html_workloads *w, const struct html_page *p, const struct connlist_line *l)
{
	size_t na, nb;
	const int *a = connlist_peer_pods(w->cl, l->src, &na);
	const int *b = connlist_peer_pods(w->cl, l->dst, &nb);
	for (size_t i = 0; i < na && i < PAIRS_TRIED; i++) {
		int s = sender_of(w->m, a[i]);
		if (s < 0)
			continue;
		for (size_t j = 0; j < nb && j < PAIRS_TRIED; j++) {
			struct dest d;
			char id[64], buf[32];
			if (!dest_at(w->m, b[j], l->conns, &d) || !html_cell_anchor(p, s, &d, id, sizeof id))
				continue;
			fprintf(f, "<a href=\"#%s\" title=\"", id);
			html_escape(f, w->m->v[s].name);
			fprintf(f, " \xe2\x86\x92 %s\">", emit_dest(&d, buf));
			html_escape(f, w->m->v[s].name);
			fprintf(f, " \xe2\x86\x92 %s</a>", buf);
			return;
		}
	}
	fputs("<span class=\"none\" title=\"no matrix cell: an External range has no pods, or no pod pair has an open port on this line\">\xe2\x80\x94</span>", f);
}

static void
peer_cell(FILE *f, const struct html_workloads *w, size_t i)
{
	struct connlist_peer p;
	connlist_peer(w->cl, i, &p);
	fputs(p.external ? "<td class=\"ext\">" : "<td>", f);
	if (!p.external) {
		fputs("<small>", f);
		html_escape(f, p.ns);
		fputs("/</small>", f);
	}
	html_escape(f, p.short_name);
	if (p.external)
		fputs(" <small>External</small>", f);
	fputs("</td>", f);
}

static void
num(FILE *f, size_t n)
{
	/* 12,345 */
	char b[32];
	int len = snprintf(b, sizeof b, "%zu", n);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			putc(',', f);
		putc(b[i], f);
	}
}

void
html_workloads_section(FILE *f, const struct html_workloads *w, const struct html_page *p)
{
	if (w->cl == NULL) {
		fputs("<section class=\"card wl\" id=\"workloads\" aria-labelledby=\"workloads-h\">\n<h2 id=\"workloads-h\">"
		      "Workloads</h2>\n<p class=\"wl-note\">More than ", f);
		num(f, HTML_WL_MAX_LINES);
		fputs(" lines between workloads (a cluster of W workloads without policies has about W \xc3\x97 W): the "
		      "report leaves them out; <code>k8snet connlist SPEC</code> lists them.</p>\n</section>\n", f);
		return;
	}
	size_t nl = connlist_nlines(w->cl);
	fputs("<section class=\"card wl\" id=\"workloads\" aria-labelledby=\"workloads-h\">\n<h2 id=\"workloads-h\">"
	      "Workloads <span class=\"sub\">",
	      f);
	num(f, w->nworkloads);
	fprintf(f, " workload%s, ", w->nworkloads == 1 ? "" : "s");
	num(f, nl);
	fprintf(f, " line%s: the connections the NetworkPolicies allow (<code>k8snet connlist</code>)</span></h2>\n",
		nl == 1 ? "" : "s");
	if (w->view == HTML_WL_NAMESPACES) {
		fputs("<p class=\"wl-note\">More than ", f);
		num(f, HTML_WL_FULL_PEERS);
		fputs(" workloads or ", f);
		num(f, HTML_WL_FULL_LINES);
		fputs(" lines: the diagram draws one box per namespace (its workloads and the lines inside it counted) "
		      "and one edge per pair of namespaces with its number of lines; the table below has the lines.</p>\n",
		      f);
	} else if (w->view == HTML_WL_NONE) {
		fputs("<p class=\"wl-note\">No diagram: ", f);
		num(f, w->nns);
		fputs(" namespaces and ", f);
		num(f, w->ns_edges);
		fputs(" edges between them are more than the ", f);
		num(f, HTML_WL_NS_NODES);
		fputs(" namespaces or ", f);
		num(f, HTML_WL_NS_EDGES);
		fputs(" edges that lay out in seconds (<code>k8snet connlist SPEC --format dot</code> gives the full "
		      "graph).</p>\n",
		      f);
	}
	if (w->svg != NULL) {
		fputs("<div class=\"fig wl-fig\" id=\"wl-fig\">\n", f);
		html_svg_inline(f, w->svg, w->svg_len, "k8snet-w-");
		fputs("\n</div>\n", f);
	} else if (w->view != HTML_WL_NONE && w->nworkloads > 0) {
		fputs("<p class=\"wl-note\">Graphviz could not lay the diagram out.</p>\n", f);
	}
	if (nl == 0) {
		fputs("<p class=\"empty\">No workload may talk to another, nor to or from an External range.</p>\n"
		      "</section>\n",
		      f);
		return;
	}
	size_t shown = nl < HTML_WL_TABLE_LINES ? nl : HTML_WL_TABLE_LINES;
	if (shown < nl) {
		fputs("<p class=\"wl-note\">The first ", f);
		num(f, shown);
		fputs(" of ", f);
		num(f, nl);
		fputs(" lines; ", f);
		fputs(p->report ? "<a href=\"workloads.txt\">workloads.txt</a> has them all." :
				  "<code>k8snet connlist SPEC</code> prints them all.", f);
		fputs("</p>\n", f);
	}
	/* On paper, a long table would be a book (and slow to print): its
	 * place says where the lines are. */
	bool big = shown > HTML_WL_PRINT_LINES;
	if (big) {
		fputs("<p class=\"wl-note wl-print\">", f);
		num(f, nl);
		fputs(" lines: too many to print; ", f);
		fputs(p->report ? "<code>workloads.txt</code> has them all." : "<code>k8snet connlist SPEC</code> prints them.",
		      f);
		fputs("</p>\n", f);
	}
	fputs(big ? "<div class=\"wl-wrap big\"" : "<div class=\"wl-wrap\"", f);
	fputs(" tabindex=\"0\" role=\"region\" aria-label=\"Workload lines\">\n"
	      "<table class=\"wl-t\">\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Destination</th>"
	      "<th scope=\"col\">Connections</th><th scope=\"col\">Matrix cell <small>(first pod pair)</small></th>"
	      "</tr></thead>\n<tbody>\n",
	      f);
	for (size_t i = 0; i < shown; i++) {
		struct connlist_line l;
		connlist_line(w->cl, i, &l);
		fputs("<tr>", f);
		peer_cell(f, w, l.src);
		peer_cell(f, w, l.dst);
		char *c = portset_format(l.conns);
		fputs("<td class=\"conn\">", f);
		html_escape(f, c);
		free(c);
		fputs("</td><td>", f);
		line_link(f, w, p, &l);
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n</div>\n</section>\n", f);
}
