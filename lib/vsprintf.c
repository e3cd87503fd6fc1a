// SPDX-License-Identifier: GPL-2.0
/*
 * printf-style formatting into strings, and sscanf() back out of them.
 * printk(), panic(), /proc and sysfs all end up in vsnprintf() here.
 *
 * The standard conversions (%d %i %u %o %x %X %c %s %%, flags "-+ 0#",
 * width, precision, "*", length modifiers hh h l ll z t j) produce exactly
 * what the C library's snprintf() produces; the host unit tests compare
 * the two byte for byte.  There is no floating point in the kernel, so no
 * %f, %e or %g; an unknown conversion ends the output, because the
 * arguments after it can no longer be found safely.
 *
 * %p is the kernel's own, as in Linux:
 *   %p       not the address but a keyed hash of it (see ptr_to_id()), so
 *            the log can tell objects apart without telling anyone where
 *            the kernel lives; NULL and error pointers print as they are
 *   %px      the raw pointer as 16 lowercase hex digits, no "0x": only
 *            where the address itself is the point (oopses, slub_debug)
 *   %pK      for files a user may read: governed by kptr_restrict (0 as
 *            %p, 1 raw only to a CAP_SYSLOG reader, 2 zeros)
 *   %pS      symbol+0xoffset/0xsize, via kallsyms_lookup()
 *   %ps      symbol alone
 *   %pB      like %pS for a return address taken from a stack: the lookup
 *            uses address - 1, so a call that is the last instruction of
 *            a function is not credited to the next function
 *   %pa      *(phys_addr_t *) as 0x%016llx
 *   %*ph     hex dump of up to 64 bytes, separated by ' ' (%phC ':',
 *            %phD '-', %phN nothing); the width is the byte count
 *   %pM      a 6-byte Ethernet address, xx:xx:xx:xx:xx:xx
 *   %pI4     a 4-byte IPv4 address (network order) in dotted quad
 * Any letters and digits straight after %p belong to it ("%pSR" is %pS),
 * and an extension not listed prints like %p.
 *
 * Output goes through struct out, which counts every character but only
 * stores those that fit: the count is the C99 "would have written" length.
 */
#include <linux/kernel.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kstrtox.h>
#include <linux/kallsyms.h>
#include <linux/err.h>
#include <linux/random.h>
#include <linux/siphash.h>

struct out {
	char *buf;
	size_t size;	/* bytes of @buf, room for the NUL included */
	size_t len;	/* characters produced so far, stored or not */
};

