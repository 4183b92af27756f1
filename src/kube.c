/* Kubernetes objects from YAML or JSON, streamed (kube.h).
 *
 * libyaml's event parser drives an explicit stack: each open collection is
 * a frame, each finished node waits on one vector (pend) until its parent
 * closes and moves its children, contiguous, into an arena. Two arenas:
 * obj holds the object being built inside a List's items and is reset
 * after each item; doc holds the rest of a document (a whole non-List
 * object, a List's own small fields, anchored subtrees) and is reset at
 * the document's end. No hash or allocation per scalar beyond a bump of
 * the arena, so the cost per event stays close to libyaml's own.
 *
 * Aliases: an anchored node is copied into doc when it closes (once: the
 * copy replaces it in its parent, marked shared, so an enclosing anchor
 * does not copy it again) and an alias shares that copy. Each alias costs
 * its anchor's node count (a scalar counts one per started 64 bytes)
 * against the budget, so a "billion laughs" is refused after a few
 * thousand events, never expanded; its height is checked against the depth
 * limit as if expanded. */
#include "config.h"
#include "kube.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* ---- the tree's accessors ---- */

const struct knode *
knode_get(const struct knode *map, const char *key)
{
	if (map == NULL || map->type != KNODE_MAP)
		return NULL;
	size_t len = strlen(key);
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct knode *k = &map->kids[i];
		if (k->type == KNODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
			return &map->kids[i + 1];
	}
	return NULL;
}

const char *
knode_str(const struct knode *n)
{
	return n != NULL && n->type == KNODE_SCALAR ? n->str : NULL;
}

/* ---- a bump allocator, reset between objects, chunks kept for reuse ---- */

struct chunk {
	struct chunk *next;
	size_t cap;
	_Alignas(16) unsigned char data[];
};

struct arena {
	struct chunk *head, *cur;
	size_t used;
};

#define CHUNK_SIZE ((size_t)256 << 10)

static void *
arena_alloc(struct arena *a, size_t size)
{
	size = (size + 15) & ~(size_t)15;
	if (a->cur != NULL && a->cur->cap - a->used >= size) {
		void *p = a->cur->data + a->used;
		a->used += size;
		return p;
	}
	/* the next kept chunk if it fits, else a new one after cur */
	struct chunk *next = a->cur != NULL ? a->cur->next : a->head;
	if (next == NULL || next->cap < size) {
		size_t cap = size > CHUNK_SIZE ? size : CHUNK_SIZE;
		struct chunk *c = xmalloc(sizeof *c + cap);
		c->cap = cap;
		c->next = next;
		if (a->cur != NULL)
			a->cur->next = c;
		else
			a->head = c;
		next = c;
	}
	a->cur = next;
	a->used = size;
	return next->data;
}

static void
arena_reset(struct arena *a)
{
	a->cur = NULL;
	a->used = 0;
}

