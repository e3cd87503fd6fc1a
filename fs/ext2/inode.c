// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 inodes: reading one from its group's inode table, writing it back
 * (every change goes to the inode table buffer at once, so an inode that
 * leaves memory has nothing left to say), finding a file's blocks, and
 * freeing them on truncate.
 *
 * Block mapping (ext2): i_block[0..11] are the first twelve blocks;
 * i_block[12] points to a block of block numbers (single indirect),
 * [13] to a block of such blocks (double), [14] one more level (triple).
 * ext4 files with the extents flag use the extent tree instead
 * (extents.c), read-only.
 *
 * File data is read and written through the buffer cache: a page of a
 * file is filled block by block from the device's cache, and written
 * back by copying into those blocks and dirtying them.  Blocks are
 * allocated at write() time, under i_mutex, so writeback never
 * allocates.
 */
#include <linux/kernel.h>
#include <linux/err.h>
#include <linux/blkdev.h>
#include <linux/crc32.h>
#include <linux/mm.h>
#include <linux/pagemap.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time64.h>
#include "ext2.h"

static struct inode *ext2_ilookup(struct super_block *sb, unsigned long ino)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_inode_info *ei;
	struct inode *found = NULL;

	spin_lock(&sbi->s_hash_lock);
	list_for_each_entry(ei, &sbi->s_inodes_hash, i_hash) {
		if (ei->vfs_inode.i_ino == ino && atomic_inc_not_zero(&ei->vfs_inode.i_count)) {
			found = &ei->vfs_inode;
			break;
		}
	}
	spin_unlock(&sbi->s_hash_lock);
	return found;
}

/*
 * Is inode @ino in use in memory?  One being evicted (no references
 * left) no longer counts: it may already have given its number back.
 */
bool ext2_inode_in_memory(struct super_block *sb, unsigned long ino)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_inode_info *ei;
	bool found = false;

	spin_lock(&sbi->s_hash_lock);
	list_for_each_entry(ei, &sbi->s_inodes_hash, i_hash) {
		if (ei->vfs_inode.i_ino == ino && atomic_read(&ei->vfs_inode.i_count)) {
			found = true;
			break;
		}
	}
	spin_unlock(&sbi->s_hash_lock);
	return found;
}

/* The inode's slot: its inode-table block (read) and the offset in it. */
static struct buffer_head *ext2_inode_block(struct super_block *sb, unsigned long ino,
					    unsigned int *offset)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_group_desc *gd;
	unsigned long group, index;
	u64 block;

	if ((ino != EXT2_ROOT_INO && ino < sbi->s_first_ino) ||
	    ino > sbi->s_es->s_inodes_count || !ino)
		return ERR_PTR(-EUCLEAN);
	group = (ino - 1) / sbi->s_inodes_per_group;
	index = (ino - 1) % sbi->s_inodes_per_group;
	gd = ext2_get_group_desc(sb, group, NULL);
	if (!gd)
		return ERR_PTR(-EUCLEAN);
	block = ext2_gd_inode_table(sb, gd) + index / sbi->s_inodes_per_block;
	*offset = (index % sbi->s_inodes_per_block) * sbi->s_inode_size;
	return sb_bread(sb, block) ?: ERR_PTR(-EIO);
}

/*
 * Large inodes (ext4's layout, also made by mke2fs for ext2): after the
 * 128 classic bytes, i_extra_isize says how many more are in use; the
 * *_extra words hold nanoseconds << 2 and two more bits of seconds.
 */
#define EXT4_CTIME_EXTRA	0x84
#define EXT4_MTIME_EXTRA	0x88
#define EXT4_ATIME_EXTRA	0x8c
#define EXT4_EXTRA_TIMES_END	0x90

static bool ext2_has_extra_times(struct inode *inode)
{
	return EXT2_GOOD_OLD_INODE_SIZE + EXT2_I(inode)->i_extra_isize >= EXT4_EXTRA_TIMES_END;
}

