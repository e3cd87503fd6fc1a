/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Build-time configuration, included into every kernel file.  Lantern has
 * one configuration; the knobs are named as Linux's CONFIG_ options.
 */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

#define CONFIG_X86_64		1
#define CONFIG_64BIT		1
#define CONFIG_SMP		1
#define CONFIG_NR_CPUS		64
#define CONFIG_HZ		250
#define CONFIG_PHYSICAL_START	0x100000
#define CONFIG_LOG_BUF_SHIFT	17	/* 128 KiB of printk ring buffer */


#endif
