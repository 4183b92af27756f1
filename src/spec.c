/* The cluster's elements: each checked, with every problem reported at
 * its line, and added to the model through its builders (model.h). The
 * XML itself (the file, libxml2, the streaming) is spec_xml.c's. The
 * format is k8snet-spec(5). */
#include "config.h"
#include "spec.h"
#include "spec_xml.h"
#include "suggest.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#define MAX_NAME 253         /* the cluster's name */
#define MAX_VERTEX_NAME 512  /* spec 1.2; it was 253 */

/* The causes of warnings (diag_warning_of): past ten of one cause, a
 * spec imported from a big cluster would drown every command's output,
 * so the rest are counted in one line. */
#define W_TYPES "policies with rules of a direction that their types leave out"
#define W_LINK_TWICE "links cut twice"
#define W_NOT_LINKED "override rules that forward to a vertex not linked to their switch"
#define W_UNDECLARED_NS "pods, services and policies in a namespace that no <namespace> declares"
#define W_SERVICE_NONE "services that select no pod"
#define W_NAMED_TARGET "pods that lack the named target of a service that selects them"
#define W_POLICY_NONE "policies that select no pod"
#define W_PEER_POD_SEL "policy peers whose pod-selector matches no pod of the policy's namespace"
#define W_PEER_NO_NS "policy peers whose namespace-selector matches no namespace"
#define W_PEER_BOTH "policy peers that no pod matches with both selectors"
#define W_PEER_EMPTY_NS "policy peers whose namespace-selector matches only namespaces without pods"
#define W_PEER_DAEMONS "policy peers whose selectors match hostNetwork daemons only"

const char *
spec_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

enum spec_status
spec_load(const char *path, size_t max_size, struct diag *d, struct model **out)
{
	char *buf;
	size_t len;
	*out = NULL;
	enum spec_status st = spec_xml_read(path, max_size, d, &buf, &len);
	if (st != SPEC_OK)
		return st;
	st = spec_parse(buf, len, d, out);
	free(buf);
	return st;
}

struct parser {
	struct diag *d;
	struct model *m;
	/* elements resolved once every vertex is known */
	xmlNodePtr *later;
	size_t nlater, later_cap;
	/* the lines of what the typo warnings check once the model is done:
	 * selector peers, and service ports with a named target */
	struct peer_at {
		int pol, dir, rule;
		size_t peer;
		long line;
	} *peer_at;
	size_t npeer_at, peer_at_cap;
	struct port_at {
		int svc;
		size_t port;
		long line;
	} *port_at;
	size_t nport_at, port_at_cap;
};

/* ---- the XML helpers, for this parser ---- */

static long
line_of(xmlNodePtr n)
{
	return xml_line(n);
}

static bool
is(xmlNodePtr n, const char *name)
{
	return xml_is(n, name);
}

static void
check_attrs(struct parser *p, xmlNodePtr n, const char *const *allowed)
{
	xml_check_attrs(p->d, n, allowed);
}

static char *
attr(struct parser *p, xmlNodePtr n, const char *name, bool required)
{
	return xml_attr(p->d, n, name, required);
}

/* Element callbacks take the parser as void *p (xml_child_fn). */
static void
children(struct parser *p, xmlNodePtr n, xml_child_fn *fn, void *ctx)
{
	xml_children(p->d, n, fn, p, ctx);
}

static void
text_only(struct parser *p, xmlNodePtr n)
{
	xml_text_only(p->d, n);
}

/* The elements each element takes (k8snet-spec(5)), for "did you mean". */
static const char *const *
known_children(xmlNodePtr parent)
{
	static const struct {
		const char *parent;
		const char *const kids[8];
	} known[] = {
		{ "cluster", { "node", "namespace", "service", "policy", "link-down", "fib", "expect", NULL } },
		{ "node", { "daemon", "pod", NULL } },
		{ "pod", { "container", "label", NULL } },
		{ "container", { "port", NULL } },
		{ "daemon", { "port", "label", NULL } },
		{ "namespace", { "label", NULL } },
		{ "service", { "port", "selector", "endpoint", NULL } },
		{ "policy", { "pod-selector", "ingress", "egress", NULL } },
		{ "ingress", { "from", "port", NULL } },
		{ "egress", { "to", "port", NULL } },
		{ "from", { "pod-selector", "namespace-selector", "ip-block", NULL } },
		{ "to", { "pod-selector", "namespace-selector", "ip-block", NULL } },
		{ "pod-selector", { "match", "expression", NULL } },
		{ "namespace-selector", { "match", "expression", NULL } },
		{ "ip-block", { "except", NULL } },
		{ "fib", { "rule", NULL } },
	};
	for (size_t i = 0; i < sizeof known / sizeof *known; i++)
		if (xml_is(parent, known[i].parent))
			return known[i].kids;
	return NULL;
}

/* An element that parent does not take; a typo or Kubernetes' spelling
 * of one it does take is named. */
static void
unknown(struct parser *p, xmlNodePtr parent, xmlNodePtr c)
{
	const char *near = c->ns == NULL ? suggest((const char *)c->name, known_children(parent)) : NULL;
	char q[XML_QNAME_MAX], qp[XML_QNAME_MAX];
	if (near != NULL)
		diag_error(p->d, line_of(c), "unknown element <%s> in <%s>; did you mean <%s>?", xml_qname(c, q),
			   xml_qname(parent, qp), near);
	else
		xml_unknown(p->d, parent, c);
}

static bool
valid_vertex_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MAX_VERTEX_NAME)
		return false;
	if (!((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= '0' && s[0] <= '9')))
		return false;
	return strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-/:") == n;
}

/* Add a vertex after checking its name; returns its id or -1. */
static int
vertex(struct parser *p, xmlNodePtr n, enum vkind kind, int parent)
{
	char *name = attr(p, n, "name", true);
	if (name == NULL)
		return -1;
	/* Even a bad vertex is added, so that its children find a parent;
	 * the error discards the model anyway. */
	if (!valid_vertex_name(name)) {
		diag_error(p->d, line_of(n),
			   "invalid %s name '%s' (1 to %d characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)",
			   model_kind_name(kind), name, MAX_VERTEX_NAME);
	} else {
		int old = model_find(p->m, name);
		if (old >= 0)
			diag_error(p->d, line_of(n), "duplicate name '%s' (already a %s at line %ld)", name,
				   model_kind_name(p->m->v[old].kind), p->m->v[old].line);
	}
	int id = model_add_vertex(p->m, kind, name, line_of(n), parent);
	free(name);
	return id;
}

static void
address(struct parser *p, xmlNodePtr n, int id)
{
	char *s = attr(p, n, "address", true);
	char q[XML_QNAME_MAX];
	uint32_t a;
	if (s == NULL)
		return;
	if (!addr_parse(s, &a))
		diag_error(p->d, line_of(n), "invalid address '%s' (an IPv4 address in dotted-quad form, no leading zeros)", s);
	else if (addr_reserved(a))
		diag_error(p->d, line_of(n), "address %s is reserved (loopback or 0.0.0.0): a %s cannot have it", s,
			   xml_qname(n, q));
	else if (id >= 0) {
		int old = model_set_address(p->m, id, a);
		if (old >= 0)
			diag_error(p->d, line_of(n), "address %s is already the address of %s '%s' (line %ld)", s,
				   model_kind_name(p->m->v[old].kind), p->m->v[old].name, p->m->v[old].line);
	}
	free(s);
}

/* ---- Kubernetes names: what its API server accepts ---- */

