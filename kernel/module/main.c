// SPDX-License-Identifier: GPL-2.0
/*
 * The module loader: how a .ko becomes part of the running kernel.
 *
 * A .ko is an ELF relocatable object, the same kind of file the compiler
 * writes for every .c before the final link; loading a module is doing
 * that final link inside the kernel.  load_module() takes the image that
 * init_module(2) or finit_module(2) copied in and:
 *
 *   1. checks the ELF headers against the image's length (a bad .ko is
 *      -ENOEXEC, never an oops), and reads .modinfo: name, license,
 *      vermagic;
 *   2. lays out every SHF_ALLOC section in two allocations from the
 *      module area: "core" (text, rodata, data) which stays, and "init"
 *      (.init.*) which is freed once the module's init returns;
 *   3. resolves each undefined symbol against the kernel's EXPORT_SYMBOL
 *      table and the exports of loaded modules (a GPL-only export only for
 *      a GPL-compatible license), recording which modules it now depends
 *      on;
 *   4. applies the relocations (arch/x86/kernel/module.c), then makes
 *      text read-only and executable and data non-executable;
 *   5. applies its parameters, publishes /sys/module/<name>, and calls
 *      its init function.  If init fails, all of this is undone.
 *
 * delete_module(2) runs the exit function and frees the module, provided
 * no other module uses it and nobody holds a reference (an open file of
 * a character device it registered, say).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/cred.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/sched.h>
#include <linux/panic.h>
#include <linux/cmdline.h>
#include <asm/set_memory.h>
#include <uapi/linux/elf.h>
#include "internal.h"
#include <trace/events/module.h>

DEFINE_MUTEX(module_mutex);
LIST_HEAD(modules);

int modules_disabled;	/* kernel.modules_disabled: once 1, stays 1 */

/* The kernel's own export tables (vmlinux.lds.S). */
extern const struct kernel_symbol __start___ksymtab[], __stop___ksymtab[];
extern const struct kernel_symbol __start___ksymtab_gpl[], __stop___ksymtab_gpl[];

/* Largest .ko accepted: far beyond any real module, short of hurting the machine. */
#define MODULE_MAX_SIZE		(64UL << 20)

/* ------------------------------------------------------------------ */
/* Reading .modinfo                                                    */

/* The value of the @n-th "tag=value" for @tag in .modinfo, or NULL. */
static const char *get_next_modinfo(const struct load_info *info, const char *tag,
				    const char *prev)
{
	const Elf64_Shdr *s = &info->sechdrs[info->index.info];
	const char *p = (const char *)info->hdr + s->sh_offset;
	const char *end = p + s->sh_size;
	size_t taglen = strlen(tag);

	if (!info->index.info)
		return NULL;
	if (prev)
		p = prev + strlen(prev) + 1;	/* prev points at a value */
	while (p < end) {
		while (p < end && !*p)		/* entries are padded with NULs */
			p++;
		if (p >= end)
			break;
		if (!strncmp(p, tag, taglen) && p[taglen] == '=')
			return p + taglen + 1;
		p += strlen(p) + 1;
	}
	return NULL;
}

static const char *get_modinfo(const struct load_info *info, const char *tag)
{
	return get_next_modinfo(info, tag, NULL);
}

/* The licenses Linux treats as GPL-compatible (include/linux/license.h). */
static bool license_is_gpl_compatible(const char *license)
{
	static const char *const ok[] = {
		"GPL", "GPL v2", "GPL and additional rights",
		"Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
	};

	for (unsigned int i = 0; i < ARRAY_SIZE(ok); i++)
		if (!strcmp(license, ok[i]))
			return true;
	return false;
}

/* ------------------------------------------------------------------ */
/* Checking the ELF image                                              */

