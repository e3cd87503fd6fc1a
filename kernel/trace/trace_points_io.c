// SPDX-License-Identifier: GPL-2.0
/*
 * The tracepoints of memory, block I/O and modules: page faults
 * (events/exceptions/), the page cache (events/filemap/), block requests
 * (events/block/) and module loading (events/module/).  As in
 * trace_points.c, each has a record, the fields its format file lists and
 * a print routine; names, layouts and text are Linux's, so a trace of
 * either kernel reads the same.  Strings whose length varies (a module's
 * name, a request's command) are __data_loc fields: the record carries
 * (length << 16 | offset) and the bytes follow the fixed part.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/sched.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/module.h>
#include <linux/kdev_t.h>
#include <linux/panic.h>
#include <asm/ptrace.h>
#include <asm/trace/exceptions.h>
#include <trace/events/filemap.h>
#include <trace/events/block.h>
#include <trace/events/module.h>
#include "trace.h"

#define EVENT_CALL(sys, ev, f, fmt, pr)					\
	struct trace_event_call event_##ev = {				\
		.system = #sys, .name = #ev,				\
		.fields = f, .nr_fields = ARRAY_SIZE(f),		\
		.print_fmt = fmt, .print = pr,				\
	}

#define REC(ent, type)	((const struct type *)(ent))

/* ---- exceptions: page_fault_user / page_fault_kernel ---- */

struct page_fault_entry {
	struct trace_entry ent;
	unsigned long address, ip, error_code;
};

static const struct ftrace_event_field page_fault_fields[] = {
	TRACE_FIELD(unsigned long, address, struct page_fault_entry, 0),
	TRACE_FIELD(unsigned long, ip, struct page_fault_entry, 0),
	TRACE_FIELD(unsigned long, error_code, struct page_fault_entry, 0),
};

static void page_fault_print(struct trace_seq *s, const struct trace_entry *ent,
			     struct trace_event_call *call)
{
	const struct page_fault_entry *e = REC(ent, page_fault_entry);

	trace_seq_printf(s, "address=%ps ip=%ps error_code=0x%lx",
			 (void *)e->address, (void *)e->ip, e->error_code);
}

#define PAGE_FAULT_FMT "\"address=%ps ip=%ps error_code=0x%lx\", (void *)REC->address, " \
	"(void *)REC->ip, REC->error_code"
EVENT_CALL(exceptions, page_fault_user, page_fault_fields, PAGE_FAULT_FMT, page_fault_print);
EVENT_CALL(exceptions, page_fault_kernel, page_fault_fields, PAGE_FAULT_FMT, page_fault_print);

void __trace_page_fault(struct trace_event_call *call, unsigned long address,
			struct pt_regs *regs, unsigned long error_code)
{
	struct page_fault_entry e;

	e.address = address;
	e.ip = regs->ip;
	e.error_code = error_code;
	trace_event_submit(call, &e.ent, sizeof(e));
}

/* ---- filemap: mm_filemap_add_to_page_cache / mm_filemap_delete_from_page_cache ---- */

struct mm_filemap_entry {
	struct trace_entry ent;
	unsigned long pfn, i_ino, index;
	dev_t s_dev;
	unsigned char order;
};

static const struct ftrace_event_field mm_filemap_fields[] = {
	TRACE_FIELD(unsigned long, pfn, struct mm_filemap_entry, 0),
	TRACE_FIELD(unsigned long, i_ino, struct mm_filemap_entry, 0),
	TRACE_FIELD(unsigned long, index, struct mm_filemap_entry, 0),
	TRACE_FIELD(dev_t, s_dev, struct mm_filemap_entry, 0),
	TRACE_FIELD(unsigned char, order, struct mm_filemap_entry, 0),
};

static void mm_filemap_print(struct trace_seq *s, const struct trace_entry *ent,
			     struct trace_event_call *call)
{
	const struct mm_filemap_entry *e = REC(ent, mm_filemap_entry);

