/* The command layer: cli.h says what it owns. */
#include "config.h"

#include "addr.h"
#include "check.h"
#include "cli.h"
#include "connlist.h"
#include "dest.h"
#include "diff.h"
#include "emit.h"
#include "fib.h"
#include "forward.h"
#include "graph.h"
#include "html.h"
#include "import.h"
#include "model.h"
#include "out.h"
#include "reach.h"
#include "report.h"
#include "spec.h"
#include "wdiff.h"
#include "xalloc.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"Usage: k8snet COMMAND SPEC [OPTION]...\n"
	"Compute the fate of every message in a Kubernetes cluster's network.\n"
	"\n"
	"Commands:\n"
	"  validate SPEC                  check the spec; print a one-line summary\n"
	"  fib SPEC [--switch NAME] [--format text|csv|html]\n"
	"                                 the forwarding table of every switch (or one)\n"
	"  trace SPEC SOURCE DESTINATION [--format text|csv|json|dot]\n"
	"                                 the life of one message: SOURCE a container,\n"
	"                                 a daemon or a pod; DESTINATION ADDR:PORT,\n"
	"                                 SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT,\n"
	"                                 NAMESPACE/POD:PORT or NAME:PORT (a pod or\n"
	"                                 service), then /PROTO if not TCP\n"
	"  dot SPEC [-o FILE] [--trace SOURCE DESTINATION] [--services]\n"
	"                                 the network graph as Graphviz DOT; with --trace,\n"
	"                                 one message's path and verdict marked on it\n"
	"  reach SPEC [--ports open|all] [--format csv|json|text|html] [-o FILE]\n"
	"                                 the fate of every sender/destination pair\n"
	"  check SPEC [--all] [--quiet] [--format text|json|junit] [-o FILE]\n"
	"                                 verify the network model's constraints and\n"
	"                                 the spec's expects (status 1 if any fails)\n"
	"  diff OLD NEW [--ports open|all] [--format text|csv] [-o FILE]\n"
	"                                 the pairs whose verdict or receiver changed\n"
	"                                 (status 1 if any did)\n"
	"  diff OLD NEW --workloads [--delivered] [--format text|csv] [-o FILE]\n"
	"                                 the connlist lines added, removed or changed\n"
	"                                 (status 1 if any)\n"
	"  report SPEC -o DIR             a folder for a design review: one HTML page\n"
	"                                 (diagram, matrix, FIBs, findings) and the\n"
	"                                 CSV, DOT and SVG files (atomically)\n"
	"  connlist SPEC [--format txt|csv|json|md|dot] [--delivered] [--focus WORKLOAD]\n"
	"                                 [-o FILE] the connections between workloads\n"
	"                                 that the policies allow (or, --delivered,\n"
	"                                 that the network delivers)\n"
	"  import INPUT... [-o FILE]       Kubernetes YAML/JSON to a spec (k8snet import --help)\n"
	"\n"
	"SPEC is an XML cluster spec, or - for standard input, or Kubernetes YAML or\n"
	"JSON (a file or a directory), imported as `k8snet import` does.\n"
	"\n"
	"Options:\n"
	"  -f, --format FORMAT            output format (default: text)\n"
	"  -o, --output FILE              write to FILE (atomically) instead of standard output\n"
	"      --ports open|all           open: every listening endpoint (default);\n"
	"                                 all: every address with every open port\n"
	"      --switch NAME              fib: only this pod or node\n"
	"      --trace SOURCE DESTINATION\n"
	"                                 dot: mark this message (the option takes two\n"
	"                                 arguments: the sender, the destination, as trace)\n"
	"      --services                 dot: add each Service as a vertex, with dashed\n"
	"                                 edges to its endpoint pods\n"
	"      --all                      check: list every violation (default: 10 per constraint)\n"
	"      --quiet                    check: print the summary lines only\n"
	"      --delivered                connlist, diff --workloads: what the network\n"
	"                                 delivers to the process that opened the port\n"
	"      --workloads                diff: compare the workload view (connlist)\n"
	"      --focus WORKLOAD           connlist: only the lines of this workload\n"
	"                                 (NAMESPACE/NAME, or a NAME that is unique)\n"
	"      --max-spec-size BYTES      refuse larger specs (default 256M; K, M, G suffixes)\n"
	"  -h, --help                     print this help and exit\n"
	"  -V, --version                  print the version and exit\n"
	"\n"
	"Exit status: 0 done, 1 check or diff found something, 2 bad usage or\n"
	"invalid spec, 3 input/output failure.\n";

