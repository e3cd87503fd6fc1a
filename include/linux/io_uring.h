/* SPDX-License-Identifier: GPL-2.0 */
/* io_uring (io_uring/): what the rest of the kernel sees of it. */
#ifndef _LINUX_IO_URING_H
#define _LINUX_IO_URING_H

/*
 * /proc/sys/kernel/io_uring_disabled, as Linux 6.6: 0 anyone may make a
 * ring, 1 only CAP_SYS_ADMIN, 2 nobody (io_uring_setup: EPERM).
 */
extern int sysctl_io_uring_disabled;

#endif
