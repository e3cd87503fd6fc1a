/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/* inotify's ABI: the event record read(2) returns and the mask bits. */
#ifndef _UAPI_LINUX_INOTIFY_H
#define _UAPI_LINUX_INOTIFY_H

#include <linux/types.h>
#include <uapi/linux/fcntl.h>

/* One event; @len bytes of NUL-padded name follow (0 for the watch itself). */
struct inotify_event {
	__s32 wd;
	__u32 mask;
	__u32 cookie;		/* pairs IN_MOVED_FROM with its IN_MOVED_TO */
	__u32 len;
	char name[];
};

#define IN_ACCESS		0x00000001	/* read */
#define IN_MODIFY		0x00000002	/* written */
#define IN_ATTRIB		0x00000004	/* metadata changed */
#define IN_CLOSE_WRITE		0x00000008	/* a writable open closed */
#define IN_CLOSE_NOWRITE	0x00000010	/* another open closed */
#define IN_OPEN			0x00000020
#define IN_MOVED_FROM		0x00000040	/* a name left the directory */
#define IN_MOVED_TO		0x00000080	/* a name came into it */
#define IN_CREATE		0x00000100
#define IN_DELETE		0x00000200
#define IN_DELETE_SELF		0x00000400
#define IN_MOVE_SELF		0x00000800

#define IN_UNMOUNT		0x00002000	/* its filesystem went away */
#define IN_Q_OVERFLOW		0x00004000	/* events were dropped */
#define IN_IGNORED		0x00008000	/* the watch is gone */

#define IN_CLOSE		(IN_CLOSE_WRITE | IN_CLOSE_NOWRITE)
#define IN_MOVE			(IN_MOVED_FROM | IN_MOVED_TO)

#define IN_ONLYDIR		0x01000000	/* add_watch: only on a directory */
#define IN_DONT_FOLLOW		0x02000000	/* add_watch: not through a final symlink */
#define IN_EXCL_UNLINK		0x04000000	/* no events on unlinked children */
#define IN_MASK_CREATE		0x10000000	/* add_watch: EEXIST if already watched */
#define IN_MASK_ADD		0x20000000	/* add_watch: OR into the existing mask */
#define IN_ISDIR		0x40000000	/* the event's object is a directory */
#define IN_ONESHOT		0x80000000	/* one event, then IN_IGNORED */

#define IN_ALL_EVENTS	(IN_ACCESS | IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | \
			 IN_CLOSE_NOWRITE | IN_OPEN | IN_MOVED_FROM | IN_MOVED_TO | \
			 IN_DELETE | IN_CREATE | IN_DELETE_SELF | IN_MOVE_SELF)

#define IN_CLOEXEC	O_CLOEXEC
#define IN_NONBLOCK	O_NONBLOCK

#endif
