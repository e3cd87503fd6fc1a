// SPDX-License-Identifier: GPL-2.0
/*
 * The descriptor table (see <linux/fdtable.h>): allocating the lowest
 * free number, installing a struct file in it, dup/dup2/dup3, closing,
 * close-on-exec, and copying or sharing the table at fork.
 *
 * A number is reserved (open_fds bit set, fd[] still NULL) before the
 * file is opened and installed after, so open() never exposes a
 * half-made file and a failure just releases the number.
 */
#include <linux/kernel.h>
#include <linux/bitmap.h>
#include <linux/fdtable.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <uapi/linux/resource.h>
#include <uapi/linux/sched.h>

struct files_struct init_files = {
	.count = ATOMIC_INIT(1),
	.file_lock = __SPIN_LOCK_UNLOCKED(init_files.file_lock),
};

static int fdt_alloc(struct fdtable *fdt, unsigned int nr)
{
	size_t words = BITS_TO_LONGS(nr);

	fdt->fd = kcalloc(nr, sizeof(struct file *), GFP_KERNEL);
	fdt->open_fds = kcalloc(words, sizeof(long), GFP_KERNEL);
	fdt->close_on_exec = kcalloc(words, sizeof(long), GFP_KERNEL);
	if (!fdt->fd || !fdt->open_fds || !fdt->close_on_exec) {
		kfree(fdt->fd);
		kfree(fdt->open_fds);
		kfree(fdt->close_on_exec);
		return -ENOMEM;
	}
	fdt->max_fds = nr;
	return 0;
}

static void fdt_free(struct fdtable *fdt)
{
	kfree(fdt->fd);
	kfree(fdt->open_fds);
	kfree(fdt->close_on_exec);
}

static void fdt_copy(struct fdtable *to, const struct fdtable *from, unsigned int n)
{
	memcpy(to->fd, from->fd, n * sizeof(struct file *));
	memcpy(to->open_fds, from->open_fds, BITS_TO_LONGS(n) * sizeof(long));
	memcpy(to->close_on_exec, from->close_on_exec, BITS_TO_LONGS(n) * sizeof(long));
}

/*
 * Make room for descriptor @nr: called with file_lock held, which it
 * drops around the allocation (it may sleep) and takes again.
 */
int sysctl_nr_open = NR_OPEN_MAX;

static int expand_files(struct files_struct *files, unsigned int nr)
{
	struct fdtable new, old;
	unsigned int size;

	lockdep_assert_held(&files->file_lock);
	if (nr < files->fdt.max_fds)
		return 0;
	if (nr >= rlimit(RLIMIT_NOFILE) || nr >= (unsigned int)READ_ONCE(sysctl_nr_open))
		return -EMFILE;
	size = max_t(unsigned int, NR_OPEN_DEFAULT, files->fdt.max_fds);
	while (size <= nr)
		size *= 2;
	spin_unlock(&files->file_lock);
	if (fdt_alloc(&new, size)) {
		spin_lock(&files->file_lock);
		return -ENOMEM;
	}
	spin_lock(&files->file_lock);
	if (files->fdt.max_fds >= size) {	/* someone else grew it */
		fdt_free(&new);
		return 0;
	}
	old = files->fdt;
	fdt_copy(&new, &old, old.max_fds);
	files->fdt = new;
	spin_unlock(&files->file_lock);
	fdt_free(&old);
	spin_lock(&files->file_lock);
	return 0;
}

/* The lowest free descriptor >= @start, reserved. */
static int alloc_fd(unsigned int start, unsigned int flags)
{
	struct files_struct *files = current->files;
	unsigned int fd;
	int err;

	spin_lock(&files->file_lock);
	for (;;) {
		fd = max(start, files->next_fd);
		if (fd < files->fdt.max_fds)
			fd = find_next_zero_bit(files->fdt.open_fds, files->fdt.max_fds, fd);
		if (fd >= rlimit(RLIMIT_NOFILE)) {
			err = -EMFILE;
			goto out;
		}
		if (fd < files->fdt.max_fds)
			break;
		err = expand_files(files, fd);
		if (err)
			goto out;
	}
	__set_bit(fd, files->fdt.open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, files->fdt.close_on_exec);
	else
		__clear_bit(fd, files->fdt.close_on_exec);
	if (start <= files->next_fd)
		files->next_fd = fd + 1;
	err = fd;
out:
	spin_unlock(&files->file_lock);
	return err;
}

int get_unused_fd_flags(unsigned int flags)
{
	return alloc_fd(0, flags);
}

static void __put_unused_fd(struct files_struct *files, unsigned int fd)
{
	__clear_bit(fd, files->fdt.open_fds);
	if (fd < files->next_fd)
		files->next_fd = fd;
}

void put_unused_fd(unsigned int fd)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	__put_unused_fd(files, fd);
	spin_unlock(&files->file_lock);
}

void fd_install(unsigned int fd, struct file *file)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	files->fdt.fd[fd] = file;
	spin_unlock(&files->file_lock);
}

