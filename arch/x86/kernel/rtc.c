// SPDX-License-Identifier: GPL-2.0
/*
 * The CMOS real-time clock: the only source of wall-clock time a PC has
 * at boot.  Read once; from then on time advances with the TSC.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/time64.h>
#include <asm/io.h>

#define RTC_PORT_INDEX	0x70
#define RTC_PORT_DATA	0x71
#define RTC_SECONDS	0x00
#define RTC_MINUTES	0x02
#define RTC_HOURS	0x04
#define RTC_DAY		0x07
#define RTC_MONTH	0x08
#define RTC_YEAR	0x09
#define RTC_CENTURY	0x32
#define RTC_REG_A	0x0a
#define RTC_REG_B	0x0b
#define RTC_UIP		0x80	/* update in progress */
#define RTC_DM_BINARY	0x04
#define RTC_24H		0x02

static DEFINE_SPINLOCK(rtc_lock);

static u8 cmos_read(u8 reg)
{
	outb(reg, RTC_PORT_INDEX);
	return inb(RTC_PORT_DATA);
}

static unsigned int bcd2bin(u8 v)
{
	return (v & 0x0f) + (v >> 4) * 10;
}

/* Days since the epoch of a civil date (proleptic Gregorian calendar). */
static s64 days_from_civil(s64 y, unsigned int m, unsigned int d)
{
	s64 era;
	unsigned int yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned int)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (s64)doe - 719468;
}

/* Seconds since 1970 according to the RTC (assumed to keep UTC). */
s64 read_persistent_clock(void)
{
	unsigned int sec, min, hour, day, mon, year, century = 0;
	unsigned long flags;
	u8 regb;
	int spins = 1000000;

	spin_lock_irqsave(&rtc_lock, flags);
	/* Wait out an update, then read; the whole read takes microseconds. */
	while ((cmos_read(RTC_REG_A) & RTC_UIP) && --spins)
		;
	sec = cmos_read(RTC_SECONDS);
	min = cmos_read(RTC_MINUTES);
	hour = cmos_read(RTC_HOURS);
	day = cmos_read(RTC_DAY);
	mon = cmos_read(RTC_MONTH);
	year = cmos_read(RTC_YEAR);
	century = cmos_read(RTC_CENTURY);
	regb = cmos_read(RTC_REG_B);
	spin_unlock_irqrestore(&rtc_lock, flags);

	if (!(regb & RTC_DM_BINARY)) {
		bool pm = hour & 0x80;

		sec = bcd2bin(sec);
		min = bcd2bin(min);
		hour = bcd2bin(hour & 0x7f) | (pm ? 0x80 : 0);
		day = bcd2bin(day);
		mon = bcd2bin(mon);
		year = bcd2bin(year);
		century = bcd2bin(century);
	}
	if (!(regb & RTC_24H) && (hour & 0x80))
		hour = (hour & 0x7f) % 12 + 12;
	hour &= 0x7f;
	year += century >= 19 && century <= 21 ? century * 100 : (year < 70 ? 2000 : 1900);
	if (!mon || mon > 12 || !day || day > 31)
		return 0;
	return days_from_civil(year, mon, day) * 86400 + hour * 3600 + min * 60 + sec;
}
