#include "testlib.h"
#include "spec.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
test_spec_k1_counts_and_order(void **state)
{
	(void)state;
	struct model *m = test_k1();
	assert_string_equal(m->name, "K1");
	assert_int_equal(m->nnodes, 2);
	assert_int_equal(m->npods, 4);
	assert_int_equal(m->nprocs, 10);
	/* Senders in the order their elements start: D1, C1.1, C1.2, C3.1 ... */
	assert_string_equal(m->v[m->procs[0]].name, "D1");
	assert_string_equal(m->v[m->procs[1]].name, "C1.1");
	assert_string_equal(m->v[m->procs[3]].name, "C3.1");
	/* Switches: each node before its pods. */
	const char *sw[] = { "N1", "P1", "P3", "N2", "P2", "P4" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(m->v[m->switches[i]].name, sw[i]);
	assert_int_equal(m->v[test_id(m, "P3")].addr, 0x0a010102);
	model_free(m);
}

static void
test_spec_collects_every_error(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<cluster name=\"x\">\n"
				"<node name=\"N1\" address=\"10.0.0.1\">\n"
				"<pod name=\"N1\" address=\"10.0.0.01\"/>\n"
				"<pod name=\"P2\" address=\"10.0.0.1\" color=\"red\"/>\n"
				"</node>\n"
				"<link-down from=\"N1\" to=\"nowhere\"/>\n"
				"</cluster>\n",
				&n);
	assert_int_equal(n, 5);
	assert_non_null(strstr(out, "test.xml:3: error: duplicate name 'N1'"));
	assert_non_null(strstr(out, "test.xml:3: error: invalid address '10.0.0.01'"));
	assert_non_null(strstr(out, "test.xml:4: error: unknown attribute 'color' on <pod>"));
	assert_non_null(strstr(out, "test.xml:4: error: address 10.0.0.1 is already the address of node 'N1'"));
	assert_non_null(strstr(out, "test.xml:6: error: 'to' names 'nowhere'"));
	/* Printed in the file's order. */
	assert_true(strstr(out, ":3:") < strstr(out, ":4:"));
	free(out);
}

static void
test_spec_refuses_doctype_and_entities(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<?xml version=\"1.0\"?>\n"
				"<!DOCTYPE cluster [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
				"<cluster name=\"&x;\"><node name=\"N\" address=\"1.2.3.4\"/></cluster>\n",
				&n);
	assert_non_null(strstr(out, "test.xml:2: error: a DOCTYPE is not allowed"));
	assert_null(strstr(out, "root:"));
	free(out);
	out = test_errors("<cluster name=\"&x;\"><node name=\"N\" address=\"1.2.3.4\"/></cluster>\n", &n);
	assert_non_null(strstr(out, "test.xml:1: error: malformed XML"));
	free(out);
}

static void
test_spec_ports_shared_within_a_pod(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">\n"
				"<pod name=\"P\" address=\"10.0.0.1\">\n"
				"<container name=\"a\"><port number=\"80\"/></container>\n"
				"<container name=\"b\"><port number=\"80\" protocol=\"UDP\"/>\n"
				"<port number=\"80\" protocol=\"TCP\"/></container>\n"
				"</pod></node></cluster>\n",
				&n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(out, "test.xml:5: error: port 80/TCP is already open in pod 'P' (by 'a', line 3)"));
	free(out);
}

static void
test_spec_overrides_and_warnings(void **state)
{
	(void)state;
	const char *xml = "<cluster name=\"x\">\n"
			  "<fib switch=\"N1\"><rule action=\"discard\" dst=\"10.0.0.0/8\" dport=\"80-90\"/>\n"
			  "<rule action=\"forward\" to=\"P\" protocol=\"UDP\"/></fib>\n"
			  "<node name=\"N1\" address=\"1.2.3.4\"><pod name=\"P\" address=\"10.0.0.1\"/></node>\n"
			  "<node name=\"N2\" address=\"1.2.3.5\"/>\n"
			  "<fib switch=\"N2\"><rule action=\"forward\" to=\"P\"/></fib>\n"
			  "<link-down from=\"N1\" to=\"N2\"/><link-down from=\"N2\" to=\"N1\"/>\n"
			  "</cluster>\n";
	struct diag *d = diag_new("w.xml");
	struct model *m;
	assert_int_equal(spec_parse(xml, strlen(xml), d, &m), SPEC_OK);
	assert_int_equal(diag_errors(d), 0);
	assert_int_equal(diag_count(d), 2); /* P not linked to N2; link twice */
	const struct vertex *n1 = &m->v[test_id(m, "N1")];
	assert_int_equal(n1->nfib, 2);
	assert_int_equal(n1->fib[0].action, ACT_DISCARD);
	assert_string_equal(n1->fib[0].dst_text, "10.0.0.0/8");
	assert_int_equal(n1->fib[0].dport_hi, 90);
	assert_true(model_link_down(m, test_id(m, "N2"), test_id(m, "N1")));
	assert_false(model_linked(m, test_id(m, "N1"), test_id(m, "N2")));
	model_free(m);
	diag_free(d);
}

