/* SPDX-License-Identifier: GPL-2.0 */
/* Port I/O and memory-mapped I/O accessors. */
#ifndef _ASM_X86_IO_H
#define _ASM_X86_IO_H

#include <linux/types.h>

static inline void outb(u8 value, u16 port)
{
	asm volatile("outb %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outw(u16 value, u16 port)
{
	asm volatile("outw %0, %1" : : "a"(value), "Nd"(port));
}

static inline void outl(u32 value, u16 port)
{
	asm volatile("outl %0, %1" : : "a"(value), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 value;

	asm volatile("inb %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u16 inw(u16 port)
{
	u16 value;

	asm volatile("inw %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

static inline u32 inl(u16 port)
{
	u32 value;

	asm volatile("inl %1, %0" : "=a"(value) : "Nd"(port));
	return value;
}

/* A write to an unused port: about a microsecond, for slow ISA devices. */
static inline void io_delay(void)
{
	outb(0, 0x80);
}

static inline u8 readb(const volatile void __iomem *addr)
{
	return *(const volatile u8 *)addr;
}

static inline void writeb(u8 value, volatile void __iomem *addr)
{
	*(volatile u8 *)addr = value;
}

static inline u16 readw(const volatile void __iomem *addr)
{
	return *(const volatile u16 *)addr;
}

static inline void writew(u16 value, volatile void __iomem *addr)
{
	*(volatile u16 *)addr = value;
}

static inline u32 readl(const volatile void __iomem *addr)
{
	return *(const volatile u32 *)addr;
}

static inline void writel(u32 value, volatile void __iomem *addr)
{
	*(volatile u32 *)addr = value;
}

static inline u64 readq(const volatile void __iomem *addr)
{
	return *(const volatile u64 *)addr;
}

static inline void writeq(u64 value, volatile void __iomem *addr)
{
	*(volatile u64 *)addr = value;
}

void __iomem *ioremap(phys_addr_t phys, unsigned long size);
void iounmap(volatile void __iomem *addr);

#endif
