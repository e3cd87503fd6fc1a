/* SPDX-License-Identifier: GPL-2.0 */
/* /proc/PID/ns files (fs/proc/namespaces.c) and setns(2). */
#ifndef _LINUX_PROC_NS_H
#define _LINUX_PROC_NS_H

struct file;

extern const struct file_operations proc_ns_file_operations;
extern const struct inode_operations proc_ns_inode_operations;

/* The namespace an open /proc/PID/ns file holds and its CLONE_NEW* type, or ERR_PTR(-EINVAL). */
void *proc_ns_file_ns(struct file *file, int *type);

#endif
