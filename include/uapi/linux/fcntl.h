/* SPDX-License-Identifier: GPL-2.0 */
/* open(2) flags, fcntl(2) commands and the *at() flags, as x86-64 Linux numbers them. */
#ifndef _UAPI_LINUX_FCNTL_H
#define _UAPI_LINUX_FCNTL_H

#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define FASYNC		00020000
#define O_DIRECT	00040000
#define O_LARGEFILE	00100000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_NOATIME	01000000
#define O_CLOEXEC	02000000
#define __O_SYNC	04000000
#define O_SYNC		(__O_SYNC | O_DSYNC)
#define O_PATH		010000000
#define __O_TMPFILE	020000000
#define O_NDELAY	O_NONBLOCK

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_DUPFD_CLOEXEC	1030
#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032
#define F_ADD_SEALS	1033
#define F_GET_SEALS	1034

/* File seals (memfd_create with MFD_ALLOW_SEALING) */
#define F_SEAL_SEAL		0x0001	/* no more seals */
#define F_SEAL_SHRINK		0x0002	/* size may not shrink */
#define F_SEAL_GROW		0x0004	/* size may not grow */
#define F_SEAL_WRITE		0x0008	/* contents may not change */
#define F_SEAL_FUTURE_WRITE	0x0010	/* no new writers; existing mappings stay */
#define FD_CLOEXEC	1

#define AT_FDCWD		-100
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EACCESS		0x200
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_NO_AUTOMOUNT		0x800
#define AT_EMPTY_PATH		0x1000
#define AT_RECURSIVE		0x8000	/* mount_setattr, open_tree: the whole subtree */
#define AT_STATX_SYNC_TYPE	0x6000

#define RENAME_NOREPLACE	(1 << 0)
#define RENAME_EXCHANGE		(1 << 1)
#define RENAME_WHITEOUT		(1 << 2)

/* Record locks (fcntl F_GETLK & co.); OFD: owned by the open file description. */
#define F_OFD_GETLK	36
#define F_OFD_SETLK	37
#define F_OFD_SETLKW	38

#define F_RDLCK		0
#define F_WRLCK		1
#define F_UNLCK		2

/* x86-64 layout: l_start and l_len are 64-bit, l_pid an int, 32 bytes in all. */
struct flock {
	short l_type;
	short l_whence;
	long l_start;
	long l_len;
	int l_pid;
};

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4

/* Signal-driven I/O: who gets SIGIO (or F_SETSIG's signal) for a file. */
#define F_SETOWN	8
#define F_GETOWN	9
#define F_SETSIG	10
#define F_GETSIG	11
#define F_SETOWN_EX	15
#define F_GETOWN_EX	16

#define F_OWNER_TID	0
#define F_OWNER_PID	1
#define F_OWNER_PGRP	2

struct f_owner_ex {
	int type;
	int pid;
};

/* Leases (fs/locks.c) and directory notification. */
#define F_SETLEASE	1024
#define F_GETLEASE	1025
#define F_NOTIFY	1026

/* F_NOTIFY's events (dnotify), and "keep watching after the first". */
#define DN_ACCESS	0x00000001
#define DN_MODIFY	0x00000002
#define DN_CREATE	0x00000004
#define DN_DELETE	0x00000008
#define DN_RENAME	0x00000010
#define DN_ATTRIB	0x00000020
#define DN_MULTISHOT	0x80000000

#define UTIME_NOW	((1L << 30) - 1L)
#define UTIME_OMIT	((1L << 30) - 2L)

#endif
