/*
 * epoll: create/create1 flags, every epoll_ctl error, level- and
 * edge-triggered reports, one-shot re-arming, exclusive watches, nested
 * instances with loop and depth checks, watches dropped when the file
 * closes, time-outs, the signal mask of epoll_pwait/pwait2, and wake-ups
 * from pipes, eventfd and timerfd, also across processes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"

#ifndef SYS_epoll_pwait2
#define SYS_epoll_pwait2 441
#endif

static int add(int ep, int fd, uint32_t events, uint64_t data)
{
	struct epoll_event ev = { .events = events, .data.u64 = data };

	return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

/* epoll_wait with a zero time-out: how many are ready now. */
static int ready(int ep, struct epoll_event *evs, int max)
{
	return epoll_wait(ep, evs, max, 0);
}

LT_CASE(create_flags)
{
	int ep = epoll_create1(EPOLL_CLOEXEC);

	LT_CHECK(ep >= 0);
	LT_CHECK_EQ(fcntl(ep, F_GETFD), FD_CLOEXEC);
	close(ep);
	LT_CHECK_ERR(epoll_create1(1), EINVAL);
	/* musl's epoll_create does not pass the size on: the raw call. */
	LT_CHECK_ERR(syscall(SYS_epoll_create, 0), EINVAL);
	LT_CHECK_ERR(syscall(SYS_epoll_create, -1), EINVAL);
	ep = epoll_create(1);
	LT_CHECK(ep >= 0);
	LT_CHECK_EQ(fcntl(ep, F_GETFD), 0);
	close(ep);
}

LT_CASE(ctl_errors)
{
	struct epoll_event ev = { .events = EPOLLIN };
	int ep = epoll_create1(0), p[2], dir, efd;

	LT_CHECK(ep >= 0);
	LT_CHECK_OK(pipe(p));
	dir = open("/", O_RDONLY | O_DIRECTORY);
	LT_CHECK(dir >= 0);
	efd = eventfd(0, 0);
	LT_CHECK(efd >= 0);

	LT_CHECK_ERR(epoll_ctl(-1, EPOLL_CTL_ADD, p[0], &ev), EBADF);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, 999, &ev), EBADF);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, dir, &ev), EPERM);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, ep, &ev), EINVAL);
	LT_CHECK_ERR(epoll_ctl(ep, 42, p[0], &ev), EINVAL);
	LT_CHECK_ERR(epoll_ctl(efd, EPOLL_CTL_ADD, p[0], &ev), EINVAL);	/* not an epoll */
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], NULL), EFAULT);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], (void *)16), EFAULT);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], &ev), ENOENT);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), ENOENT);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EEXIST);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL));	/* DEL ignores event */
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, p[0], NULL), ENOENT);

	/* EPOLLEXCLUSIVE: not with MOD, not on an epoll, not with ONESHOT. */
	ev.events = EPOLLIN | EPOLLEXCLUSIVE | EPOLLONESHOT;
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev), EINVAL);
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev));
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), EINVAL);
	ev.events = EPOLLIN;
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_MOD, p[0], &ev), EINVAL);	/* it is exclusive */

	close(efd);
	close(dir);
	close(p[0]);
	close(p[1]);
	close(ep);
}

LT_CASE(wait_errors)
{
	struct epoll_event evs[2];
	int ep = epoll_create1(0), efd = eventfd(0, 0);

	LT_CHECK(ep >= 0 && efd >= 0);
	LT_CHECK_ERR(epoll_wait(ep, evs, 0, 0), EINVAL);
	LT_CHECK_ERR(epoll_wait(ep, evs, -1, 0), EINVAL);
	LT_CHECK_ERR(epoll_wait(-1, evs, 2, 0), EBADF);
	LT_CHECK_ERR(epoll_wait(efd, evs, 2, 0), EINVAL);
	LT_CHECK_ERR(epoll_wait(ep, (void *)-4096L, 2, 0), EFAULT);
	/* An unmapped buffer faults when there is something to copy... */
	LT_CHECK_OK(add(ep, efd, EPOLLOUT, 1));
	LT_CHECK_ERR(epoll_wait(ep, NULL, 2, 0), EFAULT);
	/* ...and the event stays ready for a good one. */
	LT_CHECK_EQ(epoll_wait(ep, evs, 2, 0), 1);
	close(efd);
	close(ep);
}

