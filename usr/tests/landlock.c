/*
 * Landlock (ABI 2, Linux 6.1): the three system calls and their errno,
 * then sandboxes in child processes: reads, writes, directory listings,
 * creating and removing names, exec, moving names between directories
 * (REFER, EXDEV), stacked layers, mount refused, rules on inodes that
 * survive renames, and a ruleset changed after it was enforced.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define D	"/t_landlock"

/* <linux/landlock.h>, which musl's headers do not carry. */
struct landlock_ruleset_attr {
	uint64_t handled_access_fs;
};

struct landlock_path_beneath_attr {
	uint64_t allowed_access;
	int32_t parent_fd;
} __attribute__((packed));

#define LANDLOCK_CREATE_RULESET_VERSION	(1U << 0)
#define LANDLOCK_RULE_PATH_BENEATH	1
#define ACC_EXECUTE	(1ULL << 0)
#define ACC_WRITE_FILE	(1ULL << 1)
#define ACC_READ_FILE	(1ULL << 2)
#define ACC_READ_DIR	(1ULL << 3)
#define ACC_REMOVE_DIR	(1ULL << 4)
#define ACC_REMOVE_FILE	(1ULL << 5)
#define ACC_MAKE_DIR	(1ULL << 7)
#define ACC_MAKE_REG	(1ULL << 8)
#define ACC_REFER	(1ULL << 13)
#define ACC_ALL_V2	((1ULL << 14) - 1)

static int create_ruleset(const void *attr, size_t size, unsigned int flags)
{
	return syscall(SYS_landlock_create_ruleset, attr, size, flags);
}

static int add_rule(int fd, int type, const void *attr, unsigned int flags)
{
	return syscall(SYS_landlock_add_rule, fd, type, attr, flags);
}

static int restrict_self(int fd, unsigned int flags)
{
	return syscall(SYS_landlock_restrict_self, fd, flags);
}

static int new_ruleset(uint64_t handled)
{
	struct landlock_ruleset_attr attr = { handled };

	return create_ruleset(&attr, sizeof(attr), 0);
}

static int allow(int ruleset, const char *path, uint64_t access)
{
	struct landlock_path_beneath_attr rule = { access, open(path, O_PATH | O_CLOEXEC) };
	int ret;

	if (rule.parent_fd < 0)
		return -1;
	ret = add_rule(ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	close(rule.parent_fd);
	return ret;
}

static int enforce(int ruleset)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
		return -1;
	return restrict_self(ruleset, 0);
}

LT_CASE(create_ruleset_errors)
{
	struct { struct landlock_ruleset_attr a; uint64_t extra; } big = { { ACC_READ_FILE }, 0 };
	struct landlock_ruleset_attr attr = { ACC_READ_FILE };
	static char page[8192];
	int fd;

	LT_CHECK_EQ(create_ruleset(NULL, 0, LANDLOCK_CREATE_RULESET_VERSION), 2);
	LT_CHECK_ERR(create_ruleset(&attr, sizeof(attr), LANDLOCK_CREATE_RULESET_VERSION), EINVAL);
	LT_CHECK_ERR(create_ruleset(&attr, sizeof(attr), 2), EINVAL);
	LT_CHECK_ERR(create_ruleset(&attr, 4, 0), EINVAL);		/* too small */
	LT_CHECK_ERR(create_ruleset(page, 4097, 0), E2BIG);		/* past a page */
	LT_CHECK_ERR(create_ruleset(NULL, sizeof(attr), 0), EFAULT);
	LT_CHECK_ERR(create_ruleset((void *)8, sizeof(attr), 0), EFAULT);
	/* A bigger struct is fine while the bytes the kernel does not know are 0. */
	fd = create_ruleset(&big, sizeof(big), 0);
	LT_CHECK(fd >= 0);
	close(fd);
	big.extra = 1;
	LT_CHECK_ERR(create_ruleset(&big, sizeof(big), 0), E2BIG);
	attr.handled_access_fs = 1ULL << 40;
	LT_CHECK_ERR(create_ruleset(&attr, sizeof(attr), 0), EINVAL);	/* unknown access */
	attr.handled_access_fs = 0;
	LT_CHECK_ERR(create_ruleset(&attr, sizeof(attr), 0), ENOMSG);
	fd = new_ruleset(ACC_ALL_V2);
	LT_CHECK(fd >= 0);
	LT_CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
	LT_CHECK_ERR(read(fd, page, 8), EINVAL);
	LT_CHECK_ERR(write(fd, page, 8), EINVAL);
	close(fd);
}

