// SPDX-License-Identifier: GPL-2.0
/*
 * BSD process accounting: acct(2) names a file, and from then on every
 * process that ends appends one 64-byte record to it -- its command name,
 * user and group, parent, start time, elapsed, user and system time,
 * memory, page faults and exit status -- which lastcomm(1) and sa(8)
 * read.  The record is Linux's version 3 format (struct acct_v3).
 *
 * Times are in AHZ (100 Hz) ticks packed into comp_t, a 16-bit float
 * with a 13-bit mantissa and a base-8 exponent; the elapsed time is an
 * IEEE single, built here from integers since the kernel uses no FPU.
 * Turning accounting on or off needs CAP_SYS_PACCT.
 */
#include <linux/kernel.h>
#include <linux/acct.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm_types.h>
#include <linux/mutex.h>
#include <linux/namei.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <uapi/linux/capability.h>
#include <uapi/linux/fcntl.h>

#define AHZ		100
#define ACCT_VERSION	3

/* ac_flag */
#define AFORK		0x01	/* forked but never exec'd */
#define ASU		0x02	/* used superuser privileges */
#define ACORE		0x08	/* dumped core */
#define AXSIG		0x10	/* killed by a signal */

typedef u16 comp_t;

struct acct_v3 {
	char ac_flag;
	char ac_version;
	u16 ac_tty;
	u32 ac_exitcode;
	u32 ac_uid;
	u32 ac_gid;
	u32 ac_pid;
	u32 ac_ppid;
	u32 ac_btime;		/* start, seconds since the epoch */
	u32 ac_etime;		/* elapsed ticks, an IEEE single */
	comp_t ac_utime, ac_stime, ac_mem, ac_io, ac_rw, ac_minflt, ac_majflt, ac_swaps;
	char ac_comm[TASK_COMM_LEN];
};

static DEFINE_MUTEX(acct_lock);
static struct file *acct_file;

/* 13 bits of mantissa, rounded, and a 3-bit exponent of 8. */
static comp_t encode_comp_t(u64 value)
{
	int exp = 0;
	u64 round = 0;

	while (value > 0x1fff) {
		round = value & 4;	/* the highest bit shifted out */
		value >>= 3;
		exp++;
	}
	if (round && ++value > 0x1fff) {
		value >>= 3;
		exp++;
	}
	if (exp > 7)
		return 0xffff;
	return (exp << 13) | value;
}

/* @value as an IEEE 754 single: sign 0, 8 exponent bits, 23 of mantissa. */
static u32 encode_float(u64 value)
{
	int top;

	if (!value)
		return 0;
	top = 63 - __builtin_clzll(value);
	if (top > 23)
		value >>= top - 23;
	else
		value <<= 23 - top;
	return ((u32)(top + 127) << 23) | (value & 0x7fffff);
}

static u64 ns_to_ahz(u64 ns)
{
	return ns / (NSEC_PER_SEC / AHZ);
}

/*
 * The process of the exiting last thread is gone: append its record.
 * Called from do_exit before the address space is dropped.
 */
void acct_process(long exit_code)
{
	struct task_struct *tsk = current, *leader = tsk->group_leader;
	const struct cred *cred = current_cred();
	struct task_usage usage;
	struct acct_v3 ac;
	struct file *file;
	u64 now = ktime_get_ns(), elapsed;
	loff_t pos;

	if (!READ_ONCE(acct_file))
		return;
	memset(&ac, 0, sizeof(ac));
	ac.ac_version = ACCT_VERSION;
	strncpy(ac.ac_comm, tsk->comm, sizeof(ac.ac_comm) - 1);
	elapsed = now - leader->start_time;
	ac.ac_etime = encode_float(ns_to_ahz(elapsed));
	ac.ac_btime = (ktime_get_real_ns() - elapsed) / NSEC_PER_SEC;
	ac.ac_uid = cred->uid;
	ac.ac_gid = cred->gid;
	ac.ac_pid = tsk->tgid;
	spin_lock_irq(&tasklist_lock);
	ac.ac_ppid = leader->real_parent->tgid;
	thread_group_usage(tsk, &usage);
	spin_unlock_irq(&tasklist_lock);
	ac.ac_utime = encode_comp_t(ns_to_ahz(usage.utime));
	ac.ac_stime = encode_comp_t(ns_to_ahz(usage.stime));
	ac.ac_minflt = encode_comp_t(usage.min_flt);
	ac.ac_majflt = encode_comp_t(usage.maj_flt);
	if (tsk->mm)
		ac.ac_mem = encode_comp_t(tsk->mm->total_vm << (PAGE_SHIFT - 10));
	if (leader->flags & PF_FORKNOEXEC)
		ac.ac_flag |= AFORK;
	if (tsk->flags & PF_SUPERPRIV)
		ac.ac_flag |= ASU;
	if (exit_code & 0x80)
		ac.ac_flag |= ACORE;
	if (tsk->flags & PF_SIGNALED)
		ac.ac_flag |= AXSIG;
	ac.ac_exitcode = exit_code;

	mutex_lock(&acct_lock);
	file = acct_file;
	if (file) {
		pos = file->f_pos;
		if (kernel_write(file, &ac, sizeof(ac), &pos) == sizeof(ac))
			file->f_pos = pos;
	}
	mutex_unlock(&acct_lock);
}

SYSCALL_DEFINE1(acct, const char __user *, name)
{
	struct filename *tmp;
	struct file *file = NULL, *old;

	if (!capable(CAP_SYS_PACCT))
		return -EPERM;
	if (name) {
		tmp = getname(name);
		if (IS_ERR(tmp))
			return PTR_ERR(tmp);
		file = filp_open(tmp->name, O_WRONLY | O_APPEND | O_LARGEFILE, 0);
		putname(tmp);
		if (IS_ERR(file))
			return PTR_ERR(file);
		if (!S_ISREG(file_inode(file)->i_mode)) {
			fput(file);
			return -EACCES;
		}
		if (!file->f_op || (!file->f_op->write && !file->f_op->write_iter)) {
			fput(file);
			return -EIO;
		}
	}
	mutex_lock(&acct_lock);
	old = acct_file;
	acct_file = file;
	mutex_unlock(&acct_lock);
	if (old)
		fput(old);
	return 0;
}
