// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry cache (see <linux/dcache.h> for the object).
 *
 * Every dentry in use sits in a hash table keyed by (parent, name) and in
 * its parent's d_subdirs list; d_lookup finds a cached name without
 * asking the filesystem.  A dentry holds a reference on its parent, so a
 * cached name keeps the whole chain to the root alive.  The last dput()
 * frees a dentry that is unhashed or negative, or whose filesystem says
 * so (d_op->d_delete); tmpfs pins its positive dentries with an extra
 * reference, so for it the cache is the directory tree itself.
 *
 * Any other positive dentry whose last reference goes stays hashed, so the
 * next lookup of the name is free, and joins the tail of the dentry LRU;
 * a new user takes it off again.  Under memory pressure (or drop_caches
 * 2) the dentry shrinker frees from the head, the coldest end: only
 * dentries nobody uses, so a parent waits until its last child is gone
 * (each child holds a reference on it) and then joins the LRU itself.
 *
 * One spinlock, dcache_lock, guards the hash chains, the lists (the LRU
 * too), d_count and d_flags: critical sections are short and never sleep.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/shrinker.h>
#include <linux/atomic.h>

#define D_HASH_BITS	10
#define D_HASH_SIZE	(1U << D_HASH_BITS)

static struct hlist_head dentry_hashtable[D_HASH_SIZE];
static DEFINE_SPINLOCK(dcache_lock);
static struct kmem_cache *dentry_cache;

static LIST_HEAD(dentry_lru);		/* head: coldest */
static long nr_dentry_unused;		/* on dentry_lru; under dcache_lock */
static atomic_long_t nr_dentry;		/* allocated and not yet freed */

static void d_lru_add(struct dentry *d)
{
	if (!(d->d_flags & DCACHE_LRU_LIST)) {
		d->d_flags |= DCACHE_LRU_LIST;
		list_add_tail(&d->d_lru, &dentry_lru);
		nr_dentry_unused++;
	}
}

static void d_lru_del(struct dentry *d)
{
	if (d->d_flags & DCACHE_LRU_LIST) {
		d->d_flags &= ~DCACHE_LRU_LIST;
		list_del_init(&d->d_lru);
		nr_dentry_unused--;
	}
}

/* A new reference, dcache_lock held: an unused dentry is in use again. */
struct dentry *dget_dlock(struct dentry *dentry)
{
	if (dentry->d_count++ == 0)
		d_lru_del(dentry);
	return dentry;
}

void dcache_lock_acquire(void)
{
	spin_lock(&dcache_lock);
}

void dcache_lock_release(void)
{
	spin_unlock(&dcache_lock);
}

/* FNV-1a: cheap, and good enough spread for short names. */
u32 full_name_hash(const void *salt, const char *name, unsigned int len)
{
	u32 h = 2166136261U ^ (u32)(unsigned long)salt;

	while (len--) {
		h ^= (u8)*name++;
		h *= 16777619U;
	}
	return h;
}

static struct hlist_head *d_hash(const struct dentry *parent, u32 hash)
{
	u32 h = hash ^ (u32)((unsigned long)parent >> 4);

	return &dentry_hashtable[(h ^ (h >> D_HASH_BITS)) & (D_HASH_SIZE - 1)];
}

void __init dcache_init(void)
{
	dentry_cache = kmem_cache_create("dentry", sizeof(struct dentry), 0, 0, NULL);
	if (!dentry_cache)
		panic("cannot create the dentry cache");
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = kmem_cache_zalloc(dentry_cache, GFP_KERNEL);
	char *n;

	if (!d)
		return NULL;
	n = kmalloc(name->len + 1, GFP_KERNEL);
	if (!n) {
		kmem_cache_free(dentry_cache, d);
		return NULL;
	}
	memcpy(n, name->name, name->len);
	n[name->len] = '\0';
	d->d_name.name = n;
	d->d_name.len = name->len;
	d->d_name.hash = full_name_hash(NULL, n, name->len);
	d->d_count = 1;
	d->d_parent = d;
	d->d_sb = sb;
	INIT_HLIST_NODE(&d->d_hash);
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	INIT_LIST_HEAD(&d->d_lru);
	atomic_long_inc(&nr_dentry);
	return d;
}

