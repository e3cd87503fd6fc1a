/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Compiler annotations.  __user marks a pointer that came from user space:
 * it may only be touched through copy_from_user() and friends.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __user
#define __iomem
#define __force
#define __percpu

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

/*
 * Spelled exactly as glibc's <sys/cdefs.h> spells it, so host unit tests
 * may include both without a macro-redefinition warning.
 */
#define __always_inline __inline __attribute__ ((__always_inline__))
#define noinline	__attribute__((__noinline__))
/* Not patched by the function tracer: no fentry NOP (see FTRACE in the Makefile). */
#define notrace		__attribute__((__no_instrument_function__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __used		__attribute__((__used__))
#define __visible	__attribute__((__externally_visible__))
#define __maybe_unused	__attribute__((__unused__))
#define __always_unused	__attribute__((__unused__))
#define __weak		__attribute__((__weak__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)	__attribute__((__format__(scanf, a, b)))
#define __cold		__attribute__((__cold__))
#define fallthrough	__attribute__((__fallthrough__))

#define barrier()	__asm__ __volatile__("" : : : "memory")

/* Force a single, untorn access that the compiler may not cache or merge. */
#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val) \
	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#define __same_type(a, b)	__builtin_types_compatible_p(__typeof__(a), __typeof__(b))
#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON: " #cond)

#endif /* _LINUX_COMPILER_H */
