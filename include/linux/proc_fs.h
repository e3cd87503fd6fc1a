/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What other subsystems provide to procfs: the show functions of the
 * /proc files whose text lives elsewhere.
 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/types.h>

struct seq_file;
struct file;
struct inode;
struct poll_table_struct;
struct vm_area_struct;
struct proc_dir_entry;

/*
 * The operations of a /proc file a driver or module makes with
 * proc_create() (fs/proc/generic.c).  Calls into them stop, and wait for
 * those in flight, when the entry is removed: a module removes its
 * entries in its exit function and is then safe to unload.
 */
struct proc_ops {
	unsigned int proc_flags;
	int (*proc_open)(struct inode *inode, struct file *file);
	ssize_t (*proc_read)(struct file *file, char __user *buf, size_t count, loff_t *ppos);
	ssize_t (*proc_write)(struct file *file, const char __user *buf, size_t count,
			      loff_t *ppos);
	loff_t (*proc_lseek)(struct file *file, loff_t offset, int whence);
	int (*proc_release)(struct inode *inode, struct file *file);
	__poll_t (*proc_poll)(struct file *file, struct poll_table_struct *pts);
	long (*proc_ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	int (*proc_mmap)(struct file *file, struct vm_area_struct *vma);
};

struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);
struct proc_dir_entry *proc_create_data(const char *name, umode_t mode,
					struct proc_dir_entry *parent,
					const struct proc_ops *proc_ops, void *data);
/* A read-only seq_file whose @show prints the whole file. */
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
					       struct proc_dir_entry *parent,
					       int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)
struct proc_dir_entry *proc_mkdir(const char *name, struct proc_dir_entry *parent);
struct proc_dir_entry *proc_mkdir_data(const char *name, umode_t mode,
				       struct proc_dir_entry *parent, void *data);
void proc_remove(struct proc_dir_entry *pde);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
/* The data given to proc_create_data(), from the file's inode. */
void *pde_data(const struct inode *inode);
#define PDE_DATA(inode)	pde_data(inode)

/* /proc/cpuinfo, one block per CPU (arch/x86/kernel/cpu/proc.c). */
int show_cpuinfo(struct seq_file *m, void *v);

/* /proc/devices (fs/char_dev.c). */
int devices_proc_show(struct seq_file *m, void *v);
/* /proc/bus/pci/devices (drivers/pci/proc.c). */
int pci_devices_proc_show(struct seq_file *m, void *v);

#endif /* _LINUX_PROC_FS_H */
