// SPDX-License-Identifier: GPL-2.0
/*
 * Split virtqueues (virtio 1.x, 2.7).  The driver owns a descriptor table
 * (address, length, flags, next) and the available ring, where it puts the
 * head descriptor of each buffer chain; the device owns the used ring,
 * where it returns heads with the number of bytes it wrote.  Indices run
 * freely as 16-bit counters; position = index % size.
 *
 * A buffer of several pieces either takes a chain of descriptors or, with
 * VIRTIO_RING_F_INDIRECT_DESC, one descriptor pointing to a separate table
 * (so a full request costs one ring slot).  With VIRTIO_RING_F_EVENT_IDX
 * each side says at which index it next wants to hear from the other, so
 * kicks and interrupts are batched instead of sent per buffer.
 *
 * The device is not trusted: a used index that moves by more than the
 * ring size, or a used id that is not an outstanding head, marks the
 * queue broken with a log line, and every later call fails.
 *
 * Callers serialize calls on one queue themselves (virtio-blk holds its
 * queue lock around add/kick/get_buf).
 */
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <asm/page.h>

#define virtio_mb()	__asm__ __volatile__("mfence" : : : "memory")
#define virtio_wmb()	barrier()	/* x86 keeps stores in order */
#define virtio_rmb()	barrier()	/* and loads */

#define VRING_MAX_SIZE	32768		/* the specification's limit */
#define VRING_USE_SIZE	256		/* what Lantern asks for at most */

struct vring_virtqueue {
	struct virtqueue vq;
	unsigned int num;
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	unsigned int desc_order, avail_order, used_order;
	bool indirect, event, broken;
	u16 free_head;
	u16 avail_idx_shadow;
	u16 last_used_idx;
	u16 num_added;		/* since the last kick */
	bool (*notify)(struct virtqueue *vq);
	void **data;		/* per head: the caller's token, NULL if free */
	struct vring_desc **indir;	/* per head: its indirect table, or NULL */
};

#define to_vvq(_vq) container_of(_vq, struct vring_virtqueue, vq)

static u16 *vring_used_event(struct vring_virtqueue *vvq)
{
	return &vvq->avail->ring[vvq->num];
}

static volatile u16 *vring_avail_event(struct vring_virtqueue *vvq)
{
	return (volatile u16 *)&vvq->used->ring[vvq->num];
}

static void *alloc_ring(size_t size, unsigned int *order)
{
	*order = get_order(size);
	return (void *)__get_free_pages(GFP_KERNEL | __GFP_ZERO, *order);
}

static void vring_break(struct vring_virtqueue *vvq, const char *why, unsigned int v)
{
	if (!vvq->broken)
		pr_err("virtio %s: queue %s: %s (%u); queue disabled\n", vvq->vq.vdev->name,
		       vvq->vq.name, why, v);
	vvq->broken = true;
}

int virtqueue_add_sgs(struct virtqueue *_vq, struct vscatter *sgs, unsigned int out,
		      unsigned int in, void *data)
{
	struct vring_virtqueue *vvq = to_vvq(_vq);
	unsigned int total = out + in, i, head, prev = 0;
	struct vring_desc *table = NULL;

	if (vvq->broken)
		return -EIO;
	if (!total || !data)
		return -EINVAL;
	if (vvq->indirect && total > 1 && vvq->vq.num_free)
		table = kmalloc_array(total, sizeof(*table), GFP_ATOMIC);
	if (!table && vvq->vq.num_free < total)
		return -ENOSPC;

	head = vvq->free_head;
	if (table) {
		for (i = 0; i < total; i++) {
			table[i].addr = __pa(sgs[i].addr);
			table[i].len = sgs[i].len;
			table[i].flags = (i >= out ? VRING_DESC_F_WRITE : 0) |
					 (i + 1 < total ? VRING_DESC_F_NEXT : 0);
			table[i].next = i + 1;
		}
		vvq->desc[head].addr = __pa(table);
		vvq->desc[head].len = total * sizeof(*table);
		vvq->desc[head].flags = VRING_DESC_F_INDIRECT;
		vvq->free_head = vvq->desc[head].next;
		vvq->vq.num_free--;
	} else {
		unsigned int d = head;

		for (i = 0; i < total; i++) {
			vvq->desc[d].addr = __pa(sgs[i].addr);
			vvq->desc[d].len = sgs[i].len;
			vvq->desc[d].flags = (i >= out ? VRING_DESC_F_WRITE : 0) | VRING_DESC_F_NEXT;
			prev = d;
			d = vvq->desc[d].next;
		}
		vvq->desc[prev].flags &= ~VRING_DESC_F_NEXT;
		vvq->free_head = d;
		vvq->vq.num_free -= total;
	}
	vvq->data[head] = data;
	vvq->indir[head] = table;

	vvq->avail->ring[vvq->avail_idx_shadow & (vvq->num - 1)] = head;
	virtio_wmb();	/* the device must see the ring entry before the index */
	vvq->avail_idx_shadow++;
	WRITE_ONCE(vvq->avail->idx, vvq->avail_idx_shadow);
	vvq->num_added++;
	return 0;
}

