/*
 * System V shared memory: shmget's size rules, attach and detach, data
 * shared between attaches and across fork, shm_nattch kept right by
 * fork, munmap of a piece and exit, SHM_RDONLY (writes fault, mprotect
 * cannot add PROT_WRITE), SHM_RND, SHM_REMAP, IPC_RMID while attached
 * (SHM_DEST, destroyed at the last detach), SHM_LOCK, shmctl's
 * IPC_STAT/IPC_SET/IPC_INFO/SHM_INFO/SHM_STAT, errors and bad pointers.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/shm.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"

#define P	"/ipc_shm_proc"
#define PG	4096

#ifndef SHM_STAT_ANY
#define SHM_STAT_ANY 15
#endif

static long nattch(int id)
{
	struct shmid_ds ds;

	if (shmctl(id, IPC_STAT, &ds))
		return -1;
	return ds.shm_nattch;
}

LT_CASE(get_rules)
{
	key_t key = 0x4c560001 + getpid();
	int id;

	shmctl(shmget(key, 0, 0), IPC_RMID, NULL);
	LT_CHECK_ERR(shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600), EINVAL);
	LT_CHECK_ERR(shmget(key, PG, 0600), ENOENT);
	id = shmget(key, 3 * PG, IPC_CREAT | IPC_EXCL | 0600);
	LT_CHECK(id >= 0);
	LT_CHECK_EQ(shmget(key, PG, 0), id);
	LT_CHECK_EQ(shmget(key, 0, 0), id);
	LT_CHECK_ERR(shmget(key, 4 * PG, 0), EINVAL);
	LT_CHECK_ERR(shmget(key, PG, IPC_CREAT | IPC_EXCL), EEXIST);
	LT_CHECK_OK(shmctl(id, IPC_RMID, NULL));
	LT_CHECK_ERR(shmget(key, PG, 0), ENOENT);
}

LT_CASE(attach_share_detach)
{
	int id = shmget(IPC_PRIVATE, 2 * PG, 0600);
	char *a, *b;

	LT_CHECK(id >= 0);
	a = shmat(id, NULL, 0);
	LT_CHECK(a != (void *)-1);
	b = shmat(id, NULL, 0);
	LT_CHECK(b != (void *)-1 && b != a);
	LT_CHECK_EQ(a[0] | a[2 * PG - 1], 0);		/* new segments are zeroed */
	strcpy(a + PG, "shared");
	LT_CHECK(!strcmp(b + PG, "shared"));
	LT_CHECK_EQ(nattch(id), 2);
	LT_CHECK_OK(shmdt(a));
	LT_CHECK_EQ(nattch(id), 1);
	LT_CHECK_ERR(shmdt(a), EINVAL);
	LT_CHECK_ERR(shmdt(b + 1), EINVAL);
	LT_CHECK_ERR(shmdt(b + PG), EINVAL);		/* not an attach address */
	LT_CHECK_OK(shmdt(b));
	LT_CHECK_EQ(nattch(id), 0);
	/* The data outlives the attaches. */
	a = shmat(id, NULL, SHM_RDONLY);
	LT_CHECK(a != (void *)-1);
	LT_CHECK(!strcmp(a + PG, "shared"));
	shmdt(a);
	shmctl(id, IPC_RMID, NULL);
}

