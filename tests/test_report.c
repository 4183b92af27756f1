/* The HTML page (escaping, template, summaries) and report SPEC -o DIR
 * (file names, refusals, atomic replacement, failures that keep the last
 * good report). */
#include "testlib.h"
#include "emit.h"
#include "html.h"
#include "report.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- helpers ---- */

/* What fn writes to a stream, as a string (caller frees). */
#define CAPTURE(var, stmt)                                  \
	do {                                                \
		size_t capture_len_;                        \
		FILE *f = open_memstream(&(var), &capture_len_); \
		assert_non_null(f);                         \
		stmt;                                       \
		fclose(f);                                  \
	} while (0)

static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *s;
	size_t len;
	FILE *out = open_memstream(&s, &len);
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		fwrite(buf, 1, n, out);
	fclose(f);
	fclose(out);
	return s;
}

static char *
join(const char *dir, const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static bool
exists(const char *dir, const char *name)
{
	char *p = join(dir, name);
	struct stat st;
	bool ok = stat(p, &st) == 0;
	free(p);
	return ok;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
rm_tree(const char *path)
{
	nftw(path, rm_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* A scratch folder for one test; the report goes to its "out". */
static char *
scratch(void)
{
	char *d = xstrdup("/tmp/k8snet-test-report.XXXXXX");
	assert_non_null(mkdtemp(d));
	return d;
}

/* Entries of dir whose name holds ".k8snet-": temporary folders left over. */
static int
leftovers(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	int n = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL)
		n += strstr(e->d_name, ".k8snet-") != NULL;
	closedir(d);
	return n;
}

static const char k1_body[] = "<node name=\"N1\" address=\"192.168.0.1\">\n"
			      "<daemon name=\"D1\"/>\n"
			      "<pod name=\"P1\" address=\"10.1.1.1\">\n"
			      "<container name=\"C1.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C1.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "<pod name=\"P3\" address=\"10.1.1.2\">\n"
			      "<container name=\"C3.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C3.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "</node>\n"
			      "<node name=\"N2\" address=\"192.168.0.2\">\n"
			      "<daemon name=\"D2\"/>\n"
			      "<pod name=\"P2\" address=\"10.1.2.1\">\n"
			      "<container name=\"C2.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C2.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "<pod name=\"P4\" address=\"10.1.2.2\">\n"
			      "<container name=\"C4.1\"><port number=\"8080\"/></container>\n"
			      "<container name=\"C4.2\"><port number=\"9090\"/></container>\n"
			      "</pod>\n"
			      "</node>\n";

/* K1 under another name (XML-escaped already), with extra elements. */
static struct model *
k1_named(const char *name_xml, const char *extra)
{
	char *xml = xasprintf("<cluster name=\"%s\">\n%s%s\n</cluster>\n", name_xml, k1_body, extra);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

/* ---- escaping and the template ---- */

static void
test_html_escape_every_special(void **state)
{
	(void)state;
	char *s;
	CAPTURE(s, html_escape(f, "K1 <script>x & \"co\" 'q'"));
	assert_string_equal(s, "K1 &lt;script&gt;x &amp; &quot;co&quot; &#39;q&#39;");
	free(s);
	CAPTURE(s, html_escape(f, "plain C1.1 10.1.1.1:8080"));
	assert_string_equal(s, "plain C1.1 10.1.1.1:8080");
	free(s);
	CAPTURE(s, html_escape(f, "two\nlines"));
	assert_string_equal(s, "two&#10;lines");
	free(s);
	CAPTURE(s, html_escape_n(f, "a<b>c", 2));
	assert_string_equal(s, "a&lt;");
	free(s);
}

static void
test_html_json_string_safe_in_script(void **state)
{
	(void)state;
	char *s;
	CAPTURE(s, html_json_string(f, "</script><!-- & \"q\" \\ \n\t\xe2\x80\xa8x\xc3\xa9"));
	assert_string_equal(s, "\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\\"q\\\" \\\\ \\n\\u0009\\u2028x\xc3\xa9\"");
	assert_null(strstr(s, "</"));
	assert_null(strstr(s, "<!--"));
	free(s);
}

static void
fill_test(void *ctx, FILE *f, const char *key)
{
	int *calls = ctx;
	(*calls)++;
	fprintf(f, "[%s]", key);
}

static void
test_html_expand_fills_keys_only(void **state)
{
	(void)state;
	int calls = 0;
	char *s;
	CAPTURE(s, html_expand(f, "a{{ONE}}b{{not key}}c{{TWO_2}}{{}}{{X}", fill_test, &calls));
	assert_string_equal(s, "a[ONE]b{{not key}}c[TWO_2]{{}}{{X}");
	assert_int_equal(calls, 2);
	free(s);
}

/* ---- the matrix's cells ---- */

static enum html_cell
classify(const struct model *m, const char *sender, const char *dst)
{
	struct dest d;
	assert_true(dest_parse(dst, &d.addr, &d.port, &d.proto));
	struct fate *f;
	size_t n = forward_run(m, test_id(m, sender), d.addr, d.port, d.proto, &f);
	enum html_cell c = html_classify(m, test_id(m, sender), &d, f, n);
	forward_free(f, n);
	return c;
}

static void
test_html_classify_verdicts(void **state)
{
	(void)state;
	/* N1-N2 down; P3 delivers 9090 to the wrong container; P4 sends
	 * P2's messages to its 8080 back to N2, which forwards them to P4. */
	struct model *m = k1_named("K1", "<link-down from=\"N1\" to=\"N2\"/>\n"
					 "<fib switch=\"P3\"><rule action=\"deliver\" dport=\"9090\" to=\"C3.1\"/></fib>\n"
					 "<fib switch=\"P4\"><rule action=\"forward\" src=\"10.1.2.1\" dport=\"8080\" "
					 "to=\"N2\"/></fib>\n");
	assert_int_equal(classify(m, "C1.1", "10.1.1.2:8080"), CELL_OK);
	assert_int_equal(classify(m, "C1.1", "127.0.0.1:9090"), CELL_OK);
	assert_int_equal(classify(m, "C1.1", "10.1.2.1:8080"), CELL_DROP);
	assert_int_equal(classify(m, "C1.1", "10.1.1.2:9090"), CELL_WRONG);
	assert_int_equal(classify(m, "C2.1", "10.1.2.2:8080"), CELL_LOOP);
	assert_int_equal(classify(m, "C3.1", "10.1.1.1:8080"), CELL_OK);
	/* --ports all: a port nobody opened */
	assert_int_equal(classify(m, "C1.1", "10.1.1.2:7000"), CELL_CLOSED);
	model_free(m);
}

static void
test_html_classify_policy_denied(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"p\">\n"
				     "<node name=\"N1\" address=\"192.168.0.1\">\n"
				     "<pod name=\"a\" address=\"10.1.1.1\"><container name=\"a1\"><port number=\"80\"/>"
				     "</container></pod>\n"
				     "<pod name=\"b\" address=\"10.1.1.2\"><container name=\"b1\"><port number=\"80\"/>"
				     "</container></pod>\n"
				     "</node>\n"
				     "<policy name=\"deny\"><pod-selector/></policy>\n"
				     "</cluster>\n");
	assert_int_equal(classify(m, "a1", "10.1.1.2:80"), CELL_DENY);
	assert_int_equal(classify(m, "a1", "127.0.0.1:80"), CELL_OK);
	model_free(m);
}

/* ---- the page ---- */

static char *
page_of(const struct model *m, enum ports_mode mode, bool *per_process)
{
	struct html_reach *r = html_reach_new(m, mode);
	reach_run(m, mode, html_reach_add, r);
	struct check *c = check_run(m, 10);
	struct html_page p = { .m = m, .spec_name = "t.xml", .reach = r, .check = c, .only_switch = -1 };
	char *s;
	CAPTURE(s, html_page_write(f, &p));
	*per_process = html_reach_per_process(r);
	check_free(c);
	html_reach_free(r);
	return s;
}

static void
test_page_escapes_cluster_name(void **state)
{
	(void)state;
	struct model *m = k1_named("K1 &lt;script&gt;x &amp; &quot;co&quot;", "");
	assert_string_equal(m->name, "K1 <script>x & \"co\"");
	bool per_process;
	char *s = page_of(m, PORTS_OPEN, &per_process);
	assert_true(per_process);
	assert_non_null(strstr(s, "<title>K1 &lt;script&gt;x &amp; &quot;co&quot; "));
	assert_non_null(strstr(s, "<span class=\"cluster\">K1 &lt;script&gt;x &amp; &quot;co&quot;</span>"));
	assert_non_null(strstr(s, "\"cluster\":\"K1 \\u003cscript\\u003ex \\u0026 \\\"co\\\"\""));
	assert_null(strstr(s, "<script>x"));
	assert_null(strstr(s, "\"co\"\""));
	/* The template is filled: no placeholder is left. */
	assert_null(strstr(s, "{{"));
	free(s);
	model_free(m);
}

static void
test_page_cells_and_findings(void **state)
{
	(void)state;
	struct model *m = k1_named("K1", "<link-down from=\"N1\" to=\"N2\"/>\n");
	bool per_process;
	char *s = page_of(m, PORTS_OPEN, &per_process);
	assert_true(per_process);
	/* C1.1 (sender 1) to 10.1.2.1:8080 (column 6: two 127.0.0.1 ports,
	 * P1's two, P3's two): discarded at N1, with its path. */
	const char *cell = strstr(s, "id=\"c-1-6\"");
	assert_non_null(cell);
	const char *td = cell;
	while (td > s && strncmp(td, "<td", 3) != 0)
		td--;
	assert_true(strncmp(td, "<td class=\"c drop", 17) == 0);
	assert_non_null(strstr(cell, "data-path=\"C1.1&gt;P1&gt;N1\""));
	/* The finding links to it. */
	assert_non_null(strstr(s, "<a href=\"#c-1-6\">C1.1 \xe2\x86\x92 10.1.2.1:8080/TCP</a>"));
	assert_non_null(strstr(s, "badge fail"));
	free(s);
	model_free(m);
}

/* A grid of nodes x pods x one container, each on port 80. */
static struct model *
grid(int nodes, int pods)
{
	char *xml;
	size_t len;
	FILE *f = open_memstream(&xml, &len);
	fputs("<cluster name=\"grid\">\n", f);
	for (int n = 1; n <= nodes; n++) {
		fprintf(f, "<node name=\"N%d\" address=\"192.168.%d.%d\">\n", n, n / 250, n % 250 + 1);
		for (int p = 1; p <= pods; p++)
			fprintf(f, "<pod name=\"P%d.%d\" address=\"10.%d.%d.%d\"><container name=\"C%d.%d\">"
				   "<port number=\"80\"/></container></pod>\n",
				n, p, 1 + n / 250, n % 250, p, n, p);
		fputs("</node>\n", f);
	}
	fputs("</cluster>\n", f);
	fclose(f);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

static void
test_page_summarized_above_threshold(void **state)
{
	(void)state;
	/* 10 x 10: 100 senders x 101 columns = 10,100 cells, one more row
	 * than the 10,000 drawn per process. */
	struct model *m = grid(10, 10);
	bool per_process;
	char *s = page_of(m, PORTS_OPEN, &per_process);
	assert_false(per_process);
	assert_non_null(strstr(s, "class=\"mx nodes\""));
	assert_non_null(strstr(s, "it is drawn per node instead"));
	/* Node N1 to node N2: 10 senders x 10 pods, all delivered. */
	assert_non_null(strstr(s, "id=\"c-0-2\" title=\"from the processes of N1 to the pods and node address of N2\n"
				  "100 pairs: 100 delivered\""));
	free(s);
	model_free(m);
	/* 10 x 9: 90 x 91 = 8,190 cells, drawn per process. */
	m = grid(10, 9);
	s = page_of(m, PORTS_OPEN, &per_process);
	assert_true(per_process);
	assert_null(strstr(s, "class=\"mx nodes\""));
	assert_null(strstr(s, "some views are summarized"));
	free(s);
	model_free(m);
}

static void
test_page_counts_per_node_above_300_nodes(void **state)
{
	(void)state;
	/* 301 nodes of one pod: too many nodes for a node x node matrix. */
	struct model *m = grid(301, 1);
	bool per_process;
	char *s = page_of(m, PORTS_OPEN, &per_process);
	assert_false(per_process);
	assert_non_null(strstr(s, "one line of counts per verdict for each sender node"));
	/* N1's container reaches its own 127.0.0.1 port and the 301 pods. */
	assert_non_null(strstr(s, "<th scope=\"row\">N1</th><td class=\"c ok\" id=\"c-0-0\" title=\"from the processes "
				  "of N1&#10;302 pairs delivered\" data-nodes=\"N1\"><span class=\"k\">302</span></td>"));
	assert_null(strstr(s, "id=\"c-0-2\""));
	free(s);
	model_free(m);
}

static void
test_fib_page_only_switch(void **state)
{
	(void)state;
	struct model *m = k1_named("K1", "");
	struct html_page p = { .m = m, .spec_name = "k1.xml", .only_switch = test_id(m, "P2") };
	char *s;
	CAPTURE(s, html_page_write(f, &p));
	assert_non_null(strstr(s, "data-name=\"P2\""));
	assert_null(strstr(s, "data-name=\"P1\""));
	assert_non_null(strstr(s, "<td>10.1.2.1</td><td>9090</td><td>TCP</td><td class=\"act-deliver\">deliver</td>"
				  "<td>C2.2</td><td class=\"org\">Delivery on Pod Address</td>"));
	assert_null(strstr(s, "id=\"matrix\""));
	free(s);
	model_free(m);
}

/* ---- report ---- */

static void
test_report_fib_file_names(void **state)
{
	(void)state;
	char buf[REPORT_FIB_FILE_MAX];
	assert_string_equal(report_fib_file(1, 6, "N1", buf), "00001-N1.txt");
	assert_string_equal(report_fib_file(42, 99999, "web-1/nginx:x_y.z", buf), "00042-web-1_nginx_x_y.z.txt");
	/* Past 99,999 switches, every number as wide as the largest. */
	assert_string_equal(report_fib_file(123456, 123456, "a", buf), "123456-a.txt");
	assert_string_equal(report_fib_file(1, 100000, "a", buf), "000001-a.txt");
	assert_string_equal(report_fib_file(7, 31000000, "a", buf), "00000007-a.txt");
	char name[254];
	memset(name, 'a', 253);
	name[253] = '\0';
	name[99] = 'B';
	name[100] = 'C';
	report_fib_file(7, 10, name, buf);
	assert_int_equal(strlen(buf), 6 + 100 + 4);
	assert_true(strncmp(buf + 6 + 98, "aB.txt", 6) == 0);
}

/* report_write_rows, checked: its status agrees with its cause. Returns
 * the cause (the caller frees it), NULL when the report is written. */
static char *
report_rows(const struct model *m, const char *spec_name, const char *dir, uint64_t rows)
{
	char *cause = (char *)"unset";
	int rc = report_write_rows(m, spec_name, dir, rows, &cause);
	assert_int_equal(rc, cause == NULL ? 0 : -1);
	return cause;
}

static char *
report(const struct model *m, const char *spec_name, const char *dir)
{
	return report_rows(m, spec_name, dir, REPORT_REACH_ROWS);
}

/* A failure whose cause holds part (no "k8snet: " prefix: the command
 * layer adds it). */
static void
assert_cause(char *cause, const char *part)
{
	assert_non_null(cause);
	if (strstr(cause, part) == NULL)
		fail_msg("cause '%s' lacks '%s'", cause, part);
	assert_true(strncmp(cause, "k8snet:", 7) != 0);
	free(cause);
}

static void
test_report_writes_every_file(void **state)
{
	(void)state;
	char *d = scratch(), *out = join(d, "out");
	struct model *m = test_k1();
	assert_int_equal(report_dir_state(out), REPORT_DIR_ABSENT);
	assert_null(report(m, "k1.xml", out));
	assert_int_equal(report_dir_state(out), REPORT_DIR_REPORT);
	static const char *const files[] = { ".k8snet-report", "index.html", "graph.dot", "graph.svg", "fib.csv",
					     "reach.csv", "fib/00001-N1.txt", "fib/00002-P1.txt", "fib/00006-P4.txt" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		assert_true(exists(out, files[i]));
	assert_false(exists(out, "fib/00007-x.txt"));
	/* fib.csv and reach.csv are exactly the CSV formats. */
	char *want, *got = NULL;
	CAPTURE(want, {
		emit_fib_csv_header(f);
		for (size_t i = 0; i < m->nswitches; i++)
			emit_fib_csv(f, m, m->switches[i]);
	});
	char *p = join(out, "fib.csv");
	got = slurp(p);
	assert_string_equal(got, want);
	free(p);
	free(got);
	free(want);
	p = join(out, "fib/00005-P2.txt");
	got = slurp(p);
	CAPTURE(want, emit_fib_text(f, m, test_id(m, "P2")));
	assert_string_equal(got, want);
	free(p);
	free(got);
	free(want);
	p = join(out, "graph.svg");
	got = slurp(p);
	assert_true(strncmp(got, "<?xml", 5) == 0);
	assert_non_null(strstr(got, "<svg"));
	free(p);
	free(got);
	assert_int_equal(leftovers(d), 0);
	model_free(m);
	rm_tree(d);
	free(out);
	free(d);
}

static void
test_report_reach_csv_filtered_above_limit(void **state)
{
	(void)state;
	char *d = scratch(), *out = join(d, "out");
	struct model *m = k1_named("K1", "<link-down from=\"N1\" to=\"N2\"/>\n");
	/* K1 with N1-N2 down: 96 rows, 40 of them discarded (8 containers
	 * and 2 daemons to the 4 endpoints of the other node). */
	assert_null(report_rows(m, "k1.xml", out, 96));
	char *p = join(out, "reach.csv");
	char *full = slurp(p);
	size_t lines = 0;
	for (const char *c = full; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 1 + 96);
	free(full);
	assert_null(report_rows(m, "k1.xml", out, 95));
	char *part = slurp(p);
	lines = 0;
	for (const char *c = part; *c; c++)
		lines += *c == '\n';
	assert_int_equal(lines, 1 + 40);
	assert_null(strstr(part, ",delivered,"));
	static const char head[] = "source,address,port,protocol,verdict,receiver,path\n"
				   "D1,10.1.2.1,8080,TCP,discarded,,D1>N1\n";
	assert_true(strncmp(part, head, strlen(head)) == 0);
	free(part);
	free(p);
	p = join(out, "index.html");
	char *page = slurp(p);
	assert_non_null(strstr(page, "<code>reach.csv</code> holds only faulty rows"));
	assert_non_null(strstr(page, ": 40 of the 96 rows of the full table, which has more than 95."));
	assert_null(strstr(page, "It leaves out"));
	free(page);
	free(p);
	assert_false(exists(out, ".reach-faulty.csv"));
	model_free(m);
	rm_tree(d);
	free(out);
	free(d);
}

static void
test_report_refuses_other_folders(void **state)
{
	(void)state;
	char *d = scratch(), *out = join(d, "out"), *keep = join(out, "keep.txt");
	struct model *m = test_k1();
	/* A folder with someone's file in it. */
	assert_int_equal(mkdir(out, 0777), 0);
	FILE *f = fopen(keep, "w");
	fputs("mine\n", f);
	fclose(f);
	assert_int_equal(report_dir_state(out), REPORT_DIR_OTHER);
	assert_cause(report(m, "k1.xml", out),
		     "out: exists and is not a k8snet report (no .k8snet-report in it); not replacing it");
	char *s = slurp(keep);
	assert_string_equal(s, "mine\n");
	free(s);
	assert_false(exists(out, "index.html"));
	/* A file. */
	assert_int_equal(report_dir_state(keep), REPORT_DIR_OTHER);
	assert_cause(report(m, "k1.xml", keep), "keep.txt: exists and is not a k8snet report");
	s = slurp(keep);
	assert_string_equal(s, "mine\n");
	free(s);
	/* A folder whose parent does not exist. */
	char *deep = join(d, "no/such/out");
	assert_cause(report(m, "k1.xml", deep), "cannot write ");
	free(deep);
	assert_int_equal(leftovers(d), 0);
	assert_int_equal(leftovers(out), 0);
	/* An empty folder is fine. */
	char *empty = join(d, "empty");
	assert_int_equal(mkdir(empty, 0777), 0);
	assert_int_equal(report_dir_state(empty), REPORT_DIR_EMPTY);
	assert_null(report(m, "k1.xml", empty));
	assert_true(exists(empty, "index.html"));
	free(empty);
	model_free(m);
	rm_tree(d);
	free(keep);
	free(out);
	free(d);
}

static void
test_report_replaces_previous_report(void **state)
{
	(void)state;
	char *d = scratch(), *out = join(d, "out"), *stale = join(out, "stale.txt");
	struct model *m = test_k1();
	assert_null(report(m, "k1.xml", out));
	FILE *f = fopen(stale, "w");
	fclose(f);
	struct model *m2 = k1_named("K1 again", "<link-down from=\"N1\" to=\"N2\"/>\n");
	assert_null(report(m2, "k1b.xml", out));
	/* The folder is the new report as a whole. */
	assert_false(exists(out, "stale.txt"));
	char *p = join(out, "index.html");
	char *s = slurp(p);
	assert_non_null(strstr(s, "K1 again"));
	free(s);
	free(p);
	assert_int_equal(leftovers(d), 0);
	model_free(m);
	model_free(m2);
	rm_tree(d);
	free(stale);
	free(out);
	free(d);
}

/* Run report_write with files that may not grow past limit bytes (a
 * write error mid-way, as on a full disk); returns its cause. In this
 * process, not a child, so that valgrind and ASan see it all. The write
 * fails with EFBIG instead of SIGXFSZ killing the process, and the
 * caller's SIGXFSZ handler (here the default) is back afterwards. */
static char *
report_limited(const struct model *m, const char *out, rlim_t limit)
{
	struct rlimit old;
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	struct rlimit rl = { limit < old.rlim_max ? limit : old.rlim_max, old.rlim_max };
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &rl), 0);
	char *cause = report(m, "k1.xml", out);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	struct sigaction sa;
	assert_int_equal(sigaction(SIGXFSZ, NULL, &sa), 0);
	assert_true(sa.sa_handler == SIG_DFL);
	return cause;
}

static void
test_report_failure_keeps_previous(void **state)
{
	(void)state;
	char *d = scratch(), *out = join(d, "out"), *index = join(out, "index.html");
	struct model *m = test_k1();
	assert_null(report(m, "k1.xml", out));
	char *before = slurp(index);
	struct model *m2 = k1_named("changed", "<link-down from=\"N1\" to=\"N2\"/>\n");
	/* index.html is written last and is the largest: a limit of 40 kB
	 * lets every other file through and fails it. */
	assert_cause(report_limited(m2, out, 40000), "/index.html: File too large");
	char *after = slurp(index);
	assert_string_equal(after, before);
	assert_int_equal(leftovers(d), 0);
	/* Failing early (the first file) also leaves nothing behind. */
	assert_cause(report_limited(m2, out, 10), ": File too large");
	free(after);
	after = slurp(index);
	assert_string_equal(after, before);
	assert_int_equal(leftovers(d), 0);
	/* And where there was no report, there is none. */
	char *fresh = join(d, "fresh");
	assert_cause(report_limited(m2, fresh, 40000), "/index.html: File too large");
	assert_int_equal(report_dir_state(fresh), REPORT_DIR_ABSENT);
	assert_int_equal(leftovers(d), 0);
	free(fresh);
	free(before);
	free(after);
	model_free(m);
	model_free(m2);
	rm_tree(d);
	free(index);
	free(out);
	free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_escape_every_special),
		cmocka_unit_test(test_html_json_string_safe_in_script),
		cmocka_unit_test(test_html_expand_fills_keys_only),
		cmocka_unit_test(test_html_classify_verdicts),
		cmocka_unit_test(test_html_classify_policy_denied),
		cmocka_unit_test(test_page_escapes_cluster_name),
		cmocka_unit_test(test_page_cells_and_findings),
		cmocka_unit_test(test_page_summarized_above_threshold),
		cmocka_unit_test(test_page_counts_per_node_above_300_nodes),
		cmocka_unit_test(test_fib_page_only_switch),
		cmocka_unit_test(test_report_fib_file_names),
		cmocka_unit_test(test_report_writes_every_file),
		cmocka_unit_test(test_report_reach_csv_filtered_above_limit),
		cmocka_unit_test(test_report_refuses_other_folders),
		cmocka_unit_test(test_report_replaces_previous_report),
		cmocka_unit_test(test_report_failure_keeps_previous),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