	trace_seq_printf(s, "dev %d:%d ino %lx pfn=0x%lx ofs=%lu order=%u",
			 MAJOR(e->s_dev), MINOR(e->s_dev), e->i_ino, e->pfn,
			 e->index << PAGE_SHIFT, e->order);
}

#define MM_FILEMAP_FMT "\"dev %d:%d ino %lx pfn=0x%lx ofs=%lu order=%u\", " \
	"((unsigned int) ((REC->s_dev) >> 20)), ((unsigned int) ((REC->s_dev) & ((1U << 20) - 1))), " \
	"REC->i_ino, REC->pfn, REC->index << 12, REC->order"
EVENT_CALL(filemap, mm_filemap_add_to_page_cache, mm_filemap_fields, MM_FILEMAP_FMT,
	   mm_filemap_print);
EVENT_CALL(filemap, mm_filemap_delete_from_page_cache, mm_filemap_fields, MM_FILEMAP_FMT,
	   mm_filemap_print);

void __trace_mm_filemap(struct trace_event_call *call, struct page *page)
{
	struct inode *inode = page->mapping->host;
	struct mm_filemap_entry e;

	e.pfn = page_to_pfn(page);
	e.i_ino = inode ? inode->i_ino : 0;
	e.index = page->index;
	/* A disk filesystem names its disk, as Linux does; others their own device. */
	e.s_dev = !inode ? 0 : inode->i_sb->s_bdev ? inode->i_sb->s_bdev->bd_dev :
		  inode->i_sb->s_dev;
	e.order = 0;		/* the cache holds single pages */
	trace_event_submit(call, &e.ent, sizeof(e));
}

/* ---- block: block_rq_insert / block_rq_issue / block_rq_complete ---- */

void blk_fill_rwbs(char *rwbs, unsigned int opf)
{
	int i = 0;

	if (opf & REQ_PREFLUSH)
		rwbs[i++] = 'F';
	switch (opf & REQ_OP_MASK) {
	case REQ_OP_WRITE:
		rwbs[i++] = 'W';
		break;
	case REQ_OP_FLUSH:
		rwbs[i++] = 'F';
		break;
	case REQ_OP_READ:
		rwbs[i++] = 'R';
		break;
	default:
		rwbs[i++] = 'N';
	}
	if (opf & REQ_FUA)
		rwbs[i++] = 'F';
	if (opf & REQ_SYNC)
		rwbs[i++] = 'S';
	if (opf & REQ_META)
		rwbs[i++] = 'M';
	rwbs[i] = '\0';
}

struct block_rq_entry {
	struct trace_entry ent;
	dev_t dev;
	sector_t sector;
	unsigned int nr_sector, bytes;
	char rwbs[8];
	char comm[TASK_COMM_LEN];
	u32 cmd;
	char cmd_str[1];	/* a bio carries no command: "" */
};

static const struct ftrace_event_field block_rq_fields[] = {
	TRACE_FIELD(dev_t, dev, struct block_rq_entry, 0),
	TRACE_FIELD(sector_t, sector, struct block_rq_entry, 0),
	TRACE_FIELD(unsigned int, nr_sector, struct block_rq_entry, 0),
	TRACE_FIELD(unsigned int, bytes, struct block_rq_entry, 0),
	TRACE_ARRAY_FIELD(char, rwbs, 8, struct block_rq_entry),
	TRACE_ARRAY_FIELD(char, comm, 16, struct block_rq_entry),
	TRACE_DATA_LOC_FIELD(cmd, struct block_rq_entry),
};

static void block_rq_print(struct trace_seq *s, const struct trace_entry *ent,
			   struct trace_event_call *call)
{
	const struct block_rq_entry *e = REC(ent, block_rq_entry);

	trace_seq_printf(s, "%d,%d %.8s %u (%s) %llu + %u [%.16s]", MAJOR(e->dev), MINOR(e->dev),
			 e->rwbs, e->bytes, trace_get_str(e, e->cmd),
			 (unsigned long long)e->sector, e->nr_sector, e->comm);
}

