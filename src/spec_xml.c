#include "config.h"
#include "spec_xml.h"
#include "suggest.h"
#include "xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

/* ---- reading, with a size cap applied before the bytes are in memory ---- */

enum spec_status
spec_xml_read(const char *path, size_t max, struct diag *d, char **buf, size_t *len)
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

/* The parse's state, reached from libxml2's callbacks as ctxt->_private. */
struct xml_state {
	struct diag *d;
	const char *root_name;
	const struct spec_xml_handler *h;
	xmlNodePtr root; /* the root element, once it is the right one */
};

/* ---- libxml2, locked down ---- */

static xmlParserInputPtr
refuse_entity(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)id;
	struct xml_state *x = ctxt ? ctxt->_private : NULL;
	struct diag *d = x ? x->d : NULL;
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
	diag_error(((struct xml_state *)ctxt->_private)->d, ctxt->input ? ctxt->input->line : 0,
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

/* ---- reading one element ---- */

long
xml_line(xmlNodePtr n)
{
	/* libxml2 keeps 65535 at most in a node; on_start keeps the line of an
	 * element past it (the text nodes where XML_PARSE_BIG_LINES would look
	 * are dropped as the spec is read). */
	if (n->type == XML_ELEMENT_NODE && n->line == 65535 && n->psvi != NULL)
		return (long)(ptrdiff_t)n->psvi;
	return xmlGetLineNo(n);
}

const char *
xml_qname(xmlNodePtr n, char buf[XML_QNAME_MAX])
{
	if (n->ns == NULL || n->ns->prefix == NULL)
		return (const char *)n->name;
	snprintf(buf, XML_QNAME_MAX, "%s:%s", n->ns->prefix, n->name);
	return buf;
}

bool
xml_is(xmlNodePtr n, const char *name)
{
	return n->ns == NULL && strcmp((const char *)n->name, name) == 0;
}

void
xml_check_attrs(struct diag *d, xmlNodePtr n, const char *const *allowed)
{
	for (xmlAttrPtr a = n->properties; a != NULL; a = a->next) {
		bool ok = false;
		for (const char *const *s = allowed; *s && !ok; s++)
			ok = a->ns == NULL && strcmp((const char *)a->name, *s) == 0;
		char q[XML_QNAME_MAX];
		if (ok)
			continue;
		/* A typo, or Kubernetes' spelling: name the attribute meant. */
		const char *near = a->ns == NULL ? suggest((const char *)a->name, allowed) : NULL;
		if (near != NULL)
			diag_error(d, xml_line(n), "unknown attribute '%s' on <%s>; did you mean '%s'?", a->name,
				   xml_qname(n, q), near);
		else
			diag_error(d, xml_line(n), "unknown attribute '%s' on <%s>", a->name, xml_qname(n, q));
	}
}

char *
xml_attr(struct diag *d, xmlNodePtr n, const char *name, bool required)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	if (v == NULL) {
		char q[XML_QNAME_MAX];
		if (required)
			diag_error(d, xml_line(n), "<%s> needs %s '%s' attribute", xml_qname(n, q),
				   strchr("aeiou", name[0]) ? "an" : "a", name);
		return NULL;
	}
	char *s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}

void
xml_children(struct diag *d, xmlNodePtr n, xml_child_fn *fn, void *p, void *ctx)
{
	char q[XML_QNAME_MAX], qc[XML_QNAME_MAX];
	for (xmlNodePtr c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (fn != NULL)
				fn(p, c, ctx);
			else
				diag_error(d, xml_line(c), "<%s> may not contain <%s>", xml_qname(n, q), xml_qname(c, qc));
		} else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const xmlChar *t = c->content;
			while (t && (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'))
				t++;
			if (t && *t) {
				/* libxml2 gives a text node the line where it ends. */
				long line = xml_line(c);
				for (const xmlChar *u = t; *u; u++)
					line -= *u == '\n';
				diag_error(d, line, "unexpected text in <%s>", xml_qname(n, q));
			}
		} else if (c->type == XML_ENTITY_REF_NODE) {
			diag_error(d, xml_line(n), "entity references are not allowed in a spec");
		}
	}
}

static void
ignore_element(void *p, xmlNodePtr c, void *ctx)
{
	(void)p, (void)c, (void)ctx;
}

void
xml_text_only(struct diag *d, xmlNodePtr n)
{
	xml_children(d, n, ignore_element, NULL, NULL);
}

void
xml_unknown(struct diag *d, xmlNodePtr parent, xmlNodePtr c)
{
	char q[XML_QNAME_MAX], qp[XML_QNAME_MAX];
	diag_error(d, xml_line(c), "unknown element <%s> in <%s>", xml_qname(c, q), xml_qname(parent, qp));
}

/* ---- streaming: the SAX2 tree builder, pruned as it goes ----
 *
 * libxml2's own SAX2 handlers build the tree; when a child of the root
 * ends, the handler checks it at once and, unless it keeps it, it is
 * freed, so the tree never holds more than one child's subtree (a DOM of
 * a 30 MB spec costs more than the model). */

static void
on_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri, int nb_ns,
	 const xmlChar **namespaces, int nb_attributes, int nb_defaulted, const xmlChar **attributes)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xml_state *x = ctxt->_private;
	xmlSAX2StartElementNs(ctx, localname, prefix, uri, nb_ns, namespaces, nb_attributes, nb_defaulted,
			      attributes);
	/* Past line 65535 the node's line is stuck there: keep the real one
	 * (xml_line), so that every FILE:LINE of a big spec is right. */
	if (ctxt->node != NULL && ctxt->node->line == 65535 && ctxt->input != NULL && ctxt->input->line > 65535)
		ctxt->node->psvi = (void *)(ptrdiff_t)ctxt->input->line;
	if (ctxt->nodeNr != 1 || ctxt->node == NULL)
		return;
	if (xml_is(ctxt->node, x->root_name)) {
		x->root = ctxt->node;
		x->h->start(x->h->ctx, x->root);
	} else {
		diag_error(x->d, xml_line(ctxt->node), "the root element must be <%s>", x->root_name);
	}
}

static void
on_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xml_state *x = ctxt->_private;
	xmlSAX2EndElementNs(ctx, localname, prefix, uri);
	if (x->root == NULL || ctxt->node != x->root || ctxt->nodeNr != 1)
		return;
	xmlNodePtr c = x->root->last;
	if (c == NULL || c->type != XML_ELEMENT_NODE)
		return;
	if (!x->h->child(x->h->ctx, c)) {
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
	/* Check and drop the root's text so far too: libxml2 would otherwise
	 * try to extend a text node it no longer owns the buffer of. */
	xml_text_only(x->d, x->root);
	for (xmlNodePtr t = x->root->children, next; t != NULL; t = next) {
		next = t->next;
		if (t->type != XML_ELEMENT_NODE) {
			xmlUnlinkNode(t);
			xmlFreeNode(t);
		}
	}
}

void
spec_xml_parse(const char *buf, size_t len, struct diag *d, const char *root_name,
	       const struct spec_xml_handler *h)
{
	if (len > INT_MAX) {
		diag_error(d, 0, "the spec is too large for the XML parser");
		return;
	}
	xmlSetExternalEntityLoader(refuse_entity);
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		xalloc_die();
	}
	struct xml_state x = { .d = d, .root_name = root_name, .h = h };
	ctxt->_private = &x;
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
	if (doc != NULL && x.root != NULL)
		h->end(h->ctx, x.root);
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(ctxt);
}
