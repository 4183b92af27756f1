/* judge.c: each class of a fate, the nothing-listens sentence, and, on
 * random specs, every view holding to one judgement: the text table's
 * marks and counts, the JSON rows' classes, the page's counts and fault
 * cells, check's violations and diff's gained and lost. */
#include "testlib.h"

#include "check.h"
#include "constraint.h"
#include "diff.h"
#include "emit.h"
#include "forward.h"
#include "html.h"
#include "judge.h"
#include "matrix.h"
#include "reach.h"
#include "addr.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The class of the pair (from, dest), and its first fate's explanation in
 * *why (caller frees; may be NULL). */
static enum judge_class
judged(const struct model *m, const char *from, const char *dest, char **why)
{
	struct dest d;
	assert_true(dest_parse(dest, &d.addr, &d.port, &d.proto));
	int s = test_id(m, from);
	struct fate *f;
	size_t n = forward_run(m, s, d.addr, d.port, d.proto, &f);
	enum judge_class c = judge_pair(m, s, &d, f, n);
	if (why != NULL)
		*why = judge_explain(m, s, &d, &f[0]);
	forward_free(f, n);
	return c;
}

static char *
read_file(const char *rel)
{
	char *path = test_path(rel), *s = NULL;
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	size_t len = 0;
	assert_true(getdelim(&s, &len, '\0', f) > 0);
	fclose(f);
	free(path);
	return s;
}

