// SPDX-License-Identifier: GPL-2.0
/*
 * virtio-blk: a disk behind a virtqueue.  Each bio becomes one request:
 * a header the device reads (type, sector), the bio's pages (read or
 * written), and a status byte the device writes — three or more
 * descriptors, or one with indirect descriptors.  The device's interrupt
 * collects finished requests and hands their bios to the block layer's
 * softirq.  When the ring is full, bios wait on the disk's list and go
 * out as requests finish.  VIRTIO_BLK_F_FLUSH means the disk has a
 * volatile write cache: flush bios (fsync, sync) become FLUSH requests;
 * without it writes are stable when done and a flush is a no-op.
 *
 * With VIRTIO_BLK_F_MQ the device offers several request queues; up to
 * VIRTBLK_MAX_VQS are used, each with its own lock, waiting list and
 * MSI-X vector, and bios are spread over them in turn.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/virtio.h>
#include <uapi/linux/virtio_blk.h>
#include <trace/events/block.h>

#define VIRTBLK_MAJOR	254
#define VIRTBLK_SEGS	(BIO_MAX_VECS + 2)
#define VIRTBLK_MAX_VQS	4

struct virtblk_req {
	struct virtio_blk_outhdr out_hdr;
	u8 status;
	struct bio *bio;
	struct vscatter sg[VIRTBLK_SEGS];
};

struct virtio_blk_vq {
	struct virtqueue *vq;
	spinlock_t lock;		/* the ring and the waiting list */
	struct bio *wait_head, **wait_tail;
	char name[16];
};

struct virtio_blk {
	struct virtio_device *vdev;
	struct virtio_blk_vq vqs[VIRTBLK_MAX_VQS];
	unsigned int num_vqs;
	atomic_t next_vq;		/* round robin over the queues */
	struct gendisk *disk;
	unsigned int index;
};

static int virtblk_index;

/* Lock held: put @bio on the ring; -ENOSPC if it is full. */
static int virtblk_add_req(struct virtio_blk_vq *q, struct bio *bio)
{
	struct virtblk_req *req = kzalloc(sizeof(*req), GFP_ATOMIC);
	unsigned int op = bio_op(bio), n = 0, i;
	int err;

	if (!req)
		return -ENOMEM;
	req->bio = bio;
	req->out_hdr.sector = bio->bi_sector;
	req->out_hdr.type = op == REQ_OP_WRITE ? VIRTIO_BLK_T_OUT :
			    op == REQ_OP_FLUSH ? VIRTIO_BLK_T_FLUSH : VIRTIO_BLK_T_IN;
	if (op == REQ_OP_FLUSH)
		req->out_hdr.sector = 0;
	req->sg[n].addr = &req->out_hdr;
	req->sg[n++].len = sizeof(req->out_hdr);
	for (i = 0; i < bio->bi_vcnt; i++) {
		req->sg[n].addr = (char *)page_address(bio->bi_inline_vecs[i].bv_page) +
				  bio->bi_inline_vecs[i].bv_offset;
		req->sg[n++].len = bio->bi_inline_vecs[i].bv_len;
	}
	req->sg[n].addr = &req->status;
	req->sg[n++].len = 1;
	if (op == REQ_OP_WRITE || op == REQ_OP_FLUSH)
		err = virtqueue_add_sgs(q->vq, req->sg, n - 1, 1, req);
	else
		err = virtqueue_add_sgs(q->vq, req->sg, 1, n - 1, req);
	if (err)
		kfree(req);
	else
		trace_block_rq_issue(bio);
	return err;
}

