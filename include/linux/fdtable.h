/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Open files of a process: the descriptor table.  fd[n] is the struct
 * file behind descriptor n; two bitmaps say which numbers are taken
 * (open_fds, including ones reserved but not yet installed) and which
 * close at exec (close_on_exec).  The arrays grow by doubling, up to
 * RLIMIT_NOFILE.  A table is shared by the tasks of a CLONE_FILES clone
 * and copied at fork.
 */
#ifndef _LINUX_FDTABLE_H
#define _LINUX_FDTABLE_H

#include <linux/atomic.h>
#include <linux/spinlock.h>

struct task_struct;
struct file;

#define NR_OPEN_DEFAULT	64
#define NR_OPEN_MAX	(1024 * 1024)	/* fs.nr_open's default */
extern int sysctl_nr_open;	/* /proc/sys/fs/nr_open: the ceiling of RLIMIT_NOFILE */

struct fdtable {
	unsigned int max_fds;
	struct file **fd;
	unsigned long *open_fds;
	unsigned long *close_on_exec;
};

/* Locking: file_lock guards fdt and next_fd; count is atomic. */
struct files_struct {
	atomic_t count;
	spinlock_t file_lock;
	unsigned int next_fd;		/* no free descriptor below this */
	struct fdtable fdt;
};

extern struct files_struct init_files;

int copy_files(unsigned long clone_flags, struct task_struct *tsk);
void exit_files(struct task_struct *tsk);
void put_files_struct(struct files_struct *files);
void do_close_on_exec(struct files_struct *files);
int unshare_files(void);

#endif
