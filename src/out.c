#include "config.h"
#include "out.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct out {
	FILE *f;
	int fd;
	int err; /* the first write error's errno */
	bool special; /* a device or a pipe, written in place */
	char *name;       /* for messages */
	char *path, *tmp; /* a regular file, written beside and renamed; else NULL */
	struct sigaction xfsz; /* the caller's SIGXFSZ handler, while tmp exists */
};

/* While the temporary file exists, a write beyond the file size limit
 * fails with EFBIG (reported, the file removed) instead of SIGXFSZ
 * killing the process with the file left behind. The caller's handler is
 * restored when the file is gone. */
static void
xfsz_ignore(struct out *o)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &o->xfsz);
}

static void
xfsz_restore(struct out *o)
{
	sigaction(SIGXFSZ, &o->xfsz, NULL);
}

/* The stream writes through here so that the first error's cause is kept:
 * errno is long gone by the time the stream is closed. After an error
 * the rest is dropped and the whole size reported as taken: glibc
 * (2.36) subtracts a -1 from what is left to write, and one fwrite larger
 * than the buffer then reads a byte past its data (valgrind). The failure
 * is o->err, which out_failed and out_close read. */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t size)
{
	struct out *o = cookie;
	size_t done = 0;
	if (o->err != 0)
		return (ssize_t)size;
	while (done < size) {
		ssize_t n = write(o->fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			o->err = n < 0 ? errno : EIO;
			return (ssize_t)size;
		}
		done += (size_t)n;
	}
	return (ssize_t)size;
}

static FILE *
stream(struct out *o, int fd)
{
	static const cookie_io_functions_t io = { .write = cookie_write };
	o->fd = fd;
	FILE *f = fopencookie(o, "w", io);
	if (f != NULL)
		setvbuf(f, NULL, _IOFBF, 1 << 16);
	return f;
}

static void
discard(struct out *o)
{
	free(o->name);
	free(o->tmp);
	free(o->path);
	free(o);
}

static char *
cannot_write(const char *name, int err)
{
	return xasprintf("cannot write %s: %s", name, strerror(err));
}

struct out *
out_open(const char *path, char **cause)
{
	struct out *o = xcalloc(1, sizeof *o);
	*cause = NULL;
	if (path == NULL || strcmp(path, "-") == 0) {
		fflush(stdout);
		o->name = xstrdup("standard output");
		/* fopencookie fails only for want of memory. */
		if ((o->f = stream(o, STDOUT_FILENO)) == NULL)
			xalloc_die();
		return o;
	}
	o->name = xstrdup(path);
	/* Only a regular file (or a new one) is written beside and renamed
	 * into place: a device or a pipe is written as it is, and a symbolic
	 * link keeps pointing where it did. */
	struct stat st;
	char *real = realpath(path, NULL);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		free(real);
		int fd = open(path, O_WRONLY | O_CLOEXEC);
		if (fd < 0 || (o->f = stream(o, fd)) == NULL) {
			*cause = cannot_write(path, errno);
			if (fd >= 0)
				close(fd);
			discard(o);
			return NULL;
		}
		o->path = NULL;
		o->tmp = NULL;
		o->fd = fd;
		o->special = true;
		return o;
	}
	o->path = real ? real : xstrdup(path);
	o->tmp = xasprintf("%s.k8snet-XXXXXX", o->path);
	xfsz_ignore(o);
	int fd = mkstemp(o->tmp);
	/* mkstemp makes the file private; give it the usual mode. */
	mode_t mask = umask(0);
	umask(mask);
	if (fd >= 0)
		fchmod(fd, 0666 & ~mask);
	if (fd < 0 || (o->f = stream(o, fd)) == NULL) {
		*cause = cannot_write(path, errno);
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		xfsz_restore(o);
		discard(o);
		return NULL;
	}
	return o;
}

FILE *
out_file(struct out *o)
{
	return o->f;
}

bool
out_failed(struct out *o)
{
	return o->err != 0 || ferror(o->f) != 0;
}

/* The first failure is the one reported: later ones follow from it. */
int
out_close(struct out *o, bool commit, char **cause)
{
	*cause = NULL;
	if (fclose(o->f) != 0 || o->err != 0)
		*cause = cannot_write(o->name, o->err ? o->err : EIO);
	if (o->path != NULL || o->special) {
		/* Some file systems report a failed write only on close. */
		if (close(o->fd) != 0 && *cause == NULL)
			*cause = cannot_write(o->name, errno);
	}
	if (o->path != NULL) {
		if (*cause == NULL && commit && rename(o->tmp, o->path) != 0)
			*cause = cannot_write(o->name, errno);
		if (*cause != NULL || !commit)
			unlink(o->tmp);
		xfsz_restore(o);
	}
	discard(o);
	return *cause == NULL ? 0 : -1;
}
