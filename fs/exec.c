// SPDX-License-Identifier: GPL-2.0
/*
 * execve: replace the calling process's program, as in the seed's
 * "execve() replaces child with ls": load the ELF, set up a new address
 * space, initialize the stack with args and environment, jump to the
 * entry point.
 *
 * The order matters.  Everything that can fail with an error the caller
 * can still see (no such file, no permission, bad arguments, a format
 * nobody knows) is checked while the old program is intact.  Then comes
 * the point of no return (begin_new_exec): the old address space is
 * dropped; from there a failure can only kill the process.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/rseq.h>
#include <linux/ptrace.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/key.h>
#include <linux/err.h>
#include <linux/fdtable.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/namei.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/fsnotify.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/mm_vma.h>
#include <linux/pid.h>
#include <linux/resource.h>
#include <trace/events/sched.h>
#include <uapi/linux/auxvec.h>
#include <uapi/linux/limits.h>
#include <uapi/linux/personality.h>
#include <uapi/linux/stat.h>

static const struct linux_binfmt *const formats[] = { &elf_format, &script_format };

/* Room for @more bytes of strings, growing the buffer geometrically. */
static int args_reserve(struct linux_binprm *bprm, size_t more)
{
	size_t need = bprm->args_size + more, size;
	char *n;

	if (need > bprm->args_limit)
		return -E2BIG;
	if (need <= bprm->args_alloc)
		return 0;
	size = max_t(size_t, need, max_t(size_t, bprm->args_alloc * 2, PAGE_SIZE));
	size = min(size, bprm->args_limit);
	n = vmalloc(size);
	if (!n)
		return -ENOMEM;
	if (bprm->args) {
		memcpy(n, bprm->args, bprm->args_size);
		vfree(bprm->args);
	}
	bprm->args = n;
	bprm->args_alloc = size;
	return 0;
}

static int args_append(struct linux_binprm *bprm, const char *s, size_t len)
{
	int err = args_reserve(bprm, len);

	if (err)
		return err;
	memcpy(bprm->args + bprm->args_size, s, len);
	bprm->args_size += len;
	return 0;
}

/* How many pointers until NULL: -EFAULT on a bad array, -E2BIG on too many. */
static int count_strings(const char __user *const __user *argv, int max)
{
	int i = 0;

	if (!argv)
		return 0;
	for (;;) {
		const char __user *p;

		if (get_user(p, argv + i))
			return -EFAULT;
		if (!p)
			return i;
		if (++i > max)
			return -E2BIG;
		if (fatal_signal_pending(current))
			return -ERESTARTNOHAND;
	}
}

static int copy_strings(struct linux_binprm *bprm, int count,
			const char __user *const __user *argv)
{
	int i, err;

	for (i = 0; i < count; i++) {
		const char __user *str;
		long len;

		if (get_user(str, argv + i))
			return -EFAULT;
		len = strnlen_user(str, MAX_ARG_STRLEN);
		if (!len)
			return -EFAULT;
		if (len > (long)MAX_ARG_STRLEN)
			return -E2BIG;
		err = args_reserve(bprm, len);
		if (err)
			return err;
		if (copy_from_user(bprm->args + bprm->args_size, str, len))
			return -EFAULT;
		/* The string may have changed since strnlen_user measured it. */
		if (bprm->args[bprm->args_size + len - 1] != '\0')
			return -EFAULT;
		bprm->args_size += len;
	}
	return 0;
}

/*
 * Linux's limit on arguments: a quarter of the stack rlimit (at most
 * 3/4 of 8 MiB, at least 32 pages), minus the pointers to them.
 */
static int bprm_stack_limits(struct linux_binprm *bprm)
{
	unsigned long limit = min(_STK_LIM / 4 * 3UL, rlimit(RLIMIT_STACK) / 4);
	unsigned long ptr_size = (max(bprm->argc, 1) + bprm->envc) * sizeof(void *);

	limit = max(limit, (unsigned long)MAX_ARG_STRLEN);
	if (limit <= ptr_size)
		return -E2BIG;
	bprm->args_limit = limit - ptr_size;
	return 0;
}

