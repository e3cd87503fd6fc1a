// SPDX-License-Identifier: GPL-2.0
/*
 * Module symbols in kallsyms: so /proc/kallsyms lists a module's
 * functions ("ffffffffa0001000 t mydev_read\t[mydev]") and an oops in one
 * reads "mydev_read+0x12/0x40 [mydev]".  At load, the symbols that name
 * something in the module's memory are copied out of the .ko image (which
 * is freed) together with their names, and given nm's type letters.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/dcache.h>
#include <linux/panic.h>
#include "internal.h"

static bool within(unsigned long addr, const struct module_layout *l)
{
	return l->base && addr - (unsigned long)l->base < l->size;
}

/* nm's letter for @sym: t/T text, r/R rodata, d/D data, b/B bss. */
static char elf_type(const Elf64_Sym *sym, const struct load_info *info)
{
	const Elf64_Shdr *s = &info->sechdrs[sym->st_shndx];
	char c;

	if (s->sh_flags & SHF_EXECINSTR)
		c = 't';
	else if (s->sh_type == SHT_NOBITS)
		c = 'b';
	else if (s->sh_flags & SHF_WRITE)
		c = 'd';
	else
		c = 'r';
	if (ELF64_ST_BIND(sym->st_info) != STB_LOCAL)
		c -= 'a' - 'A';
	return c;
}

static bool is_interesting(const Elf64_Sym *sym, const struct load_info *info)
{
	unsigned int type = ELF64_ST_TYPE(sym->st_info);

	if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= info->hdr->e_shnum ||
	    !(info->sechdrs[sym->st_shndx].sh_flags & SHF_ALLOC))
		return false;
	if (type == STT_SECTION || type == STT_FILE)
		return false;
	/* Local labels (.L...) and the compiler's $x/$d markers mean nothing here. */
	return info->strtab[sym->st_name] && info->strtab[sym->st_name] != '.';
}

int module_kallsyms_init(struct module *mod, const struct load_info *info)
{
	unsigned int i, n = 0;
	size_t strsize = 0;
	Elf64_Sym *syms;
	char *types, *str;
	void *block;

	for (i = 1; i < info->num_syms; i++)
		if (is_interesting(&info->syms[i], info)) {
			n++;
			strsize += strlen(info->strtab + info->syms[i].st_name) + 1;
		}
	block = kmalloc(n * (sizeof(Elf64_Sym) + 1) + strsize + 1, GFP_KERNEL);
	if (!block)
		return -ENOMEM;
	syms = block;
	types = (char *)(syms + n);
	str = types + n;
	*str = '\0';
	strsize = 1;		/* name offset 0 is the empty name */
	n = 0;
	for (i = 1; i < info->num_syms; i++) {
		const Elf64_Sym *sym = &info->syms[i];
		const char *name = info->strtab + sym->st_name;

		if (!is_interesting(sym, info))
			continue;
		syms[n] = *sym;		/* st_value is the final address by now */
		syms[n].st_name = strsize;
		types[n] = elf_type(sym, info);
		strcpy(str + strsize, name);
		strsize += strlen(name) + 1;
		n++;
	}
	mod->kallsyms_copy = block;
	mod->kallsyms.symtab = syms;
	mod->kallsyms.num_symtab = n;
	mod->kallsyms.strtab = str;
	mod->kallsyms.typetab = types;
	return 0;
}

