/*
 * fanotify: init and mark errors, EPERM without CAP_SYS_ADMIN, events
 * with an fd open on the file and the causing pid (inode marks, a
 * directory's children, mount marks), merging, FAN_ONDIR, ignored
 * masks, FAN_MARK_REMOVE/FLUSH, and permission events answered
 * FAN_ALLOW / FAN_DENY, or let through when the listener closes.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define DIR0	"/t_fanotify"
#define FILE0	DIR0 "/f"

static void setup(void)
{
	mkdir(DIR0, 0755);
	close(open(FILE0, O_CREAT | O_WRONLY | O_TRUNC, 0644));
}

static void cleanup(void)
{
	unlink(FILE0);
	rmdir(DIR0);
}

/* Read what is there (non-blocking); close the event fds; return the count. */
static int drain(int fan, struct fanotify_event_metadata *out, int max)
{
	char buf[4096] __attribute__((aligned(8)));
	struct fanotify_event_metadata *md;
	int n = 0, flags = fcntl(fan, F_GETFL);
	ssize_t len;

	fcntl(fan, F_SETFL, flags | O_NONBLOCK);
	len = read(fan, buf, sizeof(buf));
	fcntl(fan, F_SETFL, flags);
	for (md = (void *)buf; len > 0 && FAN_EVENT_OK(md, len); md = FAN_EVENT_NEXT(md, len)) {
		if (n < max)
			out[n] = *md;
		n++;
		if (md->fd >= 0)
			close(md->fd);
	}
	return n;
}

LT_CASE(init_errors)
{
	int fd;
	pid_t pid;

	LT_CHECK_ERR(fanotify_init(0x80000000, O_RDONLY), EINVAL);
	LT_CHECK_ERR(fanotify_init(FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT, O_RDONLY), EINVAL);
	LT_CHECK_ERR(fanotify_init(FAN_CLASS_NOTIF, O_ACCMODE), EINVAL);
	fd = fanotify_init(FAN_CLASS_NOTIF | FAN_CLOEXEC | FAN_NONBLOCK, O_RDONLY);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK(fcntl(fd, F_GETFL) & O_NONBLOCK);
	close(fd);

	/* Only an administrator may listen. */
	pid = fork();
	if (pid == 0) {
		if (setuid(65534))
			_exit(2);
		_exit(fanotify_init(FAN_CLASS_NOTIF, O_RDONLY) == -1 && errno == EPERM ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(mark_errors)
{
	int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), other = open("/", O_RDONLY);

	setup();
	LT_CHECK(fan >= 0);
	LT_CHECK_ERR(fanotify_mark(-1, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, FILE0), EBADF);
	LT_CHECK_ERR(fanotify_mark(other, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, FILE0), EINVAL);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, 0, AT_FDCWD, FILE0), EINVAL);
	LT_CHECK_ERR(fanotify_mark(fan, 0, FAN_OPEN, AT_FDCWD, FILE0), EINVAL);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_REMOVE, FAN_OPEN, AT_FDCWD, FILE0),
		     EINVAL);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, 1ULL << 40, AT_FDCWD, FILE0), EINVAL);
	/* Permission events need a content class. */
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN_PERM, AT_FDCWD, FILE0), EINVAL);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, "/nonexistent"), ENOENT);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_ONLYDIR, FAN_OPEN, AT_FDCWD, FILE0),
		     ENOTDIR);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, (char *)16), EFAULT);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, 999, NULL), EBADF);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_REMOVE, FAN_OPEN, AT_FDCWD, FILE0), ENOENT);
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_FLUSH | FAN_MARK_ONLYDIR, 0, AT_FDCWD, FILE0),
		     EINVAL);
	close(other);
	close(fan);
	cleanup();
}

