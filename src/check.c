#include "config.h"
#include "check.h"
#include "census.h"
#include "constraint.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct check {
	const struct model *m;
	size_t keep;
	struct check_constraint k[CONSTRAINT_COUNT];
	size_t listed_cap[CONSTRAINT_COUNT];
	struct check_expect *expects;
	size_t nexpects;
};

static const char *const names[CONSTRAINT_COUNT] = {
	"distinct addresses",
	"container to container",
	"pod to pod",
	"daemon to pod",
	"service endpoints",
	"service targets",
};

/* Backend b of service port f is in the cluster, and nothing listens on
 * its port there. */
static bool
target_closed(const struct model *m, const struct svc_flat *f, size_t b)
{
	int owner = model_addr_owner(m, f->backends[b].addr);
	return owner >= 0 &&
	       model_endpoint(m, owner, f->backends[b].port, m->svcs[f->svc].ports[f->port].proto) == NULL;
}

bool
check_service_port_fails(const struct model *m, size_t i)
{
	const struct svc_flat *f = &m->svc_ports[i];
	if (f->nbackends == 0)
		return true;
	for (size_t b = 0; b < f->nbackends; b++)
		if (target_closed(m, f, b))
			return true;
	return false;
}

/* Constraint 6: a process of each backend in the cluster (a pod, or a
 * node for a hostNetwork daemon or an explicit endpoint at its address)
 * listens on the target port; a backend outside the cluster passes. */
static void
targets(struct check *c)
{
	const struct model *m = c->m;
	struct check_constraint *x = &c->k[CONSTRAINT_TARGET];
	for (size_t i = 0; i < m->nsvc_ports; i++) {
		const struct svc_flat *f = &m->svc_ports[i];
		const struct service *s = &m->svcs[f->svc];
		const struct svc_port *sp = &s->ports[f->port];
		for (size_t b = 0; b < f->nbackends; b++) {
			if (model_addr_owner(m, f->backends[b].addr) < 0)
				continue;
			x->checked++;
			if (!target_closed(m, f, b))
				continue;
			x->violations++;
			if (x->nlisted < c->keep) {
				xgrow(&x->listed, &c->listed_cap[CONSTRAINT_TARGET], x->nlisted + 1, sizeof *x->listed);
				x->listed[x->nlisted++] = (struct check_violation){
					.sender = -1,
					.d = { s->addr, sp->number, sp->proto },
					.expected = -1,
					.svc_port = (int)i,
					.fate = { .receiver = -1, .at = -1 },
					.backend = (int)b,
				};
			}
		}
	}
}

char *
check_target_text(const struct model *m, const struct check_violation *v)
{
	const struct svc_flat *f = &m->svc_ports[v->svc_port];
	const struct svc_port *sp = &m->svcs[f->svc].ports[f->port];
	const struct backend *b = &f->backends[v->backend];
	int owner = model_addr_owner(m, b->addr);
	const struct vertex *o = &m->v[owner];
	char svc[300], *s;
	size_t len;
	FILE *mem = xopen_memstream(&s, &len);
	fprintf(mem, "%s %u/%s -> ", model_service_name(m, f->svc, svc, sizeof svc), sp->number, proto_name(sp->proto));
	if (sp->target_name != NULL)
		fprintf(mem, "%s (%u)", sp->target_name, b->port);
	else
		fprintf(mem, "%u", b->port);
	fprintf(mem, ": %s %s listens on ", model_kind_name(o->kind), o->name);
	if (o->neps == 0)
		fputs("no port", mem);
	for (size_t i = 0; i < o->neps; i++)
		fprintf(mem, "%s%u/%s", i == 0 ? "" : i + 1 < o->neps ? ", " : " and ", o->eps[i].port,
			proto_name(o->eps[i].proto));
	if (o->neps > 0)
		fputs(" only", mem);
	fclose(mem);
	return s;
}

struct check *
check_new(const struct model *m, size_t keep)
{
	struct check *c = xcalloc(1, sizeof *c);
	c->m = m;
	c->keep = keep;
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		c->k[i].id = (enum constraint)i;
		c->k[i].name = names[i];
		c->k[i].active = (i != CONSTRAINT_SERVICE && i != CONSTRAINT_TARGET) || m->nsvc_ports > 0;
	}
	/* Constraint 1 is enforced by the parser: a model exists only if
	 * every node and pod address is distinct. */
	c->k[CONSTRAINT_DISTINCT].checked = m->nnodes + m->npods;
	/* A service port without backends: a property of the model, not of
	 * a pair (every sender would find it empty). */
	struct check_constraint *x = &c->k[CONSTRAINT_SERVICE];
	for (size_t i = 0; i < m->nsvc_ports; i++) {
		const struct svc_flat *f = &m->svc_ports[i];
		const struct service *s = &m->svcs[f->svc];
		x->checked++;
		if (f->nbackends > 0)
			continue;
		x->violations++;
		if (x->nlisted < keep) {
			xgrow(&x->listed, &c->listed_cap[CONSTRAINT_SERVICE], x->nlisted + 1, sizeof *x->listed);
			x->listed[x->nlisted++] = (struct check_violation){
				.sender = -1,
				.d = { s->addr, s->ports[f->port].number, s->ports[f->port].proto },
				.expected = -1,
				.svc_port = (int)i,
				.fate = { .receiver = -1, .at = -1 },
				.backend = -1,
			};
		}
	}
	targets(c);
	return c;
}

