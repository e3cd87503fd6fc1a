// SPDX-License-Identifier: GPL-2.0
/*
 * elf_dynprog: a PIE program with an interpreter (PT_INTERP is
 * /tests/elf_pie, see usr/Makefile.usr) and no libc.  The kernel maps it
 * and its interpreter and starts the interpreter, which reports what it
 * was told and exits; this code only runs if something jumps to it.
 */
void _start(void)
{
	__asm__ volatile("mov $60, %eax\n\tmov $42, %edi\n\tsyscall");
}
