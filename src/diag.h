/* Diagnostics: every problem found in a spec, with its file and line,
 * collected so that one run reports all of them. */
#ifndef K8SNET_DIAG_H
#define K8SNET_DIAG_H

#include <stdio.h>

struct diag;

/* A new empty list for the file named file (copied). Free with diag_free. */
struct diag *diag_new(const char *file);
void diag_free(struct diag *d);

/* Record an error or a warning at line (0: no line known). */
void diag_error(struct diag *d, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_warning(struct diag *d, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

size_t diag_errors(const struct diag *d);
size_t diag_count(const struct diag *d);
const char *diag_file(const struct diag *d);

/* Print every entry, by line (then in the order recorded), as
 * FILE:LINE: error: TEXT. */
void diag_print(struct diag *d, FILE *f);

#endif
