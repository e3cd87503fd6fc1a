/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How boot loaders find the kernel's entry points.
 *
 * GRUB scans the first 32 KiB of the file for a Multiboot2 header and
 * enters at the ELF entry point (startup_multiboot2).  QEMU's -kernel
 * refuses 64-bit Multiboot images but loads any ELF that carries a PVH
 * note, entering at the 32-bit address the note names (startup_pvh).
 * Both entries run in 32-bit protected mode with paging off.
 */
#include <asm/bootparam.h>
#include <asm/page_64_types.h>

	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long	MULTIBOOT2_HEADER_MAGIC
	.long	0				/* architecture: i386 */
	.long	mb2_header_end - mb2_header
	.long	-(MULTIBOOT2_HEADER_MAGIC + 0 + (mb2_header_end - mb2_header))
	/* end tag */
	.short	0
	.short	0
	.long	8
mb2_header_end:

	.section .note.Xen, "a", @note
	.balign 4
	.long	4				/* name size: "Xen\0" */
	.long	4				/* descriptor size */
	.long	XEN_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.balign 4
	.long	startup_pvh			/* physical: .head.text is not relocated */
	.balign 4
