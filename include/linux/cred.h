/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Credentials: who a task acts as.  Real, effective, saved and filesystem
 * IDs as setresuid(2) describes them, supplementary groups, and the
 * capability sets.  A cred is shared by reference and never changed in
 * place: a change makes a new one (prepare_creds/commit_creds).
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>
#include <linux/refcount.h>
#include <uapi/linux/limits.h>

struct task_struct;
struct user_struct;

typedef u64 kernel_cap_t;
#define CAP_CHOWN		0
#define CAP_DAC_OVERRIDE	1
#define CAP_DAC_READ_SEARCH	2
#define CAP_FOWNER		3
#define CAP_FSETID		4
#define CAP_KILL		5
#define CAP_SETGID		6
#define CAP_SETUID		7
#define CAP_NET_BIND_SERVICE	10
#define CAP_SYS_MODULE		16
#define CAP_SYS_RAWIO		17
#define CAP_SYS_CHROOT		18
#define CAP_SYS_PTRACE		19
#define CAP_SYS_ADMIN		21
#define CAP_SYS_BOOT		22
#define CAP_SYS_TIME		25
#define CAP_SYSLOG		34
#define CAP_SYS_NICE		23
#define CAP_SYS_RESOURCE	24
#define CAP_MKNOD		27
#define CAP_LAST_CAP		40
#define CAP_FULL_SET		((1ULL << (CAP_LAST_CAP + 1)) - 1)



struct group_info {
	refcount_t usage;
	int ngroups;
	gid_t gid[];
};

struct cred {
	refcount_t usage;
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	kernel_cap_t cap_inheritable;
	kernel_cap_t cap_permitted;
	kernel_cap_t cap_effective;
	kernel_cap_t cap_bset;
	struct group_info *group_info;
	struct user_struct *user;	/* the real UID's accounting */
};

extern struct cred init_cred;

#define current_cred()	(current->cred)
#define current_uid()	(current_cred()->uid)
#define current_euid()	(current_cred()->euid)
#define current_gid()	(current_cred()->gid)
#define current_egid()	(current_cred()->egid)
#define current_fsuid()	(current_cred()->fsuid)
#define current_fsgid()	(current_cred()->fsgid)

struct cred *prepare_creds(void);
int commit_creds(struct cred *new);
void abort_creds(struct cred *new);
const struct cred *get_cred(const struct cred *cred);
void put_cred(const struct cred *cred);
void put_groups(struct group_info *gi);
int copy_creds(struct task_struct *p, unsigned long clone_flags);
void exit_creds(struct task_struct *p);
bool capable(int cap);
bool in_group_p(gid_t grp);

#endif
