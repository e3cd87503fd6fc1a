// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for fs/ext2: the input is a disk image.  It is mounted
 * with the kernel's own ext2_fill_super_bdev (read-write when the
 * features allow, as ext4 read-only when the image has extents), every
 * directory reachable from the root is read (readdir, then a lookup of
 * each name, which is ext2_find_entry and ext2_iget), every file's blocks
 * are mapped and read, every symlink is followed, every inode's extended
 * attribute block is parsed and its file handle decoded; on a writable mount some changes follow
 * (create, write, link, mkdir, symlink, mknod, O_TMPFILE, chmod, truncate,
 * unlink, rmdir, rename of files and of a directory to a new parent,
 * attributes set and removed) so the allocators meet whatever bitmaps the
 * image has.  Then it is unmounted, and every buffer and inode must have
 * been given back.
 *
 * Anything the sanitizers report, a crash, or a hang is a bug in
 * fs/ext2, whatever the image holds: corruption must come back as an
 * error code.
 */
#include <linux/kernel.h>
#include <linux/buffer_head.h>
#include <linux/blkdev.h>
#include <linux/err.h>
#include <linux/exportfs.h>
#include <linux/fs.h>
#include <linux/string.h>
#include <uapi/linux/mount.h>
#include <uapi/linux/xattr.h>
#include "../../../fs/ext2/ext2.h"
#include "fuzz_libc.h"
#include "fuzz_kernel.h"

int ext2_fill_super_bdev(struct super_block *sb, struct block_device *bdev, int flags,
			 bool ext4);
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);
size_t LLVMFuzzerCustomMutator(u8 *data, size_t size, size_t max_size, unsigned int seed);
size_t LLVMFuzzerMutate(u8 *data, size_t size, size_t max_size);

/*
 * libFuzzer's own mutations insert and erase bytes, which shifts every
 * block after the change: the image no longer mounts.  Most mutations
 * here stay inside one 1 KiB block, and mostly one that holds something
 * (metadata, directories, indirect blocks: an image is mostly zeros).
 */
size_t LLVMFuzzerCustomMutator(u8 *data, size_t size, size_t max_size, unsigned int seed)
{
	u64 r = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	size_t nblocks = size / 1024, blk = 0;
	int tries, n, i;

	if (nblocks < 2 || !(r % 16))
		return LLVMFuzzerMutate(data, size, size);
	n = 1 + (r >> 8) % 3;
	for (i = 0; i < n; i++) {
		for (tries = 0; tries < 16; tries++) {
			size_t j;

			r = r * 6364136223846793005ULL + 1442695040888963407ULL;
			blk = (r >> 17) % nblocks;
			for (j = 0; j < 1024 && !data[blk * 1024 + j]; j++)
				;
			if (j < 1024)
				break;
		}
		LLVMFuzzerMutate(data + blk * 1024, 1024, 1024);
	}
	return size;
}

/* Bounds on the work per image, so a large or looping image is not a "hang". */
#define MAX_DIRS	64
#define MAX_NAMES	256	/* per directory */
#define MAX_MAPS	4096	/* block lookups in all */
#define BLOCKS_PER_FILE	64

struct name_list {
	struct dir_context ctx;
	unsigned int n;
	struct { char name[EXT2_NAME_LEN + 1]; unsigned int len; } e[MAX_NAMES];
};

static bool collect(struct dir_context *ctx, const char *name, int len, loff_t pos, u64 ino,
		    unsigned int type)
{
	struct name_list *l = container_of(ctx, struct name_list, ctx);

	if (l->n >= MAX_NAMES)
		return false;
	if (len < 0 || len > EXT2_NAME_LEN)
		host_die("readdir gave a name longer than EXT2_NAME_LEN");
	memcpy(l->e[l->n].name, name, len);
	l->e[l->n].len = len;
	l->n++;
	return true;
}

static unsigned int maps_left;

static void read_blocks(struct inode *inode, u64 first, u64 last)
{
	u64 lb;

	for (lb = first; lb < last && maps_left; lb++, maps_left--) {
		struct buffer_head *bh;
		int err;

		bh = ext2_bread(inode, lb, false, &err);
		if (!bh && err)
			return;
		brelse(bh);
	}
}

