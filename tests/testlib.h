/* Helpers shared by the unit tests. */
#ifndef K8SNET_TESTLIB_H
#define K8SNET_TESTLIB_H

/* first, before any system header: _GNU_SOURCE (AC_USE_SYSTEM_EXTENSIONS) */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "diag.h"
#include "model.h"

/* Parse an XML spec held in a string; fails the test if it is invalid.
 * Free with model_free. */
struct model *test_model(const char *xml);
/* Parse a spec that must be invalid; returns its diagnostics printed as
 * text (caller frees) and their error count in *errors. */
char *test_errors(const char *xml, size_t *errors);
/* The path to a file of the source tree ($top_srcdir/rel); caller frees. */
char *test_path(const char *rel);
/* K1 from samples/k1.xml. */
struct model *test_k1(void);
/* The id of the vertex named name; fails the test if there is none. */
int test_id(const struct model *m, const char *name);

/* A random valid spec, as XML (caller frees): a few nodes, pods,
 * containers and daemons with TCP/UDP/SCTP ports; with flag 1, cut links
 * and override rules of every kind; with flag 2, namespaces, labels, named
 * ports, services and policies; with flag 4, 6 to 12 nodes instead of 1
 * to 4. Deterministic in seed. */
char *test_random_spec(unsigned seed, int whatif);

#endif
