/* From Kubernetes objects (YAML or JSON: a live cluster's dump, manifests)
 * to a spec of version 1.2 (k8snet(1), KUBERNETES INPUT): read every object, resolve and
 * synthesize nodes, pods, addresses, services and policies, validate with
 * FILE:LINE:COLUMN messages, and write the XML that every other command
 * reads. One truth: `import -o x.xml` then `reach x.xml` is `reach
 * cluster.yaml`, because import_load parses the very bytes import writes. */
#ifndef K8SNET_IMPORT_H
#define K8SNET_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "spec.h"

/* --max-input-size's default: a JSON dump at Kubernetes' limits. */
#define IMPORT_DEFAULT_MAX_INPUT ((size_t)4 << 30)

struct import_opts {
	unsigned nodes;          /* --nodes: synthetic nodes when none is known */
	const char *node_cidr;   /* --node-cidr */
	const char *pod_cidr;    /* --pod-cidr: one /24 per node */
	const char *service_cidr; /* --service-cidr */
	const char *name;        /* --name; NULL: the first input's base name */
	bool no_kubelet;         /* --no-kubelet */
	bool quiet;              /* --quiet: errors only, no summary */
	size_t max_input;        /* --max-input-size */
	size_t max_pods;         /* pods that workloads may synthesize, in all */
};

/* max_pods' default: Kubernetes' own limit is 150,000 pods per cluster;
 * replicas: 2000000000 must be an error, not hours of work. */
#define IMPORT_DEFAULT_MAX_PODS ((size_t)1000000)

/* The defaults of k8snet(1), KUBERNETES INPUT (3 nodes, 192.168.0.0/16, 10.244.0.0/16,
 * 10.96.0.0/12, 4G). */
void import_opts_default(struct import_opts *o);

/* Whether SPEC is Kubernetes input rather than XML: a directory, or a file
 * whose first byte after an optional UTF-8 BOM and whitespace is not '<'
 * (an empty or unreadable file is not: the XML path reports it). "-" is
 * never (standard input cannot be looked at twice; import it with
 * `k8snet import -`). */
bool import_is_kube(const char *path);

/* How an import ended; the reason of the last two is in its diag. The
 * values are the ones import_run has always returned (the tests compare
 * with them); the command layer makes an exit status of them. */
enum import_status { IMPORT_OK = 0, IMPORT_INVALID = 2, IMPORT_IO_ERROR = 3 };

/* The `import` command's work: import the inputs (files, directories,
 * "-") into the spec's XML, and parse that XML as every command will (a
 * problem the parser finds is cited at the YAML). On 0, *xml
 * (NUL-terminated, *len bytes) is owned by the caller (free). Errors and
 * warnings go to d with their FILE:LINE:COLUMN; the summary (unless
 * o->quiet) to summary if not NULL. */
enum import_status import_run(char *const *inputs, size_t ninputs, const struct import_opts *o, struct diag *d,
			      FILE *summary, char **xml, size_t *len);

/* The mapping alone (no parse of the XML) on len bytes in memory named
 * name: the fuzzer's entry, which holds the parser to it. */
enum import_status import_run_buffer(const char *name, const void *buf, size_t buflen,
				     const struct import_opts *o, struct diag *d, char **xml, size_t *len);

/* Every other command's SPEC when it is Kubernetes input: import in memory
 * with the default options (max_input: --max-input-size), then parse the
 * XML as spec_load does. A problem the parser still finds is cited at the
 * YAML object it came from. Same contract as spec_load. */
enum spec_status import_load(const char *path, size_t max_input, struct diag *d, struct model **out);

/* SPEC "-" for every command: standard input's first bytes are sniffed;
 * '<' after an optional BOM and whitespace (or nothing: spec_parse says it
 * is empty) is XML, read up to max_spec as spec_load does; anything else
 * is streamed to the importer as import_load does. */
enum spec_status import_load_stdin(size_t max_spec, size_t max_input, struct diag *d, struct model **out);

/* A cluster name --name accepts: 1 to 253 bytes of UTF-8, no control
 * characters (the spec's name attribute). */
bool import_cluster_name_ok(const char *s);

#endif
