/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Taint: a record, kept until reboot, that something happened which makes
 * a later bug report less trustworthy (a proprietary or out-of-tree
 * module, a WARN, an oops).  Oopses print the letters; /proc/sys/kernel/
 * tainted holds the bits.  The numbers are Linux's.
 */
#ifndef _LINUX_PANIC_H
#define _LINUX_PANIC_H

#include <linux/types.h>

#define TAINT_PROPRIETARY_MODULE	0
#define TAINT_FORCED_MODULE		1
#define TAINT_CPU_OUT_OF_SPEC		2
#define TAINT_FORCED_RMMOD		3
#define TAINT_MACHINE_CHECK		4
#define TAINT_BAD_PAGE			5
#define TAINT_USER			6
#define TAINT_DIE			7
#define TAINT_OVERRIDDEN_ACPI_TABLE	8
#define TAINT_WARN			9
#define TAINT_CRAP			10
#define TAINT_FIRMWARE_WORKAROUND	11
#define TAINT_OOT_MODULE		12
#define TAINT_UNSIGNED_MODULE		13
#define TAINT_SOFTLOCKUP		14
#define TAINT_LIVEPATCH			15
#define TAINT_AUX			16
#define TAINT_RANDSTRUCT		17
#define TAINT_FLAGS_COUNT		18

#define LOCKDEP_STILL_OK		0
#define LOCKDEP_NOW_UNRELIABLE		1

extern int tainted_mask;	/* an int: /proc/sys/kernel/tainted reads it as one */

void add_taint(unsigned int flag, int lockdep_ok);
bool test_taint(unsigned int flag);
void add_taint_flags(unsigned long flags);
/* "Not tainted" or "Tainted: P           O      " as Linux prints it. */
const char *print_tainted(void);
/* The letters of the module-related bits of @taints into @buf; returns how many. */
int module_flags_taint(unsigned long taints, char *buf);

#endif
