// SPDX-License-Identifier: GPL-2.0
/*
 * proc_fs: procfs, sysfs, devtmpfs and syslog as programs see them.
 *
 * procfs is mounted at a fresh directory first (the test initramfs
 * mounts nothing, on Linux either), then every file is checked against
 * what this process knows about itself: its pid and parent, the name it
 * set with prctl, its argv and environment, the areas it mapped, the
 * files it opened.  No expected number is written here, so the same
 * binary passes on Linux.  sysfs and devtmpfs get the same treatment
 * (their skeleton directories, the memory devices), and syslog(2) must
 * hand back the kernel log dmesg prints.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/sysinfo.h>
#include <sys/sysmacros.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P	"/proc_fs_mnt"
#define BUF	65536

static char buf[BUF];
static int g_argc;
static char **g_argv, **g_envp;

/* The whole file into buf, NUL-terminated; its length or -1. */
static long slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	long len = 0, n;

	if (fd < 0)
		return -1;
	/* Small reads on purpose: the text must page through a seq_file. */
	while (len < BUF - 1 && (n = read(fd, buf + len, 100)) > 0)
		len += n;
	close(fd);
	if (n < 0)
		return -1;
	buf[len] = '\0';
	return len;
}

static long status_field(const char *key)
{
	char *p = strstr(buf, key);

	return p ? strtol(p + strlen(key), NULL, 10) : -12345;
}

LT_CASE(mount_proc)
{
	struct stat st;

	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
	LT_CHECK_OK(stat(P "/self", &st));
	LT_CHECK(S_ISDIR(st.st_mode));
	LT_CHECK_OK(lstat(P "/self", &st));
	LT_CHECK(S_ISLNK(st.st_mode));
	/* stat of every kind of proc name: free(1) and ls -l do it. */
	LT_CHECK_OK(stat(P "/meminfo", &st));
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_OK(stat(P "/self/stat", &st));
	LT_CHECK(S_ISREG(st.st_mode) && st.st_uid == geteuid());
	LT_CHECK_OK(stat(P "/sys/kernel/hostname", &st));
	LT_CHECK(S_ISREG(st.st_mode));
	LT_CHECK_OK(lstat(P "/self/cwd", &st));
	LT_CHECK(S_ISLNK(st.st_mode));
}

LT_CASE(self_link)
{
	char want[16], got[64];
	ssize_t n = readlink(P "/self", got, sizeof(got) - 1);

	LT_CHECK(n > 0);
	got[n] = '\0';
	snprintf(want, sizeof(want), "%d", getpid());
	LT_CHECK(!strcmp(got, want));
}

LT_CASE(pid_stat)
{
	char *p, comm[32], state;
	int pid, ppid, nf = 0;
	long long field[60];

	LT_CHECK(slurp(P "/self/stat") > 0);
	LT_CHECK(sscanf(buf, "%d (%31[^)]) %c %d", &pid, comm, &state, &ppid) == 4);
	LT_CHECK_EQ(pid, getpid());
	LT_CHECK(!strcmp(comm, "ltproc"));
	LT_CHECK_EQ(state, 'R');
	LT_CHECK_EQ(ppid, getppid());
	/* 52 fields: pid, comm, then 50 numbers after the ")". */
	p = strrchr(buf, ')') + 2;
	p += 2;		/* the state letter */
	while (nf < 60) {
		char *end;

		field[nf] = strtoll(p, &end, 10);
		if (end == p)
			break;
		nf++;
		p = end;
	}
	LT_CHECK_EQ(nf + 3, 52);
	LT_CHECK_EQ(field[20 - 4], 1);			/* num_threads */
	LT_CHECK(field[23 - 4] > 0);			/* vsize */
	LT_CHECK(field[24 - 4] > 0);			/* rss */
	LT_CHECK_EQ(field[38 - 4], SIGCHLD);		/* exit_signal */
}

