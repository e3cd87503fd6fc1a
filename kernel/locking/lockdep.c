// SPDX-License-Identifier: GPL-2.0
/*
 * The lock validator ("lockdep"), on with `lockdep` on the command line.
 *
 * A deadlock needs two tasks and the wrong luck; the *possibility* of
 * one is visible from a single task that takes locks in an order some
 * other path reverses.  So the validator never waits for a deadlock: it
 * records orders.  Locks are grouped into classes (one per initialisation
 * site, <linux/lockdep.h>); each task keeps the stack of locks it holds;
 * taking lock B while holding A records the edge A -> B in a graph of
 * classes, with the stack trace of the place that first did so.  Before
 * adding an edge, a breadth-first search asks whether B already reaches
 * A: if so, the new edge closes a cycle and two tasks could deadlock.
 *
 * It also checks what a held-lock stack makes checkable: releasing a
 * lock this task does not hold, a spinlock released on another CPU, and
 * (might_sleep) sleeping while atomic.  Every report is printed once,
 * with Linux's headers, and then the validator switches itself off, as
 * Linux does: after one report the graph can no longer be trusted.
 * /proc/lockdep_stats says whether it is on.
 *
 * All graph state is in static arrays under one bare ticket lock taken
 * with interrupts off, so the validator allocates nothing and can run
 * from the first spinlock of the boot on.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/rwlock.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/debug.h>
#include <linux/seq_file.h>
#include <linux/smp.h>
#include <linux/stacktrace.h>
#include <linux/string.h>
#include <linux/utsname.h>
#include <linux/panic.h>
#include <asm/irqflags.h>
#include <asm/sections.h>

#define MAX_LOCKDEP_KEYS	2048
#define CLASSHASH_SIZE		512
#define MAX_LOCKDEP_ENTRIES	8192
#define LOCK_TRACE_DEPTH	16

struct lock_trace {
	unsigned int nr;
	unsigned long entries[LOCK_TRACE_DEPTH];
};

struct lock_list;

/* How a class has been taken, for the interrupt-safety check. */
enum lock_usage_bit {
	LOCK_USED_IN_HARDIRQ,	/* inside a hard interrupt handler */
	LOCK_ENABLED_HARDIRQ,	/* outside one, with interrupts on */
	LOCK_USAGE_STATES
};

struct lock_class {
	struct lock_class *hash_next;
	const struct lock_class_key *key;
	const char *name;
	unsigned long site;		/* for a class named by its first acquire */
	struct lock_list *after;	/* edges: classes taken while this is held */
	unsigned int bfs_gen;
	struct lock_list *bfs_parent;	/* the edge that reached this class */
	unsigned int usage_mask;	/* 1 << enum lock_usage_bit */
	struct lock_trace usage_traces[LOCK_USAGE_STATES];
};

/* The edge class -> to, and where it was first seen. */
struct lock_list {
	struct lock_class *class, *to;
	struct lock_list *next;
	struct lock_trace trace;
};

int debug_locks;
EXPORT_SYMBOL(debug_locks);
static bool lockdep_was_on;		/* for the stats file: it ran, then stopped */
static const char *lockdep_off_reason;

static arch_spinlock_t graph_lock = __ARCH_SPIN_LOCK_UNLOCKED;
static struct lock_class lock_classes[MAX_LOCKDEP_KEYS];
static struct lock_class *classhash[CLASSHASH_SIZE];
static unsigned int nr_lock_classes;
static struct lock_list list_entries[MAX_LOCKDEP_ENTRIES];
static unsigned int nr_list_entries;
static struct lock_class *bfs_queue[MAX_LOCKDEP_KEYS];
static unsigned int bfs_gen;
static unsigned long nr_unkeyed_locks, nr_acquires, nr_cycle_checks;

static int __init lockdep_setup(char *str)
{
	if (!*str || !strcmp(str, "1"))
		debug_locks = 1;
	else if (strcmp(str, "0"))
		return -EINVAL;
	lockdep_was_on = debug_locks;
	return 0;
}
early_param("lockdep", lockdep_setup);

/*
 * Stop validating.  Returns 1 for the caller that turned it off, which
 * is the one that prints the report: concurrent finders stay silent.
 */
int debug_locks_off(void)
{
	return __atomic_exchange_n(&debug_locks, 0, __ATOMIC_SEQ_CST) != 0;
}
EXPORT_SYMBOL(debug_locks_off);

