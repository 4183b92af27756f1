/* The constraints of the Kubernetes network model that `k8snet check`
 * verifies (k8snet(1), check): which one a (sender, destination) pair
 * falls under, and how the pair's fates are judged against the container
 * that must get the message. The check (check.c) and its block counter
 * (census.c) both judge by these rules, and nothing else here depends on
 * either of them. */
#ifndef K8SNET_CONSTRAINT_H
#define K8SNET_CONSTRAINT_H

#include <stddef.h>

#include "forward.h"
#include "model.h"

enum constraint {
	CONSTRAINT_DISTINCT,  /* 1. distinct addresses (a parse-time error) */
	CONSTRAINT_LOCALHOST, /* 2. container to container over 127.0.0.1 */
	CONSTRAINT_POD,       /* 3. every container to every pod's ports */
	CONSTRAINT_DAEMON,    /* 4. every daemon to the pods of its node */
	CONSTRAINT_SERVICE,   /* 5. every service port has endpoints (spec 1.1) */
	CONSTRAINT_TARGET,    /* 6. a process of every endpoint listens on the target */
	CONSTRAINT_COUNT,
};

/* Which constraint the pair (sender, d) falls under; CONSTRAINT_COUNT when
 * none does (a daemon to a pod on another node, anything to a node
 * address). *expected gets the container that opened the port. */
enum constraint constraint_classify(const struct model *m, int sender, const struct dest *d, int *expected);

enum judgement { JUDGED_GOOD, JUDGED_DENIED, JUDGED_BAD };

/* The fates of a constraint pair against the container that must get it,
 * judged by judge.h (judge_promised): good, denied by a policy (intended),
 * or bad: a fault (*bad: the first bad fate, if bad is not NULL). */
enum judgement constraint_judge(const struct fate *f, size_t nf, int expected, const struct fate **bad);

#endif