static void virtblk_submit_bio(struct bio *bio)
{
	struct virtio_blk *vblk = bio->bi_bdev->bd_disk->private_data;
	struct virtio_blk_vq *q;
	unsigned long flags;
	int err;

	/* A flush on a disk without a volatile cache has nothing to do. */
	if (bio_op(bio) == REQ_OP_FLUSH && !virtio_has_feature(vblk->vdev, VIRTIO_BLK_F_FLUSH)) {
		bio_endio(bio);
		return;
	}
	q = &vblk->vqs[(unsigned int)atomic_inc_return(&vblk->next_vq) % vblk->num_vqs];
	spin_lock_irqsave(&q->lock, flags);
	if (q->wait_head) {
		err = -ENOSPC;	/* keep the order: behind those already waiting */
	} else {
		err = virtblk_add_req(q, bio);
		if (!err)
			virtqueue_kick(q->vq);
	}
	if (err == -ENOSPC) {
		bio->bi_next = NULL;
		*q->wait_tail = bio;
		q->wait_tail = &bio->bi_next;
		err = 0;
	}
	spin_unlock_irqrestore(&q->lock, flags);
	if (err) {
		bio->bi_status = BLK_STS_IOERR;
		bio_endio(bio);
	}
}

static void virtblk_done(struct virtqueue *vq)
{
	struct virtio_blk *vblk = vq->vdev->priv;
	struct virtio_blk_vq *q = &vblk->vqs[vq->index];
	struct virtblk_req *req;
	unsigned long flags;
	unsigned int len;
	bool kick = false;

	spin_lock_irqsave(&q->lock, flags);
	do {
		virtqueue_disable_cb(vq);
		while ((req = virtqueue_get_buf(vq, &len))) {
			struct bio *bio = req->bio;

			bio->bi_status = req->status == VIRTIO_BLK_S_OK ? BLK_STS_OK :
					 req->status == VIRTIO_BLK_S_UNSUPP ? BLK_STS_NOTSUPP :
					 BLK_STS_IOERR;
			kfree(req);
			blk_complete_bio(bio);
		}
	} while (!virtqueue_enable_cb(vq));
	/* Room again: the waiting bios go out in order. */
	while (q->wait_head) {
		struct bio *bio = q->wait_head;

		if (virtblk_add_req(q, bio))
			break;
		q->wait_head = bio->bi_next;
		if (!q->wait_head)
			q->wait_tail = &q->wait_head;
		bio->bi_next = NULL;
		kick = true;
	}
	if (kick)
		virtqueue_kick(vq);
	if (virtqueue_is_broken(vq)) {
		/* Nothing will ever complete: fail what waits rather than hang it. */
		while (q->wait_head) {
			struct bio *bio = q->wait_head;

			q->wait_head = bio->bi_next;
			bio->bi_status = BLK_STS_IOERR;
			blk_complete_bio(bio);
		}
		q->wait_tail = &q->wait_head;
	}
	spin_unlock_irqrestore(&q->lock, flags);
}

static const struct block_device_operations virtblk_fops = {
	.submit_bio	= virtblk_submit_bio,
};

