/*
 * Bad input to the socket calls: unmapped and kernel pointers give
 * EFAULT, impossible lengths EINVAL (or EMSGSIZE/ENOBUFS where Linux
 * says so), never a crash.  Then a bounded random run: thousands of
 * socket calls with arguments drawn from good and bad values (descriptor
 * passing included, so the collector sees in-flight cycles), all
 * non-blocking; the only check is that the kernel survives and the
 * sockets still work afterwards.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include "lt.h"

#define D	"/t_unix_fuzz"

static volatile uintptr_t bad_user = 8;
static volatile uintptr_t bad_kernel = 0xffff888000000000UL;
#define BAD	((void *)bad_user)
#define KBAD	((void *)bad_kernel)

static long sc(long n, long a, long b, long c, long d, long e, long f)
{
	return lt_syscall(n, a, b, c, d, e, f);
}

LT_CASE(bad_addresses)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX, .sun_path = "\0lantern-fuzz" };
	socklen_t len;
	int fd = socket(AF_UNIX, SOCK_DGRAM, 0);

	LT_CHECK_ERR(sc(SYS_bind, fd, (long)BAD, sizeof(a), 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_bind, fd, (long)KBAD, sizeof(a), 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_bind, fd, (long)&a, -1, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_bind, fd, (long)&a, 4096, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_bind, fd, (long)&a, 1, 0, 0, 0), EINVAL);
	a.sun_family = AF_INET;
	LT_CHECK_ERR(sc(SYS_bind, fd, (long)&a, sizeof(a), 0, 0, 0), EINVAL);
	a.sun_family = AF_UNIX;
	LT_CHECK_ERR(sc(SYS_connect, fd, (long)BAD, sizeof(a), 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_connect, fd, (long)&a, -5, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_connect, fd, (long)&a, 200, 0, 0, 0), EINVAL);
	LT_CHECK_OK(bind(fd, (struct sockaddr *)&a, offsetof(struct sockaddr_un, sun_path) + 13));
	len = sizeof(a);
	LT_CHECK_ERR(sc(SYS_getsockname, fd, (long)BAD, (long)&len, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_getsockname, fd, (long)&a, (long)BAD, 0, 0, 0), EFAULT);
	len = -1;
	LT_CHECK_ERR(sc(SYS_getsockname, fd, (long)&a, (long)&len, 0, 0, 0), EINVAL);
	len = 0;		/* nothing copied, the real length reported */
	LT_CHECK_OK(getsockname(fd, (struct sockaddr *)BAD, &len));
	LT_CHECK_EQ(len, offsetof(struct sockaddr_un, sun_path) + 13);
	len = sizeof(a);
	LT_CHECK_ERR(sc(SYS_getpeername, fd, (long)&a, (long)&len, 0, 0, 0), ENOTCONN);
	LT_CHECK_ERR(sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (long)BAD, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, (long)KBAD, 0, 0), EFAULT);
	close(fd);
}

LT_CASE(bad_data_pointers)
{
	int sv[2];
	char buf[8];

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_ERR(sc(SYS_sendto, sv[0], (long)BAD, 10, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_sendto, sv[0], (long)KBAD, 10, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_write, sv[0], (long)BAD, 10, 0, 0, 0), EFAULT);
	LT_CHECK_EQ(write(sv[0], "abc", 3), 3);
	LT_CHECK_ERR(sc(SYS_recvfrom, sv[1], (long)BAD, 10, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_recvfrom, sv[1], (long)KBAD, 10, 0, 0, 0), EFAULT);
	LT_CHECK_EQ(read(sv[1], buf, sizeof(buf)), 3);	/* a fault consumed nothing */
	LT_CHECK_ERR(sc(SYS_setsockopt, sv[0], SOL_SOCKET, SO_RCVBUF, (long)buf, -1, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_setsockopt, sv[0], SOL_SOCKET, SO_RCVTIMEO, (long)BAD, 16, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_setsockopt, sv[0], SOL_SOCKET, SO_LINGER, (long)buf, 4, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_getsockopt, sv[0], SOL_SOCKET, SO_PEERCRED, (long)BAD,
			(long)&(socklen_t){ 12 }, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_shutdown, sv[0], -1, 0, 0, 0, 0), EINVAL);
	LT_CHECK_ERR(sc(SYS_shutdown, sv[0], 3, 0, 0, 0, 0), EINVAL);
	close(sv[0]);
	close(sv[1]);
}

