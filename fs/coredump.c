// SPDX-License-Identifier: GPL-2.0
/*
 * Core dumps: when a signal whose default action is "core" (SIGQUIT,
 * SIGSEGV, SIGABRT, SIGBUS, ...) kills a process, its memory and
 * registers are written to a file that gdb can open next to the program
 * (`gdb prog core`), and the wait status gets WCOREDUMP (0x80).
 *
 * The file is an ELF file of type ET_CORE: one PT_NOTE segment, then a
 * PT_LOAD segment per memory area.  The notes say who died and how:
 * NT_PRSTATUS (the signal and the general registers of the dying
 * thread), NT_PRPSINFO (command, IDs, arguments), NT_AUXV (what exec
 * gave the program, so gdb finds the dynamic linker) and NT_FILE (which
 * file each mapping came from).  Areas backed by a file and never written
 * are left empty (p_filesz 0): the debugger reads them from the file;
 * MADV_DONTDUMP areas too.
 *
 * Nothing is written when RLIMIT_CORE is below a page (its default is 0),
 * when the process is not dumpable (set-ID, PR_SET_DUMPABLE 0), or when
 * /proc/sys/kernel/core_pattern names a pipe ("|program": not supported).
 * The pattern's % specifiers are expanded into the file name
 * (%p pid, %i tid, %u uid, %g gid, %s signal, %t time, %h host, %e comm,
 * %E executable path with '!' for '/', %% '%'); core_uses_pid appends
 * ".PID" to a pattern without %p.  The dump stops at RLIMIT_CORE bytes
 * and, cut short there, still counts as a core dump (WCOREDUMP).
 */
#include <linux/kernel.h>
#include <linux/coredump.h>
#include <linux/cred.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mm_vma.h>
#include <linux/mutex.h>
#include <linux/ptrace.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/time64.h>
#include <linux/uaccess.h>
#include <linux/utsname.h>
#include <linux/mmap_lock.h>
#include <uapi/linux/elf.h>
#include <uapi/linux/fcntl.h>
#include <asm/processor.h>

char core_pattern[CORENAME_MAX_SIZE] = "core";
int core_uses_pid;

#define NT_PRSTATUS	1
#define NT_PRPSINFO	3
#define NT_AUXV		6
#define NT_FILE		0x46494c45
#ifndef ET_CORE
#define ET_CORE		4
#endif

#define ELF_NGREG	27

struct elf_prstatus {
	int pr_info_signo, pr_info_code, pr_info_errno;	/* struct elf_siginfo */
	short pr_cursig;
	unsigned long pr_sigpend, pr_sighold;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	struct { long tv_sec, tv_usec; } pr_utime, pr_stime, pr_cutime, pr_cstime;
	unsigned long pr_reg[ELF_NGREG];
	int pr_fpvalid;
};

struct elf_prpsinfo {
	char pr_state, pr_sname, pr_zomb, pr_nice;
	unsigned long pr_flag;
	unsigned int pr_uid, pr_gid;
	int pr_pid, pr_ppid, pr_pgrp, pr_sid;
	char pr_fname[16];
	char pr_psargs[80];
};

struct coredump_params {
	struct file *file;
	loff_t pos;
	unsigned long limit;
	bool failed;		/* stopped: the limit was reached, or a write failed */
	bool truncated;		/* the limit it was, not the file */
};

/* Append @len bytes, or give up for good once the limit or the file says no. */
static bool dump_emit(struct coredump_params *cprm, const void *buf, size_t len)
{
	if (cprm->failed)
		return false;
	if (cprm->pos + len > cprm->limit) {
		cprm->failed = cprm->truncated = true;
		return false;
	}
	if (kernel_write(cprm->file, buf, len, &cprm->pos) != (ssize_t)len)
		cprm->failed = true;
	return !cprm->failed;
}

static bool dump_align(struct coredump_params *cprm, size_t align)
{
	static const char zeroes[16];
	size_t pad = -cprm->pos & (align - 1);

	return !pad || dump_emit(cprm, zeroes, pad);
}

/*
 * Is the area's content to be written?  As coredump_filter says: by
 * default anonymous memory, private or shared (shared anonymous memory
 * is an unlinked tmpfs file here), and written private file pages count
 * as anonymous; never MADV_DONTDUMP areas or unreadable ones.
 */
