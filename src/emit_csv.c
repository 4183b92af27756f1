#include "emit.h"
#include "fib.h"
#include "xalloc.h"

#include <string.h>

#include <stdlib.h>

void
emit_fib_csv_header(FILE *f)
{
	fputs("switch,position,src,dst,dport,protocol,action,to,origin\n", f);
}

void
emit_fib_csv(FILE *f, const struct model *m, int sw)
{
	size_t n;
	struct rule *t = fib_table(m, sw, &n);
	char a[24], b[24], c[24], to[160];
	for (size_t i = 0; i < n; i++) {
		const struct rule *r = &t[i];
		fprintf(f, "%s,%zu,%s,%s,%s,%s,%s,%s,%s\n", m->v[sw].name, i + 1, fib_field_src(r, a),
			fib_field_dst(r, b), fib_field_dport(r, c), fib_field_proto(r), fib_action_name(r->action),
			fib_rule_to(m, r, to, sizeof to), fib_origin_name(r->origin));
	}
	free(t);
}

void
emit_row_csv_header(FILE *f)
{
	fputs("source,address,port,protocol,verdict,receiver,path\n", f);
}

/* A row is assembled here and written with one call: reach writes
 * millions of them. Not reentrant, like the stream it writes to. */
static char *row;
static size_t row_cap;

static char *
put(char *p, const char *s, size_t n)
{
	size_t used = (size_t)(p - row);
	if (used + n + 1 > row_cap) {
		xgrow(&row, &row_cap, used + n + 1, 1);
		p = row + used;
	}
	memcpy(p, s, n);
	return p + n;
}

static char *
put_str(char *p, const char *s)
{
	return put(p, s, strlen(s));
}

void
emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	char buf[300], num[8], *q = num + sizeof num;
	unsigned port = d->port;
	xgrow(&row, &row_cap, 512, 1);
	char *p = row;
	p = put(p, m->v[sender].name, m->v[sender].name_len);
	p = put(p, ",", 1);
	p = put_str(p, addr_format(d->addr, buf));
	*--q = ',';
	do
		*--q = (char)('0' + port % 10);
	while ((port /= 10) != 0);
	*--q = ',';
	p = put(p, q, (size_t)(num + sizeof num - q));
	p = put_str(p, proto_name(d->proto));
	p = put(p, ",", 1);
	p = put_str(p, verdict_name(fate->verdict));
	p = put(p, ",", 1);
	if (fate->receiver >= 0)
		p = put(p, m->v[fate->receiver].name, m->v[fate->receiver].name_len);
	p = put(p, ",", 1);
	for (size_t i = 0; i < fate->npath; i++) {
		if (i > 0)
			p = put(p, ">", 1);
		const struct vertex *v = &m->v[fate->path[i]];
		if ((int)i == fate->dnat)
			p = put_str(p, forward_token(m, fate, i, buf));
		else
			p = put(p, v->name, v->name_len);
	}
	p = put(p, "\n", 1);
	fwrite_unlocked(row, 1, (size_t)(p - row), f);
}
