/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* System V semaphores: semop's operations, semctl's commands and structures (x86-64). */
#ifndef _UAPI_LINUX_SEM_H
#define _UAPI_LINUX_SEM_H

#include <uapi/linux/ipc.h>

#define SEM_UNDO	0x1000	/* undo the operation when the process exits */

#define GETPID		11
#define GETVAL		12
#define GETALL		13
#define GETNCNT		14
#define GETZCNT		15
#define SETVAL		16
#define SETALL		17
#define SEM_STAT	18
#define SEM_INFO	19
#define SEM_STAT_ANY	20

struct semid64_ds {
	struct ipc64_perm sem_perm;
	long		sem_otime;	/* last semop */
	unsigned long	__unused1;
	long		sem_ctime;	/* last change */
	unsigned long	__unused2;
	unsigned long	sem_nsems;
	unsigned long	__unused3;
	unsigned long	__unused4;
};

struct sembuf {
	unsigned short	sem_num;
	short		sem_op;
	short		sem_flg;
};

struct seminfo {
	int semmap;
	int semmni;
	int semmns;
	int semmnu;
	int semmsl;
	int semopm;
	int semume;
	int semusz;
	int semvmx;
	int semaem;
};

/* Linux's defaults (6.1): kernel.sem is "SEMMSL SEMMNS SEMOPM SEMMNI". */
#define SEMMNI	32000
#define SEMMSL	32000
#define SEMMNS	(SEMMNI * SEMMSL)
#define SEMOPM	500
#define SEMVMX	32767
#define SEMAEM	SEMVMX
#define SEMUME	SEMOPM
#define SEMMNU	SEMMNS
#define SEMMAP	SEMMNS
#define SEMUSZ	20

#endif
