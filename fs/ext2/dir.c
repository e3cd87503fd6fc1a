// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 directories: a file whose blocks are filled with entries
 * (inode, rec_len, name_len, file_type, name), each entry's rec_len
 * leading to the next and the last one reaching the end of the block.
 * A free slot is an entry with inode 0 or the slack at the end of an
 * entry's record.  Every entry is checked as it is walked (rec_len at
 * least the header, a multiple of 4, inside the block, room for the
 * name); a bad one is corruption: the walk stops and says so.
 *
 * Adding a name takes the first slot big enough, splitting an entry's
 * slack if needed, or a new block at the end.  Removing one merges it
 * into the entry before it in the block.  An htree index (ext3/4's
 * dir_index) is not maintained: a directory that had one loses its
 * INDEX flag at the first change, which is how ext2 treats it too.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include "ext2.h"

static unsigned char ext2_type_by_mode(umode_t mode)
{
	switch (mode & S_IFMT) {
	case S_IFREG: return EXT2_FT_REG_FILE;
	case S_IFDIR: return EXT2_FT_DIR;
	case S_IFCHR: return EXT2_FT_CHRDEV;
	case S_IFBLK: return EXT2_FT_BLKDEV;
	case S_IFIFO: return EXT2_FT_FIFO;
	case S_IFSOCK: return EXT2_FT_SOCK;
	case S_IFLNK: return EXT2_FT_SYMLINK;
	}
	return EXT2_FT_UNKNOWN;
}

static const unsigned char ext2_ft_to_dt[] = {
	DT_UNKNOWN, DT_REG, DT_DIR, DT_CHR, DT_BLK, DT_FIFO, DT_SOCK, DT_LNK,
};

static bool ext2_check_entry(struct inode *dir, struct ext2_dir_entry_2 *de, unsigned int off,
			     u64 lblock)
{
	unsigned int bs = dir->i_sb->s_blocksize;
	const char *why = NULL;

	/*
	 * The previous rec_len may leave fewer bytes than a header: then
	 * de->rec_len itself lies past the block, and must not be read.
	 */
	if (bs - off < EXT2_DIR_REC_LEN(1)) {
		ext2_error(dir->i_sb, "ext2_check_page",
			   "bad entry in directory #%lu: directory entry across blocks - offset=%llu",
			   dir->i_ino, lblock * bs + off);
		return false;
	}
	if (de->rec_len < EXT2_DIR_REC_LEN(1))
		why = "rec_len is smaller than minimal";
	else if (de->rec_len % 4)
		why = "rec_len % 4 != 0";
	else if (de->rec_len < EXT2_DIR_REC_LEN(de->name_len))
		why = "rec_len is too small for name_len";
	else if (off + de->rec_len > bs)
		why = "directory entry across blocks";
	else if (de->inode > EXT2_SB(dir->i_sb)->s_es->s_inodes_count)
		why = "inode out of bounds";
	if (!why)
		return true;
	ext2_error(dir->i_sb, "ext2_check_page",
		   "bad entry in directory #%lu: %s - offset=%llu, inode=%u, rec_len=%u, name_len=%u",
		   dir->i_ino, why, lblock * bs + off, de->inode, de->rec_len, de->name_len);
	return false;
}

/*
 * Directories are written block after block and never have holes; an
 * i_size that runs past the blocks is corruption (Linux: "directory hole
 * found"), not empty space to walk -- a corrupt size of 2^40 would take
 * hours of "holes" to cross.
 */
static int ext2_dir_hole(struct inode *dir, u64 lblock)
{
	return ext2_error(dir->i_sb, __func__, "directory #%lu has a hole at block %llu (size %lld)",
			  dir->i_ino, lblock, dir->i_size);
}

