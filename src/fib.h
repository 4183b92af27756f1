/* Forwarding information bases. A switch's table is the spec's override
 * rules followed by the generated rules (k8snet(1), The forwarding tables). Tables are not
 * stored: fib_lookup finds the first matching rule from the model and its
 * indexes (a node's table has a rule per pod of the cluster), and
 * fib_table writes a table out only for display. */
#ifndef K8SNET_FIB_H
#define K8SNET_FIB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

struct header {
	uint32_t src, dst;
	uint16_t dport;
	enum proto proto;
};

/* The first rule of switch sw's table that matches h: its 1-based
 * position and the rule (generated rules have no text fields). False when
 * no rule matches. */
bool fib_lookup(const struct model *m, int sw, const struct header *h, int *pos, struct rule *out);

/* The whole table of sw, in order; *n gets its length. The array is the
 * caller's (free()); its rules' text fields belong to the model. */
struct rule *fib_table(const struct model *m, int sw, size_t *n);
/* The table's length, without writing it out. */
size_t fib_table_size(const struct model *m, int sw);

bool fib_rule_matches(const struct rule *r, const struct header *h);

/* The rule's name as outputs print it ("Delivery on localhost", ...). */
const char *fib_origin_name(enum origin o);
const char *fib_action_name(enum action a);
/* What the rule's action goes to: a vertex name, NAMESPACE/NAME for a
 * Service Rule (into buf), or "" for discard. */
const char *fib_rule_to(const struct model *m, const struct rule *r, char *buf, size_t len);

/* A match field as printed: "*" when absent, else the spec's text or the
 * generated address/port. buf holds at least 24 bytes. */
const char *fib_field_src(const struct rule *r, char *buf);
const char *fib_field_dst(const struct rule *r, char *buf);
const char *fib_field_dport(const struct rule *r, char *buf);
const char *fib_field_proto(const struct rule *r);

/* Some override rule of switch v may match h, whatever the source: if
 * none can, v forwards h as the model's own tables do. */
bool fib_may_match(const struct vertex *v, const struct header *h);

#endif