static void emit(struct out *o, char c)
{
	if (o->len < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void emit_repeat(struct out *o, char c, long n)
{
	for (; n > 0; n--)
		emit(o, c);
}

static void emit_mem(struct out *o, const char *s, size_t n)
{
	for (; n; n--)
		emit(o, *s++);
}

/* The NUL goes after the output, or over the last byte when it was cut. */
static void terminate(struct out *o)
{
	if (o->size)
		o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
}

/* One conversion specification, as read from the format. */
struct printf_spec {
	unsigned int flags;
	int width;		/* -1: none given */
	int precision;		/* -1: none given */
	char qualifier;		/* 0, 'H' (hh), 'h', 'l', 'L' (ll), 'z', 't', 'j' */
};

#define LEFT	0x01	/* '-': pad on the right */
#define PLUS	0x02	/* '+': positive numbers get a '+' */
#define SPACE	0x04	/* ' ': positive numbers get a ' ' */
#define ZEROPAD	0x08	/* '0': pad numbers with zeros after the sign */
#define SPECIAL	0x10	/* '#': "0x" before hex, a leading 0 for octal */
#define SIGN	0x20	/* the conversion is signed */
#define UPPER	0x40	/* %X */

static const char *parse_flags(const char *fmt, struct printf_spec *spec)
{
	for (;; fmt++) {
		switch (*fmt) {
		case '-': spec->flags |= LEFT; break;
		case '+': spec->flags |= PLUS; break;
		case ' ': spec->flags |= SPACE; break;
		case '0': spec->flags |= ZEROPAD; break;
		case '#': spec->flags |= SPECIAL; break;
		default: return fmt;
		}
	}
}

/* A decimal count in the format; absurd ones stop growing at INT_MAX. */
static const char *parse_count(const char *fmt, int *count)
{
	long n = 0;

	for (; isdigit(*fmt); fmt++) {
		n = n * 10 + (*fmt - '0');
		if (n > INT_MAX)
			n = INT_MAX;
	}
	*count = n;
	return fmt;
}

/* A "*" width or precision comes from the arguments, as an int. */
static int star_arg(va_list *ap, bool *negative)
{
	int v = va_arg(*ap, int);

	*negative = v < 0;
	if (v == INT_MIN)
		return INT_MAX;
	return *negative ? -v : v;
}

/* A negative "*" width means '-' and its magnitude, as in C. */
static const char *parse_width(const char *fmt, struct printf_spec *spec,
			       va_list *ap)
{
	bool negative;

	if (isdigit(*fmt))
		return parse_count(fmt, &spec->width);
	if (*fmt == '*') {
		spec->width = star_arg(ap, &negative);
		if (negative)
			spec->flags |= LEFT;
		fmt++;
	}
	return fmt;
}

/* "." alone is precision 0; a negative "*" precision counts as none. */
static const char *parse_precision(const char *fmt, struct printf_spec *spec,
				   va_list *ap)
{
	bool negative;

	if (*fmt != '.')
		return fmt;
	fmt++;
	if (*fmt == '*') {
		spec->precision = star_arg(ap, &negative);
		if (negative)
			spec->precision = -1;
		return fmt + 1;
	}
	return parse_count(fmt, &spec->precision);
}

static const char *parse_qualifier(const char *fmt, struct printf_spec *spec)
{
	switch (*fmt) {
	case 'h':
	case 'l':
		spec->qualifier = *fmt++;
		if (*fmt == spec->qualifier) {
			spec->qualifier = *fmt == 'h' ? 'H' : 'L';
			fmt++;
		}
		return fmt;
	case 'L':
	case 'q':
		spec->qualifier = 'L';
		return fmt + 1;
	case 'Z':
		spec->qualifier = 'z';
		return fmt + 1;
	case 'z':
	case 't':
	case 'j':
		spec->qualifier = *fmt;
		return fmt + 1;
	}
	return fmt;
}

/* Arguments narrower than int arrive promoted and are cut back here. */
static unsigned long long fetch_unsigned(char qualifier, va_list *ap)
{
	switch (qualifier) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned int);
	case 'h': return (unsigned short)va_arg(*ap, unsigned int);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'j': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (unsigned long)va_arg(*ap, ptrdiff_t);
	}
	return va_arg(*ap, unsigned int);
}

static long long fetch_signed(char qualifier, va_list *ap)
{
	switch (qualifier) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'j': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, ssize_t);
	case 't': return va_arg(*ap, ptrdiff_t);
	}
	return va_arg(*ap, int);
}

/* Digits of @num in @base, least significant first; returns the count. */
static int reversed_digits(char *digits, unsigned long long num,
			   unsigned int base, bool upper)
{
	const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	int n = 0;

	do {
		digits[n++] = set[num % base];
		num /= base;
	} while (num);
	return n;
}

/*
 * The sign character C puts before a number: '-', or for non-negative
 * signed conversions '+' or ' ' if asked for; unsigned ones get none.
 */
static char sign_char(bool negative, unsigned int flags)
{
	if (!(flags & SIGN))
		return 0;
	if (negative)
		return '-';
	if (flags & PLUS)
		return '+';
	if (flags & SPACE)
		return ' ';
	return 0;
}

/*
 * Lay out [spaces][sign][0x][zeros][digits][spaces].  The zeros come from
 * the precision (the minimum digit count; precision 0 prints the number 0
 * as nothing at all), from '#' on octal (which wants a leading 0), and
 * from the '0' flag, which C ignores when there is a precision or '-'.
 */
