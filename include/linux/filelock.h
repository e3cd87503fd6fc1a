/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Byte-range record locks taken through fcntl (fs/locks.c): POSIX locks,
 * owned by a process's descriptor table, and open file description (OFD)
 * locks, owned by one struct file.
 */
#ifndef _LINUX_FILELOCK_H
#define _LINUX_FILELOCK_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/wait.h>

#define OFFSET_MAX	MAX_LFS_FILESIZE	/* fl_end of a lock "to the end of the file" */

/* fl_flags */
#define FL_POSIX	0x1	/* owner: current->files (F_SETLK) */
#define FL_OFDLCK	0x2	/* owner: the struct file (F_OFD_SETLK) */
#define FL_SLEEP	0x4	/* a request that may wait (F_SETLKW, F_OFD_SETLKW) */
#define FL_FLOCK	0x8	/* owner: the struct file (flock(2)); whole file */
#define FL_LEASE	0x10	/* owner: the struct file (F_SETLEASE); whole file */

/* flock(2) operations */
#define LOCK_SH		1
#define LOCK_EX		2
#define LOCK_NB		4
#define LOCK_UN		8
#define LOCK_MAND	32

/* posix_lock_inode(): the request now waits on fl_blocker. */
#define FILE_LOCK_DEFERRED	1

/*
 * One struct serves both as a granted lock, on its inode's i_flock list,
 * and as a request, which lives on its caller's stack and, while it
 * waits, hangs on the lock in its way.
 *
 * Locking: file_lock_mutex (fs/locks.c) guards every field below of
 * every lock and request, each inode's i_flock list and the list of
 * waiting requests; only the waiter itself reads fl_blocker unlocked,
 * to learn that it may try again.
 */
struct file_lock {
	struct file_lock *fl_next;		/* granted: the next lock of the inode */
	struct list_head fl_blocked_requests;	/* granted: requests waiting for it */
	struct list_head fl_blocked_member;	/* request: in its blocker's list */
	struct list_head fl_link;		/* POSIX request: in blocked_list */
	struct file_lock *fl_blocker;		/* request: the lock it waits for */
	wait_queue_head_t fl_wait;		/* request: sleeps here */
	fl_owner_t fl_owner;
	unsigned int fl_flags;
	unsigned char fl_type;			/* F_RDLCK, F_WRLCK, F_UNLCK */
	pid_t fl_pid;				/* tgid of the locker; reported by F_GETLK */
	loff_t fl_start;
	loff_t fl_end;				/* inclusive; OFFSET_MAX: no end */
	/* Leases: being broken since (0: not), to what type, and the fd SIGIO names. */
	unsigned long fl_break_time;
	unsigned char fl_downgrade_to;
	int fl_fd;
};

int fcntl_getlk(struct file *filp, unsigned int cmd, struct flock __user *flock);
int fcntl_setlk(unsigned int fd, struct file *filp, unsigned int cmd,
		struct flock __user *flock);
void locks_remove_posix(struct file *filp, fl_owner_t owner);
void locks_remove_file(struct file *filp);
int fcntl_setlease(unsigned int fd, struct file *filp, int arg);
int fcntl_getlease(struct file *filp);
int break_lease(struct inode *inode, unsigned int flags);	/* open flags */

#endif
