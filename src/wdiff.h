/* `diff OLD NEW --workloads` (k8snet(1), diff; OUTPUT, diff --workloads, CSV): the two specs' lines
 * of the workload view (connlist.h) compared by (source, destination)
 * name: lines added, removed, and changed (same pair, other connections).
 * "The review of a policy change in one screen".
 *
 * Both connlists are sorted by source then destination name as bytes, so
 * one merge walk pairs them: time and memory linear in their lines. */
#ifndef K8SNET_WDIFF_H
#define K8SNET_WDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "connlist.h"

enum wdiff_kind { WDIFF_ADDED, WDIFF_REMOVED, WDIFF_CHANGED, WDIFF_KINDS };

/* One changed line. The names belong to the connlists; the connections
 * are as connlist prints them ("TCP 80,443", "All Connections", with
 * --delivered maybe " (partial: K of N pod pairs)"), NULL on the side
 * that lacks the line. */
struct wdiff_row {
	enum wdiff_kind kind;
	const char *src, *dst;
	char *old_conn, *new_conn;
};

struct wdiff {
	/* For the text's heading; the caller may set them (NULL: "old", "new";
	 * delivered: what the lines hold). */
	const char *old_cluster, *new_cluster;
	bool delivered;
	struct wdiff_row *rows; /* in (src, dst) byte order */
	size_t n;
	size_t old_lines, new_lines;
	size_t count[WDIFF_KINDS];
};

/* Compare old and new (both outlive the result, and were computed the same
 * way: both with delivered, or neither). Free with wdiff_free (accepts
 * NULL). */
struct wdiff *wdiff_compute(const struct connlist *old, const struct connlist *new);
void wdiff_free(struct wdiff *w);

const char *wdiff_kind_name(enum wdiff_kind k); /* "added", "removed", "changed" */

/* Text: a heading, one line per change ("+ SRC => DST : CONN",
 * "- SRC => DST : CONN", "~ SRC => DST : NEW (was OLD)"), a summary. */
void wdiff_write_text(FILE *f, const struct wdiff *w);
/* CSV: "src,dst,old_conn,new_conn", the absent side's field empty; a
 * field quoted only when it holds ',' or '"' (as connlist's csv). */
void wdiff_write_csv(FILE *f, const struct wdiff *w);

#endif
