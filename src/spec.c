#include "config.h"
#include "spec.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#define MAX_NAME 253

const char *
spec_display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* ---- reading, with a size cap applied before the bytes are in memory ---- */

static enum spec_status
read_all(const char *path, size_t max, struct diag *d, char **buf, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (f == NULL) {
		diag_error(d, 0, "cannot read the spec: %s", strerror(errno));
		return SPEC_IO_ERROR;
	}
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max) {
		diag_error(d, 0, "the spec is %jd bytes, more than the limit of %zu (raise it with --max-spec-size)",
			   (intmax_t)st.st_size, max);
		if (f != stdin)
			fclose(f);
		return SPEC_INVALID;
	}
	size_t cap = 0, n = 0;
	char *b = NULL;
	enum spec_status st_ = SPEC_OK;
	for (;;) {
		xgrow(&b, &cap, n + 65536, 1);
		size_t want = cap - n;
		if (want > max + 1 - n)
			want = max + 1 - n;
		size_t got = fread(b + n, 1, want, f);
		n += got;
		if (n > max) {
			diag_error(d, 0, "the spec is more than the limit of %zu bytes (raise it with --max-spec-size)", max);
			st_ = SPEC_INVALID;
			break;
		}
		if (got < want) {
			if (ferror(f)) {
				diag_error(d, 0, "cannot read the spec: %s", strerror(errno));
				st_ = SPEC_IO_ERROR;
			}
			break;
		}
	}
	if (f != stdin)
		fclose(f);
	if (st_ != SPEC_OK) {
		free(b);
		return st_;
	}
	*buf = b;
	*len = n;
	return SPEC_OK;
}

enum spec_status
spec_load(const char *path, size_t max_size, struct diag *d, struct model **out)
{
	char *buf;
	size_t len;
	*out = NULL;
	enum spec_status st = read_all(path, max_size, d, &buf, &len);
	if (st != SPEC_OK)
		return st;
	st = spec_parse(buf, len, d, out);
	free(buf);
	return st;
}

struct parser {
	struct diag *d;
	struct model *m;
	xmlNodePtr root; /* <cluster>, while the parser builds it */
	/* elements resolved once every vertex is known */
	xmlNodePtr *later;
	size_t nlater, later_cap;
};

/* ---- libxml2, locked down ---- */

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	struct parser *p = ctxt ? ctxt->_private : NULL;
	struct diag *d = p ? p->d : NULL;
	if (d != NULL)
		diag_error(d, ctxt->input ? ctxt->input->line : 0,
			   "external resources are not loaded (%s)", url ? url : "?");
	return NULL;
}

static void
refuse_doctype(void *ctx, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
	(void)name, (void)ext, (void)sys;
	xmlParserCtxtPtr ctxt = ctx;
	diag_error(((struct parser *)ctxt->_private)->d, ctxt->input ? ctxt->input->line : 0,
		   "a DOCTYPE is not allowed in a spec (no DTD, no entities)");
	xmlStopParser(ctxt);
}

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct diag *d = ctx;
	if (e->level < XML_ERR_ERROR || e->code == XML_ERR_USER_STOP)
		return;
	char *msg = xstrdup(e->message ? e->message : "malformed XML");
	/* One line per problem, without libxml2's function names
	 * ("xmlParseCharRef: ..."). */
	msg[strcspn(msg, "\n")] = '\0';
	size_t word = strcspn(msg, " :");
	if (strncmp(msg, "xml", 3) == 0 && msg[word] == ':' && msg[word + 1] == ' ')
		memmove(msg, msg + word + 2, strlen(msg + word + 2) + 1);
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (n > 0 && msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z'))
		msg[0] = (char)(msg[0] - 'A' + 'a');
	diag_error(d, e->line, "malformed XML: %s", msg);
	free(msg);
}

/* ---- walking the document ---- */


static long
line_of(xmlNodePtr n)
{
	return xmlGetLineNo(n);
}

/* The element's name as written (with its prefix, if any). */
static const char *
ename(xmlNodePtr n)
{
	static char buf[2][160];
	static int which;
	if (n->ns == NULL || n->ns->prefix == NULL)
		return (const char *)n->name;
	which ^= 1;
	snprintf(buf[which], sizeof buf[which], "%s:%s", n->ns->prefix, n->name);
	return buf[which];
}

