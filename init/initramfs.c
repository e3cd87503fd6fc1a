// SPDX-License-Identifier: GPL-2.0
/*
 * Unpacking the initramfs into the root tmpfs.
 *
 * The boot loader hands over a cpio archive in the "newc" format: per
 * entry a 110-byte ASCII header (13 eight-digit hex fields), the name,
 * the data, each padded to 4 bytes; the entry "TRAILER!!!" ends it.
 * Each entry becomes a directory, regular file, symlink or device node
 * of the root filesystem, with its mode, owner and mtime; regular files
 * with several links are made once and linked (matched by inode and
 * device numbers, as cpio wrote them).
 *
 * The whole archive is checked before anything is created, so a corrupt
 * or truncated one is refused with one clear line and the boot goes on
 * without it, instead of stopping halfway.  The image may hold several
 * archives back to back, each plain or gzip-compressed (recognized by its
 * magic and unpacked with lib/inflate.c first); later entries overwrite
 * earlier ones, as on Linux.  Once unpacked, the image's pages are given
 * back (free_initrd_mem).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/initramfs.h>
#include <linux/initrd.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sizes.h>
#include <linux/vmalloc.h>
#include <linux/decompress/inflate.h>
#include <uapi/linux/stat.h>

#define CPIO_HDR_LEN	110
#define HARDLINK_HASH	32

struct cpio_entry {
	const char *name;
	size_t namesize;	/* including the NUL */
	const u8 *data;
	size_t filesize;
	u32 ino, mode, uid, gid, nlink, mtime, devmajor, devminor, rdevmajor, rdevminor;
	size_t next;		/* offset of the following header */
};

