/* Allocation that cannot fail silently: each function aborts the program
 * with a message when memory is exhausted, so callers check only real
 * errors. Everything returned is owned by the caller and freed with free(). */
#ifndef K8SNET_XALLOC_H
#define K8SNET_XALLOC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Print "k8snet: out of memory" and abort: the one place that says it. */
_Noreturn void xalloc_die(void);

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* open_memstream(3) into *buf and *len, or xalloc_die: every text built
 * in memory goes through here, so running out says the one message. */
FILE *xopen_memstream(char **buf, size_t *len);

/* Grow *ptr (an array of *cap elements of size elem) so that it holds at
 * least need elements. */
void xgrow(void *ptr, size_t *cap, size_t need, size_t elem);

#endif
