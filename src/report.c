/* report SPEC -o DIR: report.h says what and how. */
#include "config.h"

#include "addr.h"
#include "check.h"
#include "emit.h"
#include "fib.h"
#include "graph.h"
#include "html.h"
#include "html_workloads.h"
#include "judge.h"
#include "matrix.h"
#include "reach.h"
#include "report.h"
#include "sweep.h"
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
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHECK_LISTED = 10 }; /* violations listed per constraint, as check does */
_Static_assert((int)REPORT_FIB_FILE_MAX <= (int)HTML_FIB_FILE_MAX, "the page's buffer holds a FIB file name");

const char *
report_fib_file(size_t pos, size_t count, const char *name, char *buf)
{
	int digits = 5;
	for (size_t c = count; c >= 100000; c /= 10)
		digits++;
	int n = snprintf(buf, REPORT_FIB_FILE_MAX, "%0*zu-", digits, pos);
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

static uint64_t
env_limit(const char *name, uint64_t dflt)
{
	const char *s = getenv(name);
	if (s == NULL || *s < '0' || *s > '9')
		return dflt;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	return *end != '\0' || errno != 0 ? dflt : (uint64_t)v;
}

void
report_opts_init(struct report_opts *o)
{
	*o = (struct report_opts){
		.fib_rules = env_limit("K8SNET_REPORT_FIB_RULES", REPORT_FIB_RULES),
		.reach_rows = env_limit("K8SNET_REPORT_REACH_ROWS", REPORT_REACH_ROWS),
		.faulty_rows = env_limit("K8SNET_REPORT_FAULTY_ROWS", REPORT_FAULTY_ROWS),
	};
}

/* Which rows are faulty: neither delivered to the opener, nor denied by
 * a policy, nor discarded outside the cluster (k8snet(1), REPORT
 * FOLDER), by the one judgement every view uses (judge.h). */
bool
report_faulty(const struct model *m, int sender, const struct dest *d, const struct fate *f)
{
	return sweep_fate_faulty(m, sender, d, f);
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
	const struct report_opts *o; /* the limits */
	unsigned char *fib_files;    /* NULL: every FIB file; else the switches written */
	uint64_t fib_rules;          /* rules in all */
	uint64_t faulty, left_out;   /* reach.csv cut: faulty rows written, and left out */
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

/* Every file is written through a stream whose writes fail with the
 * system's own error, kept here: stdio's error flag alone loses errno
 * (a later fflush of a stream already in error sets none), and a full
 * disk then read "Input/output error". The first failure also stops the
 * work at once (fail), whichever call meets it. */
struct file_out {
	struct build *b;
	int fd;
	char *name; /* as the user knows it: "fib/00001-N1.txt" */
};

static ssize_t
file_write(void *cookie, const char *buf, size_t n)
{
	struct file_out *o = cookie;
	size_t done = 0;
	while (done < n) {
		ssize_t k = write(o->fd, buf + done, n - done);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			int err = k < 0 ? errno : ENOSPC;
			fail(o->b, "cannot write %s/%s: %s", o->b->dir, o->name, strerror(err));
			errno = err;
			return -1;
		}
		done += (size_t)k;
	}
	return (ssize_t)n;
}

static int
file_close(void *cookie)
{
	struct file_out *o = cookie;
	int rc = close(o->fd);
	if (rc != 0)
		fail(o->b, "cannot write %s/%s: %s", o->b->dir, o->name, strerror(errno));
	free(o->name);
	free(o);
	return rc;
}

static FILE *
create(struct build *b, const char *name)
{
	char *path = xasprintf("%s/%s", b->tmp, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	free(path);
	if (fd < 0) {
		fail(b, "cannot write %s/%s: %s", b->dir, name, strerror(errno));
		return NULL;
	}
	struct file_out *o = xmalloc(sizeof *o);
	*o = (struct file_out){ .b = b, .fd = fd, .name = xstrdup(name) };
	FILE *f = fopencookie(o, "w", (cookie_io_functions_t){ .write = file_write, .close = file_close });
	if (f == NULL) {
		fail(b, "cannot write %s/%s: %s", b->dir, name, strerror(errno));
		close(fd);
		free(o->name);
		free(o);
		return NULL;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 16);
	return f;
}

/* Close f, written as name; a failed write, now or before, is an error
 * (file_write has kept its cause). */
static void
finish(struct build *b, FILE *f, const char *name)
{
	if (f == NULL)
		return;
	bool bad = fflush(f) != 0 || ferror(f);
	if (fclose(f) != 0)
		bad = true;
	if (bad)
		fail(b, "cannot write %s/%s: %s", b->dir, name, strerror(EIO));
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

/* The switches whose tables the FIB files keep when they cannot hold
 * them all: those with override rules or a down link. */
static unsigned char *
fib_cut(const struct model *m)
{
	unsigned char *keep = xcalloc(m->nswitches ? m->nswitches : 1, 1);
	bool *down = xcalloc(m->nv ? m->nv : 1, sizeof *down);
	for (size_t i = 0; i < m->ndown; i++)
		down[m->downs[i][0]] = down[m->downs[i][1]] = true;
	for (size_t i = 0; i < m->nswitches; i++) {
		int sw = m->switches[i];
		keep[i] = m->v[sw].nfib > 0 || down[sw];
	}
	free(down);
	return keep;
}

static void
write_fibs(struct build *b)
{
	const struct model *m = b->m;
	for (size_t i = 0; i < m->nswitches; i++)
		b->fib_rules += fib_table_size(m, m->switches[i]);
	if (b->fib_rules > b->o->fib_rules)
		b->fib_files = fib_cut(m);
	FILE *csv = create(b, "fib.csv");
	if (csv == NULL)
		return;
	emit_fib_csv_header(csv);
	char *sub = xasprintf("%s/fib", b->tmp);
	if (mkdir(sub, 0777) != 0)
		fail(b, "cannot write %s/fib: %s", b->dir, strerror(errno));
	free(sub);
	for (size_t i = 0; i < m->nswitches && !failed(b); i++) {
		if (b->fib_files != NULL && !b->fib_files[i])
			continue;
		int sw = m->switches[i];
		emit_fib_csv(csv, m, sw);
		char name[REPORT_FIB_FILE_MAX + 4];
		strcpy(name, "fib/");
		report_fib_file(i + 1, m->nswitches, m->v[sw].name, name + 4);
		FILE *f = create(b, name);
		if (f == NULL)
			break;
		emit_fib_text(f, m, sw);
		finish(b, f, name);
	}
	finish(b, csv, "fib.csv");
}

/* reach.csv in one pass: every row while there are at most reach_rows of
 * them, and the faulty rows aside (at most faulty_rows) in case there are
 * more. The page's matrix is fed from the same rows. */
struct reach_pass {
	struct build *b;
	struct matrix *page;
	FILE *all, *bad;
	uint64_t rows;
};

static int
reach_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct reach_pass *r = ctx;
	struct build *b = r->b;
	const struct model *m = b->m;
	/* The matrix classifies the pair anyway: a pair it finds delivered
	 * to the opener (the most, by far) has no faulty row to look for. */
	uint64_t ok = r->page->pairs[CELL_OK];
	matrix_row(r->page, sender, d, f, nf);
	bool all_ok = r->page->pairs[CELL_OK] != ok;
	for (size_t i = 0; i < nf; i++) {
		if (++r->rows > b->o->reach_rows && r->all != NULL) {
			/* Too many rows for the full table: from now on, only
			 * the faulty ones. */
			finish(b, r->all, "reach.csv");
			r->all = NULL;
		}
		if (r->all != NULL)
			emit_row_csv(r->all, m, sender, d, &f[i]);
		if (all_ok || !report_faulty(m, sender, d, &f[i]))
			continue;
		if (b->faulty < b->o->faulty_rows) {
			b->faulty++;
			emit_row_csv(r->bad, m, sender, d, &f[i]);
		} else {
			b->left_out++;
		}
	}
	return failed(b);
}

/* A faulty pair from the sweep, in reach order: its faulty rows while
 * there is room. */
static int
sweep_row(void *ctx, int sender, const struct dest *d, const struct fate *f, size_t nf)
{
	struct reach_pass *r = ctx;
	struct build *b = r->b;
	for (size_t i = 0; i < nf && b->faulty < b->o->faulty_rows; i++)
		if (report_faulty(b->m, sender, d, &f[i])) {
			b->faulty++;
			emit_row_csv(r->bad, b->m, sender, d, &f[i]);
		}
	return failed(b);
}

static bool
write_reach(struct build *b, struct matrix *page)
{
	static const char aside[] = ".reach-faulty.csv";
	struct reach_pass r = { .b = b, .page = page };
	/* Every sender asks about every destination but 127.0.0.1's, each
	 * pair a row at least: past the limit for sure, the full table is
	 * not begun (a million rows to throw away). */
	uint64_t common = 0;
	for (size_t i = 0; i < page->ncols; i++)
		common += page->cols[i].addr != ADDR_LOOPBACK;
	bool surely = (uint64_t)b->m->nprocs * common > b->o->reach_rows;
	r.all = surely ? NULL : create(b, "reach.csv");
	if (r.all == NULL && !surely)
		return false;
	r.bad = create(b, aside);
	if (r.bad == NULL) {
		if (r.all != NULL)
			fclose(r.all);
		return false;
	}
	if (r.all != NULL)
		emit_row_csv_header(r.all);
	emit_row_csv_header(r.bad);
	if (surely && !html_reach_per_process(page)) {
		/* Past the full table, and the page counts per node: the
		 * pairs are counted by blocks, and only the faulty ones
		 * walked (sweep.h). */
		uint64_t faulty;
		sweep_run(b->m, page, b->o->faulty_rows, sweep_row, &r, &faulty);
		b->left_out = faulty - b->faulty;
	} else {
		reach_run(b->m, PORTS_OPEN, reach_row, &r);
	}
	bool filtered = r.all == NULL || r.rows > b->o->reach_rows;
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
	struct matrix *page = html_reach_new(m, PORTS_OPEN);
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
			.workloads_section = html_workloads_section,
			.reach_csv_cut = b->o->reach_rows,
			.reach_csv_rows = b->faulty,
			.reach_csv_left_out = b->left_out,
			.fib_files_cut = b->o->fib_rules,
			.fib_files = b->fib_files,
		};
		html_page_write(f, &p);
		finish(b, f, "index.html");
	}
	check_free(c);
	matrix_free(page);
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

/* ---- the leftovers of writers that are gone ---- */

/* Whether the temporary folder path is a writer's that is gone: it has
 * the lock file and nobody holds the lock. Without the lock file it is
 * not judged: a writer between mkdtemp and the lock, or the previous
 * report that a writer has just swapped out and is removing (the lock is
 * never part of a report), or a folder that is not ours at all. */
static bool
writer_gone(const char *path)
{
	char *lock = xasprintf("%s/%s", path, REPORT_LOCK);
	int fd = open(lock, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	free(lock);
	if (fd < 0)
		return false;
	bool gone = flock(fd, LOCK_EX | LOCK_NB) == 0;
	close(fd); /* and the lock with it: the removal needs none */
	return gone;
}

/* Remove every TARGET.k8snet-XXXXXX folder beside target whose writer is
 * gone (killed: SIGKILL leaves it no chance to clean up), and say so. */
static void
remove_leftovers(const char *target, const char *dir, const struct report_opts *o)
{
	char *parent = xstrdup(target);
	char *slash = strrchr(parent, '/');
	const char *base = target;
	if (slash != NULL) {
		base = target + (slash - parent) + 1;
		slash[slash == parent] = '\0'; /* "/x": the parent is "/" */
	} else {
		strcpy(parent, ".");
	}
	size_t blen = strlen(base);
	DIR *d = opendir(parent);
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL) {
		const char *n = e->d_name;
		if (strncmp(n, base, blen) != 0 || strncmp(n + blen, ".k8snet-", 8) != 0 || strlen(n + blen + 8) != 6)
			continue;
		char *path = xasprintf("%s%s%s", parent, strcmp(parent, "/") == 0 ? "" : "/", n);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && writer_gone(path) && remove_tree(path) == 0 &&
		    o->note != NULL) {
			char *shown = trim(dir);
			char *msg = xasprintf("removed %s%s, left by a report that was stopped before it finished", shown,
					      n + blen);
			free(shown);
			o->note(o->note_ctx, msg);
			free(msg);
		}
		free(path);
	}
	if (d != NULL)
		closedir(d);
	free(parent);
}

