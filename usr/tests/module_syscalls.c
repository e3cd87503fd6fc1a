// SPDX-License-Identifier: GPL-2.0
/*
 * module_syscalls: init_module, finit_module and delete_module given bad
 * input.  No image here is a real module: every call must fail with the
 * error code Linux gives, before anything is loaded.  (Loading real
 * modules is tools/testing/module-tests.sh's job.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

static long init_module_(void *image, unsigned long len, const char *args)
{
	return syscall(SYS_init_module, image, len, args);
}

static long finit_module_(int fd, const char *args, int flags)
{
	return syscall(SYS_finit_module, fd, args, flags);
}

static long delete_module_(const char *name, unsigned int flags)
{
	return syscall(SYS_delete_module, name, flags);
}

static char zeros[4096];

LT_CASE(init_module_short)
{
	/* Shorter than an ELF header: not a module. */
	LT_CHECK_ERR(init_module_(zeros, 10, ""), ENOEXEC);
	LT_CHECK_ERR(init_module_(NULL, 0, ""), ENOEXEC);
}

LT_CASE(init_module_bad_pointer)
{
	LT_CHECK_ERR(init_module_((void *)1, 4096, ""), EFAULT);
	LT_CHECK_ERR(init_module_((void *)0xffff800000000000UL, 4096, ""), EFAULT);
}

LT_CASE(init_module_not_elf)
{
	LT_CHECK_ERR(init_module_(zeros, sizeof(zeros), ""), ENOEXEC);
}

LT_CASE(finit_module_bad_fd)
{
	LT_CHECK_ERR(finit_module_(-1, "", 0), EBADF);
	LT_CHECK_ERR(finit_module_(1000, "", 0), EBADF);
}

LT_CASE(finit_module_bad_flags)
{
	int fd = open("/", O_RDONLY | O_DIRECTORY);

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(finit_module_(fd, "", 0x100), EINVAL);
	close(fd);
}

LT_CASE(finit_module_not_a_file)
{
	int fd = open("/", O_RDONLY | O_DIRECTORY);

	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(finit_module_(fd, "", 0), EINVAL);
	close(fd);
}

LT_CASE(finit_module_bad_files)
{
	const char *path = "/module_syscalls.ko";
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	LT_CHECK(fd >= 0);
	close(fd);
	/* Empty: nothing to read. */
	fd = open(path, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(finit_module_(fd, "", 0), EINVAL);
	close(fd);
	/* Not an ELF image. */
	fd = open(path, O_WRONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(write(fd, zeros, sizeof(zeros)), sizeof(zeros));
	/* A file someone has open for writing is busy. */
	{
		int rfd = open(path, O_RDONLY);

		LT_CHECK(rfd >= 0);
		LT_CHECK_ERR(finit_module_(rfd, "", 0), ETXTBSY);
		close(rfd);
	}
	/* Open for writing only: the kernel cannot read it. */
	LT_CHECK_ERR(finit_module_(fd, "", 0), EBADF);
	close(fd);
	fd = open(path, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(finit_module_(fd, "", 0), ENOEXEC);
	close(fd);
	unlink(path);
}

LT_CASE(delete_module_errors)
{
	LT_CHECK_ERR(delete_module_("no_such_module_here", O_NONBLOCK), ENOENT);
	LT_CHECK_ERR(delete_module_((const char *)1, O_NONBLOCK), EFAULT);
}

/* Without CAP_SYS_MODULE nothing module-related is allowed. */
LT_CASE(unprivileged)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int fd = open("/", O_RDONLY | O_DIRECTORY);

		if (setgid(65534) || setuid(65534))
			_exit(LT_CHILD_FAILED);
		if (init_module_(zeros, sizeof(zeros), "") != -1 || errno != EPERM)
			_exit(1);
		if (finit_module_(fd, "", 0) != -1 || errno != EPERM)
			_exit(2);
		if (delete_module_("no_such_module_here", O_NONBLOCK) != -1 || errno != EPERM)
			_exit(3);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("module_syscalls");
	LT_RUN(init_module_short);
	LT_RUN(init_module_bad_pointer);
	LT_RUN(init_module_not_elf);
	LT_RUN(finit_module_bad_fd);
	LT_RUN(finit_module_bad_flags);
	LT_RUN(finit_module_not_a_file);
	LT_RUN(finit_module_bad_files);
	LT_RUN(delete_module_errors);
	LT_RUN(unprivileged);
	return lt_end();
}
