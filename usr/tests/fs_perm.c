// SPDX-License-Identifier: GPL-2.0
/*
 * fs_perm: permission checks for an ordinary user.  Root (this program)
 * prepares files and directories under /t_perm; each case then forks a
 * child that drops to uid/gid 1000 (no supplementary groups, or the ones
 * the case names) and checks what it may do: read/write/execute bits and
 * the owner-group-other precedence, search permission on directories,
 * write permission to create and remove names, the sticky bit, who may
 * chmod/chown/utimensat, the umask of mkdir, set-group-ID directories and
 * exec's need for an x bit.
 *
 * The kernel's default fs.protected_* sysctls (all 0, no systemd here)
 * are assumed: nothing below depends on them.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_perm"
#define UID	1000
#define GID	1000

static int become(uid_t uid, gid_t gid, int ngroups, const gid_t *groups)
{
	return setgroups(ngroups, groups) || setresgid(gid, gid, gid) ||
	       setresuid(uid, uid, uid) ? -1 : 0;
}

/* Run the statements in a child that is uid 1000 / gid 1000, no groups. */
#define AS_USER(...) do {						\
	pid_t pid_ = fork();						\
	LT_CHECK(pid_ >= 0);						\
	if (pid_ == 0) {						\
		if (become(UID, GID, 0, NULL))				\
			LT_FAIL("cannot become uid %d: %s", UID, lt_errname(errno)); \
		__VA_ARGS__						\
		_exit(0);						\
	}								\
	LT_CHECK_WAIT(pid_, LT_EXITED(0));				\
} while (0)

static int mkfile(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	if (lt_put_file(path, "data", 4, 0600))
		return -1;
	return chown(path, uid, gid) || chmod(path, mode) ? -1 : 0;
}

static int mkdir_owned(const char *path, mode_t mode, uid_t uid, gid_t gid)
{
	if (mkdir(path, 0700))
		return -1;
	return chown(path, uid, gid) || chmod(path, mode) ? -1 : 0;
}