/*
 * A new dentry for @name under @parent, hashed at once so a second
 * lookup finds it; negative until d_instantiate.  The caller holds the
 * parent's i_mutex, which keeps two tasks from adding the same name.
 */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);

	if (!d)
		return NULL;
	spin_lock(&dcache_lock);
	dget_dlock(parent);
	d->d_parent = parent;
	d->d_op = parent->d_op;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	hlist_add_head(&d->d_hash, d_hash(parent, d->d_name.hash));
	d->d_flags |= DCACHE_HASHED;
	spin_unlock(&dcache_lock);
	return d;
}

/* A readdir cursor: in the parent's list so it keeps its place, never hashed. */
struct dentry *d_alloc_cursor(struct dentry *parent)
{
	static const struct qstr empty = QSTR_INIT("", 0);
	struct dentry *d = __d_alloc(parent->d_sb, &empty);

	if (!d)
		return NULL;
	d->d_flags = DCACHE_CURSOR;
	spin_lock(&dcache_lock);
	dget_dlock(parent);
	d->d_parent = parent;
	list_add(&d->d_child, &parent->d_subdirs);
	spin_unlock(&dcache_lock);
	return d;
}

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT("/", 1);
	struct dentry *d;

	if (!root_inode)
		return NULL;
	d = __d_alloc(root_inode->i_sb, &slash);
	if (!d) {
		iput(root_inode);
		return NULL;
	}
	d->d_inode = root_inode;
	return d;
}

void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	dentry->d_inode = inode;
}

void d_add(struct dentry *dentry, struct inode *inode)
{
	d_instantiate(dentry, inode);
}

static bool d_name_eq(const struct dentry *d, const struct qstr *name)
{
	return d->d_name.len == name->len && !memcmp(d->d_name.name, name->name, name->len);
}

/* The cached dentry for @name under @parent, with a reference, or NULL. */
struct dentry *d_lookup(const struct dentry *parent, const struct qstr *name)
{
	u32 hash = full_name_hash(NULL, name->name, name->len);
	struct dentry *d, *found = NULL;

	spin_lock(&dcache_lock);
	hlist_for_each_entry(d, d_hash(parent, hash), d_hash) {
		if (d->d_parent == parent && d->d_name.hash == hash && d_name_eq(d, name)) {
			dget_dlock(d);
			found = d;
			break;
		}
	}
	spin_unlock(&dcache_lock);
	return found;
}

static void __d_drop(struct dentry *d)
{
	if (d->d_flags & DCACHE_HASHED) {
		hlist_del_init(&d->d_hash);
		list_del_init(&d->d_child);
		d->d_flags &= ~DCACHE_HASHED;
	}
}

/* Forget the name: no lookup finds it; users of the dentry keep it. */
void d_drop(struct dentry *dentry)
{
	spin_lock(&dcache_lock);
	__d_drop(dentry);
	spin_unlock(&dcache_lock);
}

/* After unlink/rmdir: the name is gone; open files keep the inode. */
void d_delete(struct dentry *dentry)
{
	d_drop(dentry);
}

struct dentry *dget(struct dentry *dentry)
{
	if (dentry) {
		spin_lock(&dcache_lock);
		dget_dlock(dentry);
		spin_unlock(&dcache_lock);
	}
	return dentry;
}

struct dentry *dget_parent(struct dentry *dentry)
{
	struct dentry *p;

	spin_lock(&dcache_lock);
	p = dentry->d_parent;
	dget_dlock(p);
	spin_unlock(&dcache_lock);
	return p;
}

