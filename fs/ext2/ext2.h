/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ext2 (and ext4 read-only): the on-disk layout and what the files of
 * fs/ext2 share.  All on-disk integers are little-endian, as x86 is.
 *
 * A filesystem is an array of blocks (1-64 KiB) split into block groups.
 * Block 0 (or byte 1024 of it) holds the superblock; after it, the group
 * descriptor table says where each group's block bitmap, inode bitmap and
 * inode table are.  An inode's data is found through 12 direct block
 * numbers and single, double and triple indirect blocks (ext2), or an
 * extent tree (ext4).  A directory is a file of variable-length entries
 * (inode, record length, name length, type, name).
 */
#ifndef _FS_EXT2_EXT2_H
#define _FS_EXT2_EXT2_H

#include <linux/fs.h>
#include <linux/buffer_head.h>
#include <linux/list.h>
#include <linux/mutex.h>

#define EXT2_SUPER_MAGIC	0xEF53
#define EXT2_ROOT_INO		2
#define EXT2_GOOD_OLD_FIRST_INO	11
#define EXT2_GOOD_OLD_INODE_SIZE 128
#define EXT2_NDIR_BLOCKS	12
#define EXT2_IND_BLOCK		12
#define EXT2_DIND_BLOCK		13
#define EXT2_TIND_BLOCK		14
#define EXT2_N_BLOCKS		15
#define EXT2_NAME_LEN		255
#define EXT2_VALID_FS		1
#define EXT2_ERROR_FS		2

/* Feature sets */
#define EXT2_FEATURE_COMPAT_EXT_ATTR		0x0008
#define EXT2_FEATURE_COMPAT_DIR_INDEX		0x0020
#define EXT4_FEATURE_COMPAT_HAS_JOURNAL		0x0004
#define EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER	0x0001
#define EXT2_FEATURE_RO_COMPAT_LARGE_FILE	0x0002
#define EXT4_FEATURE_RO_COMPAT_HUGE_FILE	0x0008
#define EXT4_FEATURE_RO_COMPAT_GDT_CSUM		0x0010
#define EXT4_FEATURE_RO_COMPAT_DIR_NLINK	0x0020
#define EXT4_FEATURE_RO_COMPAT_EXTRA_ISIZE	0x0040
#define EXT4_FEATURE_RO_COMPAT_METADATA_CSUM	0x0400
#define EXT2_FEATURE_INCOMPAT_FILETYPE		0x0002
#define EXT3_FEATURE_INCOMPAT_RECOVER		0x0004
#define EXT3_FEATURE_INCOMPAT_JOURNAL_DEV	0x0008
#define EXT2_FEATURE_INCOMPAT_META_BG		0x0010
#define EXT4_FEATURE_INCOMPAT_EXTENTS		0x0040
#define EXT4_FEATURE_INCOMPAT_64BIT		0x0080
#define EXT4_FEATURE_INCOMPAT_MMP		0x0100
#define EXT4_FEATURE_INCOMPAT_FLEX_BG		0x0200
#define EXT4_FEATURE_INCOMPAT_CSUM_SEED		0x2000
#define EXT4_FEATURE_INCOMPAT_LARGEDIR		0x4000
#define EXT4_FEATURE_INCOMPAT_INLINE_DATA	0x8000

/* What this driver reads, and what it also writes. */
#define EXT2_INCOMPAT_SUPP_RO	(EXT2_FEATURE_INCOMPAT_FILETYPE | EXT2_FEATURE_INCOMPAT_META_BG | \
				 EXT4_FEATURE_INCOMPAT_EXTENTS | EXT4_FEATURE_INCOMPAT_64BIT | \
				 EXT4_FEATURE_INCOMPAT_FLEX_BG | EXT4_FEATURE_INCOMPAT_CSUM_SEED | \
				 EXT4_FEATURE_INCOMPAT_LARGEDIR)
#define EXT2_INCOMPAT_SUPP_RW	EXT2_FEATURE_INCOMPAT_FILETYPE
#define EXT2_RO_COMPAT_SUPP_RW	(EXT2_FEATURE_RO_COMPAT_SPARSE_SUPER | \
				 EXT2_FEATURE_RO_COMPAT_LARGE_FILE)

/* i_flags */
#define EXT2_INDEX_FL		0x00001000	/* hashed directory index (htree) */
#define EXT4_HUGE_FILE_FL	0x00040000
#define EXT4_EXTENTS_FL		0x00080000
#define EXT4_INLINE_DATA_FL	0x10000000

/* Directory entry file types (FILETYPE feature). */
enum { EXT2_FT_UNKNOWN, EXT2_FT_REG_FILE, EXT2_FT_DIR, EXT2_FT_CHRDEV, EXT2_FT_BLKDEV,
       EXT2_FT_FIFO, EXT2_FT_SOCK, EXT2_FT_SYMLINK };

