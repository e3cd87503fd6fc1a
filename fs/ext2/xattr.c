// SPDX-License-Identifier: GPL-2.0
/*
 * ext2 extended attributes, kept in one disk block per inode
 * (i_file_acl), the format Linux's ext2/ext4 and e2fsprogs use: a 32-byte
 * header (magic 0xEA020000, a reference count, a hash of the entries),
 * then entries growing down from the top of the block -- name index
 * (1 user., 4 trusted., 6 security.), name length, where the value
 * sits, its size and a hash of name and value -- ended by four zero
 * bytes, and the values packed at the bottom of the block.  Linux shares
 * identical blocks between inodes (h_refcount); we never create sharing
 * but honour it: a shared block is copied before it changes and freed
 * only by its last user.
 *
 * A change rebuilds the whole block from a list of the entries in
 * memory: simpler than editing it in place, and a block is at most a
 * few KiB.  Everything here runs under the inode's i_map_lock.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/xattr.h>
#include <uapi/linux/capability.h>
#include "ext2.h"

#define EXT2_XATTR_MAGIC	0xEA020000
#define EXT2_XATTR_INDEX_USER		1
#define EXT2_XATTR_INDEX_TRUSTED	4
#define EXT2_XATTR_INDEX_SECURITY	6

struct ext2_xattr_header {
	u32 h_magic, h_refcount, h_blocks, h_hash, h_checksum;
	u32 h_reserved[3];
} __packed;

struct ext2_xattr_entry {
	u8 e_name_len, e_name_index;
	u16 e_value_offs;
	u32 e_value_inum, e_value_size, e_hash;
	char e_name[];
} __packed;

#define XATTR_PAD(n)		(((n) + 3) & ~3u)
#define XATTR_ENTRY_LEN(nl)	XATTR_PAD(sizeof(struct ext2_xattr_entry) + (nl))

/* One attribute while a block is being rebuilt. */
struct xentry {
	u8 index, name_len;
	char name[XATTR_NAME_MAX + 1];
	u32 size;
	void *value;		/* points into the old block or the caller's buffer */
};

static u32 xattr_hash_entry(const struct xentry *x)
{
	u32 hash = 0, i;

	for (i = 0; i < x->name_len; i++)
		hash = (hash << 5) ^ (hash >> 27) ^ (u8)x->name[i];
	if (x->size) {
		u32 words = XATTR_PAD(x->size) / 4, w;
		const u8 *v = x->value;

		for (i = 0; i < words; i++) {
			w = 0;
			/* the stored value is zero-padded to four bytes */
			memcpy(&w, v + i * 4, min(4u, x->size - min(x->size, i * 4)));
			hash = (hash << 16) ^ (hash >> 16) ^ w;
		}
	}
	return hash;
}

/*
 * The entries of @inode's attribute block, checked against the block's
 * bounds, into @xs (at most @max); the block's buffer in *@bhp.  0
 * entries and *@bhp NULL if there is no block.
 */
static int xattr_read(struct inode *inode, struct xentry *xs, int max, struct buffer_head **bhp)
{
	struct super_block *sb = inode->i_sb;
	u64 blk = EXT2_I(inode)->i_file_acl;
	const struct ext2_xattr_header *h;
	struct buffer_head *bh;
	unsigned int off = sizeof(*h), bs = sb->s_blocksize;
	int n = 0;

	*bhp = NULL;
	if (!blk)
		return 0;
	if (blk < EXT2_SB(sb)->s_first_data_block || blk >= EXT2_SB(sb)->s_blocks_count)
		goto corrupt_nobh;
	bh = sb_bread(sb, blk);
	if (!bh)
		return -EIO;
	h = (const void *)bh->b_data;
	if (h->h_magic != EXT2_XATTR_MAGIC || h->h_blocks != 1)
		goto corrupt;
	for (;;) {
		const struct ext2_xattr_entry *e = (const void *)(bh->b_data + off);

		if (off + 4 > bs)
			goto corrupt;
		if (!*(const u32 *)e)
			break;
		if (off + sizeof(*e) > bs || off + XATTR_ENTRY_LEN(e->e_name_len) > bs ||
		    !e->e_name_len || e->e_value_inum ||
		    (e->e_value_size && (e->e_value_offs < off + XATTR_ENTRY_LEN(e->e_name_len) ||
					 e->e_value_size > bs - e->e_value_offs)))
			goto corrupt;
		if (n == max)
			goto corrupt;		/* more than could ever fit: a loop */
		xs[n].index = e->e_name_index;
		xs[n].name_len = e->e_name_len;
		memcpy(xs[n].name, e->e_name, e->e_name_len);
		xs[n].name[e->e_name_len] = '\0';
		xs[n].size = e->e_value_size;
		xs[n].value = bh->b_data + e->e_value_offs;
		n++;
		off += XATTR_ENTRY_LEN(e->e_name_len);
	}
	*bhp = bh;
	return n;
corrupt:
	brelse(bh);
corrupt_nobh:
	ext2_error(sb, "ext2_xattr_read", "inode %lu: bad extended attribute block %llu",
		   inode->i_ino, (unsigned long long)blk);
	return -EUCLEAN;
}