static void
arena_free(struct arena *a)
{
	for (struct chunk *c = a->head, *next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = a->cur = NULL;
	a->used = 0;
}

static char *
arena_str(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

/* ---- the reader ---- */

#define NONE SIZE_MAX

struct frame {
	enum knode_type type;
	long line, col;
	size_t base;   /* its children start at pend[base] */
	size_t count;  /* nodes of its subtree so far, itself included */
	size_t height; /* collection levels of its subtree so far */
	const char *anchor; /* in doc, or NULL */
};

struct anchor {
	const char *name;
	struct knode node;
	size_t count, height;
};

struct reader {
	const char *file;
	size_t max_input, max_depth, budget;
	struct diag *d;
	kube_object_fn *fn;
	void *ctx;
	yaml_parser_t parser;
	/* input: in (after head's bytes), or buf */
	FILE *in;
	const unsigned char *head, *buf;
	size_t headlen, len;
	const char *path; /* a file to read again for a position, or NULL */
	size_t nread;
	bool too_big, io_error;
	int err; /* errno of the failed read */
	/* building */
	struct arena obj, doc;
	struct frame *frames;
	size_t nframes, cframes;
	struct knode *pend;
	size_t npend, cpend;
	/* the document's anchors: a table indexed by an open hash */
	struct anchor *anchors;
	size_t nanchors, canchors;
	size_t *hash, nhash; /* indexes + 1; 0 empty */
	size_t alias_used;   /* for the whole file */
	/* the List being streamed */
	size_t items_frame;  /* the frame of the root's items, or NONE */
	bool streamed, tentative;
	const char *list_kind;
	long items_line, items_col;
	struct knode *deferred; /* items without kind, before the List's kind */
	size_t ndeferred, cdeferred;
	int rc;   /* an enum kube_status */
	int stop; /* fn's nonzero value */
	bool fatal; /* the rest of the file is skipped */
};

static void
error_at(struct reader *r, long line, long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void
error_at(struct reader *r, long line, long col, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	diag_error_at(r->d, r->file, line, col, "%s", buf);
	if (r->rc < KUBE_INVALID)
		r->rc = KUBE_INVALID;
}

static bool
is_list_kind(const char *kind)
{
	size_t n = strlen(kind);
	return n >= 4 && strcmp(kind + n - 4, "List") == 0;
}

/* The scalar value of key among the pairs pend[base..npend). */
static const char *
pending_value(const struct reader *r, size_t base, const char *key)
{
	size_t len = strlen(key);
	for (size_t i = base; i + 1 < r->npend; i += 2) {
		const struct knode *k = &r->pend[i], *v = &r->pend[i + 1];
		if (k->type == KNODE_SCALAR && k->len == len && memcmp(k->str, key, len) == 0)
			return v->type == KNODE_SCALAR ? v->str : NULL;
	}
	return NULL;
}

static struct arena *
building(struct reader *r)
{
	return r->items_frame != NONE ? &r->obj : &r->doc;
}

static size_t
sat_add(size_t a, size_t b)
{
	return a > SIZE_MAX - b ? SIZE_MAX : a + b;
}

/* A copy of n's subtree in doc; shared subtrees are not descended. */
static struct knode
copy_node(struct arena *a, const struct knode *n)
{
	struct knode c = *n;
	if (n->shared)
		return c;
	if (n->type == KNODE_SCALAR) {
		c.str = arena_str(a, n->str, n->len);
	} else if (n->n > 0) {
		c.kids = arena_alloc(a, n->n * sizeof *c.kids);
		for (size_t i = 0; i < n->n; i++)
			c.kids[i] = copy_node(a, &n->kids[i]);
	}
	c.shared = true;
	return c;
}

static size_t
hash_name(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

static struct anchor *
anchor_find(struct reader *r, const char *name)
{
	if (r->nhash == 0)
		return NULL;
	for (size_t i = hash_name(name) & (r->nhash - 1);; i = (i + 1) & (r->nhash - 1)) {
		if (r->hash[i] == 0)
			return NULL;
		struct anchor *a = &r->anchors[r->hash[i] - 1];
		if (strcmp(a->name, name) == 0)
			return a;
	}
}

static void
anchor_add(struct reader *r, const char *name, const struct knode *n, size_t count, size_t height)
{
	struct anchor *a = anchor_find(r, name);
	if (a == NULL) {
		if (2 * (r->nanchors + 1) > r->nhash) {
			size_t nh = r->nhash ? 2 * r->nhash : 64;
			free(r->hash);
			r->hash = xcalloc(nh, sizeof *r->hash);
			r->nhash = nh;
			for (size_t k = 0; k < r->nanchors; k++) {
				size_t i = hash_name(r->anchors[k].name) & (nh - 1);
				while (r->hash[i] != 0)
					i = (i + 1) & (nh - 1);
				r->hash[i] = k + 1;
			}
		}
		xgrow(&r->anchors, &r->canchors, r->nanchors + 1, sizeof *r->anchors);
		a = &r->anchors[r->nanchors++];
		size_t i = hash_name(name) & (r->nhash - 1);
		while (r->hash[i] != 0)
			i = (i + 1) & (r->nhash - 1);
		r->hash[i] = r->nanchors;
		a->name = name;
	}
	/* a redefinition replaces the anchor for the aliases after it */
	a->node = *n;
	a->count = count;
	a->height = height;
}

static void
deliver(struct reader *r, const struct knode *obj, const char *list_kind)
{
	if (r->stop == 0)
		r->stop = r->fn(r->ctx, r->file, obj, list_kind);
}

/* An item of the streamed items sequence is complete. */
static void
item_done(struct reader *r, const struct knode *n)
{
	if (n->type == KNODE_MAP) {
		if (r->list_kind != NULL || !r->tentative) {
			deliver(r, n, r->list_kind);
		} else if (knode_get(n, "kind") != NULL) {
			deliver(r, n, NULL);
		} else {
			/* kept until the List's kind is known */
			xgrow(&r->deferred, &r->cdeferred, r->ndeferred + 1, sizeof *r->deferred);
			r->deferred[r->ndeferred++] = copy_node(&r->doc, n);
		}
	} else if (n->type != KNODE_NULL) {
		error_at(r, n->line, n->col, "a List item that is not a mapping (an object is a mapping)");
	}
	arena_reset(&r->obj);
}

/* The document's root is complete. */
static void
root_done(struct reader *r, const struct knode *n)
{
	if (n->type == KNODE_NULL)
		return;
	if (n->type != KNODE_MAP) {
		error_at(r, n->line, n->col, "a document that is not a mapping (an object is a mapping)");
		return;
	}
	if (!r->streamed) {
		deliver(r, n, NULL);
		return;
	}
	if (r->tentative) {
		const char *kind = knode_str(knode_get(n, "kind"));
		if (kind != NULL && is_list_kind(kind)) {
			for (size_t i = 0; i < r->ndeferred; i++)
				deliver(r, &r->deferred[i], kind);
		} else {
			error_at(r, r->items_line, r->items_col,
				 "'items' before 'kind' in an object that is not a List (kind List or *List): "
				 "items are read from a List only");
		}
	}
}

/* Node n (with count nodes and height levels) is complete: give it to its
 * parent, an anchor, the List or the document. */
static void
node_done(struct reader *r, struct knode *n, size_t count, size_t height, const char *anchor)
{
	struct knode copy;
	if (anchor != NULL) {
		copy = copy_node(&r->doc, n);
		anchor_add(r, anchor, &copy, count, height);
		n = &copy;
	}
	if (r->nframes == 0) {
		root_done(r, n);
		return;
	}
	if (r->items_frame == r->nframes - 1) {
		item_done(r, n);
		return;
	}
	struct frame *f = &r->frames[r->nframes - 1];
	xgrow(&r->pend, &r->cpend, r->npend + 1, sizeof *r->pend);
	r->pend[r->npend++] = *n;
	f->count = sat_add(f->count, count);
	if (height + 1 > f->height)
		f->height = height + 1;
}

static const char *
anchor_name(struct reader *r, const yaml_char_t *anchor)
{
	return anchor != NULL ? arena_str(&r->doc, (const char *)anchor, strlen((const char *)anchor)) : NULL;
}

static void
on_scalar(struct reader *r, const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct knode n = { .line = (long)ev->start_mark.line + 1, .col = (long)ev->start_mark.column + 1 };
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	if (plain && (len == 0 || (len == 1 && s[0] == '~') ||
		      (len == 4 && (memcmp(s, "null", 4) == 0 || memcmp(s, "Null", 4) == 0 ||
				    memcmp(s, "NULL", 4) == 0)))) {
		n.type = KNODE_NULL;
	} else {
		n.type = KNODE_SCALAR;
		n.str = arena_str(building(r), s, len);
		n.len = len;
		n.quoted = !plain;
	}
	node_done(r, &n, 1 + len / 64, 0, anchor_name(r, ev->data.scalar.anchor));
}

static void
on_start(struct reader *r, const yaml_event_t *ev, enum knode_type type)
{
	long line = (long)ev->start_mark.line + 1, col = (long)ev->start_mark.column + 1;
	if (r->nframes + 1 > r->max_depth) {
		error_at(r, line, col, "nesting deeper than %zu levels", r->max_depth);
		r->fatal = true;
		return;
	}
	const yaml_char_t *anchor = type == KNODE_MAP ? ev->data.mapping_start.anchor
						      : ev->data.sequence_start.anchor;
	/* the root's items: a List's are streamed, also when its kind is not
	 * known yet (kubectl writes items before kind) */
	if (type == KNODE_SEQ && r->nframes == 1 && !r->streamed && r->frames[0].type == KNODE_MAP &&
	    (r->npend - r->frames[0].base) % 2 == 1) {
		const struct knode *key = &r->pend[r->npend - 1];
		if (key->type == KNODE_SCALAR && key->len == 5 && memcmp(key->str, "items", 5) == 0) {
			const char *kind = pending_value(r, r->frames[0].base, "kind");
			if (kind == NULL || is_list_kind(kind)) {
				r->streamed = true;
				r->tentative = kind == NULL;
				r->list_kind = kind;
				r->items_frame = 1;
				r->items_line = line;
				r->items_col = col;
			}
		}
	}
	xgrow(&r->frames, &r->cframes, r->nframes + 1, sizeof *r->frames);
	r->frames[r->nframes++] = (struct frame){ type, line, col, r->npend, 1, 1, anchor_name(r, anchor) };
}

static int
cmp_key(const void *a, const void *b)
{
	const struct knode *x = *(const struct knode *const *)a, *y = *(const struct knode *const *)b;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	int c = memcmp(x->str, y->str, x->len);
	return c ? c : (x->line > y->line) - (x->line < y->line);
}

/* A key twice in one mapping: Kubernetes' YAML reader refuses it ("key
 * already set in map"), so the importer must not pick one of the two. */
static void
duplicate_keys(struct reader *r, const struct knode *kv, size_t pairs)
{
	if (pairs < 2)
		return;
	if (pairs <= 16) {
		for (size_t i = 1; i < pairs; i++)
			for (size_t j = 0; j < i; j++) {
				const struct knode *a = &kv[2 * j], *b = &kv[2 * i];
				if (a->type == KNODE_SCALAR && b->type == KNODE_SCALAR && a->len == b->len &&
				    memcmp(a->str, b->str, a->len) == 0) {
					error_at(r, b->line, b->col, "duplicate key '%.80s' (already at line %ld): "
						 "Kubernetes refuses a key twice in one mapping", b->str, a->line);
					break;
				}
			}
		return;
	}
	const struct knode **k = xcalloc(pairs, sizeof *k);
	size_t n = 0;
	for (size_t i = 0; i < pairs; i++)
		if (kv[2 * i].type == KNODE_SCALAR)
			k[n++] = &kv[2 * i];
	qsort(k, n, sizeof *k, cmp_key);
	for (size_t i = 1; i < n; i++)
		if (k[i]->len == k[i - 1]->len && memcmp(k[i]->str, k[i - 1]->str, k[i]->len) == 0)
			error_at(r, k[i]->line, k[i]->col, "duplicate key '%.80s' (already at line %ld): "
				 "Kubernetes refuses a key twice in one mapping", k[i]->str, k[i - 1]->line);
	free(k);
}

static void
on_end(struct reader *r)
{
	struct frame f = r->frames[--r->nframes];
	struct knode n = { .type = f.type, .line = f.line, .col = f.col };
	if (r->items_frame == r->nframes) {
		/* the streamed items: the List keeps an empty sequence */
		r->items_frame = NONE;
	} else {
		n.n = r->npend - f.base;
		/* pend is still NULL after an empty first mapping ({}) */
		if (f.type == KNODE_MAP && n.n > 0)
			duplicate_keys(r, r->pend + f.base, n.n / 2);
		if (n.n > 0) {
			n.kids = arena_alloc(building(r), n.n * sizeof *n.kids);
			memcpy(n.kids, r->pend + f.base, n.n * sizeof *n.kids);
		}
	}
	r->npend = f.base;
	node_done(r, &n, f.count, f.height, f.anchor);
}

static void
on_alias(struct reader *r, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	long line = (long)ev->start_mark.line + 1, col = (long)ev->start_mark.column + 1;
	const struct anchor *a = anchor_find(r, name);
	if (a == NULL) {
		error_at(r, line, col, "alias *%s names no anchor before it", name);
		r->fatal = true;
		return;
	}
	if (a->count > r->budget - r->alias_used) {
		error_at(r, line, col,
			 "alias *%s expands the aliases past %zu nodes (a \"billion laughs\"?): refused",
			 name, r->budget);
		r->fatal = true;
		return;
	}
	if (r->nframes + a->height > r->max_depth) {
		error_at(r, line, col, "alias *%s nests deeper than %zu levels", name, r->max_depth);
		r->fatal = true;
		return;
	}
	r->alias_used += a->count;
	struct knode n = a->node;
	n.line = line;
	n.col = col;
	n.shared = true;
	node_done(r, &n, a->count, a->height, NULL);
}

static void
document_reset(struct reader *r)
{
	arena_reset(&r->obj);
	arena_reset(&r->doc);
	r->nframes = r->npend = 0;
	/* a big table is dropped, not cleared, so that many small documents
	 * after one with many anchors stay cheap */
	if (r->nanchors > 0 && r->nhash > 1024) {
		free(r->hash);
		r->hash = NULL;
		r->nhash = 0;
	} else if (r->nanchors > 0) {
		memset(r->hash, 0, r->nhash * sizeof *r->hash);
	}
	r->nanchors = 0;
	r->items_frame = NONE;
	r->streamed = r->tentative = false;
	r->list_kind = NULL;
	r->ndeferred = 0;
}

/* The 1-based line and column (in characters, as libyaml counts) of byte
 * offset of the input, read again for a file; false for a stream. */
static bool
locate(const struct reader *r, size_t offset, long *line, long *col)
{
	FILE *f = NULL;
	if (r->buf == NULL && (r->path == NULL || (f = fopen(r->path, "rb")) == NULL))
		return false;
	long l = 1, c = 1;
	for (size_t i = 0; i < offset; i++) {
		int ch = f == NULL ? (i < r->len ? r->buf[i] : EOF) : getc(f);
		if (ch == EOF)
			break;
		if (ch == '\n') {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80 && !(i < 3 && l == 1 && (ch == 0xEF || ch == 0xBB || ch == 0xBF))) {
			c++;
		}
	}
	if (f != NULL)
		fclose(f);
	*line = l;
	*col = c;
	return true;
}

static void
syntax_error(struct reader *r)
{
	yaml_parser_t *p = &r->parser;
	if (r->io_error) {
		diag_error_at(r->d, r->file, 0, 0, "cannot read: %s", strerror(r->err));
		r->rc = KUBE_IO_ERROR;
	} else if (r->too_big) {
		error_at(r, 0, 0, "the input is more than the limit of %zu bytes (raise it with --max-input-size)",
			 r->max_input);
	} else if (p->error == YAML_MEMORY_ERROR) {
		error_at(r, 0, 0, "out of memory in the YAML parser");
	} else if (p->error == YAML_READER_ERROR) {
		/* the reader decodes ahead of the marks and gives a byte offset */
		long line, col;
		const char *what = p->problem ? p->problem : "invalid input";
		if (locate(r, p->problem_offset, &line, &col)) {
			if (p->problem_value != -1)
				error_at(r, line, col, "%s (#%X)", what, (unsigned)p->problem_value);
			else
				error_at(r, line, col, "%s", what);
		} else if (p->problem_value != -1) {
			error_at(r, 0, 0, "%s (#%X) at byte %zu", what, (unsigned)p->problem_value, p->problem_offset);
		} else {
			error_at(r, 0, 0, "%s at byte %zu", what, p->problem_offset);
		}
	} else {
		error_at(r, (long)p->problem_mark.line + 1, (long)p->problem_mark.column + 1, "%s",
			 p->problem ? p->problem : "invalid YAML");
	}
}

/* Build and deliver every object of the parser's stream. */
static void
parse_stream(struct reader *r)
{
	document_reset(r);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&r->parser, &ev)) {
			syntax_error(r);
			break;
		}
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
		case YAML_DOCUMENT_END_EVENT:
			document_reset(r);
			break;
		case YAML_SCALAR_EVENT:
			on_scalar(r, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			on_start(r, &ev, KNODE_SEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			on_start(r, &ev, KNODE_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			on_end(r);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(r, &ev);
			break;
		default:
			break;
		}
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end || r->fatal || r->stop != 0)
			break;
	}
	document_reset(r);
}

static void
scan_stream(struct reader *r, size_t *events)
{
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&r->parser, &ev)) {
			syntax_error(r);
			break;
		}
		(*events)++;
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			break;
	}
}