static int
usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "k8snet: %s%s", cmd ? cmd : "", cmd ? ": " : "");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'k8snet --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* An I/O failure: print its cause (which it frees); status 3. */
static int
io_failure(char *cause)
{
	fprintf(stderr, "k8snet: %s\n", cause);
	free(cause);
	return EXIT_IO;
}

/* Open the output: path (-o FILE), or standard output if NULL. Returns
 * EXIT_OK with *out set, or EXIT_IO after the message. */
static int
open_output(const char *path, struct out **out)
{
	char *cause;
	if ((*out = out_open(path, &cause)) == NULL)
		return io_failure(cause);
	return EXIT_OK;
}

/* Close the output, kept if the command succeeded; a failed write wins
 * over its status. */
static int
finish(struct out *o, int status)
{
	char *cause;
	if (out_close(o, status == EXIT_OK || status == EXIT_FINDINGS, &cause) != 0)
		return io_failure(cause);
	return status;
}

/* Help and version go to standard output like any result: a failed write
 * is status 3, with a message. */
static int
print(const char *text)
{
	struct out *out;
	int rc = open_output(NULL, &out);
	if (rc != EXIT_OK)
		return rc;
	fputs(text, out_file(out));
	return finish(out, EXIT_OK);
}

/* k8snet import (k8snet(1), KUBERNETES INPUT): its own options, as it
 * reads Kubernetes input, not a spec. */
static const char import_usage[] =
	"Usage: k8snet import INPUT... [-o FILE] [OPTIONS]\n"
	"Read Kubernetes objects (YAML or JSON files, directories of them, or - for\n"
	"standard input) and write the cluster spec (XML, version 1.2).\n"
	"\n"
	"  -o, --output FILE        write the spec to FILE (default: standard output)\n"
	"      --nodes N            synthetic nodes when the input names none (default 3)\n"
	"      --node-cidr CIDR     node addresses not given (default 192.168.0.0/16)\n"
	"      --pod-cidr CIDR      pod addresses, one /24 per node (default 10.244.0.0/16)\n"
	"      --service-cidr CIDR  service addresses not given (default 10.96.0.0/12)\n"
	"      --name NAME          the cluster's name (default: the first input's base name)\n"
	"      --no-kubelet         no NODE:kubelet daemon on TCP 10250\n"
	"      --quiet              errors only: no summary, no warnings\n"
	"      --max-input-size SIZE  refuse larger Kubernetes input (K, M, G; default 4G)\n"
	"  -h, --help               this help\n";

static int
import_usage_error(const char *fmt, const char *arg)
{
	fputs("k8snet import: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'k8snet import --help'.\n", stderr);
	return EXIT_USAGE;
}

/* Options every command accepts; each command says which it uses. */
struct opts {
	const char *cmd;
	const char *format, *output, *switch_name;
	enum ports_mode ports;
	size_t max_size;
	size_t max_input; /* --max-input-size: Kubernetes input */
	char **args;
	int nargs;
	bool help;            /* -h, --help: print the usage, nothing else */
	bool all, quiet;      /* check */
	struct model *other;  /* diff: the NEW spec */
	const char *trace_source, *trace_dest; /* dot --trace */
	bool services;        /* dot --services */
	bool delivered;       /* connlist */
	const char *focus;    /* connlist */
	bool workloads;       /* diff --workloads */
	bool ports_given;     /* --ports appeared */
};

enum { OPT_PORTS = 256, OPT_SWITCH, OPT_MAX_SIZE, OPT_MAX_INPUT, OPT_ALL, OPT_QUIET, OPT_TRACE, OPT_SERVICES,
       OPT_DELIVERED, OPT_FOCUS, OPT_WORKLOADS };

enum { USES_FORMAT = 1, USES_OUTPUT = 2, USES_PORTS = 4, USES_SWITCH = 8, USES_CHECK = 16, USES_TRACE = 32,
       USES_SERVICES = 64, USES_CONNLIST = 128, USES_WORKLOADS = 256 };

static bool
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || *s == '-')
		return false;
	unsigned long long mul = 1;
	if (*end == 'K' || *end == 'k')
		mul = 1ULL << 10;
	else if (*end == 'M' || *end == 'm')
		mul = 1ULL << 20;
	else if (*end == 'G' || *end == 'g')
		mul = 1ULL << 30;
	if (mul != 1)
		end++;
	if (*end != '\0' || v == 0 || v > SIZE_MAX / mul)
		return false;
	*out = (size_t)(v * mul);
	return true;
}

