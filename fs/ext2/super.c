// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 and ext4: mounting.  The superblock is read from byte 1024 of the
 * device and checked before anything in it is used: the magic, block
 * size 1-64 KiB, group geometry that agrees with the block count, inode
 * size, descriptors inside the device.  Feature flags decide what may be
 * done: an incompatible feature this driver does not know refuses the
 * mount; a read-only-compatible one it cannot write forces a read-only
 * mount (or refuses a read-write one, as Linux does).  ext4 images mount
 * read-only here: extents, 64-bit descriptors and flex_bg are read, the
 * journal is ignored only when the filesystem says it needs no recovery.
 *
 * Corruption found later is reported as "EXT2-fs error (device vda1):
 * function: what" and the operation fails with EUCLEAN (EFSCORRUPTED);
 * the kernel never trusts a number it read without a range check.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/blkdev.h>
#include <linux/crc32.h>
#include <linux/err.h>
#include <linux/namei.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <uapi/linux/mount.h>
#include "ext2.h"

_Static_assert(sizeof(struct ext2_super_block) == 1024, "ext2 superblock layout");
_Static_assert(sizeof(struct ext2_inode) == 128, "ext2 inode layout");

int ext2_error(struct super_block *sb, const char *func, const char *fmt, ...)
{
	char msg[160];
	va_list args;

	va_start(args, fmt);
	vscnprintf(msg, sizeof(msg), fmt, args);
	va_end(args);
	pr_err("%s-fs error (device %s): %s: %s\n", EXT2_SB(sb)->s_ext4 ? "EXT4" : "EXT2",
	       sb->s_bdev->bd_name, func, msg);
	if (!ext2_rdonly(sb)) {
		EXT2_SB(sb)->s_es->s_state |= EXT2_ERROR_FS;
		ext2_sb_dirty(sb);
	}
	return -EUCLEAN;
}

struct ext2_group_desc *ext2_get_group_desc(struct super_block *sb, unsigned long group,
					    struct buffer_head **bh)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long blk, off;

	if (group >= sbi->s_groups_count)
		return NULL;
	blk = group / sbi->s_desc_per_block;
	off = group % sbi->s_desc_per_block;
	if (bh)
		*bh = sbi->s_group_desc[blk];
	return (struct ext2_group_desc *)(sbi->s_group_desc[blk]->b_data + off * sbi->s_desc_size);
}

static bool is_64(struct super_block *sb)
{
	return EXT2_SB(sb)->s_desc_size >= 64;
}

u64 ext2_gd_block_bitmap(struct super_block *sb, struct ext2_group_desc *gd)
{
	return gd->bg_block_bitmap | (is_64(sb) ? (u64)gd->bg_block_bitmap_hi << 32 : 0);
}

u64 ext2_gd_inode_bitmap(struct super_block *sb, struct ext2_group_desc *gd)
{
	return gd->bg_inode_bitmap | (is_64(sb) ? (u64)gd->bg_inode_bitmap_hi << 32 : 0);
}

u64 ext2_gd_inode_table(struct super_block *sb, struct ext2_group_desc *gd)
{
	return gd->bg_inode_table | (is_64(sb) ? (u64)gd->bg_inode_table_hi << 32 : 0);
}

void ext2_sb_dirty(struct super_block *sb)
{
	mark_buffer_dirty(EXT2_SB(sb)->s_sbh);
}

static int ext2_sync_fs(struct super_block *sb, int wait)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	if (ext2_rdonly(sb))
		return 0;
	mutex_lock(&sbi->s_lock);
	sbi->s_es->s_wtime = (u32)(ktime_get_real_ns() / 1000000000);
	sbi->s_es->s_free_blocks_count = ext2_count_free_blocks(sb);
	sbi->s_es->s_free_inodes_count = ext2_count_free_inodes(sb);
	ext2_sb_dirty(sb);
	mutex_unlock(&sbi->s_lock);
	sync_blockdev(sb->s_bdev);
	return blkdev_issue_flush(sb->s_bdev);
}

