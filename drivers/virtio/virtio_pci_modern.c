// SPDX-License-Identifier: GPL-2.0
/*
 * The modern virtio-pci transport (virtio 1.x, 4.1).  A virtio device is a
 * PCI function of vendor 0x1af4 with device ID 0x1040 + its virtio type.
 * Vendor-specific PCI capabilities point into its BARs: the common
 * configuration (features, status, queue setup), the notify area (one
 * doorbell per queue at queue_notify_off * notify_off_multiplier), the
 * ISR byte (for INTx) and the device-specific configuration.
 *
 * Interrupts: MSI-X with vector 0 for configuration changes and one
 * vector per queue when the device has enough; else one shared vector
 * for all; else INTx, where reading the ISR byte tells (and clears)
 * whether the interrupt was ours.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/irq.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <uapi/linux/virtio_pci.h>
#include <asm/io.h>

#define VIRTIO_PCI_MAX_VQS	16

struct virtio_pci_device {
	struct virtio_device vdev;
	struct pci_dev *pci_dev;
	void __iomem *common;
	void __iomem *isr;
	void __iomem *device;
	void __iomem *notify_base;
	u32 notify_len, notify_off_multiplier;
	u32 device_len;
	unsigned int nvqs;
	struct virtqueue *vqs[VIRTIO_PCI_MAX_VQS];
	void __iomem *notify[VIRTIO_PCI_MAX_VQS];
	bool per_vq_vectors, intx;
};

#define to_vp(_vd) container_of(_vd, struct virtio_pci_device, vdev)

static void vp_get(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len)
{
	struct virtio_pci_device *vp = to_vp(vdev);
	u8 *b = buf;
	unsigned int i;

	if (offset + len > vp->device_len || offset + len < offset) {
		memset(buf, 0, len);
		return;
	}
	/* Byte by byte: always allowed, and the generation check below keeps it whole. */
	for (;;) {
		u8 gen = readb(vp->common + VIRTIO_PCI_COMMON_CFGGENERATION);

		for (i = 0; i < len; i++)
			b[i] = readb(vp->device + offset + i);
		if (gen == readb(vp->common + VIRTIO_PCI_COMMON_CFGGENERATION))
			break;
	}
}

static u8 vp_get_status(struct virtio_device *vdev)
{
	return readb(to_vp(vdev)->common + VIRTIO_PCI_COMMON_STATUS);
}

static void vp_set_status(struct virtio_device *vdev, u8 status)
{
	writeb(status, to_vp(vdev)->common + VIRTIO_PCI_COMMON_STATUS);
}

static void vp_reset(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp = to_vp(vdev);
	unsigned int spins = 0;

	writeb(0, vp->common + VIRTIO_PCI_COMMON_STATUS);
	/* The reset is done when the device reads back 0. */
	while (readb(vp->common + VIRTIO_PCI_COMMON_STATUS) && ++spins < 1000000)
		cpu_relax();
}

static u64 vp_get_features(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp = to_vp(vdev);
	u64 f;

	writel(0, vp->common + VIRTIO_PCI_COMMON_DFSELECT);
	f = readl(vp->common + VIRTIO_PCI_COMMON_DF);
	writel(1, vp->common + VIRTIO_PCI_COMMON_DFSELECT);
	f |= (u64)readl(vp->common + VIRTIO_PCI_COMMON_DF) << 32;
	return f;
}

static int vp_finalize_features(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp = to_vp(vdev);

	writel(0, vp->common + VIRTIO_PCI_COMMON_GFSELECT);
	writel((u32)vdev->features, vp->common + VIRTIO_PCI_COMMON_GF);
	writel(1, vp->common + VIRTIO_PCI_COMMON_GFSELECT);
	writel(vdev->features >> 32, vp->common + VIRTIO_PCI_COMMON_GF);
	return 0;
}

static unsigned int vp_max_queues(struct virtio_device *vdev)
{
	return readw(to_vp(vdev)->common + VIRTIO_PCI_COMMON_NUMQ);
}

static bool vp_notify(struct virtqueue *vq)
{
	struct virtio_pci_device *vp = to_vp(vq->vdev);

	writew(vq->index, vp->notify[vq->index]);
	return true;
}

static irqreturn_t vp_vring_irq(int irq, void *opaque)
{
	return vring_interrupt(irq, opaque);
}

/* One vector for everything, or INTx: ask every queue. */
static irqreturn_t vp_shared_irq(int irq, void *opaque)
{
	struct virtio_pci_device *vp = opaque;
	irqreturn_t ret = IRQ_NONE;
	unsigned int i;

	if (vp->intx && !(readb(vp->isr) & 1))	/* reading clears it */
		return IRQ_NONE;
	for (i = 0; i < vp->nvqs; i++)
		if (vp->vqs[i] && vring_interrupt(irq, vp->vqs[i]) == IRQ_HANDLED)
			ret = IRQ_HANDLED;
	return vp->intx ? IRQ_HANDLED : ret;
}

