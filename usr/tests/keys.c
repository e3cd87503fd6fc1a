// SPDX-License-Identifier: GPL-2.0
/*
 * keys: the key retention service.  add_key/KEYCTL_READ/UPDATE/DESCRIBE
 * of "user" keys, keyrings (link, unlink, clear, read, search), request_key
 * (found, not found, negative), revoke/invalidate/timeout, permissions
 * and ownership, the special keyrings across fork and
 * KEYCTL_JOIN_SESSION_KEYRING, quotas, /proc/keys, and bad arguments.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define KEY_SPEC_THREAD_KEYRING		-1
#define KEY_SPEC_PROCESS_KEYRING	-2
#define KEY_SPEC_SESSION_KEYRING	-3
#define KEY_SPEC_USER_KEYRING		-4
#define KEY_SPEC_GROUP_KEYRING		-6
#define KEYCTL_GET_KEYRING_ID		0
#define KEYCTL_JOIN_SESSION_KEYRING	1
#define KEYCTL_UPDATE			2
#define KEYCTL_REVOKE			3
#define KEYCTL_CHOWN			4
#define KEYCTL_SETPERM			5
#define KEYCTL_DESCRIBE			6
#define KEYCTL_CLEAR			7
#define KEYCTL_LINK			8
#define KEYCTL_UNLINK			9
#define KEYCTL_SEARCH			10
#define KEYCTL_READ			11
#define KEYCTL_SET_TIMEOUT		15
#define KEYCTL_SESSION_TO_PARENT	18
#define KEYCTL_INVALIDATE		21

static long add_key(const char *type, const char *desc, const void *p, size_t len, int ring)
{
	return syscall(SYS_add_key, type, desc, p, len, ring);
}

static long request_key(const char *type, const char *desc, const char *callout, int ring)
{
	return syscall(SYS_request_key, type, desc, callout, ring);
}

static long keyctl(int op, long a, long b, long c, long d)
{
	return syscall(SYS_keyctl, op, a, b, c, d);
}

static int in_ring(int ring, int key)
{
	int ids[64];
	long n = keyctl(KEYCTL_READ, ring, (long)ids, sizeof(ids), 0);

	for (long i = 0; i < n / 4 && i < 64; i++)
		if (ids[i] == key)
			return 1;
	return 0;
}

LT_CASE(user_key)
{
	char buf[64];
	long k, n;

	k = add_key("user", "lt:one", "hello", 5, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK(k > 0);
	memset(buf, 0, sizeof(buf));
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)buf, sizeof(buf), 0), 5);
	LT_CHECK(!memcmp(buf, "hello", 5));
	/* A short buffer still learns the full size. */
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)buf, 2, 0), 5);
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, 0, 0, 0), 5);
	n = keyctl(KEYCTL_DESCRIBE, k, (long)buf, sizeof(buf), 0);
	LT_CHECK_EQ(n, (long)strlen("user;0;0;3f010000;lt:one") + 1);
	LT_CHECK(!strcmp(buf, "user;0;0;3f010000;lt:one"));
	/* add_key of the same description updates the key in place. */
	LT_CHECK_EQ(add_key("user", "lt:one", "world!", 6, KEY_SPEC_PROCESS_KEYRING), k);
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)buf, sizeof(buf), 0), 6);
	LT_CHECK_OK(keyctl(KEYCTL_UPDATE, k, (long)"xy", 2, 0));
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)buf, sizeof(buf), 0), 2);
	LT_CHECK(!memcmp(buf, "xy", 2));
	LT_CHECK(in_ring(KEY_SPEC_PROCESS_KEYRING, k));
	LT_CHECK_OK(keyctl(KEYCTL_REVOKE, k, 0, 0, 0));
	LT_CHECK_ERR(keyctl(KEYCTL_READ, k, (long)buf, sizeof(buf), 0), EKEYREVOKED);
	LT_CHECK_ERR(keyctl(KEYCTL_UPDATE, k, (long)"xy", 2, 0), EKEYREVOKED);
	LT_CHECK_OK(keyctl(KEYCTL_UNLINK, k, KEY_SPEC_PROCESS_KEYRING, 0, 0));
}

