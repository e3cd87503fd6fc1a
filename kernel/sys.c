// SPDX-License-Identifier: GPL-2.0
/*
 * The small system calls about a process itself: who it is (getpid,
 * getppid, the UID/GID family), what it may use (rlimits), what it has
 * used (getrusage, times), and a few knobs (umask, prctl, priorities,
 * uname, reboot).  UID changes follow setresuid(2)'s rules: root may set
 * anything; others may only shuffle among their real, effective and
 * saved IDs.
 */
#include <linux/kernel.h>
#include <linux/pid.h>
#include <linux/fdtable.h>
#include <linux/bitops.h>
#include <linux/ptrace.h>
#include <linux/cred.h>
#include <linux/fs_struct.h>
#include <linux/reboot.h>
#include <linux/resource.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/prctl.h>
#include <uapi/linux/time_types.h>
#include <asm/smp.h>

/* Numbers as the caller's PID namespace gives them (pid_namespace.h). */
SYSCALL_DEFINE0(getpid)
{
	return task_tgid_vnr(current);
}

SYSCALL_DEFINE0(gettid)
{
	return task_pid_vnr(current);
}

/* 0 for the init of a PID namespace: its parent is outside. */
SYSCALL_DEFINE0(getppid)
{
	pid_t ppid;

	spin_lock_irq(&tasklist_lock);
	ppid = task_tgid_vnr(current->group_leader->real_parent);
	spin_unlock_irq(&tasklist_lock);
	return ppid;
}

/*
 * Process groups and sessions (credentials(7)): a session is a login, a
 * process group a job within it.  The shell puts each pipeline in its
 * own group (setpgid) and hands the terminal to the foreground one
 * (TIOCSPGRP, drivers/tty/tty_jobctrl.c).  All of it changes under
 * tasklist_lock.
 */

/*
 * Is there a process in group @pgrp of session @sid?  tasklist_lock held.
 * A zombie still counts: it leaves its group when it is reaped, so a
 * shell can put the rest of a pipeline into the group of a first
 * command that has already exited.
 */
static bool pgrp_in_session(pid_t pgrp, pid_t sid)
{
	struct task_struct *p;

	for_each_process(p)
		if (p->exit_state != EXIT_DEAD && p->signal->pgrp == pgrp &&
		    p->signal->session == sid)
			return true;
	return false;
}

/* The rules of setpgid(2), checked for target @p.  tasklist_lock held. */
static int setpgid_check(struct task_struct *p, pid_t pgid)
{
	struct signal_struct *me = current->signal;

	if (p->tgid != current->tgid) {
		if (p->real_parent->tgid != current->tgid)
			return -ESRCH;
		if (p->signal->session != me->session)
			return -EPERM;
		/* A child that has run execve belongs to itself now. */
		if (!(p->flags & PF_FORKNOEXEC))
			return -EACCES;
	}
	if (p->signal->leader)
		return -EPERM;
	if (pgid != p->tgid && !pgrp_in_session(pgid, me->session))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE2(setpgid, pid_t, pid, pid_t, pgid)
{
	struct task_struct *p;
	int err;

	if (pgid < 0)
		return -EINVAL;
	spin_lock_irq(&tasklist_lock);
	p = pid ? find_task_by_vpid(pid) : current->group_leader;
	err = -ESRCH;
	if (p && !p->exit_state && thread_group_leader(p)) {
		/* The group is named in our namespace; kept by its first number. */
		pgid = pgid ? pid_vnr_to_global(pgid) : p->tgid;
		err = pgid > 0 ? setpgid_check(p, pgid) : -EPERM;
	}
	if (!err)
		p->signal->pgrp = pgid;
	spin_unlock_irq(&tasklist_lock);
	return err;
}

/* getpgid/getsid: the group leader's signal_struct holds both. */
static pid_t task_pgrp_or_session(pid_t pid, bool session)
{
	struct task_struct *p;
	pid_t ret = -ESRCH;

	spin_lock_irq(&tasklist_lock);
	p = pid ? find_task_by_vpid(pid) : current;
	if (p && p->exit_state != EXIT_DEAD)
		ret = pid_global_to_vnr(session ? p->signal->session : p->signal->pgrp);
	spin_unlock_irq(&tasklist_lock);
	return ret;
}

SYSCALL_DEFINE1(getpgid, pid_t, pid)
{
	return task_pgrp_or_session(pid, false);
}

SYSCALL_DEFINE0(getpgrp)
{
	return task_pgrp_or_session(0, false);
}

SYSCALL_DEFINE1(getsid, pid_t, pid)
{
	return task_pgrp_or_session(pid, true);
}

/*
 * A new session with the caller as leader of it and of a new group, and
 * no controlling terminal.  Refused to a group leader: its group's other
 * members would be left in a group whose id is a different session's.
 */
SYSCALL_DEFINE0(setsid)
{
	struct signal_struct *sig = current->signal;
	pid_t sid = current->tgid;
	struct task_struct *p;
	int err = sid;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p)
		if (p->signal->pgrp == sid || p->signal->session == sid)
			err = -EPERM;
	if (err > 0) {
		sig->leader = true;
		sig->session = sig->pgrp = sid;
		sig->tty = NULL;
		err = task_tgid_vnr(current);
	}
	spin_unlock_irq(&tasklist_lock);
	return err;
}