static int ext2_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	struct super_block *sb = dentry->d_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_super_block *es = sbi->s_es;
	u64 overhead = sbi->s_first_data_block, free;
	unsigned long g;

	/* Metadata is not "space": the superblock copies, descriptors, bitmaps, inode tables. */
	for (g = 0; g < sbi->s_groups_count; g++)
		overhead += (ext2_group_has_super(sb, g) ? 1 + sbi->s_gdb_count +
			     es->s_reserved_gdt_blocks : 0) + 2 + sbi->s_itb_per_group;
	mutex_lock(&sbi->s_lock);
	free = ext2_count_free_blocks(sb);
	buf->f_ffree = ext2_count_free_inodes(sb);
	mutex_unlock(&sbi->s_lock);
	buf->f_type = EXT2_SUPER_MAGIC;
	buf->f_bsize = sb->s_blocksize;
	buf->f_frsize = sb->s_blocksize;
	buf->f_blocks = sbi->s_blocks_count > overhead ? sbi->s_blocks_count - overhead : 0;
	buf->f_bfree = free;
	buf->f_bavail = free > es->s_r_blocks_count ? free - es->s_r_blocks_count : 0;
	buf->f_files = es->s_inodes_count;
	buf->f_namelen = EXT2_NAME_LEN;
	return 0;
}

static struct inode *ext2_alloc_inode(struct super_block *sb)
{
	struct ext2_inode_info *ei = kzalloc(sizeof(*ei), GFP_KERNEL);

	if (!ei)
		return NULL;
	INIT_LIST_HEAD(&ei->i_hash);
	mutex_init(&ei->i_map_lock);
	return &ei->vfs_inode;
}

static void ext2_free_inode_mem(struct inode *inode)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct ext2_sb_info *sbi = EXT2_SB(inode->i_sb);

	spin_lock(&sbi->s_hash_lock);
	list_del_init(&ei->i_hash);
	spin_unlock(&sbi->s_hash_lock);
	kfree(ei->i_slow_link);
	kfree(ei);
}

static void ext2_put_super(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned int i;

	if (!ext2_rdonly(sb)) {
		ext2_sync_fs(sb, 1);
		/* Cleanly unmounted, unless an error was recorded. */
		sbi->s_es->s_state |= EXT2_VALID_FS;
		ext2_sb_dirty(sb);
		sync_dirty_buffer(sbi->s_sbh);
		blkdev_issue_flush(sb->s_bdev);
	}
	for (i = 0; i < sbi->s_gdb_count; i++)
		brelse(sbi->s_group_desc[i]);
	kfree(sbi->s_group_desc);
	brelse(sbi->s_sbh);
	sync_blockdev(sb->s_bdev);
	blkdev_put(sb->s_bdev);
	kfree(sbi);
	sb->s_fs_info = NULL;
}

static int ext2_check_super(struct super_block *sb, struct ext2_super_block *es, bool ext4,
			    int *flags);

/* mount -o remount,ro (busybox's poweroff does it): clean on disk; rw again: dirty. */
static int ext2_remount(struct super_block *sb, int rdonly)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	int flags = rdonly ? MS_RDONLY : 0;

	if (rdonly == ext2_rdonly(sb))
		return 0;
	if (rdonly) {
		writeback_all();	/* file pages first: writepage needs a writable fs */
		ext2_sync_fs(sb, 1);
		sbi->s_es->s_state |= EXT2_VALID_FS;
		ext2_sb_dirty(sb);
		sync_dirty_buffer(sbi->s_sbh);
		blkdev_issue_flush(sb->s_bdev);
		return 0;
	}
	if (sb->s_bdev->bd_read_only)
		return -EACCES;
	if (ext2_check_super(sb, sbi->s_es, sbi->s_ext4, &flags))
		return -EROFS;
	sbi->s_es->s_state &= ~EXT2_VALID_FS;
	ext2_sb_dirty(sb);
	sync_dirty_buffer(sbi->s_sbh);
	return 0;
}

