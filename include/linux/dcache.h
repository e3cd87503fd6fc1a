/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Directory entries: the name cache.  A dentry is one name in one
 * directory, bound to an inode (positive) or to nothing (negative: the
 * name is known not to exist).  Dentries form the tree the path walk
 * follows (d_parent up, d_subdirs down) and sit in a hash table keyed by
 * (parent, name), so a lookup of a cached name never reaches the
 * filesystem.  tmpfs keeps every positive dentry pinned: for it the cache
 * is the directory.  Elsewhere an unused name the filesystem lets the
 * cache keep waits on the dentry LRU until it is used again or the
 * dentry shrinker frees it.
 *
 * Locking: dcache_lock (fs/dcache.c) guards the hash, the d_subdirs,
 * d_child and d_lru lists, d_count and d_flags; d_inode changes only under the
 * parent directory's i_mutex.
 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

#include <linux/list.h>
#include <linux/types.h>

struct dentry;
struct inode;
struct super_block;
struct path;

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

#define QSTR_INIT(n, l) { .name = (n), .len = (l) }

struct dentry_operations {
	/* 0: a cached dentry no longer names what it did; the walk drops it and looks again. */
	int (*d_revalidate)(struct dentry *dentry, unsigned int flags);
	int (*d_delete)(const struct dentry *dentry);	/* 1: free at last dput */
	void (*d_release)(struct dentry *dentry);
	/* A name made when asked, for dentries of pseudo filesystems (sockfs). */
	char *(*d_dname)(struct dentry *dentry, char *buffer, int buflen);
	/*
	 * A mount made on first entry (DCACHE_NEED_AUTOMOUNT): tracefs under
	 * /sys/kernel/debug/tracing.  Returns it with one reference.
	 */
	struct vfsmount *(*d_automount)(struct path *path);
};

#define DCACHE_MOUNTED		0x0001	/* something is mounted on it */
#define DCACHE_CURSOR		0x0002	/* a readdir position marker, not a name */
#define DCACHE_HASHED		0x0004	/* in the hash and the parent's list */
#define DCACHE_NEED_AUTOMOUNT	0x0008	/* d_op->d_automount mounts something here */
#define DCACHE_LRU_LIST		0x0010	/* unused and cached: on the dentry LRU */

struct dentry {
	unsigned int d_flags;
	int d_count;			/* references: users, children, mounts */
	struct qstr d_name;		/* kmalloc'ed, NUL-terminated */
	struct dentry *d_parent;	/* itself for a root */
	struct inode *d_inode;		/* NULL: negative */
	struct super_block *d_sb;
	const struct dentry_operations *d_op;
	struct hlist_node d_hash;
	struct list_head d_child;	/* in d_parent->d_subdirs */
	struct list_head d_subdirs;
	struct list_head d_lru;		/* on the unused list while d_count is 0 */
	void *d_fsdata;
};

static inline bool d_really_is_negative(const struct dentry *d)
{
	return !d->d_inode;
}

static inline bool IS_ROOT(const struct dentry *d)
{
	return d == d->d_parent;
}

static inline bool d_unhashed(const struct dentry *d)
{
	return !(d->d_flags & DCACHE_HASHED);
}

static inline bool d_mountpoint(const struct dentry *d)
{
	return d->d_flags & DCACHE_MOUNTED;
}

static inline struct inode *d_inode(const struct dentry *d)
{
	return d->d_inode;
}

void dcache_init(void);
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
struct dentry *d_alloc_cursor(struct dentry *parent);
struct dentry *d_make_root(struct inode *root_inode);
void d_add(struct dentry *dentry, struct inode *inode);
void d_instantiate(struct dentry *dentry, struct inode *inode);
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name);
void d_drop(struct dentry *dentry);
void d_delete(struct dentry *dentry);
void d_move(struct dentry *dentry, struct dentry *target);
void d_exchange(struct dentry *a, struct dentry *b);
struct dentry *dget(struct dentry *dentry);
struct dentry *dget_parent(struct dentry *dentry);
void dput(struct dentry *dentry);
void d_set_mounted(struct dentry *dentry, bool mounted);
void d_genocide(struct dentry *root);
void shrink_dcache_sb(struct super_block *sb);
struct dentry *dget_dlock(struct dentry *dentry);
bool simple_positive(const struct dentry *dentry);
u32 full_name_hash(const void *salt, const char *name, unsigned int len);
char *d_path(const struct path *path, char *buf, int buflen);

/* The dcache lock: for walkers of d_subdirs (readdir, rmdir's emptiness check). */
void dcache_lock_acquire(void);
void dcache_lock_release(void);

#endif
