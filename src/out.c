#include "config.h"
#include "out.h"
#include "xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
};

/* The stream writes through here so that the first error's cause is kept:
 * errno is long gone by the time the stream is closed. */
static ssize_t
cookie_write(void *cookie, const char *buf, size_t size)
{
	struct out *o = cookie;
	size_t done = 0;
	while (done < size) {
		ssize_t n = write(o->fd, buf + done, size - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (o->err == 0)
				o->err = n < 0 ? errno : EIO;
			return done > 0 ? (ssize_t)done : -1;
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

struct out *
out_open(const char *path)
{
	struct out *o = xcalloc(1, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		fflush(stdout);
		o->name = xstrdup("standard output");
		if ((o->f = stream(o, STDOUT_FILENO)) == NULL) {
			fputs("k8snet: out of memory\n", stderr);
			abort();
		}
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
			fprintf(stderr, "k8snet: cannot write %s: %s\n", path, strerror(errno));
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
	int fd = mkstemp(o->tmp);
	/* mkstemp makes the file private; give it the usual mode. */
	mode_t mask = umask(0);
	umask(mask);
	if (fd >= 0)
		fchmod(fd, 0666 & ~mask);
	if (fd < 0 || (o->f = stream(o, fd)) == NULL) {
		fprintf(stderr, "k8snet: cannot write %s: %s\n", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
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
	return ferror(o->f) != 0;
}

int
out_close(struct out *o, bool commit)
{
	int rc = 0;
	if (fclose(o->f) != 0 || o->err != 0) {
		fprintf(stderr, "k8snet: cannot write %s: %s\n", o->name, strerror(o->err ? o->err : EIO));
		rc = 3;
	}
	if (o->path != NULL || o->special) {
		/* Some file systems report a failed write only on close. */
		if (close(o->fd) != 0 && rc == 0) {
			fprintf(stderr, "k8snet: cannot write %s: %s\n", o->name, strerror(errno));
			rc = 3;
		}
	}
	if (o->path != NULL) {
		if (rc == 0 && commit && rename(o->tmp, o->path) != 0) {
			fprintf(stderr, "k8snet: cannot write %s: %s\n", o->name, strerror(errno));
			rc = 3;
		}
		if (rc != 0 || !commit)
			unlink(o->tmp);
	}
	discard(o);
	return rc;
}