/*
 * Open a file to execute: a regular file on a mount that allows exec,
 * with execute permission (root too needs some x bit); anything else is
 * EACCES, as Linux says.
 */
static struct file *open_exec_at(int dfd, const char *name, int flags)
{
	struct filename *fname;
	struct path path;
	struct inode *inode;
	struct file *file;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return ERR_PTR(-EINVAL);
	if (!*name && !(flags & AT_EMPTY_PATH))
		return ERR_PTR(-ENOENT);
	fname = getname_kernel(name);
	err = filename_lookup(dfd, fname,
			      ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
			      ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &path);
	if (!IS_ERR(fname))
		putname(fname);
	if (err)
		return ERR_PTR(err);
	inode = d_inode(path.dentry);
	err = -ELOOP;	/* AT_SYMLINK_NOFOLLOW and the name is a symlink */
	if (S_ISLNK(inode->i_mode))
		goto out;
	err = -EACCES;
	if (!S_ISREG(inode->i_mode) || (path.mnt->mnt_flags & MNT_NOEXEC))
		goto out;
	err = inode_permission(inode, MAY_EXEC);
	if (err)
		goto out;
	file = dentry_open(&path, O_RDONLY | O_LARGEFILE | __FMODE_EXEC);
	path_put(&path);
	if (!IS_ERR(file))
		fsnotify_file(file, FS_OPEN | FS_OPEN_EXEC);	/* IN_OPEN, FAN_OPEN_EXEC */
	return file;
out:
	path_put(&path);
	return ERR_PTR(err);
}

struct file *open_exec(const char *name)
{
	return open_exec_at(AT_FDCWD, name, 0);
}

/*
 * Make @file the one being loaded: no writer may have it open (ETXTBSY)
 * and none may open it while it is loaded (deny_write_access, undone
 * when bprm lets it go); read its first bytes.
 */
static int bprm_set_file(struct linux_binprm *bprm, struct file *file, const char *path)
{
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(file))
		return PTR_ERR(file);
	if (deny_write_access(file)) {
		fput(file);
		return -ETXTBSY;
	}
	if (bprm->file) {
		allow_write_access(bprm->file);
		fput(bprm->file);
	}
	bprm->file = file;
	strscpy(bprm->interp, path, sizeof(bprm->interp));
	memset(bprm->buf, 0, sizeof(bprm->buf));
	n = kernel_read(file, bprm->buf, sizeof(bprm->buf), &pos);
	return n < 0 ? n : 0;
}

/* Open the file and read its first bytes; -ENOENT, -EACCES as Linux returns them. */
int prepare_binprm(struct linux_binprm *bprm, const char *path)
{
	return bprm_set_file(bprm, open_exec(path), path);
}

/*
 * For #! scripts: replace argv[0] with the @n strings in @prefix
 * (interpreter, optional argument, script path).
 */
int bprm_replace_argv0(struct linux_binprm *bprm, const char *const *prefix, int n)
{
	size_t old0 = bprm->argc ? strlen(bprm->args) + 1 : 0;
	size_t add = 0, rest = bprm->args_size - old0;
	char *tail;
	int i, err;

	for (i = 0; i < n; i++)
		add += strlen(prefix[i]) + 1;
	tail = vmalloc(rest ? rest : 1);
	if (!tail)
		return -ENOMEM;
	memcpy(tail, bprm->args + old0, rest);
	bprm->args_size = 0;
	err = 0;
	for (i = 0; i < n && !err; i++)
		err = args_append(bprm, prefix[i], strlen(prefix[i]) + 1);
	if (!err)
		err = args_append(bprm, tail, rest);
	vfree(tail);
	if (err)
		return err;
	bprm->argv_size += add - old0;
	bprm->argc += n - (bprm->argc ? 1 : 0);
	return 0;
}

