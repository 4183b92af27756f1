#include "config.h"
#include "portset.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

void
portset_clear(struct portset *s)
{
	for (int p = 0; p < PROTO_COUNT; p++) {
		free(s->r[p]);
		s->r[p] = NULL;
		s->n[p] = s->cap[p] = 0;
	}
}

/* Insert lo..hi into p's ranges and merge what now overlaps or touches. */
void
portset_add(struct portset *s, enum proto p, uint16_t lo, uint16_t hi)
{
	struct prange *r = s->r[p];
	size_t n = s->n[p], i = 0;
	/* First range that ends at lo - 1 or later (touching counts). */
	while (i < n && (uint32_t)r[i].hi + 1 < lo)
		i++;
	size_t j = i;
	uint16_t nlo = lo, nhi = hi;
	while (j < n && r[j].lo <= (uint32_t)hi + 1) {
		if (r[j].lo < nlo)
			nlo = r[j].lo;
		if (r[j].hi > nhi)
			nhi = r[j].hi;
		j++;
	}
	if (j == i) { /* no overlap: insert at i */
		xgrow(&s->r[p], &s->cap[p], n + 1, sizeof *r);
		r = s->r[p];
		memmove(&r[i + 1], &r[i], (n - i) * sizeof *r);
		r[i] = (struct prange){ lo, hi };
		s->n[p] = n + 1;
		return;
	}
	r[i] = (struct prange){ nlo, nhi };
	memmove(&r[i + 1], &r[j], (n - j) * sizeof *r);
	s->n[p] = n - (j - i - 1);
}

void
portset_add_proto(struct portset *s, enum proto p)
{
	portset_add(s, p, 1, 65535);
}

void
portset_add_all(struct portset *s)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		portset_add_proto(s, (enum proto)p);
}

void
portset_union(struct portset *s, const struct portset *t)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		for (size_t i = 0; i < t->n[p]; i++)
			portset_add(s, (enum proto)p, t->r[p][i].lo, t->r[p][i].hi);
}

void
portset_intersect(struct portset *s, const struct portset *t)
{
	for (int p = 0; p < PROTO_COUNT; p++) {
		struct prange *out = NULL;
		size_t nout = 0, cap = 0, i = 0, j = 0;
		const struct prange *a = s->r[p], *b = t->r[p];
		while (i < s->n[p] && j < t->n[p]) {
			uint16_t lo = a[i].lo > b[j].lo ? a[i].lo : b[j].lo;
			uint16_t hi = a[i].hi < b[j].hi ? a[i].hi : b[j].hi;
			if (lo <= hi) {
				xgrow(&out, &cap, nout + 1, sizeof *out);
				out[nout++] = (struct prange){ lo, hi };
			}
			if (a[i].hi < b[j].hi)
				i++;
			else
				j++;
		}
		free(s->r[p]);
		s->r[p] = out;
		s->n[p] = nout;
		s->cap[p] = cap;
	}
}

void
portset_copy(struct portset *dst, const struct portset *src)
{
	if (dst == src)
		return;
	portset_clear(dst);
	portset_union(dst, src);
}

bool
portset_empty(const struct portset *s)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		if (s->n[p] > 0)
			return false;
	return true;
}

bool
portset_proto_full(const struct portset *s, enum proto p)
{
	return s->n[p] == 1 && s->r[p][0].lo == 1 && s->r[p][0].hi == 65535;
}

bool
portset_full(const struct portset *s)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		if (!portset_proto_full(s, (enum proto)p))
			return false;
	return true;
}

bool
portset_equal(const struct portset *a, const struct portset *b)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		if (a->n[p] != b->n[p] || (a->n[p] && memcmp(a->r[p], b->r[p], a->n[p] * sizeof *a->r[p]) != 0))
			return false;
	return true;
}

bool
portset_contains(const struct portset *s, enum proto p, uint16_t port)
{
	size_t lo = 0, hi = s->n[p];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (s->r[p][mid].hi < port)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n[p] && s->r[p][lo].lo <= port;
}

char *
portset_format(const struct portset *s)
{
	if (portset_full(s))
		return xstrdup("All Connections");
	char *buf = NULL;
	size_t len = 0;
	FILE *f = xopen_memstream(&buf, &len);
	static const enum proto order[] = { PROTO_SCTP, PROTO_TCP, PROTO_UDP };
	bool first = true;
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		enum proto p = order[k];
		if (s->n[p] == 0)
			continue;
		fprintf(f, "%s%s ", first ? "" : ",", proto_name(p));
		first = false;
		for (size_t i = 0; i < s->n[p]; i++) {
			if (s->r[p][i].lo == s->r[p][i].hi)
				fprintf(f, "%s%u", i ? "," : "", s->r[p][i].lo);
			else
				fprintf(f, "%s%u-%u", i ? "," : "", s->r[p][i].lo, s->r[p][i].hi);
		}
	}
	if (fclose(f) != 0) /* a memory stream fails only for want of memory */
		xalloc_die();
	return buf;
}
