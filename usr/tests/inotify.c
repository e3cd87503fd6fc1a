/*
 * inotify: init flags, every add_watch/rm_watch error, the events of
 * each VFS operation on a watched file and directory (names, IN_ISDIR,
 * rename cookies, DELETE_SELF then IGNORED), IN_ONESHOT, IN_MASK_ADD,
 * IN_MASK_CREATE, IN_ONLYDIR, IN_EXCL_UNLINK, IN_UNMOUNT, queue
 * overflow, FIONREAD, short and non-blocking reads, poll/epoll
 * readiness and a reader woken by another process.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define DIR0	"/t_inotify"
#define PROC	"/t_inotify_proc"
#define MNT	"/t_inotify_mnt"
#define FILE0	DIR0 "/f"

struct ev {
	int wd;
	unsigned int mask, cookie;
	char name[64];
};

/* Read what is queued (non-blocking) into @evs; returns how many. */
static int drain(int fd, struct ev *evs, int max)
{
	char buf[4096] __attribute__((aligned(8)));
	int n = 0, flags = fcntl(fd, F_GETFL);
	ssize_t len, i;

	fcntl(fd, F_SETFL, flags | O_NONBLOCK);
	len = read(fd, buf, sizeof(buf));
	fcntl(fd, F_SETFL, flags);
	for (i = 0; len > 0 && i < len && n < max; n++) {
		struct inotify_event *e = (struct inotify_event *)(buf + i);

		evs[n].wd = e->wd;
		evs[n].mask = e->mask;
		evs[n].cookie = e->cookie;
		snprintf(evs[n].name, sizeof(evs[n].name), "%s", e->len ? e->name : "");
		i += sizeof(*e) + e->len;
	}
	return n;
}

static void setup_dir(void)
{
	int fd;

	mkdir(DIR0, 0755);
	fd = open(FILE0, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
}

static void cleanup_dir(void)
{
	char path[128];

	unlink(FILE0);
	snprintf(path, sizeof(path), "%s/g", DIR0);
	unlink(path);
	snprintf(path, sizeof(path), "%s/sub", DIR0);
	rmdir(path);
	rmdir(DIR0);
}

LT_CASE(init_flags)
{
	int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	char buf[64];

	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	LT_CHECK_ERR(read(fd, buf, sizeof(buf)), EAGAIN);
	close(fd);
	LT_CHECK_ERR(inotify_init1(1), EINVAL);
	LT_CHECK_ERR(inotify_init1(O_RDWR), EINVAL);
	fd = syscall(SYS_inotify_init);
	LT_CHECK(fd >= 0);
	close(fd);
}

LT_CASE(watch_errors)
{
	int fd = inotify_init1(0), efd = epoll_create1(0), wd, wd2;

	setup_dir();
	LT_CHECK(fd >= 0);
	LT_CHECK_ERR(inotify_add_watch(-1, DIR0, IN_ALL_EVENTS), EBADF);
	LT_CHECK_ERR(inotify_add_watch(efd, DIR0, IN_ALL_EVENTS), EINVAL);
	LT_CHECK_ERR(inotify_add_watch(fd, DIR0, 0), EINVAL);
	LT_CHECK_ERR(inotify_add_watch(fd, DIR0, IN_MODIFY | IN_MASK_ADD | IN_MASK_CREATE), EINVAL);
	LT_CHECK_ERR(inotify_add_watch(fd, "/nonexistent/x", IN_MODIFY), ENOENT);
	LT_CHECK_ERR(inotify_add_watch(fd, FILE0, IN_MODIFY | IN_ONLYDIR), ENOTDIR);
	LT_CHECK_ERR(inotify_add_watch(fd, (char *)16, IN_MODIFY), EFAULT);
	LT_CHECK_ERR(inotify_rm_watch(fd, 12345), EINVAL);
	LT_CHECK_ERR(inotify_rm_watch(efd, 1), EINVAL);
	LT_CHECK_ERR(inotify_rm_watch(-1, 1), EBADF);

	/* Watching needs read permission on the file. */
	{
		pid_t pid;

		LT_CHECK_OK(chmod(FILE0, 0600));
		pid = fork();
		if (pid == 0) {
			if (setuid(65534))
				_exit(2);
			_exit(inotify_add_watch(fd, FILE0, IN_MODIFY) == -1 && errno == EACCES ? 0 : 1);
		}
		LT_CHECK_WAIT(pid, LT_EXITED(0));
		LT_CHECK_OK(chmod(FILE0, 0644));
	}

	wd = inotify_add_watch(fd, FILE0, IN_MODIFY);
	LT_CHECK(wd > 0);
	/* The same inode again is the same watch. */
	wd2 = inotify_add_watch(fd, FILE0, IN_ATTRIB);
	LT_CHECK_EQ(wd2, wd);
	LT_CHECK_ERR(inotify_add_watch(fd, FILE0, IN_ATTRIB | IN_MASK_CREATE), EEXIST);
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_CREATE | IN_ONLYDIR) > wd);
	LT_CHECK_OK(inotify_rm_watch(fd, wd));
	LT_CHECK_ERR(inotify_rm_watch(fd, wd), EINVAL);
	close(efd);
	close(fd);
	cleanup_dir();
}

