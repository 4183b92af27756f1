#include "config.h"
#include "emit.h"
#include "fib.h"
#include "judge.h"
#include "xalloc.h"

#include <inttypes.h>
#include <stdlib.h>

void
emit_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

static void
name_or_null(FILE *f, const struct model *m, int v)
{
	if (v >= 0)
		emit_json_string(f, m->v[v].name);
	else
		fputs("null", f);
}

static void
rule_json(FILE *f, const struct model *m, const struct step *s)
{
	char a[24], b[24], c[24];
	const struct rule *r = &s->rule;
	fputs("{\"switch\":", f);
	emit_json_string(f, m->v[s->sw].name);
	if (s->pos == 0) {
		fputs(",\"position\":null}", f);
		return;
	}
	fprintf(f, ",\"position\":%d,\"origin\":\"%s\",\"src\":\"%s\",\"dst\":\"%s\",\"dport\":\"%s\","
		   "\"protocol\":\"%s\",\"action\":\"%s\",\"to\":",
		s->pos, fib_origin_name(r->origin), fib_field_src(r, a), fib_field_dst(r, b), fib_field_dport(r, c),
		fib_field_proto(r), fib_action_name(r->action));
	char to[160];
	if (r->to >= 0)
		emit_json_string(f, fib_rule_to(m, r, to, sizeof to));
	else
		fputs("null", f);
	if (r->origin == ORIG_OVERRIDE)
		fprintf(f, ",\"line\":%ld", r->line);
	fputc('}', f);
}

/* The fields a row and a trace share. */
static void
fate_fields(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	fprintf(f, "\"verdict\":\"%s\",\"receiver\":", verdict_name(fate->verdict));
	name_or_null(f, m, fate->receiver);
	fputs(",\"path\":[", f);
	char buf[FORWARD_TOKEN_MAX];
	for (size_t i = 0; i < fate->npath; i++) {
		if (i > 0)
			fputc(',', f);
		emit_json_string(f, forward_token(m, fate, i, buf));
	}
	fputs("],\"reason\":", f);
	char *why = judge_reason(m, sender, d, fate);
	if (why != NULL)
		emit_json_string(f, why);
	else
		fputs("null", f);
	free(why);
	fprintf(f, ",\"class\":\"%s\"", judge_class_id(judge_fate(m, sender, d, fate)));
	fputs(",\"at\":", f);
	name_or_null(f, m, fate->at);
	/* A policy's denial says which policies isolate the pod: none of
	 * their rules allowed the message. */
	if (fate->reason == REASON_INGRESS || fate->reason == REASON_EGRESS) {
		const struct vertex *pod = &m->v[fate->at];
		int dir = fate->reason == REASON_INGRESS ? 0 : 1;
		fputs(",\"isolated_by\":[", f);
		for (size_t i = 0; i < pod->nisolating[dir]; i++) {
			const struct policy *p = &m->pols[pod->isolating[dir][i]];
			char *name = xasprintf("%s/%s", m->ns[p->ns].name, p->name);
			fputs(i ? "," : "", f);
			emit_json_string(f, name);
			free(name);
		}
		fputc(']', f);
	}
}

static void
dest_fields(FILE *f, const struct dest *d)
{
	char a[16];
	fprintf(f, "\"address\":\"%s\",\"port\":%u,\"protocol\":\"%s\"", addr_format(d->addr, a), d->port,
		proto_name(d->proto));
}

void
emit_row_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	fputs("{\"source\":", f);
	emit_json_string(f, m->v[sender].name);
	fputc(',', f);
	dest_fields(f, d);
	fputc(',', f);
	fate_fields(f, m, sender, d, fate);
	fputs(",\"rule\":", f);
	const struct step *s = forward_last_step(fate);
	if (s != NULL && s->pos > 0)
		rule_json(f, m, s);
	else
		fputs("null", f);
	fputc('}', f);
}

void
emit_trace_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates, size_t n)
{
	char a[16];
	struct header h = forward_header(m, sender, d->addr, d->port, d->proto);
	fputs("{\"cluster\":", f);
	emit_json_string(f, m->name);
	fputs(",\"source\":", f);
	emit_json_string(f, m->v[sender].name);
	fprintf(f, ",\"source_address\":\"%s\",", addr_format(h.src, a));
	dest_fields(f, d);
	fputs(",\"fates\":[", f);
	for (size_t i = 0; i < n; i++) {
		const struct fate *fate = &fates[i];
		fputs(i ? ",\n{" : "\n{", f);
		fate_fields(f, m, sender, d, fate);
		fputs(",\"hops\":[", f);
		for (size_t k = 0; k < fate->nsteps; k++) {
			if (k > 0)
				fputc(',', f);
			rule_json(f, m, &fate->steps[k]);
		}
		fputs("]}", f);
	}
	fputs("\n]}\n", f);
}

void
emit_reach_json_summary(FILE *f, const size_t count[3], const uint64_t classes[JUDGE_CLASSES])
{
	fprintf(f, "\n],\"summary\":{\"pairs\":%zu,\"delivered\":%zu,\"discarded\":%zu,\"loop\":%zu,\"classes\":{",
		count[0] + count[1] + count[2], count[0], count[1], count[2]);
	for (int k = 0; k < JUDGE_CLASSES; k++)
		fprintf(f, "%s\"%s\":%" PRIu64, k ? "," : "", judge_class_id((enum judge_class)k), classes[k]);
	fputs("}}}\n", f);
}