/* Everything a reader can do to one inode. */
static void visit(struct dentry *d)
{
	struct inode *inode = d->d_inode;
	u64 nblocks = DIV_ROUND_UP((u64)inode->i_size, inode->i_sb->s_blocksize);

	if (S_ISREG(inode->i_mode) || S_ISDIR(inode->i_mode)) {
		/* The start, and the end, which may be behind double or triple indirection. */
		read_blocks(inode, 0, min_t(u64, nblocks, BLOCKS_PER_FILE));
		if (nblocks > BLOCKS_PER_FILE)
			read_blocks(inode, max_t(u64, nblocks - 4, BLOCKS_PER_FILE), nblocks);
	} else if (S_ISLNK(inode->i_mode)) {
		const char *target = inode->i_op->get_link(d, inode);

		if (!IS_ERR(target) && strlen(target) > (size_t)inode->i_size)
			host_die("symlink target longer than i_size");
	}	/* Its file handle leads back to it (export.c). */
	{
		u32 fh[4];
		int len = 4, type = ext2_export_ops.encode_fh(inode, fh, &len, NULL);
		struct dentry *e = ext2_export_ops.fh_to_dentry(inode->i_sb, fh, len, type);

		if (!IS_ERR(e)) {
			if (e->d_inode != inode)
				host_die("a file handle led to another inode");
			dput(e);
		}
	}
	/* Every inode's attribute block is parsed by a lookup and a listing. */
	{
		char buf[512];

		ext2_xattr_get(inode, 1, "fuzz", buf, sizeof(buf));
		if (inode->i_op->listxattr)
			inode->i_op->listxattr(d, buf, sizeof(buf));
	}
}

struct walk {
	struct super_block *sb;
	struct dentry *dirs[MAX_DIRS];
	unsigned int ndirs;
	struct dentry *files[4];	/* regular files, to change later */
	unsigned int nfiles;
	struct name_list names;
};

static bool seen_dir(struct walk *w, unsigned long ino)
{
	unsigned int i;

	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i]->d_inode->i_ino == ino)
			return true;
	return false;
}

static void walk_tree(struct walk *w)
{
	unsigned int next = 0, i;

	w->dirs[w->ndirs++] = dget(w->sb->s_root);
	for (next = 0; next < w->ndirs; next++) {
		struct dentry *dd = w->dirs[next];
		struct inode *dir = dd->d_inode;
		struct file f = { .f_inode = dir };

		visit(dd);
		memset(&w->names.ctx, 0, sizeof(w->names.ctx));
		w->names.ctx.actor = collect;
		w->names.n = 0;
		if (dir->i_fop->iterate_shared(&f, &w->names.ctx) < 0 && !w->names.n)
			continue;
		for (i = 0; i < w->names.n; i++) {
			struct dentry *d = fuzz_d_alloc(w->sb, dd, w->names.e[i].name,
							w->names.e[i].len);
			struct dentry *r = dir->i_op->lookup(dir, d, 0);
			bool dot = (w->names.e[i].len == 1 && w->names.e[i].name[0] == '.') ||
				   (w->names.e[i].len == 2 && !memcmp(w->names.e[i].name, "..", 2));

			if (IS_ERR(r) || !d->d_inode) {
				dput(d);
				continue;
			}
			if (S_ISDIR(d->d_inode->i_mode)) {
				if (!dot && w->ndirs < MAX_DIRS && !seen_dir(w, d->d_inode->i_ino)) {
					w->dirs[w->ndirs++] = d;
					continue;
				}
			} else {
				visit(d);
				if (S_ISREG(d->d_inode->i_mode) && w->nfiles < ARRAY_SIZE(w->files)) {
					w->files[w->nfiles++] = d;
					continue;
				}
			}
			dput(d);
		}
	}
}

