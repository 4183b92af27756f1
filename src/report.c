/* report SPEC -o DIR: report.h says what and how. */
#include "config.h"

#include "check.h"
#include "emit.h"
#include "graph.h"
#include "html.h"
#include "html_workloads.h"
#include "reach.h"
#include "report.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHECK_LISTED = 10 }; /* violations listed per constraint, as check does */
_Static_assert((int)REPORT_FIB_FILE_MAX <= (int)HTML_FIB_FILE_MAX, "the page's buffer holds a FIB file name");

const char *
report_fib_file(size_t pos, const char *name, char *buf)
{
	int n = snprintf(buf, REPORT_FIB_FILE_MAX, "%05zu-", pos);
	char *p = buf + n;
	for (size_t i = 0; name[i] != '\0' && i < 100; i++) {
		char c = name[i];
		bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
			    c == '_' || c == '-';
		*p++ = keep ? c : '_';
	}
	strcpy(p, ".txt");
	return buf;
}

enum report_dir
report_dir_state(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		struct stat lst;
		/* A dangling symbolic link is something, not nothing. */
		return errno == ENOENT && lstat(path, &lst) != 0 ? REPORT_DIR_ABSENT : REPORT_DIR_OTHER;
	}
	if (!S_ISDIR(st.st_mode))
		return REPORT_DIR_OTHER;
	DIR *d = opendir(path);
	if (d == NULL)
		return REPORT_DIR_OTHER;
	bool empty = true, marker = false;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		empty = false;
		if (strcmp(e->d_name, REPORT_MARKER) == 0)
			marker = true;
	}
	closedir(d);
	return empty ? REPORT_DIR_EMPTY : marker ? REPORT_DIR_REPORT : REPORT_DIR_OTHER;
}

/* ---- interruption: the temporary folder goes, whatever happens ---- */

/* While the folder exists, SIGINT, SIGTERM and SIGHUP (unless ignored)
 * only stop the work (the folder is removed, then the signal is raised
 * again, under the caller's handler), and SIGXFSZ is ignored: a write
 * beyond the file size limit fails with EFBIG, an error like any other,
 * instead of killing the process with the folder left behind. Every
 * handler is the caller's again afterwards. */

static volatile sig_atomic_t interrupted;

static void
on_signal(int sig)
{
	interrupted = sig;
}

static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved[sizeof caught / sizeof *caught], saved_xfsz;

static void
signals_catch(void)
{
	struct sigaction sa = { .sa_handler = on_signal, .sa_flags = SA_RESTART };
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	/* A signal the caller ignores (nohup: SIGHUP) stays ignored. */
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++) {
		sigaction(caught[i], NULL, &saved[i]);
		if (saved[i].sa_handler != SIG_IGN)
			sigaction(caught[i], &sa, NULL);
	}
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &saved_xfsz);
}

/* Restore the handlers; die of the signal that came, if one did. */
static void
signals_release(void)
{
	sigaction(SIGXFSZ, &saved_xfsz, NULL);
	for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
		sigaction(caught[i], &saved[i], NULL);
	if (interrupted)
		raise(interrupted);
}

static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path) != 0 ? -1 : 0;
}

/* Remove path and all it holds; 0 also when there is nothing there. */
static int
remove_tree(const char *path)
{
	if (nftw(path, remove_one, 16, FTW_DEPTH | FTW_PHYS) == 0)
		return 0;
	return errno == ENOENT ? 0 : -1;
}

/* ---- writing the files ---- */

struct build {
	const struct model *m;
	const char *spec_name;
	const char *svg; /* graph.svg, laid out before the folder exists */
	size_t svg_len;
	const char *page_svg; /* the page's: with the services, if any */
	size_t page_svg_len;
	bool summarized;
	const struct html_workloads *workloads; /* laid out before the folder too */
	uint64_t max_rows; /* reach.csv in full up to this many rows */
	const char *dir; /* as the user named it, for messages */
	const char *tmp; /* where the files go */
	char *cause; /* the first failure; the work stops there */
};

