/* Kubernetes objects to a spec 1.2 (k8snet(1), KUBERNETES INPUT): collect what each object
 * says (copied out of the reader's tree, with its origin), then resolve
 * and synthesize nodes, pods, addresses, services and policies, then hand
 * the result to import_write.c. */
#include "config.h"
#include "import.h"
#include "import_int.h"
#include "hash.h"
#include "kube.h"
#include "suggest.h"
#include "xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- an arena for the strings and small arrays the import keeps ---- */

struct chunk {
	struct chunk *next;
	size_t used, cap;
	max_align_t data[];
};

struct arena {
	struct chunk *head;
};

static void *
aalloc(struct arena *a, size_t n)
{
	n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	if (a->head == NULL || a->head->cap - a->head->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		struct chunk *c = xmalloc(sizeof *c + cap);
		c->next = a->head;
		c->used = 0;
		c->cap = cap;
		a->head = c;
	}
	void *p = (char *)a->head->data + a->head->used;
	a->head->used += n;
	return p;
}

static const char *
astrndup(struct arena *a, const char *s, size_t n)
{
	char *p = aalloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

static const char *
astrdup(struct arena *a, const char *s)
{
	return astrndup(a, s, strlen(s));
}

static const char *
aprintf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static const char *
aprintf(struct arena *a, const char *fmt, ...)
{
	va_list ap, aq;
	va_start(ap, fmt);
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	char *p = aalloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

static void
arena_free(struct arena *a)
{
	for (struct chunk *c = a->head, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

/* ---- warnings, counted per cause ---- */

enum warn {
	W_COMPLETED,
	W_HEADLESS,
	W_EXTERNAL_NAME,
	W_NOT_MODELLED,
	W_NO_CONTAINER_NAME,
	W_NO_CONTAINER_PORT,
	W_BAD_NAME,
	W_QUOTED_NUMBER,
	W_IPV6_BLOCK,
	W_IPV6_RULE,
	W_HOST_BITS,
	W_PORT_CLASH,
	W_APISERVER,
	W_UNMATCHED_PORT,
	W_IPV6_ENDPOINT,
	W_DUP_PORT_NAME,
	W_UNKNOWN_FIELD,
	W_NO_SERVICE_PORT,
	W_POD_RENAMED,
	W_COUNT
};

static const char *const warn_text[W_COUNT] = {
	[W_COMPLETED] = "pods in phase Succeeded or Failed have no network: skipped",
	[W_HEADLESS] = "headless services (clusterIP: None) have no virtual address: skipped",
	[W_EXTERNAL_NAME] = "ExternalName services have no virtual address: skipped",
	[W_NOT_MODELLED] = ("node ports, load-balancer addresses, externalIPs and hostPorts are not modelled yet: "
			    "imported without them"),
	[W_NO_CONTAINER_NAME] = "containers without a name: named container-N",
	[W_NO_CONTAINER_PORT] = "ports entries without containerPort (or 0) open nothing",
	[W_BAD_NAME] = "names that Kubernetes would refuse: lowercased, other characters written '-'",
	[W_QUOTED_NUMBER] = "quoted numbers where Kubernetes wants a number: read as that number",
	[W_IPV6_BLOCK] = "IPv6 ipBlocks are not modelled: dropped",
	[W_IPV6_RULE] = "policy rules left with only IPv6 peers: dropped (never widened to everyone)",
	[W_HOST_BITS] = "CIDRs with host bits set: masked",
	[W_PORT_CLASH] = "ports opened twice on one node or pod: the first in input order keeps it",
	[W_APISERVER] = "endpoints at a node address that nothing opens: a NODE:kube-apiserver daemon opens them",
	[W_UNMATCHED_PORT] = "endpoint ports that name no port of their service: skipped",
	[W_IPV6_ENDPOINT] = "IPv6 endpoints are not modelled: skipped",
	[W_DUP_PORT_NAME] = "port names used twice in one pod: the later ones unnamed",
	[W_UNKNOWN_FIELD] = "unknown fields: ignored, as Kubernetes ignores them",
	[W_NO_SERVICE_PORT] = "services without ports (which Kubernetes refuses) have nothing to forward: skipped",
	[W_POD_RENAMED] = ("pod names taken by another pod of the namespace (two workloads of one name, or "
			   "names equal once lowercased): renamed with the first free suffix -2, -3, ..."),
};

struct skipped {
	const char *kind;
	size_t count;
	struct pos first;
};

/* ---- the collected objects ---- */

struct kworkload {
	struct korigin o;
	const char *kind, *ns, *name;
	long replicas;
	struct tmpl t;
	bool covered;
};

struct kpodobj {
	struct korigin o;
	const char *ns, *name;
	const char *owner; /* KIND/NAME */
	const char *owner_kind, *owner_name;
	struct tmpl t;
	bool has_ip, completed;
	uint32_t ip;
	struct pos ip_pos;
	const char *host_ip;
};

struct knodeobj {
	struct korigin o;
	const char *name;
	uint32_t addr;
	bool has_addr;
};

/* An EndpointSlice's or Endpoints' backends for the service svc. */
struct kepset {
	struct korigin o;
	const char *ns, *svc;
	bool slice;
	struct {
		uint32_t addr;
		uint16_t port;
		enum proto proto;
		const char *pname;
		struct pos pos; /* its address */
	} *e;
	size_t n, cap;
};

/* One entry of the (kind, namespace, name) index. */
struct ident {
	struct korigin o;
	int type, idx; /* which list, and where */
};

enum { T_POD, T_WORKLOAD, T_OTHER };

struct imp {
	struct arena a;
	struct diag *d;
	const struct import_opts *opts;
	const char *file; /* the current input, interned */
	const char *stdin_head; /* "-": its first bytes, already read */
	size_t stdin_headlen;
	bool stdin_sniffed;
	const void *buf; /* import_run_buffer's input, or NULL */
	size_t buflen;
	bool quiet;
	size_t warn_count[W_COUNT];
	struct pos warn_first[W_COUNT];
	const char *unknown_detail; /* the first unknown field, said in its warning */
	struct skipped *skipped;
	size_t nskipped, skipped_cap;
	/* read per kind, for the summary */
	const char **kinds;
	size_t *kind_count, nkinds, kinds_cap;
	/* the objects, in input order */
	struct kpodobj *podobjs;
	size_t npodobjs, podobjs_cap;
	struct kworkload *wls;
	size_t nwls, wls_cap;
	struct { int type, idx; } *order;
	size_t norder, order_cap;
	struct knodeobj *nodeobjs;
	size_t nnodeobjs, nodeobjs_cap;
	struct kns *nsobjs;
	size_t nnsobjs, nsobjs_cap;
	struct kservice *svcs;
	size_t nsvcs, svcs_cap;
	struct kepset *eps;
	size_t neps, eps_cap;
	struct kpolicy *pols;
	size_t npols, pols_cap;
	/* owners named by pods and workloads (KIND/NS/NAME) */
	struct hash *owners;
	const char **owner_keys;
	size_t nowners, owners_cap;
	struct hash *ids;
	struct ident *idents;
	size_t nidents, idents_cap;
	/* (kind, namespace, the name the spec writes) of services, policies,
	 * namespaces and nodes -> index into snames */
	struct hash *snames_h;
	struct { const char *name; struct korigin o; } *snames;
	size_t nsnames, snames_cap;
	size_t objects;
	/* resolved */
	struct knodev *nodes;
	size_t nnodes, nodes_cap;
	struct hash *node_names; /* name -> index in nodes */
	struct kpod *pods;
	size_t npods, pods_cap;
	size_t live, synthesized;
	struct hash *pod_names; /* "NS/NAME" of placed pods -> index in pod_name_keys */
	const char **pod_name_keys;
	size_t npod_names, pod_name_cap;
	bool subnet_full; /* said once */
	struct hash *addrs; /* address -> index into addr_owner */
	struct { uint32_t addr; const char *what; struct pos pos; bool is_service; } *addr_owner;
	size_t naddr, addr_cap;
	/* the clusterIPs the input fixes, which a synthesized pod's address
	 * skips (they are claimed after the pods) */
	struct hash *svc_fixed;
};

static void
verr(struct imp *I, const struct pos *p, const char *fmt, va_list ap)
{
	char buf[1024];
	vsnprintf(buf, sizeof buf, fmt, ap);
	if (p && p->file)
		diag_error_at(I->d, p->file, p->line, p->col, "%s", buf);
	else
		diag_error_at(I->d, I->file ? I->file : "import", 0, 0, "%s", buf);
}

static void
err_pos(struct imp *I, const struct pos *p, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
err_pos(struct imp *I, const struct pos *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	verr(I, p, fmt, ap);
	va_end(ap);
}

static struct pos
pos_of(const struct imp *I, const struct knode *n)
{
	return (struct pos){ I->file, n ? n->line : 0, n ? n->col : 0 };
}

static void
err(struct imp *I, const struct knode *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
err(struct imp *I, const struct knode *at, const char *fmt, ...)
{
	struct pos p = pos_of(I, at);
	va_list ap;
	va_start(ap, fmt);
	verr(I, &p, fmt, ap);
	va_end(ap);
}

static void
warn_pos(struct imp *I, enum warn w, struct pos p)
{
	if (I->warn_count[w]++ == 0)
		I->warn_first[w] = p;
}

static void
warn(struct imp *I, enum warn w, const struct knode *at)
{
	warn_pos(I, w, pos_of(I, at));
}

static void free_tmpl(struct tmpl *t);
static void free_policy(struct kpolicy *p);

/* ---- reading the tree ---- */

static const char *
sc(const struct knode *n)
{
	return n && n->type == KNODE_SCALAR ? n->str : NULL;
}

static const struct knode *
get(const struct knode *m, const char *key)
{
	return m && m->type == KNODE_MAP ? knode_get(m, key) : NULL;
}

/* A mapping's pairs: kids[2i] the key, kids[2i + 1] the value. */
static size_t
npairs(const struct knode *m)
{
	return m && m->type == KNODE_MAP ? m->n / 2 : 0;
}

static size_t
nitems(const struct knode *s)
{
	return s && s->type == KNODE_SEQ ? s->n : 0;
}

static bool
is_null(const struct knode *n)
{
	return n == NULL || n->type == KNODE_NULL;
}

/* A map where one is expected (absent or null: false, silently). */
static bool
want_map(struct imp *I, const struct knode *n, const char *what)
{
	if (is_null(n))
		return false;
	if (n->type != KNODE_MAP) {
		err(I, n, "%s must be a mapping", what);
		return false;
	}
	return true;
}

static bool
want_seq(struct imp *I, const struct knode *n, const char *what)
{
	if (is_null(n))
		return false;
	if (n->type != KNODE_SEQ) {
		err(I, n, "%s must be a list", what);
		return false;
	}
	return true;
}

static const char *
want_str(struct imp *I, const struct knode *n, const char *what)
{
	if (is_null(n))
		return NULL;
	if (n->type != KNODE_SCALAR) {
		err(I, n, "%s must be a string", what);
		return NULL;
	}
	return n->str;
}

static bool
all_digits(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* An integer field; a quoted number is read as that number, with a
 * warning. Returns false (with an error) if it is no number. */
static bool
want_int(struct imp *I, const struct knode *n, const char *what, long *out)
{
	const char *s = sc(n);
	if (s == NULL || !all_digits(s) || strlen(s) > 10) {
		err(I, n, "%s must be a number, not '%s'", what, s ? s : "a collection");
		return false;
	}
	if (n->quoted)
		warn(I, W_QUOTED_NUMBER, n);
	*out = strtol(s, NULL, 10);
	return true;
}

static bool
is_true(const struct knode *n)
{
	const char *s = sc(n);
	return s && strcmp(s, "true") == 0;
}

/* ---- Kubernetes names and labels ---- */

static bool
alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static bool
lower_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

static bool
dns_label_n(const char *s, size_t n)
{
	if (n == 0 || n > 63 || !lower_alnum(s[0]) || !lower_alnum(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!lower_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

static bool
dns_subdomain(const char *s, size_t n)
{
	if (n == 0 || n > 253)
		return false;
	for (size_t i = 0, start = 0; i <= n; i++)
		if (i == n || s[i] == '.') {
			if (!dns_label_n(s + start, i - start))
				return false;
			start = i + 1;
		}
	return true;
}

static bool
label_part(const char *s, size_t n)
{
	if (n == 0 || n > 63 || !alnum(s[0]) || !alnum(s[n - 1]))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!alnum(s[i]) && s[i] != '.' && s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

static bool
label_key_ok(const char *s)
{
	const char *slash = strchr(s, '/');
	if (slash == NULL)
		return label_part(s, strlen(s));
	return dns_subdomain(s, (size_t)(slash - s)) && label_part(slash + 1, strlen(slash + 1));
}

static bool
label_value_ok(const char *s)
{
	return *s == '\0' || label_part(s, strlen(s));
}

static bool
port_name_ok(const char *s)
{
	size_t n = strlen(s);
	bool letter = false;
	if (n == 0 || n > 15 || s[0] == '-' || s[n - 1] == '-' || strstr(s, "--"))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!lower_alnum(s[i]) && s[i] != '-')
			return false;
		letter |= s[i] >= 'a' && s[i] <= 'z';
	}
	return letter;
}

/* An object name as the spec can hold it: a DNS subdomain (label: a DNS
 * label) kept; anything else lowercased with every character outside
 * a-z 0-9 - . (label: a-z 0-9 -) written '-', with a warning. */
static const char *
object_name(struct imp *I, const struct knode *n, const char *s, bool label)
{
	size_t len = strlen(s);
	if (label ? dns_label_n(s, len) : dns_subdomain(s, len))
		return astrdup(&I->a, s);
	warn(I, W_BAD_NAME, n);
	char *p = aalloc(&I->a, len + 1);
	for (size_t i = 0; i <= len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		else if (c != '\0' && !lower_alnum(c) && c != '-' && (label || c != '.'))
			c = '-';
		p[i] = c;
	}
	/* alphanumeric at both ends, as Kubernetes wants */
	char *q = p;
	while (*q == '-' || *q == '.')
		q++;
	size_t end = strlen(q);
	if (end > (label ? 63u : 253u))
		end = label ? 63 : 253;
	while (end > 0 && (q[end - 1] == '-' || q[end - 1] == '.'))
		end--;
	q[end] = '\0';
	for (size_t i = 1; i + 1 < end; i++) /* each dot-separated part too */
		if (q[i] == '.' && (q[i + 1] == '.' || q[i + 1] == '-' || q[i - 1] == '-'))
			q[i] = '-';
	/* each part at most 63 characters, as the spec (and DNS) wants */
	size_t w = 0;
	for (size_t i = 0, start = 0; i <= end; i++)
		if (i == end || q[i] == '.') {
			size_t plen = i - start;
			if (plen > 63)
				plen = 63;
			while (plen > 0 && q[start + plen - 1] == '-')
				plen--;
			memmove(q + w, q + start, plen);
			w += plen;
			if (i < end)
				q[w++] = '.';
			start = i + 1;
		}
	q[w] = '\0';
	return *q ? q : "unnamed";
}

/* ---- unknown fields ----
 *
 * The keys Kubernetes knows in each map the importer interprets (API v1,
 * networking/v1, discovery/v1, apps/v1, batch/v1, up to 1.33, plus the
 * fields of older releases that dumps still carry). Any other key there is
 * a warning: Kubernetes ignores it, and it is most often a typo
 * (`contianerPort`, `podSelecter`) that silently changes what the object
 * means. Status subtrees and maps the importer does not read are not
 * checked. Each list is written in strcmp (byte) order, for bsearch: keep
 * it so, or a known key goes unfound and is warned about. */

static const char *const f_object[] = { "apiVersion", "kind", "metadata", "spec", "status", NULL };
static const char *const f_slice[] = { "addressType", "apiVersion", "endpoints", "kind", "metadata", "ports", NULL };
static const char *const f_endpoints[] = { "apiVersion", "kind", "metadata", "subsets", NULL };
static const char *const f_meta[] = {
	"annotations", "clusterName", "creationTimestamp", "deletionGracePeriodSeconds", "deletionTimestamp",
	"finalizers", "generateName", "generation", "labels", "managedFields", "name", "namespace",
	"ownerReferences", "resourceVersion", "selfLink", "uid", NULL,
};
static const char *const f_owner[] = { "apiVersion", "blockOwnerDeletion", "controller", "kind", "name", "uid", NULL };
static const char *const f_template[] = { "metadata", "spec", NULL };
/* The specs of Deployment, ReplicaSet, StatefulSet, DaemonSet, Job,
 * CronJob and ReplicationController, together. */
static const char *const f_wlspec[] = {
	"activeDeadlineSeconds", "backoffLimit", "backoffLimitPerIndex", "completionMode", "completions",
	"concurrencyPolicy", "failedJobsHistoryLimit", "jobTemplate", "managedBy", "manualSelector",
	"maxFailedIndexes", "minReadySeconds", "ordinals", "parallelism", "paused",
	"persistentVolumeClaimRetentionPolicy", "podFailurePolicy", "podManagementPolicy",
	"podReplacementPolicy", "progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "schedule",
	"selector", "serviceName", "startingDeadlineSeconds", "strategy", "successPolicy",
	"successfulJobsHistoryLimit", "suspend", "template", "timeZone", "ttlSecondsAfterFinished",
	"updateStrategy", "volumeClaimTemplates", NULL,
};
static const char *const f_podspec[] = {
	"activeDeadlineSeconds", "affinity", "automountServiceAccountToken", "containers", "dnsConfig",
	"dnsPolicy", "enableServiceLinks", "ephemeralContainers", "hostAliases", "hostIPC", "hostNetwork",
	"hostPID", "hostUsers", "hostname", "imagePullSecrets", "initContainers", "nodeName", "nodeSelector",
	"os", "overhead", "preemptionPolicy", "priority", "priorityClassName", "readinessGates",
	"resourceClaims", "resources", "restartPolicy", "runtimeClassName", "schedulerName", "schedulingGates",
	"securityContext", "serviceAccount", "serviceAccountName", "setHostnameAsFQDN",
	"shareProcessNamespace", "subdomain", "terminationGracePeriodSeconds", "tolerations",
	"topologySpreadConstraints", "volumes", NULL,
};
static const char *const f_container[] = {
	"args", "command", "env", "envFrom", "image", "imagePullPolicy", "lifecycle", "livenessProbe", "name",
	"ports", "readinessProbe", "resizePolicy", "resources", "restartPolicy", "securityContext",
	"startupProbe", "stdin", "stdinOnce", "terminationMessagePath", "terminationMessagePolicy", "tty",
	"volumeDevices", "volumeMounts", "workingDir", NULL,
};
static const char *const f_cport[] = { "containerPort", "hostIP", "hostPort", "name", "protocol", NULL };
static const char *const f_svcspec[] = {
	"allocateLoadBalancerNodePorts", "clusterIP", "clusterIPs", "externalIPs", "externalName",
	"externalTrafficPolicy", "healthCheckNodePort", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy",
	"loadBalancerClass", "loadBalancerIP", "loadBalancerSourceRanges", "ports", "publishNotReadyAddresses",
	"selector", "sessionAffinity", "sessionAffinityConfig", "trafficDistribution", "type", NULL,
};
static const char *const f_sport[] = { "appProtocol", "name", "nodePort", "port", "protocol", "targetPort", NULL };
static const char *const f_polspec[] = { "egress", "ingress", "podSelector", "policyTypes", NULL };
static const char *const f_ingress[] = { "from", "ports", NULL };
static const char *const f_egress[] = { "ports", "to", NULL };
static const char *const f_peer[] = { "ipBlock", "namespaceSelector", "podSelector", NULL };
static const char *const f_ipblock[] = { "cidr", "except", NULL };
static const char *const f_pport[] = { "endPort", "port", "protocol", NULL };
static const char *const f_selector[] = { "matchExpressions", "matchLabels", NULL };
static const char *const f_requirement[] = { "key", "operator", "values", NULL };
static const char *const f_slice_ep[] = {
	"addresses", "conditions", "deprecatedTopology", "hints", "hostname", "nodeName", "targetRef", "zone", NULL,
};
static const char *const f_slice_port[] = { "appProtocol", "name", "port", "protocol", NULL };
static const char *const f_subset[] = { "addresses", "notReadyAddresses", "ports", NULL };
static const char *const f_ep_addr[] = { "hostname", "ip", "nodeName", "targetRef", NULL };
static const char *const f_node_addr[] = { "address", "type", NULL };

static int
cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static size_t
fieldset_len(const char *const *f)
{
	size_t n = 0;
	while (f[n])
		n++;
	return n;
}

/* Warn about each key of map m that is not in known (what: "a container
 * port", for the message). Absent, null or non-map m: nothing to say (the
 * reader says it where a map is required). */
static void
check_fields(struct imp *I, const struct knode *m, const char *const *known, const char *what)
{
	if (m == NULL || m->type != KNODE_MAP)
		return;
	size_t n = 0;
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const struct knode *k = &m->kids[i];
		if (k->type != KNODE_SCALAR)
			continue;
		if (n == 0)
			n = fieldset_len(known);
		const char *key = k->str;
		if (bsearch(&key, known, n, sizeof *known, cmp_cstr))
			continue;
		if (I->warn_count[W_UNKNOWN_FIELD] == 0) {
			const char *guess = suggest(key, known);
			I->unknown_detail = guess ? aprintf(&I->a, "'%s' in %s; did you mean '%s'?", key, what, guess)
						  : aprintf(&I->a, "'%s' in %s", key, what);
		}
		warn(I, W_UNKNOWN_FIELD, k);
	}
}

static void
kvs_add(struct arena *a, struct kvs *l, const char *k, const char *v)
{
	xgrow(&l->v, &l->cap, l->n + 1, sizeof *l->v);
	l->v[l->n++] = (struct kv){ astrdup(a, k), astrdup(a, v) };
}

static const char *
kvs_get(const struct kvs *l, const char *k)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].key, k) == 0)
			return l->v[i].value;
	return NULL;
}

/* A map of labels (metadata.labels, matchLabels, a service selector). */
static void
read_labels(struct imp *I, const struct knode *m, struct kvs *out, const char *what)
{
	if (!want_map(I, m, what))
		return;
	size_t seen_from = out->n; /* this map's keys start there */
	struct hash *h = NULL;
	for (size_t i = 0; i < npairs(m); i++) {
		const struct knode *k = &m->kids[2 * i], *v = &m->kids[2 * i + 1];
		const char *ks = sc(k), *vs = is_null(v) ? "" : sc(v);
		if (ks == NULL || !label_key_ok(ks)) {
			err(I, k, "invalid label key '%s' ([PREFIX/]NAME: NAME 1 to 63 characters of A-Z a-z 0-9 . _ -, "
				  "alphanumeric at both ends; PREFIX a DNS subdomain)", ks ? ks : "");
			continue;
		}
		if (vs == NULL || !label_value_ok(vs)) {
			err(I, v, "invalid label value '%s' for key '%s' (empty, or 1 to 63 characters of A-Z a-z 0-9 . _ -, "
				  "alphanumeric at both ends)", vs ? vs : "", ks);
			continue;
		}
		/* a key given twice: YAML and the spec refuse it (a hash beyond a
		 * few keys, so that a huge map stays linear) */
		const struct knode *first = NULL;
		if (h == NULL && npairs(m) > 16) {
			h = hash_new();
			for (size_t j = seen_from; j < out->n; j++)
				hash_add(h, hash_string(out->v[j].key), (int)j);
		}
		if (h) {
			size_t it = 0;
			int hv;
			while (!first && (hv = hash_next(h, hash_string(ks), &it)) >= 0)
				if (strcmp(out->v[hv].key, ks) == 0)
					first = k;
		} else {
			for (size_t j = seen_from; j < out->n && !first; j++)
				if (strcmp(out->v[j].key, ks) == 0)
					first = k;
		}
		if (first) {
			err(I, k, "label key '%s' is given twice in %s", ks, what);
			continue;
		}
		if (h)
			hash_add(h, hash_string(ks), (int)out->n);
		kvs_add(&I->a, out, ks, vs);
	}
	hash_free(h);
}

static bool
proto_of(struct imp *I, const struct knode *n, enum proto *out)
{
	*out = PROTO_TCP;
	if (is_null(n))
		return true;
	const char *s = sc(n);
	if (s == NULL || !proto_parse(s, out) || strcmp(s, proto_name(*out)) != 0) {
		err(I, n, "invalid protocol '%s' (TCP, UDP or SCTP)", s ? s : "");
		return false;
	}
	return true;
}

/* A port: a number 1-65535 (a quoted one too, with a warning). */
static bool
port_num(struct imp *I, const struct knode *n, const char *what, uint16_t *out)
{
	long v;
	if (!want_int(I, n, what, &v))
		return false;
	if (v < 1 || v > 65535) {
		err(I, n, "invalid %s %ld (1 to 65535)", what, v);
		return false;
	}
	*out = (uint16_t)v;
	return true;
}

/* A port number or name (targetPort, a policy's port): *num set, or *name. */
static bool
port_or_name(struct imp *I, const struct knode *n, const char *what, uint16_t *num, const char **name)
{
	const char *s = sc(n);
	*num = 0;
	*name = NULL;
	if (s && all_digits(s))
		return port_num(I, n, what, num);
	if (s == NULL || !port_name_ok(s)) {
		err(I, n, "invalid %s '%s' (a number 1 to 65535 or a port name: 1 to 15 characters of a-z 0-9 -, "
			  "with a letter)", what, s ? s : "");
		return false;
	}
	if (s[0] >= '0' && s[0] <= '9') {
		/* Kubernetes accepts it, but the spec reads a leading digit as a
		 * number: refused here rather than written as a spec that fails */
		err(I, n, "%s '%s': a port name that starts with a digit is not supported yet (rename it)", what, s);
		return false;
	}
	*name = astrdup(&I->a, s);
	return true;
}

/* ---- objects ---- */

static const char *
intern_kind(struct imp *I, const char *kind)
{
	for (size_t i = 0; i < I->nkinds; i++)
		if (strcmp(I->kinds[i], kind) == 0) {
			I->kind_count[i]++;
			return I->kinds[i];
		}
	size_t cap = I->kinds_cap;
	xgrow(&I->kinds, &I->kinds_cap, I->nkinds + 1, sizeof *I->kinds);
	xgrow(&I->kind_count, &cap, I->nkinds + 1, sizeof *I->kind_count);
	I->kinds[I->nkinds] = astrdup(&I->a, kind);
	I->kind_count[I->nkinds] = 1;
	return I->kinds[I->nkinds++];
}

static uint64_t
key3(const char *a, const char *b, const char *c)
{
	uint64_t h = hash_string(a) * 31;
	h = (h ^ hash_string(b ? b : "")) * 1000003;
	return h ^ hash_string(c);
}

static struct ident *
ident_find(struct imp *I, const char *kind, const char *ns, const char *name)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(I->ids, key3(kind, ns, name), &it)) >= 0) {
		struct ident *e = &I->idents[v];
		if (strcmp(e->o.kind, kind) == 0 && strcmp(e->o.name, name) == 0 &&
		    ((e->o.ns == NULL && ns == NULL) || (e->o.ns && ns && strcmp(e->o.ns, ns) == 0)))
			return e;
	}
	return NULL;
}

/* Record (kind, ns, name); false (with an error) if the input had it. */
static bool
ident_add(struct imp *I, const struct knode *at, struct korigin *o, int type, int idx)
{
	struct ident *e = ident_find(I, o->kind, o->ns, o->name);
	if (e) {
		err(I, at, "duplicate %s %s%s%s (already at %s:%ld)", o->kind, o->ns ? o->ns : "", o->ns ? "/" : "",
		    o->name, e->o.pos.file, e->o.pos.line);
		return false;
	}
	xgrow(&I->idents, &I->idents_cap, I->nidents + 1, sizeof *I->idents);
	I->idents[I->nidents] = (struct ident){ *o, type, idx };
	hash_add(I->ids, key3(o->kind, o->ns, o->name), (int)I->nidents++);
	return true;
}

/* Record the name that the spec writes for o (name: object_name's); false
 * (with an error at at) if another object of its kind and namespace has
 * it: two names that differ in the input but not once written as
 * Kubernetes wants ('Web' and 'web'), which the spec cannot tell apart.
 * Pods (and their workloads) are renamed instead (W_POD_RENAMED). */
static bool
spec_name_add(struct imp *I, const struct knode *at, const struct korigin *o, const char *name)
{
	uint64_t key = key3(o->kind, o->ns, name);
	size_t it = 0;
	int v;
	while ((v = hash_next(I->snames_h, key, &it)) >= 0) {
		const struct korigin *e = &I->snames[v].o;
		if (strcmp(I->snames[v].name, name) != 0 || strcmp(e->kind, o->kind) != 0 ||
		    !((e->ns == NULL && o->ns == NULL) || (e->ns && o->ns && strcmp(e->ns, o->ns) == 0)))
			continue;
		err(I, at, "%s %s%s%s and %s%s%s (%s:%ld) would both be '%s' in the spec (a name that Kubernetes "
			   "refuses is lowercased, other characters written '-')",
		    o->kind, o->ns ? o->ns : "", o->ns ? "/" : "", o->name, e->ns ? e->ns : "", e->ns ? "/" : "", e->name,
		    e->pos.file, e->pos.line, name);
		return false;
	}
	xgrow(&I->snames, &I->snames_cap, I->nsnames + 1, sizeof *I->snames);
	I->snames[I->nsnames].name = name;
	I->snames[I->nsnames].o = *o;
	hash_add(I->snames_h, key, (int)I->nsnames++);
	return true;
}

static void
owner_add(struct imp *I, const char *kind, const char *ns, const char *name)
{
	const char *k = aprintf(&I->a, "%s/%s/%s", kind, ns, name);
	xgrow(&I->owner_keys, &I->owners_cap, I->nowners + 1, sizeof *I->owner_keys);
	I->owner_keys[I->nowners] = k;
	hash_add(I->owners, hash_string(k), (int)I->nowners++);
}

static bool
owner_named(struct imp *I, const char *kind, const char *ns, const char *name)
{
	char *k = xasprintf("%s/%s/%s", kind, ns, name);
	size_t it = 0;
	int v;
	bool found = false;
	while (!found && (v = hash_next(I->owners, hash_string(k), &it)) >= 0)
		found = strcmp(I->owner_keys[v], k) == 0;
	free(k);
	return found;
}

static bool
owner_kind_ok(const char *k)
{
	size_t n = strlen(k);
	if (n == 0 || n > 63 || !((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z')))
		return false;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= 'A' && *k <= 'Z') || (*k >= '0' && *k <= '9')))
			return false;
	return true;
}

static bool
owner_name_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 253)
		return false;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || (unsigned char)*s >= 0x7f || *s == '/')
			return false;
	return true;
}