static void ext2_decode_time(struct timespec64 *ts, u32 extra)
{
	ts->tv_nsec = extra >> 2;
	if (ts->tv_nsec >= 1000000000)
		ts->tv_nsec = 0;
	ts->tv_sec = (s64)(s32)ts->tv_sec + ((s64)(extra & 3) << 32);
}

static void ext2_get_extra_times(struct inode *inode, const char *raw)
{
	if (!ext2_has_extra_times(inode))
		return;
	ext2_decode_time(&inode->i_ctime, *(const u32 *)(raw + EXT4_CTIME_EXTRA));
	ext2_decode_time(&inode->i_mtime, *(const u32 *)(raw + EXT4_MTIME_EXTRA));
	ext2_decode_time(&inode->i_atime, *(const u32 *)(raw + EXT4_ATIME_EXTRA));
}

static u32 ext2_encode_time(const struct timespec64 *ts)
{
	return ((u32)ts->tv_nsec << 2) | (((u64)(ts->tv_sec - (s32)ts->tv_sec) >> 32) & 3);
}

static void ext2_put_extra_times(struct inode *inode, char *raw)
{
	if (!ext2_has_extra_times(inode))
		return;
	*(u32 *)(raw + EXT4_CTIME_EXTRA) = ext2_encode_time(&inode->i_ctime);
	*(u32 *)(raw + EXT4_MTIME_EXTRA) = ext2_encode_time(&inode->i_mtime);
	*(u32 *)(raw + EXT4_ATIME_EXTRA) = ext2_encode_time(&inode->i_atime);
}

void ext2_set_inode_ops(struct inode *inode)
{
	if (S_ISREG(inode->i_mode)) {
		inode->i_op = &ext2_file_inode_operations;
		inode->i_fop = &ext2_file_operations;
		inode->i_mapping->a_ops = &ext2_aops;
	} else if (S_ISDIR(inode->i_mode)) {
		inode->i_op = &ext2_dir_inode_operations;
		inode->i_fop = &ext2_dir_operations;
	} else if (S_ISLNK(inode->i_mode)) {
		inode->i_op = &ext2_symlink_inode_operations;
	} else {
		inode->i_op = &ext2_special_inode_operations;
		init_special_inode(inode, inode->i_mode, inode->i_rdev);
	}
}

static dev_t ext2_decode_dev(const u32 *i_block)
{
	if (i_block[0]) {	/* old format: 8-bit major, 8-bit minor */
		u32 d = i_block[0];

		return MKDEV((d >> 8) & 0xff, d & 0xff);
	}
	return MKDEV((i_block[1] & 0xfff00) >> 8, (i_block[1] & 0xff) | ((i_block[1] >> 12) & 0xfff00));
}

static void ext2_encode_dev(u32 *i_block, dev_t dev)
{
	i_block[0] = 0;
	i_block[1] = (MINOR(dev) & 0xff) | (MAJOR(dev) << 8) | ((MINOR(dev) & ~0xffu) << 12);
	i_block[2] = 0;
}

/*
 * metadata_csum: crc32c of the filesystem seed, the inode number, the
 * generation and the whole on-disk inode with its checksum fields as zero;
 * the low 16 bits live at 0x7c, the high 16 at 0x82 when the inode's extra
 * part reaches that far.
 */
