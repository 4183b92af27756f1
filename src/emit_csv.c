#include "config.h"
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

/* A row is assembled in one buffer and written with one call: reach
 * writes millions of them. The buffer is on the stack unless the row
 * needs more (long names, long paths): then it is allocated for the call. */
enum { ROW_STACK = 4096 };

static char *
put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	return p + n;
}

void
emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	char buf[FORWARD_TOKEN_MAX], num[8], *q = num + sizeof num;
	unsigned port = d->port;
	/* Room for the whole row first, so that the pieces go in unchecked:
	 * names, the path's names and separators, a DNAT token, the rest. */
	size_t need = 2 * m->v[sender].name_len + 400 + fate->npath;
	if (fate->receiver >= 0)
		need += m->v[fate->receiver].name_len;
	for (size_t i = 0; i < fate->npath; i++)
		need += m->v[fate->path[i]].name_len;
	char stack[ROW_STACK];
	char *row = need <= sizeof stack ? stack : xreallocarray(NULL, need, 1);
	char *p = row;
	p = put(p, m->v[sender].name, m->v[sender].name_len);
	*p++ = ',';
	addr_format(d->addr, p);
	p += strlen(p);
	*--q = ',';
	do
		*--q = (char)('0' + port % 10);
	while ((port /= 10) != 0);
	*--q = ',';
	p = put(p, q, (size_t)(num + sizeof num - q));
	const char *s = proto_name(d->proto);
	p = put(p, s, strlen(s));
	*p++ = ',';
	s = verdict_name(fate->verdict);
	p = put(p, s, strlen(s));
	*p++ = ',';
	if (fate->receiver >= 0)
		p = put(p, m->v[fate->receiver].name, m->v[fate->receiver].name_len);
	*p++ = ',';
	for (size_t i = 0; i < fate->npath; i++) {
		const struct vertex *v = &m->v[fate->path[i]];
		if (i > 0)
			*p++ = '>';
		if ((int)i == fate->dnat) {
			s = forward_token(m, fate, i, buf);
			p = put(p, s, strlen(s));
		} else {
			p = put(p, v->name, v->name_len);
		}
	}
	*p++ = '\n';
	fwrite_unlocked(row, 1, (size_t)(p - row), f);
	if (row != stack)
		free(row);
}
