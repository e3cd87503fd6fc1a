/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lock validator (kernel/locking/lockdep.c), off unless the command
 * line says `lockdep`.  Every lock carries a lockdep_map naming its
 * *class*: all locks initialised at one place (one static
 * lock_class_key per spin_lock_init/mutex_init call site, or the lock's
 * own address for a DEFINE_SPINLOCK) are one class, so an ordering seen
 * once on any pair of objects stands for every pair of that type.
 * When off, each lock operation costs one test of debug_locks.
 */
#ifndef _LINUX_LOCKDEP_H
#define _LINUX_LOCKDEP_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/instruction_pointer.h>

struct lock_class;
struct task_struct;

/* Only its address matters: one per place that initialises locks. */
struct lock_class_key {
	char __one_byte;
};

struct lockdep_map {
	const struct lock_class_key *key;
	struct lock_class *class_cache;	/* looked up on first acquire */
	const char *name;
};

/* A static lock is its own key: its address is unique and stays valid. */
#define STATIC_LOCKDEP_MAP_INIT(_name, _key) \
	{ .key = (const struct lock_class_key *)(_key), .name = (_name) }

/* One entry of a task's stack of held locks. */
struct held_lock {
	unsigned long acquire_ip;
	struct lockdep_map *instance;
	struct lock_class *class;
	unsigned int cpu;		/* where it was taken: spinlocks are released there */
	unsigned int read:2;		/* 0 exclusive, 1 shared, 2 recursive shared (rwlock) */
	unsigned int trylock:1;
	unsigned int spin:1;
};

#define MAX_LOCK_DEPTH	48

/*
 * Non-zero while the validator runs: set by `lockdep` on the command
 * line, cleared for good by the first report (debug_locks_off()), after
 * which the graph is no longer trusted.
 */
extern int debug_locks;

static inline void lockdep_init_map(struct lockdep_map *map, const char *name,
				    const struct lock_class_key *key)
{
	map->key = key;
	map->name = name;
	map->class_cache = NULL;
}

/* Put an initialised lock in another class than its init site's. */
#define lockdep_set_class(lock, key) \
	lockdep_init_map(&(lock)->dep_map, #key, key)
void lock_acquire(struct lockdep_map *map, int read, int trylock, int spin,
		  unsigned long ip);
void lock_release(struct lockdep_map *map, unsigned long ip);
bool lock_is_held(const struct lockdep_map *map);
bool lock_is_held_type(const struct lockdep_map *map, int read);
void lock_downgrade(struct lockdep_map *map, unsigned long ip);
void lockdep_task_init(struct task_struct *p);
void lockdep_hand_over(struct lockdep_map *map, struct task_struct *from,
		       struct task_struct *to);
int debug_locks_off(void);
void debug_show_held_locks(struct task_struct *task);

#ifdef __HOST_TEST__
/* Host-built tests (tools/testing) link no validator. */
#define lockdep_enabled()	false
#define __lock_is_locked(l)	((void)(l), true)
#else
static __always_inline bool lockdep_enabled(void)
{
	return unlikely(READ_ONCE(debug_locks));
}
#endif

#define lockdep_acquire(map, read, try, spin, ip) do {			\
	if (lockdep_enabled())						\
		lock_acquire(map, read, try, spin, ip);			\
} while (0)

#define lockdep_release(map, ip) do {					\
	if (lockdep_enabled())						\
		lock_release(map, ip);					\
} while (0)

#define lockdep_downgrade(map) do {					\
	if (lockdep_enabled())						\
		lock_downgrade(map, _RET_IP_);				\
} while (0)

/*
 * The run-queue lock is taken by the task that calls schedule() and
 * dropped by the task switched to: move its entry across (context_switch).
 */
#define lockdep_switch_lock(lock, prev, next) do {			\
	if (lockdep_enabled())						\
		lockdep_hand_over(&(lock)->dep_map, prev, next);	\
} while (0)

struct spinlock;
struct rwlock;
struct mutex;
struct rw_semaphore;
bool lockdep_spin_is_locked(struct spinlock *lock);
bool lockdep_rwlock_is_locked(struct rwlock *lock);
bool lockdep_mutex_is_locked(struct mutex *lock);
bool lockdep_rwsem_is_locked(struct rw_semaphore *lock);

#ifndef __HOST_TEST__
#define __lock_is_locked(l) _Generic((l),				\
	struct spinlock *: lockdep_spin_is_locked,			\
	struct rwlock *: lockdep_rwlock_is_locked,			\
	struct mutex *: lockdep_mutex_is_locked,			\
	struct rw_semaphore *: lockdep_rwsem_is_locked)(l)
#endif

/*
 * lockdep_assert_held(): with the validator on, the *caller* must hold
 * the lock; off, the lock must at least be taken by someone.  Works on
 * spinlock_t, rwlock_t, struct mutex and struct rw_semaphore.
 */
#define lockdep_assert_held(l) do {					\
	if (lockdep_enabled())						\
		WARN_ON_ONCE(!lock_is_held(&(l)->dep_map));		\
	else								\
		WARN_ON_ONCE(!__lock_is_locked(l));			\
} while (0)

/* Held exclusively (read = 0) or shared (read = 1) by the caller; validator on only. */
#define lockdep_assert_held_type(l, r) do {				\
	if (lockdep_enabled())						\
		WARN_ON_ONCE(!lock_is_held_type(&(l)->dep_map, (r)));	\
} while (0)

void __might_sleep(const char *file, int line);
void __schedule_debug(void);

/*
 * Annotates code that may sleep: with the validator on, reports a call
 * made while atomic (a spinlock held, interrupts off, in an interrupt).
 */
#define might_sleep() do {						\
	if (lockdep_enabled())						\
		__might_sleep(__FILE__, __LINE__);			\
} while (0)

#define might_sleep_if(cond) do {					\
	if (lockdep_enabled() && (cond))				\
		__might_sleep(__FILE__, __LINE__);			\
} while (0)

void __might_fault(const char *file, int line);

/*
 * A user copy may fault, and a fault may sleep (mmap_lock, I/O) -- unless
 * page faults are disabled, when it fails instead.
 */
#define might_fault() do {						\
	if (lockdep_enabled())						\
		__might_fault(__FILE__, __LINE__);			\
} while (0)

/* The scheduler's check: schedule() with preempt_count raised. */
#define schedule_debug() do {						\
	if (lockdep_enabled())						\
		__schedule_debug();					\
} while (0)

#endif