static bool ext2_inode_csum_ok(struct super_block *sb, unsigned long ino, const u8 *raw)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	unsigned int size = sbi->s_inode_size;
	bool has_hi = size > EXT2_GOOD_OLD_INODE_SIZE &&
		      EXT2_GOOD_OLD_INODE_SIZE + *(const u16 *)(raw + 0x80) >= 0x84;
	u32 le_ino = ino, gen, csum, stored;
	static const u8 zero[2];

	memcpy(&gen, raw + offsetof(struct ext2_inode, i_generation), 4);
	csum = crc32c(sbi->s_csum_seed, &le_ino, 4);
	csum = crc32c(csum, &gen, 4);
	csum = crc32c(csum, raw, 0x7c);
	csum = crc32c(csum, zero, 2);
	csum = crc32c(csum, raw + 0x7e, EXT2_GOOD_OLD_INODE_SIZE - 0x7e);
	if (size > EXT2_GOOD_OLD_INODE_SIZE) {
		csum = crc32c(csum, raw + 0x80, 2);
		if (has_hi) {
			csum = crc32c(csum, zero, 2);
			csum = crc32c(csum, raw + 0x84, size - 0x84);
		} else {
			csum = crc32c(csum, raw + 0x82, size - 0x82);
		}
	}
	stored = *(const u16 *)(raw + 0x7c);
	if (has_hi)
		stored |= (u32)*(const u16 *)(raw + 0x82) << 16;
	else
		csum &= 0xffff;
	return csum == stored;
}

struct inode *ext2_iget(struct super_block *sb, unsigned long ino)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_inode_info *ei;
	struct ext2_inode *raw;
	struct buffer_head *bh;
	struct inode *inode;
	unsigned int off;

	inode = ext2_ilookup(sb, ino);
	if (inode)
		return inode;
	bh = ext2_inode_block(sb, ino, &off);
	if (IS_ERR(bh)) {
		if (PTR_ERR(bh) == -EUCLEAN)
			ext2_error(sb, __func__, "bad inode number: %lu", ino);
		return ERR_CAST(bh);
	}
	raw = (struct ext2_inode *)(bh->b_data + off);
	if (sbi->s_csum && !ext2_inode_csum_ok(sb, ino, (const u8 *)raw)) {
		brelse(bh);
		ext2_error(sb, "ext4_iget", "checksum invalid for inode %lu", ino);
		return ERR_PTR(-EBADMSG);
	}
	inode = new_inode(sb);
	if (!inode) {
		brelse(bh);
		return ERR_PTR(-ENOMEM);
	}
	ei = EXT2_I(inode);
	inode->i_ino = ino;
	inode->i_mode = raw->i_mode;
	inode->i_uid = raw->i_uid | ((u32)raw->l_i_uid_high << 16);
	inode->i_gid = raw->i_gid | ((u32)raw->l_i_gid_high << 16);
	inode->i_nlink = raw->i_links_count;
	inode->i_size = raw->i_size | (S_ISREG(inode->i_mode) || sbi->s_ext4 ?
				       (u64)raw->i_size_high << 32 : 0);
	inode->i_atime.tv_sec = raw->i_atime;
	inode->i_mtime.tv_sec = raw->i_mtime;
	inode->i_ctime.tv_sec = raw->i_ctime;
	inode->i_atime.tv_nsec = inode->i_mtime.tv_nsec = inode->i_ctime.tv_nsec = 0;
	inode->i_blocks = raw->i_blocks | ((u64)raw->l_i_blocks_hi << 32);
	ei->i_flags = raw->i_flags;
	if (ei->i_flags & EXT4_HUGE_FILE_FL)
		inode->i_blocks *= sb->s_blocksize >> 9;
	ei->i_dtime = raw->i_dtime;
	ei->i_generation = raw->i_generation;
	ei->i_file_acl = raw->i_file_acl |
		(sbi->s_incompat & EXT4_FEATURE_INCOMPAT_64BIT ? (u64)raw->l_i_file_acl_high << 32 : 0);
	ei->i_block_group = (ino - 1) / sbi->s_inodes_per_group;
	memcpy(ei->i_data, raw->i_block, sizeof(ei->i_data));
	if (sbi->s_inode_size > EXT2_GOOD_OLD_INODE_SIZE) {
		ei->i_extra_isize = *(u16 *)(bh->b_data + off + EXT2_GOOD_OLD_INODE_SIZE);
		if (ei->i_extra_isize > sbi->s_inode_size - EXT2_GOOD_OLD_INODE_SIZE)
			ei->i_extra_isize = 0;	/* nonsense: ignore the extra fields */
		ext2_get_extra_times(inode, bh->b_data + off);
	}
	brelse(bh);

	if (!inode->i_nlink && !(sbi->s_ro_compat & EXT4_FEATURE_RO_COMPAT_DIR_NLINK && S_ISDIR(inode->i_mode))) {
		/* A deleted inode a directory still names: corruption. */
		ext2_error(sb, __func__, "deleted inode referenced: %lu", ino);
		goto bad;
	}
	if (inode->i_size < 0 || (ei->i_flags & EXT4_INLINE_DATA_FL) ||
	    ((ei->i_flags & EXT4_EXTENTS_FL) && !(sbi->s_incompat & EXT4_FEATURE_INCOMPAT_EXTENTS))) {
		ext2_error(sb, __func__, "inode %lu: bad size or flags", ino);
		goto bad;
	}
	switch (inode->i_mode & S_IFMT) {
	case S_IFREG: case S_IFDIR: case S_IFLNK:
		break;
	case S_IFCHR: case S_IFBLK: case S_IFIFO: case S_IFSOCK:
		inode->i_rdev = ext2_decode_dev(ei->i_data);
		break;
	default:
		ext2_error(sb, __func__, "inode %lu: bad file type %#o", ino, inode->i_mode);
		goto bad;
	}
	ext2_set_inode_ops(inode);
	spin_lock(&sbi->s_hash_lock);
	list_add(&ei->i_hash, &sbi->s_inodes_hash);
	spin_unlock(&sbi->s_hash_lock);
	return inode;
