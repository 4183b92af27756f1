/* The streaming YAML/JSON reader (kube.c): objects one at a time, Lists
 * item by item, positions, scalars' styles, directories, every error with
 * its FILE:LINE:COLUMN, and hostile input (alias bombs, deep nesting,
 * size). */
#include "testlib.h"
#include "kube.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- what the callback saw, as text ---- */

struct seen {
	char *buf;
	size_t len;
	FILE *f;
	int stop_after; /* 0: never */
	int calls;
};

static void
dump(FILE *f, const struct knode *n)
{
	switch (n->type) {
	case KNODE_NULL:
		fputs("~", f);
		break;
	case KNODE_SCALAR:
		fprintf(f, n->quoted ? "\"%s\"" : "%s", n->str);
		break;
	case KNODE_SEQ:
		fputs("[", f);
		for (size_t i = 0; i < n->n; i++) {
			fputs(i ? "," : "", f);
			dump(f, &n->kids[i]);
		}
		fputs("]", f);
		break;
	case KNODE_MAP:
		fputs("{", f);
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			fputs(i ? "," : "", f);
			dump(f, &n->kids[i]);
			fputs(":", f);
			dump(f, &n->kids[i + 1]);
		}
		fputs("}", f);
		break;
	}
}

static int
record(void *ctx, const char *file, const struct knode *obj, const char *list_kind)
{
	struct seen *s = ctx;
	assert_int_equal(obj->type, KNODE_MAP);
	fprintf(s->f, "%s:%ld:%ld %s ", file, obj->line, obj->col, list_kind ? list_kind : "-");
	dump(s->f, obj);
	fputs("\n", s->f);
	s->calls++;
	return s->stop_after && s->calls >= s->stop_after ? 7 : 0;
}

struct result {
	int rc;
	char *objs;  /* one line per object */
	char *diags; /* diag_print's text */
};

static void
result_free(struct result *r)
{
	free(r->objs);
	free(r->diags);
}

static char *
diag_text(struct diag *d)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	diag_print(d, f);
	fclose(f);
	return buf;
}

static struct result
read_limited(const char *text, const struct kube_limits *lim, int stop_after)
{
	struct seen s = { .stop_after = stop_after };
	s.f = open_memstream(&s.buf, &s.len);
	struct diag *d = diag_new("t.yaml");
	struct result r;
	r.rc = kube_read_buffer("t.yaml", text, strlen(text), lim, d, record, &s);
	fclose(s.f);
	r.objs = s.buf;
	r.diags = diag_text(d);
	diag_free(d);
	return r;
}

static struct result
read_text(const char *text)
{
	return read_limited(text, NULL, 0);
}

/* text must read fine, giving exactly objs */
static void
expect_objects(const char *text, const char *objs)
{
	struct result r = read_text(text);
	assert_string_equal(r.diags, "");
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.objs, objs);
	result_free(&r);
}

/* text must be refused with exactly diags (the objects before it may be
 * delivered) */
static void
expect_errors(const char *text, const char *diags)
{
	struct result r = read_text(text);
	assert_string_equal(r.diags, diags);
	assert_int_equal(r.rc, 2);
	result_free(&r);
}

/* ---- documents and Lists ---- */

static void
test_kube_documents_one_at_a_time(void **state)
{
	(void)state;
	expect_objects("kind: Pod\nmetadata:\n  name: a\n---\n  kind: Service\n  spec: {ports: [80, 443]}\n",
		       "t.yaml:1:1 - {kind:Pod,metadata:{name:a}}\n"
		       "t.yaml:5:3 - {kind:Service,spec:{ports:[80,443]}}\n");
}

static void
test_kube_empty_documents_skipped(void **state)
{
	(void)state;
	expect_objects("", "");
	expect_objects("# only a comment\n", "");
	expect_objects("---\n---\n# c\n---\n~\n---\nnull\n...\n---\nkind: A\n", "t.yaml:10:1 - {kind:A}\n");
}

