/* The reach matrix: reach rows gathered as views draw them, rows the
 * senders, columns the destinations of reach_columns. Both the text truth
 * table (`reach --format text`, emit_text.c) and the HTML page's matrix
 * and verdict counts (emit_html.c) read it, so that a pair is classified
 * once, here (matrix_add), for every view.
 *
 * A matrix is kept per process (one cell per sender and destination)
 * while it has at most max_cells cells; above, per pair of nodes (counts
 * per kind), and above max_nodes nodes, one line of counts per sender
 * node. Memory: the cells kept, never the pairs. */
#ifndef K8SNET_MATRIX_H
#define K8SNET_MATRIX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "judge.h"
#include "model.h"
#include "reach.h"

/* What one (sender, destination) pair shows: the worst of its fates, as
 * judge.h classes them (the same values, worst last), or not asked. */
enum matrix_cell {
	CELL_OK = JUDGE_DELIVERED,      /* delivered to the process that opened the port */
	CELL_OUTSIDE = JUDGE_OUTSIDE,   /* discarded outside the cluster: not a fault */
	CELL_DENY = JUDGE_DENIED,       /* discarded by a NetworkPolicy: intended isolation */
	CELL_CLOSED = JUDGE_NOTHING,    /* nothing listens */
	CELL_WRONG = JUDGE_MISDELIVERED, /* delivered, to another process */
	CELL_DROP = JUDGE_DISCARDED,    /* discarded by the network */
	CELL_LOOP = JUDGE_LOOP,
	CELL_NA = JUDGE_CLASSES,        /* not asked: another pod's 127.0.0.1 */
	CELL_KINDS,
};

enum matrix_grain { MX_PROCESS, MX_NODE, MX_TOTALS };

/* A per-process cell's hover card: what happened, and each fate's path. */
struct matrix_detail {
	char *tip;  /* the pair, then each fate's explanation and path */
	char *path; /* each fate's path, space-separated */
};

/* Views read these fields; only matrix.c writes them. */
struct matrix {
	const struct model *m;
	enum ports_mode mode;
	enum matrix_grain mx;
	struct dest *cols; /* reach_columns */
	size_t ncols;
	size_t *sorted; /* column indexes sorted by (addr, port, proto) */
	/* per process: nprocs x ncols (detail: only if asked for) */
	unsigned char *kind;  /* enum matrix_cell */
	char *sym;            /* the text table's mark: judge_class_mark, or . */
	struct matrix_detail *detail;
	/* per node: 127.0.0.1, every node, every service; totals: one */
	size_t nncols;
	uint64_t (*count)[CELL_KINDS]; /* nnodes x nncols */
	uint64_t pairs[CELL_KINDS];    /* pairs per kind */
	uint64_t refused;              /* nothing-listens pairs that are faults (a service's port) */
	uint64_t rows;                 /* reach rows (fates) */
	uint64_t verdicts[3], denied;  /* fates per verdict; denied by a policy */
	/* Each destination's receiving process and per-node column, looked up
	 * once: after 127.0.0.1, every sender asks about the same destinations
	 * in the same order, so the k-th of a sender's is usually the k-th of
	 * the last one's. */
	struct matrix_memo *memo;
	size_t nmemo, memo_cap, k;
	int sender;
};

/* The matrix of m's reach rows in mode: per process always, without
 * details (the text table). Free with matrix_free (accepts NULL). */
struct matrix *matrix_new(const struct model *m, enum ports_mode mode);
/* Per process while at most max_cells cells, with details; else per
 * node while at most max_nodes nodes; else totals. */
struct matrix *matrix_new_summarized(const struct model *m, enum ports_mode mode, size_t max_cells,
				     size_t max_nodes);
void matrix_free(struct matrix *x);

/* Adds one reach row (sender, d and its n fates). */
void matrix_add(struct matrix *x, int sender, const struct dest *d, const struct fate *fate, size_t n);
/* The same, as a reach_fn (ctx: the matrix); always returns 0. */
int matrix_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf);

/* For a summarized matrix (MX_NODE, MX_TOTALS): n pairs whose fates are
 * those of (sender, d), as sweep.c counts them by blocks; every count but
 * the per-node ones, which go to node's row when node >= 0 (a node
 * vertex), else are left to matrix_charge. Returns the pairs' cell. */
enum matrix_cell matrix_add_pairs(struct matrix *x, int sender, const struct dest *d, const struct fate *f,
				  size_t nf, uint64_t n, int node);
/* Adds n to node's count of cell c in d's column (d NULL: MX_TOTALS'
 * one column). Unsigned arithmetic wraps: a caller may take away first
 * what it adds back later, and only the final sums are read. */
void matrix_charge(struct matrix *x, int node, const struct dest *d, enum matrix_cell c, uint64_t n);

/* The worst of the fates of (sender, d). */
enum matrix_cell matrix_classify(const struct model *m, int sender, const struct dest *d, const struct fate *f,
				 size_t nf);
/* The worst kind among a cell's counts, or CELL_NA when empty. */
enum matrix_cell matrix_worst(const uint64_t *count);

/* The per-process column of d, or -1. */
long matrix_column(const struct matrix *x, const struct dest *d);
/* The per-node column of address a: 127.0.0.1, the node that holds it,
 * or its service. */
size_t matrix_node_column(const struct model *m, uint32_t a);
/* The node vertex v is on (v itself for a node), or -1. */
int matrix_node_of(const struct model *m, int v);

#endif
