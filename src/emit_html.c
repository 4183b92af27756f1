/* The HTML page: each section of it (html.h says which and when they are
 * summarized), filled into the template. */
#include "config.h"

#include "emit.h"
#include "fib.h"
#include "graph.h"
#include "html.h"
#include "judge.h"
#include "src/templates.h" /* generated: templates/embed.awk */
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* ---- one pair's cell ---- */

/* In matrix_cell order: judge.h's classes, best first, then not asked. */
static const char *const cell_names[CELL_KINDS] = { "ok", "outside", "deny", "closed", "wrong", "drop", "loop", "na" };
/* Symbols tell verdicts apart without colour (greyscale, print). */
static const char *const cell_syms[CELL_KINDS] = {
	"\xe2\x9c\x93", /* U+2713 check mark */
	"\xe2\x86\x97", /* U+2197 north east arrow */
	"\xe2\x8a\x98", /* U+2298 circled slash */
	"\xe2\x80\x93", /* U+2013 en dash */
	"\xe2\x89\xa0", /* U+2260 not equal */
	"\xe2\x9c\x97", /* U+2717 ballot x */
	"\xe2\x86\xbb", /* U+21BB clockwise open circle arrow */
	"",
};
static const char *const cell_words[CELL_KINDS] = {
	"delivered", "discarded outside the cluster", "denied by policy", "nothing listens",
	"delivered to another process", "discarded", "loop", "not asked",
};
const char *
html_cell_name(enum matrix_cell c)
{
	return cell_names[c];
}

/* ---- the matrix the page draws ---- */

struct matrix *
html_reach_new(const struct model *m, enum ports_mode mode)
{
	return matrix_new_summarized(m, mode, HTML_MATRIX_CELLS, HTML_NODE_MATRIX);
}

bool
html_reach_per_process(const struct matrix *r)
{
	return r->mx == MX_PROCESS;
}

/* ---- small writers ---- */

/* 36000000 as "36,000,000". */
static void
num(FILE *f, uint64_t n)
{
	char buf[32];
	int len = snprintf(buf, sizeof buf, "%" PRIu64, n);
	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			fputc(',', f);
		fputc(buf[i], f);
	}
}

