/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* System V shared memory: shmget/shmat flags, shmctl's commands and structures (x86-64). */
#ifndef _UAPI_LINUX_SHM_H
#define _UAPI_LINUX_SHM_H

#include <uapi/linux/ipc.h>

#define SHMMIN	1
#define SHMMNI	4096
#define SHMMAX	(~0UL - (1UL << 24))	/* Linux's "no limit" that still leaves room to add */
#define SHMALL	(~0UL - (1UL << 24))
#define SHMSEG	SHMMNI

/* shmget flags beyond IPC_* */
#define SHM_HUGETLB	04000
#define SHM_NORESERVE	010000

/* shm_perm.mode bits the kernel sets */
#define SHM_DEST	01000	/* removed; destroyed at the last detach */
#define SHM_LOCKED	02000	/* SHM_LOCK: never swapped */

/* shmat flags */
#define SHM_RDONLY	010000
#define SHM_RND		020000	/* round the address down to SHMLBA */
#define SHM_REMAP	040000	/* replace what is mapped there */
#define SHM_EXEC	0100000

#define SHM_LOCK	11
#define SHM_UNLOCK	12
#define SHM_STAT	13
#define SHM_INFO	14
#define SHM_STAT_ANY	15

struct shmid64_ds {
	struct ipc64_perm shm_perm;
	size_t		shm_segsz;
	long		shm_atime;
	long		shm_dtime;
	long		shm_ctime;
	int		shm_cpid;
	int		shm_lpid;
	unsigned long	shm_nattch;
	unsigned long	__unused4;
	unsigned long	__unused5;
};

struct shminfo64 {
	unsigned long shmmax;
	unsigned long shmmin;
	unsigned long shmmni;
	unsigned long shmseg;
	unsigned long shmall;
	unsigned long __unused1;
	unsigned long __unused2;
	unsigned long __unused3;
	unsigned long __unused4;
};

struct shm_info {
	int used_ids;
	unsigned long shm_tot;	/* pages in all segments */
	unsigned long shm_rss;	/* pages present */
	unsigned long shm_swp;
	unsigned long swap_attempts;
	unsigned long swap_successes;
};

#endif