#define BLOCK_RQ_FMT "\"%d,%d %s %u (%s) %llu + %u [%s]\", " \
	"((unsigned int) ((REC->dev) >> 20)), ((unsigned int) ((REC->dev) & ((1U << 20) - 1))), " \
	"REC->rwbs, REC->bytes, __get_str(cmd), (unsigned long long)REC->sector, REC->nr_sector, " \
	"REC->comm"
EVENT_CALL(block, block_rq_insert, block_rq_fields, BLOCK_RQ_FMT, block_rq_print);
EVENT_CALL(block, block_rq_issue, block_rq_fields, BLOCK_RQ_FMT, block_rq_print);

/* A flush moves no data and names no sector, as Linux reports it. */
static bool bio_has_data(const struct bio *bio)
{
	return bio_op(bio) != REQ_OP_FLUSH && bio->bi_size;
}

void __trace_block_rq(struct trace_event_call *call, struct bio *bio)
{
	struct block_rq_entry e;

	e.dev = bio->bi_bdev->bd_disk->part0->bd_dev;
	e.sector = bio_has_data(bio) ? bio->bi_sector : 0;
	e.nr_sector = bio_has_data(bio) ? bio->bi_size >> SECTOR_SHIFT : 0;
	e.bytes = bio->bi_size;
	blk_fill_rwbs(e.rwbs, bio->bi_opf);
	memcpy(e.comm, current->comm, TASK_COMM_LEN);
	e.cmd = trace_data_loc(offsetof(struct block_rq_entry, cmd_str), 1);
	e.cmd_str[0] = '\0';
	trace_event_submit(call, &e.ent, sizeof(e));
}

struct block_rq_complete_entry {
	struct trace_entry ent;
	dev_t dev;
	sector_t sector;
	unsigned int nr_sector;
	int error;
	char rwbs[8];
	u32 cmd;
	char cmd_str[1];
};

static const struct ftrace_event_field block_rq_complete_fields[] = {
	TRACE_FIELD(dev_t, dev, struct block_rq_complete_entry, 0),
	TRACE_FIELD(sector_t, sector, struct block_rq_complete_entry, 0),
	TRACE_FIELD(unsigned int, nr_sector, struct block_rq_complete_entry, 0),
	TRACE_FIELD(int, error, struct block_rq_complete_entry, 1),
	TRACE_ARRAY_FIELD(char, rwbs, 8, struct block_rq_complete_entry),
	TRACE_DATA_LOC_FIELD(cmd, struct block_rq_complete_entry),
};

static void block_rq_complete_print(struct trace_seq *s, const struct trace_entry *ent,
				    struct trace_event_call *call)
{
	const struct block_rq_complete_entry *e = REC(ent, block_rq_complete_entry);

	trace_seq_printf(s, "%d,%d %.8s (%s) %llu + %u [%d]", MAJOR(e->dev), MINOR(e->dev),
			 e->rwbs, trace_get_str(e, e->cmd), (unsigned long long)e->sector,
			 e->nr_sector, e->error);
}

EVENT_CALL(block, block_rq_complete, block_rq_complete_fields,
	"\"%d,%d %s (%s) %llu + %u [%d]\", "
	"((unsigned int) ((REC->dev) >> 20)), ((unsigned int) ((REC->dev) & ((1U << 20) - 1))), "
	"REC->rwbs, __get_str(cmd), (unsigned long long)REC->sector, REC->nr_sector, REC->error",
	block_rq_complete_print);

void __trace_block_rq_complete(struct bio *bio)
{
	struct block_rq_complete_entry e;

	e.dev = bio->bi_bdev->bd_disk->part0->bd_dev;
	e.sector = bio_has_data(bio) ? bio->bi_sector : 0;
	e.nr_sector = bio_has_data(bio) ? bio->bi_size >> SECTOR_SHIFT : 0;
	e.error = blk_status_to_errno(bio->bi_status);
	blk_fill_rwbs(e.rwbs, bio->bi_opf);
	e.cmd = trace_data_loc(offsetof(struct block_rq_complete_entry, cmd_str), 1);
	e.cmd_str[0] = '\0';
	trace_event_submit(&event_block_rq_complete, &e.ent, sizeof(e));
}

