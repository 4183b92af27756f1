/* libFuzzer target: untrusted bytes through the Kubernetes reader
 * (kube_read_buffer), with small limits so that the alias budget, the
 * depth limit and the size limit are all reached. Every object handed to
 * the callback is walked whole (as the importer does, through aliases),
 * and checked: a map has an even number of kids, positions are 1-based,
 * a scalar's text is NUL-terminated at its length. The walk counts nodes:
 * more than the budget allows is a crash here (an alias expansion the
 * budget did not see).
 *
 * Build and run: make fuzz-import (clang -fsanitize=fuzzer,address,undefined). */
#include "config.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "kube.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BUDGET 10000
#define DEPTH 40

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "fuzz_import.c:%d: check failed: %s\n", \
				__LINE__, #cond);                                \
			abort();                                                 \
		}                                                                \
	} while (0)

struct walk {
	size_t nodes, objects;
};

static void
visit(struct walk *w, const struct knode *n, size_t depth)
{
	CHECK(depth <= DEPTH);
	CHECK(n->line >= 1 && n->col >= 1);
	w->nodes++;
	/* the input's own nodes plus the aliases' budget (scalars count by
	 * their 64-byte blocks in the budget, by one here) */
	CHECK(w->nodes <= 2 * 1024 * 1024 + BUDGET);
	switch (n->type) {
	case KNODE_NULL:
		CHECK(n->str == NULL && knode_str(n) == NULL);
		break;
	case KNODE_SCALAR:
		CHECK(n->str != NULL && n->str[n->len] == '\0');
		CHECK(knode_str(n) == n->str);
		break;
	case KNODE_MAP:
		CHECK(n->n % 2 == 0);
		/* fall through */
	case KNODE_SEQ:
		for (size_t i = 0; i < n->n; i++)
			visit(w, &n->kids[i], depth + 1);
		break;
	}
}

static int
object(void *ctx, const char *file, const struct knode *obj, const char *list_kind)
{
	struct walk *w = ctx;
	CHECK(strcmp(file, "fuzz.yaml") == 0);
	CHECK(obj->type == KNODE_MAP);
	CHECK(list_kind == NULL || strlen(list_kind) >= 4);
	(void)knode_get(obj, "kind");
	(void)knode_str(knode_get(knode_get(obj, "metadata"), "name"));
	w->objects++;
	visit(w, obj, 1);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kube_limits lim = { .max_input = 1 << 20, .max_depth = DEPTH, .max_alias_nodes = BUDGET };
	struct diag *d = diag_new("fuzz.yaml");
	struct walk w = { 0 };
	int rc = kube_read_buffer("fuzz.yaml", data, size, &lim, d, object, &w);
	CHECK(rc == 0 || rc == 2);
	CHECK((rc == 2) == (diag_errors(d) > 0));
	FILE *devnull = fopen("/dev/null", "w");
	if (devnull != NULL) {
		diag_print(d, devnull);
		fclose(devnull);
	}
	diag_free(d);
	return 0;
}
