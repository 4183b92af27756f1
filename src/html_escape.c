/* The page's escaping and its template: what keeps a string from the spec
 * a string on the page (html.h). */
#include "config.h"
#include "html.h"

#include <stdint.h>
#include <string.h>

void
html_escape_n(FILE *f, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep;
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		case '\n':
			/* keeps a multi-line title on one line of the file */
			rep = "&#10;";
			break;
		default:
			continue;
		}
		fwrite(s + start, 1, i - start, f);
		fputs(rep, f);
		start = i + 1;
	}
	fwrite(s + start, 1, n - start, f);
}

void
html_escape(FILE *f, const char *s)
{
	html_escape_n(f, s, strlen(s));
}

void
html_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '<':
		case '>':
		case '&':
			fprintf(f, "\\u%04x", *p);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				fprintf(f, "\\u%04x", *p);
			} else if (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
				/* U+2028, U+2029: line ends to older JavaScript */
				fprintf(f, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else {
				fputc(*p, f);
			}
		}
	}
	fputc('"', f);
}

void
html_expand(FILE *f, const char *tmpl, html_fill_fn *fill, void *ctx)
{
	const char *p = tmpl;
	for (;;) {
		const char *open = strstr(p, "{{");
		if (open == NULL)
			break;
		size_t n = strspn(open + 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (n == 0 || n > 31 || strncmp(open + 2 + n, "}}", 2) != 0) {
			fwrite(p, 1, (size_t)(open + 2 - p), f);
			p = open + 2;
			continue;
		}
		fwrite(p, 1, (size_t)(open - p), f);
		char key[32];
		memcpy(key, open + 2, n);
		key[n] = '\0';
		fill(ctx, f, key);
		p = open + 2 + n + 2;
	}
	fputs(p, f);
}

