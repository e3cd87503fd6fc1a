/*
 * Layout of the kernel image.  The first section runs at its physical
 * address (the 32-bit boot code, before paging); everything after it is
 * linked in the higher half at __START_KERNEL_map + physical address.
 * The kallsyms table is placed last so that generating it moves nothing.
 */
#include <asm/page_64_types.h>

OUTPUT_FORMAT("elf64-x86-64")
OUTPUT_ARCH(i386:x86-64)
ENTRY(startup_multiboot2)

PHDRS
{
	head	PT_LOAD FLAGS(7);
	text	PT_LOAD FLAGS(5);
	rodata	PT_LOAD FLAGS(4);
	data	PT_LOAD FLAGS(6);
	syms	PT_LOAD FLAGS(4);
	note	PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = CONFIG_PHYSICAL_START;
	_head_start = .;
	.head.text : {
		KEEP(*(.multiboot2))
		*(.head.text)
		*(.head.data)
	} :head

	. = ALIGN(PAGE_SIZE);
	_head_end = .;
	. += __START_KERNEL_map;

	_text = .;
	.text : AT(ADDR(.text) - __START_KERNEL_map) {
		_stext = .;
		*(.text.hot .text.hot.*)
		*(.text .text.*)
		*(.fixup)
		*(.noinstr.text)
		. = ALIGN(16);
		__entry_text_start = .;
		*(.entry.text)
		__entry_text_end = .;
		_etext = .;
	} :text

	. = ALIGN(PAGE_SIZE);
	__start_rodata = .;
	.rodata : AT(ADDR(.rodata) - __START_KERNEL_map) {
		*(.rodata .rodata.*)
		. = ALIGN(8);
		__start___ex_table = .;
		KEEP(*(__ex_table))
		__stop___ex_table = .;
		. = ALIGN(8);
		__setup_start = .;
		KEEP(*(.init.setup))
		__setup_end = .;
		. = ALIGN(8);
		__ktest_start = .;
		KEEP(*(.ktest))
		__ktest_end = .;
		. = ALIGN(8);
		/* EXPORT_SYMBOL's tables: what modules may link against. */
		__start___ksymtab = .;
		KEEP(*(__ksymtab))
		__stop___ksymtab = .;
		__start___ksymtab_gpl = .;
		KEEP(*(__ksymtab_gpl))
		__stop___ksymtab_gpl = .;
		KEEP(*(__ksymtab_strings))
		. = ALIGN(8);
		/* Every function's fentry NOP, for the function tracer (-mrecord-mcount). */
		__start_mcount_loc = .;
		KEEP(*(__mcount_loc))
		__stop_mcount_loc = .;
		. = ALIGN(8);
		/* SYSCALL_DEFINEn's descriptions, for the syscall trace events. */
		__start_syscalls_metadata = .;
		KEEP(*(__syscalls_metadata))
		__stop_syscalls_metadata = .;
		. = ALIGN(8);
		__initcall_start = .;
		KEEP(*(.initcall0.init)) KEEP(*(.initcall1.init)) KEEP(*(.initcall2.init))
		KEEP(*(.initcall3.init)) KEEP(*(.initcall4.init)) KEEP(*(.initcall5.init))
		KEEP(*(.initcall6.init)) KEEP(*(.initcall7.init))
		__initcall_end = .;
	} :rodata
	.note : AT(ADDR(.note) - __START_KERNEL_map) {
		*(.note.Xen)
		*(.note.*)
	} :rodata :note
	__end_rodata = .;

	. = ALIGN(PAGE_SIZE);
	_sdata = .;
	.data : AT(ADDR(.data) - __START_KERNEL_map) {
		*(.data..page_aligned)
		. = ALIGN(64);
		__per_cpu_start = .;
		*(.data..percpu)
		__per_cpu_end = .;
		*(.data .data.*)
		/* pr_debug call sites, switched at run time (lib/dynamic_debug.c). */
		. = ALIGN(8);
		__start___dyndbg = .;
		KEEP(*(__dyndbg))
		__stop___dyndbg = .;
		_edata = .;
	} :data

	. = ALIGN(PAGE_SIZE);
	.bss (NOLOAD) : AT(ADDR(.bss) - __START_KERNEL_map) {
		__bss_start = .;
		*(.bss..page_aligned)
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(PAGE_SIZE);
		__bss_stop = .;
	} :data

	.kallsyms : AT(ADDR(.kallsyms) - __START_KERNEL_map) {
		*(.kallsyms)
	} :syms
	. = ALIGN(PAGE_SIZE);
	_end = .;

	/DISCARD/ : {
		*(.note.GNU-stack)
		*(.comment)
		*(.eh_frame)
		*(.modinfo)
	}
}
