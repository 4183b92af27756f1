/* The cluster as the spec describes it: vertices (nodes, pods, containers,
 * daemons), their addresses and open ports, the links that are down, the
 * spec's FIB override rules and expectations, namespaces, services and
 * policies, with the lookups every later stage needs.
 *
 * One way in: a model is built only through the builders below (the spec
 * parser uses nothing else, and so can any other producer of models), then
 * model_finish() builds the indexes; after that the model is read-only and
 * every other module only reads the structs below. Builders copy the
 * strings they are given unless they say they take them over. */
#ifndef K8SNET_MODEL_H
#define K8SNET_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

struct diag;

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
	ORIG_SERVICE,
};

enum verdict { VERDICT_DELIVERED, VERDICT_DISCARDED, VERDICT_LOOP };

/* A message's destination: address, port, protocol. */
struct dest {
	uint32_t addr;
	uint16_t port;
	enum proto proto;
};

struct port {
	uint16_t number;
	enum proto proto;
	long line;
	char *name; /* a named port (spec 1.1), or NULL */
};

/* ---- spec 1.1: namespaces, labels, services, policies ---- */

struct label {
	char *key, *value;
};

struct labels {
	struct label *l;
	size_t n, cap;
};

struct namespace {
	char *name;
	struct labels labels; /* kubernetes.io/metadata.name included */
	long line;            /* 0: implied by a pod, service or policy */
};

enum selop { SEL_IN, SEL_NOTIN, SEL_EXISTS, SEL_DOESNOTEXIST };

struct expression {
	char *key;
	enum selop op;
	char **values;
	size_t nvalues;
};

/* A label selector: every match and expression must hold; none selects
 * everything. */
struct selector {
	struct labels match;
	struct expression *expr;
	size_t nexpr, expr_cap;
};

struct svc_port {
	uint16_t number;
	enum proto proto;
	uint16_t target;   /* numeric target, or 0 */
	char *target_name; /* named target, or NULL */
	size_t flat;       /* index in m->svc_ports */
};

/* Where a Service Rule sends a message: addr:port. pod is the vertex that
 * backs it: a pod the selector matched (its address), a hostNetwork
 * daemon the selector matched (its node's address), the pod an explicit
 * endpoint names by address; -1 for an explicit endpoint at a node's
 * address or outside the cluster (an address alone). */
struct backend {
	int pod;
	uint32_t addr;
	uint16_t port;
};

/* An explicit backend of a selector-less service (spec 1.2 <endpoint>):
 * an EndpointSlice's address and port, for the service port numbered
 * service_port. */
struct svc_endpoint {
	uint32_t addr;
	uint16_t port;
	enum proto proto;
	uint16_t service_port;
	long line;
};

struct service {
	char *name;
	int ns;
	uint32_t addr;
	struct labels selector;
	bool has_selector;
	struct svc_port *ports;
	size_t nports, ports_cap;
	struct svc_endpoint *endpoints; /* spec 1.2; only without a selector */
	size_t nendpoints, endpoints_cap;
	long line;
};

/* One service port as the Service Rules see it, with its backends in
 * document order: one per selected pod or hostNetwork pod that resolves
 * the target, or one per explicit endpoint of that port. */
struct svc_flat {
	int svc;
	size_t port;
	struct backend *backends;
	size_t nbackends;
};

struct peer {
	bool has_pod_sel, has_ns_sel, is_block;
	struct selector pod_sel, ns_sel;
	uint32_t net;
	int len;
	uint32_t *except_net;
	int *except_len;
	size_t nexcept;
};

struct pol_port {
	bool has_number;
	uint16_t number, end; /* end: 0 unless a range */
	char *name;           /* a named port, or NULL */
	enum proto proto;
};

struct pol_rule {
	struct peer *peers;
	size_t npeers, peers_cap;
	struct pol_port *ports;
	size_t nports, ports_cap;
};

enum { DIR_INGRESS = 1, DIR_EGRESS = 2 };

struct policy {
	char *name;
	int ns;
	struct selector pod_sel;
	int types; /* DIR_INGRESS | DIR_EGRESS */
	struct pol_rule *rules[2]; /* [0] ingress, [1] egress */
	size_t nrules[2], rules_cap[2];
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
	int to; /* a vertex; for dnat, an index of m->svc_ports; -1 for discard */
	enum origin origin;
	long line;
	char *src_text, *dst_text, *dport_text;
};

