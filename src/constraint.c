#include "config.h"
#include "constraint.h"
#include "judge.h"

enum constraint
constraint_classify(const struct model *m, int sender, const struct dest *d, int *expected)
{
	const struct vertex *s = &m->v[sender];
	enum constraint k;
	int sw;
	if (d->addr == ADDR_LOOPBACK) {
		if (s->kind != V_CONTAINER)
			return CONSTRAINT_COUNT;
		sw = s->parent;
		k = CONSTRAINT_LOCALHOST;
	} else {
		sw = model_addr_owner(m, d->addr);
		if (sw < 0 || m->v[sw].kind != V_POD)
			return CONSTRAINT_COUNT;
		if (s->kind == V_CONTAINER)
			k = CONSTRAINT_POD;
		else if (m->v[sw].parent == s->parent)
			k = CONSTRAINT_DAEMON;
		else
			return CONSTRAINT_COUNT;
	}
	/* Only opened ports are promised (a --ports all row may ask others). */
	const struct endpoint *ep = model_endpoint(m, sw, d->port, d->proto);
	if (ep == NULL)
		return CONSTRAINT_COUNT;
	*expected = ep->proc;
	return k;
}

enum judgement
constraint_judge(const struct fate *f, size_t nf, int expected, const struct fate **bad)
{
	/* Every fate must reach the container (a pod address gives one fate;
	 * only services fork). A NetworkPolicy's denial is intended. */
	bool denied = false;
	for (size_t i = 0; i < nf; i++) {
		enum judge_class c = judge_promised(&f[i], expected);
		if (c == JUDGE_DENIED)
			denied = true;
		if (!judge_is_fault(c))
			continue;
		if (bad != NULL)
			*bad = &f[i];
		return JUDGED_BAD;
	}
	return denied ? JUDGED_DENIED : JUDGED_GOOD;
}