/* Parse argv after the command name. Returns EXIT_OK (o->help set if -h
 * came, the options after it unread), or EXIT_USAGE after the message. */
static int
parse_opts(int argc, char **argv, int uses, struct opts *o)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "ports", required_argument, NULL, OPT_PORTS },
		{ "switch", required_argument, NULL, OPT_SWITCH },
		{ "max-spec-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "max-input-size", required_argument, NULL, OPT_MAX_INPUT },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "quiet", no_argument, NULL, OPT_QUIET },
		{ "trace", required_argument, NULL, OPT_TRACE },
		{ "services", no_argument, NULL, OPT_SERVICES },
		{ "delivered", no_argument, NULL, OPT_DELIVERED },
		{ "focus", required_argument, NULL, OPT_FOCUS },
		{ "workloads", no_argument, NULL, OPT_WORKLOADS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, li = -1;
	optind = 1;
	optopt = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:o:h", longopts, &li)) != -1) {
		int need = c == 'f' ? USES_FORMAT : c == 'o' ? USES_OUTPUT : c == OPT_PORTS ? USES_PORTS
			 : c == OPT_SWITCH ? USES_SWITCH : c == OPT_ALL || c == OPT_QUIET ? USES_CHECK
			 : c == OPT_TRACE ? USES_TRACE : c == OPT_SERVICES ? USES_SERVICES
			 : c == OPT_DELIVERED ? USES_CONNLIST | USES_WORKLOADS : c == OPT_FOCUS ? USES_CONNLIST
			 : c == OPT_WORKLOADS ? USES_WORKLOADS : 0;
		/* Name the option as given: argv[optind - 1] may be its value. */
		if (need && !(uses & need)) {
			if (li >= 0)
				return usage_error(o->cmd, "option '--%s' does not apply to this command", longopts[li].name);
			return usage_error(o->cmd, "option '-%c' does not apply to this command", c);
		}
		li = -1;
		switch (c) {
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_PORTS:
			if (!reach_parse_mode(optarg, &o->ports))
				return usage_error(o->cmd, "--ports takes open or all, not '%s'", optarg);
			o->ports_given = true;
			break;
		case OPT_SWITCH:
			o->switch_name = optarg;
			break;
		case OPT_ALL:
			o->all = true;
			break;
		case OPT_QUIET:
			o->quiet = true;
			break;
		case OPT_TRACE:
			/* Two arguments: SOURCE is the option's, DESTINATION the next
			 * word (getopt's permutation keeps it among the options). */
			if (optind >= argc || argv[optind][0] == '-')
				return usage_error(o->cmd, "--trace takes two arguments: SOURCE DESTINATION");
			o->trace_source = optarg;
			o->trace_dest = argv[optind++];
			break;
		case OPT_SERVICES:
			o->services = true;
			break;
		case OPT_DELIVERED:
			o->delivered = true;
			break;
		case OPT_FOCUS:
			o->focus = optarg;
			break;
		case OPT_WORKLOADS:
			o->workloads = true;
			break;
		case OPT_MAX_SIZE:
			if (!parse_size(optarg, &o->max_size))
				return usage_error(o->cmd, "--max-spec-size takes a size in bytes (K, M, G), not '%s'",
						   optarg);
			break;
		case OPT_MAX_INPUT:
			if (!parse_size(optarg, &o->max_input))
				return usage_error(o->cmd, "--max-input-size takes a size in bytes (K, M, G), not '%s'",
						   optarg);
			break;
		case 'h':
			o->help = true;
			return EXIT_OK;
		case ':':
			return usage_error(o->cmd, "option '%s' needs an argument", argv[optind - 1]);
		default:
			/* A long option is named as written, without its =value; a
			 * short one by its letter (in a group like -zq, argv names
			 * the group). */
			if (strncmp(argv[optind - 1], "--", 2) == 0) {
				const char *arg = argv[optind - 1], *eq = strchr(arg, '=');
				int len = eq ? (int)(eq - arg) : (int)strlen(arg);
				if (eq != NULL && optopt != 0)
					return usage_error(o->cmd, "option '%.*s' takes no argument", len, arg);
				return usage_error(o->cmd, "unknown option '%.*s'", len, arg);
			}
			if (optopt > 0 && optopt < 256)
				return usage_error(o->cmd, "unknown option '-%c'", optopt);
			return usage_error(o->cmd, "unknown option '%s'", argv[optind - 1]);
		}
	}
	o->args = argv + optind;
	o->nargs = argc - optind;
	return EXIT_OK;
}

static bool
format_is(const struct opts *o, const char *name)
{
	return strcmp(o->format, name) == 0;
}