/* The first ownerReference with controller: true whose kind is not Node. */
static void
read_owner(struct imp *I, const struct knode *meta, const char **kind, const char **name)
{
	*kind = *name = NULL;
	const struct knode *refs = get(meta, "ownerReferences");
	for (size_t i = 0; i < nitems(refs); i++) {
		const struct knode *r = &refs->kids[i];
		check_fields(I, r, f_owner, "an ownerReference");
		if (!is_true(get(r, "controller")))
			continue;
		const char *k = sc(get(r, "kind")), *n = sc(get(r, "name"));
		if (k && strcmp(k, "Node") == 0)
			continue;
		if (n == NULL)
			continue;
		/* The spec's workload rule (k8snet-spec(5)): a kind of letters
		 * and digits, a name without spaces or '/'. */
		if (k != NULL && !owner_kind_ok(k)) {
			err(I, get(r, "kind"), "invalid ownerReference kind '%s' (1 to 63 letters and digits, starting with a letter)", k);
			return;
		}
		if (!owner_name_ok(n)) {
			err(I, get(r, "name"), "invalid ownerReference name '%s' (1 to 253 printable characters, no space or '/')", n);
			return;
		}
		*kind = astrdup(&I->a, k ? k : "Pod");
		*name = astrdup(&I->a, n);
		return;
	}
}

