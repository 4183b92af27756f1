#include "config.h"
#include "dest.h"
#include "suggest.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LISTED 8 /* candidates an error lists */

static const char forms[] = "ADDR:PORT, SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT, NAMESPACE/POD:PORT "
			    "or NAME:PORT, each with /PROTO if not TCP";

/* ---- what a name can be ---- */

/* Vertex ids or service indexes, each once, in the order found. */
struct found {
	int *ids;
	size_t n, cap;
};

static void
add(struct found *f, int id)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->ids[i] == id)
			return;
	xgrow(&f->ids, &f->cap, f->n + 1, sizeof *f->ids);
	f->ids[f->n++] = id;
}

/* A pod's name: a pod's own, or that of the hostNetwork pod a daemon
 * carries; NULL for anything else. */
static const char *
pod_name(const struct vertex *v)
{
	return v->kind == V_POD ? v->name : v->kind == V_DAEMON ? v->pod_name : NULL;
}

static const char *
ns_name(const struct model *m, int ns)
{
	return ns >= 0 ? m->ns[ns].name : NULL;
}

/* A daemon that an earlier daemon of its node stands for (one pod). */
static bool
repeats_pod(const struct model *m, int id)
{
	const struct vertex *d = &m->v[id], *node = &m->v[d->parent];
	for (size_t k = 0; k < node->nkids && node->kids[k] != id; k++) {
		const struct vertex *c = &m->v[node->kids[k]];
		if (c->pod_name != NULL && c->ns == d->ns && strcmp(c->pod_name, d->pod_name) == 0)
			return true;
	}
	return false;
}

/* Pod v is called name in namespace ns (NULL: any): by its own name, or
 * by the NAME of the NAMESPACE/NAME that import writes. */
static bool
pod_is(const struct model *m, const struct vertex *v, const char *ns, const char *name)
{
	const char *pn = pod_name(v), *vns = ns_name(m, v->ns);
	if (pn == NULL || (ns != NULL && (vns == NULL || strcmp(vns, ns) != 0)))
		return false;
	if (strcmp(pn, name) == 0)
		return true;
	size_t k = vns ? strlen(vns) : 0;
	return vns != NULL && strncmp(pn, vns, k) == 0 && pn[k] == '/' && strcmp(pn + k + 1, name) == 0;
}

/* The pods that text names: a pod's name as the spec writes it,
 * NAMESPACE/NAME, or NAME alone. A hostNetwork pod is its first daemon. */
static void
find_pods(const struct model *m, const char *text, struct found *f)
{
	const char *slash = strchr(text, '/');
	char *ns = slash ? xstrndup(text, (size_t)(slash - text)) : NULL;
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		const char *pn = pod_name(v);
		if (pn == NULL || (v->kind == V_DAEMON && repeats_pod(m, (int)id)))
			continue;
		if (strcmp(pn, text) == 0 || (slash ? pod_is(m, v, ns, slash + 1) : pod_is(m, v, NULL, text)))
			add(f, (int)id);
	}
	free(ns);
}

/* The services called name in namespace ns (NULL: any). */
static void
find_services(const struct model *m, const char *ns, const char *name, struct found *f)
{
	for (size_t i = 0; i < m->nsvcs; i++) {
		const struct service *s = &m->svcs[i];
		if (s->name != NULL && strcmp(s->name, name) == 0 &&
		    (ns == NULL || (s->ns >= 0 && strcmp(m->ns[s->ns].name, ns) == 0)))
			add(f, (int)i);
	}
}

/* A pod's address: its own, or a hostNetwork pod's node's. */
static uint32_t
pod_addr(const struct model *m, int id)
{
	const struct vertex *v = &m->v[id];
	return v->kind == V_POD ? v->addr : m->v[v->parent].addr;
}

/* "pod shop/web-1": a pod as a person calls it, into buf. */
static const char *
pod_label(const struct model *m, int id, char *buf, size_t len)
{
	const struct vertex *v = &m->v[id];
	const char *pn = pod_name(v), *ns = ns_name(m, v->ns);
	size_t k = ns ? strlen(ns) : 0;
	if (ns == NULL || (strncmp(pn, ns, k) == 0 && pn[k] == '/'))
		snprintf(buf, len, "pod %s", pn);
	else
		snprintf(buf, len, "pod %s/%s", ns, pn);
	return buf;
}

/* ---- messages ---- */

/* "; did you mean 'X'?" for the closest of the names that a person
 * could have meant by word (pods, services, and processes if procs), or
 * "". */