static const struct super_operations ext2_sops = {
	.alloc_inode	= ext2_alloc_inode,
	.free_inode	= ext2_free_inode_mem,
	.evict_inode	= ext2_evict_inode,
	.statfs		= ext2_statfs,
	.put_super	= ext2_put_super,
	.sync_fs	= ext2_sync_fs,
	.remount_fs	= ext2_remount,
};

/* Is the geometry the superblock claims self-consistent and inside the device? */
static int ext2_check_super(struct super_block *sb, struct ext2_super_block *es, bool ext4,
			    int *flags)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	const char *kind = ext4 ? "EXT4-fs" : "EXT2-fs";
	u64 dev_blocks;

	if (es->s_magic != EXT2_SUPER_MAGIC) {
		pr_err("%s (%s): VFS: Can't find %s filesystem\n", kind, sb->s_bdev->bd_name,
		       ext4 ? "ext4" : "ext2");
		return -EINVAL;
	}
	if (es->s_log_block_size > 6) {
		pr_err("%s (%s): invalid block size 2^%u KiB\n", kind, sb->s_bdev->bd_name,
		       es->s_log_block_size);
		return -EUCLEAN;
	}
	sbi->s_incompat = es->s_rev_level ? es->s_feature_incompat : 0;
	sbi->s_ro_compat = es->s_rev_level ? es->s_feature_ro_compat : 0;
	sbi->s_compat = es->s_rev_level ? es->s_feature_compat : 0;
	if (sbi->s_incompat & ~EXT2_INCOMPAT_SUPP_RO) {
		pr_err("%s (%s): couldn't mount because of unsupported optional features (%x)\n",
		       kind, sb->s_bdev->bd_name, sbi->s_incompat & ~EXT2_INCOMPAT_SUPP_RO);
		return -EINVAL;
	}
	if (sbi->s_incompat & EXT3_FEATURE_INCOMPAT_RECOVER) {
		pr_err("%s (%s): the journal needs recovery, which is not supported\n", kind,
		       sb->s_bdev->bd_name);
		return -EINVAL;
	}
	if (!(*flags & MS_RDONLY) &&
	    ((sbi->s_incompat & ~EXT2_INCOMPAT_SUPP_RW) || (sbi->s_ro_compat & ~EXT2_RO_COMPAT_SUPP_RW) ||
	     (sbi->s_compat & EXT4_FEATURE_COMPAT_HAS_JOURNAL))) {
		pr_err("%s (%s): couldn't mount RDWR because of unsupported optional features (incompat %x, ro_compat %x%s)\n",
		       kind, sb->s_bdev->bd_name, sbi->s_incompat & ~EXT2_INCOMPAT_SUPP_RW,
		       sbi->s_ro_compat & ~EXT2_RO_COMPAT_SUPP_RW,
		       sbi->s_compat & EXT4_FEATURE_COMPAT_HAS_JOURNAL ? ", journal" : "");
		return -EROFS;
	}
	if (sbi->s_ro_compat & EXT4_FEATURE_RO_COMPAT_METADATA_CSUM) {
		const u8 *raw = (const u8 *)es;
		u32 stored;

		memcpy(&stored, raw + 0x3fc, 4);
		if (raw[0x175] != 1 || crc32c(~0u, raw, 0x3fc) != stored) {
			pr_err("%s (%s): VFS: Found ext4 filesystem with invalid superblock checksum.  Run e2fsck?\n",
			       kind, sb->s_bdev->bd_name);
			return -EBADMSG;	/* EFSBADCRC */
		}
		sbi->s_csum = true;
		if (sbi->s_incompat & EXT4_FEATURE_INCOMPAT_CSUM_SEED)
			memcpy(&sbi->s_csum_seed, raw + 0x270, 4);
		else
			sbi->s_csum_seed = crc32c(~0u, es->s_uuid, sizeof(es->s_uuid));
	}
	sb->s_blocksize = 1024UL << es->s_log_block_size;
	if (sb->s_blocksize > PAGE_SIZE) {
		pr_err("%s (%s): block size %lu larger than a page\n", kind, sb->s_bdev->bd_name,
		       sb->s_blocksize);
		return -EINVAL;
	}
	sbi->s_blocks_count = es->s_blocks_count |
		((sbi->s_incompat & EXT4_FEATURE_INCOMPAT_64BIT) ? (u64)es->s_blocks_count_hi << 32 : 0);
	sbi->s_first_data_block = es->s_first_data_block;
	sbi->s_blocks_per_group = es->s_blocks_per_group;
	sbi->s_inodes_per_group = es->s_inodes_per_group;
	sbi->s_inode_size = es->s_rev_level ? es->s_inode_size : EXT2_GOOD_OLD_INODE_SIZE;
	sbi->s_first_ino = es->s_rev_level ? es->s_first_ino : EXT2_GOOD_OLD_FIRST_INO;
	sbi->s_desc_size = (sbi->s_incompat & EXT4_FEATURE_INCOMPAT_64BIT) ? es->s_desc_size : 32;
	dev_blocks = (sb->s_bdev->bd_nr_sectors << SECTOR_SHIFT) / sb->s_blocksize;
	if (sbi->s_inode_size < EXT2_GOOD_OLD_INODE_SIZE || sbi->s_inode_size > sb->s_blocksize ||
	    (sbi->s_inode_size & (sbi->s_inode_size - 1)) ||
	    !sbi->s_blocks_per_group || sbi->s_blocks_per_group > sb->s_blocksize * 8 ||
	    !sbi->s_inodes_per_group || sbi->s_inodes_per_group > sb->s_blocksize * 8 ||
	    sbi->s_first_data_block >= sbi->s_blocks_count ||
	    (sbi->s_desc_size != 32 && (sbi->s_desc_size < 64 || sbi->s_desc_size > 1024 ||
					(sbi->s_desc_size & (sbi->s_desc_size - 1)))) ||
	    sbi->s_first_ino < EXT2_GOOD_OLD_FIRST_INO || sbi->s_first_ino > es->s_inodes_count) {
		pr_err("%s (%s): corrupt superblock geometry\n", kind, sb->s_bdev->bd_name);
		return -EUCLEAN;
	}
	if (sbi->s_blocks_count > dev_blocks) {
		pr_err("%s (%s): bad geometry: block count %llu exceeds size of device (%llu blocks)\n",
		       kind, sb->s_bdev->bd_name, sbi->s_blocks_count, dev_blocks);
		return -EINVAL;
	}
	sbi->s_groups_count = DIV_ROUND_UP(sbi->s_blocks_count - sbi->s_first_data_block,
					   sbi->s_blocks_per_group);
	if ((u64)sbi->s_groups_count * sbi->s_inodes_per_group != es->s_inodes_count) {
		pr_err("%s (%s): inodes count %u does not match the groups (%lu x %lu)\n", kind,
		       sb->s_bdev->bd_name, es->s_inodes_count, sbi->s_groups_count,
		       sbi->s_inodes_per_group);
		return -EUCLEAN;
	}
	sbi->s_inodes_per_block = sb->s_blocksize / sbi->s_inode_size;
	sbi->s_itb_per_group = DIV_ROUND_UP(sbi->s_inodes_per_group, sbi->s_inodes_per_block);
	sbi->s_desc_per_block = sb->s_blocksize / sbi->s_desc_size;
	sbi->s_gdb_count = DIV_ROUND_UP(sbi->s_groups_count, sbi->s_desc_per_block);
	return 0;
}

