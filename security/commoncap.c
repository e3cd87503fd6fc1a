// SPDX-License-Identifier: GPL-2.0
/*
 * The capability rules (the "commoncap" security model).
 *
 * A task holds five capability sets in its cred: permitted (what it may
 * ever use), effective (what capable() checks now), inheritable (what may
 * pass through an execve to programs that ask for it), bounding (an upper
 * limit exec can never exceed) and ambient (what an ordinary, unprivileged
 * program keeps across execve).  UID 0 is special only through the rules
 * here: exec gives root every capability in the bounding set, and leaving
 * UID 0 with setuid() drops them.  The securebits switch each of those
 * special cases off, so a process tree can run as root without power or
 * keep power without being root.  Capabilities from a file's
 * security.capability attribute are not read yet: Lantern's filesystems
 * have no extended attributes, so every file is a file without them.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/binfmts.h>
#include <linux/fs.h>
#include <linux/mm_types.h>
#include <linux/errno.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/securebits.h>

#define CAP_BIT(c)	(1ULL << (c))

/* The capabilities that follow the filesystem UID rather than the effective one. */
#define CAP_FS_MASK	(CAP_BIT(CAP_CHOWN) | CAP_BIT(CAP_DAC_OVERRIDE) | \
			 CAP_BIT(CAP_DAC_READ_SEARCH) | CAP_BIT(CAP_FOWNER) | \
			 CAP_BIT(CAP_FSETID) | CAP_BIT(CAP_LINUX_IMMUTABLE) | \
			 CAP_BIT(CAP_MAC_OVERRIDE) | CAP_BIT(CAP_MKNOD))

static bool issecure(const struct cred *cred, int bit)
{
	return cred->securebits & issecure_mask(bit);
}

/*
 * After a set*uid call: a process that gives up every UID 0 (real,
 * effective and saved) loses its permitted and effective sets, unless it
 * asked to keep them (PR_SET_KEEPCAPS); ambient always goes.  Changing
 * only the effective UID to or from 0 moves the effective set.
 */
void cap_task_fix_setuid(struct cred *new, const struct cred *old)
{
	if (issecure(old, SECURE_NO_SETUID_FIXUP))
		return;
	if ((old->uid == 0 || old->euid == 0 || old->suid == 0) &&
	    new->uid && new->euid && new->suid) {
		if (!issecure(old, SECURE_KEEP_CAPS)) {
			new->cap_permitted = 0;
			new->cap_effective = 0;
		}
		new->cap_ambient = 0;
	}
	if (old->euid == 0 && new->euid)
		new->cap_effective = 0;
	if (old->euid && new->euid == 0)
		new->cap_effective = new->cap_permitted;
}

/* setfsuid: the filesystem capabilities follow fsuid 0 in and out. */
void cap_task_fix_setfsuid(struct cred *new, const struct cred *old)
{
	if (issecure(old, SECURE_NO_SETUID_FIXUP))
		return;
	if (old->fsuid == 0 && new->fsuid)
		new->cap_effective &= ~CAP_FS_MASK;
	else if (old->fsuid && new->fsuid == 0)
		new->cap_effective |= new->cap_permitted & CAP_FS_MASK;
}

/*
 * The capabilities of a program after execve.  @new already holds the IDs
 * exec chose (set-user-ID applied).  With file capabilities absent, root
 * (real or effective UID 0, unless SECBIT_NOROOT) is treated as if the file
 * granted everything:
 *	P'(permitted) = (P(inheritable) & F(inheritable)) | (F(permitted) & bounding)
 *	P'(ambient)   = privileged file ? 0 : P(ambient)
 *	P'(effective) = F(effective) ? P'(permitted) : P'(ambient)
 * Under no_new_privs nothing grows.
 */
