/* gen: write a grid cluster spec (NODES x PODS x CONTAINERS) to standard
 * output, for the scale benchmark (bench/run, issue 5) and the policy-heavy
 * case (issue 4).
 *
 * Self-contained on purpose (libc only): bench/run can build it with $CC
 * from a source tarball without configuring anything.
 *
 * The spec is regular so that its size and its number of pairs are known
 * in advance (--stats prints them):
 *   node   Ni       192.168.x.y (then 172.16-31.x.y), daemon Di on TCP 10250
 *   pod    Pi.j     10.a.b.c, each node's pods in /24 blocks of their own
 *   cont.  Ci.j.k   one TCP port, 8080 + k - 1
 * --policies adds namespaces, pod labels, named ports, services (10.96.x.y)
 * and NetworkPolicies, per k8snet-spec(5).
 * --workloads NS WORKLOADS REPLICAS POLICIES writes instead the connlist
 * case (k8snet(1), THE WORKLOAD VIEW): NS namespaces of WORKLOADS workloads (spec 1.2
 * pod@workload) of REPLICAS pods each, spread over the nodes (NODES x PODS
 * must be NS x WORKLOADS x REPLICAS), and POLICIES policies, 5 kinds cycled
 * per namespace, that isolate every pod both ways (so the lines are the
 * allowed pairs, not NS^2 x WORKLOADS^2). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DAEMON_PORT 10250
#define FIRST_PORT 8080
#define MAX_CONTAINERS 1000	/* keeps container ports below 9080 */
#define PODS_PER_BLOCK 254	/* hosts .1 to .254 of a /24 */
#define FIRST_POD_OCTET 1	/* pods live in 10.1.0.0 - 10.95.255.255 */
#define LAST_POD_OCTET 95	/* 10.96.0.0/12 is the service range */

struct opts {
	unsigned long nodes, pods, containers;
	int daemons, cut, override, stats;
	unsigned long ns, services, policies;	/* ns == 0: no policy part */
	unsigned long wl_ns, wl_per_ns, wl_replicas, wl_policies; /* wl_ns > 0: --workloads */
};

/* Output goes through one large buffer and fwrite: printf per element
 * would dominate the run time at 300,000 containers. */
static char obuf[1 << 20];
static size_t olen;

static void
flush_out(void)
{
	if (olen > 0 && fwrite(obuf, 1, olen, stdout) != olen) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		exit(1);
	}
	olen = 0;
}

static void
put(const char *s)
{
	size_t n = strlen(s);
	if (olen + n > sizeof obuf)
		flush_out();
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
put_u(unsigned long v)
{
	char tmp[24];
	int i = sizeof tmp;
	tmp[--i] = '\0';
	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v > 0);
	put(tmp + i);
}

/* put_f: a tiny format, "%u" takes an unsigned long, "%s" a string; enough
 * for the element templates below and much faster than stdio. */
static void
put_f(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	for (const char *p = fmt; *p; p++) {
		if (p[0] == '%' && p[1] == 'u') {
			put_u(va_arg(ap, unsigned long));
			p++;
		} else if (p[0] == '%' && p[1] == 's') {
			put(va_arg(ap, const char *));
			p++;
		} else {
			if (olen + 1 > sizeof obuf)
				flush_out();
			obuf[olen++] = *p;
		}
	}
	va_end(ap);
}

static void
put_addr(unsigned long a, unsigned long b, unsigned long c, unsigned long d)
{
	put_f("%u.%u.%u.%u", a, b, c, d);
}

/* Node i (0-based): 192.168.0.1 ... 192.168.255.254, then 172.16-31.x.y. */
static void
put_node_addr(unsigned long i)
{
	const unsigned long per16 = 256UL * PODS_PER_BLOCK;
	if (i < per16) {
		put_addr(192, 168, i / PODS_PER_BLOCK, i % PODS_PER_BLOCK + 1);
		return;
	}
	i -= per16;
	put_addr(172, 16 + i / per16, (i / PODS_PER_BLOCK) % 256, i % PODS_PER_BLOCK + 1);
}

static unsigned long
blocks_per_node(const struct opts *o)
{
	return (o->pods + PODS_PER_BLOCK - 1) / PODS_PER_BLOCK;
}

/* Pod j of node i (both 0-based): its node's blocks are consecutive /24s. */
static void
put_pod_addr(const struct opts *o, unsigned long i, unsigned long j)
{
	unsigned long block = i * blocks_per_node(o) + j / PODS_PER_BLOCK;
	put_addr(10, FIRST_POD_OCTET + block / 256, block % 256, j % PODS_PER_BLOCK + 1);
}

