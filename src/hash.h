/* An open-addressing multimap from 64-bit keys to non-negative ints: the
 * name, address and link indexes of the model. Owned by its creator;
 * hash_free accepts NULL. */
#ifndef K8SNET_HASH_H
#define K8SNET_HASH_H

#include <stddef.h>
#include <stdint.h>

struct hash;

struct hash *hash_new(void);
void hash_free(struct hash *h);
void hash_add(struct hash *h, uint64_t key, int value);
/* Values stored under key: start with *it = 0, call until it returns -1. */
int hash_next(const struct hash *h, uint64_t key, size_t *it);
size_t hash_size(const struct hash *h);

uint64_t hash_string(const char *s);

#endif