static struct model *
model_of(const char *rel)
{
	char *xml = read_file(rel);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

static void
test_judge_delivered_and_nothing_listens(void **state)
{
	(void)state;
	struct model *m = test_k1();
	char *why;
	assert_int_equal(judged(m, "C1.1", "10.1.1.2:8080", NULL), JUDGE_DELIVERED);
	/* K1's own example: a loop in the model, nothing listens to a user. */
	assert_int_equal(judged(m, "C1.1", "10.1.1.1:7777", &why), JUDGE_NOTHING);
	assert_string_equal(why, "nothing listens on 10.1.1.1:7777/TCP in pod P1 (connection refused)");
	free(why);
	assert_int_equal(judged(m, "C1.1", "127.0.0.1:7777", &why), JUDGE_NOTHING);
	assert_string_equal(why, "nothing listens on 127.0.0.1:7777/TCP in pod P1 (connection refused)");
	free(why);
	/* A node address: K1's daemons open nothing, so no route leads there. */
	assert_int_equal(judged(m, "C1.1", "192.168.0.2:22", &why), JUDGE_NOTHING);
	assert_string_equal(why, "nothing listens on 192.168.0.2:22/TCP in node N2 (connection refused)");
	free(why);
	/* A closed port asked by --ports all is not a fault. */
	struct dest d = { 0x0a010101, 7777, PROTO_TCP };
	assert_false(judge_pair_is_fault(m, &d, JUDGE_NOTHING));
	model_free(m);
}

static void
test_judge_faults(void **state)
{
	(void)state;
	struct model *m = model_of("samples/what-if.xml");
	char *why;
	/* A loop that an override makes, for a port that is open. */
	assert_int_equal(judged(m, "C4", "10.1.2.1:9443", &why), JUDGE_LOOP);
	assert_string_equal(why, "loop: N2 is reached again with the same header");
	free(why);
	assert_int_equal(judged(m, "D1", "10.1.2.1:9443", NULL), JUDGE_DISCARDED); /* link down */
	assert_int_equal(judged(m, "C1", "10.1.3.1:8443", NULL), JUDGE_DISCARDED); /* discard rule */
	assert_int_equal(judged(m, "C1b", "10.1.2.1:8080", NULL), JUDGE_DISCARDED); /* the sender's link */
	assert_true(judge_is_fault(JUDGE_LOOP) && judge_is_fault(JUDGE_DISCARDED) && judge_is_fault(JUDGE_MISDELIVERED));
	assert_false(judge_is_fault(JUDGE_DELIVERED) || judge_is_fault(JUDGE_DENIED) || judge_is_fault(JUDGE_OUTSIDE) ||
		     judge_is_fault(JUDGE_NOTHING));
	model_free(m);
	m = model_of("tests/data/misdeliver.xml");
	assert_int_equal(judged(m, "c", "10.40.1.1:80", &why), JUDGE_MISDELIVERED);
	assert_string_equal(why, "delivered to b, not to a, which opened the port");
	free(why);
	assert_int_equal(judged(m, "c", "10.40.1.1:81", NULL), JUDGE_DELIVERED);
	model_free(m);
}

static void
test_judge_services(void **state)
{
	(void)state;
	struct model *m = model_of("tests/data/target-port.xml");
	char *why;
	/* DNATed to 9090, where the backends listen on 9000: a fault, as
	 * constraint 6 says. */
	assert_int_equal(judged(m, "client/curl", "10.96.30.1:80", &why), JUDGE_NOTHING);
	assert_string_equal(why, "nothing listens on 10.30.1.1:9090/TCP in pod backend-1 (connection refused)");
	free(why);
	struct dest d = { 0x0a601e01, 80, PROTO_TCP };
	assert_true(judge_pair_is_fault(m, &d, JUDGE_NOTHING));
	/* A port the service does not declare: nothing listens, no fault. */
	assert_int_equal(judged(m, "client/curl", "10.96.30.1:81", &why), JUDGE_NOTHING);
	assert_string_equal(why, "nothing listens on 10.96.30.1:81/TCP of service shop/backend (connection refused)");
	free(why);
	d.port = 81;
	assert_false(judge_pair_is_fault(m, &d, JUDGE_NOTHING));
	struct check *c = check_run(m, 10);
	const struct check_constraint *k = check_constraint(c, CONSTRAINT_TARGET);
	assert_true(k->active);
	assert_int_equal(k->checked, 2);
	assert_int_equal(k->violations, 2);
	char *text = check_target_text(m, &k->listed[0]);
	assert_string_equal(text, "shop/backend 80/TCP -> 9090: pod backend-1 listens on 9000/TCP only");
	free(text);
	/* The page drawn per node: the service's column is still a fault. */
	struct matrix *r = matrix_new_summarized(m, PORTS_OPEN, 0, SIZE_MAX);
	assert_int_equal(reach_run(m, PORTS_OPEN, matrix_row, r), 0);
	struct html_page p = { .m = m, .spec_name = "t", .reach = r, .check = c, .only_switch = -1 };
	char *page = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&page, &len);
	html_page_write(mem, &p);
	fclose(mem);
	assert_non_null(strstr(page, "<td class=\"c closed fault first\" id=\"c-0-3\""));
	free(page);
	matrix_free(r);
	check_free(c);
	model_free(m);
	/* Outside the cluster, denied by policy; explicit endpoints outside
	 * pass constraint 6, inside are checked. */
	m = model_of("tests/data/spec-1.2.xml");
	assert_int_equal(judged(m, "shop/web-1/nginx", "10.96.0.12:443", NULL), JUDGE_OUTSIDE);
	c = check_run(m, 10);
	k = check_constraint(c, CONSTRAINT_TARGET);
	for (size_t i = 0; i < k->nlisted; i++)
		assert_true(model_addr_owner(m, m->svc_ports[k->listed[i].svc_port].backends[k->listed[i].backend].addr) >= 0);
	check_free(c);
	model_free(m);
	m = model_of("samples/shop.xml");
	assert_int_equal(judged(m, "web-1/nginx", "10.20.3.1:5432", NULL), JUDGE_DENIED);
	model_free(m);
}

static void
test_judge_words(void **state)
{
	(void)state;
	const char marks[] = "+>-o!x@";
	for (int k = 0; k < JUDGE_CLASSES; k++) {
		assert_int_equal(judge_class_mark((enum judge_class)k), marks[k]);
		assert_true(strlen(judge_class_word((enum judge_class)k)) > 0);
		assert_true(strlen(judge_class_id((enum judge_class)k)) > 0);
	}
	assert_string_equal(judge_class_word(JUDGE_NOTHING), "nothing listens");
	assert_string_equal(judge_class_id(JUDGE_MISDELIVERED), "misdelivered");
	assert_int_equal(judge_class_mark(JUDGE_CLASSES), '.');
}

