/* libFuzzer target: untrusted bytes through the whole pipeline. The spec
 * parser and validator see every input; a valid model then has every FIB
 * table written out and every rule looked up, and, when it is small, all
 * pairs computed in both port modes. Each reach row is compared with the
 * plain path walk (forward_run), the oracle the all-pairs engine must
 * agree with, and check's block counting (census) is compared with
 * feeding every reach row to check_add: a wrong verdict or count is a
 * crash here, not only a memory bug.
 *
 * Build and run: make fuzz (clang -fsanitize=fuzzer,address,undefined). */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "fib.h"
#include "forward.h"
#include "model.h"
#include "reach.h"
#include "spec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* All pairs cost |senders| x |destinations|: keep each input fast. */
#define SMALL_MODEL 50
#define MAX_ROWS 20000

static FILE *devnull;

#define CHECK(cond)                                                            \
	do {                                                                   \
		if (!(cond)) {                                                 \
			fprintf(stderr, "fuzz_spec.c:%d: check failed: %s\n", \
				__LINE__, #cond);                              \
			abort();                                               \
		}                                                              \
	} while (0)

struct ctx {
	const struct model *m;
	size_t rows;
};

static int
row(void *arg, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct ctx *c = arg;
	const struct model *m = c->m;
	struct fate *w = NULL;
	size_t nw = forward_run(m, sender, d->addr, d->port, d->proto, &w);

	CHECK(nf >= 1);
	CHECK(nw == nf);
	for (size_t i = 0; i < nf; i++) {
		CHECK(f[i].sender == sender);
		CHECK(f[i].verdict == w[i].verdict);
		CHECK(f[i].receiver == w[i].receiver);
		CHECK((f[i].verdict == VERDICT_DELIVERED) == (f[i].receiver >= 0));
		CHECK(f[i].receiver < 0 || model_is_process(m, f[i].receiver));
		char *a = forward_path(m, &f[i]), *b = forward_path(m, &w[i]);
		CHECK(strcmp(a, b) == 0);
		free(a);
		free(b);
	}
	forward_free(w, nw);
	return ++c->rows >= MAX_ROWS;
}

/* The number of reach rows with PORTS_OPEN. */
static size_t
rows(const struct model *m)
{
	size_t total = 0;
	for (size_t i = 0; i < m->nprocs; i++) {
		size_t n = 0;
		free(reach_dests(m, m->procs[i], PORTS_OPEN, &n));
		total += n;
	}
	return total;
}

/* check_run (census) must equal check_add over every reach row. */
static void
audit(const struct model *m)
{
	struct check *fast = check_run(m, 3);
	struct check *slow = check_new(m, 3);
	reach_run(m, PORTS_OPEN, check_add, slow);
	check_expects(slow);
	for (int k = 0; k < CONSTRAINT_COUNT; k++) {
		const struct check_constraint *x = check_constraint(fast, (enum constraint)k);
		const struct check_constraint *y = check_constraint(slow, (enum constraint)k);
		CHECK(x->checked == y->checked);
		CHECK(x->violations == y->violations);
		CHECK(x->denied == y->denied);
		CHECK(x->nlisted == y->nlisted);
		for (size_t i = 0; i < x->nlisted; i++) {
			CHECK(x->listed[i].sender == y->listed[i].sender);
			CHECK(x->listed[i].d.addr == y->listed[i].d.addr);
			CHECK(x->listed[i].d.port == y->listed[i].d.port);
			CHECK(x->listed[i].d.proto == y->listed[i].d.proto);
			char *a = forward_path(m, &x->listed[i].fate);
			char *b = forward_path(m, &y->listed[i].fate);
			CHECK(strcmp(a, b) == 0);
			free(a);
			free(b);
		}
	}
	CHECK(check_ok(fast) == check_ok(slow));
	check_free(fast);
	check_free(slow);
}

static void
exercise(const struct model *m)
{
	for (size_t i = 0; i < m->nswitches; i++) {
		int sw = m->switches[i];
		size_t n = 0;
		struct rule *t = fib_table(m, sw, &n);
		CHECK(n == fib_table_size(m, sw));
		for (size_t j = 0; j < n; j++) {
			char buf[3][64];
			fprintf(devnull, "%s,%s,%s,%s,%s,%s\n", fib_field_src(&t[j], buf[0]),
				fib_field_dst(&t[j], buf[1]), fib_field_dport(&t[j], buf[2]),
				fib_field_proto(&t[j]), fib_action_name(t[j].action),
				fib_origin_name(t[j].origin));
		}
		free(t);
	}
	if (m->nv >= SMALL_MODEL)
		return;
	for (int mode = PORTS_OPEN; mode <= PORTS_ALL; mode++) {
		struct ctx c = { m, 0 };
		reach_run(m, (enum ports_mode)mode, row, &c);
	}
	if (rows(m) <= MAX_ROWS)
		audit(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	struct diag *d = diag_new("fuzz.xml");
	struct model *m = NULL;
	enum spec_status st = spec_parse((const char *)data, size, d, &m);

	CHECK(st == SPEC_OK || st == SPEC_INVALID);
	CHECK((st == SPEC_OK) == (m != NULL));
	CHECK(st == SPEC_OK || diag_errors(d) > 0);
	diag_print(d, devnull);
	if (m)
		exercise(m);
	model_free(m);
	diag_free(d);
	return 0;
}
