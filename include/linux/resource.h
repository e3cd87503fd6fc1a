/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RESOURCE_H
#define _LINUX_RESOURCE_H

#include <uapi/linux/resource.h>

/* Limits of PID 1, inherited by everything it starts. */
#define _STK_LIM		(8 * 1024 * 1024)
#define MLOCK_LIMIT		(8 * 1024 * 1024)
#define INR_OPEN_CUR		1024
#define INR_OPEN_MAX		4096

#endif