/* A name in @parent, looked up as the VFS does before any change. */
static struct dentry *lookup(struct walk *w, struct dentry *parent, const char *name)
{
	struct dentry *d = fuzz_d_alloc(w->sb, parent, name, strlen(name));
	struct dentry *r = parent->d_inode->i_op->lookup(parent->d_inode, d, 0);

	if (IS_ERR(r)) {
		dput(d);
		return NULL;
	}
	return d;
}

static void truncate_to(struct dentry *d, loff_t size)
{
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = size };

	d->d_inode->i_op->setattr(d, &attr);
}

static void write_blocks(struct inode *inode, const u64 *lblocks, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		u64 phys;

		if (ext2_get_block(inode, lblocks[i], true, &phys))
			break;
		if ((loff_t)((lblocks[i] + 1) * inode->i_sb->s_blocksize) > inode->i_size) {
			inode->i_size = (lblocks[i] + 1) * inode->i_sb->s_blocksize;
			ext2_write_inode(inode);
		}
	}
}

static void change_tree(struct walk *w)
{
	struct dentry *root = w->sb->s_root, *dir = w->ndirs > 1 ? w->dirs[1] : root;
	const struct inode_operations *iop = root->d_inode->i_op;
	u64 ptrs = w->sb->s_blocksize / 4;
	const u64 lblocks[] = { 0, 1, 12, 13, 12 + ptrs, 12 + ptrs + 1, 12 + ptrs + ptrs * ptrs };
	static const char long_target[] =
		"a/slow/symlink/target/longer/than/the/sixty/bytes/of/i_block/so/it/needs/a/block";
	struct dentry *a, *b, *sub, *c, *s1, *s2;
	unsigned int i;

	/* Files already there: cut them (their block trees are whatever the image says). */
	for (i = 0; i < w->nfiles; i++)
		truncate_to(w->files[i], i ? 0 : w->files[i]->d_inode->i_size / 3);
	/* Attributes added to and removed from blocks the image says are theirs. */
	for (i = 0; i < w->nfiles; i++) {
		struct inode *inode = w->files[i]->d_inode;

		ext2_xattr_set(inode, 1, "fuzz", "value", 5, 0);
		ext2_xattr_set(inode, 4, "t", "trusted-value", 13, 0);
		ext2_xattr_set(inode, 1, "fuzz", NULL, 0, XATTR_REPLACE);
	}
	/* One goes: its blocks and inode are freed at the last dput (ext2_evict_inode). */
	if (w->nfiles > 1) {
		struct dentry *f = w->files[1];

		f->d_parent->d_inode->i_op->unlink(f->d_parent->d_inode, f);
	}

	/* A directory to another parent: its ".." changes, and both parents' link counts. */
	for (i = 1; i < w->ndirs; i++) {
		struct dentry *d = w->dirs[i], *n;

		if (d->d_parent == root)
			continue;
		n = lookup(w, root, "fz_movedir");
		if (n && !n->d_inode)
			iop->rename(d->d_parent->d_inode, d, root->d_inode, n, 0);
		dput(n);
		break;
	}

	a = lookup(w, dir, "fz_file");
	if (a && !a->d_inode && !iop->create(dir->d_inode, a, 0644, false)) {
		write_blocks(a->d_inode, lblocks, ARRAY_SIZE(lblocks));
		truncate_to(a, w->sb->s_blocksize * 13 + 5);
		b = lookup(w, root, "fz_link");
		if (b && !b->d_inode && !iop->link(a, root->d_inode, b))
			iop->unlink(root->d_inode, b);
		dput(b);
		iop->unlink(dir->d_inode, a);
	}
	dput(a);

	/* A device node (its number lives in i_block), and an O_TMPFILE that gets a name. */
	a = lookup(w, root, "fz_dev");
	if (a && !a->d_inode && !iop->mknod(root->d_inode, a, S_IFCHR | 0600, MKDEV(4, 70000))) {
		struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = S_IFCHR | 0640 };

		a->d_inode->i_op->setattr(a, &attr);
		iop->unlink(root->d_inode, a);
	}
	dput(a);
	a = fuzz_d_alloc(w->sb, root, "", 0);
	if (!iop->tmpfile(root->d_inode, a, S_IFREG | 0600)) {
		b = lookup(w, root, "fz_was_tmp");
		write_blocks(a->d_inode, lblocks, 2);
		if (b && !b->d_inode && !iop->link(a, root->d_inode, b))
			iop->unlink(root->d_inode, b);
		dput(b);
	}
	dput(a);

	sub = lookup(w, root, "fz_dir");
	if (sub && !sub->d_inode && !iop->mkdir(root->d_inode, sub, 0755)) {
		c = lookup(w, sub, "c");
		s1 = lookup(w, sub, "fast");
		s2 = lookup(w, sub, "slow");
		if (c && !c->d_inode)
			iop->create(sub->d_inode, c, 0600, false);
		if (s1 && !s1->d_inode)
			iop->symlink(sub->d_inode, s1, "t");
		if (s2 && !s2->d_inode)
			iop->symlink(sub->d_inode, s2, long_target);
		if (((c && c->d_inode) || (s1 && s1->d_inode) || (s2 && s2->d_inode)) &&
		    !iop->rmdir(root->d_inode, sub))
			host_die("rmdir removed a directory that has entries");
		if (c && c->d_inode) {
			struct dentry *n = lookup(w, root, "fz_moved");

			if (n && !n->d_inode && !iop->rename(sub->d_inode, c, root->d_inode, n, 0)) {
				/* The VFS would move the dentry; looking the name up again is simpler. */
				dput(n);
				n = lookup(w, root, "fz_moved");
			}
			if (n && n->d_inode)
				iop->unlink(root->d_inode, n);
			dput(n);
		}
		if (s1 && s1->d_inode)
			iop->unlink(sub->d_inode, s1);
		if (s2 && s2->d_inode)
			iop->unlink(sub->d_inode, s2);
		iop->rmdir(root->d_inode, sub);
		dput(c);
		dput(s1);
		dput(s2);
	}
	dput(sub);
}

