/* Output formats: each function writes one view of the computed model to
 * f and never fails by itself (the caller checks the stream). */
#ifndef K8SNET_EMIT_H
#define K8SNET_EMIT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "forward.h"
#include "judge.h"
#include "matrix.h"
#include "model.h"
#include "reach.h"

struct check;
struct diff_counts;
struct diff_row;

/* emit_csv.c: the CSV formats of k8snet(1), OUTPUT. */
void emit_fib_csv_header(FILE *f);
void emit_fib_csv(FILE *f, const struct model *m, int sw);
void emit_row_csv_header(FILE *f);
void emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate);

/* emit_json.c */
void emit_json_string(FILE *f, const char *s);
/* One reach row as a JSON object. */
void emit_row_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate);
/* The end of reach's JSON: the rows' counts per verdict (fates), and
 * per class (pairs, each counted by its worst fate: judge_pair). */
void emit_reach_json_summary(FILE *f, const size_t count[3], const uint64_t classes[JUDGE_CLASSES]);
void emit_trace_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates,
		     size_t n);

/* emit_text.c: for people. */
void emit_fib_text(FILE *f, const struct model *m, int sw);
void emit_trace_text(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates,
		     size_t n);
/* "10.1.1.2:8080/TCP" into buf (at least 32 bytes). */
const char *emit_dest(const struct dest *d, char *buf);

/* The reach truth table of x (per process: matrix_new), for people: rows
 * senders, columns destinations. */
void emit_matrix_text(FILE *f, const struct matrix *x);

/* emit_check.c: the check's views. quiet: the summary lines only. */
void check_emit_text(FILE *f, const struct check *c, bool quiet);
void check_emit_json(FILE *f, const struct check *c);
void check_emit_junit(FILE *f, const struct check *c);

/* forward_explain's line, for the check's views: "delivered to C2.1",
 * "discarded at N1: link down (N1 -- N2)", "loop: P1 is reached again
 * with the same header". Caller frees. */
char *check_explain(const struct model *m, const struct fate *f);

/* emit_diff.c: the diff's views. The CSV streams: a header, then one line
 * per row. */
void diff_emit_csv_header(FILE *f);
void diff_emit_csv_row(FILE *f, const struct diff_row *r);

/* The text view groups the changes by sender pod (or a daemon's node) and
 * destination pod or node, so it collects the changed rows (only those)
 * before printing. Free with diff_text_free (accepts NULL). */
struct diff_text;
struct diff_text *diff_text_new(const struct model *old, const struct model *new, enum ports_mode mode);
int diff_text_add(void *ctx, const struct diff_row *r); /* a diff_fn; ctx is the diff_text */
void diff_text_print(FILE *f, const struct diff_text *t, const struct diff_counts *counts);
void diff_text_free(struct diff_text *t);

#endif
