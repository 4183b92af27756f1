/* The report's Workloads section (k8snet(1), REPORT FOLDER, workloads.txt): the workload
 * view (connlist.h, policy level) as a diagram laid out in process and as
 * a table of lines, each line linked to the matrix cell of its first pod
 * pair.
 *
 * The diagram stays readable, and is laid out in seconds, at any size:
 * - in full (namespaces as clusters, workloads as nodes, External ranges
 *   outside, one edge per line labelled with its connections: connlist's
 *   dot) up to HTML_WL_FULL_PEERS peers and HTML_WL_FULL_LINES lines;
 * - above, per namespace: one node per namespace (its workloads and the
 *   lines inside it counted on its label), one node for every External
 *   range, one edge per (namespace, namespace) pair labelled with its
 *   number of lines, up to HTML_WL_NS_NODES namespaces and HTML_WL_NS_EDGES
 *   edges;
 * - above that, no diagram (the section says so).
 * Measured with Graphviz 2.42's dot (edge labels as xlabels, as drawn) on
 * connlist's dot of bench/gen --workloads (10 workloads and 5 policies per
 * namespace), one core of a loaded machine: 100 workloads and 470 lines
 * in 0.13 s of CPU, 300 and 1,410 in 1.7 s, 1,000 and 4,700 not done in 3
 * minutes (stopped); the namespace view of the 1,000 (100 boxes, 149
 * edges) takes well under a second.
 * The table lists every line up to HTML_WL_TABLE_LINES; above, the first
 * ones and a note (the report's workloads.txt has them all). Printed,
 * a table of more than HTML_WL_PRINT_LINES lines gives way to a note.
 * Above HTML_WL_MAX_LINES lines (W workloads without policies have about
 * W x W: 1,000 give a million lines, 262 MB and 0.7 s) the report leaves
 * the lines out, and says so: `k8snet connlist` lists them. */
#ifndef K8SNET_HTML_WORKLOADS_H
#define K8SNET_HTML_WORKLOADS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "html.h"
#include "model.h"

enum {
	HTML_WL_FULL_PEERS = 150,
	HTML_WL_FULL_LINES = 600,
	HTML_WL_NS_NODES = 150,
	HTML_WL_NS_EDGES = 600,
	HTML_WL_TABLE_LINES = 2000,
	HTML_WL_PRINT_LINES = 500,
	HTML_WL_MAX_LINES = 200000,
};

enum html_wl_view { HTML_WL_FULL, HTML_WL_NAMESPACES, HTML_WL_NONE };

struct html_workloads;

/* The lines of m and their diagram, laid out now (before the report's
 * folder exists, as the main diagram). Warnings of connlist are dropped
 * (`k8snet connlist` prints them). Free with html_workloads_free
 * (accepts NULL). */
struct html_workloads *html_workloads_new(const struct model *m);
void html_workloads_free(struct html_workloads *w);
enum html_wl_view html_workloads_view(const struct html_workloads *w);

/* The page's section (its matrix, for the links, is p's). */
void html_workloads_section(FILE *f, const struct html_workloads *w, const struct html_page *p);
/* Every line as `k8snet connlist` prints them (the report's workloads.txt),
 * unless there were too many: html_workloads_listed is then false. */
bool html_workloads_listed(const struct html_workloads *w);
void html_workloads_text(FILE *f, const struct html_workloads *w);

#endif
