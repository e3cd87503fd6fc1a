/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Files with no name in any directory (eventfd, timerfd, signalfd, ...):
 * each gets a dentry "anon_inode:[name]" (what /proc/PID/fd shows) on
 * one inode they all share, in the internal anon_inodefs.
 */
#ifndef _LINUX_ANON_INODES_H
#define _LINUX_ANON_INODES_H

struct file;
struct file_operations;

struct file *anon_inode_getfile(const char *name, const struct file_operations *fops,
				void *priv, int flags);
int anon_inode_getfd(const char *name, const struct file_operations *fops,
		     void *priv, int flags);
/* As anon_inode_getfd, on an inode of its own numbered @ino (nsfs-style identities). */
int anon_inode_getfd_ino(const char *name, const struct file_operations *fops,
			 void *priv, int flags, unsigned long ino);

#endif
