/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of drivers/base/ share. */
#ifndef _DRIVERS_BASE_BASE_H
#define _DRIVERS_BASE_BASE_H

#include <linux/device.h>
#include <linux/mutex.h>

extern struct mutex class_mutex;	/* guards the class list and each class's devices */

void device_unregister_class_dev(struct device *dev);

#endif
