// SPDX-License-Identifier: GPL-2.0
/*
 * Converting text to integers.  Everything funnels into parse_digits(),
 * which reads digits of one base and notes overflow; around it sit two
 * front ends with different contracts:
 *
 *  - kstrto*(): the whole string must be a number that fits.  Used for
 *    anything written by user space (sysfs, /proc, module parameters).
 *  - simple_strto*(): read as far as the digits go and report where that
 *    was; overflow wraps silently.  Used by the boot command line
 *    (memparse, get_option) and by sscanf().
 *
 * Bases go up to 16.  Base 0 picks one from the text the way C does:
 * "0x1f" is hex, "017" octal, anything else decimal.
 */
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/errno.h>

/* The value of digit @c, or 16 (too big for every base) if it is none. */
static unsigned int digit_value(char c)
{
	if (isdigit(c))
		return c - '0';
	if (isxdigit(c))
		return _tolower(c) - 'a' + 10;
	return 16;
}

static bool has_hex_prefix(const char *s)
{
	return s[0] == '0' && _tolower(s[1]) == 'x' && isxdigit(s[2]);
}

/*
 * Settle the base for @s (if it is 0) and return where the digits start:
 * past a "0x" when the number is hex.  A "0x" with no hex digit after it
 * is not a prefix: the number is the "0" and the "x" is left over.
 */
static const char *skip_radix_prefix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (has_hex_prefix(s))
			*base = 16;
		else if (s[0] == '0')
			*base = 8;
		else
			*base = 10;
	}
	if (*base == 16 && has_hex_prefix(s))
		s += 2;
	return s;
}

/*
 * Read at most @max_chars digits of @base into *@res and return how many
 * were read.  On overflow *@overflow is set and the value wraps modulo
 * 2^64, which is what the simple_strto*() callers have always seen.
 */
static size_t parse_digits(const char *s, unsigned int base, size_t max_chars,
			   unsigned long long *res, bool *overflow)
{
	unsigned long long r = 0;
	size_t n;

	*overflow = false;
	for (n = 0; n < max_chars; n++) {
		unsigned int v = digit_value(s[n]);

		if (v >= base)
			break;
		if (r > (U64_MAX - v) / base)
			*overflow = true;
		r = r * base + v;
	}
	*res = r;
	return n;
}

/* An unsigned number with no sign, then at most a newline, then the end. */
static int parse_whole(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long r;
	bool overflow;
	size_t n;

	if (base == 1 || base > 16)
		return -EINVAL;
	s = skip_radix_prefix(s, &base);
	n = parse_digits(s, base, SIZE_MAX, &r, &overflow);
	if (n == 0)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	s += n;
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*res = r;
	return 0;
}

/**
 * kstrtoull - convert a whole string to an unsigned long long
 * @s: the text: an optional '+', the digits, an optional '\n'
 * @base: 2..16, or 0 to choose from the text
 * @res: where the result goes; untouched on error
 *
 * Returns 0, -EINVAL when @s is not exactly one number, or -ERANGE when
 * the number does not fit.
 */
int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	if (s[0] == '+')
		s++;
	return parse_whole(s, base, res);
}
EXPORT_SYMBOL(kstrtoull);

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long tmp;
	int ret;

	if (s[0] != '-') {
		ret = kstrtoull(s, base, &tmp);
		if (ret)
			return ret;
		if (tmp > (unsigned long long)S64_MAX)
			return -ERANGE;
		*res = tmp;
		return 0;
	}

	ret = parse_whole(s + 1, base, &tmp);
	if (ret)
		return ret;
	/* The magnitude of S64_MIN is one more than S64_MAX. */
	if (tmp > (unsigned long long)S64_MAX + 1)
		return -ERANGE;
	*res = (long long)(0 - tmp);
	return 0;
}
EXPORT_SYMBOL(kstrtoll);

int kstrtoul(const char *s, unsigned int base, unsigned long *res)
{
	unsigned long long tmp;
	int ret = kstrtoull(s, base, &tmp);

	if (!ret)
		*res = tmp;
	return ret;
}
EXPORT_SYMBOL(kstrtoul);

