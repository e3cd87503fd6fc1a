// SPDX-License-Identifier: GPL-2.0
/*
 * ptrace access checks: may the current task look into (PTRACE_MODE_READ)
 * or act on (PTRACE_MODE_ATTACH) another task?  The rule Linux applies to
 * ptrace itself is reused by everything that reveals or changes another
 * process's insides: /proc/PID/mem, environ, fd and maps, kcmp,
 * process_vm_readv/writev, pidfd_getfd.
 *
 * Allowed are: a thread of the same process; a task whose user and group
 * IDs (real, effective and saved) all equal the caller's -- the caller's
 * filesystem IDs or real IDs, as the mode says -- and whose address space
 * is dumpable (a set-user-ID program, or one that called
 * prctl(PR_SET_DUMPABLE, 0), is not); or any task, for a caller with
 * CAP_SYS_PTRACE.  The ptrace system call itself is not implemented yet.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/mm_types.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/security.h>
#include <uapi/linux/capability.h>

static bool ids_match(const struct cred *cred, const struct cred *tcred, unsigned int mode)
{
	uid_t uid;
	gid_t gid;

	if (mode & PTRACE_MODE_FSCREDS) {
		uid = cred->fsuid;
		gid = cred->fsgid;
	} else {
		uid = cred->uid;
		gid = cred->gid;
	}
	return uid == tcred->uid && uid == tcred->euid && uid == tcred->suid &&
	       gid == tcred->gid && gid == tcred->egid && gid == tcred->sgid;
}

bool ptrace_may_access(struct task_struct *task, unsigned int mode)
{
	const struct cred *cred = current_cred();
	struct mm_struct *mm;
	bool dumpable = true;

	if (WARN_ON(!(mode & (PTRACE_MODE_FSCREDS | PTRACE_MODE_REALCREDS))))
		return false;
	if (task->tgid == current->tgid)
		return true;
	if (!ids_match(cred, task->real_cred, mode) && !capable(CAP_SYS_PTRACE))
		return false;
	task_lock(task);
	mm = task->mm;
	if (mm && mm->dumpable != SUID_DUMP_USER)
		dumpable = false;
	task_unlock(task);
	if (!dumpable && !capable(CAP_SYS_PTRACE))
		return false;
	/* A sandboxed caller (Landlock) reaches only tasks sandboxed as much. */
	return !security_ptrace_access_check(task);
}