static void
test_kube_list_streamed_with_its_kind(void **state)
{
	(void)state;
	/* the API's order: kind first, items without kind */
	expect_objects("kind: PodList\napiVersion: v1\nitems:\n- metadata: {name: a}\n- ~\n- kind: Pod\n  metadata: {name: b}\n",
		       "t.yaml:4:3 PodList {metadata:{name:a}}\n"
		       "t.yaml:6:3 PodList {kind:Pod,metadata:{name:b}}\n");
	/* kubectl's order: items before kind; items with kind go at once,
	 * those without wait for the List's kind */
	expect_objects("apiVersion: v1\nitems:\n- metadata: {name: a}\n- kind: Pod\n  metadata: {name: b}\nkind: List\n"
		       "metadata:\n  resourceVersion: \"\"\n",
		       "t.yaml:4:3 - {kind:Pod,metadata:{name:b}}\n"
		       "t.yaml:3:3 List {metadata:{name:a}}\n");
	/* an empty List gives nothing; a non-List's items stay in it */
	expect_objects("kind: List\nitems: []\n", "");
	expect_objects("kind: Foo\nitems: [1, 2]\n", "t.yaml:1:1 - {kind:Foo,items:[1,2]}\n");
	expect_objects("kind: ConfigMapList\nitems: ~\n", "t.yaml:1:1 - {kind:ConfigMapList,items:~}\n");
}

static void
test_kube_list_errors(void **state)
{
	(void)state;
	expect_errors("kind: List\nitems:\n- 3\n- [a]\n",
		      "t.yaml:3:3: error: a List item that is not a mapping (an object is a mapping)\n"
		      "t.yaml:4:3: error: a List item that is not a mapping (an object is a mapping)\n");
	expect_errors("items:\n- metadata: {name: a}\nkind: Foo\n",
		      "t.yaml:2:1: error: 'items' before 'kind' in an object that is not a List "
		      "(kind List or *List): items are read from a List only\n");
}

static void
test_kube_scalars_quoted_plain_null(void **state)
{
	(void)state;
	struct result r = read_text("a: \"80\"\nb: 80\nc: ~\nd: null\ne: 'null'\nf:\ng: NULL\nh: |\n  x\n  y\n");
	assert_string_equal(r.objs, "t.yaml:1:1 - {a:\"80\",b:80,c:~,d:~,e:\"null\",f:~,g:~,h:\"x\ny\n\"}\n");
	result_free(&r);
}

struct probe {
	int calls;
};

static int
check_positions(void *ctx, const char *file, const struct knode *obj, const char *list_kind)
{
	struct probe *p = ctx;
	(void)list_kind;
	p->calls++;
	assert_string_equal(file, "t.yaml");
	const struct knode *md = knode_get(obj, "metadata");
	assert_non_null(md);
	assert_int_equal(md->type, KNODE_MAP);
	assert_int_equal(md->line, 3);
	assert_int_equal(md->col, 3);
	const struct knode *name = knode_get(md, "name");
	assert_int_equal(name->line, 3);
	assert_int_equal(name->col, 9);
	assert_string_equal(knode_str(name), "web");
	assert_int_equal(name->len, 3);
	assert_false(name->quoted);
	const struct knode *port = knode_get(knode_get(obj, "spec"), "port");
	assert_int_equal(port->line, 5);
	assert_int_equal(port->col, 9);
	assert_true(port->quoted);
	assert_string_equal(knode_str(port), "80");
	assert_null(knode_get(obj, "absent"));
	assert_null(knode_get(name, "x"));
	assert_null(knode_get(NULL, "x"));
	assert_null(knode_str(md));
	assert_null(knode_str(NULL));
	assert_null(knode_str(knode_get(obj, "nothing")));
	return 0;
}