LT_CASE(bad_msghdrs)
{
	int sv[2];
	char buf[8];
	struct iovec iov = { buf, sizeof(buf) }, biov = { BAD, 8 };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
	struct mmsghdr mm = { .msg_hdr = { .msg_iov = &iov, .msg_iovlen = 1 } };

	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv));
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)BAD, 0, 0, 0, 0), EFAULT);
	LT_CHECK_ERR(sc(SYS_recvmsg, sv[1], (long)KBAD, 0, 0, 0, 0), EFAULT);
	mh.msg_iov = &biov;
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), EFAULT);
	mh.msg_iov = BAD;
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), EFAULT);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1025;
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), EMSGSIZE);
	mh.msg_iovlen = 1;
	mh.msg_control = BAD;
	mh.msg_controllen = 32;
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), EFAULT);
	mh.msg_control = buf;
	mh.msg_controllen = 0x80000000u;	/* past INT_MAX */
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), ENOBUFS);
	mh.msg_control = NULL;
	mh.msg_controllen = 0;
	mh.msg_name = BAD;
	mh.msg_namelen = 16;
	LT_CHECK_ERR(sc(SYS_sendmsg, sv[0], (long)&mh, 0, 0, 0, 0), EFAULT);
	mh.msg_name = NULL;
	mh.msg_namelen = 0;
	LT_CHECK_ERR(sc(SYS_sendmmsg, sv[0], (long)BAD, 1, 0, 0, 0), EFAULT);
	LT_CHECK_EQ(sendmsg(sv[0], &mh, 0), 8);
	LT_CHECK_ERR(sc(SYS_recvmmsg, sv[1], (long)&mm, 1, 0, (long)BAD, 0), EFAULT);
	mh.msg_iov = &biov;
	LT_CHECK_ERR(sc(SYS_recvmsg, sv[1], (long)&mh, 0, 0, 0, 0), EFAULT);
	close(sv[0]);
	close(sv[1]);
}

/* ---------- the random run ---------- */

static uint64_t rng = 0x5eed;

static unsigned int rnd(unsigned int n)
{
	rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned int)(rng >> 33) % n;
}

#define NSLOT	12
static int slots[NSLOT];
static int notsock;
/*
 * Buffers the calls may fill: big enough for a whole receive queue, and
 * followed by an inaccessible page, so a length past the end faults in
 * the kernel instead of overwriting the test's own variables.
 */
#define SCRATCH_SIZE	(1 << 20)
static char *scratch;

static long rfd(void)
{
	switch (rnd(8)) {
	case 0: return -1;
	case 1: return notsock;	/* not a socket, and never waits */
	case 2: return 9999;
	default: return slots[rnd(NSLOT)];
	}
}

static void *rptr(void)
{
	switch (rnd(6)) {
	case 0: return NULL;
	case 1: return BAD;
	case 2: return KBAD;
	case 3: return scratch + SCRATCH_SIZE - 4;
	default: return scratch;
	}
}

static long rlen(void)
{
	static const long lens[] = { 0, 1, 2, 3, 4, 8, 16, 110, 111, 112, 128, 129, 256, -1,
				     1 << 20, 0x7fffffff };

	return lens[rnd(sizeof(lens) / sizeof(lens[0]))];
}

/* A plausible address most of the time: a path, an abstract name, autobind. */
static long raddr(struct sockaddr_un *a)
{
	memset(a, 0, sizeof(*a));
	a->sun_family = rnd(10) ? AF_UNIX : rnd(50);
	switch (rnd(4)) {
	case 0:
		strcpy(a->sun_path, D "/f0");
		a->sun_path[strlen(a->sun_path) - 1] += rnd(4);
		return sizeof(*a);
	case 1:
		strcpy(a->sun_path + 1, "fz0");
		a->sun_path[3] += rnd(4);
		return offsetof(struct sockaddr_un, sun_path) + 4;
	case 2:
		return sizeof(sa_family_t);
	default:
		return rlen();
	}
}