static void
read_container(struct imp *I, const struct knode *c, size_t position, struct tmpl *t)
{
	xgrow(&t->ctrs, &t->cap, t->nctrs + 1, sizeof *t->ctrs);
	struct ctr *k = &t->ctrs[t->nctrs++];
	memset(k, 0, sizeof *k);
	check_fields(I, c, f_container, "a container");
	const struct knode *nm = get(c, "name");
	const char *name = want_str(I, nm, "a container's name");
	if (name == NULL) {
		warn(I, W_NO_CONTAINER_NAME, c);
		k->name = aprintf(&I->a, "container-%zu", position);
	} else {
		k->name = object_name(I, nm, name, true);
	}
	/* Kubernetes refuses a pod whose containers share a name; the spec
	 * would refuse the two processes of the same name. */
	for (size_t i = 0; i + 1 < t->nctrs; i++)
		if (strcmp(t->ctrs[i].name, k->name) == 0) {
			err(I, nm != NULL ? nm : c, "container name '%s' is used twice in the pod", k->name);
			break;
		}
	const struct knode *ports = get(c, "ports");
	if (!want_seq(I, ports, "ports"))
		return;
	for (size_t i = 0; i < nitems(ports); i++) {
		const struct knode *p = &ports->kids[i], *cp = get(p, "containerPort");
		if (!want_map(I, p, "a ports entry")) {
			if (is_null(p))
				warn(I, W_NO_CONTAINER_PORT, p);
			continue;
		}
		check_fields(I, p, f_cport, "a container port");
		long v = 0;
		if (!is_null(cp) && !want_int(I, cp, "containerPort", &v))
			continue;
		if (v < 0 || v > 65535) {
			err(I, cp, "invalid containerPort %ld (1 to 65535)", v);
			continue;
		}
		enum proto proto;
		bool ok = proto_of(I, get(p, "protocol"), &proto);
		const char *pname = want_str(I, get(p, "name"), "a port's name");
		if (pname && !port_name_ok(pname)) {
			err(I, get(p, "name"), "invalid port name '%s' (1 to 15 characters of a-z 0-9 -, with a letter, "
					       "no '-' at an end, no '--')", pname);
			ok = false;
		}
		if (!is_null(get(p, "hostPort")))
			warn(I, W_NOT_MODELLED, get(p, "hostPort"));
		if (v == 0) {
			warn(I, W_NO_CONTAINER_PORT, p);
			continue;
		}
		if (!ok)
			continue;
		xgrow(&k->ports, &k->cap, k->nports + 1, sizeof *k->ports);
		k->ports[k->nports++] = (struct cport){ (uint16_t)v, proto, pname ? astrdup(&I->a, pname) : NULL };
	}
}

/* A pod spec: its network-facing part. */
static void
read_podspec(struct imp *I, const struct knode *spec, struct tmpl *t)
{
	if (!want_map(I, spec, "spec"))
		return;
	check_fields(I, spec, f_podspec, "a pod spec");
	t->host_network = is_true(get(spec, "hostNetwork"));
	const char *nn = want_str(I, get(spec, "nodeName"), "spec.nodeName");
	if (nn && *nn)
		t->node_name = object_name(I, get(spec, "nodeName"), nn, false);
	/* An unnamed container is container-N, N its place in the pod's
	 * containers: the sidecars, then spec.containers (k8snet(1),
	 * KUBERNETES INPUT). */
	size_t position = 0;
	const struct knode *init = get(spec, "initContainers"), *ctrs = get(spec, "containers");
	if (want_seq(I, init, "initContainers"))
		for (size_t i = 0; i < nitems(init); i++) {
			const struct knode *c = &init->kids[i];
			const char *rp = sc(get(c, "restartPolicy"));
			if (rp && strcmp(rp, "Always") == 0)
				read_container(I, c, ++position, t);
			else
				check_fields(I, c, f_container, "a container"); /* read_container checks the others */
		}
	if (want_seq(I, ctrs, "containers"))
		for (size_t i = 0; i < nitems(ctrs); i++)
			read_container(I, &ctrs->kids[i], ++position, t);
}

/* A loopback address or 0.0.0.0 where a pod, node, service or endpoint
 * needs one: an error here, at the field, rather than the parser's at
 * the object (an endpoint's would be at its service). */
static bool
usable_at(struct imp *I, struct pos p, const char *what, uint32_t a)
{
	char buf[16];
	if (!addr_reserved(a))
		return true;
	err_pos(I, &p, "%s %s is reserved (loopback or 0.0.0.0)", what, addr_format(a, buf));
	return false;
}

static bool
usable(struct imp *I, const struct knode *n, const char *what, uint32_t a)
{
	return usable_at(I, pos_of(I, n), what, a);
}

static bool
read_ipv4(struct imp *I, const struct knode *n, const char *what, uint32_t *out)
{
	const char *s = sc(n);
	if (s && addr_parse(s, out))
		return usable(I, n, what, *out);
	err(I, n, "%s '%s' is not an IPv4 address", what, s ? s : "");
	return false;
}

static void
read_pod(struct imp *I, const struct knode *obj, struct korigin *o)
{
	xgrow(&I->podobjs, &I->podobjs_cap, I->npodobjs + 1, sizeof *I->podobjs);
	struct kpodobj *p = &I->podobjs[I->npodobjs];
	memset(p, 0, sizeof *p);
	p->o = *o;
	p->ns = o->ns;
	const struct knode *meta = get(obj, "metadata"), *status = get(obj, "status");
	p->name = object_name(I, get(meta, "name"), o->name, false);
	read_labels(I, get(meta, "labels"), &p->t.labels, "metadata.labels");
	read_owner(I, meta, &p->owner_kind, &p->owner_name);
	if (p->owner_kind) {
		p->owner = aprintf(&I->a, "%s/%s", p->owner_kind, p->owner_name);
		owner_add(I, p->owner_kind, p->ns, p->owner_name);
	}
	read_podspec(I, get(obj, "spec"), &p->t);
	const char *phase = sc(get(status, "phase"));
	if (phase && (strcmp(phase, "Succeeded") == 0 || strcmp(phase, "Failed") == 0)) {
		warn(I, W_COMPLETED, obj);
		p->completed = true;
	}
	const struct knode *ip = get(status, "podIP"), *ips = get(status, "podIPs");
	const char *hip = sc(get(status, "hostIP"));
	uint32_t ha;
	if (hip && *hip)
		p->host_ip = astrdup(&I->a, hip);
	if (hip && !p->completed && addr_parse(hip, &ha) && !usable(I, get(status, "hostIP"), "status.hostIP", ha))
		p->host_ip = NULL;
	if (!p->completed && sc(ip) && *sc(ip)) {
		uint32_t a;
		if (addr_parse(sc(ip), &a)) {
			p->has_ip = true;
			p->ip = a;
			p->ip_pos = pos_of(I, ip);
		} else {
			for (size_t i = 0; i < nitems(ips); i++) {
				const struct knode *e = get(&ips->kids[i], "ip");
				if (sc(e) && addr_parse(sc(e), &a)) {
					p->has_ip = true;
					p->ip = a;
					p->ip_pos = pos_of(I, e);
					break;
				}
			}
			if (!p->has_ip) {
				if (strchr(sc(ip), ':'))
					err(I, ip, "pod %s/%s has only IPv6 addresses (IPv6 is not modelled yet)", p->ns, o->name);
				else
					err(I, ip, "status.podIP '%s' is not an IPv4 address", sc(ip));
			}
		}
		if (p->has_ip && !usable_at(I, p->ip_pos, "status.podIP", p->ip))
			p->has_ip = false;
	}
	if (!ident_add(I, get(meta, "name"), &p->o, T_POD, (int)I->npodobjs)) {
		free_tmpl(&p->t);
		return;
	}
	xgrow(&I->order, &I->order_cap, I->norder + 1, sizeof *I->order);
	I->order[I->norder].type = T_POD;
	I->order[I->norder++].idx = (int)I->npodobjs;
	I->npodobjs++;
}

static void
read_workload(struct imp *I, const struct knode *obj, struct korigin *o)
{
	xgrow(&I->wls, &I->wls_cap, I->nwls + 1, sizeof *I->wls);
	struct kworkload *w = &I->wls[I->nwls];
	memset(w, 0, sizeof *w);
	w->o = *o;
	w->kind = o->kind;
	w->ns = o->ns;
	const struct knode *meta = get(obj, "metadata"), *spec = get(obj, "spec");
	w->name = object_name(I, get(meta, "name"), o->name, false);
	const char *ok, *on;
	read_owner(I, meta, &ok, &on);
	if (ok)
		owner_add(I, ok, w->ns, on);
	check_fields(I, spec, f_wlspec, "a workload spec");
	w->replicas = 1;
	const struct knode *tmpl = get(spec, "template");
	if (strcmp(w->kind, "DaemonSet") == 0) {
		w->replicas = -1;
	} else if (strcmp(w->kind, "CronJob") == 0) {
		check_fields(I, get(spec, "jobTemplate"), f_template, "a CronJob's jobTemplate");
		check_fields(I, get(get(spec, "jobTemplate"), "spec"), f_wlspec, "a workload spec");
		tmpl = get(get(get(spec, "jobTemplate"), "spec"), "template");
	} else {
		const struct knode *r = get(spec, strcmp(w->kind, "Job") == 0 ? "parallelism" : "replicas");
		if (!is_null(r) && want_int(I, r, "replicas", &w->replicas) && w->replicas < 0) {
			err(I, r, "invalid replica count %ld", w->replicas);
			w->replicas = 0;
		}
	}
	check_fields(I, tmpl, f_template, "a pod template");
	check_fields(I, get(tmpl, "metadata"), f_meta, "metadata");
	read_labels(I, get(get(tmpl, "metadata"), "labels"), &w->t.labels, "template labels");
	read_podspec(I, get(tmpl, "spec"), &w->t);
	if (!ident_add(I, get(meta, "name"), &w->o, T_WORKLOAD, (int)I->nwls)) {
		free_tmpl(&w->t);
		return;
	}
	xgrow(&I->order, &I->order_cap, I->norder + 1, sizeof *I->order);
	I->order[I->norder].type = T_WORKLOAD;
	I->order[I->norder++].idx = (int)I->nwls;
	I->nwls++;
}

static void
read_node(struct imp *I, const struct knode *obj, struct korigin *o)
{
	xgrow(&I->nodeobjs, &I->nodeobjs_cap, I->nnodeobjs + 1, sizeof *I->nodeobjs);
	struct knodeobj *n = &I->nodeobjs[I->nnodeobjs];
	memset(n, 0, sizeof *n);
	n->o = *o;
	n->name = object_name(I, get(get(obj, "metadata"), "name"), o->name, false);
	const struct knode *as = get(get(obj, "status"), "addresses");
	for (size_t i = 0; i < nitems(as); i++)
		check_fields(I, &as->kids[i], f_node_addr, "a node address");
	static const char *const order[] = { "InternalIP", "ExternalIP", "Hostname" };
	for (int k = 0; k < 3 && !n->has_addr; k++)
		for (size_t i = 0; i < nitems(as); i++) {
			const char *t = sc(get(&as->kids[i], "type")), *a = sc(get(&as->kids[i], "address"));
			if (t && a && strcmp(t, order[k]) == 0 && addr_parse(a, &n->addr)) {
				n->has_addr = usable(I, get(&as->kids[i], "address"), "node address", n->addr);
				k = 3;
				break;
			}
		}
	if (ident_add(I, get(get(obj, "metadata"), "name"), &n->o, T_OTHER, (int)I->nnodeobjs) &&
	    spec_name_add(I, get(get(obj, "metadata"), "name"), &n->o, n->name))
		I->nnodeobjs++;
}