static int elf_validity_check(struct load_info *info)
{
	const Elf64_Ehdr *hdr = info->hdr;
	const Elf64_Shdr *shstr;
	unsigned int i;

	if (info->len < sizeof(*hdr) || memcmp(hdr->e_ident, ELFMAG, SELFMAG) ||
	    hdr->e_ident[EI_CLASS] != ELFCLASS64 || hdr->e_ident[EI_DATA] != ELFDATA2LSB ||
	    hdr->e_type != ET_REL || hdr->e_machine != EM_X86_64 ||
	    hdr->e_shentsize != sizeof(Elf64_Shdr)) {
		pr_err("module: not an x86-64 relocatable ELF image\n");
		return -ENOEXEC;
	}
	if (hdr->e_shoff >= info->len || hdr->e_shnum == 0 ||
	    hdr->e_shnum > (info->len - hdr->e_shoff) / sizeof(Elf64_Shdr) ||
	    hdr->e_shstrndx == SHN_UNDEF || hdr->e_shstrndx >= hdr->e_shnum) {
		pr_err("module: section headers lie outside the image\n");
		return -ENOEXEC;
	}
	info->sechdrs = (Elf64_Shdr *)((char *)hdr + hdr->e_shoff);

	for (i = 1; i < hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type != SHT_NOBITS &&
		    (s->sh_offset > info->len || s->sh_size > info->len - s->sh_offset)) {
			pr_err("module: section %u runs past the end of the image\n", i);
			return -ENOEXEC;
		}
		if (s->sh_addralign > PAGE_SIZE ||
		    (s->sh_addralign & (s->sh_addralign - 1))) {
			pr_err("module: section %u has a bad alignment\n", i);
			return -ENOEXEC;
		}
	}

	/* Section names: a string table ending in a NUL, every name inside it. */
	shstr = &info->sechdrs[hdr->e_shstrndx];
	if (shstr->sh_type != SHT_STRTAB || shstr->sh_size == 0 ||
	    ((char *)hdr)[shstr->sh_offset + shstr->sh_size - 1] != '\0') {
		pr_err("module: bad section name table\n");
		return -ENOEXEC;
	}
	info->secstrings = (char *)hdr + shstr->sh_offset;
	for (i = 0; i < hdr->e_shnum; i++)
		if (info->sechdrs[i].sh_name >= shstr->sh_size) {
			pr_err("module: section %u has a bad name\n", i);
			return -ENOEXEC;
		}

	/* Exactly one symbol table, linked to a NUL-terminated string table. */
	for (i = 1; i < hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type != SHT_SYMTAB)
			continue;
		if (info->index.sym) {
			pr_err("module: more than one symbol table\n");
			return -ENOEXEC;
		}
		info->index.sym = i;
	}
	if (!info->index.sym) {
		pr_err("module: no symbol table (stripped?)\n");
		return -ENOEXEC;
	}
	{
		const Elf64_Shdr *sym = &info->sechdrs[info->index.sym];
		const Elf64_Shdr *str;

		if (sym->sh_entsize != sizeof(Elf64_Sym) || sym->sh_size % sizeof(Elf64_Sym) ||
		    sym->sh_link == 0 || sym->sh_link >= hdr->e_shnum) {
			pr_err("module: bad symbol table\n");
			return -ENOEXEC;
		}
		info->index.str = sym->sh_link;
		str = &info->sechdrs[info->index.str];
		if (str->sh_type != SHT_STRTAB || str->sh_size == 0 ||
		    ((char *)hdr)[str->sh_offset + str->sh_size - 1] != '\0') {
			pr_err("module: bad symbol string table\n");
			return -ENOEXEC;
		}
		info->strtab = (char *)hdr + str->sh_offset;
		info->num_syms = sym->sh_size / sizeof(Elf64_Sym);
		info->syms = (Elf64_Sym *)((char *)hdr + sym->sh_offset);
		for (i = 0; i < info->num_syms; i++)
			if (info->syms[i].st_name >= str->sh_size) {
				pr_err("module: symbol %u has a bad name\n", i);
				return -ENOEXEC;
			}
	}

	/* Relocation sections must point at a real section and the symbol table. */
	for (i = 1; i < hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if (s->sh_type == SHT_REL) {
			pr_err("module: REL relocations are not used on x86-64\n");
			return -ENOEXEC;
		}
		if (s->sh_type != SHT_RELA)
			continue;
		if (s->sh_info == 0 || s->sh_info >= hdr->e_shnum ||
		    s->sh_link != info->index.sym || s->sh_entsize != sizeof(Elf64_Rela) ||
		    s->sh_size % sizeof(Elf64_Rela)) {
			pr_err("module: bad relocation section %u\n", i);
			return -ENOEXEC;
		}
	}
	return 0;
}

static unsigned int find_sec(const struct load_info *info, const char *name)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *s = &info->sechdrs[i];

		if ((s->sh_flags & SHF_ALLOC) && !strcmp(info->secstrings + s->sh_name, name))
			return i;
	}
	return 0;
}

/* A table of @entsize-byte entries in section @name, after layout. */
static void *section_objs(const struct load_info *info, const char *name, size_t entsize,
			  unsigned int *num)
{
	unsigned int i = find_sec(info, name);

	*num = i ? info->sechdrs[i].sh_size / entsize : 0;
	return i ? (void *)info->sechdrs[i].sh_addr : NULL;
}

