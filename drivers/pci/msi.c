// SPDX-License-Identifier: GPL-2.0
/*
 * Message-signalled interrupts.  Instead of raising a shared wire (INTx),
 * an MSI or MSI-X device writes a 32-bit message to an address; on x86
 * the address 0xfee00000 | apic_id << 12 is the local APIC of the CPU
 * to interrupt and the message's low byte is the vector.  MSI gives a
 * device one block of vectors in its capability registers; MSI-X gives
 * each of up to 2048 vectors its own address/data/mask entry in a table
 * inside one of the device's BARs, so a device with several queues can
 * interrupt for each separately.
 *
 * Lantern hands out IRQ numbers above the I/O APIC's pins (FIRST_MSI_IRQ
 * and up; the vector is FIRST_EXTERNAL_VECTOR + irq as for every IRQ),
 * so do_IRQ and request_irq treat them like any other line.  Masking an
 * MSI-X IRQ sets the mask bit of its table entry.
 */
#include <linux/kernel.h>
#include <linux/irq.h>
#include <linux/pci.h>
#include <linux/spinlock.h>
#include <asm/apic.h>
#include <asm/smp.h>
#include <asm/io.h>

#define FIRST_MSI_IRQ	32

static DEFINE_SPINLOCK(msi_lock);
static struct {
	struct pci_dev *dev;	/* NULL: the IRQ is free */
	unsigned int entry;	/* MSI-X table entry, or the MSI vector offset */
} msi_irqs[NR_IRQS];

static int msi_alloc_irq(struct pci_dev *dev, unsigned int entry)
{
	unsigned long flags;
	int irq;

	spin_lock_irqsave(&msi_lock, flags);
	for (irq = FIRST_MSI_IRQ; irq < NR_IRQS; irq++) {
		if (!msi_irqs[irq].dev && !irq_desc[irq].chip) {
			msi_irqs[irq].dev = dev;
			msi_irqs[irq].entry = entry;
			spin_unlock_irqrestore(&msi_lock, flags);
			return irq;
		}
	}
	spin_unlock_irqrestore(&msi_lock, flags);
	return -ENOSPC;
}

static void msi_free_irq(int irq)
{
	unsigned long flags;

	spin_lock_irqsave(&msi_lock, flags);
	msi_irqs[irq].dev = NULL;
	irq_desc[irq].chip = NULL;
	spin_unlock_irqrestore(&msi_lock, flags);
}

static void __iomem *msix_entry(unsigned int irq)
{
	struct pci_dev *dev = msi_irqs[irq].dev;

	return (u8 __iomem *)dev->msix_table + msi_irqs[irq].entry * PCI_MSIX_ENTRY_SIZE;
}

static void msix_mask_irq(unsigned int irq)
{
	void __iomem *e = msix_entry(irq);

	writel(readl(e + PCI_MSIX_ENTRY_VECTOR_CTRL) | PCI_MSIX_ENTRY_CTRL_MASKBIT,
	       e + PCI_MSIX_ENTRY_VECTOR_CTRL);
}

static void msix_unmask_irq(unsigned int irq)
{
	void __iomem *e = msix_entry(irq);

	writel(readl(e + PCI_MSIX_ENTRY_VECTOR_CTRL) & ~PCI_MSIX_ENTRY_CTRL_MASKBIT,
	       e + PCI_MSIX_ENTRY_VECTOR_CTRL);
}

/* Edge-triggered messages: the local APIC's EOI is all the end needs. */
static void msi_eoi_irq(unsigned int irq)
{
	apic_eoi();
}

/* Plain MSI without per-vector masking: the handler chain decides. */
static void msi_nop_irq(unsigned int irq)
{
}

static struct irq_chip msix_chip = {
	.name		= "PCI-MSIX",
	.irq_mask	= msix_mask_irq,
	.irq_unmask	= msix_unmask_irq,
	.irq_eoi	= msi_eoi_irq,
};

static struct irq_chip msi_chip = {
	.name		= "PCI-MSI",
	.irq_mask	= msi_nop_irq,
	.irq_unmask	= msi_nop_irq,
	.irq_eoi	= msi_eoi_irq,
};

static u32 msi_address(void)
{
	return 0xfee00000u | (x86_cpu_to_apicid[0] << 12);	/* the boot CPU */
}