struct ext2_super_block {
	u32 s_inodes_count, s_blocks_count, s_r_blocks_count, s_free_blocks_count;
	u32 s_free_inodes_count, s_first_data_block, s_log_block_size, s_log_frag_size;
	u32 s_blocks_per_group, s_frags_per_group, s_inodes_per_group;
	u32 s_mtime, s_wtime;
	u16 s_mnt_count;
	s16 s_max_mnt_count;
	u16 s_magic, s_state, s_errors, s_minor_rev_level;
	u32 s_lastcheck, s_checkinterval, s_creator_os, s_rev_level;
	u16 s_def_resuid, s_def_resgid;
	u32 s_first_ino;
	u16 s_inode_size, s_block_group_nr;
	u32 s_feature_compat, s_feature_incompat, s_feature_ro_compat;
	u8 s_uuid[16];
	char s_volume_name[16];
	char s_last_mounted[64];
	u32 s_algorithm_usage_bitmap;
	u8 s_prealloc_blocks, s_prealloc_dir_blocks;
	u16 s_reserved_gdt_blocks;
	u8 s_journal_uuid[16];
	u32 s_journal_inum, s_journal_dev, s_last_orphan;
	u32 s_hash_seed[4];
	u8 s_def_hash_version, s_jnl_backup_type;
	u16 s_desc_size;
	u32 s_default_mount_opts, s_first_meta_bg, s_mkfs_time;
	u32 s_jnl_blocks[17];
	u32 s_blocks_count_hi, s_r_blocks_count_hi, s_free_blocks_count_hi;
	u16 s_min_extra_isize, s_want_extra_isize;
	u32 s_flags;
	u8 s_pad[1024 - 356];
} __packed;

struct ext2_group_desc {
	u32 bg_block_bitmap, bg_inode_bitmap, bg_inode_table;
	u16 bg_free_blocks_count, bg_free_inodes_count, bg_used_dirs_count, bg_flags;
	u32 bg_exclude_bitmap_lo;
	u16 bg_block_bitmap_csum_lo, bg_inode_bitmap_csum_lo, bg_itable_unused, bg_checksum;
	/* 64BIT: the high halves */
	u32 bg_block_bitmap_hi, bg_inode_bitmap_hi, bg_inode_table_hi;
	u16 bg_free_blocks_count_hi, bg_free_inodes_count_hi, bg_used_dirs_count_hi;
	u16 bg_itable_unused_hi;
} __packed;

struct ext2_inode {
	u16 i_mode, i_uid;
	u32 i_size, i_atime, i_ctime, i_mtime, i_dtime;
	u16 i_gid, i_links_count;
	u32 i_blocks, i_flags, i_osd1;
	u32 i_block[EXT2_N_BLOCKS];
	u32 i_generation, i_file_acl, i_size_high, i_faddr;
	u16 l_i_blocks_hi, l_i_file_acl_high, l_i_uid_high, l_i_gid_high;
	u16 l_i_checksum_lo, l_i_reserved;
} __packed;

struct ext2_dir_entry_2 {
	u32 inode;
	u16 rec_len;
	u8 name_len, file_type;
	char name[];
} __packed;

#define EXT2_DIR_REC_LEN(len)	(((len) + 8 + 3) & ~3)

/* ext4 extent tree */
#define EXT4_EXT_MAGIC		0xf30a
struct ext4_extent_header {
	u16 eh_magic, eh_entries, eh_max, eh_depth;
	u32 eh_generation;
} __packed;
struct ext4_extent {
	u32 ee_block;
	u16 ee_len, ee_start_hi;
	u32 ee_start_lo;
} __packed;
struct ext4_extent_idx {
	u32 ei_block, ei_leaf_lo;
	u16 ei_leaf_hi, ei_unused;
} __packed;

struct ext2_sb_info {
	struct buffer_head *s_sbh;	/* the block holding the superblock */
	struct ext2_super_block *s_es;	/* in s_sbh */
	struct buffer_head **s_group_desc;
	unsigned int s_gdb_count;	/* blocks of group descriptors */
	unsigned int s_desc_size, s_desc_per_block;
	unsigned long s_groups_count;
	unsigned long s_blocks_per_group, s_inodes_per_group, s_itb_per_group;
	unsigned long s_inodes_per_block;
	unsigned int s_inode_size, s_first_ino;
	u64 s_blocks_count, s_first_data_block;
	u32 s_incompat, s_ro_compat, s_compat;
	bool s_ext4;			/* mounted as ext4 */
	bool s_csum;			/* metadata_csum: inodes are checked on read */
	u32 s_csum_seed;
	struct mutex s_lock;		/* bitmaps, counters, inode table writes */
	struct list_head s_inodes_hash;	/* live ext2 inodes, for iget */
	spinlock_t s_hash_lock;
};

struct ext2_inode_info {
	u32 i_data[EXT2_N_BLOCKS];
	u32 i_flags;
	u32 i_dtime;
	u32 i_block_group;
	u32 i_generation;
	u64 i_file_acl;			/* the extended attribute block, 0 if none */
	u16 i_extra_isize;
	char *i_slow_link;		/* a slow symlink's target, read once */
	struct mutex i_map_lock;	/* block allocation and freeing: write, writeback, truncate */
	struct list_head i_hash;
	struct inode vfs_inode;
};