bool virtqueue_kick(struct virtqueue *_vq)
{
	struct vring_virtqueue *vvq = to_vvq(_vq);
	u16 new, old;
	bool needs;

	if (vvq->broken)
		return false;
	virtio_mb();	/* our index out before we read the device's wish */
	new = vvq->avail_idx_shadow;
	old = new - vvq->num_added;
	vvq->num_added = 0;
	if (vvq->event)
		needs = vring_need_event(*vring_avail_event(vvq), new, old);
	else
		needs = !(READ_ONCE(vvq->used->flags) & VRING_USED_F_NO_NOTIFY);
	if (needs && !vvq->notify(_vq)) {
		vring_break(vvq, "notify failed", 0);
		return false;
	}
	return true;
}

static bool more_used(struct vring_virtqueue *vvq)
{
	return READ_ONCE(vvq->used->idx) != vvq->last_used_idx;
}

static void detach_buf(struct vring_virtqueue *vvq, unsigned int head)
{
	unsigned int d = head, n = 1;

	vvq->data[head] = NULL;
	if (vvq->indir[head]) {
		kfree(vvq->indir[head]);
		vvq->indir[head] = NULL;
	} else {
		while ((vvq->desc[d].flags & VRING_DESC_F_NEXT) && n < vvq->num) {
			d = vvq->desc[d].next;
			n++;
		}
	}
	vvq->desc[d].next = vvq->free_head;
	vvq->free_head = head;
	vvq->vq.num_free += n;
}

void *virtqueue_get_buf(struct virtqueue *_vq, unsigned int *len)
{
	struct vring_virtqueue *vvq = to_vvq(_vq);
	u16 used_idx;
	unsigned int id;
	void *data;

	if (vvq->broken || !more_used(vvq))
		return NULL;
	used_idx = READ_ONCE(vvq->used->idx);
	if ((u16)(used_idx - vvq->last_used_idx) > vvq->num) {
		vring_break(vvq, "used index jumped past the ring", used_idx);
		return NULL;
	}
	virtio_rmb();	/* the entry after the index */
	id = vvq->used->ring[vvq->last_used_idx & (vvq->num - 1)].id;
	if (len)
		*len = vvq->used->ring[vvq->last_used_idx & (vvq->num - 1)].len;
	if (id >= vvq->num || !vvq->data[id]) {
		vring_break(vvq, "used id is not a buffer the driver gave", id);
		return NULL;
	}
	data = vvq->data[id];
	detach_buf(vvq, id);
	vvq->last_used_idx++;
	if (vvq->event)	/* interrupt us again at the next one */
		WRITE_ONCE(*vring_used_event(vvq), vvq->last_used_idx);
	return data;
}

void virtqueue_disable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vvq = to_vvq(_vq);

	if (!vvq->event)
		vvq->avail->flags |= VRING_AVAIL_F_NO_INTERRUPT;
}

/* Interrupts back on; false if buffers arrived meanwhile (the caller polls again). */
bool virtqueue_enable_cb(struct virtqueue *_vq)
{
	struct vring_virtqueue *vvq = to_vvq(_vq);

	if (vvq->event)
		WRITE_ONCE(*vring_used_event(vvq), vvq->last_used_idx);
	else
		vvq->avail->flags &= ~VRING_AVAIL_F_NO_INTERRUPT;
	virtio_mb();
	return !more_used(vvq);
}

irqreturn_t vring_interrupt(int irq, void *_vq)
{
	struct vring_virtqueue *vvq = to_vvq((struct virtqueue *)_vq);

	if (!more_used(vvq))
		return IRQ_NONE;
	if (vvq->broken)
		return IRQ_HANDLED;
	if (vvq->vq.callback)
		vvq->vq.callback(&vvq->vq);
	return IRQ_HANDLED;
}

