/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loadable modules (kernel/module/).  A module is an ELF relocatable
 * (.ko) that the kernel links into itself at run time: init_module(2)
 * copies it in, the loader lays its sections out in the module area,
 * resolves its undefined symbols against the kernel's exports (and other
 * modules'), applies its relocations, and calls its init function.
 *
 * struct module is shared between the kernel and every .ko: the build
 * (scripts/Makefile.modules) compiles one into each module as
 * __this_module, in section .gnu.linkonce.this_module, with the name and
 * the init/exit functions filled in; the loader fills in the rest.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/cache.h>
#include <linux/list.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kallsyms.h>
#include <linux/moduleparam.h>
#include <linux/atomic.h>
/*
 * wait_event*() and wake_up*() (<linux/wait.h>) expand to task states and
 * schedule_timeout() from <linux/sched.h>, which includes wait.h itself;
 * every module includes this header, so a module that names only
 * <linux/wait.h> for them still builds, as it does against Linux.
 */
#include <linux/sched.h>
#include <asm/extable.h>

#define MODULE_ARCH_VERMAGIC	""

/* "release mod_unload": what a .ko must have been built for. */
#define VERMAGIC_STRING		UTS_RELEASE " mod_unload " MODULE_ARCH_VERMAGIC

enum module_state {
	MODULE_STATE_LIVE,	/* init returned 0 */
	MODULE_STATE_COMING,	/* being initialized */
	MODULE_STATE_GOING,	/* init failed, or being removed */
	MODULE_STATE_UNFORMED,	/* still being laid out */
};

/* One contiguous allocation: text (RX), then rodata (RO), then data (RW). */
struct module_layout {
	void *base;
	unsigned int size;
	unsigned int text_size;	/* [base, base + text_size) is code */
	unsigned int ro_size;	/* up to here read-only */
	unsigned int ro_after_init_size;
};

struct mod_kallsyms {
	const void *symtab;	/* Elf64_Sym[num_symtab], the module's own copy */
	unsigned int num_symtab;
	const char *strtab;
	const char *typetab;	/* nm-style letter per symbol */
};

struct module_sect_attrs;
struct dentry;
struct _ddebug;

struct module {
	enum module_state state;
	struct list_head list;			/* on the modules list */
	char name[MODULE_NAME_LEN];

	/* What it exports. */
	const struct kernel_symbol *syms;
	unsigned int num_syms;
	const struct kernel_symbol *gpl_syms;
	unsigned int num_gpl_syms;

	/* Its parameters. */
	const struct kernel_param *kp;
	unsigned int num_kp;

	int (*init)(void);
	void (*exit)(void);

	struct module_layout core_layout;
	struct module_layout init_layout;	/* freed once init returns */

	bool gpl_compatible;
	unsigned long taints;			/* TAINT_* bits it brought */
	char *args;				/* what insmod passed */
	const char *version;
	const char *srcversion;

	struct mod_kallsyms kallsyms;
	void *kallsyms_copy;			/* the kmalloc block kallsyms points into */

	/* Dependencies: modules whose symbols this one uses, and the reverse. */
	struct list_head source_list;		/* module_use.source_list: users of this one */
	struct list_head target_list;		/* module_use.target_list: what this one uses */
	atomic_t refcnt;			/* try_module_get references */

	struct dentry *mkobj;			/* /sys/module/<name> */
	struct dentry *holders_dir;
	struct module_sect_attrs *sect_attrs;
	struct list_head param_attrs;

	struct _ddebug *dyndbg;			/* __dyndbg section: its pr_debug sites */
	unsigned int num_dyndbg;

	/* The .ko's exception table, for a fault in its copy_*_user inlines. */
	const struct exception_table_entry *extable;
	unsigned int num_exentries;

	void *noinstr_pad[4];			/* room to grow without a flag day */
} __aligned(64);

#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)

/* "tag=info" strings in .modinfo, which modinfo(8) and the loader read. */
#ifdef MODULE
#define __MODULE_INFO(tag, name, info)						\
	static const char __UNIQUE_ID(name)[]					\
		__used __section(".modinfo") __aligned(1) = #tag "=" info
#else
/* Built-in code keeps no .modinfo. */
#define __MODULE_INFO(tag, name, info)						\
	static const char __UNIQUE_ID(name)[] __maybe_unused = #tag "=" info
#endif
#define MODULE_INFO(tag, info)		__MODULE_INFO(tag, tag, info)

#define MODULE_LICENSE(_license)	MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	MODULE_INFO(description, _desc)
#define MODULE_VERSION(_version)	MODULE_INFO(version, _version)
#define MODULE_ALIAS(_alias)		MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	MODULE_INFO(softdep, _softdep)
#define MODULE_FIRMWARE(_fw)		MODULE_INFO(firmware, _fw)
#define MODULE_IMPORT_NS(ns)		MODULE_INFO(import_ns, #ns)
#define MODULE_PARM_DESC(_parm, desc)	__MODULE_INFO(parm, _parm, #_parm ":" desc)
#define MODULE_DEVICE_TABLE(type, name)

/* kernel.modules_disabled: once set, no module loads or unloads until reboot. */
extern int modules_disabled;

bool try_module_get(struct module *module);
void module_put(struct module *module);
void __module_get(struct module *module);
unsigned int module_refcount(struct module *mod);
#define module_name(mod)	((mod) ? (mod)->name : "kernel")

/* The module whose memory holds @addr, or NULL (kernel/module/main.c). */
struct module *__module_address(unsigned long addr);
bool is_module_address(unsigned long addr);
bool is_module_text_address(unsigned long addr);

/* Symbol lookup across loaded modules, for kallsyms and oopses. */
const char *module_address_lookup(unsigned long addr, unsigned long *size,
				  unsigned long *offset, char **modname, char *namebuf);
unsigned long module_kallsyms_lookup_name(const char *name);
struct seq_file;
void module_kallsyms_show(struct seq_file *m, bool show_value);
const struct exception_table_entry *search_module_extables(unsigned long addr);

/* /proc/modules (kernel/module/procfs.c). */
int modules_proc_show(struct seq_file *m, void *v);

/* Writes "Modules linked in: a b c" for an oops. */
void print_modules(void);

#endif /* _LINUX_MODULE_H */
