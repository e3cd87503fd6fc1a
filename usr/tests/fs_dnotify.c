// SPDX-License-Identifier: GPL-2.0
/*
 * fs_dnotify: fcntl(F_NOTIFY) on directories.  Each asked-for event in
 * the directory signals the watcher: with F_SETSIG the chosen signal,
 * carrying si_fd and POLL_MSG, else SIGIO.  One event only unless
 * DN_MULTISHOT; a rename inside the directory is DN_RENAME, a name moved
 * out of it DN_DELETE and into it DN_CREATE; the directory's own
 * attributes count too; closing the descriptor (or asking for nothing)
 * ends the watch; a file is not a directory.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_dnotify"
#define SIG	(SIGRTMIN + 1)

/* The next dnotify signal within @ms, its si_fd in *fd; 0 if none came. */
static int next_sig(int *fd, int ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	siginfo_t si;
	sigset_t set;
	int sig;

	sigemptyset(&set);
	sigaddset(&set, SIG);
	sigaddset(&set, SIGIO);
	sig = sigtimedwait(&set, &si, &ts);
	if (sig < 0)
		return 0;
	*fd = si.si_fd;
	if (sig == SIG && si.si_code != POLL_MSG)
		return -1;
	return sig;
}

static void drain(void)
{
	int fd;

	while (next_sig(&fd, 20) > 0)
		;
}

static int watch(const char *dir, unsigned long mask, int sig)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		return -1;
	if ((sig && fcntl(fd, F_SETSIG, sig)) || fcntl(fd, F_NOTIFY, mask)) {
		close(fd);
		return -1;
	}
	return fd;
}

static void block_sigs(sigset_t *old)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIG);
	sigaddset(&set, SIGIO);
	sigprocmask(SIG_BLOCK, &set, old);
}

LT_CASE(events_and_masks)
{
	sigset_t old;
	char buf[4];
	int fd, got, f;

	block_sigs(&old);
	LT_CHECK_OK(lt_fs_setup(D));
	fd = watch(D, DN_CREATE | DN_MULTISHOT, SIG);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(lt_put_file(D "/a", "x", 1, 0644));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	LT_CHECK_EQ(got, fd);
	drain();
	/* Not asked for: a write and a chmod say nothing. */
	f = open(D "/a", O_WRONLY);
	LT_CHECK_EQ(write(f, "y", 1), 1);
	close(f);
	LT_CHECK_OK(chmod(D "/a", 0600));
	LT_CHECK_EQ(next_sig(&got, 100), 0);
	/* Asking again adds to the watch. */
	LT_CHECK_OK(fcntl(fd, F_NOTIFY, DN_MODIFY | DN_ATTRIB | DN_ACCESS | DN_MULTISHOT));
	f = open(D "/a", O_RDWR);
	LT_CHECK_EQ(write(f, "z", 1), 1);
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	drain();
	LT_CHECK_EQ(pread(f, buf, 1, 0), 1);
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	drain();
	close(f);
	LT_CHECK_OK(chmod(D "/a", 0644));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	drain();
	LT_CHECK_OK(mkdir(D "/sub", 0755));	/* DN_CREATE still there */
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	drain();
	/* Nothing asked for: the watch ends. */
	LT_CHECK_OK(fcntl(fd, F_NOTIFY, 0));
	LT_CHECK_OK(lt_put_file(D "/b", "x", 1, 0644));
	LT_CHECK_EQ(next_sig(&got, 100), 0);
	close(fd);
	lt_fs_cleanup(D);
	drain();
	sigprocmask(SIG_SETMASK, &old, NULL);
}

