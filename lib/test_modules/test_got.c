// SPDX-License-Identifier: GPL-2.0
/*
 * Loads through the GOT: the loader must build a GOT for a module whose
 * code reaches symbols with R_X86_64_GOTPCREL or R_X86_64_REX_GOTPCRELX
 * (position-independent code makes them; Kbuild's flags never do, so the
 * instructions are written here by hand).  One symbol of the module, one
 * exported by the kernel, and the same symbol twice (one shared slot).
 */
#include <linux/module.h>
#include <linux/jiffies.h>

int test_got_value = 1234;

/* mov sym@GOTPCREL(%rip), reg: the assembler emits REX_GOTPCRELX. */
static noinline int *got_load_value(void)
{
	int *p;

	asm volatile("movq test_got_value@GOTPCREL(%%rip), %0" : "=r"(p));
	return p;
}

static noinline volatile u64 *got_load_jiffies(void)
{
	volatile u64 *p;

	asm volatile("movq jiffies_64@GOTPCREL(%%rip), %0" : "=r"(p));
	return p;
}

/*
 * The plain, non-relaxable GOTPCREL: the instruction with a zero
 * displacement (its disp32 is 3 bytes in, after REX, opcode, ModRM) and
 * the relocation attached by hand.
 */
static noinline int *got_load_value_plain(void)
{
	int *p;

	asm volatile("1: movq 0(%%rip), %0\n\t"
		     ".reloc 1b + 3, R_X86_64_GOTPCREL, test_got_value - 4"
		     : "=r"(p));
	return p;
}

static int __init test_got_init(void)
{
	if (got_load_value() != &test_got_value || *got_load_value() != 1234 ||
	    got_load_value_plain() != &test_got_value || got_load_jiffies() != &jiffies_64) {
		pr_err("test_got: a GOT load gave a wrong address\n");
		return -EINVAL;
	}
	pr_info("test_got: GOT loads ok\n");
	return 0;
}

static void __exit test_got_exit(void)
{
}

module_init(test_got_init);
module_exit(test_got_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Reaches symbols through GOTPCREL relocations");
