// SPDX-License-Identifier: GPL-2.0
/*
 * gen_init_cpio: write a cpio "newc" archive (the initramfs format) to
 * stdout from a spec file, without needing root to create device nodes.
 *
 *   gen_init_cpio SPEC > initramfs.cpio
 *
 * One entry per line; '#' starts a comment; fields are separated by blanks:
 *
 *   dir   <name> <mode> <uid> <gid>
 *   file  <name> <source-path> <mode> <uid> <gid>
 *   nod   <name> <mode> <uid> <gid> <c|b> <major> <minor>
 *   slink <name> <target> <mode> <uid> <gid>
 *
 * <mode> is octal permission bits; the file type comes from the keyword.
 * ${VAR} in a source path is replaced by the environment variable VAR, so
 * one spec serves any build directory.
 *
 * newc format: each entry is a 110-byte header (the magic "070701" and 13
 * fields of 8 hex digits), the NUL-terminated name padded with zeros to a
 * multiple of 4 bytes (counting from the header), then the data, padded to
 * 4 bytes.  The archive ends with an entry named "TRAILER!!!".  Times are
 * written as 0 so that the same inputs give the same archive.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_LINE	4096
#define MAX_FIELDS	9

static const char *spec_name;
static unsigned int spec_line;
static unsigned long offset;	/* bytes written so far, for padding */
static unsigned int next_ino = 721;

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "gen_init_cpio: %s:%u: ", spec_name, spec_line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void out(const void *buf, size_t len)
{
	if (len && fwrite(buf, 1, len, stdout) != len)
		die("write error: %s", strerror(errno));
	offset += len;
}

static void pad4(void)
{
	static const char zeros[4];

	out(zeros, (4 - offset % 4) % 4);
}

struct entry {
	const char *name;	/* path inside the archive, leading '/' dropped */
	unsigned int mode;	/* type and permission bits */
	unsigned int uid, gid;
	unsigned int nlink;
	unsigned int rmajor, rminor;
	const void *data;
	unsigned long size;
};

static void put_entry(const struct entry *e)
{
	char hdr[111];
	size_t namesize = strlen(e->name) + 1;

	/* Every field is 32 bits: 8 hex digits. */
	if (e->size > 0xffffffffUL || namesize > 0xffffffffUL)
		die("'%s' is too large for a newc archive", e->name);
	snprintf(hdr, sizeof(hdr),
		 "070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
		 next_ino++, e->mode, e->uid, e->gid, e->nlink,
		 0u,		/* mtime */
		 (unsigned int)e->size,
		 0u, 0u,	/* major/minor of the archive's device */
		 e->rmajor, e->rminor, (unsigned int)namesize,
		 0u);		/* check: unused by newc */
	out(hdr, 110);
	out(e->name, namesize);
	pad4();
	out(e->data, e->size);
	pad4();
}

static unsigned int parse_num(const char *s, int base, const char *what)
{
	char *end;
	unsigned long v;

	errno = 0;
	v = strtoul(s, &end, base);
	if (errno || *end || end == s || v > 0xffffffffUL)
		die("bad %s '%s'", what, s);
	return v;
}

static unsigned int parse_mode(const char *s)
{
	unsigned int mode = parse_num(s, 8, "mode");

	if (mode & ~07777u)
		die("mode '%s' has bits outside 07777", s);
	return mode;
}

/* Archive names are relative: "/tests/x" is stored as "tests/x". */
static const char *archive_name(const char *name)
{
	while (*name == '/')
		name++;
	if (!*name)
		die("empty name");
	return name;
}

/* Expand ${VAR} from the environment into a malloc'd string. */
static char *expand(const char *s)
{
	size_t cap = strlen(s) + 1, len = 0;
	char *r = malloc(cap);

	while (r && *s) {
		const char *piece = s, *end;
		size_t plen = 1;

		if (s[0] == '$' && s[1] == '{' && (end = strchr(s, '}'))) {
			char var[256];

			if ((size_t)(end - s - 2) >= sizeof(var))
				die("variable name too long");
			memcpy(var, s + 2, end - s - 2);
			var[end - s - 2] = '\0';
			piece = getenv(var);
			if (!piece)
				die("${%s} is not set", var);
			plen = strlen(piece);
			s = end + 1;
		} else {
			s++;
		}
		if (len + plen + 1 > cap) {
			cap = 2 * (len + plen + 1);
			r = realloc(r, cap);
			if (!r)
				break;
		}
		memcpy(r + len, piece, plen);
		len += plen;
	}
	if (!r)
		die("out of memory");
	r[len] = '\0';
	return r;
}