/* EXIT_OK if --format is one of allowed, else EXIT_USAGE after the message. */
static int
check_format(const struct opts *o, const char *const *allowed)
{
	for (const char *const *a = allowed; *a; a++)
		if (format_is(o, *a))
			return EXIT_OK;
	char list[128] = "";
	for (const char *const *a = allowed; *a; a++) {
		strcat(list, a == allowed ? "" : a[1] ? ", " : " or ");
		strcat(list, *a);
	}
	return usage_error(o->cmd, "unknown format '%s' (%s)", o->format, list);
}

/* The one place where a SPEC argument becomes a model: load path, print
 * its diagnostics. Returns EXIT_OK with *m set; else EXIT_USAGE (an
 * invalid spec) or EXIT_IO (unreadable), with *m NULL. */
static int
load(const struct opts *o, const char *path, struct model **m)
{
	struct diag *d = diag_new(spec_display_name(path));
	/* Kubernetes YAML or JSON (a directory, or no '<' first) is imported
	 * in memory first (k8snet(1), KUBERNETES INPUT). */
	enum spec_status st = strcmp(path, "-") == 0 ? import_load_stdin(o->max_size, o->max_input, d, m)
			      : import_is_kube(path)  ? import_load(path, o->max_input, d, m)
						      : spec_load(path, o->max_size, d, m);
	diag_print(d, stderr);
	diag_free(d);
	return st == SPEC_OK ? EXIT_OK : st == SPEC_IO_ERROR ? EXIT_IO : EXIT_USAGE;
}

/* Print and free d, the messages a command gave about model m: a
 * Kubernetes input's are cited at the YAML (k8snet(1), KUBERNETES INPUT),
 * not at the spec generated from it. */
static void
print_cited(const struct model *m, struct diag *d)
{
	struct diag *cited = diag_new(diag_file(d));
	model_cite_diag(m, d, cited);
	diag_free(d);
	diag_print(cited, stderr);
	diag_free(cited);
}

/* ---- validate ---- */

/* "1 node", "2 nodes", into buf (at least 48 bytes). */
static const char *
count(size_t n, const char *what, char *buf)
{
	snprintf(buf, 48, "%zu %s%s", n, what, n == 1 ? "" : "s");
	return buf;
}

static int
cmd_validate(struct opts *o, struct model *m)
{
	char a[48], b[48], c[48], d[48], e[48];
	size_t containers = 0, endpoints = 0;
	for (size_t i = 0; i < m->nprocs; i++)
		containers += m->v[m->procs[i]].kind == V_CONTAINER;
	for (size_t i = 0; i < m->nswitches; i++)
		endpoints += m->v[m->switches[i]].neps;
	struct out *out;
	int rc = open_output(NULL, &out);
	if (rc != EXIT_OK)
		return rc;
	fprintf(out_file(out), "%s: valid: cluster %s: %s, %s, %s, %s, %s\n", spec_display_name(o->args[0]), m->name,
		count(m->nnodes, "node", a), count(m->npods, "pod", b), count(containers, "container", c),
		count(m->nprocs - containers, "daemon", d), count(endpoints, "endpoint", e));
	return finish(out, EXIT_OK);
}

/* ---- fib ---- */

static int
cmd_fib(struct opts *o, struct model *m)
{
	int only = -1;
	if (o->switch_name != NULL) {
		only = model_find(m, o->switch_name);
		if (only < 0 || !model_is_switch(m, only))
			return usage_error(o->cmd, "'%s' is not a pod or node of the spec", o->switch_name);
	}
	struct out *out;
	int rc = open_output(o->output, &out);
	if (rc != EXIT_OK)
		return rc;
	FILE *f = out_file(out);
	if (format_is(o, "html")) {
		struct html_page p = { .m = m, .spec_name = spec_display_name(o->args[0]), .only_switch = only };
		html_page_write(f, &p);
		return finish(out, EXIT_OK);
	}
	if (format_is(o, "csv"))
		emit_fib_csv_header(f);
	for (size_t i = 0; i < m->nswitches && !out_failed(out); i++) {
		int sw = m->switches[i];
		if (only >= 0 && sw != only)
			continue;
		if (format_is(o, "csv")) {
			emit_fib_csv(f, m, sw);
		} else {
			if (only < 0 && i > 0)
				fputc('\n', f);
			emit_fib_text(f, m, sw);
		}
	}
	return finish(out, EXIT_OK);
}

/* ---- trace ---- */