static void
read_namespace(struct imp *I, const struct knode *obj, struct korigin *o)
{
	xgrow(&I->nsobjs, &I->nsobjs_cap, I->nnsobjs + 1, sizeof *I->nsobjs);
	struct kns *n = &I->nsobjs[I->nnsobjs];
	memset(n, 0, sizeof *n);
	n->o = *o;
	n->declared = true;
	n->name = object_name(I, get(get(obj, "metadata"), "name"), o->name, true);
	read_labels(I, get(get(obj, "metadata"), "labels"), &n->labels, "metadata.labels");
	if (ident_add(I, get(get(obj, "metadata"), "name"), &n->o, T_OTHER, (int)I->nnsobjs) &&
	    spec_name_add(I, get(get(obj, "metadata"), "name"), &n->o, n->name))
		I->nnsobjs++;
	else
		free(n->labels.v);
}

static void
read_service(struct imp *I, const struct knode *obj, struct korigin *o)
{
	const struct knode *spec = get(obj, "spec"), *meta = get(obj, "metadata");
	const char *type = sc(get(spec, "type"));
	const char *cip = sc(get(spec, "clusterIP"));
	if (!ident_add(I, get(meta, "name"), o, T_OTHER, 0))
		return;
	check_fields(I, spec, f_svcspec, "a Service spec");
	if (type && strcmp(type, "ExternalName") == 0) {
		warn(I, W_EXTERNAL_NAME, obj);
		return;
	}
	if (cip && strcmp(cip, "None") == 0) {
		warn(I, W_HEADLESS, get(spec, "clusterIP"));
		return;
	}
	xgrow(&I->svcs, &I->svcs_cap, I->nsvcs + 1, sizeof *I->svcs);
	struct kservice *s = &I->svcs[I->nsvcs];
	memset(s, 0, sizeof *s);
	s->o = *o;
	s->ns = o->ns;
	s->name = object_name(I, get(meta, "name"), o->name, true);
	if (!spec_name_add(I, get(meta, "name"), o, s->name)) {
		memset(s, 0, sizeof *s);
		return;
	}
	if (type && (strcmp(type, "NodePort") == 0 || strcmp(type, "LoadBalancer") == 0))
		warn(I, W_NOT_MODELLED, get(spec, "type"));
	if (nitems(get(spec, "externalIPs")))
		warn(I, W_NOT_MODELLED, get(spec, "externalIPs"));
	if (cip && *cip) {
		s->has_addr = read_ipv4(I, get(spec, "clusterIP"), "spec.clusterIP", &s->addr);
	}
	const struct knode *sel = get(spec, "selector");
	if (!is_null(sel)) {
		s->has_selector = npairs(sel) > 0;
		read_labels(I, sel, &s->selector, "spec.selector");
	}
	const struct knode *ports = get(spec, "ports");
	if (want_seq(I, ports, "spec.ports"))
		for (size_t i = 0; i < nitems(ports); i++) {
			const struct knode *p = &ports->kids[i];
			check_fields(I, p, f_sport, "a service port");
			struct ksport k = { 0 };
			bool ok = port_num(I, get(p, "port"), "port", &k.port);
			ok &= proto_of(I, get(p, "protocol"), &k.proto);
			const struct knode *tp = get(p, "targetPort");
			if (!is_null(tp))
				ok &= port_or_name(I, tp, "targetPort", &k.target, &k.target_name);
			else
				k.target = k.port;
			if (k.target == 0 && k.target_name == NULL)
				k.target = k.port;
			const char *n = sc(get(p, "name"));
			k.name = n && *n ? astrdup(&I->a, n) : NULL;
			if (!is_null(get(p, "nodePort")))
				warn(I, W_NOT_MODELLED, get(p, "nodePort"));
			for (size_t j = 0; ok && j < s->nports; j++)
				if (s->ports[j].port == k.port && s->ports[j].proto == k.proto) {
					err(I, get(p, "port"), "port %u/%s is given twice in spec.ports (Kubernetes refuses it)",
					    k.port, proto_name(k.proto));
					ok = false;
				}
			if (ok) {
				xgrow(&s->ports, &s->cap, s->nports + 1, sizeof *s->ports);
				s->ports[s->nports++] = k;
			}
		}
	if (s->nports == 0) {
		warn(I, W_NO_SERVICE_PORT, is_null(ports) ? obj : ports);
		free(s->ports);
		free(s->selector.v);
		return;
	}
	I->nsvcs++;
}

static void
ep_add(struct imp *I, struct kepset *e, uint32_t addr, uint16_t port, enum proto proto, const char *pname,
       struct pos pos)
{
	xgrow(&e->e, &e->cap, e->n + 1, sizeof *e->e);
	e->e[e->n].pos = pos;
	e->e[e->n].addr = addr;
	e->e[e->n].port = port;
	e->e[e->n].proto = proto;
	e->e[e->n].pname = pname ? astrdup(&I->a, pname) : "";
	e->n++;
}

/* EndpointSlice (addresses x ports) or Endpoints (subsets). */
static void
read_endpoints(struct imp *I, const struct knode *obj, struct korigin *o, bool slice)
{
	if (!ident_add(I, get(get(obj, "metadata"), "name"), o, T_OTHER, 0))
		return;
	xgrow(&I->eps, &I->eps_cap, I->neps + 1, sizeof *I->eps);
	struct kepset *e = &I->eps[I->neps];
	memset(e, 0, sizeof *e);
	e->o = *o;
	e->ns = o->ns;
	e->slice = slice;
	if (slice) {
		const struct knode *lbl = get(get(obj, "metadata"), "labels");
		const char *svc = sc(get(lbl, "kubernetes.io/service-name"));
		if (svc == NULL)
			return; /* not a service's */
		e->svc = astrdup(&I->a, svc);
		const char *at = sc(get(obj, "addressType"));
		if (at && strcmp(at, "IPv4") != 0) {
			warn(I, W_IPV6_ENDPOINT, get(obj, "addressType"));
			I->neps++;
			return;
		}
		const struct knode *eps = get(obj, "endpoints"), *ports = get(obj, "ports");
		for (size_t k = 0; k < nitems(ports); k++)
			check_fields(I, &ports->kids[k], f_slice_port, "an EndpointSlice port");
		for (size_t i = 0; i < nitems(eps); i++) {
			check_fields(I, &eps->kids[i], f_slice_ep, "an EndpointSlice endpoint");
			/* kube-proxy sends to ready endpoints only (ready unset:
			 * ready), as it leaves out an Endpoints' notReadyAddresses. */
			const char *ready = sc(get(get(&eps->kids[i], "conditions"), "ready"));
			if (ready && strcmp(ready, "false") == 0)
				continue;
			const struct knode *as = get(&eps->kids[i], "addresses");
			for (size_t j = 0; j < nitems(as); j++) {
				uint32_t a;
				if (!read_ipv4(I, &as->kids[j], "endpoint address", &a))
					continue;
				for (size_t k = 0; k < nitems(ports); k++) {
					const struct knode *p = &ports->kids[k];
					uint16_t port;
					enum proto proto;
					if (port_num(I, get(p, "port"), "port", &port) && proto_of(I, get(p, "protocol"), &proto))
						ep_add(I, e, a, port, proto, sc(get(p, "name")), pos_of(I, &as->kids[j]));
				}
			}
		}
	} else {
		e->svc = o->name;
		const struct knode *subsets = get(obj, "subsets");
		for (size_t s = 0; s < nitems(subsets); s++) {
			const struct knode *as = get(&subsets->kids[s], "addresses"), *ports = get(&subsets->kids[s], "ports");
			check_fields(I, &subsets->kids[s], f_subset, "an Endpoints subset");
			for (size_t k = 0; k < nitems(ports); k++)
				check_fields(I, &ports->kids[k], f_slice_port, "an endpoint port");
			for (size_t j = 0; j < nitems(as); j++) {
				uint32_t a;
				const struct knode *ip = get(&as->kids[j], "ip");
				check_fields(I, &as->kids[j], f_ep_addr, "an endpoint address");
				if (sc(ip) && strchr(sc(ip), ':')) {
					warn(I, W_IPV6_ENDPOINT, ip);
					continue;
				}
				if (!read_ipv4(I, ip, "endpoint address", &a))
					continue;
				for (size_t k = 0; k < nitems(ports); k++) {
					const struct knode *p = &ports->kids[k];
					uint16_t port;
					enum proto proto;
					if (port_num(I, get(p, "port"), "port", &port) && proto_of(I, get(p, "protocol"), &proto))
						ep_add(I, e, a, port, proto, sc(get(p, "name")), pos_of(I, ip));
				}
			}
		}
	}
	I->neps++;
}

static const char *const selops[] = { "In", "NotIn", "Exists", "DoesNotExist", NULL };

static void
read_selector(struct imp *I, const struct knode *n, struct ksel *s)
{
	if (!want_map(I, n, "a label selector"))
		return;
	check_fields(I, n, f_selector, "a label selector");
	read_labels(I, get(n, "matchLabels"), &s->match, "matchLabels");
	const struct knode *ex = get(n, "matchExpressions");
	if (!want_seq(I, ex, "matchExpressions"))
		return;
	for (size_t i = 0; i < nitems(ex); i++) {
		const struct knode *e = &ex->kids[i], *op = get(e, "operator"), *vals = get(e, "values");
		check_fields(I, e, f_requirement, "a selector requirement");
		const char *key = sc(get(e, "key")), *ops = sc(op);
		if (key == NULL || !label_key_ok(key)) {
			err(I, get(e, "key") ? get(e, "key") : e, "invalid label key '%s' in matchExpressions",
			    key ? key : "");
			continue;
		}
		int k = 0;
		while (selops[k] && (ops == NULL || strcmp(selops[k], ops) != 0))
			k++;
		if (selops[k] == NULL) {
			err(I, op ? op : e, "invalid selector operator '%s' (In, NotIn, Exists or DoesNotExist)",
			    ops ? ops : "");
			continue;
		}
		bool needs = k < 2;
		if (needs != (nitems(vals) > 0)) {
			err(I, vals ? vals : op, needs ? "operator %s needs values" : "operator %s takes no values", ops);
			continue;
		}
		struct kexpr x = { astrdup(&I->a, key), selops[k], NULL, nitems(vals) };
		if (x.nvalues) {
			x.values = aalloc(&I->a, x.nvalues * sizeof *x.values);
			for (size_t j = 0; j < x.nvalues; j++) {
				const char *v = sc(&vals->kids[j]);
				if (v == NULL || !label_value_ok(v)) {
					err(I, &vals->kids[j], "invalid label value '%s' in matchExpressions", v ? v : "");
					v = "";
				}
				x.values[j] = astrdup(&I->a, v);
			}
		}
		xgrow(&s->expr, &s->cap, s->nexpr + 1, sizeof *s->expr);
		s->expr[s->nexpr++] = x;
	}
}

/* A CIDR as Kubernetes accepts it: masked if host bits are set (warning);
 * NULL for IPv6 (the caller drops it) or on an error. */
static const char *
read_cidr(struct imp *I, const struct knode *n, bool *v6)
{
	const char *s = sc(n);
	*v6 = false;
	if (s && strchr(s, ':')) {
		*v6 = true;
		return NULL;
	}
	uint32_t net;
	int len;
	char suggest[24] = "";
	if (s && addr_parse_prefix(s, &net, &len, suggest) && strchr(s, '/'))
		return astrdup(&I->a, s);
	if (s && strchr(s, '/') && suggest[0] && addr_parse_prefix(suggest, &net, &len, NULL)) {
		warn(I, W_HOST_BITS, n);
		return astrdup(&I->a, suggest);
	}
	err(I, n, "invalid CIDR '%s' (ADDR/LEN, LEN 0 to 32)", s ? s : "");
	return NULL;
}

