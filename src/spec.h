/* From a cluster spec (XML, untrusted) to a model: every syntax and
 * validity problem is recorded in a diag with its line. */
#ifndef K8SNET_SPEC_H
#define K8SNET_SPEC_H

#include <stddef.h>

#include "diag.h"
#include "model.h"

/* Refuse specs larger than this unless told otherwise (--max-spec-size). */
#define SPEC_DEFAULT_MAX_SIZE ((size_t)256 << 20)

/* enum spec_status: diag.h. */

/* Read the spec at path ("-": standard input) and build its model. On
 * SPEC_OK, *out is a finished model owned by the caller (model_free);
 * otherwise *out is NULL and d holds the reasons. Warnings may be
 * recorded either way. */
enum spec_status spec_load(const char *path, size_t max_size, struct diag *d,
			   struct model **out);

/* The same, from a buffer already in memory (the fuzzer's entry). */
enum spec_status spec_parse(const char *buf, size_t len, struct diag *d,
			    struct model **out);

/* The name diagnostics use for path: "<stdin>" for "-". */
const char *spec_display_name(const char *path);

#endif
