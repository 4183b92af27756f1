/* diff --workloads: wdiff.h says what. */
#include "config.h"
#include "wdiff.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* A line's connections as connlist prints them. */
static char *
conn_text(const struct connlist_line *l)
{
	char *c = portset_format(l->conns);
	if (l->k < l->n) {
		char *p = xasprintf("%s (partial: %zu of %zu pod pairs)", c, l->k, l->n);
		free(c);
		return p;
	}
	return c;
}

static void
add(struct wdiff *w, size_t *cap, enum wdiff_kind k, const char *src, const char *dst, char *o, char *n)
{
	xgrow(&w->rows, cap, w->n + 1, sizeof *w->rows);
	w->rows[w->n++] = (struct wdiff_row){ k, src, dst, o, n };
	w->count[k]++;
}

struct wdiff *
wdiff_compute(const struct connlist *old, const struct connlist *new)
{
	struct wdiff *w = xcalloc(1, sizeof *w);
	size_t cap = 0, i = 0, j = 0;
	w->old_lines = connlist_nlines(old);
	w->new_lines = connlist_nlines(new);
	while (i < w->old_lines || j < w->new_lines) {
		struct connlist_line a, b;
		struct connlist_peer as, ad, bs, bd;
		int c;
		if (i < w->old_lines) {
			connlist_line(old, i, &a);
			connlist_peer(old, a.src, &as);
			connlist_peer(old, a.dst, &ad);
		}
		if (j < w->new_lines) {
			connlist_line(new, j, &b);
			connlist_peer(new, b.src, &bs);
			connlist_peer(new, b.dst, &bd);
		}
		if (i >= w->old_lines)
			c = 1;
		else if (j >= w->new_lines)
			c = -1;
		else if ((c = strcmp(as.name, bs.name)) == 0)
			c = strcmp(ad.name, bd.name);
		if (c < 0) {
			add(w, &cap, WDIFF_REMOVED, as.name, ad.name, conn_text(&a), NULL);
			i++;
		} else if (c > 0) {
			add(w, &cap, WDIFF_ADDED, bs.name, bd.name, NULL, conn_text(&b));
			j++;
		} else {
			char *o = conn_text(&a), *n = conn_text(&b);
			if (strcmp(o, n) != 0) {
				add(w, &cap, WDIFF_CHANGED, as.name, ad.name, o, n);
			} else {
				free(o);
				free(n);
			}
			i++;
			j++;
		}
	}
	return w;
}

void
wdiff_free(struct wdiff *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->n; i++) {
		free(w->rows[i].old_conn);
		free(w->rows[i].new_conn);
	}
	free(w->rows);
	free(w);
}

const char *
wdiff_kind_name(enum wdiff_kind k)
{
	static const char *const names[] = { "added", "removed", "changed" };
	return names[k];
}

void
wdiff_write_text(FILE *f, const struct wdiff *w)
{
	fprintf(f, "workload diff of cluster %s (old) and cluster %s (new), %s\n",
		w->old_cluster ? w->old_cluster : "old", w->new_cluster ? w->new_cluster : "new",
		w->delivered ? "connections delivered (--delivered)" : "connections allowed by policy");
	if (w->n > 0)
		fputc('\n', f);
	for (size_t i = 0; i < w->n; i++) {
		const struct wdiff_row *r = &w->rows[i];
		switch (r->kind) {
		case WDIFF_ADDED:
			fprintf(f, "+ %s => %s : %s\n", r->src, r->dst, r->new_conn);
			break;
		case WDIFF_REMOVED:
			fprintf(f, "- %s => %s : %s\n", r->src, r->dst, r->old_conn);
			break;
		default:
			fprintf(f, "~ %s => %s : %s (was %s)\n", r->src, r->dst, r->new_conn, r->old_conn);
			break;
		}
	}
	fprintf(f, "\nsummary: %zu line%s changed: %zu added, %zu removed, %zu changed (%zu lines before, %zu after)\n",
		w->n, w->n == 1 ? "" : "s", w->count[WDIFF_ADDED], w->count[WDIFF_REMOVED], w->count[WDIFF_CHANGED], w->old_lines,
		w->new_lines);
}

static void
csv_field(FILE *f, const char *s)
{
	if (s == NULL)
		return;
	if (strpbrk(s, ",\"\n") == NULL) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

void
wdiff_write_csv(FILE *f, const struct wdiff *w)
{
	fputs("src,dst,old_conn,new_conn\n", f);
	for (size_t i = 0; i < w->n; i++) {
		const struct wdiff_row *r = &w->rows[i];
		csv_field(f, r->src);
		putc(',', f);
		csv_field(f, r->dst);
		putc(',', f);
		csv_field(f, r->old_conn);
		putc(',', f);
		csv_field(f, r->new_conn);
		putc('\n', f);
	}
}