static void
read_rule(struct imp *I, const struct knode *r, int dir, struct kpolicy *p)
{
	xgrow(&p->rules[dir], &p->cap[dir], p->nrules[dir] + 1, sizeof **p->rules);
	struct krule *k = &p->rules[dir][p->nrules[dir]];
	memset(k, 0, sizeof *k);
	if (!is_null(r) && !want_map(I, r, dir ? "an egress rule" : "an ingress rule"))
		return;
	check_fields(I, r, dir ? f_egress : f_ingress, dir ? "an egress rule" : "an ingress rule");
	const struct knode *peers = get(r, dir ? "to" : "from"), *ports = get(r, "ports");
	size_t v6 = 0;
	if (want_seq(I, peers, dir ? "to" : "from"))
		for (size_t i = 0; i < nitems(peers); i++) {
			const struct knode *pe = &peers->kids[i];
			check_fields(I, pe, f_peer, "a policy peer");
			struct kpeer x = { 0 };
			const struct knode *ps = get(pe, "podSelector"), *ns = get(pe, "namespaceSelector"),
					   *ib = get(pe, "ipBlock");
			if (!is_null(ib)) {
				if (!is_null(ps) || !is_null(ns)) {
					err(I, ib, "an ipBlock peer may not have a podSelector or namespaceSelector");
					continue;
				}
				check_fields(I, ib, f_ipblock, "an ipBlock");
				bool is6;
				x.cidr = read_cidr(I, get(ib, "cidr"), &is6);
				if (is6) {
					warn(I, W_IPV6_BLOCK, ib);
					v6++;
					continue;
				}
				if (x.cidr == NULL)
					continue;
				const struct knode *ex = get(ib, "except");
				x.except = aalloc(&I->a, (nitems(ex) + 1) * sizeof *x.except);
				for (size_t j = 0; j < nitems(ex); j++) {
					const char *c = read_cidr(I, &ex->kids[j], &is6);
					uint32_t bnet, enet;
					int blen, elen;
					if (c && addr_parse_prefix(x.cidr, &bnet, &blen, NULL) &&
					    addr_parse_prefix(c, &enet, &elen, NULL) &&
					    (elen <= blen || !addr_in_prefix(enet, bnet, blen))) {
						/* Kubernetes refuses it too: a strict subset of cidr */
						err(I, &ex->kids[j], "except %s is not inside the ipBlock's cidr %s (a strict subset of it)",
						    c, x.cidr);
						c = NULL;
					}
					if (c)
						x.except[x.nexcept++] = c;
				}
			} else if (!is_null(ps) || !is_null(ns)) {
				x.has_pod = ps != NULL;
				x.has_ns = ns != NULL;
				if (x.has_pod)
					read_selector(I, ps, &x.pod);
				if (x.has_ns)
					read_selector(I, ns, &x.ns);
			} else {
				err(I, pe, "a %s peer names no podSelector, namespaceSelector or ipBlock", dir ? "to" : "from");
				continue;
			}
			xgrow(&k->peers, &k->cap, k->npeers + 1, sizeof *k->peers);
			k->peers[k->npeers++] = x;
		}
	if (v6 && k->npeers == 0) {
		warn(I, W_IPV6_RULE, r);
		free(k->peers);
		return;
	}
	if (want_seq(I, ports, "ports"))
		for (size_t i = 0; i < nitems(ports); i++) {
			const struct knode *pp = &ports->kids[i], *pn = get(pp, "port"), *ep = get(pp, "endPort");
			check_fields(I, pp, f_pport, "a policy port");
			struct kpport x = { 0 };
			bool ok = proto_of(I, get(pp, "protocol"), &x.proto);
			if (!is_null(pn)) {
				uint16_t num;
				const char *name;
				if (!port_or_name(I, pn, "port", &num, &name))
					continue;
				x.port = name ? name : aprintf(&I->a, "%u", num);
				if (!is_null(ep)) {
					if (name) {
						err(I, ep, "endPort needs a numeric port, not '%s'", name);
						continue;
					}
					if (!port_num(I, ep, "endPort", &x.end))
						continue;
					if (x.end < num) {
						err(I, ep, "endPort %u is below port %u", x.end, num);
						continue;
					}
					if (x.end == num)
						x.end = 0;
				}
			} else if (!is_null(ep)) {
				err(I, ep, "endPort needs a port");
				continue;
			}
			if (!ok)
				continue;
			xgrow(&k->ports, &k->pcap, k->nports + 1, sizeof *k->ports);
			k->ports[k->nports++] = x;
		}
	p->nrules[dir]++;
}

static void
read_policy(struct imp *I, const struct knode *obj, struct korigin *o)
{
	xgrow(&I->pols, &I->pols_cap, I->npols + 1, sizeof *I->pols);
	struct kpolicy *p = &I->pols[I->npols];
	memset(p, 0, sizeof *p);
	p->o = *o;
	p->ns = o->ns;
	const struct knode *meta = get(obj, "metadata"), *spec = get(obj, "spec");
	p->name = object_name(I, get(meta, "name"), o->name, false);
	check_fields(I, spec, f_polspec, "a NetworkPolicy spec");
	read_selector(I, get(spec, "podSelector"), &p->pod_sel);
	const struct knode *types = get(spec, "policyTypes");
	if (want_seq(I, types, "policyTypes")) {
		bool in = false, eg = false;
		for (size_t i = 0; i < nitems(types); i++) {
			const char *t = sc(&types->kids[i]);
			if (t && strcmp(t, "Ingress") == 0)
				in = true;
			else if (t && strcmp(t, "Egress") == 0)
				eg = true;
			else
				err(I, &types->kids[i], "invalid policy type '%s' (Ingress or Egress)", t ? t : "");
		}
		p->types = in && eg ? "Ingress Egress" : in ? "Ingress" : eg ? "Egress" : NULL;
	}
	for (int dir = 0; dir < 2; dir++) {
		const struct knode *rules = get(spec, dir ? "egress" : "ingress");
		if (want_seq(I, rules, dir ? "egress" : "ingress"))
			for (size_t i = 0; i < nitems(rules); i++)
				read_rule(I, &rules->kids[i], dir, p);
	}
	if (ident_add(I, get(meta, "name"), &p->o, T_OTHER, (int)I->npols) &&
	    spec_name_add(I, get(meta, "name"), &p->o, p->name))
		I->npols++;
	else
		free_policy(p);
}

enum kkind { K_NAMESPACE, K_NODE, K_POD, K_WORKLOAD, K_SERVICE, K_SLICE, K_ENDPOINTS, K_POLICY, K_OTHER };

static enum kkind
kind_of(const char *k)
{
	static const struct { const char *name; enum kkind k; } t[] = {
		{ "Namespace", K_NAMESPACE }, { "Node", K_NODE }, { "Pod", K_POD },
		{ "Deployment", K_WORKLOAD }, { "ReplicaSet", K_WORKLOAD }, { "StatefulSet", K_WORKLOAD },
		{ "DaemonSet", K_WORKLOAD }, { "Job", K_WORKLOAD }, { "CronJob", K_WORKLOAD },
		{ "ReplicationController", K_WORKLOAD }, { "Service", K_SERVICE }, { "EndpointSlice", K_SLICE },
		{ "Endpoints", K_ENDPOINTS }, { "NetworkPolicy", K_POLICY },
	};
	for (size_t i = 0; i < sizeof t / sizeof *t; i++)
		if (strcmp(t[i].name, k) == 0)
			return t[i].k;
	return K_OTHER;
}

static void
skip_kind(struct imp *I, const char *kind, const struct knode *at)
{
	for (size_t i = 0; i < I->nskipped; i++)
		if (strcmp(I->skipped[i].kind, kind) == 0) {
			I->skipped[i].count++;
			return;
		}
	xgrow(&I->skipped, &I->skipped_cap, I->nskipped + 1, sizeof *I->skipped);
	I->skipped[I->nskipped++] = (struct skipped){ astrdup(&I->a, kind), 1, pos_of(I, at) };
}

static const char *
intern_file(struct imp *I, const char *file)
{
	if (I->file && strcmp(I->file, file) == 0)
		return I->file;
	return I->file = astrdup(&I->a, file);
}

static int
on_object(void *ctx, const char *file, const struct knode *obj, const char *list_kind)
{
	struct imp *I = ctx;
	intern_file(I, file);
	if (obj == NULL || obj->type == KNODE_NULL)
		return 0;
	if (obj->type != KNODE_MAP) {
		err(I, obj, "a Kubernetes object must be a mapping");
		return 0;
	}
	const struct knode *kn = get(obj, "kind"), *meta = get(obj, "metadata");
	const char *kind = sc(kn);
	char *from_list = NULL;
	if ((kind == NULL || *kind == '\0') && list_kind && strlen(list_kind) > 4 &&
	    strcmp(list_kind + strlen(list_kind) - 4, "List") == 0)
		kind = from_list = xstrndup(list_kind, strlen(list_kind) - 4);
	if (kind == NULL || *kind == '\0') {
		err(I, obj, "an object without kind");
		return 0;
	}
	enum kkind k = kind_of(kind);
	if (k == K_OTHER) {
		skip_kind(I, kind, kn ? kn : obj);
		free(from_list);
		return 0;
	}
	const char *name = sc(get(meta, "name"));
	if (name == NULL || *name == '\0') {
		err(I, meta ? meta : obj, "a %s without metadata.name", kind);
		free(from_list);
		return 0;
	}
	check_fields(I, obj, k == K_SLICE ? f_slice : k == K_ENDPOINTS ? f_endpoints : f_object, "an object");
	check_fields(I, meta, f_meta, "metadata");
	I->objects++;
	struct korigin o = { pos_of(I, obj), intern_kind(I, kind), NULL, astrdup(&I->a, name) };
	free(from_list);
	if (kn)
		o.pos = pos_of(I, obj);
	if (k != K_NAMESPACE && k != K_NODE) {
		const struct knode *nsn = get(meta, "namespace");
		const char *ns = sc(nsn);
		o.ns = ns && *ns ? object_name(I, nsn, ns, true) : "default";
	}
	switch (k) {
	case K_NAMESPACE: read_namespace(I, obj, &o); break;
	case K_NODE: read_node(I, obj, &o); break;
	case K_POD: read_pod(I, obj, &o); break;
	case K_WORKLOAD: read_workload(I, obj, &o); break;
	case K_SERVICE: read_service(I, obj, &o); break;
	case K_SLICE: read_endpoints(I, obj, &o, true); break;
	case K_ENDPOINTS: read_endpoints(I, obj, &o, false); break;
	case K_POLICY: read_policy(I, obj, &o); break;
	case K_OTHER: break;
	}
	return 0;
}

/* ---- resolving ---- */

/* Claim an address for what; false (with an error) if it is taken. */
static bool
claim(struct imp *I, uint32_t a, const char *what, struct pos pos)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(I->addrs, a, &it)) >= 0)
		if (I->addr_owner[v].addr == a) {
			char buf[16];
			err_pos(I, &pos, "%s has the address %s of %s (%s:%ld)", what, addr_format(a, buf),
				I->addr_owner[v].what, I->addr_owner[v].pos.file ? I->addr_owner[v].pos.file : "import",
				I->addr_owner[v].pos.line);
			return false;
		}
	xgrow(&I->addr_owner, &I->addr_cap, I->naddr + 1, sizeof *I->addr_owner);
	I->addr_owner[I->naddr].addr = a;
	I->addr_owner[I->naddr].what = what;
	I->addr_owner[I->naddr].pos = pos;
	I->addr_owner[I->naddr].is_service = strncmp(what, "service ", 8) == 0; /* services_resolve's */
	hash_add(I->addrs, a, (int)I->naddr++);
	return true;
}

static bool
fixed_service(const struct imp *I, uint32_t a)
{
	size_t it = 0;
	return hash_next(I->svc_fixed, a, &it) >= 0;
}

static bool
taken(const struct imp *I, uint32_t a)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(I->addrs, a, &it)) >= 0)
		if (I->addr_owner[v].addr == a)
			return true;
	return false;
}

static int
node_find(const struct imp *I, const char *name)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(I->node_names, hash_string(name), &it)) >= 0)
		if (strcmp(I->nodes[v].name, name) == 0)
			return v;
	return -1;
}

static int
node_add(struct imp *I, const char *name)
{
	int i = node_find(I, name);
	if (i >= 0)
		return i;
	xgrow(&I->nodes, &I->nodes_cap, I->nnodes + 1, sizeof *I->nodes);
	memset(&I->nodes[I->nnodes], 0, sizeof *I->nodes);
	I->nodes[I->nnodes].name = name;
	hash_add(I->node_names, hash_string(name), (int)I->nnodes);
	return (int)I->nnodes++;
}

/* qsort, but never with a NULL base (an empty list): UBSan. */
static void
sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(base, n, size, cmp);
}

static int
cmp_node(const void *a, const void *b)
{
	return strcmp(((const struct knodev *)a)->name, ((const struct knodev *)b)->name);
}

struct cidr {
	uint32_t net;
	int len;
};

static bool
parse_cidr_opt(struct imp *I, const char *opt, const char *s, struct cidr *c)
{
	char suggest[24] = "";
	if (addr_parse_prefix(s, &c->net, &c->len, suggest) && strchr(s, '/'))
		return true;
	err_pos(I, NULL, "%s takes a CIDR (ADDR/LEN, no host bits), not '%s'", opt, s);
	return false;
}

static void
daemon_port(struct imp *I, struct kdaemon *d, struct cport p)
{
	(void)I;
	xgrow(&d->ports, &d->cap, d->nports + 1, sizeof *d->ports);
	d->ports[d->nports++] = p;
}

/* Whether a daemon of node n opens (port, proto). */
static bool
node_opens(const struct knodev *n, uint16_t port, enum proto proto)
{
	for (size_t i = 0; i < n->ndaemons; i++)
		for (size_t j = 0; j < n->daemons[i].nports; j++)
			if (n->daemons[i].ports[j].number == port && n->daemons[i].ports[j].proto == proto)
				return true;
	return false;
}

static struct kdaemon *
daemon_new(struct knodev *n, const char *name)
{
	xgrow(&n->daemons, &n->dcap, n->ndaemons + 1, sizeof *n->daemons);
	struct kdaemon *d = &n->daemons[n->ndaemons++];
	memset(d, 0, sizeof *d);
	d->name = name;
	return d;
}

static bool
nodes_resolve(struct imp *I)
{
	for (size_t i = 0; i < I->nnodeobjs; i++) {
		int k = node_add(I, I->nodeobjs[i].name);
		I->nodes[k].o = I->nodeobjs[i].o;
		I->nodes[k].has_origin = true;
		I->nodes[k].addr = I->nodeobjs[i].addr;
		I->nodes[k].has_addr = I->nodeobjs[i].has_addr;
	}
	if (I->nnodes == 0)
		for (size_t i = 0; i < I->npodobjs; i++) {
			const struct kpodobj *p = &I->podobjs[i];
			if (!p->has_ip || p->completed || p->t.node_name == NULL)
				continue;
			int k = node_add(I, p->t.node_name);
			uint32_t a;
			if (!I->nodes[k].has_addr && p->host_ip && addr_parse(p->host_ip, &a)) {
				I->nodes[k].addr = a;
				I->nodes[k].has_addr = true;
			}
		}
	if (I->nnodes == 0) {
		unsigned n = I->opts->nodes, width = 1;
		for (unsigned x = n; x >= 10; x /= 10)
			width++;
		for (unsigned i = 1; i <= n; i++)
			node_add(I, aprintf(&I->a, "node-%0*u", (int)width, i));
	}
	for (size_t i = 0; i < I->npodobjs; i++) {
		const struct kpodobj *p = &I->podobjs[i];
		if (p->completed || p->t.node_name == NULL)
			continue;
		/* a node that no Node names: a live pod's hostIP is its address */
		int k = node_add(I, p->t.node_name);
		uint32_t a;
		if (!I->nodes[k].has_addr && p->has_ip && p->host_ip && addr_parse(p->host_ip, &a)) {
			I->nodes[k].addr = a;
			I->nodes[k].has_addr = true;
		}
	}
	for (size_t i = 0; i < I->nwls; i++)
		if (I->wls[i].t.node_name)
			node_add(I, I->wls[i].t.node_name);
	sort(I->nodes, I->nnodes, sizeof *I->nodes, cmp_node);
	hash_free(I->node_names);
	I->node_names = hash_new();
	for (size_t i = 0; i < I->nnodes; i++)
		hash_add(I->node_names, hash_string(I->nodes[i].name), (int)i);
	bool ok = true;
	for (size_t i = 0; i < I->nnodes; i++)
		if (I->nodes[i].has_addr)
			ok &= claim(I, I->nodes[i].addr, aprintf(&I->a, "node %s", I->nodes[i].name), I->nodes[i].o.pos);
	struct cidr nc;
	if (!parse_cidr_opt(I, "--node-cidr", I->opts->node_cidr, &nc))
		return false;
	uint64_t host = 1, size = (uint64_t)1 << (32 - nc.len);
	for (size_t i = 0; i < I->nnodes; i++) {
		struct knodev *n = &I->nodes[i];
		if (n->has_addr)
			continue;
		while (host < size - 1 && taken(I, nc.net + (uint32_t)host))
			host++;
		if (host >= size - 1) {
			err_pos(I, NULL, "--node-cidr %s has no address left for node %s: widen --node-cidr",
				I->opts->node_cidr, n->name);
			return false;
		}
		n->addr = nc.net + (uint32_t)host++;
		n->has_addr = true;
		claim(I, n->addr, aprintf(&I->a, "node %s", n->name), n->o.pos);
	}
	/* The kubelet first: the node's own, it keeps 10250 against any
	 * hostNetwork pod. */
	if (!I->opts->no_kubelet)
		for (size_t i = 0; i < I->nnodes; i++) {
			struct kdaemon *d = daemon_new(&I->nodes[i], aprintf(&I->a, "%s:kubelet", I->nodes[i].name));
			daemon_port(I, d, (struct cport){ 10250, PROTO_TCP, NULL });
		}
	return ok;
}


