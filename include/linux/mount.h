/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A mounted filesystem instance as the rest of the kernel sees it: which
 * superblock, which dentry of it is the top, and the per-mount flags.
 * Where it is mounted (parent, mount point) is private to fs/namespace.c
 * (struct mount in fs/mount.h).
 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

#include <linux/types.h>
#include <uapi/linux/mount.h>

struct dentry;
struct super_block;
struct path;
struct file_system_type;

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40
#define MNT_NOSYMFOLLOW	0x80	/* symbolic links on it are not followed (ELOOP) */
#define MNT_ATIME_MASK	(MNT_NOATIME | MNT_NODIRATIME | MNT_RELATIME)

struct vfsmount {
	struct dentry *mnt_root;	/* root of the mounted tree */
	struct super_block *mnt_sb;
	int mnt_flags;
};

struct vfsmount *mntget(struct vfsmount *mnt);
void mntput(struct vfsmount *mnt);
struct vfsmount *kern_mount(const char *fstype);
/* A mount of @type attached nowhere; @flags and @data go to the type's ->mount. */
struct vfsmount *vfs_kern_mount(struct file_system_type *type, int flags,
				const char *name, void *data);
bool __mnt_is_readonly(const struct vfsmount *mnt);
int mnt_want_write(struct vfsmount *mnt);	/* -EROFS on a read-only mount */

#endif
