/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files of the initramfs, read in place from the cpio archive the boot
 * loader handed over.  This is the interim path by which exec finds
 * /init and the programs it runs until the VFS unpacks the archive into
 * a tmpfs root.
 */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

#include <linux/types.h>

struct initramfs_file {
	const char *name;	/* without the leading "/" */
	const void *data;
	size_t size;
	umode_t mode;		/* S_IFMT bits included */
	uid_t uid;
	gid_t gid;
};

int initramfs_init(void);
int initramfs_lookup(const char *path, struct initramfs_file *out);

#endif