int search_binary_handler(struct linux_binprm *bprm)
{
	unsigned int i;
	int ret;

	if (bprm->recursion_depth > BINPRM_MAX_RECURSION)
		return -ELOOP;
	for (i = 0; i < ARRAY_SIZE(formats); i++) {
		ret = formats[i]->load_binary(bprm);
		if (ret != -ENOEXEC || bprm->point_of_no_return)
			return ret;
	}
	return -ENOEXEC;
}

/*
 * Credentials of the new program: a set-user-ID (set-group-ID) file runs
 * with its owner (group) as the effective ID; the saved IDs become the
 * effective ones, as exec always does; the capability sets follow the
 * rules of security/commoncap.c.  AT_SECURE tells the C library when the
 * IDs differ.  no_new_privs makes the set-ID bits count for nothing.
 */
static int bprm_apply_creds(struct linux_binprm *bprm)
{
	struct inode *inode = file_inode(bprm->file);
	bool nosuid;
	struct cred *new;
	int ret;

	/*
	 * A traced program gains no privilege unless its tracer could have
	 * attached to the result (CAP_SYS_PTRACE): otherwise the tracer would
	 * own a set-user-ID process it has no right to touch.
	 */
	bprm->unsafe_ptrace = ptrace_exec_unsafe(current);
	nosuid = (bprm->file->f_path.mnt->mnt_flags & MNT_NOSUID) ||
		 test_bit(PFA_NO_NEW_PRIVS, &current->atomic_flags) || bprm->unsafe_ptrace;
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	if ((inode->i_mode & S_ISUID) && !nosuid)
		new->euid = inode->i_uid;
	if ((inode->i_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP) && !nosuid)
		new->egid = inode->i_gid;
	/* The new program starts without the old one's thread and process keyrings. */
	key_cred_exec(new);
	ret = cap_bprm_creds_from_file(bprm, new);
	if (ret) {
		abort_creds(new);
		return ret;
	}
	/* A set-ID program must not inherit a weaker layout (no ASLR...). */
	if (bprm->secureexec) {
		current->personality &= ~PER_CLEAR_ON_SETID;
		/* Its owner must not read a set-ID program's memory (suid_dumpable 0). */
		current->mm->dumpable = SUID_DUMP_DISABLE;
	}
	return commit_creds(new);
}

/* Every other thread is gone; a leader we replace is a zombie.  siglock held. */
static bool de_thread_done(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;

	if (leader == tsk)
		return thread_group_empty(tsk);
	return list_is_singular(&leader->thread_group) && leader->exit_state;
}

/*
 * A thread that is not the leader takes the leader's place: its PID, its
 * place among its parent's children and in the task list.  The leader,
 * a zombie by now, goes with the thread's old PID.
 */
static void take_over_leader(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader;

	spin_lock_irq(&tasklist_lock);
	exchange_tids(tsk, leader);
	tsk->start_time = leader->start_time;
	tsk->real_parent = leader->real_parent;
	/* A traced thread keeps its own tracer; the leader's goes with the leader. */
	if (!tsk->ptrace)
		tsk->parent = tsk->real_parent;
	list_replace_init(&leader->sibling, &tsk->sibling);
	list_replace_init(&leader->tasks, &tsk->tasks);
	spin_lock(&tsk->sighand->siglock);
	list_del_init(&tsk->thread_node);
	tsk->group_leader = tsk;
	leader->group_leader = tsk;
	spin_unlock(&tsk->sighand->siglock);
	tsk->exit_signal = leader->exit_signal;
	leader->exit_signal = -1;
	leader->exit_state = EXIT_DEAD;
	spin_unlock_irq(&tasklist_lock);
	release_task(leader);
}

/*
 * execve in a multi-threaded process: the new program starts with one
 * thread, under the process's ID.  Every other thread gets SIGKILL and
 * we wait until they are gone (they wake us from __exit_signal and
 * exit_notify); if we are not the leader, we then take over its PID.
 * -EAGAIN if the group is already dying, or we are killed meanwhile.
 */