unsigned int virtqueue_get_vring_size(const struct virtqueue *vq)
{
	return container_of(vq, struct vring_virtqueue, vq)->num;
}

bool virtqueue_is_broken(const struct virtqueue *vq)
{
	return container_of(vq, struct vring_virtqueue, vq)->broken;
}

u64 virtqueue_get_desc_addr(const struct virtqueue *vq)
{
	return __pa(container_of(vq, struct vring_virtqueue, vq)->desc);
}

u64 virtqueue_get_avail_addr(const struct virtqueue *vq)
{
	return __pa(container_of(vq, struct vring_virtqueue, vq)->avail);
}

u64 virtqueue_get_used_addr(const struct virtqueue *vq)
{
	return __pa(container_of(vq, struct vring_virtqueue, vq)->used);
}

/* The ring features the transport may keep; drivers never see others. */
void vring_transport_features(struct virtio_device *vdev)
{
	vdev->features &= (1ULL << VIRTIO_RING_F_INDIRECT_DESC) |
			  (1ULL << VIRTIO_RING_F_EVENT_IDX) |
			  (1ULL << VIRTIO_F_VERSION_1) | ((1ULL << 28) - 1);
}

/*
 * @num is the device's maximum; Lantern uses up to VRING_USE_SIZE.  A size
 * that is zero, not a power of two or beyond the specification is nonsense.
 */
struct virtqueue *vring_create_virtqueue(unsigned int index, unsigned int num,
					 struct virtio_device *vdev, bool (*notify)(struct virtqueue *),
					 vq_callback_t *callback, const char *name)
{
	struct vring_virtqueue *vvq;
	unsigned int i;

	if (!num || (num & (num - 1)) || num > VRING_MAX_SIZE) {
		pr_err("virtio %s: queue %u: size %u is not a valid ring size; refused\n",
		       vdev->name, index, num);
		return NULL;
	}
	num = min(num, (unsigned int)VRING_USE_SIZE);
	vvq = kzalloc(sizeof(*vvq), GFP_KERNEL);
	if (!vvq)
		return NULL;
	vvq->num = num;
	vvq->desc = alloc_ring(num * sizeof(struct vring_desc), &vvq->desc_order);
	vvq->avail = alloc_ring(sizeof(struct vring_avail) + (num + 1) * sizeof(u16),
				&vvq->avail_order);
	vvq->used = alloc_ring(sizeof(struct vring_used) +
			       num * sizeof(struct vring_used_elem) + sizeof(u16), &vvq->used_order);
	vvq->data = kcalloc(num, sizeof(void *), GFP_KERNEL);
	vvq->indir = kcalloc(num, sizeof(void *), GFP_KERNEL);
	if (!vvq->desc || !vvq->avail || !vvq->used || !vvq->data || !vvq->indir) {
		vring_del_virtqueue(&vvq->vq);
		return NULL;
	}
	for (i = 0; i + 1 < num; i++)
		vvq->desc[i].next = i + 1;
	vvq->vq.num_free = num;
	vvq->vq.index = index;
	vvq->vq.vdev = vdev;
	vvq->vq.callback = callback;
	vvq->vq.name = name;
	vvq->notify = notify;
	vvq->indirect = virtio_has_feature(vdev, VIRTIO_RING_F_INDIRECT_DESC);
	vvq->event = virtio_has_feature(vdev, VIRTIO_RING_F_EVENT_IDX);
	if (!callback)
		virtqueue_disable_cb(&vvq->vq);
	list_add_tail(&vvq->vq.list, &vdev->vqs);
	return &vvq->vq;
}

void vring_del_virtqueue(struct virtqueue *vq)
{
	struct vring_virtqueue *vvq = to_vvq(vq);
	unsigned int i;

	if (vvq->vq.vdev)
		list_del(&vvq->vq.list);
	if (vvq->indir)
		for (i = 0; i < vvq->num; i++)
			kfree(vvq->indir[i]);
	if (vvq->desc)
		free_pages((unsigned long)vvq->desc, vvq->desc_order);
	if (vvq->avail)
		free_pages((unsigned long)vvq->avail, vvq->avail_order);
	if (vvq->used)
		free_pages((unsigned long)vvq->used, vvq->used_order);
	kfree(vvq->data);
	kfree(vvq->indir);
	kfree(vvq);
}
