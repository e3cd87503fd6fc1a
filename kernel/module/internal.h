/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of kernel/module/ share. */
#ifndef _KERNEL_MODULE_INTERNAL_H
#define _KERNEL_MODULE_INTERNAL_H

#include <linux/module.h>
#include <linux/mutex.h>
#include <uapi/linux/elf.h>
#include <uapi/linux/module.h>
#include <linux/dynamic_debug.h>

extern struct mutex module_mutex;
extern struct list_head modules;
extern int modules_disabled;

/* The .ko being loaded: the user's image, and what was found in it. */
struct load_info {
	const char *name;
	Elf64_Ehdr *hdr;
	unsigned long len;
	Elf64_Shdr *sechdrs;
	char *secstrings, *strtab;
	Elf64_Sym *syms;
	unsigned int num_syms;
	bool gpl_compatible;
	unsigned long taints;
	struct module_layout layout[2];		/* core, init */
	/* GOT for GOTPCREL relocations: in core rodata, read-only once loaded. */
	unsigned long got_offset;
	unsigned int got_max, got_used;
	u64 *got;
	struct {
		unsigned int sym, str, mod, info;
	} index;
};

/* @source uses symbols of @target. */
struct module_use {
	struct list_head source_list;		/* on target->source_list */
	struct list_head target_list;		/* on source->target_list */
	struct module *source, *target;
};

struct find_symbol_arg {
	const char *name;
	bool gplok;		/* may GPL-only exports be used? */
	struct module *owner;	/* out: NULL for the kernel */
	const struct kernel_symbol *sym;
	bool gpl_only;
};

/* Called with module_mutex held. */
bool find_symbol(struct find_symbol_arg *fsa);
struct module *find_module(const char *name);
char *module_flags(struct module *mod, char *buf, bool show_state);
char *strndup_user(const char __user *s, long n);

/* arch/x86/kernel/module.c */
void *module_alloc(unsigned long size);
void module_memfree(void *region);
unsigned int module_got_entries(const struct load_info *info);
int apply_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
		       unsigned int relsec, struct module *mod, struct load_info *info);

/* kallsyms.c */
int module_kallsyms_init(struct module *mod, const struct load_info *info);
int verify_exported_symbols(struct module *mod);

/* sysfs.c */
int mod_sysfs_setup(struct module *mod, const struct load_info *info);
void mod_sysfs_teardown(struct module *mod);

/* kernel/params.c */
int module_params_init(struct module *mod);
void module_params_free(struct module *mod);
int module_parse_args(struct module *mod);
int module_param_set(struct module *mod, char *name, char *val, bool quiet);

int module_param_sysfs_setup(struct module *mod, struct dentry *moddir);


#endif
