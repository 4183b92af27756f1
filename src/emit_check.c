/* The views of a check: text for people, JSON for machines, JUnit XML for
 * CI systems. */
#include "config.h"
#include "check.h"
#include "emit.h"
#include "fib.h"
#include "judge.h"
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

char *
check_explain(const struct model *m, const struct fate *f)
{
	return judge_explain(m, f->sender, NULL, f);
}

static const char *
plural(uint64_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* What constraint k counts: "pairs", "service ports", "backends". */
static const char *
unit(const struct check_constraint *k, uint64_t n)
{
	return k->id == CONSTRAINT_SERVICE  ? plural(n, "service port", "service ports")
	       : k->id == CONSTRAINT_TARGET ? plural(n, "service backend", "service backends")
					    : plural(n, "pair", "pairs");
}

/* "C1.1 -> 10.1.2.1:8080/TCP, opened by C2.1: discarded at N1: link down
 * (N1 -- N2)" and, in *path, "C1.1>P1>N1" (NULL for a service port);
 * caller frees both. */
static char *
violation_text(const struct model *m, const struct check_violation *v, char **path)
{
	char buf[32], svc[300];
	if (v->backend >= 0) {
		*path = NULL;
		return check_target_text(m, v);
	}
	if (v->svc_port >= 0) {
		*path = NULL;
		return xasprintf("service %s at %s: no endpoints",
				 model_service_name(m, m->svc_ports[v->svc_port].svc, svc, sizeof svc), emit_dest(&v->d, buf));
	}
	char *why = check_explain(m, &v->fate);
	char *s = xasprintf("%s -> %s, opened by %s: %s", m->v[v->sender].name, emit_dest(&v->d, buf),
			    m->v[v->expected].name, why);
	free(why);
	*path = forward_path(m, &v->fate);
	return s;
}

/* "C1.1 -> 10.1.2.1:8080/TCP delivered to C2.1", caller frees. */
static char *
expect_text(const struct model *m, const struct expect *e)
{
	char buf[32];
	struct dest d = { e->addr, e->port, e->proto };
	return xasprintf("%s -> %s %s%s%s", m->v[e->from].name, emit_dest(&d, buf), verdict_name(e->verdict),
			 e->receiver >= 0 ? " to " : "", e->receiver >= 0 ? m->v[e->receiver].name : "");
}

static void
constraint_line(FILE *f, const struct check_constraint *k)
{
	fprintf(f, "constraint %d, %s: %s (", (int)k->id + 1, k->name, k->violations ? "FAIL" : "pass");
	if (k->id == CONSTRAINT_DISTINCT) {
		fprintf(f, "%" PRIu64 " %s, checked when the spec is read)\n", k->checked,
			plural(k->checked, "address", "addresses"));
		return;
	}
	fprintf(f, "%" PRIu64 " %s checked, %" PRIu64 " %s", k->checked, unit(k, k->checked), k->violations,
		plural(k->violations, "violation", "violations"));
	if (k->denied > 0)
		fprintf(f, ", %" PRIu64 " denied by policy", k->denied);
	fputs(")\n", f);
}

static void
summary_line(FILE *f, const struct check *c)
{
	size_t fk = check_failed_constraints(c), fe = check_failed_expects(c), ne = check_nexpects(c);
	size_t nk = check_nconstraints(c);
	if (check_ok(c))
		fprintf(f, "summary: pass: %zu constraints and %zu %s hold\n", nk, ne, plural(ne, "expect", "expects"));
	else
		fprintf(f, "summary: FAIL: %zu of %zu constraints and %zu of %zu %s failed\n", fk, nk, fe, ne,
			plural(ne, "expect", "expects"));
}

void
check_emit_text(FILE *f, const struct check *c, bool quiet)
{
	const struct model *m = check_model(c);
	if (!quiet)
		fprintf(f, "check of cluster %s\n", m->name);
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		const struct check_constraint *k = check_constraint(c, (enum constraint)i);
		if (!k->active)
			continue;
		constraint_line(f, k);
		if (quiet)
			continue;
		for (size_t j = 0; j < k->nlisted; j++) {
			char *path, *text = violation_text(m, &k->listed[j], &path);
			fprintf(f, "  %s\n", text);
			if (path != NULL)
				fprintf(f, "    path: %s\n", path);
			free(text);
			free(path);
		}
		if (k->violations > k->nlisted)
			fprintf(f, "  ... and %" PRIu64 " more (--all lists every violation)\n",
				k->violations - (uint64_t)k->nlisted);
	}
	size_t ne = check_nexpects(c);
	if (ne == 0)
		fputs("expects: none in the spec\n", f);
	else
		fprintf(f, "expects: %zu checked, %zu failed\n", ne, check_failed_expects(c));
	for (size_t i = 0; i < ne && !quiet; i++) {
		const struct check_expect *x = check_expect(c, i);
		char *what = expect_text(m, x->e);
		fprintf(f, "  line %ld: %s: ", x->e->line, what);
		if (x->holds) {
			fputs("pass\n", f);
		} else {
			const struct fate *got = &x->fates[x->shown];
			char *why = check_explain(m, got), *path = forward_path(m, got);
			fprintf(f, "FAIL: %s\n    path: %s\n", why, path);
			free(why);
			free(path);
		}
		free(what);
	}
	summary_line(f, c);
}