static bool
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool
lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* A DNS label: 1-63 of a-z 0-9 -, starting and ending alphanumeric. */
static bool
valid_dns_label_n(const char *s, size_t n)
{
	if (n == 0 || n > 63 || !lower_alnum(s[0]) || !lower_alnum(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

static bool
valid_dns_label(const char *s)
{
	return valid_dns_label_n(s, strlen(s));
}

/* A DNS subdomain: at most 253 characters, dot-separated DNS labels. */
static bool
valid_dns_subdomain(const char *s, size_t n)
{
	if (n == 0 || n > 253)
		return false;
	for (size_t i = 0, start = 0; i <= n; i++)
		if (i == n || s[i] == '.') {
			if (!valid_dns_label_n(s + start, i - start))
				return false;
			start = i + 1;
		}
	return true;
}

/* A label NAME or value: 1-63 of A-Z a-z 0-9 . _ -, alphanumeric ends. */
static bool
valid_label_part(const char *s, size_t n)
{
	if (n == 0 || n > 63 || !alnum(s[0]) || !alnum(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!alnum(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

static bool
valid_label_key(const char *s)
{
	const char *slash = strchr(s, '/');
	if (slash == NULL)
		return valid_label_part(s, strlen(s));
	return valid_dns_subdomain(s, (size_t)(slash - s)) && valid_label_part(slash + 1, strlen(slash + 1));
}

static bool
valid_label_value(const char *s)
{
	return *s == '\0' || valid_label_part(s, strlen(s));
}

/* A named port: 1-15 of a-z 0-9 -, a letter, no '-' at an end, no "--". */
static bool
valid_port_name(const char *s)
{
	size_t n = strlen(s);
	bool letter = false;
	if (n == 0 || n > 15 || s[0] == '-' || s[n - 1] == '-' || strstr(s, "--"))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!lower_alnum(s[i]) && s[i] != '-')
			return false;
		letter |= s[i] >= 'a' && s[i] <= 'z';
	}
	return letter;
}

static const char *const port_attrs[] = { "number", "protocol", NULL };
static const char *const container_port_attrs[] = { "number", "protocol", "name", NULL };

static void
port(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	int proc = *(int *)ctx;
	if (!is(c, "port")) {
		unknown(p, c->parent, c);
		return;
	}
	/* Containers name their ports; so do a hostNetwork pod's daemons. */
	bool container = proc >= 0 && (p->m->v[proc].kind == V_CONTAINER || p->m->v[proc].pod_name != NULL);
	check_attrs(p, c, container ? container_port_attrs : port_attrs);
	children(p, c, NULL, NULL);
	char *num = attr(p, c, "number", true), *pr = attr(p, c, "protocol", false);
	char *name = container ? attr(p, c, "name", false) : NULL;
	if (name != NULL && !valid_port_name(name)) {
		diag_error(p->d, line_of(c),
			   "invalid port name '%s' (1 to 15 characters of a-z 0-9 -, with a letter, no '-' at either end, no '--')",
			   name);
		free(name);
		name = NULL;
	}
	uint16_t number = 0;
	enum proto proto = PROTO_TCP;
	bool ok = num != NULL;
	if (num != NULL && !port_parse(num, &number)) {
		diag_error(p->d, line_of(c), "invalid port number '%s' (1 to 65535, no leading zeros)", num);
		ok = false;
	}
	if (pr != NULL && !proto_parse(pr, &proto)) {
		diag_error(p->d, line_of(c), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	if (ok && proc >= 0)
		model_add_port(p->m, proc, number, proto, line_of(c), name);
	free(name);
	free(num);
	free(pr);
}

/* A process and its ports; the ports' lines are kept for the duplicate
 * check of its switch. */
static const char *const proc_attrs[] = { "name", NULL };

static void
process(struct parser *p, xmlNodePtr n, enum vkind kind, int parent)
{
	check_attrs(p, n, proc_attrs);
	int id = vertex(p, n, kind, parent);
	children(p, n, port, &id);
}

static const char *const pod_attrs[] = { "name", "address", "namespace", "workload", NULL };

static bool label(struct parser *p, xmlNodePtr n, const char *what, char **key, char **value);
static void label_added(struct parser *p, xmlNodePtr n, const char *what, const char *key, bool added);
static int namespace_attr(struct parser *p, xmlNodePtr n);

/* A workload "KIND/NAME": KIND 1 to 63 letters and digits starting with a
 * letter (Deployment, StatefulSet, Pod), NAME 1 to 253 printable ASCII
 * characters without spaces or '/'. */
static bool
valid_workload(const char *s)
{
	const char *slash = strchr(s, '/');
	if (slash == NULL || slash == s || slash - s > 63 || !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return false;
	for (const char *k = s; k < slash; k++)
		if (!((*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9')))
			return false;
	size_t n = strlen(slash + 1);
	if (n == 0 || n > 253)
		return false;
	for (const char *k = slash + 1; *k; k++)
		if (*k <= ' ' || *k > '~' || *k == '/')
			return false;
	return true;
}

/* The workload attribute of a pod or daemon, into vertex id. */
static void
workload_attr(struct parser *p, xmlNodePtr n, int id)
{
	char *w = attr(p, n, "workload", false);
	if (w != NULL && !valid_workload(w))
		diag_error(p->d, line_of(n),
			   "invalid workload '%s' (KIND/NAME: KIND 1 to 63 letters and digits, starting with a letter; NAME 1 to 253 printable characters, no spaces, no '/')",
			   w);
	else if (w != NULL && id >= 0)
		model_set_workload(p->m, id, w);
	free(w);
}

/* A node daemon; a hostNetwork pod's containers are daemons that carry
 * the pod's name, namespace, workload and labels (spec 1.2). */
static const char *const daemon_attrs[] = { "name", "pod", "namespace", "workload", NULL };

static void vertex_label(struct parser *p, xmlNodePtr c, int id);

static void
daemon_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	if (is(c, "label"))
		vertex_label(p, c, *(int *)ctx);
	else
		port(p, c, ctx);
}

static void
daemon(struct parser *p, xmlNodePtr n, int node)
{
	check_attrs(p, n, daemon_attrs);
	int id = vertex(p, n, V_DAEMON, node);
	char *pod = attr(p, n, "pod", false);
	if (pod != NULL && !valid_vertex_name(pod))
		diag_error(p->d, line_of(n),
			   "invalid pod '%s' on <daemon> (1 to %d characters of A-Z a-z 0-9 . _ - / :, starting with a letter or digit)",
			   pod, MAX_VERTEX_NAME);
	else if (pod != NULL && id >= 0)
		model_set_pod_name(p->m, id, pod);
	free(pod);
	/* No namespace attribute: the daemon has none (not "default"). */
	xmlChar *ns = xmlGetNoNsProp(n, (const xmlChar *)"namespace");
	if (ns != NULL) {
		xmlFree(ns);
		int i = namespace_attr(p, n);
		if (id >= 0)
			model_set_namespace(p->m, id, i);
	}
	workload_attr(p, n, id);
	children(p, n, daemon_child, &id);
}

/* A pod's or daemon's <label>, added to vertex id (-1: a vertex without
 * a name, whose labels are still checked). */
static void
vertex_label(struct parser *p, xmlNodePtr c, int id)
{
	char *key, *value;
	if (!label(p, c, "label", &key, &value))
		return;
	if (id >= 0)
		label_added(p, c, "label", key, model_add_label(p->m, id, key, value));
	free(key);
	free(value);
}

static void
pod_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	int pod = *(int *)ctx;
	if (is(c, "container"))
		process(p, c, V_CONTAINER, pod);
	else if (is(c, "label"))
		vertex_label(p, c, pod);
	else
		unknown(p, c->parent, c);
}

/* The namespace named by n's attribute (default "default"); -1 if bad. */
static int
namespace_attr(struct parser *p, xmlNodePtr n)
{
	char *s = attr(p, n, "namespace", false);
	int ns = -1;
	if (s != NULL && !valid_dns_label(s))
		diag_error(p->d, line_of(n), "invalid namespace '%s' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)", s);
	else
		ns = model_namespace(p->m, s ? s : "default", 0);
	free(s);
	return ns;
}

/* Within one switch, a (port, protocol) is opened once: sort its ports
 * and report every repeat against the first to open it. */
struct open_port {
	uint16_t number;
	enum proto proto;
	long line;
	int proc;
	size_t seq;
};

static int
cmp_open_port(const void *a, const void *b)
{
	const struct open_port *x = a, *y = b;
	if (x->number != y->number)
		return x->number < y->number ? -1 : 1;
	if (x->proto != y->proto)
		return (int)x->proto - (int)y->proto;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Two daemons of one node that are containers of one hostNetwork pod. */
static bool
same_pod(const struct model *m, const struct vertex *a, const struct vertex *b)
{
	(void)m;
	return a->pod_name != NULL && b->pod_name != NULL && a->ns == b->ns && strcmp(a->pod_name, b->pod_name) == 0;
}

static void
check_shared_ports(struct parser *p, int sw, const char *what)
{
	const struct model *m = p->m;
	const struct vertex *s = &m->v[sw];
	size_t n = 0;
	for (size_t i = 0; i < s->nkids; i++)
		n += m->v[s->kids[i]].nports;
	struct open_port *o = xreallocarray(NULL, n, sizeof *o);
	n = 0;
	for (size_t i = 0; i < s->nkids; i++) {
		const struct vertex *a = &m->v[s->kids[i]];
		for (size_t j = 0; j < a->nports; j++, n++)
			o[n] = (struct open_port){ a->ports[j].number, a->ports[j].proto, a->ports[j].line,
						   s->kids[i], n };
	}
	qsort(o, n, sizeof *o, cmp_open_port);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (o[i].number != o[first].number || o[i].proto != o[first].proto) {
			first = i;
			continue;
		}
		diag_error(p->d, o[i].line, "port %u/%s is already open in %s '%s' (by '%s', line %ld)", o[i].number,
			   proto_name(o[i].proto), what, s->name, m->v[o[first].proc].name, o[first].line);
	}
	free(o);
	/* Named ports are unique in their pod (on a node: the daemons of one
	 * hostNetwork pod); pods have few, so compare pairs. */
	for (size_t i = 0; i < s->nkids; i++) {
		const struct vertex *a = &m->v[s->kids[i]];
		for (size_t j = 0; j < a->nports; j++) {
			if (a->ports[j].name == NULL)
				continue;
			bool dup = false;
			for (size_t k = 0; k <= i && !dup; k++) {
				const struct vertex *b = &m->v[s->kids[k]];
				if (s->kind == V_NODE && k != i && !same_pod(m, a, b))
					continue;
				for (size_t l = 0; l < (k == i ? j : b->nports) && !dup; l++)
					dup = b->ports[l].name && strcmp(b->ports[l].name, a->ports[j].name) == 0;
			}
			if (dup)
				diag_error(p->d, a->ports[j].line, "port name '%s' is already used in pod '%s'",
					   a->ports[j].name, s->kind == V_NODE ? a->pod_name : s->name);
		}
	}
}

static void
node_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	int node = *(int *)ctx;
	if (is(c, "daemon")) {
		daemon(p, c, node);
	} else if (is(c, "pod")) {
		check_attrs(p, c, pod_attrs);
		int id = vertex(p, c, V_POD, node);
		address(p, c, id);
		if (id >= 0)
			model_set_namespace(p->m, id, namespace_attr(p, c));
		workload_attr(p, c, id);
		children(p, c, pod_child, &id);
		if (id >= 0)
			check_shared_ports(p, id, "pod");
	} else {
		unknown(p, c->parent, c);
	}
}

/* ---- spec 1.1: labels, namespaces, services, policies ---- */

static const char *const label_attrs[] = { "key", "value", NULL };

/* A <label>, <selector> or <match>: true, with its key and value (the
 * caller frees them), when both are there and valid. */
static bool
label(struct parser *p, xmlNodePtr n, const char *what, char **key_out, char **value_out)
{
	check_attrs(p, n, label_attrs);
	children(p, n, NULL, NULL);
	char *key = attr(p, n, "key", true), *value = attr(p, n, "value", true);
	bool ok = false;
	if (key && !valid_label_key(key)) {
		diag_error(p->d, line_of(n),
			   "invalid %s key '%s' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)",
			   what, key);
	} else if (value && !valid_label_value(value)) {
		diag_error(p->d, line_of(n),
			   "invalid %s value '%s' (empty, or 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends)",
			   what, value);
	} else {
		ok = key && value;
	}
	if (!ok) {
		free(key);
		free(value);
		return false;
	}
	*key_out = key;
	*value_out = value;
	return true;
}

/* What a builder said when given a label: false, its key was there. */
static void
label_added(struct parser *p, xmlNodePtr n, const char *what, const char *key, bool added)
{
	if (!added)
		diag_error(p->d, line_of(n), "%s key '%s' is given twice", what, key);
}

static const char *const ns_attrs[] = { "name", NULL };

static void
namespace_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	int ns = *(int *)ctx;
	const struct labels *ls = &p->m->ns[ns].labels;
	if (!is(c, "label")) {
		unknown(p, c->parent, c);
		return;
	}
	/* The metadata label is always there: only a contradiction is wrong. */
	char *key = attr(p, c, "key", false), *value = attr(p, c, "value", false);
	if (key && strcmp(key, "kubernetes.io/metadata.name") == 0 && value) {
		if (strcmp(value, labels_get(ls, key)) != 0)
			diag_error(p->d, line_of(c), "label kubernetes.io/metadata.name must be the namespace's name '%s'",
				   labels_get(ls, key));
		check_attrs(p, c, label_attrs);
	} else {
		free(key);
		free(value);
		if (label(p, c, "label", &key, &value))
			label_added(p, c, "label", key, model_namespace_add_label(p->m, ns, key, value));
		else
			key = value = NULL;
	}
	free(key);
	free(value);
}

static void
namespace_elem(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, ns_attrs);
	char *name = attr(p, n, "name", true);
	if (name == NULL)
		return;
	if (!valid_dns_label(name)) {
		diag_error(p->d, line_of(n), "invalid namespace name '%s' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)", name);
		free(name);
		return;
	}
	int i = model_find_namespace(p->m, name);
	if (i >= 0 && p->m->ns[i].line > 0) {
		diag_error(p->d, line_of(n), "duplicate namespace '%s' (already at line %ld)", name, p->m->ns[i].line);
		free(name);
		return;
	}
	i = model_namespace(p->m, name, line_of(n));
	children(p, n, namespace_child, &i);
	free(name);
}

/* A service name is a DNS label, a policy name a DNS subdomain (as
 * Kubernetes names them). */
static char *
object_name(struct parser *p, xmlNodePtr n, const char *what)
{
	char *name = attr(p, n, "name", true);
	if (name && strcmp(what, "policy") == 0 && !valid_dns_subdomain(name, strlen(name))) {
		diag_error(p->d, line_of(n), "invalid %s name '%s' (a DNS subdomain: 1 to 253 characters of a-z 0-9 - ., each dot-separated part starting and ending with a letter or digit)", what, name);
		free(name);
		return NULL;
	}
	if (name && strcmp(what, "policy") != 0 && !valid_dns_label(name)) {
		diag_error(p->d, line_of(n), "invalid %s name '%s' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)", what, name);
		free(name);
		return NULL;
	}
	return name;
}

static const char *const svc_attrs[] = { "name", "namespace", "address", NULL };
static const char *const svc_port_attrs[] = { "number", "target", "protocol", NULL };

static void
service_port(struct parser *p, xmlNodePtr n, int svc)
{
	const struct service *s = &p->m->svcs[svc];
	check_attrs(p, n, svc_port_attrs);
	children(p, n, NULL, NULL);
	char *num = attr(p, n, "number", true), *target = attr(p, n, "target", false),
	     *pr = attr(p, n, "protocol", false);
	struct svc_port sp = { .proto = PROTO_TCP };
	bool ok = num != NULL;
	if (num && !port_parse(num, &sp.number)) {
		diag_error(p->d, line_of(n), "invalid port number '%s' (1 to 65535, no leading zeros)", num);
		ok = false;
	}
	if (pr && !proto_parse(pr, &sp.proto)) {
		diag_error(p->d, line_of(n), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	if (target == NULL) {
		sp.target = sp.number;
	} else if (target[0] >= '0' && target[0] <= '9') {
		if (!port_parse(target, &sp.target)) {
			diag_error(p->d, line_of(n), "invalid target port '%s' (1 to 65535, or a port name)", target);
			ok = false;
		}
	} else if (!valid_port_name(target)) {
		diag_error(p->d, line_of(n), "invalid target '%s' (a port 1 to 65535, or a port name)", target);
		ok = false;
	} else {
		sp.target_name = target;
		target = NULL;
	}
	if (ok && model_service_find_port(p->m, svc, sp.number, sp.proto) >= 0) {
		diag_error(p->d, line_of(n), "port %u/%s is declared twice in service '%s'", sp.number,
			   proto_name(sp.proto), s->name ? s->name : "?");
		ok = false;
	}
	if (ok) {
		model_service_add_port(p->m, svc, sp.number, sp.proto, sp.target, sp.target_name);
		if (sp.target_name != NULL) {
			xgrow(&p->port_at, &p->port_at_cap, p->nport_at + 1, sizeof *p->port_at);
			p->port_at[p->nport_at++] = (struct port_at){ svc, p->m->svcs[svc].nports - 1, line_of(n) };
		}
	}
	free(sp.target_name);
	free(num);
	free(target);
	free(pr);
}

/* A service's children: its endpoints wait for its ports. */
struct svc_ctx {
	int svc;
	long selector_line; /* the first <selector>, or 0 */
	struct pending_endpoint {
		struct svc_endpoint e;
		bool has_service_port;
	} *eps;
	size_t neps, eps_cap;
};

static const char *const endpoint_attrs[] = { "address", "port", "protocol", "service-port", NULL };

/* An explicit backend (spec 1.2): an address, inside the cluster or not,
 * and a port, for one of the service's ports. */
static void
endpoint_elem(struct parser *p, xmlNodePtr n, struct svc_ctx *sc)
{
	check_attrs(p, n, endpoint_attrs);
	children(p, n, NULL, NULL);
	char *a = attr(p, n, "address", true), *num = attr(p, n, "port", true), *pr = attr(p, n, "protocol", false),
	     *sp = attr(p, n, "service-port", false);
	struct pending_endpoint pe = { .e = { .proto = PROTO_TCP, .line = line_of(n) } };
	bool ok = a && num;
	if (a && !addr_parse(a, &pe.e.addr)) {
		diag_error(p->d, line_of(n), "invalid address '%s' (an IPv4 address in dotted-quad form, no leading zeros)", a);
		ok = false;
	} else if (a && addr_reserved(pe.e.addr)) {
		diag_error(p->d, line_of(n), "address %s is reserved (loopback or 0.0.0.0): an endpoint cannot have it", a);
		ok = false;
	}
	if (num && !port_parse(num, &pe.e.port)) {
		diag_error(p->d, line_of(n), "invalid port number '%s' (1 to 65535, no leading zeros)", num);
		ok = false;
	}
	if (pr && !proto_parse(pr, &pe.e.proto)) {
		diag_error(p->d, line_of(n), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	if (sp && !port_parse(sp, &pe.e.service_port)) {
		diag_error(p->d, line_of(n), "invalid service-port '%s' (the number of one of the service's ports)", sp);
		ok = false;
	}
	pe.has_service_port = sp != NULL;
	if (ok) {
		xgrow(&sc->eps, &sc->eps_cap, sc->neps + 1, sizeof *sc->eps);
		sc->eps[sc->neps++] = pe;
	}
	free(a);
	free(num);
	free(pr);
	free(sp);
}

/* The service's endpoints, once its ports are known: each backs one port
 * (service-port and protocol; without service-port, the only port). */
static void
service_endpoints(struct parser *p, xmlNodePtr n, struct svc_ctx *sc)
{
	const struct service *s = &p->m->svcs[sc->svc];
	const char *name = s->name ? s->name : "?";
	long first = 0;
	for (xmlNodePtr c = n->children; c != NULL && first == 0; c = c->next)
		if (c->type == XML_ELEMENT_NODE && is(c, "endpoint"))
			first = line_of(c);
	if (first > 0 && sc->selector_line > 0) {
		diag_error(p->d, first, "service '%s' has a <selector> (line %ld) and an <endpoint>: its endpoints are the pods it selects, or those it lists, not both",
			   name, sc->selector_line);
		return;
	}
	for (size_t i = 0; i < sc->neps; i++) {
		struct svc_endpoint *e = &sc->eps[i].e;
		if (!sc->eps[i].has_service_port) {
			if (s->nports != 1) {
				if (s->nports > 1)
					diag_error(p->d, e->line, "<endpoint> needs a 'service-port': service '%s' has %zu ports",
						   name, s->nports);
				continue;
			}
			e->service_port = s->ports[0].number;
		}
		if (model_service_find_port(p->m, sc->svc, e->service_port, e->proto) < 0) {
			diag_error(p->d, e->line, "service-port %u/%s is not a port of service '%s'", e->service_port,
				   proto_name(e->proto), name);
			continue;
		}
		model_service_add_endpoint(p->m, sc->svc, e);
	}
}

static void
service_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	struct svc_ctx *sc = ctx;
	int svc = sc->svc;
	if (is(c, "endpoint")) {
		endpoint_elem(p, c, sc);
	} else if (is(c, "selector")) {
		if (sc->selector_line == 0)
			sc->selector_line = line_of(c);
		char *key, *value;
		if (label(p, c, "selector", &key, &value)) {
			label_added(p, c, "selector", key, model_service_add_selector(p->m, svc, key, value));
			free(key);
			free(value);
		}
	} else if (is(c, "port")) {
		service_port(p, c, svc);
	} else {
		unknown(p, c->parent, c);
	}
}

static void
service_elem(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, svc_attrs);
	long line = line_of(n);
	char *name = object_name(p, n, "service");
	int ns = namespace_attr(p, n);
	for (size_t i = 0; name && i < p->m->nsvcs; i++)
		if (p->m->svcs[i].ns == ns && p->m->svcs[i].name && strcmp(p->m->svcs[i].name, name) == 0)
			diag_error(p->d, line, "duplicate service '%s' in namespace '%s' (already at line %ld)", name,
				   ns >= 0 ? p->m->ns[ns].name : "?", p->m->svcs[i].line);
	int svc = model_add_service(p->m, name, ns, line);
	free(name);
	char *a = attr(p, n, "address", true);
	uint32_t addr;
	if (a && !addr_parse(a, &addr)) {
		diag_error(p->d, line, "invalid address '%s' (an IPv4 address in dotted-quad form, no leading zeros)", a);
	} else if (a && addr_reserved(addr)) {
		diag_error(p->d, line, "address %s is reserved (loopback or 0.0.0.0): a service cannot have it", a);
	} else if (a) {
		int old = model_service_set_address(p->m, svc, addr);
		if (old >= 0)
			diag_error(p->d, line, "address %s is already the address of %s '%s' (line %ld)", a,
				   model_kind_name(p->m->v[old].kind), p->m->v[old].name, p->m->v[old].line);
		else if (old < -1)
			diag_error(p->d, line, "address %s is already the address of service '%s' (line %ld)", a,
				   p->m->svcs[-2 - old].name ? p->m->svcs[-2 - old].name : "?", p->m->svcs[-2 - old].line);
	}
	free(a);
	struct svc_ctx sc = { .svc = svc };
	children(p, n, service_child, &sc);
	service_endpoints(p, n, &sc);
	free(sc.eps);
	/* An invalid <port> has its own error: count elements, not ports. */
	bool any = false;
	for (xmlNodePtr c = n->children; c != NULL && !any; c = c->next)
		any = c->type == XML_ELEMENT_NODE && is(c, "port");
	if (!any)
		diag_error(p->d, line, "a <service> needs at least one <port>");
}

/* ---- policies ---- */

static const char *const expr_attrs[] = { "key", "operator", "values", NULL };

static void
expression(struct parser *p, xmlNodePtr n, struct selector *sel)
{
	check_attrs(p, n, expr_attrs);
	children(p, n, NULL, NULL);
	char *key = attr(p, n, "key", true), *op = attr(p, n, "operator", true), *values = attr(p, n, "values", false);
	struct expression e = { 0 };
	bool ok = key && op;
	if (key && !valid_label_key(key)) {
		diag_error(p->d, line_of(n), "invalid label key '%s' in <expression>", key);
		ok = false;
	}
	if (op) {
		static const char *const ops[] = { "In", "NotIn", "Exists", "DoesNotExist" };
		size_t i = 0;
		while (i < 4 && strcmp(op, ops[i]) != 0)
			i++;
		if (i == 4) {
			diag_error(p->d, line_of(n), "unknown operator '%s' (In, NotIn, Exists or DoesNotExist)", op);
			ok = false;
		} else {
			e.op = (enum selop)i;
			bool needs = e.op == SEL_IN || e.op == SEL_NOTIN;
			if (needs && (values == NULL || values[strspn(values, " ")] == '\0')) {
				diag_error(p->d, line_of(n), "operator %s needs 'values'", op);
				ok = false;
			} else if (!needs && values != NULL) {
				diag_error(p->d, line_of(n), "operator %s takes no 'values'", op);
				ok = false;
			}
		}
	}
	if (ok && values) {
		for (char *save = NULL, *v = strtok_r(values, " ", &save); v; v = strtok_r(NULL, " ", &save)) {
			if (!valid_label_value(v)) {
				diag_error(p->d, line_of(n), "invalid label value '%s' in <expression>", v);
				ok = false;
			}
			e.values = xreallocarray(e.values, e.nvalues + 1, sizeof *e.values);
			e.values[e.nvalues++] = xstrdup(v);
		}
	}
	if (ok) {
		e.key = key;
		key = NULL;
		selector_add_expression(sel, &e);
	} else {
		for (size_t i = 0; i < e.nvalues; i++)
			free(e.values[i]);
		free(e.values);
	}
	free(key);
	free(op);
	free(values);
}

static void
selector_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	struct selector *sel = ctx;
	char *key, *value;
	if (is(c, "match")) {
		if (label(p, c, "match", &key, &value)) {
			label_added(p, c, "match", key, selector_add_match(sel, key, value));
			free(key);
			free(value);
		}
	} else if (is(c, "expression")) {
		expression(p, c, sel);
	} else {
		unknown(p, c->parent, c);
	}
}

static const char *const no_attrs[] = { NULL };
static const char *const block_attrs[] = { "cidr", NULL };

static bool
cidr_attr(struct parser *p, xmlNodePtr n, uint32_t *net, int *len)
{
	char *s = attr(p, n, "cidr", true);
	char suggest[20] = "";
	bool ok = s != NULL && addr_parse_prefix(s, net, len, suggest);
	if (s && !ok) {
		if (suggest[0])
			diag_error(p->d, line_of(n), "cidr %s has host bits set; did you mean %s?", s, suggest);
		else
			diag_error(p->d, line_of(n), "invalid cidr '%s' (ADDR/LEN)", s);
	}
	free(s);
	return ok;
}

static void
ip_block(struct parser *p, xmlNodePtr n, struct peer *peer)
{
	check_attrs(p, n, block_attrs);
	peer->is_block = true;
	bool ok = cidr_attr(p, n, &peer->net, &peer->len);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (!is(c, "except")) {
			unknown(p, n, c);
			continue;
		}
		check_attrs(p, c, block_attrs);
		children(p, c, NULL, NULL);
		uint32_t net;
		int len;
		if (!cidr_attr(p, c, &net, &len) || !ok)
			continue;
		if (len <= peer->len || !addr_in_prefix(net, peer->net, peer->len)) {
			char a[16], b[16];
			diag_error(p->d, line_of(c), "except %s/%d is not strictly inside the ip-block's cidr %s/%d",
				   addr_format(net, a), len, addr_format(peer->net, b), peer->len);
			continue;
		}
		peer_add_except(peer, net, len);
	}
	text_only(p, n);
}

/* One <ingress> or <egress> of a policy: rule of direction dir. */
struct rule_ctx {
	int pol, dir, rule;
	const char *peer; /* "from" or "to" */
};

/* A <from> or <to>: selectors, or one ip-block. */
static void
peer_elem(struct parser *p, xmlNodePtr n, const struct rule_ctx *rc)
{
	char q[XML_QNAME_MAX], qc[XML_QNAME_MAX];
	check_attrs(p, n, no_attrs);
	struct peer peer = { 0 };
	int blocks = 0, sels = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "pod-selector") || is(c, "namespace-selector")) {
			bool pod = is(c, "pod-selector");
			if (pod ? peer.has_pod_sel : peer.has_ns_sel) {
				diag_error(p->d, line_of(c), "<%s> has two <%s>", xml_qname(n, q), xml_qname(c, qc));
				continue;
			}
			check_attrs(p, c, no_attrs);
			*(pod ? &peer.has_pod_sel : &peer.has_ns_sel) = true;
			children(p, c, selector_child, pod ? &peer.pod_sel : &peer.ns_sel);
			sels++;
		} else if (is(c, "ip-block")) {
			if (blocks++ == 0)
				ip_block(p, c, &peer);
			else
				diag_error(p->d, line_of(c), "<%s> has more than one <ip-block>", xml_qname(n, q));
		} else {
			unknown(p, n, c);
		}
	}
	text_only(p, n);
	if (blocks == 0 && sels == 0)
		diag_error(p->d, line_of(n), "an empty <%s> is not allowed: name a pod-selector, a namespace-selector or an ip-block",
			   xml_qname(n, q));
	else if (blocks > 0 && sels > 0)
		diag_error(p->d, line_of(n), "<%s> has an ip-block and a selector: use one or the other",
			   xml_qname(n, q));
	if (sels > 0 && blocks == 0) {
		xgrow(&p->peer_at, &p->peer_at_cap, p->npeer_at + 1, sizeof *p->peer_at);
		p->peer_at[p->npeer_at++] = (struct peer_at){ rc->pol, rc->dir, rc->rule,
							      p->m->pols[rc->pol].rules[rc->dir][rc->rule].npeers,
							      line_of(n) };
	}
	model_policy_add_peer(p->m, rc->pol, rc->dir, rc->rule, &peer);
}

static const char *const pol_port_attrs[] = { "number", "protocol", "end", NULL };

static void
pol_port(struct parser *p, xmlNodePtr n, const struct rule_ctx *rc)
{
	check_attrs(p, n, pol_port_attrs);
	children(p, n, NULL, NULL);
	char *num = attr(p, n, "number", false), *pr = attr(p, n, "protocol", false), *end = attr(p, n, "end", false);
	struct pol_port pp = { .proto = PROTO_TCP };
	bool ok = true;
	if (pr && !proto_parse(pr, &pp.proto)) {
		diag_error(p->d, line_of(n), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	if (num && num[0] >= '0' && num[0] <= '9') {
		pp.has_number = true;
		if (!port_parse(num, &pp.number)) {
			diag_error(p->d, line_of(n), "invalid port '%s' (1 to 65535, or a port name)", num);
			ok = false;
		}
	} else if (num && !valid_port_name(num)) {
		diag_error(p->d, line_of(n), "invalid port '%s' (1 to 65535, or a port name)", num);
		ok = false;
	} else if (num) {
		pp.name = xstrdup(num);
	}
	if (end) {
		if (!pp.has_number) {
			diag_error(p->d, line_of(n), "'end' goes only with a numeric 'number'");
			ok = false;
		} else if (!port_parse(end, &pp.end) || pp.end < pp.number) {
			diag_error(p->d, line_of(n), "invalid 'end' '%s' (a port, at least 'number')", end);
			ok = false;
		}
	}
	if (ok)
		model_policy_add_port(p->m, rc->pol, rc->dir, rc->rule, &pp);
	free(pp.name);
	free(num);
	free(pr);
	free(end);
}


static void
pol_rule_child(void *pp, xmlNodePtr c, void *ctx)
{
	struct parser *p = pp;
	struct rule_ctx *rc = ctx;
	if (is(c, rc->peer))
		peer_elem(p, c, rc);
	else if (is(c, "port"))
		pol_port(p, c, rc);
	else
		unknown(p, c->parent, c);
}

static const char *const pol_attrs[] = { "name", "namespace", "types", NULL };

static void
policy_elem(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, pol_attrs);
	long line = line_of(n);
	char *name = object_name(p, n, "policy");
	int ns = namespace_attr(p, n);
	for (size_t i = 0; name && i < p->m->npols; i++)
		if (p->m->pols[i].ns == ns && p->m->pols[i].name && strcmp(p->m->pols[i].name, name) == 0)
			diag_error(p->d, line, "duplicate policy '%s' in namespace '%s' (already at line %ld)", name,
				   ns >= 0 ? p->m->ns[ns].name : "?", p->m->pols[i].line);
	int pol = model_add_policy(p->m, name, ns, line);
	free(name);
	int selectors = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "pod-selector")) {
			check_attrs(p, c, no_attrs);
			if (selectors++ == 0) {
				struct selector sel = { 0 };
				children(p, c, selector_child, &sel);
				model_policy_set_selector(p->m, pol, &sel);
			} else {
				diag_error(p->d, line_of(c), "a <policy> has exactly one <pod-selector>");
			}
		} else if (is(c, "ingress") || is(c, "egress")) {
			int d = is(c, "egress");
			check_attrs(p, c, no_attrs);
			struct rule_ctx rc = { pol, d, model_policy_add_rule(p->m, pol, d), d ? "to" : "from" };
			children(p, c, pol_rule_child, &rc);
		} else {
			unknown(p, n, c);
		}
	}
	text_only(p, n);
	if (selectors == 0)
		diag_error(p->d, line, "a <policy> needs a <pod-selector> (an empty one selects every pod of its namespace)");
	const struct policy *po = &p->m->pols[pol];
	int types = 0;
	char *types_text = attr(p, n, "types", false);
	if (types_text == NULL) {
		types = DIR_INGRESS | (po->nrules[1] > 0 ? DIR_EGRESS : 0);
	} else {
		bool ok = true;
		char *copy = xstrdup(types_text);
		for (char *save = NULL, *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int bit = strcmp(t, "Ingress") == 0 ? DIR_INGRESS : strcmp(t, "Egress") == 0 ? DIR_EGRESS : 0;
			if (bit == 0 || (types & bit))
				ok = false;
			types |= bit;
		}
		free(copy);
		if (!ok || types == 0)
			diag_error(p->d, line, "invalid types '%s' (Ingress, Egress or \"Ingress Egress\")", types_text);
	}
	free(types_text);
	model_policy_set_types(p->m, pol, types);
	static const char *const dir[] = { "ingress", "egress" };
	static const char *const type[] = { "Ingress", "Egress" };
	for (int d = 0; d < 2; d++)
		if (po->nrules[d] > 0 && !(types & (1 << d)))
			diag_warning_of(p->d, W_TYPES, line, "policy '%s' has %s rules but its types leave out %s: they are ignored",
				     po->name ? po->name : "?", dir[d], type[d]);
}

static const char *const node_attrs[] = { "name", "address", NULL };

/* A child of <cluster>, complete: true when it waits for the end. */
static bool
cluster_child(void *pp, xmlNodePtr c)
{
	struct parser *p = pp;
	if (is(c, "node")) {
		check_attrs(p, c, node_attrs);
		int id = vertex(p, c, V_NODE, -1);
		address(p, c, id);
		children(p, c, node_child, &id);
		if (id >= 0)
			check_shared_ports(p, id, "node");
	} else if (is(c, "namespace")) {
		namespace_elem(p, c);
	} else if (is(c, "service")) {
		service_elem(p, c);
	} else if (is(c, "policy")) {
		policy_elem(p, c);
	} else if (is(c, "link-down") || is(c, "fib") || is(c, "expect")) {
		xgrow(&p->later, &p->later_cap, p->nlater + 1, sizeof *p->later);
		p->later[p->nlater++] = c;
		return true;
	} else {
		unknown(p, c->parent, c);
	}
	return false;
}

/* ---- references, resolved once every vertex is known ---- */

/* The vertex named by attribute name of n, or -1 with an error. */
static int
ref(struct parser *p, xmlNodePtr n, const char *name, bool required)
{
	char *s = attr(p, n, name, required);
	if (s == NULL)
		return -1;
	int id = model_find(p->m, s);
	if (id < 0)
		diag_error(p->d, line_of(n), "'%s' names '%s', which is not a node, pod, container or daemon of the spec",
			   name, s);
	free(s);
	return id;
}

static const char *const link_attrs[] = { "from", "to", NULL };

static void
link_down(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, link_attrs);
	children(p, n, NULL, NULL);
	int a = ref(p, n, "from", true), b = ref(p, n, "to", true);
	if (a < 0 || b < 0)
		return;
	const struct vertex *x = &p->m->v[a], *y = &p->m->v[b];
	if (!model_adjacent(p->m, a, b))
		diag_error(p->d, line_of(n), "there is no link between %s '%s' and %s '%s'", model_kind_name(x->kind),
			   x->name, model_kind_name(y->kind), y->name);
	else if (!model_set_down(p->m, a, b))
		diag_warning_of(p->d, W_LINK_TWICE, line_of(n), "the link between '%s' and '%s' is already down", x->name,
				y->name);
}