static bool vma_dump_contents(struct vm_area_struct *vma, unsigned int filter)
{
	struct file *file = vma->vm_file;
	bool anon_shared = file && (vma->vm_flags & VM_SHARED) &&
			   !file->f_path.dentry->d_inode->i_nlink;

	if (vma->vm_flags & VM_DONTDUMP)
		return false;
	if (!(vma->vm_flags & VM_READ))
		return false;
	if (!file)
		return filter & MMF_DUMP_ANON_PRIVATE;
	if (anon_shared)
		return filter & MMF_DUMP_ANON_SHARED;
	if (vma->vm_flags & VM_SHARED)
		return filter & MMF_DUMP_MAPPED_SHARED;
	if (vma->vm_flags & VM_WRITE)
		return filter & (MMF_DUMP_ANON_PRIVATE | MMF_DUMP_MAPPED_PRIVATE);
	return filter & MMF_DUMP_MAPPED_PRIVATE;
}

static size_t note_size(size_t descsz)
{
	return 12 + 8 + ALIGN(descsz, 4);	/* header, "CORE\0" padded, desc */
}

static bool write_note(struct coredump_params *cprm, u32 type, const void *desc, size_t len)
{
	struct { u32 namesz, descsz, type; char name[8]; } hdr = {
		.namesz = 5, .descsz = len, .type = type, .name = "CORE",
	};

	return dump_emit(cprm, &hdr, sizeof(hdr)) && dump_emit(cprm, desc, len) &&
	       dump_align(cprm, 4);
}

static void fill_prstatus(struct elf_prstatus *s, int signr)
{
	struct pt_regs *regs = current_pt_regs();
	struct task_struct *tsk = current;
	unsigned long *r = s->pr_reg;

	memset(s, 0, sizeof(*s));
	s->pr_info_signo = signr;
	s->pr_cursig = signr;
	s->pr_sigpend = tsk->pending.signal.sig[0];
	s->pr_sighold = tsk->blocked.sig[0];
	s->pr_pid = tsk->pid;
	s->pr_ppid = tsk->group_leader->real_parent->tgid;
	s->pr_pgrp = tsk->signal->pgrp;
	s->pr_sid = tsk->signal->session;
	s->pr_utime.tv_sec = tsk->utime / NSEC_PER_SEC;
	s->pr_utime.tv_usec = tsk->utime % NSEC_PER_SEC / 1000;
	s->pr_stime.tv_sec = tsk->stime / NSEC_PER_SEC;
	s->pr_stime.tv_usec = tsk->stime % NSEC_PER_SEC / 1000;
	/* struct user_regs_struct order: what gdb's x86-64 Linux target expects. */
	r[0] = regs->r15; r[1] = regs->r14; r[2] = regs->r13; r[3] = regs->r12;
	r[4] = regs->bp; r[5] = regs->bx; r[6] = regs->r11; r[7] = regs->r10;
	r[8] = regs->r9; r[9] = regs->r8; r[10] = regs->ax; r[11] = regs->cx;
	r[12] = regs->dx; r[13] = regs->si; r[14] = regs->di; r[15] = regs->orig_ax;
	r[16] = regs->ip; r[17] = regs->cs; r[18] = regs->flags; r[19] = regs->sp;
	r[20] = regs->ss; r[21] = tsk->thread.fsbase; r[22] = tsk->thread.gsbase;
}

static void fill_prpsinfo(struct elf_prpsinfo *p, struct mm_struct *mm)
{
	struct task_struct *tsk = current;
	const struct cred *cred = current_cred();
	size_t len = min_t(size_t, mm->arg_end - mm->arg_start, sizeof(p->pr_psargs) - 1);
	size_t i;

	memset(p, 0, sizeof(*p));
	p->pr_state = 0;
	p->pr_sname = 'R';
	p->pr_nice = task_nice(tsk);
	p->pr_flag = tsk->flags;
	p->pr_uid = cred->uid;
	p->pr_gid = cred->gid;
	p->pr_pid = tsk->tgid;
	p->pr_ppid = tsk->group_leader->real_parent->tgid;
	p->pr_pgrp = tsk->signal->pgrp;
	p->pr_sid = tsk->signal->session;
	strncpy(p->pr_fname, tsk->comm, sizeof(p->pr_fname) - 1);
	if (len && copy_from_user(p->pr_psargs, (void __user *)mm->arg_start, len))
		len = 0;
	for (i = 0; i < len; i++)	/* the arguments, separated by spaces */
		if (!p->pr_psargs[i])
			p->pr_psargs[i] = ' ';
	p->pr_psargs[len] = 0;
}