static void vp_del_vqs(struct virtio_device *vdev)
{
	struct virtio_pci_device *vp = to_vp(vdev);
	unsigned int i;

	for (i = 0; i < vp->nvqs; i++) {
		if (!vp->vqs[i])
			continue;
		if (vp->per_vq_vectors)
			free_irq(pci_irq_vector(vp->pci_dev, i + 1), vp->vqs[i]);
		writew(i, vp->common + VIRTIO_PCI_COMMON_Q_SELECT);
		writew(VIRTIO_MSI_NO_VECTOR, vp->common + VIRTIO_PCI_COMMON_Q_MSIX);
		if (vp->notify[i])
			iounmap(vp->notify[i]);
		vring_del_virtqueue(vp->vqs[i]);
		vp->vqs[i] = NULL;
	}
	if (!vp->per_vq_vectors && vp->nvqs)
		free_irq(vp->pci_dev->irq, vp);
	pci_free_irq_vectors(vp->pci_dev);
	vp->nvqs = 0;
}

static struct virtqueue *vp_setup_vq(struct virtio_pci_device *vp, unsigned int index,
				     vq_callback_t *callback, const char *name, u16 msix_vec)
{
	void __iomem *c = vp->common;
	struct virtqueue *vq;
	u16 num, off;
	u64 noff;

	writew(index, c + VIRTIO_PCI_COMMON_Q_SELECT);
	num = readw(c + VIRTIO_PCI_COMMON_Q_SIZE);
	if (readw(c + VIRTIO_PCI_COMMON_Q_ENABLE)) {
		pr_err("virtio %s: queue %u enabled before setup\n", vp->vdev.name, index);
		return NULL;
	}
	off = readw(c + VIRTIO_PCI_COMMON_Q_NOFF);
	noff = (u64)off * vp->notify_off_multiplier;
	if (noff + 2 > vp->notify_len) {
		pr_err("virtio %s: queue %u: notify offset %#llx beyond the notify area; refused\n",
		       vp->vdev.name, index, noff);
		return NULL;
	}
	vq = vring_create_virtqueue(index, num, &vp->vdev, vp_notify, callback, name);
	if (!vq)
		return NULL;
	writew(virtqueue_get_vring_size(vq), c + VIRTIO_PCI_COMMON_Q_SIZE);
	writeq(virtqueue_get_desc_addr(vq), c + VIRTIO_PCI_COMMON_Q_DESCLO);
	writeq(virtqueue_get_avail_addr(vq), c + VIRTIO_PCI_COMMON_Q_AVAILLO);
	writeq(virtqueue_get_used_addr(vq), c + VIRTIO_PCI_COMMON_Q_USEDLO);
	if (msix_vec != VIRTIO_MSI_NO_VECTOR) {
		writew(msix_vec, c + VIRTIO_PCI_COMMON_Q_MSIX);
		if (readw(c + VIRTIO_PCI_COMMON_Q_MSIX) != msix_vec) {
			pr_err("virtio %s: queue %u: MSI-X vector not accepted\n", vp->vdev.name,
			       index);
			vring_del_virtqueue(vq);
			return NULL;
		}
	}
	vp->notify[index] = vp->notify_base + noff;
	writew(1, c + VIRTIO_PCI_COMMON_Q_ENABLE);
	return vq;
}

static int vp_find_vqs(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
		       vq_callback_t *callbacks[], const char *const names[])
{
	struct virtio_pci_device *vp = to_vp(vdev);
	struct pci_dev *pdev = vp->pci_dev;
	unsigned int i;
	int nvec, err;

	if (nvqs > VIRTIO_PCI_MAX_VQS || nvqs > vp_max_queues(vdev))
		return -EINVAL;
	/* Vector 0 for configuration changes, then one per queue. */
	nvec = pci_alloc_irq_vectors(pdev, 1, nvqs + 1, PCI_IRQ_MSIX);
	vp->per_vq_vectors = nvec == (int)nvqs + 1;
	if (nvec < 0) {
		nvec = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_LEGACY);
		if (nvec < 0) {
			pr_err("virtio %s: no interrupt available\n", vdev->name);
			return nvec;
		}
		vp->intx = !pdev->msi_enabled;
	}
	writew(vp->per_vq_vectors || !vp->intx ? 0 : VIRTIO_MSI_NO_VECTOR,
	       vp->common + VIRTIO_PCI_COMMON_MSIX);
	for (i = 0; i < nvqs; i++) {
		u16 vec = vp->per_vq_vectors ? i + 1 : (vp->intx ? VIRTIO_MSI_NO_VECTOR : 0);

		vqs[i] = vp_setup_vq(vp, i, callbacks[i], names[i], vec);
		if (!vqs[i]) {
			err = -ENODEV;
			goto fail;
		}
		vp->vqs[i] = vqs[i];
		vp->nvqs = i + 1;
		if (vp->per_vq_vectors) {
			err = request_irq(pci_irq_vector(pdev, i + 1), vp_vring_irq, 0, names[i],
					  vqs[i]);
			if (err)
				goto fail;
		}
	}
	if (!vp->per_vq_vectors) {
		err = request_irq(pdev->irq, vp_shared_irq, vp->intx ? IRQF_SHARED : 0,
				  vdev->name, vp);
		if (err)
			goto fail;
	}
	return 0;
