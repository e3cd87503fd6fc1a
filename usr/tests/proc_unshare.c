// SPDX-License-Identifier: GPL-2.0
/*
 * proc_unshare: unshare(2) and UTS namespaces.  A child in a new UTS
 * namespace renames its host without renaming its parent's; clone with
 * CLONE_NEWUTS does the same; CLONE_FS and CLONE_FILES stop sharing
 * the cwd and the descriptor table with a clone; EINVAL and EPERM cases.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define PROCDIR	"/t_unshare_proc"

static char stack[65536] __attribute__((aligned(16)));

static int host_is(const char *want)
{
	struct utsname u;

	return uname(&u) == 0 && strcmp(u.nodename, want) == 0;
}

LT_CASE(uts_namespace)
{
	struct utsname before;
	pid_t pid;

	LT_CHECK_OK(uname(&before));
	pid = fork();
	if (pid == 0) {
		char buf[64] = "";

		if (unshare(CLONE_NEWUTS))
			_exit(1);
		if (sethostname("inner", 5))
			_exit(2);
		/* /proc/sys/kernel/hostname is the namespace's too. */
		if (lt_read_file(PROCDIR "/sys/kernel/hostname", buf, sizeof(buf)) <= 0 ||
		    strcmp(buf, "inner\n"))
			_exit(4);
		_exit(host_is("inner") ? 0 : 3);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(host_is(before.nodename));
}

static int uts_child(void *arg)
{
	(void)arg;
	if (sethostname("cloned", 6))
		return 2;
	return host_is("cloned") ? 0 : 3;
}

LT_CASE(clone_newuts)
{
	struct utsname before;
	pid_t pid;

	LT_CHECK_OK(uname(&before));
	pid = clone(uts_child, stack + sizeof(stack), CLONE_NEWUTS | SIGCHLD, NULL);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(host_is(before.nodename));
}

static int fs_files_child(void *arg)
{
	int fd = *(int *)arg;

	if (unshare(CLONE_FS | CLONE_FILES))
		return 1;
	if (chdir("/tests"))
		return 2;
	close(fd);			/* only our copy of the table */
	return 0;
}

LT_CASE(fs_and_files)
{
	char cwd[256];
	int fd = open("/", O_RDONLY);
	pid_t pid;

	LT_CHECK(fd >= 0);
	LT_CHECK_OK(chdir("/"));
	pid = clone(fs_files_child, stack + sizeof(stack), CLONE_FS | CLONE_FILES | SIGCHLD, &fd);
	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK(getcwd(cwd, sizeof(cwd)) != NULL);
	LT_CHECK(!strcmp(cwd, "/"));
	LT_CHECK(fcntl(fd, F_GETFD) >= 0);
	close(fd);
	/* Nothing shared: nothing to do. */
	LT_CHECK_OK(unshare(CLONE_FS | CLONE_FILES | CLONE_SYSVSEM));
}

#define MNTDIR	"/t_unshare_mnt"

/* A mount made in a new mount namespace is seen there only. */
LT_CASE(mount_namespace)
{
	char cwd[256];
	pid_t pid;

	mkdir(MNTDIR, 0755);
	mkdir(MNTDIR "2", 0755);
	/* Mounted before: the copy has it too, and its end leaves ours alone. */
	LT_CHECK_OK(mount("tmpfs", MNTDIR "2", "tmpfs", 0, NULL));
	close(open(MNTDIR "2/before", O_CREAT | O_WRONLY, 0644));
	LT_CHECK_OK(chdir("/tests"));
	pid = fork();
	if (pid == 0) {
		char here[256];
		int fd;

		if (unshare(CLONE_NEWNS))
			_exit(1);
		/* The cwd moved into the copy of the tree, same directory. */
		if (!getcwd(here, sizeof(here)) || strcmp(here, "/tests"))
			_exit(2);
		if (mount("tmpfs", MNTDIR, "tmpfs", 0, NULL))
			_exit(3);
		fd = open(MNTDIR "/inside", O_CREAT | O_WRONLY, 0644);
		if (fd < 0)
			_exit(4);
		close(fd);
		if (access(MNTDIR "2/before", F_OK))
			_exit(6);
		if (umount(MNTDIR "2"))		/* only in the copy */
			_exit(7);
		_exit(access(MNTDIR "/inside", F_OK) ? 5 : 0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(access(MNTDIR "/inside", F_OK), ENOENT);
	LT_CHECK_OK(access(MNTDIR "2/before", F_OK));
	LT_CHECK_OK(umount(MNTDIR "2"));
	rmdir(MNTDIR "2");
	LT_CHECK(getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, "/tests"));
	LT_CHECK_ERR(syscall(SYS_clone, CLONE_NEWNS | CLONE_FS | SIGCHLD, 0, 0, 0, 0), EINVAL);
	/* And the other way: a mount made outside later is not in a copy made before. */
	LT_CHECK_OK(chdir("/"));
	rmdir(MNTDIR);
}

/* setns back into the namespaces a /proc/PID/ns file was opened on. */
LT_CASE(setns_back)
{
	struct utsname before;
	int uts = open(PROCDIR "/self/ns/uts", O_RDONLY);
	int mnt = open(PROCDIR "/self/ns/mnt", O_RDONLY);
	pid_t pid;

	LT_CHECK(uts >= 0 && mnt >= 0);
	LT_CHECK_OK(uname(&before));
	mkdir(MNTDIR, 0755);
	pid = fork();
	if (pid == 0) {
		if (unshare(CLONE_NEWUTS | CLONE_NEWNS) || sethostname("elsewhere", 9))
			_exit(1);
		if (mount("tmpfs", MNTDIR, "tmpfs", 0, NULL))
			_exit(2);
		close(open(MNTDIR "/inside", O_CREAT | O_WRONLY, 0644));
		if (setns(uts, CLONE_NEWNS) != -1 || errno != EINVAL)
			_exit(3);
		if (setns(uts, CLONE_NEWUTS) || !host_is(before.nodename))
			_exit(4);
		if (setns(mnt, 0))
			_exit(5);
		/* Back in the first tree: the tmpfs is not mounted there. */
		_exit(access(MNTDIR "/inside", F_OK) == -1 && errno == ENOENT ? 0 : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_ERR(setns(-1, 0), EBADF);
	LT_CHECK_ERR(setns(uts, -1), EINVAL);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		_exit(setns(uts, 0) == -1 && errno == EPERM ? 0 : 2);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(uts);
	close(mnt);
	rmdir(MNTDIR);
}

LT_CASE(errors)
{
	pid_t pid;

	LT_CHECK_ERR(unshare(-1), EINVAL);
	LT_CHECK_ERR(unshare(0x40), EINVAL);		/* a CSIGNAL bit */
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		if (unshare(CLONE_NEWUTS) != -1 || errno != EPERM)
			_exit(2);
		if (sethostname("x", 1) != -1 || errno != EPERM)
			_exit(3);
		if (unshare(CLONE_NEWNS) != -1 || errno != EPERM)
			_exit(4);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	mkdir(PROCDIR, 0555);
	mount("proc", PROCDIR, "proc", 0, NULL);
	lt_begin("proc_unshare");
	LT_RUN(uts_namespace);
	LT_RUN(clone_newuts);
	LT_RUN(fs_and_files);
	LT_RUN(mount_namespace);
	LT_RUN(setns_back);
	LT_RUN(errors);
	return lt_end();
}
