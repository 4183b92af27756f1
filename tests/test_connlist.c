/* The workload view (connlist.h, k8snet(1), THE WORKLOAD VIEW): peers, External atoms,
 * policy-level connections (named ports, ranges, excepts, isolation),
 * label gaps, hostNetwork daemons as peers; and a randomized test that
 * holds --delivered, workload pair by workload pair, to the path walk. */
#include "testlib.h"
#include "connlist.h"
#include "forward.h"
#include "reach.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The lines as text (caller frees). */
static char *
lines_of(const struct connlist *cl, enum connlist_format fmt, long focus)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	connlist_write(cl, f, fmt, focus);
	assert_int_equal(fclose(f), 0);
	return buf;
}

static void
expect_lines(const struct connlist *cl, enum connlist_format fmt, long focus, const char *want)
{
	char *got = lines_of(cl, fmt, focus);
	assert_string_equal(got, want);
	free(got);
}

#define CLUSTER_HEAD                                                                                             \
	"<cluster name=\"c\">\n"                                                                                 \
	"<namespace name=\"a\"><label key=\"team\" value=\"x\"/></namespace>\n"                                  \
	"<node name=\"N1\" address=\"192.168.0.1\"><daemon name=\"D1\"><port number=\"9100\"/></daemon>\n"     \
	"<pod name=\"pa\" namespace=\"a\" address=\"10.1.0.1\"><label key=\"app\" value=\"web\"/>\n"             \
	"<container name=\"ca\"><port number=\"80\" name=\"http\"/><port number=\"81\" protocol=\"UDP\"/></container></pod>\n" \
	"<pod name=\"pb\" namespace=\"a\" address=\"10.1.0.2\"><label key=\"app\" value=\"db\"/>\n"              \
	"<container name=\"cb\"><port number=\"5432\" name=\"pg\"/></container></pod>\n"                        \
	"</node>\n"

static void
test_connlist_named_ports_ranges_excepts(void **state)
{
	(void)state;
	struct model *m = test_model(
		CLUSTER_HEAD
		"<policy name=\"db\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"db\"/></pod-selector>\n"
		"<ingress><from><pod-selector><match key=\"app\" value=\"web\"/></pod-selector></from>\n"
		"<port number=\"pg\"/><port number=\"6000\" end=\"6010\" protocol=\"UDP\"/><port number=\"nope\"/></ingress></policy>\n"
		"<policy name=\"web\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"web\"/></pod-selector>\n"
		"<ingress><from><ip-block cidr=\"10.0.0.0/8\"><except cidr=\"10.0.0.0/9\"/></ip-block></from></ingress></policy>\n"
		"</cluster>\n");
	struct diag *d = diag_new("t.xml");
	struct connlist *cl = connlist_compute(m, false, d);
	assert_int_equal(diag_count(d), 0);
	expect_lines(cl, CONNLIST_TXT, -1,
		     "10.128.0.0-10.255.255.255[External] => a/pa[Pod] : All Connections\n"
		     "a/pa[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
		     "a/pa[Pod] => a/pb[Pod] : TCP 5432,UDP 6000-6010\n"
		     "a/pb[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n");
	expect_lines(cl, CONNLIST_CSV, -1,
		     "src,dst,conn\n"
		     "10.128.0.0-10.255.255.255[External],a/pa[Pod],All Connections\n"
		     "a/pa[Pod],0.0.0.0-255.255.255.255[External],All Connections\n"
		     "a/pa[Pod],a/pb[Pod],\"TCP 5432,UDP 6000-6010\"\n"
		     "a/pb[Pod],0.0.0.0-255.255.255.255[External],All Connections\n");
	char *why;
	long pb = connlist_find(cl, "pb", &why);
	assert_true(pb >= 0);
	assert_int_equal(connlist_find(cl, "a/pb", &why), pb);
	assert_int_equal(connlist_find(cl, "a/pb[Pod]", &why), pb);
	expect_lines(cl, CONNLIST_MD, pb,
		     "| src | dst | conn |\n|-----|-----|------|\n"
		     "| a/pa[Pod] | a/pb[Pod] | TCP 5432,UDP 6000-6010 |\n"
		     "| a/pb[Pod] | 0.0.0.0-255.255.255.255[External] | All Connections |\n");
	assert_int_equal(connlist_find(cl, "zz", &why), -1);
	assert_non_null(strstr(why, "no workload matches"));
	free(why);
	connlist_free(cl);
	diag_free(d);
	model_free(m);
}

/* Egress: ip-block atoms are the destinations; a named port towards an
 * External atom matches nothing (a warning); unselected pods allow all. */
