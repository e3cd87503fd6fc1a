/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DNOTIFY_H
#define _LINUX_DNOTIFY_H

#include <linux/fs.h>

/* fcntl(fd, F_NOTIFY, arg): watch the directory @filp for arg's DN_* events. */
int fcntl_dirnotify(int fd, struct file *filp, unsigned long arg);
/* @filp is being closed by the files table @id: its watches end. */
void dnotify_flush(struct file *filp, fl_owner_t id);

#endif
