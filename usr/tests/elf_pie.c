// SPDX-License-Identifier: GPL-2.0
/*
 * elf_pie: a static position-independent program (ET_DYN without
 * PT_INTERP) that reports where exec put things, for exec_elf.  It is
 * also the "interpreter" of elf_dynprog (whose PT_INTERP names it): the
 * kernel then loads it as it would ld.so, and what it reports is the
 * program's auxiliary vector (AT_PHDR, AT_ENTRY) and its own AT_BASE.
 *
 * One line on stdout, key=value words:
 *   main stack brk mmap vdso base entry phdr phnum   (hex addresses)
 *   interp=<PT_INTERP of the program at AT_PHDR, or ->
 *   stack_perms=<the [stack] line's permissions in /proc/self/maps>
 */
#include <elf.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>

/* The PT_INTERP string of the program the kernel loaded (maybe ourselves). */
static const char *program_interp(void)
{
	const Elf64_Phdr *ph = (const Elf64_Phdr *)getauxval(AT_PHDR);
	unsigned long n = getauxval(AT_PHNUM), bias = 0, i;

	if (!ph)
		return "?";
	for (i = 0; i < n; i++)
		if (ph[i].p_type == PT_PHDR)
			bias = (unsigned long)ph - ph[i].p_vaddr;
	for (i = 0; i < n; i++)
		if (ph[i].p_type == PT_INTERP)
			return (const char *)(bias + ph[i].p_vaddr);
	return "-";
}

static void stack_perms(char *out, size_t size)
{
	FILE *f = fopen("/proc/self/maps", "r");
	char line[256], perms[8];

	snprintf(out, size, "?");
	if (!f)
		return;
	while (fgets(line, sizeof(line), f))
		if (strstr(line, "[stack]") && sscanf(line, "%*s %7s", perms) == 1)
			snprintf(out, size, "%s", perms);
	fclose(f);
}

int main(void)
{
	int on_stack;
	void *m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char perms[8];

	stack_perms(perms, sizeof(perms));
	printf("main=%lx stack=%lx brk=%lx mmap=%lx vdso=%lx base=%lx entry=%lx phdr=%lx "
	       "phnum=%lu interp=%s stack_perms=%s\n",
	       (unsigned long)main, (unsigned long)&on_stack, (unsigned long)sbrk(0),
	       (unsigned long)m, getauxval(AT_SYSINFO_EHDR), getauxval(AT_BASE),
	       getauxval(AT_ENTRY), getauxval(AT_PHDR), getauxval(AT_PHNUM),
	       program_interp(), perms);
	return 0;
}