/* A pod's place in the lists; its containers become daemons when it
 * shares its node's network. Ports a pod (or node) already opens, and
 * names it already has, are dropped with a warning. */
static void
pod_place(struct imp *I, struct kpod *p)
{
	struct knodev *n = &I->nodes[p->node];
	const struct tmpl *t = p->t;
	if (t->host_network) {
		for (size_t i = 0; i < t->nctrs; i++) {
			struct kpod *kp = aalloc(&I->a, sizeof *kp);
			*kp = *p;
			struct kdaemon *d = daemon_new(n, aprintf(&I->a, "%s/%s", p->name, t->ctrs[i].name));
			d->o = p->o;
			d->has_origin = true;
			d->pod = kp;
			d->ctr = i;
			for (size_t j = 0; j < t->ctrs[i].nports; j++) {
				struct cport c = t->ctrs[i].ports[j];
				if (node_opens(n, c.number, c.proto)) {
					warn_pos(I, W_PORT_CLASH, p->o.pos);
					continue;
				}
				daemon_port(I, d, c);
			}
		}
		return;
	}
	xgrow(&I->pods, &I->pods_cap, I->npods + 1, sizeof *I->pods);
	I->pods[I->npods++] = *p;
}

static struct tmpl *
dedup_ports(struct imp *I, const struct tmpl *t, struct pos pos)
{
	/* A pod's containers share one network namespace: a (port, protocol)
	 * opened twice, or a port name used twice, keeps the first. */
	bool clash = false;
	size_t total = 0;
	for (size_t i = 0; i < t->nctrs; i++)
		total += t->ctrs[i].nports;
	for (size_t i = 0; i < t->nctrs && !clash; i++)
		for (size_t j = 0; j < t->ctrs[i].nports && !clash; j++)
			for (size_t k = i; k < t->nctrs && !clash; k++)
				for (size_t l = k == i ? j + 1 : 0; l < t->ctrs[k].nports; l++) {
					const struct cport *a = &t->ctrs[i].ports[j], *b = &t->ctrs[k].ports[l];
					if ((a->number == b->number && a->proto == b->proto) ||
					    (a->name && b->name && strcmp(a->name, b->name) == 0)) {
						clash = true;
						break;
					}
				}
	if (!clash || total > 4096)
		return NULL;
	struct tmpl *c = aalloc(&I->a, sizeof *c);
	*c = *t;
	c->ctrs = aalloc(&I->a, t->nctrs * sizeof *c->ctrs);
	for (size_t i = 0; i < t->nctrs; i++) {
		c->ctrs[i] = t->ctrs[i];
		c->ctrs[i].ports = aalloc(&I->a, (t->ctrs[i].nports + 1) * sizeof *c->ctrs[i].ports);
		c->ctrs[i].nports = 0;
		for (size_t j = 0; j < t->ctrs[i].nports; j++) {
			struct cport p = t->ctrs[i].ports[j];
			bool drop = false;
			for (size_t k = 0; k <= i && !drop; k++)
				for (size_t l = 0; l < c->ctrs[k].nports; l++) {
					if (c->ctrs[k].ports[l].number == p.number && c->ctrs[k].ports[l].proto == p.proto) {
						drop = true;
						break;
					}
					if (p.name && c->ctrs[k].ports[l].name && strcmp(p.name, c->ctrs[k].ports[l].name) == 0) {
						warn_pos(I, W_DUP_PORT_NAME, pos);
						p.name = NULL;
					}
				}
			if (drop) {
				warn_pos(I, W_PORT_CLASH, pos);
				continue;
			}
			c->ctrs[i].ports[c->ctrs[i].nports++] = p;
		}
	}
	return c;
}

/* The next free address of node k's pod subnet. */
static bool
pod_addr(struct imp *I, int k, const struct cidr *pc, uint32_t *out, struct pos pos)
{
	struct knodev *n = &I->nodes[k];
	/* Only pods that need an address need the node's subnet: a live
	 * cluster of 5,000 nodes imports with the default --pod-cidr. */
	size_t subnets = pc->len > 24 ? 0 : (size_t)1 << (24 - pc->len);
	if ((size_t)k >= subnets) {
		if (!I->subnet_full)
			err_pos(I, &pos, "--pod-cidr %s holds %zu node subnets of /24, too few for node %s (node %zu in "
					 "node order): widen --pod-cidr", I->opts->pod_cidr, subnets, n->name, (size_t)k + 1);
		I->subnet_full = true;
		return false;
	}
	uint32_t base = pc->net + ((uint32_t)k << 8);
	if (n->next_host == 0)
		n->next_host = 1;
	while (n->next_host < 255 && (taken(I, base + n->next_host) || fixed_service(I, base + n->next_host)))
		n->next_host++;
	if (n->next_host >= 255) {
		if (I->subnet_full)
			return false;
		I->subnet_full = true;
		err_pos(I, &pos, "the pod subnet of node %s (a /24 of --pod-cidr %s) is full: widen --pod-cidr "
				 "(or add nodes with --nodes)", n->name, I->opts->pod_cidr);
		return false;
	}
	*out = base + n->next_host++;
	return true;
}

/* Pod names are unique in a namespace, but two workloads of one name
 * (a StatefulSet and a Deployment "db": db-1 each) or names equal once
 * lowercased would give two pods one name: the later one gets the first
 * free suffix, deterministically, with a warning (README, "Import"). */
static void
pod_name_unique(struct imp *I, struct kpod *p)
{
	if (!I->pod_names)
		I->pod_names = hash_new();
	const char *name = p->name;
	for (unsigned k = 2;; k++) {
		uint64_t h = hash_string(name);
		size_t it = 0;
		int v;
		while ((v = hash_next(I->pod_names, h, &it)) >= 0)
			if (strcmp(I->pod_name_keys[v], name) == 0)
				break;
		if (v < 0) {
			xgrow(&I->pod_name_keys, &I->pod_name_cap, I->npod_names + 1, sizeof *I->pod_name_keys);
			I->pod_name_keys[I->npod_names] = name;
			hash_add(I->pod_names, h, (int)I->npod_names++);
			if (name != p->name) {
				warn_pos(I, W_POD_RENAMED, p->o.pos);
				p->name = name;
			}
			return;
		}
		name = aprintf(&I->a, "%s-%u", p->name, k);
	}
}

static void
synthesize(struct imp *I, struct kpod *p, int node, const struct cidr *pc, size_t *rr, bool *ok)
{
	if (node < 0) {
		node = (int)(*rr % I->nnodes);
		(*rr)++;
	}
	p->node = node;
	struct tmpl *dd = dedup_ports(I, p->t, p->o.pos);
	if (dd)
		p->t = dd;
	if (!p->t->host_network) {
		if (!pod_addr(I, node, pc, &p->addr, p->o.pos)) {
			*ok = false;
			return;
		}
		claim(I, p->addr, aprintf(&I->a, "pod %s", p->name), p->o.pos);
	}
	I->synthesized++;
	pod_place(I, p);
}

static bool
pods_resolve(struct imp *I)
{
	struct cidr pc;
	if (!parse_cidr_opt(I, "--pod-cidr", I->opts->pod_cidr, &pc))
		return false;
	bool ok = true;
	/* Deployments whose ReplicaSets' pods the input holds. */
	for (size_t i = 0; i < I->npodobjs; i++) {
		const struct kpodobj *p = &I->podobjs[i];
		const char *hash = kvs_get(&p->t.labels, "pod-template-hash");
		if (p->owner_kind && strcmp(p->owner_kind, "ReplicaSet") == 0 && hash) {
			size_t n = strlen(p->owner_name), h = strlen(hash);
			if (n > h + 1 && p->owner_name[n - h - 1] == '-' && strcmp(p->owner_name + n - h, hash) == 0) {
				char *dep = xstrndup(p->owner_name, n - h - 1);
				owner_add(I, "Deployment", p->ns, dep);
				free(dep);
			}
		}
	}
	for (size_t i = 0; i < I->nwls; i++)
		I->wls[i].covered = owner_named(I, I->wls[i].kind, I->wls[i].ns, I->wls[i].name);
	for (size_t i = 0; i < I->nsvcs; i++)
		if (I->svcs[i].has_addr)
			hash_add(I->svc_fixed, I->svcs[i].addr, 1);
	/* Live pods first: their addresses are taken before any is allocated. */
	for (size_t i = 0; i < I->npodobjs; i++) {
		struct kpodobj *p = &I->podobjs[i];
		if (!p->has_ip || p->completed || p->t.host_network)
			continue;
		ok &= claim(I, p->ip, aprintf(&I->a, "pod %s/%s", p->ns, p->name), p->ip_pos);
	}
	/* Pod objects name themselves: their names are taken before any
	 * workload's synthesized pod is named. */
	const char **pname = xcalloc(I->npodobjs ? I->npodobjs : 1, sizeof *pname);
	for (size_t i = 0; i < I->norder; i++) {
		if (I->order[i].type != T_POD)
			continue;
		struct kpodobj *p = &I->podobjs[I->order[i].idx];
		if (p->completed)
			continue;
		struct kpod k = { .o = p->o, .name = aprintf(&I->a, "%s/%s", p->ns, p->name) };
		pod_name_unique(I, &k);
		pname[I->order[i].idx] = k.name;
	}
	size_t rr = 0;
	for (size_t i = 0; i < I->norder; i++) {
		if (I->order[i].type == T_POD) {
			struct kpodobj *p = &I->podobjs[I->order[i].idx];
			if (p->completed)
				continue;
			struct kpod k = { p->o, p->ns, pname[I->order[i].idx],
					  p->owner ? p->owner : aprintf(&I->a, "Pod/%s", p->name), &p->t, -1, 0, false };
			int node = p->t.node_name ? node_find(I, p->t.node_name) : -1;
			if (p->has_ip) {
				k.node = node >= 0 ? node : (int)(rr++ % I->nnodes);
				k.addr = p->ip;
				k.live = true;
				struct tmpl *dd = dedup_ports(I, k.t, k.o.pos);
				if (dd)
					k.t = dd;
				I->live++;
				pod_place(I, &k);
				continue;
			}
			synthesize(I, &k, node, &pc, &rr, &ok);
			continue;
		}
		struct kworkload *w = &I->wls[I->order[i].idx];
		if (w->covered)
			continue;
		const char *wl = aprintf(&I->a, "%s/%s", w->kind, w->name);
		int fixed = w->t.node_name ? node_find(I, w->t.node_name) : -1;
		bool ds = w->replicas < 0, sts = strcmp(w->kind, "StatefulSet") == 0;
		size_t n = ds ? I->nnodes : (size_t)w->replicas;
		if (n > I->opts->max_pods || I->synthesized + n > I->opts->max_pods) {
			err_pos(I, &w->o.pos, "%s %s/%s would bring the pods to synthesize above %zu (Kubernetes' limit "
					      "is 150,000 pods in a cluster): lower its replicas",
				w->kind, w->ns, w->o.name, I->opts->max_pods);
			ok = false;
			break;
		}
		for (size_t r = 0; r < n; r++) {
			const char *name = ds ? aprintf(&I->a, "%s/%s-%s", w->ns, w->name, I->nodes[r].name)
				       : aprintf(&I->a, "%s/%s-%zu", w->ns, w->name, sts ? r : r + 1);
			struct kpod k = { w->o, w->ns, name, wl, &w->t, -1, 0, false };
			pod_name_unique(I, &k);
			synthesize(I, &k, ds ? (int)r : fixed, &pc, &rr, &ok);
			if (I->subnet_full)
				break; /* said once; the rest would fail the same way */
		}
	}
	free(pname);
	return ok;
}

static int
cmp_ns_name(const char *ans, const char *an, const char *bns, const char *bn)
{
	int c = strcmp(ans, bns);
	return c ? c : strcmp(an, bn);
}

static int
cmp_svc(const void *a, const void *b)
{
	const struct kservice *x = *(const struct kservice *const *)a, *y = *(const struct kservice *const *)b;
	return cmp_ns_name(x->ns, x->name, y->ns, y->name);
}

static int
cmp_pol(const void *a, const void *b)
{
	const struct kpolicy *x = *(const struct kpolicy *const *)a, *y = *(const struct kpolicy *const *)b;
	return cmp_ns_name(x->ns, x->name, y->ns, y->name);
}

static const struct kpod *sort_pods;

static int
cmp_pod_idx(const void *a, const void *b)
{
	const struct kpod *x = &sort_pods[*(const size_t *)a], *y = &sort_pods[*(const size_t *)b];
	return cmp_ns_name(x->ns, x->name, y->ns, y->name);
}

