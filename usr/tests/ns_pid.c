// SPDX-License-Identifier: GPL-2.0
/*
 * ns_pid: PID namespaces.  The first child in a new namespace is PID 1
 * there with parent 0, its children count on from 2, and the outside sees
 * them all by other numbers (NSpid in /proc/PID/status lists both).
 * Orphans inside go to that PID 1; signals from inside reach it only
 * through a handler, SIGKILL from outside kills it, and its death kills
 * the rest of the namespace.  A /proc mounted inside shows only the
 * namespace.  setns into a namespace places one's children there; the
 * nsfs ioctls give a namespace's type and parent.  Error
 * cases: a second unshare before forking, a thread in a new namespace,
 * no CAP_SYS_ADMIN.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

/* <linux/nsfs.h>'s numbers; musl's headers do not carry it. */
#ifndef NS_GET_PARENT
#define NS_GET_PARENT		_IO(0xb7, 0x2)
#define NS_GET_NSTYPE		_IO(0xb7, 0x3)
#define NS_GET_OWNER_UID	_IO(0xb7, 0x4)
#endif

#define PROCDIR		"/t_nspid_proc"		/* proc of the first namespace */
#define INNERPROC	"/t_nspid_inner"	/* mounted inside a new one */

static char stack[65536] __attribute__((aligned(16)));

/* The numbers after "NSpid:" in PROCDIR/@pid/status, or -1. */
static int nspid_of(pid_t pid, int *nr, int max)
{
	char path[64], buf[2048], *p;
	int n = 0;

	snprintf(path, sizeof(path), PROCDIR "/%d/status", pid);
	if (lt_read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	p = strstr(buf, "\nNSpid:");
	if (!p)
		return -1;
	p += 7;
	while (n < max && *p != '\n' && *p) {
		char *end;
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		nr[n++] = (int)v;
		p = end;
	}
	return n;
}

/* unshare: the caller keeps its PID, its first child is 1 with parent 0, the next is 2. */
LT_CASE(unshare_then_fork)
{
	int *res = lt_shared(4 * sizeof(int));
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		pid_t me = getpid(), c, w;
		int st;

		if (unshare(CLONE_NEWPID))
			_exit(1);
		if (getpid() != me)
			_exit(2);
		c = fork();
		if (c == 0) {
			pid_t gc;

			res[0] = getpid();
			res[1] = getppid();
			gc = fork();
			if (gc == 0) {
				res[2] = getpid();
				res[3] = getppid();
				_exit(0);
			}
			/* the namespace's number for it, as fork and wait give it */
			if (gc != 2 || waitpid(gc, &st, 0) != 2 || st)
				_exit(3);
			_exit(0);
		}
		if (c <= 1)
			_exit(4);
		w = waitpid(c, &st, 0);
		if (w != c)
			_exit(5);
		_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 6);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(res[0], 1);
	LT_CHECK_EQ(res[1], 0);
	LT_CHECK_EQ(res[2], 2);
	LT_CHECK_EQ(res[3], 1);
}

struct cl_arg {
	int fd;			/* write end: the child reports here */
};

static int newpid_child(void *arg)
{
	struct cl_arg *a = arg;
	int v[3] = { getpid(), getppid(), 0 };

	/* A session and group of its own: numbered 1 as well. */
	v[2] = setsid() == 1 && getsid(0) == 1 && getpgrp() == 1;
	if (write(a->fd, v, sizeof(v)) != sizeof(v))
		return 1;
	return 0;
}

