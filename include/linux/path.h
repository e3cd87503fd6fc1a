/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A place in the file tree: a dentry is only a name inside one
 * filesystem; the vfsmount says which mounted instance of it, so the
 * pair names a location unambiguously (the same tmpfs may be mounted
 * twice).  A struct path holds a reference on both.
 */
#ifndef _LINUX_PATH_H
#define _LINUX_PATH_H

#include <linux/types.h>

struct dentry;
struct vfsmount;

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

void path_get(const struct path *path);
void path_put(const struct path *path);

static inline bool path_equal(const struct path *a, const struct path *b)
{
	return a->dentry == b->dentry && a->mnt == b->mnt;
}

#endif
