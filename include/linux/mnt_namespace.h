/* SPDX-License-Identifier: GPL-2.0 */
/* Mount namespaces (fs/namespace.c). */
#ifndef _LINUX_MNT_NAMESPACE_H
#define _LINUX_MNT_NAMESPACE_H

struct fs_struct;
struct mnt_namespace;

extern struct mnt_namespace init_mnt_ns;

/* A copy of @ns's mount tree if CLONE_NEWNS, else @ns; @fs is moved into the copy. */
struct mnt_namespace *copy_mnt_ns(unsigned long flags, struct mnt_namespace *ns,
				  struct fs_struct *fs);
void get_mnt_ns(struct mnt_namespace *ns);
void put_mnt_ns(struct mnt_namespace *ns);
unsigned int mnt_ns_inum(struct mnt_namespace *ns);
void mntns_install(struct fs_struct *fs, struct mnt_namespace *ns);

#endif