static const char *const rule_attrs[] = { "action", "to", "src", "dst", "dport", "protocol", NULL };

static bool
prefix_attr(struct parser *p, xmlNodePtr n, const char *name, bool *any, uint32_t *net, int *len, char **text)
{
	char *s = attr(p, n, name, false);
	char suggest[20] = "";
	*any = s == NULL;
	*text = s;
	if (s == NULL || addr_parse_prefix(s, net, len, suggest))
		return true;
	if (suggest[0])
		diag_error(p->d, line_of(n), "'%s' prefix %s has host bits set; did you mean %s?", name, s, suggest);
	else
		diag_error(p->d, line_of(n), "invalid '%s' '%s' (an IPv4 address or a prefix ADDR/LEN)", name, s);
	return false;
}

static void
rule(void *pp, xmlNodePtr n, void *ctx)
{
	struct parser *p = pp;
	int sw = *(int *)ctx;
	if (!is(n, "rule")) {
		unknown(p, n->parent, n);
		return;
	}
	check_attrs(p, n, rule_attrs);
	children(p, n, NULL, NULL);
	struct rule r = { .to = -1, .origin = ORIG_OVERRIDE, .line = line_of(n) };
	bool ok = true;
	char *action = attr(p, n, "action", true);
	if (action == NULL)
		ok = false;
	else if (strcmp(action, "deliver") == 0)
		r.action = ACT_DELIVER;
	else if (strcmp(action, "forward") == 0)
		r.action = ACT_FORWARD;
	else if (strcmp(action, "discard") == 0)
		r.action = ACT_DISCARD;
	else {
		diag_error(p->d, line_of(n), "unknown action '%s' (deliver, forward or discard)", action);
		ok = false;
	}
	if (ok && r.action == ACT_DISCARD) {
		char *to = attr(p, n, "to", false);
		if (to != NULL)
			diag_error(p->d, line_of(n), "a discard rule has no 'to'");
		ok = to == NULL;
		free(to);
	} else if (ok) {
		r.to = ref(p, n, "to", true);
		if (r.to < 0) {
			ok = false;
		} else if (r.action == ACT_DELIVER && !model_is_process(p->m, r.to)) {
			diag_error(p->d, line_of(n), "a deliver rule's 'to' must be a container or daemon; '%s' is a %s",
				   p->m->v[r.to].name, model_kind_name(p->m->v[r.to].kind));
			ok = false;
		} else if (r.action == ACT_FORWARD && !model_is_switch(p->m, r.to)) {
			diag_error(p->d, line_of(n), "a forward rule's 'to' must be a pod or node; '%s' is a %s",
				   p->m->v[r.to].name, model_kind_name(p->m->v[r.to].kind));
			ok = false;
		} else if (sw >= 0 && !model_adjacent(p->m, sw, r.to)) {
			diag_warning_of(p->d, W_NOT_LINKED, line_of(n),
					"'%s' is not linked to switch '%s': this rule discards what it matches",
					p->m->v[r.to].name, p->m->v[sw].name);
		}
	}
	free(action);
	ok &= prefix_attr(p, n, "src", &r.any_src, &r.src, &r.src_len, &r.src_text);
	ok &= prefix_attr(p, n, "dst", &r.any_dst, &r.dst, &r.dst_len, &r.dst_text);
	r.dport_text = attr(p, n, "dport", false);
	r.any_dport = r.dport_text == NULL;
	if (r.dport_text && !port_range_parse(r.dport_text, &r.dport_lo, &r.dport_hi)) {
		diag_error(p->d, line_of(n), "invalid 'dport' '%s' (a port or a range LO-HI, 1 <= LO <= HI <= 65535)",
			   r.dport_text);
		ok = false;
	}
	char *pr = attr(p, n, "protocol", false);
	r.any_proto = pr == NULL;
	if (pr && !proto_parse(pr, &r.proto)) {
		diag_error(p->d, line_of(n), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	free(pr);
	if (ok && sw >= 0) {
		model_add_rule(p->m, sw, &r);
	} else {
		free(r.src_text);
		free(r.dst_text);
		free(r.dport_text);
	}
}

static const char *const fib_attrs[] = { "switch", NULL };

static void
fib(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, fib_attrs);
	int sw = ref(p, n, "switch", true);
	if (sw >= 0 && !model_is_switch(p->m, sw)) {
		diag_error(p->d, line_of(n), "a fib belongs to a pod or node; '%s' is a %s", p->m->v[sw].name,
			   model_kind_name(p->m->v[sw].kind));
		sw = -1;
	}
	bool any = false;
	for (xmlNodePtr c = n->children; c != NULL && !any; c = c->next)
		any = c->type == XML_ELEMENT_NODE;
	if (!any)
		diag_error(p->d, line_of(n), "a <fib> needs at least one <rule>");
	children(p, n, rule, &sw);
}

static const char *const expect_attrs[] = { "from", "to", "verdict", "receiver", NULL };

static void
expect(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, expect_attrs);
	children(p, n, NULL, NULL);
	struct expect e = { .receiver = -1, .line = line_of(n) };
	bool ok = true;
	e.from = ref(p, n, "from", true);
	if (e.from < 0)
		ok = false;
	else if (!model_is_process(p->m, e.from)) {
		diag_error(p->d, e.line, "an expect's 'from' must be a container or daemon; '%s' is a %s",
			   p->m->v[e.from].name, model_kind_name(p->m->v[e.from].kind));
		ok = false;
	}
	e.to_text = attr(p, n, "to", true);
	if (e.to_text == NULL)
		ok = false;
	else if (!dest_parse(e.to_text, &e.addr, &e.port, &e.proto)) {
		diag_error(p->d, e.line, "invalid 'to' '%s' (ADDR:PORT or ADDR:PORT/PROTO)", e.to_text);
		ok = false;
	}
	char *v = attr(p, n, "verdict", true);
	if (v == NULL)
		ok = false;
	else if (!verdict_parse(v, &e.verdict)) {
		diag_error(p->d, e.line, "unknown verdict '%s' (delivered, discarded or loop)", v);
		ok = false;
	}
	free(v);
	char *rcv = attr(p, n, "receiver", false);
	if (rcv != NULL) {
		e.receiver = ref(p, n, "receiver", false);
		if (e.receiver < 0)
			ok = false;
		else if (!model_is_process(p->m, e.receiver)) {
			diag_error(p->d, e.line, "an expect's 'receiver' must be a container or daemon; '%s' is a %s",
				   rcv, model_kind_name(p->m->v[e.receiver].kind));
			ok = false;
		} else if (ok && e.verdict != VERDICT_DELIVERED) {
			diag_error(p->d, e.line, "'receiver' goes only with verdict=\"delivered\"");
			ok = false;
		}
	}
	free(rcv);
	if (ok)
		model_add_expect(p->m, &e);
	else
		free(e.to_text);
}

