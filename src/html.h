/* The HTML page (k8snet(1), OUTPUT, HTML): one self-contained file (CSS, script and the
 * SVG diagram inline, nothing fetched) with the cluster's counts and
 * verdicts, check's findings, the diagram, the reachability matrix and the
 * FIB tables. `reach --format html`, `fib --format html` and report's
 * index.html are this page with more or fewer sections.
 *
 * The page lives in templates/ (report.html with {{PLACEHOLDERS}},
 * report.css, report.js), compiled into the binary by templates/embed.awk.
 * Every string that came from the spec goes through html_escape (text and
 * attributes) or html_json_string (JSON inside <script>).
 *
 * Large clusters get summarized views (the page says so):
 * - the matrix is drawn per process while it has at most
 *   HTML_MATRIX_CELLS cells (senders x destination columns); above, per
 *   pair of nodes (counts per verdict), and above HTML_NODE_MATRIX nodes,
 *   one line of counts per sender node;
 * - the FIB tables are on the page while they hold at most HTML_FIB_RULES
 *   rules in all; above, one line per switch (report: full tables in fib/);
 * - the diagram is the one graph_svg draws (per node above its limit). */
#ifndef K8SNET_HTML_H
#define K8SNET_HTML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "check.h"
#include "forward.h"
#include "matrix.h"
#include "model.h"
#include "reach.h"

/* html_escape.c */

/* s with & < > " ' (and line feeds) written as character references:
 * safe in text and in quoted attribute values. */
void html_escape(FILE *f, const char *s);
void html_escape_n(FILE *f, const char *s, size_t n);
/* s as a JSON string literal that is also safe inside <script>: '<', '>'
 * and '&' are written \u003c..., so neither "</script" nor "<!--" can
 * appear, and U+2028/2029 are escaped too. */
void html_json_string(FILE *f, const char *s);

/* Copy tmpl to f, replacing each {{KEY}} (KEY: A-Z 0-9 _) by what fill
 * writes for it. */
typedef void html_fill_fn(void *ctx, FILE *f, const char *key);
void html_expand(FILE *f, const char *tmpl, html_fill_fn *fill, void *ctx);

/* emit_html.c: the page */

enum {
	HTML_MATRIX_CELLS = 10000,
	HTML_NODE_MATRIX = 300,
	HTML_FIB_RULES = 10000,
};

/* The matrix the page draws is the reach matrix (matrix.h), kept per
 * process up to HTML_MATRIX_CELLS cells and per node up to
 * HTML_NODE_MATRIX nodes. Free with matrix_free. */
struct matrix *html_reach_new(const struct model *m, enum ports_mode mode);
bool html_reach_per_process(const struct matrix *r);
const char *html_cell_name(enum matrix_cell c); /* "ok", "drop", ...: CSS classes */
/* The matrix's older names: tests/test_report.c still uses them. */
#define html_cell matrix_cell
#define html_reach matrix
#define html_reach_add matrix_row
#define html_reach_free matrix_free
#define html_classify matrix_classify

/* Names, into buf (at least HTML_FIB_FILE_MAX bytes), the file that holds
 * the FIB table of the pos-th switch (1-based, in m->switches order) of
 * count, named name, and returns buf. */
enum { HTML_FIB_FILE_MAX = 256 };
typedef const char *html_fib_file_fn(size_t pos, size_t count, const char *name, char *buf);

/* The page's parts; NULL parts are left out. */
struct html_page {
	const struct model *m;
	const char *spec_name;          /* as messages name it: "samples/k1.xml", "<stdin>" */
	const struct matrix *reach;     /* the matrix and verdict counts */
	const struct check *check;      /* the findings */
	const char *svg;                /* graph_svg's output (XML prolog and all) */
	size_t svg_len;
	bool svg_summarized;            /* the diagram shows one vertex per node */
	int only_switch;                /* fib --switch: this switch's table alone; else -1 */
	bool report;                    /* index.html of a report: links to its files */
	html_fib_file_fn *fib_file;     /* the FIB list links each switch to fib/ and this name */
	bool reach_csv_filtered;        /* report: reach.csv holds the faulty rows only */
	uint64_t reach_csv_cut;         /* ... as the full table has more rows than this */
	uint64_t reach_csv_rows;        /* ... that many of them */
	uint64_t reach_csv_left_out;    /* ... and left out that many more faulty rows */
	uint64_t fib_files_cut;         /* report: more rules than this in all, so fib.csv and fib/ */
	const unsigned char *fib_files; /* hold only the switches marked here (m->switches order) */
	/* report: the Workloads section, which workloads_section writes (report.c
	 * passes html_workloads_section: the page does not call that module,
	 * which calls the page for its links and diagram) */
	const struct html_workloads *workloads;
	void (*workloads_section)(FILE *f, const struct html_workloads *w, const struct html_page *p);
};
void html_page_write(FILE *f, const struct html_page *p);

/* For the Workloads section (html_workloads.c): the id of p's matrix cell
 * that shows (sender, d) into buf, false when it has none; and gvc's SVG
 * inlined as the diagram is (ids prefixed with prefix). */
struct html_workloads;
bool html_cell_anchor(const struct html_page *p, int sender, const struct dest *d, char *buf, size_t len);
void html_svg_inline(FILE *f, const char *svg, size_t len, const char *prefix);

/* The page's diagram: graph_svg's picture of m, with its Services
 * (graph_add_services: hexagons linked to their endpoint pods, namespaces
 * coloured) when it has some and is drawn in full. *summarized: drawn per
 * node. Caller frees; NULL if Graphviz failed. */
char *html_diagram(const struct model *m, size_t *len, bool *summarized);

#endif
