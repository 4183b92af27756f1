/* Services and NetworkPolicy (k8snet-spec(5)), clause by clause,
 * each on a small cluster. */
#include "testlib.h"
#include "fib.h"
#include "forward.h"
#include "policy.h"
#include "reach.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Two nodes; namespace a (team=x) holds pods pa1 (app=web, on N1) and pa2
 * (app=db, on N2); namespace b (team=y) holds pb (app=web, on N1).
 * Every container listens on 80 (named http) and 81/UDP. */
static char *
cluster(const char *extra)
{
	return xasprintf(
		"<cluster name=\"p\">\n"
		"<namespace name=\"a\"><label key=\"team\" value=\"x\"/></namespace>\n"
		"<namespace name=\"b\"><label key=\"team\" value=\"y\"/></namespace>\n"
		"<node name=\"N1\" address=\"192.168.0.1\"><daemon name=\"D1\"/>\n"
		"<pod name=\"pa1\" namespace=\"a\" address=\"10.0.1.1\"><label key=\"app\" value=\"web\"/>\n"
		"<container name=\"ca1\"><port number=\"80\" name=\"http\"/><port number=\"81\" protocol=\"UDP\"/></container></pod>\n"
		"<pod name=\"pb\" namespace=\"b\" address=\"10.0.1.2\"><label key=\"app\" value=\"web\"/>\n"
		"<container name=\"cb\"><port number=\"80\" name=\"http\"/><port number=\"81\" protocol=\"UDP\"/></container></pod>\n"
		"</node>\n"
		"<node name=\"N2\" address=\"192.168.0.2\"><daemon name=\"D2\"/>\n"
		"<pod name=\"pa2\" namespace=\"a\" address=\"10.0.2.1\"><label key=\"app\" value=\"db\"/>\n"
		"<container name=\"ca2\"><port number=\"80\" name=\"web\"/><port number=\"81\" protocol=\"UDP\"/></container></pod>\n"
		"</node>\n%s</cluster>\n",
		extra);
}

static struct model *
model_with(const char *extra)
{
	char *xml = cluster(extra);
	struct model *m = test_model(xml);
	free(xml);
	return m;
}

/* The verdicts and reasons of sender -> dest joined as "v:reason|..." */
static char *
fates(const struct model *m, const char *sender, const char *dest)
{
	uint32_t a;
	uint16_t p;
	enum proto pr;
	assert_true(dest_parse(dest, &a, &p, &pr));
	struct fate *f;
	size_t n = forward_run(m, test_id(m, sender), a, p, pr, &f);
	char *s = xstrdup("");
	for (size_t i = 0; i < n; i++) {
		char *path = forward_path(m, &f[i]);
		char *t = xasprintf("%s%s%s:%s:%s", s, i ? "|" : "", verdict_name(f[i].verdict),
				    forward_reason_name(f[i].reason), path);
		free(path);
		free(s);
		s = t;
	}
	forward_free(f, n);
	return s;
}

#define EXPECT(m, sender, dest, want)                   \
	do {                                            \
		char *got_ = fates(m, sender, dest);    \
		assert_string_equal(got_, want);        \
		free(got_);                             \
	} while (0)

static void
test_service_endpoints_and_named_targets(void **state)
{
	(void)state;
	/* Selector app=web in namespace a: pa1 only (pb is in b). Target
	 * "http" resolves in pa1; in a second service it resolves nowhere. */
	struct model *m = model_with("<service name=\"web\" namespace=\"a\" address=\"10.96.0.1\">"
				     "<selector key=\"app\" value=\"web\"/><port number=\"8080\" target=\"http\"/></service>\n"
				     "<service name=\"any\" namespace=\"a\" address=\"10.96.0.2\">"
				     "<port number=\"80\"/></service>\n"
				     "<service name=\"all\" namespace=\"a\" address=\"10.96.0.3\">"
				     "<port number=\"81\" protocol=\"UDP\"/><port number=\"80\" target=\"http\"/></service>\n");
	EXPECT(m, "ca2", "10.96.0.1:8080", "delivered::ca2>pa2=10.0.1.1:80>N2>N1>pa1>ca1");
	/* No selector: no endpoints; discarded where the Service Rule matched. */
	EXPECT(m, "ca2", "10.96.0.2:80", "discarded:no endpoints:ca2>pa2");
	EXPECT(m, "D1", "10.96.0.2:80", "discarded:no endpoints:D1>N1");
	/* No selector at all: still no backend (selects nothing). */
	EXPECT(m, "ca1", "10.96.0.3:81/UDP", "discarded:no endpoints:ca1>pa1");
	/* A Service Rule matches (address, port, protocol) only. */
	EXPECT(m, "ca1", "10.96.0.1:8080/UDP", "discarded:no matching rule:ca1>pa1>N1");
	model_free(m);
}