/* Most entries a block of @sb can hold: each takes at least 20 bytes. */
static int xattr_max(struct super_block *sb)
{
	return sb->s_blocksize / 20;
}

static struct xentry *xattr_alloc(struct super_block *sb)
{
	return kmalloc_array(xattr_max(sb) + 1, sizeof(struct xentry), GFP_KERNEL);
}

static int xattr_find(struct xentry *xs, int n, int index, const char *name)
{
	size_t len = strlen(name);
	int i;

	for (i = 0; i < n; i++)
		if (xs[i].index == index && xs[i].name_len == len && !memcmp(xs[i].name, name, len))
			return i;
	return -1;
}

int ext2_xattr_get(struct inode *inode, int index, const char *name, void *buf, size_t size)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct buffer_head *bh;
	struct xentry *xs;
	int n, i, ret;

	if (strlen(name) > 255)
		return -ERANGE;
	xs = xattr_alloc(inode->i_sb);
	if (!xs)
		return -ENOMEM;
	mutex_lock(&ei->i_map_lock);
	n = xattr_read(inode, xs, xattr_max(inode->i_sb), &bh);
	ret = n;
	if (n < 0)
		goto out;
	i = xattr_find(xs, n, index, name);
	ret = -ENODATA;
	if (i < 0)
		goto out;
	ret = xs[i].size;
	if (buf) {
		if (size < xs[i].size)
			ret = -ERANGE;
		else
			memcpy(buf, xs[i].value, xs[i].size);
	}
out:
	brelse(bh);
	mutex_unlock(&ei->i_map_lock);
	kfree(xs);
	return ret;
}

static const char *xattr_prefix(int index)
{
	switch (index) {
	case EXT2_XATTR_INDEX_USER:	return XATTR_USER_PREFIX;
	case EXT2_XATTR_INDEX_TRUSTED:	return capable(CAP_SYS_ADMIN) ? XATTR_TRUSTED_PREFIX : NULL;
	case EXT2_XATTR_INDEX_SECURITY:	return XATTR_SECURITY_PREFIX;
	default:			return NULL;	/* ACLs and others: not shown */
	}
}

ssize_t ext2_listxattr(struct dentry *dentry, char *list, size_t size)
{
	struct inode *inode = d_inode(dentry);
	struct ext2_inode_info *ei = EXT2_I(inode);
	struct buffer_head *bh;
	struct xentry *xs;
	ssize_t total = 0;
	int n, i;

	xs = xattr_alloc(inode->i_sb);
	if (!xs)
		return -ENOMEM;
	mutex_lock(&ei->i_map_lock);
	n = xattr_read(inode, xs, xattr_max(inode->i_sb), &bh);
	if (n < 0) {
		total = n;
		goto out;
	}
	for (i = 0; i < n; i++) {
		const char *prefix = xattr_prefix(xs[i].index);
		size_t plen, len;

		if (!prefix)
			continue;
		plen = strlen(prefix);
		len = plen + xs[i].name_len + 1;
		if (list) {
			if (total + len > size) {
				total = -ERANGE;
				goto out;
			}
			memcpy(list + total, prefix, plen);
			memcpy(list + total + plen, xs[i].name, xs[i].name_len + 1);
		}
		total += len;
	}
out:
	brelse(bh);
	mutex_unlock(&ei->i_map_lock);
	kfree(xs);
	return total;
}

/* Sorted as Linux keeps them: by index, then name length, then name. */
static int xentry_cmp(const struct xentry *a, const struct xentry *b)
{
	if (a->index != b->index)
		return a->index - b->index;
	if (a->name_len != b->name_len)
		return a->name_len - b->name_len;
	return memcmp(a->name, b->name, a->name_len);
}

/*
 * Drop one reference to attribute block @blk (freeing it with the last).
 * A block that is not an attribute block at all is left alone: freeing
 * it would hand out a block that something else (a directory, say) uses.
 */
