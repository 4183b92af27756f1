#include "out.h"
#include "xalloc.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct out {
	FILE *f;
	char *path, *tmp; /* NULL for standard output */
};

struct out *
out_open(const char *path)
{
	struct out *o = xcalloc(1, sizeof *o);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->f = stdout;
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
	if (fd < 0 || (o->f = fdopen(fd, "w")) == NULL) {
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
	errno = 0;
	if (fflush(o->f) != 0 || ferror(o->f)) {
		fprintf(stderr, "k8snet: cannot write %s: %s\n", name, strerror(errno ? errno : EIO));
		rc = 3;
	}
	if (o->path != NULL) {
		if (fclose(o->f) != 0 && rc == 0) {
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
