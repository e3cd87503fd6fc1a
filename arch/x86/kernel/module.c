// SPDX-License-Identifier: GPL-2.0
/*
 * x86-64 relocations for the module loader.  A module is compiled like
 * the kernel (-mcmodel=kernel, no PIC): code reaches symbols with 32-bit
 * signed absolute addresses (R_X86_64_32S) or 32-bit PC-relative
 * displacements (PC32, PLT32 for calls), data holds 64-bit pointers
 * (R_X86_64_64).  All of it works because module space lies in the top
 * 2 GiB, next to the kernel image.  Each value is checked to fit its
 * field: a relocation that overflows is a module built for some other
 * layout, and is refused rather than patched wrong.
 *
 * Code built as position-independent (or assembly that asks for it)
 * loads an address from a GOT slot instead: GOTPCREL and its relaxable
 * forms GOTPCRELX/REX_GOTPCRELX.  Kbuild never makes these and Linux
 * 6.1 refuses them; Lantern gives such a module a small GOT of its own,
 * one slot per distinct symbol, at the end of its read-only data.
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/string.h>
#include "../../../kernel/module/internal.h"

static bool is_gotpcrel(unsigned long type)
{
	return type == R_X86_64_GOTPCREL || type == R_X86_64_GOTPCRELX ||
	       type == R_X86_64_REX_GOTPCRELX;
}

/*
 * An upper bound on the GOT slots the module needs: one per GOT
 * relocation of a loaded section (duplicates share a slot later).  The
 * relocation sections were checked to lie inside the image.
 */
unsigned int module_got_entries(const struct load_info *info)
{
	unsigned int i, j, n = 0;

	for (i = 1; i < info->hdr->e_shnum; i++) {
		const Elf64_Shdr *rsec = &info->sechdrs[i];
		const Elf64_Rela *rel = (const Elf64_Rela *)((char *)info->hdr + rsec->sh_offset);

		if (rsec->sh_type != SHT_RELA || !(info->sechdrs[rsec->sh_info].sh_flags & SHF_ALLOC))
			continue;
		for (j = 0; j < rsec->sh_size / sizeof(*rel); j++)
			n += is_gotpcrel(ELF64_R_TYPE(rel[j].r_info));
	}
	return n;
}

/* The address of the GOT slot holding @value, which is filled on first use. */
static u64 *got_slot(struct load_info *info, u64 value)
{
	unsigned int i;

	for (i = 0; i < info->got_used; i++)
		if (info->got[i] == value)
			return &info->got[i];
	if (info->got_used == info->got_max)
		return NULL;	/* cannot happen: module_got_entries counted them all */
	info->got[info->got_used] = value;
	return &info->got[info->got_used++];
}

int apply_relocate_add(Elf64_Shdr *sechdrs, const char *strtab, unsigned int symindex,
		       unsigned int relsec, struct module *me, struct load_info *info)
{
	const Elf64_Shdr *rsec = &sechdrs[relsec], *target = &sechdrs[rsec->sh_info];
	const Elf64_Rela *rel = (const Elf64_Rela *)((char *)info->hdr + rsec->sh_offset);
	const Elf64_Sym *symtab = info->syms;
	unsigned int i, n = rsec->sh_size / sizeof(*rel);

	for (i = 0; i < n; i++) {
		unsigned long type = ELF64_R_TYPE(rel[i].r_info);
		unsigned long symi = ELF64_R_SYM(rel[i].r_info);
		unsigned long width, val;
		void *loc;

		if (symi >= info->num_syms) {
			pr_err("%s: relocation %u names symbol %lu of %u\n", me->name, i, symi,
			       info->num_syms);
			return -ENOEXEC;
		}
		switch (type) {
		case R_X86_64_NONE:
			continue;
		case R_X86_64_64:
		case R_X86_64_PC64:
			width = 8;
			break;
		case R_X86_64_32:
		case R_X86_64_32S:
		case R_X86_64_PC32:
		case R_X86_64_PLT32:
		case R_X86_64_GOTPCREL:
		case R_X86_64_GOTPCRELX:
		case R_X86_64_REX_GOTPCRELX:
			width = 4;
			break;
		default:
			pr_err("%s: Unknown rela relocation: %lu\n", me->name, type);
			return -ENOEXEC;
		}
		/* The field must lie inside the section it patches. */
		if (target->sh_type == SHT_NOBITS || rel[i].r_offset > target->sh_size ||
		    target->sh_size - rel[i].r_offset < width) {
			pr_err("%s: relocation %u outside its section\n", me->name, i);
			return -ENOEXEC;
		}
		loc = (void *)(target->sh_addr + rel[i].r_offset);
		val = symtab[symi].st_value + rel[i].r_addend;
		if (is_gotpcrel(type)) {
			/* GOT + A - P: the slot holds S; the addend applies to the slot's address. */
			u64 *slot = got_slot(info, symtab[symi].st_value);

			if (!slot) {
				pr_err("%s: GOT overflow\n", me->name);
				return -ENOEXEC;
			}
			val = (unsigned long)slot + rel[i].r_addend;
			type = R_X86_64_PC32;
		}

		/* The compiler leaves zeros; anything else means applied twice. */
		if (memchr_inv(loc, 0, width)) {
			pr_err("%s: Invalid relocation target, existing value is nonzero for type %lu, loc %px, val %lx\n",
			       me->name, type, loc, val);
			return -ENOEXEC;
		}

		switch (type) {
		case R_X86_64_64:
			*(u64 *)loc = val;
			break;
		case R_X86_64_32:
			if (val != (u32)val)
				goto overflow;
			*(u32 *)loc = val;
			break;
		case R_X86_64_32S:
			if ((s64)val != (s32)val)
				goto overflow;
			*(s32 *)loc = val;
			break;
		case R_X86_64_PC32:
		case R_X86_64_PLT32:
			val -= (unsigned long)loc;
			if ((s64)val != (s32)val)
				goto overflow;
			*(s32 *)loc = val;
			break;
		case R_X86_64_PC64:
			*(u64 *)loc = val - (unsigned long)loc;
			break;
		}
		continue;
overflow:
		pr_err("%s: overflow in relocation type %lu val %lx\n", me->name, type,
		       (unsigned long)(symtab[symi].st_value + rel[i].r_addend));
		return -ENOEXEC;
	}
	return 0;
}