int
report_write(const struct model *m, const char *spec_name, const char *dir, char **cause)
{
	struct report_opts o;
	report_opts_init(&o);
	return report_write_opts(m, spec_name, dir, &o, cause);
}

int
report_write_rows(const struct model *m, const char *spec_name, const char *dir, uint64_t max_rows, char **cause)
{
	struct report_opts o;
	report_opts_init(&o);
	o.reach_rows = max_rows;
	return report_write_opts(m, spec_name, dir, &o, cause);
}

int
report_write_opts(const struct model *m, const char *spec_name, const char *dir, const struct report_opts *o,
		  char **cause)
{
	struct build b = { .m = m, .spec_name = spec_name, .dir = dir, .o = o };
	char *target = NULL, *svg = NULL, *page_svg = NULL, *tmp = NULL, *lock = NULL;
	int lock_fd = -1;
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
	remove_leftovers(target, dir, o);
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
	/* Ours while we live (remove_leftovers tells). */
	lock = xasprintf("%s/%s", tmp, REPORT_LOCK);
	lock_fd = open(lock, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (lock_fd < 0 || flock(lock_fd, LOCK_EX) != 0) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
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
	/* The lock is no part of the report (without it, remove_leftovers
	 * leaves the folder alone). */
	if (unlink(lock) != 0) {
		*cause = xasprintf("cannot write %s: %s", dir, strerror(errno));
		goto out;
	}
	swapped = swap_in(tmp, target, dir, st != REPORT_DIR_ABSENT, cause) == 0;
out:
	/* tmp holds the new report that failed, or the previous one after an
	 * exchange, or nothing after a rename. */
	if (tmp != NULL && remove_tree(tmp) != 0 && swapped)
		*cause = xasprintf("%s is written, but the previous report is left in %s: %s", dir, tmp,
				   strerror(errno));
	if (lock_fd >= 0)
		close(lock_fd);
	free(lock);
	free(tmp);
	free(target);
	free(b.fib_files);
	free(svg);
	free(page_svg);
	html_workloads_free(workloads);
	if (catching)
		signals_release();
	return *cause == NULL ? 0 : -1;
}
