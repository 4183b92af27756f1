/* Inside the graph module only: what building the graph (graph.c) and
 * writing it (graph_write.c) share. */
#ifndef K8SNET_GRAPH_PRIVATE_H
#define K8SNET_GRAPH_PRIVATE_H

/* gvc.h brings Graphviz's internal types.h, whose struct port would clash
 * with the model's: rename Graphviz's (a C type name is not part of the
 * ABI) before the model's headers come in. */
#define port gv_port
#include <gvc.h>
#undef port

#include <stdbool.h>
#include <stddef.h>

#include "graph.h"
#include "model.h"

struct hop {
	Agedge_t *e;
	size_t k;
};

struct graph {
	Agraph_t *g;
	const struct model *m;
	enum graph_view view;
	Agnode_t **vx; /* by vertex id; summary: nodes only */
	/* full view: by vertex id, its box (nodes, pods) and the edge of the
	 * link to its parent */
	Agraph_t **box;
	Agedge_t **up;
	/* The full view's node mesh holds only its special links (down,
	 * traced) until a layout needs them all: n(n-1)/2 cgraph edges at
	 * 5,000 nodes do not fit in memory. */
	bool mesh_partial;
	Agnode_t *hub; /* summary above GRAPH_MESH_NODES nodes; else NULL */
	const char *engine; /* the layout: dot, or osage for a grid of nodes */
	char *caption; /* the graph's label without a trace */
	char *trace_text; /* what a trace adds to it, or NULL */
	bool traced;
	/* Per namespace: its place in ns_colors, or -1 (no pod, no service;
	 * or the spec does not use namespaces). */
	int *ns_color;
	/* graph_add_services: a vertex per service, the edges to endpoint
	 * pods in the order made (services, then pods, in document order). */
	bool services;
	Agnode_t **svc_vx;
	Agedge_t **svc_edges;
	size_t nsvc_edges, svc_edges_cap;
};

/* Every graph's discipline: cgraph's memory and I/O, ids in creation
 * order (graph.c says why). */
extern Agdisc_t graph_disc;
/* The process's one gvc context (made on first use, never freed). */
GVC_t *graph_gvc(void);
/* Whether attribute name of kind (AGRAPH, AGNODE, AGEDGE) is declared on
 * every graph, with a default. */
bool graph_declared(int kind, const char *name);
/* Every link of the node mesh as an edge, for a layout. */
void graph_complete_mesh(struct graph *g);

#endif
