/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* epoll's ABI: the ctl operations, the event bits and struct epoll_event. */
#ifndef _UAPI_LINUX_EVENTPOLL_H
#define _UAPI_LINUX_EVENTPOLL_H

#include <linux/types.h>
#include <uapi/linux/fcntl.h>

#define EPOLL_CLOEXEC	O_CLOEXEC

#define EPOLL_CTL_ADD	1
#define EPOLL_CTL_DEL	2
#define EPOLL_CTL_MOD	3

/* The poll bits (<linux/poll.h>) plus these flags on the registration. */
#define EPOLLIN		0x00000001
#define EPOLLPRI	0x00000002
#define EPOLLOUT	0x00000004
#define EPOLLERR	0x00000008
#define EPOLLHUP	0x00000010
#define EPOLLNVAL	0x00000020
#define EPOLLRDNORM	0x00000040
#define EPOLLRDBAND	0x00000080
#define EPOLLWRNORM	0x00000100
#define EPOLLWRBAND	0x00000200
#define EPOLLMSG	0x00000400
#define EPOLLRDHUP	0x00002000
#define EPOLLEXCLUSIVE	(1U << 28)	/* wake one of the epolls watching a file */
#define EPOLLWAKEUP	(1U << 29)	/* hold a wakeup source (CAP_BLOCK_SUSPEND) */
#define EPOLLONESHOT	(1U << 30)	/* disable after one report */
#define EPOLLET		(1U << 31)	/* report changes, not states */

/* Packed on x86-64: 12 bytes, as the 32-bit layout it was born with. */
struct epoll_event {
	__u32 events;
	__u64 data;
} __attribute__((packed));

#endif
