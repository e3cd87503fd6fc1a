// SPDX-License-Identifier: GPL-2.0
/*
 * kprobe events: trace events made at run time by writing to
 * kprobe_events, each a probe on a kernel function that records what its
 * fetch arguments name:
 *
 *	p[:[GRP/]EVENT] SYMBOL[+0] [NAME=]FETCHARG[:TYPE] ...	on entry
 *	r[MAXACTIVE][:[GRP/]EVENT] SYMBOL [NAME=]FETCHARG ...	on return
 *	-:[GRP/]EVENT						delete it
 *
 * FETCHARG is a register (%di), a function argument ($arg1), the stack
 * ($stack, $stack2), the return value ($retval, return probes only), the
 * task's name ($comm), memory at a symbol or address (@jiffies), or
 * memory at an offset from another fetch arg (+16($arg1), +0(+8(%si))),
 * "+u" reading user memory.  TYPE is u8..u64, s8..s64, x8..x64 or
 * string (a string needs a dereference: +0($arg2):string).  The event
 * appears as events/GRP/EVENT (GRP "kprobes" by default) with enable,
 * format, id and filter like any other; kprobe_profile counts its hits.
 *
 * How a probe fires: Linux plants an int3 at the address and single-steps
 * the displaced instruction.  Lantern probes a function's first
 * instruction only, through its fentry site, as Linux does on x86 with
 * KPROBES_ON_FTRACE: enabling the event turns the 5-byte NOP at the
 * function's start into a call to ftrace_caller (with ftrace's own text
 * patching), which saves every register and calls kprobe_ftrace_handler.
 * An offset inside the function is refused: without an instruction
 * decoder Lantern cannot tell an instruction boundary (EILSEQ), nor a
 * function built without the NOP (EINVAL).  A return probe hooks the
 * return address as the function_graph tracer does, on the same
 * per-task ret_stack.
 *
 * The probe list changes under event_mutex and is walked by the handler
 * under RCU: the handler runs with interrupts off, which no grace period
 * outlasts (a CPU passes no quiescent state with them off), so a probe
 * taken off the list is freed after synchronize_rcu(), when no CPU can
 * still be looking at it.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/fs.h>
#include <linux/tracefs.h>
#include <linux/debugfs.h>
#include <linux/kallsyms.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/kstrtox.h>
#include <linux/ctype.h>
#include <linux/uaccess.h>
#include <linux/sched.h>
#include <linux/err.h>
#include <linux/rculist.h>
#include <linux/rcupdate.h>
#include <asm/ptrace.h>
#include <asm/ftrace.h>
#include <asm/segment.h>
#include <asm/uaccess.h>
#include <asm/irqflags.h>
#include <asm/smp.h>
#include "trace.h"

#define KPROBE_EVENT_SYSTEM	"kprobes"
#define KPROBE_MAX_ARGS		32
#define KPROBE_MAX_DEREF	8
#define KPROBE_STRING_MAX	256	/* bytes kept of a string, NUL included */
#define KPROBE_RECORD_MAX	2048
#define KRETPROBE_MAXACTIVE	10	/* what Linux reports for a small machine */
#define MAX_EVENT_NAME_LEN	64

enum fetch_base {
	FETCH_REG,		/* a pt_regs field: param is its offset */
	FETCH_ARG,		/* $argN: param is N */
	FETCH_STACK_PTR,	/* $stack */
	FETCH_STACK,		/* $stackN: param is N */
	FETCH_RETVAL,
	FETCH_COMM,
	FETCH_IMM,		/* a constant: @SYM's address */
};

enum fetch_type { TYPE_U, TYPE_S, TYPE_X, TYPE_STRING };

struct probe_arg {
	char *name;
	char *comm;				/* as written, for kprobe_events */
	enum fetch_base base;
	unsigned long param;
	int nderef;
	long deref[KPROBE_MAX_DEREF];		/* innermost first */
	bool user[KPROBE_MAX_DEREF];		/* "+u": user memory */
	enum fetch_type type;
	int size;				/* of the field: 1..8, 4 for a string's __data_loc */
	unsigned int offset;			/* in the record */
	char type_name[8];			/* "u64", "s16", "__data_loc char[]" */
};

struct trace_kprobe {
	struct list_head list;
	struct trace_event_call call;
	char *group, *event, *symbol;
	unsigned long addr;
	bool is_return;
	int maxactive;
	int nr_args;
	struct probe_arg *args;
	struct ftrace_event_field *fields;
	char *print_fmt;
	unsigned int fixed_size;		/* header, addresses and fields */
	unsigned long nhit, nmissed;
};

static LIST_HEAD(kprobe_list);			/* event_mutex to change, RCU to walk */

/* One record being built per CPU; the handler runs with interrupts off. */
static char kprobe_record[NR_CPUS][KPROBE_RECORD_MAX] __aligned(8);

/* ---- reading memory for a fetch arg, never faulting ---- */