static void
test_spec_size_limit_before_reading(void **state)
{
	(void)state;
	char *path = test_path("samples/k1.xml");
	struct diag *d = diag_new(path);
	struct model *m;
	assert_int_equal(spec_load(path, 100, d, &m), SPEC_INVALID);
	assert_null(m);
	assert_int_equal(diag_errors(d), 1);
	diag_free(d);
	d = diag_new("nope");
	assert_int_equal(spec_load("/nonexistent/k8snet.xml", 100, d, &m), SPEC_IO_ERROR);
	diag_free(d);
	free(path);
}

static void
test_spec_expect_parsed(void **state)
{
	(void)state;
	struct model *m = test_model("<cluster name=\"x\"><node name=\"N\" address=\"1.2.3.4\">"
				     "<pod name=\"P\" address=\"10.0.0.1\"><container name=\"C\"><port number=\"80\"/>"
				     "</container></pod></node>"
				     "<expect from=\"C\" to=\"10.0.0.1:80/TCP\" verdict=\"delivered\" receiver=\"C\"/>"
				     "<expect from=\"C\" to=\"10.0.0.1:22\" verdict=\"loop\"/></cluster>");
	assert_int_equal(m->nexpects, 2);
	assert_int_equal(m->expects[0].receiver, test_id(m, "C"));
	assert_int_equal(m->expects[1].port, 22);
	assert_int_equal(m->expects[1].verdict, VERDICT_LOOP);
	model_free(m);
}

/* The spec 1.2 sample: version, workloads, a hostNetwork pod's daemons,
 * explicit endpoints, a policy named as a DNS subdomain. */
static struct model *
load_1_2(void)
{
	char *path = test_path("tests/data/spec-1.2.xml");
	struct diag *d = diag_new(path);
	struct model *m = NULL;
	assert_int_equal(spec_load(path, SPEC_DEFAULT_MAX_SIZE, d, &m), SPEC_OK);
	assert_int_equal(diag_count(d), 0);
	diag_free(d);
	free(path);
	return m;
}

static const struct svc_flat *
port_of(const struct model *m, const char *addr, uint16_t port)
{
	uint32_t a;
	assert_true(addr_parse(addr, &a));
	const struct svc_flat *f = model_service_port(m, a, port, PROTO_TCP);
	assert_non_null(f);
	return f;
}

static void
test_spec_1_2_elements(void **state)
{
	(void)state;
	struct model *m = load_1_2();
	assert_string_equal(m->version, "1.2");
	const struct vertex *web = &m->v[test_id(m, "shop/web-1")];
	assert_string_equal(web->workload, "Deployment/web");
	assert_null(web->pod_name);
	const struct vertex *agent = &m->v[test_id(m, "shop/agent-n1/agent")];
	assert_string_equal(agent->pod_name, "shop/agent-n1");
	assert_string_equal(agent->workload, "DaemonSet/agent");
	assert_int_equal(agent->ns, model_find_namespace(m, "shop"));
	assert_string_equal(labels_get(&agent->labels, "app"), "agent");
	assert_string_equal(agent->ports[0].name, "metrics");
	/* A daemon without namespace has none, not "default". */
	assert_int_equal(m->v[test_id(m, "N1:kubelet")].ns, -1);
	assert_null(m->v[test_id(m, "N1:kubelet")].workload);
	/* The policy's name is a DNS subdomain. */
	assert_string_equal(m->pols[0].name, "db.allow-web");
	/* kubernetes: one endpoint, service-port given. */
	const struct service *k = &m->svcs[1];
	assert_string_equal(k->name, "kubernetes");
	assert_false(k->has_selector);
	assert_int_equal(k->nendpoints, 1);
	assert_int_equal(k->endpoints[0].addr, 0xc0a80002);
	assert_int_equal(k->endpoints[0].port, 6443);
	assert_int_equal(k->endpoints[0].service_port, 443);
	assert_int_equal(k->endpoints[0].proto, PROTO_TCP);
	/* db: without service-port, the service's only port. */
	assert_int_equal(m->svcs[2].endpoints[0].service_port, 5432);
	model_free(m);
}

