/* The Network Graph as a picture (k8snet(1), dot): built with Graphviz
 * cgraph, written as DOT or laid out with gvc and rendered as SVG.
 *
 * The full view has one vertex per process and per switch, named by its
 * spec name, and one edge per link (an undirected graph): each node is a
 * cluster_NAME subgraph holding its node switch, its daemons and its pods;
 * each pod is a cluster_NAME subgraph holding its pod switch and its
 * containers. Processes are ellipses, switches boxes; labels carry
 * addresses and open ports. A link that is down stays an edge, dashed and
 * red, labelled "down". The graph's label (the caption) names the cluster
 * and, with a trace, the message and its verdict; the traced path is drawn
 * thick and blue with the hop numbers on its edges.
 *
 * Once a spec uses namespaces (any other than "default"), each pod's box
 * names its namespace and takes its colour: a border from a fixed palette
 * (Okabe and Ito's eight, safe for colour-blind readers) and a pale fill
 * of it, given to the namespaces that hold pods or services in the order
 * they first appear in the spec (the same in every view; past eight
 * namespaces colours repeat). The legend is a caption line
 * ("namespaces: web (blue), api (orange)"), never a vertex. A spec
 * without namespaces is drawn as before namespaces existed.
 *
 * graph_add_services adds, to the full view only, one hexagon per Service
 * (label: NAMESPACE/NAME, address, each port -> its target), coloured as
 * its namespace, and one dashed edge (class "endpoint") to each of its
 * endpoint pods: the pods that give it a backend, once per service
 * whatever its ports. A service without one is bordered red, "no
 * endpoints". Its vertex id is "service NAMESPACE/NAME": vertex names
 * hold no space, so it can never be a process's or switch's (a pod may
 * well be named "prod/web"). Without it, the graph is exactly the Network
 * Graph.
 *
 * The summary view (GRAPH_SUMMARY) has one vertex per node (its pods,
 * containers and daemons counted on its label) and the node mesh: every
 * node-node link as an edge while there are at most GRAPH_MESH_NODES
 * nodes; above, a vertex named "node mesh" stands for the mesh, linked to
 * every node up to GRAPH_STAR_NODES nodes, and above that alone beside a
 * grid of the nodes (laid out by osage); the node-node links that are
 * down are drawn between their nodes.
 *
 * The DOT is written by graph_dot, not agwrite (which is quadratic in the
 * number of boxes): vertices, boxes and links in document order (the node
 * mesh in blocks above GRAPH_MESH_NODES nodes), so the same spec gives the
 * same bytes; identifiers and values quoted by cgraph's
 * agcanonStr. Every string from the spec is a plain (not HTML-like)
 * label with its backslashes doubled, so that Graphviz's escapes (\N, \n,
 * ...) never apply to spec text; services come after the node mesh. SVG
 * elements carry classes: "process container|daemon", "switch pod|node",
 * "link", "service" (and "no-endpoints"), "endpoint", "down", "hop" (on
 * the traced path), "blocked" (the down link that stopped the message),
 * "end delivered|discarded|loop" (where it ended). */
#ifndef K8SNET_GRAPH_H
#define K8SNET_GRAPH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "forward.h"
#include "model.h"

/* graph_svg and the report summarize a cluster above either limit: the
 * dot layout's cost is in the node mesh (measured on Graphviz 2.42: a
 * mesh of 20 nodes lays out in 0.2 s, 30 in 1.7 s, 50 in 95 s) and in
 * the number of vertices (310 in 0.2 s, 3,050 in 7 s, 9,100 in 144 s). */
#define GRAPH_FULL_MAX_VERTICES 300
#define GRAPH_FULL_MAX_NODES 20
/* The summary draws the mesh edge by edge up to GRAPH_MESH_NODES nodes;
 * above, as a star around one vertex (100 nodes: 0.1 s), and above
 * GRAPH_STAR_NODES as a grid (a dot star of 1,000 nodes takes 1 s, of
 * 5,000 nodes 15-30 s; osage's grid of 5,000 nodes 1 s). */
#define GRAPH_MESH_NODES 20
#define GRAPH_STAR_NODES 100

enum graph_view { GRAPH_FULL, GRAPH_SUMMARY };

struct graph;

/* True when graph_svg draws m per node: more than GRAPH_FULL_MAX_VERTICES
 * vertices or more than GRAPH_FULL_MAX_NODES nodes. */
bool graph_summarized(const struct model *m);

/* The graph of m (which must outlive it); free with graph_free. */
struct graph *graph_new(const struct model *m, enum graph_view view);
void graph_free(struct graph *g);

/* Add the Services (see above) to a full view; nothing on a summary, or
 * when called again. The caption counts them; a trace keeps its marks. */
void graph_add_services(struct graph *g);

/* Mark the life of one message: the fates forward_run gave for it (n > 1
 * when a Service Rule forked it). d is its destination for the caption;
 * NULL takes it from the first lookup's header (and leaves it out when
 * the sender's link is down). Call at most once per graph. */
void graph_trace(struct graph *g, const struct dest *d, const struct fate *f, size_t n);

/* Write g as DOT to f (a cluster of 5,000 nodes x 30 pods x 2 containers:
 * 79 MB, the node mesh in blocks above GRAPH_MESH_NODES nodes (see
 * graph_write.c), 0.9 GB of memory). Returns 0, or -1 if a write failed
 * (the stream's error flag tells more). */
int graph_dot(struct graph *g, FILE *f);

/* Lay g out with dot and render it as SVG, from "<svg" on (no XML
 * prolog, no DOCTYPE). Returns a NUL-terminated buffer the caller frees,
 * its length (NUL excluded) in *len; NULL if gvc failed. */
char *graph_render_svg(struct graph *g, size_t *len);

/* Conveniences for the report. graph_write_dot: the full graph of m as
 * DOT (returns as graph_dot). graph_svg: m's diagram, summarized when
 * graph_summarized(m), with trace marked unless ntrace is 0; caller
 * frees; NULL if gvc failed. */
int graph_write_dot(FILE *f, const struct model *m);
char *graph_svg(const struct model *m, const struct fate *trace, size_t ntrace, size_t *len);

/* Any DOT text (the report's workload diagram, k8snet(1), THE WORKLOAD VIEW), laid out
 * with dot in this process's gvc context and rendered as graph_render_svg
 * does; NULL if it does not parse or gvc failed. */
char *graph_dot_svg(const char *dot, size_t *len);

#endif