LT_CASE(pid_stat_starttime)
{
	long long start;
	double up;
	char *p;

	LT_CHECK(slurp(P "/self/stat") > 0);
	p = strrchr(buf, ')') + 2;
	for (int i = 3; i < 22; i++)
		p = strchr(p, ' ') + 1;
	start = atoll(p);
	LT_CHECK(slurp(P "/uptime") > 0);
	LT_CHECK(sscanf(buf, "%lf", &up) == 1);
	LT_CHECK(start <= (long long)(up * 100) + 1);
}

LT_CASE(pid_status)
{
	LT_CHECK(slurp(P "/self/status") > 0);
	LT_CHECK(!strncmp(buf, "Name:\tltproc\n", 13));
	LT_CHECK(strstr(buf, "\nState:\tR (running)\n"));
	LT_CHECK_EQ(status_field("\nTgid:\t"), getpid());
	LT_CHECK_EQ(status_field("\nPid:\t"), getpid());
	LT_CHECK_EQ(status_field("\nPPid:\t"), getppid());
	LT_CHECK_EQ(status_field("\nUid:\t"), getuid());
	LT_CHECK_EQ(status_field("\nGid:\t"), getgid());
	LT_CHECK_EQ(status_field("\nThreads:\t"), 1);
	LT_CHECK(status_field("\nVmSize:\t") > 0);
	LT_CHECK(status_field("\nVmRSS:\t") > 0);
	LT_CHECK(strstr(buf, "\nSigBlk:\t"));
	LT_CHECK(strstr(buf, "\nvoluntary_ctxt_switches:\t"));
	LT_CHECK(strstr(buf, "\nUmask:\t0022\n"));
}

LT_CASE(pid_statm)
{
	unsigned long v[7];

	LT_CHECK(slurp(P "/self/statm") > 0);
	LT_CHECK(sscanf(buf, "%lu %lu %lu %lu %lu %lu %lu", &v[0], &v[1], &v[2], &v[3],
			&v[4], &v[5], &v[6]) == 7);
	LT_CHECK(v[0] > 0 && v[1] > 0 && v[1] <= v[0]);
}

LT_CASE(pid_cmdline_environ)
{
	long len = slurp(P "/self/cmdline"), off = 0, n = 0;

	LT_CHECK(len > 0);
	for (int i = 0; i < g_argc; i++) {
		LT_CHECK(!strcmp(buf + off, g_argv[i]));
		off += strlen(g_argv[i]) + 1;
	}
	LT_CHECK_EQ(len, off);
	len = slurp(P "/self/environ");
	LT_CHECK(len >= 0);
	for (off = 0; g_envp[n]; n++) {
		LT_CHECK(!strcmp(buf + off, g_envp[n]));
		off += strlen(g_envp[n]) + 1;
	}
	LT_CHECK_EQ(len, off);
}

LT_CASE(pid_comm)
{
	LT_CHECK(slurp(P "/self/comm") > 0);
	LT_CHECK(!strcmp(buf, "ltproc\n"));
}

/* The maps line that holds @addr, or NULL. */
static char *maps_line(unsigned long addr)
{
	for (char *line = buf; *line; ) {
		char *nl = strchr(line, '\n');
		unsigned long s, e;

		if (sscanf(line, "%lx-%lx", &s, &e) == 2 && s <= addr && addr < e) {
			if (nl)
				*nl = '\0';
			return line;
		}
		if (!nl)
			break;
		line = nl + 1;
	}
	return NULL;
}