/* Below TASK_SIZE_MAX an address is the task's, as Linux 6.1's kprobes read it. */
static int probe_mem_read(void *dst, unsigned long addr, size_t size, bool user)
{
	unsigned long left;

	if (user || addr < TASK_SIZE_MAX) {
		pagefault_disable();
		left = copy_from_user(dst, (const void __user *)addr, size);
		pagefault_enable();
		return left ? -EFAULT : 0;
	}
	return copy_from_kernel_nofault(dst, (const void *)addr, size) ? -EFAULT : 0;
}

/* The string at @addr into @dst (at most @size bytes with its NUL); its length + 1, or 0. */
static int probe_string_read(char *dst, unsigned long addr, int size, bool user)
{
	int i;

	if (user || addr < TASK_SIZE_MAX) {
		long n;

		pagefault_disable();
		n = strncpy_from_user(dst, (const char __user *)addr, size - 1);
		pagefault_enable();
		if (n < 0)
			return 0;
		dst[n] = '\0';
		return n + 1;
	}
	for (i = 0; i < size - 1; i++) {
		if (__get_kernel_nofault_u8((u8 *)dst + i, (const void *)(addr + i)))
			return 0;
		if (!dst[i])
			return i + 1;
	}
	dst[i] = '\0';
	return i + 1;
}

/* ---- running the fetch args ---- */

static unsigned long regs_get_stack_nth(struct pt_regs *regs, unsigned int n)
{
	unsigned long v = 0;

	if (probe_mem_read(&v, regs->sp + n * sizeof(long), sizeof(v), false))
		return 0;
	return v;
}

/* $argN as the x86-64 calling convention passes it; the 7th on sit on the stack. */
static unsigned long regs_get_kernel_argument(struct pt_regs *regs, unsigned int n)
{
	static const unsigned int arg_offs[] = {
		offsetof(struct pt_regs, di), offsetof(struct pt_regs, si),
		offsetof(struct pt_regs, dx), offsetof(struct pt_regs, cx),
		offsetof(struct pt_regs, r8), offsetof(struct pt_regs, r9),
	};

	if (n < ARRAY_SIZE(arg_offs))
		return *(unsigned long *)((char *)regs + arg_offs[n]);
	/* Past the return address at 0(%rsp). */
	return regs_get_stack_nth(regs, n - ARRAY_SIZE(arg_offs) + 1);
}

static unsigned long fetch_base_value(const struct probe_arg *a, struct pt_regs *regs,
				      unsigned long retval)
{
	switch (a->base) {
	case FETCH_REG:
		return *(unsigned long *)((char *)regs + a->param);
	case FETCH_ARG:
		return regs_get_kernel_argument(regs, a->param - 1);
	case FETCH_STACK_PTR:
		return regs->sp;
	case FETCH_STACK:
		return regs_get_stack_nth(regs, a->param);
	case FETCH_RETVAL:
		return retval;
	case FETCH_IMM:
		return a->param;
	default:
		return 0;
	}
}

/*
 * Store @a's value at its offset in @rec; a string goes at *@dyn (the
 * record's variable part), which advances.
 */
static void fetch_arg(const struct probe_arg *a, struct pt_regs *regs, unsigned long retval,
		      char *rec, unsigned int *dyn)
{
	unsigned long v, addr = 0;
	u64 out = 0;
	int i, len = 0;

	if (a->base == FETCH_COMM) {
		len = strnlen(current->comm, TASK_COMM_LEN);
		if (*dyn + len + 1 <= KPROBE_RECORD_MAX) {
			memcpy(rec + *dyn, current->comm, len);
			rec[*dyn + len++] = '\0';
		} else {
			len = 0;
		}
		goto string;
	}
	v = fetch_base_value(a, regs, retval);
	for (i = 0; i < a->nderef; i++) {
		addr = v + a->deref[i];
		if (i == a->nderef - 1)
			break;
		if (probe_mem_read(&v, addr, sizeof(v), a->user[i]))
			goto fault;
	}
	if (a->type == TYPE_STRING) {
		int room = min_t(int, KPROBE_STRING_MAX, KPROBE_RECORD_MAX - (int)*dyn);

		len = room > 1 ? probe_string_read(rec + *dyn, addr, room, a->user[a->nderef - 1]) : 0;
		goto string;
	}
	if (a->nderef) {
		if (probe_mem_read(&out, addr, a->size, a->user[a->nderef - 1]))
			goto fault;
	} else {
		out = v;
	}
	memcpy(rec + a->offset, &out, a->size);	/* little-endian: the low bytes */
	return;
fault:
	if (a->type != TYPE_STRING) {
		memset(rec + a->offset, 0, a->size);
		return;
	}
	len = 0;
string:
	{
		u32 loc = trace_data_loc(*dyn, len);

		memcpy(rec + a->offset, &loc, sizeof(loc));
		*dyn += len;
	}
}