/* Name, license, vermagic: what can be refused before any allocation. */
static int check_modinfo(struct load_info *info, int flags)
{
	const char *vermagic, *license;

	info->index.info = 0;
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++)
		if (!strcmp(info->secstrings + info->sechdrs[i].sh_name, ".modinfo") &&
		    info->sechdrs[i].sh_type == SHT_PROGBITS) {
			info->index.info = i;
			break;
		}
	if (info->index.info) {
		const Elf64_Shdr *s = &info->sechdrs[info->index.info];

		/* Every value is read as a C string: the section must end in a NUL. */
		if (s->sh_size && ((char *)info->hdr)[s->sh_offset + s->sh_size - 1]) {
			pr_err("module: .modinfo is not NUL-terminated\n");
			return -ENOEXEC;
		}
	}

	info->index.mod = find_sec(info, ".gnu.linkonce.this_module");
	if (!info->index.mod) {
		pr_warn("module: no struct module (.gnu.linkonce.this_module): not built against this kernel\n");
		return -ENOEXEC;
	}
	if (info->sechdrs[info->index.mod].sh_size != sizeof(struct module) ||
	    info->sechdrs[info->index.mod].sh_type == SHT_NOBITS) {
		pr_err("module: struct module size mismatch: built against another kernel\n");
		return -ENOEXEC;
	}
	info->name = ((struct module *)((char *)info->hdr +
					info->sechdrs[info->index.mod].sh_offset))->name;
	if (!memchr(info->name, '\0', MODULE_NAME_LEN) || !info->name[0]) {
		pr_err("module: bad module name\n");
		return -ENOEXEC;
	}

	vermagic = get_modinfo(info, "vermagic");
	if (!(flags & MODULE_INIT_IGNORE_VERMAGIC)) {
		if (!vermagic) {
			pr_err("%s: no symbol version for module_layout\n", info->name);
			return -ENOEXEC;
		}
		if (strcmp(vermagic, VERMAGIC_STRING)) {
			pr_err("%s: version magic '%s' should be '%s'\n", info->name, vermagic,
			       VERMAGIC_STRING);
			return -ENOEXEC;
		}
	}

	license = get_modinfo(info, "license");
	info->gpl_compatible = license && license_is_gpl_compatible(license);
	if (!info->gpl_compatible) {
		if (!test_taint(TAINT_PROPRIETARY_MODULE))
			pr_warn("%s: module license '%s' taints kernel.\n", info->name,
				license ? license : "unspecified");
		info->taints |= 1UL << TAINT_PROPRIETARY_MODULE;
		/* The kernel stays tainted even if the load fails later, as on Linux. */
		add_taint(TAINT_PROPRIETARY_MODULE, LOCKDEP_NOW_UNRELIABLE);
	}
	if (!get_modinfo(info, "intree")) {
		if (!test_taint(TAINT_OOT_MODULE))
			pr_warn("%s: loading out-of-tree module taints kernel.\n", info->name);
		info->taints |= 1UL << TAINT_OOT_MODULE;
		add_taint(TAINT_OOT_MODULE, LOCKDEP_STILL_OK);
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* Layout                                                              */

/*
 * Each SHF_ALLOC section goes to core or init, and within it to one of
 * four runs that each start on a page: text, rodata, ro_after_init,
 * data.  The offset is parked in sh_entsize (unused for these sections)
 * until the memory exists, as Linux does.
 */
enum { RUN_TEXT, RUN_RO, RUN_RO_AFTER_INIT, RUN_RW, RUN_MAX };

#define INIT_OFFSET_MASK	(1UL << 63)

static unsigned int section_run(const Elf64_Shdr *s, const char *name)
{
	if (s->sh_flags & SHF_EXECINSTR)
		return RUN_TEXT;
	if (!strcmp(name, ".data..ro_after_init"))
		return RUN_RO_AFTER_INIT;
	if (!(s->sh_flags & SHF_WRITE))
		return RUN_RO;
	return RUN_RW;
}

static bool section_is_init(const char *name)
{
	return !strncmp(name, ".init", 5);
}

static void layout_sections(struct load_info *info)
{
	unsigned long core[RUN_MAX + 1] = { 0 }, init[RUN_MAX + 1] = { 0 };
	unsigned long core_size = 0, init_size = 0;
	unsigned int i, run;

	info->got_max = module_got_entries(info);
	info->got_used = 0;

	/* First pass: sizes of each run, so later runs know where they start. */
	for (run = 0; run < RUN_MAX; run++) {
		core[run] = core_size;
		init[run] = init_size;
		for (i = 1; i < info->hdr->e_shnum; i++) {
			Elf64_Shdr *s = &info->sechdrs[i];
			const char *name = info->secstrings + s->sh_name;
			unsigned long *size;

			if (!(s->sh_flags & SHF_ALLOC) || section_run(s, name) != run)
				continue;
			size = section_is_init(name) ? &init_size : &core_size;
			*size = ALIGN(*size, s->sh_addralign ? s->sh_addralign : 1);
			s->sh_entsize = *size | (section_is_init(name) ? INIT_OFFSET_MASK : 0);
			*size += s->sh_size;
		}
		/* The GOT ends the core's rodata: written once by relocation, then read-only. */
		if (run == RUN_RO && info->got_max) {
			core_size = ALIGN(core_size, sizeof(u64));
			info->got_offset = core_size;
			core_size += info->got_max * sizeof(u64);
		}
		core_size = PAGE_ALIGN(core_size);
		init_size = PAGE_ALIGN(init_size);
	}
	info->layout[0].size = core_size;
	info->layout[0].text_size = core[RUN_RO];
	info->layout[0].ro_size = core[RUN_RO_AFTER_INIT];
	info->layout[0].ro_after_init_size = core[RUN_RW];
	info->layout[1].size = init_size;
	info->layout[1].text_size = init[RUN_RO];
	info->layout[1].ro_size = init[RUN_RO_AFTER_INIT];
	info->layout[1].ro_after_init_size = init[RUN_RW];
}

void *module_alloc(unsigned long size)
{
	return __vmalloc_node_range(size, MODULES_VADDR, MODULES_END, GFP_KERNEL | __GFP_ZERO,
				    PAGE_KERNEL, __builtin_return_address(0));
}

void module_memfree(void *region)
{
	vfree(region);
}

/* Copy each allocated section to its place; sh_addr becomes the address. */
static int move_module(struct load_info *info)
{
	void *core, *init = NULL;

	core = module_alloc(info->layout[0].size ? info->layout[0].size : PAGE_SIZE);
	if (!core)
		return -ENOMEM;
	if (info->layout[1].size) {
		init = module_alloc(info->layout[1].size);
		if (!init) {
			module_memfree(core);
			return -ENOMEM;
		}
	}
	info->layout[0].base = core;
	info->layout[1].base = init;
	info->got = info->got_max ? (u64 *)((char *)core + info->got_offset) : NULL;

	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		Elf64_Shdr *s = &info->sechdrs[i];
		void *dest;

		if (!(s->sh_flags & SHF_ALLOC))
			continue;
		if (s->sh_entsize & INIT_OFFSET_MASK)
			dest = (char *)init + (s->sh_entsize & ~INIT_OFFSET_MASK);
		else
			dest = (char *)core + s->sh_entsize;
		if (s->sh_type != SHT_NOBITS)
			memcpy(dest, (char *)info->hdr + s->sh_offset, s->sh_size);
		s->sh_addr = (unsigned long)dest;
	}
	return 0;
}