/* ---- JSON ---- */

void
check_emit_json(FILE *f, const struct check *c)
{
	const struct model *m = check_model(c);
	fputs("{\"cluster\":", f);
	emit_json_string(f, m->name);
	fprintf(f, ",\"status\":\"%s\",\"constraints\":[", check_ok(c) ? "pass" : "fail");
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		const struct check_constraint *k = check_constraint(c, (enum constraint)i);
		if (!k->active)
			continue;
		fprintf(f, "%s\n{\"number\":%d,\"name\":\"%s\",\"status\":\"%s\",\"checked\":%" PRIu64
			   ",\"violations\":%" PRIu64 ",\"denied_by_policy\":%" PRIu64 ",\"unlisted\":%" PRIu64 ",",
			i ? "," : "", i + 1, k->name, k->violations ? "fail" : "pass", k->checked, k->violations,
			k->denied, k->violations - (uint64_t)k->nlisted);
		if (k->id == CONSTRAINT_DISTINCT)
			fputs("\"note\":\"checked when the spec is read\",", f);
		fputs("\"listed\":[", f);
		for (size_t j = 0; j < k->nlisted; j++) {
			const struct check_violation *v = &k->listed[j];
			fputs(j ? ",\n" : "\n", f);
			if (v->backend >= 0) {
				const struct svc_flat *sf = &m->svc_ports[v->svc_port];
				const struct backend *b = &sf->backends[v->backend];
				const struct vertex *o = &m->v[model_addr_owner(m, b->addr)];
				char a[16], svc[300];
				fputs("{\"service\":", f);
				emit_json_string(f, model_service_name(m, sf->svc, svc, sizeof svc));
				fprintf(f, ",\"address\":\"%s\",\"port\":%u,\"protocol\":\"%s\",\"target_port\":%u,\"%s\":",
					addr_format(v->d.addr, a), v->d.port, proto_name(v->d.proto), b->port,
					o->kind == V_POD ? "pod" : "node");
				emit_json_string(f, o->name);
				fputs(",\"listens\":[", f);
				for (size_t e = 0; e < o->neps; e++)
					fprintf(f, "%s\"%u/%s\"", e ? "," : "", o->eps[e].port, proto_name(o->eps[e].proto));
				fputs("],\"reason\":", f);
				char *text = check_target_text(m, v);
				emit_json_string(f, text);
				free(text);
				fputc('}', f);
				continue;
			}
			if (v->svc_port >= 0) {
				char a[16], svc[300];
				fputs("{\"service\":", f);
				emit_json_string(f, model_service_name(m, m->svc_ports[v->svc_port].svc, svc, sizeof svc));
				fprintf(f, ",\"address\":\"%s\",\"port\":%u,\"protocol\":\"%s\",\"reason\":\"no endpoints\"}",
					addr_format(v->d.addr, a), v->d.port, proto_name(v->d.proto));
				continue;
			}
			fputs("{\"expected_receiver\":", f);
			emit_json_string(f, m->v[v->expected].name);
			fputs(",\"row\":", f);
			emit_row_json(f, m, v->sender, &v->d, &v->fate);
			fputc('}', f);
		}
		fputs("]}", f);
	}
	fputs("\n],\"expects\":[", f);
	for (size_t i = 0; i < check_nexpects(c); i++) {
		const struct check_expect *x = check_expect(c, i);
		const struct expect *e = x->e;
		struct dest d = { e->addr, e->port, e->proto };
		fprintf(f, "%s\n{\"line\":%ld,\"status\":\"%s\",\"source\":", i ? "," : "", e->line,
			x->holds ? "pass" : "fail");
		emit_json_string(f, m->v[e->from].name);
		char a[16];
		fprintf(f, ",\"address\":\"%s\",\"port\":%u,\"protocol\":\"%s\",\"verdict\":\"%s\",\"receiver\":",
			addr_format(d.addr, a), d.port, proto_name(d.proto), verdict_name(e->verdict));
		if (e->receiver >= 0)
			emit_json_string(f, m->v[e->receiver].name);
		else
			fputs("null", f);
		fputs(",\"got\":[", f);
		for (size_t j = 0; j < x->nfates; j++) {
			if (j > 0)
				fputc(',', f);
			emit_row_json(f, m, e->from, &d, &x->fates[j]);
		}
		fputs("]}", f);
	}
	fprintf(f, "\n],\"summary\":{\"constraints\":%zu,\"constraints_failed\":%zu,\"expects\":%zu,"
		   "\"expects_failed\":%zu}}\n",
		check_nconstraints(c), check_failed_constraints(c), check_nexpects(c), check_failed_expects(c));
}

