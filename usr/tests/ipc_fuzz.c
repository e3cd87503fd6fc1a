/*
 * A bounded fuzz pass over the System V IPC and POSIX message queue
 * calls: garbage ids, commands, flags, sizes and pointers (NULL, low,
 * unmapped, kernel addresses) must give error codes, never an oops or a
 * hang; sleeping is kept out with IPC_NOWAIT/O_NONBLOCK and short
 * time-outs.  Afterwards the calls still work normally.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdint.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lt.h"

#define ROUNDS	20000
/* Pointers go into the first 16 KiB; the longest write (a message) stays inside. */
#define AREA_SIZE	(8 * 4096)

static uint64_t seed = 0x4c616e7465726eULL;
static char *area;		/* a mapping shmat may use and user pointers point into */
static char *guard;		/* a PROT_NONE page */
static int ids[3];		/* a real queue, semaphore set, segment */
static int mq;

static uint64_t rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 7;
	seed ^= seed << 17;
	return seed;
}

static long pick_int(int real)
{
	static const long vals[] = { 0, -1, 1, 2, INT_MAX, INT_MIN, 32768, 65535, 0x7fff };

	switch (rnd() % 4) {
	case 0:
		return vals[rnd() % (sizeof(vals) / sizeof(vals[0]))];
	case 1:
		return real;
	case 2:
		return real + (long)(rnd() % 3) * 32768;
	default:
		return (int)rnd();
	}
}

static long pick_ptr(void)
{
	static const uintptr_t bad[] = { 0, 1, 0x1000, 0xffff888000000000UL,
					 0xffffffff80000000UL, 0x800000000000UL, (uintptr_t)-1 };

	if (rnd() % 8 == 0)
		return (long)guard + (long)(rnd() % 4096);	/* mapped, no access */
	if (rnd() % 3 == 0)
		return (long)bad[rnd() % (sizeof(bad) / sizeof(bad[0]))];
	return (long)(area + (rnd() % 4096) * 4);	/* inside the scratch area */
}

/* A time-out: the short one, or a bad pointer; never NULL (that sleeps for ever). */
static long pick_timeout(const struct timespec *ts)
{
	static const uintptr_t bad[] = { 1, 0x1000, 0xffff888000000000UL, (uintptr_t)-1 };

	return rnd() % 2 ? (long)ts : (long)bad[rnd() % (sizeof(bad) / sizeof(bad[0]))];
}

static long pick_size(void)
{
	static const long vals[] = { 0, 1, 8, 4096, 8192, 8193, 65536, -1, LONG_MAX };

	return rnd() % 2 ? vals[rnd() % (sizeof(vals) / sizeof(vals[0]))] : (long)(rnd() % 20000);
}

static void fuzz_one(void)
{
	struct timespec ts = { 0, 1000 };

	switch (rnd() % 12) {
	case 0:
		lt_syscall(SYS_msgsnd, pick_int(ids[0]), pick_ptr(), pick_size(),
			   (rnd() & 0xffff) | IPC_NOWAIT, 0, 0);
		break;
	case 1:
		lt_syscall(SYS_msgrcv, pick_int(ids[0]), pick_ptr(), pick_size(), pick_int(1),
			   (rnd() & 0x7ffff) | IPC_NOWAIT, 0);
		break;
	case 2:
		/* IPC_RMID (0) is left out: the objects must stay for the others. */
		lt_syscall(SYS_msgctl, pick_int(ids[0]), 1 + rnd() % 15, pick_ptr(), 0, 0, 0);
		break;
	case 3:
		lt_syscall(SYS_semctl, pick_int(ids[1]), pick_int(0), 1 + rnd() % 21, pick_ptr(),
			   0, 0);
		break;
	case 4: {
		struct sembuf sb = { rnd() % 5, (short)rnd(), (short)(rnd() | IPC_NOWAIT) };

		lt_syscall(SYS_semtimedop, pick_int(ids[1]), rnd() % 2 ? (long)&sb : pick_ptr(),
			   pick_int(1), pick_timeout(&ts), 0, 0);
		break;
	}
	case 5:
		lt_syscall(SYS_shmctl, pick_int(ids[2]), 1 + rnd() % 15, pick_ptr(), 0, 0, 0);
		break;
	case 6: {
		/* Attach only where nothing of ours lives: anywhere, or over the scratch area. */
		long addr = rnd() % 2 ? 0 : (long)area + (long)(rnd() % 3) * 4096 + (long)(rnd() % 2);
		long r = lt_syscall(SYS_shmat, pick_int(ids[2]), addr, rnd() & 0x1f000, 0, 0, 0);

		if (r > 0 || r < -4096)
			lt_syscall(SYS_shmdt, r, 0, 0, 0, 0, 0);
		lt_syscall(SYS_shmdt, pick_ptr(), 0, 0, 0, 0, 0);
		break;
	}
	case 7:
		lt_syscall(SYS_msgget, pick_int(0), rnd() & 0777, 0, 0, 0, 0);
		lt_syscall(SYS_semget, pick_int(0), pick_int(1), rnd() & 0777, 0, 0, 0);
		lt_syscall(SYS_shmget, pick_int(0), pick_size(), rnd() & 0777, 0, 0, 0);
		break;
	case 8:
		lt_syscall(SYS_mq_timedsend, pick_int(mq), pick_ptr(), pick_size(), pick_int(0),
			   pick_timeout(&ts), 0);
		break;
	case 9:
		lt_syscall(SYS_mq_timedreceive, pick_int(mq), pick_ptr(), pick_size(), pick_ptr(),
			   pick_timeout(&ts), 0);
		break;
	case 10:
		lt_syscall(SYS_mq_getsetattr, pick_int(mq), pick_ptr(), pick_ptr(), 0, 0, 0);
		lt_syscall(SYS_mq_notify, pick_int(mq), pick_ptr(), 0, 0, 0, 0);
		lt_syscall(SYS_mq_notify, mq, 0, 0, 0, 0, 0);
		break;
	default:
		lt_syscall(SYS_mq_open, pick_ptr(), rnd() & ~(O_CREAT | O_CLOEXEC), rnd() & 0777,
			   pick_ptr(), 0, 0);
		lt_syscall(SYS_mq_unlink, pick_ptr(), 0, 0, 0, 0, 0);
		break;
	}
}

