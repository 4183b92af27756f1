/* "Did you mean ...?": the known name closest to one a person typed, as a
 * misspelling (edit distance) or as Kubernetes spells it (targetPort for
 * target, podSelector for pod-selector). */
#ifndef K8SNET_SUGGEST_H
#define K8SNET_SUGGEST_H

/* The best candidate so far for word; feed it the candidates in order
 * (the first of equally close ones wins). */
struct suggest {
	const char *word;
	const char *best;
	int dist;
};

void suggest_init(struct suggest *s, const char *word);
void suggest_consider(struct suggest *s, const char *candidate);
/* The closest candidate, or NULL when none is close enough. */
const char *suggest_best(const struct suggest *s);

/* The same over a NULL-terminated list. */
const char *suggest(const char *word, const char *const *candidates);

#endif