static int ext2_check_descriptors(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned long g;

	for (g = 0; g < sbi->s_groups_count; g++) {
		struct ext2_group_desc *gd = ext2_get_group_desc(sb, g, NULL);
		u64 bb = ext2_gd_block_bitmap(sb, gd), ib = ext2_gd_inode_bitmap(sb, gd);
		u64 it = ext2_gd_inode_table(sb, gd);

		if (bb < sbi->s_first_data_block || bb >= sbi->s_blocks_count ||
		    ib < sbi->s_first_data_block || ib >= sbi->s_blocks_count ||
		    it < sbi->s_first_data_block || it + sbi->s_itb_per_group > sbi->s_blocks_count) {
			ext2_error(sb, __func__, "group descriptor %lu points outside the filesystem", g);
			return -EUCLEAN;
		}
	}
	return 0;
}

static struct block_device *ext2_open_bdev(const char *dev_name)
{
	struct path path;
	struct block_device *bdev;
	int err;

	if (!dev_name || !*dev_name)
		return ERR_PTR(-ENOTBLK);
	err = kern_path(dev_name, 1 /* LOOKUP_FOLLOW */, &path);
	if (err)
		return ERR_PTR(err);
	if (!S_ISBLK(d_inode(path.dentry)->i_mode)) {
		path_put(&path);
		return ERR_PTR(-ENOTBLK);
	}
	bdev = blkdev_get_by_dev(d_inode(path.dentry)->i_rdev);
	path_put(&path);
	return bdev ? bdev : ERR_PTR(-ENXIO);
}

