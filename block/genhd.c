// SPDX-License-Identifier: GPL-2.0
/*
 * Disks: a driver allocates a struct gendisk, names it and sets its size,
 * and add_disk() publishes it: the whole-disk block device (partition 0),
 * the partitions its table lists (block/partitions/), a /dev node for
 * each, /sys/block/<disk> with its attributes and a subdirectory per
 * partition, and a line each in /proc/partitions and /proc/diskstats.
 */
#include <linux/kernel.h>
#include <linux/blkdev.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/dcache.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <asm/page.h>
#include "blk.h"

static const char *blk_majors[256];

int register_blkdev(unsigned int major, const char *name)
{
	if (!major || major > 255)
		return -EINVAL;
	if (blk_majors[major])
		return -EBUSY;
	blk_majors[major] = name;
	return major;
}

struct gendisk *blk_alloc_disk(void)
{
	struct gendisk *disk = kzalloc(sizeof(*disk), GFP_KERNEL);

	if (!disk)
		return NULL;
	disk->queue = kzalloc(sizeof(*disk->queue), GFP_KERNEL);
	if (!disk->queue) {
		kfree(disk);
		return NULL;
	}
	spin_lock_init(&disk->queue->queue_lock);
	disk->queue->logical_block_size = SECTOR_SIZE;
	disk->queue->physical_block_size = SECTOR_SIZE;
	disk->queue->max_hw_sectors = 255;
	disk->queue->nr_hw_queues = 1;
	disk->queue->disk = disk;
	return disk;
}

/* Before add_disk: the size; part0 appears with it. */
void set_capacity(struct gendisk *disk, sector_t sectors)
{
	if (!disk->minors)
		disk->minors = DISK_MAX_PARTS;
	if (!disk->part0)
		disk->part0 = bdev_alloc(disk, 0, MKDEV(disk->major, disk->first_minor));
	if (disk->part0)
		disk->part0->bd_nr_sectors = sectors;
}

/* /sys/block/X/... and /sys/block/X/Xn/...: attributes bound to their block device. */
struct bdev_attr {
	struct attribute attr;
	struct block_device *bdev;
};

static struct block_device *attr_bdev(const struct attribute *a)
{
	return container_of(a, struct bdev_attr, attr)->bdev;
}

static ssize_t dev_show(const struct attribute *a, char *page)
{
	dev_t d = attr_bdev(a)->bd_dev;

	return scnprintf(page, PAGE_SIZE, "%u:%u\n", MAJOR(d), MINOR(d));
}

static ssize_t size_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%llu\n", attr_bdev(a)->bd_nr_sectors);
}

static ssize_t ro_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%d\n", attr_bdev(a)->bd_read_only);
}

static ssize_t zero_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "0\n");
}

static ssize_t start_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%llu\n", attr_bdev(a)->bd_start_sect);
}

static ssize_t partition_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n", attr_bdev(a)->bd_partno);
}

static ssize_t range_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%d\n", attr_bdev(a)->bd_disk->minors);
}

/* The eleven-plus columns of Documentation/block/stat.rst. */
static int format_stat(char *buf, size_t size, const struct disk_stats *s)
{
	return scnprintf(buf, size,
			 "%8lu %8lu %8llu %8lu %8lu %8lu %8llu %8lu %8u %8lu %8lu %8lu %8lu %8llu %8lu %8lu %8lu\n",
			 s->ios[0], s->merges[0], s->sectors[0], s->nsecs[0],
			 s->ios[1], s->merges[1], s->sectors[1], s->nsecs[1],
			 s->in_flight, s->io_ticks, s->nsecs[0] + s->nsecs[1],
			 0UL, 0UL, 0ULL, 0UL, s->ios[2], s->nsecs[2]);
}

static ssize_t stat_show(const struct attribute *a, char *page)
{
	return format_stat(page, PAGE_SIZE, &attr_bdev(a)->bd_stats);
}

static ssize_t lbs_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n",
			 attr_bdev(a)->bd_disk->queue->logical_block_size);
}

static ssize_t pbs_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n",
			 attr_bdev(a)->bd_disk->queue->physical_block_size);
}

static ssize_t max_hw_kb_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n", attr_bdev(a)->bd_disk->queue->max_hw_sectors / 2);
}

static ssize_t nr_hw_queues_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%u\n", attr_bdev(a)->bd_disk->queue->nr_hw_queues);
}

static ssize_t write_cache_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "%s\n",
			 attr_bdev(a)->bd_disk->queue->write_cache ? "write back" : "write through");
}

static ssize_t scheduler_show(const struct attribute *a, char *page)
{
	return scnprintf(page, PAGE_SIZE, "[none]\n");
}

struct bdev_attr_def {
	const char *name;
	ssize_t (*show)(const struct attribute *a, char *page);
};

static const struct bdev_attr_def disk_attrs[] = {
	{ "dev", dev_show }, { "size", size_show }, { "ro", ro_show },
	{ "removable", zero_show }, { "stat", stat_show }, { "range", range_show },
};