static void d_free(struct dentry *d)
{
	if (d->d_op && d->d_op->d_release)
		d->d_op->d_release(d);
	if (d->d_inode)
		iput(d->d_inode);
	kfree(d->d_name.name);
	kmem_cache_free(dentry_cache, d);
	atomic_long_dec(&nr_dentry);
}

/*
 * Drop a reference.  At zero, a dentry the cache should not keep is
 * unlinked and freed, and the reference it held on its parent dropped in
 * turn (a loop, not recursion: a deep tree must not eat the stack); one
 * it keeps goes on the LRU.
 */
void dput(struct dentry *dentry)
{
	while (dentry) {
		struct dentry *parent;
		bool kill;

		spin_lock(&dcache_lock);
		if (--dentry->d_count > 0) {
			spin_unlock(&dcache_lock);
			return;
		}
		kill = d_unhashed(dentry) || !dentry->d_inode ||
		       (dentry->d_op && dentry->d_op->d_delete && dentry->d_op->d_delete(dentry));
		if (!kill) {
			d_lru_add(dentry);
			spin_unlock(&dcache_lock);
			return;
		}
		d_lru_del(dentry);
		__d_drop(dentry);
		list_del_init(&dentry->d_child);	/* cursors are only on the list */
		parent = IS_ROOT(dentry) ? NULL : dentry->d_parent;
		spin_unlock(&dcache_lock);
		d_free(dentry);
		dentry = parent;
	}
}

void d_set_mounted(struct dentry *dentry, bool mounted)
{
	spin_lock(&dcache_lock);
	if (mounted)
		dentry->d_flags |= DCACHE_MOUNTED;
	else
		dentry->d_flags &= ~DCACHE_MOUNTED;
	spin_unlock(&dcache_lock);
}

static void swap_names(struct dentry *a, struct dentry *b)
{
	struct qstr t = a->d_name;

	a->d_name = b->d_name;
	b->d_name = t;
}

/* Move @d to @parent's list and rehash it under its (new) name. */
static void __d_rehash(struct dentry *d, struct dentry *parent)
{
	struct dentry *old = d->d_parent;

	if (d->d_flags & DCACHE_HASHED) {
		hlist_del_init(&d->d_hash);
		list_del_init(&d->d_child);
	}
	if (old != parent) {
		dget_dlock(parent);
		old->d_count--;		/* never the last: the caller's lookup holds one */
		d->d_parent = parent;
	}
	list_add_tail(&d->d_child, &parent->d_subdirs);
	hlist_add_head(&d->d_hash, d_hash(parent, d->d_name.hash));
	d->d_flags |= DCACHE_HASHED;
}

/*
 * rename: @dentry takes @target's name and place; @target, which the
 * rename replaced (or was the negative placeholder), leaves the cache.
 * Both parents are locked by the caller.
 */
void d_move(struct dentry *dentry, struct dentry *target)
{
	struct dentry *new_parent;

	spin_lock(&dcache_lock);
	new_parent = target->d_parent;
	__d_drop(target);
	swap_names(dentry, target);
	__d_rehash(dentry, new_parent);
	spin_unlock(&dcache_lock);
}

/* RENAME_EXCHANGE: the two dentries swap names and places. */
void d_exchange(struct dentry *a, struct dentry *b)
{
	struct dentry *pa, *pb;

	spin_lock(&dcache_lock);
	pa = a->d_parent;
	pb = b->d_parent;
	swap_names(a, b);
	__d_rehash(a, pb);
	__d_rehash(b, pa);
	spin_unlock(&dcache_lock);
}

bool simple_positive(const struct dentry *dentry)
{
	return dentry->d_inode && !d_unhashed(dentry);
}

/*
 * Unmount of a tmpfs: drop the pin every positive dentry holds on
 * itself, leaves first, so the tree frees from the bottom up.
 */