/* ---- the cluster ---- */

/* Free text: at most 253 bytes (UTF-8, already checked by libxml2), no
 * C0 or C1 control characters. */
static bool
valid_cluster_name(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	if (strlen(s) > MAX_NAME)
		return false;
	for (; *u; u++)
		if (*u < 0x20 || *u == 0x7f || (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f))
			return false;
	return true;
}

static const char *const cluster_attrs[] = { "name", "version", NULL };

/* The root's start: the model exists from here on. */
static void
cluster_start(void *pp, xmlNodePtr root)
{
	struct parser *p = pp;
	check_attrs(p, root, cluster_attrs);
	char *name = attr(p, root, "name", true);
	if (name && !valid_cluster_name(name))
		diag_error(p->d, line_of(root), "invalid cluster name (at most %d bytes, no control characters)", MAX_NAME);
	p->m = model_new(name);
	free(name);
	/* Optional; every element is accepted whatever the version says. */
	char *version = attr(p, root, "version", false);
	if (version && strcmp(version, "1.0") != 0 && strcmp(version, "1.1") != 0 && strcmp(version, "1.2") != 0)
		diag_error(p->d, line_of(root), "unknown version '%s' (1.0, 1.1 or 1.2)", version);
	else
		model_set_version(p->m, version);
	free(version);
}

