#include "config.h"
#include "hash.h"
#include "xalloc.h"

#include <stdlib.h>

struct slot {
	uint64_t key;
	int value; /* -1: empty */
};

struct hash {
	struct slot *s;
	size_t cap, n; /* cap: a power of two */
};

static size_t
home(uint64_t key, size_t cap)
{
	/* MurmurHash3's finalizer: every key bit reaches the low bits. */
	key ^= key >> 33;
	key *= 0xff51afd7ed558ccdULL;
	key ^= key >> 33;
	key *= 0xc4ceb9fe1a85ec53ULL;
	key ^= key >> 33;
	return (size_t)key & (cap - 1);
}

static void
alloc_slots(struct hash *h, size_t cap)
{
	h->s = xreallocarray(NULL, cap, sizeof *h->s);
	for (size_t i = 0; i < cap; i++)
		h->s[i].value = -1;
	h->cap = cap;
}

struct hash *
hash_new(void)
{
	struct hash *h = xcalloc(1, sizeof *h);
	alloc_slots(h, 16);
	return h;
}

void
hash_free(struct hash *h)
{
	if (h == NULL)
		return;
	free(h->s);
	free(h);
}

static void
put(struct hash *h, uint64_t key, int value)
{
	size_t i = home(key, h->cap);
	while (h->s[i].value >= 0)
		i = (i + 1) & (h->cap - 1);
	h->s[i] = (struct slot){ key, value };
	h->n++;
}

void
hash_add(struct hash *h, uint64_t key, int value)
{
	if ((h->n + 1) * 2 > h->cap) {
		struct slot *old = h->s;
		size_t oldcap = h->cap;
		alloc_slots(h, oldcap * 2);
		h->n = 0;
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].value >= 0)
				put(h, old[i].key, old[i].value);
		free(old);
	}
	put(h, key, value);
}

int
hash_next(const struct hash *h, uint64_t key, size_t *it)
{
	/* *it counts the probes already made from the key's home slot. */
	for (size_t i = (home(key, h->cap) + *it) & (h->cap - 1);
	     h->s[i].value >= 0; i = (i + 1) & (h->cap - 1)) {
		++*it;
		if (h->s[i].key == key)
			return h->s[i].value;
	}
	return -1;
}

size_t
hash_size(const struct hash *h)
{
	return h->n;
}

uint64_t
hash_string(const char *s)
{
	uint64_t x = 0xcbf29ce484222325ULL;
	for (; *s; s++)
		x = (x ^ (unsigned char)*s) * 0x100000001b3ULL;
	return x;
}
