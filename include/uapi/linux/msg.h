/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* System V message queues: msgctl's structures and msgrcv's flags (x86-64). */
#ifndef _UAPI_LINUX_MSG_H
#define _UAPI_LINUX_MSG_H

#include <uapi/linux/ipc.h>

#define MSG_STAT	11
#define MSG_INFO	12
#define MSG_STAT_ANY	13

#define MSG_NOERROR	010000	/* truncate a too long message instead of E2BIG */
#define MSG_EXCEPT	020000	/* the first message whose type is not msgtyp */
#define MSG_COPY	040000	/* copy the msgtyp-th message, leave it queued */

struct msqid64_ds {
	struct ipc64_perm msg_perm;
	long		msg_stime;	/* last msgsnd */
	long		msg_rtime;	/* last msgrcv */
	long		msg_ctime;	/* last change */
	unsigned long	msg_cbytes;	/* bytes queued */
	unsigned long	msg_qnum;	/* messages queued */
	unsigned long	msg_qbytes;	/* most bytes the queue may hold */
	int		msg_lspid;
	int		msg_lrpid;
	unsigned long	__unused4;
	unsigned long	__unused5;
};

struct msginfo {
	int msgpool;
	int msgmap;
	int msgmax;
	int msgmnb;
	int msgmni;
	int msgssz;
	int msgtql;
	unsigned short msgseg;
};

/* Linux's defaults (6.1): the sysctls kernel.msgmax, msgmnb, msgmni start here. */
#define MSGMNI	32000
#define MSGMAX	8192
#define MSGMNB	16384
#define MSGPOOL	(MSGMNI * MSGMNB / 1024)
#define MSGTQL	MSGMNB
#define MSGMAP	MSGMNB
#define MSGSSZ	16
#define __MSGSEG	((MSGPOOL * 1024) / MSGSSZ)
#define MSGSEG	(__MSGSEG <= 0xffff ? __MSGSEG : 0xffff)

#endif
