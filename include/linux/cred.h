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
#include <uapi/linux/capability.h>

struct task_struct;
struct user_struct;
struct key;

typedef u64 kernel_cap_t;
#define cap_raised(set, cap)	(!!((set) & (1ULL << (cap))))
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
	kernel_cap_t cap_ambient;	/* kept across exec of unprivileged files */
	unsigned int securebits;	/* SECBIT_* (uapi/linux/securebits.h) */
	/* Keyrings (security/keys/): thread's, process's, session's; each a reference */
	struct key *thread_keyring;
	struct key *process_keyring;
	struct key *session_keyring;
	unsigned char jit_keyring;	/* KEY_REQKEY_DEFL_*: where request_key links */
	struct group_info *group_info;
	struct user_struct *user;	/* the real UID's accounting */
	struct landlock_domain *landlock;	/* the sandbox (security/landlock/), a reference */
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

/* security/commoncap.c: the capability rules of set*id, exec and prctl */
struct linux_binprm;
void cap_task_fix_setuid(struct cred *new, const struct cred *old);
void cap_task_fix_setfsuid(struct cred *new, const struct cred *old);
int cap_bprm_creds_from_file(struct linux_binprm *bprm, struct cred *new);
int cap_task_prctl(int option, unsigned long arg2, unsigned long arg3,
		   unsigned long arg4, unsigned long arg5);
bool in_group_p(gid_t grp);

#endif