SYSCALL_DEFINE0(getuid)  { return current_uid(); }
SYSCALL_DEFINE0(geteuid) { return current_euid(); }
SYSCALL_DEFINE0(getgid)  { return current_gid(); }
SYSCALL_DEFINE0(getegid) { return current_egid(); }

/* -1 means "leave unchanged" in every set*id call. */
#define ID_KEEP ((unsigned int)-1)

static bool uid_allowed(const struct cred *old, uid_t id)
{
	return id == ID_KEEP || id == old->uid || id == old->euid || id == old->suid;
}

static bool gid_allowed(const struct cred *old, gid_t id)
{
	return id == ID_KEEP || id == old->gid || id == old->egid || id == old->sgid;
}

static long do_setresuid(uid_t ruid, uid_t euid, uid_t suid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETUID) &&
	    (!uid_allowed(old, ruid) || !uid_allowed(old, euid) || !uid_allowed(old, suid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (ruid != ID_KEEP)
		new->uid = ruid;
	if (euid != ID_KEEP)
		new->euid = euid;
	if (suid != ID_KEEP)
		new->suid = suid;
	new->fsuid = new->euid;
	cap_task_fix_setuid(new, old);
	return commit_creds(new);
}

static long do_setresgid(gid_t rgid, gid_t egid, gid_t sgid)
{
	const struct cred *old = current_cred();
	struct cred *new;

	if (!capable(CAP_SETGID) &&
	    (!gid_allowed(old, rgid) || !gid_allowed(old, egid) || !gid_allowed(old, sgid)))
		return -EPERM;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if (rgid != ID_KEEP)
		new->gid = rgid;
	if (egid != ID_KEEP)
		new->egid = egid;
	if (sgid != ID_KEEP)
		new->sgid = sgid;
	new->fsgid = new->egid;
	return commit_creds(new);
}

SYSCALL_DEFINE3(setresuid, uid_t, ruid, uid_t, euid, uid_t, suid)
{
	return do_setresuid(ruid, euid, suid);
}

SYSCALL_DEFINE3(setresgid, gid_t, rgid, gid_t, egid, gid_t, sgid)
{
	return do_setresgid(rgid, egid, sgid);
}

/* setuid: root sets all three; others only the effective one. */
SYSCALL_DEFINE1(setuid, uid_t, uid)
{
	if (capable(CAP_SETUID))
		return do_setresuid(uid, uid, uid);
	return do_setresuid(ID_KEEP, uid, ID_KEEP);
}

SYSCALL_DEFINE1(setgid, gid_t, gid)
{
	if (capable(CAP_SETGID))
		return do_setresgid(gid, gid, gid);
	return do_setresgid(ID_KEEP, gid, ID_KEEP);
}

/* setreuid: a changed real UID, or an effective one other than the real, sets the saved one. */
SYSCALL_DEFINE2(setreuid, uid_t, ruid, uid_t, euid)
{
	const struct cred *old = current_cred();
	uid_t suid = ID_KEEP;

	if (!capable(CAP_SETUID)) {
		if (ruid != ID_KEEP && ruid != old->uid && ruid != old->euid)
			return -EPERM;
		if (euid != ID_KEEP && !uid_allowed(old, euid))
			return -EPERM;
	}
	if (ruid != ID_KEEP || (euid != ID_KEEP && euid != old->uid))
		suid = euid != ID_KEEP ? euid : old->euid;
	return do_setresuid(ruid, euid, suid);
}

SYSCALL_DEFINE2(setregid, gid_t, rgid, gid_t, egid)
{
	const struct cred *old = current_cred();
	gid_t sgid = ID_KEEP;

	if (!capable(CAP_SETGID)) {
		if (rgid != ID_KEEP && rgid != old->gid && rgid != old->egid)
			return -EPERM;
		if (egid != ID_KEEP && !gid_allowed(old, egid))
			return -EPERM;
	}
	if (rgid != ID_KEEP || (egid != ID_KEEP && egid != old->gid))
		sgid = egid != ID_KEEP ? egid : old->egid;
	return do_setresgid(rgid, egid, sgid);
}

SYSCALL_DEFINE3(getresuid, uid_t __user *, ruidp, uid_t __user *, euidp,
		uid_t __user *, suidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->uid, ruidp) || put_user(cred->euid, euidp) ||
	    put_user(cred->suid, suidp))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresgid, gid_t __user *, rgidp, gid_t __user *, egidp,
		gid_t __user *, sgidp)
{
	const struct cred *cred = current_cred();

	if (put_user(cred->gid, rgidp) || put_user(cred->egid, egidp) ||
	    put_user(cred->sgid, sgidp))
		return -EFAULT;
	return 0;
}