/* SOURCE DESTINATION, as trace and dot --trace take them (dest.h).
 * Returns EXIT_OK with the process *s and the destination *d, else
 * EXIT_USAGE after the message. */
static int
message_args(const struct opts *o, const struct model *m, const char *source, const char *dest, int *s,
	     struct dest *d)
{
	char *why;
	if ((*s = dest_source(m, source, &why)) < 0 || !dest_resolve(m, dest, d, &why)) {
		int rc = usage_error(o->cmd, "%s", why);
		free(why);
		return rc;
	}
	return EXIT_OK;
}

static int
cmd_trace(struct opts *o, struct model *m)
{
	int s;
	struct dest d;
	int rc = message_args(o, m, o->args[1], o->args[2], &s, &d);
	if (rc != EXIT_OK)
		return rc;
	struct fate *f;
	size_t n = forward_run(m, s, d.addr, d.port, d.proto, &f);
	struct out *out;
	if ((rc = open_output(o->output, &out)) == EXIT_OK) {
		FILE *fp = out_file(out);
		if (format_is(o, "csv")) {
			emit_row_csv_header(fp);
			for (size_t i = 0; i < n; i++)
				emit_row_csv(fp, m, s, &d, &f[i]);
		} else if (format_is(o, "json")) {
			emit_trace_json(fp, m, s, &d, f, n);
		} else if (format_is(o, "dot")) {
			struct graph *g = graph_new(m, GRAPH_FULL);
			graph_trace(g, &d, f, n);
			graph_dot(g, fp);
			graph_free(g);
		} else {
			emit_trace_text(fp, m, s, &d, f, n);
		}
		rc = finish(out, EXIT_OK);
	}
	forward_free(f, n);
	return rc;
}

/* ---- dot ---- */

static int
cmd_dot(struct opts *o, struct model *m)
{
	int rc, s = -1;
	struct dest d;
	if (o->trace_source != NULL &&
	    (rc = message_args(o, m, o->trace_source, o->trace_dest, &s, &d)) != EXIT_OK)
		return rc;
	struct graph *g = graph_new(m, GRAPH_FULL);
	if (o->services)
		graph_add_services(g);
	if (s >= 0) {
		struct fate *f;
		size_t n = forward_run(m, s, d.addr, d.port, d.proto, &f);
		graph_trace(g, &d, f, n);
		forward_free(f, n);
	}
	struct out *out;
	if ((rc = open_output(o->output, &out)) == EXIT_OK) {
		graph_dot(g, out_file(out));
		rc = finish(out, EXIT_OK);
	}
	graph_free(g);
	return rc;
}

/* ---- reach ---- */

enum { CHECK_LISTED = 10 }; /* violations listed per constraint without --all */

/* The page: the matrix, the diagram and the findings of check. */
static void
reach_html(FILE *f, const struct opts *o, const struct model *m)
{
	struct matrix *r = html_reach_new(m, o->ports);
	reach_run(m, o->ports, matrix_row, r);
	struct check *c = check_run(m, CHECK_LISTED);
	struct html_page p = { .m = m, .spec_name = spec_display_name(o->args[0]), .reach = r, .check = c,
			       .only_switch = -1 };
	char *svg = html_diagram(m, &p.svg_len, &p.svg_summarized);
	p.svg = svg;
	html_page_write(f, &p);
	free(svg);
	check_free(c);
	matrix_free(r);
}

struct reach_ctx {
	const struct model *m;
	struct out *out;
	FILE *f;
	bool json_first;
	size_t count[3];
	uint64_t classes[JUDGE_CLASSES];
	struct matrix *matrix;
};

static int
row_csv(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t n)
{
	struct reach_ctx *c = ctx;
	for (size_t i = 0; i < n; i++)
		emit_row_csv(c->f, c->m, sender, d, &f[i]);
	return out_failed(c->out);
}

static int
row_json(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t n)
{
	struct reach_ctx *c = ctx;
	for (size_t i = 0; i < n; i++) {
		fputs(c->json_first ? "\n" : ",\n", c->f);
		c->json_first = false;
		emit_row_json(c->f, c->m, sender, d, &f[i]);
		c->count[f[i].verdict]++;
	}
	if (n > 0)
		c->classes[judge_pair(c->m, sender, d, f, n)]++;
	return out_failed(c->out);
}

static int
row_text(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t n)
{
	struct reach_ctx *c = ctx;
	matrix_add(c->matrix, sender, d, f, n);
	return 0;
}

