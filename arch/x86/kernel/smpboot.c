// SPDX-License-Identifier: GPL-2.0
/*
 * Starting the application processors (APs).  At power-on every CPU but
 * the boot CPU (BSP) waits for a STARTUP IPI.  The MADT lists the CPUs'
 * local APIC ids; setup_per_cpu_areas() numbers them (the BSP is CPU 0)
 * and gives each a copy of the per-CPU section.  For each AP,
 * native_cpu_up():
 *
 *   1. allocates its idle task, idle stack and interrupt-stack-table
 *      stacks, and leaves them where secondary_startup_64 looks;
 *   2. sends INIT, waits 10 ms, then STARTUP twice 200 us apart (SDM
 *      vol. 3, 8.4.4.1): the AP runs trampoline_64.S from the page
 *      below 1 MiB the STARTUP vector names;
 *   3. waits for the AP to set itself online.
 *
 * On the AP, start_secondary() loads its own GDT, TSS and GS base
 * (cpu_init), the shared IDT, enables its local APIC, starts its own
 * tick (the local APIC timer, one-shot, driving its tick hrtimer), marks
 * itself active and enters the scheduler's idle loop: from then on the
 * scheduler places tasks on it.  The BSP starts one AP at a time, so the
 * hand-over variables below need no lock.
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <linux/tick.h>
#include <asm/apic.h>
#include <asm/bootparam.h>
#include <asm/desc.h>
#include <asm/irqflags.h>
#include <asm/page.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/processor-flags.h>
#include <asm/smp.h>

/* The AP's code page and its three page-table pages: below 1 MiB, reserved at boot. */
#define TRAMPOLINE_BASE		0x8000UL
#define TRAMPOLINE_PAGES	4
#define AP_BOOT_TIMEOUT_MS	10000

extern const char trampoline_start[], trampoline_end[];
extern const char trampoline_cr3[], trampoline_efer[], trampoline_entry64[];
extern char secondary_startup_64[];
void __noreturn start_secondary(unsigned int cpu);

/* Read by secondary_startup_64 and start_secondary on the AP being started. */
unsigned long smpboot_cr3, smpboot_stack;
unsigned int smpboot_cpu;
static struct task_struct *smpboot_idle;
static char *smpboot_ist;

static DEFINE_PER_CPU(struct task_struct *, idle_task);

static void __init trampoline_patch(const char *label, const void *val, size_t len)
{
	memcpy((char *)__va(TRAMPOLINE_BASE) + (label - trampoline_start), val, len);
}

static int __init setup_trampoline(void)
{
	unsigned long size = trampoline_end - trampoline_start;
	u64 *pml4 = __va(TRAMPOLINE_BASE + 1 * PAGE_SIZE);
	u64 *pdpt = __va(TRAMPOLINE_BASE + 2 * PAGE_SIZE);
	u64 *pd = __va(TRAMPOLINE_BASE + 3 * PAGE_SIZE);
	u64 entry = (u64)(unsigned long)secondary_startup_64;
	u32 cr3 = TRAMPOLINE_BASE + PAGE_SIZE;
	u32 efer = EFER_LME | (boot_cpu_has(X86_FEATURE_NX) ? EFER_NX : 0);
	unsigned long info = boot_params.boot_info_phys;

	if (size > PAGE_SIZE)
		return -E2BIG;
	/* The boot loader's information block must not be under us (it is parsed, but be safe). */
	if (boot_params.boot_info_size && info < TRAMPOLINE_BASE + TRAMPOLINE_PAGES * PAGE_SIZE &&
	    info + boot_params.boot_info_size > TRAMPOLINE_BASE) {
		pr_err("smpboot: the trampoline page %#lx holds boot information\n",
		       TRAMPOLINE_BASE);
		return -EBUSY;
	}
	memcpy(__va(TRAMPOLINE_BASE), trampoline_start, size);
	/* Identity: the first 2 MiB, one large page; the kernel half: the kernel's own. */
	memset(pml4, 0, 3 * PAGE_SIZE);
	pd[0] = 0 | _PAGE_PRESENT | _PAGE_RW | _PAGE_PSE;
	pdpt[0] = __pa(pd) | _PAGE_PRESENT | _PAGE_RW;
	pml4[0] = __pa(pdpt) | _PAGE_PRESENT | _PAGE_RW;
	memcpy(&pml4[PTRS_PER_PGD / 2], &init_top_pgt[PTRS_PER_PGD / 2],
	       PTRS_PER_PGD / 2 * sizeof(u64));
	trampoline_patch(trampoline_cr3, &cr3, sizeof(cr3));
	trampoline_patch(trampoline_efer, &efer, sizeof(efer));
	trampoline_patch(trampoline_entry64, &entry, sizeof(entry));
	smpboot_cr3 = __pa(init_top_pgt);
	return 0;
}

/*
 * An idle task for a CPU: a copy of the boot CPU's (init_task), on its
 * own stack, linked into no list.  It runs cpu_startup_entry(), the
 * scheduler's idle loop, and the interrupts that arrive there.
 */
