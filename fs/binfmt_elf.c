// SPDX-License-Identifier: GPL-2.0
/*
 * Loading ELF-64 programs for x86-64: static ET_EXEC, position-independent
 * ET_DYN (PIE), and dynamically linked programs with an interpreter.
 *
 * A dynamically linked program names its interpreter (PT_INTERP, e.g.
 * /lib64/ld-linux-x86-64.so.2).  The kernel maps both: the program at
 * its own address (ET_EXEC) or at ELF_ET_DYN_BASE plus a random offset
 * (PIE), the interpreter at a random place in the mmap area, and starts
 * the interpreter; the auxiliary vector tells it where the program is
 * (AT_PHDR, AT_ENTRY) and where it was put itself (AT_BASE).  The
 * interpreter then maps the libraries with mmap and jumps to the
 * program.  An ET_DYN without PT_INTERP (a static-pie program, or the
 * interpreter run as a command) goes into the mmap area.
 *
 * Every header of both files is checked before the point of no return,
 * so a corrupt program is -ENOEXEC and a bad interpreter -ELIBBAD (a
 * missing one -ENOENT) for the caller, as on Linux.  Each PT_LOAD
 * segment is put into memory by elf_map(), the one place that knows how
 * a file's bytes become pages.
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
#include <linux/mmap_lock.h>
#include <uapi/linux/auxvec.h>
#include <uapi/linux/elf.h>
#include <uapi/linux/limits.h>
#include <uapi/linux/personality.h>
#include <asm/elf.h>
#include <asm/processor.h>
#include <asm/vdso.h>

#define ELF_MAX_PHNUM		(65536U / sizeof(Elf64_Phdr))
#define AUXV_ENTRIES		22

/* One ELF file being loaded: the program, or its interpreter. */
struct elf_image {
	struct file *file;
	size_t size;			/* i_size when opened */
	Elf64_Ehdr eh;
	Elf64_Phdr *phdrs;
	unsigned long lo, hi;		/* page span of its PT_LOADs, unbiased */
};

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

/* A PT_LOAD must lie inside the file and inside user space (before any bias). */
static bool elf_check_segment(const Elf64_Phdr *ph, size_t file_size)
{
	if (ph->p_filesz > ph->p_memsz)
		return false;
	if (ph->p_offset > file_size || ph->p_filesz > file_size - ph->p_offset)
		return false;
	/* File offset and address must agree modulo the page size (mmap's rule). */
	if ((ph->p_vaddr - ph->p_offset) & (PAGE_SIZE - 1))
		return false;
	return ph->p_vaddr < TASK_SIZE_MAX && ph->p_memsz <= TASK_SIZE_MAX - ph->p_vaddr;
}

static unsigned long elf_prot(u32 p_flags)
{
	return (p_flags & PF_R ? PROT_READ : 0) | (p_flags & PF_W ? PROT_WRITE : 0) |
	       (p_flags & PF_X ? PROT_EXEC : 0);
}

/* Read and check the program headers and the span of the PT_LOADs. */
static int elf_read_phdrs(struct elf_image *img)
{
	size_t len = img->eh.e_phnum * sizeof(Elf64_Phdr);
	loff_t pos = img->eh.e_phoff;
	ssize_t got;
	int i;

	img->phdrs = kmalloc(len, GFP_KERNEL);
	if (!img->phdrs)
		return -ENOMEM;
	got = kernel_read(img->file, img->phdrs, len, &pos);
	if (got != (ssize_t)len)
		return got < 0 ? got : -ENOEXEC;
	img->lo = ~0UL;
	img->hi = 0;
	for (i = 0; i < img->eh.e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		if (!elf_check_segment(ph, img->size))
			return -ENOEXEC;
		img->lo = min(img->lo, (unsigned long)ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE));
		img->hi = max(img->hi, (unsigned long)PAGE_ALIGN(ph->p_vaddr + ph->p_memsz));
	}
	if (img->lo >= img->hi || img->eh.e_entry >= TASK_SIZE_MAX)
		return -ENOEXEC;	/* nothing to load, or nowhere to start */
	return 0;
}

