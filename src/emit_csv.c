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

void
emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate)
{
	char a[16];
	fprintf(f, "%s,%s,%u,%s,%s,", m->v[sender].name, addr_format(d->addr, a), d->port, proto_name(d->proto),
		verdict_name(fate->verdict));
	if (fate->receiver >= 0)
		fputs(m->v[fate->receiver].name, f);
	fputc(',', f);
	forward_write_path(f, m, fate);
	fputc('\n', f);
}