LT_CASE(add_rule_errors)
{
	struct landlock_path_beneath_attr rule = { ACC_READ_FILE, -1 };
	int rs = new_ruleset(ACC_READ_FILE | ACC_READ_DIR), dir = open(D, O_PATH);
	int file = open(D "/file", O_RDWR | O_CREAT, 0644), p[2];

	LT_CHECK(rs >= 0 && dir >= 0 && file >= 0);
	rule.parent_fd = dir;
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 1), EINVAL);
	LT_CHECK_ERR(add_rule(-1, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EBADF);
	LT_CHECK_ERR(add_rule(file, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EBADFD);
	LT_CHECK_ERR(add_rule(rs, 0, &rule, 0), EINVAL);
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, NULL, 0), EFAULT);
	rule.allowed_access = 0;
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), ENOMSG);
	rule.allowed_access = ACC_WRITE_FILE;			/* not handled */
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EINVAL);
	rule.allowed_access = ACC_READ_FILE;
	rule.parent_fd = -1;
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EBADF);
	rule.parent_fd = rs;
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EBADFD);
	LT_CHECK_OK(pipe(p));
	rule.parent_fd = p[0];
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EBADFD);
	/* A file's rule may only allow file accesses. */
	rule.parent_fd = file;
	rule.allowed_access = ACC_READ_DIR;
	LT_CHECK_ERR(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0), EINVAL);
	rule.allowed_access = ACC_READ_FILE;
	LT_CHECK_OK(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0));
	rule.parent_fd = dir;
	rule.allowed_access = ACC_READ_FILE | ACC_READ_DIR;
	LT_CHECK_OK(add_rule(rs, LANDLOCK_RULE_PATH_BENEATH, &rule, 0));
	close(p[0]);
	close(p[1]);
	close(file);
	close(dir);
	close(rs);
	unlink(D "/file");
}

LT_CASE(restrict_self_errors)
{
	int rs = new_ruleset(ACC_READ_FILE), file = open(D, O_RDONLY);
	pid_t pid;

	LT_CHECK(rs >= 0 && file >= 0);
	LT_CHECK_ERR(restrict_self(rs, 1), EINVAL);
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		/* Neither no_new_privs nor CAP_SYS_ADMIN. */
		LT_CHECK_OK(setresuid(1000, 1000, 1000));
		LT_CHECK_ERR(restrict_self(rs, 0), EPERM);
		LT_CHECK_OK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		LT_CHECK_ERR(restrict_self(-1, 0), EBADF);
		LT_CHECK_ERR(restrict_self(file, 0), EBADFD);
		LT_CHECK_OK(restrict_self(rs, 0));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* Sixteen layers at most. */
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int i;

		LT_CHECK_OK(prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0));
		for (i = 0; i < 16; i++)
			LT_CHECK_OK(restrict_self(rs, 0));
		LT_CHECK_ERR(restrict_self(rs, 0), E2BIG);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	close(file);
	close(rs);
}

/* D/ok is open for everything the ruleset governs, D/no for nothing. */
LT_CASE(file_accesses)
{
	char buf[8];
	pid_t pid;

	LT_CHECK_OK(mkdir(D "/ok", 0755));
	LT_CHECK_OK(mkdir(D "/no", 0755));
	LT_CHECK_OK(lt_put_file(D "/ok/f", "data", 4, 0644));
	LT_CHECK_OK(lt_put_file(D "/no/f", "data", 4, 0644));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uint64_t handled = ACC_READ_FILE | ACC_WRITE_FILE | ACC_READ_DIR |
				   ACC_MAKE_REG | ACC_MAKE_DIR | ACC_REMOVE_FILE | ACC_REMOVE_DIR;
		int rs = new_ruleset(handled), fd;

		LT_CHECK(rs >= 0);
		LT_CHECK_OK(allow(rs, D "/ok", handled));
		LT_CHECK_OK(enforce(rs));
		fd = open(D "/ok/f", O_RDWR);
		LT_CHECK(fd >= 0);
		LT_CHECK_EQ(read(fd, buf, 4), 4);
		close(fd);
		LT_CHECK_ERR(open(D "/no/f", O_RDONLY), EACCES);
		LT_CHECK_ERR(open(D "/no/f", O_WRONLY), EACCES);
		LT_CHECK_ERR(open(D "/no", O_RDONLY | O_DIRECTORY), EACCES);	/* listing */
		LT_CHECK_ERR(open("/", O_RDONLY | O_DIRECTORY), EACCES);
		fd = open(D "/no/f", O_PATH);		/* a location is not an access */
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_OK(access(D "/no/f", R_OK));	/* access(2) is not checked */
		fd = open(D "/ok/new", O_RDWR | O_CREAT, 0644);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_ERR(open(D "/no/new", O_RDWR | O_CREAT, 0644), EACCES);
		LT_CHECK_ERR(mkdir(D "/no/d", 0755), EACCES);
		LT_CHECK_OK(mkdir(D "/ok/d", 0755));
		LT_CHECK_OK(rmdir(D "/ok/d"));
		LT_CHECK_ERR(unlink(D "/no/f"), EACCES);
		LT_CHECK_OK(unlink(D "/ok/new"));
		/* A pipe has no path: never checked. */
		int p[2];
		LT_CHECK_OK(pipe(p));
		LT_CHECK_EQ(write(p[1], "x", 1), 1);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* The parent is not sandboxed. */
	LT_CHECK_OK(unlink(D "/no/f"));
	LT_CHECK_OK(unlink(D "/ok/f"));
	LT_CHECK_OK(rmdir(D "/no"));
	LT_CHECK_OK(rmdir(D "/ok"));
}