/* setfsuid returns the old value whether or not it changed anything. */
SYSCALL_DEFINE1(setfsuid, uid_t, uid)
{
	const struct cred *old = current_cred();
	uid_t prev = old->fsuid;
	struct cred *new;

	if (uid != ID_KEEP && (capable(CAP_SETUID) || uid_allowed(old, uid) ||
			       uid == old->fsuid)) {
		new = prepare_creds();
		if (new) {
			new->fsuid = uid;
			cap_task_fix_setfsuid(new, old);
			commit_creds(new);
		}
	}
	return prev;
}

SYSCALL_DEFINE1(setfsgid, gid_t, gid)
{
	const struct cred *old = current_cred();
	gid_t prev = old->fsgid;
	struct cred *new;

	if (gid != ID_KEEP && (capable(CAP_SETGID) || gid_allowed(old, gid) ||
			       gid == old->fsgid)) {
		new = prepare_creds();
		if (new) {
			new->fsgid = gid;
			commit_creds(new);
		}
	}
	return prev;
}

SYSCALL_DEFINE2(getgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	const struct group_info *gi = current_cred()->group_info;

	if (gidsetsize < 0)
		return -EINVAL;
	if (!gidsetsize)
		return gi->ngroups;
	if (gidsetsize < gi->ngroups)
		return -EINVAL;
	if (copy_to_user(grouplist, gi->gid, gi->ngroups * sizeof(gid_t)))
		return -EFAULT;
	return gi->ngroups;
}

SYSCALL_DEFINE2(setgroups, int, gidsetsize, gid_t __user *, grouplist)
{
	struct group_info *gi;
	struct cred *new;

	if (!capable(CAP_SETGID))
		return -EPERM;
	if ((unsigned int)gidsetsize > NGROUPS_MAX)
		return -EINVAL;
	gi = kmalloc(sizeof(*gi) + gidsetsize * sizeof(gid_t), GFP_KERNEL);
	if (!gi)
		return -ENOMEM;
	refcount_set(&gi->usage, 1);
	gi->ngroups = gidsetsize;
	if (copy_from_user(gi->gid, grouplist, gidsetsize * sizeof(gid_t))) {
		kfree(gi);
		return -EFAULT;
	}
	new = prepare_creds();
	if (!new) {
		kfree(gi);
		return -ENOMEM;
	}
	put_groups(new->group_info);
	new->group_info = gi;
	return commit_creds(new);
}

