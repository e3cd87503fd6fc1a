/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* POSIX message queues: mq_getsetattr's attributes, mq_notify's sigevent. */
#ifndef _UAPI_LINUX_MQUEUE_H
#define _UAPI_LINUX_MQUEUE_H

#include <uapi/linux/siginfo.h>

#define MQ_PRIO_MAX	32768
#define MQ_BYTES_MAX	819200	/* RLIMIT_MSGQUEUE's default */

/*
 * SIGEV_THREAD: the last byte of the cookie sent to the netlink socket
 * says why.
 */
#define NOTIFY_NONE		0
#define NOTIFY_WOKENUP		1
#define NOTIFY_REMOVED		2
#define NOTIFY_COOKIE_LEN	32

struct mq_attr {
	long mq_flags;		/* O_NONBLOCK or 0 */
	long mq_maxmsg;		/* most messages queued */
	long mq_msgsize;	/* largest message */
	long mq_curmsgs;	/* messages queued now */
	long __reserved[4];
};

/* How a notification is delivered (also timer_create's). */
#ifndef SIGEV_SIGNAL
#define SIGEV_SIGNAL	0
#define SIGEV_NONE	1
#define SIGEV_THREAD	2	/* mq_notify: sigev_signo is a netlink socket */
#define SIGEV_THREAD_ID	4

#define SIGEV_MAX_SIZE	64
#define SIGEV_PAD_SIZE	((SIGEV_MAX_SIZE - sizeof(int) * 2 - sizeof(sigval_t)) / sizeof(int))

typedef struct sigevent {
	sigval_t sigev_value;
	int sigev_signo;
	int sigev_notify;
	union {
		int _pad[SIGEV_PAD_SIZE];
		int _tid;
		struct {
			void (*_function)(sigval_t);
			void *_attribute;
		} _sigev_thread;
	} _sigev_un;
} sigevent_t;
#endif

#endif