static void kprobe_record_submit(struct trace_kprobe *tk, struct pt_regs *regs,
				 unsigned long func, unsigned long ret_ip, unsigned long retval,
				 unsigned long irqflags)
{
	char *rec = kprobe_record[smp_processor_id()];
	unsigned int dyn = tk->fixed_size;
	int i;

	if (tk->is_return) {
		memcpy(rec + sizeof(struct trace_entry), &func, sizeof(long));
		memcpy(rec + sizeof(struct trace_entry) + sizeof(long), &ret_ip, sizeof(long));
	} else {
		memcpy(rec + sizeof(struct trace_entry), &func, sizeof(long));
	}
	for (i = 0; i < tk->nr_args; i++)
		fetch_arg(&tk->args[i], regs, retval, rec, &dyn);
	trace_event_submit_irqs(&tk->call, (struct trace_entry *)rec, dyn,
				!!(irqflags & X86_EFLAGS_IF));
}

/* The registers the function was entered with, as a pt_regs. */
static void kprobe_fill_regs(struct pt_regs *regs, const struct ftrace_regs *f,
			     unsigned long ip, unsigned long *parent_slot, unsigned long flags)
{
	regs->r15 = f->r15;
	regs->r14 = f->r14;
	regs->r13 = f->r13;
	regs->r12 = f->r12;
	regs->bp = f->bp;
	regs->bx = f->bx;
	regs->r11 = f->r11;
	regs->r10 = f->r10;
	regs->r9 = f->r9;
	regs->r8 = f->r8;
	regs->ax = f->ax;
	regs->cx = f->cx;
	regs->dx = f->dx;
	regs->si = f->si;
	regs->di = f->di;
	regs->orig_ax = -1UL;
	regs->ip = ip;
	regs->cs = __KERNEL_CS;
	regs->flags = flags;
	regs->sp = (unsigned long)parent_slot;	/* on entry it points at the return address */
	regs->ss = __KERNEL_DS;
}

void kprobe_ftrace_handler(unsigned long ip, unsigned long *parent_slot, struct ftrace_regs *fregs,
			   unsigned long flags)
{
	struct trace_kprobe *tk;
	struct pt_regs regs;
	bool filled = false;

	list_for_each_entry_rcu(tk, &kprobe_list, list) {
		if (tk->addr != ip || !READ_ONCE(tk->call.enabled))
			continue;
		tk->nhit++;
		if (tk->is_return) {
			if (!ftrace_push_return_trace(ip, parent_slot, tk->call.id))
				tk->nmissed++;	/* ret_stack full */
			continue;
		}
		if (!filled) {
			kprobe_fill_regs(&regs, fregs, ip, parent_slot, flags);
			filled = true;
		}
		kprobe_record_submit(tk, &regs, ip, 0, 0, flags);
	}
}

void kretprobe_trace_func(int id, unsigned long func, unsigned long ret_ip, unsigned long retval,
			  unsigned long flags)
{
	struct trace_kprobe *tk;
	struct pt_regs regs = { .ax = retval, .ip = ret_ip };

	/* The probe may have been deleted since the call: then its id finds nothing. */
	list_for_each_entry(tk, &kprobe_list, list)
		if (tk->call.id == id) {
			if (READ_ONCE(tk->call.enabled))
				kprobe_record_submit(tk, &regs, func, ret_ip, retval, flags);
			return;
		}
}

/* ---- printing a record ---- */

static u64 arg_value(const struct probe_arg *a, const char *rec)
{
	u64 v = 0;

	memcpy(&v, rec + a->offset, a->size);
	if (a->type == TYPE_S && a->size < 8) {
		unsigned int shift = 64 - 8 * a->size;

		v = (u64)((s64)(v << shift) >> shift);
	}
	return v;
}

static void kprobe_print(struct trace_seq *s, const struct trace_entry *ent,
			 struct trace_event_call *call)
{
	struct trace_kprobe *tk = container_of(call, struct trace_kprobe, call);
	const char *rec = (const char *)ent;
	unsigned long a0, a1;
	int i;

	memcpy(&a0, rec + sizeof(struct trace_entry), sizeof(long));
	if (tk->is_return) {
		memcpy(&a1, rec + sizeof(struct trace_entry) + sizeof(long), sizeof(long));
		trace_seq_printf(s, "(%pS <- %ps)", (void *)a1, (void *)a0);
	} else {
		trace_seq_printf(s, "(%pS)", (void *)a0);
	}
	for (i = 0; i < tk->nr_args; i++) {
		const struct probe_arg *a = &tk->args[i];
		u64 v = arg_value(a, rec);

		switch (a->type) {
		case TYPE_STRING:
			if (!((u32)v >> 16))
				trace_seq_printf(s, " %s=(fault)", a->name);
			else
				trace_seq_printf(s, " %s=\"%s\"", a->name, trace_get_str(rec, (u32)v));
			break;
		case TYPE_X:
			trace_seq_printf(s, " %s=0x%llx", a->name, (unsigned long long)v);
			break;
		case TYPE_S:
			trace_seq_printf(s, " %s=%lld", a->name, (long long)v);
			break;
		default:
			trace_seq_printf(s, " %s=%llu", a->name, (unsigned long long)v);
		}
	}
}

/* ---- parsing a definition ---- */