/*
 * The execution domain and its flags (ADDR_NO_RANDOMIZE for the next
 * exec, READ_IMPLIES_EXEC for mmap).  0xffffffff only asks; any other
 * value is taken as Linux takes it.  Returns the old one.
 */
SYSCALL_DEFINE1(personality, unsigned int, personality)
{
	unsigned int old = current->personality;

	if (personality != 0xffffffff)
		current->personality = personality;
	return old;
}

SYSCALL_DEFINE1(umask, int, mask)
{
	struct fs_struct *fs = current->fs;
	int old;

	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}

SYSCALL_DEFINE1(newuname, struct new_utsname __user *, name)
{
	return copy_to_user(name, utsname(), sizeof(*name)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(sethostname, char __user *, name, int, len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(utsname()->nodename, tmp, len);
	memset(utsname()->nodename + len, 0, sizeof(utsname()->nodename) - len);
	return 0;
}

SYSCALL_DEFINE2(setdomainname, char __user *, name, int, len)
{
	char tmp[__NEW_UTS_LEN];

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (len < 0 || len > __NEW_UTS_LEN)
		return -EINVAL;
	if (copy_from_user(tmp, name, len))
		return -EFAULT;
	memcpy(utsname()->domainname, tmp, len);
	memset(utsname()->domainname + len, 0, sizeof(utsname()->domainname) - len);
	return 0;
}

/* Limits: the hard limit only goes down without CAP_SYS_RESOURCE. */
static int do_prlimit(struct task_struct *tsk, unsigned int resource,
		      struct rlimit *new_rlim, struct rlimit *old_rlim)
{
	struct rlimit *rlim;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	rlim = tsk->signal->rlim + resource;
	if (new_rlim) {
		if (new_rlim->rlim_cur > new_rlim->rlim_max)
			return -EINVAL;
		if (resource == RLIMIT_NOFILE && new_rlim->rlim_max > (unsigned int)sysctl_nr_open)
			return -EPERM;
		if (new_rlim->rlim_max > rlim->rlim_max && !capable(CAP_SYS_RESOURCE))
			return -EPERM;
	}
	if (old_rlim)
		*old_rlim = *rlim;
	if (new_rlim)
		*rlim = *new_rlim;
	return 0;
}

SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;
	int ret = do_prlimit(current, resource, NULL, &value);

	if (!ret && copy_to_user(rlim, &value, sizeof(value)))
		ret = -EFAULT;
	return ret;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, struct rlimit __user *, rlim)
{
	struct rlimit value;

	if (copy_from_user(&value, rlim, sizeof(value)))
		return -EFAULT;
	return do_prlimit(current, resource, &value, NULL);
}

static bool prlimit_permitted(struct task_struct *task)
{
	const struct cred *cred = current_cred(), *tcred;

	if (task == current)
		return true;
	tcred = task->real_cred;
	return (cred->uid == tcred->euid && cred->uid == tcred->suid &&
		cred->uid == tcred->uid && cred->gid == tcred->egid &&
		cred->gid == tcred->sgid && cred->gid == tcred->gid) ||
	       capable(CAP_SYS_RESOURCE);
}

SYSCALL_DEFINE4(prlimit64, pid_t, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim,
		struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 old64, new64;
	struct rlimit old, new;
	struct task_struct *tsk;
	int ret;

	if (new_rlim) {
		if (copy_from_user(&new64, new_rlim, sizeof(new64)))
			return -EFAULT;
		new.rlim_cur = new64.rlim_cur;
		new.rlim_max = new64.rlim_max;
	}
	tsk = pid ? find_task_by_vpid(pid) : current;
	if (!tsk)
		return -ESRCH;
	if (!prlimit_permitted(tsk))
		return -EPERM;
	ret = do_prlimit(tsk, resource, new_rlim ? &new : NULL, old_rlim ? &old : NULL);
	if (!ret && old_rlim) {
		old64.rlim_cur = old.rlim_cur;
		old64.rlim_max = old.rlim_max;
		if (copy_to_user(old_rlim, &old64, sizeof(old64)))
			ret = -EFAULT;
	}
	return ret;
}

static void ns_to_timeval(u64 ns, struct __kernel_old_timeval *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = ns % NSEC_PER_SEC / NSEC_PER_USEC;
}

static void add_task_usage(struct task_struct *t, u64 *ut, u64 *st, struct rusage *r)
{
	*ut += t->utime;
	*st += t->stime;
	r->ru_minflt += t->min_flt;
	r->ru_majflt += t->maj_flt;
	r->ru_nvcsw += t->nvcsw;
	r->ru_nivcsw += t->nivcsw;
}

static void getrusage_task(struct task_struct *p, int who, struct rusage *r)
{
	struct signal_struct *sig = p->signal;
	u64 ut = 0, st = 0;

	memset(r, 0, sizeof(*r));
	if (who == RUSAGE_CHILDREN) {
		ut = sig->cutime;
		st = sig->cstime;
		r->ru_minflt = sig->cmin_flt;
		r->ru_majflt = sig->cmaj_flt;
		r->ru_nvcsw = sig->cnvcsw;
		r->ru_nivcsw = sig->cnivcsw;
		r->ru_maxrss = sig->cmaxrss;
	} else if (who == RUSAGE_THREAD) {
		add_task_usage(p, &ut, &st, r);
		task_cputime_adjusted(p, &ut, &st);
		r->ru_maxrss = get_mm_hiwater_rss_kb(p->mm);
	} else {
		struct task_usage u;

		/* The threads already gone count too. */
		spin_lock_irq(&tasklist_lock);
		thread_group_usage(p, &u);
		spin_unlock_irq(&tasklist_lock);
		/* The precise runtime, split as the ticks saw it (cputime.c). */
		thread_group_cputime_adjusted(p, &ut, &st);
		r->ru_minflt = u.min_flt;
		r->ru_majflt = u.maj_flt;
		r->ru_nvcsw = u.nvcsw;
		r->ru_nivcsw = u.nivcsw;
		r->ru_maxrss = get_mm_hiwater_rss_kb(p->mm);
	}
	ns_to_timeval(ut, &r->ru_utime);
	ns_to_timeval(st, &r->ru_stime);
}

SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	struct rusage r;

	if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
		return -EINVAL;
	getrusage_task(current, who, &r);
	return copy_to_user(ru, &r, sizeof(r)) ? -EFAULT : 0;
}