static bool static_obj(const void *p)
{
	unsigned long a = (unsigned long)p;

	return (a >= (unsigned long)_sdata && a < (unsigned long)_end) ||
	       (a >= (unsigned long)__start_rodata && a < (unsigned long)__end_rodata);
}

void lockdep_task_init(struct task_struct *p)
{
	p->lockdep_depth = 0;
	p->lockdep_recursion = 0;
}

static void save_trace(struct lock_trace *t, unsigned int skip)
{
	t->nr = stack_trace_save(t->entries, LOCK_TRACE_DEPTH, skip);
}

static void print_trace(const struct lock_trace *t)
{
	stack_trace_print(t->entries, t->nr, 7);
}

/* Graph lock held.  NULL when the table is full (the validator then stops). */
static struct lock_class *register_class(struct lockdep_map *map, unsigned long ip)
{
	const struct lock_class_key *key = map->key;
	struct lock_class *c;
	unsigned int h;

	/*
	 * A lock that was never initialised (zeroed memory) has no key.
	 * A static one is its own key; a dynamic one is classed by the
	 * place that first takes it, the best guess of its type.
	 */
	if (!key) {
		if (static_obj(map))
			key = (const void *)map;
		else {
			key = (const void *)ip;
			nr_unkeyed_locks++;
		}
	}
	h = ((unsigned long)key >> 3) % CLASSHASH_SIZE;
	for (c = classhash[h]; c; c = c->hash_next)
		if (c->key == key)
			goto out;
	if (nr_lock_classes >= MAX_LOCKDEP_KEYS)
		return NULL;
	c = &lock_classes[nr_lock_classes++];
	c->key = key;
	c->name = map->key ? map->name : NULL;
	c->site = map->key ? 0 : ip;
	if (!c->name && static_obj(map))
		c->name = map->name;
	c->hash_next = classhash[h];
	classhash[h] = c;
out:
	if (map->key)
		map->class_cache = c;
	return c;
}

static void print_class(struct lock_class *c)
{
	if (c->name)
		pr_cont("%s", c->name);
	else
		pr_cont("<lock taken at %pS>", (void *)c->site);
}

static void print_held_lock(const struct held_lock *hl)
{
	printk(KERN_WARNING "%p (", hl->instance);
	print_class(hl->class);
	pr_cont(")%s, at: %pS\n", hl->read ? "{read}" : "", (void *)hl->acquire_ip);
}

void debug_show_held_locks(struct task_struct *task)
{
	int i;

	if (!task->lockdep_depth) {
		pr_warn("no locks held by %s/%d.\n", task->comm, task->pid);
		return;
	}
	pr_warn("%d lock%s held by %s/%d:\n", task->lockdep_depth,
		task->lockdep_depth > 1 ? "s" : "", task->comm, task->pid);
	for (i = 0; i < task->lockdep_depth; i++) {
		printk(KERN_WARNING " #%d: ", i);
		print_held_lock(&task->held_locks[i]);
	}
}
EXPORT_SYMBOL(debug_show_held_locks);

static void report_header(const char *title)
{
	pr_warn("\n");
	pr_warn("======================================================\n");
	pr_warn("%s\n", title);
	pr_warn("%s %s\n", init_uts_ns.release, print_tainted());
	pr_warn("------------------------------------------------------\n");
}

static void report_footer(void)
{
	pr_warn("\nstack backtrace:\n");
	dump_stack();
	pr_warn("lockdep: turning off the lock validator after this report\n");
	lockdep_off_reason = "a report was printed";
}

/*
 * Graph lock held, interrupts off.  Does @from reach @to through the
 * recorded edges?  Breadth first, so the chain printed is the shortest.
 */
static struct lock_list *find_path(struct lock_class *from, struct lock_class *to)
{
	unsigned int head = 0, tail = 0;
	struct lock_list *e;

	nr_cycle_checks++;
	bfs_gen++;
	from->bfs_gen = bfs_gen;
	from->bfs_parent = NULL;
	bfs_queue[tail++] = from;
	while (head < tail) {
		struct lock_class *c = bfs_queue[head++];

		for (e = c->after; e; e = e->next) {
			if (e->to->bfs_gen == bfs_gen)
				continue;
			e->to->bfs_gen = bfs_gen;
			e->to->bfs_parent = e;
			if (e->to == to)
				return e;
			if (tail < MAX_LOCKDEP_KEYS)
				bfs_queue[tail++] = e->to;
		}
	}
	return NULL;
}