int ext2_fill_super_bdev(struct super_block *sb, struct block_device *bdev, int flags,
			 bool ext4);

int ext2_fill_super_bdev(struct super_block *sb, struct block_device *bdev, int flags,
			 bool ext4)
{
	struct ext2_sb_info *sbi;
	struct ext2_super_block *es;
	struct buffer_head *bh;
	struct inode *root;
	unsigned long sb_block, sb_off, i;
	int err;

	sbi = kzalloc(sizeof(*sbi), GFP_KERNEL);
	if (!sbi)
		return -ENOMEM;
	mutex_init(&sbi->s_lock);
	INIT_LIST_HEAD(&sbi->s_inodes_hash);
	spin_lock_init(&sbi->s_hash_lock);
	sbi->s_ext4 = ext4;
	sb->s_fs_info = sbi;
	sb->s_bdev = bdev;
	sb->s_dev = bdev->bd_dev;
	if (bdev->bd_read_only)
		flags |= MS_RDONLY;
	/* The superblock is bytes 1024-2047, whatever the block size. */
	bh = __bread(bdev, 1, 1024);
	if (!bh) {
		err = -EIO;
		goto fail;
	}
	sbi->s_es = (struct ext2_super_block *)bh->b_data;
	sbi->s_sbh = bh;
	err = ext2_check_super(sb, sbi->s_es, ext4, &flags);
	if (err)
		goto fail_sbh;
	/* Now in the filesystem's block size. */
	sb_block = 1024 / sb->s_blocksize;
	sb_off = 1024 % sb->s_blocksize;
	brelse(bh);
	bh = sb_bread(sb, sb_block);
	if (!bh) {
		sbi->s_sbh = NULL;
		err = -EIO;
		goto fail;
	}
	sbi->s_sbh = bh;
	sbi->s_es = es = (struct ext2_super_block *)(bh->b_data + sb_off);
	sbi->s_group_desc = kcalloc(sbi->s_gdb_count, sizeof(*sbi->s_group_desc), GFP_KERNEL);
	if (!sbi->s_group_desc) {
		err = -ENOMEM;
		goto fail_sbh;
	}
	if (sbi->s_incompat & EXT2_FEATURE_INCOMPAT_META_BG) {
		pr_err("EXT4-fs (%s): meta_bg descriptors are not supported\n", bdev->bd_name);
		err = -EINVAL;
		goto fail_sbh;
	}
	for (i = 0; i < sbi->s_gdb_count; i++) {
		sbi->s_group_desc[i] = sb_bread(sb, sbi->s_first_data_block + 1 + i);
		if (!sbi->s_group_desc[i]) {
			err = -EIO;
			goto fail_gd;
		}
	}
	err = ext2_check_descriptors(sb);
	if (err)
		goto fail_gd;
	sb->s_flags = flags;
	sb->s_magic = EXT2_SUPER_MAGIC;
	sb->s_op = &ext2_sops;
	sb->s_xattr = ext2_xattr_handlers;
	sb->s_export_op = &ext2_export_ops;
	sb->s_maxbytes = (sbi->s_ro_compat & EXT2_FEATURE_RO_COMPAT_LARGE_FILE) || ext4 ?
			 ((loff_t)1 << 40) : 0x7fffffff;
	root = ext2_iget(sb, EXT2_ROOT_INO);
	if (IS_ERR(root)) {
		err = PTR_ERR(root);
		goto fail_gd;
	}
	if (!S_ISDIR(root->i_mode) || !root->i_size) {
		iput(root);
		ext2_error(sb, __func__, "corrupt root inode");
		err = -EUCLEAN;
		goto fail_gd;
	}
	sb->s_root = d_make_root(root);
	if (!sb->s_root) {
		err = -ENOMEM;
		goto fail_gd;
	}
	if (!ext2_rdonly(sb)) {
		if (!(es->s_state & EXT2_VALID_FS))
			pr_warn("EXT2-fs (%s): warning: mounting unchecked fs, running e2fsck is recommended\n",
				bdev->bd_name);
		es->s_state &= ~EXT2_VALID_FS;	/* set again at a clean unmount */
		es->s_mnt_count++;
		es->s_mtime = (u32)(ktime_get_real_ns() / 1000000000);
		ext2_sb_dirty(sb);
		sync_dirty_buffer(bh);
	}
	pr_info("%s (%s): mounted filesystem %s, %lu-byte blocks, %lu groups\n",
		ext4 ? "EXT4-fs" : "EXT2-fs", bdev->bd_name,
		ext2_rdonly(sb) ? "read-only" : "read-write", sb->s_blocksize, sbi->s_groups_count);
	return 0;
fail_gd:
	for (i = 0; i < sbi->s_gdb_count; i++)
		brelse(sbi->s_group_desc[i]);
	kfree(sbi->s_group_desc);
fail_sbh:
	brelse(sbi->s_sbh);
fail:
	kfree(sbi);
	sb->s_fs_info = NULL;
	return err;
}