/* Moving a name to another directory needs REFER there and here: else EXDEV. */
LT_CASE(refer)
{
	pid_t pid;

	LT_CHECK_OK(mkdir(D "/a", 0755));
	LT_CHECK_OK(mkdir(D "/b", 0755));
	LT_CHECK_OK(lt_put_file(D "/a/f", "", 0, 0644));
	LT_CHECK_OK(lt_put_file(D "/a/g", "", 0, 0644));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uint64_t handled = ACC_MAKE_REG | ACC_REMOVE_FILE;
		int rs = new_ruleset(handled);

		LT_CHECK_OK(allow(rs, D, handled));
		LT_CHECK_OK(enforce(rs));
		LT_CHECK_OK(rename(D "/a/f", D "/a/f2"));		/* same directory */
		LT_CHECK_ERR(rename(D "/a/f2", D "/b/f"), EXDEV);
		LT_CHECK_ERR(link(D "/a/f2", D "/b/l"), EXDEV);
		LT_CHECK_OK(link(D "/a/f2", D "/a/l"));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		uint64_t handled = ACC_MAKE_REG | ACC_REMOVE_FILE | ACC_REFER;
		int rs = new_ruleset(handled);

		LT_CHECK_OK(allow(rs, D, handled));
		LT_CHECK_OK(enforce(rs));
		LT_CHECK_OK(rename(D "/a/g", D "/b/g"));
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_OK(access(D "/b/g", F_OK));
	lt_rm_rf(D "/a");
	lt_rm_rf(D "/b");
}

/* Each layer must allow: a second one can only take away. */
LT_CASE(layers_stack)
{
	pid_t pid;

	LT_CHECK_OK(mkdir(D "/x", 0755));
	LT_CHECK_OK(mkdir(D "/x/y", 0755));
	LT_CHECK_OK(lt_put_file(D "/x/f", "", 0, 0644));
	LT_CHECK_OK(lt_put_file(D "/x/y/f", "", 0, 0644));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int one = new_ruleset(ACC_READ_FILE), two = new_ruleset(ACC_READ_FILE), fd;

		LT_CHECK_OK(allow(one, D "/x", ACC_READ_FILE));
		LT_CHECK_OK(enforce(one));
		fd = open(D "/x/f", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		LT_CHECK_OK(allow(two, D "/x/y", ACC_READ_FILE));
		LT_CHECK_OK(enforce(two));
		LT_CHECK_ERR(open(D "/x/f", O_RDONLY), EACCES);
		fd = open(D "/x/y/f", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		/* A rule added now does not reach the layers already in force. */
		LT_CHECK_OK(allow(two, D "/x", ACC_READ_FILE));
		LT_CHECK_ERR(open(D "/x/f", O_RDONLY), EACCES);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	lt_rm_rf(D "/x");
}

/* A rule belongs to the directory, not its name. */
LT_CASE(rule_follows_inode)
{
	pid_t pid;

	LT_CHECK_OK(mkdir(D "/m", 0755));
	LT_CHECK_OK(lt_put_file(D "/m/f", "", 0, 0644));
	pid = fork();
	LT_CHECK(pid >= 0);
	if (pid == 0) {
		int rs = new_ruleset(ACC_READ_FILE), fd;

		LT_CHECK_OK(allow(rs, D "/m", ACC_READ_FILE));
		LT_CHECK_OK(enforce(rs));
		LT_CHECK_OK(rename(D "/m", D "/n"));	/* not governed: allowed */
		fd = open(D "/n/f", O_RDONLY);
		LT_CHECK(fd >= 0);
		close(fd);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	lt_rm_rf(D "/n");
}

/* exec needs EXECUTE on the program; a sandbox may not change mounts. */
LT_CASE(exec_and_mount)
{
	pid_t pid = fork();

	LT_CHECK(pid >= 0);
	if (pid == 0) {
		char *argv[] = { "true", NULL };
		int rs = new_ruleset(ACC_EXECUTE);

		LT_CHECK_OK(enforce(rs));
		LT_CHECK_ERR(execve("/tests/exec_check", argv, argv + 1), EACCES);
		LT_CHECK_ERR(mount("none", D, "tmpfs", 0, NULL), EPERM);
		LT_CHECK_ERR(umount(D), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

int main(void)
{
	lt_begin("landlock");
	if (lt_fs_setup(D)) {
		lt_note("cannot make %s: %s", D, lt_errname(errno));
		return 1;
	}
	LT_RUN(create_ruleset_errors);
	LT_RUN(add_rule_errors);
	LT_RUN(restrict_self_errors);
	LT_RUN(file_accesses);
	LT_RUN(refer);
	LT_RUN(layers_stack);
	LT_RUN(rule_follows_inode);
	LT_RUN(exec_and_mount);
	lt_fs_cleanup(D);
	return lt_end();
}