/* The report for "holding @prev, taking @next" when @next already reaches @prev. */
static void print_circular(struct task_struct *curr, struct held_lock *prev,
			   struct lock_class *next, struct lockdep_map *next_map,
			   unsigned long ip, struct lock_list *last)
{
	struct lock_list *chain[32], *e;
	int n = 0, i;

	for (e = last; e && n < 32; e = e->class->bfs_parent)
		chain[n++] = e;
	report_header("WARNING: possible circular locking dependency detected");
	pr_warn("%s/%d is trying to acquire lock:\n", curr->comm, curr->pid);
	printk(KERN_WARNING "%p (", next_map);
	print_class(next);
	pr_cont("), at: %pS\n\n", (void *)ip);
	pr_warn("but task is already holding lock:\n");
	print_held_lock(prev);
	pr_warn("\nwhich lock already depends on the new lock.\n\n");
	pr_warn("the existing dependency chain (in reverse order) is:\n");
	for (i = 0; i < n; i++) {
		e = chain[i];
		printk(KERN_WARNING "\n-> #%d (", n - 1 - i);
		print_class(e->to);
		pr_cont("):\n");
		pr_warn("       recorded taking it while holding ");
		print_class(e->class);
		pr_cont(", at:\n");
		print_trace(&e->trace);
	}
	pr_warn("\nother info that might help us debug this:\n\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0                    CPU1\n");
	pr_warn("       ----                    ----\n");
	printk(KERN_WARNING "  lock(");
	print_class(prev->class);
	pr_cont(");\n");
	printk(KERN_WARNING "                               lock(");
	print_class(next);
	pr_cont(");\n");
	printk(KERN_WARNING "                               lock(");
	print_class(prev->class);
	pr_cont(");\n");
	printk(KERN_WARNING "  lock(");
	print_class(next);
	pr_cont(");\n\n *** DEADLOCK ***\n\n");
	debug_show_held_locks(curr);
	report_footer();
}

/*
 * Graph lock held.  Record prev -> next unless known; false when the
 * edge would close a cycle (the report is then printed by the caller,
 * after dropping the graph lock).
 */
static bool add_dependency(struct held_lock *prev, struct lock_class *next,
			   struct lock_list **cycle)
{
	struct lock_list *e;

	for (e = prev->class->after; e; e = e->next)
		if (e->to == next)
			return true;
	*cycle = find_path(next, prev->class);
	if (*cycle)
		return false;
	if (nr_list_entries >= MAX_LOCKDEP_ENTRIES) {
		if (debug_locks_off())
			lockdep_off_reason = "the dependency table is full";
		return true;
	}
	e = &list_entries[nr_list_entries++];
	e->class = prev->class;
	e->to = next;
	save_trace(&e->trace, 0);
	e->next = prev->class->after;
	prev->class->after = e;
	return true;
}

static const char *const usage_str[LOCK_USAGE_STATES] = {
	[LOCK_USED_IN_HARDIRQ] = "IN-HARDIRQ-W",
	[LOCK_ENABLED_HARDIRQ] = "HARDIRQ-ON-W",
};

/*
 * A lock an interrupt handler takes, taken elsewhere with interrupts on:
 * the interrupt can arrive while this CPU holds it and spin forever.
 */
static void print_usage_bug(struct task_struct *curr, struct lock_class *class,
			    struct lockdep_map *map, enum lock_usage_bit prev,
			    enum lock_usage_bit new, unsigned long ip)
{
	pr_warn("\n");
	pr_warn("================================\n");
	pr_warn("WARNING: inconsistent lock state\n");
	pr_warn("%s %s\n", init_uts_ns.release, print_tainted());
	pr_warn("--------------------------------\n");
	pr_warn("inconsistent {%s} -> {%s} usage.\n", usage_str[prev], usage_str[new]);
	pr_warn("%s/%d [HC%u[%lu]] takes:\n", curr->comm, curr->pid,
		in_hardirq() ? 1U : 0U, (unsigned long)(hardirq_count() >> HARDIRQ_SHIFT));
	printk(KERN_WARNING "%p (", map);
	print_class(class);
	pr_cont("), at: %pS\n", (void *)ip);
	pr_warn("{%s} state was registered at:\n", usage_str[prev]);
	print_trace(&class->usage_traces[prev]);
	pr_warn("\nother info that might help us debug this:\n");
	pr_warn(" Possible unsafe locking scenario:\n\n");
	pr_warn("       CPU0\n");
	pr_warn("       ----\n");
	printk(KERN_WARNING "  lock(");
	print_class(class);
	pr_cont(");\n");
	pr_warn("  <Interrupt>\n");
	printk(KERN_WARNING "    lock(");
	print_class(class);
	pr_cont(");\n\n *** DEADLOCK ***\n\n");
	debug_show_held_locks(curr);
	report_footer();
}

