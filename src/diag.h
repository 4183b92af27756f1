/* Diagnostics: every problem found in a spec, with its file and line,
 * collected so that one run reports all of them. */
#ifndef K8SNET_DIAG_H
#define K8SNET_DIAG_H

#include <stdio.h>

struct diag;

/* How reading an input (a spec, Kubernetes objects) ended: the reasons
 * of the last two are in its diag. Here, below both spec.c and its XML
 * side (spec_xml.c), so that neither needs the other's header for it. */
enum spec_status { SPEC_OK, SPEC_INVALID, SPEC_IO_ERROR };

/* A new empty list for the file named file (copied). Free with diag_free. */
struct diag *diag_new(const char *file);
void diag_free(struct diag *d);

/* Record an error or a warning at line (0: no line known). */
void diag_error(struct diag *d, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag *d, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record a warning of a cause: a static string that names the kind of
 * warning in the plural ("policies that select no pod"). diag_print shows
 * the first DIAG_PER_CAUSE of each cause in its order, then, when two or
 * more remain, one line for them at the place of the first left out:
 * "... and N more warnings of this kind (M in all, the next here): CAUSE".
 * Errors are never left out. */
#define DIAG_PER_CAUSE 10
void diag_warning_of(struct diag *d, const char *cause, long line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A warning of a cause about a subject (copied; a namespace's name, say):
 * besides the first DIAG_PER_CAUSE of the cause, diag_print shows the
 * first of each subject, so that one subject's many warnings never hide
 * another's. */
void diag_warning_about(struct diag *d, const char *cause, const char *subject, long line, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Record an error or a warning in file (copied; a diag may hold messages
 * of several files, e.g. a directory's), at 1-based line and column (0:
 * not known), printed as FILE:LINE:COLUMN: error: TEXT. */
void diag_error_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
void diag_warning_at(struct diag *d, const char *file, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Fix file's place in the printing order (files print in the order first
 * seen, by this call or a message; the diag's own file is first), so that
 * a reader can name its files in input order before any message. */
void diag_note_file(struct diag *d, const char *file);

/* One recorded message, for a caller that moves messages from one list
 * to another (import cites the parser's messages at the YAML). */
struct diag_entry {
	long line, col;
	int is_error;
	const char *cause;   /* diag_warning_of's, or NULL */
	const char *subject; /* diag_warning_about's, or NULL */
	const char *text;
};
/* Entry i of d (0 <= i < diag_count(d)), in the order recorded (until
 * diag_print sorts them); its strings live as long as d. */
void diag_get(const struct diag *d, size_t i, struct diag_entry *out);
/* Record e in file (copied), with its text (copied) and its cause. */
void diag_add(struct diag *d, const char *file, const struct diag_entry *e);

size_t diag_errors(const struct diag *d);
size_t diag_count(const struct diag *d);
const char *diag_file(const struct diag *d);

/* Print every entry, by file (in the order first seen), line, column,
 * then in the order recorded, as FILE:LINE: error: TEXT (FILE:LINE:COLUMN
 * when a column is known, FILE: when no line is); warnings of a cause
 * past DIAG_PER_CAUSE give one line in all (diag_warning_of), except
 * the first of each subject (diag_warning_about). */
void diag_print(struct diag *d, FILE *f);

#endif