/* W^X: text RX, rodata R, data RW; all NX but the text. */
static void protect_layout(const struct module_layout *l, bool ro_after_init)
{
	unsigned long base = (unsigned long)l->base;

	if (!base || !l->size)
		return;
	set_memory_nx(base + l->text_size, (l->size - l->text_size) >> PAGE_SHIFT);
	set_memory_ro(base, l->text_size >> PAGE_SHIFT);
	set_memory_x(base, l->text_size >> PAGE_SHIFT);
	set_memory_ro(base + l->text_size, (l->ro_size - l->text_size) >> PAGE_SHIFT);
	if (ro_after_init)
		set_memory_ro(base + l->ro_size,
			      (l->ro_after_init_size - l->ro_size) >> PAGE_SHIFT);
}

/* Before vfree: the pages go back to the allocator writable. */
static void unprotect_layout(const struct module_layout *l)
{
	if (!l->base || !l->size)
		return;
	set_memory_nx((unsigned long)l->base, l->size >> PAGE_SHIFT);
	set_memory_rw((unsigned long)l->base, l->size >> PAGE_SHIFT);
}

/* ------------------------------------------------------------------ */
/* Symbols                                                             */

static const struct kernel_symbol *lookup_in(const struct kernel_symbol *start,
					     const struct kernel_symbol *stop, const char *name)
{
	for (const struct kernel_symbol *ks = start; ks < stop; ks++)
		if (!strcmp(ks->name, name))
			return ks;
	return NULL;
}

static bool find_in_tables(struct find_symbol_arg *fsa, const struct kernel_symbol *syms,
			   unsigned int n, const struct kernel_symbol *gpl, unsigned int ngpl)
{
	const struct kernel_symbol *ks = lookup_in(syms, syms + n, fsa->name);

	if (ks) {
		fsa->sym = ks;
		fsa->gpl_only = false;
		return true;
	}
	ks = lookup_in(gpl, gpl + ngpl, fsa->name);
	if (ks && fsa->gplok) {
		fsa->sym = ks;
		fsa->gpl_only = true;
		return true;
	}
	return false;
}

/* Called with module_mutex held. */
bool find_symbol(struct find_symbol_arg *fsa)
{
	struct module *mod;

	lockdep_assert_held(&module_mutex);
	fsa->owner = NULL;
	if (find_in_tables(fsa, __start___ksymtab, __stop___ksymtab - __start___ksymtab,
			   __start___ksymtab_gpl, __stop___ksymtab_gpl - __start___ksymtab_gpl))
		return true;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (find_in_tables(fsa, mod->syms, mod->num_syms, mod->gpl_syms,
				   mod->num_gpl_syms)) {
			fsa->owner = mod;
			return true;
		}
	}
	return false;
}

