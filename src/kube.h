/* Kubernetes objects from YAML or JSON, streamed: libyaml's event parser
 * feeds a small tree for ONE object at a time (a document, or one item of
 * a List's `items`), handed to a callback and freed after it. Memory grows
 * with the largest object (and the anchors of a document), never with the
 * whole input. */
#ifndef K8SNET_KUBE_H
#define K8SNET_KUBE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"

enum knode_type { KNODE_NULL, KNODE_SCALAR, KNODE_SEQ, KNODE_MAP };

/* A node of an object's tree. Every node, string and kids array belongs to
 * the reader and lives until the callback returns: copy what you keep. */
struct knode {
	enum knode_type type;
	long line, col;          /* 1-based, from libyaml's start_mark */
	char *str; size_t len;   /* scalars (plain null/~ scalars are KNODE_NULL);
				  * NUL-terminated, may hold NULs (JSON \u0000) */
	bool quoted;             /* a quoted scalar: "80" is text, 80 a number */
	bool shared;             /* internal: kids shared with an anchor (alias) */
	struct knode *kids; size_t n; /* SEQ: items; MAP: 2*pairs, key then value */
};

/* The value of key in map (the first pair whose key is the scalar key);
 * NULL if absent or if map is NULL or not a map. */
const struct knode *knode_get(const struct knode *map, const char *key);
/* The text of a scalar (owned by the tree); NULL for NULL, any other type
 * or a null node. */
const char *knode_str(const struct knode *n);

/* Called for each object (a document, or an item of a List). file: the
 * display name for messages ("<stdin>" for "-"). obj: a KNODE_MAP, freed
 * after the call. list_kind: the enclosing List's kind ("PodList", "List")
 * or NULL for a document, so that an item without kind takes it from
 * there; it is also NULL for an item that carries its own kind when the
 * List's `kind` comes after its `items` (kubectl's order). Return nonzero
 * to stop reading. */
typedef int kube_object_fn(void *ctx, const char *file, const struct knode *obj, const char *list_kind);

/* Zero fields take the defaults below. */
struct kube_limits {
	size_t max_input;       /* bytes per file; default 4 GiB */
	size_t max_depth;       /* nesting of a document; default 100 */
	size_t max_alias_nodes; /* nodes that aliases expand to, per file;
				 * default 1,000,000 */
};
#define KUBE_MAX_INPUT ((size_t)4 << 30)
#define KUBE_MAX_DEPTH 100
#define KUBE_MAX_ALIAS_NODES 1000000

/* How reading ended; the reason of the last two is in the diag. The
 * values are the ones kube_read has always returned (the tests compare
 * with them), ordered so that the worst of several files is the greatest,
 * and leaving 1 free for an fn that stops. The command layer, not this
 * module, makes an exit status of it. */
enum kube_status { KUBE_OK = 0, KUBE_INVALID = 2, KUBE_IO_ERROR = 3 };

/* Read path ("-": stdin; a directory: every *.yaml, *.yml, *.json below
 * it, recursively, in byte order of their paths; symbolic links to
 * directories are not followed). Errors and warnings go into d as
 * FILE:LINE:COLUMN (each file read is noted in d in input order). A
 * document that is null (or only comments) is skipped silently; one that
 * is not a mapping is an error. A document that is a List (kind `List` or
 * `*List` with an `items` sequence) is not passed to fn: its items are,
 * one by one (null items are skipped). Reading goes on after an error in
 * the next document or file, except after a syntax error, an alias over
 * budget or nesting too deep (the rest of that file is skipped).
 * Returns an enum kube_status (the worst of its files), or fn's nonzero
 * value if fn stopped the reading. */
int kube_read(const char *path, const struct kube_limits *lim, struct diag *d,
	      kube_object_fn *fn, void *ctx);

/* The same on len bytes in memory, named name in messages (the fuzzer's
 * and the tests' entry). */
int kube_read_buffer(const char *name, const void *buf, size_t len, const struct kube_limits *lim,
		     struct diag *d, kube_object_fn *fn, void *ctx);

/* The same on the open stream f (left open), named name, whose first
 * headlen bytes the caller already read into head (to sniff the input,
 * e.g. for '<' after a byte-order mark): head is read first, then f,
 * streamed, with the size limit counting both. */
int kube_read_stream(const char *name, FILE *f, const void *head, size_t headlen,
		     const struct kube_limits *lim, struct diag *d, kube_object_fn *fn, void *ctx);

/* libyaml's event loop alone over path (as kube_read, directories too),
 * building nothing: the baseline that `make bench` compares the importer
 * with. *events (if not NULL) gets the number of events. Returns an enum
 * kube_status as kube_read. */
int kube_scan(const char *path, const struct kube_limits *lim, struct diag *d, size_t *events);

#endif
