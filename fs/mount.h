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
#include <linux/wait.h>

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
	struct list_head mnt_fsnotify_marks;	/* fanotify mount marks (fs/notify/) */
	u32 mnt_fsnotify_mask;			/* the events they want */
	struct mnt_namespace *mnt_ns;	/* the namespace whose tree it is in */
	/* Propagation (fs/pnode.c); namespace_sem guards these. */
	int mnt_group_id;		/* shared: its peer group ("shared:N"), else 0 */
	struct list_head mnt_share;	/* ring of the group's other mounts */
	struct mount *mnt_master;	/* slave: gets the events of this mount's group */
	struct list_head mnt_slave_list;	/* our slaves */
	struct list_head mnt_slave;	/* in our master's mnt_slave_list */
	bool mnt_unbindable;
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

/* fs/pnode.c: shared subtrees.  namespace_sem held for all of them. */
int change_mnt_propagation(struct mount *m, int type);	/* MS_SHARED, _SLAVE, _PRIVATE, _UNBINDABLE */
void clone_propagation(struct mount *copy, struct mount *old);	/* a bind's or a namespace copy's */
int propagate_mnt(struct mount *dest, struct dentry *mp, struct mount *source);
void propagate_umount(struct mount *m);
int mnt_master_group(const struct mount *m);	/* "master:N", 0 if not a slave */
/* fs/namespace.c, for pnode.c */
struct mount *clone_mnt(struct mount *old);
void attach_mnt(struct mount *m, const struct path *mp);
void detach_mnt(struct mount *m, struct path *old);
bool dentry_below(struct dentry *dentry, struct dentry *ancestor);

struct vfsmount *lookup_mnt(const struct path *path);
bool follow_down_mount(struct path *path);	/* into what is mounted here */
bool follow_up(struct path *path);		/* from a mount's root to its mount point */
int path_mounted(const struct path *path);
int iterate_mounts(int (*show)(struct mount *m, void *arg), void *arg);

/* Changes of the mount table, for /proc/PID/mounts pollers (fs/namespace.c). */
extern unsigned long mnt_ns_event;
extern struct wait_queue_head mnt_ns_poll;

#endif