/* Keep the cause of the first failure (later ones follow from it). */
static void __attribute__((format(printf, 2, 3)))
fail(struct build *b, const char *fmt, ...)
{
	if (b->cause != NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	b->cause = xvasprintf(fmt, ap);
	va_end(ap);
}

static FILE *
create(struct build *b, const char *name)
{
	char *path = xasprintf("%s/%s", b->tmp, name);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		fail(b, "cannot write %s/%s: %s", b->dir, name, strerror(errno));
	free(path);
	return f;
}

/* Close f, written as name; a failed write, now or before, is an error. */
static void
finish(struct build *b, FILE *f, const char *name)
{
	if (f == NULL)
		return;
	errno = 0;
	bool bad = fflush(f) != 0 || ferror(f);
	int err = errno;
	if (fclose(f) != 0 && !bad) {
		bad = true;
		err = errno;
	}
	if (bad)
		fail(b, "cannot write %s/%s: %s", b->dir, name, strerror(err ? err : EIO));
}

static bool
failed(const struct build *b)
{
	return b->cause != NULL || interrupted;
}

static void
write_marker(struct build *b)
{
	FILE *f = create(b, REPORT_MARKER);
	if (f == NULL)
		return;
	fprintf(f, "A report written by %s (k8snet report SPEC -o DIR).\n"
		   "k8snet report replaces this folder as a whole when asked to write here again.\n",
		PACKAGE_STRING);
	finish(b, f, REPORT_MARKER);
}

static void
write_fibs(struct build *b)
{
	const struct model *m = b->m;
	FILE *csv = create(b, "fib.csv");
	if (csv == NULL)
		return;
	emit_fib_csv_header(csv);
	char *sub = xasprintf("%s/fib", b->tmp);
	if (mkdir(sub, 0777) != 0)
		fail(b, "cannot write %s/fib: %s", b->dir, strerror(errno));
	free(sub);
	for (size_t i = 0; i < m->nswitches && !failed(b) && !ferror(csv); i++) {
		int sw = m->switches[i];
		emit_fib_csv(csv, m, sw);
		char name[REPORT_FIB_FILE_MAX + 4];
		strcpy(name, "fib/");
		report_fib_file(i + 1, m->v[sw].name, name + 4);
		FILE *f = create(b, name);
		if (f == NULL)
			break;
		emit_fib_text(f, m, sw);
		finish(b, f, name);
	}
	finish(b, csv, "fib.csv");
}

/* reach.csv in one pass: every row while there are at most
 * REPORT_REACH_ROWS of them, and the non-delivered rows aside in case
 * there are more. The page's matrix is fed from the same rows. */
struct reach_pass {
	struct build *b;
	struct html_reach *page;
	FILE *all, *bad;
	uint64_t rows;
};

static int
reach_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct reach_pass *r = ctx;
	const struct model *m = r->b->m;
	html_reach_add(r->page, sender, d, f, nf);
	for (size_t i = 0; i < nf; i++) {
		if (++r->rows > r->b->max_rows && r->all != NULL) {
			/* Too many rows for the full table: from now on, only
			 * the non-delivered ones. */
			finish(r->b, r->all, "reach.csv");
			r->all = NULL;
		}
		if (r->all != NULL)
			emit_row_csv(r->all, m, sender, d, &f[i]);
		if (f[i].verdict != VERDICT_DELIVERED)
			emit_row_csv(r->bad, m, sender, d, &f[i]);
	}
	return failed(r->b) || ferror(r->bad) || (r->all != NULL && ferror(r->all));
}

