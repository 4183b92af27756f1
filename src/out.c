#include "out.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct out {
	FILE *f;
	int fd;
	int err; /* the first write error's errno */
	char *path, *tmp; /* NULL for standard output */
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

struct out *
out_open(const char *path)
{
	struct out *o = xcalloc(1, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		fflush(stdout);
		if ((o->f = stream(o, STDOUT_FILENO)) == NULL) {
			fputs("k8snet: out of memory\n", stderr);
			abort();
		}
		return o;
	}
	o->path = xstrdup(path);
	o->tmp = xasprintf("%s.k8snet-XXXXXX", path);
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
		free(o->tmp);
		free(o->path);
		free(o);
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
	const char *name = o->path ? o->path : "standard output";
	if (fclose(o->f) != 0 || o->err != 0) {
		fprintf(stderr, "k8snet: cannot write %s: %s\n", name, strerror(o->err ? o->err : EIO));
		rc = 3;
	}
	if (o->path != NULL) {
		/* Some file systems report a failed write only on close. */
		if (close(o->fd) != 0 && rc == 0) {
			fprintf(stderr, "k8snet: cannot write %s: %s\n", name, strerror(errno));
			rc = 3;
		}
		if (rc == 0 && commit && rename(o->tmp, o->path) != 0) {
			fprintf(stderr, "k8snet: cannot write %s: %s\n", name, strerror(errno));
			rc = 3;
		}
		if (rc != 0 || !commit)
			unlink(o->tmp);
		free(o->tmp);
		free(o->path);
	}
	free(o);
	return rc;
}