/* ---- every view holds to one judgement, on random specs ---- */

/* A random spec with services, policies, cut links and overrides, plus
 * override rules that hand a port to another container of the pod. */
static struct model *
random_model(unsigned seed, char **xml_out)
{
	char *xml = test_random_spec(seed, 3);
	struct model *m = test_model(xml);
	char *extra = xstrdup("");
	unsigned st = seed;
	for (size_t i = 0; i < m->npods; i++) {
		const struct vertex *p = &m->v[m->pods[i]];
		st = st * 1103515245u + 12345u;
		if (p->nkids < 2 || (st >> 8) % 2)
			continue;
		char *e = xasprintf("%s<fib switch=\"%s\"><rule action=\"deliver\" dport=\"%u\" to=\"%s\"/></fib>\n", extra,
				    p->name, 80 + (st >> 12) % 4, m->v[p->kids[(st >> 16) % p->nkids]].name);
		free(extra);
		extra = e;
	}
	/* Services with explicit endpoints (spec 1.2): one outside the
	 * cluster, one at a pod's address on a port it may not open. */
	if (m->npods > 0 && seed % 3 != 0) {
		char a[16];
		const struct vertex *p = &m->v[m->pods[seed % m->npods]];
		char *e = xasprintf("%s<service name=\"ext\" namespace=\"ns0\" address=\"10.96.9.9\"><port number=\"80\"/>"
				    "<endpoint address=\"203.0.113.9\" port=\"80\"/></service>\n"
				    "<service name=\"in\" namespace=\"ns0\" address=\"10.96.9.10\"><port number=\"81\"/>"
				    "<endpoint address=\"%s\" port=\"%u\"/></service>\n",
				    extra, addr_format(p->addr, a), 80 + seed % 4);
		free(extra);
		extra = e;
	}
	model_free(m);
	char *end = strstr(xml, "</cluster>");
	assert_non_null(end);
	*end = '\0';
	assert_true(strncmp(xml, "<cluster name=", 14) == 0);
	char *full = xasprintf("<cluster version=\"1.2\" %s%s</cluster>\n", xml + 9, extra);
	free(xml);
	free(extra);
	m = test_model(full);
	if (xml_out != NULL)
		*xml_out = full;
	else
		free(full);
	return m;
}

struct views {
	const struct model *m;
	uint64_t classes[JUDGE_CLASSES]; /* pairs, by judge_pair */
	uint64_t faults;                 /* problem cells: judge_pair_is_fault, or a failing service port */
	uint64_t promised_faults;        /* constraint pairs (2-4) with a fault */
	bool refused_service;            /* nothing listens behind a service port */
	struct matrix *text;
};