static void
test_spec_1_2_backends(void **state)
{
	(void)state;
	struct model *m = load_1_2();
	/* A selector matches the hostNetwork pod once (not once per daemon):
	 * its node's address, the named target resolved on its daemons. */
	const struct svc_flat *f = port_of(m, "10.96.0.10", 80);
	assert_int_equal(f->nbackends, 1);
	assert_int_equal(f->backends[0].pod, test_id(m, "shop/agent-n1/agent"));
	assert_int_equal(f->backends[0].addr, 0xc0a80001);
	assert_int_equal(f->backends[0].port, 9100);
	/* An endpoint at a node's address: an address alone. */
	f = port_of(m, "10.96.0.1", 443);
	assert_int_equal(f->nbackends, 1);
	assert_int_equal(f->backends[0].pod, -1);
	assert_int_equal(f->backends[0].addr, 0xc0a80002);
	assert_int_equal(f->backends[0].port, 6443);
	/* At a pod's address: that pod. */
	f = port_of(m, "10.96.0.11", 5432);
	assert_int_equal(f->nbackends, 1);
	assert_int_equal(f->backends[0].pod, test_id(m, "shop/db-1"));
	/* Outside the cluster: an address alone. */
	f = port_of(m, "10.96.0.12", 443);
	assert_int_equal(f->nbackends, 1);
	assert_int_equal(f->backends[0].pod, -1);
	assert_int_equal(f->backends[0].addr, 0xcb007105);
	model_free(m);
}

static void
test_spec_1_2_versions(void **state)
{
	(void)state;
	static const char *const ok[] = { NULL, "1.0", "1.1", "1.2" };
	for (size_t i = 0; i < 4; i++) {
		char *xml = i == 0 ? xstrdup("<cluster name=\"x\"><node name=\"N\" address=\"10.0.0.1\"/></cluster>")
				   : xasprintf("<cluster name=\"x\" version=\"%s\"><node name=\"N\" address=\"10.0.0.1\"/></cluster>",
					       ok[i]);
		struct model *m = test_model(xml);
		if (i == 0)
			assert_null(m->version);
		else
			assert_string_equal(m->version, ok[i]);
		model_free(m);
		free(xml);
	}
	size_t n;
	char *out = test_errors("<cluster name=\"x\" version=\"1.3\"><node name=\"N\" address=\"10.0.0.1\"/></cluster>", &n);
	assert_int_equal(n, 1);
	assert_non_null(strstr(out, "test.xml:1: error: unknown version '1.3' (1.0, 1.1 or 1.2)"));
	free(out);
}