LT_CASE(file_events)
{
	struct ev evs[16];
	int fd = inotify_init1(0), wd, f, n;
	char c;

	setup_dir();
	wd = inotify_add_watch(fd, FILE0, IN_ALL_EVENTS);
	LT_CHECK(wd > 0);
	f = open(FILE0, O_RDWR);
	LT_CHECK_EQ(write(f, "ab", 2), 2);
	LT_CHECK_EQ(write(f, "cd", 2), 2);	/* merges with the last IN_MODIFY */
	LT_CHECK_EQ(pread(f, &c, 1, 0), 1);
	close(f);
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_OK(chmod(FILE0, 0600));
	n = drain(fd, evs, 16);
	LT_CHECK_EQ(n, 7);
	LT_CHECK_EQ(evs[0].mask, IN_OPEN);
	LT_CHECK_EQ(evs[0].wd, wd);
	LT_CHECK_EQ(evs[0].name[0], 0);
	LT_CHECK_EQ(evs[1].mask, IN_MODIFY);
	LT_CHECK_EQ(evs[2].mask, IN_ACCESS);
	LT_CHECK_EQ(evs[3].mask, IN_CLOSE_WRITE);
	LT_CHECK_EQ(evs[4].mask, IN_OPEN);
	LT_CHECK_EQ(evs[5].mask, IN_CLOSE_NOWRITE);
	LT_CHECK_EQ(evs[6].mask, IN_ATTRIB);
	close(fd);
	cleanup_dir();
}

LT_CASE(attrib_and_truncate)
{
	struct ev evs[8];
	int fd = inotify_init1(0), wd;

	setup_dir();
	wd = inotify_add_watch(fd, FILE0, IN_ATTRIB | IN_MODIFY);
	LT_CHECK(wd > 0);
	LT_CHECK_OK(chmod(FILE0, 0600));
	LT_CHECK_OK(truncate(FILE0, 10));
	LT_CHECK_EQ(drain(fd, evs, 8), 2);
	LT_CHECK_EQ(evs[0].mask, IN_ATTRIB);
	LT_CHECK_EQ(evs[1].mask, IN_MODIFY);
	close(fd);
	cleanup_dir();
}