struct hardlink {
	struct hardlink *next;
	u32 ino, devmajor, devminor;
	char name[];
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
static int cpio_parse(const u8 *archive, size_t size, size_t off, struct cpio_entry *e)
{
	const u8 *h = archive + off;
	u32 f[13];
	size_t name_off, data_off;
	int i;

	if (off > size || size - off < CPIO_HDR_LEN)
		return -EINVAL;
	if (memcmp(h, "070701", 6) && memcmp(h, "070702", 6))
		return -EINVAL;
	for (i = 0; i < 13; i++)
		if (!parse_hex8(h + 6 + 8 * i, &f[i]))
			return -EINVAL;
	/* ino mode uid gid nlink mtime filesize devmaj devmin rdevmaj rdevmin namesize check */
	e->ino = f[0];
	e->mode = f[1];
	e->uid = f[2];
	e->gid = f[3];
	e->nlink = f[4];
	e->mtime = f[5];
	e->filesize = f[6];
	e->devmajor = f[7];
	e->devminor = f[8];
	e->rdevmajor = f[9];
	e->rdevminor = f[10];
	e->namesize = f[11];
	name_off = off + CPIO_HDR_LEN;
	if (!e->namesize || e->namesize > PATH_MAX || size - name_off < e->namesize)
		return -EINVAL;
	e->name = (const char *)archive + name_off;
	if (e->name[e->namesize - 1] != '\0')
		return -EINVAL;
	data_off = ALIGN(name_off + e->namesize, 4);
	if (data_off > size || size - data_off < e->filesize)
		return -EINVAL;
	e->data = archive + data_off;
	e->next = ALIGN(data_off + e->filesize, 4);
	return 0;
}

/*
 * Walk one archive up to its trailer: the offset of the first bad header
 * on failure, the offset just past the trailer entry on success.
 */
static int cpio_validate(const u8 *archive, size_t size, size_t *end, int *count)
{
	struct cpio_entry e;
	size_t off = 0;

	*count = 0;
	for (;;) {
		if (cpio_parse(archive, size, off, &e)) {
			*end = off;
			return -EINVAL;
		}
		if (!strcmp(e.name, "TRAILER!!!")) {
			*end = e.next;
			return 0;
		}
		(*count)++;
		off = e.next;
	}
}

/*
 * A gzip-compressed archive (what `find | cpio | gzip` makes): the
 * uncompressed size is in the gzip trailer, but that is only where the
 * member ends the image; a member followed by another archive, or by a
 * boot loader's padding, has no usable hint, so the buffer starts at a
 * guess and doubles while gunzip says it is too small.  The output goes
 * in vmalloc memory, since an initramfs can be tens of MiB.  Any
 * corruption is an error from gunzip(), never a crash.
 */
#define INITRAMFS_MAX_UNPACKED	(1UL << 30)

static int decompress_member(const u8 *in, size_t in_len, void **out, size_t *out_len,
			     size_t *in_used)
{
	size_t cap = gunzip_size_hint(in, in_len), len = 0;
	u8 *buf;
	int err;

	if (!cap || cap > INITRAMFS_MAX_UNPACKED)
		cap = clamp_t(size_t, in_len * 4, SZ_1M, INITRAMFS_MAX_UNPACKED);
	for (;;) {
		buf = vmalloc(cap);
		if (!buf) {
			pr_err("initramfs: no memory to unpack %zu bytes; ignoring it\n", cap);
			return -ENOMEM;
		}
		err = gunzip_member(in, in_len, buf, cap, in_used, &len);
		if (err != -ENOSPC || cap == INITRAMFS_MAX_UNPACKED)
			break;
		vfree(buf);
		cap = min_t(size_t, cap * 2, INITRAMFS_MAX_UNPACKED);
	}
	if (err) {
		pr_err("initramfs: corrupt gzip archive (%d); ignoring it\n", err);
		vfree(buf);
		return err;
	}
	pr_info("initramfs: gzip archive: %zu bytes unpacked from %zu\n", len, *in_used);
	*out = buf;
	*out_len = len;
	return 0;
}

/*
 * An image is one or more archives back to back, as Linux takes them:
 * Debian's initrd puts an uncompressed early-microcode cpio before the
 * gzip one, and `cat base.cpio.gz extra.cpio > initrd` is the usual way
 * to add files.  Each piece is a cpio archive ending at its trailer or a
 * gzip member holding cpio archives, with zero bytes allowed between
 * them (cpio and boot loaders pad).  All pieces are checked before any
 * is unpacked, so a bad one anywhere leaves the root untouched.
 */
#define INITRAMFS_MAX_SEGMENTS	16

struct initramfs_segment {
	const u8 *archive;	/* a valid cpio archive, trailer included */
	size_t size;
	int count;		/* entries before the trailer */
};

static struct initramfs_segment segments[INITRAMFS_MAX_SEGMENTS];
static int nr_segments;
static void *unpacked[INITRAMFS_MAX_SEGMENTS];	/* vmalloc'd gzip outputs */
static int nr_unpacked;

static int scan_image(const u8 *image, size_t size, bool in_gzip)
{
	size_t off = 0, used, len;
	int count, err;
	void *buf;

	while (off < size) {
		const u8 *p = image + off;
		size_t left = size - off;

		if (!*p) {
			off++;
			continue;
		}
		if (nr_segments == INITRAMFS_MAX_SEGMENTS || nr_unpacked == INITRAMFS_MAX_SEGMENTS) {
			pr_err("initramfs: more than %d archives in the image; ignoring it\n",
			       INITRAMFS_MAX_SEGMENTS);
			return -E2BIG;
		}
		if (left >= 2 && p[0] == 0x1f && p[1] == 0x8b && !in_gzip) {
			err = decompress_member(p, left, &buf, &len, &used);
			if (err)
				return err;
			unpacked[nr_unpacked++] = buf;
			err = scan_image(buf, len, true);
			if (err)
				return err;
		} else {
			err = cpio_validate(p, left, &used, &count);
			if (err) {
				pr_err("initramfs: corrupt or truncated cpio archive at offset %zu; ignoring it\n",
				       off + used);
				return err;
			}
			segments[nr_segments++] = (struct initramfs_segment){ p, used, count };
		}
		off += used;
	}
	return 0;
}

/* "./a/b", "/a/b" and "a/b" are the same name; "." and "" the root. */
static const char *entry_path(const char *name)
{
	while (*name == '/' || (name[0] == '.' && name[1] == '/'))
		name += *name == '/' ? 1 : 2;
	if (!strcmp(name, "."))
		return "";
	return name;
}

/* Owner, full mode (set-ID bits too) and mtime as the archive says. */
static void set_attrs(const char *name, const struct cpio_entry *e)
{
	struct path path;
	struct inode *inode;

	if (kern_path(*name ? name : "/", 0, &path))
		return;
	inode = d_inode(path.dentry);
	inode_lock(inode);
	inode->i_uid = e->uid;
	inode->i_gid = e->gid;
	if (!S_ISLNK(inode->i_mode))
		inode->i_mode = (inode->i_mode & S_IFMT) | (e->mode & 07777);
	inode->i_mtime.tv_sec = e->mtime;
	inode->i_mtime.tv_nsec = 0;
	inode_unlock(inode);
	path_put(&path);
}

static struct hardlink *hardlinks[HARDLINK_HASH];

static struct hardlink *find_hardlink(const struct cpio_entry *e)
{
	struct hardlink *h;