static void format_number(struct out *o, unsigned long long num, bool negative,
			  unsigned int base, const struct printf_spec *spec)
{
	char digits[24];
	int ndigits = reversed_digits(digits, num, base, spec->flags & UPPER);
	char sign = sign_char(negative, spec->flags);
	const char *prefix = "";
	long zeros, pad;

	if (num == 0 && spec->precision == 0)
		ndigits = 0;
	zeros = spec->precision > ndigits ? spec->precision - ndigits : 0;
	if (spec->flags & SPECIAL) {
		if (base == 16 && num)
			prefix = spec->flags & UPPER ? "0X" : "0x";
		if (base == 8 && zeros == 0 && (num || ndigits == 0))
			zeros = 1;
	}

	pad = (long)spec->width - (sign != 0) - (long)strlen(prefix) - zeros - ndigits;
	if ((spec->flags & (LEFT | ZEROPAD)) == ZEROPAD && spec->precision < 0 &&
	    pad > 0) {
		zeros += pad;
		pad = 0;
	}

	if (!(spec->flags & LEFT))
		emit_repeat(o, ' ', pad);
	if (sign)
		emit(o, sign);
	emit_mem(o, prefix, strlen(prefix));
	emit_repeat(o, '0', zeros);
	while (ndigits)
		emit(o, digits[--ndigits]);
	if (spec->flags & LEFT)
		emit_repeat(o, ' ', pad);
}

static void format_integer(struct out *o, char conv, struct printf_spec *spec,
			   va_list *ap)
{
	unsigned int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
	unsigned long long num;
	bool negative = false;

	if (conv == 'X')
		spec->flags |= UPPER;
	if (conv == 'd' || conv == 'i') {
		long long v = fetch_signed(spec->qualifier, ap);

		spec->flags |= SIGN;
		negative = v < 0;
		/* Negate as unsigned: -LLONG_MIN does not exist as a long long. */
		num = negative ? 0 - (unsigned long long)v : (unsigned long long)v;
	} else {
		num = fetch_unsigned(spec->qualifier, ap);
	}
	format_number(o, num, negative, base, spec);
}

/* @len bytes of @s, padded with spaces to the width. */
static void format_text(struct out *o, const char *s, size_t len,
			const struct printf_spec *spec)
{
	long pad = spec->width > 0 && (size_t)spec->width > len ?
		   spec->width - (long)len : 0;

	if (!(spec->flags & LEFT))
		emit_repeat(o, ' ', pad);
	emit_mem(o, s, len);
	if (spec->flags & LEFT)
		emit_repeat(o, ' ', pad);
}

/* A char arrives promoted to int; only its low byte is printed. */
static void format_char(struct out *o, int c, const struct printf_spec *spec)
{
	char byte = (unsigned char)c;

	format_text(o, &byte, 1, spec);
}

/* The precision bounds how much of @s is read, so it need not end in NUL. */
static void format_string(struct out *o, const char *s,
			  const struct printf_spec *spec)
{
	size_t len;

	if (!s)
		s = "(null)";
	len = spec->precision < 0 ? strlen(s) : strnlen(s, spec->precision);
	format_text(o, s, len, spec);
}

/*
 * "name+0xoff/0xsize" (kind 'S', 'B') or "name" (kind 's'), with
 * " [module]" for a module's symbol.  For 'B' the lookup is done one byte
 * before @addr (see the top of the file) but the offset printed is @addr's.
 */
static void symbol_text(char *buf, size_t size, unsigned long addr, char kind)
{
	unsigned long lookup = kind == 'B' ? addr - 1 : addr;
	unsigned long symsize = 0, offset = 0;
	char namebuf[KSYM_NAME_LEN];
	char *modname = NULL;
	const char *name;
	int len;

	name = kallsyms_lookup(lookup, &symsize, &offset, &modname, namebuf);
	if (!name) {
		snprintf(buf, size, "0x%lx", addr);
		return;
	}
	offset += addr - lookup;
	if (kind == 's')
		len = scnprintf(buf, size, "%s", name);
	else
		len = scnprintf(buf, size, "%s+0x%lx/0x%lx", name, offset, symsize);
	if (modname && *modname)
		scnprintf(buf + len, size - len, " [%s]", modname);
}

static void format_symbol(struct out *o, void *ptr, char kind,
			  const struct printf_spec *spec)
{
	char sym[KSYM_SYMBOL_LEN];

	symbol_text(sym, sizeof(sym), (unsigned long)ptr, kind);
	format_string(o, sym, spec);
}