/*
 * Put one PT_LOAD segment of @file into memory at @addr (its biased
 * p_vaddr) with protection @prot, without reading it: its file part is
 * a MAP_PRIVATE mapping of the file from the page-aligned offset (pages
 * come from the page cache when first touched; a write copies), its bss
 * is anonymous memory.  The file's bytes after p_filesz in the last file
 * page are not the program's: they are cleared (which copies that one
 * page), so the bss reads as zeros from its first byte.
 */
static int elf_map(struct file *file, unsigned long addr, const Elf64_Phdr *ph,
		   unsigned long prot)
{
	unsigned long start = ALIGN_DOWN(addr, PAGE_SIZE), stop = PAGE_ALIGN(addr + ph->p_memsz);
	unsigned long file_end = start, zero_len = 0, ret;

	if (ph->p_filesz) {
		file_end = PAGE_ALIGN(addr + ph->p_filesz);
		if (ph->p_memsz > ph->p_filesz)
			zero_len = file_end - (addr + ph->p_filesz);
		/* Writable for now if the tail of the last file page must be cleared. */
		ret = vm_mmap(file, start, file_end - start, prot | (zero_len ? PROT_WRITE : 0),
			      MAP_PRIVATE | MAP_FIXED, ph->p_offset - (addr - start));
		if (IS_ERR_VALUE(ret))
			return ret;
		if (zero_len && clear_user((void __user *)(addr + ph->p_filesz), zero_len))
			return -EFAULT;
		if (zero_len && !(prot & PROT_WRITE) && do_mprotect(start, file_end - start, prot))
			return -ENOMEM;
	}
	if (stop > file_end) {
		ret = vm_mmap(NULL, file_end, stop - file_end, prot,
			      MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, 0);
		if (IS_ERR_VALUE(ret))
			return ret;
	}
	return 0;
}

/*
 * Map every PT_LOAD of @img at @bias into a span reserved first (so the
 * mmap area cannot hand out the holes meanwhile), then give the holes
 * back.  The span must be free: an interpreter at fixed addresses
 * (ET_EXEC) that collides with the program is -EEXIST, as on Linux.
 * Returns the end of the highest segment (where the brk starts).
 */
static long elf_load(struct elf_image *img, unsigned long bias)
{
	unsigned long end = 0, next = img->lo + bias, addr;
	int i, err;

	/* Below mmap_min_addr vm_mmap itself refuses (unless CAP_SYS_RAWIO). */
	if (bias + img->hi > TASK_SIZE_MAX)
		return -ENOMEM;
	addr = vm_mmap(NULL, bias + img->lo, img->hi - img->lo, PROT_NONE,
		       MAP_FIXED_NOREPLACE | MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return (long)addr;
	for (i = 0; i < img->eh.e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];
		unsigned long start = ALIGN_DOWN(bias + ph->p_vaddr, PAGE_SIZE);

		if (ph->p_type != PT_LOAD || !ph->p_memsz)
			continue;
		err = elf_map(img->file, bias + ph->p_vaddr, ph, elf_prot(ph->p_flags));
		if (err)
			return err;
		/* Pages between segments belong to none (PT_LOADs are sorted). */
		if (start > next && vm_munmap(next, start - next))
			return -ENOMEM;
		next = max(next, (unsigned long)PAGE_ALIGN(bias + ph->p_vaddr + ph->p_memsz));
		end = max(end, (unsigned long)(bias + ph->p_vaddr + ph->p_memsz));
	}
	if (bias + img->hi > next && vm_munmap(next, bias + img->hi - next))
		return -ENOMEM;
	return end;
}