static const char *
plural(uint64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

static void
addr_html(FILE *f, uint32_t a)
{
	char buf[16];
	fputs(addr_format(a, buf), f);
}

static void
sym(FILE *f, enum matrix_cell c)
{
	fprintf(f, "<span aria-hidden=\"true\">%s</span><span class=\"sr\">%s</span>", cell_syms[c], cell_words[c]);
}

/* ---- the page ---- */

struct page {
	const struct html_page *p;
	const struct model *m;
	size_t containers, endpoints, overrides;
	size_t fib_rules; /* in the tables the page would show */
	bool fib_full;
	enum matrix_grain mx;
};

static bool
is_fib_page(const struct page *pg)
{
	return pg->p->reach == NULL && pg->p->check == NULL && pg->p->svg == NULL;
}

static void
fill_title(FILE *f, const struct page *pg)
{
	if (is_fib_page(pg))
		fputs("FIB tables of ", f);
	html_escape(f, pg->m->name);
	fputs(is_fib_page(pg) ? " \xe2\x80\x94 k8snet" : " \xe2\x80\x94 k8snet network report", f);
}

static void
fill_meta(FILE *f, const struct page *pg)
{
	fputs("spec <code>", f);
	html_escape(f, pg->p->spec_name ? pg->p->spec_name : "-");
	fputs("</code>", f);
	if (pg->p->reach != NULL)
		fprintf(f, " \xc2\xb7 destinations: <code>--ports %s</code>", reach_mode_name(pg->p->reach->mode));
	fputs(" \xc2\xb7 ", f);
	html_escape(f, PACKAGE_STRING);
}

static void
fill_status(FILE *f, const struct page *pg)
{
	const struct check *c = pg->p->check;
	if (c == NULL)
		return;
	size_t fk = check_failed_constraints(c), fe = check_failed_expects(c), ne = check_nexpects(c);
	size_t nk = check_nconstraints(c);
	fputs("<div class=\"status\">", f);
	if (check_ok(c)) {
		fprintf(f, "<span class=\"badge pass\">PASS</span><span class=\"why\">all %zu constraints of the Kubernetes "
			"network model", nk);
		if (ne > 0)
			fprintf(f, " and the %zu %s of the spec", ne, plural(ne, "expect", "expects"));
		fputs(" hold</span>", f);
	} else {
		fputs("<span class=\"badge fail\">FAIL</span><span class=\"why\">", f);
		if (fk > 0)
			fprintf(f, "%zu of %zu constraints", fk, nk);
		if (fk > 0 && fe > 0)
			fputs(" and ", f);
		if (fe > 0)
			fprintf(f, "%zu of %zu %s", fe, ne, plural(ne, "expect", "expects"));
		fputs(" failed \xe2\x80\x94 <a href=\"#findings\" style=\"color:inherit\">see the findings</a></span>", f);
	}
	fputs("</div>\n", f);
}

static void
count_item(FILE *f, const char *name, uint64_t n, bool warn)
{
	fprintf(f, "<div%s><dt>%s</dt><dd>", warn ? " class=\"warn\"" : "", name);
	num(f, n);
	fputs("</dd></div>", f);
}

static void
fill_counts(FILE *f, const struct page *pg)
{
	const struct model *m = pg->m;
	fputs("<dl class=\"counts\">", f);
	count_item(f, "nodes", m->nnodes, false);
	count_item(f, "pods", m->npods, false);
	count_item(f, "containers", pg->containers, false);
	count_item(f, "daemons", m->nprocs - pg->containers, false);
	count_item(f, "endpoints", pg->endpoints, false);
	if (m->nsvcs > 0 || m->npols > 0) {
		count_item(f, "services", m->nsvcs, false);
		count_item(f, "policies", m->npols, false);
	}
	count_item(f, "links down", m->ndown, m->ndown > 0);
	count_item(f, "override rules", pg->overrides, false);
	fputs("</dl>\n", f);
	const struct matrix *r = pg->p->reach;
	if (r == NULL)
		return;
	uint64_t total = 0;
	for (int k = 0; k < CELL_NA; k++)
		total += r->pairs[k];
	fputs("<ul class=\"tally\" aria-label=\"Verdicts of all pairs\"><li><b>", f);
	num(f, total);
	fprintf(f, "</b> %s</li>", plural(total, "pair", "pairs"));
	for (int k = 0; k < CELL_NA; k++) {
		if (r->pairs[k] == 0 && k != CELL_OK && k != CELL_DROP)
			continue;
		fprintf(f, "<li><span class=\"sym %s%s\" aria-hidden=\"true\">%s</span><b>", cell_names[k],
			k == CELL_CLOSED && r->refused > 0 ? " fault" : "", cell_syms[k]);
		num(f, r->pairs[k]);
		fprintf(f, "</b> %s</li>", cell_words[k]);
	}
	fputs("</ul>\n", f);
	if (total > 0) {
		static const char *const colors[CELL_NA] = { "#3fb36b", "#7fb8c8", "#6f8fd0", "#a0a7b0",
							     "#e0b000", "#e04848", "#9b59d0" };
		fputs("<div class=\"bar\" aria-hidden=\"true\">", f);
		for (int k = 0; k < CELL_NA; k++) {
			uint64_t n = r->pairs[k];
			if (k == CELL_CLOSED && r->refused > 0) {
				/* nothing listens behind a service: a fault's colour */
				fprintf(f, "<span style=\"width:%.3f%%;background:%s\"></span>",
					100.0 * (double)r->refused / (double)total, "#e8803a");
				n -= r->refused;
			}
			if (n > 0)
				fprintf(f, "<span style=\"width:%.3f%%;background:%s\"></span>",
					100.0 * (double)n / (double)total, colors[k]);
		}
		fputs("</div>\n", f);
	}
}

static void
fill_nav(FILE *f, const struct page *pg)
{
	fputs("<ul>", f);
	if (pg->p->check != NULL) {
		size_t bad = check_failed_constraints(pg->p->check) + check_failed_expects(pg->p->check);
		fprintf(f, "<li><a href=\"#findings\">Findings <span class=\"n\">(%zu failed)</span></a></li>", bad);
	}
	if (pg->p->svg != NULL)
		fputs("<li><a href=\"#diagram\">Diagram</a></li>", f);
	if (pg->p->reach != NULL)
		fputs("<li><a href=\"#matrix\">Reachability matrix</a></li>", f);
	if (pg->p->workloads != NULL)
		fputs("<li><a href=\"#workloads\">Workloads</a></li>", f);
	fprintf(f, "<li><a href=\"#fibs\">FIB tables <span class=\"n\">(%zu)</span></a></li>",
		pg->p->only_switch >= 0 ? (size_t)1 : pg->m->nswitches);
	if (pg->p->report)
		fputs("<li><a href=\"#files\">Files</a></li>", f);
	fputs("</ul>", f);
}

static void
fill_notes(FILE *f, const struct page *pg)
{
	const struct html_page *p = pg->p;
	const struct model *m = pg->m;
	bool any = (p->reach != NULL && pg->mx != MX_PROCESS) || !pg->fib_full || p->svg_summarized ||
		   p->reach_csv_filtered || p->fib_files != NULL;
	if (!any)
		return;
	fputs("<section class=\"notes\" id=\"notes\" aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">This cluster is "
	      "large: some views are summarized</h2>\n<ul>\n", f);
	if (p->svg_summarized) {
		fputs("<li>The diagram draws one vertex per node, not every pod and process", f);
		if (m->nnodes > GRAPH_MESH_NODES) {
			/* graph.c's summary: the mesh is a vertex, not links. */
			fputs("; the node mesh (every node linked to every other: ", f);
			num(f, (uint64_t)m->nnodes * (m->nnodes - 1) / 2);
			fputs(" links) is one vertex, \"node mesh\", not drawn link by link; node links that are down are drawn",
			      f);
		}
		fputs("; <code>graph.dot</code> holds the full Network Graph.</li>\n", f);
	}
	if (p->reach != NULL && pg->mx != MX_PROCESS) {
		fputs("<li>The matrix has ", f);
		num(f, m->nprocs);
		fputs(" senders \xc3\x97 ", f);
		num(f, p->reach->ncols);
		fputs(" destination columns, more than the ", f);
		num(f, HTML_MATRIX_CELLS);
		if (pg->mx == MX_NODE)
			fputs(" cells drawn per process: it is drawn per node instead (a row per sender node, a column per "
			      "destination node, service and 127.0.0.1), each cell counting its pairs per verdict.", f);
		else
			fprintf(f, " cells drawn per process, and more than %d nodes: it shows one line of counts per "
				"verdict for each sender node.", HTML_NODE_MATRIX);
		fputs(p->reach_csv_filtered ? " <code>k8snet reach</code> gives every pair.</li>\n"
					    : " <code>reach.csv</code> and <code>k8snet reach</code> give every pair.</li>\n",
		      f);
	}
	if (!pg->fib_full) {
		fputs("<li>The FIB tables hold ", f);
		num(f, pg->fib_rules);
		fputs(" rules, more than the ", f);
		num(f, HTML_FIB_RULES);
		fputs(" shown on a page: each switch is summarized in one line; ", f);
		if (p->report && p->fib_files == NULL)
			fputs("the full tables are in <code>fib/</code> (one file per switch) and <code>fib.csv</code>.", f);
		else
			fputs("<code>k8snet fib SPEC --switch NAME</code> prints one.", f);
		fputs("</li>\n", f);
	}
	if (p->fib_files != NULL) {
		size_t kept = 0;
		for (size_t i = 0; i < m->nswitches; i++)
			kept += p->fib_files[i] != 0;
		fputs("<li><code>fib.csv</code> and <code>fib/</code> hold only the tables of the ", f);
		num(f, kept);
		fputs(" switches that have override rules or a down link, not all ", f);
		num(f, m->nswitches);
		fputs(": the FIBs have ", f);
		num(f, pg->fib_rules);
		fputs(" rules in all, more than ", f);
		num(f, p->fib_files_cut);
		fputs(". <code>k8snet fib SPEC --switch NAME</code> prints any table (<code>k8snet fib SPEC --format "
		      "csv</code> all of them).</li>\n", f);
	}
	if (p->reach_csv_filtered) {
		fputs("<li><code>reach.csv</code> holds only faulty rows (neither delivered to the process that opened "
		      "the port, nor denied by a NetworkPolicy, nor sent outside the cluster): ", f);
		num(f, p->reach_csv_rows);
		fputs(" of the ", f);
		num(f, p->reach->rows);
		fputs(" rows of the full table, which has more than ", f);
		num(f, p->reach_csv_cut);
		fputs(". ", f);
		if (p->reach_csv_left_out > 0) {
			fputs("It leaves out ", f);
			num(f, p->reach_csv_left_out);
			fputs(" more faulty rows (it keeps the first ", f);
			num(f, p->reach_csv_rows);
			fputs("). ", f);
		}
		fputs("<code>k8snet reach SPEC --format csv</code> writes every row.</li>\n", f);
	}
	fputs("</ul>\n</section>\n", f);
}

/* The id of the matrix cell that shows (sender, d), into buf; false when
 * the matrix has none. */
static bool
cell_id(const struct page *pg, int sender, const struct dest *d, char *buf, size_t len)
{
	const struct matrix *r = pg->p->reach;
	const struct model *m = pg->m;
	if (r == NULL)
		return false;
	if (r->mx == MX_PROCESS) {
		long col = matrix_column(r, d);
		if (col < 0 || r->kind[(size_t)m->v[sender].idx * r->ncols + (size_t)col] == CELL_NA)
			return false;
		snprintf(buf, len, "c-%d-%ld", m->v[sender].idx, col);
		return true;
	}
	size_t row = (size_t)m->v[matrix_node_of(m, sender)].idx;
	/* totals: the sender node's worst count */
	size_t col = r->mx == MX_NODE ? matrix_node_column(m, d->addr) : (size_t)matrix_worst(r->count[row]);
	if (col >= r->nncols && r->mx == MX_NODE)
		return false;
	snprintf(buf, len, "c-%zu-%zu", row, col);
	return true;
}

/* "C1.1 -> 10.1.2.1:8080/TCP", linked to its cell when it has one. */
static void
pair_link(FILE *f, const struct page *pg, int sender, const struct dest *d)
{
	char id[64], buf[32];
	bool linked = cell_id(pg, sender, d, id, sizeof id);
	if (linked)
		fprintf(f, "<a href=\"#%s\">", id);
	html_escape(f, pg->m->v[sender].name);
	fprintf(f, " \xe2\x86\x92 %s", emit_dest(d, buf));
	if (linked)
		fputs("</a>", f);
}

static void
path_html(FILE *f, const struct model *m, const struct fate *x)
{
	char tok[FORWARD_TOKEN_MAX];
	fputs("<span class=\"path\">", f);
	for (size_t k = 0; k < x->npath; k++) {
		if (k > 0)
			fputs(" \xe2\x80\xba ", f);
		html_escape(f, forward_token(m, x, k, tok));
	}
	fputs("</span>", f);
}

static void
fill_findings(FILE *f, const struct page *pg)
{
	const struct check *c = pg->p->check;
	const struct model *m = pg->m;
	if (c == NULL)
		return;
	fputs("<section class=\"card\" id=\"findings\" aria-labelledby=\"findings-h\">\n<h2 id=\"findings-h\">Findings "
	      "<span class=\"sub\">k8snet check: the constraints of the Kubernetes network model, then the spec's "
	      "expects</span></h2>\n", f);
	fputs("<table class=\"checks\">\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">constraint</th>"
	      "<th scope=\"col\">result</th><th scope=\"col\" class=\"num\">checked</th>"
	      "<th scope=\"col\" class=\"num\">violations</th><th scope=\"col\" class=\"num\">denied by policy</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		const struct check_constraint *k = check_constraint(c, (enum constraint)i);
		if (!k->active)
			continue;
		fprintf(f, "<tr><td>%d</td><td>", i + 1);
		html_escape(f, k->name);
		fprintf(f, "</td><td><span class=\"res %s\">%s</span></td><td class=\"num\">", k->violations ? "fail" : "pass",
			k->violations ? "FAIL" : "pass");
		num(f, k->checked);
		fprintf(f, " %s</td><td class=\"num\">",
			k->id == CONSTRAINT_DISTINCT ? plural(k->checked, "address", "addresses")
			: k->id == CONSTRAINT_SERVICE ? plural(k->checked, "service port", "service ports")
			: k->id == CONSTRAINT_TARGET  ? plural(k->checked, "service backend", "service backends")
						      : plural(k->checked, "pair", "pairs"));
		num(f, k->violations);
		fputs("</td><td class=\"num\">", f);
		num(f, k->denied);
		fputs("</td></tr>\n", f);
		if (k->nlisted == 0)
			continue;
		fputs("<tr><td></td><td colspan=\"5\"><details class=\"viol\" open><summary>", f);
		if (k->violations > k->nlisted) {
			fprintf(f, "the first %zu of ", k->nlisted);
			num(f, k->violations);
			fputs(" violations", f);
		} else {
			fprintf(f, "%zu %s", k->nlisted, plural(k->nlisted, "violation", "violations"));
		}
		fputs("</summary><ol class=\"viol\">\n", f);
		for (size_t j = 0; j < k->nlisted; j++) {
			const struct check_violation *v = &k->listed[j];
			char buf[32], svc[300];
			fputs("<li>", f);
			if (v->svc_port >= 0) {
				/* no pair: link to its column, when the matrix has one */
				const struct matrix *r = pg->p->reach;
				long col = r == NULL ? -1 : r->mx == MX_PROCESS ? matrix_column(r, &v->d)
					 : r->mx == MX_NODE ? (long)(1 + m->nnodes + (size_t)m->svc_ports[v->svc_port].svc) : -1;
				if (col >= 0)
					fprintf(f, "<a href=\"#col-%ld\">", col);
				if (v->backend >= 0) {
					char *text = check_target_text(m, v);
					html_escape(f, text);
					free(text);
					fputs(col >= 0 ? "</a>" : "", f);
				} else {
					fputs("service ", f);
					html_escape(f, model_service_name(m, m->svc_ports[v->svc_port].svc, svc, sizeof svc));
					fprintf(f, " at %s", emit_dest(&v->d, buf));
					fputs(col >= 0 ? "</a>: no endpoints" : ": no endpoints", f);
				}
			} else {
				pair_link(f, pg, v->sender, &v->d);
				fputs(", opened by ", f);
				html_escape(f, m->v[v->expected].name);
				fputs(": ", f);
				char *why = check_explain(m, &v->fate);
				html_escape(f, why);
				free(why);
				path_html(f, m, &v->fate);
			}
			fputs("</li>\n", f);
		}
		fputs("</ol>", f);
		if (k->violations > k->nlisted) {
			fputs("<p class=\"more\">and ", f);
			num(f, k->violations - k->nlisted);
			fputs(" more: <code>k8snet check SPEC --all</code> lists them all.</p>", f);
		}
		fputs("</details></td></tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
	size_t ne = check_nexpects(c);
	fputs("<h3>Expects</h3>\n", f);
	if (ne == 0) {
		fputs("<p class=\"lead\">The spec states no <code>expect</code>.</p>\n", f);
	} else {
		fputs("<table class=\"checks\">\n<thead><tr><th scope=\"col\">line</th><th scope=\"col\">expected</th>"
		      "<th scope=\"col\">result</th><th scope=\"col\">what happens</th></tr></thead>\n<tbody>\n", f);
		for (size_t i = 0; i < ne; i++) {
			const struct check_expect *x = check_expect(c, i);
			const struct expect *e = x->e;
			struct dest d = { e->addr, e->port, e->proto };
			fprintf(f, "<tr><td>%ld</td><td>", e->line);
			pair_link(f, pg, e->from, &d);
			fprintf(f, " %s", verdict_name(e->verdict));
			if (e->receiver >= 0) {
				fputs(" to ", f);
				html_escape(f, m->v[e->receiver].name);
			}
			fprintf(f, "</td><td><span class=\"res %s\">%s</span></td><td>", x->holds ? "pass" : "fail",
				x->holds ? "pass" : "FAIL");
			if (x->nfates > 0) {
				const struct fate *shown = &x->fates[x->shown];
				char *why = check_explain(m, shown);
				html_escape(f, why);
				free(why);
				if (x->nfates > 1)
					fprintf(f, " (backend %zu of %zu)", x->shown + 1, x->nfates);
				path_html(f, m, shown);
			}
			fputs("</td></tr>\n", f);
		}
		fputs("</tbody>\n</table>\n", f);
	}
	fputs("</section>\n", f);
}

/* gvc's SVG without what comes before <svg (XML prolog, DOCTYPE,
 * comments), its ids prefixed so they cannot meet the page's. */
static void
svg_inline(FILE *f, const char *svg, size_t len, const char *prefix)
{
	const char *end = svg + len;
	const char *p = memmem(svg, len, "<svg", 4);
	if (p == NULL)
		return;
	static const char *const refs[] = { " id=\"", "url(#", "href=\"#" };
	while (p < end) {
		const char *hit = NULL;
		size_t hitlen = 0;
		for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
			const char *q = memmem(p, (size_t)(end - p), refs[i], strlen(refs[i]));
			if (q != NULL && (hit == NULL || q < hit)) {
				hit = q;
				hitlen = strlen(refs[i]);
			}
		}
		if (hit == NULL) {
			fwrite(p, 1, (size_t)(end - p), f);
			break;
		}
		fwrite(p, 1, (size_t)(hit + hitlen - p), f);
		fputs(prefix, f);
		p = hit + hitlen;
	}
}

static void
legend(FILE *f, const struct page *pg)
{
	const struct model *m = pg->m;
	fputs("<ul class=\"legend\" aria-label=\"Legend\">", f);
	for (int k = 0; k < CELL_KINDS; k++) {
		const struct matrix *r = pg->p->reach;
		if ((k == CELL_DENY && m->npols == 0 && r->pairs[k] == 0) ||
		    (k == CELL_CLOSED && r->mode != PORTS_ALL && r->pairs[k] == 0) ||
		    (k == CELL_OUTSIDE && r->pairs[k] == 0))
			continue;
		if (k == CELL_NA && pg->mx != MX_PROCESS)
			continue;
		/* Nothing listens: grey where no one opened the port, a fault's
		 * colour behind a service that promised it. */
		if (k == CELL_CLOSED && r->refused > 0)
			fprintf(f, "<li><span class=\"sym closed fault\" aria-hidden=\"true\">%s</span>%s behind a service "
				   "(connection refused: a fault)</li>",
				cell_syms[k], cell_words[k]);
		if (k == CELL_CLOSED && r->refused > 0 && r->refused == r->pairs[k] && r->mode != PORTS_ALL)
			continue;
		fprintf(f, "<li><span class=\"sym %s\" aria-hidden=\"true\">%s</span>%s%s</li>", cell_names[k], cell_syms[k],
			cell_words[k],
			k == CELL_DENY      ? " (intended isolation)"
			: k == CELL_CLOSED  ? " (connection refused)"
			: k == CELL_OUTSIDE ? " (not a fault)"
			: k == CELL_NA      ? " (another pod's 127.0.0.1)"
					    : "");
	}
	fputs("</ul>\n", f);
}

/* (sender, d) is the pair of an expect that fails: a problem the badge
 * counts, whatever its class. */
static bool
failed_expect(const struct page *pg, int sender, const struct dest *d)
{
	const struct check *c = pg->p->check;
	if (c == NULL)
		return false;
	for (size_t i = 0; i < check_nexpects(c); i++) {
		const struct check_expect *x = check_expect(c, i);
		if (!x->holds && x->e->from == sender && x->e->addr == d->addr && x->e->port == d->port &&
		    x->e->proto == d->proto)
			return true;
	}
	return false;
}

/* sender has a failing expect that no cell shows (a destination the
 * matrix does not ask: a closed port, an address outside): its row is the
 * problem "problems only" keeps. */
static bool
failed_expect_off_matrix(const struct page *pg, int sender)
{
	const struct check *c = pg->p->check;
	const struct matrix *r = pg->p->reach;
	if (c == NULL)
		return false;
	for (size_t i = 0; i < check_nexpects(c); i++) {
		const struct check_expect *x = check_expect(c, i);
		struct dest d = { x->e->addr, x->e->port, x->e->proto };
		long col = matrix_column(r, &d);
		if (!x->holds && x->e->from == sender &&
		    (col < 0 || r->kind[(size_t)pg->m->v[sender].idx * r->ncols + (size_t)col] == CELL_NA))
			return true;
	}
	return false;
}

/* Column groups of the per-process matrix. */
enum { G_LO, G_PODS, G_NODES, G_SVC };

struct colgroup {
	int kind;
	int node;  /* G_PODS: whose pods */
	int owner; /* the pod, node or service (-1 for 127.0.0.1) */
};

static struct colgroup
group_of(const struct model *m, const struct dest *d)
{
	if (d->addr == ADDR_LOOPBACK)
		return (struct colgroup){ G_LO, -1, -1 };
	int o = model_addr_owner(m, d->addr);
	if (o >= 0 && m->v[o].kind == V_POD)
		return (struct colgroup){ G_PODS, m->v[o].parent, o };
	if (o >= 0)
		return (struct colgroup){ G_NODES, -1, o };
	return (struct colgroup){ G_SVC, -1, model_service_at(m, d->addr) };
}

static void
head_row1(FILE *f, const struct page *pg, const struct colgroup *g, size_t n)
{
	const struct model *m = pg->m;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && g[j].kind == g[i].kind && g[j].node == g[i].node)
			j++;
		static const char *const cls[] = { "lo", "", "na", "svc" };
		fprintf(f, "<th scope=\"colgroup\" colspan=\"%zu\" class=\"g %s\">", j - i, cls[g[i].kind]);
		switch (g[i].kind) {
		case G_LO:
			fputs("127.0.0.1", f);
			break;
		case G_PODS:
			fputs("pods on ", f);
			html_escape(f, m->v[g[i].node].name);
			break;
		case G_NODES:
			fputs("node addresses", f);
			break;
		default:
			fputs("services", f);
		}
		fputs("</th>", f);
		i = j;
	}
}