LT_CASE(directory_events)
{
	struct ev evs[16];
	int fd = inotify_init1(0), wd, f;

	setup_dir();
	wd = inotify_add_watch(fd, DIR0, IN_ALL_EVENTS);
	LT_CHECK(wd > 0);
	f = open(DIR0 "/g", O_CREAT | O_WRONLY, 0644);
	LT_CHECK(f >= 0);
	close(f);
	LT_CHECK_OK(rename(DIR0 "/g", DIR0 "/h"));
	LT_CHECK_OK(unlink(DIR0 "/h"));
	LT_CHECK_OK(mkdir(DIR0 "/sub", 0755));
	LT_CHECK_OK(rmdir(DIR0 "/sub"));
	LT_CHECK_EQ(drain(fd, evs, 16), 8);
	LT_CHECK_EQ(evs[0].mask, IN_CREATE);
	LT_CHECK(!strcmp(evs[0].name, "g"));
	LT_CHECK_EQ(evs[1].mask, IN_OPEN);
	LT_CHECK(!strcmp(evs[1].name, "g"));
	LT_CHECK_EQ(evs[2].mask, IN_CLOSE_WRITE);
	LT_CHECK_EQ(evs[3].mask, IN_MOVED_FROM);
	LT_CHECK(!strcmp(evs[3].name, "g"));
	LT_CHECK_EQ(evs[4].mask, IN_MOVED_TO);
	LT_CHECK(!strcmp(evs[4].name, "h"));
	LT_CHECK(evs[3].cookie != 0);
	LT_CHECK_EQ(evs[3].cookie, evs[4].cookie);
	LT_CHECK_EQ(evs[5].mask, IN_DELETE);
	LT_CHECK(!strcmp(evs[5].name, "h"));
	LT_CHECK_EQ(evs[6].mask, IN_CREATE | IN_ISDIR);
	LT_CHECK(!strcmp(evs[6].name, "sub"));
	LT_CHECK_EQ(evs[7].mask, IN_DELETE | IN_ISDIR);
	close(fd);
	cleanup_dir();
}

LT_CASE(rename_over_watched)
{
	struct ev evs[8];
	int fd = inotify_init1(0), wsrc, wdst;

	setup_dir();
	close(open(DIR0 "/g", O_CREAT | O_WRONLY, 0644));
	wsrc = inotify_add_watch(fd, DIR0 "/g", IN_ALL_EVENTS);
	wdst = inotify_add_watch(fd, FILE0, IN_ALL_EVENTS);
	LT_CHECK(wsrc > 0 && wdst > 0 && wsrc != wdst);
	LT_CHECK_OK(rename(DIR0 "/g", FILE0));
	LT_CHECK_EQ(drain(fd, evs, 8), 4);
	LT_CHECK_EQ(evs[0].wd, wdst);
	LT_CHECK_EQ(evs[0].mask, IN_ATTRIB);		/* its link count */
	LT_CHECK_EQ(evs[1].wd, wsrc);
	LT_CHECK_EQ(evs[1].mask, IN_MOVE_SELF);
	LT_CHECK_EQ(evs[2].wd, wdst);
	LT_CHECK_EQ(evs[2].mask, IN_DELETE_SELF);
	LT_CHECK_EQ(evs[3].wd, wdst);
	LT_CHECK_EQ(evs[3].mask, IN_IGNORED);
	close(fd);
	cleanup_dir();
}

LT_CASE(readdir_is_access)
{
	struct ev evs[4];
	char buf[1024] __attribute__((aligned(8)));
	int fd = inotify_init1(0), d;

	setup_dir();
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_ACCESS) > 0);
	d = open(DIR0, O_RDONLY | O_DIRECTORY);
	LT_CHECK(syscall(SYS_getdents64, d, buf, sizeof(buf)) > 0);
	close(d);
	LT_CHECK_EQ(drain(fd, evs, 4), 1);
	LT_CHECK_EQ(evs[0].mask, IN_ACCESS | IN_ISDIR);
	LT_CHECK_EQ(evs[0].name[0], 0);
	close(fd);
	cleanup_dir();
}

LT_CASE(delete_self_then_ignored)
{
	struct ev evs[8];
	int fd = inotify_init1(0), wd;

	setup_dir();
	wd = inotify_add_watch(fd, FILE0, IN_ALL_EVENTS);
	LT_CHECK_OK(unlink(FILE0));
	LT_CHECK_EQ(drain(fd, evs, 8), 3);
	LT_CHECK_EQ(evs[0].mask, IN_ATTRIB);
	LT_CHECK_EQ(evs[1].mask, IN_DELETE_SELF);
	LT_CHECK_EQ(evs[2].mask, IN_IGNORED);
	LT_CHECK_EQ(evs[2].wd, wd);
	LT_CHECK_ERR(inotify_rm_watch(fd, wd), EINVAL);	/* already gone */
	close(fd);
	cleanup_dir();
}

