// SPDX-License-Identifier: GPL-2.0
/*
 * sys_legacy: old System V calls that programs (and LTP) still make.
 * sysfs(2) lists the filesystem types by index, ustat(2) reports free
 * space by device number, arch_prctl's CPUID switch says ENODEV where the
 * CPU cannot make CPUID fault, and vhangup needs CAP_SYS_ADMIN.
 */
#define _GNU_SOURCE
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "lt.h"

#define ARCH_GET_CPUID 0x1011
#define ARCH_SET_CPUID 0x1012

LT_CASE(sysfs_types)
{
	char name[64];
	long n = syscall(SYS_sysfs, 3), idx;

	LT_CHECK(n > 0);
	idx = syscall(SYS_sysfs, 1, "proc");
	LT_CHECK(idx >= 0 && idx < n);
	LT_CHECK_OK(syscall(SYS_sysfs, 2, idx, name));
	LT_CHECK(!strcmp(name, "proc"));
	LT_CHECK_ERR(syscall(SYS_sysfs, 1, "no-such-fs"), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sysfs, 2, n, name), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sysfs, 4), EINVAL);
	LT_CHECK_ERR(syscall(SYS_sysfs, 1, (char *)8), EFAULT);
	LT_CHECK_ERR(syscall(SYS_sysfs, 2, idx, (char *)8), EFAULT);
}

struct ustat_buf {
	int f_tfree;
	unsigned long f_tinode;
	char f_fname[6], f_fpack[6];
};

LT_CASE(ustat)
{
	struct ustat_buf u;
	struct stat st;

	LT_CHECK_OK(stat("/", &st));
	LT_CHECK_OK(syscall(SYS_ustat, (unsigned int)st.st_dev, &u));
	LT_CHECK_ERR(syscall(SYS_ustat, (unsigned int)makedev(250, 4095), &u), EINVAL);
	LT_CHECK_ERR(syscall(SYS_ustat, (unsigned int)st.st_dev, (void *)8), EFAULT);
}

LT_CASE(arch_prctl_cpuid)
{
	LT_CHECK_EQ(syscall(SYS_arch_prctl, ARCH_GET_CPUID, 0), 1);
}

LT_CASE(vhangup_needs_cap)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK(setsid() > 0);
		LT_CHECK_OK(syscall(SYS_vhangup));	/* no terminal: nothing to do */
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(syscall(SYS_vhangup), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("sys_legacy");
	LT_RUN(sysfs_types);
	LT_RUN(ustat);
	LT_RUN(arch_prctl_cpuid);
	LT_RUN(vhangup_needs_cap);
	return lt_end();
}