static int
read_handler(void *data, unsigned char *buf, size_t size, size_t *size_read)
{
	struct reader *r = data;
	size_t n;
	if (r->headlen > 0) {
		n = r->headlen < size ? r->headlen : size;
		memcpy(buf, r->head, n);
		r->head += n;
		r->headlen -= n;
	} else {
		n = fread(buf, 1, size, r->in);
	}
	if (n == 0 && ferror(r->in)) {
		r->io_error = true;
		r->err = errno;
		return 0;
	}
	if (n > r->max_input - r->nread) {
		r->too_big = true;
		return 0;
	}
	r->nread += n;
	*size_read = n;
	return 1;
}

static void
reader_init(struct reader *r, const char *file, const struct kube_limits *lim, struct diag *d)
{
	memset(r, 0, sizeof *r);
	r->file = file;
	r->max_input = lim && lim->max_input ? lim->max_input : KUBE_MAX_INPUT;
	r->max_depth = lim && lim->max_depth ? lim->max_depth : KUBE_MAX_DEPTH;
	r->budget = lim && lim->max_alias_nodes ? lim->max_alias_nodes : KUBE_MAX_ALIAS_NODES;
	r->d = d;
	r->items_frame = NONE;
}

static void
reader_free(struct reader *r)
{
	arena_free(&r->obj);
	arena_free(&r->doc);
	free(r->frames);
	free(r->pend);
	free(r->anchors);
	free(r->hash);
	free(r->deferred);
}