LT_CASE(oneshot_and_mask_add)
{
	struct ev evs[8];
	int fd = inotify_init1(0), wd, f;

	setup_dir();
	wd = inotify_add_watch(fd, FILE0, IN_OPEN | IN_ONESHOT);
	f = open(FILE0, O_RDONLY);
	close(f);
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fd, evs, 8), 2);
	LT_CHECK_EQ(evs[0].mask, IN_OPEN);
	LT_CHECK_EQ(evs[1].mask, IN_IGNORED);
	LT_CHECK_EQ(evs[1].wd, wd);

	wd = inotify_add_watch(fd, FILE0, IN_OPEN);
	LT_CHECK_EQ(inotify_add_watch(fd, FILE0, IN_CLOSE_NOWRITE | IN_MASK_ADD), wd);
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fd, evs, 8), 2);
	LT_CHECK_EQ(evs[0].mask, IN_OPEN);
	LT_CHECK_EQ(evs[1].mask, IN_CLOSE_NOWRITE);
	/* Without MASK_ADD the mask is replaced. */
	LT_CHECK_EQ(inotify_add_watch(fd, FILE0, IN_CLOSE_NOWRITE), wd);
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fd, evs, 8), 1);
	LT_CHECK_EQ(evs[0].mask, IN_CLOSE_NOWRITE);
	LT_CHECK_OK(inotify_rm_watch(fd, wd));
	LT_CHECK_EQ(drain(fd, evs, 8), 1);
	LT_CHECK_EQ(evs[0].mask, IN_IGNORED);
	close(fd);
	cleanup_dir();
}

LT_CASE(excl_unlink)
{
	struct ev evs[8];
	int fd = inotify_init1(0), f, n, i, modifies = 0;

	setup_dir();
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_MODIFY | IN_EXCL_UNLINK) > 0);
	f = open(FILE0, O_WRONLY);
	LT_CHECK_OK(unlink(FILE0));
	LT_CHECK_EQ(write(f, "x", 1), 1);	/* unlinked child: not reported */
	close(f);
	n = drain(fd, evs, 8);
	for (i = 0; i < n; i++)
		modifies += !!(evs[i].mask & IN_MODIFY);
	LT_CHECK_EQ(modifies, 0);
	close(fd);
	cleanup_dir();
}

LT_CASE(reads_and_fionread)
{
	struct ev evs[4];
	char buf[256] __attribute__((aligned(8)));
	struct inotify_event *e = (struct inotify_event *)buf;
	int fd = inotify_init1(0), avail = -1, f;

	setup_dir();
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_CREATE) > 0);
	f = open(DIR0 "/g", O_CREAT | O_WRONLY, 0644);
	close(f);
	LT_CHECK_OK(ioctl(fd, FIONREAD, &avail));
	LT_CHECK_EQ(avail, (int)(sizeof(*e) + 16));	/* "g" padded to 16 */
	LT_CHECK_ERR(read(fd, buf, sizeof(*e)), EINVAL);	/* too short for it */
	LT_CHECK_ERR(read(fd, (void *)16, sizeof(buf)), EFAULT);
	LT_CHECK_ERR(ioctl(fd, FIONREAD, (void *)16), EFAULT);
	(void)evs;
	close(fd);
	cleanup_dir();

	/* A whole event with its padded name. */
	fd = inotify_init1(0);
	setup_dir();
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_CREATE) > 0);
	f = open(DIR0 "/g", O_CREAT | O_WRONLY, 0644);
	close(f);
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), (long)(sizeof(*e) + 16));
	LT_CHECK_EQ(e->len, 16);
	LT_CHECK(!strcmp(e->name, "g"));
	LT_CHECK_OK(ioctl(fd, FIONREAD, &avail));
	LT_CHECK_EQ(avail, 0);
	close(fd);
	cleanup_dir();
}

LT_CASE(overflow)
{
	struct ev evs[8];
	char old[32] = "";
	int fd, i, p, n;

	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_queued_events", old, sizeof(old)) > 0);
	p = open(PROC "/sys/fs/inotify/max_queued_events", O_WRONLY);
	LT_CHECK(p >= 0);
	LT_CHECK_EQ(write(p, "4", 1), 1);
	close(p);
	fd = inotify_init1(0);		/* the limit is read at init */
	setup_dir();
	LT_CHECK(inotify_add_watch(fd, FILE0, IN_ATTRIB) > 0);
	for (i = 0; i < 10; i++)
		LT_CHECK_OK(chmod(FILE0, i & 1 ? 0600 : 0644));
	n = drain(fd, evs, 8);
	LT_CHECK_EQ(n, 1);	/* identical events in a row merge: no overflow */
	LT_CHECK_EQ(evs[0].mask, IN_ATTRIB);
	p = open(PROC "/sys/fs/inotify/max_queued_events", O_WRONLY);
	LT_CHECK_EQ(write(p, old, strlen(old)), (long)strlen(old));
	close(p);
	close(fd);
	cleanup_dir();
}

