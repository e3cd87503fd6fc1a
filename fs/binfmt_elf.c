// SPDX-License-Identifier: GPL-2.0
/*
 * Loading ELF-64 executables for x86-64: statically linked ET_EXEC, and
 * static position-independent ET_DYN (loaded at ELF_ET_DYN_BASE).
 *
 * Every header is checked against the file before the point of no
 * return, so a truncated or corrupt file is -ENOEXEC for the caller, as
 * on Linux.  Each PT_LOAD segment becomes memory with the segment's
 * permissions: the pages are mapped writable, the file bytes copied in
 * (the rest, .bss, stays zero: fresh anonymous pages are zeroed), and
 * then the final protection is applied.  Programs with an interpreter
 * (PT_INTERP, dynamically linked) are not supported yet.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/cred.h>
#include <linux/mm.h>
#include <linux/err.h>
#include <linux/mman.h>
#include <linux/mm_vma.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <uapi/linux/auxvec.h>
#include <uapi/linux/elf.h>
#include <asm/processor.h>

#define ELF_ET_DYN_BASE		0x555555554000UL
#define ELF_MAX_PHNUM		(65536U / sizeof(Elf64_Phdr))
#define AUXV_ENTRIES		20

static bool elf_check_header(const Elf64_Ehdr *eh, size_t file_size)
{
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return false;
	if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return false;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return false;
	if (eh->e_machine != EM_X86_64 || eh->e_phentsize != sizeof(Elf64_Phdr))
		return false;
	if (eh->e_phnum < 1 || eh->e_phnum > ELF_MAX_PHNUM)
		return false;
	/* The program headers must be inside the file. */
	return eh->e_phoff < file_size &&
	       eh->e_phnum * sizeof(Elf64_Phdr) <= file_size - eh->e_phoff;
}

static bool elf_check_segment(const Elf64_Phdr *ph, unsigned long bias, size_t file_size)
{
	if (ph->p_filesz > ph->p_memsz)
		return false;
	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset)
		return false;
	/* File offset and address must agree modulo the page size (mmap's rule). */
	if ((ph->p_vaddr - ph->p_offset) & (PAGE_SIZE - 1))
		return false;
	if (ph->p_memsz && ph->p_vaddr + bias < 65536)
		return false;		/* never map page 0 (mmap_min_addr) */
	return ph->p_vaddr + bias < TASK_SIZE_MAX &&
	       ph->p_memsz <= TASK_SIZE_MAX - (ph->p_vaddr + bias);
}

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/* The pages a PT_LOAD segment occupies: [*start, *stop). */
static void segment_pages(const Elf64_Phdr *ph, unsigned long bias,
			  unsigned long *start, unsigned long *stop)
{
	*start = ALIGN_DOWN(bias + ph->p_vaddr, PAGE_SIZE);
	*stop = PAGE_ALIGN(bias + ph->p_vaddr + ph->p_memsz);
}

/*
 * Put one PT_LOAD segment into memory without reading it: its file part
 * is a MAP_PRIVATE mapping of the program file (pages come from the page
 * cache when first touched; a write copies), its bss is anonymous
 * memory.  The file's bytes after p_filesz in the last file page are
 * not the program's: they are cleared (which copies that one page), so
 * the segment's bss reads as zeros from its first byte.
 */