static void
test_service_forks_per_backend_in_order(void **state)
{
	(void)state;
	struct model *m = model_with("<service name=\"s\" namespace=\"a\" address=\"10.96.0.1\">"
				     "<selector key=\"team\" value=\"none\"/><port number=\"1\"/></service>\n"
				     "<service name=\"udp\" namespace=\"a\" address=\"10.96.0.9\">"
				     "<port number=\"81\" protocol=\"UDP\"/></service>\n");
	const struct svc_flat *f = model_service_port(m, 0x0a600001, 1, PROTO_TCP);
	assert_non_null(f);
	assert_int_equal(f->nbackends, 0);
	model_free(m);
	/* An empty-valued selector key still selects by equality. */
	m = model_with("<service name=\"s\" namespace=\"a\" address=\"10.96.0.1\">"
		       "<port number=\"81\" target=\"81\" protocol=\"UDP\"/></service>\n"
		       "<service name=\"t\" namespace=\"a\" address=\"10.96.0.2\"><selector key=\"app\" value=\"db\"/>"
		       "<port number=\"7\" target=\"81\" protocol=\"UDP\"/></service>\n");
	EXPECT(m, "cb", "10.96.0.2:7/UDP", "delivered::cb>pb=10.0.2.1:81>N1>N2>pa2>ca2");
	model_free(m);
}

static void
test_service_rule_positions(void **state)
{
	(void)state;
	struct model *m = model_with("<service name=\"web\" namespace=\"a\" address=\"10.96.0.1\">"
				     "<selector key=\"app\" value=\"web\"/><port number=\"90\"/><port number=\"80\"/></service>\n");
	size_t n;
	char buf[160];
	struct rule *t = fib_table(m, test_id(m, "pa1"), &n);
	/* 2 localhost + 2 pod address deliveries, 2 Service Rules, forward. */
	assert_int_equal(n, 7);
	assert_int_equal(t[4].origin, ORIG_SERVICE);
	assert_int_equal(t[4].dport_lo, 90);
	assert_string_equal(fib_rule_to(m, &t[4], buf, sizeof buf), "a/web");
	assert_string_equal(fib_action_name(t[5].action), "dnat");
	free(t);
	t = fib_table(m, test_id(m, "N1"), &n);
	/* Service Rules first (no daemon listens), then pods. */
	assert_int_equal(t[0].origin, ORIG_SERVICE);
	assert_int_equal(t[2].origin, ORIG_NODE_TO_POD);
	free(t);
	model_free(m);
}

static const char web_ingress[] = "<policy name=\"p\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"web\"/>"
				  "</pod-selector>%s</policy>\n";

static struct model *
with_policy(const char *body)
{
	char *pol = xasprintf(web_ingress, body);
	struct model *m = model_with(pol);
	free(pol);
	return m;
}

static void
test_policy_isolation_only_in_own_namespace(void **state)
{
	(void)state;
	struct model *m = with_policy("");
	/* pa1 (a, app=web) is isolated for ingress with no rule: deny all. */
	assert_int_equal(m->v[test_id(m, "pa1")].nisolating[POLICY_INGRESS], 1);
	assert_int_equal(m->v[test_id(m, "pa1")].nisolating[POLICY_EGRESS], 0);
	assert_int_equal(m->v[test_id(m, "pb")].nisolating[POLICY_INGRESS], 0);
	EXPECT(m, "ca2", "10.0.1.1:80", "discarded:ingress policy:ca2>pa2>N2>N1>pa1");
	EXPECT(m, "ca2", "10.0.1.2:80", "delivered::ca2>pa2>N2>N1>pb>cb");
	/* Always allowed: the pod itself, its node's daemons. */
	EXPECT(m, "ca1", "10.0.1.1:80", "delivered::ca1>pa1>ca1");
	EXPECT(m, "ca1", "127.0.0.1:81/UDP", "delivered::ca1>pa1>ca1");
	EXPECT(m, "D1", "10.0.1.1:80", "delivered::D1>N1>pa1>ca1");
	EXPECT(m, "D2", "10.0.1.1:80", "discarded:ingress policy:D2>N2>N1>pa1");
	model_free(m);
}