LT_CASE(keyrings)
{
	long ring, sub, k1, k2;
	int ids[4] = { 0 };

	ring = add_key("keyring", "lt-ring", NULL, 0, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK(ring > 0);
	sub = add_key("keyring", "lt-sub", NULL, 0, ring);
	LT_CHECK(sub > 0);
	k1 = add_key("user", "deep", "1", 1, sub);
	k2 = add_key("user", "top", "2", 1, ring);
	LT_CHECK(k1 > 0 && k2 > 0);
	LT_CHECK_EQ(keyctl(KEYCTL_READ, ring, (long)ids, sizeof(ids), 0), 8);
	LT_CHECK(in_ring(ring, sub) && in_ring(ring, k2));
	/* Search goes down into linked keyrings. */
	LT_CHECK_EQ(keyctl(KEYCTL_SEARCH, ring, (long)"user", (long)"deep", 0), k1);
	LT_CHECK_ERR(keyctl(KEYCTL_SEARCH, ring, (long)"user", (long)"nope", 0), ENOKEY);
	LT_CHECK_ERR(keyctl(KEYCTL_SEARCH, k1, (long)"user", (long)"deep", 0), ENOTDIR);
	/* request_key finds it from the process keyring, through ring and sub. */
	LT_CHECK_EQ(request_key("user", "deep", NULL, 0), k1);
	/* Link and unlink; no loops. */
	LT_CHECK_OK(keyctl(KEYCTL_LINK, k1, ring, 0, 0));
	LT_CHECK(in_ring(ring, k1));
	LT_CHECK_ERR(keyctl(KEYCTL_LINK, ring, sub, 0, 0), EDEADLK);
	LT_CHECK_ERR(keyctl(KEYCTL_LINK, ring, ring, 0, 0), EDEADLK);
	LT_CHECK_ERR(keyctl(KEYCTL_LINK, k1, k2, 0, 0), ENOTDIR);
	LT_CHECK_OK(keyctl(KEYCTL_UNLINK, k1, ring, 0, 0));
	LT_CHECK(!in_ring(ring, k1));
	LT_CHECK_ERR(keyctl(KEYCTL_UNLINK, k1, ring, 0, 0), ENOENT);	/* still in sub */
	LT_CHECK_OK(keyctl(KEYCTL_LINK, k2, KEY_SPEC_PROCESS_KEYRING, 0, 0));
	LT_CHECK_OK(keyctl(KEYCTL_CLEAR, ring, 0, 0, 0));
	LT_CHECK_EQ(keyctl(KEYCTL_READ, ring, (long)ids, sizeof(ids), 0), 0);
	LT_CHECK_ERR(keyctl(KEYCTL_CLEAR, k2, 0, 0, 0), ENOTDIR);
	LT_CHECK_OK(keyctl(KEYCTL_UNLINK, k2, KEY_SPEC_PROCESS_KEYRING, 0, 0));
	LT_CHECK_OK(keyctl(KEYCTL_UNLINK, ring, KEY_SPEC_PROCESS_KEYRING, 0, 0));
}

LT_CASE(request_negative)
{
	long k;
	int id = 0;

	LT_CHECK_ERR(request_key("user", "lt-missing", NULL, 0), ENOKEY);
	/*
	 * With callout info a key is constructed; no /sbin/request-key runs
	 * (ENOENT), so it turns negative.
	 */
	k = add_key("keyring", "lt-neg", NULL, 0, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK(k > 0);
	LT_CHECK_ERR(request_key("user", "lt-made", "info", k), ENOENT);
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)&id, sizeof(id), 0), 4);
	LT_CHECK_ERR(keyctl(KEYCTL_READ, id, (long)&k, sizeof(k), 0), ENOKEY);
	LT_CHECK_ERR(request_key("user", "lt-made", NULL, 0), ENOKEY);
	/* A real key of that name replaces the negative one. */
	LT_CHECK(add_key("user", "lt-made", "v", 1, KEY_SPEC_PROCESS_KEYRING) > 0);
	LT_CHECK(request_key("user", "lt-made", NULL, 0) > 0);
}

LT_CASE(lifetime)
{
	long k = add_key("user", "lt-short", "x", 1, KEY_SPEC_PROCESS_KEYRING);
	char c;

	LT_CHECK(k > 0);
	LT_CHECK_OK(keyctl(KEYCTL_SET_TIMEOUT, k, 1, 0, 0));
	sleep(2);
	/*
	 * Expired, it can no longer be read: EKEYEXPIRED.  Or EACCES: the
	 * read is granted through possession (a "user" key gives others no
	 * read permission), and once the key collector, on another CPU, has
	 * unlinked the dead key from the keyring, the caller no longer
	 * possesses it.  Linux with -smp 4 gives either, as the race goes.
	 */
	errno = 0;
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)&c, 1, 0), -1);
	LT_CHECK(errno == EKEYEXPIRED || errno == EACCES);
	k = add_key("user", "lt-gone", "x", 1, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK_OK(keyctl(KEYCTL_INVALIDATE, k, 0, 0, 0));
	/* The same race: ENOKEY, or EACCES once the collector has unlinked it. */
	errno = 0;
	LT_CHECK_EQ(keyctl(KEYCTL_READ, k, (long)&c, 1, 0), -1);
	LT_CHECK(errno == ENOKEY || errno == EACCES);
	LT_CHECK_ERR(keyctl(KEYCTL_DESCRIBE, k, 0, 0, 0), ENOKEY);
}