LT_CASE(inode_events)
{
	struct fanotify_event_metadata ev[8];
	int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), f, n;
	char c;

	setup();
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN | FAN_MODIFY | FAN_CLOSE | FAN_ACCESS,
				  AT_FDCWD, FILE0));
	f = open(FILE0, O_RDWR);
	LT_CHECK_EQ(write(f, "x", 1), 1);
	close(f);
	{
		int avail = -1;

		LT_CHECK_OK(ioctl(fan, FIONREAD, &avail));
		LT_CHECK_EQ(avail, (int)sizeof(ev[0]));
		LT_CHECK_ERR(ioctl(fan, FIONREAD, (void *)16), EFAULT);
	}
	/* One file, one task, nothing between: the events merge. */
	n = drain(fan, ev, 8);
	LT_CHECK_EQ(n, 1);
	LT_CHECK_EQ(ev[0].mask, FAN_OPEN | FAN_MODIFY | FAN_CLOSE_WRITE);
	LT_CHECK_EQ(ev[0].pid, getpid());
	LT_CHECK_EQ(ev[0].vers, FANOTIFY_METADATA_VERSION);
	LT_CHECK_EQ(ev[0].event_len, sizeof(ev[0]));
	LT_CHECK(ev[0].fd >= 0);

	/* The event fd is the file, and opening it made no event. */
	f = open(FILE0, O_RDONLY);
	LT_CHECK_EQ(read(f, &c, 1), 1);
	close(f);
	{
		char buf[4096] __attribute__((aligned(8)));
		struct fanotify_event_metadata *md = (void *)buf;
		struct stat a, b;
		ssize_t len = read(fan, buf, sizeof(buf));

		LT_CHECK_EQ(len, (long)sizeof(*md));
		LT_CHECK_EQ(md->mask, FAN_OPEN | FAN_ACCESS | FAN_CLOSE_NOWRITE);
		LT_CHECK_OK(fstat(md->fd, &a));
		LT_CHECK_OK(stat(FILE0, &b));
		LT_CHECK_EQ(a.st_ino, b.st_ino);
		LT_CHECK_EQ(read(md->fd, &c, 1), 1);	/* its reads are silent too */
		close(md->fd);
		LT_CHECK_EQ(drain(fan, ev, 8), 0);
		/* A buffer too short for the event waiting is EINVAL. */
		f = open(FILE0, O_RDONLY);
		close(f);
		LT_CHECK_ERR(read(fan, buf, sizeof(*md) - 1), EINVAL);
		LT_CHECK_ERR(read(fan, (void *)16, sizeof(buf)), EFAULT);
		LT_CHECK_OK(fcntl(fan, F_SETFL, O_NONBLOCK));
		LT_CHECK_ERR(read(fan, buf, sizeof(buf)), EAGAIN);
	}
	close(fan);
	cleanup();
}

LT_CASE(children_and_ondir)
{
	struct fanotify_event_metadata ev[8];
	int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), f;

	setup();
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN, AT_FDCWD, DIR0));
	f = open(FILE0, O_RDONLY);
	close(f);
	f = open(DIR0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 0);	/* no ON_CHILD, no ONDIR: nothing */

	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN | FAN_EVENT_ON_CHILD | FAN_ONDIR,
				  AT_FDCWD, DIR0));
	f = open(FILE0, O_RDONLY);
	close(f);
	f = open(DIR0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 2);
	LT_CHECK_EQ(ev[0].mask, FAN_OPEN);
	LT_CHECK_EQ(ev[1].mask, FAN_OPEN);	/* FAN_ONDIR is not reported in fd mode */
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_FLUSH, 0, AT_FDCWD, NULL));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 0);
	close(fan);
	cleanup();
}

LT_CASE(mount_mark_and_ignore)
{
	struct fanotify_event_metadata ev[8];
	int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), f;

	setup();
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_MOUNT, FAN_CLOSE_NOWRITE | FAN_ONDIR,
				  AT_FDCWD, DIR0));
	/* Ignore this one file: its closes are not reported, others' are. */
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_IGNORED_MASK, FAN_CLOSE_NOWRITE,
				  AT_FDCWD, FILE0));
	f = open(FILE0, O_RDONLY);
	close(f);
	f = open(DIR0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 1);
	LT_CHECK_EQ(ev[0].mask, FAN_CLOSE_NOWRITE);
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_REMOVE | FAN_MARK_IGNORED_MASK, FAN_CLOSE_NOWRITE,
				  AT_FDCWD, FILE0));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 1);
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_REMOVE | FAN_MARK_MOUNT, FAN_CLOSE_NOWRITE,
				  AT_FDCWD, DIR0));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 0);
	close(fan);
	cleanup();
}

LT_CASE(filesystem_mark)
{
	struct fanotify_event_metadata ev[8];
	int fan = fanotify_init(FAN_CLASS_NOTIF, O_RDONLY), f;

	setup();
	LT_CHECK_ERR(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_FILESYSTEM | FAN_MARK_MOUNT,
				   FAN_OPEN, AT_FDCWD, DIR0), EINVAL);
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD | FAN_MARK_FILESYSTEM, FAN_OPEN, AT_FDCWD, DIR0));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 1);
	LT_CHECK_EQ(ev[0].mask, FAN_OPEN);
	/* Flushing inode marks leaves it; flushing filesystem marks does not. */
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_FLUSH, 0, AT_FDCWD, NULL));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 1);
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_FLUSH | FAN_MARK_FILESYSTEM, 0, AT_FDCWD, NULL));
	f = open(FILE0, O_RDONLY);
	close(f);
	LT_CHECK_EQ(drain(fan, ev, 8), 0);
	close(fan);
	cleanup();
}

/*
 * A child opens FILE0 and exits 0 if the open worked, 1 on EPERM.  It
 * closes its copy of @fan first: the listener is the parent's alone.
 */
