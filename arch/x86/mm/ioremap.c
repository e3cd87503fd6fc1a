// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap: a kernel virtual address for a device's registers.
 *
 * Device registers must be accessed uncached (PCD|PWT): a cached read
 * could return a stale value and a write could sit in the cache.  Each
 * ioremap() takes an area of the vmalloc range (mm/vmalloc.c) and maps
 * the physical range there uncached; iounmap() undoes it.  RAM is never
 * ioremapped: a second, uncached mapping of memory the kernel also
 * reaches cached through the direct map is undefined behaviour for the
 * CPU's caches (Intel SDM vol. 3, 11.12.4).
 *
 * Needs vmalloc_init(), which mm_core_init() runs before init_IRQ()
 * maps the local and I/O APICs.
 */
#include <linux/kernel.h>
#include <linux/instruction_pointer.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <asm/io.h>
#include <asm/page.h>

/* Is any page of [phys, phys + size) RAM the allocator manages? */
static bool range_is_ram(phys_addr_t phys, unsigned long size)
{
	unsigned long pfn = PHYS_PFN(phys), end = PFN_UP(phys + size);

	for (; pfn < end; pfn++)
		if (pfn_valid(pfn) && !PageReserved(pfn_to_page(pfn)))
			return true;
	return false;
}

static void __iomem *__ioremap_caller(phys_addr_t phys_addr, unsigned long size,
				      pgprot_t prot, const void *caller)
{
	phys_addr_t last = phys_addr + size - 1;
	unsigned long offset = phys_addr & ~PAGE_MASK;
	struct vm_struct *area;
	unsigned long vaddr;

	if (!size || last < phys_addr)
		return NULL;
	if (WARN(range_is_ram(phys_addr, size), "ioremap on RAM at %#llx - %#llx\n",
		 phys_addr, last))
		return NULL;
	phys_addr &= PAGE_MASK;
	size = PAGE_ALIGN(last + 1) - phys_addr;
	area = get_vm_area_caller(size, VM_IOREMAP, caller);
	if (!area)
		return NULL;
	area->phys_addr = phys_addr;
	vaddr = (unsigned long)area->addr;
	if (ioremap_page_range(vaddr, vaddr + size, phys_addr, prot)) {
		free_vm_area(area);
		return NULL;
	}
	return (void __iomem *)(vaddr + offset);
}

void __iomem *ioremap(phys_addr_t phys_addr, unsigned long size)
{
	return __ioremap_caller(phys_addr, size, PAGE_KERNEL_NOCACHE,
				__builtin_return_address(0));
}

void iounmap(volatile void __iomem *addr)
{
	struct vm_struct *area;

	if (!addr)
		return;
	area = find_vm_area((void *)((unsigned long)addr & PAGE_MASK));
	if (WARN(!area || !(area->flags & VM_IOREMAP), "iounmap: bad address %px\n", addr))
		return;
	free_vm_area(area);
}
