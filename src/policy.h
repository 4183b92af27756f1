/* NetworkPolicy semantics, as Kubernetes defines them (k8snet-spec(5)):
 * isolation, the always-allowed exceptions, and additive allow rules with
 * pod, namespace and ip-block peers, ports, port ranges and named ports. */
#ifndef K8SNET_POLICY_H
#define K8SNET_POLICY_H

#include <stdbool.h>

#include "fib.h"
#include "model.h"

enum { POLICY_INGRESS = 0, POLICY_EGRESS = 1 };

/* May header h enter (POLICY_INGRESS) or leave (POLICY_EGRESS) pod? */
bool policy_allows(const struct model *m, int pod, int dir, const struct header *h);

/* Does rule r of policy pol allow h for pod in direction dir (the
 * exceptions aside)? For explanations and tests. */
bool policy_rule_allows(const struct model *m, const struct policy *pol, const struct pol_rule *r, int pod, int dir,
			const struct header *h);

/* Does peer p of policy pol match address addr? */
bool policy_peer_matches(const struct model *m, const struct policy *pol, const struct peer *p, uint32_t addr);

/* Two ip-block peers with the same CIDR and the same exceptions (the
 * engines count distinct blocks). */
bool policy_same_block(const struct peer *a, const struct peer *b);

#endif
