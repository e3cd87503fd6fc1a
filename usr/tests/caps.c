// SPDX-License-Identifier: GPL-2.0
/*
 * caps: capability sets.  capget/capset and their versioned header, the
 * rules of capset (permitted only shrinks, effective within permitted),
 * what setuid does to root's sets (and PR_SET_KEEPCAPS), the bounding set
 * (PR_CAPBSET_*), ambient capabilities across execve, securebits.
 * Every change happens in a child so this program stays fully privileged.
 * "caps ambient-check" is the program the exec cases run.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define VERSION_1 0x19980330
#define VERSION_3 0x20080522
#define CAP_CHOWN 0
#define CAP_SETUID 7
#define CAP_SETPCAP 8
#define CAP_NET_RAW 13
#define SECBIT_KEEP_CAPS (1 << 4)
#define SECBIT_KEEP_CAPS_LOCKED (1 << 5)

struct hdr { unsigned int version; int pid; };
struct data { unsigned int eff, perm, inh; };

static char *self;

static long capget_(struct hdr *h, struct data *d)
{
	return syscall(SYS_capget, h, d);
}

static long capset_(struct hdr *h, struct data *d)
{
	return syscall(SYS_capset, h, d);
}

static int get3(struct data d[2])
{
	struct hdr h = { VERSION_3, 0 };

	return capget_(&h, d);
}

static int set3(unsigned long long eff, unsigned long long perm, unsigned long long inh)
{
	struct hdr h = { VERSION_3, 0 };
	struct data d[2] = {
		{ (unsigned int)eff, (unsigned int)perm, (unsigned int)inh },
		{ eff >> 32, perm >> 32, inh >> 32 },
	};

	return capset_(&h, d);
}

static unsigned long long eff_of(struct data d[2])
{
	return d[0].eff | (unsigned long long)d[1].eff << 32;
}

static unsigned long long perm_of(struct data d[2])
{
	return d[0].perm | (unsigned long long)d[1].perm << 32;
}

LT_CASE(capget_root)
{
	struct data d[2];
	struct hdr h = { VERSION_1, 0 };
	struct data one[2] = { { 0 }, { 7, 7, 7 } };

	LT_CHECK_OK(get3(d));
	LT_CHECK_EQ(d[0].eff, 0xffffffffu);
	LT_CHECK_EQ(d[0].perm, 0xffffffffu);
	LT_CHECK(d[1].eff != 0);
	LT_CHECK_EQ(d[0].inh, 0);
	/* Version 1 has one 32-bit word: the second struct is not written. */
	LT_CHECK_OK(capget_(&h, one));
	LT_CHECK_EQ(one[0].eff, 0xffffffffu);
	LT_CHECK_EQ(one[1].eff, 7);
	/* Another process's sets can be read. */
	h.version = VERSION_3;
	h.pid = getppid();
	LT_CHECK_OK(capget_(&h, d));
}

LT_CASE(capget_bad)
{
	struct hdr h = { 0x12345678, 0 };
	struct data d[2];

	LT_CHECK_ERR(capget_(&h, d), EINVAL);
	LT_CHECK_EQ(h.version, VERSION_3);	/* the kernel's preferred version */
	h.version = 0x12345678;
	LT_CHECK_OK(capget_(&h, NULL));		/* probing with no data is fine */
	LT_CHECK_EQ(h.version, VERSION_3);
	h.pid = -1;
	LT_CHECK_ERR(capget_(&h, d), EINVAL);
	h.pid = 0x3fffffff;
	LT_CHECK_ERR(capget_(&h, d), ESRCH);
	h.pid = 0;
	LT_CHECK_ERR(capget_((struct hdr *)8, d), EFAULT);
	LT_CHECK_ERR(capget_(&h, (struct data *)8), EFAULT);
	LT_CHECK_ERR(capset_(&h, (struct data *)8), EFAULT);
	h.pid = getppid();
	LT_CHECK_OK(get3(d));
	LT_CHECK_ERR(capset_(&h, d), EPERM);	/* only one's own sets */
	h.version = 1;
	LT_CHECK_ERR(capset_(&h, d), EINVAL);
}