static void
head_row2(FILE *f, const struct page *pg, const struct colgroup *g, size_t n)
{
	const struct model *m = pg->m;
	size_t i = 0;
	while (i < n) {
		size_t j = i;
		while (j < n && g[j].kind == g[i].kind && g[j].owner == g[i].owner)
			j++;
		bool first = i == 0 || g[i - 1].kind != g[i].kind || g[i - 1].node != g[i].node;
		static const char *const cls[] = { "lo", "", "na", "svc" };
		fprintf(f, "<th scope=\"colgroup\" colspan=\"%zu\" class=\"%s%s\">", j - i, cls[g[i].kind],
			first ? " first" : "");
		if (g[i].kind == G_LO) {
			fputs("own pod", f);
		} else if (g[i].kind == G_SVC) {
			char svc[300];
			html_escape(f, model_service_name(m, g[i].owner, svc, sizeof svc));
			fputs("<small>", f);
			addr_html(f, m->svcs[g[i].owner].addr);
			fputs("</small>", f);
		} else {
			html_escape(f, m->v[g[i].owner].name);
			fputs("<small>", f);
			addr_html(f, m->v[g[i].owner].addr);
			fputs("</small>", f);
		}
		fputs("</th>", f);
		i = j;
	}
}

static void
matrix_process(FILE *f, const struct page *pg)
{
	const struct matrix *r = pg->p->reach;
	const struct model *m = pg->m;
	struct colgroup *g = xreallocarray(NULL, r->ncols, sizeof *g);
	bool *first = xcalloc(r->ncols, sizeof *first);
	for (size_t i = 0; i < r->ncols; i++) {
		g[i] = group_of(m, &r->cols[i]);
		first[i] = i == 0 || g[i - 1].kind != g[i].kind || g[i - 1].node != g[i].node;
	}
	fputs("<table class=\"mx\" id=\"mx\">\n<caption class=\"sr\">Reachability: senders as rows, destinations as "
	      "columns</caption>\n<thead>\n<tr class=\"h1\"><th scope=\"col\" rowspan=\"3\" class=\"corner\">sender "
	      "\xe2\x86\x93 \xc2\xa0" "destination \xe2\x86\x92</th>",
	      f);
	head_row1(f, pg, g, r->ncols);
	fputs("</tr>\n<tr class=\"h2\">", f);
	head_row2(f, pg, g, r->ncols);
	fputs("</tr>\n<tr class=\"h3\">", f);
	/* A service port that fails constraint 5 or 6 is a problem, in each
	 * of its cells, even where the sender is denied before it. */
	bool *blamed = xcalloc(r->ncols + 1, sizeof *blamed);
	for (size_t i = 0; i < r->ncols; i++) {
		const struct svc_flat *sp = model_service_port(m, r->cols[i].addr, r->cols[i].port, r->cols[i].proto);
		blamed[i] = pg->p->check != NULL && sp != NULL && check_service_port_fails(m, (size_t)(sp - m->svc_ports));
	}
	for (size_t i = 0; i < r->ncols; i++) {
		bool fault = blamed[i];
		const char *cls = first[i] && fault ? " class=\"first fault\"" : first[i] ? " class=\"first\""
				  : fault		? " class=\"fault\""
							: "";
		fprintf(f, "<th scope=\"col\" id=\"col-%zu\"%s>%u/%s</th>", i, cls, r->cols[i].port,
			proto_name(r->cols[i].proto));
	}
	fputs("</tr>\n</thead>\n", f);
	/* A tbody per node: its daemons, then each pod and its containers. */
	for (size_t n = 0; n < m->nnodes; n++) {
		int node = m->nodes[n];
		fputs("<tbody>\n<tr class=\"grp\"><th scope=\"rowgroup\">", f);
		html_escape(f, m->v[node].name);
		fputs("<small>node ", f);
		addr_html(f, m->v[node].addr);
		fprintf(f, "</small></th><td colspan=\"%zu\"></td></tr>\n", r->ncols);
		for (int pass = 0; pass < 2; pass++) {
			int pod = -1;
			for (size_t i = 0; i < m->nprocs; i++) {
				int s = m->procs[i];
				const struct vertex *v = &m->v[s];
				if (matrix_node_of(m, s) != node || (v->kind == V_DAEMON) != (pass == 0))
					continue;
				if (v->kind == V_CONTAINER && v->parent != pod) {
					pod = v->parent;
					fputs("<tr class=\"grp pod\"><th scope=\"rowgroup\">", f);
					html_escape(f, m->v[pod].name);
					fputs("<small>pod ", f);
					addr_html(f, m->v[pod].addr);
					fprintf(f, "</small></th><td colspan=\"%zu\"></td></tr>\n", r->ncols);
				}
				fprintf(f, "<tr class=\"%s%s\" id=\"row-%zu\" data-s=\"", v->kind == V_CONTAINER ? "p" : "d",
					failed_expect_off_matrix(pg, s) ? " fault" : "", i);
				html_escape(f, v->name);
				fputc(' ', f);
				html_escape(f, m->v[v->parent].name);
				if (v->kind == V_CONTAINER) {
					fputc(' ', f);
					html_escape(f, m->v[node].name);
				}
				fputs("\"><th scope=\"row\">", f);
				html_escape(f, v->name);
				if (v->kind == V_DAEMON)
					fputs("<small>daemon</small>", f);
				fputs("</th>", f);
				for (size_t c = 0; c < r->ncols; c++) {
					size_t at = i * r->ncols + c;
					enum matrix_cell kind = (enum matrix_cell)r->kind[at];
					bool fault = kind != CELL_NA && (blamed[c] || judge_pair_is_fault(m, &r->cols[c], (enum judge_class)kind) ||
									 failed_expect(pg, s, &r->cols[c]));
					fprintf(f, "<td class=\"c %s%s%s\"", cell_names[kind], fault ? " fault" : "",
						first[c] ? " first" : "");
					if (r->kind[at] != CELL_NA) {
						fprintf(f, " id=\"c-%zu-%zu\" title=\"", i, c);
						html_escape(f, r->detail[at].tip);
						fputs("\" data-path=\"", f);
						html_escape(f, r->detail[at].path);
						fputc('"', f);
					}
					fputc('>', f);
					sym(f, (enum matrix_cell)r->kind[at]);
					fputs("</td>", f);
				}
				fputs("</tr>\n", f);
			}
		}
		fputs("</tbody>\n", f);
	}
	fputs("</table>\n", f);
	free(g);
	free(first);
	free(blamed);
}