static int
cmp_daemon(const void *a, const void *b)
{
	const struct kdaemon *x = a, *y = b;
	/* the kubelet, the kube-apiserver, then by (namespace, pod,
	 * container position) */
	int xr = x->pod ? 2 : strstr(x->name, ":kubelet") ? 0 : 1, yr = y->pod ? 2 : strstr(y->name, ":kubelet") ? 0 : 1;
	if (xr != yr)
		return xr - yr;
	if (x->pod && y->pod) {
		int c = cmp_ns_name(x->pod->ns, x->pod->name, y->pod->ns, y->pod->name);
		if (c)
			return c;
	}
	return x->ctr < y->ctr ? -1 : x->ctr > y->ctr;
}

static int
node_of_addr(const struct imp *I, uint32_t a)
{
	for (size_t i = 0; i < I->nnodes; i++)
		if (I->nodes[i].addr == a)
			return (int)i;
	return -1;
}

/* The service that holds address a (its index in addr_owner), or -1. */
static int
service_at(const struct imp *I, uint32_t a)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(I->addrs, a, &it)) >= 0)
		if (I->addr_owner[v].addr == a)
			return I->addr_owner[v].is_service ? v : -1;
	return -1;
}

static bool
services_resolve(struct imp *I, struct kservice **sorted)
{
	bool ok = true;
	for (size_t i = 0; i < I->nsvcs; i++) {
		sorted[i] = &I->svcs[i];
		if (I->svcs[i].has_addr)
			ok &= claim(I, I->svcs[i].addr,
				    aprintf(&I->a, "service %s/%s", I->svcs[i].ns, I->svcs[i].name), I->svcs[i].o.pos);
	}
	sort(sorted, I->nsvcs, sizeof *sorted, cmp_svc);
	struct cidr sc_;
	if (!parse_cidr_opt(I, "--service-cidr", I->opts->service_cidr, &sc_))
		return false;
	uint64_t host = 10, size = (uint64_t)1 << (32 - sc_.len);
	for (size_t i = 0; i < I->nsvcs; i++) {
		struct kservice *s = sorted[i];
		if (s->has_addr)
			continue;
		while (host < size - 1 && taken(I, sc_.net + (uint32_t)host))
			host++;
		if (host >= size - 1) {
			err_pos(I, &s->o.pos, "--service-cidr %s has no address left for service %s/%s: widen --service-cidr",
				I->opts->service_cidr, s->ns, s->name);
			return false;
		}
		s->addr = sc_.net + (uint32_t)host++;
		s->has_addr = true;
		claim(I, s->addr, aprintf(&I->a, "service %s/%s", s->ns, s->name), s->o.pos);
	}
	/* Selector-less services: their EndpointSlices, else their Endpoints. */
	for (size_t i = 0; i < I->nsvcs; i++) {
		struct kservice *s = &I->svcs[i];
		if (s->has_selector)
			continue;
		bool any_slice = false;
		for (size_t j = 0; j < I->neps; j++)
			any_slice |= I->eps[j].slice && I->eps[j].svc && strcmp(I->eps[j].ns, s->ns) == 0 &&
				     strcmp(I->eps[j].svc, s->o.name) == 0;
		for (size_t j = 0; j < I->neps; j++) {
			struct kepset *e = &I->eps[j];
			if (e->slice != any_slice || e->svc == NULL || strcmp(e->ns, s->ns) != 0 ||
			    strcmp(e->svc, s->o.name) != 0)
				continue;
			for (size_t k = 0; k < e->n; k++) {
				const struct ksport *sp = NULL;
				for (size_t l = 0; l < s->nports && !sp; l++)
					if (strcmp(s->ports[l].name ? s->ports[l].name : "", e->e[k].pname) == 0 &&
					    s->ports[l].proto == e->e[k].proto)
						sp = &s->ports[l];
				if (sp == NULL) {
					warn_pos(I, W_UNMATCHED_PORT, e->o.pos);
					continue;
				}
				struct kendpoint x = { e->e[k].addr, e->e[k].port, e->e[k].proto, sp->port };
				int owner = service_at(I, x.addr);
				if (owner >= 0) {
					/* rewritten again: the spec refuses it */
					char buf[16];
					err_pos(I, &e->e[k].pos,
						"endpoint address %s is the address of %s (%s:%ld): an endpoint is a pod, a "
						"node or an address outside the cluster",
						addr_format(x.addr, buf), I->addr_owner[owner].what,
						I->addr_owner[owner].pos.file, I->addr_owner[owner].pos.line);
					ok = false;
					continue;
				}
				bool dup = false;
				for (size_t l = 0; l < s->neps && !dup; l++)
					dup = memcmp(&s->eps[l], &x, sizeof x) == 0;
				if (dup)
					continue;
				xgrow(&s->eps, &s->ecap, s->neps + 1, sizeof *s->eps);
				s->eps[s->neps++] = x;
				int nd = node_of_addr(I, x.addr);
				if (nd >= 0 && !node_opens(&I->nodes[nd], x.port, x.proto)) {
					struct knodev *n = &I->nodes[nd];
					struct kdaemon *d = NULL;
					const char *name = aprintf(&I->a, "%s:kube-apiserver", n->name);
					for (size_t l = 0; l < n->ndaemons && !d; l++)
						if (strcmp(n->daemons[l].name, name) == 0)
							d = &n->daemons[l];
					if (d == NULL) {
						d = daemon_new(n, name);
						d->o = e->o;
						d->has_origin = true;
					}
					daemon_port(I, d, (struct cport){ x.port, x.proto, NULL });
					warn_pos(I, W_APISERVER, e->o.pos);
				}
			}
		}
	}
	return ok;
}

static int
cmp_ns(const void *a, const void *b)
{
	return strcmp(((const struct kns *)a)->name, ((const struct kns *)b)->name);
}

static void
ns_use(struct hash *h, struct kns **list, size_t *n, size_t *cap, const char *name)
{
	size_t it = 0;
	int v;
	while ((v = hash_next(h, hash_string(name), &it)) >= 0)
		if (strcmp((*list)[v].name, name) == 0)
			return;
	xgrow(list, cap, *n + 1, sizeof **list);
	struct kns *k = &(*list)[*n];
	memset(k, 0, sizeof *k);
	k->name = name;
	hash_add(h, hash_string(name), (int)(*n)++);
}

/* ---- running ---- */

void
import_opts_default(struct import_opts *o)
{
	*o = (struct import_opts){ 3, "192.168.0.0/16", "10.244.0.0/16", "10.96.0.0/12", NULL, false, false,
				   IMPORT_DEFAULT_MAX_INPUT, IMPORT_DEFAULT_MAX_PODS };
}

/* The bytes of the character at s (left bytes remain) that a cluster
 * name may hold (UTF-8, no control character), 0 if none. */
static size_t
name_char(const char *s, size_t left)
{
	char tmp[5] = { 0 };
	memcpy(tmp, s, left < 4 ? left : 4);
	const unsigned char *t = (const unsigned char *)tmp;
	size_t u = import_utf8_len(tmp);
	if (u == 1 && (t[0] < 0x20 || t[0] == 0x7f))
		return 0;
	if (u == 2 && t[0] == 0xc2 && t[1] <= 0x9f)
		return 0;
	return u;
}

/* A file's name as a cluster name the spec takes: at most 253 bytes of
 * UTF-8 without control characters, each other byte written '?'. */
static const char *
cluster_name(struct arena *a, const char *s, size_t len)
{
	char *out = aalloc(a, len + 1), *w = out;
	for (size_t i = 0; i < len;) {
		size_t u = name_char(s + i, len - i);
		if ((size_t)(w - out) + (u ? u : 1) > 253)
			break;
		if (u)
			memcpy(w, s + i, u);
		else
			*w = '?';
		w += u ? u : 1;
		i += u ? u : 1;
	}
	*w = '\0';
	return out;
}

bool
import_cluster_name_ok(const char *s)
{
	size_t len = strlen(s), i = 0;
	for (size_t u; i < len && (u = name_char(s + i, len - i)) > 0;)
		i += u;
	return len > 0 && len <= 253 && i == len;
}

static const char *
base_name(struct arena *a, const char *path)
{
	if (strcmp(path, "-") == 0)
		return "stdin";
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	const char *s = path + n;
	while (s > path && s[-1] != '/')
		s--;
	size_t len = (size_t)(path + n - s);
	/* "." or "..": the folder's own name, not a dot. */
	if ((len == 1 && s[0] == '.') || (len == 2 && s[0] == '.' && s[1] == '.')) {
		char *real = realpath(path, NULL);
		if (real != NULL) {
			const char *b = strrchr(real, '/');
			b = b != NULL && b[1] != '\0' ? b + 1 : real;
			const char *name = cluster_name(a, b, strlen(b));
			free(real);
			return name;
		}
	}
	static const char *const exts[] = { ".yaml", ".yml", ".json" };
	for (int i = 0; i < 3; i++) {
		size_t el = strlen(exts[i]);
		if (len > el && strncmp(s + len - el, exts[i], el) == 0) {
			len -= el;
			break;
		}
	}
	return cluster_name(a, s, len);
}

static void
free_tmpl(struct tmpl *t)
{
	free(t->labels.v);
	for (size_t i = 0; i < t->nctrs; i++)
		free(t->ctrs[i].ports);
	free(t->ctrs);
}

static void
free_sel(struct ksel *s)
{
	free(s->match.v);
	free(s->expr);
}

static void
free_policy(struct kpolicy *p)
{
	free_sel(&p->pod_sel);
	for (int d = 0; d < 2; d++) {
		for (size_t j = 0; j < p->nrules[d]; j++) {
			for (size_t k = 0; k < p->rules[d][j].npeers; k++) {
				free_sel(&p->rules[d][j].peers[k].pod);
				free_sel(&p->rules[d][j].peers[k].ns);
			}
			free(p->rules[d][j].peers);
			free(p->rules[d][j].ports);
		}
		free(p->rules[d]);
	}
}

static void
imp_free(struct imp *I)
{
	for (size_t i = 0; i < I->npodobjs; i++)
		free_tmpl(&I->podobjs[i].t);
	for (size_t i = 0; i < I->nwls; i++)
		free_tmpl(&I->wls[i].t);
	for (size_t i = 0; i < I->nnsobjs; i++)
		free(I->nsobjs[i].labels.v);
	for (size_t i = 0; i < I->nsvcs; i++) {
		free(I->svcs[i].selector.v);
		free(I->svcs[i].ports);
		free(I->svcs[i].eps);
	}
	for (size_t i = 0; i < I->neps; i++)
		free(I->eps[i].e);
	for (size_t i = 0; i < I->npols; i++)
		free_policy(&I->pols[i]);
	for (size_t i = 0; i < I->nnodes; i++) {
		for (size_t j = 0; j < I->nodes[i].ndaemons; j++)
			free(I->nodes[i].daemons[j].ports);
		free(I->nodes[i].daemons);
		free(I->nodes[i].pods);
	}
	free(I->podobjs);
	free(I->wls);
	free(I->order);
	free(I->nodeobjs);
	free(I->nsobjs);
	free(I->svcs);
	free(I->eps);
	free(I->pols);
	free(I->owner_keys);
	free(I->idents);
	free(I->nodes);
	free(I->pods);
	free(I->addr_owner);
	free(I->skipped);
	free(I->kinds);
	free(I->kind_count);
	hash_free(I->owners);
	hash_free(I->ids);
	hash_free(I->snames_h);
	free(I->snames);
	hash_free(I->addrs);
	hash_free(I->svc_fixed);
	hash_free(I->node_names);
	hash_free(I->pod_names);
	free(I->pod_name_keys);
	arena_free(&I->a);
}

static void
summary(struct imp *I, FILE *f)
{
	fprintf(f, "import: %zu object%s read", I->objects, I->objects == 1 ? "" : "s");
	for (size_t i = 0; i < I->nkinds; i++)
		fprintf(f, "%s%zu %s", i ? ", " : " (", I->kind_count[i], I->kinds[i]);
	fprintf(f, "%s; pods: %zu live, %zu synthesized; %zu node%s\n", I->nkinds ? ")" : "", I->live,
		I->synthesized, I->nnodes, I->nnodes == 1 ? "" : "s");
}

static void
report_warnings(struct imp *I)
{
	if (I->opts->quiet)
		return;
	for (size_t i = 0; i < I->nskipped; i++) {
		const struct skipped *s = &I->skipped[i];
		diag_warning_at(I->d, s->first.file, s->first.line, s->first.col,
				"kind %s is not modelled: %zu object%s skipped", s->kind, s->count, s->count == 1 ? "" : "s");
	}
	for (int w = 0; w < W_COUNT; w++)
		if (I->warn_count[w])
			diag_warning_at(I->d, I->warn_first[w].file, I->warn_first[w].line, I->warn_first[w].col,
					"%s (%zu in all, the first here%s%s)", warn_text[w], I->warn_count[w],
					w == W_UNKNOWN_FIELD ? ": " : "", w == W_UNKNOWN_FIELD ? I->unknown_detail : "");
}

struct import_result {
	char *xml;
	size_t len;
	struct xml_origin *map;
	size_t nmap;
};

