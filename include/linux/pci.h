/* SPDX-License-Identifier: GPL-2.0 */
/*
 * PCI devices and drivers (drivers/pci/).  Each function found on the bus
 * is a struct pci_dev with its IDs, class, interrupt pin and six BARs;
 * a struct pci_driver lists the IDs it handles and is bound to every
 * matching device by pci_register_driver.  Configuration space is read
 * through the architecture's raw accessors (arch/x86/pci): ECAM when the
 * ACPI MCFG table describes it, the 0xcf8/0xcfc ports otherwise.
 */
#ifndef _LINUX_PCI_H
#define _LINUX_PCI_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/interrupt.h>
#include <linux/sysfs.h>
#include <uapi/linux/pci_regs.h>

#define PCI_ANY_ID		(~0U)
#define PCI_NUM_RESOURCES	6
#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200
#define IORESOURCE_PREFETCH	0x00002000
#define IORESOURCE_MEM_64	0x00100000

struct pci_resource {
	u64 start, end;			/* end inclusive; start == 0 && end == 0: unused */
	unsigned long flags;		/* IORESOURCE_* */
};

struct pci_dev;

/* Raw configuration access (arch/x86/pci): len is 1, 2 or 4. */
int raw_pci_read(unsigned int seg, unsigned int bus, unsigned int devfn, int reg,
		 int len, u32 *val);
int raw_pci_write(unsigned int seg, unsigned int bus, unsigned int devfn, int reg,
		  int len, u32 val);
/* The highest configuration offset + 1 the access method reaches (256 or 4096). */
int raw_pci_cfg_size(void);
void pci_arch_init(void);

struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
};

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), .subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;	/* ends with an all-zero entry */
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	struct list_head node;
};

struct pci_sysfs_attr {
	struct attribute attr;
	struct pci_dev *dev;
};

#define PCI_NR_SYSFS_ATTRS	12

struct msix_entry_state;

struct pci_dev {
	struct list_head bus_list;	/* in pci_devices */
	unsigned int bus;
	unsigned int devfn;
	u16 vendor, device;
	u16 subsystem_vendor, subsystem_device;
	u32 class;			/* base class << 16 | subclass << 8 | prog-if */
	u8 revision;
	u8 hdr_type;
	u8 pin;				/* INTA..INTD = 1..4, 0: none */
	unsigned int irq;		/* INTx line, or the first MSI/MSI-X IRQ */
	int cfg_size;
	u8 msi_cap, msix_cap;
	bool msi_enabled, msix_enabled;
	unsigned int msix_nvec;
	unsigned int msix_irq[32];	/* Linux IRQ of each MSI-X table entry */
	void __iomem *msix_table;
	struct pci_resource resource[PCI_NUM_RESOURCES];
	struct pci_driver *driver;
	void *driver_data;
	char name[16];			/* "0000:00:03.0" */
	struct pci_sysfs_attr sysfs_attrs[PCI_NR_SYSFS_ATTRS];
};

extern struct list_head pci_devices;

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);

/* Capability list walking: the offset of the first (next) one with @cap, or 0. */
u8 pci_find_capability(struct pci_dev *dev, int cap);
u8 pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);

int pci_enable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
/* Map @len bytes of BAR @bar at @offset (0 len: the whole BAR); NULL on failure. */
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar, unsigned long offset,
			      unsigned long len);

static inline u64 pci_resource_start(struct pci_dev *dev, int bar)
{
	return dev->resource[bar].start;
}

static inline u64 pci_resource_len(struct pci_dev *dev, int bar)
{
	struct pci_resource *r = &dev->resource[bar];

	return r->end ? r->end - r->start + 1 : 0;
}

static inline void pci_set_drvdata(struct pci_dev *dev, void *data) { dev->driver_data = data; }
static inline void *pci_get_drvdata(struct pci_dev *dev) { return dev->driver_data; }

int pci_register_driver(struct pci_driver *drv);

/* drivers/pci/msi.c: MSI-X with up to @nvec vectors, or MSI, or INTx. */
#define PCI_IRQ_LEGACY	1
#define PCI_IRQ_MSI	2
#define PCI_IRQ_MSIX	4
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs, unsigned int max_vecs,
			  unsigned int flags);
void pci_free_irq_vectors(struct pci_dev *dev);
/* The Linux IRQ number of vector @nr. */
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);

/* drivers/pci/probe.c */
void pci_scan_root_bus(void);
void pci_sysfs_add_device(struct pci_dev *dev);

#endif
