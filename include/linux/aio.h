/* SPDX-License-Identifier: GPL-2.0 */
/* Native AIO (fs/aio.c): what the rest of the kernel sees of it. */
#ifndef _LINUX_AIO_H
#define _LINUX_AIO_H

struct mm_struct;

void exit_aio(struct mm_struct *mm);	/* mmput: the mm's contexts go */

extern int aio_max_nr;	/* /proc/sys/fs/aio-max-nr */
extern int aio_nr;	/* /proc/sys/fs/aio-nr */

#endif