static void
counts_text(FILE *f, const uint64_t *count)
{
	uint64_t total = 0;
	for (int k = 0; k < CELL_NA; k++)
		total += count[k];
	num(f, total);
	fprintf(f, " %s:", plural(total, "pair", "pairs"));
	bool any = false;
	for (int k = 0; k < CELL_NA; k++) {
		if (count[k] == 0)
			continue;
		fputs(any ? ", " : " ", f);
		num(f, count[k]);
		fprintf(f, " %s", cell_words[k]);
		any = true;
	}
}

static void
node_cell(FILE *f, const struct page *pg, size_t row, size_t col, const uint64_t *count)
{
	const struct model *m = pg->m;
	enum matrix_cell w = matrix_worst(count);
	/* Nothing listens behind a service is a fault (judge_pair_is_fault),
	 * and so is a service with a port that fails constraint 5 or 6. */
	bool to_svc = col > m->nnodes, blamed = false;
	if (to_svc && pg->p->check != NULL)
		for (size_t i = 0; i < m->nsvc_ports; i++)
			blamed = blamed || (m->svc_ports[i].svc == (int)(col - 1 - m->nnodes) && check_service_port_fails(m, i));
	bool fault = w != CELL_NA && (blamed || judge_is_fault((enum judge_class)w) || (to_svc && w == CELL_CLOSED));
	fprintf(f, "<td class=\"c %s%s%s\"", cell_names[w], fault ? " fault" : "",
		col == 1 || col == 1 + m->nnodes ? " first" : "");
	if (w == CELL_NA) {
		fputs("></td>", f);
		return;
	}
	const char *from = m->v[m->nodes[row]].name;
	fprintf(f, " id=\"c-%zu-%zu\" title=\"from the processes of ", row, col);
	html_escape(f, from);
	if (col == 0) {
		fputs(" to 127.0.0.1 (their own pods)", f);
	} else if (col <= m->nnodes) {
		fputs(" to the pods and node address of ", f);
		html_escape(f, m->v[m->nodes[col - 1]].name);
	} else {
		char svc[300];
		fputs(" to service ", f);
		html_escape(f, model_service_name(m, (int)(col - 1 - m->nnodes), svc, sizeof svc));
	}
	fputc('\n', f);
	counts_text(f, count);
	fputs("\" data-nodes=\"", f);
	html_escape(f, from);
	if (col >= 1 && col <= m->nnodes && col - 1 != row) {
		fputc(' ', f);
		html_escape(f, m->v[m->nodes[col - 1]].name);
	}
	fprintf(f, "\"><span aria-hidden=\"true\">%s</span><span class=\"k\">", cell_syms[w]);
	uint64_t bad = 0;
	for (int k = 0; k < CELL_NA; k++)
		if (k != CELL_OK && (k != CELL_CLOSED || to_svc) && k != CELL_OUTSIDE)
			bad += count[k];
	bool good = w == CELL_OK || (w == CELL_CLOSED && !to_svc) || w == CELL_OUTSIDE;
	num(f, good ? count[CELL_OK] + (to_svc ? 0 : count[CELL_CLOSED]) + count[CELL_OUTSIDE] : bad);
	fputs("</span><span class=\"sr\"> ", f);
	counts_text(f, count);
	fputs("</span></td>", f);
}