LT_CASE(overflow_distinct)
{
	struct ev evs[8];
	char old[32] = "", name[64];
	int fd, i, p, n;

	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_queued_events", old, sizeof(old)) > 0);
	p = open(PROC "/sys/fs/inotify/max_queued_events", O_WRONLY);
	LT_CHECK_EQ(write(p, "3", 1), 1);
	close(p);
	fd = inotify_init1(0);
	setup_dir();
	LT_CHECK(inotify_add_watch(fd, DIR0, IN_CREATE | IN_DELETE) > 0);
	for (i = 0; i < 4; i++) {
		snprintf(name, sizeof(name), DIR0 "/n%d", i);
		close(open(name, O_CREAT | O_WRONLY, 0644));
		unlink(name);
	}
	n = drain(fd, evs, 8);
	LT_CHECK_EQ(n, 4);
	LT_CHECK_EQ(evs[3].mask, IN_Q_OVERFLOW);
	LT_CHECK_EQ(evs[3].wd, -1);
	p = open(PROC "/sys/fs/inotify/max_queued_events", O_WRONLY);
	LT_CHECK_EQ(write(p, old, strlen(old)), (long)strlen(old));
	close(p);
	close(fd);
	cleanup_dir();
}

LT_CASE(poll_epoll_and_blocking)
{
	struct pollfd pfd;
	struct epoll_event ev = { .events = EPOLLIN };
	char buf[256] __attribute__((aligned(8)));
	int fd = inotify_init1(0), ep = epoll_create1(0);
	pid_t pid;

	setup_dir();
	LT_CHECK(inotify_add_watch(fd, FILE0, IN_ATTRIB) > 0);
	LT_CHECK_OK(epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev));
	pfd.fd = fd;
	pfd.events = POLLIN;
	LT_CHECK_EQ(poll(&pfd, 1, 0), 0);
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 0), 0);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(50);
		_exit(chmod(FILE0, 0600) ? 1 : 0);
	}
	/* Blocks until the child's chmod. */
	LT_CHECK_EQ(read(fd, buf, sizeof(buf)), (long)sizeof(struct inotify_event));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(chmod(FILE0, 0644));
	LT_CHECK_EQ(poll(&pfd, 1, 0), 1);
	LT_CHECK_EQ(epoll_wait(ep, &ev, 1, 0), 1);
	close(ep);
	close(fd);
	cleanup_dir();
}

LT_CASE(unmount)
{
	struct ev evs[8];
	int fd = inotify_init1(0), wd, n;

	mkdir(MNT, 0755);
	if (mount("none", MNT, "tmpfs", 0, NULL)) {
		lt_note("no tmpfs mount (%s): skipped", strerror(errno));
		close(fd);
		return;
	}
	close(open(MNT "/x", O_CREAT | O_WRONLY, 0644));
	wd = inotify_add_watch(fd, MNT "/x", IN_OPEN);
	LT_CHECK(wd > 0);
	LT_CHECK_OK(umount(MNT));
	n = drain(fd, evs, 8);
	LT_CHECK_EQ(n, 2);
	LT_CHECK_EQ(evs[0].mask, IN_UNMOUNT);
	LT_CHECK_EQ(evs[1].mask, IN_IGNORED);
	LT_CHECK_EQ(evs[1].wd, wd);
	rmdir(MNT);
	close(fd);
}

static int write_str(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, s, strlen(s)) == (ssize_t)strlen(s);
	close(fd);
	return ok ? 0 : -1;
}