static long ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

/* Like Linux, a bad pointer is -EFAULT; the return value is clock ticks since boot. */
SYSCALL_DEFINE1(times, struct __kernel_tms __user *, tbuf)
{
	if (tbuf) {
		struct __kernel_tms tmp;
		struct rusage self;

		getrusage_task(current, RUSAGE_SELF, &self);
		tmp.tms_utime = self.ru_utime.tv_sec * USER_HZ +
				self.ru_utime.tv_usec / (USEC_PER_SEC / USER_HZ);
		tmp.tms_stime = self.ru_stime.tv_sec * USER_HZ +
				self.ru_stime.tv_usec / (USEC_PER_SEC / USER_HZ);
		tmp.tms_cutime = ns_to_clock_t(current->signal->cutime);
		tmp.tms_cstime = ns_to_clock_t(current->signal->cstime);
		if (copy_to_user(tbuf, &tmp, sizeof(tmp)))
			return -EFAULT;
	}
	return ns_to_clock_t(ktime_get_boottime_ns());
}

static int set_one_prio(struct task_struct *p, int niceval)
{
	const struct cred *cred = current_cred(), *pcred = p->real_cred;

	if (pcred->uid != cred->euid && pcred->euid != cred->euid &&
	    !capable(CAP_SYS_NICE))
		return -EPERM;
	if (niceval < task_nice(p) && !capable(CAP_SYS_NICE))
		return -EACCES;
	set_user_nice(p, niceval);
	return 0;
}

