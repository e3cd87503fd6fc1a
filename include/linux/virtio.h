/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtio bus (drivers/virtio/).  A transport (virtio-pci today) finds
 * a device and registers a struct virtio_device with its device ID and
 * struct virtio_config_ops; a struct virtio_driver (virtio-blk, later
 * virtio-net) names the device IDs and feature bits it understands and
 * is probed with each matching device after feature negotiation.  Queues
 * are split virtqueues (virtio_ring.c): buffers go in as scatter lists
 * with virtqueue_add_sgs, the device is kicked, and the queue's callback
 * runs from the interrupt when the device has used some.
 */
#ifndef _LINUX_VIRTIO_H
#define _LINUX_VIRTIO_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <uapi/linux/virtio_config.h>
#include <uapi/linux/virtio_ring.h>

struct virtio_device;
struct virtqueue;

typedef void vq_callback_t(struct virtqueue *vq);

/* One piece of a buffer: kernel virtual address and length (direct-mapped memory). */
struct vscatter {
	void *addr;
	u32 len;
};

struct virtqueue {
	struct list_head list;
	vq_callback_t *callback;
	const char *name;
	struct virtio_device *vdev;
	unsigned int index;
	unsigned int num_free;
	void *priv;
};

struct virtio_config_ops {
	void (*get)(struct virtio_device *vdev, unsigned int offset, void *buf, unsigned int len);
	u8 (*get_status)(struct virtio_device *vdev);
	void (*set_status)(struct virtio_device *vdev, u8 status);
	void (*reset)(struct virtio_device *vdev);
	u64 (*get_features)(struct virtio_device *vdev);
	int (*finalize_features)(struct virtio_device *vdev);
	/* Queues 0..nvqs-1, each with its callback (NULL: no interrupts wanted). */
	int (*find_vqs)(struct virtio_device *vdev, unsigned int nvqs, struct virtqueue *vqs[],
			vq_callback_t *callbacks[], const char *const names[]);
	void (*del_vqs)(struct virtio_device *vdev);
	unsigned int (*max_queues)(struct virtio_device *vdev);
};

struct virtio_device_id {
	u32 device;
	u32 vendor;
};
#define VIRTIO_DEV_ANY_ID	0xffffffff

struct virtio_device {
	int index;			/* virtio0, virtio1... */
	u32 id_device, id_vendor;
	const struct virtio_config_ops *config;
	struct list_head vqs;
	u64 features;			/* negotiated: what both sides understand */
	struct virtio_driver *driver;
	struct list_head node;		/* on the bus */
	void *priv;
	char name[16];
};

struct virtio_driver {
	const char *name;
	const struct virtio_device_id *id_table;	/* ends with a zero device */
	const unsigned int *feature_table;
	unsigned int feature_table_size;
	int (*probe)(struct virtio_device *dev);
	void (*remove)(struct virtio_device *dev);
	struct list_head node;
};

int register_virtio_driver(struct virtio_driver *drv);
int register_virtio_device(struct virtio_device *dev);

static inline bool virtio_has_feature(const struct virtio_device *vdev, unsigned int fbit)
{
	return vdev->features & (1ULL << fbit);
}

static inline void virtio_device_ready(struct virtio_device *vdev)
{
	vdev->config->set_status(vdev, vdev->config->get_status(vdev) | VIRTIO_CONFIG_S_DRIVER_OK);
}

#define virtio_cread(vdev, type, offset) ({					\
	type __v;								\
	(vdev)->config->get((vdev), (offset), &__v, sizeof(__v));		\
	__v; })

/* drivers/virtio/virtio_ring.c */
int virtqueue_add_sgs(struct virtqueue *vq, struct vscatter *sgs, unsigned int out,
		      unsigned int in, void *data);
bool virtqueue_kick(struct virtqueue *vq);
void *virtqueue_get_buf(struct virtqueue *vq, unsigned int *len);
void virtqueue_disable_cb(struct virtqueue *vq);
bool virtqueue_enable_cb(struct virtqueue *vq);
unsigned int virtqueue_get_vring_size(const struct virtqueue *vq);
bool virtqueue_is_broken(const struct virtqueue *vq);

/* For transports. */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 struct virtio_device *vdev, bool (*notify)(struct virtqueue *),
					 vq_callback_t *callback, const char *name);
void vring_del_virtqueue(struct virtqueue *vq);
/* The queue's interrupt: run the callback if the device used something. */
irqreturn_t vring_interrupt(int irq, void *vq);
u64 virtqueue_get_desc_addr(const struct virtqueue *vq);
u64 virtqueue_get_avail_addr(const struct virtqueue *vq);
u64 virtqueue_get_used_addr(const struct virtqueue *vq);
void vring_transport_features(struct virtio_device *vdev);

#endif