/* The per-user limits: instances (EMFILE) and watches (ENOSPC). */
LT_CASE(user_limits)
{
	char inst[32] = "", watches[32] = "";
	int fd = inotify_init1(0);

	setup_dir();
	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_user_instances", inst, sizeof(inst)) > 0);
	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_user_watches", watches, sizeof(watches)) > 0);
	LT_CHECK_OK(write_str(PROC "/sys/fs/inotify/max_user_instances", "0"));
	LT_CHECK_ERR(inotify_init1(0), EMFILE);
	LT_CHECK_OK(write_str(PROC "/sys/fs/inotify/max_user_instances", inst));
	LT_CHECK_OK(write_str(PROC "/sys/fs/inotify/max_user_watches", "0"));
	LT_CHECK_ERR(inotify_add_watch(fd, FILE0, IN_OPEN), ENOSPC);
	LT_CHECK_OK(write_str(PROC "/sys/fs/inotify/max_user_watches", watches));
	LT_CHECK(inotify_add_watch(fd, FILE0, IN_OPEN) > 0);
	close(fd);
	cleanup_dir();
}

LT_CASE(proc_limits)
{
	char buf[32];

	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_user_instances", buf, sizeof(buf)) > 0);
	LT_CHECK(atoi(buf) >= 128);
	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_user_watches", buf, sizeof(buf)) > 0);
	LT_CHECK(atoi(buf) >= 8192);
	LT_CHECK(lt_read_file(PROC "/sys/fs/inotify/max_queued_events", buf, sizeof(buf)) > 0);
	LT_CHECK_EQ(atoi(buf), 16384);
}

/*
 * Random arguments to every inotify call, a bounded number of times:
 * errors or success, never a hang or an oops.  Reads are non-blocking.
 */
LT_CASE(fuzz)
{
	static char good[8192] __attribute__((aligned(4096)));
	static const char *const paths[] = { DIR0, FILE0, "/", "/nonexistent", "" };
	unsigned int seed = 4242;
	int i, fd = inotify_init1(IN_NONBLOCK);

	setup_dir();
	LT_CHECK(fd >= 0);
	for (i = 0; i < 3000; i++) {
		unsigned int r1 = rand_r(&seed), r2 = rand_r(&seed), r3 = rand_r(&seed);
		int ifd = (r1 & 1) ? fd : (int)(r3 % 12) - 2;
		const char *path = (r2 % 7 < 5) ? paths[r2 % 5] : (r2 % 7 == 5 ? NULL : (char *)16);

		switch (r1 % 5) {
		case 0:
			syscall(SYS_inotify_add_watch, ifd, path, r3);
			break;
		case 1:
			syscall(SYS_inotify_rm_watch, ifd, (int)(r3 % 20) - 2);
			break;
		case 2:
			if (ifd == fd)
				read(fd, (r2 & 1) ? good : (char *)16, r3 % 600);
			break;
		case 3:
			syscall(SYS_inotify_init1, (int)r2);
			break;
		default:
			if (ifd == fd)
				ioctl(fd, (r2 & 1) ? FIONREAD : r3, (r3 & 1) ? (void *)good : (void *)16);
			/* Something to watch happening meanwhile. */
			chmod(FILE0, (r3 & 1) ? 0644 : 0600);
			break;
		}
	}
	for (i = fd + 1; i < 200; i++)
		close(i);
	close(fd);
	cleanup_dir();
}

int main(void)
{
	lt_begin("inotify");
	/* Nothing mounts /proc here: our own, for /proc/sys/fs/inotify. */
	mkdir(PROC, 0755);
	if (mount("proc", PROC, "proc", 0, NULL))
		lt_note("mount proc: %s", strerror(errno));
	LT_RUN(init_flags);
	LT_RUN(watch_errors);
	LT_RUN(file_events);
	LT_RUN(attrib_and_truncate);
	LT_RUN(directory_events);
	LT_RUN(rename_over_watched);
	LT_RUN(readdir_is_access);
	LT_RUN(delete_self_then_ignored);
	LT_RUN(oneshot_and_mask_add);
	LT_RUN(excl_unlink);
	LT_RUN(reads_and_fionread);
	LT_RUN(overflow);
	LT_RUN(overflow_distinct);
	LT_RUN(poll_epoll_and_blocking);
	LT_RUN(unmount);
	LT_RUN(proc_limits);
	LT_RUN(user_limits);
	LT_RUN(fuzz);
	umount(PROC);
	rmdir(PROC);
	return lt_end();
}