static bool
is(xmlNodePtr n, const char *name)
{
	return n->ns == NULL && strcmp(ename(n), name) == 0;
}

/* Report attributes not in allowed (a NULL-terminated list). */
static void
check_attrs(struct parser *p, xmlNodePtr n, const char *const *allowed)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		bool ok = false;
		for (const char *const *s = allowed; *s && !ok; s++)
			ok = a->ns == NULL && strcmp((const char *)a->name, *s) == 0;
		if (!ok)
			diag_error(p->d, line_of(n), "unknown attribute '%s' on <%s>", a->name, ename(n));
	}
}

/* The attribute's value (owned by the caller), or NULL; an error if it is
 * required and absent. */
static char *
attr(struct parser *p, xmlNodePtr n, const char *name, bool required)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (v == NULL) {
		if (required)
			diag_error(p->d, line_of(n), "<%s> needs %s '%s' attribute", ename(n),
				   strchr("aeiou", name[0]) ? "an" : "a", name);
		return NULL;
	}
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

typedef void child_fn(struct parser *p, xmlNodePtr child, void *ctx);

/* Visit n's element children with fn; text other than white space is an
 * error. fn reports unknown elements itself. */
static void
children(struct parser *p, xmlNodePtr n, child_fn *fn, void *ctx)
{
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (fn != NULL)
				fn(p, c, ctx);
			else
				diag_error(p->d, line_of(c), "<%s> may not contain <%s>", ename(n), ename(c));
		} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const xmlChar *t = c->content;
			while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
				t++;
			if (t && *t) {
				/* libxml2 gives a text node the line where it ends. */
				long line = line_of(c);
				for (const xmlChar *u = t; *u; u++)
					line -= *u == '\n';
				diag_error(p->d, line, "unexpected text in <%s>", ename(n));
			}
		} else if (c->type == XML_ENTITY_REF_NODE) {
			diag_error(p->d, line_of(n), "entity references are not allowed in a spec");
		}
	}
}

static void
ignore_element(struct parser *p, xmlNodePtr c, void *ctx)
{
	(void)p, (void)c, (void)ctx;
}

/* Check n's text only, for elements whose children are walked by hand. */
static void
text_only(struct parser *p, xmlNodePtr n)
{
	children(p, n, ignore_element, NULL);
}

static void
unknown(struct parser *p, xmlNodePtr parent, xmlNodePtr c)
{
	diag_error(p->d, line_of(c), "unknown element <%s> in <%s>", ename(c), ename(parent));
}

static bool
valid_vertex_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > MAX_NAME)
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
			   model_kind_name(kind), name, MAX_NAME);
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
	uint32_t a;
	if (s == NULL)
		return;
	if (!addr_parse(s, &a))
		diag_error(p->d, line_of(n), "invalid address '%s' (an IPv4 address in dotted-quad form, no leading zeros)", s);
	else if (addr_reserved(a))
		diag_error(p->d, line_of(n), "address %s is reserved (loopback or 0.0.0.0): a %s cannot have it", s,
			   ename(n));
	else if (id >= 0) {
		int old = model_claim_addr(p->m, a, id);
		if (old >= 0)
			diag_error(p->d, line_of(n), "address %s is already the address of %s '%s' (line %ld)", s,
				   model_kind_name(p->m->v[old].kind), p->m->v[old].name, p->m->v[old].line);
		else
			p->m->v[id].addr = a;
	}
	free(s);
}