static const struct { const char *name; unsigned int off; } kprobe_regs[] = {
	{ "ax", offsetof(struct pt_regs, ax) }, { "bx", offsetof(struct pt_regs, bx) },
	{ "cx", offsetof(struct pt_regs, cx) }, { "dx", offsetof(struct pt_regs, dx) },
	{ "si", offsetof(struct pt_regs, si) }, { "di", offsetof(struct pt_regs, di) },
	{ "bp", offsetof(struct pt_regs, bp) }, { "sp", offsetof(struct pt_regs, sp) },
	{ "r8", offsetof(struct pt_regs, r8) }, { "r9", offsetof(struct pt_regs, r9) },
	{ "r10", offsetof(struct pt_regs, r10) }, { "r11", offsetof(struct pt_regs, r11) },
	{ "r12", offsetof(struct pt_regs, r12) }, { "r13", offsetof(struct pt_regs, r13) },
	{ "r14", offsetof(struct pt_regs, r14) }, { "r15", offsetof(struct pt_regs, r15) },
	{ "ip", offsetof(struct pt_regs, ip) }, { "flags", offsetof(struct pt_regs, flags) },
	{ "cs", offsetof(struct pt_regs, cs) }, { "ss", offsetof(struct pt_regs, ss) },
	{ "orig_ax", offsetof(struct pt_regs, orig_ax) },
};

static bool is_good_name(const char *name)
{
	if (!isalpha(*name) && *name != '_')
		return false;
	while (*++name)
		if (!isalnum(*name) && *name != '_')
			return false;
	return true;
}

/* A fetch arg without its type: "%di", "$arg2", "+8(+0($arg1))", "@jiffies+4". */
static int parse_fetch(char *s, struct probe_arg *a, bool is_return)
{
	unsigned int i;

	if (*s == '+' || *s == '-') {
		char *open = strchr(s, '('), *close = s + strlen(s) - 1;
		bool user = s[1] == 'u';
		long off;
		int err;

		if (!open || *close != ')')
			return -EINVAL;
		*open = '\0';
		*close = '\0';
		err = kstrtol(s + (user ? 2 : 1), 0, &off);
		if (err)
			return -EINVAL;
		err = parse_fetch(open + 1, a, is_return);
		if (err)
			return err;
		if (a->base == FETCH_COMM)
			return -EINVAL;
		if (a->nderef == KPROBE_MAX_DEREF)
			return -E2BIG;
		a->user[a->nderef] = user;
		a->deref[a->nderef++] = *s == '-' ? -off : off;
		return 0;
	}
	if (*s == '%') {
		for (i = 0; i < ARRAY_SIZE(kprobe_regs); i++)
			if (!strcmp(s + 1, kprobe_regs[i].name)) {
				a->base = FETCH_REG;
				a->param = kprobe_regs[i].off;
				return 0;
			}
		return -EINVAL;
	}
	if (*s == '@') {
		char *sign = strpbrk(s + 1, "+-");
		unsigned long addr;
		long off = 0;

		if (sign) {
			if (kstrtol(sign + 1, 0, &off))
				return -EINVAL;
			if (*sign == '-')
				off = -off;
			*sign = '\0';
		}
		if (isdigit(s[1])) {
			if (kstrtoul(s + 1, 0, &addr))
				return -EINVAL;
		} else {
			addr = kallsyms_lookup_name(s + 1);
			if (!addr)
				return -ENOENT;
		}
		/* Memory at the address: a constant, dereferenced. */
		a->base = FETCH_IMM;
		a->param = addr;
		a->user[0] = false;
		a->deref[a->nderef++] = off;
		return 0;
	}
	if (!strcmp(s, "$retval")) {
		if (!is_return)
			return -EINVAL;
		a->base = FETCH_RETVAL;
		return 0;
	}
	if (!strcmp(s, "$comm") || !strcmp(s, "$COMM")) {
		a->base = FETCH_COMM;
		return 0;
	}
	if (!strcmp(s, "$stack")) {
		a->base = FETCH_STACK_PTR;
		return 0;
	}
	if (!strncmp(s, "$stack", 6)) {
		if (kstrtoul(s + 6, 10, &a->param))
			return -EINVAL;
		a->base = FETCH_STACK;
		return 0;
	}
	if (!strncmp(s, "$arg", 4)) {
		/* Only a function's entry has its arguments where the ABI put them. */
		if (is_return || kstrtoul(s + 4, 10, &a->param) || a->param < 1 || a->param > 32)
			return -EINVAL;
		a->base = FETCH_ARG;
		return 0;
	}
	return -EINVAL;
}

static int parse_type(const char *t, struct probe_arg *a)
{
	unsigned int bits;

	if (!t) {
		t = "x64";	/* no type: Linux's default */
	}
	if (!strcmp(t, "string")) {
		a->type = TYPE_STRING;
		a->size = 4;
		return 0;
	}
	if ((*t != 'u' && *t != 's' && *t != 'x') || kstrtouint(t + 1, 10, &bits) ||
	    (bits != 8 && bits != 16 && bits != 32 && bits != 64))
		return -EINVAL;
	a->type = *t == 'u' ? TYPE_U : *t == 's' ? TYPE_S : TYPE_X;
	a->size = bits / 8;
	snprintf(a->type_name, sizeof(a->type_name), "%c%u", *t == 's' ? 's' : 'u', bits);
	return 0;
}