static long rflags(void)
{
	static const long f[] = { MSG_PEEK, MSG_TRUNC, MSG_WAITALL, MSG_OOB, MSG_CMSG_CLOEXEC,
				  MSG_EOR, MSG_MORE, 0x80000000L };

	return MSG_DONTWAIT | MSG_NOSIGNAL | (rnd(2) ? f[rnd(8)] : 0);
}

/* A control buffer: SCM_RIGHTS of our sockets, credentials, or junk. */
static void rcontrol(struct msghdr *mh, char *cbuf, size_t size)
{
	struct cmsghdr *c = (struct cmsghdr *)cbuf;
	int i, n = 1 + rnd(3);

	memset(cbuf, 0, size);
	mh->msg_control = cbuf;
	mh->msg_controllen = CMSG_SPACE(sizeof(int) * n);
	c->cmsg_level = rnd(8) ? SOL_SOCKET : rnd(300);
	c->cmsg_type = rnd(5) ? SCM_RIGHTS : rnd(4);
	c->cmsg_len = rnd(8) ? (long)CMSG_LEN(sizeof(int) * n) : rlen();
	for (i = 0; i < n; i++)
		((int *)CMSG_DATA(c))[i] = (int)rfd();
	if (!rnd(6))
		mh->msg_controllen = rlen();
}

static void rmsg(int nr, long fd)
{
	struct sockaddr_storage ss;	/* room for any address the kernel returns */
	struct sockaddr_un *a = (struct sockaddr_un *)&ss;
	struct iovec iov[3];
	struct msghdr mh = { 0 };
	char cbuf[CMSG_SPACE(sizeof(int) * 4)];
	int i;

	for (i = 0; i < 3; i++) {
		iov[i].iov_base = rptr();
		iov[i].iov_len = rnd(3) ? (size_t)rnd(64) : (size_t)rlen();
	}
	mh.msg_iov = rnd(10) ? iov : rptr();
	mh.msg_iovlen = rnd(10) ? 1 + rnd(3) : (size_t)rlen();
	if (rnd(3) == 0) {
		mh.msg_name = rnd(5) ? (void *)a : rptr();
		mh.msg_namelen = raddr(a);
	}
	if (rnd(2))
		rcontrol(&mh, cbuf, sizeof(cbuf));
	sc(nr, fd, rnd(12) ? (long)&mh : (long)rptr(), rflags(), 0, 0, 0);
}