static void
test_policy_egress_and_its_exceptions(void **state)
{
	(void)state;
	struct model *m = model_with("<policy name=\"e\" namespace=\"a\" types=\"Egress\">"
				     "<pod-selector/></policy>\n");
	assert_int_equal(m->v[test_id(m, "pa1")].nisolating[POLICY_INGRESS], 0);
	EXPECT(m, "ca1", "10.0.1.2:80", "discarded:egress policy:ca1>pa1");
	EXPECT(m, "ca1", "127.0.0.1:80", "delivered::ca1>pa1>ca1");
	/* Own address on a closed port: the loop is not policy's business. */
	EXPECT(m, "ca1", "10.0.1.1:9", "loop::ca1>pa1>N1>pa1");
	/* Its node's address is allowed: no daemon listens, so no rule. */
	EXPECT(m, "ca1", "192.168.0.1:22", "discarded:no matching rule:ca1>pa1>N1");
	EXPECT(m, "ca1", "192.168.0.2:22", "discarded:egress policy:ca1>pa1");
	/* pb is in namespace b: not isolated. */
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	model_free(m);
}

static void
test_policy_peers(void **state)
{
	(void)state;
	/* pod-selector alone: pods of the policy's namespace only. */
	struct model *m = with_policy("<ingress><from><pod-selector><match key=\"app\" value=\"db\"/></pod-selector></from></ingress>");
	EXPECT(m, "ca2", "10.0.1.1:80", "delivered::ca2>pa2>N2>N1>pa1>ca1");
	EXPECT(m, "cb", "10.0.1.1:80", "discarded:ingress policy:cb>pb>N1>pa1");
	model_free(m);
	/* namespace-selector alone: every pod of matching namespaces. */
	m = with_policy("<ingress><from><namespace-selector><match key=\"team\" value=\"y\"/></namespace-selector></from></ingress>");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	EXPECT(m, "ca2", "10.0.1.1:80", "discarded:ingress policy:ca2>pa2>N2>N1>pa1");
	model_free(m);
	/* Both: matching pods in matching namespaces. */
	m = with_policy("<ingress><from><namespace-selector/><pod-selector><match key=\"app\" value=\"web\"/></pod-selector></from></ingress>");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	EXPECT(m, "ca2", "10.0.1.1:80", "discarded:ingress policy:ca2>pa2>N2>N1>pa1");
	model_free(m);
	/* ip-block with except; node addresses match only ip-blocks. */
	m = with_policy("<ingress><from><ip-block cidr=\"192.168.0.0/16\"><except cidr=\"192.168.0.2/32\"/></ip-block></from>"
			"<from><ip-block cidr=\"10.0.2.0/24\"/></from><from><pod-selector/></from></ingress>");
	EXPECT(m, "D2", "10.0.1.1:80", "discarded:ingress policy:D2>N2>N1>pa1");
	EXPECT(m, "ca2", "10.0.1.1:80", "delivered::ca2>pa2>N2>N1>pa1>ca1");
	EXPECT(m, "cb", "10.0.1.1:80", "discarded:ingress policy:cb>pb>N1>pa1");
	model_free(m);
}

static void
test_policy_ports(void **state)
{
	(void)state;
	/* A number, a range, a protocol without number, a named port. */
	struct model *m = with_policy("<ingress><port number=\"80\" end=\"80\"/></ingress>");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	EXPECT(m, "cb", "10.0.1.1:81/UDP", "discarded:ingress policy:cb>pb>N1>pa1");
	model_free(m);
	m = with_policy("<ingress><port protocol=\"UDP\"/></ingress>");
	EXPECT(m, "cb", "10.0.1.1:81/UDP", "delivered::cb>pb>N1>pa1>ca1");
	EXPECT(m, "cb", "10.0.1.1:80", "discarded:ingress policy:cb>pb>N1>pa1");
	model_free(m);
	m = with_policy("<ingress><port number=\"http\"/></ingress>");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	model_free(m);
	/* Egress named port: the destination pod's name for that port. pa2
	 * calls its port 80 "web", pb calls it "http". */
	m = model_with("<policy name=\"e\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"web\"/></pod-selector>"
		       "<egress><port number=\"http\"/></egress></policy>\n");
	EXPECT(m, "ca1", "10.0.1.2:80", "delivered::ca1>pa1>N1>pb>cb");
	EXPECT(m, "ca1", "10.0.2.1:80", "discarded:egress policy:ca1>pa1");
	model_free(m);
}

