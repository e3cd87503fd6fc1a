/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Module parameters.  module_param(name, type, perm) records, in the
 * module's __param section, where the variable lives and which
 * kernel_param_ops read and write it.  The loader hands every
 * "name=value" word of insmod's argument string (and the command line's
 * "module.name=value") to ops->set; a non-zero @perm also makes the
 * variable a file /sys/module/<module>/parameters/<name> whose read calls
 * ops->get and whose write calls ops->set (kernel/params.c).
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/types.h>
#include <linux/compiler.h>

#ifdef MODULE
#define MODULE_PARAM_PREFIX	/* parameters of a .ko need no prefix */
#else
#define MODULE_PARAM_PREFIX	KBUILD_MODNAME "."
#endif

struct module;
struct kernel_param;

struct kernel_param_ops {
	unsigned int flags;
	/* Parse @val (NULL for a bare "name") into the variable. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/* Print the value and a newline into @buffer (a page); return the length. */
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

#define KERNEL_PARAM_OPS_FL_NOARG	(1 << 0)	/* "name" alone means "name=1" */

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* Compile-time: a parameter file may not be writable by everyone. */
#define VERIFY_OCTAL_PERMISSIONS(perm)						\
	((perm) + 0 * (int)sizeof(struct { int : (-!!((perm) & 0002)); }))

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)		\
	static const char __param_str_##name[] = prefix #name;			\
	static const struct kernel_param __param_##name				\
		__used __section("__param") __aligned(sizeof(void *)) = {	\
		__param_str_##name, THIS_MODULE, ops,				\
		VERIFY_OCTAL_PERMISSIONS(perm), level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm)					\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

/* "parmtype=name:type" in .modinfo, which modinfo(8) shows. */
#define __MODULE_PARM_TYPE(name, _type)						\
	__MODULE_INFO(parmtype, name##type, #name ":" _type)

#define __param_check(name, p, type)						\
	static inline type __always_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)

#define module_param_named(name, value, type, perm)				\
	param_check_##type(name, &(value));					\
	module_param_cb(name, &param_ops_##type, &value, perm);			\
	__MODULE_PARM_TYPE(name, #type)

#define module_param(name, type, perm)						\
	module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)				\
	static const struct kparam_string __param_string_##name =		\
		{ len, string };						\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_ops_string,	\
			    .str = &__param_string_##name, perm, -1, 0);	\
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)		\
	param_check_##type(name, &(array)[0]);					\
	static const struct kparam_array __param_arr_##name = {		\
		.max = ARRAY_SIZE(array), .num = nump,				\
		.ops = &param_ops_##type,					\
		.elemsize = sizeof(array[0]), .elem = array };			\
	__module_param_call(MODULE_PARAM_PREFIX, name, &param_array_ops,	\
			    .arr = &__param_arr_##name, perm, -1, 0);		\
	__MODULE_PARM_TYPE(name, "array of " #type)

#define module_param_array(name, type, nump, perm)				\
	module_param_array_named(name, name, type, nump, perm)

#define DECLARE_PARAM_OPS(type)							\
	extern const struct kernel_param_ops param_ops_##type;			\
	int param_set_##type(const char *val, const struct kernel_param *kp);	\
	int param_get_##type(char *buffer, const struct kernel_param *kp)

DECLARE_PARAM_OPS(byte);
DECLARE_PARAM_OPS(short);
DECLARE_PARAM_OPS(ushort);
DECLARE_PARAM_OPS(int);
DECLARE_PARAM_OPS(uint);
DECLARE_PARAM_OPS(long);
DECLARE_PARAM_OPS(ulong);
DECLARE_PARAM_OPS(ullong);
DECLARE_PARAM_OPS(hexint);
DECLARE_PARAM_OPS(charp);
DECLARE_PARAM_OPS(bool);
DECLARE_PARAM_OPS(invbool);
DECLARE_PARAM_OPS(string);
extern const struct kernel_param_ops param_array_ops;

/*
 * Apply "name=value" words of @args to @params (kernel/params.c); @doing
 * names the module for messages.  Unknown names fail with -ENOENT unless
 * @unknown takes them.
 */
int parse_module_args(const char *doing, char *args, const struct kernel_param *params,
		      unsigned int num, int (*unknown)(char *param, char *val, const char *doing,
						       void *arg), void *arg);

#endif /* _LINUX_MODULEPARAM_H */