static void
put_service_addr(unsigned long s)
{
	put_addr(10, 96 + s / (256UL * PODS_PER_BLOCK), (s / PODS_PER_BLOCK) % 256,
	    s % PODS_PER_BLOCK + 1);
}

static const char *const tiers[] = { "web", "api", "db" };

/* Apps per namespace: enough for every service to select its own app. */
static unsigned long
apps_per_ns(const struct opts *o)
{
	unsigned long a = (o->services + o->ns - 1) / o->ns;
	return a > 0 ? a : 1;
}

static void
put_named_port(unsigned long k)
{
	if (k == 1)
		put(" name=\"http\"");
	else if (k == 2)
		put(" name=\"metrics\"");
	else
		put_f(" name=\"port-%u\"", k);
}

static void
gen_namespaces(const struct opts *o)
{
	for (unsigned long n = 1; n <= o->ns; n++)
		put_f("  <namespace name=\"ns-%u\"><label key=\"env\" value=\"%s\"/>"
		    "<label key=\"team\" value=\"team-%u\"/></namespace>\n",
		    n, n % 2 ? "prod" : "dev", n % 10 + 1);
}

/* --workloads: pod g (document order) is replica g / (NS x W) of workload
 * g % W of namespace (g / W) % NS, so replicas spread over the nodes. The
 * tier (web, api, db) is the workload's number modulo 3. */
static void
gen_workload_pod(const struct opts *o, unsigned long i, unsigned long j, unsigned long g)
{
	unsigned long nw = o->wl_ns * o->wl_per_ns, w = g % o->wl_per_ns, ns = (g / o->wl_per_ns) % o->wl_ns;
	put_f("    <pod name=\"w%u-%u-r%u\" namespace=\"ns-%u\" workload=\"ReplicaSet/w%u\" address=\"",
	    ns + 1, w + 1, g / nw + 1, ns + 1, w + 1);
	put_pod_addr(o, i, j);
	put_f("\"><label key=\"app\" value=\"w%u\"/><label key=\"tier\" value=\"%s\"/>", w + 1, tiers[w % 3]);
	put_f("<container name=\"w%u-%u-r%u/c\"><port number=\"8080\" name=\"http\"/>"
	    "<port number=\"9100\" name=\"metrics\"/><port number=\"53\" protocol=\"UDP\"/></container></pod>\n",
	    ns + 1, w + 1, g / nw + 1);
}

/* --workloads: the policies, POLICIES / NS per namespace, kinds cycled:
 * deny all both ways; web -> api on http; api -> db on a range; db
 * metrics from the monitoring namespace ns-1 (whose web tier may send to
 * the db tier of every prod namespace: the cross-namespace lines); egress
 * to DNS (UDP 53, w1 of the namespaces of the same team: many candidates,
 * no line, as w1 is web and accepts nothing) and to the nodes' kubelets
 * (an ip-block with an except: External atoms). */
static void
gen_workload_policies(const struct opts *o)
{
	for (unsigned long q = 0; q < o->wl_policies; q++) {
		unsigned long k = q / o->wl_ns, ns = q % o->wl_ns + 1;
		put_f("  <policy name=\"pol-%u\" namespace=\"ns-%u\"", k + 1, ns);
		switch (k % 5) {
		case 0:
			put(" types=\"Ingress Egress\"><pod-selector/>");
			break;
		case 1:
			put("><pod-selector><match key=\"tier\" value=\"api\"/></pod-selector>"
			    "<ingress><from><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector></from>"
			    "<port number=\"http\"/></ingress>"
			    "<egress><to><pod-selector><match key=\"tier\" value=\"db\"/></pod-selector></to>"
			    "<port number=\"8080\" end=\"8090\"/></egress>");
			break;
		case 2:
			put("><pod-selector><match key=\"tier\" value=\"db\"/></pod-selector>"
			    "<ingress><from><pod-selector><match key=\"tier\" value=\"api\"/></pod-selector></from>"
			    "<port number=\"8080\" end=\"8090\"/></ingress>"
			    "<ingress><from><namespace-selector><match key=\"kubernetes.io/metadata.name\" "
			    "value=\"ns-1\"/></namespace-selector></from><port number=\"metrics\"/></ingress>");
			break;
		case 3:
			put(" types=\"Egress\"><pod-selector><match key=\"tier\" value=\"web\"/></pod-selector>"
			    "<egress><to><pod-selector><match key=\"tier\" value=\"api\"/></pod-selector></to>"
			    "<port number=\"http\"/></egress>"
			    "<egress><to><namespace-selector><expression key=\"env\" operator=\"In\" values=\"prod\"/>"
			    "</namespace-selector><pod-selector><match key=\"tier\" value=\"db\"/></pod-selector></to>"
			    "<port number=\"metrics\"/></egress>");
			break;
		default:
			put_f(" types=\"Egress\"><pod-selector/>"
			    "<egress><to><namespace-selector><match key=\"team\" value=\"team-%u\"/></namespace-selector>"
			    "<pod-selector><match key=\"app\" value=\"w1\"/></pod-selector></to>"
			    "<port number=\"53\" protocol=\"UDP\"/></egress>"
			    "<egress><to><ip-block cidr=\"192.168.0.0/16\"><except cidr=\"192.168.1.0/24\"/></ip-block></to>"
			    "<port number=\"%u\"/></egress>", ns % 10 + 1, (unsigned long)DAEMON_PORT);
			break;
		}
		put("</policy>\n");
	}
}

