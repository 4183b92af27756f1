#include "emit.h"
#include "fib.h"

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

static void
put_name(FILE *f, const struct vertex *v)
{
	fwrite_unlocked(v->name, 1, v->name_len, f);
}

/* A row per pair, millions of them: no printf on this path. */
void
emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	char buf[64], *p = buf + sizeof buf;
	unsigned port = d->port;
	put_name(f, &m->v[sender]);
	putc_unlocked(',', f);
	fputs_unlocked(addr_format(d->addr, buf), f);
	*--p = ',';
	do
		*--p = (char)('0' + port % 10);
	while ((port /= 10) != 0);
	*--p = ',';
	fwrite_unlocked(p, 1, (size_t)(buf + sizeof buf - p), f);
	fputs_unlocked(proto_name(d->proto), f);
	putc_unlocked(',', f);
	fputs_unlocked(verdict_name(fate->verdict), f);
	putc_unlocked(',', f);
	if (fate->receiver >= 0)
		put_name(f, &m->v[fate->receiver]);
	putc_unlocked(',', f);
	forward_write_path(f, m, fate);
	putc_unlocked('\n', f);
}