static struct task_struct * __init idle_task_create(unsigned int cpu)
{
	struct task_struct *idle = kmalloc(sizeof(*idle), GFP_KERNEL);
	void *stack = (void *)__get_free_pages(GFP_KERNEL, THREAD_SIZE_ORDER);

	if (!idle || !stack) {
		kfree(idle);
		if (stack)
			free_pages((unsigned long)stack, THREAD_SIZE_ORDER);
		return NULL;
	}
	memcpy(idle, &init_task, sizeof(*idle));
	spin_lock_init(&idle->pi_lock);
	spin_lock_init(&idle->alloc_lock);
	lockdep_task_init(idle);
	idle->stack = stack;
	idle->pid = 0;
	idle->flags = PF_IDLE | PF_KTHREAD;
	idle->cpu = cpu;
	idle->curr_ret_stack = 0;	/* its own function-graph return stack, empty */
	INIT_LIST_HEAD(&idle->tasks);
	INIT_LIST_HEAD(&idle->children);
	INIT_LIST_HEAD(&idle->sibling);
	snprintf(idle->comm, sizeof(idle->comm), "swapper/%u", cpu);
	return idle;
}

/* INIT, then STARTUP twice (SDM vol. 3, 8.4.4.1 "Typical BSP Initialization Sequence"). */
static void __init wakeup_secondary_cpu_via_init(unsigned int apicid, unsigned long start)
{
	int i;

	apic_write(APIC_ESR, 0);
	apic_send_IPI(apicid, APIC_INT_LEVELTRIG | APIC_INT_ASSERT | APIC_DM_INIT);
	/* De-assert: only old (82489DX) APICs need it; newer ones ignore it. */
	apic_send_IPI(apicid, APIC_INT_LEVELTRIG | APIC_DM_INIT);
	mdelay(10);
	for (i = 0; i < 2; i++) {
		apic_write(APIC_ESR, 0);
		apic_send_IPI(apicid, APIC_DM_STARTUP | (start >> 12));
		udelay(200);
	}
}

int __init native_cpu_up(unsigned int cpu)
{
	unsigned int apicid = x86_cpu_to_apicid[cpu];
	struct task_struct *idle;
	char *ist;
	int ms;

	idle = idle_task_create(cpu);
	ist = (char *)__get_free_pages(GFP_KERNEL, get_order(N_EXCEPTION_STACKS *
							  EXCEPTION_STACK_SIZE));
	if (!idle || !ist) {
		pr_err("smpboot: no memory for CPU%u\n", cpu);
		return -ENOMEM;
	}
	per_cpu(idle_task, cpu) = idle;
	init_idle(idle, cpu);
	smpboot_idle = idle;
	smpboot_ist = ist;
	smpboot_cpu = cpu;
	smpboot_stack = (unsigned long)idle->stack + THREAD_SIZE;
	smp_mb();

	wakeup_secondary_cpu_via_init(apicid, TRAMPOLINE_BASE);
	for (ms = 0; ms < AP_BOOT_TIMEOUT_MS && !cpu_online(cpu); ms++)
		mdelay(1);
	if (!cpu_online(cpu)) {
		/* It may still be running the trampoline: its memory stays allocated. */
		pr_err("smpboot: CPU%u (APIC id %u) did not come up\n", cpu, apicid);
		return -EIO;
	}
	return 0;
}

void __init native_smp_prepare_cpus(unsigned int max_cpus)
{
	if (max_cpus <= 1 || nr_cpu_ids <= 1)
		return;
	if (!apic_available) {
		pr_warn("smp: no local APIC; running on the boot CPU alone\n");
		nr_cpu_ids = 1;
		return;
	}
	if (setup_trampoline()) {
		nr_cpu_ids = 1;
		return;
	}
}

/*
 * The AP's first C code, on its idle stack with the kernel's page
 * tables, interrupts off.  Nothing per-CPU can be touched until
 * cpu_init() has loaded this CPU's GS base.
 */
void __noreturn start_secondary(unsigned int cpu)
{
	struct task_struct *idle = smpboot_idle;

	cpu_init(cpu, smpboot_ist);
	load_current_idt();
	this_cpu_write(current_task, idle);
	this_cpu_write(cpu_current_top_of_stack, (unsigned long)idle->stack + THREAD_SIZE);
	update_task_stack((unsigned long)idle->stack + THREAD_SIZE);
	setup_secondary_APIC();
	if (read_apic_id() != x86_cpu_to_apicid[cpu])
		pr_warn("smpboot: CPU%u has APIC id %u, the MADT said %u\n", cpu,
			read_apic_id(), x86_cpu_to_apicid[cpu]);
	smp_mb();
	set_cpu_online(cpu, true);

	/*
	 * Its own tick, then it takes tasks.  Without a one-shot local APIC
	 * timer (the PIT fallback) it could not preempt one: it stays out of
	 * the active mask and only answers IPIs.
	 */
	if (setup_secondary_APIC_clockevent()) {
		tick_setup_sched_timer();
		set_cpu_active(cpu, true);
	}
	local_irq_enable();
	cpu_startup_entry();
}
