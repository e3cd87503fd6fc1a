// SPDX-License-Identifier: GPL-2.0
/*
 * capget(2) and capset(2): reading and changing a task's capability sets.
 *
 * The ABI carries a version in its header.  Version 1 had 32-bit sets;
 * versions 2 and 3 pass two struct __user_cap_data_struct, the low and the
 * high 32 capabilities.  A caller that names an unknown version is told
 * the preferred one (the kernel writes it into the header) and gets
 * EINVAL, which is how libcap probes.  capset may only change the caller
 * itself, and only within the rules of security/commoncap.c's model:
 * permitted can only shrink, effective must stay within permitted, and
 * inheritable may grow only within permitted (or anything with
 * CAP_SETPCAP), and never beyond the bounding set.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/pid.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/errno.h>

#define CAP_VALID_MASK	CAP_FULL_SET

/* How many u32 words the header's version uses; -EINVAL (and the good version written back) if unknown. */
static int cap_validate_magic(struct __user_cap_header_struct __user *header, unsigned int *words)
{
	u32 version;

	if (get_user(version, &header->version))
		return -EFAULT;
	switch (version) {
	case _LINUX_CAPABILITY_VERSION_1:
		*words = _LINUX_CAPABILITY_U32S_1;
		return 0;
	case _LINUX_CAPABILITY_VERSION_2:
	case _LINUX_CAPABILITY_VERSION_3:
		*words = _LINUX_CAPABILITY_U32S_3;
		return 0;
	default:
		if (put_user((u32)_LINUX_CAPABILITY_VERSION_3, &header->version))
			return -EFAULT;
		return -EINVAL;
	}
}

SYSCALL_DEFINE2(capget, struct __user_cap_header_struct __user *, header,
		struct __user_cap_data_struct __user *, dataptr)
{
	struct __user_cap_data_struct kdata[2];
	kernel_cap_t eff, perm, inh;
	unsigned int words, i;
	const struct cred *cred;
	struct task_struct *p;
	int ret, pid;

	ret = cap_validate_magic(header, &words);
	/* A NULL data pointer only asks for the version: that is not an error. */
	if (!dataptr || ret)
		return (!dataptr && ret == -EINVAL) ? 0 : ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	if (pid < 0)
		return -EINVAL;
	if (pid && pid != task_pid_vnr(current)) {
		spin_lock_irq(&tasklist_lock);
		p = find_task_by_vpid(pid);
		if (!p) {
			spin_unlock_irq(&tasklist_lock);
			return -ESRCH;
		}
		cred = get_cred(p->real_cred);
		spin_unlock_irq(&tasklist_lock);
	} else {
		cred = get_cred(current_cred());
	}
	eff = cred->cap_effective;
	perm = cred->cap_permitted;
	inh = cred->cap_inheritable;
	put_cred(cred);
	for (i = 0; i < 2; i++) {
		kdata[i].effective = eff >> (32 * i);
		kdata[i].permitted = perm >> (32 * i);
		kdata[i].inheritable = inh >> (32 * i);
	}
	if (copy_to_user(dataptr, kdata, words * sizeof(kdata[0])))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE2(capset, struct __user_cap_header_struct __user *, header,
		const struct __user_cap_data_struct __user *, data)
{
	struct __user_cap_data_struct kdata[2] = { 0 };
	kernel_cap_t eff = 0, perm = 0, inh = 0;
	const struct cred *old = current_cred();
	unsigned int words, i;
	struct cred *new;
	int ret, pid;

	ret = cap_validate_magic(header, &words);
	if (ret)
		return ret;
	if (get_user(pid, &header->pid))
		return -EFAULT;
	/* Only our own sets: another task's would race with its own changes. */
	if (pid && pid != task_pid_vnr(current))
		return -EPERM;
	if (copy_from_user(kdata, data, words * sizeof(kdata[0])))
		return -EFAULT;
	for (i = 0; i < words; i++) {
		eff |= (kernel_cap_t)kdata[i].effective << (32 * i);
		perm |= (kernel_cap_t)kdata[i].permitted << (32 * i);
		inh |= (kernel_cap_t)kdata[i].inheritable << (32 * i);
	}
	eff &= CAP_VALID_MASK;
	perm &= CAP_VALID_MASK;
	inh &= CAP_VALID_MASK;

	if ((inh & ~(old->cap_inheritable | old->cap_permitted)) && !capable(CAP_SETPCAP))
		return -EPERM;
	if (inh & ~(old->cap_inheritable | old->cap_bset))
		return -EPERM;
	if (perm & ~old->cap_permitted)
		return -EPERM;
	if (eff & ~perm)
		return -EPERM;

	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->cap_effective = eff;
	new->cap_permitted = perm;
	new->cap_inheritable = inh;
	/* Ambient capabilities must stay both permitted and inheritable. */
	new->cap_ambient &= perm & inh;
	return commit_creds(new);
}