/* Called with module_mutex held: @a now uses @b's symbols. */
static int ref_module(struct module *a, struct module *b)
{
	struct module_use *use;

	lockdep_assert_held(&module_mutex);
	if (!b || a == b)
		return 0;
	list_for_each_entry(use, &b->source_list, source_list)
		if (use->source == a)
			return 0;
	if (!try_module_get(b))
		return -ENOENT;
	use = kmalloc(sizeof(*use), GFP_KERNEL);
	if (!use) {
		module_put(b);
		return -ENOMEM;
	}
	use->source = a;
	use->target = b;
	list_add(&use->source_list, &b->source_list);
	list_add(&use->target_list, &a->target_list);
	return 0;
}

static void module_unload_free(struct module *mod)
{
	struct module_use *use, *tmp;

	mutex_lock(&module_mutex);
	list_for_each_entry_safe(use, tmp, &mod->target_list, target_list) {
		list_del(&use->source_list);
		list_del(&use->target_list);
		module_put(use->target);
		kfree(use);
	}
	mutex_unlock(&module_mutex);
}

static int resolve_symbol(struct module *mod, const struct load_info *info,
			  const char *name, unsigned long *value)
{
	struct find_symbol_arg fsa = { .name = name, .gplok = info->gpl_compatible };
	int err;

	mutex_lock(&module_mutex);
	if (!find_symbol(&fsa)) {
		mutex_unlock(&module_mutex);
		return -ENOENT;
	}
	err = ref_module(mod, fsa.owner);
	mutex_unlock(&module_mutex);
	if (err)
		return err;
	*value = fsa.sym->value;
	return 0;
}

/* Every symbol's st_value becomes its final address. */
static int simplify_symbols(struct module *mod, const struct load_info *info)
{
	int ret = 0;

	for (unsigned int i = 1; i < info->num_syms; i++) {
		Elf64_Sym *sym = &info->syms[i];
		const char *name = info->strtab + sym->st_name;
		unsigned long value;
		int err;

		switch (sym->st_shndx) {
		case SHN_COMMON:
			pr_warn("%s: please compile with -fno-common\n", mod->name);
			return -ENOEXEC;
		case SHN_ABS:
			break;
		case SHN_UNDEF:
			/* Named by code that uses GOTPCREL: the module's own GOT. */
			if (!strcmp(name, "_GLOBAL_OFFSET_TABLE_") && info->got) {
				sym->st_value = (unsigned long)info->got;
				break;
			}
			err = resolve_symbol(mod, info, name, &value);
			if (!err) {
				sym->st_value = value;
				break;
			}
			if (err == -ENOENT && ELF64_ST_BIND(sym->st_info) == STB_WEAK) {
				sym->st_value = 0;
				break;
			}
			pr_warn("%s: Unknown symbol %s (err %d)\n", mod->name, name, err);
			ret = err;
			break;
		default:
			if (sym->st_shndx >= info->hdr->e_shnum) {
				pr_warn("%s: symbol %s in a section that does not exist\n",
					mod->name, name);
				return -ENOEXEC;
			}
			/* A symbol in an unallocated section (debug info) has no address. */
			if (!(info->sechdrs[sym->st_shndx].sh_flags & SHF_ALLOC))
				break;
			sym->st_value += info->sechdrs[sym->st_shndx].sh_addr;
			break;
		}
	}
	return ret;
}

static int apply_relocations(struct module *mod, struct load_info *info)
{
	for (unsigned int i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *rel = &info->sechdrs[i];
		int err;

		if (rel->sh_type != SHT_RELA)
			continue;
		/* Relocations of sections that are not loaded (debug info) are skipped. */
		if (!(info->sechdrs[rel->sh_info].sh_flags & SHF_ALLOC))
			continue;
		err = apply_relocate_add(info->sechdrs, info->strtab, info->index.sym, i, mod,
					 info);
		if (err)
			return err;
	}
	return 0;
}

/* ------------------------------------------------------------------ */
/* References                                                          */

/*
 * refcnt counts from MODULE_REF_BASE: one reference is the module's own
 * while it is live, so "in use by nobody" is refcnt == MODULE_REF_BASE and
 * unloading can take that last one away atomically.
 */
#define MODULE_REF_BASE	1

bool try_module_get(struct module *module)
{
	if (!module)
		return true;
	/* A module on its way out takes no new users. */
	if (READ_ONCE(module->state) == MODULE_STATE_GOING)
		return false;
	atomic_inc(&module->refcnt);
	return true;
}
EXPORT_SYMBOL(try_module_get);

void __module_get(struct module *module)
{
	if (module)
		atomic_inc(&module->refcnt);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *module)
{
	if (module)
		WARN_ON(atomic_dec_return(&module->refcnt) < 0);
}
EXPORT_SYMBOL(module_put);

unsigned int module_refcount(struct module *mod)
{
	return (unsigned int)(atomic_read(&mod->refcnt) - MODULE_REF_BASE);
}
EXPORT_SYMBOL(module_refcount);

/* ------------------------------------------------------------------ */
/* Addresses                                                           */