bad:
	inode->i_nlink = 1;		/* never free anything on its account */
	inode->i_mode = S_IFREG;
	inode->i_mapping->a_ops = NULL;
	iput(inode);
	return ERR_PTR(-EUCLEAN);
}

/*
 * The inode a file handle names (export.c), or ESTALE -- without the
 * corruption report ext2_iget gives a deleted inode: a handle that
 * outlived its file is not a damaged filesystem.
 */
struct inode *ext2_nfs_get_inode(struct super_block *sb, u64 ino, u32 generation)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_inode *raw;
	struct buffer_head *bh;
	struct inode *inode;
	unsigned int off;
	bool gone;

	if (!ino || ino > sbi->s_es->s_inodes_count ||
	    (ino != EXT2_ROOT_INO && ino < sbi->s_first_ino))
		return ERR_PTR(-ESTALE);
	inode = ext2_ilookup(sb, ino);
	if (!inode) {
		bh = ext2_inode_block(sb, ino, &off);
		if (IS_ERR(bh))
			return ERR_PTR(-ESTALE);
		raw = (struct ext2_inode *)(bh->b_data + off);
		gone = !raw->i_links_count || raw->i_dtime || !raw->i_mode;
		brelse(bh);
		if (gone)
			return ERR_PTR(-ESTALE);
		inode = ext2_iget(sb, ino);
		if (IS_ERR(inode))
			return inode;
	}
	if (!inode->i_nlink || EXT2_I(inode)->i_generation != generation) {
		iput(inode);
		return ERR_PTR(-ESTALE);
	}
	return inode;
}

