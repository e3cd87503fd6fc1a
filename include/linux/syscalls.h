/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SYSCALL_DEFINEn: how a system call is written, as in the seed:
 *
 *	SYSCALL_DEFINE3(read, unsigned int, fd, char __user *, buf, size_t, count)
 *	{ ... }
 *
 * expands to __x64_sys_read(const struct pt_regs *regs), the function
 * sys_call_table points at, which takes the arguments out of the saved
 * user registers (rdi, rsi, rdx, r10, r8, r9), casts each to its declared
 * type, and calls the body as an ordinary C function.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/types.h>
#include <asm/ptrace.h>

#define __MAP0(m, ...)
#define __MAP1(m, t, a, ...) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __SC_DECL(t, a)	t a
#define __SC_LONG(t, a)	unsigned long a
#define __SC_CAST(t, a)	(t)a

/* The registers that carry arguments 1-6 of a system call, in order. */
#define __SC_ARGS1(r)	(r)->di
#define __SC_ARGS2(r)	__SC_ARGS1(r), (r)->si
#define __SC_ARGS3(r)	__SC_ARGS2(r), (r)->dx
#define __SC_ARGS4(r)	__SC_ARGS3(r), (r)->r10
#define __SC_ARGS5(r)	__SC_ARGS4(r), (r)->r8
#define __SC_ARGS6(r)	__SC_ARGS5(r), (r)->r9

/*
 * What the syscall trace events (events/syscalls/sys_enter_<name>) know
 * of a call: its name and its arguments' types and names, as written in
 * its SYSCALL_DEFINEn.  One per definition, gathered by the linker in
 * __syscalls_metadata; kernel/trace/trace_syscalls.c matches them to
 * table numbers by the function pointer.
 */
struct syscall_metadata {
	const char *name;		/* "sys_read" */
	int nb_args;
	const char *const *types;
	const char *const *args;
	long (*fn)(const struct pt_regs *regs);
};

#define __SC_STR_ADECL(t, a)	#a
#define __SC_STR_TDECL(t, a)	#t

#define SYSCALL_METADATA(sname, nb, ...)				\
	static const char *const __types_sys##sname[] = {		\
		__MAP(nb, __SC_STR_TDECL, __VA_ARGS__) };		\
	static const char *const __args_sys##sname[] = {		\
		__MAP(nb, __SC_STR_ADECL, __VA_ARGS__) };		\
	static const struct syscall_metadata __syscall_meta_sys##sname = { \
		.name = "sys" #sname, .nb_args = nb,			\
		.types = __types_sys##sname, .args = __args_sys##sname,	\
		.fn = __x64_sys##sname,					\
	};								\
	static const struct syscall_metadata *const __p_syscall_meta_sys##sname \
		__attribute__((used, section("__syscalls_metadata"))) = &__syscall_meta_sys##sname;

#define SYSCALL_DEFINE0(sname)						\
	long __x64_sys_##sname(const struct pt_regs *__unused_regs);	\
	static const struct syscall_metadata __syscall_meta_sys_##sname = { \
		.name = "sys_" #sname, .fn = __x64_sys_##sname,		\
	};								\
	static const struct syscall_metadata *const __p_syscall_meta_sys_##sname \
		__attribute__((used, section("__syscalls_metadata"))) = &__syscall_meta_sys_##sname; \
	long __x64_sys_##sname(const struct pt_regs *__unused_regs)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, name, ...)					\
	long __x64_sys##name(const struct pt_regs *regs);		\
	SYSCALL_METADATA(name, x, __VA_ARGS__)				\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__));	\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__)); \
	long __x64_sys##name(const struct pt_regs *regs)		\
	{								\
		return __se_sys##name(__SC_ARGS##x(regs));			\
	}								\
	static long __se_sys##name(__MAP(x, __SC_LONG, __VA_ARGS__))	\
	{								\
		return __do_sys##name(__MAP(x, __SC_CAST, __VA_ARGS__));	\
	}								\
	static inline long __do_sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))

typedef long (*sys_call_ptr_t)(const struct pt_regs *);

const char *syscall_name(unsigned int nr);
unsigned int syscall_table_size(void);
sys_call_ptr_t syscall_table_entry(unsigned int nr);

/* Syscall trace events (kernel/trace/trace_syscalls.c); the count is of those enabled. */
extern int syscall_trace_count;
void trace_sys_enter(struct pt_regs *regs, unsigned long nr);
void trace_sys_exit(struct pt_regs *regs, long ret);

#endif
