/* The spec 1.2 XML of an import (k8snet(1), KUBERNETES INPUT): a comment naming
 * each element's origin, attributes escaped, the same bytes every time. */
#include "config.h"
#include "import_int.h"
#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
	char *p;
	size_t n, cap;
	long line; /* 1-based line of the next byte */
	struct xml_origin *map;
	size_t nmap, mcap;
};

static void
put(struct sb *b, const char *s, size_t n)
{
	xgrow(&b->p, &b->cap, b->n + n + 1, 1);
	memcpy(b->p + b->n, s, n);
	for (size_t i = 0; i < n; i++)
		b->line += s[i] == '\n';
	b->n += n;
	b->p[b->n] = '\0';
}

static void
puts_(struct sb *b, const char *s)
{
	put(b, s, strlen(s));
}

static void
putf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
putf(struct sb *b, const char *fmt, ...)
{
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	xgrow(&b->p, &b->cap, b->n + (size_t)n + 1, 1);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	for (int i = 0; i < n; i++)
		b->line += b->p[b->n + i] == '\n';
	b->n += (size_t)n;
}

/* An attribute value: & < > " escaped; control bytes cannot occur (names
 * and labels are validated before). */
static void
attr(struct sb *b, const char *name, const char *v)
{
	putf(b, " %s=\"", name);
	for (const char *s = v; *s; s++) {
		switch (*s) {
		case '&': puts_(b, "&amp;"); break;
		case '<': puts_(b, "&lt;"); break;
		case '>': puts_(b, "&gt;"); break;
		case '"': puts_(b, "&quot;"); break;
		default:
			if ((unsigned char)*s < 0x20)
				putf(b, "&#%d;", *s);
			else
				put(b, s, 1);
		}
	}
	puts_(b, "\"");
}

size_t
import_utf8_len(const char *p)
{
	const unsigned char *s = (const unsigned char *)p;
	if (s[0] < 0x80)
		return s[0] != 0;
	size_t n = s[0] >= 0xc2 && s[0] <= 0xdf ? 2 : s[0] >= 0xe0 && s[0] <= 0xef ? 3 : s[0] >= 0xf0 && s[0] <= 0xf4 ? 4 : 0;
	for (size_t i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	/* overlong, surrogates, past U+10FFFF, and U+FFFE/U+FFFF (not XML) */
	if ((s[0] == 0xe0 && s[1] < 0xa0) || (s[0] == 0xed && s[1] >= 0xa0) || (s[0] == 0xf0 && s[1] < 0x90) ||
	    (s[0] == 0xf4 && s[1] >= 0x90) || (s[0] == 0xef && s[1] == 0xbf && s[2] >= 0xbe))
		return 0;
	return n;
}

/* Comment text: "--" written "-\-", control bytes, bytes that are not
 * UTF-8 (a file name's) and a final '-' escaped as \xHH, so that the XML
 * stays well-formed. */
static void
comment_text(struct sb *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		size_t u = c >= 0x80 ? import_utf8_len(s) : 1;
		if (u > 1) {
			put(b, s, u);
			s += u - 1;
		} else if (c < 0x20 || c == 0x7f || c == '\\' || u == 0)
			putf(b, "\\x%02x", c);
		else if (c == '-' && (s[1] == '-' || s[1] == '\0'))
			puts_(b, "-\\");
		else
			put(b, s, 1);
	}
}

/* An element without a comment of its own: its lines come from o (its
 * parent's object) or, NULL, from no object at all, never from the
 * element written before it. */
static void
no_origin(struct sb *b, const struct korigin *o)
{
	xgrow(&b->map, &b->mcap, b->nmap + 1, sizeof *b->map);
	b->map[b->nmap++] = o ? (struct xml_origin){ b->line, true, *o } : (struct xml_origin){ .xml_line = b->line };
}

static void
origin(struct sb *b, const char *indent, const struct korigin *o)
{
	no_origin(b, o);
	puts_(b, indent);
	puts_(b, "<!-- ");
	comment_text(b, o->pos.file);
	putf(b, ":%ld ", o->pos.line);
	comment_text(b, o->kind);
	puts_(b, " ");
	if (o->ns) {
		comment_text(b, o->ns);
		puts_(b, "/");
	}
	comment_text(b, o->name);
	puts_(b, " -->\n");
}

static void
labels(struct sb *b, const char *indent, const char *elem, const struct kvs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		putf(b, "%s<%s", indent, elem);
		attr(b, "key", l->v[i].key);
		attr(b, "value", l->v[i].value);
		puts_(b, "/>\n");
	}
}