LT_CASE(capset_rules)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];
		unsigned long long all;

		LT_CHECK_OK(get3(d));
		all = perm_of(d);
		/* Effective outside permitted. */
		LT_CHECK_ERR(set3(all, all & ~(1ULL << CAP_SETUID), 0), EPERM);
		/* Drop CAP_SETUID from effective: setuid fails, raising it again works. */
		LT_CHECK_OK(set3(all & ~(1ULL << CAP_SETUID), all, 0));
		LT_CHECK_ERR(setuid(1000), EPERM);
		LT_CHECK_OK(set3(all, all, 0));
		/* Drop it from permitted: now it cannot come back. */
		LT_CHECK_OK(set3(all & ~(1ULL << CAP_SETUID), all & ~(1ULL << CAP_SETUID), 0));
		LT_CHECK_ERR(set3(all, all, 0), EPERM);
		LT_CHECK_OK(get3(d));
		LT_CHECK_EQ(perm_of(d), all & ~(1ULL << CAP_SETUID));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(setuid_drops_caps)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];

		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_OK(get3(d));
		LT_CHECK_EQ(eff_of(d), 0);
		LT_CHECK_EQ(perm_of(d), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];

		LT_CHECK_ERR(prctl(PR_SET_KEEPCAPS, 2, 0, 0, 0), EINVAL);
		LT_CHECK_OK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0));
		LT_CHECK_EQ(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0), 1);
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_OK(get3(d));
		LT_CHECK_EQ(eff_of(d), 0);		/* effective follows euid */
		LT_CHECK(perm_of(d) & (1ULL << CAP_SETUID));
		/* Only the effective set needs raising to act as root again. */
		LT_CHECK_OK(set3(perm_of(d), perm_of(d), 0));
		LT_CHECK_OK(setresuid(0, 0, 0));
		LT_CHECK_EQ(geteuid(), 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Only the effective UID leaving 0: effective empties, comes back. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];

		LT_CHECK_OK(seteuid(1000));
		LT_CHECK_OK(get3(d));
		LT_CHECK_EQ(eff_of(d), 0);
		LT_CHECK(perm_of(d) != 0);
		LT_CHECK_OK(seteuid(0));
		LT_CHECK_OK(get3(d));
		LT_CHECK_EQ(eff_of(d), perm_of(d));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(bounding_set)
{
	pid_t pid;

	LT_CHECK_EQ(prctl(PR_CAPBSET_READ, CAP_CHOWN, 0, 0, 0), 1);
	LT_CHECK_ERR(prctl(PR_CAPBSET_READ, 200, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(prctl(PR_CAPBSET_READ, -1, 0, 0, 0), EINVAL);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];

		LT_CHECK_ERR(prctl(PR_CAPBSET_DROP, 200, 0, 0, 0), EINVAL);
		LT_CHECK_OK(prctl(PR_CAPBSET_DROP, CAP_NET_RAW, 0, 0, 0));
		LT_CHECK_EQ(prctl(PR_CAPBSET_READ, CAP_NET_RAW, 0, 0, 0), 0);
		/* The bounding set limits exec, not the sets we hold now. */
		LT_CHECK_OK(get3(d));
		LT_CHECK(perm_of(d) & (1ULL << CAP_NET_RAW));
		/* Without CAP_SETPCAP nothing more can be dropped. */
		LT_CHECK_OK(set3(perm_of(d) & ~(1ULL << CAP_SETPCAP), perm_of(d), 0));
		LT_CHECK_ERR(prctl(PR_CAPBSET_DROP, CAP_CHOWN, 0, 0, 0), EPERM);
		execl(self, self, "check-bset", (char *)NULL);
		_exit(98);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(ambient)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];
		unsigned long long all;

		LT_CHECK_OK(get3(d));
		all = perm_of(d);
		LT_CHECK_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), 0);
		/* Not inheritable yet: may not be ambient. */
		LT_CHECK_ERR(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0), EPERM);
		LT_CHECK_ERR(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 200, 0, 0), EINVAL);
		LT_CHECK_ERR(prctl(PR_CAP_AMBIENT, 99, CAP_NET_RAW, 0, 0), EINVAL);
		LT_CHECK_ERR(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 1, 0, 0), EINVAL);
		LT_CHECK_OK(set3(all, all, 1ULL << CAP_NET_RAW));
		LT_CHECK_OK(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0));
		LT_CHECK_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), 1);
		/* Becoming an ordinary user keeps ambient only with keep-caps... */
		LT_CHECK_OK(prctl(PR_SET_KEEPCAPS, 1, 0, 0, 0));
		LT_CHECK_OK(setresgid(1000, 1000, 1000));
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		/* ...no: dropping every UID 0 always clears ambient. */
		LT_CHECK_EQ(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_NET_RAW, 0, 0), 0);
		LT_CHECK_OK(get3(d));
		LT_CHECK_OK(set3(perm_of(d), perm_of(d), 1ULL << CAP_NET_RAW));
		LT_CHECK_OK(prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAP_NET_RAW, 0, 0));
		execl(self, self, "check-ambient", (char *)NULL);
		_exit(98);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(securebits)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_EQ(prctl(PR_GET_SECUREBITS, 0, 0, 0, 0), 0);
		LT_CHECK_ERR(prctl(PR_SET_SECUREBITS, 1 << 20, 0, 0, 0), EPERM);
		LT_CHECK_OK(prctl(PR_SET_SECUREBITS, SECBIT_KEEP_CAPS | SECBIT_KEEP_CAPS_LOCKED, 0, 0, 0));
		LT_CHECK_EQ(prctl(PR_GET_KEEPCAPS, 0, 0, 0, 0), 1);
		LT_CHECK_ERR(prctl(PR_SET_KEEPCAPS, 0, 0, 0, 0), EPERM);
		LT_CHECK_ERR(prctl(PR_SET_SECUREBITS, 0, 0, 0, 0), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* SECBIT_NOROOT: exec gives UID 0 nothing. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		LT_CHECK_OK(prctl(PR_SET_SECUREBITS, 1 /* SECBIT_NOROOT */, 0, 0, 0));
		execl(self, self, "check-noroot", (char *)NULL);
		_exit(98);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* Root's power is its effective set: without CAP_CHOWN/CAP_DAC_OVERRIDE, UID 0 is refused. */
LT_CASE(capable_checks)
{
	pid_t pid;
	int fd;

	mkdir("/tmp", 01777);
	unlink("/tmp/caps-file");
	fd = open("/tmp/caps-file", O_CREAT | O_WRONLY, 0);
	LT_CHECK(fd >= 0);
	close(fd);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		struct data d[2];
		unsigned long long all, drop;

		/* With them, root opens a mode-0 file and gives it away. */
		fd = open("/tmp/caps-file", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_OK(get3(d));
		all = perm_of(d);
		drop = (1ULL << CAP_CHOWN) | (1ULL << 1) /* DAC_OVERRIDE */ |
		       (1ULL << 2) /* DAC_READ_SEARCH */;
		LT_CHECK_OK(set3(all & ~drop, all, 0));
		LT_CHECK_ERR(open("/tmp/caps-file", O_RDONLY), EACCES);
		LT_CHECK_ERR(chown("/tmp/caps-file", 1000, 1000), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	unlink("/tmp/caps-file");
}

/* Run by exec: the dropped bounding capability is gone even for root. */
static int check_bset(void)
{
	struct data d[2];

	if (get3(d) || (perm_of(d) & (1ULL << CAP_NET_RAW)) || !(perm_of(d) & 1))
		return 1;
	return prctl(PR_CAPBSET_READ, CAP_NET_RAW, 0, 0, 0) == 0 ? 0 : 2;
}

/* Run by exec as uid 1000: the ambient capability is permitted and effective. */
static int check_ambient(void)
{
	struct data d[2];
	char buf[4096];

	if (get3(d) || getuid() != 1000)
		return 1;
	if (eff_of(d) != 1ULL << CAP_NET_RAW || perm_of(d) != 1ULL << CAP_NET_RAW)
		return 2;
	if (lt_read_file("/proc/self/status", buf, sizeof(buf)) < 0 ||
	    !strstr(buf, "CapAmb:\t0000000000002000"))
		return 3;
	return 0;
}

/* Run by exec under SECBIT_NOROOT: still UID 0, but no capabilities. */
static int check_noroot(void)
{
	struct data d[2];

	if (get3(d) || geteuid() != 0)
		return 1;
	return perm_of(d) == 0 && eff_of(d) == 0 ? 0 : 2;
}

int main(int argc, char **argv)
{
	self = argv[0];
	if (argc > 1 && !strcmp(argv[1], "check-noroot"))
		return check_noroot();
	if (argc > 1 && !strcmp(argv[1], "check-ambient"))
		return check_ambient();
	if (argc > 1 && !strcmp(argv[1], "check-bset"))
		return check_bset();
	lt_begin("caps");
	/* The test initramfs mounts nothing. */
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(capget_root);
	LT_RUN(capget_bad);
	LT_RUN(capset_rules);
	LT_RUN(setuid_drops_caps);
	LT_RUN(bounding_set);
	LT_RUN(ambient);
	LT_RUN(securebits);
	LT_RUN(capable_checks);
	return lt_end();
}