static int elf_map_segment(struct file *file, const Elf64_Phdr *ph, unsigned long bias)
{
	unsigned long prot = elf_prot(ph->p_flags), start, file_end, stop;
	unsigned long addr = bias + ph->p_vaddr, zero_len;
	unsigned long ret;

	segment_pages(ph, bias, &start, &stop);
	file_end = PAGE_ALIGN(addr + ph->p_filesz);
	zero_len = ph->p_memsz > ph->p_filesz ? file_end - (addr + ph->p_filesz) : 0;
	if (ph->p_filesz) {
		/* Writable for now if the tail of the last file page must be cleared. */
		ret = vm_mmap(file, start, file_end - start, prot | (zero_len ? PROT_WRITE : 0),
			      MAP_PRIVATE | MAP_FIXED, ph->p_offset - (addr - start));
		if (IS_ERR_VALUE(ret))
			return ret;
		if (zero_len && clear_user((void __user *)(addr + ph->p_filesz), zero_len))
			return -EFAULT;
		if (zero_len && !(prot & PROT_WRITE) && do_mprotect(start, file_end - start, prot))
			return -ENOMEM;
	} else {
		file_end = start;
	}
	if (stop > file_end) {
		ret = vm_mmap(NULL, file_end, stop - file_end, prot,
			      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	return 0;
}

/* Map every PT_LOAD; returns the end of the highest segment. */
static long elf_map_segments(const struct linux_binprm *bprm, const Elf64_Phdr *phdrs,
			     int phnum, unsigned long bias)
{
	unsigned long end = 0;
	int i, err;

	for (i = 0; i < phnum; i++) {
		const Elf64_Phdr *ph = &phdrs[i];

		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		err = elf_map_segment(bprm->file, ph, bias);
		if (err)
			return err;
		end = max(end, (unsigned long)(bias + ph->p_vaddr + ph->p_memsz));
	}
	return end ? (long)end : -ENOEXEC;	/* nothing to load */
}

/* Where the program headers are in memory, for AT_PHDR. */
static unsigned long elf_phdr_addr(const Elf64_Ehdr *eh, const Elf64_Phdr *phdrs,
				   unsigned long bias)
{
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (phdrs[i].p_type == PT_PHDR)
			return bias + phdrs[i].p_vaddr;
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = &phdrs[i];

		if (ph->p_type == PT_LOAD && eh->e_phoff >= ph->p_offset &&
		    eh->e_phoff < ph->p_offset + ph->p_filesz)
			return bias + ph->p_vaddr + (eh->e_phoff - ph->p_offset);
	}
	return 0;
}

static int load_elf_phdrs(struct linux_binprm *bprm, const Elf64_Ehdr *eh,
			  const Elf64_Phdr *phdrs, size_t file_size)
{
	const struct cred *cred;
	unsigned long bias = 0, sp, execfn, auxv[AUXV_ENTRIES * 2];
	struct mm_struct *mm;
	long end;
	int i, n = 0, ret;

	if (eh->e_type == ET_DYN)
		bias = ELF_ET_DYN_BASE;
	for (i = 0; i < eh->e_phnum; i++) {
		if (phdrs[i].p_type == PT_INTERP) {
			pr_warn_once("exec: %s needs an ELF interpreter; dynamic linking is not supported yet\n",
				     bprm->interp);
			return -ENOEXEC;
		}
		if (phdrs[i].p_type == PT_LOAD &&
		    !elf_check_segment(&phdrs[i], bias, file_size))
			return -ENOEXEC;
	}
	if (eh->e_entry + bias >= TASK_SIZE_MAX)
		return -ENOEXEC;

	ret = begin_new_exec(bprm);
	if (ret)
		return ret;
	cred = current_cred();		/* the new program's, set by begin_new_exec */
	mm = current->mm;
	end = elf_map_segments(bprm, phdrs, eh->e_phnum, bias);
	if (end < 0)
		return end;
	mm->start_code = bias;
	mm->end_code = end;
	mm->start_brk = mm->brk = PAGE_ALIGN(end);

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	NEW_AUX_ENT(AT_HWCAP, boot_cpu_data.x86_capability[0]);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, elf_phdr_addr(eh, phdrs, bias));
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, eh->e_phnum);
	NEW_AUX_ENT(AT_BASE, 0);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bias + eh->e_entry);
	NEW_AUX_ENT(AT_UID, cred->uid);
	NEW_AUX_ENT(AT_EUID, cred->euid);
	NEW_AUX_ENT(AT_GID, cred->gid);
	NEW_AUX_ENT(AT_EGID, cred->egid);
	NEW_AUX_ENT(AT_SECURE, bprm->secureexec);
	NEW_AUX_ENT(AT_RANDOM, 0);		/* filled in by create_user_stack */
	NEW_AUX_ENT(AT_HWCAP2, 0);
	NEW_AUX_ENT(AT_EXECFN, 0);		/* likewise */
	NEW_AUX_ENT(AT_PLATFORM, 0);		/* likewise */
	NEW_AUX_ENT(AT_MINSIGSTKSZ, MINSIGSTKSZ);
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT

	ret = create_user_stack(bprm, auxv, n / 2, &sp, &execfn);
	if (ret)
		return ret;
	start_thread(current_pt_regs(), bias + eh->e_entry, sp);
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	const Elf64_Ehdr *eh = (const Elf64_Ehdr *)bprm->buf;
	size_t file_size = file_inode(bprm->file)->i_size;
	Elf64_Phdr *phdrs;
	loff_t pos;
	int ret;

	if (!elf_check_header(eh, file_size))
		return -ENOEXEC;
	phdrs = kmalloc_array(eh->e_phnum, sizeof(*phdrs), GFP_KERNEL);
	if (!phdrs)
		return -ENOMEM;
	pos = eh->e_phoff;
	ret = kernel_read(bprm->file, phdrs, eh->e_phnum * sizeof(*phdrs), &pos);
	if (ret != (int)(eh->e_phnum * sizeof(*phdrs))) {
		ret = ret < 0 ? ret : -ENOEXEC;
		goto out;
	}
	ret = load_elf_phdrs(bprm, eh, phdrs, file_size);
out:
	kfree(phdrs);
	return ret;
}

const struct linux_binfmt elf_format = {
	.name		= "elf",
	.load_binary	= load_elf_binary,
};