/* "[NAME=]FETCHARG[:TYPE]", the @idx-th argument of a probe. */
static int parse_probe_arg(const char *word, int idx, struct probe_arg *a, bool is_return)
{
	char *body, *eq, *colon, *buf = kstrdup(word, GFP_KERNEL);
	int err = -EINVAL;

	if (!buf)
		return -ENOMEM;
	body = buf;
	eq = strchr(buf, '=');
	if (eq) {
		*eq = '\0';
		if (!is_good_name(buf))
			goto out;
		a->name = kstrdup(buf, GFP_KERNEL);
		body = eq + 1;
	} else {
		a->name = kmalloc(16, GFP_KERNEL);
		if (a->name)
			snprintf(a->name, 16, "arg%d", idx + 1);
	}
	a->comm = kstrdup(body, GFP_KERNEL);
	if (!a->name || !a->comm) {
		err = -ENOMEM;
		goto out;
	}
	/* The type follows the last ':' (none inside a fetch arg). */
	colon = strrchr(body, ':');
	if (colon)
		*colon++ = '\0';
	if (!*body)
		goto out;
	err = parse_fetch(body, a, is_return);
	if (err)
		goto out;
	if (a->base == FETCH_COMM && !colon)
		colon = "string";
	err = parse_type(colon, a);
	if (err)
		goto out;
	err = -EINVAL;
	if (a->type == TYPE_STRING) {
		/* A string is read at an address: the last dereference gives it. */
		if (a->base != FETCH_COMM && !a->nderef)
			goto out;
		strscpy(a->type_name, "string", sizeof(a->type_name));
	} else if (a->base == FETCH_COMM) {
		goto out;
	}
	err = 0;
out:
	kfree(buf);
	return err;
}

static void free_trace_kprobe(struct trace_kprobe *tk)
{
	int i;

	if (!tk)
		return;
	for (i = 0; i < tk->nr_args; i++) {
		kfree(tk->args[i].name);
		kfree(tk->args[i].comm);
	}
	kfree(tk->args);
	kfree(tk->fields);
	kfree(tk->print_fmt);
	kfree(tk->group);
	kfree(tk->event);
	kfree(tk->symbol);
	kfree(tk);
}

/* Fields, offsets and print fmt of @tk's record, as Linux's format file gives them. */
static int kprobe_build_format(struct trace_kprobe *tk)
{
	unsigned int off = sizeof(struct trace_entry), nf = 0, len;
	size_t cap = 256 + tk->nr_args * 96;
	char *fmt;
	int i;

	tk->fields = kcalloc(tk->nr_args + 2, sizeof(*tk->fields), GFP_KERNEL);
	fmt = kzalloc(cap, GFP_KERNEL);
	if (!tk->fields || !fmt) {
		kfree(fmt);
		return -ENOMEM;
	}
	if (tk->is_return) {
		tk->fields[nf++] = (struct ftrace_event_field){ "unsigned long", "__probe_func",
								off, 8, 0 };
		tk->fields[nf++] = (struct ftrace_event_field){ "unsigned long", "__probe_ret_ip",
								off + 8, 8, 0 };
		off += 16;
		len = scnprintf(fmt, cap, "\"(%%lx <- %%lx)");
	} else {
		tk->fields[nf++] = (struct ftrace_event_field){ "unsigned long", "__probe_ip",
								off, 8, 0 };
		off += 8;
		len = scnprintf(fmt, cap, "\"(%%lx)");
	}
	for (i = 0; i < tk->nr_args; i++) {
		struct probe_arg *a = &tk->args[i];
		const char *f;

		a->offset = off;
		off += a->size;
		tk->fields[nf++] = (struct ftrace_event_field){
			a->type == TYPE_STRING ? "__data_loc char[]" : a->type_name, a->name,
			a->offset, a->size, a->type == TYPE_STRING || a->type == TYPE_S };
		if (a->type == TYPE_STRING)
			f = "\\\"%s\\\"";
		else if (a->type == TYPE_X)
			f = a->size == 8 ? "0x%Lx" : "0x%x";
		else if (a->type == TYPE_S)
			f = a->size == 8 ? "%Ld" : "%d";
		else
			f = a->size == 8 ? "%Lu" : "%u";
		len += scnprintf(fmt + len, cap - len, " %s=%s", a->name, f);
	}
	tk->fixed_size = off;
	len += scnprintf(fmt + len, cap - len, "\"");
	if (tk->is_return)
		len += scnprintf(fmt + len, cap - len, ", REC->__probe_func, REC->__probe_ret_ip");
	else
		len += scnprintf(fmt + len, cap - len, ", REC->__probe_ip");
	for (i = 0; i < tk->nr_args; i++) {
		if (tk->args[i].type == TYPE_STRING)
			len += scnprintf(fmt + len, cap - len, ", __get_str(%s)", tk->args[i].name);
		else
			len += scnprintf(fmt + len, cap - len, ", REC->%s", tk->args[i].name);
	}
	tk->print_fmt = fmt;
	tk->call.fields = tk->fields;
	tk->call.nr_fields = nf;
	tk->call.print_fmt = fmt;
	return off > KPROBE_RECORD_MAX / 2 ? -E2BIG : 0;
}