LT_CASE(level_and_edge)
{
	struct epoll_event evs[4];
	int lt = epoll_create1(0), et = epoll_create1(0), p[2];
	char c;

	LT_CHECK(lt >= 0 && et >= 0);
	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(add(lt, p[0], EPOLLIN, 7));
	LT_CHECK_OK(add(et, p[0], EPOLLIN | EPOLLET, 8));
	LT_CHECK_EQ(ready(lt, evs, 4), 0);
	LT_CHECK_EQ(ready(et, evs, 4), 0);

	LT_CHECK_EQ(write(p[1], "ab", 2), 2);
	LT_CHECK_EQ(ready(lt, evs, 4), 1);
	LT_CHECK_EQ(evs[0].events, EPOLLIN);
	LT_CHECK_EQ(evs[0].data.u64, 7);
	LT_CHECK_EQ(ready(lt, evs, 4), 1);	/* still readable: again */
	LT_CHECK_EQ(ready(et, evs, 4), 1);
	LT_CHECK_EQ(evs[0].data.u64, 8);
	LT_CHECK_EQ(ready(et, evs, 4), 0);	/* no new edge */

	LT_CHECK_EQ(read(p[0], &c, 1), 1);
	LT_CHECK_EQ(ready(et, evs, 4), 0);	/* reading is no edge */
	LT_CHECK_EQ(write(p[1], "c", 1), 1);
	LT_CHECK_EQ(ready(et, evs, 4), 1);	/* a write is */

	/* The write end: writable, and hang-up once the reader goes. */
	LT_CHECK_OK(add(lt, p[1], EPOLLOUT, 9));
	close(p[0]);
	LT_CHECK_EQ(ready(lt, evs, 4), 1);
	LT_CHECK_EQ(evs[0].data.u64, 9);
	LT_CHECK_EQ(evs[0].events, EPOLLOUT | EPOLLERR);
	close(p[1]);
	close(lt);
	close(et);
}

LT_CASE(hangup_always_reported)
{
	struct epoll_event evs[2];
	int ep = epoll_create1(0), p[2];

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(add(ep, p[0], 0, 1));	/* no events asked for */
	LT_CHECK_EQ(write(p[1], "x", 1), 1);
	LT_CHECK_EQ(ready(ep, evs, 2), 0);
	close(p[1]);
	LT_CHECK_EQ(ready(ep, evs, 2), 1);
	LT_CHECK_EQ(evs[0].events, EPOLLHUP);
	close(p[0]);
	close(ep);
}

LT_CASE(oneshot)
{
	struct epoll_event ev = { .events = EPOLLIN | EPOLLONESHOT, .data.u64 = 3 }, evs[2];
	int ep = epoll_create1(0), efd = eventfd(1, 0);

	LT_CHECK(ep >= 0 && efd >= 0);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev));
	LT_CHECK_EQ(ready(ep, evs, 2), 1);
	LT_CHECK_EQ(ready(ep, evs, 2), 0);	/* disarmed */
	LT_CHECK_EQ(eventfd_write(efd, 1), 0);
	LT_CHECK_EQ(ready(ep, evs, 2), 0);	/* still disarmed */
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev), EEXIST);	/* but there */
	ev.data.u64 = 4;
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_MOD, efd, &ev));
	LT_CHECK_EQ(ready(ep, evs, 2), 1);
	LT_CHECK_EQ(evs[0].data.u64, 4);
	close(efd);
	close(ep);
}

LT_CASE(maxevents_rotates)
{
	struct epoll_event evs[3];
	int ep = epoll_create1(0), a = eventfd(1, 0), b = eventfd(1, 0);

	LT_CHECK(ep >= 0 && a >= 0 && b >= 0);
	LT_CHECK_OK(add(ep, a, EPOLLIN, 1));
	LT_CHECK_OK(add(ep, b, EPOLLIN, 2));
	LT_CHECK_EQ(ready(ep, evs, 1), 1);
	LT_CHECK_EQ(evs[0].data.u64, 1);
	LT_CHECK_EQ(ready(ep, evs, 1), 1);	/* the one left out comes next */
	LT_CHECK_EQ(evs[0].data.u64, 2);
	LT_CHECK_EQ(ready(ep, evs, 3), 2);
	close(a);
	close(b);
	close(ep);
}