static bool
write_reach(struct build *b, struct html_reach *page)
{
	static const char aside[] = ".reach-not-delivered.csv";
	struct reach_pass r = { .b = b, .page = page };
	r.all = create(b, "reach.csv");
	if (r.all == NULL)
		return false;
	r.bad = create(b, aside);
	if (r.bad == NULL) {
		fclose(r.all);
		return false;
	}
	emit_row_csv_header(r.all);
	emit_row_csv_header(r.bad);
	reach_run(b->m, PORTS_OPEN, reach_row, &r);
	bool filtered = r.all == NULL;
	finish(b, r.all, "reach.csv");
	finish(b, r.bad, "reach.csv");
	if (failed(b))
		return filtered;
	char *from = xasprintf("%s/%s", b->tmp, aside);
	char *to = xasprintf("%s/reach.csv", b->tmp);
	if (filtered ? rename(from, to) != 0 : unlink(from) != 0)
		fail(b, "cannot write %s/reach.csv: %s", b->dir, strerror(errno));
	free(from);
	free(to);
	return filtered;
}

static void
build(struct build *b)
{
	const struct model *m = b->m;
	write_marker(b);
	FILE *f = failed(b) ? NULL : create(b, "graph.dot");
	if (f != NULL) {
		graph_write_dot(f, m);
		finish(b, f, "graph.dot");
	}
	if (!failed(b))
		write_fibs(b);
	if (failed(b))
		return;
	struct html_reach *page = html_reach_new(m, PORTS_OPEN);
	bool filtered = write_reach(b, page);
	struct check *c = failed(b) ? NULL : check_run(m, CHECK_LISTED);
	if (!failed(b) && (f = create(b, "graph.svg")) != NULL) {
		/* graph_svg starts at <svg: a file gets its XML declaration. */
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n", f);
		fwrite(b->svg, 1, b->svg_len, f);
		finish(b, f, "graph.svg");
	}
	if (!failed(b) && html_workloads_listed(b->workloads) && (f = create(b, "workloads.txt")) != NULL) {
		html_workloads_text(f, b->workloads);
		finish(b, f, "workloads.txt");
	}
	if (!failed(b) && (f = create(b, "index.html")) != NULL) {
		struct html_page p = {
			.m = m,
			.spec_name = b->spec_name,
			.reach = page,
			.check = c,
			.svg = b->page_svg,
			.svg_len = b->page_svg_len,
			.svg_summarized = b->summarized,
			.only_switch = -1,
			.report = true,
			.fib_file = report_fib_file,
			.reach_csv_filtered = filtered,
			.workloads = b->workloads,
		};
		html_page_write(f, &p);
		finish(b, f, "index.html");
	}
	check_free(c);
	html_reach_free(page);
}

/* The folder as the user named it, without trailing slashes. */
static char *
trim(const char *dir)
{
	char *s = xstrdup(dir);
	size_t n = strlen(s);
	while (n > 1 && s[n - 1] == '/')
		s[--n] = '\0';
	return s;
}

/* Put the folder tmp at target: renamed there, or exchanged with the
 * previous report that existed there. Returns 0, or -1 with *cause. */
static int
swap_in(const char *tmp, const char *target, const char *dir, bool existed, char **cause)
{
	if (!existed) {
		if (rename(tmp, target) == 0)
			return 0;
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		return -1;
	}
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, target, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno != ENOSYS && errno != EINVAL) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		return -1;
	}
	/* No exchange on this file system: move the old report aside into
	 * the temporary name's place, then the new one in. */
	char *old = xasprintf("%s.k8snet-old-XXXXXX", target);
	int rc = 0;
	if (mkdtemp(old) == NULL || rename(target, old) != 0) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		rc = -1;
	} else if (rename(tmp, target) != 0) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		rename(old, target);
		rc = -1;
	} else if (rename(old, tmp) != 0) {
		remove_tree(old);
	}
	if (rc != 0)
		rmdir(old);
	free(old);
	return rc;
}

static mode_t
umask_now(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return mask;
}