/* ---- module: module_load / module_free ---- */

struct module_load_entry {
	struct trace_entry ent;
	unsigned int taints;
	u32 name;
	char name_str[MODULE_NAME_LEN];
};

static const struct ftrace_event_field module_load_fields[] = {
	TRACE_FIELD(unsigned int, taints, struct module_load_entry, 0),
	TRACE_DATA_LOC_FIELD(name, struct module_load_entry),
};

/* Linux's letters for the taints a module can bring. */
static const struct { unsigned int bit; char c; } module_taint_letters[] = {
	{ TAINT_PROPRIETARY_MODULE, 'P' }, { TAINT_OOT_MODULE, 'O' },
	{ TAINT_FORCED_MODULE, 'F' }, { TAINT_CRAP, 'C' }, { TAINT_UNSIGNED_MODULE, 'E' },
};

static void module_load_print(struct trace_seq *s, const struct trace_entry *ent,
			      struct trace_event_call *call)
{
	const struct module_load_entry *e = REC(ent, module_load_entry);
	char flags[8];
	unsigned int i, n = 0;

	for (i = 0; i < ARRAY_SIZE(module_taint_letters); i++)
		if (e->taints & (1U << module_taint_letters[i].bit))
			flags[n++] = module_taint_letters[i].c;
	flags[n] = '\0';
	trace_seq_printf(s, "%s %s", trace_get_str(e, e->name), flags);
}

EVENT_CALL(module, module_load, module_load_fields,
	"\"%s %s\", __get_str(name), __print_flags(REC->taints, \"\", { (1UL << 0), \"P\" }, "
	"{ (1UL << 12), \"O\" }, { (1UL << 1), \"F\" }, { (1UL << 10), \"C\" }, "
	"{ (1UL << 13), \"E\" })",
	module_load_print);

void __trace_module_load(struct module *mod)
{
	struct module_load_entry e;
	size_t len = strnlen(mod->name, MODULE_NAME_LEN - 1);

	e.taints = mod->taints;
	memcpy(e.name_str, mod->name, len);
	e.name_str[len] = '\0';
	e.name = trace_data_loc(offsetof(struct module_load_entry, name_str), len + 1);
	trace_event_submit(&event_module_load, &e.ent,
			   offsetof(struct module_load_entry, name_str) + len + 1);
}

struct module_free_entry {
	struct trace_entry ent;
	u32 name;
	char name_str[MODULE_NAME_LEN];
};

static const struct ftrace_event_field module_free_fields[] = {
	TRACE_DATA_LOC_FIELD(name, struct module_free_entry),
};

static void module_free_print(struct trace_seq *s, const struct trace_entry *ent,
			      struct trace_event_call *call)
{
	const struct module_free_entry *e = REC(ent, module_free_entry);

	trace_seq_printf(s, "%s", trace_get_str(e, e->name));
}

EVENT_CALL(module, module_free, module_free_fields, "\"%s\", __get_str(name)",
	   module_free_print);

void __trace_module_free(struct module *mod)
{
	struct module_free_entry e;
	size_t len = strnlen(mod->name, MODULE_NAME_LEN - 1);

	memcpy(e.name_str, mod->name, len);
	e.name_str[len] = '\0';
	e.name = trace_data_loc(offsetof(struct module_free_entry, name_str), len + 1);
	trace_event_submit(&event_module_free, &e.ent,
			   offsetof(struct module_free_entry, name_str) + len + 1);
}

/* Registered system by system: events/ makes each system's folder once. */
static struct trace_event_call *const io_events[] = {
	&event_page_fault_user, &event_page_fault_kernel,
	&event_mm_filemap_add_to_page_cache, &event_mm_filemap_delete_from_page_cache,
	&event_block_rq_insert, &event_block_rq_issue, &event_block_rq_complete,
	&event_module_load, &event_module_free,
};

int init_trace_points_io(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(io_events); i++) {
		err = trace_add_event_call(io_events[i]);
		if (err)
			return err;
	}
	return 0;
}
