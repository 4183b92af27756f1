#include "config.h"
#include "diag.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>

struct entry {
	long line;
	size_t seq;
	int is_error;
	char *text;
};

struct diag {
	char *file;
	struct entry *e;
	size_t n, cap, errors;
};

struct diag *
diag_new(const char *file)
{
	struct diag *d = xcalloc(1, sizeof *d);
	d->file = xstrdup(file);
	return d;
}

void
diag_free(struct diag *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->n; i++)
		free(d->e[i].text);
	free(d->e);
	free(d->file);
	free(d);
}

static void
add(struct diag *d, long line, int is_error, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *text = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(text, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	xgrow(&d->e, &d->cap, d->n + 1, sizeof *d->e);
	d->e[d->n] = (struct entry){ line, d->n, is_error, text };
	d->n++;
	if (is_error)
		d->errors++;
}

void
diag_error(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, line, 1, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, line, 0, fmt, ap);
	va_end(ap);
}

size_t
diag_errors(const struct diag *d)
{
	return d->errors;
}

size_t
diag_count(const struct diag *d)
{
	return d->n;
}

const char *
diag_file(const struct diag *d)
{
	return d->file;
}

static int
by_line(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_print(struct diag *d, FILE *f)
{
	/* Checks run in passes; the reader wants the file's order. */
	if (d->n > 0)
		qsort(d->e, d->n, sizeof *d->e, by_line);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->e[i];
		const char *kind = e->is_error ? "error" : "warning";
		if (e->line > 0)
			fprintf(f, "%s:%ld: %s: %s\n", d->file, e->line, kind, e->text);
		else
			fprintf(f, "%s: %s: %s\n", d->file, kind, e->text);
	}
}