/* ---- JUnit XML ---- */

static void
xml_escape(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", f);
			break;
		case '<':
			fputs("&lt;", f);
			break;
		case '>':
			fputs("&gt;", f);
			break;
		case '"':
			fputs("&quot;", f);
			break;
		case '\'':
			fputs("&apos;", f);
			break;
		default:
			fputc(*s, f);
		}
	}
}

/* One test case; failure NULL when it passes, body may be NULL. */
static void
testcase(FILE *f, const char *classname, const char *name, const char *failure, const char *body)
{
	fputs("    <testcase classname=\"", f);
	xml_escape(f, classname);
	fputs("\" name=\"", f);
	xml_escape(f, name);
	if (failure == NULL) {
		fputs("\"/>\n", f);
		return;
	}
	fprintf(f, "\">\n      <failure type=\"%s\" message=\"", strcmp(classname, "expects") == 0 ? "expect" : "violation");
	xml_escape(f, failure);
	fputs("\">", f);
	if (body != NULL)
		xml_escape(f, body);
	fputs("</failure>\n    </testcase>\n", f);
}

/* The listed violations of k as text, as check_emit_text prints them;
 * caller frees. */
static char *
violations_text(const struct model *m, const struct check_constraint *k)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *s = xopen_memstream(&buf, &len);
	for (size_t j = 0; j < k->nlisted; j++) {
		char *path, *text = violation_text(m, &k->listed[j], &path);
		fprintf(s, "%s\n", text);
		if (path != NULL)
			fprintf(s, "  path: %s\n", path);
		free(text);
		free(path);
	}
	if (k->violations > k->nlisted)
		fprintf(s, "... and %" PRIu64 " more (--all lists every violation)\n",
			k->violations - (uint64_t)k->nlisted);
	fclose(s);
	return buf;
}

void
check_emit_junit(FILE *f, const struct check *c)
{
	const struct model *m = check_model(c);
	size_t tests = check_nconstraints(c) + check_nexpects(c);
	size_t failures = check_failed_constraints(c) + check_failed_expects(c);
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<testsuites name=\"k8snet check\" tests=\"%zu\" failures=\"%zu\" errors=\"0\">\n", tests,
		failures);
	fputs("  <testsuite name=\"", f);
	xml_escape(f, m->name);
	fprintf(f, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n", tests, failures);
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		const struct check_constraint *k = check_constraint(c, (enum constraint)i);
		if (!k->active)
			continue;
		char *name = xasprintf("constraint %d: %s", i + 1, k->name);
		if (k->violations == 0) {
			testcase(f, "constraints", name, NULL, NULL);
		} else {
			char *msg = xasprintf("%" PRIu64 " of %" PRIu64 " %s violate %s", k->violations, k->checked,
					      unit(k, k->checked), k->name);
			char *body = violations_text(m, k);
			testcase(f, "constraints", name, msg, body);
			free(msg);
			free(body);
		}
		free(name);
	}
	for (size_t i = 0; i < check_nexpects(c); i++) {
		const struct check_expect *x = check_expect(c, i);
		char *what = expect_text(m, x->e);
		char *name = xasprintf("expect line %ld: %s", x->e->line, what);
		if (x->holds) {
			testcase(f, "expects", name, NULL, NULL);
		} else {
			const struct fate *got = &x->fates[x->shown];
			char *why = check_explain(m, got), *path = forward_path(m, got);
			char *body = xasprintf("path: %s\n", path);
			testcase(f, "expects", name, why, body);
			free(why);
			free(path);
			free(body);
		}
		free(name);
		free(what);
	}
	fputs("  </testsuite>\n</testsuites>\n", f);
}