int ext2_write_inode(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_sb_info *sbi = EXT2_SB(sb);
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct ext2_inode *raw;
	struct buffer_head *bh;
	unsigned int off;

	if (ext2_rdonly(sb))
		return 0;
	bh = ext2_inode_block(sb, inode->i_ino, &off);
	if (IS_ERR(bh))
		return PTR_ERR(bh);
	mutex_lock(&sbi->s_lock);
	raw = (struct ext2_inode *)(bh->b_data + off);
	raw->i_mode = inode->i_mode;
	raw->i_uid = inode->i_uid;
	raw->l_i_uid_high = inode->i_uid >> 16;
	raw->i_gid = inode->i_gid;
	raw->l_i_gid_high = inode->i_gid >> 16;
	raw->i_links_count = inode->i_nlink;
	raw->i_size = inode->i_size;
	raw->i_size_high = S_ISREG(inode->i_mode) ? inode->i_size >> 32 : 0;
	raw->i_atime = inode->i_atime.tv_sec;
	raw->i_mtime = inode->i_mtime.tv_sec;
	raw->i_ctime = inode->i_ctime.tv_sec;
	raw->i_dtime = ei->i_dtime;
	raw->i_blocks = inode->i_blocks;
	raw->l_i_blocks_hi = 0;
	raw->i_flags = ei->i_flags;
	raw->i_generation = ei->i_generation;
	raw->i_file_acl = ei->i_file_acl;
	if (sbi->s_incompat & EXT4_FEATURE_INCOMPAT_64BIT)
		raw->l_i_file_acl_high = ei->i_file_acl >> 32;
	if (S_ISCHR(inode->i_mode) || S_ISBLK(inode->i_mode))
		ext2_encode_dev(ei->i_data, inode->i_rdev);
	memcpy(raw->i_block, ei->i_data, sizeof(raw->i_block));
	if (sbi->s_inode_size > EXT2_GOOD_OLD_INODE_SIZE) {
		*(u16 *)(bh->b_data + off + EXT2_GOOD_OLD_INODE_SIZE) = ei->i_extra_isize;
		ext2_put_extra_times(inode, bh->b_data + off);
	}
	mark_buffer_dirty(bh);
	mutex_unlock(&sbi->s_lock);
	brelse(bh);
	return 0;
}

/* Offsets at each level of the indirect tree for @lblock; the depth (1-4), 0 if too big. */
static int ext2_block_to_path(struct super_block *sb, u64 lblock, unsigned int offsets[4])
{
	u64 ptrs = sb->s_blocksize / 4;

	if (lblock < EXT2_NDIR_BLOCKS) {
		offsets[0] = lblock;
		return 1;
	}
	lblock -= EXT2_NDIR_BLOCKS;
	if (lblock < ptrs) {
		offsets[0] = EXT2_IND_BLOCK;
		offsets[1] = lblock;
		return 2;
	}
	lblock -= ptrs;
	if (lblock < ptrs * ptrs) {
		offsets[0] = EXT2_DIND_BLOCK;
		offsets[1] = lblock / ptrs;
		offsets[2] = lblock % ptrs;
		return 3;
	}
	lblock -= ptrs * ptrs;
	if (lblock < ptrs * ptrs * ptrs) {
		offsets[0] = EXT2_TIND_BLOCK;
		offsets[1] = lblock / (ptrs * ptrs);
		offsets[2] = (lblock / ptrs) % ptrs;
		offsets[3] = lblock % ptrs;
		return 4;
	}
	return 0;
}

static bool ext2_block_valid(struct super_block *sb, u64 block)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	return block >= sbi->s_first_data_block && block < sbi->s_blocks_count;
}

static void ext2_add_blocks(struct inode *inode, long n)
{
	inode->i_blocks += n * (inode->i_sb->s_blocksize >> 9);
}

static int __ext2_get_block(struct inode *inode, u64 lblock, bool create, u64 *phys);

/*
 * Allocation takes the inode's map lock: write() allocates under i_mutex,
 * but writeback of an mmap store allocates without it.  A lookup needs
 * no lock: a pointer is stored only after its block was zeroed.
 */
int ext2_get_block(struct inode *inode, u64 lblock, bool create, u64 *phys)
{
	int err;

	if (!create)
		return __ext2_get_block(inode, lblock, false, phys);
	mutex_lock(&EXT2_I(inode)->i_map_lock);
	err = __ext2_get_block(inode, lblock, true, phys);
	mutex_unlock(&EXT2_I(inode)->i_map_lock);
	return err;
}