/* Which tasks a PRIO_* selector names; returns how many matched. */
static int for_each_prio_target(int which, int who, int (*fn)(struct task_struct *, void *),
				void *arg)
{
	struct task_struct *p;
	int found = 0, err = 0;
	pid_t pgrp = current->signal->pgrp;

	if (which == PRIO_PGRP && who) {
		pgrp = pid_vnr_to_global(who);
		if (pgrp <= 0)
			return -ESRCH;
	}
	if (which == PRIO_PROCESS) {
		p = who ? find_task_by_vpid(who) : current;
		if (!p)
			return -ESRCH;
		err = fn(p, arg);
		return err ? err : 1;
	}
	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		bool match = which == PRIO_PGRP ?
			p->signal->pgrp == pgrp :
			p->real_cred->uid == (who ? (uid_t)who : current_uid());

		if (!match || p->exit_state)
			continue;
		found++;
		err = fn(p, arg) ? : err;
	}
	spin_unlock_irq(&tasklist_lock);
	if (!found)
		return -ESRCH;
	return err ? err : found;
}

static int setprio_fn(struct task_struct *p, void *arg)
{
	return set_one_prio(p, *(int *)arg);
}

static int getprio_fn(struct task_struct *p, void *arg)
{
	int *best = arg;
	int v = 20 - task_nice(p);

	if (v > *best)
		*best = v;
	return 0;
}

SYSCALL_DEFINE3(setpriority, int, which, int, who, int, niceval)
{
	int ret;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	niceval = clamp(niceval, MIN_NICE, MAX_NICE);
	ret = for_each_prio_target(which, who, setprio_fn, &niceval);
	return ret < 0 ? ret : 0;
}

/* The raw call returns 20 - nice (1..40), so that no value looks like an error. */
SYSCALL_DEFINE2(getpriority, int, which, int, who)
{
	int best = 0, ret;

	if (which > PRIO_USER || which < PRIO_PROCESS)
		return -EINVAL;
	ret = for_each_prio_target(which, who, getprio_fn, &best);
	return ret < 0 ? ret : best;
}

/*
 * A process that becomes a subreaper: descendants created before now must
 * also look for it when their parent dies (has_child_subreaper is what
 * fork copies, so later children inherit it anyway).
 */
static void mark_descendants_subreaped(struct task_struct *me)
{
	struct task_struct *p;

	spin_lock_irq(&tasklist_lock);
	for_each_process(p) {
		struct task_struct *a;

		for (a = p->real_parent; a && a->pid > 1; a = a->real_parent)
			if (a->signal == me->signal) {
				p->signal->has_child_subreaper = true;
				break;
			}
	}
	spin_unlock_irq(&tasklist_lock);
}

/*
 * PR_SET_MM: checkpoint/restore tools rewrite where /proc/<pid>/stat and
 * cmdline say the areas of the address space are.  Only the addresses
 * are recorded; nothing is mapped or moved.
 */
static long prctl_set_mm(unsigned long opt, unsigned long addr,
			 unsigned long arg4, unsigned long arg5)
{
	struct mm_struct *mm = current->mm;
	unsigned long *field;

	if (!capable(CAP_SYS_RESOURCE))
		return -EPERM;
	if (arg4 || arg5 || addr >= TASK_SIZE_MAX || !mm)
		return -EINVAL;
	switch (opt) {
	case PR_SET_MM_START_CODE:	field = &mm->start_code; break;
	case PR_SET_MM_END_CODE:	field = &mm->end_code; break;
	case PR_SET_MM_START_DATA:	field = &mm->start_data; break;
	case PR_SET_MM_END_DATA:	field = &mm->end_data; break;
	case PR_SET_MM_START_STACK:	field = &mm->start_stack; break;
	case PR_SET_MM_START_BRK:	field = &mm->start_brk; break;
	case PR_SET_MM_BRK:		field = &mm->brk; break;
	case PR_SET_MM_ARG_START:	field = &mm->arg_start; break;
	case PR_SET_MM_ARG_END:		field = &mm->arg_end; break;
	case PR_SET_MM_ENV_START:	field = &mm->env_start; break;
	case PR_SET_MM_ENV_END:		field = &mm->env_end; break;
	default:
		return -EINVAL;
	}
	mmap_write_lock(mm);
	*field = addr;
	mmap_write_unlock(mm);
	return 0;
}