void lock_acquire(struct lockdep_map *map, int read, int trylock, int spin,
		  unsigned long ip)
{
	enum lock_usage_bit usage = LOCK_USAGE_STATES, bad_usage = LOCK_USAGE_STATES;
	struct task_struct *curr;
	struct lock_list *cycle = NULL;
	struct held_lock *hl, *bad_prev = NULL;
	struct lock_class *class;
	unsigned long flags;
	int i;

	if (in_nmi())
		return;
	local_irq_save(flags);
	curr = current;
	if (curr->lockdep_recursion || !debug_locks)
		goto out_irq;
	curr->lockdep_recursion++;
	arch_spin_lock(&graph_lock);
	nr_acquires++;
	class = map->class_cache;
	if (!class)
		class = register_class(map, ip);
	if (!class) {
		arch_spin_unlock(&graph_lock);
		if (debug_locks_off()) {
			lockdep_off_reason = "too many lock classes";
			pr_warn("BUG: MAX_LOCKDEP_KEYS too low!\n");
		}
		goto out;
	}
	/*
	 * Interrupt safety, for exclusive spinning acquisitions (readers of
	 * an rwlock_t may nest in an interrupt; sleeping locks are never
	 * taken in one).  @flags holds the caller's interrupt state.
	 */
	if (spin && !read) {
		if (in_hardirq())
			usage = LOCK_USED_IN_HARDIRQ;
		else if (!arch_irqs_disabled_flags(flags))
			usage = LOCK_ENABLED_HARDIRQ;
	}
	if (usage != LOCK_USAGE_STATES && !(class->usage_mask & (1U << usage))) {
		enum lock_usage_bit other = usage == LOCK_USED_IN_HARDIRQ ?
					    LOCK_ENABLED_HARDIRQ : LOCK_USED_IN_HARDIRQ;

		class->usage_mask |= 1U << usage;
		save_trace(&class->usage_traces[usage], 0);
		if (class->usage_mask & (1U << other))
			bad_usage = other;
	}
	/*
	 * Every lock held now comes before this one.  A trylock does not
	 * wait, so it cannot be the waiting half of a deadlock; a recursive
	 * read (rwlock_t read side) cannot wait for another reader.  The
	 * same class nested is left alone (two objects of one type taken in
	 * an order the code keeps by other means, e.g. address order).
	 */
	if (!trylock && read != 2) {
		for (i = 0; i < curr->lockdep_depth; i++) {
			hl = &curr->held_locks[i];
			if (hl->class == class)
				continue;
			if (!add_dependency(hl, class, &cycle)) {
				bad_prev = hl;
				break;
			}
		}
	}
	arch_spin_unlock(&graph_lock);
	if (bad_usage != LOCK_USAGE_STATES) {
		if (debug_locks_off())
			print_usage_bug(curr, class, map, bad_usage, usage, ip);
		goto out;
	}
	if (bad_prev) {
		if (debug_locks_off())
			print_circular(curr, bad_prev, class, map, ip, cycle);
		goto out;
	}
	if (curr->lockdep_depth >= MAX_LOCK_DEPTH) {
		if (debug_locks_off()) {
			lockdep_off_reason = "MAX_LOCK_DEPTH too low";
			pr_warn("BUG: MAX_LOCK_DEPTH too low!\n");
			debug_show_held_locks(curr);
		}
		goto out;
	}
	hl = &curr->held_locks[curr->lockdep_depth++];
	hl->acquire_ip = ip;
	hl->instance = map;
	hl->class = class;
	hl->cpu = smp_processor_id();
	hl->read = read;
	hl->trylock = trylock;
	hl->spin = spin;
out:
	curr->lockdep_recursion--;
out_irq:
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lock_acquire);