LT_CASE(perm_and_owner)
{
	long k = add_key("user", "lt-perm", "x", 1, KEY_SPEC_PROCESS_KEYRING);
	char buf[64];

	LT_CHECK(k > 0);
	LT_CHECK_ERR(keyctl(KEYCTL_SETPERM, k, 0x40000000, 0, 0), EINVAL);
	LT_CHECK_OK(keyctl(KEYCTL_SETPERM, k, 0x3f3f0000, 0, 0));
	LT_CHECK_OK(keyctl(KEYCTL_CHOWN, k, 1000, 1000, 0));
	LT_CHECK(keyctl(KEYCTL_DESCRIBE, k, (long)buf, sizeof(buf), 0) > 0);
	LT_CHECK(!strcmp(buf, "user;1000;1000;3f3f0000;lt-perm"));
	/* Without VIEW for anyone but the possessor: another user sees nothing. */
	LT_CHECK_OK(keyctl(KEYCTL_SETPERM, k, 0x3f000000, 0, 0));
	pid_t pid = fork();
	if (pid == 0) {
		LT_CHECK_OK(setresuid(2000, 2000, 2000));
		/* Forked: no process keyring, so no longer a possessor. */
		LT_CHECK_ERR(keyctl(KEYCTL_DESCRIBE, k, (long)buf, sizeof(buf), 0), EACCES);
		LT_CHECK_ERR(keyctl(KEYCTL_SETPERM, k, 0x3f3f3f3f, 0, 0), EACCES);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(special_keyrings)
{
	long proc = keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 1, 0, 0);
	long ses, named;

	LT_CHECK(proc > 0);
	LT_CHECK(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_USER_KEYRING, 0, 0, 0) > 0);
	LT_CHECK_ERR(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_GROUP_KEYRING, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(keyctl(KEYCTL_GET_KEYRING_ID, -100, 0, 0, 0), EINVAL);
	pid_t pid = fork();
	if (pid == 0) {
		/* A new process has no thread or process keyring; the session is shared. */
		LT_CHECK_ERR(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_PROCESS_KEYRING, 0, 0, 0), ENOKEY);
		LT_CHECK_ERR(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_THREAD_KEYRING, 0, 0, 0), ENOKEY);
		ses = keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0);
		LT_CHECK(ses > 0);
		LT_CHECK_EQ(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0, 0), ses);
		named = keyctl(KEYCTL_JOIN_SESSION_KEYRING, (long)"lt-session", 0, 0, 0);
		LT_CHECK(named > 0 && named != ses);
		LT_CHECK_EQ(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0, 0), named);
		LT_CHECK_ERR(keyctl(KEYCTL_JOIN_SESSION_KEYRING, (long)".kernel", 0, 0, 0), EPERM);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

/*
 * KEYCTL_SESSION_TO_PARENT: the parent gets the child's session keyring
 * when it next returns to user mode (here: from waitpid); the rest of
 * its credentials stay as they were.
 */
LT_CASE(session_to_parent)
{
	pid_t outer = fork();

	LT_CHECK(outer >= 0);
	if (outer == 0) {
		long mine = keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0), theirs = 0;
		int p[2];
		pid_t child;

		LT_CHECK(mine > 0);
		LT_CHECK_OK(pipe(p));
		child = fork();
		LT_CHECK(child >= 0);
		if (child == 0) {
			long ses = keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0);

			LT_CHECK_OK(keyctl(KEYCTL_SESSION_TO_PARENT, 0, 0, 0, 0));
			LT_CHECK_EQ(write(p[1], &ses, sizeof(ses)), (ssize_t)sizeof(ses));
			_exit(0);
		}
		LT_CHECK_WAIT(child, LT_EXITED(0));
		LT_CHECK_EQ(read(p[0], &theirs, sizeof(theirs)), (ssize_t)sizeof(theirs));
		LT_CHECK(theirs > 0 && theirs != mine);
		LT_CHECK_EQ(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0, 0), theirs);
		LT_CHECK_EQ(getuid(), 0);
		/* A parent with other identities is refused. */
		child = fork();
		LT_CHECK(child >= 0);
		if (child == 0) {
			LT_CHECK_OK(setresuid(1000, 1000, 1000));
			keyctl(KEYCTL_JOIN_SESSION_KEYRING, 0, 0, 0, 0);
			LT_CHECK_ERR(keyctl(KEYCTL_SESSION_TO_PARENT, 0, 0, 0, 0), EPERM);
			_exit(0);
		}
		LT_CHECK_WAIT(child, LT_EXITED(0));
		LT_CHECK_EQ(keyctl(KEYCTL_GET_KEYRING_ID, KEY_SPEC_SESSION_KEYRING, 0, 0, 0), theirs);
		_exit(0);
	}
	LT_CHECK_WAIT(outer, LT_EXITED(0));
}

