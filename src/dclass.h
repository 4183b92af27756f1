/* Destination classes, shared by census.c (check) and sweep.c (report):
 * what NetworkPolicies can tell of a destination port. A policy sees a
 * pod only by its namespace and labels (which policies isolate it, which
 * egress peers select it), the port's number, protocol and name, and the
 * egress ip-blocks holding its address; a node only by the ip-blocks and
 * the port. Ports alike in all that, reached by the plain walk, fare alike
 * from every sender of one source class and egress set.
 *
 * Source classes (engine.h) are then the policies' ingress peers alone,
 * which is why there are no classes when some rule matches on src. */
#ifndef K8SNET_DCLASS_H
#define K8SNET_DCLASS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "model.h"

struct dclass;

/* The classes of m (which must outlive them), or NULL when there are none:
 * an override rule matches on src, or the egress ip-blocks are more than
 * 64. Free with dclass_free (accepts NULL). */
struct dclass *dclass_new(const struct model *m);
void dclass_free(struct dclass *c);

/* The egress ip-blocks that hold the address of pod or node q, as bits. */
uint64_t dclass_sig(const struct dclass *c, int q);
/* Where policy pol's ingress peers begin in a class signature. */
size_t dclass_peer_offset(const struct dclass *c, int pol);
/* A hash of what the policies see of port d of pod or node q. */
uint64_t dclass_key(const struct dclass *c, int q, const struct dest *d);
/* Pods (or nodes) a and b, port (port, proto) of each, are alike to every
 * policy. */
bool dclass_same(const struct dclass *c, int a, int b, uint16_t port, enum proto proto);

#endif
