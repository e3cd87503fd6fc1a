/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Placement annotations for data.  __ro_after_init data is written while
 * its owner initializes and never again: for a module, the loader makes
 * its pages read-only once the module's init has returned (the kernel
 * image keeps it in .data for now).
 */
#ifndef _LINUX_CACHE_H
#define _LINUX_CACHE_H

#include <linux/compiler.h>

#define __ro_after_init	__section(".data..ro_after_init")

#endif /* _LINUX_CACHE_H */