static void fuzz_one(void)
{
	struct sockaddr_storage ss;	/* room for any address the kernel returns */
	struct sockaddr_un *a = (struct sockaddr_un *)&ss;
	socklen_t len = rnd(2) ? (long)sizeof(ss) : rlen();
	int s = rnd(NSLOT), sv[2];
	long r;

	switch (rnd(16)) {
	case 0:
		close(slots[s]);
		slots[s] = sc(SYS_socket, rnd(12) ? AF_UNIX : rnd(50),
			      (rnd(10) ? 1 + rnd(5) : rnd(20)) | SOCK_NONBLOCK | (rnd(2) ? SOCK_CLOEXEC : 0),
			      rnd(10) ? 0 : rnd(4), 0, 0, 0);
		break;
	case 1:
		if (sc(SYS_socketpair, AF_UNIX, (1 + rnd(5)) | SOCK_NONBLOCK, 0, (long)sv, 0, 0) == 0) {
			close(slots[s]);
			slots[s] = sv[0];
			s = rnd(NSLOT);
			close(slots[s]);
			slots[s] = sv[1];
		}
		break;
	case 2:
		r = raddr(a);
		sc(SYS_bind, rfd(), rnd(8) ? (long)a : (long)rptr(), r, 0, 0, 0);
		break;
	case 3:
		r = raddr(a);
		sc(SYS_connect, rfd(), rnd(8) ? (long)a : (long)rptr(), r, 0, 0, 0);
		break;
	case 4:
		sc(SYS_listen, rfd(), rnd(3) ? rnd(4) : rlen(), 0, 0, 0, 0);
		break;
	case 5:
		r = sc(SYS_accept4, rfd(), rnd(2) ? (long)a : (long)rptr(), rnd(2) ? (long)&len : (long)rptr(),
		       SOCK_NONBLOCK | (rnd(8) ? 0 : rnd(4) << 20), 0, 0);
		if (r >= 0) {
			close(slots[s]);
			slots[s] = r;
		}
		break;
	case 6:
		r = raddr(a);
		sc(SYS_sendto, rfd(), (long)rptr(), rnd(3) ? rnd(600) : rlen(), rflags(),
		   rnd(2) ? 0 : (long)a, r);
		break;
	case 7:
		sc(SYS_recvfrom, rfd(), (long)rptr(), rnd(3) ? rnd(600) : rlen(), rflags(),
		   rnd(2) ? 0 : (long)a, rnd(2) ? (long)&len : (long)rptr());
		break;
	case 8:
		rmsg(SYS_sendmsg, rfd());
		break;
	case 9:
		rmsg(SYS_recvmsg, rfd());
		break;
	case 10:
		sc(SYS_shutdown, rfd(), rnd(5) - 1, 0, 0, 0, 0);
		break;
	case 11:
		sc(SYS_setsockopt, rfd(), rnd(6) ? SOL_SOCKET : rnd(300), rnd(45), (long)rptr(),
		   rnd(2) ? 4 : rlen(), 0);
		break;
	case 12:
		sc(SYS_getsockopt, rfd(), rnd(6) ? SOL_SOCKET : rnd(300), rnd(45), (long)rptr(),
		   rnd(2) ? (long)&len : (long)rptr(), 0);
		break;
	case 13:
		sc(rnd(2) ? SYS_getsockname : SYS_getpeername, rfd(), (long)rptr(),
		   rnd(2) ? (long)&len : (long)rptr(), 0, 0, 0);
		break;
	case 14:
		sc(rnd(2) ? SYS_read : SYS_write, rfd(), (long)rptr(), rnd(600), 0, 0, 0);
		break;
	default:
		close(slots[s]);
		slots[s] = -1;
		break;
	}
}

LT_CASE(random_calls)
{
	int i, sv[2];
	pid_t pid;
	char buf[4];

	signal(SIGPIPE, SIG_IGN);
	scratch = mmap(NULL, SCRATCH_SIZE + 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	LT_CHECK(scratch != MAP_FAILED);
	LT_CHECK_OK(mprotect(scratch + SCRATCH_SIZE, 4096, PROT_NONE));
	mkdir(D, 0755);
	notsock = open(D, O_RDONLY | O_DIRECTORY);
	for (i = 0; i < NSLOT; i++)
		slots[i] = -1;
	for (i = 0; i < 3000; i++)
		fuzz_one();
	/* Then two processes at once on the same sockets (inherited). */
	pid = fork();
	if (pid == 0) {
		rng ^= 0x9e3779b97f4a7c15ULL;
		for (i = 0; i < 3000; i++)
			fuzz_one();
		_exit(0);
	}
	for (i = 0; i < 3000; i++)
		fuzz_one();
	LT_CHECK_WAIT(pid, LT_EXITED(0));
	for (i = 0; i < NSLOT; i++)
		close(slots[i]);
	for (i = 0; i < 4; i++) {
		char p[] = D "/f0";

		p[sizeof(p) - 2] += i;
		unlink(p);
	}
	close(notsock);
	/* still working */
	LT_CHECK_OK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
	LT_CHECK_EQ(write(sv[0], "ok", 2), 2);
	LT_CHECK_EQ(read(sv[1], buf, sizeof(buf)), 2);
	close(sv[0]);
	close(sv[1]);
	signal(SIGPIPE, SIG_DFL);
}

int main(void)
{
	lt_begin("unix_fuzz");
	LT_RUN(bad_addresses);
	LT_RUN(bad_data_pointers);
	LT_RUN(bad_msghdrs);
	LT_RUN(random_calls);
	return lt_end();
}