/* Run the parser over r's input: build objects for fn, or scan only
 * (events not NULL). */
static void
run(struct reader *r, size_t *events)
{
	if (!yaml_parser_initialize(&r->parser)) {
		error_at(r, 0, 0, "out of memory in the YAML parser");
		return;
	}
	if (r->in != NULL)
		yaml_parser_set_input(&r->parser, read_handler, r);
	if (events != NULL)
		scan_stream(r, events);
	else
		parse_stream(r);
	yaml_parser_delete(&r->parser);
}

static int
one_file(const char *path, const char *file, const struct kube_limits *lim, struct diag *d,
	 kube_object_fn *fn, void *ctx, size_t *events)
{
	struct reader r;
	reader_init(&r, file, lim, d);
	r.fn = fn;
	r.ctx = ctx;
	diag_note_file(d, file);
	bool is_stdin = strcmp(path, "-") == 0;
	r.in = is_stdin ? stdin : fopen(path, "rb");
	r.path = is_stdin ? NULL : path;
	if (r.in == NULL) {
		diag_error_at(d, file, 0, 0, "cannot read: %s", strerror(errno));
		return KUBE_IO_ERROR;
	}
	struct stat st;
	if (fstat(fileno(r.in), &st) == 0 && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > r.max_input) {
		error_at(&r, 0, 0, "the input is %jd bytes, more than the limit of %zu (raise it with --max-input-size)",
			 (intmax_t)st.st_size, r.max_input);
	} else {
		run(&r, events);
	}
	if (!is_stdin)
		fclose(r.in);
	reader_free(&r);
	return r.stop != 0 ? r.stop : r.rc;
}

