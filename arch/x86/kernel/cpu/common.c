// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU processor state: what the CPU can do (CPUID), and the tables
 * every CPU must load before it can take an interrupt or run user code:
 * its GDT, its TSS (whose interrupt-stack table gives double faults and
 * NMIs a known-good stack), its GS base for per-CPU data, and the
 * protections in CR4 (SMEP, SMAP, UMIP) and EFER (NX).
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/desc.h>
#include <asm/msr.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/processor.h>
#include <asm/smp.h>
#include <asm/traps.h>
#include <linux/sched.h>

struct cpuinfo_x86 boot_cpu_data;
unsigned long __per_cpu_offset[NR_CPUS];
unsigned int nr_cpu_ids = 1;
DEFINE_PER_CPU(unsigned long, this_cpu_off);
EXPORT_SYMBOL(this_cpu_off);
DEFINE_PER_CPU(int, cpu_number);
EXPORT_SYMBOL(cpu_number);
DEFINE_PER_CPU(unsigned int, __preempt_count);
EXPORT_SYMBOL(__preempt_count);
DEFINE_PER_CPU(unsigned long, cpu_current_top_of_stack);
DEFINE_PER_CPU(struct task_struct *, current_task) = &init_task;
EXPORT_SYMBOL(current_task);
extern bool smap_enabled;

/* Flat segments; in long mode only the type, DPL and L bits matter. */
#define GDT_ENTRY(flags, base, limit)					\
	((((base) & 0xff000000ULL) << (56 - 24)) | (((flags) & 0xf0ffULL) << 40) | \
	 (((limit) & 0x000f0000ULL) << (48 - 16)) | (((base) & 0x00ffffffULL) << 16) | \
	 ((limit) & 0x0000ffffULL))

/*
 * Each CPU has its own GDT: its TSS descriptor points at its own TSS,
 * and "ltr" marks that descriptor busy, so two CPUs cannot share one.
 */
static u64 gdt_tables[NR_CPUS][GDT_ENTRIES] __aligned(64);
static const u64 gdt_template[GDT_ENTRIES] = {
	[GDT_ENTRY_KERNEL32_CS]		= GDT_ENTRY(0xc09b, 0, 0xfffff),
	[GDT_ENTRY_KERNEL_CS]		= GDT_ENTRY(0xa09b, 0, 0xfffff),
	[GDT_ENTRY_KERNEL_DS]		= GDT_ENTRY(0xc093, 0, 0xfffff),
	[GDT_ENTRY_DEFAULT_USER32_CS]	= GDT_ENTRY(0xc0fb, 0, 0xfffff),
	[GDT_ENTRY_DEFAULT_USER_DS]	= GDT_ENTRY(0xc0f3, 0, 0xfffff),
	[GDT_ENTRY_DEFAULT_USER_CS]	= GDT_ENTRY(0xa0fb, 0, 0xfffff),
};

DEFINE_PER_CPU(struct tss_struct, cpu_tss_rw) __aligned(64);
/* The boot CPU's IST stacks; smpboot.c allocates the others'. */
static char bsp_exception_stacks[N_EXCEPTION_STACKS][EXCEPTION_STACK_SIZE]
	__aligned(EXCEPTION_STACK_SIZE);
static DEFINE_PER_CPU(char *, exception_stacks);

