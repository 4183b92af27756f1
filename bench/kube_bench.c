/* The Kubernetes reader's speed against libyaml alone, on a dump that
 * bench/gen_k8s.py writes:
 *
 *   bench/kube-bench FILE   prints "scan SECONDS (cpu SECONDS) EVENTS",
 *                           "read SECONDS (cpu SECONDS) OBJECTS" and
 *                           "ratio READ/SCAN (cpu READ/SCAN)"
 *
 * scan is kube_scan (libyaml's event loop, building nothing), read is
 * kube_read with a callback that only counts (the tree of each object built
 * and freed): the ratio is what the reader adds to the parser. The
 * importer's own time compares with the scan's (`k8snet import` time /
 * scan seconds). Exit 2 if the input is invalid. */
#include "config.h"
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "diag.h"
#include "kube.h"

static double
now(clockid_t id)
{
	struct timespec t;
	clock_gettime(id, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int
count(void *ctx, const char *file, const struct knode *obj, const char *list_kind)
{
	(void)file;
	(void)obj;
	(void)list_kind;
	(*(size_t *)ctx)++;
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: kube-bench FILE\n");
		return 2;
	}
	struct diag *d = diag_new(argv[1]);
	size_t events = 0, objects = 0;
	double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	int rc = kube_scan(argv[1], NULL, d, &events);
	double t1 = now(CLOCK_MONOTONIC), c1 = now(CLOCK_PROCESS_CPUTIME_ID);
	if (rc == 0)
		rc = kube_read(argv[1], NULL, d, count, &objects);
	double t2 = now(CLOCK_MONOTONIC), c2 = now(CLOCK_PROCESS_CPUTIME_ID);
	diag_print(d, stderr);
	diag_free(d);
	if (rc != 0)
		return rc;
	/* CPU time too: on a loaded machine, wall time says little */
	printf("scan %.2f s (cpu %.2f s) %zu events\nread %.2f s (cpu %.2f s) %zu objects\nratio %.2f (cpu %.2f)\n",
	       t1 - t0, c1 - c0, events, t2 - t1, c2 - c1, objects, (t2 - t1) / (t1 - t0), (c2 - c1) / (c1 - c0));
	return 0;
}