/* ---- the blacklist: functions a probe must not sit on ---- */

/*
 * The trap and fault paths a probe's own handler goes through, and the
 * probe and tracer machinery (which is built without fentry sites
 * anyway).  Linux marks these NOKPROBE_SYMBOL; here a list of globs.
 */
static const char *const kprobe_blacklist_globs[] = {
	"exc_*", "do_int3*", "do_debug*", "do_trap*", "do_error_trap", "die", "oops_*",
	"*page_fault*", "do_user_addr_fault", "do_kern_addr_fault", "bad_area",
	"fixup_exception", "search_exception_tables", "search_module_extables",
	"notify_die", "nmi_*", "do_nmi", "ftrace_*", "*kprobe*", "return_to_handler",
	"text_poke*", "sync_core",
};

static bool kprobe_blacklisted(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(kprobe_blacklist_globs); i++)
		if (trace_glob_match(kprobe_blacklist_globs[i], name))
			return true;
	return false;
}

/* ---- creating and deleting ---- */

/* event_mutex held. */
static struct trace_kprobe *find_trace_kprobe(const char *group, const char *event)
{
	struct trace_kprobe *tk;

	list_for_each_entry(tk, &kprobe_list, list)
		if ((!group || !strcmp(tk->group, group)) && !strcmp(tk->event, event))
			return tk;
	return NULL;
}

/* The event's reg: the fentry site is on while any enabled probe sits there; event_mutex held. */
static void kprobe_reg(struct trace_event_call *call, bool on)
{
	struct trace_kprobe *tk = container_of(call, struct trace_kprobe, call), *o;
	int err;

	if (!on)
		list_for_each_entry(o, &kprobe_list, list)
			if (o != tk && o->addr == tk->addr && o->call.enabled)
				return;		/* another probe still needs the site */
	err = ftrace_set_kprobe_site(tk->addr, on);
	if (err)
		pr_warn("kprobe %s/%s: cannot patch %s: %d\n", tk->group, tk->event, tk->symbol, err);
}

static int delete_trace_kprobe(struct trace_kprobe *tk)
{
	unsigned long flags;

	if (tk->call.enabled)
		return -EBUSY;
	local_irq_save(flags);
	list_del_rcu(&tk->list);
	local_irq_restore(flags);
	trace_remove_dynamic_event(&tk->call);
	/* A handler or the trace printer on another CPU may still hold it. */
	synchronize_rcu();
	free_trace_kprobe(tk);
	return 0;
}

/* "-:[GRP/]EVENT"; event_mutex held. */
static int kprobe_delete_command(const char *spec)
{
	char buf[2 * MAX_EVENT_NAME_LEN], *slash, *group = NULL, *event = buf;
	struct trace_kprobe *tk;

	if (strscpy(buf, spec, sizeof(buf)) < 0 || !*buf)
		return -EINVAL;
	slash = strchr(buf, '/');
	if (slash) {
		*slash = '\0';
		group = buf;
		event = slash + 1;
	}
	tk = find_trace_kprobe(group, event);
	if (!tk)
		return -ENOENT;
	return delete_trace_kprobe(tk);
}

