/* SPDX-License-Identifier: GPL-2.0 */
/* inotify's limits, /proc/sys/fs/inotify/ (fs/notify/inotify/inotify_user.c). */
#ifndef _LINUX_INOTIFY_H
#define _LINUX_INOTIFY_H

#include <uapi/linux/inotify.h>

extern int inotify_max_queued_events;
extern int inotify_max_user_instances;
extern int inotify_max_user_watches;

#endif