static void
test_connlist_egress_atoms(void **state)
{
	(void)state;
	struct model *m = test_model(
		CLUSTER_HEAD
		"<policy name=\"out\" namespace=\"a\" types=\"Egress\"><pod-selector><match key=\"app\" value=\"web\"/></pod-selector>\n"
		"<egress><to><ip-block cidr=\"8.8.8.0/24\"/></to><port number=\"53\" protocol=\"UDP\"/><port number=\"dns\" protocol=\"UDP\"/></egress>\n"
		"<egress><to><pod-selector/></to><port number=\"http\"/><port number=\"pg\"/></egress></policy>\n"
		"</cluster>\n");
	struct diag *d = diag_new("t.xml");
	struct connlist *cl = connlist_compute(m, false, d);
	assert_int_equal(diag_count(d), 1); /* the named port towards External */
	expect_lines(cl, CONNLIST_TXT, -1,
		     "0.0.0.0-255.255.255.255[External] => a/pa[Pod] : All Connections\n"
		     "0.0.0.0-255.255.255.255[External] => a/pb[Pod] : All Connections\n"
		     "a/pa[Pod] => 8.8.8.0-8.8.8.255[External] : UDP 53\n"
		     "a/pa[Pod] => a/pb[Pod] : TCP 5432\n"
		     "a/pb[Pod] => 0.0.0.0-8.8.7.255[External] : All Connections\n"
		     "a/pb[Pod] => 8.8.8.0-8.8.8.255[External] : All Connections\n"
		     "a/pb[Pod] => 8.8.9.0-255.255.255.255[External] : All Connections\n"
		     "a/pb[Pod] => a/pa[Pod] : All Connections\n");
	expect_lines(cl, CONNLIST_JSON, connlist_find(cl, "pa", &(char *){ NULL }),
		     "[\n  {\n    \"src\": \"0.0.0.0-255.255.255.255[External]\",\n    \"dst\": \"a/pa[Pod]\",\n"
		     "    \"conn\": \"All Connections\"\n  },\n"
		     "  {\n    \"src\": \"a/pa[Pod]\",\n    \"dst\": \"8.8.8.0-8.8.8.255[External]\",\n    \"conn\": \"UDP 53\"\n  },\n"
		     "  {\n    \"src\": \"a/pa[Pod]\",\n    \"dst\": \"a/pb[Pod]\",\n    \"conn\": \"TCP 5432\"\n  },\n"
		     "  {\n    \"src\": \"a/pb[Pod]\",\n    \"dst\": \"a/pa[Pod]\",\n    \"conn\": \"All Connections\"\n  }\n]\n");
	connlist_free(cl);
	diag_free(d);
	model_free(m);
}

/* Two replicas that disagree on labels (a warning; the first stands), and
 * a hostNetwork daemon as a peer that policies select like a pod. */
static void
test_connlist_workloads_and_daemons(void **state)
{
	(void)state;
	struct model *m = test_model(
		CLUSTER_HEAD
		"<node name=\"N2\" address=\"192.168.0.2\">\n"
		"<pod name=\"pc\" namespace=\"a\" address=\"10.1.1.1\"><label key=\"app\" value=\"web2\"/>\n"
		"<container name=\"cc\"><port number=\"80\" name=\"http\"/></container></pod></node>\n"
		"<policy name=\"agent\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"agent\"/></pod-selector>\n"
		"<ingress><from><pod-selector><match key=\"app\" value=\"web\"/></pod-selector></from><port number=\"metrics\"/></ingress></policy>\n"
		"<policy name=\"deny\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"db\"/></pod-selector></policy>\n"
		"</cluster>\n");
	int pa = test_id(m, "pa"), pc = test_id(m, "pc"), d1 = test_id(m, "D1");
	m->v[pa].workload = xstrdup("ReplicaSet/web-1a2b");
	m->v[pc].workload = xstrdup("ReplicaSet/web-1a2b");
	m->v[d1].workload = xstrdup("DaemonSet/agent");
	m->v[d1].pod_name = xstrdup("agent-n1");
	m->v[d1].ns = model_find_namespace(m, "a");
	labels_add(&m->v[d1].labels, "app", "agent");
	free(m->v[d1].ports[0].name);
	m->v[d1].ports[0].name = xstrdup("metrics");
	struct diag *d = diag_new("t.xml");
	struct connlist *cl = connlist_compute(m, false, d);
	assert_int_equal(diag_count(d), 1);
	assert_int_equal(connlist_npeers(cl), 5); /* web, pb, agent, a source and a destination atom */
	size_t np;
	const int *pods = connlist_peer_pods(cl, connlist_find(cl, "web-1a2b", &(char *){ NULL }), &np);
	assert_int_equal(np, 2);
	assert_int_equal(pods[0], pa);
	assert_int_equal(pods[1], pc);
	expect_lines(cl, CONNLIST_TXT, -1,
		     "0.0.0.0-255.255.255.255[External] => a/web-1a2b[ReplicaSet] : All Connections\n"
		     "a/agent[DaemonSet] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
		     "a/agent[DaemonSet] => a/web-1a2b[ReplicaSet] : All Connections\n"
		     "a/pb[Pod] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
		     "a/pb[Pod] => a/web-1a2b[ReplicaSet] : All Connections\n"
		     "a/web-1a2b[ReplicaSet] => 0.0.0.0-255.255.255.255[External] : All Connections\n"
		     "a/web-1a2b[ReplicaSet] => a/agent[DaemonSet] : TCP 9100\n");
	connlist_free(cl);
	/* Delivered: pb denies all ingress but its node's (the daemon's);
	 * only pa of web opens 81/UDP. */
	cl = connlist_compute(m, true, NULL);
	expect_lines(cl, CONNLIST_TXT, -1,
		     "a/agent[DaemonSet] => a/pb[Pod] : TCP 5432\n"
		     "a/agent[DaemonSet] => a/web-1a2b[ReplicaSet] : TCP 80,UDP 81 (partial: 1 of 2 pod pairs)\n"
		     "a/pb[Pod] => a/agent[DaemonSet] : TCP 9100\n"
		     "a/pb[Pod] => a/web-1a2b[ReplicaSet] : TCP 80,UDP 81 (partial: 1 of 2 pod pairs)\n"
		     "a/web-1a2b[ReplicaSet] => a/agent[DaemonSet] : TCP 9100\n");
	connlist_free(cl);
	diag_free(d);
	model_free(m);
}

