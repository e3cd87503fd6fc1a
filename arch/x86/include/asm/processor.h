/* SPDX-License-Identifier: GPL-2.0 */
/* What the CPU is and can do (CPUID), and the TSS it runs with. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/cpufeatures.h>
#include <asm/special_insns.h>
#include <asm/segment.h>
#include <asm/page.h>
#include <asm/percpu.h>
#include <asm/ptrace.h>

static inline void cpuid_count(u32 leaf, u32 subleaf, u32 *eax, u32 *ebx,
			       u32 *ecx, u32 *edx)
{
	asm volatile("cpuid"
		     : "=a"(*eax), "=b"(*ebx), "=c"(*ecx), "=d"(*edx)
		     : "a"(leaf), "c"(subleaf));
}

static inline void cpuid(u32 leaf, u32 *eax, u32 *ebx, u32 *ecx, u32 *edx)
{
	cpuid_count(leaf, 0, eax, ebx, ecx, edx);
}

/*
 * Serialize the instruction stream: forget instruction bytes fetched
 * before code was rewritten, here or by another CPU (SDM 8.1.3).
 * Always inlined, so the function tracer never patches a call to it.
 */
static __always_inline void sync_core(void)
{
	unsigned int eax = 1, ebx, ecx = 0, edx;

	asm volatile("cpuid" : "+a"(eax), "=b"(ebx), "+c"(ecx), "=d"(edx) : : "memory");
}

struct cpuinfo_x86 {
	u8	x86;			/* family */
	u8	x86_model;
	u8	x86_stepping;
	u8	x86_phys_bits;
	u8	x86_virt_bits;
	u32	cpuid_level;
	u32	extended_cpuid_level;
	u32	x86_capability[NCAPINTS];
	char	x86_vendor_id[16];
	char	x86_model_id[64];
	unsigned long loops_per_jiffy;
};

extern struct cpuinfo_x86 boot_cpu_data;

static inline bool boot_cpu_has(unsigned int bit)
{
	return boot_cpu_data.x86_capability[bit / 32] & (1u << (bit % 32));
}

/* The hardware task-state segment: only stack pointers matter in long mode. */
struct x86_hw_tss {
	u32 reserved1;
	u64 sp0;		/* kernel stack for entries from user mode */
	u64 sp1;
	u64 sp2;
	u64 reserved2;
	u64 ist[7];		/* stacks for double fault, NMI, ... */
	u32 reserved3;
	u32 reserved4;
	u16 reserved5;
	u16 io_bitmap_base;
} __packed;

/* The I/O permission bitmap: a bit per port, set = denied to user mode. */
#define IO_BITMAP_BITS		65536
#define IO_BITMAP_BYTES		(IO_BITMAP_BITS / 8)
#define IO_BITMAP_LONGS		(IO_BITMAP_BYTES / sizeof(long))

struct tss_struct {
	struct x86_hw_tss x86_tss;
	/*
	 * The running task's I/O bitmap, copied in at switch (ioport.c).  The
	 * CPU reads a byte past the last port's: the extra long stays all ones.
	 */
	unsigned long io_bitmap[IO_BITMAP_LONGS + 1];
	unsigned int io_bitmap_loaded;	/* leading bytes that may allow a port */
} __aligned(64);

/* io_bitmap_base: the bitmap in force, or past the segment limit (no port allowed). */
#define IO_BITMAP_OFFSET_VALID		offsetof(struct tss_struct, io_bitmap)
#define __KERNEL_TSS_LIMIT		(offsetof(struct tss_struct, io_bitmap) + \
					 sizeof(((struct tss_struct *)0)->io_bitmap) - 1)
#define IO_BITMAP_OFFSET_INVALID	(__KERNEL_TSS_LIMIT + 1)

/* A task's ports from ioperm(2): a copy of the hardware layout. */
struct io_bitmap {
	unsigned long bitmap[IO_BITMAP_LONGS];
	unsigned int max;		/* bytes up to the last allowed port's long */
};

/* The legacy FXSAVE area: x87, MMX and SSE registers (512 bytes). */
struct fxregs_state {
	u16 cwd, swd, twd, fop;
	u64 rip, rdp;
	u32 mxcsr, mxcsr_mask;
	u32 st_space[32];
	u32 xmm_space[64];
	u32 padding[24];
} __aligned(16);

/* The CPU state of a task that is not on a CPU (see __switch_to). */
struct thread_struct {
	unsigned long sp;		/* kernel stack pointer while switched out */
	unsigned long fsbase;		/* user TLS base (arch_prctl ARCH_SET_FS) */
	unsigned long gsbase;
	/* Debug registers as a tracer set them (PTRACE_POKEUSER u_debugreg). */
	unsigned long debugreg[4];
	unsigned long debugreg6, debugreg7;
	struct fxregs_state fpu;	/* user FPU/SSE registers */
	struct io_bitmap *io_bitmap;	/* ioperm(2) ports, or NULL */
	unsigned int iopl_emul;		/* iopl(2) level; 3 allows every port */
};

/*
 * The frame __switch_to_asm leaves on a task's kernel stack when it is
 * switched out; a new task gets a fake one whose ret_addr is ret_from_fork.
 */
struct inactive_task_frame {
	unsigned long r15, r14, r13, r12, bx, bp;
	unsigned long ret_addr;
};

struct fork_frame {
	struct inactive_task_frame frame;
	struct pt_regs regs;
};

#define TASK_SIZE		(1UL << 47)
#define TASK_SIZE_MAX		((1UL << 47) - PAGE_SIZE)
#define STACK_TOP		TASK_SIZE_MAX
#define TASK_UNMAPPED_BASE	(TASK_SIZE / 3 * 2 & PAGE_MASK)

DECLARE_PER_CPU(struct tss_struct, cpu_tss_rw);
DECLARE_PER_CPU(unsigned long, cpu_current_top_of_stack);

void cpu_init(int cpu, char *ist_stacks);
void update_task_stack(unsigned long sp0);
struct task_struct;
void tss_update_io_bitmap(struct task_struct *next);
int io_bitmap_copy(struct task_struct *p);
void io_bitmap_exit(struct task_struct *tsk);
void fpu__init_cpu(void);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
/* prctl(PR_GET_TSC / PR_SET_TSC): RDTSC allowed or faulting */
long get_tsc_mode(unsigned long adr);
long set_tsc_mode(unsigned int val);

/* The user registers saved at the top of a task's kernel stack. */
#define task_pt_regs(task) \
	((struct pt_regs *)((unsigned long)(task)->stack + THREAD_SIZE) - 1)
#define current_pt_regs()	task_pt_regs(current)
void early_cpu_init(void);

#endif