static int
cmd_reach(struct opts *o, struct model *m)
{
	struct reach_ctx c = { .m = m, .json_first = true };
	int rc = open_output(o->output, &c.out);
	if (rc != EXIT_OK)
		return rc;
	c.f = out_file(c.out);
	if (format_is(o, "csv")) {
		emit_row_csv_header(c.f);
		reach_run(m, o->ports, row_csv, &c);
	} else if (format_is(o, "json")) {
		fputs("{\"cluster\":", c.f);
		emit_json_string(c.f, m->name);
		fprintf(c.f, ",\"ports\":\"%s\",\"rows\":[", reach_mode_name(o->ports));
		reach_run(m, o->ports, row_json, &c);
		emit_reach_json_summary(c.f, c.count, c.classes);
	} else if (format_is(o, "html")) {
		reach_html(c.f, o, m);
	} else {
		c.matrix = matrix_new(m, o->ports);
		reach_run(m, o->ports, row_text, &c);
		emit_matrix_text(c.f, c.matrix);
		matrix_free(c.matrix);
	}
	return finish(c.out, EXIT_OK);
}

/* ---- check ---- */


static int
cmd_check(struct opts *o, struct model *m)
{
	struct out *out;
	int rc = open_output(o->output, &out);
	if (rc != EXIT_OK)
		return rc;
	struct check *c = check_run(m, o->quiet ? 0 : o->all ? SIZE_MAX : CHECK_LISTED);
	FILE *f = out_file(out);
	if (format_is(o, "json"))
		check_emit_json(f, c);
	else if (format_is(o, "junit"))
		check_emit_junit(f, c);
	else
		check_emit_text(f, c, o->quiet);
	rc = check_ok(c) ? EXIT_OK : EXIT_FINDINGS;
	check_free(c);
	return finish(out, rc);
}

/* ---- diff ---- */

static int
diff_row_csv(void *ctx, const struct diff_row *r)
{
	struct out *out = ctx;
	diff_emit_csv_row(out_file(out), r);
	return out_failed(out);
}

/* diff --workloads: the two specs' connlists, compared (wdiff.h). */
static int
diff_workloads(struct opts *o, struct model *m)
{
	struct connlist *cl[2];
	struct model *ms[2] = { m, o->other };
	for (int i = 0; i < 2; i++) {
		struct diag *d = diag_new(spec_display_name(o->args[i]));
		cl[i] = connlist_compute(ms[i], o->delivered, d);
		print_cited(ms[i], d);
	}
	struct wdiff *w = wdiff_compute(cl[0], cl[1]);
	w->old_cluster = m->name;
	w->new_cluster = o->other->name;
	w->delivered = o->delivered;
	struct out *out;
	int rc = open_output(o->output, &out);
	if (rc == EXIT_OK) {
		if (format_is(o, "csv"))
			wdiff_write_csv(out_file(out), w);
		else
			wdiff_write_text(out_file(out), w);
		rc = finish(out, w->n ? EXIT_FINDINGS : EXIT_OK);
	}
	wdiff_free(w);
	connlist_free(cl[0]);
	connlist_free(cl[1]);
	return rc;
}

static int
cmd_diff(struct opts *o, struct model *m)
{
	if (o->workloads)
		return diff_workloads(o, m);
	struct out *out;
	int rc = open_output(o->output, &out);
	if (rc != EXIT_OK)
		return rc;
	struct diff_counts counts;
	if (format_is(o, "csv")) {
		diff_emit_csv_header(out_file(out));
		diff_run(m, o->other, o->ports, diff_row_csv, out, &counts);
	} else {
		struct diff_text *t = diff_text_new(m, o->other, o->ports);
		diff_run(m, o->other, o->ports, diff_text_add, t, &counts);
		diff_text_print(out_file(out), t, &counts);
		diff_text_free(t);
	}
	return finish(out, diff_total(&counts) ? EXIT_FINDINGS : EXIT_OK);
}

/* ---- report ---- */

/* What the report did that the user should hear of. */
static void
report_note(void *ctx, const char *msg)
{
	(void)ctx;
	fprintf(stderr, "k8snet: report: %s\n", msg);
}

static int
cmd_report(struct opts *o, struct model *m)
{
	if (o->output == NULL || strcmp(o->output, "-") == 0)
		return usage_error(o->cmd, "missing -o DIR: the folder to write the report in");
	char *cause;
	struct report_opts ro;
	report_opts_init(&ro);
	ro.note = report_note;
	if (report_write_opts(m, spec_display_name(o->args[0]), o->output, &ro, &cause) != 0)
		return io_failure(cause);
	return EXIT_OK;
}

/* ---- connlist ---- */