	for (h = hardlinks[e->ino % HARDLINK_HASH]; h; h = h->next)
		if (h->ino == e->ino && h->devmajor == e->devmajor && h->devminor == e->devminor)
			return h;
	return NULL;
}

static void remember_hardlink(const struct cpio_entry *e, const char *name)
{
	struct hardlink *h = kmalloc(sizeof(*h) + strlen(name) + 1, GFP_KERNEL);

	if (!h)
		return;
	h->ino = e->ino;
	h->devmajor = e->devmajor;
	h->devminor = e->devminor;
	strcpy(h->name, name);
	h->next = hardlinks[e->ino % HARDLINK_HASH];
	hardlinks[e->ino % HARDLINK_HASH] = h;
}

static void forget_hardlinks(void)
{
	int i;

	for (i = 0; i < HARDLINK_HASH; i++) {
		while (hardlinks[i]) {
			struct hardlink *h = hardlinks[i];

			hardlinks[i] = h->next;
			kfree(h);
		}
	}
}

static int link_to(const char *old, const char *name)
{
	struct path old_path, parent;
	struct dentry *d;
	int err = kern_path(old, 0, &old_path);

	if (err)
		return err;
	d = kern_path_create(AT_FDCWD, name, &parent, 0);
	err = PTR_ERR(d);
	if (!IS_ERR(d)) {
		err = vfs_link(old_path.dentry, d_inode(parent.dentry), d);
		done_path_create(&parent, d);
	}
	path_put(&old_path);
	return err;
}

static int write_file(const char *name, const struct cpio_entry *e)
{
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	if (e->nlink >= 2) {
		struct hardlink *h = find_hardlink(e);

		if (h) {
			int err = link_to(h->name, name);

			/*
			 * GNU cpio writes a hard-linked file's data once,
			 * with the last of its names; the earlier entries
			 * are empty.  So a later link may bring the data.
			 */
			if (err || !e->filesize)
				return err;
		} else {
			remember_hardlink(e, name);
		}
	}
	f = filp_open(name, O_WRONLY | O_CREAT | O_TRUNC, e->mode & 07777);
	if (IS_ERR(f))
		return PTR_ERR(f);
	n = e->filesize ? kernel_write(f, e->data, e->filesize, &pos) : 0;
	fput(f);
	if (n < 0)
		return n;
	return (size_t)n == e->filesize ? 0 : -ENOSPC;
}

static int make_node(const char *name, const struct cpio_entry *e)
{
	struct path parent;
	struct dentry *d;
	char *target = NULL;
	int err;

	if (S_ISLNK(e->mode)) {
		target = kmalloc(e->filesize + 1, GFP_KERNEL);
		if (!target)
			return -ENOMEM;
		memcpy(target, e->data, e->filesize);
		target[e->filesize] = '\0';
	}
	d = kern_path_create(AT_FDCWD, name, &parent, S_ISDIR(e->mode) ? LOOKUP_DIRECTORY : 0);
	if (IS_ERR(d)) {
		kfree(target);
		return PTR_ERR(d);
	}
	if (S_ISDIR(e->mode))
		err = vfs_mkdir(d_inode(parent.dentry), d, e->mode & 07777);
	else if (S_ISLNK(e->mode))
		err = vfs_symlink(d_inode(parent.dentry), d, target);
	else
		err = vfs_mknod(d_inode(parent.dentry), d, e->mode,
				MKDEV(e->rdevmajor, e->rdevminor));
	done_path_create(&parent, d);
	kfree(target);
	return err;
}

/*
 * A later archive in the image replaces what an earlier one made, as on
 * Linux: whatever has another type, and any symlink or device node, is
 * removed first; a regular file is truncated by write_file() and a
 * directory keeps its contents.
 */
static void clean_path(const char *name, umode_t mode)
{
	struct path path;
	struct dentry *parent;
	struct inode *dir, *inode;

	if (kern_path(name, 0, &path))
		return;
	inode = d_inode(path.dentry);
	if (((inode->i_mode ^ mode) & S_IFMT) || (!S_ISDIR(mode) && !S_ISREG(mode))) {
		parent = dget(path.dentry->d_parent);
		dir = d_inode(parent);
		inode_lock(dir);
		if (S_ISDIR(inode->i_mode))
			vfs_rmdir(dir, path.dentry);
		else
			vfs_unlink(dir, path.dentry);
		inode_unlock(dir);
		dput(parent);
	}
	path_put(&path);
}

static int unpack_entry(const struct cpio_entry *e)
{
	const char *name = entry_path(e->name);
	int err = 0;

	if (!*name) {
		set_attrs("", e);	/* the archive's "." sets the root's mode */
		return 0;
	}
	clean_path(name, e->mode);
	switch (e->mode & S_IFMT) {
	case S_IFREG:
		err = write_file(name, e);
		break;
	case S_IFDIR:
		err = make_node(name, e);
		if (err == -EEXIST)
			err = 0;	/* listed twice, or made by the kernel: fine */
		break;
	case S_IFLNK: case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		err = make_node(name, e);
		break;
	default:
		err = -EINVAL;
	}
	if (err)
		pr_warn("initramfs: %s: error %d, skipped\n", e->name, err);
	else
		set_attrs(name, e);
	return err;
}

static void unpack_archive(const u8 *archive, size_t size)
{
	struct cpio_entry e;
	size_t off = 0;

	while (!cpio_parse(archive, size, off, &e) && strcmp(e.name, "TRAILER!!!")) {
		unpack_entry(&e);
		off = e.next;
	}
	forget_hardlinks();
}

int __init initramfs_init(void)
{
	const u8 *image = (const u8 *)initrd_start;
	size_t size = initrd_end - initrd_start, bytes = 0;
	int i, count = 0, err;

	if (!initrd_start || !size) {
		pr_warn("initramfs: none was loaded\n");
		return -ENOENT;
	}
	err = scan_image(image, size, false);
	if (!err && !nr_segments) {
		pr_err("initramfs: the image holds only zero bytes; ignoring it\n");
		err = -EINVAL;
	}
	if (err)
		goto out_free;
	for (i = 0; i < nr_segments; i++) {
		unpack_archive(segments[i].archive, segments[i].size);
		count += segments[i].count;
		bytes += segments[i].size;
	}
	if (nr_segments > 1)
		pr_info("initramfs: %d archives in the image\n", nr_segments);
	pr_info("initramfs: unpacked %d entries (%zu bytes) into the root tmpfs\n", count, bytes);
out_free:
	for (i = 0; i < nr_unpacked; i++)
		vfree(unpacked[i]);
	free_initrd_mem(initrd_start, initrd_end);
	return err;
}