static struct file *__fget(unsigned int fd, bool allow_path)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds)
		f = files->fdt.fd[fd];
	if (f && !allow_path && (f->f_mode & FMODE_PATH))
		f = NULL;
	if (f)
		get_file(f);
	spin_unlock(&files->file_lock);
	return f;
}

struct file *fget(unsigned int fd)
{
	return __fget(fd, false);
}
EXPORT_SYMBOL(fget);

struct file *fget_raw(unsigned int fd)
{
	return __fget(fd, true);
}

int close_fd(unsigned int fd)
{
	struct files_struct *files = current->files;
	struct file *f = NULL;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		f = files->fdt.fd[fd];
		if (f) {
			files->fdt.fd[fd] = NULL;
			__clear_bit(fd, files->fdt.close_on_exec);
			__put_unused_fd(files, fd);
		}
	}
	spin_unlock(&files->file_lock);
	if (!f)
		return -EBADF;
	return filp_close(f, files);
}

void set_close_on_exec(unsigned int fd, int flag)
{
	struct files_struct *files = current->files;

	spin_lock(&files->file_lock);
	if (fd < files->fdt.max_fds) {
		if (flag)
			__set_bit(fd, files->fdt.close_on_exec);
		else
			__clear_bit(fd, files->fdt.close_on_exec);
	}
	spin_unlock(&files->file_lock);
}

bool get_close_on_exec(unsigned int fd)
{
	struct files_struct *files = current->files;
	bool res;

	spin_lock(&files->file_lock);
	res = fd < files->fdt.max_fds && test_bit(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	return res;
}

/*
 * Put @file at @fd (closing what was there), as dup2 does.  A number
 * reserved by an open() in progress in another thread is EBUSY, as on
 * Linux.  Consumes the caller's reference to @file.
 */
int replace_fd(unsigned int fd, struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	struct file *old;
	int err;

	if (fd >= rlimit(RLIMIT_NOFILE)) {
		fput(file);
		return -EBADF;
	}
	spin_lock(&files->file_lock);
	err = expand_files(files, fd);
	if (err) {
		spin_unlock(&files->file_lock);
		fput(file);
		return err;
	}
	old = files->fdt.fd[fd];
	if (!old && test_bit(fd, files->fdt.open_fds)) {
		spin_unlock(&files->file_lock);
		fput(file);
		return -EBUSY;
	}
	files->fdt.fd[fd] = file;
	__set_bit(fd, files->fdt.open_fds);
	if (flags & O_CLOEXEC)
		__set_bit(fd, files->fdt.close_on_exec);
	else
		__clear_bit(fd, files->fdt.close_on_exec);
	spin_unlock(&files->file_lock);
	if (old)
		filp_close(old, files);
	return fd;
}

/* exec: close every descriptor marked close-on-exec. */
void do_close_on_exec(struct files_struct *files)
{
	unsigned int fd;

	spin_lock(&files->file_lock);
	for (fd = 0; fd < files->fdt.max_fds; fd++) {
		struct file *f;

		if (!test_bit(fd, files->fdt.close_on_exec))
			continue;
		f = files->fdt.fd[fd];
		__clear_bit(fd, files->fdt.close_on_exec);
		if (!f)
			continue;
		files->fdt.fd[fd] = NULL;
		__put_unused_fd(files, fd);
		spin_unlock(&files->file_lock);
		filp_close(f, files);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
}

static struct files_struct *dup_fd(struct files_struct *old, int *errp)
{
	struct files_struct *newf = kzalloc(sizeof(*newf), GFP_KERNEL);
	unsigned long last;
	unsigned int n, fd;

	*errp = -ENOMEM;
	if (!newf)
		return NULL;
	atomic_set(&newf->count, 1);
	spin_lock_init(&newf->file_lock);
	spin_lock(&old->file_lock);
	for (;;) {
		n = max_t(unsigned int, old->fdt.max_fds, NR_OPEN_DEFAULT);
		spin_unlock(&old->file_lock);
		if (fdt_alloc(&newf->fdt, n)) {
			kfree(newf);
			return NULL;
		}
		spin_lock(&old->file_lock);
		if (n >= old->fdt.max_fds)
			break;
		fdt_free(&newf->fdt);	/* it grew meanwhile */
	}
	/* A copy may not hold more than fs.nr_open allows now (unshare03). */
	last = old->fdt.max_fds ? find_last_bit(old->fdt.open_fds, old->fdt.max_fds) : 0;
	if (last < old->fdt.max_fds && last >= (unsigned long)READ_ONCE(sysctl_nr_open)) {
		spin_unlock(&old->file_lock);
		fdt_free(&newf->fdt);
		kfree(newf);
		*errp = -EMFILE;
		return NULL;
	}
	if (old->fdt.max_fds)
		fdt_copy(&newf->fdt, &old->fdt, old->fdt.max_fds);
	for (fd = 0; fd < old->fdt.max_fds; fd++) {
		struct file *f = newf->fdt.fd[fd];

		if (f)
			get_file(f);
		else	/* reserved by an open in progress: not the child's */
			__clear_bit(fd, newf->fdt.open_fds);
	}
	newf->next_fd = old->next_fd;
	spin_unlock(&old->file_lock);
	*errp = 0;
	return newf;
}

int copy_files(unsigned long clone_flags, struct task_struct *tsk)
{
	struct files_struct *old = current->files;
	int err;

	if (!old)
		return 0;
	if (clone_flags & CLONE_FILES) {
		atomic_inc(&old->count);
		return 0;
	}
	tsk->files = dup_fd(old, &err);
	return err;
}

void put_files_struct(struct files_struct *files)
{
	unsigned int fd;

	if (!atomic_dec_and_test(&files->count))
		return;
	for (fd = 0; fd < files->fdt.max_fds; fd++)
		if (files->fdt.fd[fd])
			filp_close(files->fdt.fd[fd], files);
	fdt_free(&files->fdt);
	if (files != &init_files)
		kfree(files);
}

void exit_files(struct task_struct *tsk)
{
	struct files_struct *files = tsk->files;

	if (files) {
		task_lock(tsk);
		tsk->files = NULL;
		task_unlock(tsk);
		put_files_struct(files);
	}
}

/* exec: a table shared with other processes becomes this process's own. */
int unshare_files(void)
{
	struct files_struct *files = current->files, *copy;
	int err;

	if (!files || atomic_read(&files->count) == 1)
		return 0;
	copy = dup_fd(files, &err);
	if (!copy)
		return err;
	current->files = copy;
	put_files_struct(files);
	return 0;
}

SYSCALL_DEFINE1(close, unsigned int, fd)
{
	int ret = close_fd(fd);

	/* An interrupted close has still closed the descriptor. */
	if (ret == -ERESTARTSYS || ret == -ERESTARTNOINTR || ret == -ERESTARTNOHAND)
		ret = -EINTR;
	return ret;
}

#define CLOSE_RANGE_UNSHARE	(1U << 1)
#define CLOSE_RANGE_CLOEXEC	(1U << 2)

/*
 * close_range: close (or, with CLOSE_RANGE_CLOEXEC, mark close-on-exec)
 * every descriptor from @fd to @max_fd.  CLOSE_RANGE_UNSHARE first gives
 * the caller its own copy of a table it shares with a CLONE_FILES
 * sibling, so the siblings keep theirs.  The lock is dropped around
 * each filp_close, which may sleep (flush, lock release).
 */
SYSCALL_DEFINE3(close_range, unsigned int, fd, unsigned int, max_fd, unsigned int, flags)
{
	struct files_struct *files;
	unsigned int n;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC))
		return -EINVAL;
	if (fd > max_fd)
		return -EINVAL;
	if (flags & CLOSE_RANGE_UNSHARE) {
		int err = unshare_files();

		if (err)
			return err;
	}
	files = current->files;
	spin_lock(&files->file_lock);
	for (n = fd; n <= max_fd && n < files->fdt.max_fds; n++) {
		struct file *f = files->fdt.fd[n];

		if (!f)
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC) {
			__set_bit(n, files->fdt.close_on_exec);
			continue;
		}
		files->fdt.fd[n] = NULL;
		__clear_bit(n, files->fdt.close_on_exec);
		__put_unused_fd(files, n);
		spin_unlock(&files->file_lock);
		filp_close(f, files);
		spin_lock(&files->file_lock);
	}
	spin_unlock(&files->file_lock);
	return 0;
}