static int de_thread(struct task_struct *tsk)
{
	struct signal_struct *sig = tsk->signal;
	struct sighand_struct *sighand = tsk->sighand;
	int ret = 0;

	if (thread_group_empty(tsk) && thread_group_leader(tsk))
		return 0;
	spin_lock_irq(&sighand->siglock);
	if (signal_group_exit(sig)) {
		spin_unlock_irq(&sighand->siglock);
		return -EAGAIN;
	}
	sig->group_exec_task = tsk;
	zap_other_threads(tsk);
	for (;;) {
		set_current_state(TASK_KILLABLE);
		if (de_thread_done(tsk))
			break;
		if (fatal_signal_pending(tsk)) {
			ret = -EAGAIN;
			break;
		}
		spin_unlock_irq(&sighand->siglock);
		schedule();
		spin_lock_irq(&sighand->siglock);
	}
	__set_current_state(TASK_RUNNING);
	spin_unlock_irq(&sighand->siglock);
	if (!ret && !thread_group_leader(tsk))
		take_over_leader(tsk);
	spin_lock_irq(&sighand->siglock);
	sig->group_exec_task = NULL;
	spin_unlock_irq(&sighand->siglock);
	return ret;
}

/*
 * The point of no return: drop the old program's address space and
 * whatever of the old process does not survive exec.
 */
int begin_new_exec(struct linux_binprm *bprm)
{
	struct mm_struct *mm = mm_alloc();
	const char *base;

	int ret;

	if (!mm)
		return -ENOMEM;
	bprm->point_of_no_return = true;
	ret = de_thread(current);
	if (!ret)
		ret = unshare_sighand(current);
	if (ret) {
		mmput(mm);
		return ret;
	}
	mm->exe_file = get_file(bprm->file);
	deny_write_access(mm->exe_file);	/* held while it runs (bprm's is held now) */
	exec_mmap(mm);
	/* The descriptor table becomes this process's own; close-on-exec ones go. */
	if (unshare_files())
		return -ENOMEM;
	do_close_on_exec(current->files);
	current->flags &= ~(PF_FORKNOEXEC | PF_KTHREAD | PF_RANDOMIZE);
	rseq_execve(current);
	/* Handlers and the alternate stack point into the old program. */
	flush_signal_handlers(current, 0);
	/* POSIX timers die with the program that made them (itimers stay). */
	exec_itimers(current);
	base = strrchr(bprm->filename, '/');
	set_task_comm(current, base ? base + 1 : bprm->filename);
	return bprm_apply_creds(bprm);
}

static int put_user_ulong(unsigned long v, unsigned long *sp)
{
	return put_user(v, (unsigned long __user *)sp);
}

/*
 * Build the System V initial stack (AMD64 ABI 3.4.1), top down:
 * the execfn string, argument and environment strings, the platform
 * string and 16 random bytes; then, 16-byte aligned, argc, the argv
 * pointers, NULL, the envp pointers, NULL, and the auxiliary vector.
 * @auxv holds (type, value) pairs; the AT_EXECFN/AT_RANDOM/AT_PLATFORM
 * values are filled in here.  @top is the (randomized) stack top; below
 * the strings the stack moves by another random few KiB.
 */
