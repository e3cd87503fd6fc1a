/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mount tree, private to fs/: each struct mount is attached at a
 * dentry (mnt_mountpoint) of its parent mount.  mount_lock guards the
 * tree and mnt_count.
 */
#ifndef _FS_MOUNT_H
#define _FS_MOUNT_H

#include <linux/list.h>
#include <linux/mount.h>
#include <linux/path.h>

struct mount {
	struct vfsmount mnt;
	struct mount *mnt_parent;	/* itself for the root and detached mounts */
	struct dentry *mnt_mountpoint;
	struct list_head mnt_mounts;	/* children */
	struct list_head mnt_child;	/* in mnt_parent->mnt_mounts */
	struct list_head mnt_list;	/* all attached mounts, for /proc/mounts */
	int mnt_count;			/* the tree's reference, paths, open files */
	int mnt_id;
	bool mnt_attached;
	char *mnt_devname;
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

struct vfsmount *lookup_mnt(const struct path *path);
bool follow_down_mount(struct path *path);	/* into what is mounted here */
bool follow_up(struct path *path);		/* from a mount's root to its mount point */
int path_mounted(const struct path *path);
int iterate_mounts(int (*show)(struct mount *m, void *arg), void *arg);

#endif