static bool
wanted(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	       (n > 5 && strcmp(name + n - 5, ".json") == 0);
}

struct paths {
	char **p;
	size_t n, cap;
};

static int
collect(const char *dir, struct paths *out, struct diag *d)
{
	DIR *dh = opendir(dir);
	if (dh == NULL) {
		diag_error_at(d, dir, 0, 0, "cannot read the directory: %s", strerror(errno));
		return KUBE_IO_ERROR;
	}
	int rc = KUBE_OK;
	size_t dlen = strlen(dir);
	const char *sep = dlen > 0 && dir[dlen - 1] == '/' ? "" : "/";
	struct dirent *e;
	while ((e = readdir(dh)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = xasprintf("%s%s%s", dir, sep, e->d_name);
		struct stat st;
		if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			int sub = collect(p, out, d);
			if (sub > rc)
				rc = sub;
			free(p);
		} else if (wanted(e->d_name) && stat(p, &st) == 0 && S_ISREG(st.st_mode)) {
			xgrow(&out->p, &out->cap, out->n + 1, sizeof *out->p);
			out->p[out->n++] = p;
		} else {
			free(p);
		}
	}
	closedir(dh);
	return rc;
}

static int
by_bytes(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
read_path(const char *path, const struct kube_limits *lim, struct diag *d, kube_object_fn *fn, void *ctx,
	  size_t *events)
{
	struct stat st;
	if (strcmp(path, "-") == 0)
		return one_file(path, "<stdin>", lim, d, fn, ctx, events);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
		return one_file(path, path, lim, d, fn, ctx, events);
	struct paths ps = { 0 };
	int rc = collect(path, &ps, d);
	if (ps.n > 1) /* never qsort(NULL, 0, ...): a folder without YAML (UBSan) */
		qsort(ps.p, ps.n, sizeof *ps.p, by_bytes);
	size_t i = 0;
	for (; i < ps.n; i++) {
		int one = one_file(ps.p[i], ps.p[i], lim, d, fn, ctx, events);
		if (one != KUBE_OK && one != KUBE_INVALID && one != KUBE_IO_ERROR) {
			rc = one; /* fn stopped */
			break;
		}
		if (one > rc)
			rc = one;
	}
	for (i = 0; i < ps.n; i++)
		free(ps.p[i]);
	free(ps.p);
	return rc;
}

int
kube_read(const char *path, const struct kube_limits *lim, struct diag *d, kube_object_fn *fn, void *ctx)
{
	return read_path(path, lim, d, fn, ctx, NULL);
}

int
kube_scan(const char *path, const struct kube_limits *lim, struct diag *d, size_t *events)
{
	size_t n = 0;
	int rc = read_path(path, lim, d, NULL, NULL, &n);
	if (events != NULL)
		*events = n;
	return rc;
}

int
kube_read_buffer(const char *name, const void *buf, size_t len, const struct kube_limits *lim, struct diag *d,
		 kube_object_fn *fn, void *ctx)
{
	struct reader r;
	reader_init(&r, name, lim, d);
	r.fn = fn;
	r.ctx = ctx;
	diag_note_file(d, name);
	if (len > r.max_input) {
		error_at(&r, 0, 0, "the input is %zu bytes, more than the limit of %zu (raise it with --max-input-size)",
			 len, r.max_input);
		return KUBE_INVALID;
	}
	if (!yaml_parser_initialize(&r.parser)) {
		error_at(&r, 0, 0, "out of memory in the YAML parser");
		return KUBE_INVALID;
	}
	r.buf = buf;
	r.len = len;
	yaml_parser_set_input_string(&r.parser, buf, len);
	parse_stream(&r);
	yaml_parser_delete(&r.parser);
	reader_free(&r);
	return r.stop != 0 ? r.stop : r.rc;
}

int
kube_read_stream(const char *name, FILE *f, const void *head, size_t headlen, const struct kube_limits *lim,
		 struct diag *d, kube_object_fn *fn, void *ctx)
{
	struct reader r;
	reader_init(&r, name, lim, d);
	r.fn = fn;
	r.ctx = ctx;
	r.in = f;
	r.head = head;
	r.headlen = headlen;
	diag_note_file(d, name);
	if (headlen > r.max_input) {
		error_at(&r, 0, 0, "the input is more than the limit of %zu bytes (raise it with --max-input-size)",
			 r.max_input);
	} else {
		r.nread = headlen;
		run(&r, NULL);
	}
	reader_free(&r);
	return r.stop != 0 ? r.stop : r.rc;
}
