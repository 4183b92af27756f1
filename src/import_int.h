/* The importer's inside, shared by import.c (reading and resolving the
 * Kubernetes objects) and import_write.c (the spec's XML). Not a public
 * interface: import.h is. */
#ifndef K8SNET_IMPORT_INT_H
#define K8SNET_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "addr.h"

/* Where an object or a field comes from. file is interned (lives as long
 * as the import). */
struct pos {
	const char *file;
	long line, col;
};

/* An element's origin, written as a comment before it. */
struct korigin {
	struct pos pos;
	const char *kind; /* "Pod", "Deployment", ... (interned) */
	const char *ns;   /* NULL for cluster-scoped kinds */
	const char *name; /* as written in the input */
};

struct kv {
	const char *key, *value;
};

struct kvs {
	struct kv *v;
	size_t n, cap;
};

struct cport {
	uint16_t number;
	enum proto proto;
	const char *name; /* or NULL */
};

struct ctr {
	const char *name; /* the container's own name */
	struct cport *ports;
	size_t nports, cap;
};

/* What a pod (or a workload's template) says about its network. */
struct tmpl {
	struct kvs labels;
	struct ctr *ctrs;
	size_t nctrs, cap;
	bool host_network;
	const char *node_name; /* spec.nodeName, or NULL */
};

struct kexpr {
	const char *key, *op;
	const char **values;
	size_t nvalues;
};

struct ksel {
	struct kvs match;
	struct kexpr *expr;
	size_t nexpr, cap;
};

struct kpeer {
	bool has_pod, has_ns;
	struct ksel pod, ns;
	const char *cidr; /* an ip-block (canonical), or NULL */
	const char **except;
	size_t nexcept;
};

struct kpport {
	const char *port; /* a number or a name, or NULL: every port */
	uint16_t end;     /* 0: no range */
	enum proto proto;
};

struct krule {
	struct kpeer *peers;
	size_t npeers, cap;
	struct kpport *ports;
	size_t nports, pcap;
};

struct kpolicy {
	struct korigin o;
	const char *ns, *name;
	struct ksel pod_sel;
	const char *types; /* "Ingress", "Egress", "Ingress Egress", or NULL */
	struct krule *rules[2];
	size_t nrules[2], cap[2];
};

struct ksport {
	const char *name; /* or NULL */
	uint16_t port, target;
	const char *target_name;
	enum proto proto;
};

struct kendpoint {
	uint32_t addr;
	uint16_t port;
	enum proto proto;
	uint16_t service_port;
};

struct kservice {
	struct korigin o;
	const char *ns, *name;
	const char *cluster_ip; /* as written, or NULL */
	uint32_t addr;
	bool has_addr;
	bool has_selector;
	struct kvs selector;
	struct ksport *ports;
	size_t nports, cap;
	struct kendpoint *eps;
	size_t neps, ecap;
};

/* A pod of the spec: live, synthesized, or a hostNetwork pod whose
 * containers become daemons of its node. */
struct kpod {
	struct korigin o;
	const char *ns, *name; /* name: as the spec writes it */
	const char *workload;  /* KIND/NAME */
	const struct tmpl *t;
	int node;
	uint32_t addr;
	bool live;
};

struct kdaemon {
	struct korigin o;
	bool has_origin;
	const char *name;
	const struct kpod *pod; /* hostNetwork; NULL for kubelet, kube-apiserver */
	size_t ctr;             /* its container in pod->t */
	struct cport *ports;
	size_t nports, cap;
};

struct knodev {
	const char *name;
	struct korigin o;
	bool has_origin;
	uint32_t addr;
	bool has_addr;
	struct kdaemon *daemons;
	size_t ndaemons, dcap;
	size_t *pods; /* indexes into the pod list */
	size_t npods, pcap;
	uint32_t next_host; /* pod subnet cursor */
};

struct kns {
	const char *name;
	struct korigin o;
	bool declared;
	struct kvs labels;
};

/* Everything import_write.c needs, resolved and in output order. */
struct resolved {
	const char *cluster_name;
	struct kns *ns;
	size_t nns;
	struct knodev *nodes;
	size_t nnodes;
	struct kpod *pods;
	size_t npods;
	struct kservice **svcs;
	size_t nsvcs;
	struct kpolicy **pols;
	size_t npols;
};

/* An origin comment's place in the XML: for mapping a line back. A copy
 * (the namespaces' list is gone when the parser's messages are mapped);
 * not known: an element that no object declares. */
struct xml_origin {
	long xml_line;
	bool known;
	struct korigin o;
};

/* The length of the UTF-8 character at s that XML accepts (1 to 4), 0 if
 * the bytes are not one (or s is empty). */
size_t import_utf8_len(const char *s);

/* The parser's message text with each "line N" (another element of the
 * XML: "already a pod at line N", "(line N)", "(by 'c', line N)") written
 * as the FILE:LINE of that element's object, or left out with the words
 * that introduce it when none is known: a line of the generated XML means
 * nothing to whoever wrote the YAML. Caller frees. */
char *import_remap_lines(const struct xml_origin *map, size_t nmap, const char *text);

/* Write the spec into a buffer (*out, *len, NUL-terminated, caller frees),
 * with origins of each element's comment line (caller frees *map). */
void import_write_xml(const struct resolved *r, char **out, size_t *len, struct xml_origin **map, size_t *nmap);

#endif