static void print_unlock_imbalance(struct task_struct *curr, struct lockdep_map *map,
				   unsigned long ip)
{
	report_header("WARNING: bad unlock balance detected!");
	pr_warn("%s/%d is trying to release lock (%s) at:\n", curr->comm, curr->pid,
		map->name ? map->name : "?");
	pr_warn("%pS\n", (void *)ip);
	pr_warn("but there are no more locks to release!\n");
	pr_warn("\nother info that might help us debug this:\n");
	debug_show_held_locks(curr);
	report_footer();
}

static void print_wrong_cpu(struct task_struct *curr, struct held_lock *hl,
			    unsigned long ip)
{
	report_header("BUG: spinlock wrong CPU");
	pr_warn("BUG: spinlock wrong CPU on CPU#%d, %s/%d\n", smp_processor_id(),
		curr->comm, curr->pid);
	pr_warn(" lock: %p (", hl->instance);
	print_class(hl->class);
	pr_cont("), taken on CPU#%u at %pS, released at %pS\n", hl->cpu,
		(void *)hl->acquire_ip, (void *)ip);
	report_footer();
}

void lock_release(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr;
	unsigned long flags;
	int i;

	if (in_nmi())
		return;
	local_irq_save(flags);
	curr = current;
	if (curr->lockdep_recursion || !debug_locks)
		goto out_irq;
	curr->lockdep_recursion++;
	for (i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].instance == map)
			break;
	if (i < 0) {
		if (debug_locks_off())
			print_unlock_imbalance(curr, map, ip);
		goto out;
	}
	if (curr->held_locks[i].spin && curr->held_locks[i].cpu != (unsigned int)smp_processor_id()) {
		if (debug_locks_off())
			print_wrong_cpu(curr, &curr->held_locks[i], ip);
		goto out;
	}
	/* Locks need not be released in the order taken: close the gap. */
	curr->lockdep_depth--;
	memmove(&curr->held_locks[i], &curr->held_locks[i + 1],
		(curr->lockdep_depth - i) * sizeof(struct held_lock));
out:
	curr->lockdep_recursion--;
out_irq:
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lock_release);

bool lock_is_held(const struct lockdep_map *map)
{
	struct task_struct *curr = current;
	int i;

	/* Switched off (after a report): nothing to judge by, so do not complain. */
	if (!debug_locks)
		return true;
	for (i = 0; i < curr->lockdep_depth; i++)
		if (curr->held_locks[i].instance == map)
			return true;
	return false;
}
EXPORT_SYMBOL(lock_is_held);

/* -1: any way; 0: exclusively; 1: shared. */
bool lock_is_held_type(const struct lockdep_map *map, int read)
{
	struct task_struct *curr = current;
	int i;

	if (!debug_locks)
		return true;
	for (i = 0; i < curr->lockdep_depth; i++)
		if (curr->held_locks[i].instance == map)
			return read < 0 || !!curr->held_locks[i].read == read;
	return false;
}
EXPORT_SYMBOL(lock_is_held_type);

/* downgrade_write(): the held entry becomes a reader's, in place. */
void lock_downgrade(struct lockdep_map *map, unsigned long ip)
{
	struct task_struct *curr = current;
	unsigned long flags;
	int i;

	local_irq_save(flags);
	for (i = curr->lockdep_depth - 1; i >= 0; i--)
		if (curr->held_locks[i].instance == map)
			break;
	if (i >= 0)
		curr->held_locks[i].read = 1;
	else if (debug_locks_off())
		print_unlock_imbalance(curr, map, ip);
	local_irq_restore(flags);
}
EXPORT_SYMBOL(lock_downgrade);

/*
 * The run-queue lock is taken by the task calling schedule() and released
 * by the task it switches to: move the entry from one held stack to the
 * other, keeping the CPU (the switch happens on it).
 */
void lockdep_hand_over(struct lockdep_map *map, struct task_struct *from,
		       struct task_struct *to)
{
	unsigned long flags;
	int i;