LT_CASE(close_removes_watch)
{
	struct epoll_event evs[2];
	int ep = epoll_create1(0), efd = eventfd(1, 0), dupfd;

	LT_CHECK(ep >= 0 && efd >= 0);
	LT_CHECK_OK(add(ep, efd, EPOLLIN, 5));
	dupfd = dup(efd);
	close(efd);
	/* The file lives on through the dup: the watch does too. */
	LT_CHECK_EQ(ready(ep, evs, 2), 1);
	LT_CHECK_ERR(epoll_ctl(ep, EPOLL_CTL_DEL, efd, NULL), EBADF);
	close(dupfd);
	LT_CHECK_EQ(ready(ep, evs, 2), 0);
	/* A new file under the same number is a new watch. */
	efd = eventfd(1, 0);
	LT_CHECK_OK(add(ep, efd, EPOLLIN, 6));
	LT_CHECK_EQ(ready(ep, evs, 2), 1);
	LT_CHECK_EQ(evs[0].data.u64, 6);
	close(efd);
	close(ep);
}

LT_CASE(same_file_two_fds)
{
	struct epoll_event evs[3];
	int ep = epoll_create1(0), efd = eventfd(1, 0), d;

	LT_CHECK(ep >= 0 && efd >= 0);
	d = dup(efd);
	LT_CHECK_OK(add(ep, efd, EPOLLIN, 1));
	LT_CHECK_OK(add(ep, d, EPOLLIN, 2));	/* key is (file, fd) */
	LT_CHECK_EQ(ready(ep, evs, 3), 2);
	close(d);
	close(efd);
	close(ep);
}

LT_CASE(nested_and_loops)
{
	struct epoll_event evs[2];
	int eps[6], i, outer, efd = eventfd(0, 0);

	for (i = 0; i < 6; i++) {
		eps[i] = epoll_create1(0);
		LT_CHECK(eps[i] >= 0);
	}
	/* eps[0] watches the eventfd; each next one the one before. */
	LT_CHECK_OK(add(eps[0], efd, EPOLLIN, 100));
	for (i = 1; i < 5; i++)
		LT_CHECK_OK(add(eps[i], eps[i - 1], EPOLLIN, i));
	LT_CHECK_EQ(ready(eps[4], evs, 2), 0);
	LT_CHECK_EQ(eventfd_write(efd, 1), 0);
	LT_CHECK_EQ(ready(eps[4], evs, 2), 1);
	LT_CHECK_EQ(evs[0].data.u64, 4);
	LT_CHECK_EQ(ready(eps[0], evs, 2), 1);
	LT_CHECK_EQ(evs[0].data.u64, 100);

	/* A sixth level is refused; so is any cycle. */
	LT_CHECK_ERR(add(eps[5], eps[4], EPOLLIN, 0), ELOOP);
	LT_CHECK_ERR(add(eps[0], eps[4], EPOLLIN, 0), ELOOP);
	LT_CHECK_ERR(add(eps[1], eps[2], EPOLLIN, 0), ELOOP);
	outer = eps[5];
	LT_CHECK_OK(add(outer, eps[0], EPOLLIN, 0));
	LT_CHECK_ERR(add(eps[0], outer, EPOLLIN, 0), ELOOP);
	/* An exclusive watch on an epoll is refused. */
	LT_CHECK_ERR(add(outer, eps[1], EPOLLIN | EPOLLEXCLUSIVE, 0), EINVAL);

	/* poll(2) on an epoll file: readable when a watch is. */
	{
		struct pollfd pfd = { .fd = eps[2], .events = POLLIN };

		LT_CHECK_EQ(poll(&pfd, 1, 0), 1);
		LT_CHECK_EQ(pfd.revents, POLLIN);
	}
	for (i = 0; i < 6; i++)
		close(eps[i]);
	close(efd);
}