/* One line of kprobe_events, split into words; event_mutex held. */
static int kprobe_command(int argc, char **argv)
{
	char *head = argv[0], *colon, *plus, *sym;
	char namebuf[KSYM_NAME_LEN];
	struct trace_kprobe *tk = NULL;
	unsigned long offset = 0, size, symoff, flags;
	bool is_return;
	int maxactive = 0, i, err;

	if (head[0] == '-')
		return head[1] == ':' && argc == 1 ? kprobe_delete_command(head + 2) : -EINVAL;
	if (head[0] != 'p' && head[0] != 'r')
		return -EINVAL;
	is_return = head[0] == 'r';
	colon = strchr(head, ':');
	if (colon)
		*colon = '\0';
	if (head[1]) {
		if (!is_return || kstrtoint(head + 1, 10, &maxactive) || maxactive <= 0 ||
		    maxactive > 4096)
			return -EINVAL;
	}
	if (argc < 2)
		return -EINVAL;
	if (argc - 2 > KPROBE_MAX_ARGS)
		return -E2BIG;

	tk = kzalloc(sizeof(*tk), GFP_KERNEL);
	if (!tk)
		return -ENOMEM;
	tk->is_return = is_return;
	tk->maxactive = maxactive ? maxactive : KRETPROBE_MAXACTIVE;

	/* The probe point: SYMBOL[+OFFS], MOD:SYMBOL or an address. */
	sym = argv[1];
	if (strchr(sym, ':'))
		sym = strchr(sym, ':') + 1;
	plus = strchr(sym, '+');
	if (plus) {
		*plus = '\0';
		err = -EINVAL;
		if (kstrtoul(plus + 1, 0, &offset))
			goto fail;
	}
	err = -EINVAL;
	if (!*sym)
		goto fail;
	if (isdigit(*sym)) {
		unsigned long addr;

		if (kstrtoul(sym, 0, &addr))
			goto fail;
		err = -ENOENT;
		if (!kallsyms_lookup(addr + offset, &size, &symoff, NULL, namebuf))
			goto fail;
		offset = symoff;
		tk->addr = addr + offset - symoff;
		tk->symbol = kstrdup(sym, GFP_KERNEL);
	} else {
		err = -ENOENT;
		tk->addr = kallsyms_lookup_name(sym);
		if (!tk->addr || !kallsyms_lookup(tk->addr, &size, &symoff, NULL, namebuf))
			goto fail;
		tk->symbol = kstrdup(sym, GFP_KERNEL);
	}
	err = -ENOMEM;
	if (!tk->symbol)
		goto fail;
	err = -EINVAL;
	if (is_return && offset)
		goto fail;		/* a return probe is the function's */
	if (offset >= size)
		goto fail;
	if (offset) {
		/* No decoder: a boundary inside the function cannot be checked. */
		err = -EILSEQ;
		goto fail;
	}
	err = -EINVAL;
	if (kprobe_blacklisted(namebuf) || !ftrace_location(tk->addr))
		goto fail;

	/* The event's name: given, or made from the probe point. */
	if (colon && colon[1]) {
		char *slash = strchr(colon + 1, '/');

		if (slash) {
			*slash = '\0';
			tk->group = kstrdup(colon + 1, GFP_KERNEL);
			tk->event = kstrdup(slash + 1, GFP_KERNEL);
		} else {
			tk->event = kstrdup(colon + 1, GFP_KERNEL);
		}
	} else {
		tk->event = kmalloc(KSYM_NAME_LEN + 24, GFP_KERNEL);
		if (tk->event)
			snprintf(tk->event, KSYM_NAME_LEN + 24, "%c_%s_%lu", is_return ? 'r' : 'p',
				 namebuf, offset);
	}
	if (!tk->group)
		tk->group = kstrdup(KPROBE_EVENT_SYSTEM, GFP_KERNEL);
	err = -ENOMEM;
	if (!tk->group || !tk->event)
		goto fail;
	err = -EINVAL;
	if (!is_good_name(tk->group) || !is_good_name(tk->event) ||
	    strlen(tk->event) >= MAX_EVENT_NAME_LEN || strlen(tk->group) >= MAX_EVENT_NAME_LEN)
		goto fail;

	tk->args = kcalloc(argc, sizeof(*tk->args), GFP_KERNEL);
	err = -ENOMEM;
	if (!tk->args)
		goto fail;
	for (i = 2; i < argc; i++) {
		err = parse_probe_arg(argv[i], tk->nr_args, &tk->args[tk->nr_args], is_return);
		tk->nr_args++;		/* its strings are freed with it, parsed or not */
		if (err)
			goto fail;
	}
	for (i = 0; i < tk->nr_args; i++) {
		int j;

		for (j = 0; j < i; j++)
			if (!strcmp(tk->args[i].name, tk->args[j].name)) {
				err = -EINVAL;
				goto fail;
			}
	}
	err = kprobe_build_format(tk);
	if (err)
		goto fail;
	err = -EEXIST;
	if (find_trace_kprobe(tk->group, tk->event) || trace_find_event_by_name(tk->group, tk->event))
		goto fail;

	tk->call.system = tk->group;
	tk->call.name = tk->event;
	tk->call.print = kprobe_print;
	tk->call.reg = kprobe_reg;
	err = trace_add_dynamic_event(&tk->call);
	if (err)
		goto fail;
	local_irq_save(flags);
	list_add_tail_rcu(&tk->list, &kprobe_list);
	local_irq_restore(flags);
	return 0;
fail:
	free_trace_kprobe(tk);
	return err;
}

/* Split @line into words in place; their number, or -E2BIG. */
static int split_words(char *line, char **argv, int max)
{
	int argc = 0;
	char *w;

	while ((w = strsep(&line, " \t")) != NULL) {
		if (!*w)
			continue;
		if (argc == max)
			return -E2BIG;
		argv[argc++] = w;
	}
	return argc;
}

/* ---- kprobe_events and kprobe_profile ---- */

struct kprobe_text {
	size_t len;
	char buf[];
};

static int kprobe_text_build(struct file *f, bool profile)
{
	struct trace_kprobe *tk;
	struct kprobe_text *t;
	size_t cap = 64 * 1024;
	int i;

	t = vzalloc(sizeof(*t) + cap);
	if (!t)
		return -ENOMEM;
	mutex_lock(&event_mutex);
	list_for_each_entry(tk, &kprobe_list, list) {
		if (profile) {
			t->len += scnprintf(t->buf + t->len, cap - t->len, "  %-44s %15lu %15lu\n",
					    tk->event, tk->nhit, tk->nmissed);
			continue;
		}
		if (tk->is_return)
			t->len += scnprintf(t->buf + t->len, cap - t->len, "r%d", tk->maxactive);
		else
			t->len += scnprintf(t->buf + t->len, cap - t->len, "p");
		t->len += scnprintf(t->buf + t->len, cap - t->len, ":%s/%s %s", tk->group,
				    tk->event, tk->symbol);
		for (i = 0; i < tk->nr_args; i++)
			t->len += scnprintf(t->buf + t->len, cap - t->len, " %s=%s",
					    tk->args[i].name, tk->args[i].comm);
		t->len += scnprintf(t->buf + t->len, cap - t->len, "\n");
	}
	mutex_unlock(&event_mutex);
	f->private_data = t;
	return 0;
}

