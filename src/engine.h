/* The all-pairs engine. Messages from the pods of one node, bound for one
 * destination, all continue from that node the same way: forwarding
 * depends on the header, and on the source address only through a few
 * predicates (override rules' src, policy peers). The engine walks the
 * continuation from a node once per (node, destination, source class) and
 * splices it after each sender's first hop, falling back to the full walk
 * whenever the splice could differ from it (the continuation meets the
 * sender's own pod, a switch of the prefix with the same header, or an
 * ingress exception that depends on the exact source). Results are those
 * of forward_run, pair by pair; tests hold it to that. */
#ifndef K8SNET_ENGINE_H
#define K8SNET_ENGINE_H

#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "model.h"

struct engine;

/* An engine for m, which must outlive it. Free with engine_free (which
 * accepts NULL). */
struct engine *engine_new(const struct model *m);
void engine_free(struct engine *e);

/* forward_run's result: the same verdicts, receivers, reasons, paths and
 * deciding (last) steps; of the steps before it, a spliced fate keeps only
 * the sender's first hops (trace uses forward_run for the whole story).
 * *out is the caller's (forward_free). */
size_t engine_run(struct engine *e, int sender, uint32_t dst, uint16_t dport, enum proto proto, struct fate **out);

/* The same fates, without allocating in the common case: *out belongs to
 * the engine and lives until the next call, and a fate of the common
 * case keeps only its deciding step. */
size_t engine_fates(struct engine *e, int sender, const struct dest *d, const struct fate **out);

/* Forget the remembered continuations (memory stays bounded: reach calls
 * this when its senders move to another node). */
void engine_forget(struct engine *e);

/* The class of source address a (addresses of one class meet every
 * source predicate alike); for tests. */
int engine_source_class(struct engine *e, uint32_t a);

/* What a class is made of, for engines that project it: *n bytes, one per
 * source predicate (0 or 1), the override rules that match on src first,
 * then every policy's ingress peers in policy, rule and peer order (the
 * pointer is NULL when there are no predicates, every address then being
 * of class 0). Valid until engine_free. */
const unsigned char *engine_class_signature(const struct engine *e, int cls, size_t *n);

#endif