static void
matrix_node(FILE *f, const struct page *pg)
{
	const struct matrix *r = pg->p->reach;
	const struct model *m = pg->m;
	fputs("<table class=\"mx nodes\" id=\"mx\">\n<caption class=\"sr\">Reachability per node: sender nodes as rows, "
	      "destination nodes as columns, pairs counted per verdict</caption>\n<thead>\n<tr class=\"h1\">"
	      "<th scope=\"col\" rowspan=\"2\" class=\"corner\">from node \xe2\x86\x93 \xc2\xa0to \xe2\x86\x92</th>"
	      "<th scope=\"colgroup\" class=\"g lo\">127.0.0.1</th>",
	      f);
	fprintf(f, "<th scope=\"colgroup\" colspan=\"%zu\" class=\"g\">pods and daemons on node</th>", m->nnodes);
	if (m->nsvcs > 0)
		fprintf(f, "<th scope=\"colgroup\" colspan=\"%zu\" class=\"g svc\">services</th>", m->nsvcs);
	fputs("</tr>\n<tr class=\"h2\"><th scope=\"col\" id=\"col-0\" class=\"lo\">own pod</th>", f);
	for (size_t n = 0; n < m->nnodes; n++) {
		fprintf(f, "<th scope=\"col\" id=\"col-%zu\"%s>", n + 1, n == 0 ? " class=\"first\"" : "");
		html_escape(f, m->v[m->nodes[n]].name);
		fputs("</th>", f);
	}
	for (size_t s = 0; s < m->nsvcs; s++) {
		char svc[300];
		fprintf(f, "<th scope=\"col\" id=\"col-%zu\" class=\"svc%s\">", 1 + m->nnodes + s, s == 0 ? " first" : "");
		html_escape(f, model_service_name(m, (int)s, svc, sizeof svc));
		fputs("</th>", f);
	}
	fputs("</tr>\n</thead>\n<tbody>\n", f);
	for (size_t n = 0; n < m->nnodes; n++) {
		const struct vertex *v = &m->v[m->nodes[n]];
		fprintf(f, "<tr class=\"p\" id=\"row-%zu\" data-s=\"", n);
		html_escape(f, v->name);
		fputs("\"><th scope=\"row\">", f);
		html_escape(f, v->name);
		fprintf(f, "<small>%zu %s</small></th>", v->npods, plural(v->npods, "pod", "pods"));
		for (size_t c = 0; c < r->nncols; c++)
			node_cell(f, pg, n, c, r->count[n * r->nncols + c]);
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void
matrix_totals(FILE *f, const struct page *pg)
{
	const struct matrix *r = pg->p->reach;
	const struct model *m = pg->m;
	fputs("<table class=\"mx nodes\" id=\"mx\">\n<caption class=\"sr\">Pairs per verdict for each sender node"
	      "</caption>\n<thead>\n<tr class=\"h1\"><th scope=\"col\" class=\"corner\">from node</th>",
	      f);
	for (int k = 0; k < CELL_NA; k++)
		fprintf(f, "<th scope=\"col\" id=\"col-%d\"><span aria-hidden=\"true\">%s</span> %s</th>", k, cell_syms[k],
			cell_words[k]);
	fputs("</tr>\n</thead>\n<tbody>\n", f);
	for (size_t n = 0; n < m->nnodes; n++) {
		const struct vertex *v = &m->v[m->nodes[n]];
		const uint64_t *count = r->count[n];
		fprintf(f, "<tr class=\"p\" id=\"row-%zu\" data-s=\"", n);
		html_escape(f, v->name);
		fputs("\"><th scope=\"row\">", f);
		html_escape(f, v->name);
		fputs("</th>", f);
		for (int k = 0; k < CELL_NA; k++) {
			if (count[k] == 0) {
				fputs("<td class=\"c na\"></td>", f);
				continue;
			}
			fprintf(f, "<td class=\"c %s\" id=\"c-%zu-%d\" title=\"from the processes of ", cell_names[k], n, k);
			html_escape(f, v->name);
			fputs("&#10;", f);
			num(f, count[k]);
			fprintf(f, " %s %s\" data-nodes=\"", plural(count[k], "pair", "pairs"), cell_words[k]);
			html_escape(f, v->name);
			fputs("\"><span class=\"k\">", f);
			num(f, count[k]);
			fputs("</span></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table>\n", f);
}

static void
fill_workbench(FILE *f, const struct page *pg)
{
	const struct html_page *p = pg->p;
	if (p->svg == NULL && p->reach == NULL)
		return;
	fputs("<div class=\"bench\">\n", f);
	if (p->svg != NULL) {
		fputs("<section class=\"card\" id=\"diagram\" aria-labelledby=\"diagram-h\">\n<h2 id=\"diagram-h\">Diagram "
		      "<span class=\"sub\">",
		      f);
		fputs(p->svg_summarized ? "the Network Graph, one vertex per node" : "the Network Graph", f);
		fputs("</span></h2>\n<div class=\"tools zoom\"><button type=\"button\" data-zoom=\"fit\">Fit</button>"
		      "<button type=\"button\" data-zoom=\"full\">Actual size</button>"
		      "<button type=\"button\" id=\"stack\" aria-pressed=\"false\">Full width</button>"
		      "<span class=\"count\">Click a "
		      "matrix cell to see its message's path; click a switch for its FIB.</span></div>\n"
		      "<div class=\"fig\" id=\"fig\">\n",
		      f);
		svg_inline(f, p->svg, p->svg_len, "k8snet-g-");
		fputs("\n</div>\n<ul class=\"dlegend\" aria-label=\"Diagram legend\">", f);
		if (p->svg_summarized)
			fputs("<li><i></i>a node, with its pods and processes</li>", f);
		else
			fputs("<li><i></i>switch (node, pod)</li><li><i class=\"proc\"></i>process (container, daemon)</li>", f);
		fputs("<li><i class=\"down\"></i>link down</li><li class=\"pk\"><i class=\"path\"></i>the picked "
		      "message's path</li></ul>\n", f);
		fputs("<div class=\"pick\" id=\"pick\" aria-live=\"polite\"><span class=\"none\">No message "
		      "picked: click a cell of the matrix, or a finding.</span></div>\n</section>\n",
		      f);
	}
	const struct matrix *r = p->reach;
	if (r != NULL) {
		fputs("<section class=\"card\" id=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">"
		      "Reachability matrix <span class=\"sub\">",
		      f);
		num(f, pg->m->nprocs);
		fputs(" senders \xc3\x97 ", f);
		num(f, r->ncols);
		fprintf(f, " destinations (--ports %s)%s</span></h2>\n", reach_mode_name(r->mode),
			r->mx == MX_PROCESS ? "" : r->mx == MX_NODE ? ", drawn per node" : ", counted per node");
		fputs("<div class=\"tools\"><input type=\"search\" id=\"mx-filter\" placeholder=\"Filter: name, address, "
		      "port\" aria-label=\"Filter senders or destinations by name, address or port\">"
		      "<label title=\"Hide the senders and destinations whose messages all arrive, or are denied by "
		      "policy as intended\"><input type=\"checkbox\" id=\"mx-problems\"> Problems only</label>"
		      "<span class=\"count\" id=\"mx-count\" aria-live=\"polite\"></span></div>\n",
		      f);
		fputs("<div class=\"mx-wrap\" id=\"mx-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Reachability "
		      "matrix; arrow keys move between cells\">\n",
		      f);
		if (r->ncols == 0 || pg->m->nprocs == 0)
			fputs("<p class=\"empty\">This cluster has no sender or no destination.</p>\n", f);
		else if (r->mx == MX_PROCESS)
			matrix_process(f, pg);
		else if (r->mx == MX_NODE)
			matrix_node(f, pg);
		else
			matrix_totals(f, pg);
		fputs("<p class=\"empty hide\" id=\"mx-empty\">No sender or destination matches.</p>\n</div>\n", f);
		legend(f, pg);
		fputs("</section>\n", f);
	}
	fputs("</div>\n", f);
}

static void
fib_details(FILE *f, const struct page *pg, int sw, bool open)
{
	const struct model *m = pg->m;
	const struct vertex *v = &m->v[sw];
	size_t n;
	struct rule *t = fib_table(m, sw, &n);
	fprintf(f, "<details class=\"fib %s\" id=\"fib-%d\" data-name=\"", v->kind == V_POD ? "pod" : "node", sw);
	html_escape(f, v->name);
	fprintf(f, "\"%s><summary><span class=\"kind\">%s</span><span class=\"nm\">", open ? " open" : "",
		v->kind == V_POD ? "pod" : "node");
	html_escape(f, v->name);
	fputs("</span><span class=\"ad\">", f);
	addr_html(f, v->addr);
	fputs("</span>", f);
	if (v->kind == V_POD) {
		fputs("<span class=\"ad\">on ", f);
		html_escape(f, m->v[v->parent].name);
		fputs("</span>", f);
	}
	if (v->nfib > 0)
		fprintf(f, "<span class=\"ovb\">%zu %s</span>", v->nfib, plural(v->nfib, "override", "overrides"));
	fputs("<span class=\"rc\">", f);
	num(f, n);
	fprintf(f, " %s</span></summary>\n", plural(n, "rule", "rules"));
	fputs("<table class=\"fibt\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">src</th><th scope=\"col\">dst"
	      "</th><th scope=\"col\">dport</th><th scope=\"col\">protocol</th><th scope=\"col\">action</th>"
	      "<th scope=\"col\">to</th><th scope=\"col\">rule</th></tr></thead>\n<tbody>\n",
	      f);
	char a[24], b[24], c[24], to[160];
	for (size_t i = 0; i < n; i++) {
		const struct rule *r = &t[i];
		fprintf(f, "<tr%s><td class=\"pos\">%zu</td><td>", r->origin == ORIG_OVERRIDE ? " class=\"ov\"" : "", i + 1);
		html_escape(f, fib_field_src(r, a));
		fputs("</td><td>", f);
		html_escape(f, fib_field_dst(r, b));
		fputs("</td><td>", f);
		html_escape(f, fib_field_dport(r, c));
		fputs("</td><td>", f);
		html_escape(f, fib_field_proto(r));
		fprintf(f, "</td><td class=\"act-%s\">%s</td><td>", fib_action_name(r->action), fib_action_name(r->action));
		html_escape(f, fib_rule_to(m, r, to, sizeof to));
		fputs("</td><td class=\"org\">", f);
		if (r->origin == ORIG_OVERRIDE)
			fprintf(f, "Override (spec line %ld)", r->line);
		else
			html_escape(f, fib_origin_name(r->origin));
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table>\n</details>\n", f);
	free(t);
}

static void
fill_fibs(FILE *f, const struct page *pg)
{
	const struct model *m = pg->m;
	const struct html_page *p = pg->p;
	fputs("<section class=\"card\" id=\"fibs\" aria-labelledby=\"fibs-h\">\n<h2 id=\"fibs-h\">FIB tables "
	      "<span class=\"sub\">",
	      f);
	if (p->only_switch >= 0)
		fputs("one switch", f);
	else {
		num(f, m->nswitches);
		fputs(" switches, ", f);
		num(f, pg->fib_rules);
		fputs(" rules; first matching rule wins", f);
	}
	fputs("</span></h2>\n", f);
	if (pg->fib_full) {
		bool open = is_fib_page(pg) || p->only_switch >= 0;
		fputs("<div class=\"fibtools\"><button type=\"button\" data-fibs=\"open\">Expand all</button>"
		      "<button type=\"button\" data-fibs=\"close\">Collapse all</button></div>\n",
		      f);
		for (size_t i = 0; i < m->nswitches; i++)
			if (p->only_switch < 0 || m->switches[i] == p->only_switch)
				fib_details(f, pg, m->switches[i], open);
		fputs("</section>\n", f);
		return;
	}
	/* One line per switch; past 20,000 switches, nodes only. */
	bool pods = m->nswitches <= 20000;
	fputs("<div class=\"fibsum-wrap\"><table class=\"fibsum\">\n<thead><tr><th scope=\"col\">#</th>"
	      "<th scope=\"col\">switch</th><th scope=\"col\">kind</th><th scope=\"col\">address</th>"
	      "<th scope=\"col\">node</th><th scope=\"col\" class=\"num\">rules</th>"
	      "<th scope=\"col\" class=\"num\">overrides</th>",
	      f);
	if (p->fib_file != NULL)
		fputs("<th scope=\"col\">table</th>", f);
	fputs("</tr></thead>\n<tbody>\n", f);
	for (size_t i = 0; i < m->nswitches; i++) {
		const struct vertex *v = &m->v[m->switches[i]];
		if (v->kind == V_POD && !pods)
			continue;
		fprintf(f, "<tr><td class=\"num\">%zu</td><td>", i + 1);
		html_escape(f, v->name);
		fprintf(f, "</td><td>%s</td><td class=\"mono\">", v->kind == V_POD ? "pod" : "node");
		addr_html(f, v->addr);
		fputs("</td><td>", f);
		html_escape(f, m->v[matrix_node_of(m, m->switches[i])].name);
		fputs("</td><td class=\"num\">", f);
		num(f, fib_table_size(m, m->switches[i]));
		fputs("</td><td class=\"num\">", f);
		num(f, v->nfib);
		fputs("</td>", f);
		if (p->fib_file != NULL && p->fib_files != NULL && !p->fib_files[i]) {
			fputs("<td>(not written)</td>", f);
		} else if (p->fib_file != NULL) {
			char name[HTML_FIB_FILE_MAX];
			p->fib_file(i + 1, m->nswitches, v->name, name);
			fputs("<td><a href=\"fib/", f);
			html_escape(f, name);
			fputs("\">", f);
			html_escape(f, name);
			fputs("</a></td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody>\n</table></div>\n", f);
	if (!pods)
		fputs("<p class=\"more\">Pods are left out of this list: there are more than 20,000 switches.</p>\n", f);
	fputs("</section>\n", f);
}

static void
fill_footer(FILE *f, const struct page *pg)
{
	if (pg->p->report) {
		fputs("<section id=\"files\" aria-labelledby=\"files-h\"><h2 id=\"files-h\">Files of this report</h2>\n"
		      "<p><a href=\"graph.svg\">graph.svg</a> (the diagram) \xc2\xb7 <a href=\"graph.dot\">graph.dot</a> "
		      "(the full Network Graph, for Graphviz) \xc2\xb7 <a href=\"fib.csv\">fib.csv</a> ",
		      f);
		fputs(pg->p->fib_files != NULL ? "(the FIBs with overrides or a down link) \xc2\xb7 <a href=\"fib/\">fib/</a> "
						 "(those tables, one per switch)"
					       : "(every FIB) \xc2\xb7 <a href=\"fib/\">fib/</a> (one table per switch)",
		      f);
		fputs(" \xc2\xb7 <a href=\"reach.csv\">reach.csv</a> (", f);
		fputs(pg->p->reach_csv_filtered ? "the faulty pairs" : "every pair", f);
		fputs(")</p>\n</section>\n", f);
	}
	fputs("<p>Written by ", f);
	html_escape(f, PACKAGE_STRING);
	fputs(" from <code>", f);
	html_escape(f, pg->p->spec_name ? pg->p->spec_name : "-");
	fputs("</code>. Self-contained: this page fetches nothing; it reads without its script, and prints.</p>\n", f);
}

static void
fill_data(FILE *f, const struct page *pg)
{
	const struct model *m = pg->m;
	const struct html_page *p = pg->p;
	static const char *const mx[] = { "process", "node", "totals" };
	fputs("{\"cluster\":", f);
	html_json_string(f, m->name);
	fputs(",\"spec\":", f);
	html_json_string(f, p->spec_name ? p->spec_name : "-");
	fprintf(f, ",\"matrix\":\"%s\",\"diagram\":\"%s\"", p->reach != NULL ? mx[pg->mx] : "none",
		p->svg == NULL ? "none" : p->svg_summarized ? "node" : "full");
	/* A per-node diagram with a per-process matrix: the node of every
	 * pod and process, to find a path's vertices on the diagram. */
	if (p->svg != NULL && p->svg_summarized && p->reach != NULL && pg->mx == MX_PROCESS) {
		fputs(",\"up\":{", f);
		bool first = true;
		for (size_t i = 0; i < m->nv; i++) {
			if (m->v[i].kind == V_NODE)
				continue;
			fputs(first ? "" : ",", f);
			first = false;
			html_json_string(f, m->v[i].name);
			fputc(':', f);
			html_json_string(f, m->v[matrix_node_of(m, (int)i)].name);
		}
		fputc('}', f);
	}
	fputc('}', f);
}

static void
fill(void *ctx, FILE *f, const char *key)
{
	const struct page *pg = ctx;
	if (strcmp(key, "GENERATOR") == 0)
		html_escape(f, PACKAGE_STRING);
	else if (strcmp(key, "TITLE") == 0)
		fill_title(f, pg);
	else if (strcmp(key, "CSS") == 0)
		fputs(tmpl_report_css, f);
	else if (strcmp(key, "JS") == 0)
		fputs(tmpl_report_js, f);
	else if (strcmp(key, "KICKER") == 0)
		fputs(is_fib_page(pg) ? "Forwarding tables" : "Kubernetes network report", f);
	else if (strcmp(key, "CLUSTER") == 0)
		html_escape(f, pg->m->name);
	else if (strcmp(key, "META") == 0)
		fill_meta(f, pg);
	else if (strcmp(key, "STATUS") == 0)
		fill_status(f, pg);
	else if (strcmp(key, "COUNTS") == 0)
		fill_counts(f, pg);
	else if (strcmp(key, "NAV") == 0)
		fill_nav(f, pg);
	else if (strcmp(key, "NOTES") == 0)
		fill_notes(f, pg);
	else if (strcmp(key, "FINDINGS") == 0)
		fill_findings(f, pg);
	else if (strcmp(key, "WORKBENCH") == 0)
		fill_workbench(f, pg);
	else if (strcmp(key, "FIBS") == 0)
		fill_fibs(f, pg);
	else if (strcmp(key, "WORKLOADS") == 0 && pg->p->workloads != NULL)
		pg->p->workloads_section(f, pg->p->workloads, pg->p);
	else if (strcmp(key, "FOOTER") == 0)
		fill_footer(f, pg);
	else if (strcmp(key, "DATA") == 0)
		fill_data(f, pg);
}

bool
html_cell_anchor(const struct html_page *p, int sender, const struct dest *d, char *buf, size_t len)
{
	struct page pg = { .p = p, .m = p->m };
	return cell_id(&pg, sender, d, buf, len);
}

void
html_svg_inline(FILE *f, const char *svg, size_t len, const char *prefix)
{
	svg_inline(f, svg, len, prefix);
}

char *
html_diagram(const struct model *m, size_t *len, bool *summarized)
{
	*summarized = graph_summarized(m);
	if (*summarized || m->nsvcs == 0)
		return graph_svg(m, NULL, 0, len);
	struct graph *g = graph_new(m, GRAPH_FULL);
	graph_add_services(g);
	char *svg = graph_render_svg(g, len);
	graph_free(g);
	return svg;
}

void
html_page_write(FILE *f, const struct html_page *p)
{
	const struct model *m = p->m;
	struct page pg = { .p = p, .m = m, .mx = p->reach != NULL ? p->reach->mx : MX_PROCESS };
	for (size_t i = 0; i < m->nprocs; i++)
		pg.containers += m->v[m->procs[i]].kind == V_CONTAINER;
	for (size_t i = 0; i < m->nswitches; i++) {
		const struct vertex *v = &m->v[m->switches[i]];
		pg.endpoints += v->neps;
		pg.overrides += v->nfib;
		if (p->only_switch < 0 || m->switches[i] == p->only_switch)
			pg.fib_rules += fib_table_size(m, m->switches[i]);
	}
	pg.fib_full = p->only_switch >= 0 || pg.fib_rules <= HTML_FIB_RULES;
	html_expand(f, tmpl_report_html, fill, &pg);
}