/* ---- --delivered against the path walk ---- */

static char *
workload_name(const struct model *m, int u)
{
	const struct vertex *v = &m->v[u];
	const char *ns = v->ns >= 0 ? m->ns[v->ns].name : "default";
	if (v->workload == NULL)
		return xasprintf("%s/%s[Pod]", ns, v->pod_name ? v->pod_name : v->name);
	const char *slash = strchr(v->workload, '/');
	return xasprintf("%s/%s[%.*s]", ns, slash + 1, (int)(slash - v->workload), v->workload);
}

/* A container's pod; a daemon's hostNetwork pod: the first daemon of its
 * node with the same pod name. */
static int
unit_of(const struct model *m, int proc)
{
	const struct vertex *v = &m->v[proc];
	if (v->kind == V_CONTAINER)
		return v->parent;
	if (v->pod_name == NULL)
		return proc;
	const struct vertex *node = &m->v[v->parent];
	for (size_t i = 0; i < node->nkids; i++) {
		const struct vertex *k = &m->v[node->kids[i]];
		if (k->pod_name && strcmp(k->pod_name, v->pod_name) == 0)
			return node->kids[i];
	}
	return proc;
}

static bool
is_unit(const struct model *m, int u)
{
	return m->v[u].kind == V_POD || (m->v[u].kind == V_DAEMON && m->v[u].workload && unit_of(m, u) == u);
}

