/* The cluster as the spec describes it: vertices (nodes, pods, containers,
 * daemons), their addresses and open ports, the links that are down, the
 * spec's FIB override rules and expectations, with the lookups every later
 * stage needs. spec.c fills a model; model_finish() builds the indexes;
 * after that the model is read-only and every other module only reads the
 * structs below. */
#ifndef K8SNET_MODEL_H
#define K8SNET_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

enum vkind { V_NODE, V_POD, V_CONTAINER, V_DAEMON };

enum action { ACT_DELIVER, ACT_FORWARD, ACT_DISCARD, ACT_DNAT };

/* Where a FIB rule comes from; its name is the FIB CSV's origin. */
enum origin {
	ORIG_OVERRIDE,
	ORIG_LOCALHOST,
	ORIG_POD_ADDR,
	ORIG_LOCAL_FWD,
	ORIG_NODE_ADDR,
	ORIG_NODE_TO_POD,
	ORIG_NODE_TO_NODE,
	ORIG_NODE_TO_NODE_ADDR,
};

enum verdict { VERDICT_DELIVERED, VERDICT_DISCARDED, VERDICT_LOOP };

struct port {
	uint16_t number;
	enum proto proto;
	long line;
};

/* An open (port, protocol) of a switch's processes: the target of one
 * Delivery rule. pos is its 0-based place among the switch's delivery
 * rules (processes and their ports in document order). */
struct endpoint {
	uint16_t port;
	enum proto proto;
	int proc;
	int pos;
};

/* A FIB rule: a spec override or one the model generates. The match
 * fields that are "any" are flagged; text fields keep an override's
 * fields as written (NULL for generated rules). */
struct rule {
	bool any_src, any_dst, any_dport, any_proto;
	uint32_t src, dst;
	int src_len, dst_len;
	uint16_t dport_lo, dport_hi;
	enum proto proto;
	enum action action;
	int to; /* a vertex; -1 for discard */
	enum origin origin;
	long line;
	char *src_text, *dst_text, *dport_text;
};

struct vertex {
	char *name;
	enum vkind kind;
	long line;
	int idx;     /* place in m->nodes, m->pods or m->procs */
	int parent;  /* a pod's or daemon's node, a container's pod; -1 */
	uint32_t addr; /* nodes and pods */
	/* processes */
	struct port *ports;
	size_t nports, ports_cap;
	/* switches */
	int *kids; /* a pod's containers, a node's daemons */
	size_t nkids, kids_cap;
	struct rule *fib; /* the spec's override rules, in order */
	size_t nfib, fib_cap;
	struct endpoint *eps; /* open ports of kids, sorted by (port, proto) */
	size_t neps;
	/* nodes */
	size_t first_pod, npods; /* its pods: m->pods[first_pod ...] */
	int listen_rank; /* place among nodes with a listening daemon; -1 */
};

struct expect {
	int from;
	uint32_t addr;
	uint16_t port;
	enum proto proto;
	enum verdict verdict;
	int receiver; /* -1: any */
	char *to_text;
	long line;
};

struct model {
	char *name;
	struct vertex *v; /* every vertex, in the order its element starts */
	size_t nv, v_cap;
	int *nodes, *pods, *procs, *switches; /* vertex ids, document order */
	size_t nnodes, npods, nprocs, nswitches, nlistening;
	struct expect *expects;
	size_t nexpects, expects_cap;
	struct hash *names, *addrs, *down;
	size_t ndown;
};

/* A new empty model; free with model_free (which accepts NULL). */
struct model *model_new(const char *name);
void model_free(struct model *m);

/* Add a vertex (name copied) under parent (-1 for a node); returns its id. */
int model_add_vertex(struct model *m, enum vkind kind, const char *name, long line, int parent);
void model_add_port(struct model *m, int proc, uint16_t number, enum proto proto, long line);
/* The rule is copied; its text fields are taken over by the model. */
void model_add_rule(struct model *m, int sw, const struct rule *r);
/* Mark the link a-b down; false if it was already down. */
bool model_set_down(struct model *m, int a, int b);
struct expect *model_add_expect(struct model *m);

/* Build the indexes; call once, after the last model_add_*. */
void model_finish(struct model *m);

/* The vertex with that name, or -1 (works before model_finish too). */
int model_find(const struct model *m, const char *name);
/* Register addr as the address of vertex id; returns the id that already
 * had it, or -1. */
int model_claim_addr(struct model *m, uint32_t addr, int id);
/* The node or pod with address addr, or -1. */
int model_addr_owner(const struct model *m, uint32_t addr);

/* The graph links a and b (whether up or down). */
bool model_adjacent(const struct model *m, int a, int b);
bool model_link_down(const struct model *m, int a, int b);
/* Adjacent and up. */
bool model_linked(const struct model *m, int a, int b);

/* The endpoint of switch sw for (port, proto), or NULL. */
const struct endpoint *model_endpoint(const struct model *m, int sw, uint16_t port, enum proto proto);

bool model_is_switch(const struct model *m, int id);
bool model_is_process(const struct model *m, int id);
const char *model_kind_name(enum vkind k);
const char *verdict_name(enum verdict v);
bool verdict_parse(const char *s, enum verdict *out);

#endif