LT_CASE(pid_maps)
{
	int local = 0;
	char *area = mmap(NULL, 3 * 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char want[64], *line;

	LT_CHECK(area != MAP_FAILED);
	LT_CHECK(slurp(P "/self/maps") > 0);
	snprintf(want, sizeof(want), "%lx-%lx r--p 00000000 00:00 0",
		 (unsigned long)area, (unsigned long)area + 3 * 4096);
	line = maps_line((unsigned long)area);
	LT_CHECK(line && !strncmp(line, want, strlen(want)));
	LT_CHECK(slurp(P "/self/maps") > 0);
	line = maps_line((unsigned long)&local);
	LT_CHECK(line && strstr(line, " rw-p ") && strstr(line, "[stack]"));
	/* The name starts at column 74, as Linux pads it. */
	LT_CHECK(strlen(line) > 74 && !strcmp(line + 73, "[stack]"));
	LT_CHECK(slurp(P "/self/maps") > 0);
	line = maps_line((unsigned long)&maps_line);
	LT_CHECK(line && line[strcspn(line, " ") + 3] == 'x');
	munmap(area, 3 * 4096);
}

LT_CASE(pid_links)
{
	char got[256];
	ssize_t n;
	int fd = open("/proc_fs_file", O_CREAT | O_RDWR, 0644);

	LT_CHECK(fd >= 0);
	snprintf(buf, sizeof(buf), P "/self/fd/%d", fd);
	n = readlink(buf, got, sizeof(got) - 1);
	LT_CHECK(n > 0);
	got[n] = '\0';
	LT_CHECK(!strcmp(got, "/proc_fs_file"));
	close(fd);
	unlink("/proc_fs_file");
	LT_CHECK_OK(chdir("/tests"));
	n = readlink(P "/self/cwd", got, sizeof(got) - 1);
	LT_CHECK_OK(chdir("/"));
	LT_CHECK(n > 0);
	got[n] = '\0';
	LT_CHECK(!strcmp(got, "/tests"));
	n = readlink(P "/self/root", got, sizeof(got) - 1);
	LT_CHECK(n == 1 && got[0] == '/');
	n = readlink(P "/self/exe", got, sizeof(got) - 1);
	LT_CHECK(n > 0);
	got[n] = '\0';
	LT_CHECK(!strcmp(got, "/tests/proc_fs"));
}

LT_CASE(pid_fd_dir)
{
	int fd = open("/", O_RDONLY), found = 0;
	DIR *d = opendir(P "/self/fd");
	struct dirent *e;

	LT_CHECK(fd >= 0 && d);
	while ((e = readdir(d)))
		if (atoi(e->d_name) == fd && e->d_type == DT_LNK)
			found = 1;
	closedir(d);
	close(fd);
	LT_CHECK(found);
}

LT_CASE(readdir_pids)
{
	DIR *d = opendir(P);
	struct dirent *e;
	int me = 0, self = 0, init = 0;

	LT_CHECK(d);
	while ((e = readdir(d))) {
		if (atoi(e->d_name) == getpid())
			me = e->d_type == DT_DIR;
		if (!strcmp(e->d_name, "1"))
			init = 1;
		if (!strcmp(e->d_name, "self"))
			self = 1;
	}
	closedir(d);
	LT_CHECK(me && self && init);
}

LT_CASE(child_and_dead)
{
	char path[64];
	int fd, pid = fork(), ppid;
	char state = 0;

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), P "/%d/stat", pid);
	for (int i = 0; i < 200 && state != 'S'; i++) {
		LT_CHECK(slurp(path) > 0);
		LT_CHECK(sscanf(strrchr(buf, ')') + 2, "%c %d", &state, &ppid) == 2);
		if (state != 'S')
			lt_sleep_ms(5);
	}
	LT_CHECK_EQ(state, 'S');
	LT_CHECK_EQ(ppid, getpid());
	fd = open(path, O_RDONLY);
	LT_CHECK(fd >= 0);
	kill(pid, SIGKILL);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	LT_CHECK_ERR(read(fd, buf, 100), ESRCH);
	close(fd);
	LT_CHECK_ERR(open(path, O_RDONLY), ENOENT);
}

/*
 * A /proc/<pid> directory held open does not keep the name alive: once
 * the process is reaped the name is gone, and a new process given the
 * same PID (through ns_last_pid) gets a directory of its own.
 */