static int __ext2_get_block(struct inode *inode, u64 lblock, bool create, u64 *phys)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_inode_info *ei = EXT2_I(inode);
	unsigned int offsets[4];
	int depth, level, err;
	u64 block, goal;
	bool changed = false;

	*phys = 0;
	if (ei->i_flags & EXT4_EXTENTS_FL) {
		if (create)
			return -EROFS;
		return ext4_ext_map_block(inode, lblock, phys);
	}
	depth = ext2_block_to_path(sb, lblock, offsets);
	if (!depth)
		return -EFBIG;
	block = ei->i_data[offsets[0]];
	goal = ei->i_data[0] ? ei->i_data[0] : 0;
	if (!block) {
		if (!create)
			return 0;
		err = ext2_new_block(inode, goal, &block);
		if (err)
			return err;
		ei->i_data[offsets[0]] = block;
		ext2_add_blocks(inode, 1);
		changed = true;
	} else if (!ext2_block_valid(sb, block)) {
		return ext2_error(sb, __func__, "inode %lu: block %llu out of range",
				  inode->i_ino, block);
	}
	for (level = 1; level < depth; level++) {
		struct buffer_head *bh = sb_bread(sb, block);
		u32 *p;

		if (!bh) {
			err = -EIO;
			goto out;
		}
		p = (u32 *)bh->b_data + offsets[level];
		goal = block;
		block = *p;
		if (!block) {
			if (!create) {
				brelse(bh);
				goto out_hole;
			}
			err = ext2_new_block(inode, goal, &block);
			if (err) {
				brelse(bh);
				goto out;
			}
			*p = block;
			mark_buffer_dirty(bh);
			ext2_add_blocks(inode, 1);
			changed = true;
		} else if (!ext2_block_valid(sb, block)) {
			brelse(bh);
			err = ext2_error(sb, __func__, "inode %lu: indirect entry %llu out of range",
					 inode->i_ino, block);
			goto out;
		}
		brelse(bh);
	}
	*phys = block;
	err = 0;
	goto out;
out_hole:
	err = 0;
out:
	if (changed)
		ext2_write_inode(inode);
	return err;
}

struct buffer_head *ext2_bread(struct inode *inode, u64 lblock, bool create, int *err)
{
	u64 phys;
	struct buffer_head *bh;

	*err = ext2_get_block(inode, lblock, create, &phys);
	if (*err)
		return NULL;
	if (!phys)
		return NULL;
	bh = sb_bread(inode->i_sb, phys);
	if (!bh)
		*err = -EIO;
	return bh;
}

/*
 * File data is copied between the file's page and the device's; once the
 * device's page is clean, the second copy is only memory: drop it (if
 * nothing else holds it) so a file is not cached twice.
 */
static void ext2_drop_bdev_copy(struct super_block *sb, u64 first, u64 last)
{
	invalidate_mapping_pages(sb->s_bdev->bd_inode->i_mapping,
				 (first * sb->s_blocksize) >> PAGE_SHIFT,
				 (last * sb->s_blocksize) >> PAGE_SHIFT);
}

/* Page I/O: block by block through the buffer cache. */
static int ext2_readpage(struct file *file, struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct super_block *sb = inode->i_sb;
	unsigned int per_page = PAGE_SIZE / sb->s_blocksize, i;
	u64 first = (u64)page->index * per_page;
	char *dst = page_address(page);
	int err;

	for (i = 0; i < per_page; i++, dst += sb->s_blocksize) {
		u64 phys;
		struct buffer_head *bh;

		if ((loff_t)((first + i) * sb->s_blocksize) >= i_size_read(inode)) {
			memset(dst, 0, sb->s_blocksize);
			continue;
		}
		err = ext2_get_block(inode, first + i, false, &phys);
		if (err)
			return err;
		if (!phys) {
			memset(dst, 0, sb->s_blocksize);	/* a hole */
			continue;
		}
		bh = sb_bread(sb, phys);
		if (!bh)
			return -EIO;
		memcpy(dst, bh->b_data, sb->s_blocksize);
		brelse(bh);
		ext2_drop_bdev_copy(sb, phys, phys);
	}
	return 0;
}