static inline struct ext2_sb_info *EXT2_SB(struct super_block *sb)
{
	return sb->s_fs_info;
}

static inline struct ext2_inode_info *EXT2_I(struct inode *inode)
{
	return container_of(inode, struct ext2_inode_info, vfs_inode);
}

/* super.c */
__printf(3, 4) int ext2_error(struct super_block *sb, const char *func, const char *fmt, ...);
struct ext2_group_desc *ext2_get_group_desc(struct super_block *sb, unsigned long group,
					    struct buffer_head **bh);
u64 ext2_gd_block_bitmap(struct super_block *sb, struct ext2_group_desc *gd);
u64 ext2_gd_inode_bitmap(struct super_block *sb, struct ext2_group_desc *gd);
u64 ext2_gd_inode_table(struct super_block *sb, struct ext2_group_desc *gd);
void ext2_sb_dirty(struct super_block *sb);

/* inode.c */
struct inode *ext2_iget(struct super_block *sb, unsigned long ino);
bool ext2_inode_in_memory(struct super_block *sb, unsigned long ino);
int ext2_write_inode(struct inode *inode);
/* Logical block @lblock of @inode: its disk block (0: a hole), allocating if @create. */
int ext2_get_block(struct inode *inode, u64 lblock, bool create, u64 *phys);
struct buffer_head *ext2_bread(struct inode *inode, u64 lblock, bool create, int *err);
int ext2_truncate_blocks(struct inode *inode, loff_t size);
void ext2_evict_inode(struct inode *inode);
int ext2_setattr(struct dentry *dentry, struct iattr *attr);
int ext2_getattr(const struct path *path, struct kstat *stat, u32 request_mask,
		 unsigned int flags);
void ext2_set_inode_ops(struct inode *inode);
extern const struct address_space_operations ext2_aops;

/* extents.c */
int ext4_ext_map_block(struct inode *inode, u64 lblock, u64 *phys);

/* balloc.c / ialloc.c */
int ext2_new_block(struct inode *inode, u64 goal, u64 *block);

/* export.c: file handles */
extern const struct export_operations ext2_export_ops;
struct inode *ext2_nfs_get_inode(struct super_block *sb, u64 ino, u32 generation);

/* xattr.c */
struct xattr_handler;
extern const struct xattr_handler * const ext2_xattr_handlers[];
int ext2_xattr_get(struct inode *inode, int index, const char *name, void *buf, size_t size);
int ext2_xattr_set(struct inode *inode, int index, const char *name, const void *value,
		   size_t size, int flags);
ssize_t ext2_listxattr(struct dentry *dentry, char *list, size_t size);
void ext2_xattr_delete_inode(struct inode *inode);
void ext2_xattr_feature(struct super_block *sb);

/* The blocks that hold data, not counting the attribute block (a fast symlink has none). */
static inline u64 ext2_data_blocks(struct inode *inode)
{
	return inode->i_blocks - (EXT2_I(inode)->i_file_acl ? inode->i_sb->s_blocksize >> 9 : 0);
}
void ext2_free_blocks(struct inode *inode, u64 block, unsigned long count);
struct inode *ext2_new_inode(struct inode *dir, umode_t mode);
void ext2_free_inode(struct inode *inode);
bool ext2_group_has_super(struct super_block *sb, unsigned long group);
u64 ext2_count_free_blocks(struct super_block *sb);
unsigned long ext2_count_free_inodes(struct super_block *sb);

/* dir.c */
extern const struct file_operations ext2_dir_operations;
struct ext2_dir_entry_2 *ext2_find_entry(struct inode *dir, const struct qstr *name,
					 struct buffer_head **res_bh, int *err);
int ext2_add_link(struct dentry *dentry, struct inode *inode);
int ext2_delete_entry(struct inode *dir, struct ext2_dir_entry_2 *de, struct buffer_head *bh);
int ext2_empty_dir(struct inode *inode);
void ext2_set_link(struct inode *dir, struct ext2_dir_entry_2 *de, struct buffer_head *bh,
		   struct inode *inode);
int ext2_make_empty(struct inode *inode, struct inode *parent);
struct ext2_dir_entry_2 *ext2_dotdot(struct inode *dir, struct buffer_head **bh, int *err);

/* namei.c, file.c, symlink.c */
extern const struct inode_operations ext2_dir_inode_operations;
extern const struct inode_operations ext2_file_inode_operations;
extern const struct inode_operations ext2_symlink_inode_operations;
extern const struct inode_operations ext2_special_inode_operations;
extern const struct file_operations ext2_file_operations;

static inline bool ext2_rdonly(struct super_block *sb)
{
	return sb->s_flags & 1;	/* MS_RDONLY */
}

#endif
