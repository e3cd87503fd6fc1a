// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel random numbers: a ChaCha20-based generator (RFC 8439's block
 * function, used as a stream cipher in counter mode) keyed at boot from
 * the CPU's random-number instruction where present (asm/archrandom.h),
 * mixed with cycle-counter readings.  After
 * each request the key is replaced by fresh output (fast key erasure),
 * so a later compromise of the state does not reveal earlier output.
 * getrandom(2) never blocks: the pool is seeded before user space runs.
 * What user space writes to /dev/random is mixed into the key (never
 * credited: the pool is always full, as on Linux since 5.18), and the
 * RND* ioctls do what Linux's do with a pool of that kind.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/cred.h>
#include <linux/fs.h>
#include <linux/uio.h>
#include <uapi/asm-generic/ioctl.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <asm/archrandom.h>

#define CHACHA_KEY_WORDS	8
#define CHACHA_BLOCK_SIZE	64

static u32 crng_key[CHACHA_KEY_WORDS];
static u64 crng_counter;
static bool crng_ready;
static DEFINE_SPINLOCK(crng_lock);	/* guards crng_key, crng_counter */

static inline u32 rol32(u32 v, int s)
{
	return (v << s) | (v >> (32 - s));
}

#define QR(a, b, c, d) do {					\
	a += b; d ^= a; d = rol32(d, 16);			\
	c += d; b ^= c; b = rol32(b, 12);			\
	a += b; d ^= a; d = rol32(d, 8);			\
	c += d; b ^= c; b = rol32(b, 7);			\
} while (0)

static void chacha20_block(const u32 key[8], u64 counter, u32 out[16])
{
	u32 x[16], s[16];
	int i;

	s[0] = 0x61707865; s[1] = 0x3320646e; s[2] = 0x79622d32; s[3] = 0x6b206574;
	for (i = 0; i < 8; i++)
		s[4 + i] = key[i];
	s[12] = (u32)counter;
	s[13] = (u32)(counter >> 32);
	s[14] = s[15] = 0;
	memcpy(x, s, sizeof(x));
	for (i = 0; i < 10; i++) {
		QR(x[0], x[4], x[8], x[12]);
		QR(x[1], x[5], x[9], x[13]);
		QR(x[2], x[6], x[10], x[14]);
		QR(x[3], x[7], x[11], x[15]);
		QR(x[0], x[5], x[10], x[15]);
		QR(x[1], x[6], x[11], x[12]);
		QR(x[2], x[7], x[8], x[13]);
		QR(x[3], x[4], x[9], x[14]);
	}
	for (i = 0; i < 16; i++)
		out[i] = x[i] + s[i];
}

void get_random_bytes(void *buf, size_t len)
{
	u32 block[16];
	unsigned long flags;
	u8 *p = buf;

	spin_lock_irqsave(&crng_lock, flags);
	while (len) {
		size_t n = min(len, (size_t)CHACHA_BLOCK_SIZE);

		chacha20_block(crng_key, crng_counter++, block);
		memcpy(p, block, n);
		p += n;
		len -= n;
	}
	/* Fast key erasure: the key that made this output is gone. */
	chacha20_block(crng_key, crng_counter++, block);
	memcpy(crng_key, block, sizeof(crng_key));
	spin_unlock_irqrestore(&crng_lock, flags);
	memset(block, 0, sizeof(block));
}
EXPORT_SYMBOL(get_random_bytes);

u32 get_random_u32(void)
{
	u32 v;

	get_random_bytes(&v, sizeof(v));
	return v;
}
EXPORT_SYMBOL(get_random_u32);

/* Seeded: what is drawn from here from now on cannot be guessed. */
bool rng_is_initialized(void)
{
	return READ_ONCE(crng_ready);
}

void __init rand_initialize(void)
{
	unsigned long seed[CHACHA_KEY_WORDS] = { 0 };
	size_t got = arch_get_random_longs(seed, CHACHA_KEY_WORDS);
	int i;

	for (i = 0; i < CHACHA_KEY_WORDS; i++) {
		/* Cycle-counter jitter adds a little even without the CPU's numbers. */
		crng_key[i] ^= (u32)seed[i] ^ (u32)(seed[i] >> 32) ^ (u32)random_get_entropy();
	}
	crng_counter = random_get_entropy();
	memset(seed, 0, sizeof(seed));
	WRITE_ONCE(crng_ready, true);
	pr_info("random: crng seeded from %s\n",
		got ? "the CPU's random numbers and the cycle counter" : "the cycle counter only");
}

#define GRND_NONBLOCK	0x0001
#define GRND_RANDOM	0x0002
#define GRND_INSECURE	0x0004

