/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INITRD_H
#define _LINUX_INITRD_H

/*
 * The initramfs the boot loader loaded, by direct-map address; 0 when
 * there is none or it has been freed.  setup_arch fills them in and keeps
 * the pages reserved; free_initrd_mem() gives them back once the archive
 * has been unpacked.
 */
extern unsigned long initrd_start, initrd_end;

void free_initrd_mem(unsigned long start, unsigned long end);

#endif /* _LINUX_INITRD_H */