static char *
did_you_mean(const struct model *m, const char *word, bool procs, bool svcs)
{
	struct suggest s;
	suggest_init(&s, word);
	for (size_t id = 0; id < m->nv; id++) {
		const struct vertex *v = &m->v[id];
		if (procs && model_is_process(m, (int)id))
			suggest_consider(&s, v->name);
		const char *pn = pod_name(v), *ns = ns_name(m, v->ns);
		if (pn == NULL || (v->kind == V_DAEMON && repeats_pod(m, (int)id)))
			continue;
		/* NAMESPACE/NAME as import names pods: NAME is what people type */
		size_t k = ns ? strlen(ns) : 0;
		if (ns != NULL && strncmp(pn, ns, k) == 0 && pn[k] == '/')
			suggest_consider(&s, pn + k + 1);
		suggest_consider(&s, pn);
	}
	for (size_t i = 0; svcs && i < m->nsvcs; i++)
		if (m->svcs[i].name != NULL)
			suggest_consider(&s, m->svcs[i].name);
	const char *best = suggest_best(&s);
	return best ? xasprintf("; did you mean '%s'?", best) : xstrdup("");
}

/* ---- SOURCE ---- */

int
dest_source(const struct model *m, const char *arg, char **cause)
{
	*cause = NULL;
	int id = model_find(m, arg);
	if (id >= 0 && model_is_process(m, id))
		return id;
	if (id >= 0 && m->v[id].kind == V_NODE) {
		*cause = xasprintf("'%s' is a node: a SOURCE is a container, a daemon or a pod", arg);
		return -1;
	}
	struct found pods = { 0 };
	if (id >= 0)
		add(&pods, id);
	else
		find_pods(m, arg, &pods);
	int sender = -1;
	if (pods.n == 1) {
		const struct vertex *v = &m->v[pods.ids[0]];
		if (v->kind == V_DAEMON)
			sender = pods.ids[0];
		else if (v->nkids > 0)
			sender = v->kids[0];
		else
			*cause = xasprintf("pod '%s' has no container to send from", v->name);
	} else if (pods.n > 1) {
		char *list = NULL;
		size_t len = 0;
		FILE *f = xopen_memstream(&list, &len);
		for (size_t i = 0; i < pods.n && i < LISTED; i++)
			fprintf(f, "%s%s", i == 0 ? "" : i + 1 == pods.n ? " or " : ", ", m->v[pods.ids[i]].name);
		if (pods.n > LISTED)
			fprintf(f, " (and %zu more)", pods.n - LISTED);
		fclose(f);
		*cause = xasprintf("'%s' is more than one pod: write %s", arg, list);
		free(list);
	} else {
		char *near = did_you_mean(m, arg, true, false);
		*cause = xasprintf("'%s' is not a container, daemon or pod of the spec%s", arg, near);
		free(near);
	}
	free(pods.ids);
	return sender;
}

/* ---- DESTINATION ---- */

/* TCP, UDP or SCTP in any case. */
static bool
proto_any_case(const char *s, enum proto *out)
{
	char up[8];
	size_t n = strlen(s);
	if (n == 0 || n >= sizeof up)
		return false;
	for (size_t i = 0; i <= n; i++)
		up[i] = s[i] >= 'a' && s[i] <= 'z' ? (char)(s[i] - 'a' + 'A') : s[i];
	return proto_parse(up, out);
}

/* The forms that name each candidate unambiguously, for an error: a
 * service as SERVICE.NAMESPACE, a pod as NAMESPACE/NAME when that names
 * it alone, else by its address. */
static char *
candidates(const struct model *m, const struct found *pods, const struct found *svcs, const char *portpart)
{
	char *list = NULL;
	size_t len = 0, n = pods->n + svcs->n;
	FILE *f = xopen_memstream(&list, &len);
	for (size_t i = 0; i < n && i < LISTED; i++) {
		fputs(i == 0 ? "" : i + 1 == n ? " or " : ", ", f);
		if (i < svcs->n) {
			const struct service *s = &m->svcs[svcs->ids[i]];
			fprintf(f, "%s.%s:%s (service)", s->name, m->ns[s->ns].name, portpart);
			continue;
		}
		int id = pods->ids[i - svcs->n];
		char label[600], form[600], a[16];
		pod_label(m, id, label, sizeof label);
		snprintf(form, sizeof form, "%s", label + 4);
		struct found p2 = { 0 }, s2 = { 0 };
		const char *slash = strchr(form, '/');
		find_pods(m, form, &p2);
		if (slash != NULL) {
			char *ns = xstrndup(form, (size_t)(slash - form));
			find_services(m, ns, slash + 1, &s2);
			free(ns);
		}
		if (slash != NULL && p2.n == 1 && s2.n == 0)
			fprintf(f, "%s:%s (%s)", form, portpart, label);
		else
			fprintf(f, "%s:%s (%s)", addr_format(pod_addr(m, id), a), portpart, label);
		free(p2.ids);
		free(s2.ids);
	}
	if (n > LISTED)
		fprintf(f, " (and %zu more)", n - LISTED);
	fclose(f);
	return list;
}

/* What a vertex that is no pod is, for "write its address" hints. */
static char *
not_a_pod(const struct model *m, int id, const char *host, const char *portpart)
{
	const struct vertex *v = &m->v[id];
	const struct vertex *sw = v->kind == V_CONTAINER || v->kind == V_DAEMON ? &m->v[v->parent] : v;
	char a[16];
	return xasprintf("'%s' is a %s, not a pod or service: write the address of %s %s, %s:%s", host,
			 model_kind_name(v->kind), model_kind_name(sw->kind), sw->name, addr_format(sw->addr, a),
			 portpart);
}

