#include "config.h"
#include "addr.h"

#include <stdio.h>
#include <string.h>

/* Parse a decimal number of at most max, no leading zeros; advance *s. */
static bool
number(const char **s, unsigned long max, unsigned long *out)
{
	const char *p = *s;
	unsigned long v = 0;
	if (*p < '0' || *p > '9')
		return false;
	if (*p == '0' && p[1] >= '0' && p[1] <= '9')
		return false;
	while (*p >= '0' && *p <= '9') {
		v = v * 10 + (unsigned long)(*p - '0');
		if (v > max)
			return false;
		p++;
	}
	*s = p;
	*out = v;
	return true;
}

static bool
quad(const char **s, uint32_t *out)
{
	uint32_t a = 0;
	for (int i = 0; i < 4; i++) {
		unsigned long b;
		if (i > 0 && *(*s)++ != '.')
			return false;
		if (!number(s, 255, &b))
			return false;
		a = a << 8 | (uint32_t)b;
	}
	*out = a;
	return true;
}

bool
addr_parse(const char *s, uint32_t *out)
{
	return quad(&s, out) && *s == '\0';
}

char *
addr_format(uint32_t a, char *buf)
{
	/* By hand: outputs format an address per row. */
	char *p = buf;
	for (int shift = 24; shift >= 0; shift -= 8) {
		unsigned b = (a >> shift) & 255;
		if (b >= 100)
			*p++ = (char)('0' + b / 100);
		if (b >= 10)
			*p++ = (char)('0' + b / 10 % 10);
		*p++ = (char)('0' + b % 10);
		*p++ = shift ? '.' : '\0';
	}
	return buf;
}

bool
addr_reserved(uint32_t a)
{
	return a == 0 || (a >> 24) == 127;
}

static uint32_t
mask(int len)
{
	return len == 0 ? 0 : 0xffffffffu << (32 - len);
}

bool
addr_parse_prefix(const char *s, uint32_t *net, int *len, char *suggest)
{
	uint32_t a;
	unsigned long l = 32;
	if (!quad(&s, &a))
		return false;
	if (*s == '/') {
		s++;
		if (!number(&s, 32, &l))
			return false;
	}
	if (*s != '\0')
		return false;
	if ((a & ~mask((int)l)) != 0) {
		if (suggest != NULL) {
			char buf[16];
			sprintf(suggest, "%s/%lu", addr_format(a & mask((int)l), buf), l);
		}
		return false;
	}
	*net = a;
	*len = (int)l;
	return true;
}

bool
addr_in_prefix(uint32_t a, uint32_t net, int len)
{
	return (a & mask(len)) == net;
}

bool
port_parse(const char *s, uint16_t *out)
{
	unsigned long v;
	if (!number(&s, 65535, &v) || *s != '\0' || v == 0)
		return false;
	*out = (uint16_t)v;
	return true;
}

bool
port_range_parse(const char *s, uint16_t *lo, uint16_t *hi)
{
	unsigned long a, b;
	if (!number(&s, 65535, &a) || a == 0)
		return false;
	b = a;
	if (*s == '-') {
		s++;
		if (!number(&s, 65535, &b))
			return false;
	}
	if (*s != '\0' || b < a)
		return false;
	*lo = (uint16_t)a;
	*hi = (uint16_t)b;
	return true;
}

static const char *const names[PROTO_COUNT] = { "SCTP", "TCP", "UDP" };

bool
proto_parse(const char *s, enum proto *out)
{
	for (int p = 0; p < PROTO_COUNT; p++)
		if (strcmp(s, names[p]) == 0) {
			*out = (enum proto)p;
			return true;
		}
	return false;
}

const char *
proto_name(enum proto p)
{
	return p < PROTO_COUNT ? names[p] : "?";
}

bool
dest_parse(const char *s, uint32_t *addr, uint16_t *port, enum proto *proto)
{
	unsigned long v;
	if (!quad(&s, addr) || *s++ != ':')
		return false;
	if (!number(&s, 65535, &v) || v == 0)
		return false;
	*port = (uint16_t)v;
	*proto = PROTO_TCP;
	if (*s == '/')
		return proto_parse(s + 1, proto);
	return *s == '\0';
}
