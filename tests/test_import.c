/* The importer's mapping rules (k8snet(1), KUBERNETES INPUT), one test each: YAML
 * in, the spec's XML (or the messages) out. */
#include "testlib.h"
#include "import.h"
#include "import_int.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Import yaml (written to t.yaml in a temporary folder)
 * with options o (NULL: defaults). Returns the XML or NULL; *msgs (if
 * not NULL) gets the messages, *rc the status. Caller frees both. */
static char *
imp(const char *yaml, const struct import_opts *o, char **msgs, int *rc)
{
	char dir[] = "/tmp/k8snet-test-import.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *cwd = getcwd(NULL, 0);
	assert_int_equal(chdir(dir), 0);
	FILE *f = fopen("t.yaml", "w");
	assert_non_null(f);
	fputs(yaml, f);
	fclose(f);
	struct import_opts def;
	import_opts_default(&def);
	if (o == NULL)
		o = &def;
	struct diag *d = diag_new("t");
	char *xml = NULL, *text = NULL;
	size_t len = 0, tlen = 0;
	char *in[] = { "t.yaml" };
	int r = import_run(in, 1, o, d, NULL, &xml, &len);
	FILE *m = open_memstream(&text, &tlen);
	diag_print(d, m);
	fclose(m);
	diag_free(d);
	unlink("t.yaml");
	assert_int_equal(chdir(cwd), 0);
	free(cwd);
	rmdir(dir);
	if (rc)
		*rc = r;
	if (msgs)
		*msgs = text;
	else
		free(text);
	return xml;
}

static char *
imp_ok(const char *yaml, const struct import_opts *o)
{
	int rc;
	char *msgs;
	char *xml = imp(yaml, o, &msgs, &rc);
	if (rc != 0)
		fprintf(stderr, "%s", msgs);
	free(msgs);
	assert_int_equal(rc, 0);
	assert_non_null(xml);
	return xml;
}

#define HAS(xml, s) assert_non_null(strstr((xml), (s)))
#define HASNT(xml, s) assert_null(strstr((xml), (s)))

static const char deploy4[] = "kind: Deployment\n"
			      "metadata: {name: web, namespace: shop}\n"
			      "spec:\n"
			      "  replicas: 4\n"
			      "  template:\n"
			      "    metadata: {labels: {app: web}}\n"
			      "    spec:\n"
			      "      containers:\n"
			      "        - name: nginx\n"
			      "          ports: [{name: http, containerPort: 8080}]\n";

static void
test_import_synthetic_nodes_zero_padded(void **state)
{
	(void)state;
	struct import_opts o;
	import_opts_default(&o);
	o.nodes = 12;
	char *xml = imp_ok(deploy4, &o);
	HAS(xml, "<node name=\"node-01\" address=\"192.168.0.1\">");
	HAS(xml, "<node name=\"node-12\" address=\"192.168.0.12\">");
	HAS(xml, "<daemon name=\"node-01:kubelet\"><port number=\"10250\"/></daemon>");
	HASNT(xml, "node-1\"");
	free(xml);
}

static void
test_import_round_robin_and_pod_subnets(void **state)
{
	(void)state;
	char *xml = imp_ok(deploy4, NULL);
	/* 3 nodes: web-1 node-1, web-2 node-2, web-3 node-3, web-4 node-1 */
	HAS(xml, "<pod name=\"shop/web-1\" namespace=\"shop\" address=\"10.244.0.1\" workload=\"Deployment/web\">");
	HAS(xml, "<pod name=\"shop/web-2\" namespace=\"shop\" address=\"10.244.1.1\"");
	HAS(xml, "<pod name=\"shop/web-3\" namespace=\"shop\" address=\"10.244.2.1\"");
	HAS(xml, "<pod name=\"shop/web-4\" namespace=\"shop\" address=\"10.244.0.2\"");
	HAS(xml, "<container name=\"shop/web-1/nginx\"><port number=\"8080\" name=\"http\"/></container>");
	HAS(xml, "<label key=\"app\" value=\"web\"/>");
	HAS(xml, "<!-- t.yaml:1 Deployment shop/web -->");
	HAS(xml, "<cluster name=\"t\" version=\"1.2\">");
	/* the namespace that objects use is declared */
	HAS(xml, "<namespace name=\"shop\">\n    <label key=\"kubernetes.io/metadata.name\" value=\"shop\"/>");
	free(xml);
}