/* ---- Kubernetes names (services-and-policies.md) ---- */

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
port(struct parser *p, xmlNodePtr c, void *ctx)
{
	int proc = *(int *)ctx;
	if (!is(c, "port")) {
		unknown(p, c->parent, c);
		return;
	}
	bool container = proc >= 0 && p->m->v[proc].kind == V_CONTAINER;
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

static const char *const pod_attrs[] = { "name", "address", "namespace", NULL };

static void label(struct parser *p, xmlNodePtr n, struct labels *ls, const char *what);

static void
pod_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	int pod = *(int *)ctx;
	if (is(c, "container"))
		process(p, c, V_CONTAINER, pod);
	else if (is(c, "label")) {
		struct labels scratch = { 0 };
		label(p, c, pod >= 0 ? &p->m->v[pod].labels : &scratch, "label");
		labels_free(&scratch);
	}
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
	/* Named ports are unique in their pod; pods have few, so compare pairs. */
	for (size_t i = 0; i < s->nkids; i++) {
		const struct vertex *a = &m->v[s->kids[i]];
		for (size_t j = 0; j < a->nports; j++) {
			if (a->ports[j].name == NULL)
				continue;
			bool dup = false;
			for (size_t k = 0; k <= i && !dup; k++) {
				const struct vertex *b = &m->v[s->kids[k]];
				for (size_t l = 0; l < (k == i ? j : b->nports) && !dup; l++)
					dup = b->ports[l].name && strcmp(b->ports[l].name, a->ports[j].name) == 0;
			}
			if (dup)
				diag_error(p->d, a->ports[j].line, "port name '%s' is already used in pod '%s'",
					   a->ports[j].name, s->name);
		}
	}
}

static void
node_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	int node = *(int *)ctx;
	if (is(c, "daemon")) {
		process(p, c, V_DAEMON, node);
	} else if (is(c, "pod")) {
		check_attrs(p, c, pod_attrs);
		int id = vertex(p, c, V_POD, node);
		address(p, c, id);
		if (id >= 0)
			p->m->v[id].ns = namespace_attr(p, c);
		children(p, c, pod_child, &id);
		if (id >= 0)
			check_shared_ports(p, id, "pod");
	} else {
		unknown(p, c->parent, c);
	}
}

/* ---- spec 1.1: labels, namespaces, services, policies ---- */

static const char *const label_attrs[] = { "key", "value", NULL };

/* A <label>, <selector> or <match>: key and value into ls. */
static void
label(struct parser *p, xmlNodePtr n, struct labels *ls, const char *what)
{
	check_attrs(p, n, label_attrs);
	children(p, n, NULL, NULL);
	char *key = attr(p, n, "key", true), *value = attr(p, n, "value", true);
	if (key && !valid_label_key(key)) {
		diag_error(p->d, line_of(n),
			   "invalid %s key '%s' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends; PREFIX a DNS subdomain)",
			   what, key);
	} else if (value && !valid_label_value(value)) {
		diag_error(p->d, line_of(n),
			   "invalid %s value '%s' (empty, or 1 to 63 characters of A-Z a-z 0-9 . _ -, alphanumeric at both ends)",
			   what, value);
	} else if (key && value) {
		if (labels_get(ls, key) != NULL)
			diag_error(p->d, line_of(n), "%s key '%s' is given twice", what, key);
		else
			labels_add(ls, key, value);
	}
	free(key);
	free(value);
}

static const char *const ns_attrs[] = { "name", NULL };

static void
namespace_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	struct labels *ls = ctx;
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
		label(p, c, ls, "label");
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
	children(p, n, namespace_child, &p->m->ns[i].labels);
	free(name);
}

/* A service or policy name: a DNS label, unique in its namespace. */
static char *
object_name(struct parser *p, xmlNodePtr n, const char *what)
{
	char *name = attr(p, n, "name", true);
	if (name && !valid_dns_label(name)) {
		diag_error(p->d, line_of(n), "invalid %s name '%s' (a DNS label: 1 to 63 characters of a-z 0-9 -, starting and ending with a letter or digit)", what, name);
		free(name);
		return NULL;
	}
	return name;
}

static const char *const svc_attrs[] = { "name", "namespace", "address", NULL };
static const char *const svc_port_attrs[] = { "number", "target", "protocol", NULL };

static void
service_port(struct parser *p, xmlNodePtr n, struct service *s)
{
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
	for (size_t i = 0; ok && i < s->nports; i++)
		if (s->ports[i].number == sp.number && s->ports[i].proto == sp.proto) {
			diag_error(p->d, line_of(n), "port %u/%s is declared twice in service '%s'", sp.number,
				   proto_name(sp.proto), s->name ? s->name : "?");
			ok = false;
		}
	if (ok) {
		xgrow(&s->ports, &s->ports_cap, s->nports + 1, sizeof *s->ports);
		s->ports[s->nports++] = sp;
	} else {
		free(sp.target_name);
	}
	free(num);
	free(target);
	free(pr);
}