int create_user_stack(struct linux_binprm *bprm, unsigned long top, unsigned long *auxv,
		      int auxc, unsigned long *sp_out, unsigned long *execfn_out)
{
	struct mm_struct *mm = current->mm;
	unsigned long p, strings, execfn, platform, random;
	unsigned long size, sp, ptr;
	size_t fnlen = strlen(bprm->filename) + 1;
	u8 rnd[16];
	int i, n, err;

	size = PAGE_ALIGN(bprm->args_size + fnlen + 16 + 16 + 8192 + 4096 +
			  (bprm->argc + bprm->envc + auxc * 2 + 4) * sizeof(long));
	size = max(size, 128UL * 1024);
	err = setup_stack_vma(mm, top - size, top);
	if (err)
		return err;

	p = top - sizeof(void *);		/* a NULL word at the very top */
	p -= fnlen;
	execfn = p;
	p -= bprm->args_size;
	strings = p;
	p = arch_align_stack(p);
	p -= sizeof("x86_64");
	platform = p;
	p &= ~15UL;
	p -= sizeof(rnd);
	random = p;
	get_random_bytes(rnd, sizeof(rnd));
	if (copy_to_user((void __user *)execfn, bprm->filename, fnlen) ||
	    copy_to_user((void __user *)strings, bprm->args, bprm->args_size) ||
	    copy_to_user((void __user *)platform, "x86_64", sizeof("x86_64")) ||
	    copy_to_user((void __user *)random, rnd, sizeof(rnd)))
		return -EFAULT;

	for (i = 0; i < auxc; i++) {
		if (auxv[2 * i] == AT_EXECFN)
			auxv[2 * i + 1] = execfn;
		else if (auxv[2 * i] == AT_RANDOM)
			auxv[2 * i + 1] = random;
		else if (auxv[2 * i] == AT_PLATFORM)
			auxv[2 * i + 1] = platform;
	}

	n = 1 + bprm->argc + 1 + bprm->envc + 1 + auxc * 2;
	sp = (p - n * sizeof(long)) & ~15UL;
	ptr = sp;
	err = put_user_ulong(bprm->argc, (unsigned long *)ptr);
	ptr += sizeof(long);
	p = strings;
	mm->arg_start = p;
	for (i = 0; i < bprm->argc + bprm->envc && !err; i++) {
		if (i == bprm->argc) {
			err = put_user_ulong(0, (unsigned long *)ptr);	/* end of argv */
			ptr += sizeof(long);
			mm->arg_end = mm->env_start = p;
		}
		err = err ? : put_user_ulong(p, (unsigned long *)ptr);
		ptr += sizeof(long);
		p += strlen(bprm->args + (p - strings)) + 1;
	}
	if (bprm->envc == 0) {
		err = err ? : put_user_ulong(0, (unsigned long *)ptr);	/* end of argv */
		ptr += sizeof(long);
		mm->arg_end = mm->env_start = p;
	}
	mm->env_end = p;
	err = err ? : put_user_ulong(0, (unsigned long *)ptr);		/* end of envp */
	ptr += sizeof(long);
	for (i = 0; i < auxc * 2 && !err; i++, ptr += sizeof(long))
		err = put_user_ulong(auxv[i], (unsigned long *)ptr);
	/* Debuggers read it back through /proc to find the program's load address. */
	memset(mm->saved_auxv, 0, sizeof(mm->saved_auxv));
	memcpy(mm->saved_auxv, auxv,
	       min_t(size_t, auxc * 2, AT_VECTOR_SIZE - 2) * sizeof(long));
	if (err)
		return -EFAULT;
	mm->start_stack = sp;
	*sp_out = sp;
	*execfn_out = execfn;
	return 0;
}

/*
 * @dfd and @flags: execveat's.  A program named relative to a directory
 * descriptor, or by the descriptor itself, is known to it as
 * /dev/fd/<dfd>[/name] (AT_EXECFN, what a #! interpreter is given).
 */
