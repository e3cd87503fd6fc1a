// SPDX-License-Identifier: GPL-2.0
/*
 * The NTP interface: adjtimex(2) and clock_adjtime(2) on CLOCK_REALTIME.
 *
 * An NTP daemon disciplines the kernel clock through one structure,
 * struct timex: it reads the kernel's state (offset and frequency
 * estimates, error bounds, status flags such as STA_UNSYNC, the tick
 * length) and writes the fields its "modes" bits name.  The return value
 * is the clock state (TIME_OK, or TIME_ERROR while the clock is not
 * synchronised).  adjtime(3) is the ADJ_OFFSET_SINGLESHOT mode: an
 * offset to slew away gradually.
 *
 * Lantern keeps and validates all of this state as Linux does, and
 * ADJ_SETOFFSET steps the clock, but the clock is not yet steered by
 * it: frequency, PLL offset and single-shot slew are recorded and
 * reported, not applied to the rate of CLOCK_REALTIME.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/spinlock.h>
#include <linux/syscalls.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <uapi/linux/time_types.h>

#define USER_HZ		100
#ifndef S64_MIN
#define S64_MIN		(-S64_MAX - 1)
#endif

/* modes */
#define ADJ_OFFSET		0x0001
#define ADJ_FREQUENCY		0x0002
#define ADJ_MAXERROR		0x0004
#define ADJ_ESTERROR		0x0008
#define ADJ_STATUS		0x0010
#define ADJ_TIMECONST		0x0020
#define ADJ_TAI			0x0080
#define ADJ_SETOFFSET		0x0100
#define ADJ_MICRO		0x1000
#define ADJ_NANO		0x2000
#define ADJ_TICK		0x4000
#define ADJ_ADJTIME		0x8000	/* with ADJ_OFFSET: adjtime(3)'s single shot */
#define ADJ_OFFSET_READONLY	0x2000	/* with ADJ_ADJTIME: only read the slew left */

/* status */
#define STA_PLL		0x0001
#define STA_PPSFREQ	0x0002
#define STA_PPSTIME	0x0004
#define STA_FLL		0x0008
#define STA_INS		0x0010
#define STA_DEL		0x0020
#define STA_UNSYNC	0x0040
#define STA_FREQHOLD	0x0080
#define STA_PPSSIGNAL	0x0100
#define STA_PPSJITTER	0x0200
#define STA_PPSWANDER	0x0400
#define STA_PPSERROR	0x0800
#define STA_CLOCKERR	0x1000
#define STA_NANO	0x2000
#define STA_MODE	0x4000
#define STA_CLK		0x8000
/* What only the kernel sets. */
#define STA_RONLY	(STA_PPSSIGNAL | STA_PPSJITTER | STA_PPSWANDER | STA_PPSERROR | \
			 STA_CLOCKERR | STA_NANO | STA_MODE | STA_CLK)

#define TIME_OK		0
#define TIME_ERROR	5

/* Frequencies are in ppm with 16 fractional bits ("scaled ppm"). */
#define MAXFREQ_SCALED	(500LL << 16)		/* 500 ppm */
#define PPM_SCALE	(1000LL << 16)		/* ns/s per scaled ppm, times 2^16 */
#define MAXPHASE	500000000LL		/* the largest offset, ns */
#define NTP_PHASE_LIMIT	16000000LL		/* maxerror bound, us */
#define MAXTC		10

/* struct timex as the 64-bit kernel ABI lays it out (208 bytes). */
struct __kernel_timex {
	unsigned int modes;
	int :32;
	long long offset;
	long long freq;
	long long maxerror;
	long long esterror;
	int status;
	int :32;
	long long constant;
	long long precision;
	long long tolerance;
	struct {
		long long tv_sec;
		long long tv_usec;
	} time;
	long long tick;
	long long ppsfreq;
	long long jitter;
	int shift;
	int :32;
	long long stabil;
	long long jitcnt;
	long long calcnt;
	long long errcnt;
	long long stbcnt;
	int tai;
	int :32; int :32; int :32; int :32;
	int :32; int :32; int :32; int :32;
	int :32; int :32; int :32;
};