static int virtblk_probe(struct virtio_device *vdev)
{
	struct virtio_blk *vblk;
	struct gendisk *disk;
	vq_callback_t *callbacks[VIRTBLK_MAX_VQS];
	const char *names[VIRTBLK_MAX_VQS];
	struct virtqueue *vqs[VIRTBLK_MAX_VQS];
	unsigned int i, num = 1;
	u64 capacity;
	u32 blk_size = SECTOR_SIZE;
	int err;

	vblk = kzalloc(sizeof(*vblk), GFP_KERNEL);
	if (!vblk)
		return -ENOMEM;
	vblk->vdev = vdev;
	vdev->priv = vblk;
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_MQ))
		num = virtio_cread(vdev, u16, VIRTIO_BLK_CFG_NUM_QUEUES);
	num = clamp(num, 1u, min((unsigned int)VIRTBLK_MAX_VQS, vdev->config->max_queues(vdev)));
	for (i = 0; i < num; i++) {
		struct virtio_blk_vq *q = &vblk->vqs[i];

		spin_lock_init(&q->lock);
		q->wait_tail = &q->wait_head;
		scnprintf(q->name, sizeof(q->name), "req.%u", i);
		callbacks[i] = virtblk_done;
		names[i] = q->name;
	}
	err = vdev->config->find_vqs(vdev, num, vqs, callbacks, names);
	if (err)
		goto out_free;
	for (i = 0; i < num; i++)
		vblk->vqs[i].vq = vqs[i];
	vblk->num_vqs = num;
	capacity = virtio_cread(vdev, u64, VIRTIO_BLK_CFG_CAPACITY);
	if (virtio_has_feature(vdev, VIRTIO_BLK_F_BLK_SIZE)) {
		blk_size = virtio_cread(vdev, u32, VIRTIO_BLK_CFG_BLK_SIZE);
		if (blk_size < SECTOR_SIZE || blk_size > PAGE_SIZE || (blk_size & (blk_size - 1))) {
			pr_err("virtio_blk %s: block size %u is nonsense; refused\n", vdev->name,
			       blk_size);
			err = -EINVAL;
			goto out_vqs;
		}
	}
	if (capacity > (1ULL << 48)) {
		pr_err("virtio_blk %s: capacity %llu sectors is nonsense; refused\n", vdev->name,
		       capacity);
		err = -EINVAL;
		goto out_vqs;
	}
	disk = blk_alloc_disk();
	if (!disk) {
		err = -ENOMEM;
		goto out_vqs;
	}
	vblk->disk = disk;
	vblk->index = virtblk_index++;
	disk->major = VIRTBLK_MAJOR;
	disk->first_minor = vblk->index * DISK_MAX_PARTS;
	disk->minors = DISK_MAX_PARTS;
	disk->fops = &virtblk_fops;
	disk->private_data = vblk;
	disk->read_only = virtio_has_feature(vdev, VIRTIO_BLK_F_RO);
	disk->queue->logical_block_size = blk_size;
	disk->queue->physical_block_size = blk_size;
	disk->queue->max_hw_sectors = BIO_MAX_VECS * (PAGE_SIZE >> SECTOR_SHIFT);
	disk->queue->write_cache = virtio_has_feature(vdev, VIRTIO_BLK_F_FLUSH);
	disk->queue->nr_hw_queues = num;
	if (vblk->index < 26)
		scnprintf(disk->disk_name, sizeof(disk->disk_name), "vd%c", 'a' + vblk->index);
	else
		scnprintf(disk->disk_name, sizeof(disk->disk_name), "vd%c%c",
			  'a' + vblk->index / 26 - 1, 'a' + vblk->index % 26);
	set_capacity(disk, capacity);
	if (!disk->part0) {
		err = -ENOMEM;
		goto out_vqs;
	}
	virtio_device_ready(vdev);
	pr_info("virtio_blk %s: [%s] %llu %u-byte logical blocks (%llu MB)%s%s, %u queue%s\n",
		vdev->name, disk->disk_name, capacity * SECTOR_SIZE / blk_size, blk_size,
		capacity * SECTOR_SIZE / 1000000, disk->queue->write_cache ? ", write cache" : "",
		disk->read_only ? ", read-only" : "", num, num > 1 ? "s" : "");
	return add_disk(disk);
out_vqs:
	vdev->config->del_vqs(vdev);
out_free:
	kfree(vblk);
	return err;
}

static const struct virtio_device_id virtblk_id_table[] = {
	{ VIRTIO_ID_BLOCK, VIRTIO_DEV_ANY_ID },
	{ 0 },
};

static const unsigned int virtblk_features[] = {
	VIRTIO_BLK_F_SEG_MAX, VIRTIO_BLK_F_SIZE_MAX, VIRTIO_BLK_F_GEOMETRY, VIRTIO_BLK_F_RO,
	VIRTIO_BLK_F_BLK_SIZE, VIRTIO_BLK_F_FLUSH, VIRTIO_BLK_F_TOPOLOGY, VIRTIO_BLK_F_MQ,
};

static struct virtio_driver virtio_blk_driver = {
	.name			= "virtio_blk",
	.id_table		= virtblk_id_table,
	.feature_table		= virtblk_features,
	.feature_table_size	= ARRAY_SIZE(virtblk_features),
	.probe			= virtblk_probe,
};

static int __init virtio_blk_init(void)
{
	int err = register_blkdev(VIRTBLK_MAJOR, "virtblk");

	if (err < 0)
		return err;
	return register_virtio_driver(&virtio_blk_driver);
}
device_initcall(virtio_blk_init);
