// SPDX-License-Identifier: GPL-2.0
/*
 * The initramfs as the boot loader left it: a cpio archive in the "newc"
 * format (a 110-byte ASCII header per entry, then the name, then the
 * data, each padded to 4 bytes; the entry "TRAILER!!!" ends it).
 *
 * initramfs_init() walks the whole archive once and refuses it if any
 * header is malformed or runs past the end, so a corrupt archive is
 * reported at boot rather than found halfway through.  Lookups then walk
 * it again; a handful of files makes that cheap.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/string.h>
#include <asm/bootparam.h>
#include <asm/page.h>
#include <uapi/linux/stat.h>

#define CPIO_HDR_LEN	110
#define MAX_SYMLINKS	8

static const u8 *archive;
static size_t archive_size;

struct cpio_entry {
	const char *name;
	size_t namesize;	/* including the NUL */
	const u8 *data;
	size_t filesize;
	u32 mode, uid, gid;
	size_t next;		/* offset of the following header */
};

static bool parse_hex8(const u8 *p, u32 *out)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		u8 c = p[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + (c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			v = v * 16 + (c - 'A' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

/* Decode the entry at @off; -EINVAL if anything in it is out of bounds. */
static int cpio_parse(size_t off, struct cpio_entry *e)
{
	const u8 *h = archive + off;
	u32 f[13];
	size_t name_off, data_off;
	int i;

	if (off > archive_size || archive_size - off < CPIO_HDR_LEN)
		return -EINVAL;
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return -EINVAL;
	for (i = 0; i < 13; i++)
		if (!parse_hex8(h + 6 + 8 * i, &f[i]))
			return -EINVAL;
	/* ino mode uid gid nlink mtime filesize devmaj devmin rdevmaj rdevmin namesize check */
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->filesize = f[6];
	e->namesize = f[11];
	name_off = off + CPIO_HDR_LEN;
	if (!e->namesize || e->namesize > 4096 || archive_size - name_off < e->namesize)
		return -EINVAL;
	e->name = (const char *)archive + name_off;
	if (e->name[e->namesize - 1] != '\0')
		return -EINVAL;
	data_off = ALIGN(name_off + e->namesize, 4);
	if (data_off > archive_size || archive_size - data_off < e->filesize)
		return -EINVAL;
	e->data = archive + data_off;
	e->next = ALIGN(data_off + e->filesize, 4);
	return 0;
}

int __init initramfs_init(void)
{
	struct cpio_entry e;
	size_t off = 0;
	int files = 0;

	if (!boot_params.initrd_start || !boot_params.initrd_size) {
		pr_warn("initramfs: none was loaded\n");
		return -ENOENT;
	}
	archive = __va(boot_params.initrd_start);
	archive_size = boot_params.initrd_size;
	for (;;) {
		if (cpio_parse(off, &e)) {
			pr_err("initramfs: corrupt or truncated cpio archive at offset %zu; ignoring it\n",
			       off);
			archive = NULL;
			archive_size = 0;
			return -EINVAL;
		}
		if (!strcmp(e.name, "TRAILER!!!"))
			break;
		files++;
		off = e.next;
	}
	pr_info("initramfs: %d entries in %zu bytes\n", files, archive_size);
	return 0;
}

/* Strip "./" and "/" prefixes and trailing slashes into @out. */
static void normalize(const char *path, char *out, size_t size)
{
	size_t n;

	while (*path == '/' || (path[0] == '.' && path[1] == '/'))
		path += *path == '/' ? 1 : 2;
	strscpy(out, path, size);
	n = strlen(out);
	while (n && out[n - 1] == '/')
		out[--n] = '\0';
}

static int find_entry(const char *name, struct cpio_entry *found)
{
	struct cpio_entry e;
	size_t off = 0;

	if (!archive)
		return -ENOENT;
	if (!*name) {		/* the root always exists, as a directory */
		memset(found, 0, sizeof(*found));
		found->name = "";
		found->mode = S_IFDIR | 0755;
		found->data = archive;
		return 0;
	}
	while (!cpio_parse(off, &e) && strcmp(e.name, "TRAILER!!!")) {
		const char *n = e.name;

		while (n[0] == '.' && n[1] == '/')
			n += 2;
		if (!strcmp(n, name) || (!*name && !strcmp(n, "."))) {
			*found = e;
			return 0;
		}
		off = e.next;
	}
	return -ENOENT;
}

/* -ENOTDIR if a leading component of @name exists but is not a directory. */
static int check_prefixes(const char *name)
{
	char prefix[256];
	struct cpio_entry e;
	const char *slash;

	for (slash = strchr(name, '/'); slash; slash = strchr(slash + 1, '/')) {
		size_t n = slash - name;

		if (n >= sizeof(prefix))
			return -ENAMETOOLONG;
		memcpy(prefix, name, n);
		prefix[n] = '\0';
		if (find_entry(prefix, &e))
			return -ENOENT;
		if (!S_ISDIR(e.mode) && !S_ISLNK(e.mode))
			return -ENOTDIR;
	}
	return -ENOENT;
}

/* Find @path, following symbolic links (absolute or relative to their directory). */
int initramfs_lookup(const char *path, struct initramfs_file *out)
{
	char name[256], target[256];
	struct cpio_entry e;
	int hops;

	if (strnlen(path, sizeof(name)) >= sizeof(name))
		return -ENAMETOOLONG;
	normalize(path, name, sizeof(name));
	for (hops = 0; hops <= MAX_SYMLINKS; hops++) {
		if (find_entry(name, &e))
			return check_prefixes(name);
		if (!S_ISLNK(e.mode)) {
			out->name = e.name;
			out->data = e.data;
			out->size = e.filesize;
			out->mode = e.mode;
			out->uid = e.uid;
			out->gid = e.gid;
			return 0;
		}
		if (e.filesize >= sizeof(target))
			return -ENAMETOOLONG;
		memcpy(target, e.data, e.filesize);
		target[e.filesize] = '\0';
		if (target[0] == '/') {
			normalize(target, name, sizeof(name));
		} else {
			char *slash = strrchr(name, '/');
			size_t dirlen = slash ? (size_t)(slash - name) + 1 : 0;

			if (dirlen + strlen(target) >= sizeof(name))
				return -ENAMETOOLONG;
			strscpy(name + dirlen, target, sizeof(name) - dirlen);
		}
	}
	return -ELOOP;
}