/* The NTP state; lock: ntp_lock. */
static DEFINE_SPINLOCK(ntp_lock);
static int time_status = STA_UNSYNC;
static s64 time_offset;			/* PLL offset, ns */
static s64 time_freq;			/* scaled ppm */
static long time_maxerror = NTP_PHASE_LIMIT;
static long time_esterror = NTP_PHASE_LIMIT;
static long time_constant = 2;
static long tick_usec = (USEC_PER_SEC + USER_HZ / 2) / USER_HZ;
static s64 time_adjust;			/* adjtime(3) slew left, us */
static int time_tai;

/* Linux's checks, before anything changes (timekeeping_validate_timex). */
static int validate_timex(const struct __kernel_timex *txc)
{
	if (txc->modes & ADJ_ADJTIME) {
		/* The single-shot form takes no other mode bits. */
		if (!(txc->modes & ADJ_OFFSET))
			return -EINVAL;
		if (!(txc->modes & ADJ_OFFSET_READONLY) && !capable(CAP_SYS_TIME))
			return -EPERM;
		return 0;
	}
	if (txc->modes && !capable(CAP_SYS_TIME))
		return -EPERM;
	if ((txc->modes & ADJ_TICK) &&
	    (txc->tick < 900000 / USER_HZ || txc->tick > 1100000 / USER_HZ))
		return -EINVAL;
	if (txc->modes & ADJ_SETOFFSET) {
		if (txc->time.tv_usec < 0)
			return -EINVAL;
		if (txc->modes & ADJ_NANO ? txc->time.tv_usec >= NSEC_PER_SEC
					  : txc->time.tv_usec >= USEC_PER_SEC)
			return -EINVAL;
	}
	if ((txc->modes & ADJ_FREQUENCY) &&
	    (txc->freq < S64_MIN / PPM_SCALE || txc->freq > S64_MAX / PPM_SCALE))
		return -EINVAL;
	return 0;
}

/* ADJ_SETOFFSET: step CLOCK_REALTIME by the given amount. */
static int inject_offset(const struct __kernel_timex *txc)
{
	s64 delta = txc->time.tv_sec * NSEC_PER_SEC +
		    (txc->modes & ADJ_NANO ? txc->time.tv_usec : txc->time.tv_usec * NSEC_PER_USEC);
	s64 now = ktime_get_real_ns() + delta;
	struct timespec64 ts = { .tv_sec = now / NSEC_PER_SEC, .tv_nsec = now % NSEC_PER_SEC };

	if (now < 0)
		return -EINVAL;
	return do_settimeofday64(&ts);
}

static void apply_modes(const struct __kernel_timex *txc)
{
	if (txc->modes & ADJ_STATUS) {
		/* Leaving PLL mode drops what the PLL had learnt. */
		if ((time_status & STA_PLL) && !(txc->status & STA_PLL)) {
			time_status = STA_UNSYNC;
			time_offset = 0;
		}
		time_status &= STA_RONLY;
		time_status |= txc->status & ~STA_RONLY;
	}
	if (txc->modes & ADJ_NANO)
		time_status |= STA_NANO;
	if (txc->modes & ADJ_MICRO)
		time_status &= ~STA_NANO;
	if (txc->modes & ADJ_FREQUENCY)
		time_freq = clamp_t(s64, txc->freq, -MAXFREQ_SCALED, MAXFREQ_SCALED);
	if (txc->modes & ADJ_MAXERROR)
		time_maxerror = clamp_t(long long, txc->maxerror, 0, NTP_PHASE_LIMIT);
	if (txc->modes & ADJ_ESTERROR)
		time_esterror = clamp_t(long long, txc->esterror, 0, NTP_PHASE_LIMIT);
	if (txc->modes & ADJ_TIMECONST) {
		time_constant = clamp_t(long long, txc->constant, 0, MAXTC);
		if (!(time_status & STA_NANO))
			time_constant += 4;	/* the microsecond loop is slower */
		time_constant = clamp_t(long, time_constant, 0, MAXTC);
	}
	if ((txc->modes & ADJ_TAI) && txc->constant >= 0 && txc->constant <= INT_MAX)
		time_tai = txc->constant;
	if (txc->modes & ADJ_OFFSET) {
		/* Only a running PLL takes an offset (as Linux); nanoseconds kept. */
		if (time_status & STA_PLL) {
			s64 off = time_status & STA_NANO ? txc->offset
							 : txc->offset * NSEC_PER_USEC;

			time_offset = clamp_t(s64, off, -MAXPHASE, MAXPHASE);
		}
	}
	if (txc->modes & ADJ_TICK)
		tick_usec = txc->tick;
}