static void
gen_nodes(const struct opts *o)
{
	unsigned long g = 0;	/* pod index in document order */
	for (unsigned long i = 0; i < o->nodes; i++) {
		put_f("  <node name=\"N%u\" address=\"", i + 1);
		put_node_addr(i);
		put("\">\n");
		if (o->daemons)
			put_f("    <daemon name=\"D%u\"><port number=\"%u\"/></daemon>\n",
			    i + 1, (unsigned long)DAEMON_PORT);
		for (unsigned long j = 0; j < o->pods; j++, g++) {
			if (o->wl_ns > 0) {
				gen_workload_pod(o, i, j, g);
				continue;
			}
			put_f("    <pod name=\"P%u.%u\"", i + 1, j + 1);
			if (o->ns > 0)
				put_f(" namespace=\"ns-%u\"", g % o->ns + 1);
			put(" address=\"");
			put_pod_addr(o, i, j);
			put("\">");
			if (o->ns > 0) {
				unsigned long app = (g / o->ns) % apps_per_ns(o);
				put_f("<label key=\"app\" value=\"app-%u\"/>"
				    "<label key=\"tier\" value=\"%s\"/>",
				    app + 1, tiers[app % 3]);
			}
			for (unsigned long k = 1; k <= o->containers; k++) {
				put_f("<container name=\"C%u.%u.%u\"><port number=\"%u\"",
				    i + 1, j + 1, k, FIRST_PORT + k - 1);
				if (o->ns > 0)
					put_named_port(k);
				put("/></container>");
			}
			put("</pod>\n");
		}
		put("  </node>\n");
	}
}

/* Service s lives in namespace s % NS and selects its own app there, so
 * every service has endpoints when the namespace has pods of that app. */
static void
gen_services(const struct opts *o)
{
	for (unsigned long s = 0; s < o->services; s++) {
		unsigned long app = s / o->ns + 1;
		put_f("  <service name=\"app-%u\" namespace=\"ns-%u\" address=\"", app, s % o->ns + 1);
		put_service_addr(s);
		put_f("\"><selector key=\"app\" value=\"app-%u\"/><port number=\"80\" target=\"http\"/>", app);
		if (s % 4 == 3)
			put("<port number=\"9100\" target=\"metrics\"/>");
		put("</service>\n");
	}
}

/* Five kinds of policy, cycled per namespace, so that every clause of
 * k8snet-spec(5) that costs time appears: match and expression
 * selectors, namespace selectors, ip-blocks with except, named ports, port
 * ranges, egress, and default deny. */
