// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's side of the vDSO.  The image (vdso.so, built from
 * vclock_gettime.c and vdso.lds.S, embedded by vdso-image.S) is copied
 * into pages once at boot; exec maps those same pages into every process
 * ([vdso]), with the data page ([vvar]) below them, and passes the
 * address in AT_SYSINFO_EHDR.  The kernel writes the clock parameters
 * into [vvar] under a seqcount (update_vsyscall); processes only read.
 * A process in a time namespace gets the namespace's page first in
 * [vvar] and the real one after it (asm/vdso.h); entering a namespace
 * swaps the pages of an existing mapping (vdso_join_timens).
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/err.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/mman.h>
#include <linux/mmap_lock.h>
#include <linux/mm_vma.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/nsproxy.h>
#include <linux/time_namespace.h>
#include <linux/jiffies.h>
#include <uapi/linux/elf.h>
#include <asm/msr.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/timer.h>
#include <asm/tlbflush.h>
#include <asm/vdso.h>

#define MSR_TSC_AUX		0xc0000103

extern const char vdso_image_start[], vdso_image_end[];

static struct page **vdso_pages;
static unsigned int vdso_npages;
static struct page *vvar_page;		/* the real clock data */

static DEFINE_SPINLOCK(vvar_lock);	/* serializes writers of vdso_data */
static struct vdso_data *vdso_data;	/* lock: vvar_lock (writers) */
static s64 vdso_realtime_offset;	/* the latest, for init; lock: vvar_lock */

void update_vsyscall(s64 realtime_offset)
{
	struct vdso_data *vd;
	unsigned long flags;

	spin_lock_irqsave(&vvar_lock, flags);
	vdso_realtime_offset = realtime_offset;
	vd = vdso_data;
	if (vd) {
		/* x86 keeps stores in order: a compiler barrier is enough. */
		WRITE_ONCE(vd->seq, vd->seq + 1);
		barrier();
		vd->realtime_offset = realtime_offset;
		barrier();
		WRITE_ONCE(vd->seq, vd->seq + 1);
	}
	spin_unlock_irqrestore(&vvar_lock, flags);
}

/* rdtscp returns TSC_AUX: the CPU number for getcpu, as Linux sets it. */
static bool vgetcpu_cpu_init(void)
{
	if (!boot_cpu_has(X86_FEATURE_RDTSCP))
		return false;
	/* This CPU's; the others write theirs in cpu_init() as they start. */
	wrmsrl(MSR_TSC_AUX, smp_processor_id());
	return true;
}

static int __init init_vdso(void)
{
	size_t size = vdso_image_end - vdso_image_start;
	struct vdso_data *vd;
	unsigned long flags;
	unsigned int i;

	if (size < sizeof(Elf64_Ehdr) || memcmp(vdso_image_start, ELFMAG, SELFMAG)) {
		pr_err("vdso: the embedded image is not ELF\n");
		return -EINVAL;
	}
	vdso_npages = PAGE_ALIGN(size) >> PAGE_SHIFT;
	vdso_pages = kcalloc(vdso_npages, sizeof(*vdso_pages), GFP_KERNEL);
	if (!vdso_pages)
		goto nomem;
	for (i = 0; i < vdso_npages; i++) {
		size_t n = min_t(size_t, PAGE_SIZE, size - i * PAGE_SIZE);

		vdso_pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!vdso_pages[i])
			goto nomem;
		memcpy(page_address(vdso_pages[i]), vdso_image_start + i * PAGE_SIZE, n);
	}
	vvar_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!vvar_page)
		goto nomem;
	vd = page_address(vvar_page);
	tsc_get_cyc2ns(&vd->tsc_base, &vd->ns_base, &vd->mult, &vd->shift);
	vd->hres_res = 1;
	vd->coarse_res = TICK_NSEC;
	vd->getcpu_rdtscp = vgetcpu_cpu_init();
	spin_lock_irqsave(&vvar_lock, flags);
	vd->realtime_offset = vdso_realtime_offset;
	vdso_data = vd;
	spin_unlock_irqrestore(&vvar_lock, flags);
	pr_info("vdso: %zu bytes in %u pages, clock_gettime without a system call\n",
		size, vdso_npages);
	return 0;
nomem:
	/* Without pages exec maps no vDSO; libc then makes system calls. */
	vdso_npages = 0;
	return -ENOMEM;
}
arch_initcall(init_vdso);

/*
 * A time namespace's page: no clock of its own, only the offsets and the
 * constant fields the vDSO reads from the first page (resolutions, getcpu).
 * Written once, when the first task enters and the offsets freeze.
 */
