/* The XML side of reading a spec, which is untrusted input: the file read
 * with a size cap, libxml2 locked down (no DTD, no entities, no external
 * resources, its errors as diagnostics with their lines), the document
 * streamed one child of the root at a time, and the helpers that read an
 * element (attributes, children, text). It knows nothing of clusters:
 * spec.c gives it the root's name and handles the elements. */
#ifndef K8SNET_SPEC_XML_H
#define K8SNET_SPEC_XML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "diag.h"

/* Read the file at path ("-": standard input) into *buf (the caller frees
 * it), refusing more than max bytes before they are in memory. */
enum spec_status spec_xml_read(const char *path, size_t max, struct diag *d, char **buf, size_t *len);

/* What the streaming parse calls. start: the root element began (its
 * attributes are there, not its children). child: a child element of the
 * root ended, with its whole subtree; return true to keep it in the tree
 * until end (an element that refers to later ones), false to free it at
 * once. end: the document is complete and well-formed; the kept children
 * are still the root's. Every callback gets ctx. */
struct spec_xml_handler {
	void (*start)(void *ctx, xmlNodePtr root);
	bool (*child)(void *ctx, xmlNodePtr child);
	void (*end)(void *ctx, xmlNodePtr root);
	void *ctx;
};

/* Parse buf (len bytes) as a document whose root must be <root_name>,
 * calling h as it goes; every problem goes to d, named after d's file. */
void spec_xml_parse(const char *buf, size_t len, struct diag *d, const char *root_name,
		    const struct spec_xml_handler *h);

/* ---- reading one element ---- */

/* The line an element starts on. */
long xml_line(xmlNodePtr n);

/* An element's name as written, with its prefix if any ("k:node"), for
 * messages: n's own name, or the prefixed name written into buf (cut at
 * XML_QNAME_MAX - 1 bytes). Each name in one message needs its own buf. */
#define XML_QNAME_MAX 160
const char *xml_qname(xmlNodePtr n, char buf[XML_QNAME_MAX]);

/* The element is <name>, without a namespace. */
bool xml_is(xmlNodePtr n, const char *name);

/* Report every attribute not in allowed (a NULL-terminated list). */
void xml_check_attrs(struct diag *d, xmlNodePtr n, const char *const *allowed);

/* The attribute's value (the caller frees it), or NULL; an error if it is
 * required and absent. */
char *xml_attr(struct diag *d, xmlNodePtr n, const char *name, bool required);

/* Visit n's element children in order with fn(p, child, ctx); fn reports
 * the elements it does not know itself (fn NULL: n takes no children).
 * Text other than white space and entity references are errors. */
typedef void xml_child_fn(void *p, xmlNodePtr child, void *ctx);
void xml_children(struct diag *d, xmlNodePtr n, xml_child_fn *fn, void *p, void *ctx);

/* Check n's text only, for elements whose children are walked by hand. */
void xml_text_only(struct diag *d, xmlNodePtr n);

/* The error for child c that parent does not take. */
void xml_unknown(struct diag *d, xmlNodePtr parent, xmlNodePtr c);

#endif