static void
gen_policies(const struct opts *o)
{
	for (unsigned long q = 0; q < o->policies; q++) {
		unsigned long k = q / o->ns, app = k % apps_per_ns(o) + 1;
		put_f("  <policy name=\"pol-%u\" namespace=\"ns-%u\"", k + 1, q % o->ns + 1);
		switch (k % 5) {
		case 0:	/* the app accepts its web tier on its named port */
			put_f("><pod-selector><match key=\"app\" value=\"app-%u\"/></pod-selector>"
			    "<ingress><from><pod-selector><match key=\"tier\" value=\"web\"/>"
			    "</pod-selector></from><port number=\"http\"/></ingress>", app);
			break;
		case 1:	/* api and db accept prod namespaces on a port range */
			put("><pod-selector><expression key=\"tier\" operator=\"In\" values=\"api db\"/>"
			    "</pod-selector><ingress><from><namespace-selector>"
			    "<match key=\"env\" value=\"prod\"/></namespace-selector><pod-selector>"
			    "<expression key=\"app\" operator=\"Exists\"/></pod-selector></from>"
			    "<port number=\"8080\" end=\"8090\"/></ingress>");
			break;
		case 2:	/* the whole namespace accepts its own pods and most nodes */
			put("><pod-selector/><ingress><from><pod-selector/></from></ingress>"
			    "<ingress><from><ip-block cidr=\"192.168.0.0/16\">"
			    "<except cidr=\"192.168.1.0/24\"/></ip-block></from>"
			    "<port protocol=\"TCP\"/></ingress>");
			break;
		case 3:	/* web may only talk to api pods and to the kubelets */
			put_f(" types=\"Egress\"><pod-selector><match key=\"tier\" value=\"web\"/>"
			    "</pod-selector><egress><to><namespace-selector><expression "
			    "key=\"kubernetes.io/metadata.name\" operator=\"In\" values=\"ns-%u",
			    q % o->ns + 1);
			if (o->ns > 1)	/* and the next namespace, without repeating one */
				put_f(" ns-%u", (q + 1) % o->ns + 1);
			put_f("\"/></namespace-selector><pod-selector><match key=\"tier\" value=\"api\"/>"
			    "</pod-selector></to><port number=\"http\"/><port number=\"8081\"/></egress>"
			    "<egress><to><ip-block cidr=\"192.168.0.0/16\"/></to>"
			    "<port number=\"%u\"/></egress>", (unsigned long)DAEMON_PORT);
			break;
		default:	/* default deny for everything but the web tier */
			put(" types=\"Ingress\"><pod-selector><expression key=\"tier\" "
			    "operator=\"NotIn\" values=\"web\"/><expression key=\"env\" "
			    "operator=\"DoesNotExist\"/></pod-selector>");
			break;
		}
		put("</policy>\n");
	}
}

static void
gen_spec(const struct opts *o)
{
	put("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	put_f("<cluster name=\"grid %ux%ux%u%s%s%s%s\">\n", o->nodes, o->pods, o->containers,
	    o->daemons ? " daemons" : "", o->cut ? " cut" : "", o->override ? " override" : "",
	    o->ns > 0 ? " policies" : "");
	if (o->ns > 0)
		gen_namespaces(o);
	gen_nodes(o);
	if (o->wl_ns > 0)
		gen_workload_policies(o);
	if (o->cut)
		put("  <link-down from=\"N1\" to=\"N2\"/>\n");
	if (o->override) {
		/* The last node discards what it would send to N1's first
		 * pods on the first container port: a what-if override. */
		put_f("  <fib switch=\"N%u\"><rule dst=\"10.%u.0.0/24\" dport=\"%u\" "
		    "protocol=\"TCP\" action=\"discard\"/></fib>\n",
		    o->nodes, (unsigned long)FIRST_POD_OCTET, (unsigned long)FIRST_PORT);
	}
	if (o->ns > 0) {
		gen_services(o);
		gen_policies(o);
	}
	put("</cluster>\n");
	flush_out();
}

/* Counts of the core model (services left out: their rows depend on the
 * backends each message reaches). pairs = rows of `reach --ports open`. */
static void
print_stats(const struct opts *o)
{
	unsigned long long n = o->nodes, c = n * o->pods * o->containers;
	unsigned long long d = o->daemons ? n : 0, e = c + d;
	printf("nodes %llu\npods %llu\ncontainers %llu\ndaemons %llu\n", n,
	    n * o->pods, c, d);
	printf("endpoints %llu\npairs %llu\n", e, c * (e + o->containers) + d * e);
	printf("services %lu\npolicies %lu\nnamespaces %lu\n", o->services,
	    o->policies, o->ns);
}

static void
usage(FILE *f)
{
	fputs("Usage: gen [OPTION]... NODES PODS CONTAINERS\n"
	    "Write a grid cluster spec to standard output.\n\n"
	    "  --daemons                    one daemon per node, listening on TCP 10250\n"
	    "  --cut                        a link-down between N1 and N2\n"
	    "  --override                   a discard override rule on the last node\n"
	    "  --policies NS SERVICES POLICIES\n"
	    "                               namespaces, labels, services and policies\n"
	    "                               (spec version 1.1)\n"
	    "  --workloads NS WORKLOADS REPLICAS POLICIES\n"
	    "                               the connlist case: workloads of replicas\n"
	    "                               (NODES x PODS = NS x WORKLOADS x REPLICAS),\n"
	    "                               policies isolating every pod (spec 1.2)\n"
	    "  --stats                      print the counts (pairs, ...) instead\n", f);
}

