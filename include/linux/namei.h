/* SPDX-License-Identifier: GPL-2.0 */
/* Path-name lookup (fs/namei.c): from a string to a struct path. */
#ifndef _LINUX_NAMEI_H
#define _LINUX_NAMEI_H

#include <linux/path.h>
#include <linux/dcache.h>

#define MAXSYMLINKS	40	/* symlinks followed in one lookup, in all */

/* lookup flags */
#define LOOKUP_FOLLOW		0x0001	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x0002	/* the last component must be a directory */
#define LOOKUP_EMPTY		0x4000	/* "" names the starting point (AT_EMPTY_PATH) */
/* openat2's RESOLVE_* flags, as lookup flags. */
#define LOOKUP_NO_SYMLINKS	0x010000	/* any symlink: ELOOP */
#define LOOKUP_NO_MAGICLINKS	0x020000	/* /proc's links to open objects: ELOOP */
#define LOOKUP_NO_XDEV		0x040000	/* crossing a mount: EXDEV */
#define LOOKUP_BENEATH		0x080000	/* never leave the start (EXDEV) */
#define LOOKUP_IN_ROOT		0x100000	/* the start is "/" for this lookup */

/* What the last component of a parent lookup is. */
enum { LAST_NORM, LAST_ROOT, LAST_DOT, LAST_DOTDOT };

/* A path name copied in from user space (getname) or the kernel. */
struct filename {
	const char *name;
	char iname[];
};

struct filename *getname(const char __user *filename);
struct filename *getname_flags(const char __user *filename, unsigned int flags);
struct filename *getname_kernel(const char *filename);
void putname(struct filename *name);

int kern_path(const char *name, unsigned int flags, struct path *path);
int user_path_at(int dfd, const char __user *name, unsigned int flags, struct path *path);
int filename_lookup(int dfd, struct filename *name, unsigned int flags, struct path *path);
int vfs_path_lookup(const struct path *base, const char *name, unsigned int flags,
		    struct path *path);
struct dentry *kern_path_create(int dfd, const char *name, struct path *path,
				unsigned int lookup_flags);
struct dentry *filename_create(int dfd, struct filename *name, struct path *path,
			       unsigned int lookup_flags);
void done_path_create(struct path *path, struct dentry *dentry);
struct dentry *lookup_one_len(const char *name, struct dentry *base, int len);
/* From a mount's root to where it is mounted (false at the top); fs/namespace.c. */
bool follow_up(struct path *path);
int get_fs_path_at(int dfd, struct path *path);

#endif
