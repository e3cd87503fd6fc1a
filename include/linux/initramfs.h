/* SPDX-License-Identifier: GPL-2.0 */
/* The initramfs, unpacked at boot into the root tmpfs (init/initramfs.c). */
#ifndef _LINUX_INITRAMFS_H
#define _LINUX_INITRAMFS_H

int initramfs_init(void);

/* init/do_mounts.c: mount root= as the root when the initramfs has no /init. */
bool prepare_namespace(void);

#endif
