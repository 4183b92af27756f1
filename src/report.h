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

#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* reach.csv keeps every row up to this many; above, only the rows whose
 * verdict is not delivered. */
#define REPORT_REACH_ROWS 1000000

#define REPORT_MARKER ".k8snet-report"

/* "00001-N1.txt": the FIB file of the pos-th switch (1-based, FIB CSV
 * order) named name: 5 digits, every character outside A-Z a-z 0-9 . _ -
 * written '_', the name cut to 100 characters. Written into buf (at least
 * REPORT_FIB_FILE_MAX bytes), which it returns. */
enum { REPORT_FIB_FILE_MAX = 5 + 1 + 100 + 4 + 1 + 16 };
const char *report_fib_file(size_t pos, const char *name, char *buf);

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

#endif