/* Read and change the NTP state; returns the clock state or -errno. */
static int do_adjtimex(struct __kernel_timex *txc)
{
	u64 now;
	int ret;

	ret = validate_timex(txc);
	if (ret)
		return ret;
	if (txc->modes & ADJ_SETOFFSET) {
		ret = inject_offset(txc);
		if (ret)
			return ret;
	}
	spin_lock_irq(&ntp_lock);
	if (txc->modes & ADJ_ADJTIME) {
		s64 old = time_adjust;

		if (!(txc->modes & ADJ_OFFSET_READONLY))
			time_adjust = txc->offset;
		txc->offset = old;	/* adjtime(3) returns the slew left */
	} else {
		apply_modes(txc);
		txc->offset = time_status & STA_NANO ? time_offset : time_offset / NSEC_PER_USEC;
	}
	ret = (time_status & (STA_UNSYNC | STA_CLOCKERR)) ? TIME_ERROR : TIME_OK;
	txc->freq = time_freq;
	txc->maxerror = time_maxerror;
	txc->esterror = time_esterror;
	txc->status = time_status;
	txc->constant = time_constant;
	txc->precision = 1;
	txc->tolerance = MAXFREQ_SCALED;
	txc->tick = tick_usec;
	txc->tai = time_tai;
	/* No PPS source: its fields read zero. */
	txc->ppsfreq = txc->jitter = txc->stabil = 0;
	txc->jitcnt = txc->calcnt = txc->errcnt = txc->stbcnt = 0;
	txc->shift = 0;
	spin_unlock_irq(&ntp_lock);

	now = ktime_get_real_ns();
	txc->time.tv_sec = now / NSEC_PER_SEC;
	txc->time.tv_usec = now % NSEC_PER_SEC;
	if (!(time_status & STA_NANO))
		txc->time.tv_usec /= NSEC_PER_USEC;
	return ret;
}

static long adjtimex_user(struct __kernel_timex __user *utx)
{
	struct __kernel_timex txc;
	int ret;

	if (copy_from_user(&txc, utx, sizeof(txc)))
		return -EFAULT;
	ret = do_adjtimex(&txc);
	if (ret < 0)
		return ret;
	/* Padding included: nothing of the kernel stack leaks (all fields set). */
	if (copy_to_user(utx, &txc, sizeof(txc)))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE1(adjtimex, struct __kernel_timex __user *, txc_p)
{
	return adjtimex_user(txc_p);
}

SYSCALL_DEFINE2(clock_adjtime, const clockid_t, which_clock,
		struct __kernel_timex __user *, utx)
{
	switch (which_clock) {
	case CLOCK_REALTIME:
		return adjtimex_user(utx);
	case CLOCK_MONOTONIC:
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	case CLOCK_REALTIME_ALARM:
	case CLOCK_BOOTTIME_ALARM:
	case CLOCK_TAI:
		return -EOPNOTSUPP;	/* only the wall clock is disciplined */
	default:
		return -EINVAL;
	}
}
