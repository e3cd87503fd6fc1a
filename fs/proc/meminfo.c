// SPDX-License-Identifier: GPL-2.0
/*
 * The system-wide files whose text another subsystem already writes:
 * /proc/meminfo (mm/show_mem.c), buddyinfo and zoneinfo (mm/vmstat.c),
 * slabinfo (mm/slub.c), interrupts (kernel/irq), filesystems
 * (fs/super.c), iomem and ioports (kernel/resource.c).  Each of those
 * prints into a plain buffer, so it can also be dumped at boot or in an
 * oops; here that buffer is the seq_file's, and a text that does not
 * fit is retried bigger.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/ioport.h>
#include <linux/irq.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmstat.h>
#include "internal.h"

/* Append what @fn prints (it returns snprintf's length) to @m. */
static int seq_show_buf(struct seq_file *m, int (*fn)(char *buf, size_t size))
{
	size_t room = m->size - m->count;
	int len = fn(m->buf + m->count, room);

	if (len < 0)
		return len;
	m->count = (size_t)len < room ? m->count + len : m->size;
	return 0;
}

int meminfo_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, meminfo_show);
}

int buddyinfo_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, buddyinfo_show);
}

int zoneinfo_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, zoneinfo_show);
}

int slabinfo_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, slabinfo_show);
}

int interrupts_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, show_interrupts);
}

/*
 * Everyone may read the trees, but only CAP_SYS_ADMIN sees addresses
 * (the others get zeros), as in Linux: physical addresses help an
 * attacker place things.
 */
static int iomem_show(char *buf, size_t size)
{
	return resource_tree_show(&iomem_resource, buf, size, capable(CAP_SYS_ADMIN));
}

int iomem_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, iomem_show);
}

static int ioports_show(char *buf, size_t size)
{
	return resource_tree_show(&ioport_resource, buf, size, capable(CAP_SYS_ADMIN));
}

int ioports_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, ioports_show);
}

static int filesystems_show(char *buf, size_t size)
{
	return get_filesystem_list(buf, size);
}

int filesystems_proc_show(struct seq_file *m, void *v)
{
	return seq_show_buf(m, filesystems_show);
}