void vdso_init_timens_page(struct page *page, const struct timens_offsets *offsets)
{
	struct vdso_data *ns_vd = page_address(page), *vd;

	memset(ns_vd, 0, sizeof(*ns_vd));
	if (vvar_page) {
		vd = page_address(vvar_page);
		ns_vd->hres_res = vd->hres_res;
		ns_vd->coarse_res = vd->coarse_res;
		ns_vd->getcpu_rdtscp = vd->getcpu_rdtscp;
	}
	ns_vd->monotonic_offset = offsets->monotonic;
	ns_vd->boottime_offset = offsets->boottime;
	barrier();
	WRITE_ONCE(ns_vd->clock_mode, VDSO_CLOCKMODE_TIMENS);
}

/* What [vvar] shows in @ns: the real page twice outside any namespace. */
static void vvar_pages_of(struct time_namespace *ns, struct page **pages)
{
	pages[0] = ns == &init_time_ns ? vvar_page : ns->vvar_page;
	pages[VVAR_TIMENS_REAL_PAGE] = vvar_page;
}

/*
 * @mm's [vvar] shows @ns's pages from now on.  Only for an mm no other
 * task in another namespace uses: a fork child's, or a single-threaded
 * setns caller's.  An [vvar] the process unmapped or moved is left alone.
 */
void vdso_join_timens(struct mm_struct *mm, struct time_namespace *ns)
{
	unsigned long vvar_len = VVAR_PAGES * PAGE_SIZE, vdso, addr;
	struct page *pages[VVAR_PAGES];
	struct vm_area_struct *vma;
	unsigned int i;

	if (!vdso_npages)
		return;
	vvar_pages_of(ns, pages);
	mmap_write_lock(mm);
	vdso = mm->context.vdso;
	if (!vdso || vdso < vvar_len)
		goto out;
	addr = vdso - vvar_len;
	vma = find_vma(mm, addr);
	if (!vma || vma->vm_start != addr || vma->vm_end != vdso ||
	    !(vma->vm_flags & VM_DONTEXPAND))
		goto out;
	zap_page_range(vma, addr, vvar_len);
	/* Only a page-table allocation can fail; the vDSO then faults, as unmapped. */
	for (i = 0; i < VVAR_PAGES; i++)
		vm_insert_page(vma, addr + i * PAGE_SIZE, pages[i]);
	flush_tlb_mm_range(mm, addr, vdso);
out:
	mmap_write_unlock(mm);
}

/*
 * Map [vvar] and [vdso] at a free place of the new mm (below the
 * interpreter, so as random as mmap_base).  Both areas hold the boot-time
 * pages (or a time namespace's): nothing is copied per process.
 */
int arch_setup_additional_pages(struct linux_binprm *bprm, int uses_interp)
{
	struct mm_struct *mm = current->mm;
	unsigned long vvar_len = VVAR_PAGES * PAGE_SIZE, len, addr;
	struct page *vvar_pages[VVAR_PAGES];
	int err;

	if (!vdso_npages)
		return 0;
	len = vvar_len + ((unsigned long)vdso_npages << PAGE_SHIFT);
	addr = vm_mmap(NULL, 0, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, 0);
	if (IS_ERR_VALUE(addr))
		return addr;
	vvar_pages_of(task_nsproxy(current)->time_ns, vvar_pages);
	err = install_special_mapping(mm, addr, vvar_len,
				      VM_READ | VM_MAYREAD | VM_DONTEXPAND, vvar_pages);
	if (err)
		return err;
	/* VM_MAYWRITE as Linux: a debugger may write a breakpoint (a private copy). */
	err = install_special_mapping(mm, addr + vvar_len, len - vvar_len,
				      VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE |
				      VM_MAYEXEC | VM_DONTEXPAND, vdso_pages);
	if (err)
		return err;
	mm->context.vdso = addr + vvar_len;
	return 0;
}

/* A process may move its vDSO (checkpoint/restore tools do): keep track. */
void arch_remap(struct mm_struct *mm, unsigned long old_start, unsigned long new_start)
{
	if (mm->context.vdso && mm->context.vdso == old_start)
		mm->context.vdso = new_start;
}

const char *arch_vma_name(struct vm_area_struct *vma)
{
	unsigned long vdso = vma->vm_mm->context.vdso;

	if (!vdso || !(vma->vm_flags & VM_DONTEXPAND))
		return NULL;
	if (vma->vm_start == vdso)
		return "[vdso]";
	if (vma->vm_end == vdso)
		return "[vvar]";
	return NULL;
}