static const struct bdev_attr_def part_attrs[] = {
	{ "dev", dev_show }, { "size", size_show }, { "ro", ro_show },
	{ "start", start_show }, { "partition", partition_show }, { "stat", stat_show },
};

static const struct bdev_attr_def queue_attrs[] = {
	{ "logical_block_size", lbs_show }, { "physical_block_size", pbs_show },
	{ "hw_sector_size", lbs_show }, { "max_hw_sectors_kb", max_hw_kb_show },
	{ "max_sectors_kb", max_hw_kb_show }, { "rotational", zero_show },
	{ "nr_hw_queues", nr_hw_queues_show }, { "write_cache", write_cache_show },
	{ "scheduler", scheduler_show },
};

static void bdev_add_attrs(struct block_device *bdev, struct dentry *dir,
			   const struct bdev_attr_def *defs, unsigned int n)
{
	struct bdev_attr *attrs = kcalloc(n, sizeof(*attrs), GFP_KERNEL);
	unsigned int i;

	if (!attrs)
		return;
	for (i = 0; i < n; i++) {
		attrs[i].bdev = bdev;
		attrs[i].attr.name = defs[i].name;
		attrs[i].attr.mode = 0444;
		attrs[i].attr.show = defs[i].show;
		sysfs_create_file(dir, &attrs[i].attr);
	}
}

void bdev_sysfs_add(struct block_device *bdev, struct dentry *parent)
{
	struct dentry *dir = sysfs_create_dir(parent, bdev->bd_name), *q;

	if (IS_ERR(dir))
		return;
	bdev->bd_sysfs = dir;
	if (bdev->bd_partno) {
		bdev_add_attrs(bdev, dir, part_attrs, ARRAY_SIZE(part_attrs));
		return;
	}
	bdev_add_attrs(bdev, dir, disk_attrs, ARRAY_SIZE(disk_attrs));
	q = sysfs_create_dir(dir, "queue");
	if (!IS_ERR(q)) {
		bdev_add_attrs(bdev, q, queue_attrs, ARRAY_SIZE(queue_attrs));
		dput(q);
	}
}

int bdev_add_partition(struct gendisk *disk, unsigned int partno, sector_t start,
		       sector_t nr_sects)
{
	struct block_device *part;
	dev_t dev;

	if (partno >= DISK_MAX_PARTS || partno >= (unsigned int)disk->minors || disk->part[partno])
		return -EINVAL;
	if (!nr_sects || start >= get_capacity(disk) || nr_sects > get_capacity(disk) - start) {
		pr_warn("%s: partition %u (start %llu, %llu sectors) lies beyond the disk; ignored\n",
			disk->disk_name, partno, start, nr_sects);
		return -EINVAL;
	}
	dev = MKDEV(disk->major, disk->first_minor + partno);
	part = bdev_alloc(disk, partno, dev);
	if (!part)
		return -ENOMEM;
	part->bd_start_sect = start;
	part->bd_nr_sectors = nr_sects;
	part->bd_read_only = disk->read_only;
	disk->part[partno] = part;
	if (partno >= disk->nr_parts)
		disk->nr_parts = partno + 1;
	return 0;
}

int add_disk(struct gendisk *disk)
{
	unsigned int i;

	if (!disk->part0)
		return -EINVAL;
	disk->part[0] = disk->part0;
	disk->part0->bd_read_only = disk->read_only;
	if (disk->nr_parts < 1)
		disk->nr_parts = 1;
	bdev_scan_partitions(disk);
	for (i = 0; i < disk->nr_parts; i++) {
		struct block_device *b = disk->part[i];

		if (!b)
			continue;
		devtmpfs_create_node(b->bd_name, S_IFBLK | 0660, b->bd_dev);
		if (block_kobj)
			bdev_sysfs_add(b, i ? disk->part0->bd_sysfs : block_kobj);
	}
	return 0;
}

int partitions_proc_show(struct seq_file *m, void *v)
{
	struct block_device *b;

	seq_puts(m, "major minor  #blocks  name\n\n");
	mutex_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, bd_list)
		seq_printf(m, "%4u  %7u %10llu %s\n", MAJOR(b->bd_dev), MINOR(b->bd_dev),
			   b->bd_nr_sectors >> 1, b->bd_name);
	mutex_unlock(&bdev_lock);
	return 0;
}

int diskstats_proc_show(struct seq_file *m, void *v)
{
	struct block_device *b;
	char buf[256];

	mutex_lock(&bdev_lock);
	list_for_each_entry(b, &all_bdevs, bd_list) {
		format_stat(buf, sizeof(buf), &b->bd_stats);
		/* diskstats: the same numbers, single-spaced after the name. */
		seq_printf(m, "%4u %7u %s", MAJOR(b->bd_dev), MINOR(b->bd_dev), b->bd_name);
		{
			char *p = buf;

			while (*p) {
				while (*p == ' ')
					p++;
				if (*p == '\n' || !*p)
					break;
				seq_putc(m, ' ');
				while (*p && *p != ' ' && *p != '\n')
					seq_putc(m, *p++);
			}
		}
		seq_putc(m, '\n');
	}
	mutex_unlock(&bdev_lock);
	return 0;
}