/* The symbol of @mod covering @addr; only those whose memory still exists. */
static const Elf64_Sym *find_kallsyms_symbol(struct module *mod, unsigned long addr,
					     unsigned long *size, unsigned long *offset)
{
	const Elf64_Sym *syms = mod->kallsyms.symtab, *best = NULL;
	unsigned long next = 0;

	for (unsigned int i = 0; i < mod->kallsyms.num_symtab; i++) {
		unsigned long v = syms[i].st_value;

		if (!within(v, &mod->core_layout) && !within(v, &mod->init_layout))
			continue;
		if (v <= addr && (!best || v > best->st_value ||
				  (v == best->st_value && ELF64_ST_BIND(syms[i].st_info) != STB_LOCAL)))
			best = &syms[i];
		if (v > addr && (!next || v < next))
			next = v;
	}
	if (!best)
		return NULL;
	if (size) {
		if (best->st_size)
			*size = best->st_size;
		else if (next)
			*size = next - best->st_value;
		else
			*size = (unsigned long)mod->core_layout.base + mod->core_layout.text_size -
				best->st_value;
	}
	if (offset)
		*offset = addr - best->st_value;
	return best;
}

const char *module_address_lookup(unsigned long addr, unsigned long *size,
				  unsigned long *offset, char **modname, char *namebuf)
{
	struct module *mod = __module_address(addr);
	const Elf64_Sym *sym;

	if (!mod)
		return NULL;
	sym = find_kallsyms_symbol(mod, addr, size, offset);
	if (!sym)
		return NULL;
	if (modname)
		*modname = mod->name;
	strscpy(namebuf, mod->kallsyms.strtab + sym->st_name, KSYM_NAME_LEN);
	return namebuf;
}

/* "name" or "module:name". */
unsigned long module_kallsyms_lookup_name(const char *name)
{
	const char *colon = strchr(name, ':');
	unsigned long ret = 0;
	struct module *mod;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		if (colon && (strlen(mod->name) != (size_t)(colon - name) ||
			      strncmp(mod->name, name, colon - name)))
			continue;
		for (unsigned int i = 0; i < mod->kallsyms.num_symtab; i++) {
			const Elf64_Sym *s = &((const Elf64_Sym *)mod->kallsyms.symtab)[i];

			if (!strcmp(mod->kallsyms.strtab + s->st_name, colon ? colon + 1 : name) &&
			    ELF64_ST_BIND(s->st_info) != STB_LOCAL) {
				ret = s->st_value;
				goto out;
			}
		}
	}
out:
	mutex_unlock(&module_mutex);
	return ret;
}

void module_kallsyms_show(struct seq_file *m, bool show_value)
{
	struct module *mod;

	mutex_lock(&module_mutex);
	list_for_each_entry(mod, &modules, list) {
		const Elf64_Sym *syms = mod->kallsyms.symtab;

		if (mod->state == MODULE_STATE_UNFORMED)
			continue;
		for (unsigned int i = 0; i < mod->kallsyms.num_symtab; i++) {
			if (!within(syms[i].st_value, &mod->core_layout) &&
			    !within(syms[i].st_value, &mod->init_layout))
				continue;
			seq_printf(m, "%016lx %c %s\t[%s]\n",
				   show_value ? (unsigned long)syms[i].st_value : 0UL,
				   mod->kallsyms.typetab[i], mod->kallsyms.strtab + syms[i].st_name,
				   mod->name);
		}
	}
	mutex_unlock(&module_mutex);
}

/* A module may not export a name the kernel or another module already exports. */
int verify_exported_symbols(struct module *mod)
{
	const struct kernel_symbol *tabs[2] = { mod->syms, mod->gpl_syms };
	unsigned int nums[2] = { mod->num_syms, mod->num_gpl_syms };
	int ret = 0;

	mutex_lock(&module_mutex);
	for (int t = 0; t < 2; t++) {
		for (unsigned int i = 0; i < nums[t]; i++) {
			struct find_symbol_arg fsa = { .name = tabs[t][i].name, .gplok = true };

			if (find_symbol(&fsa) && fsa.owner != mod) {
				pr_err("%s: exports duplicate symbol %s (owned by %s)\n", mod->name,
				       tabs[t][i].name, module_name(fsa.owner));
				ret = -ENOEXEC;
				goto out;
			}
		}
	}
out:
	mutex_unlock(&module_mutex);
	return ret;
}