static int ext2_readdir(struct file *file, struct dir_context *ctx)
{
	struct inode *dir = file_inode(file);
	unsigned int bs = dir->i_sb->s_blocksize;
	bool filetype = EXT2_SB(dir->i_sb)->s_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
	int err = 0;

	while (ctx->pos < dir->i_size) {
		u64 lblock = ctx->pos / bs;
		unsigned int off = ctx->pos % bs, p = 0;
		struct buffer_head *bh = ext2_bread(dir, lblock, false, &err);

		if (!bh)
			return err ? err : ext2_dir_hole(dir, lblock);
		/* Resynchronise to an entry boundary (the position may be stale after a change). */
		while (p < off) {
			struct ext2_dir_entry_2 *de = (void *)(bh->b_data + p);

			if (!ext2_check_entry(dir, de, p, lblock)) {
				brelse(bh);
				return -EUCLEAN;
			}
			p += de->rec_len;
		}
		ctx->pos = lblock * bs + p;
		while (p < bs) {
			struct ext2_dir_entry_2 *de = (void *)(bh->b_data + p);

			if (!ext2_check_entry(dir, de, p, lblock)) {
				brelse(bh);
				return -EUCLEAN;
			}
			if (de->inode) {
				unsigned char t = filetype && de->file_type < ARRAY_SIZE(ext2_ft_to_dt) ?
						  ext2_ft_to_dt[de->file_type] : DT_UNKNOWN;

				if (!dir_emit(ctx, de->name, de->name_len, de->inode, t)) {
					brelse(bh);
					return 0;
				}
			}
			p += de->rec_len;
			ctx->pos = lblock * bs + p;
		}
		brelse(bh);
	}
	return 0;
}

/*
 * Walk every entry: @fn returns nonzero to stop (the result is returned,
 * with the buffer kept in *bh).  0: walked to the end.
 */
static int ext2_walk_dir(struct inode *dir, struct buffer_head **res_bh,
			 struct ext2_dir_entry_2 **res_de,
			 int (*fn)(struct ext2_dir_entry_2 *de, void *arg), void *arg)
{
	unsigned int bs = dir->i_sb->s_blocksize;
	u64 nblocks = DIV_ROUND_UP((u64)dir->i_size, bs), lblock;
	int err = 0, r;

	for (lblock = 0; lblock < nblocks; lblock++) {
		struct buffer_head *bh = ext2_bread(dir, lblock, false, &err);
		unsigned int p = 0;

		if (!bh)
			return err ? err : ext2_dir_hole(dir, lblock);
		while (p < bs) {
			struct ext2_dir_entry_2 *de = (void *)(bh->b_data + p);

			if (!ext2_check_entry(dir, de, p, lblock)) {
				brelse(bh);
				return -EUCLEAN;
			}
			r = fn(de, arg);
			if (r) {
				*res_bh = bh;
				*res_de = de;
				return r;
			}
			p += de->rec_len;
		}
		brelse(bh);
	}
	return 0;
}

static int match_name(struct ext2_dir_entry_2 *de, void *arg)
{
	const struct qstr *name = arg;

	return de->inode && de->name_len == name->len && !memcmp(de->name, name->name, name->len);
}

struct ext2_dir_entry_2 *ext2_find_entry(struct inode *dir, const struct qstr *name,
					 struct buffer_head **res_bh, int *err)
{
	struct ext2_dir_entry_2 *de = NULL;
	int r = ext2_walk_dir(dir, res_bh, &de, match_name, (void *)name);

	*err = r < 0 ? r : 0;
	return r > 0 ? de : NULL;
}

struct ext2_dir_entry_2 *ext2_dotdot(struct inode *dir, struct buffer_head **bh, int *err)
{
	static const struct qstr dotdot = { .name = "..", .len = 2 };

	return ext2_find_entry(dir, &dotdot, bh, err);
}

static void ext2_dir_changed(struct inode *dir)
{
	dir->i_mtime = dir->i_ctime = current_time(dir);
	EXT2_I(dir)->i_flags &= ~EXT2_INDEX_FL;
	ext2_write_inode(dir);
}

void ext2_set_link(struct inode *dir, struct ext2_dir_entry_2 *de, struct buffer_head *bh,
		   struct inode *inode)
{
	de->inode = inode->i_ino;
	if (EXT2_SB(dir->i_sb)->s_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE)
		de->file_type = ext2_type_by_mode(inode->i_mode);
	mark_buffer_dirty(bh);
	ext2_dir_changed(dir);
}

struct add_ctx {
	unsigned int need;
};

static int find_room(struct ext2_dir_entry_2 *de, void *arg)
{
	struct add_ctx *c = arg;

	if (!de->inode && de->rec_len >= c->need)
		return 1;
	return de->inode && de->rec_len >= EXT2_DIR_REC_LEN(de->name_len) + c->need;
}