LT_CASE(timeouts)
{
	struct epoll_event ev;
	struct timespec ts = { 0, 50 * 1000 * 1000 };
	int ep = epoll_create1(0);
	long long t;

	LT_CHECK(ep >= 0);
	t = lt_now_ns();
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 50), 0);
	LT_CHECK(lt_now_ns() - t >= 50 * 1000 * 1000LL);
	t = lt_now_ns();
	LT_CHECK_EQ(syscall(SYS_epoll_pwait2, ep, &ev, 1, &ts, NULL, 8), 0);
	LT_CHECK(lt_now_ns() - t >= 50 * 1000 * 1000LL);
	ts.tv_nsec = 1000 * 1000 * 1000;
	LT_CHECK_ERR(syscall(SYS_epoll_pwait2, ep, &ev, 1, &ts, NULL, 8), EINVAL);
	ts.tv_sec = -1;
	ts.tv_nsec = 0;
	LT_CHECK_ERR(syscall(SYS_epoll_pwait2, ep, &ev, 1, &ts, NULL, 8), EINVAL);
	LT_CHECK_ERR(syscall(SYS_epoll_pwait2, ep, &ev, 1, (void *)16, NULL, 8), EFAULT);
	close(ep);
}

static volatile int got_usr1;

static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}

LT_CASE(pwait_sigmask)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	struct epoll_event ev;
	sigset_t block, empty, now;
	int ep = epoll_create1(0);
	pid_t pid;

	LT_CHECK(ep >= 0);
	LT_CHECK_OK(sigaction(SIGUSR1, &sa, NULL));
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	sigemptyset(&empty);
	LT_CHECK_OK(sigprocmask(SIG_BLOCK, &block, NULL));

	/* Blocked during a plain wait: the time-out ends it. */
	pid = fork();
	if (pid == 0) {
		kill(getppid(), SIGUSR1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 20), 0);
	LT_CHECK_EQ(got_usr1, 0);

	/* Unblocked only for the pwait: EINTR, the handler runs, the mask comes back. */
	LT_CHECK_ERR(epoll_pwait(ep, &ev, 1, 1000, &empty), EINTR);
	LT_CHECK_EQ(got_usr1, 1);
	LT_CHECK_OK(sigprocmask(SIG_BLOCK, NULL, &now));
	LT_CHECK(sigismember(&now, SIGUSR1));

	LT_CHECK_ERR(syscall(SYS_epoll_pwait, ep, &ev, 1, 0, &empty, 4), EINVAL);	/* size */
	LT_CHECK_ERR(syscall(SYS_epoll_pwait, ep, &ev, 1, 0, (void *)16, 8), EFAULT);
	LT_CHECK_OK(sigprocmask(SIG_UNBLOCK, &block, NULL));
	signal(SIGUSR1, SIG_DFL);
	close(ep);
}

LT_CASE(woken_by_other_process)
{
	struct epoll_event ev;
	int ep = epoll_create1(0), p[2];
	pid_t pid;

	LT_CHECK_OK(pipe(p));
	LT_CHECK_OK(add(ep, p[0], EPOLLIN | EPOLLET, 11));
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		_exit(write(p[1], "z", 1) == 1 ? 0 : 1);
	}
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 5000), 1);
	LT_CHECK_EQ(ev.data.u64, 11);
	LT_CHECK_WAIT(pid, LT_EXITED(0));

	/* A full pipe's writer is woken when the reader drains it. */
	{
		char buf[4096];
		int wep = epoll_create1(0);

		memset(buf, 0, sizeof(buf));
		LT_CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
		while (write(p[1], buf, sizeof(buf)) > 0)
			;
		LT_CHECK_OK(add(wep, p[1], EPOLLOUT, 12));
		LT_CHECK_EQ(epoll_wait(wep, &ev, 1, 0), 0);
		pid = fork();
		if (pid == 0) {
			lt_sleep_ms(50);
			while (read(p[0], buf, sizeof(buf)) == sizeof(buf))
				;
			_exit(0);
		}
		LT_CHECK_EQ(epoll_wait(wep, &ev, 1, 5000), 1);
		LT_CHECK_EQ(ev.events, EPOLLOUT);
		LT_CHECK_WAIT(pid, LT_EXITED(0));
		close(wep);
	}
	close(p[0]);
	close(p[1]);
	close(ep);
}