static void
service_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	struct service *s = ctx;
	if (is(c, "selector")) {
		label(p, c, &s->selector, "selector");
		s->has_selector = true;
	} else if (is(c, "port")) {
		service_port(p, c, s);
	} else {
		unknown(p, c->parent, c);
	}
}

static void
service_elem(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, svc_attrs);
	int idx = (int)p->m->nsvcs;
	struct service *s = model_add_service(p->m);
	s->line = line_of(n);
	s->name = object_name(p, n, "service");
	s->ns = namespace_attr(p, n);
	for (size_t i = 0; s->name && i + 1 < p->m->nsvcs; i++)
		if (p->m->svcs[i].ns == s->ns && p->m->svcs[i].name && strcmp(p->m->svcs[i].name, s->name) == 0)
			diag_error(p->d, s->line, "duplicate service '%s' in namespace '%s' (already at line %ld)", s->name,
				   s->ns >= 0 ? p->m->ns[s->ns].name : "?", p->m->svcs[i].line);
	char *a = attr(p, n, "address", true);
	uint32_t addr;
	if (a && !addr_parse(a, &addr)) {
		diag_error(p->d, s->line, "invalid address '%s' (an IPv4 address in dotted-quad form, no leading zeros)", a);
	} else if (a && addr_reserved(addr)) {
		diag_error(p->d, s->line, "address %s is reserved (loopback or 0.0.0.0): a service cannot have it", a);
	} else if (a) {
		int old = model_claim_addr(p->m, addr, -2 - idx);
		if (old >= 0)
			diag_error(p->d, s->line, "address %s is already the address of %s '%s' (line %ld)", a,
				   model_kind_name(p->m->v[old].kind), p->m->v[old].name, p->m->v[old].line);
		else if (old < -1)
			diag_error(p->d, s->line, "address %s is already the address of service '%s' (line %ld)", a,
				   p->m->svcs[-2 - old].name ? p->m->svcs[-2 - old].name : "?", p->m->svcs[-2 - old].line);
		else
			s->addr = addr;
	}
	free(a);
	children(p, n, service_child, s);
	/* An invalid <port> has its own error: count elements, not ports. */
	bool any = false;
	for (xmlNodePtr c = n->children; c != NULL && !any; c = c->next)
		any = c->type == XML_ELEMENT_NODE && is(c, "port");
	if (!any)
		diag_error(p->d, s->line, "a <service> needs at least one <port>");
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
		xgrow(&sel->expr, &sel->expr_cap, sel->nexpr + 1, sizeof *sel->expr);
		sel->expr[sel->nexpr++] = e;
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
selector_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	struct selector *sel = ctx;
	if (is(c, "match"))
		label(p, c, &sel->match, "match");
	else if (is(c, "expression"))
		expression(p, c, sel);
	else
		unknown(p, c->parent, c);
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
			diag_error(p->d, line_of(c), "except %s/%d is not inside the ip-block's cidr %s/%d",
				   addr_format(net, a), len, addr_format(peer->net, b), peer->len);
			continue;
		}
		peer->except_net = xreallocarray(peer->except_net, peer->nexcept + 1, sizeof *peer->except_net);
		peer->except_len = xreallocarray(peer->except_len, peer->nexcept + 1, sizeof *peer->except_len);
		peer->except_net[peer->nexcept] = net;
		peer->except_len[peer->nexcept++] = len;
	}
	text_only(p, n);
}

/* A <from> or <to>: selectors, or one ip-block. */
static void
peer_elem(struct parser *p, xmlNodePtr n, struct pol_rule *r)
{
	check_attrs(p, n, no_attrs);
	struct peer peer = { 0 };
	int blocks = 0, sels = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "pod-selector") || is(c, "namespace-selector")) {
			bool pod = is(c, "pod-selector");
			if (pod ? peer.has_pod_sel : peer.has_ns_sel) {
				diag_error(p->d, line_of(c), "<%s> has two <%s>", ename(n), ename(c));
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
				diag_error(p->d, line_of(c), "<%s> has more than one <ip-block>", ename(n));
		} else {
			unknown(p, n, c);
		}
	}
	text_only(p, n);
	if (blocks == 0 && sels == 0)
		diag_error(p->d, line_of(n), "an empty <%s> is not allowed: name a pod-selector, a namespace-selector or an ip-block",
			   ename(n));
	else if (blocks > 0 && sels > 0)
		diag_error(p->d, line_of(n), "<%s> has an ip-block and a selector: use one or the other", ename(n));
	xgrow(&r->peers, &r->peers_cap, r->npeers + 1, sizeof *r->peers);
	r->peers[r->npeers++] = peer;
}

