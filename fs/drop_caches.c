// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/sys/vm/drop_caches: writing 1 (or 3) drops every clean page-cache
 * page that nothing maps, of every file that has a backing store (a disk
 * file, a block device); the next read comes from the disk again.  Dirty
 * pages stay (sync first to drop them too), and tmpfs keeps everything:
 * its pages are the only copy.  2 (or 3) runs every shrinker until
 * little more comes free: the unused dentries, and with them the inodes
 * only they held.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/pagemap.h>
#include <linux/writeback.h>
#include <linux/shrinker.h>

int sysctl_drop_caches;

/* The walk of sb->s_inodes happens in fs/inode.c, which owns the list. */
static void drop_pagecache_sb(struct super_block *sb, void *unused)
{
	inode_sb_for_each_cached(sb, invalidate_inode_cache);
}

void drop_caches_changed(void)
{
	int what = READ_ONCE(sysctl_drop_caches);

	if (what & 1)
		iterate_supers(drop_pagecache_sb, NULL);
	if (what & 2)
		drop_slab();
}
