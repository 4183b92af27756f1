/* Addresses, prefixes, ports and protocols: parsing (strict, canonical
 * forms only, as the spec format demands) and printing. */
#ifndef K8SNET_ADDR_H
#define K8SNET_ADDR_H

#include <stdbool.h>
#include <stdint.h>

/* Protocols in the order outputs sort them: by name. */
enum proto { PROTO_SCTP, PROTO_TCP, PROTO_UDP, PROTO_COUNT };

#define ADDR_LOOPBACK 0x7f000001u /* 127.0.0.1 */

/* A canonical IPv4 dotted quad; false if s is anything else. */
bool addr_parse(const char *s, uint32_t *out);
/* Print a into buf (at least 16 bytes); returns buf. */
char *addr_format(uint32_t a, char *buf);
/* 127.0.0.0/8 or 0.0.0.0: not the address of a node, pod or service. */
bool addr_reserved(uint32_t a);

/* ADDR or ADDR/LEN. On a prefix with host bits set, returns false and, if
 * suggest is not NULL, writes the canonical prefix there (>= 19 bytes). */
bool addr_parse_prefix(const char *s, uint32_t *net, int *len, char *suggest);
bool addr_in_prefix(uint32_t a, uint32_t net, int len);

/* A port 1-65535, decimal, no sign, no leading zero. */
bool port_parse(const char *s, uint16_t *out);
/* PORT or LO-HI with LO <= HI. */
bool port_range_parse(const char *s, uint16_t *lo, uint16_t *hi);

bool proto_parse(const char *s, enum proto *out);
const char *proto_name(enum proto p);

/* ADDR:PORT or ADDR:PORT/PROTO (default TCP), as the command line and
 * expect elements write a destination. */
bool dest_parse(const char *s, uint32_t *addr, uint16_t *port, enum proto *proto);

#endif