static struct dentry *ext2_mount_common(struct file_system_type *fs_type, int flags,
					const char *dev_name, bool ext4)
{
	struct block_device *bdev = ext2_open_bdev(dev_name);
	struct super_block *sb;
	int err;

	if (IS_ERR(bdev))
		return ERR_CAST(bdev);
	if (bdev->bd_holder) {
		blkdev_put(bdev);
		return ERR_PTR(-EBUSY);	/* one mount of a device at a time */
	}
	sb = sget_nodev(fs_type, flags);
	if (!sb) {
		blkdev_put(bdev);
		return ERR_PTR(-ENOMEM);
	}
	err = ext2_fill_super_bdev(sb, bdev, flags, ext4);
	if (err) {
		sb->s_op = NULL;
		sb->s_bdev = NULL;
		deactivate_super(sb);
		blkdev_put(bdev);
		return ERR_PTR(err);
	}
	bdev->bd_holder = sb;
	return dget(sb->s_root);
}

static struct dentry *ext2_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return ext2_mount_common(fs_type, flags, dev_name, false);
}

static struct dentry *ext4_mount(struct file_system_type *fs_type, int flags,
				 const char *dev_name, void *data)
{
	return ext2_mount_common(fs_type, flags, dev_name, true);
}

static void ext2_kill_sb(struct super_block *sb)
{
	struct block_device *bdev = sb->s_bdev;

	if (!sb->s_fs_info)
		return;
	if (sb->s_root) {
		dput(sb->s_root);
		sb->s_root = NULL;
	}
	if (bdev)
		bdev->bd_holder = NULL;
	ext2_put_super(sb);
}

static struct file_system_type ext2_fs_type = {
	.name		= "ext2",
	.fs_flags	= FS_REQUIRES_DEV,
	.mount		= ext2_mount,
	.kill_sb	= ext2_kill_sb,
};

static struct file_system_type ext4_fs_type = {
	.name		= "ext4",
	.fs_flags	= FS_REQUIRES_DEV,
	.mount		= ext4_mount,
	.kill_sb	= ext2_kill_sb,
};

static int __init init_ext2_fs(void)
{
	int err = register_filesystem(&ext2_fs_type);

	return err ? err : register_filesystem(&ext4_fs_type);
}
fs_initcall(init_ext2_fs);