static void
test_kube_positions_and_accessors(void **state)
{
	(void)state;
	const char *text = "kind: Pod\nmetadata:\n  name: web\nspec:\n  port: \"80\"\nnothing: ~\n";
	struct probe p = { 0 };
	struct diag *d = diag_new("t.yaml");
	assert_int_equal(kube_read_buffer("t.yaml", text, strlen(text), NULL, d, check_positions, &p), 0);
	assert_int_equal(p.calls, 1);
	diag_free(d);
}

static void
test_kube_json(void **state)
{
	(void)state;
	expect_objects("{\"apiVersion\":\"v1\",\"items\":[{\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\\u00e9\\/b\","
		       "\"labels\":{}},\"spec\":{\"containers\":[{\"ports\":[{\"containerPort\":80}]}]}},\n"
		       "\t{\"kind\":\"Service\",\"x\":null,\"t\":true}],\"kind\":\"List\",\"metadata\":{}}",
		       "t.yaml:1:29 - {\"kind\":\"Pod\",\"metadata\":{\"name\":\"a\xc3\xa9/b\",\"labels\":{}},"
		       "\"spec\":{\"containers\":[{\"ports\":[{\"containerPort\":80}]}]}}\n"
		       "t.yaml:2:2 - {\"kind\":\"Service\",\"x\":~,\"t\":true}\n");
	/* a long line with escapes, as kubectl writes annotations */
	size_t n = 200000;
	char *text = malloc(2 * n);
	char *p = text + sprintf(text, "{\"kind\":\"Pod\",\"a\":\"");
	for (size_t i = 0; i < n / 4; i++)
		p += sprintf(p, "\\\"x\\n");
	strcpy(p, "\"}");
	struct result r = read_text(text);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.diags, "");
	assert_int_equal(strlen(r.objs), strlen("t.yaml:1:1 - {\"kind\":\"Pod\",\"a\":\"\"}\n") + 3 * (n / 4));
	result_free(&r);
	free(text);
}

static void
test_kube_aliases_expand(void **state)
{
	(void)state;
	expect_objects("kind: A\nx: &l {app: web}\ny: *l\nz: [&s 1, *s, *l]\n",
		       "t.yaml:1:1 - {kind:A,x:{app:web},y:{app:web},z:[1,1,{app:web}]}\n");
	/* an anchor in one List item, its alias in the next */
	expect_objects("kind: List\nitems:\n- {kind: A, l: &l {app: web}}\n- {kind: B, l: *l}\n",
		       "t.yaml:3:3 List {kind:A,l:{app:web}}\n"
		       "t.yaml:4:3 List {kind:B,l:{app:web}}\n");
	expect_errors("a: *nope\n", "t.yaml:1:4: error: alias *nope names no anchor before it\n");
	/* anchors do not cross documents, however many there were */
	char *text = malloc(3000 * 24 + 100);
	char *p = text;
	for (int i = 0; i < 3000; i++)
		p += sprintf(p, "a%d: &a%d %d\n", i, i, i);
	strcpy(p, "b: *a2999\n---\nc: *a1\n");
	struct result r = read_text(text);
	assert_string_equal(r.diags, "t.yaml:3003:4: error: alias *a1 names no anchor before it\n");
	assert_int_equal(strlen(r.objs) > 3000 * 8, 1);
	assert_non_null(strstr(r.objs, ",b:2999}\n"));
	result_free(&r);
	free(text);
}

static void
test_kube_billion_laughs_refused_quickly(void **state)
{
	(void)state;
	const char *bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
			   "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
			   "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
			   "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
			   "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
			   "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
			   "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
			   "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
			   "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n";
	clock_t t0 = clock();
	expect_errors(bomb, "t.yaml:7:8: error: alias *f expands the aliases past 1000000 nodes "
			    "(a \"billion laughs\"?): refused\n");
	assert_true(clock() - t0 < CLOCKS_PER_SEC / 2);
	/* a smaller budget stops earlier */
	struct kube_limits lim = { .max_alias_nodes = 100 };
	struct result r = read_limited(bomb, &lim, 0);
	assert_string_equal(r.diags, "t.yaml:3:8: error: alias *b expands the aliases past 100 nodes "
				     "(a \"billion laughs\"?): refused\n");
	result_free(&r);
	/* a huge scalar counts by its bytes */
	char *big = malloc(70000);
	size_t n = (size_t)sprintf(big, "a: &a ");
	memset(big + n, 'x', 64000);
	strcpy(big + n + 64000, "\nb: [*a, *a]\n");
	lim.max_alias_nodes = 1500;
	r = read_limited(big, &lim, 0);
	assert_string_equal(r.diags, "t.yaml:2:9: error: alias *a expands the aliases past 1500 nodes "
				     "(a \"billion laughs\"?): refused\n");
	result_free(&r);
	free(big);
}