static void
test_import_same_bytes_every_time(void **state)
{
	(void)state;
	char *a = imp_ok(deploy4, NULL), *b = imp_ok(deploy4, NULL);
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* The fuzzer's entry, bytes in memory: the same XML as from a file
 * named the same, its XML left unparsed. */
static void
test_import_buffer_as_file(void **state)
{
	(void)state;
	struct import_opts o;
	import_opts_default(&o);
	o.name = "t";
	struct diag *d = diag_new("t");
	char *xml = NULL;
	size_t len = 0;
	assert_int_equal(import_run_buffer("t.yaml", deploy4, strlen(deploy4), &o, d, &xml, &len), 0);
	diag_free(d);
	char *file = imp_ok(deploy4, &o);
	assert_int_equal(len, strlen(xml));
	assert_string_equal(xml, file);
	free(xml);
	free(file);
}

static void
test_import_workload_kinds(void **state)
{
	(void)state;
	char *xml = imp_ok("kind: StatefulSet\nmetadata: {name: db}\nspec: {replicas: 2, template: {spec: {containers: [{name: pg}]}}}\n"
			   "---\nkind: DaemonSet\nmetadata: {name: agent}\nspec: {template: {spec: {containers: [{name: a}]}}}\n"
			   "---\nkind: CronJob\nmetadata: {name: nightly}\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{name: r}]}}}}}\n"
			   "---\nkind: Job\nmetadata: {name: batch}\nspec: {parallelism: 2, template: {spec: {containers: [{name: b}]}}}\n"
			   "---\nkind: Deployment\nmetadata: {name: off}\nspec: {replicas: 0, template: {spec: {containers: [{name: o}]}}}\n",
			   NULL);
	HAS(xml, "\"default/db-0\"");
	HAS(xml, "\"default/db-1\"");
	HASNT(xml, "\"default/db-2\"");
	HAS(xml, "\"default/agent-node-1\"");
	HAS(xml, "\"default/agent-node-3\"");
	HAS(xml, "\"default/nightly-1\"");
	HAS(xml, "workload=\"CronJob/nightly\"");
	HAS(xml, "\"default/batch-2\"");
	HASNT(xml, "default/off");
	free(xml);
}

static const char live[] = "kind: Deployment\nmetadata: {name: api}\nspec: {replicas: 5, template: {spec: {containers: [{name: api}]}}}\n"
			   "---\nkind: Pod\n"
			   "metadata:\n"
			   "  name: api-abc12-x\n"
			   "  labels: {pod-template-hash: abc12}\n"
			   "  ownerReferences: [{kind: ReplicaSet, name: api-abc12, controller: true}]\n"
			   "spec: {nodeName: w1, containers: [{name: api}]}\n"
			   "status: {phase: Running, hostIP: 172.18.0.3, podIP: 10.9.9.9}\n"
			   "---\nkind: Pod\n"
			   "metadata: {name: done}\n"
			   "spec: {nodeName: w1, containers: [{name: c}]}\n"
			   "status: {phase: Succeeded}\n";

static void
test_import_live_pods_and_deployment_hash(void **state)
{
	(void)state;
	char *xml = imp_ok(live, NULL);
	/* the node comes from the live pod's nodeName and hostIP */
	HAS(xml, "<node name=\"w1\" address=\"172.18.0.3\">");
	HAS(xml, "address=\"10.9.9.9\" workload=\"ReplicaSet/api-abc12\"");
	/* the Deployment's pods are in the input: not synthesized again */
	HASNT(xml, "default/api-1");
	/* completed pods have no network */
	HASNT(xml, "default/done");
	free(xml);
}

static void
test_import_host_network_and_sidecars(void **state)
{
	(void)state;
	char *xml = imp_ok("kind: Pod\nmetadata: {name: proxy, namespace: kube-system, labels: {k: v}}\n"
			   "spec:\n  hostNetwork: true\n  nodeName: n1\n"
			   "  containers: [{name: p, ports: [{containerPort: 10249, name: metrics}, {containerPort: 10250}]}]\n"
			   "---\nkind: Pod\nmetadata: {name: app}\n"
			   "spec:\n  nodeName: n1\n"
			   "  initContainers: [{name: setup}, {name: mesh, restartPolicy: Always, ports: [{containerPort: 15001}]}]\n"
			   "  containers: [{name: main}]\n",
			   NULL);
	HAS(xml, "<daemon name=\"kube-system/proxy/p\" pod=\"proxy\" namespace=\"kube-system\" workload=\"Pod/proxy\">\n"
		 "      <label key=\"k\" value=\"v\"/>\n"
		 "      <port number=\"10249\" name=\"metrics\"/>\n    </daemon>");
	/* the sidecar first, the one-shot init container left out */
	HAS(xml, "<container name=\"default/app/mesh\"><port number=\"15001\"/></container>\n"
		 "      <container name=\"default/app/main\"/>");
	HASNT(xml, "setup");
	free(xml);
}

static void
test_import_services(void **state)
{
	(void)state;
	char *xml = imp_ok("kind: Service\nmetadata: {name: b}\nspec: {selector: {app: b}, ports: [{port: 80, targetPort: http}]}\n"
			   "---\nkind: Service\nmetadata: {name: a}\nspec: {clusterIP: 10.96.0.10, ports: [{port: 80, protocol: UDP}]}\n"
			   "---\nkind: Service\nmetadata: {name: h}\nspec: {clusterIP: None, ports: [{port: 80}]}\n"
			   "---\nkind: Service\nmetadata: {name: ext}\nspec: {type: ExternalName, externalName: x.example}\n"
			   "---\nkind: Endpoints\nmetadata: {name: a}\nsubsets: [{addresses: [{ip: 192.168.0.2}], ports: [{port: 53, protocol: UDP}]}]\n",
			   NULL);
	/* b allocated from .10 upward, skipping a's */
	HAS(xml, "<service name=\"b\" namespace=\"default\" address=\"10.96.0.11\">\n"
		 "    <selector key=\"app\" value=\"b\"/>\n    <port number=\"80\" target=\"http\"/>");
	HAS(xml, "<endpoint address=\"192.168.0.2\" port=\"53\" protocol=\"UDP\" service-port=\"80\"/>");
	/* an endpoint at a node address that nothing opens */
	HAS(xml, "<daemon name=\"node-2:kube-apiserver\"><port number=\"53\" protocol=\"UDP\"/></daemon>");
	HASNT(xml, "\"h\"");
	HASNT(xml, "\"ext\"");
	free(xml);
}

static void
test_import_policies(void **state)
{
	(void)state;
	char *msgs;
	int rc;
	char *xml = imp("kind: NetworkPolicy\nmetadata: {name: p}\n"
			"spec:\n"
			"  podSelector: {matchLabels: {app: db}}\n"
			"  policyTypes: [Ingress, Egress]\n"
			"  ingress:\n"
			"    - from: [{ipBlock: {cidr: 10.1.2.7/24, except: [10.1.2.0/28]}}]\n"
			"      ports: [{port: 5432}, {port: metrics, protocol: UDP}, {port: 7000, endPort: 7005}]\n"
			"    - from: [{ipBlock: {cidr: 'fd00::/8'}}]\n"
			"  egress:\n"
			"    - to: [{namespaceSelector: {matchExpressions: [{key: env, operator: NotIn, values: [dev, test]}]}}]\n",
			NULL, &msgs, &rc);
	assert_int_equal(rc, 0);
	HAS(xml, "<policy name=\"p\" namespace=\"default\" types=\"Ingress Egress\">");
	HAS(xml, "<ip-block cidr=\"10.1.2.0/24\"><except cidr=\"10.1.2.0/28\"/></ip-block>");
	HAS(xml, "<port number=\"metrics\" protocol=\"UDP\"/>");
	HAS(xml, "<port number=\"7000\" end=\"7005\"/>");
	HAS(xml, "<expression key=\"env\" operator=\"NotIn\" values=\"dev test\"/>");
	/* the IPv6-only rule is dropped, never widened to everyone */
	HASNT(xml, "<ingress/>");
	HAS(msgs, "host bits set: masked");
	HAS(msgs, "IPv6 ipBlocks");
	free(msgs);
	free(xml);
}

static void
test_import_errors_are_all_reported(void **state)
{
	(void)state;
	char *msgs;
	int rc;
	char *xml = imp("kind: Pod\nmetadata: {name: a}\nstatus: {podIP: 10.0.0.1}\n"
			"---\nkind: Pod\nmetadata: {name: b}\nstatus: {podIP: 10.0.0.1}\n"
			"---\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 0}]}\n"
			"---\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n",
			NULL, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "t.yaml:11:23: error: invalid port 0 (1 to 65535)");
	HAS(msgs, "t.yaml:14:18: error: duplicate Service default/s (already at t.yaml:9)");
	HAS(msgs, "error: pod default/b has the address 10.0.0.1 of pod default/a");
	free(msgs);
}

static void
test_import_pod_cidr_runs_out(void **state)
{
	(void)state;
	struct import_opts o;
	import_opts_default(&o);
	o.pod_cidr = "10.244.0.0/23";
	char *msgs;
	int rc;
	char *xml = imp(deploy4, &o, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "widen --pod-cidr");
	free(msgs);
}

static void
test_import_names_and_quoted_numbers(void **state)
{
	(void)state;
	char *msgs;
	int rc;
	char *xml = imp("kind: Pod\nmetadata: {name: Web_1--x}\n"
			"spec: {containers: [{ports: [{containerPort: \"8080\"}, {name: nothing}]}]}\n",
			NULL, &msgs, &rc);
	assert_int_equal(rc, 0);
	HAS(xml, "<pod name=\"default/web-1--x\"");
	/* the comment keeps the original name, "--" written "-\-" */
	HAS(xml, "<!-- t.yaml:1 Pod default/Web_1-\\-x -->");
	HAS(xml, "<container name=\"default/web-1--x/container-1\"><port number=\"8080\"/></container>");
	HAS(msgs, "quoted numbers");
	HAS(msgs, "containers without a name");
	HAS(msgs, "without containerPort");
	HAS(msgs, "names that Kubernetes would refuse");
	free(msgs);
	free(xml);
}

static void
test_import_load_parses_the_same_xml(void **state)
{
	(void)state;
	char dir[] = "/tmp/k8snet-test-load.XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *path = xasprintf("%s/c.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(deploy4, f);
	fclose(f);
	assert_true(import_is_kube(path));
	assert_true(import_is_kube(dir));
	struct diag *d = diag_new(path);
	struct model *m = NULL;
	enum spec_status st = import_load(path, 0, d, &m);
	if (st == SPEC_OK) {
		assert_int_equal(m->nnodes, 3);
		assert_int_equal(m->npods, 4);
	} else {
		/* the parser's messages cite the YAML, never the XML */
		char *text = NULL;
		size_t len = 0;
		FILE *mf = open_memstream(&text, &len);
		diag_print(d, mf);
		fclose(mf);
		assert_null(strstr(text, "<import>"));
		free(text);
	}
	model_free(m);
	diag_free(d);
	f = fopen(path, "w");
	fputs("\xef\xbb\xbf  \n<cluster/>", f);
	fclose(f);
	assert_false(import_is_kube(path));
	unlink(path);
	rmdir(dir);
	free(path);
}

static void
test_import_node_addresses_and_names(void **state)
{
	(void)state;
	char *msgs;
	int rc;
	char *xml = imp("kind: Node\nmetadata: {name: b}\n"
			"status: {addresses: [{type: InternalIP, address: 'fd00::2'}, {type: ExternalIP, address: 203.0.113.2}]}\n"
			"---\nkind: Node\nmetadata: {name: a}\nstatus: {addresses: [{type: Hostname, address: a.local}]}\n"
			"---\nkind: Pod\nmetadata: {name: p}\n"
			"spec: {nodeName: c, hostNetwork: true, containers: [{name: k, ports: [{containerPort: 10250}, {containerPort: 80}]}]}\n"
			"---\nkind: Pod\nmetadata: {name: q}\n"
			"spec: {nodeName: c, hostNetwork: true, containers: [{name: k, ports: [{containerPort: 80}]}]}\n",
			NULL, &msgs, &rc);
	assert_int_equal(rc, 0);
	/* node order is byte order; an IPv6 InternalIP yields to an ExternalIP;
	 * nodes without an address get the --node-cidr's hosts in that order */
	HAS(xml, "<node name=\"a\" address=\"192.168.0.1\">");
	HAS(xml, "<node name=\"b\" address=\"203.0.113.2\">");
	/* a nodeName that names no node creates it */
	HAS(xml, "<node name=\"c\" address=\"192.168.0.2\">");
	/* the kubelet keeps 10250, the first pod in input order keeps 80 */
	HAS(xml, "<daemon name=\"default/p/k\" pod=\"p\" namespace=\"default\" workload=\"Pod/p\">"
		 "<port number=\"80\"/></daemon>");
	HAS(xml, "<daemon name=\"default/q/k\" pod=\"q\" namespace=\"default\" workload=\"Pod/q\"/>");
	HAS(msgs, "ports opened twice on one node or pod: the first in input order keeps it (2 in all");
	free(msgs);
	free(xml);
}

static void
test_import_endpoint_slices_before_endpoints(void **state)
{
	(void)state;
	char *xml = imp_ok("kind: Service\nmetadata: {name: ext}\nspec: {ports: [{name: https, port: 443}, {name: dns, port: 53, protocol: UDP}]}\n"
			   "---\nkind: Endpoints\nmetadata: {name: ext}\nsubsets: [{addresses: [{ip: 198.51.100.9}], ports: [{name: https, port: 8443}]}]\n"
			   "---\nkind: EndpointSlice\nmetadata: {name: ext-x1, labels: {kubernetes.io/service-name: ext}}\n"
			   "addressType: IPv4\nendpoints: [{addresses: [198.51.100.1]}]\n"
			   "ports: [{name: https, port: 8443}, {name: dns, port: 5353, protocol: UDP}, {name: nope, port: 1}]\n",
			   NULL);
	HAS(xml, "<endpoint address=\"198.51.100.1\" port=\"8443\" protocol=\"TCP\" service-port=\"443\"/>\n"
		 "    <endpoint address=\"198.51.100.1\" port=\"5353\" protocol=\"UDP\" service-port=\"53\"/>");
	HASNT(xml, "198.51.100.9");
	HASNT(xml, "port=\"1\"");
	free(xml);
}

static void
test_import_created_node_takes_the_host_ip(void **state)
{
	(void)state;
	char *xml = imp_ok("kind: Node\nmetadata: {name: a}\nstatus: {addresses: [{type: InternalIP, address: 10.0.0.1}]}\n"
			   "---\nkind: Pod\nmetadata: {name: p}\nspec: {nodeName: b, containers: [{name: c}]}\n"
			   "status: {podIP: 10.1.0.5, hostIP: 10.0.0.2}\n",
			   NULL);
	HAS(xml, "<node name=\"b\" address=\"10.0.0.2\">");
	HAS(xml, "<pod name=\"default/p\" namespace=\"default\" address=\"10.1.0.5\"");
	free(xml);
}

/* Each map the importer interprets warns about a key Kubernetes does not
 * know there (one warning line for all, the first one named, with a
 * guess); the importer goes on as Kubernetes does, ignoring it. */
static void
test_import_unknown_fields(void **state)
{
	(void)state;
	static const struct {
		const char *yaml, *detail;
	} cases[] = {
		{ "kind: Pod\nmetadata: {name: a, lables: {app: a}}\n", "'lables' in metadata; did you mean 'labels'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspek: {}\n", "'spek' in an object; did you mean 'spec'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspec: {hostNetwerk: true}\n",
		  "'hostNetwerk' in a pod spec; did you mean 'hostNetwork'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, prots: []}]}\n",
		  "'prots' in a container; did you mean 'ports'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, ports: [{contianerPort: 80}]}]}\n",
		  "'contianerPort' in a container port; did you mean 'containerPort'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspec: {initContainers: [{name: c, restartPolicyy: Always}]}\n",
		  "'restartPolicyy' in a container; did you mean 'restartPolicy'?" },
		{ "kind: Pod\nmetadata: {name: a, ownerReferences: [{kind: ReplicaSet, name: r, controler: true}]}\n",
		  "'controler' in an ownerReference; did you mean 'controller'?" },
		{ "kind: Deployment\nmetadata: {name: a}\nspec: {replica: 2}\n",
		  "'replica' in a workload spec; did you mean 'replicas'?" },
		{ "kind: Deployment\nmetadata: {name: a}\nspec: {template: {metdata: {}}}\n",
		  "'metdata' in a pod template; did you mean 'metadata'?" },
		{ "kind: CronJob\nmetadata: {name: a}\nspec: {jobTemplate: {spec: {templat: {}}}}\n",
		  "'templat' in a workload spec; did you mean 'template'?" },
		{ "kind: Service\nmetadata: {name: a}\nspec: {selecter: {app: a}, ports: [{port: 80}]}\n",
		  "'selecter' in a Service spec; did you mean 'selector'?" },
		{ "kind: Service\nmetadata: {name: a}\nspec: {ports: [{port: 80, targetport: 8080}]}\n",
		  "'targetport' in a service port; did you mean 'targetPort'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelecter: {}}\n",
		  "'podSelecter' in a NetworkPolicy spec; did you mean 'podSelector'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, policyType: [Ingress]}\n",
		  "'policyType' in a NetworkPolicy spec; did you mean 'policyTypes'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {matchLabel: {a: b}}}\n",
		  "'matchLabel' in a label selector; did you mean 'matchLabels'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {matchExpressions: [{key: a, "
		  "operator: Exists, valus: []}]}}\n",
		  "'valus' in a selector requirement; did you mean 'values'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, ingress: [{form: []}]}\n",
		  "'form' in an ingress rule; did you mean 'from'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, egress: [{too: []}]}\n",
		  "'too' in an egress rule; did you mean 'to'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, ingress: [{from: [{podSelector: {}, "
		  "namespaceSelecter: {}}]}]}\n",
		  "'namespaceSelecter' in a policy peer; did you mean 'namespaceSelector'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, ingress: [{from: [{ipBlock: "
		  "{cidr: 10.0.0.0/8, exept: []}}]}]}\n",
		  "'exept' in an ipBlock; did you mean 'except'?" },
		{ "kind: NetworkPolicy\nmetadata: {name: a}\nspec: {podSelector: {}, ingress: [{ports: [{port: 80, "
		  "endport: 90}]}]}\n",
		  "'endport' in a policy port; did you mean 'endPort'?" },
		{ "kind: EndpointSlice\nmetadata: {name: a-1, labels: {kubernetes.io/service-name: a}}\n"
		  "endpoints: [{adresses: [10.0.0.1]}]\n",
		  "'adresses' in an EndpointSlice endpoint; did you mean 'addresses'?" },
		{ "kind: EndpointSlice\nmetadata: {name: a-1, labels: {kubernetes.io/service-name: a}}\n"
		  "ports: [{prot: 80}]\n",
		  "'prot' in an EndpointSlice port; did you mean 'port'?" },
		{ "kind: Endpoints\nmetadata: {name: a}\nsubsets: [{adresses: []}]\n",
		  "'adresses' in an Endpoints subset; did you mean 'addresses'?" },
		{ "kind: Endpoints\nmetadata: {name: a}\nsubsets: [{addresses: [{ip: 10.0.0.1, nodename: n}]}]\n",
		  "'nodename' in an endpoint address; did you mean 'nodeName'?" },
		{ "kind: Node\nmetadata: {name: n}\nstatus: {addresses: [{type: InternalIP, adress: 10.0.0.1}]}\n",
		  "'adress' in a node address; did you mean 'address'?" },
		{ "kind: Pod\nmetadata: {name: a}\nspec: {xyzzy: 1}\n", "'xyzzy' in a pod spec)" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *msgs;
		int rc;
		free(imp(cases[i].yaml, NULL, &msgs, &rc));
		if (strstr(msgs, cases[i].detail) == NULL || rc != 0)
			fprintf(stderr, "case %zu (rc %d):\n%s", i, rc, msgs);
		assert_int_equal(rc, 0);
		HAS(msgs, "warning: unknown fields: ignored, as Kubernetes ignores them (1 in all, the first here: ");
		HAS(msgs, cases[i].detail);
		free(msgs);
	}
	/* Every field a kubectl dump holds is known (status subtrees and maps
	 * the importer does not read are not checked). */
	char *msgs;
	free(imp("kind: Pod\n"
		 "metadata: {name: a, namespace: n, uid: u, resourceVersion: '1', creationTimestamp: null,\n"
		 "  generateName: a-, labels: {app: a}, annotations: {x: y}, managedFields: [{manager: m}],\n"
		 "  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: r, uid: u, controller: true,\n"
		 "    blockOwnerDeletion: true}]}\n"
		 "spec:\n"
		 "  containers: [{name: c, image: i, imagePullPolicy: Always, resources: {}, env: [{name: X}],\n"
		 "    volumeMounts: [], terminationMessagePath: /dev/termination-log, terminationMessagePolicy: File,\n"
		 "    ports: [{containerPort: 80, protocol: TCP, name: http}], readinessProbe: {tcpSocket: {port: 80}}}]\n"
		 "  dnsPolicy: ClusterFirst, enableServiceLinks: true, nodeName: n1, preemptionPolicy: Never,\n"
		 "  priority: 0, restartPolicy: Always, schedulerName: default-scheduler, securityContext: {},\n"
		 "  serviceAccount: default, serviceAccountName: default, terminationGracePeriodSeconds: 30,\n"
		 "  tolerations: [{key: k, operator: Exists, effect: NoExecute, tolerationSeconds: 300}],\n"
		 "  volumes: [{name: v, projected: {sources: []}}]}\n"
		 "status: {phase: Running, podIP: 10.244.1.2, podIPs: [{ip: 10.244.1.2}], hostIP: 10.0.0.1,\n"
		 "  conditions: [{type: Ready, status: 'True'}], qosClass: BestEffort}\n",
		 NULL, &msgs, NULL));
	HASNT(msgs, "unknown fields");
	free(msgs);
}

/* The parser's "line N" of the XML, in a message cited at the YAML, names
 * the YAML of that line's object, or goes with its words when no object
 * declares it (a namespace or node that import makes up). */
static void
test_import_remap_xml_lines(void **state)
{
	(void)state;
	const struct xml_origin map[] = {
		{ 4, false, { { NULL, 0, 0 }, NULL, NULL, NULL } },
		{ 10, true, { { "pods.yaml", 15, 1 }, "Pod", "data", "postgres-1" } },
		{ 20, true, { { "svc.yaml", 3, 1 }, "Service", "data", "db" } },
	};
	static const char *const cases[][2] = {
		{ "duplicate name 'data/postgres-1' (already a pod at line 15)",
		  "duplicate name 'data/postgres-1' (already a pod at pods.yaml:15)" },
		{ "address 10.0.0.1 is already the address of service 'db' (line 21)",
		  "address 10.0.0.1 is already the address of service 'db' (svc.yaml:3)" },
		{ "port 80/TCP is already open in pod 'p' (by 'c', line 11)",
		  "port 80/TCP is already open in pod 'p' (by 'c', pods.yaml:15)" },
		/* no object: the reference goes, with its words */
		{ "duplicate namespace 'x' (already at line 5)", "duplicate namespace 'x'" },
		{ "duplicate name 'n' (already a node at line 5)", "duplicate name 'n' (already a node)" },
		{ "address 1.1.1.1 is already the address of node 'n' (line 2)",
		  "address 1.1.1.1 is already the address of node 'n'" },
		{ "port 80/TCP is already open in node 'n' (by 'n:kubelet', line 6)",
		  "port 80/TCP is already open in node 'n' (by 'n:kubelet')" },
		/* not a reference */
		{ "pipeline 3 and line x, online 4", "pipeline 3 and line x, online 4" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *got = import_remap_lines(map, sizeof map / sizeof *map, cases[i][0]);
		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

/* What the mapping fuzzer (fuzz/fuzz_import_map.c) found import accepting
 * and the spec parser refusing: one truth, so import decides first. */
static void
test_import_what_the_parser_would_refuse(void **state)
{
	(void)state;
	char *msgs;
	int rc;
	/* a service without ports: Kubernetes refuses it, the spec needs one */
	char *xml = imp("kind: Service\nmetadata: {name: s}\nspec: {selector: {app: a}}\n"
			"---\nkind: Pod\nmetadata: {name: a, labels: {app: a}}\n",
			NULL, &msgs, &rc);
	assert_int_equal(rc, 0);
	HASNT(xml, "<service");
	HAS(msgs, "t.yaml:1:1: warning: services without ports (which Kubernetes refuses) have nothing to forward: "
		  "skipped (1 in all, the first here)");
	free(xml);
	free(msgs);
	/* a label key twice (in a map of a few keys, and of many) */
	xml = imp("kind: Pod\nmetadata: {name: a, labels: {tier: a, tier: b}}\n", NULL, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "t.yaml:2:39: error: label key 'tier' is given twice in metadata.labels");
	free(msgs);
	char big[2048] = "kind: Pod\nmetadata:\n  name: a\n  labels:\n";
	for (int i = 0; i < 40; i++)
		snprintf(big + strlen(big), sizeof big - strlen(big), "    k%d: v\n", i);
	strcat(big, "    k7: w\n");
	xml = imp(big, NULL, &msgs, &rc);
	assert_null(xml);
	HAS(msgs, "t.yaml:45:5: error: label key 'k7' is given twice in metadata.labels");
	free(msgs);
	/* an except outside its cidr, or equal to it */
	xml = imp("kind: NetworkPolicy\nmetadata: {name: p}\nspec:\n  podSelector: {}\n  ingress:\n"
		  "  - from: [{ipBlock: {cidr: 10.0.0.0/16, except: [10.1.0.0/24, 10.0.0.0/16, 10.0.1.0/24]}}]\n",
		  NULL, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "error: except 10.1.0.0/24 is not inside the ipBlock's cidr 10.0.0.0/16");
	HAS(msgs, "error: except 10.0.0.0/16 is not inside the ipBlock's cidr 10.0.0.0/16");
	HASNT(msgs, "10.0.1.0/24 is not");
	free(msgs);
	/* a name Kubernetes would refuse is rewritten within the spec's rule,
	 * each dot-separated part too (at most 63 characters) */
	char longname[256];
	snprintf(longname, sizeof longname,
		 "kind: NetworkPolicy\nmetadata: {name: \"A%070d.b\"}\nspec: {podSelector: {}}\n", 0);
	xml = imp(longname, NULL, &msgs, &rc);
	assert_int_equal(rc, 0);
	HAS(xml, "<policy name=\"a00000000000000000000000000000000000000000000000000000000000000.b\"");
	free(xml);
	free(msgs);
	/* a port name that starts with a digit, which the spec reads as a number */
	xml = imp("kind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, targetPort: 3http}]}\n", NULL, &msgs,
		  &rc);
	assert_null(xml);
	HAS(msgs, "t.yaml:3:39: error: targetPort '3http': a port name that starts with a digit is not supported yet");
	free(msgs);
	/* replicas beyond what can be synthesized: an error, not hours */
	struct import_opts o;
	import_opts_default(&o);
	xml = imp("kind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2000000000\n"
		  "  template: {spec: {hostNetwork: true, containers: [{name: c}]}}\n",
		  &o, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "t.yaml:1:1: error: Deployment default/web would bring the pods to synthesize above 1000000");
	free(msgs);
	/* a full subnet is said once, and the rest of the replicas not tried */
	xml = imp("kind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 900000\n"
		  "  template: {spec: {containers: [{name: c}]}}\n",
		  &o, &msgs, &rc);
	assert_null(xml);
	assert_int_equal(rc, 2);
	HAS(msgs, "is full: widen --pod-cidr");
	free(msgs);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_import_synthetic_nodes_zero_padded),
		cmocka_unit_test(test_import_round_robin_and_pod_subnets),
		cmocka_unit_test(test_import_same_bytes_every_time),
		cmocka_unit_test(test_import_buffer_as_file),
		cmocka_unit_test(test_import_workload_kinds),
		cmocka_unit_test(test_import_live_pods_and_deployment_hash),
		cmocka_unit_test(test_import_host_network_and_sidecars),
		cmocka_unit_test(test_import_services),
		cmocka_unit_test(test_import_policies),
		cmocka_unit_test(test_import_errors_are_all_reported),
		cmocka_unit_test(test_import_pod_cidr_runs_out),
		cmocka_unit_test(test_import_names_and_quoted_numbers),
		cmocka_unit_test(test_import_load_parses_the_same_xml),
		cmocka_unit_test(test_import_node_addresses_and_names),
		cmocka_unit_test(test_import_endpoint_slices_before_endpoints),
		cmocka_unit_test(test_import_created_node_takes_the_host_ip),
		cmocka_unit_test(test_import_unknown_fields),
		cmocka_unit_test(test_import_what_the_parser_would_refuse),
		cmocka_unit_test(test_import_remap_xml_lines),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