/* clone(CLONE_NEWPID): 1 inside, NSpid shows outer and inner, wait and SIGCHLD use the outer. */
LT_CASE(clone_newpid)
{
	struct cl_arg a;
	int fds[2], v[3], nr[4], st;
	pid_t pid;

	LT_CHECK_OK(pipe(fds));
	a.fd = fds[1];
	pid = clone(newpid_child, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, &a);
	LT_CHECK(pid > 1);
	close(fds[1]);
	LT_CHECK_EQ(read(fds[0], v, sizeof(v)), (long)sizeof(v));
	close(fds[0]);
	LT_CHECK_EQ(v[0], 1);
	LT_CHECK_EQ(v[1], 0);
	LT_CHECK_EQ(v[2], 1);
	/* While it is a zombie its numbers are still there to read. */
	{
		siginfo_t si;

		memset(&si, 0, sizeof(si));
		LT_CHECK_OK(waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
		LT_CHECK_EQ(si.si_pid, pid);
	}
	LT_CHECK_EQ(nspid_of(pid, nr, 4), 2);
	LT_CHECK_EQ(nr[0], pid);
	LT_CHECK_EQ(nr[1], 1);
	LT_CHECK_EQ(waitpid(pid, &st, 0), pid);
	LT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
}

static int proc_child(void *arg)
{
	DIR *d;
	struct dirent *e;
	char buf[64] = "";
	int procs = 0, c, st;

	(void)arg;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL))
		return 1;
	mkdir(INNERPROC, 0555);
	if (mount("proc", INNERPROC, "proc", 0, NULL))
		return 2;
	if (readlink(INNERPROC "/self", buf, sizeof(buf) - 1) <= 0 || strcmp(buf, "1"))
		return 3;
	c = fork();
	if (c == 0) {
		pause();
		_exit(0);
	}
	d = opendir(INNERPROC);
	if (!d)
		return 4;
	while ((e = readdir(d)))
		if (e->d_name[0] >= '1' && e->d_name[0] <= '9')
			procs++;
	closedir(d);
	st = access(INNERPROC "/2/status", R_OK);
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	/* this one and its child: nobody from outside */
	if (procs != 2)
		return 10 + procs;
	if (st)
		return 5;
	umount(INNERPROC);
	return 0;
}