SYSCALL_DEFINE3(getrandom, char __user *, ubuf, size_t, len, unsigned int, flags)
{
	u8 chunk[256];
	size_t done = 0;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (len > INT_MAX)
		len = INT_MAX;
	while (done < len) {
		size_t n = min(len - done, sizeof(chunk));
		size_t left;

		/* Long requests: let others run; a signal ends them with what is done. */
		if (done && signal_pending(current))
			break;
		cond_resched();

		get_random_bytes(chunk, n);
		left = copy_to_user(ubuf + done, chunk, n);
		done += n - left;
		if (left) {
			/* Like Linux: the bytes stored count; none at all is -EFAULT. */
			memset(chunk, 0, sizeof(chunk));
			return done ? (long)done : -EFAULT;
		}
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

/*
 * Mix bytes into the key: each 32-byte piece is XORed into the key, which
 * is then replaced by a ChaCha block of itself, so the new key depends on
 * all of the input and the old key without revealing either.
 */
static void mix_pool_bytes(const void *buf, size_t len)
{
	const u8 *p = buf;
	u32 block[16];
	unsigned long flags;

	spin_lock_irqsave(&crng_lock, flags);
	while (len) {
		size_t n = min(len, sizeof(crng_key));
		size_t i;

		for (i = 0; i < n; i++)
			((u8 *)crng_key)[i] ^= p[i];
		chacha20_block(crng_key, crng_counter++, block);
		memcpy(crng_key, block, sizeof(crng_key));
		p += n;
		len -= n;
	}
	spin_unlock_irqrestore(&crng_lock, flags);
	memset(block, 0, sizeof(block));
}

/* Random bytes a chunk at a time, so a huge read can be interrupted. */
static ssize_t random_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	u8 chunk[256];
	ssize_t done = 0;

	while (iov_iter_count(to)) {
		size_t n = min(sizeof(chunk), iov_iter_count(to)), got;

		get_random_bytes(chunk, n);
		got = copy_to_iter(chunk, n, to);
		done += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
		if (signal_pending(current))
			break;
	}
	memset(chunk, 0, sizeof(chunk));	/* no key material left on the stack */
	return done;
}

static ssize_t write_pool(struct iov_iter *from)
{
	u8 chunk[256];
	ssize_t done = 0;

	while (iov_iter_count(from)) {
		size_t n = min(sizeof(chunk), iov_iter_count(from));
		size_t got = copy_from_iter(chunk, n, from);

		mix_pool_bytes(chunk, got);
		done += got;
		if (got < n) {
			if (!done)
				done = -EFAULT;
			break;
		}
		cond_resched();
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

static ssize_t random_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return write_pool(from);
}

/* The pool's size in bits, and what entropy_avail always says. */
#define POOL_BITS	256

/* <linux/random.h>'s ioctls ('R'). */
#define RNDGETENTCNT	_IOR('R', 0x00, int)
#define RNDADDTOENTCNT	_IOW('R', 0x01, int)
#define RNDGETPOOL	_IOR('R', 0x02, int[2])
#define RNDADDENTROPY	_IOW('R', 0x03, int[2])
#define RNDZAPENTCNT	_IO('R', 0x04)
#define RNDCLEARPOOL	_IO('R', 0x06)
#define RNDRESEEDCRNG	_IO('R', 0x07)

/*
 * Everything but reading the count needs CAP_SYS_ADMIN.  Credits are
 * checked and ignored (the pool is always full); RNDADDENTROPY's bytes,
 * a struct rand_pool_info { int entropy_count, buf_size; u32 buf[]; },
 * are mixed in like a write.
 */
static long random_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	int __user *p = (int __user *)arg;
	int count, size;

	switch (cmd) {
	case RNDGETENTCNT:
		return put_user(POOL_BITS, p) ? -EFAULT : 0;
	case RNDADDTOENTCNT:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (get_user(count, p))
			return -EFAULT;
		return count < 0 ? -EINVAL : 0;
	case RNDADDENTROPY: {
		struct iov_iter iter;
		ssize_t ret;

		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		if (get_user(count, p) || get_user(size, p + 1))
			return -EFAULT;
		if (count < 0 || size < 0)
			return -EINVAL;
		if (!access_ok(p + 2, size))
			return -EFAULT;
		iov_iter_ubuf(&iter, p + 2, size);
		ret = write_pool(&iter);
		return ret < 0 ? ret : 0;
	}
	case RNDZAPENTCNT:
	case RNDCLEARPOOL:
		/* Clearing the count of an always-full pool does nothing. */
		return capable(CAP_SYS_ADMIN) ? 0 : -EPERM;
	case RNDRESEEDCRNG:
		if (!capable(CAP_SYS_ADMIN))
			return -EPERM;
		{
			unsigned long seed[CHACHA_KEY_WORDS] = { 0 };

			arch_get_random_longs(seed, CHACHA_KEY_WORDS);
			mix_pool_bytes(seed, sizeof(seed));
			memset(seed, 0, sizeof(seed));
		}
		return 0;
	default:
		return -EINVAL;
	}
}

const struct file_operations random_fops = {
	.llseek		= noop_llseek,
	.read_iter	= random_read_iter,
	.write_iter	= random_write_iter,
	.unlocked_ioctl	= random_ioctl,
};