static bool within_layout(unsigned long addr, const struct module_layout *l)
{
	return l->base && addr - (unsigned long)l->base < l->size;
}

/* Callers hold module_mutex or accept a module vanishing under them (oopses). */
struct module *__module_address(unsigned long addr)
{
	struct module *mod;

	if (addr < MODULES_VADDR || addr >= MODULES_END)
		return NULL;
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (within_layout(addr, &mod->core_layout) ||
		    within_layout(addr, &mod->init_layout))
			return mod;
	}
	return NULL;
}

bool is_module_address(unsigned long addr)
{
	return __module_address(addr) != NULL;
}

bool is_module_text_address(unsigned long addr)
{
	struct module *mod = __module_address(addr);

	if (!mod)
		return false;
	return addr - (unsigned long)mod->core_layout.base < mod->core_layout.text_size ||
	       (mod->init_layout.base &&
		addr - (unsigned long)mod->init_layout.base < mod->init_layout.text_size);
}

const struct exception_table_entry *search_module_extables(unsigned long addr)
{
	struct module *mod = __module_address(addr);

	if (!mod)
		return NULL;
	for (unsigned int i = 0; i < mod->num_exentries; i++)
		if (mod->extable[i].insn == addr)
			return &mod->extable[i];
	return NULL;
}

void print_modules(void)
{
	struct module *mod;
	char buf[8];

	printk(KERN_DEFAULT "Modules linked in:");
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		pr_cont(" %s%s", mod->name, module_flags(mod, buf, true));
	}
	pr_cont("\n");
}