/* A proc mounted inside the namespace lists only its members, by its numbers. */
LT_CASE(proc_inside)
{
	pid_t pid = clone(proc_child, stack + sizeof(stack), CLONE_NEWPID | CLONE_NEWNS | SIGCHLD,
			  NULL);

	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static int reaper_child(void *arg)
{
	pid_t a;
	int st;

	(void)arg;
	a = fork();
	if (a == 0) {
		pid_t b = fork();

		if (b == 0) {
			int i;

			/* wait to be orphaned: then our parent is the namespace's init */
			for (i = 0; i < 2000 && getppid() != 1; i++)
				usleep(1000);
			_exit(getppid() == 1 ? 0 : 1);
		}
		_exit(0);
	}
	if (waitpid(a, &st, 0) != a || st)
		return 1;
	/* the orphan is ours now */
	if (wait(&st) <= 0)
		return 2;
	return WIFEXITED(st) ? WEXITSTATUS(st) + 10 * (WEXITSTATUS(st) != 0) : 3;
}

/* An orphan inside is adopted by the namespace's PID 1, not the real init. */
LT_CASE(orphans_go_to_ns_init)
{
	pid_t pid = clone(reaper_child, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);

	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

static volatile int got_usr1_from;

static void on_usr1(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got_usr1_from = si->si_pid;
}

static int signal_child(void *arg)
{
	int fd = *(int *)arg, i;
	struct sigaction sa;
	char verdict = 0;
	pid_t c;
	int st;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO | SA_RESTART;	/* waitpid below goes on after it */
	sigaction(SIGUSR1, &sa, NULL);
	c = fork();
	if (c == 0) {
		/* no handler for these in init: they do nothing */
		if (kill(1, SIGKILL) || kill(1, SIGTERM))
			_exit(1);
		if (kill(1, SIGUSR1))
			_exit(2);
		_exit(0);
	}
	if (waitpid(c, &st, 0) != c || st)
		verdict = 1;
	for (i = 0; i < 5000 && !got_usr1_from; i++)
		usleep(1000);
	/* the sender as this namespace numbers it */
	if (!verdict && got_usr1_from != c)
		verdict = 2;
	if (write(fd, &verdict, 1) != 1)
		return 4;
	pause();		/* until the test's SIGKILL from outside */
	return 3;
}

/* Inside, init takes only what it handles; SIGKILL from outside kills it. */
LT_CASE(init_signals)
{
	int fds[2];
	char verdict = 9;
	pid_t pid;

	LT_CHECK_OK(pipe(fds));
	pid = clone(signal_child, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, &fds[1]);
	LT_CHECK(pid > 0);
	close(fds[1]);
	LT_CHECK_EQ(read(fds[0], &verdict, 1), 1L);
	close(fds[0]);
	LT_CHECK_EQ(verdict, 0);
	LT_CHECK_OK(kill(pid, SIGKILL));
	LT_CHECK_WAIT(pid, LT_KILLED(SIGKILL));
}

static int killer_child(void *arg)
{
	int fd = *(int *)arg, i;

	for (i = 0; i < 3; i++) {
		if (fork() == 0) {
			(void)fd;	/* holds the write end open while it lives */
			pause();
			_exit(0);
		}
	}
	return 7;	/* init leaves: the namespace goes with it */
}

/* When the namespace's init exits, every other member is killed. */
LT_CASE(init_death_kills_all)
{
	int fds[2], st;
	char c;
	pid_t pid;

	LT_CHECK_OK(pipe(fds));
	pid = clone(killer_child, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, &fds[1]);
	LT_CHECK(pid > 0);
	close(fds[1]);
	LT_CHECK_EQ(waitpid(pid, &st, 0), pid);
	LT_CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);
	/* all holders of the write end are gone by the time init is reaped */
	LT_CHECK_EQ(read(fds[0], &c, 1), 0L);
	close(fds[0]);
}

static int setns_target(void *arg)
{
	(void)arg;
	pause();
	return 0;
}

/* setns into a PID namespace: our children are born there (parent 0 for them). */
LT_CASE(setns_places_children)
{
	int *res = lt_shared(2 * sizeof(int));
	char path[64];
	pid_t target, pid;

	target = clone(setns_target, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);
	LT_CHECK(target > 0);
	pid = fork();
	if (pid == 0) {
		int fd;

		snprintf(path, sizeof(path), PROCDIR "/%d/ns/pid", target);
		fd = open(path, O_RDONLY);
		if (fd < 0)
			_exit(1);
		if (setns(fd, CLONE_NEWPID))
			_exit(2);
		if (fork() == 0) {
			res[0] = getpid();
			res[1] = getppid();
			_exit(0);
		}
		wait(NULL);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	kill(target, SIGKILL);
	LT_CHECK_WAIT(target, LT_KILLED(SIGKILL));
	LT_CHECK_EQ(res[0], 2);
	LT_CHECK_EQ(res[1], 0);
}

static int numbers_child(void *arg)
{
	struct ucred cr;
	socklen_t len = sizeof(cr);
	struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_len = 1 };
	char path[] = "/ns_pid_lockXXXXXX";
	int sv[2], fd, go[2];
	pid_t c;
	char b;

	(void)arg;
	/* F_SETOWN/F_GETOWN: our own number, and a group's */
	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	if (fcntl(sv[0], F_SETOWN, getpid()) || fcntl(sv[0], F_GETOWN) != 1)
		return 2;
	if (fcntl(sv[0], F_SETOWN, -getpgrp()) || fcntl(sv[0], F_GETOWN) != -getpgrp())
		return 3;
	/* SO_PEERCRED names the peer (ourselves) by this namespace's number */
	if (getsockopt(sv[1], SOL_SOCKET, SO_PEERCRED, &cr, &len) || cr.pid != 1)
		return 4;
	/* F_GETLK names the holder, a child, as fork numbered it here */
	fd = mkstemp(path);
	if (fd < 0 || pipe(go))
		return 5;
	unlink(path);
	c = fork();
	if (c == 0) {
		if (fcntl(fd, F_SETLK, &fl))
			_exit(1);
		if (write(go[1], "x", 1) != 1)
			_exit(2);
		pause();
		_exit(0);
	}
	if (read(go[0], &b, 1) != 1)
		return 6;
	fl.l_type = F_WRLCK;
	if (fcntl(fd, F_GETLK, &fl) || fl.l_type != F_WRLCK || fl.l_pid != c || c != 2)
		return 7;
	kill(c, SIGKILL);
	waitpid(c, NULL, 0);
	/* System V IPC names its creator by this namespace's number too */
	{
		struct shmid_ds ds;
		int id = shmget(IPC_PRIVATE, 4096, 0600);

		if (id < 0)
			return 8;
		c = shmctl(id, IPC_STAT, &ds) ? -1 : ds.shm_cpid;
		shmctl(id, IPC_RMID, NULL);
		if (c != 1)
			return 9;
	}
	return 0;
}

/* Numbers other calls hand out are the namespace's too: owners, peers, lock holders, IPC. */
LT_CASE(numbers_in_other_calls)
{
	pid_t pid = clone(numbers_child, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);

	LT_CHECK(pid > 0);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/* nsfs ioctls: the parent of a child's namespace is ours; ours is out of reach. */
LT_CASE(ns_ioctls)
{
	char path[64];
	int fd, pfd;
	pid_t target;

	fd = open(PROCDIR "/self/ns/pid", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(ioctl(fd, NS_GET_NSTYPE), (long)CLONE_NEWPID);
	LT_CHECK_ERR(ioctl(fd, NS_GET_PARENT), EPERM);
	close(fd);
	fd = open(PROCDIR "/self/ns/uts", O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(ioctl(fd, NS_GET_PARENT), EINVAL);
	LT_CHECK_ERR(ioctl(fd, NS_GET_OWNER_UID, &target), EINVAL);
	close(fd);

	target = clone(setns_target, stack + sizeof(stack), CLONE_NEWPID | SIGCHLD, NULL);
	LT_CHECK(target > 0);
	snprintf(path, sizeof(path), PROCDIR "/%d/ns/pid", target);
	fd = open(path, O_RDONLY);
	pfd = fd >= 0 ? ioctl(fd, NS_GET_PARENT) : -1;
	kill(target, SIGKILL);
	LT_CHECK_WAIT(target, LT_KILLED(SIGKILL));
	LT_CHECK(fd >= 0);
	LT_CHECK(pfd >= 0);
	LT_CHECK_EQ(ioctl(pfd, NS_GET_NSTYPE), (long)CLONE_NEWPID);
	/* a namespace is known by its inode number: the parent is ours, the child's is not */
	{
		struct stat mine, child, parent;

		LT_CHECK_OK(stat(PROCDIR "/self/ns/pid", &mine));
		LT_CHECK_OK(fstat(fd, &child));
		LT_CHECK_OK(fstat(pfd, &parent));
		LT_CHECK_EQ((long)parent.st_ino, (long)mine.st_ino);
		LT_CHECK(child.st_ino != mine.st_ino);
	}
	close(pfd);
	close(fd);
}

static int thread_fn(void *arg)
{
	(void)arg;
	return 0;
}

LT_CASE(errors)
{
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		if (unshare(CLONE_NEWPID))
			_exit(1);
		/* a second one before the first child: EINVAL */
		if (unshare(CLONE_NEWPID) != -1 || errno != EINVAL)
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* a thread cannot be in another namespace than its process */
	LT_CHECK_ERR(clone(thread_fn, stack + sizeof(stack),
			   CLONE_NEWPID | CLONE_THREAD | CLONE_SIGHAND | CLONE_VM, NULL), EINVAL);
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(1);
		if (unshare(CLONE_NEWPID) != -1 || errno != EPERM)
			_exit(2);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	mkdir(PROCDIR, 0555);
	mount("proc", PROCDIR, "proc", 0, NULL);
	lt_begin("ns_pid");
	LT_RUN(unshare_then_fork);
	LT_RUN(clone_newpid);
	LT_RUN(proc_inside);
	LT_RUN(orphans_go_to_ns_init);
	LT_RUN(init_signals);
	LT_RUN(init_death_kills_all);
	LT_RUN(setns_places_children);
	LT_RUN(numbers_in_other_calls);
	LT_RUN(ns_ioctls);
	LT_RUN(errors);
	umount(PROCDIR);
	return lt_end();
}