/*
 * NT_FILE: count, page size, then (start, end, file offset in pages) per
 * file mapping, then their path names.  Returns a kmalloc'ed buffer.
 */
static void *fill_files_note(struct mm_struct *mm, size_t *size)
{
	struct vm_area_struct *vma;
	unsigned long count = 0, *data;
	size_t names = 0, off;
	char *buf, *name, *p;

	name = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!name)
		return NULL;
	for (vma = mm->mmap; vma; vma = vma->vm_next) {
		if (!vma->vm_file)
			continue;
		p = d_path(&vma->vm_file->f_path, name, PAGE_SIZE);
		if (IS_ERR(p))
			continue;
		count++;
		names += strlen(p) + 1;
	}
	*size = (2 + 3 * count) * sizeof(long) + names;
	buf = kzalloc(*size ? *size : 1, GFP_KERNEL);
	if (!buf) {
		kfree(name);
		return NULL;
	}
	data = (unsigned long *)buf;
	data[0] = count;
	data[1] = PAGE_SIZE;
	data += 2;
	off = (2 + 3 * count) * sizeof(long);
	for (vma = mm->mmap; vma && count; vma = vma->vm_next) {
		if (!vma->vm_file)
			continue;
		p = d_path(&vma->vm_file->f_path, name, PAGE_SIZE);
		if (IS_ERR(p))
			continue;
		*data++ = vma->vm_start;
		*data++ = vma->vm_end;
		*data++ = vma->vm_pgoff;
		strcpy(buf + off, p);
		off += strlen(p) + 1;
		count--;
	}
	kfree(name);
	return buf;
}

/* The auxiliary vector exec left above envp on the initial stack. */
static size_t read_auxv(struct mm_struct *mm, unsigned long *auxv, size_t max)
{
	unsigned long p = mm->env_start, word;
	size_t n = 0;

	/* envp ends at the strings; the vector sits between the pointer arrays and them. */
	if (!mm->start_stack)
		return 0;
	p = mm->start_stack;
	/* argc, argv..., NULL, envp..., NULL, then the (type, value) pairs. */
	if (get_user(word, (unsigned long __user *)p))
		return 0;
	p += (word + 2) * sizeof(long);
	do {
		if (get_user(word, (unsigned long __user *)p))
			return 0;
		p += sizeof(long);
	} while (word);
	while (n + 2 <= max) {
		if (get_user(auxv[n], (unsigned long __user *)p) ||
		    get_user(auxv[n + 1], (unsigned long __user *)(p + sizeof(long))))
			return 0;
		p += 2 * sizeof(long);
		n += 2;
		if (!auxv[n - 2])
			break;
	}
	return n * sizeof(long);
}

/* Write a page of user memory, or zeroes where nothing can be read. */
static bool dump_user_page(struct coredump_params *cprm, unsigned long addr, void *page)
{
	if (copy_from_user(page, (void __user *)addr, PAGE_SIZE))
		memset(page, 0, PAGE_SIZE);
	return dump_emit(cprm, page, PAGE_SIZE);
}

/* What the dump needs of one area, copied under mmap_lock (Linux's dump_vma_snapshot). */
struct core_vma_metadata {
	unsigned long start, end, flags;
	bool dump;
};

/*
 * The areas, copied out under the read side of mmap_lock: the headers and
 * the contents are written with the lock dropped, since writing takes the
 * core file's inode lock and a fault in that write takes mmap_lock.
 */
static struct core_vma_metadata *dump_vma_snapshot(struct mm_struct *mm, int *count)
{
	struct core_vma_metadata *meta;
	struct vm_area_struct *vma;
	int n = 0;

	mmap_read_lock(mm);
	meta = kmalloc_array(mm->map_count ? mm->map_count : 1, sizeof(*meta), GFP_KERNEL);
	if (!meta) {
		mmap_read_unlock(mm);
		return NULL;
	}
	for (vma = mm->mmap; vma && n < mm->map_count; vma = vma->vm_next, n++) {
		meta[n].start = vma->vm_start;
		meta[n].end = vma->vm_end;
		meta[n].flags = vma->vm_flags;
		meta[n].dump = vma_dump_contents(vma, mm->coredump_filter);
	}
	mmap_read_unlock(mm);
	*count = n;
	return meta;
}