	local_irq_save(flags);
	for (i = from->lockdep_depth - 1; i >= 0; i--)
		if (from->held_locks[i].instance == map)
			break;
	if (i >= 0 && to->lockdep_depth < MAX_LOCK_DEPTH) {
		to->held_locks[to->lockdep_depth++] = from->held_locks[i];
		from->lockdep_depth--;
		memmove(&from->held_locks[i], &from->held_locks[i + 1],
			(from->lockdep_depth - i) * sizeof(struct held_lock));
	}
	local_irq_restore(flags);
}

bool lockdep_spin_is_locked(struct spinlock *lock)
{
	return spin_is_locked(lock);
}
EXPORT_SYMBOL(lockdep_spin_is_locked);

bool lockdep_rwlock_is_locked(struct rwlock *lock)
{
	return rwlock_is_locked(lock);
}
EXPORT_SYMBOL(lockdep_rwlock_is_locked);

bool lockdep_mutex_is_locked(struct mutex *lock)
{
	return mutex_is_locked(lock);
}
EXPORT_SYMBOL(lockdep_mutex_is_locked);

bool lockdep_rwsem_is_locked(struct rw_semaphore *lock)
{
	return rwsem_is_locked(lock);
}
EXPORT_SYMBOL(lockdep_rwsem_is_locked);

/*
 * might_sleep(): a sleeping call from atomic context.  Holding a
 * spinlock raises preempt_count, so does being in an interrupt; with
 * interrupts off, a sleep would re-enable them behind the caller's back.
 */
void __might_sleep(const char *file, int line)
{
	unsigned int count = preempt_count();

	if (!count && !irqs_disabled())
		return;
	if (system_state < SYSTEM_SCHEDULING || oops_in_progress)
		return;
	if (!debug_locks_off())
		return;
	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: 0, pid: %d, name: %s\n",
	       count != 0, irqs_disabled() ? 1 : 0, current->pid, current->comm);
	pr_err("preempt_count: %x, expected: 0\n", count);
	debug_show_held_locks(current);
	dump_stack();
	pr_warn("lockdep: turning off the lock validator after this report\n");
	lockdep_off_reason = "a report was printed";
}
EXPORT_SYMBOL(__might_sleep);

void __might_fault(const char *file, int line)
{
	if (current->pagefault_disabled)
		return;
	__might_sleep(file, line);
}
EXPORT_SYMBOL(__might_fault);

void __schedule_debug(void)
{
	unsigned int count = preempt_count();

	if (!count || system_state < SYSTEM_SCHEDULING || oops_in_progress)
		return;
	if (!debug_locks_off())
		return;
	pr_err("BUG: scheduling while atomic: %s/%d/0x%08x\n", current->comm,
	       current->pid, count);
	debug_show_held_locks(current);
	dump_stack();
	pr_warn("lockdep: turning off the lock validator after this report\n");
	lockdep_off_reason = "a report was printed";
}

static int lockdep_stats_show(struct seq_file *m, void *v)
{
	seq_printf(m, " lock-classes:                  %11u [max: %u]\n",
		   READ_ONCE(nr_lock_classes), MAX_LOCKDEP_KEYS);
	seq_printf(m, " direct dependencies:           %11u [max: %u]\n",
		   READ_ONCE(nr_list_entries), MAX_LOCKDEP_ENTRIES);
	seq_printf(m, " lock acquisitions:             %11lu\n", READ_ONCE(nr_acquires));
	seq_printf(m, " cycle checks:                  %11lu\n", READ_ONCE(nr_cycle_checks));
	seq_printf(m, " uninitialised dynamic locks:   %11lu\n", READ_ONCE(nr_unkeyed_locks));
	seq_printf(m, " debug_locks:                   %11d\n", READ_ONCE(debug_locks));
	if (!lockdep_was_on)
		seq_puts(m, " lockdep: off (boot with `lockdep` to validate)\n");
	else if (!READ_ONCE(debug_locks))
		seq_printf(m, " lockdep: turned off: %s\n",
			   lockdep_off_reason ? lockdep_off_reason : "?");
	else
		seq_puts(m, " lockdep: on\n");
	return 0;
}

static int __init lockdep_proc_init(void)
{
	if (lockdep_was_on)
		pr_info("lockdep: the lock validator is on (%u classes so far)\n",
			nr_lock_classes);
	proc_create_single("lockdep_stats", 0444, NULL, lockdep_stats_show);
	return 0;
}
fs_initcall(lockdep_proc_init);