static int do_execve_common(int dfd, const char *filename, int flags,
			    const char __user *const __user *uargv,
			    const char __user *const __user *uenvp,
			    const char *const *kargv, const char *const *kenvp)
{
	struct linux_binprm *bprm;
	char *fdpath = NULL;
	pid_t old_pid;
	int ret, i;

	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	if (dfd != AT_FDCWD && filename[0] != '/') {
		ret = -ENOMEM;
		fdpath = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!fdpath)
			goto out;
		if (filename[0])
			snprintf(fdpath, PATH_MAX, "/dev/fd/%d/%s", dfd, filename);
		else
			snprintf(fdpath, PATH_MAX, "/dev/fd/%d", dfd);
		bprm->filename = fdpath;
	}

	ret = bprm_set_file(bprm, open_exec_at(dfd, filename, flags), bprm->filename);
	if (ret)
		goto out;
	if (kargv) {
		for (i = 0; kargv[i]; i++)
			;
		bprm->argc = i;
		for (i = 0; kenvp && kenvp[i]; i++)
			;
		bprm->envc = i;
	} else {
		ret = bprm->argc = count_strings(uargv, MAX_ARG_STRINGS);
		if (ret < 0)
			goto out;
		ret = bprm->envc = count_strings(uenvp, MAX_ARG_STRINGS);
		if (ret < 0)
			goto out;
	}
	ret = bprm_stack_limits(bprm);
	if (ret)
		goto out;
	if (kargv) {
		for (i = 0; i < bprm->argc && !ret; i++)
			ret = args_append(bprm, kargv[i], strlen(kargv[i]) + 1);
		bprm->argv_size = bprm->args_size;
		for (i = 0; i < bprm->envc && !ret; i++)
			ret = args_append(bprm, kenvp[i], strlen(kenvp[i]) + 1);
	} else {
		ret = copy_strings(bprm, bprm->argc, uargv);
		bprm->argv_size = bprm->args_size;
		ret = ret ? : copy_strings(bprm, bprm->envc, uenvp);
	}
	if (ret)
		goto out;

	/* Since Linux 5.18 an empty argv becomes { "" }: argv[0] always exists. */
	if (!bprm->argc) {
		ret = args_append(bprm, "", 1);
		if (ret)
			goto out;
		memmove(bprm->args + 1, bprm->args, bprm->args_size - 1);
		bprm->args[0] = '\0';
		bprm->argc = 1;
		bprm->argv_size = 1;
	}

	old_pid = current->pid;
	ret = search_binary_handler(bprm);
	/* A tracer sees the new program before its first instruction. */
	if (!ret) {
		trace_sched_process_exec(current, old_pid, bprm->filename);
		ptrace_event(PTRACE_EVENT_EXEC, old_pid);
	}
	if (ret && bprm->point_of_no_return) {
		/* The old program is gone: nothing to return to. */
		pr_info("%s[%d]: exec of %s failed after the point of no return (%d)\n",
			current->comm, current->pid, filename, ret);
		send_sig(SIGSEGV, current, 1);
		ret = 0;
	}
out:
	if (bprm->file) {
		allow_write_access(bprm->file);
		fput(bprm->file);
	}
	vfree(bprm->args);
	kfree(fdpath);
	kfree(bprm);
	return ret;
}

static int do_execveat(int dfd, const char __user *filename,
		       const char __user *const __user *argv,
		       const char __user *const __user *envp, int flags)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len;
	int ret;

	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, filename, PATH_MAX);
	if (len < 0)
		ret = len;
	else if (len == PATH_MAX)
		ret = -ENAMETOOLONG;
	else if (!len && !(flags & AT_EMPTY_PATH))
		ret = -ENOENT;
	else
		ret = do_execve_common(dfd, path, flags, argv, envp, NULL, NULL);
	kfree(path);
	return ret;
}

SYSCALL_DEFINE3(execve, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	return do_execveat(AT_FDCWD, filename, argv, envp, 0);
}

/*
 * execveat: the program named relative to @fd, or (AT_EMPTY_PATH with
 * an empty name) the open file @fd itself: fexecve(3).
 * AT_SYMLINK_NOFOLLOW refuses a final symlink with ELOOP.
 */
SYSCALL_DEFINE5(execveat, int, fd, const char __user *, filename,
		const char __user *const __user *, argv,
		const char __user *const __user *, envp, int, flags)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return do_execveat(fd, filename, argv, envp, flags);
}

/* Run a program from a kernel thread (PID 1 at boot); returns only on failure. */
int kernel_execve(const char *filename, const char *const *argv, const char *const *envp)
{
	return do_execve_common(AT_FDCWD, filename, 0, NULL, NULL, argv, envp);
}