SYSCALL_DEFINE1(dup, unsigned int, fildes)
{
	struct file *file = fget_raw(fildes);
	int fd;

	if (!file)
		return -EBADF;
	fd = get_unused_fd_flags(0);
	if (fd < 0) {
		fput(file);
		return fd;
	}
	fd_install(fd, file);
	return fd;
}

static int ksys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	struct file *file;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	file = fget_raw(oldfd);
	if (!file)
		return -EBADF;
	return replace_fd(newfd, file, flags);
}

SYSCALL_DEFINE3(dup3, unsigned int, oldfd, unsigned int, newfd, int, flags)
{
	return ksys_dup3(oldfd, newfd, flags);
}

SYSCALL_DEFINE2(dup2, unsigned int, oldfd, unsigned int, newfd)
{
	if (oldfd == newfd) {
		struct file *f = fget_raw(oldfd);

		if (!f)
			return -EBADF;
		fput(f);
		return newfd;
	}
	return ksys_dup3(oldfd, newfd, 0);
}

/* fcntl F_DUPFD: the lowest free number >= @from. */
int f_dupfd(unsigned int from, struct file *file, unsigned int flags)
{
	int fd;

	if (from >= rlimit(RLIMIT_NOFILE))
		return -EINVAL;
	fd = alloc_fd(from, flags);
	if (fd >= 0)
		fd_install(fd, get_file(file));
	return fd;
}