static void
test_policy_rules_are_additive_and_types_ignore(void **state)
{
	(void)state;
	struct model *m = model_with(
		"<policy name=\"one\" namespace=\"a\"><pod-selector><match key=\"app\" value=\"web\"/></pod-selector>"
		"<ingress><from><ip-block cidr=\"10.0.2.1/32\"/></from></ingress></policy>\n"
		"<policy name=\"two\" namespace=\"a\"><pod-selector><expression key=\"app\" operator=\"In\" values=\"web db\"/>"
		"</pod-selector><ingress><from><ip-block cidr=\"10.0.1.2/32\"/></from></ingress></policy>\n"
		"<policy name=\"three\" namespace=\"a\" types=\"Egress\"><pod-selector><match key=\"app\" value=\"db\"/></pod-selector>"
		"<ingress/></policy>\n");
	EXPECT(m, "ca2", "10.0.1.1:80", "discarded:egress policy:ca2>pa2");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	/* "three" lists an ingress rule (allow all) but its types leave
	 * Ingress out: ignored; it isolates pa2 for egress with no rule. */
	assert_int_equal(m->v[test_id(m, "pa2")].nisolating[POLICY_INGRESS], 1);
	assert_int_equal(m->v[test_id(m, "pa1")].nisolating[POLICY_INGRESS], 2);
	model_free(m);
}

static void
test_selector_expressions(void **state)
{
	(void)state;
	struct labels ls = { 0 };
	labels_add(&ls, "app", "web");
	struct selector s = { 0 };
	assert_true(selector_matches(&s, &ls));
	struct expression e = { .key = "tier", .op = SEL_NOTIN };
	char *vals[] = { "x" };
	e.values = vals;
	e.nvalues = 1;
	s.expr = &e;
	s.nexpr = 1;
	assert_true(selector_matches(&s, &ls)); /* NotIn: absent label matches */
	e.op = SEL_IN;
	assert_false(selector_matches(&s, &ls));
	e.op = SEL_DOESNOTEXIST;
	assert_true(selector_matches(&s, &ls));
	e.key = "app";
	assert_false(selector_matches(&s, &ls));
	e.op = SEL_EXISTS;
	assert_true(selector_matches(&s, &ls));
	labels_free(&ls);
}

static void
test_namespace_metadata_label(void **state)
{
	(void)state;
	struct model *m = with_policy("<ingress><from><namespace-selector><match key=\"kubernetes.io/metadata.name\" value=\"b\"/>"
				      "</namespace-selector></from></ingress>");
	EXPECT(m, "cb", "10.0.1.1:80", "delivered::cb>pb>N1>pa1>ca1");
	/* The default namespace exists without being declared. */
	assert_true(model_find_namespace(m, "a") >= 0);
	model_free(m);
	size_t n;
	char *err = test_errors("<cluster name=\"x\"><namespace name=\"a\"><label key=\"kubernetes.io/metadata.name\" value=\"b\"/>"
				"</namespace><node name=\"N\" address=\"1.2.3.4\"/></cluster>",
				&n);
	assert_non_null(strstr(err, "must be the namespace's name 'a'"));
	free(err);
}

static void
test_reach_enumerates_services(void **state)
{
	(void)state;
	struct model *m = model_with("<service name=\"web\" namespace=\"a\" address=\"10.96.0.1\">"
				     "<selector key=\"app\" value=\"web\"/><port number=\"90\" target=\"80\"/>"
				     "<port number=\"8\" target=\"80\"/></service>\n");
	size_t n;
	struct dest *d = reach_dests(m, test_id(m, "D1"), PORTS_OPEN, &n);
	/* 3 pods x 2 endpoints, then the service's ports ascending. */
	assert_int_equal(n, 8);
	assert_int_equal(d[6].addr, 0x0a600001);
	assert_int_equal(d[6].port, 8);
	assert_int_equal(d[7].port, 90);
	free(d);
	/* --ports all: service addresses too, and service port numbers. */
	d = reach_dests(m, test_id(m, "D1"), PORTS_ALL, &n);
	assert_int_equal(n, (3 + 2 + 1) * 4); /* 8/TCP 80/TCP 81/UDP 90/TCP */
	free(d);
	model_free(m);
}

/* Spec 1.2: a selector matches the daemons of a hostNetwork pod (those
 * with a namespace) like pods: one backend per pod, at its node's
 * address, a named target resolved on that pod's daemons; a daemon in
 * another namespace, or without one, is not matched. */