LT_CASE(dead_dir_held_open)
{
	char path[64], last[16];
	struct stat old, now;
	int fd, pid = fork(), again, lastfd;

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		pause();
		_exit(0);
	}
	snprintf(path, sizeof(path), P "/%d", pid);
	fd = open(path, O_RDONLY | O_DIRECTORY);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(fstat(fd, &old));
	kill(pid, SIGKILL);
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
	LT_CHECK_ERR(stat(path, &now), ENOENT);
	lastfd = open(P "/sys/kernel/ns_last_pid", O_WRONLY);
	LT_CHECK(lastfd >= 0);
	snprintf(last, sizeof(last), "%d", pid - 1);
	LT_CHECK_EQ(write(lastfd, last, strlen(last)), (long)strlen(last));
	close(lastfd);
	again = fork();
	LT_CHECK(again >= 0);
	if (again == 0) {
		pause();
		_exit(0);
	}
	if (again == pid) {
		LT_CHECK_OK(stat(path, &now));
		LT_CHECK(now.st_ino != old.st_ino);
	} else {
		lt_note("PID %d not reused (got %d): the second half is skipped", pid, again);
	}
	kill(again, SIGKILL);
	LT_CHECK_WAIT(again, LT_KILLED(SIGKILL));
	close(fd);
}

LT_CASE(meminfo)
{
	LT_CHECK(slurp(P "/meminfo") > 0);
	LT_CHECK(!strncmp(buf, "MemTotal:", 9));
	LT_CHECK(status_field("MemTotal:") > status_field("\nMemFree:"));
	LT_CHECK(status_field("\nMemFree:") > 0);
	LT_CHECK(strstr(buf, "\nMemAvailable:"));
}

/* sysinfo(2) and /proc agree: free and uptime use one, top the other. */
LT_CASE(sysinfo_agrees)
{
	struct sysinfo si;
	double up;
	long s;

	LT_CHECK_OK(sysinfo(&si));
	LT_CHECK(slurp(P "/meminfo") > 0);
	LT_CHECK(si.mem_unit > 0);
	LT_CHECK_EQ((unsigned long long)si.totalram * si.mem_unit / 1024, status_field("MemTotal:"));
	LT_CHECK(si.freeram > 0 && si.freeram <= si.totalram);
	LT_CHECK(si.procs >= 2);
	LT_CHECK(slurp(P "/uptime") > 0);
	LT_CHECK(sscanf(buf, "%lf", &up) == 1);
	s = si.uptime;
	LT_CHECK(s >= (long)up && s <= (long)up + 2);	/* Linux rounds up */
	LT_CHECK(si.loads[0] < (100UL << 16));
}

LT_CASE(uptime_loadavg)
{
	double up1, up2, idle, l1, l5, l15;
	int run, total, last;

	LT_CHECK(slurp(P "/uptime") > 0);
	LT_CHECK(sscanf(buf, "%lf %lf", &up1, &idle) == 2);
	lt_sleep_ms(30);
	LT_CHECK(slurp(P "/uptime") > 0);
	LT_CHECK(sscanf(buf, "%lf", &up2) == 1);
	LT_CHECK(up1 > 0 && up2 > up1);
	LT_CHECK(slurp(P "/loadavg") > 0);
	LT_CHECK(sscanf(buf, "%lf %lf %lf %d/%d %d", &l1, &l5, &l15, &run, &total, &last) == 6);
	LT_CHECK(l1 >= 0 && run >= 1 && total >= run && last >= 1);
}

LT_CASE(system_stat)
{
	unsigned long long user, nice, sys, idle;

	LT_CHECK(slurp(P "/stat") > 0);
	LT_CHECK(sscanf(buf, "cpu %llu %llu %llu %llu", &user, &nice, &sys, &idle) == 4);
	/* Idle is the 4th column: this test sleeps, so the CPU idles (Lantern and QEMU alike). */
	LT_CHECK(idle > 0);
	LT_CHECK(strstr(buf, "\ncpu0 "));
	LT_CHECK(strstr(buf, "\nintr "));
	LT_CHECK(status_field("\nctxt ") > 0);
	LT_CHECK(status_field("\nbtime ") > 1000000000L);
	LT_CHECK(status_field("\nprocesses ") > 1);
	LT_CHECK(status_field("\nprocs_running ") >= 1);
	LT_CHECK(status_field("\nprocs_blocked ") >= 0);
}