/* The root's end: text, the node count, then what refers to vertices. */
static void
cluster_end(void *pp, xmlNodePtr root)
{
	struct parser *p = pp;
	text_only(p, root);
	bool any = false;
	for (size_t i = 0; i < p->m->nv && !any; i++)
		any = p->m->v[i].kind == V_NODE;
	if (!any)
		diag_error(p->d, line_of(root), "a cluster needs at least one <node>");
	/* A backend at a service's address would be rewritten again. */
	for (size_t i = 0; i < p->m->nsvcs; i++)
		for (size_t k = 0; k < p->m->svcs[i].nendpoints; k++) {
			const struct svc_endpoint *e = &p->m->svcs[i].endpoints[k];
			int s = model_service_at(p->m, e->addr);
			char a[16];
			if (s >= 0)
				diag_error(p->d, e->line, "endpoint address %s is the address of service '%s' (line %ld): an endpoint is a pod, a node or an address outside the cluster",
					   addr_format(e->addr, a), p->m->svcs[s].name ? p->m->svcs[s].name : "?", p->m->svcs[s].line);
		}
	for (size_t i = 0; i < p->nlater; i++) {
		xmlNodePtr n = p->later[i];
		if (is(n, "link-down"))
			link_down(p, n);
		else if (is(n, "fib"))
			fib(p, n);
		else
			expect(p, n);
	}
}