static void __init get_cpu_cap(struct cpuinfo_x86 *c)
{
	u32 eax, ebx, ecx, edx;
	u32 *name = (u32 *)c->x86_model_id;
	unsigned int i;

	cpuid(0, &c->cpuid_level, &ebx, &ecx, &edx);
	memcpy(c->x86_vendor_id + 0, &ebx, 4);
	memcpy(c->x86_vendor_id + 4, &edx, 4);
	memcpy(c->x86_vendor_id + 8, &ecx, 4);

	cpuid(1, &eax, &ebx, &ecx, &edx);
	c->x86 = (eax >> 8) & 0xf;
	c->x86_model = (eax >> 4) & 0xf;
	c->x86_stepping = eax & 0xf;
	if (c->x86 == 0xf)
		c->x86 += (eax >> 20) & 0xff;
	if (c->x86 >= 0x6)
		c->x86_model += ((eax >> 16) & 0xf) << 4;
	c->x86_capability[0] = edx;
	c->x86_capability[1] = ecx;

	if (c->cpuid_level >= 7) {
		cpuid_count(7, 0, &eax, &ebx, &ecx, &edx);
		c->x86_capability[3] = ebx;
		c->x86_capability[4] = ecx;
	}

	cpuid(0x80000000, &c->extended_cpuid_level, &ebx, &ecx, &edx);
	if (c->extended_cpuid_level >= 0x80000001) {
		cpuid(0x80000001, &eax, &ebx, &ecx, &edx);
		c->x86_capability[2] = edx;
	}
	if (c->extended_cpuid_level >= 0x80000004) {
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &name[i * 4 + 0], &name[i * 4 + 1],
			      &name[i * 4 + 2], &name[i * 4 + 3]);
		c->x86_model_id[48] = '\0';
	}
	c->x86_phys_bits = 36;
	c->x86_virt_bits = 48;
	if (c->extended_cpuid_level >= 0x80000008) {
		cpuid(0x80000008, &eax, &ebx, &ecx, &edx);
		c->x86_phys_bits = eax & 0xff;
		c->x86_virt_bits = (eax >> 8) & 0xff;
	}
}

void __init early_cpu_init(void)
{
	struct cpuinfo_x86 *c = &boot_cpu_data;

	get_cpu_cap(c);
	pr_info("CPU: %s (family: 0x%x, model: 0x%x, stepping: 0x%x)\n",
		c->x86_model_id[0] ? strim(c->x86_model_id) : c->x86_vendor_id,
		c->x86, c->x86_model, c->x86_stepping);
	if (!boot_cpu_has(X86_FEATURE_SYSCALL) || !boot_cpu_has(X86_FEATURE_FXSR))
		panic("CPU lacks SYSCALL or FXSR, which Lantern needs");
}

static void set_tss_desc(u64 *gdt, struct tss_struct *tss)
{
	struct ldttss_desc *d = (struct ldttss_desc *)&gdt[GDT_ENTRY_TSS];
	unsigned long base = (unsigned long)&tss->x86_tss;
	unsigned long limit = __KERNEL_TSS_LIMIT;

	memset(d, 0, sizeof(*d));
	d->limit0 = limit & 0xffff;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->type = DESC_TSS;
	d->p = 1;
	d->limit1 = (limit >> 16) & 0xf;
	d->base2 = (base >> 24) & 0xff;
	d->base3 = base >> 32;
}

/* Protections the CPU offers, turned on once per CPU. */
static void cr4_and_efer_setup(void)
{
	unsigned long cr4 = read_cr4();

	cr4 |= X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT | X86_CR4_PGE;
	if (boot_cpu_has(X86_FEATURE_SMEP))
		cr4 |= X86_CR4_SMEP;
	if (boot_cpu_has(X86_FEATURE_SMAP)) {
		cr4 |= X86_CR4_SMAP;
		smap_enabled = true;	/* user copies bracket themselves with stac/clac */
	}
	if (boot_cpu_has(X86_FEATURE_UMIP))
		cr4 |= X86_CR4_UMIP;
	write_cr4(cr4);

	/* FPU/SSE on for user space: no emulation, native errors. */
	write_cr0((read_cr0() & ~(X86_CR0_EM | X86_CR0_TS)) | X86_CR0_MP | X86_CR0_NE);
	if (boot_cpu_has(X86_FEATURE_NX))
		wrmsrl(MSR_EFER, rdmsrl(MSR_EFER) | EFER_NX);
}

extern char entry_SYSCALL_64[], ignore_sysret[];

/*
 * SYSCALL: enter at entry_SYSCALL_64 with CS/SS from STAR[47:32] (kernel)
 * and return with SYSRET to STAR[63:48] + 16/+8 (the 64-bit user CS and
 * the user DS, see segment.h).  The listed RFLAGS bits are cleared on
 * entry: interrupts stay off until the kernel stack is set up, and no
 * single-step or alignment check follows user code into the kernel.
 * 32-bit SYSCALL (CSTAR) gets -ENOSYS: there is no 32-bit ABI.
 */
