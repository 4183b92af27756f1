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

/* ---- libxml2, locked down ---- */

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	struct diag *d = ctxt ? ctxt->_private : NULL;
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
	diag_error(ctxt->_private, ctxt->input ? ctxt->input->line : 0,
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
	size_t n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (n > 0 && msg[0] >= 'A' && msg[0] <= 'Z' && !(msg[1] >= 'A' && msg[1] <= 'Z'))
		msg[0] = (char)(msg[0] - 'A' + 'a');
	diag_error(d, e->line, "malformed XML: %s", msg);
	free(msg);
}

/* ---- walking the document ---- */

struct parser {
	struct diag *d;
	struct model *m;
	/* elements resolved once every vertex is known */
	xmlNodePtr *later;
	size_t nlater, later_cap;
};

static long
line_of(xmlNodePtr n)
{
	return xmlGetLineNo(n);
}

static const char *
ename(xmlNodePtr n)
{
	return (const char *)n->name;
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
			diag_error(p->d, line_of(n), "<%s> needs a '%s' attribute", ename(n), name);
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
			if (t && *t)
				diag_error(p->d, line_of(c), "unexpected text in <%s>", ename(n));
		} else if (c->type == XML_ENTITY_REF_NODE) {
			diag_error(p->d, line_of(n), "entity references are not allowed in a spec");
		}
	}
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
		diag_error(p->d, line_of(n), "address %s is reserved (loopback or 0.0.0.0) and cannot be a %s's", s,
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

static const char *const port_attrs[] = { "number", "protocol", NULL };

static void
port(struct parser *p, xmlNodePtr c, void *ctx)
{
	int proc = *(int *)ctx;
	if (!is(c, "port")) {
		unknown(p, c->parent, c);
		return;
	}
	check_attrs(p, c, port_attrs);
	children(p, c, NULL, NULL);
	char *num = attr(p, c, "number", true), *pr = attr(p, c, "protocol", false);
	uint16_t number = 0;
	enum proto proto = PROTO_TCP;
	bool ok = num != NULL;
	if (num != NULL && !port_parse(num, &number)) {
		diag_error(p->d, line_of(c), "invalid port number '%s' (1 to 65535)", num);
		ok = false;
	}
	if (pr != NULL && !proto_parse(pr, &proto)) {
		diag_error(p->d, line_of(c), "unknown protocol '%s' (TCP, UDP or SCTP, in capitals)", pr);
		ok = false;
	}
	if (ok && proc >= 0)
		model_add_port(p->m, proc, number, proto, line_of(c));
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

static const char *const pod_attrs[] = { "name", "address", NULL };

static void
pod_child(struct parser *p, xmlNodePtr c, void *ctx)
{
	if (is(c, "container"))
		process(p, c, V_CONTAINER, *(int *)ctx);
	else
		unknown(p, c->parent, c);
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
		children(p, c, pod_child, &id);
		if (id >= 0)
			check_shared_ports(p, id, "pod");
	} else {
		unknown(p, c->parent, c);
	}
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

static void
cluster(struct parser *p, xmlNodePtr root)
{
	check_attrs(p, root, cluster_attrs);
	char *name = attr(p, root, "name", true);
	if (name && !valid_cluster_name(name))
		diag_error(p->d, line_of(root), "invalid cluster name (at most %d bytes, no control characters)", MAX_NAME);
	p->m = model_new(name);
	free(name);
	children(p, root, cluster_child, NULL);
	if (p->m->nv == 0 || p->m->v[0].kind != V_NODE) {
		bool any = false;
		for (size_t i = 0; i < p->m->nv && !any; i++)
			any = p->m->v[i].kind == V_NODE;
		if (!any)
			diag_error(p->d, line_of(root), "a cluster needs at least one <node>");
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
	ctxt->_private = d;
	ctxt->sax->internalSubset = refuse_doctype;
	xmlSetStructuredErrorFunc(d, on_xml_error);
	size_t before = diag_errors(d);
	xmlDocPtr doc = xmlCtxtReadMemory(ctxt, buf, (int)len, diag_file(d), NULL,
					  XML_PARSE_NONET | XML_PARSE_BIG_LINES);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (doc != NULL && doc->intSubset != NULL && diag_errors(d) == before)
		diag_error(d, 0, "a DOCTYPE is not allowed in a spec (no DTD, no entities)");
	if (doc == NULL && diag_errors(d) == before)
		diag_error(d, 0, "malformed XML");
	if (doc == NULL || diag_errors(d) > before) {
		xmlFreeDoc(doc);
		xmlFreeParserCtxt(ctxt);
		return SPEC_INVALID;
	}
	struct parser p = { .d = d };
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (root == NULL || !is(root, "cluster"))
		diag_error(d, root ? line_of(root) : 0, "the root element must be <cluster>");
	else
		cluster(&p, root);
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