/* ---- warnings that catch typos (k8snet-spec(5)) ----
 *
 * On a valid model: selectors that match nothing, objects in namespaces
 * that no <namespace> declares, named targets a selected pod lacks. A pod
 * here is a pod or a daemon that carries one (spec 1.2, hostNetwork). */

/* Every label of every pod, sorted by (namespace, key, value, pod): a
 * selector with a match label looks at the pods that carry its rarest
 * one, not at its whole namespace (an imported cluster has thousands of
 * policies and of pods). */
struct pod_label {
	int ns;
	const char *key, *value;
	int id;
};

struct typos {
	struct parser *p;
	const struct model *m;
	int **pods;     /* per namespace: its pods and hostNetwork daemons */
	size_t *npods;
	struct pod_label *labels;
	int *label_ids; /* labels[i].id, for a range of them as a list */
	size_t nlabels;
	bool declared;  /* the spec declares a namespace */
	const char **near; /* per namespace: the declared one it is closest to */
	bool *near_done;
	size_t guess_budget; /* labels label_guess may still scan */
};

static int
cmp_label_key(int ns, const char *key, const char *value, const struct pod_label *b)
{
	if (ns != b->ns)
		return ns < b->ns ? -1 : 1;
	int c = strcmp(key, b->key);
	return c ? c : strcmp(value, b->value);
}

