/* All pairs (k8snet(1), reach): which destinations each sender is asked
 * about, in the order k8snet(1) gives, and the fate of every one of them,
 * handed to a callback row by row so that output streams. */
#ifndef K8SNET_REACH_H
#define K8SNET_REACH_H

#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "model.h"

enum ports_mode { PORTS_OPEN, PORTS_ALL };

/* Called once per (sender, destination) with its fates; a non-zero
 * return stops the run and is returned by reach_run. */
typedef int reach_fn(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf);

int reach_run(const struct model *m, enum ports_mode mode, reach_fn *fn, void *ctx);

/* The destinations of sender, in the order of k8snet(1), reach; *n gets their
 * number. The array is the caller's (free()). */
struct dest *reach_dests(const struct model *m, int sender, enum ports_mode mode, size_t *n);

/* The destinations every sender is asked about after its own
 * 127.0.0.1 ones (a container's: its pod's open ports), in the same
 * order. The array is the caller's. */
struct dest *reach_common(const struct model *m, enum ports_mode mode, size_t *n);

/* Every destination any sender is asked about, in the same order (the
 * columns of a matrix). The array is the caller's. */
struct dest *reach_columns(const struct model *m, enum ports_mode mode, size_t *n);

bool reach_parse_mode(const char *s, enum ports_mode *out);
const char *reach_mode_name(enum ports_mode mode);

#endif