/* The raw value: 16 hex digits unless a width says otherwise. */
static void format_raw_pointer(struct out *o, void *ptr, struct printf_spec *spec)
{
	if (spec->width < 0) {
		spec->width = 2 * sizeof(void *);
		spec->flags |= ZEROPAD;
	}
	spec->flags &= ~(SIGN | SPECIAL | PLUS | SPACE);
	format_number(o, (unsigned long)ptr, false, 16, spec);
}

/*
 * The per-boot key of %p's hash, drawn from the random pool the first
 * time a %p is printed after the pool is seeded.  Until then %p prints a
 * placeholder rather than a hash under a key anyone could guess.  A printk
 * from an interrupt that lands during the first fill may hash with a
 * half-written key; after that the key never changes.
 */
static siphash_key_t ptr_key;
static bool ptr_key_filled;

int kptr_restrict;

static int ptr_to_hashval(const void *ptr, unsigned long *hashval)
{
	if (!READ_ONCE(ptr_key_filled)) {
		if (!rng_is_initialized())
			return -EAGAIN;
		get_random_bytes(&ptr_key, sizeof(ptr_key));
		WRITE_ONCE(ptr_key_filled, true);
	}
	/* 32 bits tell objects apart; the zero top half says "not an address". */
	*hashval = (unsigned long)siphash_1u64((u64)(unsigned long)ptr, &ptr_key) & 0xffffffff;
	return 0;
}

static void ptr_to_id(struct out *o, void *ptr, struct printf_spec *spec)
{
	unsigned long hashval;

	if (IS_ERR_OR_NULL(ptr)) {
		format_raw_pointer(o, ptr, spec);
		return;
	}
	if (ptr_to_hashval(ptr, &hashval)) {
		if (spec->width < 0)
			spec->width = 2 * sizeof(void *);
		format_string(o, "(____ptrval____)", spec);
		return;
	}
	format_raw_pointer(o, (void *)hashval, spec);
}

/* %pK: what kptr_restrict lets the reader see (see the top of the file). */
static void restricted_pointer(struct out *o, void *ptr, struct printf_spec *spec)
{
	switch (READ_ONCE(kptr_restrict)) {
	case 0:
		ptr_to_id(o, ptr, spec);
		return;
	case 1:
		if (!kptr_restrict_may_see())
			ptr = NULL;
		break;
	default:
		ptr = NULL;
		break;
	}
	format_raw_pointer(o, ptr, spec);
}

static void format_phys_addr(struct out *o, const phys_addr_t *addr,
			     const struct printf_spec *spec)
{
	char text[2 + 16 + 1];

	if (!addr) {
		format_string(o, NULL, spec);
		return;
	}
	snprintf(text, sizeof(text), "0x%016llx", (unsigned long long)*addr);
	format_string(o, text, spec);
}

static char hex_dump_separator(char variant)
{
	switch (variant) {
	case 'C': return ':';
	case 'D': return '-';
	case 'N': return 0;
	}
	return ' ';
}

/* %ph: the width is the byte count (default 1, at most 64), not padding. */
static void format_hex_dump(struct out *o, const u8 *p, char variant,
			    const struct printf_spec *spec)
{
	static const char hex[] = "0123456789abcdef";
	char sep = hex_dump_separator(variant);
	int len = spec->width < 0 ? 1 : min(spec->width, 64);

	if (len && !p) {
		emit_mem(o, "(null)", 6);
		return;
	}
	for (int i = 0; i < len; i++) {
		if (i && sep)
			emit(o, sep);
		emit(o, hex[p[i] >> 4]);
		emit(o, hex[p[i] & 0xf]);
	}
}

static void format_mac(struct out *o, const u8 *p)
{
	static const char hex[] = "0123456789abcdef";
	int i;

	for (i = 0; i < 6; i++) {
		if (i)
			emit(o, ':');
		emit(o, hex[p[i] >> 4]);
		emit(o, hex[p[i] & 0xf]);
	}
}

static void format_ipv4(struct out *o, const u8 *p, struct printf_spec *spec)
{
	char buf[16];
	int n = 0, i;

	for (i = 0; i < 4; i++) {
		unsigned int v = p[i];

		if (i)
			buf[n++] = '.';
		if (v >= 100)
			buf[n++] = '0' + v / 100;
		if (v >= 10)
			buf[n++] = '0' + v / 10 % 10;
		buf[n++] = '0' + v % 10;
	}
	buf[n] = 0;
	format_string(o, buf, spec);
}

