#include "config.h"
#include "diag.h"
#include "hash.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
	size_t file; /* index into diag.files */
	long line, col;
	size_t seq;
	int is_error;
	const char *cause; /* diag_warning_of's, or NULL */
	char *subject;	   /* diag_warning_about's (owned), or NULL */
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
	for (size_t i = 0; i < d->n; i++) {
		free(d->e[i].text);
		free(d->e[i].subject);
	}
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
add(struct diag *d, size_t file, long line, long col, int is_error, const char *cause, const char *subject,
    const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *text = xmalloc((size_t)(n < 0 ? 0 : n) + 1);
	vsnprintf(text, (size_t)(n < 0 ? 0 : n) + 1, fmt, ap);
	xgrow(&d->e, &d->cap, d->n + 1, sizeof *d->e);
	char *subj = subject ? xstrdup(subject) : NULL;
	d->e[d->n] = (struct entry){ file, line, col, d->n, is_error, cause, subj, text };
	d->n++;
	if (is_error)
		d->errors++;
}

void
diag_error(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 1, NULL, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warning(struct diag *d, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 0, NULL, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warning_of(struct diag *d, const char *cause, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 0, cause, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warning_about(struct diag *d, const char *cause, const char *subject, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, 0, line, 0, 0, cause, subject, fmt, ap);
	va_end(ap);
}

void
diag_error_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file_index(d, file), line, col, 1, NULL, NULL, fmt, ap);
	va_end(ap);
}

void
diag_warning_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, file_index(d, file), line, col, 0, NULL, NULL, fmt, ap);
	va_end(ap);
}

void
diag_get(const struct diag *d, size_t i, struct diag_entry *out)
{
	const struct entry *e = &d->e[i];
	*out = (struct diag_entry){ e->line, e->col, e->is_error, e->cause, e->subject, e->text };
}

void
diag_add(struct diag *d, const char *file, const struct diag_entry *e)
{
	size_t fi = file_index(d, file);
	xgrow(&d->e, &d->cap, d->n + 1, sizeof *d->e);
	char *subject = e->subject ? xstrdup(e->subject) : NULL;
	d->e[d->n] = (struct entry){ fi, e->line, e->col, d->n, e->is_error, e->cause, subject, xstrdup(e->text) };
	d->n++;
	if (e->is_error)
		d->errors++;
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

static void
print_one(const struct diag *d, const struct entry *e, FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
print_one(const struct diag *d, const struct entry *e, FILE *f, const char *fmt, ...)
{
	const char *kind = e->is_error ? "error" : "warning";
	const char *file = d->files[e->file];
	if (e->line > 0 && e->col > 0)
		fprintf(f, "%s:%ld:%ld: %s: ", file, e->line, e->col, kind);
	else if (e->line > 0)
		fprintf(f, "%s:%ld: %s: ", file, e->line, kind);
	else
		fprintf(f, "%s: %s: ", file, kind);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
}

/* The causes of diag_warning_of, each with its count (a handful). */
struct cause {
	const char *text;
	size_t total, shown, hidden;
};

static struct cause *
cause_of(struct cause **c, size_t *n, size_t *cap, const char *text)
{
	for (size_t i = 0; i < *n; i++)
		if ((*c)[i].text == text || strcmp((*c)[i].text, text) == 0)
			return &(*c)[i];
	xgrow(c, cap, *n + 1, sizeof **c);
	(*c)[*n] = (struct cause){ text, 0, 0, 0 };
	return &(*c)[(*n)++];
}

/* Whether e is the first of its cause with its subject among the entries
 * seen (a hash of every (cause, subject) so far, by entry index). */
static bool
first_of_subject(struct hash *h, const struct entry *all, size_t i)
{
	const struct entry *e = &all[i];
	uint64_t key = hash_string(e->subject) ^ (hash_string(e->cause) * 0x9e3779b97f4a7c15u);
	size_t it = 0;
	for (int j; (j = hash_next(h, key, &it)) >= 0;)
		if (strcmp(all[j].subject, e->subject) == 0 && strcmp(all[j].cause, e->cause) == 0)
			return false;
	hash_add(h, key, (int)i);
	return true;
}

void
diag_print(struct diag *d, FILE *f)
{
	/* Checks run in passes; the reader wants the file's order. */
	if (d->n > 0)
		qsort(d->e, d->n, sizeof *d->e, by_place);
	struct cause *c = NULL;
	size_t nc = 0, ccap = 0;
	bool *show = xcalloc(d->n ? d->n : 1, sizeof *show);
	struct hash *subjects = hash_new();
	/* Of a cause, the first DIAG_PER_CAUSE and the first of each subject
	 * (so that a second misspelled namespace is never hidden behind the
	 * first one's many pods). */
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->e[i];
		if (e->cause == NULL) {
			show[i] = true;
			continue;
		}
		struct cause *k = cause_of(&c, &nc, &ccap, e->cause);
		bool fresh = e->subject != NULL && first_of_subject(subjects, d->e, i);
		show[i] = ++k->total <= DIAG_PER_CAUSE || fresh;
		k->shown += show[i];
	}
	/* A line for one more would hide it and say less. */
	for (size_t i = 0; i < d->n; i++) {
		if (show[i])
			continue;
		struct cause *k = cause_of(&c, &nc, &ccap, d->e[i].cause);
		if (k->total - k->shown == 1) {
			show[i] = true;
			k->shown++;
		}
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->e[i];
		if (show[i]) {
			print_one(d, e, f, "%s", e->text);
			continue;
		}
		struct cause *k = cause_of(&c, &nc, &ccap, e->cause);
		if (k->hidden++ == 0)
			print_one(d, e, f, "... and %zu more warnings of this kind (%zu in all, the next here): %s",
				  k->total - k->shown, k->total, k->text);
	}
	hash_free(subjects);
	free(show);
	free(c);
}
