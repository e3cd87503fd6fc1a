/* SPDX-License-Identifier: GPL-2.0 */
/* eventfd (fs/eventfd.c): the kernel's side, for drivers that signal user space. */
#ifndef _LINUX_EVENTFD_H
#define _LINUX_EVENTFD_H

#include <linux/types.h>

struct eventfd_ctx;

struct file;

u64 eventfd_signal(struct eventfd_ctx *ctx, u64 n);
struct eventfd_ctx *eventfd_ctx_fileget(struct file *file);	/* ERR_PTR(-EINVAL): not one */

#endif