/* The largest power-of-two p_align of the PT_LOADs, at least a page. */
static unsigned long elf_max_align(const struct elf_image *img)
{
	unsigned long align = PAGE_SIZE;
	int i;

	for (i = 0; i < img->eh.e_phnum; i++) {
		unsigned long a = img->phdrs[i].p_align;

		if (img->phdrs[i].p_type == PT_LOAD && a > align && !(a & (a - 1)) &&
		    a <= (1UL << 30))
			align = a;
	}
	return align;
}

/* A free range of the mmap area big enough for all of @img: its bias. */
static long elf_pick_bias(struct elf_image *img)
{
	unsigned long span = img->hi - img->lo, align = elf_max_align(img);
	unsigned long total = span + align - PAGE_SIZE, addr, start;

	addr = vm_mmap(NULL, 0, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return -ENOMEM;
	/* Only the address was wanted: elf_load maps the aligned part again. */
	start = ALIGN(addr, align);
	if (vm_munmap(addr, total))
		return -ENOMEM;
	return start - img->lo;
}

/* Where the program headers are in memory, for AT_PHDR. */
static unsigned long elf_phdr_addr(const struct elf_image *img, unsigned long bias)
{
	const Elf64_Ehdr *eh = &img->eh;
	int i;

	for (i = 0; i < eh->e_phnum; i++)
		if (img->phdrs[i].p_type == PT_PHDR)
			return bias + img->phdrs[i].p_vaddr;
	for (i = 0; i < eh->e_phnum; i++) {
		const Elf64_Phdr *ph = &img->phdrs[i];

		if (ph->p_type == PT_LOAD && eh->e_phoff >= ph->p_offset &&
		    eh->e_phoff < ph->p_offset + ph->p_filesz)
			return bias + ph->p_vaddr + (eh->e_phoff - ph->p_offset);
	}
	return 0;
}

/*
 * The interpreter's path from PT_INTERP: -ENOEXEC if it is not a
 * NUL-terminated string of at most PATH_MAX bytes, as Linux.  *path is
 * NULL for a program without one.
 */
static int elf_read_interp_path(const struct elf_image *exe, char **path)
{
	const Elf64_Phdr *ph = NULL;
	loff_t pos;
	char *buf;
	int i;

	*path = NULL;
	for (i = 0; i < exe->eh.e_phnum && !ph; i++)
		if (exe->phdrs[i].p_type == PT_INTERP)
			ph = &exe->phdrs[i];
	if (!ph)
		return 0;
	if (ph->p_filesz > PATH_MAX || ph->p_filesz < 2)
		return -ENOEXEC;
	if (ph->p_offset > exe->size || ph->p_filesz > exe->size - ph->p_offset)
		return -EIO;		/* Linux's short read */
	buf = kmalloc(ph->p_filesz, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	pos = ph->p_offset;
	if (kernel_read(exe->file, buf, ph->p_filesz, &pos) != (ssize_t)ph->p_filesz) {
		kfree(buf);
		return -EIO;
	}
	if (buf[ph->p_filesz - 1] != '\0') {
		kfree(buf);
		return -ENOEXEC;
	}
	*path = buf;
	return 0;
}

/*
 * Open and check the interpreter: missing is -ENOENT (from the path
 * walk), too short to read a header -EIO, and anything that is not a
 * loadable x86-64 ELF -ELIBBAD.
 */
static int elf_open_interp(const char *path, struct elf_image *interp)
{
	loff_t pos = 0;
	ssize_t got;
	int ret;

	interp->file = open_exec(path);
	if (IS_ERR(interp->file)) {
		ret = PTR_ERR(interp->file);
		interp->file = NULL;
		return ret;
	}
	interp->size = file_inode(interp->file)->i_size;
	got = kernel_read(interp->file, &interp->eh, sizeof(interp->eh), &pos);
	if (got != sizeof(interp->eh))
		return got < 0 ? got : -EIO;
	if (!elf_check_header(&interp->eh, interp->size))
		return -ELIBBAD;
	ret = elf_read_phdrs(interp);
	return ret == -ENOEXEC ? -ELIBBAD : ret;
}

/* PT_GNU_STACK with PF_X asks for an executable stack; x86-64's default is not. */
static bool elf_stack_exec(const struct elf_image *exe)
{
	int i;

	for (i = 0; i < exe->eh.e_phnum; i++)
		if (exe->phdrs[i].p_type == PT_GNU_STACK)
			return exe->phdrs[i].p_flags & PF_X;
	return false;
}

/* The stack and its tables; returns the first stack pointer in *sp. */
static int create_elf_tables(struct linux_binprm *bprm, const struct elf_image *exe,
			     unsigned long bias, unsigned long interp_base,
			     unsigned long *sp)
{
	const struct cred *cred = current_cred();	/* the new program's */
	unsigned long auxv[AUXV_ENTRIES * 2], execfn;
	int n = 0;

	BUILD_BUG_ON(AUXV_ENTRIES * 2 > AT_VECTOR_SIZE);

#define NEW_AUX_ENT(id, val) do { auxv[n++] = (id); auxv[n++] = (val); } while (0)
	if (current->mm->context.vdso)
		NEW_AUX_ENT(AT_SYSINFO_EHDR, current->mm->context.vdso);
	NEW_AUX_ENT(AT_MINSIGSTKSZ, MINSIGSTKSZ);
	NEW_AUX_ENT(AT_HWCAP, ELF_HWCAP);
	NEW_AUX_ENT(AT_PAGESZ, PAGE_SIZE);
	NEW_AUX_ENT(AT_CLKTCK, USER_HZ);
	NEW_AUX_ENT(AT_PHDR, elf_phdr_addr(exe, bias));
	NEW_AUX_ENT(AT_PHENT, sizeof(Elf64_Phdr));
	NEW_AUX_ENT(AT_PHNUM, exe->eh.e_phnum);
	NEW_AUX_ENT(AT_BASE, interp_base);
	NEW_AUX_ENT(AT_FLAGS, 0);
	NEW_AUX_ENT(AT_ENTRY, bias + exe->eh.e_entry);
	NEW_AUX_ENT(AT_UID, cred->uid);
	NEW_AUX_ENT(AT_EUID, cred->euid);
	NEW_AUX_ENT(AT_GID, cred->gid);
	NEW_AUX_ENT(AT_EGID, cred->egid);
	NEW_AUX_ENT(AT_SECURE, bprm->secureexec);
	NEW_AUX_ENT(AT_RANDOM, 0);		/* filled in by create_user_stack */
	NEW_AUX_ENT(AT_HWCAP2, ELF_HWCAP2);
	NEW_AUX_ENT(AT_EXECFN, 0);		/* likewise */
	NEW_AUX_ENT(AT_PLATFORM, 0);		/* likewise */
	NEW_AUX_ENT(AT_NULL, 0);
#undef NEW_AUX_ENT
	return create_user_stack(bprm, randomize_stack_top(STACK_TOP), auxv, n / 2, sp,
				 &execfn);
}

/* Give the stack area execute permission (PT_GNU_STACK with PF_X). */
static int elf_make_stack_exec(unsigned long sp)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long start, end;

	mmap_read_lock(mm);
	vma = find_vma(mm, sp);
	start = vma ? vma->vm_start : 0;
	end = vma ? vma->vm_end : 0;
	mmap_read_unlock(mm);
	if (!end)
		return -EFAULT;
	return do_mprotect(start, end - start, PROT_READ | PROT_WRITE | PROT_EXEC);
}

/* Where the program goes: its own addresses, or a (random) base for ET_DYN. */
static long elf_program_bias(struct elf_image *exe, bool has_interp)
{
	unsigned long base;

	if (exe->eh.e_type != ET_DYN)
		return 0;
	if (!has_interp)
		return elf_pick_bias(exe);	/* static-pie, or ld.so run directly */
	base = ELF_ET_DYN_BASE;
	if (current->flags & PF_RANDOMIZE)
		base += arch_mmap_rnd();
	return ALIGN_DOWN(base - exe->lo, elf_max_align(exe));
}

/* The brk after the program's highest segment; randomized with randomize_va_space=2. */
static void elf_set_brk(struct elf_image *exe, unsigned long end, bool has_interp)
{
	struct mm_struct *mm = current->mm;

	mm->start_brk = mm->brk = PAGE_ALIGN(end);
	if ((current->flags & PF_RANDOMIZE) && randomize_va_space > 1) {
		/* A PIE without interpreter sits in the mmap area: its brk goes low. */
		if (exe->eh.e_type == ET_DYN && !has_interp)
			mm->brk = ELF_ET_DYN_BASE;
		mm->start_brk = mm->brk = arch_randomize_brk(mm);
	}
}

/* After the point of no return: lay out the new address space and start it. */
static int elf_exec_new_mm(struct linux_binprm *bprm, struct elf_image *exe,
			   struct elf_image *interp)
{
	struct mm_struct *mm = current->mm;
	unsigned long entry, interp_base = 0, sp;
	long bias, ibias, end;
	int ret;

	if (!(current->personality & ADDR_NO_RANDOMIZE) && randomize_va_space)
		current->flags |= PF_RANDOMIZE;
	arch_pick_mmap_layout(mm);

	bias = elf_program_bias(exe, interp->file);
	if (bias < 0)
		return bias;
	end = elf_load(exe, bias);
	if (end < 0)
		return end;
	mm->start_code = bias + exe->lo;
	mm->end_code = end;
	elf_set_brk(exe, end, interp->file);
	entry = bias + exe->eh.e_entry;

	if (interp->file) {
		/* ld.so is ET_DYN: anywhere in the mmap area.  AT_BASE is its bias. */
		ibias = interp->eh.e_type == ET_DYN ? elf_pick_bias(interp) : 0;
		if (ibias < 0)
			return ibias;
		end = elf_load(interp, ibias);
		if (end < 0)
			return end;
		interp_base = ibias;
		entry = ibias + interp->eh.e_entry;
	}
	ret = arch_setup_additional_pages(bprm, interp->file != NULL);
	if (ret)
		return ret;
	ret = create_elf_tables(bprm, exe, bias, interp_base, &sp);
	if (ret)
		return ret;
	if (elf_stack_exec(exe)) {
		ret = elf_make_stack_exec(sp);
		if (ret)
			return ret;
	}
	start_thread(current_pt_regs(), entry, sp);
	return 0;
}

static int load_elf_binary(struct linux_binprm *bprm)
{
	struct elf_image exe = { .file = bprm->file }, interp = { };
	char *interp_path = NULL;
	int ret;

	exe.size = file_inode(bprm->file)->i_size;
	memcpy(&exe.eh, bprm->buf, sizeof(exe.eh));
	if (!elf_check_header(&exe.eh, exe.size))
		return -ENOEXEC;
	ret = elf_read_phdrs(&exe);
	if (ret)
		goto out;
	ret = elf_read_interp_path(&exe, &interp_path);
	if (ret)
		goto out;
	if (interp_path) {
		ret = elf_open_interp(interp_path, &interp);
		if (ret)
			goto out;
	}
	ret = begin_new_exec(bprm);
	if (ret)
		goto out;
	ret = elf_exec_new_mm(bprm, &exe, &interp);
out:
	if (interp.file)
		fput(interp.file);
	kfree(interp.phdrs);
	kfree(interp_path);
	kfree(exe.phdrs);
	return ret;
}

const struct linux_binfmt elf_format = {
	.name		= "elf",
	.load_binary	= load_elf_binary,
};