LT_CASE(oneshot_and_close)
{
	sigset_t old;
	int fd, got;

	block_sigs(&old);
	LT_CHECK_OK(lt_fs_setup(D));
	fd = watch(D, DN_CREATE, SIG);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(lt_put_file(D "/a", "", 0, 0644));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	drain();
	LT_CHECK_OK(lt_put_file(D "/b", "", 0, 0644));
	LT_CHECK_EQ(next_sig(&got, 100), 0);		/* fired once */
	/* Closing the descriptor ends a multishot watch too. */
	LT_CHECK_OK(fcntl(fd, F_NOTIFY, DN_DELETE | DN_MULTISHOT));
	close(fd);
	LT_CHECK_OK(unlink(D "/a"));
	LT_CHECK_EQ(next_sig(&got, 100), 0);
	/* Without F_SETSIG: SIGIO. */
	fd = watch(D, DN_DELETE, 0);
	LT_CHECK(fd >= 0);
	LT_CHECK_OK(unlink(D "/b"));
	LT_CHECK_EQ(next_sig(&got, 2000), SIGIO);
	close(fd);
	lt_fs_cleanup(D);
	drain();
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* As Linux 6.1: DN_RENAME is a rename inside the directory only. */
LT_CASE(renames)
{
	sigset_t old;
	int pfd, sfd, got;

	block_sigs(&old);
	LT_CHECK_OK(lt_fs_setup(D));
	LT_CHECK_OK(mkdir(D "/sub", 0755));
	LT_CHECK_OK(lt_put_file(D "/f", "", 0, 0644));
	pfd = watch(D, DN_RENAME | DN_MULTISHOT, SIG);
	sfd = watch(D "/sub", DN_RENAME | DN_MULTISHOT, SIG);
	LT_CHECK(pfd >= 0 && sfd >= 0);
	LT_CHECK_OK(rename(D "/f", D "/sub/f"));
	LT_CHECK_EQ(next_sig(&got, 100), 0);
	LT_CHECK_OK(rename(D "/sub/f", D "/sub/g"));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	LT_CHECK_EQ(got, sfd);
	drain();
	LT_CHECK_OK(rename(D "/sub", D "/sub2"));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	LT_CHECK_EQ(got, pfd);
	LT_CHECK_EQ(next_sig(&got, 100), 0);
	/* Moved out is a delete, moved in a create. */
	LT_CHECK_OK(fcntl(pfd, F_NOTIFY, DN_DELETE | DN_MULTISHOT));
	LT_CHECK_OK(fcntl(sfd, F_NOTIFY, DN_CREATE | DN_MULTISHOT));
	LT_CHECK_OK(rename(D "/sub2/g", D "/h"));
	LT_CHECK_EQ(next_sig(&got, 100), 0);		/* neither asked for that */
	LT_CHECK_OK(rename(D "/h", D "/sub2/h"));
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);
	LT_CHECK_EQ(next_sig(&got, 2000), SIG);		/* one each */
	close(pfd);
	close(sfd);
	lt_fs_cleanup(D);
	drain();
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* A subdirectory's own attribute change reaches its own watch and its parent's. */
LT_CASE(directory_itself)
{
	sigset_t old;
	int pfd, sfd, got, seen = 0;

	block_sigs(&old);
	LT_CHECK_OK(lt_fs_setup(D));
	LT_CHECK_OK(mkdir(D "/sub", 0700));
	pfd = watch(D, DN_ATTRIB | DN_MULTISHOT, SIG);
	sfd = watch(D "/sub", DN_ATTRIB | DN_MULTISHOT, SIG);
	LT_CHECK(pfd >= 0 && sfd >= 0);
	LT_CHECK_OK(chmod(D "/sub", 0755));
	while (next_sig(&got, 300) == SIG)
		seen |= got == pfd ? 1 : got == sfd ? 2 : 4;
	LT_CHECK_EQ(seen, 3);
	close(pfd);
	close(sfd);
	lt_fs_cleanup(D);
	sigprocmask(SIG_SETMASK, &old, NULL);
}

LT_CASE(x_errors)
{
	int fd;

	LT_CHECK_OK(lt_fs_setup(D));
	LT_CHECK_OK(lt_put_file(D "/f", "", 0, 0644));
	fd = open(D "/f", O_RDONLY);
	LT_CHECK_ERR(fcntl(fd, F_NOTIFY, DN_CREATE), ENOTDIR);
	close(fd);
	LT_CHECK_ERR(fcntl(fd, F_NOTIFY, DN_CREATE), EBADF);
	fd = open(D, O_PATH);
	LT_CHECK_ERR(fcntl(fd, F_NOTIFY, DN_CREATE), EBADF);
	close(fd);
	lt_fs_cleanup(D);
}

int main(void)
{
	lt_begin("fs_dnotify");
	LT_RUN(events_and_masks);
	LT_RUN(oneshot_and_close);
	LT_RUN(renames);
	LT_RUN(directory_itself);
	LT_RUN(x_errors);
	return lt_end();
}