static int
views_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct views *v = ctx;
	const struct model *m = v->m;
	enum judge_class c = judge_pair(m, sender, d, f, nf);
	if (c == JUDGE_CLASSES)
		return 0;
	v->classes[c]++;
	/* A cell is a problem: a fault, or a service port failing 5 or 6. */
	const struct svc_flat *sp = model_service_port(m, d->addr, d->port, d->proto);
	v->faults += judge_pair_is_fault(m, d, c) || (sp != NULL && check_service_port_fails(m, (size_t)(sp - m->svc_ports)));
	v->refused_service = v->refused_service || (c == JUDGE_NOTHING && judge_pair_is_fault(m, d, c));
	int expected;
	if (constraint_classify(m, sender, d, &expected) != CONSTRAINT_COUNT)
		v->promised_faults += judge_is_fault(c);
	/* The JSON rows: each fate's class, the worst of them the pair's. */
	enum judge_class worst = JUDGE_CLASSES;
	for (size_t i = 0; i < nf; i++) {
		char *s = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&s, &len);
		emit_row_json(mem, m, sender, d, &f[i]);
		fclose(mem);
		const char *at = strstr(s, "\"class\":\"");
		assert_non_null(at);
		at += strlen("\"class\":\"");
		int k = 0;
		while (k < JUDGE_CLASSES && !(strncmp(at, judge_class_id((enum judge_class)k), strlen(judge_class_id((enum judge_class)k))) == 0 &&
					      at[strlen(judge_class_id((enum judge_class)k))] == '"'))
			k++;
		assert_true(k < JUDGE_CLASSES);
		if (worst == JUDGE_CLASSES || k > (int)worst)
			worst = (enum judge_class)k;
		/* A nothing-listens row gives the sentence as its reason. */
		if (k == JUDGE_NOTHING)
			assert_non_null(strstr(s, "\"reason\":\"nothing listens on "));
		free(s);
	}
	assert_int_equal(worst, c);
	/* The text table: its mark is the class's. */
	matrix_add(v->text, sender, d, f, nf);
	long col = matrix_column(v->text, d);
	assert_true(col >= 0);
	assert_int_equal(v->text->sym[(size_t)m->v[sender].idx * v->text->ncols + (size_t)col], judge_class_mark(c));
	return 0;
}

/* The page's tally: "<b>N</b> word" per class shown. */
static uint64_t
tally(const char *page, const char *word)
{
	const char *t = strstr(page, "<ul class=\"tally\"");
	assert_non_null(t);
	const char *end = strstr(t, "</ul>");
	char *key = xasprintf("</b> %s</li>", word);
	const char *at = strstr(t, key);
	free(key);
	if (at == NULL || at > end)
		return 0;
	const char *b = at;
	while (b > t && b[-1] != '>')
		b--;
	uint64_t n = 0;
	for (; b < at; b++)
		if (*b >= '0' && *b <= '9')
			n = n * 10 + (uint64_t)(*b - '0');
	return n;
}

/* Matrix cells (<td class="c ...">) whose classes hold "fault". */
static size_t
fault_cells(const char *page)
{
	size_t n = 0;
	for (const char *p = page; (p = strstr(p, "<td class=\"c ")) != NULL; p++) {
		const char *end = strchr(p + 13, '"');
		const char *at = strstr(p + 13, " fault");
		n += at != NULL && at < end;
	}
	return n;
}

/* Leaf column headers marked as faults: service ports failing 5 or 6. */
static size_t
fault_columns(const char *page)
{
	size_t n = 0;
	for (const char *p = page; (p = strstr(p, "<th scope=\"col\" id=\"col-")) != NULL; p++) {
		const char *end = strchr(p, '>');
		const char *at = strstr(p, "fault\"");
		n += at != NULL && at < end;
	}
	return n;
}

static int
diff_row_judged(void *ctx, const struct diff_row *r)
{
	const struct model *const *ms = ctx;
	const struct diff_side *sides[2] = { &r->old, &r->new };
	for (int i = 0; i < 2; i++) {
		if (!sides[i]->present)
			continue;
		struct fate *f;
		size_t n = forward_run(ms[i], sides[i]->sender, r->d.addr, r->d.port, r->d.proto, &f);
		assert_int_equal(sides[i]->delivered, judge_pair(ms[i], sides[i]->sender, &r->d, f, n) == JUDGE_DELIVERED);
		forward_free(f, n);
	}
	return 0;
}