struct vertex {
	char *name;
	size_t name_len; /* outputs write names in bulk */
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
	/* pods (spec 1.1), and daemons that carry them (spec 1.2: a
	 * hostNetwork pod's containers); ns is -1 for a daemon without one */
	int ns;
	struct labels labels;
	char *workload; /* spec 1.2: "KIND/NAME", or NULL (its own: Pod/NAME) */
	char *pod_name; /* spec 1.2 daemons: the hostNetwork pod, or NULL */
	int *isolating[2]; /* policies isolating it: [0] ingress, [1] egress */
	size_t nisolating[2];
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
	char *version; /* <cluster version>: "1.0", "1.1", "1.2", or NULL */
	struct vertex *v; /* every vertex, in the order its element starts */
	size_t nv, v_cap;
	int *nodes, *pods, *procs, *switches; /* vertex ids, document order */
	size_t nnodes, npods, nprocs, nswitches, nlistening;
	struct expect *expects;
	size_t nexpects, expects_cap;
	struct hash *names, *addrs, *down, *svc_addrs;
	size_t ndown, down_cap;
	int (*downs)[2]; /* the links that are down, in document order */
	/* spec 1.1 */
	struct namespace *ns;
	size_t nns, ns_cap;
	struct hash *ns_index; /* namespace name -> index (NULL until one) */
	struct service *svcs;
	size_t nsvcs, svcs_cap;
	struct svc_flat *svc_ports; /* every service port, document order */
	size_t nsvc_ports;
	struct hash *svc_index; /* (addr, port, proto) -> svc_ports index */
	struct policy *pols;
	size_t npols, pols_cap;
	/* Kubernetes input (k8snet(1), KUBERNETES INPUT): the objects the
	 * generated spec's lines come from, in line order, so that messages
	 * given after loading cite the YAML, not the XML nobody wrote. */
	struct model_cite *cites;
	size_t ncites, cites_cap;
	char **cite_files; /* the cites' distinct file names, owned */
	size_t ncite_files, cite_files_cap;
};

/* From spec line `line` on (to the next cite), the object at
 * file:src_line:src_col; file NULL: no object declares those lines. */
struct model_cite {
	long line;
	const char *file; /* one of model.cite_files */
	long src_line, src_col;
};

/* A new empty model named name (copied; NULL: ""); free with model_free
 * (which accepts NULL): it frees everything the builders gave it. */
struct model *model_new(const char *name);
void model_free(struct model *m);

/* Add a cite (file copied once per distinct name; NULL allowed) after the
 * others (lines rising). */
void model_add_cite(struct model *m, long line, const char *file, long src_line, long src_col);
/* Copy the messages of from into to, each at the object its spec line
 * comes from when m has cites (k8snet(1), KUBERNETES INPUT), else as they
 * are; a line no object declares is cited at from's file, without a line. */
void model_cite_diag(const struct model *m, const struct diag *from, struct diag *to);

/* <cluster version>: "1.0", "1.1" or "1.2" (copied), or NULL. */
void model_set_version(struct model *m, const char *version);

/* ---- vertices ---- */

/* Add a vertex (name copied) under parent (-1 for a node); returns its id. */
int model_add_vertex(struct model *m, enum vkind kind, const char *name, long line, int parent);
/* Give node or pod id the address addr, unless something has it already:
 * returns -1 when done, else what has it (model_claim_addr's encoding). */
int model_set_address(struct model *m, int id, uint32_t addr);
void model_add_port(struct model *m, int proc, uint16_t number, enum proto proto, long line, const char *name);
/* A pod's, or a hostNetwork daemon's, namespace (an index of m->ns; -1:
 * none, a daemon's default). */
void model_set_namespace(struct model *m, int id, int ns);
/* Add label key=value to a pod or daemon; false (nothing added) if the
 * vertex has key already. */
bool model_add_label(struct model *m, int id, const char *key, const char *value);
/* A pod's or daemon's workload "KIND/NAME" (copied). */
void model_set_workload(struct model *m, int id, const char *workload);
/* The hostNetwork pod a daemon belongs to (copied). */
void model_set_pod_name(struct model *m, int id, const char *pod);
/* The rule is copied; its text fields are taken over by the model. */
void model_add_rule(struct model *m, int sw, const struct rule *r);
/* Mark the link a-b down; false if it was already down. */
bool model_set_down(struct model *m, int a, int b);
/* Add a copy of *e; its to_text is taken over by the model. */
void model_add_expect(struct model *m, const struct expect *e);

/* Build the indexes; call once, after the last builder. */
void model_finish(struct model *m);

/* ---- namespaces ---- */

/* The namespace named name: found, or added with its
 * kubernetes.io/metadata.name label; line 0 means implied by an object
 * (a later declaration gives it its line). Returns its index. */
int model_namespace(struct model *m, const char *name, long line);
int model_find_namespace(const struct model *m, const char *name);
/* Add label key=value to namespace ns; false (nothing added) if it has key. */
bool model_namespace_add_label(struct model *m, int ns, const char *key, const char *value);

/* ---- services ---- */