int kstrtol(const char *s, unsigned int base, long *res)
{
	long long tmp;
	int ret = kstrtoll(s, base, &tmp);

	if (!ret)
		*res = tmp;
	return ret;
}
EXPORT_SYMBOL(kstrtol);

/* The narrow variants parse at full width, then check the range. */
#define DEFINE_KSTRTO_UNSIGNED(name, type, max)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	unsigned long long tmp;						\
	int ret = kstrtoull(s, base, &tmp);				\
									\
	if (ret)							\
		return ret;						\
	if (tmp > (max))						\
		return -ERANGE;						\
	*res = tmp;							\
	return 0;							\
}

#define DEFINE_KSTRTO_SIGNED(name, type, min, max)			\
int name(const char *s, unsigned int base, type *res)			\
{									\
	long long tmp;							\
	int ret = kstrtoll(s, base, &tmp);				\
									\
	if (ret)							\
		return ret;						\
	if (tmp < (min) || tmp > (max))					\
		return -ERANGE;						\
	*res = tmp;							\
	return 0;							\
}

DEFINE_KSTRTO_UNSIGNED(kstrtouint, unsigned int, UINT_MAX)
EXPORT_SYMBOL(kstrtouint);
DEFINE_KSTRTO_SIGNED(kstrtoint, int, INT_MIN, INT_MAX)
EXPORT_SYMBOL(kstrtoint);
DEFINE_KSTRTO_UNSIGNED(kstrtou16, u16, U16_MAX)
EXPORT_SYMBOL(kstrtou16);
DEFINE_KSTRTO_SIGNED(kstrtos16, s16, -32768, 32767)
EXPORT_SYMBOL(kstrtos16);
DEFINE_KSTRTO_UNSIGNED(kstrtou8, u8, U8_MAX)
EXPORT_SYMBOL(kstrtou8);
DEFINE_KSTRTO_SIGNED(kstrtos8, s8, -128, 127)
EXPORT_SYMBOL(kstrtos8);

/*
 * Only the first character decides (two for "on"/"off"), so "yes", "Y\n"
 * and "1" are all true: y Y t T e E 1 and "on" are true, n N f F d D 0 and
 * "off" are false.
 */
