/* SPDX-License-Identifier: GPL-2.0 */
/* The magic SysRq keys, through /proc/sysrq-trigger (drivers/tty/sysrq.c). */
#ifndef _LINUX_SYSRQ_H
#define _LINUX_SYSRQ_H

#include <linux/types.h>

struct file;
void handle_sysrq(int key);
ssize_t write_sysrq_trigger(struct file *file, const char *buf, size_t count,
			    loff_t *ppos);

#endif
