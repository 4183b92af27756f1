/* Sets of (protocol, port): for each of SCTP, TCP and UDP, the ports
 * 1-65535 as sorted, disjoint, non-adjacent ranges, so that two sets are
 * equal exactly when their ranges are. connlist (k8snet(1), THE WORKLOAD VIEW) computes
 * with them and prints them as netpol-analyzer does. */
#ifndef K8SNET_PORTSET_H
#define K8SNET_PORTSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "addr.h"

struct prange {
	uint16_t lo, hi;
};

/* A value type: zero-initialised ({0}) is the empty set. Free the ranges
 * with portset_clear (then it is empty again). */
struct portset {
	struct prange *r[PROTO_COUNT];
	size_t n[PROTO_COUNT], cap[PROTO_COUNT];
};

void portset_clear(struct portset *s);
/* Add ports lo..hi (1 <= lo <= hi) of protocol p. */
void portset_add(struct portset *s, enum proto p, uint16_t lo, uint16_t hi);
/* Every port of protocol p; of every protocol. */
void portset_add_proto(struct portset *s, enum proto p);
void portset_add_all(struct portset *s);
/* s |= t; s &= t. */
void portset_union(struct portset *s, const struct portset *t);
void portset_intersect(struct portset *s, const struct portset *t);
/* *dst becomes a copy of src (dst's old ranges are freed). */
void portset_copy(struct portset *dst, const struct portset *src);

bool portset_empty(const struct portset *s);
bool portset_full(const struct portset *s);
bool portset_proto_full(const struct portset *s, enum proto p);
bool portset_equal(const struct portset *a, const struct portset *b);
bool portset_contains(const struct portset *s, enum proto p, uint16_t port);

/* "All Connections", or "SCTP 1-65535,TCP 80,443-445,UDP 53" (protocols
 * in that order, each with its maximal ranges); "" when empty. Caller
 * frees. */
char *portset_format(const struct portset *s);

#endif
