// SPDX-License-Identifier: GPL-2.0
/*
 * ktest=virtio_ring: the split ring against a pretend device that this
 * test plays itself, writing the used ring as a device would.  A normal
 * completion comes back with its token; then the device misbehaves — a
 * used index that jumps past the ring, and in a second queue a used id
 * the driver never gave — and each time the queue must refuse (log line,
 * broken) instead of handing back garbage.  A ring size that is not a
 * power of two is refused at creation.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/ktest.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/virtio.h>
#include <asm/page.h>

static bool ktest_notify(struct virtqueue *vq)
{
	return true;
}

/* The device's side: put @id in the used ring and move its index to @idx. */
static void device_use(struct virtqueue *vq, u16 idx, u32 id)
{
	struct vring_used *used = __va(virtqueue_get_used_addr(vq));
	unsigned int num = virtqueue_get_vring_size(vq);

	used->ring[(idx - 1) & (num - 1)].id = id;
	used->ring[(idx - 1) & (num - 1)].len = 0;
	barrier();
	WRITE_ONCE(used->idx, idx);
}

static int ktest_virtio_ring(void)
{
	struct virtio_device *vdev = kzalloc(sizeof(*vdev), GFP_KERNEL);
	struct virtqueue *vq, *vq2;
	char buf[16], token_a, token_b;
	struct vscatter sg = { buf, sizeof(buf) };
	struct vring_avail *avail;
	unsigned int len;
	bool ok = true;

	if (!vdev)
		return -ENOMEM;
	INIT_LIST_HEAD(&vdev->vqs);
	strscpy(vdev->name, "ktest", sizeof(vdev->name));
	vdev->features = 1ULL << VIRTIO_F_VERSION_1;

	ok &= KTEST_EXPECT(!vring_create_virtqueue(0, 100, vdev, ktest_notify, NULL, "bad"));

	vq = vring_create_virtqueue(0, 8, vdev, ktest_notify, NULL, "ktest.0");
	if (!vq) {
		kfree(vdev);
		return -ENOMEM;
	}
	ok &= KTEST_EXPECT(virtqueue_add_sgs(vq, &sg, 1, 0, &token_a) == 0);
	ok &= KTEST_EXPECT(virtqueue_kick(vq));
	avail = __va(virtqueue_get_avail_addr(vq));
	ok &= KTEST_EXPECT(avail->idx == 1);
	ok &= KTEST_EXPECT(virtqueue_get_buf(vq, &len) == NULL);	/* nothing used yet */
	device_use(vq, 1, avail->ring[0]);
	ok &= KTEST_EXPECT(virtqueue_get_buf(vq, &len) == &token_a);
	/* The used index leaps by more than the ring holds: refused, queue broken. */
	ok &= KTEST_EXPECT(virtqueue_add_sgs(vq, &sg, 1, 0, &token_b) == 0);
	device_use(vq, 1 + 50, 0);
	ok &= KTEST_EXPECT(virtqueue_get_buf(vq, &len) == NULL);
	ok &= KTEST_EXPECT(virtqueue_is_broken(vq));
	ok &= KTEST_EXPECT(virtqueue_add_sgs(vq, &sg, 1, 0, &token_b) == -EIO);

	vq2 = vring_create_virtqueue(1, 8, vdev, ktest_notify, NULL, "ktest.1");
	if (vq2) {
		ok &= KTEST_EXPECT(virtqueue_add_sgs(vq2, &sg, 1, 0, &token_a) == 0);
		device_use(vq2, 1, 5);	/* a head the driver never handed out */
		ok &= KTEST_EXPECT(virtqueue_get_buf(vq2, &len) == NULL);
		ok &= KTEST_EXPECT(virtqueue_is_broken(vq2));
		vring_del_virtqueue(vq2);
	}
	vring_del_virtqueue(vq);
	kfree(vdev);
	return ok ? 0 : -EINVAL;
}
DEFINE_KTEST(virtio_ring, ktest_virtio_ring);