static int
parse_count(const char *s, unsigned long lo, unsigned long hi, unsigned long *v)
{
	char *end;
	errno = 0;
	unsigned long x = strtoul(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || s[0] == '-' || x < lo || x > hi) {
		fprintf(stderr, "gen: '%s' is not a number from %lu to %lu\n", s, lo, hi);
		return -1;
	}
	*v = x;
	return 0;
}

int
main(int argc, char **argv)
{
	struct opts o = { 0 };
	const char *pos[3];
	int npos = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--daemons") == 0)
			o.daemons = 1;
		else if (strcmp(a, "--cut") == 0)
			o.cut = 1;
		else if (strcmp(a, "--override") == 0)
			o.override = 1;
		else if (strcmp(a, "--stats") == 0)
			o.stats = 1;
		else if (strcmp(a, "--policies") == 0) {
			if (i + 3 >= argc) {
				fputs("gen: --policies needs NS SERVICES POLICIES\n", stderr);
				return 2;
			}
			if (parse_count(argv[i + 1], 1, 100000, &o.ns) < 0 ||
			    parse_count(argv[i + 2], 0, 1000000, &o.services) < 0 ||
			    parse_count(argv[i + 3], 0, 1000000, &o.policies) < 0)
				return 2;
			i += 3;
		} else if (strcmp(a, "--workloads") == 0) {
			if (i + 4 >= argc) {
				fputs("gen: --workloads needs NS WORKLOADS REPLICAS POLICIES\n", stderr);
				return 2;
			}
			if (parse_count(argv[i + 1], 1, 100000, &o.wl_ns) < 0 ||
			    parse_count(argv[i + 2], 1, 100000, &o.wl_per_ns) < 0 ||
			    parse_count(argv[i + 3], 1, 100000, &o.wl_replicas) < 0 ||
			    parse_count(argv[i + 4], 0, 1000000, &o.wl_policies) < 0)
				return 2;
			i += 4;
		} else if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return 0;
		} else if (a[0] == '-' && a[1] != '\0') {
			fprintf(stderr, "gen: unknown option '%s'\n", a);
			usage(stderr);
			return 2;
		} else if (npos < 3)
			pos[npos++] = a;
		else {
			usage(stderr);
			return 2;
		}
	}
	if (npos != 3) {
		usage(stderr);
		return 2;
	}
	if (parse_count(pos[0], 1, 16UL * 256 * 254 + 256 * 254, &o.nodes) < 0 ||
	    parse_count(pos[1], 0, 1000000, &o.pods) < 0 ||
	    parse_count(pos[2], 0, MAX_CONTAINERS, &o.containers) < 0)
		return 2;
	if ((o.cut || o.override) && o.nodes < 2) {
		fputs("gen: --cut and --override need at least 2 nodes\n", stderr);
		return 2;
	}
	if (o.wl_ns > 0) {
		if (o.ns > 0) {
			fputs("gen: --workloads and --policies do not mix\n", stderr);
			return 2;
		}
		if ((unsigned long long)o.nodes * o.pods != (unsigned long long)o.wl_ns * o.wl_per_ns * o.wl_replicas) {
			fputs("gen: --workloads needs NODES x PODS = NS x WORKLOADS x REPLICAS\n", stderr);
			return 2;
		}
		o.ns = o.wl_ns; /* namespaces and their labels, as --policies writes them */
	}
	/* Every pod address must stay below the service range. */
	unsigned long long blocks = (unsigned long long)o.nodes * blocks_per_node(&o);
	if (blocks > 256ULL * (LAST_POD_OCTET - FIRST_POD_OCTET + 1)) {
		fputs("gen: too many pods for the 10.1-95.x.y address plan\n", stderr);
		return 2;
	}
	if (o.services > 16UL * 256 * PODS_PER_BLOCK) {
		fputs("gen: too many services for 10.96.0.0/12\n", stderr);
		return 2;
	}
	if (o.stats)
		print_stats(&o);
	else
		gen_spec(&o);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen: write error: %s\n", strerror(errno));
		return 1;
	}
	return 0;
}
