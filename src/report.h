/* `report SPEC -o DIR` (k8snet(1)): every view of the model in one
 * folder, written atomically. The report is built in a temporary folder
 * beside DIR (DIR.k8snet-XXXXXX), then swapped in with renameat2's
 * RENAME_EXCHANGE (or renamed, when DIR did not exist) and the old
 * report removed: a failed run leaves the previous report as it was and
 * no temporary folder behind.
 *
 * DIR holds index.html, graph.dot, graph.svg, fib.csv, fib/NNNNN-NAME.txt,
 * reach.csv and the marker .k8snet-report, by which a later run knows the
 * folder is one of its own: a folder that exists must be empty or carry
 * the marker, anything else is refused. */
#ifndef K8SNET_REPORT_H
#define K8SNET_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "forward.h"
#include "model.h"

/* The report at any size (k8snet(1), report). fib.csv and fib/ hold
 * every table while the FIBs have at most REPORT_FIB_RULES rules in all;
 * above, only the tables of the switches that have override rules or a
 * down link. reach.csv holds every row while there are at most
 * REPORT_REACH_ROWS; above, only the faulty rows (report_faulty), at most
 * REPORT_FAULTY_ROWS of them. The page says which. */
#define REPORT_FIB_RULES 1000000
#define REPORT_REACH_ROWS 1000000
#define REPORT_FAULTY_ROWS 1000000

/* The limits as the report applies them; report_opts_init sets the ones
 * above, or what the environment says instead (for tests, with small
 * specs): K8SNET_REPORT_FIB_RULES, K8SNET_REPORT_REACH_ROWS and
 * K8SNET_REPORT_FAULTY_ROWS, each a decimal number. note, if set, is
 * told what the report did that the user should hear of (a leftover
 * folder removed); the caller prints it. */
struct report_opts {
	uint64_t fib_rules, reach_rows, faulty_rows;
	void (*note)(void *ctx, const char *msg);
	void *note_ctx;
};
void report_opts_init(struct report_opts *o);

/* Whether reach.csv's cut keeps this row: one fate of (sender, d) that was
 * neither delivered to the process that opened the port, nor denied by a
 * NetworkPolicy, nor sent outside the cluster. */
bool report_faulty(const struct model *m, int sender, const struct dest *d, const struct fate *f);

/* The temporary folders are DIR.k8snet-XXXXXX; the live writer holds an
 * flock on REPORT_LOCK in its own, so that a later report to the same DIR
 * can tell the leftovers of a killed writer (no lock held: removed, and
 * said through note) from a writer at work (kept). */
#define REPORT_LOCK ".k8snet-lock"

#define REPORT_MARKER ".k8snet-report"

/* "00001-N1.txt": the FIB file of the pos-th switch (1-based, FIB CSV
 * order) of count, named name: pos zero-padded to 5 digits, or to the
 * width of count when it has more; every character of the name outside
 * A-Z a-z 0-9 . _ - written '_', the name cut to 100 characters. Written
 * into buf (at least REPORT_FIB_FILE_MAX bytes), which it returns. */
enum { REPORT_FIB_FILE_MAX = 5 + 1 + 100 + 4 + 1 + 16 };
const char *report_fib_file(size_t pos, size_t count, const char *name, char *buf);

enum report_dir {
	REPORT_DIR_ABSENT, /* DIR does not exist: it will be created */
	REPORT_DIR_EMPTY,
	REPORT_DIR_REPORT, /* a previous report: it has the marker */
	REPORT_DIR_OTHER,  /* anything else: refused */
};
/* What is at path now. */
enum report_dir report_dir_state(const char *path);

/* Write the report of m (read from spec_name, as messages name it) into
 * dir. Returns 0, or -1 with *cause (the caller prints and frees it): the
 * first failure, as "cannot write DIR/FILE: REASON" or "DIR: ...". Nothing
 * here prints. The signal handlers are the caller's again on return. */
int report_write(const struct model *m, const char *spec_name, const char *dir, char **cause);
/* The same, with reach.csv in full up to max_rows rows (for tests). */
int report_write_rows(const struct model *m, const char *spec_name, const char *dir, uint64_t max_rows,
		      char **cause);
/* The same, with the limits and the note of o. */
int report_write_opts(const struct model *m, const char *spec_name, const char *dir, const struct report_opts *o,
		      char **cause);

#endif