LT_CASE(file_rwx_bits)
{
	LT_CHECK_OK(mkfile(D "/secret", 0600, 0, 0));
	LT_CHECK_OK(mkfile(D "/public", 0644, 0, 0));
	LT_CHECK_OK(mkfile(D "/other_w", 0602, 0, 0));
	AS_USER(
		char buf[8];
		struct stat st;
		int fd;

		LT_CHECK_ERR(open(D "/secret", O_RDONLY), EACCES);
		LT_CHECK_ERR(open(D "/secret", O_WRONLY), EACCES);
		LT_CHECK_ERR(open(D "/secret", O_RDWR | O_CREAT, 0644), EACCES);
		LT_CHECK_OK(stat(D "/secret", &st));	/* stat needs no access to the file */
		LT_CHECK_ERR(access(D "/secret", R_OK), EACCES);
		LT_CHECK_OK(access(D "/secret", F_OK));
		fd = open(D "/public", O_RDONLY);
		LT_CHECK(fd >= 0);
		LT_CHECK_EQ(read(fd, buf, 8), 4);
		close(fd);
		LT_CHECK_ERR(open(D "/public", O_WRONLY), EACCES);
		LT_CHECK_ERR(open(D "/public", O_RDONLY | O_TRUNC), EACCES);
		LT_CHECK_ERR(truncate(D "/public", 0), EACCES);
		/* Write-only for others: open for writing, not for reading. */
		fd = open(D "/other_w", O_WRONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_ERR(open(D "/other_w", O_RDWR), EACCES);
		/* O_PATH needs no permission on the file itself. */
		fd = open(D "/secret", O_PATH);
		LT_CHECK(fd >= 0);
		close(fd);
	);
	unlink(D "/secret");
	unlink(D "/public");
	unlink(D "/other_w");
}

/* Only the first matching class counts: owner, then group, then other. */
LT_CASE(owner_group_other_precedence)
{
	LT_CHECK_OK(mkfile(D "/own_denied", 0077, UID, 0));
	LT_CHECK_OK(mkfile(D "/grp_denied", 0707, 0, GID));
	LT_CHECK_OK(mkfile(D "/grp_ok", 0040, 0, GID));
	LT_CHECK_OK(mkfile(D "/supp", 0060, 0, 2000));
	AS_USER(
		int fd;

		LT_CHECK_ERR(open(D "/own_denied", O_RDONLY), EACCES);
		LT_CHECK_ERR(open(D "/grp_denied", O_RDONLY), EACCES);
		fd = open(D "/grp_ok", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_ERR(open(D "/supp", O_RDONLY), EACCES);
		/* The owner may still chmod it back. */
		LT_CHECK_OK(chmod(D "/own_denied", 0477));
		fd = open(D "/own_denied", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
	);
	/* Supplementary groups count like the primary one. */
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		gid_t g[] = { 3000, 2000 };
		int fd;

		LT_CHECK_OK(become(UID, GID, 2, g));
		fd = open(D "/supp", O_RDWR);
		LT_CHECK(fd >= 0);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	unlink(D "/own_denied");
	unlink(D "/grp_denied");
	unlink(D "/grp_ok");
	unlink(D "/supp");
}

LT_CASE(dir_search)
{
	LT_CHECK_OK(mkdir_owned(D "/d700", 0700, 0, 0));
	LT_CHECK_OK(mkfile(D "/d700/f", 0644, 0, 0));
	LT_CHECK_OK(mkdir_owned(D "/d711", 0711, 0, 0));
	LT_CHECK_OK(mkfile(D "/d711/f", 0644, 0, 0));
	LT_CHECK_OK(mkdir_owned(D "/d744", 0744, 0, 0));
	LT_CHECK_OK(mkfile(D "/d744/f", 0644, 0, 0));
	AS_USER(
		char buf[256];
		struct stat st;
		int fd;

		LT_CHECK_ERR(open(D "/d700/f", O_RDONLY), EACCES);
		LT_CHECK_ERR(stat(D "/d700/f", &st), EACCES);
		LT_CHECK_ERR(stat(D "/d700/none", &st), EACCES);	/* not ENOENT: no peeking */
		LT_CHECK_ERR(chdir(D "/d700"), EACCES);
		LT_CHECK_ERR(open(D "/d700", O_RDONLY), EACCES);
		LT_CHECK_OK(stat(D "/d700", &st));		/* the dir itself is visible */
		/* x without r: names can be used but not listed. */
		fd = open(D "/d711/f", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_ERR(open(D "/d711", O_RDONLY | O_DIRECTORY), EACCES);
		LT_CHECK_OK(chdir(D "/d711"));
		LT_CHECK_OK(chdir("/"));
		/* r without x: names can be listed but not used. */
		fd = open(D "/d744", O_RDONLY | O_DIRECTORY);
		LT_CHECK(fd >= 0);
		LT_CHECK(syscall(SYS_getdents64, fd, buf, sizeof(buf)) > 0);
		close(fd);
		LT_CHECK_ERR(stat(D "/d744/f", &st), EACCES);
		LT_CHECK_ERR(chdir(D "/d744"), EACCES);
	);
	lt_rm_rf(D "/d700");
	lt_rm_rf(D "/d711");
	lt_rm_rf(D "/d744");
}

LT_CASE(dir_write)
{
	LT_CHECK_OK(mkdir_owned(D "/ro", 0755, 0, 0));
	LT_CHECK_OK(mkfile(D "/ro/f", 0666, 0, 0));
	LT_CHECK_OK(mkdir_owned(D "/rw", 0777, 0, 0));
	LT_CHECK_OK(mkdir_owned(D "/wo", 0733, 0, 0));
	AS_USER(
		int fd;

		LT_CHECK_ERR(open(D "/ro/new", O_RDWR | O_CREAT, 0644), EACCES);
		LT_CHECK_ERR(mkdir(D "/ro/newd", 0755), EACCES);
		LT_CHECK_ERR(unlink(D "/ro/f"), EACCES);
		LT_CHECK_ERR(rename(D "/ro/f", D "/rw/f"), EACCES);
		LT_CHECK_ERR(symlink("x", D "/ro/l"), EACCES);
		LT_CHECK_ERR(mkfifo(D "/ro/p", 0644), EACCES);
		/* An existing writable file opens with O_CREAT: nothing is created. */
		fd = open(D "/ro/f", O_RDWR | O_CREAT, 0644);
		LT_CHECK(fd >= 0);
		LT_CHECK_EQ(write(fd, "x", 1), 1);
		close(fd);
		/* ...but O_CREAT|O_EXCL of it is EEXIST, not EACCES. */
		LT_CHECK_ERR(open(D "/ro/f", O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
		fd = open(D "/rw/mine", O_RDWR | O_CREAT, 0644);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_OK(mkdir(D "/rw/sub", 0755));
		LT_CHECK_OK(mkfifo(D "/rw/p", 0644));
		LT_CHECK_OK(unlink(D "/rw/p"));
		LT_CHECK_ERR(mknod(D "/rw/c", S_IFCHR | 0644, makedev(1, 3)), EPERM);
		/* Write+search without read: create and remove by name. */
		LT_CHECK_OK(lt_put_file(D "/wo/x", "", 0, 0644));
		LT_CHECK_OK(unlink(D "/wo/x"));
	);
	/* The new names belong to the user's ids. */
	struct stat st;

	LT_CHECK_OK(stat(D "/rw/mine", &st));
	LT_CHECK_EQ(st.st_uid, UID);
	LT_CHECK_EQ(st.st_gid, GID);
	LT_CHECK_OK(stat(D "/rw/sub", &st));
	LT_CHECK_EQ(st.st_uid, UID);
	lt_rm_rf(D "/ro");
	lt_rm_rf(D "/rw");
	lt_rm_rf(D "/wo");
}

LT_CASE(sticky_dir)
{
	LT_CHECK_OK(mkdir_owned(D "/tmp", 01777, 0, 0));
	LT_CHECK_OK(mkfile(D "/tmp/theirs", 0666, 2000, 2000));
	LT_CHECK_OK(mkfile(D "/tmp/roots", 0666, 0, 0));
	LT_CHECK_OK(mkdir_owned(D "/tmp/theirdir", 0777, 2000, 2000));
	LT_CHECK_OK(mkdir_owned(D "/open", 0777, 0, 0));
	LT_CHECK_OK(mkfile(D "/open/theirs", 0600, 2000, 2000));
	LT_CHECK_OK(mkdir_owned(D "/mytmp", 01777, UID, GID));
	LT_CHECK_OK(mkfile(D "/mytmp/theirs", 0600, 2000, 2000));
	AS_USER(
		int fd;

		LT_CHECK_ERR(unlink(D "/tmp/theirs"), EPERM);
		LT_CHECK_ERR(unlink(D "/tmp/roots"), EPERM);
		LT_CHECK_ERR(rename(D "/tmp/theirs", D "/tmp/mine"), EPERM);
		LT_CHECK_ERR(rmdir(D "/tmp/theirdir"), EPERM);
		/* Writing the file itself is a matter of its own mode. */
		fd = open(D "/tmp/theirs", O_WRONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		/* Own files in a sticky directory: fine. */
		LT_CHECK_OK(lt_put_file(D "/tmp/mine", "", 0, 0644));
		LT_CHECK_OK(rename(D "/tmp/mine", D "/tmp/mine2"));
		/* Replacing someone else's name by rename: EPERM too. */
		LT_CHECK_ERR(rename(D "/tmp/mine2", D "/tmp/theirs"), EPERM);
		LT_CHECK_OK(unlink(D "/tmp/mine2"));
		/* Without the sticky bit anyone with write access may unlink. */
		LT_CHECK_OK(unlink(D "/open/theirs"));
		/* The directory's owner may unlink in a sticky directory. */
		LT_CHECK_OK(unlink(D "/mytmp/theirs"));
	);
	LT_CHECK(lt_exists(D "/tmp/theirs"));
	lt_rm_rf(D "/tmp");
	lt_rm_rf(D "/open");
	lt_rm_rf(D "/mytmp");
}

LT_CASE(attr_changes)
{
	LT_CHECK_OK(mkfile(D "/rootf", 0666, 0, 0));
	LT_CHECK_OK(mkfile(D "/rootro", 0644, 0, 0));
	LT_CHECK_OK(mkfile(D "/minef", 0644, UID, GID));
	LT_CHECK_OK(mkfile(D "/mine_g2000", 0644, UID, 2000));
	AS_USER(
		struct timespec t[2] = { { 1, 0 }, { 2, 0 } };
		struct stat st;

		LT_CHECK_ERR(chmod(D "/rootf", 0600), EPERM);
		LT_CHECK_ERR(chown(D "/rootf", UID, GID), EPERM);
		LT_CHECK_ERR(chown(D "/minef", 2000, -1), EPERM);	/* giving away */
		LT_CHECK_ERR(chown(D "/minef", -1, 2000), EPERM);	/* not a member */
		LT_CHECK_OK(chown(D "/minef", UID, GID));		/* no change: fine */
		LT_CHECK_OK(chown(D "/minef", -1, -1));
		LT_CHECK_OK(chmod(D "/minef", 0600));
		/* Explicit times need ownership; "now" needs write access only. */
		LT_CHECK_ERR(utimensat(AT_FDCWD, D "/rootf", t, 0), EPERM);
		LT_CHECK_OK(utimensat(AT_FDCWD, D "/rootf", NULL, 0));
		LT_CHECK_ERR(utimensat(AT_FDCWD, D "/rootro", NULL, 0), EACCES);
		LT_CHECK_OK(utimensat(AT_FDCWD, D "/minef", t, 0));
		/* set-group-ID on a file of a group we are not in: silently dropped. */
		LT_CHECK_OK(chmod(D "/mine_g2000", 02755));
		LT_CHECK_OK(stat(D "/mine_g2000", &st));
		LT_CHECK_EQ(st.st_mode, S_IFREG | 0755);
		LT_CHECK_OK(chmod(D "/minef", 02755));
		LT_CHECK_OK(stat(D "/minef", &st));
		LT_CHECK_EQ(st.st_mode, S_IFREG | 02755);
		/* Writing to a set-user-ID file clears the bit. */
		LT_CHECK_OK(chmod(D "/minef", 04755));
		LT_CHECK_OK(lt_put_file(D "/minef", "x", 1, 0));
		LT_CHECK_OK(stat(D "/minef", &st));
		LT_CHECK_EQ(st.st_mode & 07777, 0755);
	);
	unlink(D "/rootf");
	unlink(D "/rootro");
	unlink(D "/minef");
	unlink(D "/mine_g2000");
}

LT_CASE(umask_applies)
{
	LT_CHECK_OK(mkdir_owned(D "/um", 0777, 0, 0));
	AS_USER(
		struct stat st;
		int fd;

		umask(027);
		LT_CHECK_OK(mkdir(D "/um/d", 0777));
		LT_CHECK_OK(stat(D "/um/d", &st));
		LT_CHECK_EQ(st.st_mode, S_IFDIR | 0750);
		fd = open(D "/um/f", O_RDWR | O_CREAT, 0666);
		LT_CHECK(fd >= 0);
		LT_CHECK_OK(fstat(fd, &st));
		LT_CHECK_EQ(st.st_mode, S_IFREG | 0640);
		close(fd);
		LT_CHECK_OK(mkfifo(D "/um/p", 0666));
		LT_CHECK_OK(stat(D "/um/p", &st));
		LT_CHECK_EQ(st.st_mode, S_IFIFO | 0640);
		/* chmod is not masked. */
		LT_CHECK_OK(chmod(D "/um/f", 0666));
		LT_CHECK_OK(stat(D "/um/f", &st));
		LT_CHECK_EQ(st.st_mode, S_IFREG | 0666);
	);
	lt_rm_rf(D "/um");
}

LT_CASE(setgid_dir)
{
	struct stat st;

	LT_CHECK_OK(mkdir_owned(D "/sg", 02777, 0, 3000));
	AS_USER(
		LT_CHECK_OK(lt_put_file(D "/sg/f", "", 0, 0644));
		LT_CHECK_OK(mkdir(D "/sg/d", 0755));
	);
	LT_CHECK_OK(stat(D "/sg/f", &st));
	LT_CHECK_EQ(st.st_uid, UID);
	LT_CHECK_EQ(st.st_gid, 3000);			/* the directory's group */
	LT_CHECK_EQ(st.st_mode, S_IFREG | 0644);
	LT_CHECK_OK(stat(D "/sg/d", &st));
	LT_CHECK_EQ(st.st_gid, 3000);
	LT_CHECK_EQ(st.st_mode, S_IFDIR | 02755);		/* and subdirs inherit the bit */
	lt_rm_rf(D "/sg");
}

LT_CASE(exec_needs_x)
{
	static char img[1 << 20];
	ssize_t n;
	pid_t pid;

	n = lt_get_file("/tests/fd_check", img, sizeof(img));
	LT_CHECK(n > 1000);
	LT_CHECK_OK(lt_put_file(D "/prog644", img, n, 0644));
	LT_CHECK_OK(chmod(D "/prog644", 0644));
	LT_CHECK_OK(lt_put_file(D "/prog700", img, n, 0700));
	LT_CHECK_OK(chmod(D "/prog700", 0700));
	LT_CHECK_OK(lt_put_file(D "/prog711", img, n, 0711));
	LT_CHECK_OK(chmod(D "/prog711", 0711));
	LT_CHECK_OK(mkdir_owned(D "/hid", 0700, 0, 0));
	LT_CHECK_OK(lt_put_file(D "/hid/prog", img, n, 0755));
	LT_CHECK_OK(chmod(D "/hid/prog", 0755));
	/* Even root needs an x bit. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char *argv[] = { "prog", NULL }, *envp[] = { NULL };

		LT_CHECK_ERR(execve(D "/prog644", argv, envp), EACCES);
		LT_CHECK_ERR(execve(D, argv, envp), EACCES);	/* a directory */
		execve(D "/prog700", argv, envp);
		LT_FAIL("root execve of a 0700 file: %s", lt_errname(errno));
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	AS_USER(
		char *argv[] = { "prog", NULL }, *envp[] = { NULL };

		LT_CHECK_ERR(execve(D "/prog700", argv, envp), EACCES);
		LT_CHECK_ERR(execve(D "/prog644", argv, envp), EACCES);
		LT_CHECK_ERR(execve(D "/hid/prog", argv, envp), EACCES);
		/* x without r is enough for an ELF binary. */
		execve(D "/prog711", argv, envp);
		LT_FAIL("execve of a 0711 file: %s", lt_errname(errno));
	);
	unlink(D "/prog644");
	unlink(D "/prog700");
	unlink(D "/prog711");
	lt_rm_rf(D "/hid");
}

int main(void)
{
	lt_begin("fs_perm");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(file_rwx_bits);
	LT_RUN(owner_group_other_precedence);
	LT_RUN(dir_search);
	LT_RUN(dir_write);
	LT_RUN(sticky_dir);
	LT_RUN(attr_changes);
	LT_RUN(umask_applies);
	LT_RUN(setgid_dir);
	LT_RUN(exec_needs_x);
	lt_fs_cleanup(D);
	return lt_end();
}