void d_genocide(struct dentry *root)
{
	for (;;) {
		struct dentry *d = root, *child;
		bool pinned;

		spin_lock(&dcache_lock);
again:
		list_for_each_entry(child, &d->d_subdirs, d_child) {
			if (!(child->d_flags & DCACHE_CURSOR)) {
				d = child;
				goto again;
			}
		}
		if (d == root) {
			spin_unlock(&dcache_lock);
			return;
		}
		pinned = d->d_inode != NULL;
		__d_drop(d);
		if (!pinned)
			d->d_count++;	/* a negative one: dput below balances this */
		spin_unlock(&dcache_lock);
		dput(d);
	}
}

/*
 * Free an unused dentry the LRU held, dcache_lock held (and released):
 * unhashed first, so no lookup can find it again, then handed to dput
 * with the one reference dput is to drop; dput frees it and gives back
 * its parent's reference, which may put the parent on the LRU.
 */
static void prune_one(struct dentry *d)
{
	d_lru_del(d);
	__d_drop(d);
	d->d_count = 1;
	spin_unlock(&dcache_lock);
	dput(d);
}

static unsigned long dcache_count(struct shrinker *s, struct shrink_control *sc)
{
	return READ_ONCE(nr_dentry_unused);
}

/* From the cold end; freeing may iput, so not for a caller without __GFP_FS. */
static unsigned long dcache_scan(struct shrinker *s, struct shrink_control *sc)
{
	unsigned long scanned = 0, freed = 0;

	if (!(sc->gfp_mask & __GFP_FS))
		return SHRINK_STOP;
	while (scanned < sc->nr_to_scan) {
		struct dentry *d;

		spin_lock(&dcache_lock);
		if (list_empty(&dentry_lru)) {
			spin_unlock(&dcache_lock);
			break;
		}
		d = list_first_entry(&dentry_lru, struct dentry, d_lru);
		scanned++;
		/* In use or a mount point: not the LRU's (a user takes it off at once). */
		if (d->d_count || d_mountpoint(d)) {
			d_lru_del(d);
			spin_unlock(&dcache_lock);
			continue;
		}
		prune_one(d);
		freed++;
	}
	sc->nr_scanned = scanned;
	return freed;
}

static struct shrinker dcache_shrinker = {
	.count_objects	= dcache_count,
	.scan_objects	= dcache_scan,
	.seeks		= DEFAULT_SEEKS,
};

/*
 * Unmount: free every cached unused dentry of @sb before the superblock
 * goes, or the LRU would later free dentries (and iput inodes) of a dead
 * filesystem, and their references would keep its root alive.
 */
void shrink_dcache_sb(struct super_block *sb)
{
	for (;;) {
		struct dentry *d, *found = NULL;

		spin_lock(&dcache_lock);
		list_for_each_entry(d, &dentry_lru, d_lru) {
			if (d->d_sb == sb && !d->d_count) {
				found = d;
				break;
			}
		}
		if (!found) {
			spin_unlock(&dcache_lock);
			return;
		}
		prune_one(found);
	}
}

/* /proc/sys/fs/dentry-state: Linux's six longs; Lantern frees unused negative dentries at once. */
void dentry_stat_read(long out[6])
{
	out[0] = atomic_long_read(&nr_dentry);
	out[1] = READ_ONCE(nr_dentry_unused);
	out[2] = 45;			/* age_limit: seconds, kept for the format's sake */
	out[3] = 0;			/* want_pages */
	out[4] = 0;			/* nr_negative */
	out[5] = 0;
}

static int __init dcache_shrinker_init(void)
{
	return register_shrinker(&dcache_shrinker);
}
fs_initcall(dcache_shrinker_init);

/*
 * Boot: the caches, tmpfs, and a tmpfs mounted as "/" for the idle task
 * and PID 1 (which share init_fs), before any initcall may open a file.
 */
void __init vfs_caches_init(void)
{
	dcache_init();
	inode_cache_init();
	files_cache_init();
	if (init_tmpfs())
		panic("VFS: cannot register tmpfs");
	if (init_mount_tree_root())
		panic("VFS: cannot mount the root tmpfs");
}