static void *read_file(const char *path, unsigned long *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, len = 0, n;

	if (!f)
		die("cannot open '%s': %s", path, strerror(errno));
	do {
		if (len == cap) {
			cap = cap ? 2 * cap : 65536;
			buf = realloc(buf, cap);
			if (!buf)
				die("out of memory reading '%s'", path);
		}
		n = fread(buf + len, 1, cap - len, f);
		len += n;
	} while (n);
	if (ferror(f))
		die("error reading '%s': %s", path, strerror(errno));
	fclose(f);
	*size = len;
	return buf;
}

static void do_dir(char **f, int n)
{
	struct entry e = { .nlink = 2 };

	if (n != 5)
		die("usage: dir <name> <mode> <uid> <gid>");
	e.name = archive_name(f[1]);
	e.mode = S_IFDIR | parse_mode(f[2]);
	e.uid = parse_num(f[3], 10, "uid");
	e.gid = parse_num(f[4], 10, "gid");
	put_entry(&e);
}

static void do_file(char **f, int n)
{
	struct entry e = { .nlink = 1 };
	char *src;
	void *data;

	if (n != 6)
		die("usage: file <name> <source-path> <mode> <uid> <gid>");
	e.name = archive_name(f[1]);
	src = expand(f[2]);
	e.mode = S_IFREG | parse_mode(f[3]);
	e.uid = parse_num(f[4], 10, "uid");
	e.gid = parse_num(f[5], 10, "gid");
	data = read_file(src, &e.size);
	e.data = data;
	put_entry(&e);
	free(data);
	free(src);
}

static void do_nod(char **f, int n)
{
	struct entry e = { .nlink = 1 };

	if (n != 8 || (strcmp(f[5], "c") && strcmp(f[5], "b")))
		die("usage: nod <name> <mode> <uid> <gid> <c|b> <major> <minor>");
	e.name = archive_name(f[1]);
	e.mode = (f[5][0] == 'c' ? S_IFCHR : S_IFBLK) | parse_mode(f[2]);
	e.uid = parse_num(f[3], 10, "uid");
	e.gid = parse_num(f[4], 10, "gid");
	e.rmajor = parse_num(f[6], 10, "major");
	e.rminor = parse_num(f[7], 10, "minor");
	put_entry(&e);
}

/* A symlink's data is its target, without a terminating NUL. */
static void do_slink(char **f, int n)
{
	struct entry e = { .nlink = 1 };

	if (n != 6)
		die("usage: slink <name> <target> <mode> <uid> <gid>");
	e.name = archive_name(f[1]);
	e.data = f[2];
	e.size = strlen(f[2]);
	e.mode = S_IFLNK | parse_mode(f[3]);
	e.uid = parse_num(f[4], 10, "uid");
	e.gid = parse_num(f[5], 10, "gid");
	put_entry(&e);
}

static const struct {
	const char *keyword;
	void (*handler)(char **fields, int n);
} handlers[] = {
	{ "dir", do_dir },
	{ "file", do_file },
	{ "nod", do_nod },
	{ "slink", do_slink },
};

static void do_line(char *line)
{
	char *fields[MAX_FIELDS + 1], *save, *tok;
	int n = 0;
	size_t i;

	line[strcspn(line, "#\n")] = '\0';
	for (tok = strtok_r(line, " \t\r", &save); tok; tok = strtok_r(NULL, " \t\r", &save)) {
		if (n == MAX_FIELDS)
			die("too many fields");
		fields[n++] = tok;
	}
	if (!n)
		return;
	for (i = 0; i < sizeof(handlers) / sizeof(handlers[0]); i++) {
		if (!strcmp(fields[0], handlers[i].keyword)) {
			handlers[i].handler(fields, n);
			return;
		}
	}
	die("unknown entry type '%s'", fields[0]);
}

int main(int argc, char **argv)
{
	static const struct entry trailer = { .name = "TRAILER!!!", .nlink = 1 };
	char line[MAX_LINE];
	FILE *spec;

	if (argc != 2) {
		fprintf(stderr, "usage: gen_init_cpio SPEC > archive.cpio\n");
		return 2;
	}
	spec_name = argv[1];
	spec = strcmp(spec_name, "-") ? fopen(spec_name, "r") : stdin;
	if (!spec)
		die("cannot open: %s", strerror(errno));
	while (fgets(line, sizeof(line), spec)) {
		spec_line++;
		if (!strchr(line, '\n') && !feof(spec))
			die("line too long");
		do_line(line);
	}
	if (ferror(spec))
		die("read error: %s", strerror(errno));
	put_entry(&trailer);
	if (fflush(stdout))
		die("write error: %s", strerror(errno));
	return 0;
}