LT_CASE(timerfd_wakes)
{
	struct itimerspec its = { .it_value = { 0, 30 * 1000 * 1000 } };
	struct epoll_event ev;
	int ep = epoll_create1(0), tfd = timerfd_create(CLOCK_MONOTONIC, 0);

	LT_CHECK(ep >= 0 && tfd >= 0);
	LT_CHECK_OK(add(ep, tfd, EPOLLIN, 13));
	LT_CHECK_OK(timerfd_settime(tfd, 0, &its, NULL));
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 5000), 1);
	LT_CHECK_EQ(ev.data.u64, 13);
	close(tfd);
	close(ep);
}

/*
 * Two processes, each with an EPOLLEXCLUSIVE watch on one eventfd: a
 * write wakes one of them; the other sleeps on to its time-out.
 */
LT_CASE(exclusive_wakes_one)
{
	int efd = eventfd(0, 0), i, woke = 0, slept = 0, status;
	pid_t pids[2];

	LT_CHECK(efd >= 0);
	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			struct epoll_event ev = { .events = EPOLLIN | EPOLLEXCLUSIVE };
			int ep = epoll_create1(0);

			if (ep < 0 || epoll_ctl(ep, EPOLL_CTL_ADD, efd, &ev))
				_exit(3);
			_exit(epoll_wait(ep, &ev, 1, 1500) == 1 ? 1 : 2);
		}
	}
	lt_sleep_ms(300);
	LT_CHECK_EQ(eventfd_write(efd, 1), 0);
	for (i = 0; i < 2; i++) {
		LT_CHECK_EQ(waitpid(pids[i], &status, 0), pids[i]);
		woke += WIFEXITED(status) && WEXITSTATUS(status) == 1;
		slept += WIFEXITED(status) && WEXITSTATUS(status) == 2;
	}
	LT_CHECK_EQ(woke, 1);
	LT_CHECK_EQ(slept, 1);
	close(efd);
}

LT_CASE(wakeup_without_capability_dropped)
{
	struct epoll_event evs[1];
	int ep = epoll_create1(0), efd = eventfd(1, 0);

	/* Root has CAP_BLOCK_SUSPEND; either way the add succeeds. */
	LT_CHECK_OK(add(ep, efd, EPOLLIN | EPOLLWAKEUP, 1));
	LT_CHECK_EQ(ready(ep, evs, 1), 1);
	close(efd);
	close(ep);
}

#define PROC	"/t_epoll_proc"
#define MAX_WATCHES	PROC "/sys/fs/epoll/max_user_watches"

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/* max_user_watches: the user's watches in all instances; beyond, ENOSPC. */
LT_CASE(max_user_watches)
{
	char old[32] = "";
	int ep = epoll_create1(0), efd = eventfd(0, 0);

	LT_CHECK(lt_read_file(MAX_WATCHES, old, sizeof(old)) > 0);
	LT_CHECK(atol(old) > 1000);
	LT_CHECK_OK(write_str(MAX_WATCHES, "0"));
	LT_CHECK_ERR(add(ep, efd, EPOLLIN, 1), ENOSPC);
	LT_CHECK_OK(write_str(MAX_WATCHES, old));
	LT_CHECK_OK(add(ep, efd, EPOLLIN, 1));
	LT_CHECK_ERR(write_str(MAX_WATCHES, "-1"), EINVAL);
	close(efd);
	close(ep);
}