LT_CASE(misc_files)
{
	struct utsname u;
	char want[128];

	LT_CHECK(slurp(P "/version") > 0);
	LT_CHECK_OK(uname(&u));
	snprintf(want, sizeof(want), " version %s ", u.release);
	LT_CHECK(strstr(buf, want));
	LT_CHECK(slurp(P "/cmdline") > 0);
	LT_CHECK(slurp(P "/cpuinfo") > 0);
	LT_CHECK(!strncmp(buf, "processor\t: 0\n", 14));
	LT_CHECK(slurp(P "/filesystems") > 0);
	LT_CHECK(strstr(buf, "nodev\tproc\n"));
	LT_CHECK(slurp(P "/interrupts") > 0);
	LT_CHECK(slurp(P "/vmstat") > 0);
	LT_CHECK(!strncmp(buf, "nr_free_pages ", 14));
	LT_CHECK(slurp(P "/iomem") > 0);
	LT_CHECK(strstr(buf, " : System RAM\n"));
	LT_CHECK(slurp(P "/buddyinfo") > 0);
	LT_CHECK(!strncmp(buf, "Node 0, zone", 12));
}

LT_CASE(mounts)
{
	LT_CHECK(slurp(P "/self/mounts") > 0);
	LT_CHECK(strstr(buf, "proc " P " proc rw"));
	LT_CHECK(slurp(P "/mounts") > 0);
	LT_CHECK(strstr(buf, "proc " P " proc rw"));
}

LT_CASE(sys_kernel)
{
	char old[80], name[80];

	LT_CHECK(slurp(P "/sys/kernel/ostype") > 0);
	LT_CHECK(!strcmp(buf, "Linux\n"));
	LT_CHECK(slurp(P "/sys/kernel/osrelease") > 0);
	LT_CHECK(slurp(P "/sys/kernel/pid_max") > 0);
	LT_CHECK(atoi(buf) > getpid());
	LT_CHECK_OK(gethostname(old, sizeof(old)));
	{
		int fd = open(P "/sys/kernel/hostname", O_WRONLY);

		LT_CHECK(fd >= 0);
		LT_CHECK_EQ(write(fd, "ltproc-host\n", 12), 12);
		close(fd);
	}
	LT_CHECK_OK(gethostname(name, sizeof(name)));
	LT_CHECK_OK(sethostname(old, strlen(old)));
	LT_CHECK(!strcmp(name, "ltproc-host"));
	LT_CHECK(slurp(P "/sys/kernel/hostname") > 0);
	LT_CHECK(!strncmp(buf, old, strlen(old)) && buf[strlen(old)] == '\n');
}

/* Two mounts show one tree; after the last umount a new mount starts afresh. */
LT_CASE(umount_proc)
{
	mkdir(P "2", 0755);
	LT_CHECK_OK(mount("proc", P "2", "proc", 0, NULL));
	LT_CHECK(slurp(P "2/self/comm") > 0 && !strcmp(buf, "ltproc\n"));
	LT_CHECK_OK(umount(P "2"));
	LT_CHECK_OK(umount(P));
	LT_CHECK_ERR(open(P "/self/stat", O_RDONLY), ENOENT);
	LT_CHECK_OK(mount("proc", P "2", "proc", 0, NULL));
	LT_CHECK(slurp(P "2/self/comm") > 0 && !strcmp(buf, "ltproc\n"));
	LT_CHECK_OK(umount(P "2"));
	LT_CHECK_OK(rmdir(P "2"));
	LT_CHECK_OK(rmdir(P));
}