static int ext2_writepage(struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct super_block *sb = inode->i_sb;
	unsigned int per_page = PAGE_SIZE / sb->s_blocksize, i;
	u64 first = (u64)page->index * per_page;
	const char *src = page_address(page);
	u64 lo = ~0ULL, hi = 0;
	int err;

	if (ext2_rdonly(sb))
		return -EROFS;
	for (i = 0; i < per_page; i++, src += sb->s_blocksize) {
		u64 phys;
		struct buffer_head *bh;

		if ((loff_t)((first + i) * sb->s_blocksize) >= i_size_read(inode))
			break;
		/* A store through a shared mapping may be the first data in a hole. */
		err = ext2_get_block(inode, first + i, true, &phys);
		if (err)
			return err;
		bh = sb_bread(sb, phys);
		if (!bh)
			return -EIO;
		memcpy(bh->b_data, src, sb->s_blocksize);
		mark_buffer_dirty(bh);
		brelse(bh);
		lo = min(lo, phys);
		hi = max(hi, phys);
	}
	if (lo > hi)
		return 0;
	/* The data is in the device's cache now: on to the disk, as fsync expects. */
	err = filemap_write_and_wait_range(sb->s_bdev->bd_inode->i_mapping, lo * sb->s_blocksize,
					   (hi + 1) * sb->s_blocksize - 1);
	if (!err && hi - lo < 64)
		ext2_drop_bdev_copy(sb, lo, hi);
	return err;
}

static u64 ext2_bmap(struct address_space *mapping, u64 block)
{
	u64 phys = 0;

	if (ext2_get_block(mapping->host, block, false, &phys))
		return 0;
	return phys;
}

const struct address_space_operations ext2_aops = {
	.readpage	= ext2_readpage,
	.writepage	= ext2_writepage,
	.bmap		= ext2_bmap,
};

/*
 * Free the subtree of indirect block @block (at @depth levels above the
 * data) from entry @from on; the block itself too if @from is 0.
 * Returns the number of blocks freed.
 */
static long ext2_free_branch(struct inode *inode, u64 block, int depth, u64 from)
{
	struct super_block *sb = inode->i_sb;
	u64 ptrs = sb->s_blocksize / 4, span = 1, i;
	struct buffer_head *bh;
	long freed = 0;
	u32 *p;
	int d;

	if (!ext2_block_valid(sb, block)) {
		ext2_error(sb, __func__, "inode %lu: indirect block %llu out of range",
			   inode->i_ino, block);
		return 0;
	}
	for (d = 1; d < depth; d++)
		span *= ptrs;
	bh = sb_bread(sb, block);
	if (!bh)
		return 0;
	p = (u32 *)bh->b_data;
	for (i = from / span; i < ptrs; i++) {
		u64 sub_from = i == from / span ? from % span : 0;

		if (!p[i])
			continue;
		if (depth > 1) {
			freed += ext2_free_branch(inode, p[i], depth - 1, sub_from);
			if (sub_from)
				continue;
		} else {
			if (ext2_block_valid(sb, p[i])) {
				ext2_free_blocks(inode, p[i], 1);
				freed++;
			}
		}
		p[i] = 0;
	}
	mark_buffer_dirty(bh);
	brelse(bh);
	if (!from) {
		ext2_free_blocks(inode, block, 1);
		freed++;
	}
	return freed;
}

static int __ext2_truncate_blocks(struct inode *inode, loff_t size);

int ext2_truncate_blocks(struct inode *inode, loff_t size)
{
	int err;

	mutex_lock(&EXT2_I(inode)->i_map_lock);
	err = __ext2_truncate_blocks(inode, size);
	mutex_unlock(&EXT2_I(inode)->i_map_lock);
	return err;
}

