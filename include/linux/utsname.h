/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UTSNAME_H
#define _LINUX_UTSNAME_H

#include <linux/refcount.h>

#define __NEW_UTS_LEN 64

struct new_utsname {
	char sysname[__NEW_UTS_LEN + 1];
	char nodename[__NEW_UTS_LEN + 1];
	char release[__NEW_UTS_LEN + 1];
	char version[__NEW_UTS_LEN + 1];
	char machine[__NEW_UTS_LEN + 1];
	char domainname[__NEW_UTS_LEN + 1];
};

extern struct new_utsname init_uts_ns;
extern const char linux_banner[];

/*
 * A UTS namespace: its own host and domain name (kernel/utsname.c).  The
 * initial one's names are init_uts_ns; an unshare(CLONE_NEWUTS) copies
 * the names into a namespace of its own.
 */
struct uts_namespace {
	refcount_t count;
	struct new_utsname *name;
	unsigned int inum;		/* /proc/PID/ns/uts: "uts:[inum]" */
};

extern struct uts_namespace init_uts_namespace;

struct uts_namespace *copy_utsname(unsigned long flags, struct uts_namespace *old);
void put_uts_ns(struct uts_namespace *ns);

/* The names of the caller's UTS namespace. */
struct new_utsname *utsname(void);

#endif
