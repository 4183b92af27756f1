#include "config.h"
#include "diag.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	size_t file; /* index into diag.files */
	long line, col;
	size_t seq;
	int is_error;
	char *text;
};

struct diag {
	char *file;
	char **files; /* files[0] is file: order first seen */
	size_t nfiles, fcap, last;
	struct entry *e;
	size_t n, cap, errors;
};

struct diag *
diag_new(const char *file)
{
	struct diag *d = xcalloc(1, sizeof *d);
	d->file = xstrdup(file);
	xgrow(&d->files, &d->fcap, 1, sizeof *d->files);
	d->files[d->nfiles++] = d->file;
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
	for (size_t i = 1; i < d->nfiles; i++)
		free(d->files[i]);
	free(d->files);
	free(d->file);
	free(d);
}

static size_t
file_index(struct diag *d, const char *file)
{
	if (strcmp(d->files[d->last], file) == 0)
		return d->last;
	for (size_t i = 0; i < d->nfiles; i++)
		if (strcmp(d->files[i], file) == 0)
			return d->last = i;
	xgrow(&d->files, &d->fcap, d->nfiles + 1, sizeof *d->files);
	d->files[d->nfiles] = xstrdup(file);
	return d->last = d->nfiles++;
}

void
diag_note_file(struct diag *d, const char *file)
{
	file_index(d, file);
}

static void
add(struct diag *d, size_t file, long line, long col, int is_error, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *text = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(text, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	xgrow(&d->e, &d->cap, d->n + 1, sizeof *d->e);
	d->e[d->n] = (struct entry){ file, line, col, d->n, is_error, text };
	d->n++;
	if (is_error)
		d->errors++;
}

void
diag_error(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 1, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 0, fmt, ap);
	va_end(ap);
}

void
diag_error_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file_index(d, file), line, col, 1, fmt, ap);
	va_end(ap);
}

void
diag_warning_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file_index(d, file), line, col, 0, fmt, ap);
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
by_place(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	if (x->file != y->file)
		return x->file < y->file ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

void
diag_print(struct diag *d, FILE *f)
{
	/* Checks run in passes; the reader wants the file's order. */
	if (d->n > 0)
		qsort(d->e, d->n, sizeof *d->e, by_place);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->e[i];
		const char *kind = e->is_error ? "error" : "warning";
		const char *file = d->files[e->file];
		if (e->line > 0 && e->col > 0)
			fprintf(f, "%s:%ld:%ld: %s: %s\n", file, e->line, e->col, kind, e->text);
		else if (e->line > 0)
			fprintf(f, "%s:%ld: %s: %s\n", file, e->line, kind, e->text);
		else
			fprintf(f, "%s: %s: %s\n", file, kind, e->text);
	}
}