static void
test_kube_deep_nesting_refused(void **state)
{
	(void)state;
	char text[1000];
	memset(text, '[', 300);
	memset(text + 300, ']', 300);
	text[600] = '\0';
	text[0] = '{';
	strcpy(text + 1, "a: ");
	memset(text + 4, '[', 200);
	text[204] = '\0';
	expect_errors(text, "t.yaml:1:104: error: nesting deeper than 100 levels\n");
	/* 100 levels are fine */
	struct kube_limits lim = { .max_depth = 3 };
	struct result r = read_limited("a: [[1]]\n", &lim, 0);
	assert_int_equal(r.rc, 0);
	result_free(&r);
	r = read_limited("a: [[[1]]]\n", &lim, 0);
	assert_string_equal(r.diags, "t.yaml:1:6: error: nesting deeper than 3 levels\n");
	result_free(&r);
	/* an alias counts as expanded */
	r = read_limited("a: &x [[1]]\nb: [*x]\n", &lim, 0);
	assert_string_equal(r.diags, "t.yaml:2:5: error: alias *x nests deeper than 3 levels\n");
	result_free(&r);
}

static void
test_kube_syntax_errors(void **state)
{
	(void)state;
	expect_errors("kind: Pod\nmetadata:\n  name: a\n    b: c\n",
		      "t.yaml:4:6: error: mapping values are not allowed in this context\n");
	expect_errors("{\"kind\": \"Pod\",\n \"a\": [1, 2}\n",
		      "t.yaml:2:12: error: did not find expected ',' or ']'\n");
	expect_errors("a: \"x\xff\"\n", "t.yaml:1:6: error: invalid leading UTF-8 octet (#FF)\n");
	expect_errors("kind: A\n# caf\xc3\xa9\nb: \xc3\xa9\xe9x\n", "t.yaml:3:6: error: invalid trailing UTF-8 octet (#78)\n");
	/* the objects before the error were delivered */
	struct result r = read_text("kind: A\n---\nkind: B\n  x: y\n");
	assert_string_equal(r.objs, "t.yaml:1:1 - {kind:A}\n");
	assert_string_equal(r.diags, "t.yaml:4:4: error: mapping values are not allowed in this context\n");
	result_free(&r);
}

static void
test_kube_not_a_mapping(void **state)
{
	(void)state;
	struct result r = read_text("- a\n---\nhello\n---\nkind: A\n");
	assert_int_equal(r.rc, 2);
	assert_string_equal(r.objs, "t.yaml:5:1 - {kind:A}\n");
	assert_string_equal(r.diags, "t.yaml:1:1: error: a document that is not a mapping (an object is a mapping)\n"
				     "t.yaml:3:1: error: a document that is not a mapping (an object is a mapping)\n");
	result_free(&r);
}

static void
test_kube_callback_stops(void **state)
{
	(void)state;
	struct result r = read_limited("kind: A\n---\nkind: B\n---\nkind: C\n", NULL, 2);
	assert_int_equal(r.rc, 7);
	assert_string_equal(r.objs, "t.yaml:1:1 - {kind:A}\nt.yaml:3:1 - {kind:B}\n");
	result_free(&r);
}

/* ---- files and directories ---- */