static void xattr_release_block(struct inode *inode, u64 blk)
{
	struct buffer_head *bh = sb_bread(inode->i_sb, blk);
	struct ext2_xattr_header *h;

	if (!bh)
		return;
	h = (void *)bh->b_data;
	if (h->h_magic != EXT2_XATTR_MAGIC || h->h_blocks != 1) {
		brelse(bh);
		ext2_error(inode->i_sb, "ext2_xattr_release_block", "inode %lu: bad block %llu",
			   inode->i_ino, (unsigned long long)blk);
		return;
	}
	if (h->h_refcount > 1) {
		h->h_refcount--;
		mark_buffer_dirty(bh);
		brelse(bh);
	} else {
		brelse(bh);
		ext2_free_blocks(inode, blk, 1);
	}
	inode->i_blocks -= inode->i_sb->s_blocksize >> 9;
}

/* Write @xs (@n entries) as @inode's attribute block. */
static int xattr_write(struct inode *inode, struct xentry *xs, int n, struct buffer_head *old)
{
	struct super_block *sb = inode->i_sb;
	struct ext2_inode_info *ei = EXT2_I(inode);
	unsigned int bs = sb->s_blocksize, eoff = sizeof(struct ext2_xattr_header), voff = bs;
	struct ext2_xattr_header *h;
	struct buffer_head *bh;
	u8 *img;
	u64 blk = ei->i_file_acl;
	bool zero_hash = false, fresh = false;
	u32 hash = 0;
	int i, err;

	if (!n) {
		if (blk) {
			ei->i_file_acl = 0;
			xattr_release_block(inode, blk);
		}
		goto done;
	}
	/* Lay it out in a scratch copy first: the values may live in @old. */
	img = kzalloc(bs, GFP_KERNEL);
	if (!img)
		return -ENOMEM;
	h = (void *)img;
	h->h_magic = EXT2_XATTR_MAGIC;
	h->h_refcount = 1;
	h->h_blocks = 1;
	for (i = 0; i < n; i++) {
		struct ext2_xattr_entry *e = (void *)(img + eoff);
		u32 vlen = XATTR_PAD(xs[i].size);

		if (eoff + XATTR_ENTRY_LEN(xs[i].name_len) + 4 > voff - vlen) {
			kfree(img);
			return -ENOSPC;
		}
		voff -= vlen;
		e->e_name_len = xs[i].name_len;
		e->e_name_index = xs[i].index;
		e->e_value_offs = xs[i].size ? voff : 0;
		e->e_value_size = xs[i].size;
		memcpy(e->e_name, xs[i].name, xs[i].name_len);
		memcpy(img + voff, xs[i].value, xs[i].size);
		e->e_hash = xattr_hash_entry(&xs[i]);
		if (!e->e_hash)
			zero_hash = true;	/* then the block's hash is 0, as Linux's */
		hash = (hash << 16) ^ (hash >> 16) ^ e->e_hash;
		eoff += XATTR_ENTRY_LEN(xs[i].name_len);
	}
	h->h_hash = zero_hash ? 0 : hash;

	/* A block of our own is rewritten; a shared one (or none) gets a new one. */
	if (old && ((struct ext2_xattr_header *)old->b_data)->h_refcount == 1) {
		bh = old;		/* the caller releases it */
	} else {
		u64 nblk;

		err = ext2_new_block(inode, 0, &nblk);
		if (err) {
			kfree(img);
			return err;
		}
		bh = sb_bread(sb, nblk);
		if (!bh) {
			ext2_free_blocks(inode, nblk, 1);
			kfree(img);
			return -EIO;
		}
		fresh = true;
		/*
		 * A corrupt bitmap may hand back the very block we hold: then it
		 * is ours alone now, not a second one to count or to free.
		 */
		if (nblk != blk) {
			if (blk)
				xattr_release_block(inode, blk);
			ei->i_file_acl = nblk;
			inode->i_blocks += bs >> 9;
		}
	}
	memcpy(bh->b_data, img, bs);
	kfree(img);
	mark_buffer_dirty(bh);
	if (fresh)
		brelse(bh);
	ext2_xattr_feature(sb);
done:
	inode->i_ctime = current_time(inode);
	return ext2_write_inode(inode);
}