LT_CASE(fork_and_pieces)
{
	int id = shmget(IPC_PRIVATE, 4 * PG, 0600);
	volatile int *p;
	pid_t pid;

	LT_CHECK(id >= 0);
	p = shmat(id, NULL, 0);
	LT_CHECK(p != (void *)-1);
	pid = fork();
	if (pid == 0) {
		p[0] = 42;
		_exit(nattch(id) == 2 ? 0 : 1);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	LT_CHECK_EQ(p[0], 42);
	LT_CHECK_EQ(nattch(id), 1);
	/* mprotect splits the area in two: two areas, two attaches. */
	LT_CHECK_OK(mprotect((char *)p + PG, PG, PROT_READ));
	LT_CHECK_EQ(nattch(id), 3);
	/* munmap of a piece drops that piece only. */
	LT_CHECK_OK(munmap((char *)p + 3 * PG, PG));
	LT_CHECK_EQ(nattch(id), 3);
	/* shmdt removes every piece of the attach. */
	LT_CHECK_OK(shmdt((void *)p));
	LT_CHECK_EQ(nattch(id), 0);
	shmctl(id, IPC_RMID, NULL);
}

static sigjmp_buf jb;

static void on_segv(int sig)
{
	(void)sig;
	siglongjmp(jb, 1);
}

LT_CASE(readonly)
{
	int id = shmget(IPC_PRIVATE, PG, 0600);
	volatile char *p;
	int faulted = 0;

	LT_CHECK(id >= 0);
	p = shmat(id, NULL, SHM_RDONLY);
	LT_CHECK(p != (void *)-1);
	signal(SIGSEGV, on_segv);
	if (!sigsetjmp(jb, 1))
		p[0] = 1;
	else
		faulted = 1;
	signal(SIGSEGV, SIG_DFL);
	LT_CHECK(faulted);
	LT_CHECK_ERR(mprotect((void *)p, PG, PROT_READ | PROT_WRITE), EACCES);
	shmdt((void *)p);
	shmctl(id, IPC_RMID, NULL);
}

LT_CASE(addresses)
{
	int id = shmget(IPC_PRIVATE, 2 * PG, 0600);
	char *p, *q, *area;

	LT_CHECK(id >= 0);
	area = mmap(NULL, 4 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(area != MAP_FAILED);
	/* Unaligned: EINVAL, unless SHM_RND rounds it down. */
	LT_CHECK_ERR((long)shmat(id, area + 10, 0), EINVAL);
	/* Over an existing mapping: EINVAL without SHM_REMAP. */
	LT_CHECK_ERR((long)shmat(id, area, 0), EINVAL);
	LT_CHECK_ERR((long)shmat(id, NULL, SHM_REMAP), EINVAL);
	p = shmat(id, area + 10, SHM_RND | SHM_REMAP);
	LT_CHECK(p == area);
	p[0] = 'x';
	munmap(area + 2 * PG, 2 * PG);
	/* A fixed, free, aligned address is taken as given. */
	q = shmat(id, area + 2 * PG, 0);
	LT_CHECK(q == area + 2 * PG);
	LT_CHECK_EQ(q[0], 'x');
	LT_CHECK_OK(shmdt(p));
	LT_CHECK_OK(shmdt(q));
	shmctl(id, IPC_RMID, NULL);
}

LT_CASE(rmid_while_attached)
{
	struct shmid_ds ds;
	int id = shmget(IPC_PRIVATE, PG, 0600);
	char *p, *q;
	pid_t pid;

	LT_CHECK(id >= 0);
	p = shmat(id, NULL, 0);
	LT_CHECK(p != (void *)-1);
	pid = fork();
	if (pid == 0) {
		lt_sleep_ms(100);
		_exit(p[0] == 'z' ? 0 : 1);
	}
	LT_CHECK_OK(shmctl(id, IPC_RMID, NULL));
	LT_CHECK_OK(shmctl(id, IPC_STAT, &ds));
	LT_CHECK(ds.shm_perm.mode & SHM_DEST);
	LT_CHECK_EQ(ds.shm_perm.__key, IPC_PRIVATE);
	/* Linux still lets a removed segment be attached by id. */
	q = shmat(id, NULL, 0);
	LT_CHECK(q != (void *)-1);
	p[0] = 'z';
	LT_CHECK_EQ(q[0], 'z');
	LT_CHECK_OK(shmdt(q));
	LT_CHECK_OK(shmdt(p));
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	/* The child's exit was the last detach: gone. */
	LT_CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
}

LT_CASE(ctl_commands)
{
	struct shmid_ds ds;
	struct shminfo info;
	struct shm_info sinfo;
	int id = shmget(IPC_PRIVATE, 5000, 0640), maxidx;

	LT_CHECK(id >= 0);
	LT_CHECK_OK(shmctl(id, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.shm_segsz, 5000);
	LT_CHECK_EQ(ds.shm_cpid, getpid());
	LT_CHECK_EQ(ds.shm_perm.mode & 0777, 0640);
	LT_CHECK_EQ(ds.shm_atime, 0);
	ds.shm_perm.mode = 0600;
	LT_CHECK_OK(shmctl(id, IPC_SET, &ds));
	LT_CHECK_OK(shmctl(id, IPC_STAT, &ds));
	LT_CHECK_EQ(ds.shm_perm.mode & 0777, 0600);
	LT_CHECK_OK(shmctl(id, SHM_LOCK, NULL));
	LT_CHECK_OK(shmctl(id, IPC_STAT, &ds));
	LT_CHECK(ds.shm_perm.mode & SHM_LOCKED);
	LT_CHECK_OK(shmctl(id, SHM_UNLOCK, NULL));
	maxidx = shmctl(0, IPC_INFO, (struct shmid_ds *)&info);
	LT_CHECK(maxidx >= 0);
	LT_CHECK_EQ(info.shmmni, 4096);
	LT_CHECK_EQ(info.shmmin, 1);
	LT_CHECK_EQ(shmctl(0, SHM_INFO, (struct shmid_ds *)&sinfo), maxidx);
	LT_CHECK(sinfo.used_ids >= 1);
	LT_CHECK_EQ(shmctl(id & 0x7fff, SHM_STAT, &ds), id);
	LT_CHECK_ERR(shmctl(id, 99, &ds), EINVAL);
	LT_CHECK_ERR(shmctl(id, IPC_STAT, (void *)1), EFAULT);
	LT_CHECK_ERR(shmctl(id, IPC_SET, (void *)1), EFAULT);
	shmctl(id, IPC_RMID, NULL);
	LT_CHECK_ERR(shmctl(id, IPC_STAT, &ds), EINVAL);
	LT_CHECK_ERR((long)shmat(id, NULL, 0), EINVAL);
	LT_CHECK_ERR((long)shmat(-1, NULL, 0), EINVAL);
}

LT_CASE(permissions)
{
	int id = shmget(IPC_PRIVATE, PG, 0640);
	pid_t pid;

	LT_CHECK(id >= 0);
	pid = fork();
	if (pid == 0) {
		if (setgid(65534) || setuid(65534))
			_exit(2);
		if (shmat(id, NULL, SHM_RDONLY) != (void *)-1 || errno != EACCES)
			_exit(3);
		if (shmctl(id, IPC_RMID, NULL) != -1 || errno != EPERM)
			_exit(4);
		if (shmctl(id, SHM_LOCK, NULL) != -1 || errno != EPERM)
			_exit(5);
		_exit(0);
	}
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	shmctl(id, IPC_RMID, NULL);
}

LT_CASE(proc_files)
{
	char buf[8192], line[80];
	int id = shmget(IPC_PRIVATE, 3 * PG, 0600);
	void *p = shmat(id, NULL, 0);

	LT_CHECK(id >= 0 && p != (void *)-1);
	mkdir(P, 0755);
	LT_CHECK_OK(mount("proc", P, "proc", 0, NULL));
	LT_CHECK(lt_read_file(P "/sysvipc/shm", buf, sizeof(buf)) > 0);
	snprintf(line, sizeof(line), " %10d   600                 12288 %5d %5d      1 ",
		 id, getpid(), getpid());
	LT_CHECK(strstr(buf, line));
	LT_CHECK(lt_read_file(P "/sys/kernel/shmmni", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "4096\n"));
	LT_CHECK(lt_read_file(P "/sys/kernel/shmmax", buf, sizeof(buf)) > 0);
	LT_CHECK(!strcmp(buf, "18446744073692774399\n"));
	LT_CHECK(lt_read_file(P "/self/maps", buf, sizeof(buf)) > 0);
	LT_CHECK(strstr(buf, "/SYSV00000000 (deleted)"));
	umount(P);
	shmdt(p);
	shmctl(id, IPC_RMID, NULL);
}

int main(void)
{
	lt_begin("ipc_shm");
	LT_RUN(get_rules);
	LT_RUN(attach_share_detach);
	LT_RUN(fork_and_pieces);
	LT_RUN(readonly);
	LT_RUN(addresses);
	LT_RUN(rmid_while_attached);
	LT_RUN(ctl_commands);
	LT_RUN(permissions);
	LT_RUN(proc_files);
	return lt_end();
}
