/* The audit (k8snet(1), check): the constraints of the Kubernetes
 * network model, verified on the computed reachability, then every
 * `expect` of the spec.
 *
 * The pairs come from reach (--ports open): check_add takes one row at a
 * time, so any engine that streams rows can feed it, and a check keeps only
 * counts and the first few violations of each constraint, never the pairs
 * themselves (a large cluster has ~10^11 of them). */
#ifndef K8SNET_CHECK_H
#define K8SNET_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "constraint.h"
#include "forward.h"
#include "model.h"
#include "reach.h"

/* One pair that breaks a constraint: the fate (path, reason) that shows
 * where the message died, and the container that should have got it. Or,
 * for constraint 5, a service port without endpoints, and for constraint
 * 6, a backend of a service port where nothing listens on the target (no
 * pair, no fate). */
struct check_violation {
	int sender;       /* -1 for a service port */
	struct dest d;
	int expected;     /* the container that opened the port, or -1 */
	int svc_port;     /* constraints 5, 6: its index in m->svc_ports; else -1 */
	struct fate fate; /* the first fate that is not delivered to it */
	int backend;      /* constraint 6: its index in the port's backends; else -1 */
};

/* Service port i (in m->svc_ports) fails constraint 5 (no backend) or 6
 * (a backend in the cluster where nothing listens on the target). */
bool check_service_port_fails(const struct model *m, size_t i);

/* Constraint 6's sentence for violation v: "shop/backend 80/TCP -> 9090:
 * pod backend-1 listens on 9000/TCP only". Caller frees. */
char *check_target_text(const struct model *m, const struct check_violation *v);

struct check_constraint {
	enum constraint id;
	const char *name;  /* "pod to pod", ... */
	bool active;       /* constraints 5, 6 only apply to specs with services */
	uint64_t checked;  /* pairs (1: addresses; 5: service ports; 6: their backends in the cluster) */
	uint64_t violations;
	uint64_t denied;   /* pairs a NetworkPolicy denies: intended, not violations */
	struct check_violation *listed; /* the first ones, in reach order */
	size_t nlisted;
};

/* An expect holds when every fate (one per backend of a service) has its
 * verdict and, if it names a receiver, that receiver is among theirs. */
struct check_expect {
	const struct expect *e;
	bool holds;
	struct fate *fates; /* what forward_run computed */
	size_t nfates;
	size_t shown; /* the fate to show: the first with another verdict, or 0 */
};

struct check;

/* A check of m that keeps the first keep violations of each constraint
 * (SIZE_MAX: all of them; 0: counts only). Free with check_free (which
 * accepts NULL); the check reads m, which must outlive it. */
struct check *check_new(const struct model *m, size_t keep);
void check_free(struct check *c);

/* One reach row (a reach_fn: ctx is the check): counts it against the
 * constraint it belongs to, if any. Always returns 0. */
int check_add(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf);

/* Evaluate every expect of the model (forward_run each one). */
void check_expects(struct check *c);

/* The whole audit: check_new, the constraint pairs counted by census_run
 * into the check (the same counts and listed violations as feeding every row of
 * reach_run(PORTS_OPEN) to check_add, which tests hold it to), then
 * check_expects. */
struct check *check_run(const struct model *m, size_t keep);

const struct model *check_model(const struct check *c);
/* Results: valid until check_free. */
const struct check_constraint *check_constraint(const struct check *c, enum constraint k);
size_t check_nexpects(const struct check *c);
const struct check_expect *check_expect(const struct check *c, size_t i);
/* The constraints that apply (4, or 6 with services). */
size_t check_nconstraints(const struct check *c);
/* Constraints, and expects, that fail. */
size_t check_failed_constraints(const struct check *c);
size_t check_failed_expects(const struct check *c);
/* Everything holds. */
bool check_ok(const struct check *c);

#endif