int cap_bprm_creds_from_file(struct linux_binprm *bprm, struct cred *new)
{
	const struct cred *old = current_cred();
	kernel_cap_t fp = 0, fi = 0;
	bool fe = false, id_changed;

	if (!issecure(new, SECURE_NOROOT) && (new->euid == 0 || new->uid == 0)) {
		fp = fi = CAP_FULL_SET;
		fe = new->euid == 0;
	}
	id_changed = new->euid != old->uid || new->egid != old->gid;

	new->cap_permitted = (old->cap_inheritable & fi) | (fp & old->cap_bset);
	/* A set-ID program starts without ambient capabilities. */
	if (id_changed)
		new->cap_ambient = 0;
	new->cap_permitted |= new->cap_ambient;

	/*
	 * no_new_privs, or a tracer without CAP_SYS_PTRACE: exec already
	 * ignored the set-ID bits; the permitted set may not grow beyond
	 * what the caller had either.
	 */
	if (test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags) || bprm->unsafe_ptrace)
		new->cap_permitted &= old->cap_permitted;
	new->suid = new->fsuid = new->euid;
	new->sgid = new->fsgid = new->egid;

	new->cap_effective = fe ? new->cap_permitted : new->cap_ambient;
	new->cap_inheritable = old->cap_inheritable;
	new->cap_ambient &= new->cap_permitted & new->cap_inheritable;
	/* Keep-caps lasts only until the next exec. */
	new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);

	/*
	 * AT_SECURE: the C library must distrust the environment when the
	 * IDs differ or an unprivileged user gained capabilities.
	 */
	bprm->secureexec = new->euid != new->uid || new->egid != new->gid ||
		(new->uid != 0 && (new->cap_permitted & ~new->cap_ambient));
	return 0;
}

static int prctl_set_securebits(unsigned long bits)
{
	const struct cred *old = current_cred();
	struct cred *new;

	/* A locked bit may not change; a set lock may not be cleared. */
	if ((((old->securebits & SECURE_ALL_LOCKS) >> 1) & (old->securebits ^ bits)) ||
	    (old->securebits & SECURE_ALL_LOCKS & ~bits) ||
	    (bits & ~(unsigned long)(SECURE_ALL_LOCKS | SECURE_ALL_BITS)) ||
	    !capable(CAP_SETPCAP))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->securebits = bits;
	return commit_creds(new);
}

static int prctl_cap_ambient(unsigned long op, unsigned long cap,
			     unsigned long arg4, unsigned long arg5)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (op == PR_CAP_AMBIENT_CLEAR_ALL) {
		if (cap || arg4 || arg5)
			return -EINVAL;
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		new->cap_ambient = 0;
		return commit_creds(new);
	}
	if (arg4 || arg5 || !cap_valid((long)cap))
		return -EINVAL;
	switch (op) {
	case PR_CAP_AMBIENT_IS_SET:
		return cap_raised(old->cap_ambient, cap);
	case PR_CAP_AMBIENT_RAISE:
	case PR_CAP_AMBIENT_LOWER:
		/* Only what is both permitted and inheritable may be ambient. */
		if (op == PR_CAP_AMBIENT_RAISE &&
		    (!cap_raised(old->cap_permitted, cap) ||
		     !cap_raised(old->cap_inheritable, cap) ||
		     issecure(old, SECURE_NO_CAP_AMBIENT_RAISE)))
			return -EPERM;
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		if (op == PR_CAP_AMBIENT_RAISE)
			new->cap_ambient |= CAP_BIT(cap);
		else
			new->cap_ambient &= ~CAP_BIT(cap);
		return commit_creds(new);
	default:
		return -EINVAL;
	}
}

/* The prctl options of the capability model; -ENOSYS means "not mine". */
int cap_task_prctl(int option, unsigned long arg2, unsigned long arg3,
		   unsigned long arg4, unsigned long arg5)
{
	const struct cred *old = current_cred();
	struct cred *new;

	switch (option) {
	case PR_CAPBSET_READ:
		if (!cap_valid((long)arg2))
			return -EINVAL;
		return cap_raised(old->cap_bset, arg2);
	case PR_CAPBSET_DROP:
		if (!capable(CAP_SETPCAP))
			return -EPERM;
		if (!cap_valid((long)arg2))
			return -EINVAL;
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		new->cap_bset &= ~CAP_BIT(arg2);
		return commit_creds(new);
	case PR_SET_SECUREBITS:
		return prctl_set_securebits(arg2);
	case PR_GET_SECUREBITS:
		return old->securebits;
	case PR_GET_KEEPCAPS:
		return issecure(old, SECURE_KEEP_CAPS);
	case PR_SET_KEEPCAPS:
		if (arg2 > 1)
			return -EINVAL;
		if (issecure(old, SECURE_KEEP_CAPS_LOCKED))
			return -EPERM;
		new = prepare_creds();
		if (!new)
			return -ENOMEM;
		if (arg2)
			new->securebits |= issecure_mask(SECURE_KEEP_CAPS);
		else
			new->securebits &= ~issecure_mask(SECURE_KEEP_CAPS);
		return commit_creds(new);
	case PR_CAP_AMBIENT:
		return prctl_cap_ambient(arg2, arg3, arg4, arg5);
	default:
		return -ENOSYS;
	}
}