static ssize_t kprobe_text_read(struct file *f, char __user *ubuf, size_t cnt, loff_t *ppos)
{
	struct kprobe_text *t = f->private_data;

	return t ? simple_read_from_buffer(ubuf, cnt, ppos, t->buf, t->len) : 0;
}

static int kprobe_text_release(struct inode *inode, struct file *f)
{
	vfree(f->private_data);
	return 0;
}

/*
 * "echo > kprobe_events" (O_TRUNC) deletes every probe; none may be
 * enabled (EBUSY).  ">>", or no O_TRUNC, adds to them.
 */
static int kprobe_events_open(struct inode *inode, struct file *f)
{
	if ((f->f_mode & FMODE_WRITE) && (f->f_flags & O_TRUNC)) {
		struct trace_kprobe *tk, *n;
		int err = 0;

		mutex_lock(&event_mutex);
		list_for_each_entry(tk, &kprobe_list, list)
			if (tk->call.enabled)
				err = -EBUSY;
		if (!err)
			list_for_each_entry_safe(tk, n, &kprobe_list, list)
				delete_trace_kprobe(tk);
		mutex_unlock(&event_mutex);
		if (err)
			return err;
	}
	if (!(f->f_mode & FMODE_READ))
		return 0;
	return kprobe_text_build(f, false);
}

static ssize_t kprobe_events_write(struct file *f, const char __user *ubuf, size_t cnt,
				   loff_t *ppos)
{
	char *buf, *p, *line, *argv[KPROBE_MAX_ARGS + 3];
	int argc, err = 0;

	if (cnt > PAGE_SIZE * 2)
		return -E2BIG;
	buf = kmalloc(cnt + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (copy_from_user(buf, ubuf, cnt)) {
		kfree(buf);
		return -EFAULT;
	}
	buf[cnt] = '\0';
	mutex_lock(&event_mutex);
	p = buf;
	while (!err && (line = strsep(&p, "\n")) != NULL) {
		char *hash = strchr(line, '#');

		if (hash)
			*hash = '\0';
		argc = split_words(line, argv, ARRAY_SIZE(argv));
		if (argc < 0)
			err = argc;
		else if (argc)
			err = kprobe_command(argc, argv);
	}
	mutex_unlock(&event_mutex);
	kfree(buf);
	if (err)
		return err;
	*ppos += cnt;
	return cnt;
}

static const struct file_operations kprobe_events_fops = {
	.open		= kprobe_events_open,
	.read		= kprobe_text_read,
	.write		= kprobe_events_write,
	.release	= kprobe_text_release,
	.llseek		= default_llseek,
};

static int kprobe_profile_open(struct inode *inode, struct file *f)
{
	return kprobe_text_build(f, true);
}

static const struct file_operations kprobe_profile_fops = {
	.open		= kprobe_profile_open,
	.read		= kprobe_text_read,
	.release	= kprobe_text_release,
	.llseek		= default_llseek,
};

/* /sys/kernel/debug/kprobes/blacklist: "start-end<TAB>symbol" of each refused function. */
static int blacklist_site(unsigned long ip, void *data)
{
	struct kprobe_text *t = data;
	char name[KSYM_NAME_LEN];
	unsigned long size, off;
	bool show = kallsyms_show_value();

	if (!kallsyms_lookup(ip, &size, &off, NULL, name) || !kprobe_blacklisted(name))
		return 0;
	if (t->len + 128 > 256 * 1024)
		return 1;
	t->len += scnprintf(t->buf + t->len, 256 * 1024 - t->len, "0x%016lx-0x%016lx\t%s\n",
			    show ? ip - off : 0, show ? ip - off + size : 0, name);
	return 0;
}

static int kprobe_blacklist_open(struct inode *inode, struct file *f)
{
	struct kprobe_text *t = vzalloc(sizeof(*t) + 256 * 1024);

	if (!t)
		return -ENOMEM;
	ftrace_for_each_site(blacklist_site, t);
	f->private_data = t;
	return 0;
}

static const struct file_operations kprobe_blacklist_fops = {
	.open		= kprobe_blacklist_open,
	.read		= kprobe_text_read,
	.release	= kprobe_text_release,
	.llseek		= default_llseek,
};

int init_kprobe_trace(struct dentry *root)
{
	struct dentry *dir;

	tracefs_create_file("kprobe_events", 0644, root, NULL, &kprobe_events_fops);
	tracefs_create_file("kprobe_profile", 0444, root, NULL, &kprobe_profile_fops);
	dir = debugfs_create_dir("kprobes", NULL);
	if (!IS_ERR_OR_NULL(dir))
		debugfs_create_file("blacklist", 0400, dir, NULL, &kprobe_blacklist_fops);
	return 0;
}