fail:
	vp_del_vqs(vdev);
	return err;
}

static const struct virtio_config_ops virtio_pci_config_ops = {
	.get			= vp_get,
	.get_status		= vp_get_status,
	.set_status		= vp_set_status,
	.reset			= vp_reset,
	.get_features		= vp_get_features,
	.finalize_features	= vp_finalize_features,
	.find_vqs		= vp_find_vqs,
	.del_vqs		= vp_del_vqs,
	.max_queues		= vp_max_queues,
};

/* Map the structure a vendor capability of @type points to; NULL if absent or bad. */
static void __iomem *vp_map_capability(struct pci_dev *dev, int type, u32 minlen, u32 *len,
				       u8 *cap_pos)
{
	u8 pos;

	for (pos = pci_find_capability(dev, PCI_CAP_ID_VNDR); pos;
	     pos = pci_find_next_capability(dev, pos, PCI_CAP_ID_VNDR)) {
		u8 cfg_type, bar;
		u32 offset, length;

		pci_read_config_byte(dev, pos + offsetof(struct virtio_pci_cap, cfg_type), &cfg_type);
		if (cfg_type != type)
			continue;
		pci_read_config_byte(dev, pos + offsetof(struct virtio_pci_cap, bar), &bar);
		pci_read_config_dword(dev, pos + offsetof(struct virtio_pci_cap, offset), &offset);
		pci_read_config_dword(dev, pos + offsetof(struct virtio_pci_cap, length), &length);
		if (bar >= PCI_NUM_RESOURCES || length < minlen ||
		    (u64)offset + length > pci_resource_len(dev, bar)) {
			pr_err("virtio-pci %s: capability %d points outside BAR %u; ignored\n",
			       dev->name, type, bar);
			continue;
		}
		if (len)
			*len = length;
		if (cap_pos)
			*cap_pos = pos;
		return pci_iomap_range(dev, bar, offset, length);
	}
	return NULL;
}

static int virtio_pci_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct virtio_pci_device *vp;
	u8 notify_pos = 0;
	int err = -ENODEV;

	/* 0x1000-0x103f are transitional devices: they also have the modern capabilities. */
	if (pdev->device < 0x1000 || pdev->device > 0x107f)
		return -ENODEV;
	vp = kzalloc(sizeof(*vp), GFP_KERNEL);
	if (!vp)
		return -ENOMEM;
	vp->pci_dev = pdev;
	pci_enable_device(pdev);
	vp->common = vp_map_capability(pdev, VIRTIO_PCI_CAP_COMMON_CFG, 56, NULL, NULL);
	vp->isr = vp_map_capability(pdev, VIRTIO_PCI_CAP_ISR_CFG, 1, NULL, NULL);
	vp->notify_base = vp_map_capability(pdev, VIRTIO_PCI_CAP_NOTIFY_CFG, 2, &vp->notify_len,
					    &notify_pos);
	vp->device = vp_map_capability(pdev, VIRTIO_PCI_CAP_DEVICE_CFG, 0, &vp->device_len, NULL);
	if (!vp->common || !vp->isr || !vp->notify_base) {
		pr_err("virtio-pci %s: no modern virtio capabilities; legacy devices are not supported\n",
		       pdev->name);
		goto fail;
	}
	pci_read_config_dword(pdev, notify_pos + sizeof(struct virtio_pci_cap),
			      &vp->notify_off_multiplier);
	pci_set_master(pdev);
	if (pdev->device >= 0x1040)
		vp->vdev.id_device = pdev->device - 0x1040;
	else
		vp->vdev.id_device = pdev->subsystem_device;
	vp->vdev.id_vendor = pdev->subsystem_vendor;
	vp->vdev.config = &virtio_pci_config_ops;
	pci_set_drvdata(pdev, vp);
	err = register_virtio_device(&vp->vdev);
	if (err)
		goto fail;
	pr_info("virtio-pci %s: %s, device type %u\n", pdev->name, vp->vdev.name,
		vp->vdev.id_device);
	return 0;
fail:
	if (vp->common)
		iounmap(vp->common);
	if (vp->isr)
		iounmap(vp->isr);
	if (vp->notify_base)
		iounmap(vp->notify_base);
	if (vp->device)
		iounmap(vp->device);
	kfree(vp);
	return err;
}

static const struct pci_device_id virtio_pci_id_table[] = {
	{ .vendor = 0x1af4, .device = PCI_ANY_ID, .subvendor = PCI_ANY_ID,
	  .subdevice = PCI_ANY_ID },
	{ 0 }
};

static struct pci_driver virtio_pci_driver = {
	.name		= "virtio-pci",
	.id_table	= virtio_pci_id_table,
	.probe		= virtio_pci_probe,
};

static int __init virtio_pci_init(void)
{
	return pci_register_driver(&virtio_pci_driver);
}
device_initcall(virtio_pci_init);