static int __ext2_truncate_blocks(struct inode *inode, loff_t size)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct super_block *sb = inode->i_sb;
	u64 ptrs = sb->s_blocksize / 4;
	u64 first = DIV_ROUND_UP((u64)size, sb->s_blocksize);
	u64 base[4] = { 0, EXT2_NDIR_BLOCKS, EXT2_NDIR_BLOCKS + ptrs,
			EXT2_NDIR_BLOCKS + ptrs + ptrs * ptrs };
	long freed = 0;
	int level;
	u64 i;

	if (ei->i_flags & EXT4_EXTENTS_FL)
		return -EROFS;
	if (S_ISLNK(inode->i_mode) && !ext2_data_blocks(inode))
		return 0;	/* a fast symlink: i_block holds the target */
	if (!S_ISREG(inode->i_mode) && !S_ISDIR(inode->i_mode) && !S_ISLNK(inode->i_mode))
		return 0;	/* device numbers, not block numbers, live in a device node's i_block */
	for (i = first; i < EXT2_NDIR_BLOCKS; i++) {
		if (ei->i_data[i] && ext2_block_valid(sb, ei->i_data[i])) {
			ext2_free_blocks(inode, ei->i_data[i], 1);
			freed++;
		}
		ei->i_data[i] = 0;
	}
	for (level = 1; level <= 3; level++) {
		u64 from = first > base[level] ? first - base[level] : 0;
		u32 *slot = &ei->i_data[EXT2_NDIR_BLOCKS + level - 1];
		u64 cap = 1;
		int d;

		for (d = 0; d < level; d++)
			cap *= ptrs;
		if (!*slot || from >= cap)
			continue;
		freed += ext2_free_branch(inode, *slot, level, from);
		if (!from)
			*slot = 0;
	}
	ext2_add_blocks(inode, -freed);
	return ext2_write_inode(inode);
}

void ext2_evict_inode(struct inode *inode)
{
	if (inode->i_nlink || ext2_rdonly(inode->i_sb) || !inode->i_sb->s_fs_info)
		return;
	/* The last reference to a removed file: its blocks and inode go back. */
	EXT2_I(inode)->i_dtime = (u32)(ktime_get_real_ns() / 1000000000);
	inode->i_size = 0;
	ext2_truncate_blocks(inode, 0);
	ext2_xattr_delete_inode(inode);
	ext2_free_inode(inode);
}

int ext2_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = d_inode(dentry);
	int err;

	if (ext2_rdonly(inode->i_sb))
		return -EROFS;
	err = setattr_prepare(dentry, attr);
	if (err)
		return err;
	if ((attr->ia_valid & ATTR_SIZE) && attr->ia_size != inode->i_size) {
		loff_t old = inode->i_size;

		if (!S_ISREG(inode->i_mode))
			return -EINVAL;
		err = inode_newsize_ok(inode, attr->ia_size);
		if (err)
			return err;
		truncate_setsize(inode, attr->ia_size);
		if (attr->ia_size < old) {
			/* The tail of the last block must read as zeros if the file grows again. */
			u64 phys;

			if (attr->ia_size % inode->i_sb->s_blocksize &&
			    !ext2_get_block(inode, attr->ia_size / inode->i_sb->s_blocksize, false, &phys) &&
			    phys) {
				struct buffer_head *bh = sb_bread(inode->i_sb, phys);
				unsigned int o = attr->ia_size % inode->i_sb->s_blocksize;

				if (bh) {
					memset(bh->b_data + o, 0, inode->i_sb->s_blocksize - o);
					mark_buffer_dirty(bh);
					brelse(bh);
				}
			}
			err = ext2_truncate_blocks(inode, attr->ia_size);
			if (err)
				return err;
		}
		inode->i_mtime = inode->i_ctime = current_time(inode);
	}
	setattr_copy(inode, attr);
	return ext2_write_inode(inode);
}

int ext2_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		 unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);

	generic_fillattr(inode, stat);
	stat->blksize = inode->i_sb->s_blocksize;
	return 0;
}