static void
put(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void
test_kube_directory_in_byte_order(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_kube.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *p[8];
	p[0] = xasprintf("%s/b.yaml", dir);
	p[1] = xasprintf("%s/a", dir);
	p[2] = xasprintf("%s/a/z.yml", dir);
	p[3] = xasprintf("%s/a.json", dir);
	p[4] = xasprintf("%s/c.txt", dir);
	p[5] = xasprintf("%s/B.yaml", dir);
	put(p[0], "kind: B\nx: [\n");
	assert_int_equal(mkdir(p[1], 0700), 0);
	put(p[2], "kind: Z\n");
	put(p[3], "{\"kind\": \"J\"}");
	put(p[4], "kind: T\n");
	put(p[5], "- 1\n");
	struct seen s = { 0 };
	s.f = open_memstream(&s.buf, &s.len);
	struct diag *d = diag_new(dir);
	int rc = kube_read(dir, NULL, d, record, &s);
	fclose(s.f);
	char *want = xasprintf("%s/a.json:1:1 - {\"kind\":\"J\"}\n%s/a/z.yml:1:1 - {kind:Z}\n", dir, dir);
	assert_string_equal(s.buf, want);
	free(want);
	assert_int_equal(rc, 2);
	/* messages by file in input order (B.yaml before a.json: byte order) */
	diag_error_at(d, p[0], 1, 1, "later");
	char *text = diag_text(d);
	want = xasprintf("%s/B.yaml:1:1: error: a document that is not a mapping (an object is a mapping)\n"
			 "%s/b.yaml:1:1: error: later\n"
			 "%s/b.yaml:3:1: error: did not find expected node content\n",
			 dir, dir, dir);
	assert_string_equal(text, want);
	free(want);
	free(text);
	free(s.buf);
	diag_free(d);
	/* a file, by its name */
	d = diag_new(p[2]);
	s = (struct seen){ 0 };
	s.f = open_memstream(&s.buf, &s.len);
	assert_int_equal(kube_read(p[2], NULL, d, record, &s), 0);
	fclose(s.f);
	want = xasprintf("%s:1:1 - {kind:Z}\n", p[2]);
	assert_string_equal(s.buf, want);
	free(want);
	free(s.buf);
	/* the size limit, before reading */
	struct kube_limits lim = { .max_input = 4 };
	assert_int_equal(kube_read(p[2], &lim, d, record, &s), 2);
	text = diag_text(d);
	want = xasprintf("%s: error: the input is 8 bytes, more than the limit of 4 (raise it with --max-input-size)\n",
			 p[2]);
	assert_string_equal(text, want);
	free(want);
	free(text);
	diag_free(d);
	/* a missing file: I/O */
	d = diag_new("x");
	char *missing = xasprintf("%s/missing.yaml", dir);
	assert_int_equal(kube_read(missing, NULL, d, record, &s), 3);
	size_t events = 0;
	assert_int_equal(kube_scan(dir, NULL, d, &events), 2);
	assert_true(events > 10);
	free(missing);
	diag_free(d);
	for (int i = 5; i >= 0; i--) {
		if (i == 1)
			rmdir(p[i]);
		else
			unlink(p[i]);
	}
	rmdir(dir);
	for (int i = 0; i < 6; i++)
		free(p[i]);
}

static void
test_kube_size_limit_while_reading(void **state)
{
	(void)state;
	struct kube_limits lim = { .max_input = 10 };
	struct result r = read_limited("kind: Pod\n---\n", &lim, 0);
	assert_string_equal(r.diags, "t.yaml: error: the input is 14 bytes, more than the limit of 10 "
				     "(raise it with --max-input-size)\n");
	result_free(&r);
	/* stdin from a pipe is counted while read */
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(write(fd[1], "kind: Pod\nx: 1234567890\n", 24), 24);
	close(fd[1]);
	int saved = dup(0);
	dup2(fd[0], 0);
	close(fd[0]);
	clearerr(stdin);
	struct diag *d = diag_new("<stdin>");
	struct seen s = { 0 };
	s.f = open_memstream(&s.buf, &s.len);
	assert_int_equal(kube_read("-", &lim, d, record, &s), 2);
	fclose(s.f);
	free(s.buf);
	char *text = diag_text(d);
	assert_string_equal(text, "<stdin>: error: the input is more than the limit of 10 bytes "
				  "(raise it with --max-input-size)\n");
	free(text);
	diag_free(d);
	dup2(saved, 0);
	close(saved);
	clearerr(stdin);
}

static void
test_kube_stream_after_sniffed_head(void **state)
{
	(void)state;
	const char *rest = "d: Pod\nx: [1]\n---\nkind: B\nbad: \xff\n";
	FILE *f = fmemopen((void *)rest, strlen(rest), "r");
	struct diag *d = diag_new("<stdin>");
	struct seen s = { 0 };
	s.f = open_memstream(&s.buf, &s.len);
	assert_int_equal(kube_read_stream("<stdin>", f, "\xef\xbb\xbf  kin", 8, NULL, d, record, &s), 2);
	fclose(s.f);
	fclose(f);
	/* libyaml decodes a whole buffer ahead: the bad byte is found before
	 * the first document ends */
	assert_string_equal(s.buf, "");
	char *text = diag_text(d);
	/* a stream is not read again: the byte offset */
	assert_string_equal(text, "<stdin>: error: invalid leading UTF-8 octet (#FF) at byte 39\n");
	free(text);
	free(s.buf);
	diag_free(d);
	/* a file is: its line and column */
	char path[] = "/tmp/test_kube.XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *bad = "kind: A\nb: [x,\n  y\xff]\n";
	assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	d = diag_new(path);
	assert_int_equal(kube_read(path, NULL, d, record, &s), 2);
	text = diag_text(d);
	char *want = xasprintf("%s:3:4: error: invalid leading UTF-8 octet (#FF)\n", path);
	assert_string_equal(text, want);
	free(want);
	free(text);
	diag_free(d);
	unlink(path);
}

/* ---- diag ---- */

static void
test_diag_positions_sorted_old_bytes_kept(void **state)
{
	(void)state;
	struct diag *d = diag_new("spec.xml");
	diag_error(d, 7, "b");
	diag_warning(d, 0, "w");
	diag_error(d, 3, "a");
	char *text = diag_text(d);
	assert_string_equal(text, "spec.xml: warning: w\nspec.xml:3: error: a\nspec.xml:7: error: b\n");
	free(text);
	diag_free(d);
	d = diag_new("in");
	diag_note_file(d, "x.yaml");
	diag_error_at(d, "y.yaml", 1, 1, "y");
	diag_warning_at(d, "x.yaml", 2, 9, "x2");
	diag_error_at(d, "x.yaml", 2, 3, "x1");
	diag_error_at(d, "x.yaml", 2, 0, "x0");
	diag_error(d, 4, "in");
	assert_int_equal(diag_errors(d), 4);
	assert_int_equal(diag_count(d), 5);
	text = diag_text(d);
	assert_string_equal(text, "in:4: error: in\nx.yaml:2: error: x0\nx.yaml:2:3: error: x1\n"
				  "x.yaml:2:9: warning: x2\ny.yaml:1:1: error: y\n");
	free(text);
	diag_free(d);
}

/* Warnings of one cause: the first DIAG_PER_CAUSE by place, then one line
 * at the next's place; errors, plain warnings and other causes untouched;
 * diag_add keeps a cause, so a moved list groups as the original would. */
static void
test_diag_warnings_grouped_per_cause(void **state)
{
	(void)state;
	struct diag *d = diag_new("s.xml");
	for (long i = 30; i >= 1; i--)
		diag_warning_of(d, "things that match nothing", i, "thing %ld", i);
	diag_warning_of(d, "other things", 40, "other");
	diag_error(d, 25, "an error");
	diag_warning(d, 26, "plain");
	assert_int_equal(diag_count(d), 33);
	struct diag *moved = diag_new("y.yaml");
	for (size_t i = 0; i < diag_count(d); i++) {
		struct diag_entry e;
		diag_get(d, i, &e);
		diag_add(moved, "y.yaml", &e);
	}
	assert_int_equal(diag_errors(moved), 1);
	for (int k = 0; k < 2; k++) {
		char *text = diag_text(k ? moved : d);
		const char *f = k ? "y.yaml" : "s.xml";
		char *want = NULL;
		size_t len;
		FILE *w = open_memstream(&want, &len);
		for (int i = 1; i <= 10; i++)
			fprintf(w, "%s:%d: warning: thing %d\n", f, i, i);
		fprintf(w, "%s:11: warning: ... and 20 more warnings of this kind (30 in all, the next here): "
			   "things that match nothing\n", f);
		fprintf(w, "%s:25: error: an error\n%s:26: warning: plain\n%s:40: warning: other\n", f, f, f);
		fclose(w);
		assert_string_equal(text, want);
		free(want);
		free(text);
	}
	diag_free(moved);
	diag_free(d);
	/* eleven: all of them, as a line for one more would say less */
	d = diag_new("s.xml");
	for (long i = 1; i <= 11; i++)
		diag_warning_of(d, "c", i, "w%ld", i);
	char *text = diag_text(d);
	assert_non_null(strstr(text, "s.xml:11: warning: w11\n"));
	assert_null(strstr(text, "more warnings"));
	free(text);
	diag_free(d);
	/* past ten, the first of each subject still shows, and one left out
	 * beside it is shown rather than counted; subjects survive a move */
	d = diag_new("s.xml");
	for (long i = 1; i <= 14; i++)
		diag_warning_about(d, "c", "shpo", i, "shpo %ld", i);
	diag_warning_about(d, "c", "dta", 20, "dta 20");
	diag_warning_about(d, "c", "dta", 21, "dta 21");
	diag_warning_about(d, "other", "dta", 22, "other dta");
	moved = diag_new("s.xml");
	for (size_t i = 0; i < diag_count(d); i++) {
		struct diag_entry e;
		diag_get(d, i, &e);
		diag_add(moved, "s.xml", &e);
	}
	for (int k = 0; k < 2; k++) {
		text = diag_text(k ? moved : d);
		assert_non_null(strstr(text, "s.xml:10: warning: shpo 10\n"
					     "s.xml:11: warning: ... and 5 more warnings of this kind (16 in all, the next "
					     "here): c\ns.xml:20: warning: dta 20\ns.xml:22: warning: other dta\n"));
		assert_null(strstr(text, "shpo 11"));
		assert_null(strstr(text, "dta 21"));
		free(text);
	}
	diag_free(moved);
	diag_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kube_documents_one_at_a_time),
		cmocka_unit_test(test_kube_empty_documents_skipped),
		cmocka_unit_test(test_kube_list_streamed_with_its_kind),
		cmocka_unit_test(test_kube_list_errors),
		cmocka_unit_test(test_kube_scalars_quoted_plain_null),
		cmocka_unit_test(test_kube_positions_and_accessors),
		cmocka_unit_test(test_kube_json),
		cmocka_unit_test(test_kube_aliases_expand),
		cmocka_unit_test(test_kube_billion_laughs_refused_quickly),
		cmocka_unit_test(test_kube_deep_nesting_refused),
		cmocka_unit_test(test_kube_syntax_errors),
		cmocka_unit_test(test_kube_not_a_mapping),
		cmocka_unit_test(test_kube_callback_stops),
		cmocka_unit_test(test_kube_directory_in_byte_order),
		cmocka_unit_test(test_kube_size_limit_while_reading),
		cmocka_unit_test(test_kube_stream_after_sniffed_head),
		cmocka_unit_test(test_diag_positions_sorted_old_bytes_kept),
		cmocka_unit_test(test_diag_warnings_grouped_per_cause),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