/* "(POE)": the taints a module brought, as /proc/modules and oopses show them. */
char *module_flags(struct module *mod, char *buf, bool show_state)
{
	int n = 0;

	if (mod->taints || (show_state && mod->state != MODULE_STATE_LIVE)) {
		buf[n++] = '(';
		n += module_flags_taint(mod->taints, buf + n);
		if (show_state && mod->state == MODULE_STATE_GOING)
			buf[n++] = '-';
		else if (show_state && mod->state == MODULE_STATE_COMING)
			buf[n++] = '+';
		buf[n++] = ')';
	}
	buf[n] = '\0';
	return buf;
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static void free_module_memory(struct load_info *info)
{
	unprotect_layout(&info->layout[1]);
	module_memfree(info->layout[1].base);
	info->layout[1].base = NULL;
	unprotect_layout(&info->layout[0]);
	module_memfree(info->layout[0].base);
	info->layout[0].base = NULL;
}

/* Everything of a formed module but its memory; with module_mutex NOT held. */
static void free_module(struct module *mod)
{
	struct load_info info = { 0 };

	trace_module_free(mod);
	mod_sysfs_teardown(mod);
	dynamic_debug_remove(mod);
	mutex_lock(&module_mutex);
	mod->state = MODULE_STATE_UNFORMED;	/* invisible to symbol lookups */
	list_del(&mod->list);
	mutex_unlock(&module_mutex);
	module_unload_free(mod);
	module_params_free(mod);
	kfree(mod->args);
	kfree(mod->kallsyms_copy);
	info.layout[0] = mod->core_layout;
	info.layout[1] = mod->init_layout;
	/* @mod lives inside core_layout: nothing of it is touched after this. */
	free_module_memory(&info);
}

/* "mymodule.param=v" words of the command line, for @mod's parameters. */
static void apply_cmdline_params(struct module *mod)
{
	size_t len = strlen(mod->name);
	char *line = kstrdup(saved_command_line, GFP_KERNEL), *args, *param, *val;

	if (!line)
		return;
	args = line;
	while (*args) {
		args = next_arg(args, &param, &val);
		if (strncmp(param, mod->name, len) || param[len] != '.')
			continue;
		module_param_set(mod, param + len + 1, val, true);
	}
	kfree(line);
}

static int do_init_module(struct module *mod, struct load_info *info)
{
	int ret = 0;

	if (mod->init)
		ret = mod->init();
	if (ret < 0) {
		pr_debug("%s: init failed: %d\n", mod->name, ret);
		return ret;
	}
	if (ret > 0) {
		pr_warn("%s: '%pS'->init suspiciously returned %d, it should follow 0/-E convention\n",
			mod->name, mod->init, ret);
	}

	mutex_lock(&module_mutex);
	mod->state = MODULE_STATE_LIVE;
	/* The init sections go; their symbols leave kallsyms with them. */
	mod->init_layout.base = NULL;
	mod->init_layout.size = 0;
	mutex_unlock(&module_mutex);
	unprotect_layout(&info->layout[1]);
	module_memfree(info->layout[1].base);
	info->layout[1].base = NULL;
	if (mod->core_layout.ro_after_init_size > mod->core_layout.ro_size)
		set_memory_ro((unsigned long)mod->core_layout.base + mod->core_layout.ro_size,
			      (mod->core_layout.ro_after_init_size - mod->core_layout.ro_size) >>
			      PAGE_SHIFT);
	return 0;
}

static int load_module(struct load_info *info, const char __user *uargs, int flags)
{
	struct module *mod, *old;
	long err;

	err = elf_validity_check(info);
	if (err)
		return err;
	err = check_modinfo(info, flags);
	if (err)
		return err;

	/* Refuse a second copy before doing any work. */
	mutex_lock(&module_mutex);
	old = find_module(info->name);
	mutex_unlock(&module_mutex);
	if (old)
		return -EEXIST;

	layout_sections(info);
	err = move_module(info);
	if (err)
		return err;

	mod = (struct module *)info->sechdrs[info->index.mod].sh_addr;
	mod->state = MODULE_STATE_UNFORMED;
	INIT_LIST_HEAD(&mod->source_list);
	INIT_LIST_HEAD(&mod->target_list);
	INIT_LIST_HEAD(&mod->param_attrs);
	atomic_set(&mod->refcnt, MODULE_REF_BASE);
	mod->core_layout = info->layout[0];
	mod->init_layout = info->layout[1];
	mod->gpl_compatible = info->gpl_compatible;
	mod->taints = info->taints;
	mod->args = NULL;
	mod->kallsyms_copy = NULL;
	mod->mkobj = NULL;

	/* Visible (as UNFORMED) so a racing load of the same name fails. */
	mutex_lock(&module_mutex);
	if (find_module(mod->name)) {
		mutex_unlock(&module_mutex);
		err = -EEXIST;
		goto free_memory;
	}
	list_add_tail(&mod->list, &modules);
	mutex_unlock(&module_mutex);

	err = simplify_symbols(mod, info);
	if (err)
		goto unlink;
	err = apply_relocations(mod, info);
	if (err)
		goto unlink;

	mod->syms = section_objs(info, "__ksymtab", sizeof(*mod->syms), &mod->num_syms);
	mod->gpl_syms = section_objs(info, "__ksymtab_gpl", sizeof(*mod->gpl_syms),
				     &mod->num_gpl_syms);
	mod->kp = section_objs(info, "__param", sizeof(*mod->kp), &mod->num_kp);
	mod->extable = section_objs(info, "__ex_table", sizeof(*mod->extable),
				    &mod->num_exentries);
	mod->dyndbg = section_objs(info, "__dyndbg", sizeof(struct _ddebug), &mod->num_dyndbg);
	mod->version = get_modinfo(info, "version") ?
		       kstrdup(get_modinfo(info, "version"), GFP_KERNEL) : NULL;
	mod->srcversion = NULL;

	/* An export that clashes with one already there would make lookups ambiguous. */
	err = verify_exported_symbols(mod);
	if (err)
		goto unlink;

	err = module_kallsyms_init(mod, info);
	if (err)
		goto unlink;

	mutex_lock(&module_mutex);
	mod->state = MODULE_STATE_COMING;
	mutex_unlock(&module_mutex);

	protect_layout(&mod->core_layout, false);
	protect_layout(&mod->init_layout, false);

	dynamic_debug_setup(mod);

	/* Parameters: the command line's first, then insmod's, which win. */
	err = module_params_init(mod);
	if (err)
		goto ddebug;
	apply_cmdline_params(mod);
	mod->args = strndup_user(uargs, PAGE_SIZE);
	if (IS_ERR(mod->args)) {
		err = PTR_ERR(mod->args);
		mod->args = NULL;
		goto ddebug;
	}
	err = module_parse_args(mod);
	if (err)
		goto ddebug;

	err = mod_sysfs_setup(mod, info);
	if (err)
		goto ddebug;

	trace_module_load(mod);
	err = do_init_module(mod, info);
	if (err)
		goto sysfs;
	return 0;

sysfs:
	mod_sysfs_teardown(mod);
ddebug:
	dynamic_debug_remove(mod);
	/* Whoever got a reference during a failed init has a bug; we go anyway. */
	mutex_lock(&module_mutex);
	mod->state = MODULE_STATE_GOING;
	mutex_unlock(&module_mutex);
unlink:
	mutex_lock(&module_mutex);
	list_del(&mod->list);
	mutex_unlock(&module_mutex);
	module_unload_free(mod);
	module_params_free(mod);
	kfree(mod->args);
	kfree(mod->kallsyms_copy);
	kfree(mod->version);
free_memory:
	free_module_memory(info);
	return err;
}

/* Called with module_mutex held. */
struct module *find_module(const char *name)
{
	struct module *mod;

	lockdep_assert_held(&module_mutex);
	list_for_each_entry(mod, &modules, list)
		if (!strcmp(mod->name, name))
			return mod;
	return NULL;
}

static int may_init_module(void)
{
	if (!capable(CAP_SYS_MODULE) || READ_ONCE(modules_disabled))
		return -EPERM;
	return 0;
}

SYSCALL_DEFINE3(init_module, void __user *, umod, unsigned long, len,
		const char __user *, uargs)
{
	struct load_info info = { 0 };
	int err;

	err = may_init_module();
	if (err)
		return err;
	if (len < sizeof(Elf64_Ehdr))
		return -ENOEXEC;
	if (len > MODULE_MAX_SIZE)
		return -EFBIG;
	info.hdr = vmalloc(len);
	if (!info.hdr)
		return -ENOMEM;
	info.len = len;
	if (copy_from_user(info.hdr, umod, len)) {
		err = -EFAULT;
		goto out;
	}
	err = load_module(&info, uargs, 0);
out:
	vfree(info.hdr);
	return err;
}

SYSCALL_DEFINE3(finit_module, int, fd, const char __user *, uargs, int, flags)
{
	struct load_info info = { 0 };
	struct file *file;
	loff_t size, pos = 0;
	int err;

	err = may_init_module();
	if (err)
		return err;
	if (flags & ~(MODULE_INIT_IGNORE_MODVERSIONS | MODULE_INIT_IGNORE_VERMAGIC |
		      MODULE_INIT_COMPRESSED_FILE))
		return -EINVAL;
	/* No in-kernel decompressor: a compressed .ko is for kmod to unpack. */
	if (flags & MODULE_INIT_COMPRESSED_FILE)
		return -EOPNOTSUPP;

	file = fget(fd);
	if (!file)
		return -EBADF;
	err = -EBADF;
	if (!(file->f_mode & FMODE_READ))
		goto out_fput;
	err = -EINVAL;
	if (!S_ISREG(file_inode(file)->i_mode))
		goto out_fput;
	/* Nobody may change the image while it is read: a writer means ETXTBSY. */
	err = deny_write_access(file);
	if (err)
		goto out_fput;
	err = -EINVAL;
	size = i_size_read(file_inode(file));
	if (size <= 0)
		goto out_allow;		/* nothing to read, as Linux */
	err = -ENOEXEC;
	if (size < (loff_t)sizeof(Elf64_Ehdr))
		goto out_allow;
	err = -EFBIG;
	if (size > (loff_t)MODULE_MAX_SIZE)
		goto out_allow;
	err = -ENOMEM;
	info.hdr = vmalloc(size);
	if (!info.hdr)
		goto out_allow;
	while (pos < size) {
		ssize_t n = kernel_read(file, (char *)info.hdr + pos, size - pos, &pos);

		if (n < 0) {
			err = n;
			goto out_free;
		}
		if (n == 0)
			break;
	}
	info.len = pos;
	err = info.len < sizeof(Elf64_Ehdr) ? -ENOEXEC : load_module(&info, uargs, flags);
out_free:
	vfree(info.hdr);
out_allow:
	allow_write_access(file);
out_fput:
	fput(file);
	return err;
}

SYSCALL_DEFINE2(delete_module, const char __user *, name_user, unsigned int, flags)
{
	char name[MODULE_NAME_LEN];
	struct module *mod;
	long len;
	int ret;

	if (!capable(CAP_SYS_MODULE) || READ_ONCE(modules_disabled))
		return -EPERM;
	len = strncpy_from_user(name, name_user, MODULE_NAME_LEN);
	if (len < 0)
		return len;
	if (len == MODULE_NAME_LEN)
		return -ENOENT;		/* longer than any module name */

	mutex_lock(&module_mutex);
	mod = find_module(name);
	ret = -ENOENT;
	if (!mod)
		goto out;
	/* Other modules use its symbols: they must go first. */
	ret = -EWOULDBLOCK;
	if (!list_empty(&mod->source_list))
		goto out;
	ret = -EBUSY;
	if (mod->state != MODULE_STATE_LIVE)
		goto out;
	/* An init without an exit means the module cannot undo itself. */
	if (mod->init && !mod->exit)
		goto out;
	/* Drop the module's own reference only if it is the last one. */
	ret = -EWOULDBLOCK;
	if (atomic_cmpxchg(&mod->refcnt, MODULE_REF_BASE, 0) != MODULE_REF_BASE)
		goto out;
	mod->state = MODULE_STATE_GOING;
	mutex_unlock(&module_mutex);

	if (mod->exit)
		mod->exit();
	free_module(mod);
	return 0;
out:
	mutex_unlock(&module_mutex);
	return ret;
}

/* strndup_user(): a user string of at most @n bytes, in kmalloc memory. */
char *strndup_user(const char __user *s, long n)
{
	long len = strnlen_user(s, n);
	char *p;

	if (len <= 0)
		return ERR_PTR(-EFAULT);
	if (len > n)
		return ERR_PTR(-EINVAL);
	p = kmalloc(len, GFP_KERNEL);
	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, s, len)) {
		kfree(p);
		return ERR_PTR(-EFAULT);
	}
	p[len - 1] = '\0';
	return p;
}