static void
test_judge_views_agree(void **state)
{
	(void)state;
	uint64_t seen[JUDGE_CLASSES] = { 0 }, refused = 0;
	for (unsigned seed = 1; seed <= 80; seed++) {
		char *xml;
		struct model *m = random_model(seed, &xml);
		for (int mode = PORTS_OPEN; mode <= PORTS_ALL; mode++) {
			struct views v = { .m = m, .text = matrix_new(m, (enum ports_mode)mode) };
			assert_int_equal(reach_run(m, (enum ports_mode)mode, views_row, &v), 0);
			for (int k = 0; k < JUDGE_CLASSES; k++) {
				assert_int_equal(v.text->pairs[k], v.classes[k]);
				seen[k] += v.classes[k];
			}
			refused += v.refused_service;
			/* The page: its header counts and its fault cells. */
			struct matrix *r = matrix_new_summarized(m, (enum ports_mode)mode, SIZE_MAX, SIZE_MAX);
			assert_int_equal(reach_run(m, (enum ports_mode)mode, matrix_row, r), 0);
			struct check *c = check_run(m, 10);
			struct html_page p = { .m = m, .spec_name = "random", .reach = r, .check = c, .only_switch = -1 };
			char *page = NULL;
			size_t len = 0;
			FILE *mem = open_memstream(&page, &len);
			html_page_write(mem, &p);
			fclose(mem);
			for (int k = 0; k < JUDGE_CLASSES; k++) {
				const char *word = judge_class_word((enum judge_class)k);
				assert_int_equal(tally(page, word), v.classes[k]);
			}
			/* Every fault cell, and only those (no expects in these specs),
			 * is a problem for "problems only". */
			assert_int_equal(m->nexpects, 0);
			assert_int_equal(fault_cells(page), v.faults);
			assert_true(strstr(page, "sym closed fault") == NULL || r->refused > 0);
			/* The columns the findings blame (constraints 5, 6). */
			size_t blamed = 0;
			for (size_t i = 0; i < r->ncols && m->nprocs > 0; i++) {
				const struct svc_flat *sp = model_service_port(m, r->cols[i].addr, r->cols[i].port, r->cols[i].proto);
				blamed += sp != NULL && check_service_port_fails(m, (size_t)(sp - m->svc_ports));
			}
			assert_int_equal(fault_columns(page), blamed);
			if (blamed > 0)
				assert_true(check_constraint(c, CONSTRAINT_SERVICE)->violations +
						    check_constraint(c, CONSTRAINT_TARGET)->violations >
					    0);
			/* check: a violation of 2-4 is a fault on a promised pair. */
			if (mode == PORTS_OPEN) {
				uint64_t viol = 0;
				for (int k = CONSTRAINT_LOCALHOST; k <= CONSTRAINT_DAEMON; k++)
					viol += check_constraint(c, (enum constraint)k)->violations;
				assert_int_equal(viol, v.promised_faults);
				if (v.refused_service)
					assert_true(check_constraint(c, CONSTRAINT_TARGET)->violations > 0);
				/* A red badge: "problems only" has something to show
				 * (the faults, the service ports of constraints 5, 6). */
				if (!check_ok(c) && m->nprocs > 0 && v.faults == 0) {
					check_emit_text(stderr, c, false);
					fprintf(stderr, "seed %u\n%s", seed, xml);
				}
				if (!check_ok(c) && m->nprocs > 0)
					assert_true(v.faults > 0);
			}
			free(page);
			check_free(c);
			matrix_free(r);
			matrix_free(v.text);
		}
		/* diff: gained and lost are judged alike, against the spec
		 * without its misdelivering overrides. */
		char *plain = test_random_spec(seed, 3);
		struct model *old = test_model(plain);
		const struct model *ms[2] = { old, m };
		struct diff_counts dc;
		assert_int_equal(diff_run(old, m, PORTS_ALL, diff_row_judged, ms, &dc), 0);
		free(plain);
		model_free(old);
		model_free(m);
		free(xml);
	}
	/* The specs meet every class, and a service whose target nothing
	 * opens. */
	for (int k = 0; k < JUDGE_CLASSES; k++)
		assert_true(seen[k] > 0);
	assert_true(refused > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_judge_delivered_and_nothing_listens),
		cmocka_unit_test(test_judge_faults),
		cmocka_unit_test(test_judge_services),
		cmocka_unit_test(test_judge_words),
		cmocka_unit_test(test_judge_views_agree),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
