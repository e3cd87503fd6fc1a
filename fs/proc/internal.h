/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the files of fs/proc share.  procfs keeps nothing on disk and
 * almost nothing in memory: each name is made when a path walk asks for
 * it (->lookup builds an inode on the spot) and forgotten at the last
 * dput (d_delete says so), so /proc/<pid> appears and vanishes with the
 * process without anyone having to tell procfs.
 *
 * Three kinds of names:
 *   proc_entry   a fixed file or directory (/proc/meminfo, /proc/sys/...)
 *   pid_entry    a file in every /proc/<pid> (stat, maps, fd/, cwd...)
 *   the numbers  /proc/<pid> itself and /proc/<pid>/fd/<n>
 */
#ifndef _FS_PROC_INTERNAL_H
#define _FS_PROC_INTERNAL_H

#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/pid_namespace.h>
#include <linux/seq_file.h>
#include <linux/sched.h>

#define PROC_SUPER_MAGIC	0x9fa0
#define PROC_LINK_BUF		24	/* "/proc/self" target: a number */

struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, void *v);
	/* @buf: a kernel copy of the bytes written, NUL-terminated after @count. */
	ssize_t (*write)(struct file *file, const char *buf, size_t count, loff_t *pos);
	const struct proc_entry *subdir;	/* a directory's entries */
	unsigned int nr_subdir;
	void *data;				/* show/write's own (/proc/sys: the variable) */
};

struct pid_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct seq_file *m, struct task_struct *task);
	/* Symlinks (cwd, exe, root): the target, or a negative errno. */
	int (*get_path)(struct task_struct *task, struct path *path);
	const struct inode_operations *iop;	/* directories (fd/) */
	const struct file_operations *fop;
};

/* A procfs inode.  Nothing in it changes after the lookup that made it. */
struct proc_inode {
	pid_t pid;			/* under /proc/<pid>: whose; else 0 */
	struct pid *pid_obj;		/* /proc/<pid> itself: the process, for pidfd_send_signal */
	int fd;				/* /proc/<pid>/fd/<n>: n */
	const struct proc_entry *pde;
	const struct pid_entry *pent;
	struct proc_dir_entry *dyn;	/* an entry made by proc_create/proc_mkdir */
	char link_buf[PROC_LINK_BUF];	/* /proc/self: rewritten at each get_link */
	struct inode vfs_inode;
};

static inline struct proc_inode *PROC_I(struct inode *inode)
{
	return container_of(inode, struct proc_inode, vfs_inode);
}

#define ARRAY_AND_SIZE(a)	(a), ARRAY_SIZE(a)

/* inode.c */
struct inode *proc_new_inode(struct super_block *sb, umode_t mode);
struct inode *proc_entry_inode(struct super_block *sb, const struct proc_entry *pde);
struct dentry *proc_entry_lookup(struct inode *dir, struct dentry *dentry,
				 const struct proc_entry *ents, unsigned int n);
bool proc_entries_readdir(struct dir_context *ctx, const struct proc_entry *ents,
			  unsigned int n);
loff_t proc_dir_llseek(struct file *file, loff_t offset, int whence);
void proc_set_link(struct inode *inode, const char *target);
unsigned int proc_dt_type(umode_t mode);
extern const struct dentry_operations proc_dentry_operations;

/* generic.c: run-time entries */
struct inode *proc_dyn_lookup(struct super_block *sb, struct proc_dir_entry *dir,
			      const struct qstr *name);
bool proc_dyn_readdir(struct proc_dir_entry *dir, struct dir_context *ctx, loff_t base);
void pde_put(struct proc_dir_entry *pde);

/* root.c */
bool proc_root_has_fixed(const char *name);
extern const struct inode_operations proc_root_inode_operations;
extern const struct file_operations proc_root_operations;

/* base.c: /proc/<pid> */
struct task_struct *get_proc_task(struct inode *inode);
/* The task numbered @nr in the first PID namespace (PROC_I()->pid), with a reference. */
struct task_struct *get_pid_task_nr(pid_t nr);
/* ... numbered @nr in @ns: a name under /proc. */
struct task_struct *get_pid_task_ns(pid_t nr, struct pid_namespace *ns);

/* Each PID namespace has its own /proc, which shows its processes by its numbers. */
static inline struct pid_namespace *proc_pid_ns(struct super_block *sb)
{
	return sb->s_fs_info;
}
struct inode *proc_pid_dir_inode(struct super_block *sb, struct task_struct *task);
pid_t proc_next_tgid(pid_t from, struct pid_namespace *ns);
bool proc_may_inspect(struct task_struct *task);
int proc_readlink_path(const struct path *path, char *buf, int size);

/* fd.c */
extern const struct inode_operations proc_fd_inode_operations;
extern const struct file_operations proc_fd_operations;
extern const struct inode_operations proc_fdinfo_inode_operations;
extern const struct file_operations proc_fdinfo_operations;

/* array.c, task_mmu.c: the per-process text */
int proc_pid_stat(struct seq_file *m, struct task_struct *task);
int proc_tid_stat(struct seq_file *m, struct task_struct *task);
int proc_pid_status(struct seq_file *m, struct task_struct *task);
int proc_pid_statm(struct seq_file *m, struct task_struct *task);
int proc_pid_maps(struct seq_file *m, struct task_struct *task);
int proc_pid_smaps(struct seq_file *m, struct task_struct *task);
extern const struct file_operations proc_pagemap_operations;
struct mm_struct *proc_task_mm(struct task_struct *task);

/* The system-wide files, one show function each. */
int meminfo_proc_show(struct seq_file *m, void *v);
int cmdline_proc_show(struct seq_file *m, void *v);
int version_proc_show(struct seq_file *m, void *v);
int uptime_proc_show(struct seq_file *m, void *v);
int loadavg_proc_show(struct seq_file *m, void *v);
int stat_proc_show(struct seq_file *m, void *v);
int softirqs_proc_show(struct seq_file *m, void *v);
int vmstat_proc_show(struct seq_file *m, void *v);
int interrupts_proc_show(struct seq_file *m, void *v);
int iomem_proc_show(struct seq_file *m, void *v);
int ioports_proc_show(struct seq_file *m, void *v);
int filesystems_proc_show(struct seq_file *m, void *v);
int buddyinfo_proc_show(struct seq_file *m, void *v);
int slabinfo_proc_show(struct seq_file *m, void *v);
int zoneinfo_proc_show(struct seq_file *m, void *v);
int mounts_proc_show(struct seq_file *m, void *v);
int proc_init_inodecache(void);
int proc_pid_mounts(struct seq_file *m, struct task_struct *task);
int proc_pid_mountinfo(struct seq_file *m, struct task_struct *task);
extern const struct file_operations proc_mounts_operations;	/* pollable */

/* proc_sysctl.c: /proc/sys */
extern const struct proc_entry proc_sys_entry;

/* proc_net.c: /proc/net */
#define PROC_NET_NR	9
extern const struct proc_entry proc_net_entries[PROC_NET_NR];

#endif