static int
cmd_connlist(struct opts *o, struct model *m)
{
	enum connlist_format fmt;
	connlist_parse_format(o->format, &fmt);
	struct diag *d = diag_new(spec_display_name(o->args[0]));
	struct connlist *cl = connlist_compute(m, o->delivered, d);
	print_cited(m, d);
	long focus = -1;
	if (o->focus) {
		char *why;
		focus = connlist_find(cl, o->focus, &why);
		if (focus < 0) {
			int rc = usage_error(o->cmd, "%s", why);
			free(why);
			connlist_free(cl);
			return rc;
		}
	}
	struct out *out;
	int rc = open_output(o->output, &out);
	if (rc != EXIT_OK) {
		connlist_free(cl);
		return rc;
	}
	connlist_write(cl, out_file(out), fmt, focus);
	connlist_free(cl);
	return finish(out, EXIT_OK);
}

/* ---- dispatch ---- */

struct command {
	const char *name;
	int (*run)(struct opts *o, struct model *m);
	const char *const *formats; /* the first is the default */
	int uses;
	int nargs; /* positional arguments, SPEC included */
	const char *args;
	bool two_specs; /* args[0] and args[1] are specs (diff OLD NEW) */
};

static const char *const text_only_formats[] = { "text", NULL };
static const char *const fib_formats[] = { "text", "csv", "html", NULL };
static const char *const trace_formats[] = { "text", "csv", "json", "dot", NULL };
static const char *const reach_formats[] = { "text", "csv", "json", "html", NULL };
static const char *const check_formats[] = { "text", "json", "junit", NULL };
static const char *const diff_formats[] = { "text", "csv", NULL };
static const char *const connlist_formats[] = { "txt", "text", "csv", "json", "md", "dot", NULL };

static const struct command commands[] = {
	{ "validate", cmd_validate, text_only_formats, 0, 1, "SPEC" },
	{ "fib", cmd_fib, fib_formats, USES_FORMAT | USES_OUTPUT | USES_SWITCH, 1, "SPEC" },
	{ "trace", cmd_trace, trace_formats, USES_FORMAT | USES_OUTPUT, 3, "SPEC SOURCE DESTINATION" },
	{ "dot", cmd_dot, text_only_formats, USES_OUTPUT | USES_TRACE | USES_SERVICES, 1, "SPEC" },
	{ "reach", cmd_reach, reach_formats, USES_FORMAT | USES_OUTPUT | USES_PORTS, 1, "SPEC" },
	{ "check", cmd_check, check_formats, USES_FORMAT | USES_OUTPUT | USES_CHECK, 1, "SPEC" },
	{ "diff", cmd_diff, diff_formats, USES_FORMAT | USES_OUTPUT | USES_PORTS | USES_WORKLOADS, 2, "OLD_SPEC NEW_SPEC",
	  true },
	{ "report", cmd_report, text_only_formats, USES_OUTPUT, 1, "SPEC -o DIR" },
	{ "connlist", cmd_connlist, connlist_formats, USES_FORMAT | USES_OUTPUT | USES_CONNLIST, 1, "SPEC" },
};