static void
free_fate_copy(struct fate *f)
{
	free(f->path);
	free(f->steps);
}

void
check_free(struct check *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < CONSTRAINT_COUNT; i++) {
		for (size_t j = 0; j < c->k[i].nlisted; j++)
			free_fate_copy(&c->k[i].listed[j].fate);
		free(c->k[i].listed);
	}
	for (size_t i = 0; i < c->nexpects; i++)
		forward_free(c->expects[i].fates, c->expects[i].nfates);
	free(c->expects);
	free(c);
}

/* A fate that outlives forward_free: its own path and steps (the steps'
 * rules still point into the model, which outlives the check). */
static struct fate
copy_fate(const struct fate *f)
{
	struct fate c = *f;
	c.path = xreallocarray(NULL, f->npath ? f->npath : 1, sizeof *c.path);
	if (f->npath > 0)
		memcpy(c.path, f->path, f->npath * sizeof *c.path);
	c.steps = xreallocarray(NULL, f->nsteps ? f->nsteps : 1, sizeof *c.steps);
	if (f->nsteps > 0)
		memcpy(c.steps, f->steps, f->nsteps * sizeof *c.steps);
	return c;
}

static void
count(struct check *c, enum constraint k, uint64_t checked, uint64_t violations, uint64_t denied)
{
	c->k[k].checked += checked;
	c->k[k].violations += violations;
	c->k[k].denied += denied;
}

static void
list(struct check *c, enum constraint k, int sender, const struct dest *d, int expected, const struct fate *bad)
{
	struct check_constraint *x = &c->k[k];
	if (x->nlisted >= c->keep)
		return;
	xgrow(&x->listed, &c->listed_cap[k], x->nlisted + 1, sizeof *x->listed);
	x->listed[x->nlisted++] = (struct check_violation){ sender, *d, expected, -1, copy_fate(bad), -1 };
}

int
check_add(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct check *c = ctx;
	int expected = -1;
	enum constraint k = constraint_classify(c->m, sender, d, &expected);
	if (k == CONSTRAINT_COUNT)
		return 0;
	const struct fate *bad = NULL;
	enum judgement j = constraint_judge(f, nf, expected, &bad);
	count(c, k, 1, j == JUDGED_BAD, j == JUDGED_DENIED);
	if (j == JUDGED_BAD)
		list(c, k, sender, d, expected, bad);
	return 0;
}

void
check_expects(struct check *c)
{
	const struct model *m = c->m;
	c->expects = xreallocarray(NULL, m->nexpects ? m->nexpects : 1, sizeof *c->expects);
	c->nexpects = m->nexpects;
	for (size_t i = 0; i < m->nexpects; i++) {
		const struct expect *e = &m->expects[i];
		struct check_expect *x = &c->expects[i];
		*x = (struct check_expect){ .e = e, .holds = true };
		x->nfates = forward_run(m, e->from, e->addr, e->port, e->proto, &x->fates);
		bool received = e->receiver < 0;
		for (size_t j = 0; j < x->nfates; j++) {
			received = received || x->fates[j].receiver == e->receiver;
			if (x->holds && x->fates[j].verdict != e->verdict) {
				x->holds = false;
				x->shown = j;
			}
		}
		x->holds = x->holds && received;
	}
}

/* census's sink: its counts and listed violations go to the check. */
static void
sink_count(void *ctx, enum constraint k, uint64_t checked, uint64_t violations, uint64_t denied)
{
	count(ctx, k, checked, violations, denied);
}

static void
sink_list(void *ctx, enum constraint k, int sender, const struct dest *d, int expected, const struct fate *bad)
{
	list(ctx, k, sender, d, expected, bad);
}

struct check *
check_run(const struct model *m, size_t keep)
{
	struct check *c = check_new(m, keep);
	census_run(m, &(struct census_sink){ c, keep, sink_count, sink_list });
	check_expects(c);
	return c;
}

const struct model *
check_model(const struct check *c)
{
	return c->m;
}

const struct check_constraint *
check_constraint(const struct check *c, enum constraint k)
{
	return &c->k[k];
}

size_t
check_nexpects(const struct check *c)
{
	return c->nexpects;
}

const struct check_expect *
check_expect(const struct check *c, size_t i)
{
	return &c->expects[i];
}

size_t
check_nconstraints(const struct check *c)
{
	size_t n = 0;
	for (int i = 0; i < CONSTRAINT_COUNT; i++)
		n += c->k[i].active;
	return n;
}

size_t
check_failed_constraints(const struct check *c)
{
	size_t n = 0;
	for (int i = 0; i < CONSTRAINT_COUNT; i++)
		n += c->k[i].violations > 0;
	return n;
}

size_t
check_failed_expects(const struct check *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nexpects; i++)
		n += !c->expects[i].holds;
	return n;
}

bool
check_ok(const struct check *c)
{
	return check_failed_constraints(c) == 0 && check_failed_expects(c) == 0;
}