static int
cmp_pod_label(const void *a, const void *b)
{
	const struct pod_label *x = a, *y = b;
	int c = cmp_label_key(x->ns, x->key, x->value, y);
	return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The first label at or after (ns, key, value). */
static size_t
label_lower(const struct typos *t, int ns, const char *key, const char *value)
{
	size_t lo = 0, hi = t->nlabels;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_label_key(ns, key, value, &t->labels[mid]) > 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The first label after every (ns, key, value). */
static size_t
label_upper(const struct typos *t, int ns, const char *key, const char *value)
{
	size_t lo = 0, hi = t->nlabels;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cmp_label_key(ns, key, value, &t->labels[mid]) >= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The pods of namespace ns that sel may match, in document order: those
 * with its rarest match label, or all of them. */
static size_t
candidates(const struct typos *t, int ns, const struct selector *sel, const int **ids)
{
	*ids = t->pods[ns];
	size_t n = t->npods[ns];
	for (size_t i = 0; i < sel->match.n && n > 0; i++) {
		const struct label *l = &sel->match.l[i];
		size_t lo = label_lower(t, ns, l->key, l->value), hi = lo;
		while (hi < t->nlabels && cmp_label_key(ns, l->key, l->value, &t->labels[hi]) == 0)
			hi++;
		if (hi - lo < n) {
			*ids = t->label_ids + lo;
			n = hi - lo;
		}
	}
	return n;
}

static bool
sel_any(const struct typos *t, int ns, const struct selector *sel)
{
	const int *ids;
	size_t n = candidates(t, ns, sel, &ids);
	for (size_t i = 0; i < n; i++)
		if (selector_matches(sel, &t->m->v[ids[i]].labels))
			return true;
	return false;
}

/* Whether sel matches a pod of namespace ns (not only hostNetwork
 * daemons, whose messages carry their node's address: a policy peer's
 * selectors never match it, only an ip-block does). *daemon: the first
 * daemon matched, else -1. */
static bool
sel_any_pod(const struct typos *t, int ns, const struct selector *sel, int *daemon)
{
	const int *ids;
	size_t n = candidates(t, ns, sel, &ids);
	for (size_t i = 0; i < n; i++) {
		const struct vertex *v = &t->m->v[ids[i]];
		if (!selector_matches(sel, &v->labels))
			continue;
		if (v->kind == V_POD)
			return true;
		if (*daemon < 0)
			*daemon = ids[i];
	}
	return false;
}

/* For a selector that matches no pod of namespace ns: the label it
 * probably meant, written into buf as "; did you mean 'KEY=VALUE'?" (or
 * ""), so that app=postgress names app=postgres. Its first match label
 * that no pod of ns carries is compared with the values that pods of ns
 * give its key, else with the keys that carry its value; the second scans
 * the namespace's labels; both within a budget of labels scanned for the
 * whole spec (an imported cluster of thousands of such selectors in a
 * namespace of thousands of pods would pay for each one). */
static const char *
label_guess(struct typos *t, int ns, const struct selector *sel, char *buf, size_t size)
{
	buf[0] = '\0';
	const struct label *l = NULL;
	for (size_t i = 0; i < sel->match.n && l == NULL; i++) {
		size_t at = label_lower(t, ns, sel->match.l[i].key, sel->match.l[i].value);
		if (at >= t->nlabels ||
		    cmp_label_key(ns, sel->match.l[i].key, sel->match.l[i].value, &t->labels[at]) != 0)
			l = &sel->match.l[i];
	}
	if (l == NULL)
		return buf;
	/* The loops step from one distinct value, or key, to the next by
	 * binary search; label values are of A-Z a-z 0-9 . _ -, all below
	 * "\x7f", so (ns, KEY, "\x7f") is after every label of KEY. */
	const char *key = l->key, *value = NULL;
	struct suggest sg;
	suggest_init(&sg, l->value);
	for (size_t i = label_lower(t, ns, l->key, ""); i < t->nlabels && t->labels[i].ns == ns &&
							strcmp(t->labels[i].key, l->key) == 0 && t->guess_budget > 0;
	     t->guess_budget--) {
		const char *v = t->labels[i].value;
		suggest_consider(&sg, v);
		i = label_upper(t, ns, l->key, v);
	}
	value = suggest_best(&sg);
	if (value == NULL && l->value[0] != '\0') {
		suggest_init(&sg, l->key);
		for (size_t i = label_lower(t, ns, "", ""); i < t->nlabels && t->labels[i].ns == ns && t->guess_budget > 0;
		     t->guess_budget--) {
			const char *k = t->labels[i].key;
			size_t at = label_lower(t, ns, k, l->value);
			if (strcmp(k, l->key) != 0 && at < t->nlabels &&
			    cmp_label_key(ns, k, l->value, &t->labels[at]) == 0)
				suggest_consider(&sg, k);
			i = label_upper(t, ns, k, "\x7f");
		}
		key = suggest_best(&sg);
		value = l->value;
	}
	if (key != NULL && value != NULL)
		snprintf(buf, size, "; did you mean '%s=%s'?", key, value);
	return buf;
}

/* A namespace that Kubernetes itself provides. */
static bool
builtin_namespace(const char *name)
{
	static const char *const builtin[] = { "default", "kube-system", "kube-public", "kube-node-lease" };
	for (size_t i = 0; i < sizeof builtin / sizeof *builtin; i++)
		if (strcmp(name, builtin[i]) == 0)
			return true;
	return false;
}

static void
warn_namespace(struct typos *t, long line, const char *what, const char *name, int ns)
{
	const struct model *m = t->m;
	if (!t->declared || ns < 0 || m->ns[ns].line > 0 || builtin_namespace(m->ns[ns].name))
		return;
	/* Once per namespace: many objects may share it. */
	if (!t->near_done[ns]) {
		struct suggest sg;
		suggest_init(&sg, m->ns[ns].name);
		for (size_t i = 0; i < m->nns; i++)
			if (m->ns[i].line > 0)
				suggest_consider(&sg, m->ns[i].name);
		t->near[ns] = suggest_best(&sg);
		t->near_done[ns] = true;
	}
	const char *near = t->near[ns];
	diag_warning_about(t->p->d, W_UNDECLARED_NS, m->ns[ns].name, line,
			   "%s '%s' is in namespace '%s', which no <namespace> declares (Kubernetes would refuse it)%s%s%s",
			what, name ? name : "?", m->ns[ns].name, near ? "; did you mean '" : "", near ? near : "",
			near ? "'?" : "");
}

/* The port that pod v (a pod, or a daemon of a hostNetwork pod) opens
 * under name for proto: any of its containers', or of its pod's daemons. */
static bool
has_named_port(const struct model *m, const struct vertex *v, const char *name, enum proto proto)
{
	const struct vertex *sw = v->kind == V_POD ? v : &m->v[v->parent];
	for (size_t k = 0; k < sw->nkids; k++) {
		const struct vertex *c = &m->v[sw->kids[k]];
		if (v->kind == V_DAEMON && c != v &&
		    (c->pod_name == NULL || v->pod_name == NULL || c->ns != v->ns || strcmp(c->pod_name, v->pod_name) != 0))
			continue;
		for (size_t j = 0; j < c->nports; j++)
			if (c->ports[j].name && c->ports[j].proto == proto && strcmp(c->ports[j].name, name) == 0)
				return true;
	}
	return false;
}

/* A daemon that an earlier daemon of its node stands for (one pod). */
static bool
repeats_pod(const struct model *m, int id)
{
	const struct vertex *d = &m->v[id], *node = &m->v[d->parent];
	for (size_t k = 0; d->kind == V_DAEMON && d->pod_name && k < node->nkids && node->kids[k] != id; k++) {
		const struct vertex *c = &m->v[node->kids[k]];
		if (c->pod_name != NULL && c->ns == d->ns && strcmp(c->pod_name, d->pod_name) == 0)
			return true;
	}
	return false;
}

/* A peer whose selectors match hostNetwork daemons only. */
static void
warn_peer_daemons(const struct typos *t, const struct peer_at *at, const char *el, const char *pname, int daemon)
{
	const struct vertex *d = &t->m->v[daemon];
	diag_warning_of(t->p->d, W_PEER_DAEMONS, at->line,
			"a <%s> of policy '%s' matches only hostNetwork daemons (first '%s'): their messages carry their "
			"node's address, which only an ip-block matches, so this peer lets nothing through "
			"(connlist's policy-level lines still count them)",
			el, pname, d->name);
}

static void
warn_peer(struct typos *t, const struct peer_at *at)
{
	const struct model *m = t->m;
	const struct policy *pol = &m->pols[at->pol];
	const struct peer *pe = &pol->rules[at->dir][at->rule].peers[at->peer];
	const char *el = at->dir ? "to" : "from", *pname = pol->name ? pol->name : "?";
	int daemon = -1;
	if (!pe->has_ns_sel) {
		char guess[600];
		if (sel_any_pod(t, pol->ns, &pe->pod_sel, &daemon))
			return;
		if (daemon < 0)
			diag_warning_of(t->p->d, W_PEER_POD_SEL, at->line,
					"a <%s> of policy '%s' matches no pod: no pod of namespace '%s' matches its pod-selector%s",
					el, pname, m->ns[pol->ns].name,
					label_guess(t, pol->ns, &pe->pod_sel, guess, sizeof guess));
		else
			warn_peer_daemons(t, at, el, pname, daemon);
		return;
	}
	static const struct selector everything;
	const struct selector *ps = pe->has_pod_sel ? &pe->pod_sel : &everything;
	bool any_ns = false;
	for (size_t i = 0; i < m->nns; i++) {
		if (!selector_matches(&pe->ns_sel, &m->ns[i].labels))
			continue;
		any_ns = true;
		if (sel_any_pod(t, (int)i, ps, &daemon))
			return;
	}
	if (daemon >= 0)
		warn_peer_daemons(t, at, el, pname, daemon);
	else if (!any_ns)
		diag_warning_of(t->p->d, W_PEER_NO_NS, at->line,
				"a <%s> of policy '%s' matches no pod: its namespace-selector matches no namespace", el, pname);
	else if (pe->has_pod_sel)
		diag_warning_of(t->p->d, W_PEER_BOTH, at->line,
				"a <%s> of policy '%s' matches no pod: no pod matches both its namespace-selector and its pod-selector",
				el, pname);
	else
		diag_warning_of(t->p->d, W_PEER_EMPTY_NS, at->line,
				"a <%s> of policy '%s' matches no pod: no pod is in a namespace that its namespace-selector matches",
				el, pname);
}

static void
warn_named_target(const struct typos *t, const struct port_at *at)
{
	const struct model *m = t->m;
	const struct service *s = &m->svcs[at->svc];
	const struct svc_port *sp = &s->ports[at->port];
	const struct selector sel = { .match = s->selector };
	if (!s->has_selector)
		return;
	const int *ids;
	size_t n = candidates(t, s->ns, &sel, &ids);
	for (size_t i = 0; i < n; i++) {
		int id = ids[i];
		const struct vertex *v = &m->v[id];
		if (!selector_matches(&sel, &v->labels) || repeats_pod(m, id) ||
		    has_named_port(m, v, sp->target_name, sp->proto))
			continue;
		diag_warning_of(t->p->d, W_NAMED_TARGET, at->line,
				"service '%s' port %u/%s: %s '%s' has no port named '%s' (%s), so it gives no backend",
				s->name ? s->name : "?", sp->number, proto_name(sp->proto),
				v->kind == V_POD ? "pod" : v->pod_name ? "pod" : "daemon",
				v->kind == V_POD ? v->name : v->pod_name ? v->pod_name : v->name, sp->target_name,
				proto_name(sp->proto));
	}
}

static void
typo_warnings(struct parser *p)
{
	const struct model *m = p->m;
	struct typos t = { .p = p, .m = m, .guess_budget = 200000 };
	t.pods = xcalloc(m->nns ? m->nns : 1, sizeof *t.pods);
	t.npods = xcalloc(m->nns ? m->nns : 1, sizeof *t.npods);
	size_t *cap = xcalloc(m->nns ? m->nns : 1, sizeof *cap);
	t.near = xcalloc(m->nns ? m->nns : 1, sizeof *t.near);
	t.near_done = xcalloc(m->nns ? m->nns : 1, sizeof *t.near_done);
	for (size_t i = 0; i < m->nns; i++)
		t.declared |= m->ns[i].line > 0;
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		if ((v->kind != V_POD && v->kind != V_DAEMON) || v->ns < 0)
			continue;
		xgrow(&t.pods[v->ns], &cap[v->ns], t.npods[v->ns] + 1, sizeof **t.pods);
		t.pods[v->ns][t.npods[v->ns]++] = (int)id;
		if (!repeats_pod(m, (int)id))
			warn_namespace(&t, v->line, "pod", v->kind == V_POD ? v->name : v->pod_name, v->ns);
		t.nlabels += v->labels.n;
	}
	t.labels = xreallocarray(NULL, t.nlabels ? t.nlabels : 1, sizeof *t.labels);
	t.label_ids = xreallocarray(NULL, t.nlabels ? t.nlabels : 1, sizeof *t.label_ids);
	t.nlabels = 0;
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		if ((v->kind != V_POD && v->kind != V_DAEMON) || v->ns < 0)
			continue;
		for (size_t k = 0; k < v->labels.n; k++)
			t.labels[t.nlabels++] = (struct pod_label){ v->ns, v->labels.l[k].key, v->labels.l[k].value, (int)id };
	}
	qsort(t.labels, t.nlabels, sizeof *t.labels, cmp_pod_label);
	for (size_t i = 0; i < t.nlabels; i++)
		t.label_ids[i] = t.labels[i].id;
	for (size_t i = 0; i < m->nsvcs; i++) {
		const struct service *s = &m->svcs[i];
		const struct selector sel = { .match = s->selector };
		warn_namespace(&t, s->line, "service", s->name, s->ns);
		char guess[600];
		if (s->has_selector && !sel_any(&t, s->ns, &sel))
			diag_warning_of(p->d, W_SERVICE_NONE, s->line,
					"service '%s' selects no pod: no pod of namespace '%s' matches its selector%s",
					s->name ? s->name : "?", m->ns[s->ns].name,
					label_guess(&t, s->ns, &sel, guess, sizeof guess));
	}
	for (size_t i = 0; i < p->nport_at; i++)
		warn_named_target(&t, &p->port_at[i]);
	for (size_t i = 0; i < m->npols; i++) {
		const struct policy *pol = &m->pols[i];
		warn_namespace(&t, pol->line, "policy", pol->name, pol->ns);
		char guess[600];
		if (!sel_any(&t, pol->ns, &pol->pod_sel))
			diag_warning_of(p->d, W_POLICY_NONE, pol->line,
					"policy '%s' selects no pod: no pod of namespace '%s' matches its pod-selector%s",
					pol->name ? pol->name : "?", m->ns[pol->ns].name,
					label_guess(&t, pol->ns, &pol->pod_sel, guess, sizeof guess));
	}
	for (size_t i = 0; i < p->npeer_at; i++)
		warn_peer(&t, &p->peer_at[i]);
	for (size_t i = 0; i < m->nns; i++)
		free(t.pods[i]);
	free(t.pods);
	free(t.npods);
	free(t.labels);
	free(t.label_ids);
	free(t.near);
	free(t.near_done);
	free(cap);
}

/* Each child of <cluster> is checked and added to the model as soon as
 * it ends, and freed (spec_xml.c streams); link-down, fib and expect wait
 * for the end: they name vertices that may come later. */
enum spec_status
spec_parse(const char *buf, size_t len, struct diag *d, struct model **out)
{
	*out = NULL;
	struct parser p = { .d = d };
	const struct spec_xml_handler h = { cluster_start, cluster_child, cluster_end, &p };
	size_t before = diag_errors(d);
	spec_xml_parse(buf, len, d, "cluster", &h);
	free(p.later);
	if (diag_errors(d) > before || p.m == NULL) {
		free(p.peer_at);
		free(p.port_at);
		model_free(p.m);
		return SPEC_INVALID;
	}
	model_finish(p.m);
	typo_warnings(&p);
	free(p.peer_at);
	free(p.port_at);
	*out = p.m;
	return SPEC_OK;
}