static void
test_spec_1_2_errors(void **state)
{
	(void)state;
	size_t n;
	char *out = test_errors("<cluster name=\"x\">\n"
				"<node name=\"N\" address=\"10.0.0.1\">\n"
				"<pod name=\"P\" address=\"10.0.1.1\" workload=\"web\"/>\n"
				"<daemon name=\"D\" pod=\"-p\" namespace=\"Kube\" workload=\"Pod/a b\"><label key=\"a\" value=\"-\"/></daemon>\n"
				"<daemon name=\"E\"><port number=\"1\" name=\"x\"/></daemon>\n"
				"</node>\n"
				"<service name=\"s\" address=\"10.96.0.1\"><selector key=\"a\" value=\"b\"/><port number=\"80\"/>\n"
				"<endpoint address=\"10.0.1.1\" port=\"80\"/></service>\n"
				"<service name=\"t\" address=\"10.96.0.2\"><port number=\"80\"/><port number=\"81\"/>\n"
				"<endpoint address=\"10.0.1.1\" port=\"80\"/>\n"
				"<endpoint address=\"10.0.1.1\" port=\"80\" service-port=\"82\"/>\n"
				"<endpoint address=\"10.0.1.1\" port=\"80\" protocol=\"UDP\" service-port=\"80\"/>\n"
				"<endpoint address=\"127.0.0.1\" port=\"0\" protocol=\"tcp\" service-port=\"x\" weight=\"1\"/>\n"
				"<endpoint address=\"10.96.0.1\" port=\"80\" service-port=\"81\"/></service>\n"
				"<policy name=\"Bad_Name\"><pod-selector/></policy>\n"
				"</cluster>\n",
				&n);
	assert_non_null(strstr(out, "test.xml:3: error: invalid workload 'web' (KIND/NAME"));
	assert_non_null(strstr(out, "test.xml:4: error: invalid pod '-p' on <daemon>"));
	assert_non_null(strstr(out, "test.xml:4: error: invalid namespace 'Kube'"));
	assert_non_null(strstr(out, "test.xml:4: error: invalid workload 'Pod/a b'"));
	assert_non_null(strstr(out, "test.xml:4: error: invalid label value '-'"));
	/* A daemon names its ports only as a hostNetwork pod's container. */
	assert_non_null(strstr(out, "test.xml:5: error: unknown attribute 'name' on <port>"));
	assert_non_null(strstr(out, "test.xml:8: error: service 's' has a <selector> (line 7) and an <endpoint>"));
	assert_non_null(strstr(out, "test.xml:10: error: <endpoint> needs a 'service-port': service 't' has 2 ports"));
	assert_non_null(strstr(out, "test.xml:11: error: service-port 82/TCP is not a port of service 't'"));
	assert_non_null(strstr(out, "test.xml:12: error: service-port 80/UDP is not a port of service 't'"));
	assert_non_null(strstr(out, "test.xml:13: error: unknown attribute 'weight' on <endpoint>"));
	assert_non_null(strstr(out, "test.xml:13: error: address 127.0.0.1 is reserved (loopback or 0.0.0.0): an endpoint cannot have it"));
	assert_non_null(strstr(out, "test.xml:13: error: invalid port number '0'"));
	assert_non_null(strstr(out, "test.xml:13: error: unknown protocol 'tcp'"));
	assert_non_null(strstr(out, "test.xml:13: error: invalid service-port 'x'"));
	assert_non_null(strstr(out, "test.xml:14: error: endpoint address 10.96.0.1 is the address of service 's' (line 7)"));
	assert_non_null(strstr(out, "test.xml:15: error: invalid policy name 'Bad_Name' (a DNS subdomain"));
	assert_int_equal(n, 17);
	free(out);
}

static void
test_spec_1_2_long_names(void **state)
{
	(void)state;
	/* Vertex names up to 512 characters; policy names up to 253. */
	char name[514], pol[256];
	memset(name, 'n', 512);
	name[512] = '\0';
	memset(pol, 'p', 253);
	pol[253] = '\0';
	for (size_t i = 63; i < 253; i += 64)
		pol[i] = '.';
	char *xml = xasprintf("<cluster name=\"x\"><node name=\"%s\" address=\"10.0.0.1\"/>"
			      "<policy name=\"%s\"><pod-selector/></policy></cluster>", name, pol);
	struct model *m = test_model(xml);
	assert_int_equal(strlen(m->v[0].name), 512);
	assert_int_equal(strlen(m->pols[0].name), 253);
	model_free(m);
	free(xml);
	name[512] = 'n';
	name[513] = '\0';
	pol[252] = '\0';
	pol[251] = '-';
	xml = xasprintf("<cluster name=\"x\"><node name=\"%s\" address=\"10.0.0.1\"/>"
			"<policy name=\"%s\"><pod-selector/></policy></cluster>", name, pol);
	size_t n;
	char *out = test_errors(xml, &n);
	assert_int_equal(n, 2);
	assert_non_null(strstr(out, "(1 to 512 characters"));
	assert_non_null(strstr(out, "invalid policy name"));
	free(out);
	free(xml);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_spec_k1_counts_and_order),
		cmocka_unit_test(test_spec_collects_every_error),
		cmocka_unit_test(test_spec_refuses_doctype_and_entities),
		cmocka_unit_test(test_spec_ports_shared_within_a_pod),
		cmocka_unit_test(test_spec_overrides_and_warnings),
		cmocka_unit_test(test_spec_size_limit_before_reading),
		cmocka_unit_test(test_spec_expect_parsed),
		cmocka_unit_test(test_spec_1_2_elements),
		cmocka_unit_test(test_spec_1_2_backends),
		cmocka_unit_test(test_spec_1_2_versions),
		cmocka_unit_test(test_spec_1_2_errors),
		cmocka_unit_test(test_spec_1_2_long_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