int ext2_xattr_set(struct inode *inode, int index, const char *name, const void *value,
		   size_t size, int flags)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	size_t len = strlen(name);
	struct buffer_head *bh;
	struct xentry *xs, tmp;
	int n, i, err;

	if (len > 255 || size > inode->i_sb->s_blocksize)
		return -ERANGE;
	xs = xattr_alloc(inode->i_sb);
	if (!xs)
		return -ENOMEM;
	mutex_lock(&ei->i_map_lock);
	n = xattr_read(inode, xs, xattr_max(inode->i_sb), &bh);
	err = n;
	if (n < 0)
		goto out;
	i = xattr_find(xs, n, index, name);
	err = -EEXIST;
	if (i >= 0 && (flags & XATTR_CREATE))
		goto out;
	err = -ENODATA;
	if (i < 0 && ((flags & XATTR_REPLACE) || !value))
		goto out;
	if (!value) {				/* remove */
		xs[i] = xs[--n];
	} else {
		if (i < 0) {
			err = -ENOSPC;
			if (n == xattr_max(inode->i_sb))
				goto out;
			i = n++;
		}
		xs[i].index = index;
		xs[i].name_len = len;
		memcpy(xs[i].name, name, len + 1);
		xs[i].size = size;
		xs[i].value = (void *)value;
	}
	/* a short insertion sort: a block holds few entries */
	for (int a = 1; a < n; a++)
		for (int b = a; b > 0 && xentry_cmp(&xs[b - 1], &xs[b]) > 0; b--) {
			tmp = xs[b];
			xs[b] = xs[b - 1];
			xs[b - 1] = tmp;
		}
	err = xattr_write(inode, xs, n, bh);
out:
	brelse(bh);
	mutex_unlock(&ei->i_map_lock);
	kfree(xs);
	return err;
}

/* The first attribute on a filesystem sets the ext_attr feature, as Linux's ext2 does. */
void ext2_xattr_feature(struct super_block *sb)
{
	struct ext2_sb_info *sbi = EXT2_SB(sb);

	if (sbi->s_compat & EXT2_FEATURE_COMPAT_EXT_ATTR)
		return;
	mutex_lock(&sbi->s_lock);
	sbi->s_compat |= EXT2_FEATURE_COMPAT_EXT_ATTR;
	sbi->s_es->s_feature_compat |= EXT2_FEATURE_COMPAT_EXT_ATTR;
	mutex_unlock(&sbi->s_lock);
	ext2_sb_dirty(sb);
}

/* The inode is being freed: its reference to an attribute block goes too. */
void ext2_xattr_delete_inode(struct inode *inode)
{
	struct ext2_inode_info *ei = EXT2_I(inode);
	u64 blk = ei->i_file_acl;

	if (!blk)
		return;
	ei->i_file_acl = 0;
	if (blk >= EXT2_SB(inode->i_sb)->s_first_data_block && blk < EXT2_SB(inode->i_sb)->s_blocks_count)
		xattr_release_block(inode, blk);
}

static int ext2_xattr_handler_get(const struct xattr_handler *handler, struct dentry *dentry,
				  struct inode *inode, const char *name, void *buffer, size_t size)
{
	return ext2_xattr_get(inode, handler->flags, name, buffer, size);
}

static int ext2_xattr_handler_set(const struct xattr_handler *handler, struct dentry *dentry,
				  struct inode *inode, const char *name, const void *value,
				  size_t size, int flags)
{
	return ext2_xattr_set(inode, handler->flags, name, value, size, flags);
}

static bool ext2_xattr_trusted_list(struct dentry *dentry)
{
	return capable(CAP_SYS_ADMIN);
}

static const struct xattr_handler ext2_xattr_user_handler = {
	.prefix	= XATTR_USER_PREFIX,
	.flags	= EXT2_XATTR_INDEX_USER,
	.get	= ext2_xattr_handler_get,
	.set	= ext2_xattr_handler_set,
};

static const struct xattr_handler ext2_xattr_trusted_handler = {
	.prefix	= XATTR_TRUSTED_PREFIX,
	.flags	= EXT2_XATTR_INDEX_TRUSTED,
	.list	= ext2_xattr_trusted_list,
	.get	= ext2_xattr_handler_get,
	.set	= ext2_xattr_handler_set,
};

static const struct xattr_handler ext2_xattr_security_handler = {
	.prefix	= XATTR_SECURITY_PREFIX,
	.flags	= EXT2_XATTR_INDEX_SECURITY,
	.get	= ext2_xattr_handler_get,
	.set	= ext2_xattr_handler_set,
};

const struct xattr_handler * const ext2_xattr_handlers[] = {
	&ext2_xattr_user_handler,
	&ext2_xattr_trusted_handler,
	&ext2_xattr_security_handler,
	NULL,
};
