/* SPDX-License-Identifier: GPL-2.0 */
/* From descriptor numbers to struct file and back (fs/file.c). */
#ifndef _LINUX_FILE_H
#define _LINUX_FILE_H

#include <linux/types.h>

struct file;

struct file *fget(unsigned int fd);		/* a reference, or NULL */
struct file *fget_raw(unsigned int fd);		/* also O_PATH files */
int get_unused_fd_flags(unsigned int flags);	/* O_CLOEXEC */
void put_unused_fd(unsigned int fd);
void fd_install(unsigned int fd, struct file *file);
int close_fd(unsigned int fd);
int replace_fd(unsigned int fd, struct file *file, unsigned int flags);
void set_close_on_exec(unsigned int fd, int flag);
int f_dupfd(unsigned int from, struct file *file, unsigned int flags);
bool get_close_on_exec(unsigned int fd);

#endif
