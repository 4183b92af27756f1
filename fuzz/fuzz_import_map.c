/* libFuzzer target: the importer's mapping, not only its reader. Untrusted
 * bytes go through import_run_buffer (read, resolve, synthesize, write the
 * XML); whatever import accepts, the spec parser must accept too (one
 * truth: every command parses what import writes), and the same input must
 * give the same bytes. Small limits (3 nodes, 1,000 pods to synthesize,
 * 1 MiB) keep each run short.
 *
 * Build and run: make fuzz-import (it runs fuzz_import, the reader, then
 * this one, each for FUZZ_TIME seconds). */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "import.h"
#include "model.h"
#include "spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                  \
	do {                                                                         \
		if (!(cond)) {                                                       \
			fprintf(stderr, "fuzz_import_map.c:%d: check failed: %s\n", \
				__LINE__, #cond);                                    \
			abort();                                                     \
		}                                                                    \
	} while (0)

static void
drain(struct diag *d)
{
	FILE *devnull = fopen("/dev/null", "w");
	if (devnull != NULL) {
		diag_print(d, devnull);
		fclose(devnull);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_opts o;
	import_opts_default(&o);
	o.max_input = 1 << 20;
	o.max_pods = 1000;
	o.name = "fuzz";
	struct diag *d = diag_new("fuzz.yaml");
	char *xml = NULL;
	size_t len = 0;
	int rc = import_run_buffer("fuzz.yaml", data, size, &o, d, &xml, &len);
	CHECK(rc == 0 || rc == 2);
	CHECK((rc == 2) == (diag_errors(d) > 0));
	drain(d);
	diag_free(d);
	if (rc != 0) {
		CHECK(xml == NULL);
		return 0;
	}
	CHECK(xml != NULL && strlen(xml) == len);

	/* the same bytes again */
	d = diag_new("fuzz.yaml");
	char *again = NULL;
	size_t alen = 0;
	CHECK(import_run_buffer("fuzz.yaml", data, size, &o, d, &again, &alen) == 0);
	CHECK(alen == len && memcmp(xml, again, len) == 0);
	free(again);
	diag_free(d);

	/* one truth: the parser accepts what import wrote */
	struct diag *xd = diag_new("<import>");
	struct model *m = NULL;
	enum spec_status st = spec_parse(xml, len, xd, &m);
	if (st != SPEC_OK) {
		diag_print(xd, stderr);
		fprintf(stderr, "---- the XML import wrote ----\n%s\n", xml);
	}
	CHECK(st == SPEC_OK && m != NULL);
	model_free(m);
	diag_free(xd);
	free(xml);
	return 0;
}