LT_CASE(syslog_read)
{
	int size = klogctl(10, NULL, 0);		/* SYSLOG_ACTION_SIZE_BUFFER */
	int n;

	LT_CHECK(size > 0);
	n = klogctl(3, buf, sizeof(buf));		/* SYSLOG_ACTION_READ_ALL */
	LT_CHECK(n > 0 && buf[0] == '<');
	LT_CHECK(strstr(buf, "Linux version") || strstr(buf, "Lantern"));
	LT_CHECK_ERR(klogctl(3, NULL, 10), EINVAL);
	LT_CHECK_ERR(klogctl(99, buf, 10), EINVAL);
}

LT_CASE(sysfs_skeleton)
{
	static const char *const dirs[] = { "kernel", "class", "devices", "module",
					    "kernel/debug" };
	struct stat st;

	mkdir("/sys_fs_mnt", 0755);
	LT_CHECK_OK(mount("sysfs", "/sys_fs_mnt", "sysfs", 0, NULL));
	for (unsigned int i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		snprintf(buf, sizeof(buf), "/sys_fs_mnt/%s", dirs[i]);
		LT_CHECK_OK(stat(buf, &st));
		LT_CHECK(S_ISDIR(st.st_mode));
	}
	LT_CHECK_ERR(mkdir("/sys_fs_mnt/kernel/x", 0755), EPERM);
	LT_CHECK_OK(umount("/sys_fs_mnt"));
	LT_CHECK_OK(rmdir("/sys_fs_mnt"));
}

LT_CASE(devtmpfs_nodes)
{
	static const struct { const char *name; int major, minor; } nodes[] = {
		{ "null", 1, 3 }, { "zero", 1, 5 }, { "full", 1, 7 }, { "random", 1, 8 },
		{ "urandom", 1, 9 }, { "tty", 5, 0 }, { "console", 5, 1 },
	};
	struct stat st;
	int fd;

	mkdir("/dev_fs_mnt", 0755);
	LT_CHECK_OK(mount("devtmpfs", "/dev_fs_mnt", "devtmpfs", 0, NULL));
	for (unsigned int i = 0; i < sizeof(nodes) / sizeof(nodes[0]); i++) {
		snprintf(buf, sizeof(buf), "/dev_fs_mnt/%s", nodes[i].name);
		LT_CHECK_OK(stat(buf, &st));
		LT_CHECK(S_ISCHR(st.st_mode));
		LT_CHECK_EQ(major(st.st_rdev), nodes[i].major);
		LT_CHECK_EQ(minor(st.st_rdev), nodes[i].minor);
	}
	fd = open("/dev_fs_mnt/zero", O_RDONLY);
	LT_CHECK(fd >= 0);
	buf[0] = 1;
	LT_CHECK_EQ(read(fd, buf, 10), 10);
	LT_CHECK_EQ(buf[0], 0);
	close(fd);
	LT_CHECK_OK(umount("/dev_fs_mnt"));
	LT_CHECK_OK(rmdir("/dev_fs_mnt"));
}

int main(int argc, char **argv, char **envp)
{
	g_argc = argc;
	g_argv = argv;
	g_envp = envp;
	umask(022);
	prctl(PR_SET_NAME, "ltproc");
	lt_begin("proc_fs");
	LT_RUN(mount_proc);
	LT_RUN(self_link);
	LT_RUN(pid_stat);
	LT_RUN(pid_stat_starttime);
	LT_RUN(pid_status);
	LT_RUN(pid_statm);
	LT_RUN(pid_cmdline_environ);
	LT_RUN(pid_comm);
	LT_RUN(pid_maps);
	LT_RUN(pid_links);
	LT_RUN(pid_fd_dir);
	LT_RUN(readdir_pids);
	LT_RUN(child_and_dead);
	LT_RUN(dead_dir_held_open);
	LT_RUN(meminfo);
	LT_RUN(sysinfo_agrees);
	LT_RUN(uptime_loadavg);
	LT_RUN(system_stat);
	LT_RUN(misc_files);
	LT_RUN(mounts);
	LT_RUN(sys_kernel);
	LT_RUN(umount_proc);
	LT_RUN(syslog_read);
	LT_RUN(sysfs_skeleton);
	LT_RUN(devtmpfs_nodes);
	return lt_end();
}