static void
test_connlist_delivered_random(void **state)
{
	(void)state;
	for (unsigned seed = 1; seed <= 500; seed++) {
		char *xml = test_random_spec(seed, seed % 3 == 0 ? 1 : 2);
		struct model *m = test_model(xml);
		free(xml);
		/* Group pods into workloads, make some daemons peers. */
		unsigned r = seed;
		for (size_t i = 0; i < m->nv; i++) {
			struct vertex *v = &m->v[i];
			if (v->kind == V_POD && rand_r(&r) % 3)
				v->workload = xasprintf("ReplicaSet/rs%u", (unsigned)(rand_r(&r) % 2));
			else if (v->kind == V_DAEMON && m->nns > 0 && rand_r(&r) % 2) {
				/* hostNetwork pods of one or two daemons each */
				v->workload = xstrdup("DaemonSet/ds");
				v->pod_name = xasprintf("ds-%s-%u", m->v[v->parent].name, (unsigned)(rand_r(&r) % 2));
				v->ns = 0;
			}
		}
		/* The oracle: D(a, b) per unit pair by forward_run. */
		size_t nv = m->nv;
		struct portset *D = xcalloc(nv * nv, sizeof *D);
		for (size_t i = 0; i < m->nprocs; i++) {
			int s = m->procs[i], a = unit_of(m, s);
			if (!is_unit(m, a))
				continue;
			size_t nd;
			struct dest *d = reach_dests(m, s, PORTS_OPEN, &nd);
			for (size_t k = 0; k < nd; k++) {
				struct fate *f;
				size_t nf = forward_run(m, s, d[k].addr, d[k].port, d[k].proto, &f);
				for (size_t j = 0; j < nf; j++) {
					if (f[j].verdict != VERDICT_DELIVERED)
						continue;
					uint16_t port = f[j].dnat >= 0 ? f[j].dnat_port : d[k].port;
					const struct vertex *rv = &m->v[f[j].receiver];
					bool open = false;
					for (size_t p = 0; p < rv->nports; p++)
						open |= rv->ports[p].number == port && rv->ports[p].proto == d[k].proto;
					int b = unit_of(m, f[j].receiver);
					if (open && is_unit(m, b))
						portset_add(&D[(size_t)a * nv + (size_t)b], d[k].proto, port, port);
				}
				forward_free(f, nf);
			}
			free(d);
		}
		struct connlist *cl = connlist_compute(m, true, NULL);
		/* Every line: the union over its pod pairs, and K. */
		size_t want_lines = 0;
		char **names = xcalloc(nv, sizeof *names);
		for (size_t u = 0; u < nv; u++)
			if (is_unit(m, (int)u))
				names[u] = workload_name(m, (int)u);
		for (size_t i = 0; i < connlist_npeers(cl); i++) {
			struct connlist_peer A;
			connlist_peer(cl, i, &A);
			for (size_t j = 0; j < connlist_npeers(cl); j++) {
				struct connlist_peer B;
				connlist_peer(cl, j, &B);
				if (i == j)
					continue;
				struct portset all = { 0 };
				size_t n = 0, k = 0;
				for (int pass = 0; pass < 2; pass++)
					for (size_t a = 0; a < nv; a++)
						for (size_t b = 0; b < nv; b++) {
							if (!names[a] || !names[b] || strcmp(names[a], A.name) ||
							    strcmp(names[b], B.name))
								continue;
							if (pass == 0) {
								portset_union(&all, &D[a * nv + b]);
								n++;
							} else {
								k += portset_equal(&all, &D[a * nv + b]);
							}
						}
				if (portset_empty(&all))
					continue;
				want_lines++;
				bool found = false;
				for (size_t l = 0; l < connlist_nlines(cl); l++) {
					struct connlist_line line;
					connlist_line(cl, l, &line);
					if (line.src != i || line.dst != j)
						continue;
					found = true;
					if (!portset_equal(line.conns, &all) || line.k != k || line.n != n) {
						char *g = portset_format(line.conns), *w = portset_format(&all);
						fail_msg("seed %u: %s => %s: got %s (%zu of %zu), want %s (%zu of %zu)", seed,
							 A.name, B.name, g, line.k, line.n, w, k, n);
					}
				}
				if (!found)
					fail_msg("seed %u: %s => %s: no line", seed, A.name, B.name);
				portset_clear(&all);
			}
		}
		assert_int_equal(connlist_nlines(cl), want_lines);
		if (getenv("CONNLIST_DEBUG")) {
			size_t partial = 0;
			for (size_t l = 0; l < connlist_nlines(cl); l++) {
				struct connlist_line line;
				connlist_line(cl, l, &line);
				partial += line.k < line.n;
			}
			print_message("seed %u: %zu lines, %zu partial\n", seed, want_lines, partial);
		}
		for (size_t u = 0; u < nv; u++)
			free(names[u]);
		free(names);
		for (size_t i = 0; i < nv * nv; i++)
			portset_clear(&D[i]);
		free(D);
		connlist_free(cl);
		model_free(m);
	}
}

/* connlist_compute_max: NULL above the limit, the same lines at or below. */
static void
test_connlist_max_lines(void **state)
{
	(void)state;
	struct model *m = test_k1();
	struct connlist *all = connlist_compute(m, false, NULL);
	size_t n = connlist_nlines(all);
	assert_true(n > 3);
	assert_null(connlist_compute_max(m, n - 1, NULL));
	assert_null(connlist_compute_max(m, 1, NULL));
	struct connlist *cl = connlist_compute_max(m, n, NULL);
	assert_non_null(cl);
	char *a = lines_of(all, CONNLIST_TXT, -1), *b = lines_of(cl, CONNLIST_TXT, -1);
	assert_string_equal(a, b);
	free(a);
	free(b);
	connlist_free(cl);
	connlist_free(all);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_connlist_named_ports_ranges_excepts),
		cmocka_unit_test(test_connlist_egress_atoms),
		cmocka_unit_test(test_connlist_workloads_and_daemons),
		cmocka_unit_test(test_connlist_delivered_random),
		cmocka_unit_test(test_connlist_max_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
