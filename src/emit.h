/* Output formats: each function writes one view of the computed model to
 * f and never fails by itself (the caller checks the stream). */
#ifndef K8SNET_EMIT_H
#define K8SNET_EMIT_H

#include <stdio.h>

#include "forward.h"
#include "model.h"
#include "reach.h"

/* emit_csv.c: the contract's CSV formats. */
void emit_fib_csv_header(FILE *f);
void emit_fib_csv(FILE *f, const struct model *m, int sw);
void emit_row_csv_header(FILE *f);
void emit_row_csv(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate);

/* emit_json.c */
void emit_json_string(FILE *f, const char *s);
/* One reach row as a JSON object. */
void emit_row_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fate);
void emit_trace_json(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates,
		     size_t n);

/* emit_text.c: for people. */
void emit_fib_text(FILE *f, const struct model *m, int sw);
void emit_trace_text(FILE *f, const struct model *m, int sender, const struct dest *d, const struct fate *fates,
		     size_t n);
/* "10.1.1.2:8080/TCP" into buf (at least 32 bytes). */
const char *emit_dest(const struct dest *d, char *buf);

/* The reach truth table: rows senders, columns destinations. */
struct matrix;
struct matrix *matrix_new(const struct model *m, enum ports_mode mode);
void matrix_add(struct matrix *x, int sender, const struct dest *d, const struct fate *fate, size_t n);
void matrix_print(FILE *f, const struct matrix *x);
void matrix_free(struct matrix *x);

#endif