static void elf_core_dump(struct coredump_params *cprm, int signr)
{
	struct mm_struct *mm = current->mm;
	struct core_vma_metadata *meta;
	struct elf_prstatus prstatus;
	struct elf_prpsinfo psinfo;
	unsigned long auxv[2 * 64];
	size_t auxv_size, files_size = 0, notes_size;
	Elf64_Ehdr ehdr;
	Elf64_Phdr phdr;
	void *files, *page;
	loff_t offset;
	int segs = 0, i;

	page = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!page)
		return;
	meta = dump_vma_snapshot(mm, &segs);
	if (!meta) {
		kfree(page);
		return;
	}
	fill_prstatus(&prstatus, signr);
	fill_prpsinfo(&psinfo, mm);
	auxv_size = read_auxv(mm, auxv, ARRAY_SIZE(auxv));
	mmap_read_lock(mm);		/* both of its passes see the same areas */
	files = fill_files_note(mm, &files_size);
	mmap_read_unlock(mm);

	notes_size = note_size(sizeof(prstatus)) + note_size(sizeof(psinfo)) +
		     (auxv_size ? note_size(auxv_size) : 0) + (files ? note_size(files_size) : 0);

	memset(&ehdr, 0, sizeof(ehdr));
	memcpy(ehdr.e_ident, ELFMAG, SELFMAG);
	ehdr.e_ident[EI_CLASS] = ELFCLASS64;
	ehdr.e_ident[EI_DATA] = ELFDATA2LSB;
	ehdr.e_ident[EI_VERSION] = EV_CURRENT;
	ehdr.e_type = ET_CORE;
	ehdr.e_machine = EM_X86_64;
	ehdr.e_version = EV_CURRENT;
	ehdr.e_phoff = sizeof(ehdr);
	ehdr.e_ehsize = sizeof(ehdr);
	ehdr.e_phentsize = sizeof(Elf64_Phdr);
	ehdr.e_phnum = segs + 1;
	if (!dump_emit(cprm, &ehdr, sizeof(ehdr)))
		goto out;

	/* The notes right after the headers; the memory page-aligned after them. */
	offset = sizeof(ehdr) + (segs + 1) * sizeof(Elf64_Phdr);
	memset(&phdr, 0, sizeof(phdr));
	phdr.p_type = PT_NOTE;
	phdr.p_offset = offset;
	phdr.p_filesz = notes_size;
	if (!dump_emit(cprm, &phdr, sizeof(phdr)))
		goto out;
	offset = ALIGN(offset + notes_size, PAGE_SIZE);

	for (i = 0; i < segs; i++) {
		unsigned long size = meta[i].end - meta[i].start;

		memset(&phdr, 0, sizeof(phdr));
		phdr.p_type = PT_LOAD;
		phdr.p_offset = offset;
		phdr.p_vaddr = meta[i].start;
		phdr.p_memsz = size;
		phdr.p_filesz = meta[i].dump ? size : 0;
		phdr.p_flags = (meta[i].flags & VM_READ ? PF_R : 0) |
			       (meta[i].flags & VM_WRITE ? PF_W : 0) |
			       (meta[i].flags & VM_EXEC ? PF_X : 0);
		phdr.p_align = PAGE_SIZE;
		offset += phdr.p_filesz;
		if (!dump_emit(cprm, &phdr, sizeof(phdr)))
			goto out;
	}

	if (!write_note(cprm, NT_PRSTATUS, &prstatus, sizeof(prstatus)) ||
	    !write_note(cprm, NT_PRPSINFO, &psinfo, sizeof(psinfo)) ||
	    (auxv_size && !write_note(cprm, NT_AUXV, auxv, auxv_size)) ||
	    (files && !write_note(cprm, NT_FILE, files, files_size)) ||
	    !dump_align(cprm, 16))
		goto out;
	memset(page, 0, PAGE_SIZE);
	if (cprm->pos & ~PAGE_MASK) {
		size_t pad = PAGE_SIZE - (cprm->pos & ~PAGE_MASK);

		if (!dump_emit(cprm, page, pad))
			goto out;
	}

	/*
	 * The contents, from the snapshot: each page is read with a user
	 * copy (faulting it in takes mmap_lock), and a page whose area has
	 * gone meanwhile reads as zeroes.
	 */
	for (i = 0; i < segs; i++) {
		unsigned long addr;

		if (!meta[i].dump)
			continue;
		for (addr = meta[i].start; addr < meta[i].end; addr += PAGE_SIZE)
			if (!dump_user_page(cprm, addr, page))
				goto out;
	}