SYSCALL_DEFINE5(prctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	char comm[TASK_COMM_LEN] = { 0 };	/* copied out whole: no stack bytes */
	long ret;

	/* The capability options belong to the capability model. */
	ret = cap_task_prctl(option, arg2, arg3, arg4, arg5);
	if (ret != -ENOSYS)
		return ret;

	switch (option) {
	case PR_SET_NAME:
		if (strncpy_from_user(comm, (const char __user *)arg2, sizeof(comm)) < 0)
			return -EFAULT;
		comm[sizeof(comm) - 1] = '\0';
		set_task_comm(current, comm);
		return 0;
	case PR_GET_NAME:
		get_task_comm(comm, current);
		return copy_to_user((char __user *)arg2, comm, sizeof(comm)) ? -EFAULT : 0;
	case PR_SET_PDEATHSIG:
		if (arg2 > _NSIG)
			return -EINVAL;
		current->pdeath_signal = arg2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user(current->pdeath_signal, (int __user *)arg2);
	case PR_GET_DUMPABLE:
		return current->mm ? current->mm->dumpable : 0;
	case PR_SET_DUMPABLE:
		if (arg2 != SUID_DUMP_DISABLE && arg2 != SUID_DUMP_USER)
			return -EINVAL;
		if (current->mm)
			current->mm->dumpable = arg2;
		return 0;
	case PR_SET_TIMERSLACK:
		/* 0 (or "negative") restores the slack the task started with. */
		current->timer_slack_ns = (long)arg2 <= 0 ? current->default_timer_slack_ns : arg2;
		return 0;
	case PR_GET_TIMERSLACK:
		return current->timer_slack_ns > LONG_MAX ? LONG_MAX : current->timer_slack_ns;
	case PR_SET_CHILD_SUBREAPER:
		current->signal->is_child_subreaper = !!arg2;
		if (arg2)
			mark_descendants_subreaped(current);
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user((int)current->signal->is_child_subreaper, (int __user *)arg2);
	case PR_SET_NO_NEW_PRIVS:
		/* One way only: nothing may turn it off again. */
		if (arg2 != 1 || arg3 || arg4 || arg5)
			return -EINVAL;
		set_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags);
		return 0;
	case PR_GET_NO_NEW_PRIVS:
		if (arg2 || arg3 || arg4 || arg5)
			return -EINVAL;
		return test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags);
	case PR_GET_TID_ADDRESS:
		return put_user((unsigned long)current->clear_child_tid,
				(unsigned long __user *)arg2);
	case PR_SET_MM:
		return prctl_set_mm(arg2, arg3, arg4, arg5);
	case PR_GET_SECCOMP:
		return prctl_get_seccomp();
	case PR_SET_SECCOMP:
		return prctl_set_seccomp(arg2, (void __user *)arg3);
	case PR_GET_TSC:
		return get_tsc_mode(arg2);
	case PR_SET_TSC:
		return set_tsc_mode(arg2);
	default:
		return -EINVAL;
	}
}

SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd,
		void __user *, arg)
{
	if (!capable(CAP_SYS_BOOT))
		return -EPERM;
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != 85072278 &&
	     magic2 != 369367448 && magic2 != 537993216))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		pr_emerg("reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
		pr_emerg("reboot: System halted\n");
		machine_halt();
	case LINUX_REBOOT_CMD_POWER_OFF:
		kernel_power_off();
		machine_halt();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}

void set_task_comm(struct task_struct *tsk, const char *from)
{
	strscpy(tsk->comm, from, sizeof(tsk->comm));
}

char *get_task_comm(char *to, struct task_struct *tsk)
{
	strscpy(to, tsk->comm, TASK_COMM_LEN);
	return to;
}
EXPORT_SYMBOL(get_task_comm);
