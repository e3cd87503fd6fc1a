// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio bus.  Transports register devices, drivers register
 * themselves, and each match goes through the initialization the
 * specification orders (virtio 1.x, 3.1.1): reset, ACKNOWLEDGE, DRIVER,
 * read the device's features, keep those the driver lists (plus the ring
 * and VERSION_1 bits the core handles), write them back, set FEATURES_OK
 * and check the device kept it, then the driver's probe sets up its
 * queues and says DRIVER_OK.  A device without VERSION_1 is a legacy
 * device: Lantern speaks only the modern interface and refuses it.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/sprintf.h>
#include <linux/virtio.h>

static LIST_HEAD(virtio_devices);
static LIST_HEAD(virtio_drivers);
static DEFINE_MUTEX(virtio_bus_lock);
static int virtio_next_index;

static bool virtio_id_match(const struct virtio_device *dev, const struct virtio_device_id *id)
{
	for (; id->device; id++)
		if ((id->device == VIRTIO_DEV_ANY_ID || id->device == dev->id_device) &&
		    (id->vendor == VIRTIO_DEV_ANY_ID || id->vendor == dev->id_vendor))
			return true;
	return false;
}

static void virtio_add_status(struct virtio_device *dev, u8 status)
{
	dev->config->set_status(dev, dev->config->get_status(dev) | status);
}

static int virtio_dev_probe(struct virtio_driver *drv, struct virtio_device *dev)
{
	u64 device_features, driver_features = 0;
	unsigned int i;
	int err;

	dev->config->reset(dev);
	virtio_add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	virtio_add_status(dev, VIRTIO_CONFIG_S_DRIVER);
	device_features = dev->config->get_features(dev);
	for (i = 0; i < drv->feature_table_size; i++)
		if (drv->feature_table[i] < 64)
			driver_features |= 1ULL << drv->feature_table[i];
	driver_features |= (1ULL << VIRTIO_RING_F_INDIRECT_DESC) |
			   (1ULL << VIRTIO_RING_F_EVENT_IDX) | (1ULL << VIRTIO_F_VERSION_1);
	dev->features = device_features & driver_features;
	vring_transport_features(dev);
	if (!virtio_has_feature(dev, VIRTIO_F_VERSION_1)) {
		pr_err("virtio %s: legacy device (no VERSION_1); not supported\n", dev->name);
		err = -ENODEV;
		goto fail;
	}
	err = dev->config->finalize_features(dev);
	if (err)
		goto fail;
	virtio_add_status(dev, VIRTIO_CONFIG_S_FEATURES_OK);
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_FEATURES_OK)) {
		pr_err("virtio %s: device refused our features %#llx\n", dev->name, dev->features);
		err = -ENODEV;
		goto fail;
	}
	dev->driver = drv;
	err = drv->probe(dev);
	if (err) {
		dev->driver = NULL;
		goto fail;
	}
	if (!(dev->config->get_status(dev) & VIRTIO_CONFIG_S_DRIVER_OK))
		virtio_device_ready(dev);
	return 0;
fail:
	virtio_add_status(dev, VIRTIO_CONFIG_S_FAILED);
	return err;
}

int register_virtio_device(struct virtio_device *dev)
{
	struct virtio_driver *drv;

	INIT_LIST_HEAD(&dev->vqs);
	mutex_lock(&virtio_bus_lock);
	dev->index = virtio_next_index++;
	scnprintf(dev->name, sizeof(dev->name), "virtio%d", dev->index);
	list_add_tail(&dev->node, &virtio_devices);
	/* Reset it now: whatever the firmware left running stops. */
	dev->config->reset(dev);
	virtio_add_status(dev, VIRTIO_CONFIG_S_ACKNOWLEDGE);
	list_for_each_entry(drv, &virtio_drivers, node)
		if (!dev->driver && virtio_id_match(dev, drv->id_table))
			virtio_dev_probe(drv, dev);
	mutex_unlock(&virtio_bus_lock);
	return 0;
}

int register_virtio_driver(struct virtio_driver *drv)
{
	struct virtio_device *dev;

	mutex_lock(&virtio_bus_lock);
	list_add_tail(&drv->node, &virtio_drivers);
	list_for_each_entry(dev, &virtio_devices, node)
		if (!dev->driver && virtio_id_match(dev, drv->id_table))
			virtio_dev_probe(drv, dev);
	mutex_unlock(&virtio_bus_lock);
	return 0;
}