static int try_mount(struct super_block *sb, struct block_device *bdev, int flags, bool ext4)
{
	memset(sb, 0, sizeof(*sb));
	INIT_LIST_HEAD(&sb->s_inodes);
	return ext2_fill_super_bdev(sb, bdev, flags, ext4);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	static struct walk w;
	struct block_device bdev = { .bd_dev = MKDEV(254, 1), .bd_name = "vda1" };
	struct super_block sb;
	struct kstatfs st;
	u32 incompat;
	bool ext4;
	unsigned int i;
	int err;

	if (size < 2048 || size > (64u << 20))
		return 0;
	fuzz_disk = host_malloc(size, 0);
	fuzz_disk_size = size;
	memcpy(fuzz_disk, data, size);
	bdev.bd_nr_sectors = size >> SECTOR_SHIFT;
	memcpy(&incompat, data + 1024 + offsetof(struct ext2_super_block, s_feature_incompat), 4);
	ext4 = incompat & EXT4_FEATURE_INCOMPAT_EXTENTS;

	err = try_mount(&sb, &bdev, 0, ext4);
	if (err == -EROFS)
		err = try_mount(&sb, &bdev, MS_RDONLY, ext4);
	if (!err) {
		memset(&w, 0, sizeof(w));
		w.sb = &sb;
		maps_left = MAX_MAPS;
		sb.s_op->statfs(sb.s_root, &st);
		walk_tree(&w);
		if (!ext2_rdonly(&sb))
			change_tree(&w);
		for (i = 0; i < w.nfiles; i++)
			dput(w.files[i]);
		for (i = w.ndirs; i-- > 0;)
			dput(w.dirs[i]);
		dput(sb.s_root);
		sb.s_root = NULL;
		if (!ext2_rdonly(&sb))
			sb.s_op->sync_fs(&sb, 1);
		sb.s_op->put_super(&sb);
	}
	if (fuzz_live_inodes)
		host_die("an inode was not given back (reference leak)");
	if (fuzz_live_buffers())
		host_die("a buffer_head was not released (brelse missing)");
	host_dump(fuzz_disk, size);
	host_free(fuzz_disk);
	fuzz_disk = NULL;
	return 0;
}