static enum import_status
run(struct imp *I, char *const *inputs, size_t ninputs, struct import_result *res)
{
	struct kube_limits lim = { I->opts->max_input, 0, 0 };
	int rc = KUBE_OK; /* the worst of the inputs' (on_object never stops) */
	for (size_t i = 0; i < ninputs; i++) {
		int r = I->buf ? kube_read_buffer(inputs[i], I->buf, I->buflen, &lim, I->d, on_object, I)
			: I->stdin_sniffed && strcmp(inputs[i], "-") == 0
				? kube_read_stream("<stdin>", stdin, I->stdin_head, I->stdin_headlen, &lim, I->d, on_object, I)
				: kube_read(inputs[i], &lim, I->d, on_object, I);
		if (r > rc)
			rc = r;
	}
	if (rc == KUBE_IO_ERROR)
		return IMPORT_IO_ERROR;
	/* Bad objects were left out: resolve the rest anyway, so that one run
	 * reports every problem (duplicate addresses too). */
	if (I->objects == 0 && (diag_errors(I->d) || rc != KUBE_OK))
		return IMPORT_INVALID;
	if (I->objects == 0) {
		diag_error_at(I->d, ninputs ? spec_display_name(inputs[0]) : "import", 0, 0,
			      "no Kubernetes object that import reads (Namespace, Node, Pod, workloads, Service, "
			      "EndpointSlice, Endpoints, NetworkPolicy)");
		return IMPORT_INVALID;
	}
	if (!nodes_resolve(I))
		return IMPORT_INVALID;
	bool ok = pods_resolve(I) && rc == KUBE_OK;
	struct kservice **svcs = xcalloc(I->nsvcs + 1, sizeof *svcs);
	struct kpolicy **pols = xcalloc(I->npols + 1, sizeof *pols);
	ok &= services_resolve(I, svcs);
	for (size_t i = 0; i < I->npols; i++)
		pols[i] = &I->pols[i];
	sort(pols, I->npols, sizeof *pols, cmp_pol);
	/* Namespaces: declared ones, then every one in use. */
	struct kns *ns = NULL;
	size_t nns = 0, nscap = 0;
	struct hash *nsh = hash_new();
	for (size_t i = 0; i < I->nnsobjs; i++) {
		xgrow(&ns, &nscap, nns + 1, sizeof *ns);
		hash_add(nsh, hash_string(I->nsobjs[i].name), (int)nns);
		ns[nns] = I->nsobjs[i];
		ns[nns].labels = (struct kvs){ 0 };
		for (size_t j = 0; j < I->nsobjs[i].labels.n; j++)
			if (strcmp(I->nsobjs[i].labels.v[j].key, "kubernetes.io/metadata.name") != 0)
				kvs_add(&I->a, &ns[nns].labels, I->nsobjs[i].labels.v[j].key, I->nsobjs[i].labels.v[j].value);
		nns++;
	}
	for (size_t i = 0; i < I->npods; i++)
		ns_use(nsh, &ns, &nns, &nscap, I->pods[i].ns);
	for (size_t i = 0; i < I->nsvcs; i++)
		ns_use(nsh, &ns, &nns, &nscap, I->svcs[i].ns);
	for (size_t i = 0; i < I->npols; i++)
		ns_use(nsh, &ns, &nns, &nscap, I->pols[i].ns);
	for (size_t i = 0; i < I->npodobjs; i++)
		if (!I->podobjs[i].completed)
			ns_use(nsh, &ns, &nns, &nscap, I->podobjs[i].ns);
	for (size_t i = 0; i < I->nwls; i++)
		ns_use(nsh, &ns, &nns, &nscap, I->wls[i].ns);
	hash_free(nsh);
	sort(ns, nns, sizeof *ns, cmp_ns);
	for (size_t i = 0; i < nns; i++) {
		struct kvs l = { 0 };
		kvs_add(&I->a, &l, "kubernetes.io/metadata.name", ns[i].name);
		for (size_t j = 0; j < ns[i].labels.n; j++)
			kvs_add(&I->a, &l, ns[i].labels.v[j].key, ns[i].labels.v[j].value);
		free(ns[i].labels.v);
		ns[i].labels = l;
	}
	/* Each node's pods by (namespace, name), its daemons in order. */
	for (size_t i = 0; i < I->npods; i++) {
		struct knodev *n = &I->nodes[I->pods[i].node];
		xgrow(&n->pods, &n->pcap, n->npods + 1, sizeof *n->pods);
		n->pods[n->npods++] = i;
	}
	sort_pods = I->pods;
	for (size_t i = 0; i < I->nnodes; i++) {
		sort(I->nodes[i].pods, I->nodes[i].npods, sizeof(size_t), cmp_pod_idx);
		sort(I->nodes[i].daemons, I->nodes[i].ndaemons, sizeof *I->nodes[i].daemons, cmp_daemon);
	}
	if (ok && !diag_errors(I->d)) {
		struct resolved r = { I->opts->name ? I->opts->name : base_name(&I->a, inputs[0]), ns, nns, I->nodes,
				      I->nnodes, I->pods, I->npods, svcs, I->nsvcs, pols, I->npols };
		import_write_xml(&r, &res->xml, &res->len, &res->map, &res->nmap);
	}
	for (size_t i = 0; i < nns; i++)
		free(ns[i].labels.v);
	free(ns);
	free(svcs);
	free(pols);
	return ok && !diag_errors(I->d) ? IMPORT_OK : IMPORT_INVALID;
}

static void
imp_init(struct imp *I, const struct import_opts *o, struct diag *d)
{
	memset(I, 0, sizeof *I);
	I->d = d;
	I->opts = o;
	I->owners = hash_new();
	I->ids = hash_new();
	I->snames_h = hash_new();
	I->addrs = hash_new();
	I->svc_fixed = hash_new();
	I->node_names = hash_new();
}

/* The object that XML line xl comes from: the nearest origin before it
 * (NULL: none, as for a namespace or a node that no object declares). */
static const struct korigin *
origin_of(const struct xml_origin *map, size_t nmap, long xl)
{
	const struct korigin *o = NULL;
	for (size_t lo = 0, hi = nmap; lo < hi;) {
		size_t mid = (lo + hi) / 2;
		if (map[mid].xml_line <= xl) {
			o = map[mid].known ? &map[mid].o : NULL;
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}
	return o;
}

char *
import_remap_lines(const struct xml_origin *map, size_t nmap, const char *text)
{
	char *out = NULL;
	size_t olen = 0;
	FILE *f = xopen_memstream(&out, &olen);
	const char *p = text;
	for (const char *q; (q = strstr(p, "line ")) != NULL;) {
		const char *num = q + 5, *end = num;
		while (*end >= '0' && *end <= '9')
			end++;
		bool word = q == text || q[-1] == ' ' || q[-1] == '(';
		if (!word || end == num) {
			fwrite(p, 1, (size_t)(num - p), f);
			p = num;
			continue;
		}
		const struct korigin *o = origin_of(map, nmap, strtol(num, NULL, 10));
		if (o != NULL) {
			fwrite(p, 1, (size_t)(q - p), f);
			fprintf(f, "%s:%ld", o->pos.file, o->pos.line);
			p = end;
			continue;
		}
		/* Left out with what introduces it: " at", ", " or " (...)". */
		const char *cut = q;
		if (cut - p >= 4 && strncmp(cut - 4, " at ", 4) == 0)
			cut -= 4;
		else if (cut - p >= 2 && strncmp(cut - 2, ", ", 2) == 0)
			cut -= 2;
		if (cut - p >= 9 && strncmp(cut - 9, " (already", 9) == 0 && *end == ')') {
			cut -= 9;
			end++;
		} else if (cut - p >= 2 && strncmp(cut - 2, " (", 2) == 0 && *end == ')') {
			cut -= 2;
			end++;
		}
		fwrite(p, 1, (size_t)(cut - p), f);
		p = end;
	}
	fputs(p, f);
	fclose(f);
	return out;
}

/* text (freed) in a Kubernetes user's words where the parser speaks of
 * the spec's elements: the namespace a typo names is one that no
 * Namespace object declares. */
static char *
kube_words(char *text)
{
	static const char from[] = "no <namespace> declares", to[] = "no Namespace object declares";
	if (strstr(text, from) == NULL)
		return text;
	char *out = NULL;
	size_t olen = 0;
	FILE *f = xopen_memstream(&out, &olen);
	const char *p = text;
	for (const char *q; (q = strstr(p, from)) != NULL; p = q + sizeof from - 1) {
		fwrite(p, 1, (size_t)(q - p), f);
		fputs(to, f);
	}
	fputs(p, f);
	fclose(f);
	free(text);
	return out;
}

/* The parser's messages about the generated XML, cited at the object
 * each line comes from, and keeping their causes so that the grouping of
 * warnings (diag_warning_of) follows the YAML's order, not the XML's. */
static void
map_back(struct imp *I, struct diag *xd, const struct import_result *res)
{
	for (size_t i = 0; i < diag_count(xd); i++) {
		struct diag_entry e;
		diag_get(xd, i, &e);
		if (!e.is_error && I->opts->quiet)
			continue;
		const struct korigin *o = e.line > 0 ? origin_of(res->map, res->nmap, e.line) : NULL;
		char *text = kube_words(import_remap_lines(res->map, res->nmap, e.text));
		struct diag_entry y = { o ? o->pos.line : 0, o ? o->pos.col : 0, e.is_error, e.cause, e.subject, text };
		diag_add(I->d, o ? o->pos.file : I->file ? I->file : "import", &y);
		free(text);
	}
}

/* Run I (initialized, its input set up) on inputs; the rest as
 * import_do says. Frees I. */
static enum import_status
import_with(struct imp *I, char *const *inputs, size_t ninputs, FILE *sum, char **xml, size_t *len,
	    struct model **model)
{
	struct import_result res = { 0 };
	enum import_status rc = run(I, inputs, ninputs, &res);
	if (rc == IMPORT_OK) {
		report_warnings(I);
		if (sum && !I->opts->quiet)
			summary(I, sum);
		if (model) {
			struct diag *xd = diag_new("<import>");
			enum spec_status st = spec_parse(res.xml, res.len, xd, model);
			map_back(I, xd, &res);
			diag_free(xd);
			rc = st == SPEC_OK ? IMPORT_OK : IMPORT_INVALID;
			/* Commands' own messages (connlist's, after loading) cite
			 * the YAML too. */
			for (size_t i = 0; rc == IMPORT_OK && *model && i < res.nmap; i++) {
				const struct xml_origin *x = &res.map[i];
				model_add_cite(*model, x->xml_line, x->known ? x->o.pos.file : NULL,
					       x->known ? x->o.pos.line : 0, x->known ? x->o.pos.col : 0);
			}
		}
	}
	if (rc == IMPORT_OK && xml) {
		*xml = res.xml;
		*len = res.len;
	} else {
		free(res.xml);
	}
	free(res.map);
	imp_free(I);
	return rc;
}

static enum import_status
import_do(char *const *inputs, size_t ninputs, const struct import_opts *o, struct diag *d, FILE *sum, char **xml,
	  size_t *len, struct model **model, const char *stdin_head, size_t stdin_headlen)
{
	struct imp I;
	imp_init(&I, o, d);
	I.stdin_head = stdin_head;
	I.stdin_headlen = stdin_headlen;
	I.stdin_sniffed = stdin_head != NULL;
	return import_with(&I, inputs, ninputs, sum, xml, len, model);
}

enum import_status
import_run_buffer(const char *name, const void *buf, size_t buflen, const struct import_opts *o, struct diag *d,
		  char **xml, size_t *len)
{
	struct imp I;
	imp_init(&I, o, d);
	I.buf = buf;
	I.buflen = buflen;
	char *in[1] = { (char *)name };
	return import_with(&I, in, 1, NULL, xml, len, NULL);
}

enum import_status
import_run(char *const *inputs, size_t ninputs, const struct import_opts *o, struct diag *d, FILE *sum, char **xml,
	   size_t *len)
{
	/* The XML is parsed again, as every other command will parse it: one
	 * truth, and any problem the parser finds is cited at the YAML here,
	 * before anyone reads the file. Since the model's service backends
	 * scan one namespace, that costs about what `validate` does (3 of 40
	 * CPU s at Kubernetes' limits). */
	struct model *m = NULL;
	enum import_status rc = import_do(inputs, ninputs, o, d, sum, xml, len, &m, NULL, 0);
	model_free(m);
	return rc;
}

enum spec_status
import_load(const char *path, size_t max_input, struct diag *d, struct model **out)
{
	struct import_opts o;
	import_opts_default(&o);
	if (max_input)
		o.max_input = max_input;
	char *in[1] = { (char *)path };
	*out = NULL;
	enum import_status rc = import_do(in, 1, &o, d, NULL, NULL, NULL, out, NULL, 0);
	return rc == IMPORT_OK ? SPEC_OK : rc == IMPORT_IO_ERROR ? SPEC_IO_ERROR : SPEC_INVALID;
}

enum spec_status
import_load_stdin(size_t max_spec, size_t max_input, struct diag *d, struct model **out)
{
	/* Sniff: an optional BOM, whitespace, then '<' (or nothing) is XML;
	 * anything else is streamed to the importer, never slurped. */
	char head[4096];
	size_t hl = 0;
	int c = EOF;
	*out = NULL;
	while (hl < sizeof head && (c = getc(stdin)) != EOF) {
		head[hl++] = (char)c;
		bool bom = hl <= 3 && memcmp(head, "\xef\xbb\xbf", hl) == 0;
		if (!bom && c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
	}
	if (ferror(stdin)) {
		diag_error(d, 0, "cannot read the spec: %s", strerror(errno));
		return SPEC_IO_ERROR;
	}
	if (c != EOF && c != '<' && hl > 0) {
		struct import_opts o;
		import_opts_default(&o);
		o.max_input = max_input;
		char *in[1] = { "-" };
		enum import_status rc = import_do(in, 1, &o, d, NULL, NULL, NULL, out, head, hl);
		return rc == IMPORT_OK ? SPEC_OK : rc == IMPORT_IO_ERROR ? SPEC_IO_ERROR : SPEC_INVALID;
	}
	struct stat sb;
	if (fstat(0, &sb) == 0 && S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > max_spec) {
		diag_error(d, 0, "the spec is %jd bytes, more than the limit of %zu (raise it with --max-spec-size)",
			   (intmax_t)sb.st_size, max_spec);
		return SPEC_INVALID;
	}
	size_t cap = hl + 65536, n = hl;
	char *buf = xmalloc(cap);
	memcpy(buf, head, hl);
	for (;;) {
		if (n > max_spec) {
			diag_error(d, 0, "the spec is more than the limit of %zu bytes (raise it with --max-spec-size)",
				   max_spec);
			free(buf);
			return SPEC_INVALID;
		}
		xgrow(&buf, &cap, n + 65536, 1);
		size_t want = cap - n;
		if (want > max_spec + 1 - n)
			want = max_spec + 1 - n;
		size_t got = fread(buf + n, 1, want, stdin);
		n += got;
		if (got < want)
			break;
	}
	if (ferror(stdin)) {
		diag_error(d, 0, "cannot read the spec: %s", strerror(errno));
		free(buf);
		return SPEC_IO_ERROR;
	}
	if (n > max_spec) {
		diag_error(d, 0, "the spec is more than the limit of %zu bytes (raise it with --max-spec-size)", max_spec);
		free(buf);
		return SPEC_INVALID;
	}
	enum spec_status st = spec_parse(buf, n, d, out);
	free(buf);
	return st;
}

bool
import_is_kube(const char *path)
{
	if (strcmp(path, "-") == 0)
		return false;
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	if (S_ISDIR(st.st_mode))
		return true;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return false;
	int c, n = 0;
	while ((c = getc(f)) != EOF) {
		if (n == 0 && c == 0xef) {
			if (getc(f) == 0xbb && getc(f) == 0xbf) {
				n++;
				continue;
			}
			break;
		}
		n++;
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			break;
	}
	fclose(f);
	return c != EOF && c != '<';
}