LT_CASE(quota)
{
	char buf[4096], hex[16];
	long k = add_key("user", "lt-proc", "x", 1, KEY_SPEC_PROCESS_KEYRING);

	LT_CHECK(lt_read_file("/proc/sys/kernel/keys/maxkeys", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "200\n"));
	LT_CHECK(lt_read_file("/proc/keys", buf, sizeof(buf)) > 0);
	snprintf(hex, sizeof(hex), "%08lx ", k);
	LT_CHECK(strstr(buf, hex) != NULL);
	pid_t pid = fork();
	if (pid == 0) {
		char d[16];
		long r = 0;
		int i;

		LT_CHECK_OK(setresuid(3000, 3000, 3000));
		for (i = 0; i < 300; i++) {
			snprintf(d, sizeof(d), "q%d", i);
			r = add_key("user", d, "x", 1, KEY_SPEC_PROCESS_KEYRING);
			if (r < 0)
				break;
		}
		LT_CHECK(i < 300 && i > 100);
		LT_CHECK_EQ(errno, EDQUOT);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
}

LT_CASE(bad_args)
{
	char big[40000];

	memset(big, 'a', sizeof(big));
	LT_CHECK_ERR(add_key((char *)8, "d", "x", 1, KEY_SPEC_PROCESS_KEYRING), EFAULT);
	LT_CHECK_ERR(add_key("user", (char *)8, "x", 1, KEY_SPEC_PROCESS_KEYRING), EFAULT);
	LT_CHECK_ERR(add_key("user", "d", (char *)8, 1, KEY_SPEC_PROCESS_KEYRING), EFAULT);
	LT_CHECK_ERR(add_key("no-such-type", "d", "x", 1, KEY_SPEC_PROCESS_KEYRING), ENODEV);
	LT_CHECK_ERR(add_key(".user", "d", "x", 1, KEY_SPEC_PROCESS_KEYRING), EPERM);
	LT_CHECK_ERR(add_key("user", "", "x", 1, KEY_SPEC_PROCESS_KEYRING), EINVAL);
	LT_CHECK_ERR(add_key("user", "d", "", 0, KEY_SPEC_PROCESS_KEYRING), EINVAL);
	LT_CHECK_ERR(add_key("user", "d", big, 32768, KEY_SPEC_PROCESS_KEYRING), EINVAL);
	LT_CHECK_ERR(add_key("keyring", "r", "x", 1, KEY_SPEC_PROCESS_KEYRING), EINVAL);
	LT_CHECK_ERR(add_key("keyring", ".r", NULL, 0, KEY_SPEC_PROCESS_KEYRING), EPERM);
	LT_CHECK_ERR(add_key("logon", "nocolon", "x", 1, KEY_SPEC_PROCESS_KEYRING), EINVAL);
	LT_CHECK_ERR(add_key("user", "d", "x", 1, 0x7ffffff0), ENOKEY);
	LT_CHECK_ERR(request_key("user", (char *)8, NULL, 0), EFAULT);
	LT_CHECK_ERR(request_key("user", "d", (char *)8, 0), EFAULT);
	LT_CHECK_ERR(request_key(".user", "d", NULL, 0), EPERM);
	LT_CHECK_ERR(request_key("no-such-type", "d", NULL, 0), ENOKEY);
	LT_CHECK_ERR(keyctl(9999, 0, 0, 0, 0), EOPNOTSUPP);
	LT_CHECK_ERR(keyctl(KEYCTL_READ, 0x7ffffff0, 0, 0, 0), ENOKEY);
	LT_CHECK_ERR(keyctl(KEYCTL_REVOKE, 0x7ffffff0, 0, 0, 0), ENOKEY);
	long k = add_key("user", "lt-bad", "xyz", 3, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK_ERR(keyctl(KEYCTL_READ, k, 8, 3, 0), EFAULT);
	LT_CHECK_ERR(keyctl(KEYCTL_DESCRIBE, k, 8, 100, 0), EFAULT);
	/* A logon key is never readable from user space. */
	k = add_key("logon", "lt:pw", "secret", 6, KEY_SPEC_PROCESS_KEYRING);
	LT_CHECK(k > 0);
	LT_CHECK_ERR(keyctl(KEYCTL_READ, k, (long)big, 10, 0), EOPNOTSUPP);
}

int main(void)
{
	lt_begin("keys");
	mkdir("/proc", 0555);
	if (access("/proc/self", F_OK))
		mount("proc", "/proc", "proc", 0, NULL);
	LT_RUN(user_key);
	LT_RUN(keyrings);
	LT_RUN(request_negative);
	LT_RUN(lifetime);
	LT_RUN(perm_and_owner);
	LT_RUN(special_keyrings);
	LT_RUN(session_to_parent);
	LT_RUN(quota);
	LT_RUN(bad_args);
	return lt_end();
}