static int
cmd_import(int argc, char **argv)
{
	enum { O_NODES = 256, O_NODE_CIDR, O_POD_CIDR, O_SVC_CIDR, O_NAME, O_NO_KUBELET, O_QUIET, O_MAX };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "nodes", required_argument, NULL, O_NODES },
		{ "node-cidr", required_argument, NULL, O_NODE_CIDR },
		{ "pod-cidr", required_argument, NULL, O_POD_CIDR },
		{ "service-cidr", required_argument, NULL, O_SVC_CIDR },
		{ "name", required_argument, NULL, O_NAME },
		{ "no-kubelet", no_argument, NULL, O_NO_KUBELET },
		{ "quiet", no_argument, NULL, O_QUIET },
		{ "max-input-size", required_argument, NULL, O_MAX },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct import_opts o;
	import_opts_default(&o);
	const char *output = NULL;
	int c;
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		char *end;
		switch (c) {
		case 'o': output = optarg; break;
		case O_NODES: {
			unsigned long n = strtoul(optarg, &end, 10);
			if (*optarg < '1' || *optarg > '9' || *end || n > 100000)
				return import_usage_error("--nodes takes a number from 1 to 100000, not '%s'", optarg);
			o.nodes = (unsigned)n;
			break;
		}
		case O_NODE_CIDR: o.node_cidr = optarg; break;
		case O_POD_CIDR: o.pod_cidr = optarg; break;
		case O_SVC_CIDR: o.service_cidr = optarg; break;
		case O_NAME:
			if (!import_cluster_name_ok(optarg))
				return import_usage_error("--name takes a cluster name (1 to 253 bytes of UTF-8, no control "
							  "characters), not '%s'", optarg);
			o.name = optarg;
			break;
		case O_NO_KUBELET: o.no_kubelet = true; break;
		case O_QUIET: o.quiet = true; break;
		case O_MAX:
			if (!parse_size(optarg, &o.max_input))
				return import_usage_error("--max-input-size takes a size in bytes (K, M, G), not '%s'", optarg);
			break;
		case 'h': return print(import_usage);
		case ':': return import_usage_error("option '%s' needs an argument", argv[optind - 1]);
		default: return import_usage_error("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind >= argc)
		return import_usage_error("%s", "import needs at least one INPUT (a file, a directory, or -)");
	static const char *const cidr_opts[] = { "--node-cidr", "--pod-cidr", "--service-cidr" };
	const char *cidrs[] = { o.node_cidr, o.pod_cidr, o.service_cidr };
	for (int i = 0; i < 3; i++) {
		uint32_t net;
		int len;
		if (!addr_parse_prefix(cidrs[i], &net, &len, NULL) || !strchr(cidrs[i], '/')) {
			fprintf(stderr, "k8snet import: %s takes a CIDR (ADDR/LEN, no host bits), not '%s'\n", cidr_opts[i],
				cidrs[i]);
			fputs("Try 'k8snet import --help'.\n", stderr);
			return 2;
		}
	}
	struct diag *d = diag_new("import");
	char *xml = NULL;
	size_t len = 0;
	enum import_status st = import_run(argv + optind, (size_t)(argc - optind), &o, d, stderr, &xml, &len);
	diag_print(d, stderr);
	diag_free(d);
	int rc = st == IMPORT_OK ? EXIT_OK : st == IMPORT_IO_ERROR ? EXIT_IO : EXIT_USAGE;
	struct out *out = NULL;
	if (rc == EXIT_OK && (rc = open_output(output && strcmp(output, "-") != 0 ? output : NULL, &out)) == EXIT_OK) {
		fwrite(xml, 1, len, out_file(out));
		rc = finish(out, EXIT_OK);
	}
	free(xml);
	return rc;
}

int
cli_run(int argc, char **argv)
{
	if (argc < 2)
		return usage_error(NULL, "missing command");
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return print(usage_text);
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		return print(PACKAGE_STRING "\n");
	if (strcmp(argv[1], "import") == 0)
		return cmd_import(argc - 1, argv + 1);
	const struct command *cmd = NULL;
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			cmd = &commands[i];
	if (cmd == NULL && argv[1][0] == '-')
		return usage_error(NULL, "unknown option '%s' (options come after the command)", argv[1]);
	if (cmd == NULL)
		return usage_error(NULL, "unknown command '%s'", argv[1]);
	struct opts o = { .cmd = cmd->name, .format = "text", .ports = PORTS_OPEN, .max_size = SPEC_DEFAULT_MAX_SIZE,
			  .max_input = IMPORT_DEFAULT_MAX_INPUT };
	int rc = parse_opts(argc - 1, argv + 1, cmd->uses, &o);
	if (rc != EXIT_OK)
		return rc;
	if (o.help)
		return print(usage_text);
	if (o.nargs != cmd->nargs)
		return usage_error(cmd->name, "%s arguments: %s %s", o.nargs < cmd->nargs ? "missing" : "too many",
				   cmd->name, cmd->args);
	/* Usage first: a wrong format is known before the spec is read. */
	if ((rc = check_format(&o, cmd->formats)) != EXIT_OK)
		return rc;
	/* diff: --delivered belongs to --workloads, --ports to the pairs. */
	if (o.delivered && cmd->uses & USES_WORKLOADS && !o.workloads)
		return usage_error(cmd->name, "--delivered needs --workloads");
	if (o.ports_given && o.workloads)
		return usage_error(cmd->name, "--ports does not apply with --workloads");
	struct model *m = NULL;
	rc = load(&o, o.args[0], &m);
	/* diff: read NEW even when OLD is bad, so that both report; the
	 * graver status wins (EXIT_IO over EXIT_USAGE). */
	if (cmd->two_specs) {
		int rc2 = load(&o, o.args[1], &o.other);
		rc = rc2 > rc ? rc2 : rc;
	}
	if (rc == EXIT_OK)
		rc = cmd->run(&o, m);
	model_free(m);
	model_free(o.other);
	return rc;
}