int ext2_add_link(struct dentry *dentry, struct inode *inode)
{
	struct inode *dir = d_inode(dentry->d_parent);
	const struct qstr *name = &dentry->d_name;
	unsigned int bs = dir->i_sb->s_blocksize;
	struct add_ctx c = { .need = EXT2_DIR_REC_LEN(name->len) };
	struct ext2_dir_entry_2 *de = NULL;
	struct buffer_head *bh = NULL;
	int r, err;

	if (name->len > EXT2_NAME_LEN)
		return -ENAMETOOLONG;
	r = ext2_walk_dir(dir, &bh, &de, find_room, &c);
	if (r < 0)
		return r;
	if (r > 0) {
		if (de->inode) {
			/* Split: the old entry keeps what it needs, the rest is ours. */
			unsigned int keep = EXT2_DIR_REC_LEN(de->name_len);
			struct ext2_dir_entry_2 *ne = (void *)((char *)de + keep);

			ne->rec_len = de->rec_len - keep;
			de->rec_len = keep;
			de = ne;
		}
	} else {
		/* No room anywhere: a new block at the end, one entry spanning it. */
		u64 lblock = DIV_ROUND_UP((u64)dir->i_size, bs);

		bh = ext2_bread(dir, lblock, true, &err);
		if (!bh)
			return err ? err : -EIO;
		de = (void *)bh->b_data;
		de->rec_len = bs;
		dir->i_size = (lblock + 1) * bs;
	}
	de->name_len = name->len;
	memcpy(de->name, name->name, name->len);
	de->file_type = 0;
	ext2_set_link(dir, de, bh, inode);
	brelse(bh);
	return 0;
}

int ext2_delete_entry(struct inode *dir, struct ext2_dir_entry_2 *de, struct buffer_head *bh)
{
	unsigned int bs = dir->i_sb->s_blocksize, start = ((char *)de - bh->b_data), p = 0;
	struct ext2_dir_entry_2 *prev = NULL;

	/* The entry before it in this block takes its space. */
	while (p < start) {
		struct ext2_dir_entry_2 *e = (void *)(bh->b_data + p);

		if (e->rec_len < EXT2_DIR_REC_LEN(1) || p + e->rec_len > bs)
			return ext2_error(dir->i_sb, __func__, "corrupt directory #%lu", dir->i_ino);
		prev = e;
		p += e->rec_len;
	}
	if (prev)
		prev->rec_len += de->rec_len;
	else
		de->inode = 0;
	mark_buffer_dirty(bh);
	ext2_dir_changed(dir);
	return 0;
}

int ext2_make_empty(struct inode *inode, struct inode *parent)
{
	unsigned int bs = inode->i_sb->s_blocksize;
	bool ft = EXT2_SB(inode->i_sb)->s_incompat & EXT2_FEATURE_INCOMPAT_FILETYPE;
	struct ext2_dir_entry_2 *de;
	struct buffer_head *bh;
	int err;

	bh = ext2_bread(inode, 0, true, &err);
	if (!bh)
		return err ? err : -EIO;
	de = (void *)bh->b_data;
	de->inode = inode->i_ino;
	de->rec_len = EXT2_DIR_REC_LEN(1);
	de->name_len = 1;
	de->file_type = ft ? EXT2_FT_DIR : 0;
	memcpy(de->name, ".", 1);
	de = (void *)(bh->b_data + EXT2_DIR_REC_LEN(1));
	de->inode = parent->i_ino;
	de->rec_len = bs - EXT2_DIR_REC_LEN(1);
	de->name_len = 2;
	de->file_type = ft ? EXT2_FT_DIR : 0;
	memcpy(de->name, "..", 2);
	mark_buffer_dirty(bh);
	brelse(bh);
	inode->i_size = bs;
	return ext2_write_inode(inode);
}

static int nonempty(struct ext2_dir_entry_2 *de, void *arg)
{
	if (!de->inode)
		return 0;
	if (de->name_len == 1 && de->name[0] == '.')
		return 0;
	if (de->name_len == 2 && de->name[0] == '.' && de->name[1] == '.')
		return 0;
	return 1;
}

int ext2_empty_dir(struct inode *inode)
{
	struct buffer_head *bh = NULL;
	struct ext2_dir_entry_2 *de;
	int r = ext2_walk_dir(inode, &bh, &de, nonempty, NULL);

	if (r > 0)
		brelse(bh);
	return r == 0;
}

const struct file_operations ext2_dir_operations = {
	.llseek		= generic_file_llseek,
	.iterate_shared	= ext2_readdir,
	.fsync		= noop_fsync,
};