static const char *const pol_port_attrs[] = { "number", "protocol", "end", NULL };

static void
pol_port(struct parser *p, xmlNodePtr n, struct pol_rule *r)
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
	if (ok) {
		xgrow(&r->ports, &r->ports_cap, r->nports + 1, sizeof *r->ports);
		r->ports[r->nports++] = pp;
	} else {
		free(pp.name);
	}
	free(num);
	free(pr);
	free(end);
}

struct rule_ctx {
	struct pol_rule *r;
	const char *peer; /* "from" or "to" */
};

static void
pol_rule_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	struct rule_ctx *rc = ctx;
	if (is(c, rc->peer))
		peer_elem(p, c, rc->r);
	else if (is(c, "port"))
		pol_port(p, c, rc->r);
	else
		unknown(p, c->parent, c);
}

static const char *const pol_attrs[] = { "name", "namespace", "types", NULL };

static void
policy_elem(struct parser *p, xmlNodePtr n)
{
	check_attrs(p, n, pol_attrs);
	struct policy *pol = model_add_policy(p->m);
	pol->line = line_of(n);
	pol->name = object_name(p, n, "policy");
	pol->ns = namespace_attr(p, n);
	for (size_t i = 0; pol->name && i + 1 < p->m->npols; i++)
		if (p->m->pols[i].ns == pol->ns && p->m->pols[i].name && strcmp(p->m->pols[i].name, pol->name) == 0)
			diag_error(p->d, pol->line, "duplicate policy '%s' in namespace '%s' (already at line %ld)",
				   pol->name, pol->ns >= 0 ? p->m->ns[pol->ns].name : "?", p->m->pols[i].line);
	int selectors = 0;
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "pod-selector")) {
			check_attrs(p, c, no_attrs);
			if (selectors++ == 0)
				children(p, c, selector_child, &pol->pod_sel);
			else
				diag_error(p->d, line_of(c), "a <policy> has exactly one <pod-selector>");
		} else if (is(c, "ingress") || is(c, "egress")) {
			int d = is(c, "egress");
			check_attrs(p, c, no_attrs);
			xgrow(&pol->rules[d], &pol->rules_cap[d], pol->nrules[d] + 1, sizeof *pol->rules[d]);
			struct pol_rule *r = &pol->rules[d][pol->nrules[d]++];
			memset(r, 0, sizeof *r);
			struct rule_ctx rc = { r, d ? "to" : "from" };
			children(p, c, pol_rule_child, &rc);
		} else {
			unknown(p, n, c);
		}
	}
	text_only(p, n);
	if (selectors == 0)
		diag_error(p->d, pol->line, "a <policy> needs a <pod-selector> (an empty one selects every pod of its namespace)");
	char *types = attr(p, n, "types", false);
	if (types == NULL) {
		pol->types = DIR_INGRESS | (pol->nrules[1] > 0 ? DIR_EGRESS : 0);
	} else {
		bool ok = true;
		char *copy = xstrdup(types);
		for (char *save = NULL, *t = strtok_r(copy, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
			int bit = strcmp(t, "Ingress") == 0 ? DIR_INGRESS : strcmp(t, "Egress") == 0 ? DIR_EGRESS : 0;
			if (bit == 0 || (pol->types & bit))
				ok = false;
			pol->types |= bit;
		}
		free(copy);
		if (!ok || pol->types == 0)
			diag_error(p->d, pol->line, "invalid types '%s' (Ingress, Egress or \"Ingress Egress\")", types);
	}
	free(types);
	static const char *const dir[] = { "ingress", "egress" };
	static const char *const type[] = { "Ingress", "Egress" };
	for (int d = 0; d < 2; d++)
		if (pol->nrules[d] > 0 && !(pol->types & (1 << d)))
			diag_warning(p->d, pol->line, "policy '%s' has %s rules but its types leave out %s: they are ignored",
				     pol->name ? pol->name : "?", dir[d], type[d]);
}

static const char *const node_attrs[] = { "name", "address", NULL };