/* Add service name (copied; NULL when the spec's is invalid) in namespace
 * ns (-1: invalid), declared at line; returns its index. */
int model_add_service(struct model *m, const char *name, int ns, long line);
/* Give service s the address addr, unless something has it already:
 * returns -1 when done, else what has it (model_claim_addr's encoding). */
int model_service_set_address(struct model *m, int s, uint32_t addr);
/* Add key=value to service s's selector (the service then has one);
 * false (nothing added) if the selector has key. */
bool model_service_add_selector(struct model *m, int s, const char *key, const char *value);
/* The index of service s's port (number, proto), or -1. */
int model_service_find_port(const struct model *m, int s, uint16_t number, enum proto proto);
/* Add a port: target is the numeric target port, or 0 with target_name
 * (copied) a named one. */
void model_service_add_port(struct model *m, int s, uint16_t number, enum proto proto, uint16_t target,
			    const char *target_name);
/* Add an explicit endpoint (a copy of *e) to a service without selector. */
void model_service_add_endpoint(struct model *m, int s, const struct svc_endpoint *e);

/* ---- label selectors and policies ---- */

/* Add key=value to what sel matches; false (nothing added) if it has key. */
bool selector_add_match(struct selector *sel, const char *key, const char *value);
/* Add expression *e; sel takes over its key and values (and *e is zeroed). */
void selector_add_expression(struct selector *sel, struct expression *e);
/* Add an except prefix to an ip-block peer. */
void peer_add_except(struct peer *p, uint32_t net, int len);

/* Add policy name (copied; NULL when invalid) in namespace ns, declared at
 * line; returns its index. Its types are none until set. */
int model_add_policy(struct model *m, const char *name, int ns, long line);
/* The policy's pod selector: the model takes over *sel (zeroed). */
void model_policy_set_selector(struct model *m, int pol, struct selector *sel);
/* DIR_INGRESS | DIR_EGRESS. */
void model_policy_set_types(struct model *m, int pol, int types);
/* A new empty rule of policy pol, dir 0 (ingress) or 1 (egress); returns
 * its index in pol's rules of that direction. */
int model_policy_add_rule(struct model *m, int pol, int dir);
/* Add a peer to that rule; the model takes over *peer (zeroed). */
void model_policy_add_peer(struct model *m, int pol, int dir, int rule, struct peer *peer);
/* Add a copy of *pp (its name copied) to that rule's ports. */
void model_policy_add_port(struct model *m, int pol, int dir, int rule, const struct pol_port *pp);

/* ---- reading ---- */

const char *labels_get(const struct labels *ls, const char *key);
/* The same labels in the same order (the spec's: one set written in two
 * orders only makes one class more), and seed with every key and value of
 * ls folded in: what selectors see of a pod, as engine.c's and dclass.c's
 * classes compare and hash it. */
bool labels_same_order(const struct labels *a, const struct labels *b);
uint64_t labels_hash(const struct labels *ls, uint64_t seed);
/* For label sets outside a model (tests, a parser's scratch): add a copy,
 * and free them all. */
void labels_add(struct labels *ls, const char *key, const char *value);
void labels_free(struct labels *ls);
void selector_free(struct selector *s);
/* The service port for (addr, port, proto), or NULL. */
const struct svc_flat *model_service_port(const struct model *m, uint32_t addr, uint16_t port, enum proto proto);
/* The service whose address is addr, or -1. */
int model_service_at(const struct model *m, uint32_t addr);
/* "NAMESPACE/NAME" of service s; into buf of len bytes. */
const char *model_service_name(const struct model *m, int s, char *buf, size_t len);
/* A label selector holds for ls. */
bool selector_matches(const struct selector *s, const struct labels *ls);

/* The vertex with that name, or -1 (works before model_finish too). */
int model_find(const struct model *m, const char *name);
/* Register addr as the address of vertex id (or, when id < -1, of
 * service -2 - id); returns what already had it (same encoding), or -1. */
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

/* The name of the port (port, proto) a process of switch sw opens, or
 * NULL (unnamed, or not open). */
const char *model_port_name(const struct model *m, int sw, uint16_t port, enum proto proto);

/* By node idx: the nodes it has a down link to, in link order, -1 ended
 * (the fast engines' "cut" nodes). The caller frees with
 * model_node_cuts_free. */
int **model_node_cuts(const struct model *m);
void model_node_cuts_free(const struct model *m, int **cut);

/* By node idx: the items i < n, ascending, that node(ctx, i) (a node's
 * vertex id) puts on that node, -1 ended: census.c's and sweep.c's groups
 * of senders by node. The caller frees with model_node_cuts_free. */
int **model_node_lists(const struct model *m, size_t n, int (*node)(const void *ctx, size_t i), const void *ctx);

#endif