/* Remove what the fuzzing made besides ours (IPC_PRIVATE gets always create). */
static void remove_strays(void)
{
	struct msqid_ds mds;
	struct semid_ds sds;
	struct shmid_ds shds;
	int idx, id;

	for (idx = 0; idx < 256; idx++) {
		id = msgctl(idx, MSG_STAT, &mds);
		if (id >= 0 && id != ids[0])
			msgctl(id, IPC_RMID, NULL);
		id = semctl(idx, 0, SEM_STAT, &sds);
		if (id >= 0 && id != ids[1])
			semctl(id, 0, IPC_RMID);
		id = shmctl(idx, SHM_STAT, &shds);
		if (id >= 0 && id != ids[2])
			shmctl(id, IPC_RMID, NULL);
	}
}

LT_CASE(garbage_arguments)
{
	struct mq_attr a = { .mq_maxmsg = 4, .mq_msgsize = 64 };
	int i;

	area = mmap(NULL, AREA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(area != MAP_FAILED);
	guard = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(guard != MAP_FAILED);
	ids[0] = msgget(IPC_PRIVATE, 0600);
	ids[1] = semget(IPC_PRIVATE, 4, 0600);
	ids[2] = shmget(IPC_PRIVATE, 8192, 0600);
	mq_unlink("/lt-fuzz");
	mq = mq_open("/lt-fuzz", O_CREAT | O_RDWR | O_NONBLOCK, 0600, &a);
	LT_CHECK(ids[0] >= 0 && ids[1] >= 0 && ids[2] >= 0 && mq >= 0);
	for (i = 0; i < ROUNDS; i++) {
		/* The scratch area may have been replaced or unmapped by an attach. */
		mmap(area, AREA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		     -1, 0);
		fuzz_one();
	}
	lt_note("%d rounds, seed %#llx", ROUNDS, 0x4c616e7465726eULL);
	remove_strays();
}

/* The fuzzed objects can still be removed, and new ones work normally. */
LT_CASE(still_works)
{
	struct { long type; char text[8]; } m = { 1, "ok" };
	struct mq_attr a = { .mq_maxmsg = 4, .mq_msgsize = 64 };
	char buf[64];
	int q, s;

	LT_CHECK_OK(msgctl(ids[0], IPC_RMID, NULL));
	LT_CHECK_OK(semctl(ids[1], 0, IPC_RMID));
	LT_CHECK_OK(shmctl(ids[2], IPC_RMID, NULL));
	mq_close(mq);
	LT_CHECK_OK(mq_unlink("/lt-fuzz"));

	q = msgget(IPC_PRIVATE, 0600);
	s = semget(IPC_PRIVATE, 1, 0600);
	LT_CHECK(q >= 0 && s >= 0);
	LT_CHECK_OK(msgsnd(q, &m, 3, IPC_NOWAIT));
	LT_CHECK_EQ(msgrcv(q, &m, sizeof(m.text), 1, IPC_NOWAIT), 3);
	LT_CHECK_OK(semctl(s, 0, SETVAL, 2));
	LT_CHECK_EQ(semctl(s, 0, GETVAL), 2);
	mq = mq_open("/lt-fuzz", O_CREAT | O_RDWR, 0600, &a);
	LT_CHECK(mq >= 0);
	LT_CHECK_OK(mq_send(mq, "x", 1, 0));
	LT_CHECK_EQ(mq_receive(mq, buf, sizeof(buf), NULL), 1);
	msgctl(q, IPC_RMID, NULL);
	semctl(s, 0, IPC_RMID);
	mq_close(mq);
	mq_unlink("/lt-fuzz");
}

int main(void)
{
	lt_begin("ipc_fuzz");
	LT_RUN(garbage_arguments);
	LT_RUN(still_works);
	return lt_end();
}