static void
cluster_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	(void)ctx;
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
	} else {
		unknown(p, c->parent, c);
	}
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
		diag_warning(p->d, line_of(n), "the link between '%s' and '%s' is already down", x->name, y->name);
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
rule(struct parser *p, xmlNodePtr n, void *ctx)
{
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
			diag_warning(p->d, line_of(n), "'%s' is not linked to switch '%s': this rule discards what it matches",
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
		*model_add_expect(p->m) = e;
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

static const char *const cluster_attrs[] = { "name", NULL };

/* The root's start: the model exists from here on. */
static void
cluster_start(struct parser *p, xmlNodePtr root)
{
	check_attrs(p, root, cluster_attrs);
	char *name = attr(p, root, "name", true);
	if (name && !valid_cluster_name(name))
		diag_error(p->d, line_of(root), "invalid cluster name (at most %d bytes, no control characters)", MAX_NAME);
	p->m = model_new(name);
	free(name);
}

/* The root's end: text, the node count, then what refers to vertices. */
static void
cluster_end(struct parser *p, xmlNodePtr root)
{
	text_only(p, root);
	bool any = false;
	for (size_t i = 0; i < p->m->nv && !any; i++)
		any = p->m->v[i].kind == V_NODE;
	if (!any)
		diag_error(p->d, line_of(root), "a cluster needs at least one <node>");
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

/* ---- streaming: the SAX2 tree builder, pruned as it goes ----
 *
 * libxml2's own SAX2 handlers build the tree; when a child of <cluster>
 * ends, it is checked and added to the model at once, then freed, so the
 * tree never holds more than one node's subtree (a DOM of a 30 MB spec
 * costs more than the model). link-down, fib and expect wait for the end:
 * they name vertices that may come later. */

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
	 const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parser *p = ctxt->_private;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_ns, namespaces, nb_attributes, nb_defaulted,
			      attributes);
	if (ctxt->nodeNr != 1 || ctxt->node == NULL)
		return;
	if (is(ctxt->node, "cluster")) {
		p->root = ctxt->node;
		cluster_start(p, p->root);
	} else {
		diag_error(p->d, line_of(ctxt->node), "the root element must be <cluster>");
	}
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct parser *p = ctxt->_private;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (p->root == NULL || ctxt->node != p->root || ctxt->nodeNr != 1)
		return;
	xmlNodePtr c = p->root->last;
	if (c == NULL || c->type != XML_ELEMENT_NODE)
		return;
	size_t deferred = p->nlater;
	cluster_child(p, c, NULL);
	if (p->nlater == deferred) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	/* Check and drop the root's text so far too: libxml2 would otherwise
	 * try to extend a text node it no longer owns the buffer of. */
	text_only(p, p->root);
	for (xmlNodePtr t = p->root->children, next; t != NULL; t = next) {
		next = t->next;
		if (t->type != XML_ELEMENT_NODE) {
			xmlUnlinkNode(t);
			xmlFreeNode(t);
		}
	}
}

enum spec_status
spec_parse(const char *buf, size_t len, struct diag *d, struct model **out)
{
	*out = NULL;
	if (len > INT_MAX) {
		diag_error(d, 0, "the spec is too large for the XML parser");
		return SPEC_INVALID;
	}
	xmlSetExternalEntityLoader(refuse_entity);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		fputs("k8snet: out of memory\n", stderr);
		abort();
	}
	struct parser p = { .d = d };
	ctxt->_private = &p;
	ctxt->sax->internalSubset = refuse_doctype;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	xmlSetStructuredErrorFunc(d, on_xml_error);
	size_t before = diag_errors(d);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, diag_file(d), NULL,
					  XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && doc->intSubset != NULL && diag_errors(d) == before)
		diag_error(d, 0, "a DOCTYPE is not allowed in a spec (no DTD, no entities)");
	if (doc == NULL && diag_errors(d) == before)
		diag_error(d, 0, "malformed XML");
	if (doc != NULL && p.root != NULL)
		cluster_end(&p, p.root);
	free(p.later);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
	if (diag_errors(d) > before || p.m == NULL) {
		model_free(p.m);
		return SPEC_INVALID;
	}
	model_finish(p.m);
	*out = p.m;
	return SPEC_OK;
}