int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;

	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case 'e': case 'E': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case 'd': case 'D': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (_tolower(s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (_tolower(s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}
EXPORT_SYMBOL(kstrtobool);

/**
 * simple_strntoull - read an unsigned number from the start of a string
 * @cp: the text; no leading space or sign is skipped
 * @endp: if not NULL, set to the first character not used
 * @base: 2..16, or 0 to choose from the text
 * @max_chars: read no more than this many characters, "0x" included
 *
 * Nothing readable gives 0 with *@endp == @cp.  Overflow wraps.
 */
unsigned long long simple_strntoull(const char *cp, char **endp,
				    unsigned int base, size_t max_chars)
{
	const char *digits = skip_radix_prefix(cp, &base);
	unsigned long long res;
	bool overflow;
	size_t n;

	/* A width that cuts into "0x" leaves just the leading "0". */
	if ((size_t)(digits - cp) >= max_chars)
		digits = cp;
	n = parse_digits(digits, base, max_chars - (digits - cp), &res, &overflow);
	if (endp)
		*endp = (char *)(n ? digits + n : cp);
	return res;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	return simple_strntoull(cp, endp, base, SIZE_MAX);
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return simple_strntoull(cp, endp, base, SIZE_MAX);
}

/* A leading '-' negates; with no digits after it, nothing is consumed. */
long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	char *end;
	unsigned long long v;

	if (*cp != '-')
		return simple_strntoull(cp, endp, base, SIZE_MAX);

	v = simple_strntoull(cp + 1, &end, base, SIZE_MAX);
	if (endp)
		*endp = end == cp + 1 ? (char *)cp : end;
	return (long long)(0 - v);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return simple_strtoll(cp, endp, base);
}

/* The shift for a size suffix: K, M, G, T, P, E in either case. */
static unsigned int size_suffix_shift(char c)
{
	switch (_tolower(c)) {
	case 'k': return 10;
	case 'm': return 20;
	case 'g': return 30;
	case 't': return 40;
	case 'p': return 50;
	case 'e': return 60;
	}
	return 0;
}

/**
 * memparse - read a size such as "64M" or "0x1000" from the command line
 * @ptr: the text; any base simple_strtoull() accepts with base 0
 * @retptr: if not NULL, set past the number and its suffix
 *
 * The suffixes K, M, G, T, P and E multiply by powers of 1024.  The
 * number is read in full before the suffix applies, so "0x1k" is 1024
 * while "1e" is 2^60: a hex number swallows the e.
 */
unsigned long long memparse(const char *ptr, char **retptr)
{
	char *end;
	unsigned long long ret = simple_strtoull(ptr, &end, 0);
	unsigned int shift = end == ptr ? 0 : size_suffix_shift(*end);

	if (shift) {
		ret <<= shift;
		end++;
	}
	if (retptr)
		*retptr = end;
	return ret;
}

/**
 * get_option - read one integer from a comma-separated option list
 * @str: in: where to read; out: past the number (and a following comma)
 * @pint: where the integer goes (may be NULL to just skip it)
 *
 * Returns 0 when there is no integer at *@str (nothing is changed), 1 when
 * the integer ended the list, 2 when a comma followed (it is skipped), and
 * 3 when a '-' followed: the integer starts a range "a-b", and *@str is
 * left on the '-'.  Numbers may be negative and in any base-0 notation.
 */
int get_option(char **str, int *pint)
{
	char *cur = *str, *end;
	bool neg;
	unsigned long long v;

	if (!cur || !*cur)
		return 0;
	neg = *cur == '-';
	v = simple_strtoull(cur + neg, &end, 0);
	if (end == cur + neg)
		return 0;
	if (pint)
		*pint = (int)(neg ? 0 - v : v);
	*str = end;

	if (*end == ',') {
		(*str)++;
		return 2;
	}
	return *end == '-' ? 3 : 1;
}

/*
 * Fill @ints (NULL: just count) with @first, @first + 1, ... up to but not
 * including the end of the range "-last" at *@str, stopping after @room
 * numbers.  *@str moves past the '-', so the caller's next get_option()
 * reads "last" itself.  Returns how many numbers there were, or -1 when the
 * range has no end or runs backwards.
 */
static int expand_range(char **str, int first, int *ints, int room)
{
	char *end;
	long long last = simple_strtol(*str + 1, &end, 0);
	long long n = last - first;

	if (end == *str + 1 || n < 0)
		return -1;
	if (n > room)
		n = room;
	if (ints) {
		for (int i = 0; i < n; i++)
			ints[i] = (int)(first + (long long)i);
	}
	(*str)++;
	return n;
}

/**
 * get_options - read a list of integers such as "1,4-6,9"
 * @str: the text
 * @nints: size of @ints; 0 just counts the numbers
 * @ints: ints[0] receives the count, ints[1..nints-1] the numbers
 *
 * Ranges "a-b" expand to every number from a to b.  Reading stops at the
 * first thing that is not a number, after a number with no comma behind
 * it, or when @ints is full.  Returns where it stopped.
 */
char *get_options(const char *str, int nints, int *ints)
{
	bool count_only = nints == 0;
	int room = count_only ? 0 : nints - 1;
	int count = 0;
	char *s = (char *)str;

	while (count_only || count < room) {
		int value, res = get_option(&s, &value);

		if (res == 0)
			break;
		if (res == 3) {
			int n = expand_range(&s, value,
					     count_only ? NULL : ints + 1 + count,
					     count_only ? INT_MAX : room - count);
			if (n < 0)
				break;
			count += n;
			continue;
		}
		if (!count_only)
			ints[1 + count] = value;
		count++;
		if (res == 1)
			break;
	}
	ints[0] = count;
	return s;
}