/* @fmt is just past the 'p'; returns the format after the extension. */
static const char *format_pointer(struct out *o, const char *fmt,
				  struct printf_spec *spec, va_list *ap)
{
	void *ptr = va_arg(*ap, void *);

	switch (*fmt) {
	case 'S':
	case 's':
	case 'B':
		format_symbol(o, ptr, *fmt, spec);
		break;
	case 'a':
		format_phys_addr(o, ptr, spec);
		break;
	case 'h':
		format_hex_dump(o, ptr, fmt[1], spec);
		break;
	case 'x':
		format_raw_pointer(o, ptr, spec);
		break;
	case 'K':
		restricted_pointer(o, ptr, spec);
		break;
	case 'M':
		if (ptr)
			format_mac(o, ptr);
		break;
	case 'I':
		if (ptr && fmt[1] == '4') {
			format_ipv4(o, ptr, spec);
			break;
		}
		ptr_to_id(o, ptr, spec);
		break;
	default:
		ptr_to_id(o, ptr, spec);
		break;
	}
	while (isalnum(*fmt))
		fmt++;
	return fmt;
}

/*
 * Format the conversion whose text starts at @fmt (just past the '%') and
 * return the format after it, or NULL when the conversion is unknown.
 */
static const char *format_one(struct out *o, const char *fmt, va_list *ap)
{
	struct printf_spec spec = { .width = -1, .precision = -1 };

	fmt = parse_flags(fmt, &spec);
	fmt = parse_width(fmt, &spec, ap);
	fmt = parse_precision(fmt, &spec, ap);
	fmt = parse_qualifier(fmt, &spec);

	switch (*fmt) {
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		format_integer(o, *fmt, &spec, ap);
		break;
	case 'c':
		format_char(o, va_arg(*ap, int), &spec);
		break;
	case 's':
		format_string(o, va_arg(*ap, const char *), &spec);
		break;
	case 'p':
		return format_pointer(o, fmt + 1, &spec, ap);
	case '%':
		emit(o, '%');
		break;
	default:
		return NULL;
	}
	return fmt + 1;
}

/**
 * vsnprintf - format a string into a buffer
 * @buf: the buffer; may be NULL when @size is 0
 * @size: its size, the NUL included
 * @fmt: the format (see the top of this file)
 * @args: the arguments
 *
 * The output is always NUL-terminated when @size is not 0.  Returns the
 * number of characters the whole output has, which is @size or more when
 * it was cut: use vscnprintf() for the number actually stored.
 */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	struct out o = { .buf = buf, .size = size };
	va_list ap;

	/* A "size" this big is a negative length gone unsigned. */
	if (size > INT_MAX)
		return 0;

	va_copy(ap, args);
	while (fmt && *fmt) {
		if (*fmt != '%')
			emit(&o, *fmt++);
		else
			fmt = format_one(&o, fmt + 1, &ap);
	}
	va_end(ap);
	terminate(&o);
	return o.len;
}
EXPORT_SYMBOL(vsnprintf);

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(snprintf);

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int len = vsnprintf(buf, size, fmt, args);

	if ((size_t)len < size)
		return len;
	return size ? size - 1 : 0;
}
EXPORT_SYMBOL(vscnprintf);

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(scnprintf);

int vsprintf(char *buf, const char *fmt, va_list args)
{
	return vsnprintf(buf, INT_MAX, fmt, args);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	va_start(args, fmt);
	len = vsnprintf(buf, INT_MAX, fmt, args);
	va_end(args);
	return len;
}
EXPORT_SYMBOL(sprintf);

/*
 * sscanf() below.  One conversion is read by scan_one(); the state it
 * moves along is the input position and the count of assignments.
 */
struct scan {
	const char *start;	/* the input, for %n */
	const char *str;	/* where reading continues */
	int assigned;
};

/* Store @v through @p at the width the length modifier names. */
static void store_integer(void *p, char qualifier, unsigned long long v)
{
	switch (qualifier) {
	case 'H': *(unsigned char *)p = v; break;
	case 'h': *(unsigned short *)p = v; break;
	case 'l':
	case 'z':
	case 't': *(unsigned long *)p = v; break;
	case 'L':
	case 'j': *(unsigned long long *)p = v; break;
	default: *(unsigned int *)p = v; break;
	}
}