out:
	kfree(files);
	kfree(meta);
	kfree(page);
}

/* Expand core_pattern into @name; false if it asks for a pipe. */
static bool format_corename(char *name, size_t size, int signr)
{
	const char *pat = core_pattern;
	const struct cred *cred = current_cred();
	bool has_pid = false;
	size_t n = 0;
	char *path, *tmp;

	if (*pat == '|')
		return false;
	for (; *pat && n < size - 1; pat++) {
		if (*pat != '%' || !pat[1]) {
			name[n++] = *pat;
			continue;
		}
		pat++;
		switch (*pat) {
		case '%':
			name[n++] = '%';
			break;
		case 'p':
			has_pid = true;
			n += scnprintf(name + n, size - n, "%d", current->tgid);
			break;
		case 'P':
			n += scnprintf(name + n, size - n, "%d", current->tgid);
			break;
		case 'i':
		case 'I':
			n += scnprintf(name + n, size - n, "%d", task_tgid_vnr(current));
			break;
		case 'u':
			n += scnprintf(name + n, size - n, "%u", cred->uid);
			break;
		case 'g':
			n += scnprintf(name + n, size - n, "%u", cred->gid);
			break;
		case 's':
			n += scnprintf(name + n, size - n, "%d", signr);
			break;
		case 't':
			n += scnprintf(name + n, size - n, "%llu",
				       ktime_get_real_ns() / NSEC_PER_SEC);
			break;
		case 'h':
			n += scnprintf(name + n, size - n, "%s", utsname()->nodename);
			break;
		case 'e':
			n += scnprintf(name + n, size - n, "%s", current->comm);
			break;
		case 'E':
			tmp = kmalloc(PAGE_SIZE, GFP_KERNEL);
			path = tmp && current->mm->exe_file ?
			       d_path(&current->mm->exe_file->f_path, tmp, PAGE_SIZE) : NULL;
			if (!IS_ERR_OR_NULL(path)) {
				for (; *path && n < size - 1; path++)
					name[n++] = *path == '/' ? '!' : *path;
			}
			kfree(tmp);
			break;
		default:	/* unknown specifiers vanish, as on Linux */
			break;
		}
	}
	if (core_uses_pid && !has_pid && n < size - 1)
		n += scnprintf(name + n, size - n, ".%d", current->tgid);
	name[min(n, size - 1)] = 0;
	return true;
}

/*
 * Write the core of the current process, dying of @signr.  Returns true
 * if a core file was written (the exit status then carries 0x80).
 */
bool do_coredump(int signr)
{
	struct mm_struct *mm = current->mm;
	struct coredump_params cprm = { .limit = rlimit(RLIMIT_CORE) };
	struct inode *inode;
	char *name;
	bool ok = false;

	if (!mm || mm->dumpable == SUID_DUMP_DISABLE || cprm.limit < PAGE_SIZE)
		return false;
	name = kmalloc(CORENAME_MAX_SIZE + 32, GFP_KERNEL);
	if (!name)
		return false;
	if (!format_corename(name, CORENAME_MAX_SIZE + 32, signr) || !*name)
		goto out;
	cprm.file = filp_open(name, O_CREAT | O_WRONLY | O_NOFOLLOW | O_LARGEFILE, 0600);
	if (IS_ERR(cprm.file))
		goto out;
	inode = file_inode(cprm.file);
	/* Never through a link or into someone else's file. */
	if (!S_ISREG(inode->i_mode) || inode->i_nlink > 1 || inode->i_uid != current_fsuid() ||
	    !cprm.file->f_op || (!cprm.file->f_op->write && !cprm.file->f_op->write_iter))
		goto close;
	if (do_truncate(cprm.file->f_path.dentry, 0, 0))
		goto close;
	elf_core_dump(&cprm, signr);
	/* Cut short by RLIMIT_CORE is still a core dump (Linux says so in the status). */
	ok = !cprm.failed || cprm.truncated;
close:
	fput(cprm.file);
out:
	kfree(name);
	return ok;
}
