/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The vDSO's layout: one page of data ([vvar]) right below the image,
 * then the ELF headers, dynamic tables and code in one PT_LOAD.  The
 * exported names carry the version LINUX_2.6, which glibc and musl look
 * up (__vdso_clock_gettime@LINUX_2.6).
 */
#include <asm/vdso.h>

SECTIONS
{
	/* Defined relative to the image, so the code reaches it %rip-relative. */
	vvar_page = . - VVAR_PAGES * 4096;

	. = SIZEOF_HEADERS;

	.hash		: { *(.hash) }			:text
	.gnu.hash	: { *(.gnu.hash) }
	.dynsym		: { *(.dynsym) }
	.dynstr		: { *(.dynstr) }
	.gnu.version	: { *(.gnu.version) }
	.gnu.version_d	: { *(.gnu.version_d) }
	.gnu.version_r	: { *(.gnu.version_r) }
	.dynamic	: { *(.dynamic) }		:text	:dynamic
	.rodata		: { *(.rodata*) }		:text
	.note		: { *(.note.*) }		:text
	.eh_frame_hdr	: { *(.eh_frame_hdr) }		:text	:eh_frame_hdr
	.eh_frame	: { KEEP (*(.eh_frame)) }	:text
	.text		: { *(.text*) }			:text

	/DISCARD/ : { *(.data*) *(.bss*) *(.got*) *(.plt*) *(.comment) }
}

PHDRS
{
	text		PT_LOAD		FLAGS(5) FILEHDR PHDRS;	/* R-X */
	dynamic		PT_DYNAMIC	FLAGS(4);
	eh_frame_hdr	PT_GNU_EH_FRAME;
}

VERSION
{
	LINUX_2.6 {
	global:
		clock_gettime;
		__vdso_clock_gettime;
		gettimeofday;
		__vdso_gettimeofday;
		getcpu;
		__vdso_getcpu;
		time;
		__vdso_time;
		clock_getres;
		__vdso_clock_getres;
	local: *;
	};
}