static pid_t child_opens(int fan)
{
	pid_t pid = fork();

	if (pid == 0) {
		int f;

		close(fan);
		f = open(FILE0, O_RDONLY);

		if (f < 0)
			_exit(errno == EPERM ? 1 : 2);
		close(f);
		_exit(0);
	}
	return pid;
}

static int answer_one(int fan, unsigned int response)
{
	struct fanotify_event_metadata md;
	struct fanotify_response r;
	int ret;

	if (read(fan, &md, sizeof(md)) != sizeof(md) || md.mask != FAN_OPEN_PERM)
		return -1;
	r.fd = md.fd;
	r.response = response;
	ret = write(fan, &r, sizeof(r)) == sizeof(r) ? 0 : -1;
	close(md.fd);
	return ret;
}

LT_CASE(permission_events)
{
	struct fanotify_response r = { .fd = 1000, .response = FAN_ALLOW };
	int fan = fanotify_init(FAN_CLASS_CONTENT, O_RDONLY);
	pid_t pid;

	setup();
	LT_CHECK(fan >= 0);
	LT_CHECK_OK(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN_PERM, AT_FDCWD, FILE0));
	pid = child_opens(fan);
	LT_CHECK_OK(answer_one(fan, FAN_ALLOW));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = child_opens(fan);
	LT_CHECK_OK(answer_one(fan, FAN_DENY));
	LT_CHECK_WAIT(pid, LT_EXITED(1));

	/* Answers to no event, or no answer at all. */
	LT_CHECK_ERR(write(fan, &r, sizeof(r)), ENOENT);
	r.response = 7;
	LT_CHECK_ERR(write(fan, &r, sizeof(r)), EINVAL);
	LT_CHECK_ERR(write(fan, &r, sizeof(r) - 1), EINVAL);

	/* A listener that goes lets the waiting task through. */
	pid = child_opens(fan);
	lt_sleep_ms(50);
	close(fan);
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	cleanup();
}

/*
 * Random arguments to fanotify_init, fanotify_mark, read and write, a
 * bounded number of times: errors or success, never a hang or an oops.
 * Only notification classes (no task could wait for an answer).
 */
LT_CASE(fuzz)
{
	static char good[8192] __attribute__((aligned(4096)));
	static const char *const paths[] = { DIR0, FILE0, "/", "/nonexistent", "" };
	unsigned int seed = 777;
	int i, fan = fanotify_init(FAN_CLASS_NOTIF | FAN_NONBLOCK, O_RDONLY);

	setup();
	LT_CHECK(fan >= 0);
	for (i = 0; i < 3000; i++) {
		unsigned int r1 = rand_r(&seed), r2 = rand_r(&seed), r3 = rand_r(&seed);
		int ffd = (r1 & 1) ? fan : (int)(r3 % 12) - 2;
		const char *path = (r2 % 7 < 5) ? paths[r2 % 5] : (r2 % 7 == 5 ? NULL : (char *)16);
		uint64_t mask = ((uint64_t)r2 << 32 | r3) & ~(uint64_t)(FAN_OPEN_PERM | FAN_ACCESS_PERM |
									FAN_OPEN_EXEC_PERM);

		switch (r1 % 4) {
		case 0: {
			int fd = fanotify_init(r2 & ~(FAN_CLASS_CONTENT | FAN_CLASS_PRE_CONTENT), r3);

			if (fd >= 0)
				close(fd);
			break;
		}
		case 1:
			fanotify_mark(ffd, r2 & 0x7ff, (r1 & 2) ? mask & 0xffff : mask,
				      (r3 & 1) ? AT_FDCWD : (int)(r3 % 10), path);
			break;
		case 2: {
			ssize_t len = read(fan, (r2 & 1) ? good : (char *)16, r3 % 200);
			struct fanotify_event_metadata *md = (void *)good;

			for (; (r2 & 1) && len > 0 && FAN_EVENT_OK(md, len); md = FAN_EVENT_NEXT(md, len))
				if (md->fd >= 0)
					close(md->fd);
			break;
		}
		default:
			write(fan, (r2 & 1) ? good : (char *)16, r3 % 16);
			close(open(FILE0, O_RDONLY));
			break;
		}
	}
	close(fan);
	for (i = 3; i < 200; i++)
		close(i);
	cleanup();
}

int main(void)
{
	lt_begin("fanotify");
	LT_RUN(init_errors);
	LT_RUN(mark_errors);
	LT_RUN(inode_events);
	LT_RUN(children_and_ondir);
	LT_RUN(mount_mark_and_ignore);
	LT_RUN(filesystem_mark);
	LT_RUN(permission_events);
	LT_RUN(fuzz);
	return lt_end();
}
