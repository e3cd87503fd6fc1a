/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * System V IPC as user space sees it: the permission block every message
 * queue, semaphore set and shared memory segment carries, the flags of
 * the *get calls and the control commands they share.  Layouts are the
 * x86-64 ones (the "64" structures; 64-bit Linux has no other).
 */
#ifndef _UAPI_LINUX_IPC_H
#define _UAPI_LINUX_IPC_H

#include <linux/types.h>

#define IPC_PRIVATE	((key_t)0)

/* Flags of msgget/semget/shmget (the low 9 bits are the mode). */
#define IPC_CREAT	00001000	/* create if the key is new */
#define IPC_EXCL	00002000	/* fail if the key exists */
#define IPC_NOWAIT	00004000	/* fail instead of sleeping */

/* Control commands shared by msgctl/semctl/shmctl. */
#define IPC_RMID	0
#define IPC_SET		1
#define IPC_STAT	2
#define IPC_INFO	3
#define IPC_64		0x0100		/* 32-bit callers' "new layout" bit; not on x86-64 */

typedef int key_t;

struct ipc64_perm {
	key_t		key;
	unsigned int	uid;
	unsigned int	gid;
	unsigned int	cuid;
	unsigned int	cgid;
	unsigned int	mode;
	unsigned short	seq;
	unsigned short	__pad2;
	unsigned long	__unused1;
	unsigned long	__unused2;
};

#endif