/* /proc/self/mounts: EPOLLPRI (and EPOLLERR) after each mount table change. */
LT_CASE(mounts_priority_event)
{
	struct epoll_event ev = { .events = EPOLLPRI };
	int ep = epoll_create1(0), fd = open(PROC "/self/mounts", O_RDONLY);

	LT_CHECK(ep >= 0 && fd >= 0);
	mkdir("/t_epoll_mnt", 0755);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 0), 0);
	LT_CHECK_OK(mount("none", "/t_epoll_mnt", "tmpfs", 0, NULL));
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 1000), 1);
	LT_CHECK_EQ(ev.events, EPOLLPRI | EPOLLERR);
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 0), 0);	/* said once per change */
	LT_CHECK_OK(umount("/t_epoll_mnt"));
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 1000), 1);
	LT_CHECK_EQ(ev.events, EPOLLPRI | EPOLLERR);
	rmdir("/t_epoll_mnt");
	close(fd);
	close(ep);
}

/* Arguments a careless or hostile caller might pass. */
static void *fuzz_ptr(unsigned int r, void *good)
{
	switch (r % 5) {
	case 0: return NULL;
	case 1: return (void *)16;
	case 2: return (void *)-4096L;		/* the kernel's half */
	case 3: return (char *)good + 4093;	/* straddles the end of a page-sized buffer */
	default: return good;
	}
}

/*
 * Random arguments to every epoll call, a bounded number of times: each
 * returns (success or an error), never hangs or oopses.  Time-outs are 0.
 */
LT_CASE(fuzz)
{
	static char good[8192] __attribute__((aligned(4096)));
	unsigned int seed = 12345;
	int i, ep = epoll_create1(0), efd = eventfd(1, 0);

	LT_CHECK(ep >= 0 && efd >= 0);
	for (i = 0; i < 3000; i++) {
		unsigned int r1 = rand_r(&seed), r2 = rand_r(&seed), r3 = rand_r(&seed);
		int fd = (int)(r2 % 12) - 2, epfd = (r1 & 1) ? ep : (int)(r3 % 12) - 2;
		struct epoll_event *ev = fuzz_ptr(r3 >> 3, good);

		if (ev == (void *)good)
			((struct epoll_event *)good)->events = rand_r(&seed);
		switch (r1 % 6) {
		case 0:
			syscall(SYS_epoll_ctl, epfd, (int)(r2 % 5), fd, ev);
			break;
		case 1:
			syscall(SYS_epoll_wait, epfd, ev, (int)(r3 % 400) - 10, 0);
			break;
		case 2: {
			struct timespec zero = { 0, 0 };

			syscall(SYS_epoll_pwait2, epfd, ev, (int)(r3 % 8), (r2 & 1) ? &zero : (void *)16,
				fuzz_ptr(r2 >> 1, good), (size_t)(r3 % 3) * 8);
			break;
		}
		case 3:
			syscall(SYS_epoll_create1, (int)r2);
			break;
		case 4:
			syscall(SYS_epoll_ctl, epfd, EPOLL_CTL_ADD, efd, ev);
			break;
		default:
			syscall(SYS_epoll_pwait, epfd, ev, (int)(r3 % 8), 0, fuzz_ptr(r2, good), 8);
			break;
		}
	}
	/* Whatever was made along the way: close it (fds 3.. above ours). */
	for (i = efd + 1; i < 200; i++)
		close(i);
	LT_CHECK_EQ(epoll_wait(ep, (void *)good, 4, 0) >= 0, 1);
	close(efd);
	close(ep);
}

int main(void)
{
	lt_begin("epoll");
	/* Nothing mounts /proc here: our own, for /proc/sys/fs/epoll. */
	mkdir(PROC, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("mount proc: %s", strerror(errno));
	LT_RUN(create_flags);
	LT_RUN(ctl_errors);
	LT_RUN(wait_errors);
	LT_RUN(level_and_edge);
	LT_RUN(hangup_always_reported);
	LT_RUN(oneshot);
	LT_RUN(maxevents_rotates);
	LT_RUN(close_removes_watch);
	LT_RUN(same_file_two_fds);
	LT_RUN(nested_and_loops);
	LT_RUN(timeouts);
	LT_RUN(pwait_sigmask);
	LT_RUN(woken_by_other_process);
	LT_RUN(timerfd_wakes);
	LT_RUN(exclusive_wakes_one);
	LT_RUN(wakeup_without_capability_dropped);
	LT_RUN(max_user_watches);
	LT_RUN(mounts_priority_event);
	LT_RUN(fuzz);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
