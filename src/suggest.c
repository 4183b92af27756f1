#include "config.h"
#include "suggest.h"

#include <stdbool.h>
#include <string.h>

/* Kubernetes' own spellings whose spec name is not a mere change of case
 * or separators: each suggests its spec name where that name is known
 * (an empty one: a word that is no typo, which gets no guess). */
static const char *const aliases[][2] = {
	{ "targetPort", "target" },
	{ "containerPort", "number" },
	{ "port", "number" },
	{ "hostPort", "number" },
	{ "endPort", "end" },
	{ "matchLabels", "match" },
	{ "matchExpressions", "expression" },
	{ "policyTypes", "types" },
	{ "podIP", "address" },
	{ "podIPs", "address" },
	{ "clusterIP", "address" },
	{ "clusterIPs", "address" },
	{ "hostIP", "address" },
	{ "ip", "address" },
	{ "addr", "address" },
	{ "containers", "container" },
	{ "ports", "port" },
	{ "from", "to" },
	{ "to", "from" },
	/* Real names of something else, not typos: no guess. */
	{ "sport", "" },
	{ "src-port", "" },
};

#define WORD_MAX 64 /* longer words get no suggestion */

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* podSelector, pod_selector, POD-SELECTOR -> pod-selector, into out
 * (WORD_MAX * 2 + 1 bytes); false if too long. */
static bool
normalize(const char *w, char *out)
{
	size_t n = 0, len = strlen(w);
	if (len == 0 || len > WORD_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = w[i];
		bool upper = c >= 'A' && c <= 'Z';
		bool after_lower = i > 0 && ((w[i - 1] >= 'a' && w[i - 1] <= 'z') || (w[i - 1] >= '0' && w[i - 1] <= '9'));
		if (upper && after_lower)
			out[n++] = '-';
		out[n++] = c == '_' ? '-' : lower(c);
	}
	out[n] = '\0';
	return true;
}

/* Optimal string alignment distance (a swap of neighbours counts one). */
static int
distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	int d[2 * WORD_MAX + 2][2 * WORD_MAX + 2];
	if (n > 2 * WORD_MAX || m > 2 * WORD_MAX)
		return 1 << 20;
	for (size_t i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	return d[n][m];
}

static bool
same_ignoring_case(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (lower(*a) != lower(*b))
			return false;
	return *a == *b;
}

void
suggest_init(struct suggest *s, const char *word)
{
	s->word = word;
	s->best = NULL;
	s->dist = 1 << 20;
}

void
suggest_consider(struct suggest *s, const char *candidate)
{
	int dist = 1 << 20;
	for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++) {
		if (!same_ignoring_case(s->word, aliases[i][0]))
			continue;
		if (aliases[i][1][0] == '\0')
			return;
		if (strcmp(candidate, aliases[i][1]) == 0)
			dist = -2;
	}
	char a[2 * WORD_MAX + 1], b[2 * WORD_MAX + 1];
	if (dist > 0 && normalize(s->word, a) && normalize(candidate, b)) {
		dist = strcmp(a, b) == 0 ? -1 : distance(a, b);
		/* Close: about one edit in three letters, at least one. */
		size_t len = strlen(a);
		if (dist > 0 && (size_t)dist > (len < 6 ? 1 : len / 3))
			dist = 1 << 20;
	}
	if (dist < s->dist) {
		s->dist = dist;
		s->best = candidate;
	}
}

const char *
suggest_best(const struct suggest *s)
{
	return s->dist < (1 << 20) ? s->best : NULL;
}

const char *
suggest(const char *word, const char *const *candidates)
{
	struct suggest s;
	suggest_init(&s, word);
	for (const char *const *c = candidates; c && *c; c++)
		suggest_consider(&s, *c);
	return suggest_best(&s);
}