/*
 * A number for %d %i %u %o %x: leading white space is skipped, a sign is
 * accepted for %d and %i, and @width (if any) bounds the characters read,
 * the sign included.  Returns false when there are no digits.
 */
static bool scan_integer(struct scan *sc, char conv, int width,
			 unsigned long long *v)
{
	unsigned int base = conv == 'o' ? 8 : (conv == 'x' || conv == 'X') ? 16 :
			    conv == 'i' ? 0 : 10;
	size_t max = width > 0 ? (size_t)width : SIZE_MAX;
	const char *s = skip_spaces(sc->str);
	bool negative = false;
	char *end;

	if ((conv == 'd' || conv == 'i') && (*s == '-' || *s == '+') && max > 1) {
		negative = *s++ == '-';
		max--;
	}
	*v = simple_strntoull(s, &end, base, max);
	if (end == s)
		return false;
	if (negative)
		*v = 0 - *v;
	sc->str = end;
	return true;
}

/* %s: a run of non-space characters; %c: @width characters, spaces too. */
static bool scan_chars(struct scan *sc, char conv, int width, char *dest)
{
	const char *s = conv == 's' ? skip_spaces(sc->str) : sc->str;
	size_t max = width > 0 ? (size_t)width : conv == 'c' ? 1 : SIZE_MAX;
	size_t n = 0;

	while (n < max && s[n] && (conv == 'c' || !isspace(s[n])))
		n++;
	if (n == 0)
		return false;
	if (dest) {
		memcpy(dest, s, n);
		if (conv == 's')
			dest[n] = '\0';
	}
	sc->str = s + n;
	return true;
}

/* @fmt is just past the '%'; returns the format after it, or NULL to stop. */
static const char *scan_one(struct scan *sc, const char *fmt, va_list *ap)
{
	struct printf_spec spec = { .width = -1 };
	bool suppress = *fmt == '*';
	unsigned long long v;
	char conv;

	fmt = parse_count(fmt + suppress, &spec.width);
	fmt = parse_qualifier(fmt, &spec);
	conv = *fmt++;

	switch (conv) {
	case 'n':
		if (!suppress)
			store_integer(va_arg(*ap, void *), spec.qualifier,
				      sc->str - sc->start);
		return fmt;
	case 's':
	case 'c':
		if (!scan_chars(sc, conv, spec.width,
				suppress ? NULL : va_arg(*ap, char *)))
			return NULL;
		break;
	case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
		if (!scan_integer(sc, conv, spec.width, &v))
			return NULL;
		if (!suppress)
			store_integer(va_arg(*ap, void *), spec.qualifier, v);
		break;
	default:
		return NULL;
	}
	if (!suppress)
		sc->assigned++;
	return fmt;
}

/**
 * vsscanf - read values out of a string
 * @buf: the input
 * @fmt: %d %i %u %o %x %s %c %n with widths, "*" to read without storing,
 *	 and length modifiers hh h l ll z t j; white space in @fmt matches
 *	 any amount of it in @buf, other characters must match exactly
 * @args: pointers to store through
 *
 * Returns the number of values stored.  Stops at the first mismatch; a
 * conversion that finds no input counts as one (0 is returned, never EOF).
 */
int vsscanf(const char *buf, const char *fmt, va_list args)
{
	struct scan sc = { .start = buf, .str = buf };
	va_list ap;

	va_copy(ap, args);
	while (fmt && *fmt) {
		if (isspace(*fmt)) {
			fmt = skip_spaces(fmt);
			sc.str = skip_spaces(sc.str);
		} else if (*fmt == '%' && fmt[1] != '%') {
			fmt = scan_one(&sc, fmt + 1, &ap);
		} else {
			/* A literal character, or "%%" for a literal '%'. */
			fmt += *fmt == '%';
			if (*sc.str != *fmt)
				break;
			sc.str++;
			fmt++;
		}
	}
	va_end(ap);
	return sc.assigned;
}

int sscanf(const char *buf, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vsscanf(buf, fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(sscanf);