static void syscall_init(void)
{
	wrmsrl(MSR_STAR, ((u64)__USER32_CS << 48) | ((u64)__KERNEL_CS << 32));
	wrmsrl(MSR_LSTAR, (unsigned long)entry_SYSCALL_64);
	wrmsrl(MSR_CSTAR, (unsigned long)ignore_sysret);
	wrmsrl(MSR_SYSCALL_MASK, X86_EFLAGS_TF | X86_EFLAGS_DF | X86_EFLAGS_IF |
				  X86_EFLAGS_IOPL | X86_EFLAGS_AC | X86_EFLAGS_NT);
	wrmsrl(MSR_EFER, rdmsrl(MSR_EFER) | EFER_SCE);
}

/*
 * Load this CPU's descriptor tables and per-CPU base.  The boot CPU uses
 * the per-CPU section itself (offset 0); secondary CPUs get the copies
 * setup_per_cpu_areas() made, and @ist_stacks (N_EXCEPTION_STACKS pages).
 */
void cpu_init(int cpu, char *ist_stacks)
{
	struct tss_struct *tss = per_cpu_ptr(&cpu_tss_rw, cpu);
	u64 *gdt = gdt_tables[cpu];
	struct desc_ptr gdt_descr = {
		.size = sizeof(gdt_template) - 1,
		.address = (unsigned long)gdt,
	};
	int i;

	if (!ist_stacks)
		ist_stacks = &bsp_exception_stacks[0][0];
	wrmsrl(MSR_GS_BASE, per_cpu_offset(cpu));
	wrmsrl(MSR_KERNEL_GS_BASE, 0);
	this_cpu_write(this_cpu_off, per_cpu_offset(cpu));
	this_cpu_write(cpu_number, cpu);
	this_cpu_write(exception_stacks, ist_stacks);

	memset(tss, 0, sizeof(*tss));
	for (i = 0; i < N_EXCEPTION_STACKS; i++)
		tss->x86_tss.ist[i] = (unsigned long)ist_stacks +
				      (i + 1) * EXCEPTION_STACK_SIZE;
	/* No port allowed until a task asks (ioport.c): the base points past the limit. */
	memset(tss->io_bitmap, 0xff, sizeof(tss->io_bitmap));
	tss->x86_tss.io_bitmap_base = IO_BITMAP_OFFSET_INVALID;
	memcpy(gdt, gdt_template, sizeof(gdt_template));
	set_tss_desc(gdt, tss);

	load_gdt(&gdt_descr);
	asm volatile(
		"pushq %[cs]\n\t"
		"leaq 1f(%%rip), %%rax\n\t"
		"pushq %%rax\n\t"
		"lretq\n"
		"1:\n\t"
		"movl %[ds], %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		: : [cs] "i"(__KERNEL_CS), [ds] "i"(__KERNEL_DS) : "rax", "memory");
	/* A null FS/GS selector; their bases live in MSRs. */
	asm volatile("movl %0, %%fs; movl %0, %%gs" : : "r"(0));
	wrmsrl(MSR_GS_BASE, per_cpu_offset(cpu));
	load_tr(GDT_ENTRY_TSS_SEL);
	cr4_and_efer_setup();
	syscall_init();
	/* rdtscp's TSC_AUX carries the CPU number to the vDSO's getcpu. */
	if (boot_cpu_has(X86_FEATURE_RDTSCP))
		wrmsrl(0xc0000103, cpu);	/* MSR_TSC_AUX */
}

/* The stack entries from user mode switch to (set on every context switch). */
void update_task_stack(unsigned long sp0)
{
	this_cpu_write(cpu_tss_rw.x86_tss.sp0, sp0);
}

/* For the unwinder: is @addr on one of this CPU's exception stacks? */
bool in_exception_stack(unsigned long addr, unsigned long *begin, unsigned long *end)
{
	unsigned long base = (unsigned long)this_cpu_read(exception_stacks);
	unsigned long top = base + N_EXCEPTION_STACKS * EXCEPTION_STACK_SIZE;

	if (addr < base || addr >= top)
		return false;
	*begin = ALIGN_DOWN(addr, EXCEPTION_STACK_SIZE);
	*end = *begin + EXCEPTION_STACK_SIZE;
	return true;
}