/* Between the first look (then) and now, the folder may have changed. */
static bool
changed(const char *target, enum report_dir then)
{
	enum report_dir now = report_dir_state(target);
	return now == REPORT_DIR_OTHER || (now == REPORT_DIR_ABSENT) != (then == REPORT_DIR_ABSENT);
}

int
report_write(const struct model *m, const char *spec_name, const char *dir, char **cause)
{
	return report_write_rows(m, spec_name, dir, REPORT_REACH_ROWS, cause);
}

int
report_write_rows(const struct model *m, const char *spec_name, const char *dir, uint64_t max_rows, char **cause)
{
	struct build b = { .m = m, .spec_name = spec_name, .dir = dir, .max_rows = max_rows };
	char *target = NULL, *svg = NULL, *page_svg = NULL, *tmp = NULL;
	struct html_workloads *workloads = NULL;
	bool catching = false, swapped = false;
	*cause = NULL;
	enum report_dir st = report_dir_state(dir);
	if (st == REPORT_DIR_OTHER) {
		*cause = xasprintf("%s: exists and is not a k8snet report (no %s in it); not replacing it", dir,
				   REPORT_MARKER);
		goto out;
	}
	target = st == REPORT_DIR_ABSENT ? trim(dir) : realpath(dir, NULL);
	if (target == NULL || strcmp(target, "/") == 0) {
		*cause = xasprintf("%s: cannot write a report there", dir);
		goto out;
	}
	/* The layout first: it cannot be interrupted, and takes seconds on
	 * large clusters; no folder exists yet to clean up after a signal.
	 * Then, until the folder is swapped in or removed, a signal only
	 * stops the work, and the folder goes. */
	svg = graph_svg(m, NULL, 0, &b.svg_len);
	b.svg = svg;
	b.summarized = graph_summarized(m);
	if (svg == NULL) {
		*cause = xasprintf("%s: cannot lay out the diagram (Graphviz failed)", dir);
		goto out;
	}
	/* The page's diagram shows the services too; graph.svg is the graph. */
	if (m->nsvcs > 0 && !b.summarized)
		page_svg = html_diagram(m, &b.page_svg_len, &b.summarized);
	b.page_svg = page_svg != NULL ? page_svg : svg;
	if (page_svg == NULL)
		b.page_svg_len = b.svg_len;
	/* The Workloads section's diagram (html_workloads.h: summarized so
	 * that it lays out in seconds). */
	workloads = html_workloads_new(m);
	b.workloads = workloads;
	signals_catch();
	catching = true;
	tmp = xasprintf("%s.k8snet-XXXXXX", target);
	if (mkdtemp(tmp) == NULL) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		free(tmp);
		tmp = NULL;
		goto out;
	}
	/* mkdtemp makes the folder private; give it the usual mode. */
	chmod(tmp, 0777 & ~umask_now());
	b.tmp = tmp;
	build(&b);
	if (b.cause != NULL) {
		*cause = b.cause;
		goto out;
	}
	if (interrupted) {
		/* Seen only if the caller's handler lets the process live. */
		*cause = xasprintf("%s: interrupted; the report is not written", dir);
		goto out;
	}
	if (changed(target, st)) {
		*cause = xasprintf("%s: changed while the report was written: not replacing it", dir);
		goto out;
	}
	swapped = swap_in(tmp, target, dir, st != REPORT_DIR_ABSENT, cause) == 0;
out:
	/* tmp holds the new report that failed, or the previous one after an
	 * exchange, or nothing after a rename. */
	if (tmp != NULL && remove_tree(tmp) != 0 && swapped)
		*cause = xasprintf("%s is written, but the previous report is left in %s: %s", dir, tmp,
				   strerror(errno));
	free(tmp);
	free(target);
	free(svg);
	free(page_svg);
	html_workloads_free(workloads);
	if (catching)
		signals_release();
	return *cause == NULL ? 0 : -1;
}