/* The address that host names, or false with *cause. */
static bool
resolve_host(const struct model *m, const char *arg, const char *host, const char *portpart, uint32_t *addr,
	     char **cause)
{
	if (addr_parse(host, addr))
		return true;
	if (host[strspn(host, "0123456789.")] == '\0') {
		*cause = xasprintf("invalid address '%s' in destination '%s' (a dotted quad, no leading zeros)", host, arg);
		return false;
	}
	struct found pods = { 0 }, svcs = { 0 };
	find_pods(m, host, &pods);
	const char *slash = strchr(host, '/');
	char *ns = NULL, *name = NULL;
	if (slash != NULL) {
		/* NAMESPACE/SERVICE or NAMESPACE/POD */
		ns = xstrndup(host, (size_t)(slash - host));
		name = xstrdup(slash + 1);
		find_services(m, ns, name, &svcs);
	} else if (strchr(host, '.') != NULL) {
		/* SERVICE.NAMESPACE, as DNS has it (.svc and .svc.cluster.local too) */
		char *h = xstrdup(host);
		size_t n = strlen(h);
		static const char *const suffixes[] = { ".svc.cluster.local", ".svc" };
		for (size_t i = 0; i < 2; i++) {
			size_t k = strlen(suffixes[i]);
			if (n > k && strcmp(h + n - k, suffixes[i]) == 0) {
				h[n - k] = '\0';
				break;
			}
		}
		char *dot = strchr(h, '.');
		if (dot != NULL && strchr(dot + 1, '.') == NULL) {
			name = xstrndup(h, (size_t)(dot - h));
			ns = xstrdup(dot + 1);
			find_services(m, ns, name, &svcs);
		}
		free(h);
	} else {
		find_services(m, NULL, host, &svcs);
	}
	bool ok = false;
	char a[16];
	if (svcs.n + pods.n == 1) {
		*addr = svcs.n ? m->svcs[svcs.ids[0]].addr : pod_addr(m, pods.ids[0]);
		ok = true;
	} else if (slash != NULL && svcs.n == 1 && pods.n == 1) {
		*cause = xasprintf("'%s' names both service %s and pod %s in namespace %s: write %s.%s:%s for the service, %s:%s for the pod",
				 arg, name, name, ns, name, ns, portpart, addr_format(pod_addr(m, pods.ids[0]), a), portpart);
	} else if (svcs.n + pods.n > 1) {
		char *list = candidates(m, &pods, &svcs, portpart);
		*cause = xasprintf("'%s' is more than one pod or service: write %s", host, list);
		free(list);
	} else if (model_find(m, host) >= 0) {
		*cause = not_a_pod(m, model_find(m, host), host, portpart);
	} else if (ns != NULL && model_find_namespace(m, ns) < 0) {
		struct suggest s;
		suggest_init(&s, ns);
		for (size_t i = 0; i < m->nns; i++)
			suggest_consider(&s, m->ns[i].name);
		const char *best = suggest_best(&s);
		*cause = xasprintf("destination '%s': the spec has no namespace '%s'%s%s%s", arg, ns,
				 best ? "; did you mean '" : "", best ? best : "", best ? "'?" : "");
	} else {
		char *near = did_you_mean(m, name && slash ? name : host, false, true);
		if (slash != NULL)
			*cause = xasprintf("destination '%s': the spec has no service or pod '%s' in namespace '%s'%s", arg,
					 name, ns, near);
		else if (ns != NULL)
			*cause = xasprintf("destination '%s': the spec has no service '%s' in namespace '%s', nor a pod '%s'%s",
					 arg, name, ns, host, near);
		else
			*cause = xasprintf("destination '%s': '%s' is no pod or service of the spec (%s)%s", arg, host, forms,
					 near);
		free(near);
	}
	free(ns);
	free(name);
	free(pods.ids);
	free(svcs.ids);
	return ok;
}

bool
dest_resolve(const struct model *m, const char *arg, struct dest *d, char **cause)
{
	*cause = NULL;
	const char *colon = strrchr(arg, ':');
	if (colon == NULL || colon == arg) {
		*cause = xasprintf("invalid destination '%s' (%s)", arg, forms);
		return false;
	}
	const char *portpart = colon + 1, *slash = strchr(portpart, '/');
	char *host = xstrndup(arg, (size_t)(colon - arg));
	char *port = xstrndup(portpart, slash ? (size_t)(slash - portpart) : strlen(portpart));
	bool ok = false;
	d->proto = PROTO_TCP;
	if (!port_parse(port, &d->port))
		*cause = xasprintf("invalid port '%s' in destination '%s' (1 to 65535, no leading zeros)", port, arg);
	else if (slash != NULL && !proto_any_case(slash + 1, &d->proto))
		*cause = xasprintf("unknown protocol '%s' in destination '%s' (TCP, UDP or SCTP, in any case)", slash + 1,
				 arg);
	else
		ok = resolve_host(m, arg, host, portpart, &d->addr, cause);
	free(host);
	free(port);
	return ok;
}
