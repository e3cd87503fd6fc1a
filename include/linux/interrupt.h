/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device interrupts, as the seed's "IRQ handlers" section uses them:
 * request_irq(irq, handler, flags, name, dev_id) attaches a handler to an
 * interrupt line; the handler runs with interrupts off and returns
 * IRQ_HANDLED if its device raised the interrupt, IRQ_NONE otherwise.
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/hardirq.h>
#include <linux/bottom_half.h>

typedef enum irqreturn {
	IRQ_NONE		= 0,
	IRQ_HANDLED		= 1,
	IRQ_WAKE_THREAD		= 2,
} irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080
#define IRQF_TIMER		0x00000200
#define IRQF_NO_THREAD		0x00010000

int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void enable_irq(unsigned int irq);

/*
 * Softirqs: the fixed set of bottom halves, in Linux's order (which is
 * also their priority: HI first, RCU last, and /proc/softirqs' rows).
 * A vector is opened once at boot with open_softirq(); raise_softirq()
 * marks it pending on this CPU, and it runs at the next irq_exit or
 * local_bh_enable, or in ksoftirqd/N when there is too much of it.
 * Handlers run with interrupts on but may not sleep.
 */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	BLOCK_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	TASKLET_SOFTIRQ,
	SCHED_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	RCU_SOFTIRQ,
	NR_SOFTIRQS
};

extern const char *const softirq_to_name[NR_SOFTIRQS];

struct softirq_action {
	void (*action)(struct softirq_action *);
};

void open_softirq(int nr, void (*action)(struct softirq_action *));
void raise_softirq(unsigned int nr);
void raise_softirq_irqoff(unsigned int nr);
void __raise_softirq_irqoff(unsigned int nr);
void do_softirq(void);
void __do_softirq(void);
unsigned int local_softirq_pending(void);
unsigned int kstat_softirqs_cpu(unsigned int irq, int cpu);
void softirq_init(void);

/*
 * Tasklets: a function deferred to softirq context by whoever schedules
 * it, built on HI_SOFTIRQ and TASKLET_SOFTIRQ.  Scheduling a tasklet that
 * is already pending does nothing; one tasklet never runs on two CPUs at
 * once (TASKLET_STATE_RUN), and a disabled one stays queued until enabled.
 */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;		/* > 0: disabled */
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,	/* queued on some CPU's list */
	TASKLET_STATE_RUN,	/* its function is running now */
};

#define DECLARE_TASKLET(name, _callback)		\
	struct tasklet_struct name = {			\
		.count = ATOMIC_INIT(0),		\
		.callback = _callback,			\
		.use_callback = true,			\
	}

#define DECLARE_TASKLET_DISABLED(name, _callback)	\
	struct tasklet_struct name = {			\
		.count = ATOMIC_INIT(1),		\
		.callback = _callback,			\
		.use_callback = true,			\
	}

/* The older form: the function takes an unsigned long (data is 0). */
#define DECLARE_TASKLET_OLD(name, _func)		\
	struct tasklet_struct name = {			\
		.count = ATOMIC_INIT(0),		\
		.func = _func,				\
	}

#define DECLARE_TASKLET_DISABLED_OLD(name, _func)	\
	struct tasklet_struct name = {			\
		.count = ATOMIC_INIT(1),		\
		.func = _func,				\
	}

#define from_tasklet(var, callback_tasklet, tasklet_fieldname)	\
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
void tasklet_init(struct tasklet_struct *t,
		  void (*func)(unsigned long), unsigned long data);
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);

static inline bool tasklet_test_and_set(unsigned long *state, int bit)
{
	return __atomic_fetch_or(state, 1UL << bit, __ATOMIC_ACQ_REL) & (1UL << bit);
}

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!tasklet_test_and_set(&t->state, TASKLET_STATE_SCHED))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!tasklet_test_and_set(&t->state, TASKLET_STATE_SCHED))
		__tasklet_hi_schedule(t);
}

/* Stop @t from running; returns once a run in progress is over. */
static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

static inline void tasklet_enable(struct tasklet_struct *t)
{
	atomic_dec(&t->count);
}

#endif
