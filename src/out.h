/* Where a command's output goes: standard output, or a file given with -o
 * that is written beside its target and renamed into place only when
 * everything was written, so it is never left half-written. Write errors
 * are caught (the caller checks out_failed as it streams) and kept with
 * their errno. A failure returns NULL or -1 and sets *cause to the message,
 * without the "k8snet: " prefix ("cannot write FILE: REASON"); the caller
 * prints it and frees it. Nothing here prints. While a temporary file
 * exists, SIGXFSZ is ignored (a write past the file size limit fails with
 * EFBIG); out_close gives the caller's handler back. */
#ifndef K8SNET_OUT_H
#define K8SNET_OUT_H

#include <stdbool.h>
#include <stdio.h>

struct out;

/* path NULL or "-": standard output. Returns NULL, with *cause, when the
 * file (or its temporary) cannot be created. */
struct out *out_open(const char *path, char **cause);
FILE *out_file(struct out *o);
/* A write has failed: stop producing output. */
bool out_failed(struct out *o);
/* Flush and, if commit and nothing failed, rename into place; otherwise
 * remove the temporary file. Frees o. Returns 0, or -1 with *cause naming
 * the first write error's errno (ENOSPC, EFBIG, ...). */
int out_close(struct out *o, bool commit, char **cause);

#endif