static void
test_service_selects_host_network_daemons(void **state)
{
	(void)state;
	struct model *m = test_model(
		"<cluster name=\"h\" version=\"1.2\">\n"
		"<node name=\"N1\" address=\"192.168.0.1\">\n"
		"<daemon name=\"plain\"><port number=\"9100\"/></daemon>\n"
		"<daemon name=\"kube-system/cni-n1/agent\" pod=\"kube-system/cni-n1\" namespace=\"kube-system\" workload=\"DaemonSet/cni\">"
		"<label key=\"app\" value=\"cni\"/><port number=\"9101\"/></daemon>\n"
		"<daemon name=\"kube-system/cni-n1/exporter\" pod=\"kube-system/cni-n1\" namespace=\"kube-system\">"
		"<label key=\"app\" value=\"cni\"/><port number=\"9102\" name=\"metrics\"/></daemon>\n"
		"<daemon name=\"other/cni-n1/agent\" pod=\"other/cni-n1\" namespace=\"other\">"
		"<label key=\"app\" value=\"cni\"/><port number=\"9103\" name=\"metrics\"/></daemon>\n"
		"<pod name=\"P1\" namespace=\"kube-system\" address=\"10.0.1.1\"><label key=\"app\" value=\"cni\"/>"
		"<container name=\"C1\"><port number=\"9102\" name=\"metrics\"/></container></pod>\n"
		"</node>\n"
		"<node name=\"N2\" address=\"192.168.0.2\">\n"
		"<daemon name=\"kube-system/cni-n2/exporter\" pod=\"kube-system/cni-n2\" namespace=\"kube-system\">"
		"<label key=\"app\" value=\"cni\"/><port number=\"9200\" name=\"metrics\"/></daemon>\n"
		"<daemon name=\"unlabelled\" pod=\"x\"><label key=\"app\" value=\"cni\"/><port number=\"9100\"/></daemon>\n"
		"</node>\n"
		"<service name=\"cni\" namespace=\"kube-system\" address=\"10.96.0.10\"><selector key=\"app\" value=\"cni\"/>"
		"<port number=\"80\" target=\"metrics\"/><port number=\"81\" target=\"9101\"/></service>\n"
		"</cluster>\n");
	const struct svc_flat *f = model_service_port(m, 0x0a60000a, 80, PROTO_TCP);
	assert_non_null(f);
	/* Document order: N1's hostNetwork pod, P1, N2's hostNetwork pod. */
	assert_int_equal(f->nbackends, 3);
	assert_int_equal(f->backends[0].pod, test_id(m, "kube-system/cni-n1/agent"));
	assert_int_equal(f->backends[0].addr, 0xc0a80001);
	assert_int_equal(f->backends[0].port, 9102);
	assert_int_equal(f->backends[1].pod, test_id(m, "P1"));
	assert_int_equal(f->backends[1].port, 9102);
	assert_int_equal(f->backends[2].addr, 0xc0a80002);
	assert_int_equal(f->backends[2].port, 9200);
	/* A numeric target: the same backends, that port (P1 and N2's pod
	 * listen on nothing there, which is check's business). */
	f = model_service_port(m, 0x0a60000a, 81, PROTO_TCP);
	assert_int_equal(f->nbackends, 3);
	assert_int_equal(f->backends[0].port, 9101);
	/* The message forks per backend; N1's goes to the exporter daemon. */
	struct fate *fates;
	size_t n = forward_run(m, test_id(m, "plain"), 0x0a60000a, 80, PROTO_TCP, &fates);
	assert_int_equal(n, 3);
	assert_int_equal(fates[0].verdict, VERDICT_DELIVERED);
	assert_int_equal(fates[0].receiver, test_id(m, "kube-system/cni-n1/exporter"));
	assert_int_equal(fates[2].verdict, VERDICT_DELIVERED);
	assert_int_equal(fates[2].receiver, test_id(m, "kube-system/cni-n2/exporter"));
	forward_free(fates, n);
	model_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_service_endpoints_and_named_targets),
		cmocka_unit_test(test_service_forks_per_backend_in_order),
		cmocka_unit_test(test_service_rule_positions),
		cmocka_unit_test(test_policy_isolation_only_in_own_namespace),
		cmocka_unit_test(test_policy_egress_and_its_exceptions),
		cmocka_unit_test(test_policy_peers),
		cmocka_unit_test(test_policy_ports),
		cmocka_unit_test(test_policy_rules_are_additive_and_types_ignore),
		cmocka_unit_test(test_selector_expressions),
		cmocka_unit_test(test_namespace_metadata_label),
		cmocka_unit_test(test_reach_enumerates_services),
		cmocka_unit_test(test_service_selects_host_network_daemons),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