static int pci_enable_msix(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs)
{
	u16 ctrl;
	u32 table;
	unsigned int n, i, bir;
	u64 off;

	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctrl);
	pci_read_config_dword(dev, dev->msix_cap + PCI_MSIX_TABLE, &table);
	n = (ctrl & PCI_MSIX_FLAGS_QSIZE) + 1;
	n = min(min(n, max_vecs), (unsigned int)ARRAY_SIZE(dev->msix_irq));
	if (n < min_vecs)
		return -ENOSPC;
	bir = table & PCI_MSIX_TABLE_BIR;
	off = table & PCI_MSIX_TABLE_OFFSET;
	if (bir >= PCI_NUM_RESOURCES || off + n * PCI_MSIX_ENTRY_SIZE > pci_resource_len(dev, bir)) {
		pr_warn("pci %s: MSI-X table (BAR %u + %#llx) outside its BAR; not using MSI-X\n",
			dev->name, bir, off);
		return -EINVAL;
	}
	dev->msix_table = pci_iomap_range(dev, bir, off, n * PCI_MSIX_ENTRY_SIZE);
	if (!dev->msix_table)
		return -ENOMEM;
	/* Masked as a whole while the entries are written. */
	pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS,
			      ctrl | PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
	for (i = 0; i < n; i++) {
		int irq = msi_alloc_irq(dev, i);
		void __iomem *e = (u8 __iomem *)dev->msix_table + i * PCI_MSIX_ENTRY_SIZE;

		if (irq < 0) {
			if (i >= min_vecs)
				break;
			while (i--)
				msi_free_irq(dev->msix_irq[i]);
			pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, ctrl);
			iounmap(dev->msix_table);
			dev->msix_table = NULL;
			return irq;
		}
		dev->msix_irq[i] = irq;
		writel(msi_address(), e + PCI_MSIX_ENTRY_LOWER_ADDR);
		writel(0, e + PCI_MSIX_ENTRY_UPPER_ADDR);
		writel(FIRST_EXTERNAL_VECTOR + irq, e + PCI_MSIX_ENTRY_DATA);
		writel(PCI_MSIX_ENTRY_CTRL_MASKBIT, e + PCI_MSIX_ENTRY_VECTOR_CTRL);
		irq_set_chip(irq, &msix_chip, "edge");
	}
	dev->msix_nvec = i;
	dev->msix_enabled = true;
	dev->irq = dev->msix_irq[0];
	pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS,
			      (ctrl | PCI_MSIX_FLAGS_ENABLE) & ~PCI_MSIX_FLAGS_MASKALL);
	pr_info("pci %s: MSI-X: %u vectors, IRQ %u-%u\n", dev->name, i, dev->msix_irq[0],
		dev->msix_irq[i - 1]);
	return i;
}

/* One MSI vector (multi-message MSI needs aligned vector blocks: not worth it here). */
static int pci_enable_msi(struct pci_dev *dev)
{
	u16 ctrl;
	int irq = msi_alloc_irq(dev, 0);

	if (irq < 0)
		return irq;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctrl);
	pci_write_config_dword(dev, dev->msi_cap + PCI_MSI_ADDRESS_LO, msi_address());
	if (ctrl & PCI_MSI_FLAGS_64BIT) {
		pci_write_config_dword(dev, dev->msi_cap + PCI_MSI_ADDRESS_HI, 0);
		pci_write_config_word(dev, dev->msi_cap + PCI_MSI_DATA_64, FIRST_EXTERNAL_VECTOR + irq);
	} else {
		pci_write_config_word(dev, dev->msi_cap + PCI_MSI_DATA_32, FIRST_EXTERNAL_VECTOR + irq);
	}
	irq_set_chip(irq, &msi_chip, "edge");
	pci_write_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS,
			      (ctrl & ~PCI_MSI_FLAGS_QSIZE) | PCI_MSI_FLAGS_ENABLE);
	dev->msi_enabled = true;
	dev->irq = irq;
	pr_info("pci %s: MSI: IRQ %d\n", dev->name, irq);
	return 1;
}

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags)
{
	int ret = -ENOSPC;

	if (!max_vecs || min_vecs > max_vecs)
		return -EINVAL;
	if ((flags & PCI_IRQ_MSIX) && dev->msix_cap && !dev->msix_enabled) {
		ret = pci_enable_msix(dev, min_vecs, max_vecs);
		if (ret > 0)
			goto intx_off;
	}
	if ((flags & PCI_IRQ_MSI) && dev->msi_cap && min_vecs <= 1 && !dev->msi_enabled) {
		ret = pci_enable_msi(dev);
		if (ret > 0)
			goto intx_off;
	}
	if ((flags & PCI_IRQ_LEGACY) && dev->pin && dev->irq && min_vecs <= 1)
		return 1;
	return ret;
intx_off:
	{
		u16 cmd;

		pci_read_config_word(dev, PCI_COMMAND, &cmd);
		pci_write_config_word(dev, PCI_COMMAND, cmd | PCI_COMMAND_INTX_DISABLE);
	}
	return ret;
}

void pci_free_irq_vectors(struct pci_dev *dev)
{
	unsigned int i;
	u16 ctrl;

	if (dev->msix_enabled) {
		pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctrl);
		pci_write_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS,
				      ctrl & ~PCI_MSIX_FLAGS_ENABLE);
		for (i = 0; i < dev->msix_nvec; i++)
			msi_free_irq(dev->msix_irq[i]);
		iounmap(dev->msix_table);
		dev->msix_table = NULL;
		dev->msix_enabled = false;
		dev->msix_nvec = 0;
	}
	if (dev->msi_enabled) {
		pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctrl);
		pci_write_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, ctrl & ~PCI_MSI_FLAGS_ENABLE);
		msi_free_irq(dev->irq);
		dev->msi_enabled = false;
	}
}

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	if (dev->msix_enabled)
		return nr < dev->msix_nvec ? (int)dev->msix_irq[nr] : -EINVAL;
	return nr == 0 ? (int)dev->irq : -EINVAL;
}
