/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* ioctls on /proc/PID/ns files (the uapi numbers of <linux/nsfs.h>). */
#ifndef _UAPI_LINUX_NSFS_H
#define _UAPI_LINUX_NSFS_H

#include <uapi/asm-generic/ioctl.h>

#define NSIO	0xb7

#define NS_GET_USERNS		_IO(NSIO, 0x1)	/* the owning user namespace */
#define NS_GET_PARENT		_IO(NSIO, 0x2)	/* the parent of a hierarchical one */
#define NS_GET_NSTYPE		_IO(NSIO, 0x3)	/* its CLONE_NEW* */
#define NS_GET_OWNER_UID	_IO(NSIO, 0x4)	/* of a user namespace: its owner */

#endif