static void
ports(struct sb *b, const struct cport *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		putf(b, "<port number=\"%u\"", p[i].number);
		if (p[i].proto != PROTO_TCP)
			putf(b, " protocol=\"%s\"", proto_name(p[i].proto));
		if (p[i].name)
			attr(b, "name", p[i].name);
		puts_(b, "/>");
	}
}

static void
daemon(struct sb *b, const struct kdaemon *d, const struct korigin *node)
{
	if (d->has_origin)
		origin(b, "    ", &d->o);
	else
		no_origin(b, node);
	puts_(b, "    <daemon");
	attr(b, "name", d->name);
	const struct kpod *p = d->pod;
	if (p) {
		const char *slash = strchr(p->name, '/');
		attr(b, "pod", slash ? slash + 1 : p->name);
		attr(b, "namespace", p->ns);
		attr(b, "workload", p->workload);
	}
	if (p && p->t->labels.n) {
		puts_(b, ">\n");
		labels(b, "      ", "label", &p->t->labels);
		puts_(b, "      ");
		ports(b, d->ports, d->nports);
		puts_(b, "\n    </daemon>\n");
	} else if (d->nports) {
		puts_(b, ">");
		ports(b, d->ports, d->nports);
		puts_(b, "</daemon>\n");
	} else {
		puts_(b, "/>\n");
	}
}

static void
pod(struct sb *b, const struct kpod *p)
{
	char a[16];
	origin(b, "    ", &p->o);
	puts_(b, "    <pod");
	attr(b, "name", p->name);
	attr(b, "namespace", p->ns);
	attr(b, "address", addr_format(p->addr, a));
	attr(b, "workload", p->workload);
	puts_(b, ">\n");
	labels(b, "      ", "label", &p->t->labels);
	for (size_t i = 0; i < p->t->nctrs; i++) {
		const struct ctr *c = &p->t->ctrs[i];
		char *name = xasprintf("%s/%s", p->name, c->name);
		puts_(b, "      <container");
		attr(b, "name", name);
		free(name);
		if (c->nports) {
			puts_(b, ">");
			ports(b, c->ports, c->nports);
			puts_(b, "</container>\n");
		} else {
			puts_(b, "/>\n");
		}
	}
	puts_(b, "    </pod>\n");
}

static void
selector(struct sb *b, const char *indent, const char *elem, const struct ksel *s)
{
	if (s->match.n == 0 && s->nexpr == 0) {
		putf(b, "%s<%s/>\n", indent, elem);
		return;
	}
	putf(b, "%s<%s>\n", indent, elem);
	char *in = xasprintf("%s  ", indent);
	labels(b, in, "match", &s->match);
	for (size_t i = 0; i < s->nexpr; i++) {
		const struct kexpr *e = &s->expr[i];
		putf(b, "%s<expression", in);
		attr(b, "key", e->key);
		attr(b, "operator", e->op);
		if (e->nvalues) {
			size_t len = 1;
			for (size_t j = 0; j < e->nvalues; j++)
				len += strlen(e->values[j]) + 1;
			char *v = xmalloc(len), *w = v;
			for (size_t j = 0; j < e->nvalues; j++)
				w += sprintf(w, "%s%s", j ? " " : "", e->values[j]);
			attr(b, "values", v);
			free(v);
		}
		puts_(b, "/>\n");
	}
	free(in);
	putf(b, "%s</%s>\n", indent, elem);
}

static void
policy(struct sb *b, const struct kpolicy *p)
{
	origin(b, "  ", &p->o);
	puts_(b, "  <policy");
	attr(b, "name", p->name);
	attr(b, "namespace", p->ns);
	if (p->types)
		attr(b, "types", p->types);
	puts_(b, ">\n");
	selector(b, "    ", "pod-selector", &p->pod_sel);
	for (int dir = 0; dir < 2; dir++) {
		const char *elem = dir ? "egress" : "ingress", *peer = dir ? "to" : "from";
		for (size_t i = 0; i < p->nrules[dir]; i++) {
			const struct krule *r = &p->rules[dir][i];
			if (r->npeers == 0 && r->nports == 0) {
				putf(b, "    <%s/>\n", elem);
				continue;
			}
			putf(b, "    <%s>\n", elem);
			for (size_t j = 0; j < r->npeers; j++) {
				const struct kpeer *pe = &r->peers[j];
				putf(b, "      <%s>\n", peer);
				if (pe->cidr) {
					puts_(b, "        <ip-block");
					attr(b, "cidr", pe->cidr);
					if (pe->nexcept == 0) {
						puts_(b, "/>\n");
					} else {
						puts_(b, ">");
						for (size_t k = 0; k < pe->nexcept; k++) {
							puts_(b, "<except");
							attr(b, "cidr", pe->except[k]);
							puts_(b, "/>");
						}
						puts_(b, "</ip-block>\n");
					}
				}
				if (pe->has_pod)
					selector(b, "        ", "pod-selector", &pe->pod);
				if (pe->has_ns)
					selector(b, "        ", "namespace-selector", &pe->ns);
				putf(b, "      </%s>\n", peer);
			}
			for (size_t j = 0; j < r->nports; j++) {
				const struct kpport *pp = &r->ports[j];
				puts_(b, "      <port");
				if (pp->port)
					attr(b, "number", pp->port);
				if (pp->proto != PROTO_TCP)
					putf(b, " protocol=\"%s\"", proto_name(pp->proto));
				if (pp->end)
					putf(b, " end=\"%u\"", pp->end);
				puts_(b, "/>\n");
			}
			putf(b, "    </%s>\n", elem);
		}
	}
	puts_(b, "  </policy>\n");
}

static void
service(struct sb *b, const struct kservice *s)
{
	char a[16];
	origin(b, "  ", &s->o);
	puts_(b, "  <service");
	attr(b, "name", s->name);
	attr(b, "namespace", s->ns);
	attr(b, "address", addr_format(s->addr, a));
	puts_(b, ">\n");
	labels(b, "    ", "selector", &s->selector);
	for (size_t i = 0; i < s->nports; i++) {
		const struct ksport *p = &s->ports[i];
		putf(b, "    <port number=\"%u\"", p->port);
		if (p->target_name)
			attr(b, "target", p->target_name);
		else if (p->target != p->port)
			putf(b, " target=\"%u\"", p->target);
		if (p->proto != PROTO_TCP)
			putf(b, " protocol=\"%s\"", proto_name(p->proto));
		puts_(b, "/>\n");
	}
	for (size_t i = 0; i < s->neps; i++) {
		const struct kendpoint *e = &s->eps[i];
		putf(b, "    <endpoint address=\"%s\" port=\"%u\" protocol=\"%s\" service-port=\"%u\"/>\n",
		     addr_format(e->addr, a), e->port, proto_name(e->proto), e->service_port);
	}
	puts_(b, "  </service>\n");
}

void
import_write_xml(const struct resolved *r, char **out, size_t *len, struct xml_origin **map, size_t *nmap)
{
	struct sb b = { .line = 1 };
	char a[16];
	puts_(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	puts_(&b, "<!-- written by k8snet import: every element names the object it comes from -->\n");
	puts_(&b, "<cluster");
	attr(&b, "name", r->cluster_name);
	puts_(&b, " version=\"1.2\">\n");
	/* When the input declares Namespaces, one that objects use without a
	 * Namespace object gets no <namespace>: it exists with its name label
	 * alone, as k8snet-spec(5) says, and the parser warns about each object
	 * in it, at that object (a misspelled namespace: "did you mean"). */
	bool any_declared = false;
	for (size_t i = 0; i < r->nns; i++)
		any_declared |= r->ns[i].declared;
	for (size_t i = 0; i < r->nns; i++) {
		const struct kns *n = &r->ns[i];
		if (any_declared && !n->declared)
			continue;
		if (n->declared)
			origin(&b, "  ", &n->o);
		else
			no_origin(&b, NULL);
		puts_(&b, "  <namespace");
		attr(&b, "name", n->name);
		puts_(&b, ">\n");
		labels(&b, "    ", "label", &n->labels);
		puts_(&b, "  </namespace>\n");
	}
	for (size_t i = 0; i < r->nnodes; i++) {
		const struct knodev *n = &r->nodes[i];
		if (n->has_origin)
			origin(&b, "  ", &n->o);
		else
			no_origin(&b, NULL);
		puts_(&b, "  <node");
		attr(&b, "name", n->name);
		attr(&b, "address", addr_format(n->addr, a));
		puts_(&b, ">\n");
		for (size_t j = 0; j < n->ndaemons; j++)
			daemon(&b, &n->daemons[j], n->has_origin ? &n->o : NULL);
		for (size_t j = 0; j < n->npods; j++)
			pod(&b, &r->pods[n->pods[j]]);
		puts_(&b, "  </node>\n");
	}
	for (size_t i = 0; i < r->nsvcs; i++)
		service(&b, r->svcs[i]);
	for (size_t i = 0; i < r->npols; i++)
		policy(&b, r->pols[i]);
	puts_(&b, "</cluster>\n");
	*out = b.p;
	*len = b.n;
	*map = b.map;
	*nmap = b.nmap;
}
