// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel around net/, for the network fuzz target (fuzz_net.c), on
 * top of fuzz_kernel.c's allocator and clock: timers the harness fires
 * itself (fuzz_run_timers), the NET_RX softirq run synchronously when it
 * is raised outside a bottom-half-disabled section, wait queues nobody
 * sleeps on, and the parts of the kernel (netlink, sysfs, procfs, user
 * copies) a received packet never reaches.
 *
 * Time only moves when the harness moves it (fuzz_advance), so a crashing
 * input replays the same way.
 */
#include <linux/kernel.h>
#include <linux/bottom_half.h>
#include <linux/cred.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/net.h>
#include <linux/netdevice.h>
#include <linux/pid.h>
#include <linux/random.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/sprintf.h>
#include <linux/socket.h>
#include <linux/string.h>
#include <linux/timer.h>
#include <linux/uaccess.h>
#include <linux/wait.h>
#include <linux/cpumask.h>

/* One CPU, CPU 0: per-CPU data is the variable itself (the host percpu.h). */
struct cpumask __cpu_possible_mask = { .bits = { 1 } };
struct cpumask __cpu_online_mask = { .bits = { 1 } };
#include <net/netlink.h>
#include <net/rtnetlink.h>
#include "fuzz_libc.h"
#include "fuzz_net.h"

volatile u64 jiffies_64 = 300 * HZ;
unsigned long host_irq_flags = 0x200;	/* <asm/irqflags.h> of the unit tests: IF set */
DEFINE_PER_CPU(unsigned int, __preempt_count);

/* ---- timers: a list, fired by the harness once jiffies has passed them ---- */

static LIST_HEAD(fuzz_timers);

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	int pending = del_timer(timer);

	timer->expires = expires;
	list_add_tail(&timer->entry, &fuzz_timers);
	return pending;
}

int del_timer(struct timer_list *timer)
{
	struct timer_list *t;

	list_for_each_entry(t, &fuzz_timers, entry) {
		if (t == timer) {
			list_del_init(&timer->entry);
			return 1;
		}
	}
	return 0;
}

int del_timer_sync(struct timer_list *timer)
{
	return del_timer(timer);
}

/* Fire every timer due by now (one at a time: a handler may re-arm or delete others). */
void fuzz_run_timers(void)
{
	unsigned int fired = 0;
	bool again = true;

	while (again && fired < 10000) {
		struct timer_list *t;

		again = false;
		list_for_each_entry(t, &fuzz_timers, entry) {
			if (time_after_eq(jiffies, t->expires)) {
				list_del_init(&t->entry);
				local_bh_disable();
				t->function(t);
				local_bh_enable();
				fired++;
				again = true;
				break;
			}
		}
	}
	if (fired >= 10000)
		host_die("timers keep re-arming for now: a timer loop");
}

void fuzz_advance(unsigned long ticks)
{
	jiffies_64 += ticks;
	fuzz_run_timers();
}

/* ---- softirqs: run when raised, unless bottom halves are off; then on enable ---- */

static void (*softirq_vec[NR_SOFTIRQS])(struct softirq_action *);
static unsigned long softirq_pending;
static int bh_depth;

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr] = action;
}

void do_softirq(void)
{
	unsigned int rounds = 0;

	if (bh_depth)
		return;
	bh_depth++;
	while (softirq_pending) {
		int nr = __builtin_ctzl(softirq_pending);

		softirq_pending &= ~(1UL << nr);
		if (softirq_vec[nr])
			softirq_vec[nr](NULL);
		if (++rounds > 100000)
			host_die("softirqs keep raising themselves: a packet loop");
	}
	bh_depth--;
}

void __raise_softirq_irqoff(unsigned int nr)
{
	softirq_pending |= 1UL << nr;
}

void raise_softirq_irqoff(unsigned int nr)
{
	__raise_softirq_irqoff(nr);
	do_softirq();
}

void raise_softirq(unsigned int nr)
{
	raise_softirq_irqoff(nr);
}

void local_bh_disable(void)
{
	bh_depth++;
}

void local_bh_enable(void)
{
	if (bh_depth <= 0)
		host_die("local_bh_enable without local_bh_disable");
	bh_depth--;
	do_softirq();
}

void synchronize_rcu(void)
{
}

/* ---- waiting: no one sleeps here; a wakeup is only counted ---- */

unsigned long fuzz_wakeups;

void __wake_up(struct wait_queue_head *wq, unsigned int mode, int nr, void *key)
{
	fuzz_wakeups++;
}

void init_wait_entry(struct wait_queue_entry *e, int flags)
{
	memset(e, 0, sizeof(*e));
}

long prepare_to_wait_event(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
	return 0;
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
}

void prepare_to_wait_exclusive(struct wait_queue_head *wq, struct wait_queue_entry *e, int state)
{
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int sync,
			     void *key)
{
	return 1;
}

long schedule_timeout(long timeout)
{
	host_die("schedule_timeout: the receive path must not sleep");
}

int send_sig(int sig, struct task_struct *p, int priv)
{
	host_die("unexpected call: send_sig");
}

/* ---- odds and ends ---- */

void __warn(const char *file, int line, void *caller)
{
	printk("WARNING at %s:%d\n", file, line);
	host_die("WARN_ON in the network stack");
}

/* Fixed, and restarted for every input: replays match, and seeds know the ISNs. */
static u32 random_state;

void fuzz_random_reset(void)
{
	random_state = 2463534242u;
}

u32 get_random_u32(void)
{
	u32 x = random_state ? random_state : 2463534242u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	random_state = x;
	return x;
}

const struct cred *get_cred(const struct cred *cred)
{
	return cred;
}

void put_cred(const struct cred *cred)
{
}

pid_t pid_global_to_vnr(pid_t nr)
{
	return nr;
}

ssize_t strscpy(char *dest, const char *src, size_t count)
{
	size_t n;

	if (!count)
		return -E2BIG;
	n = strnlen(src, count);
	if (n == count) {
		memcpy(dest, src, count - 1);
		dest[count - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dest, src, n + 1);
	return n;
}

/* The harness passes kernel pointers where user ones go (bind's address). */
unsigned long copy_user_generic(void *to, const void *from, unsigned long len)
{
	memcpy(to, from, len);
	return 0;
}

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	host_die("unexpected call: strncpy_from_user");
}

int put_cmsg(struct msghdr *msg, int level, int type, int len, const void *data)
{
	host_die("unexpected call: put_cmsg");
}

/* ---- registration the harness does not need: sockets are made by hand ---- */

const struct net_proto_family *fuzz_families[AF_MAX];

int sock_register(const struct net_proto_family *fam)
{
	fuzz_families[fam->family] = fam;
	return 0;
}

int sock_no_socketpair(struct socket *a, struct socket *b)
{
	return -EOPNOTSUPP;
}

int sock_no_accept(struct socket *sock, struct socket *newsock, int flags)
{
	return -EOPNOTSUPP;
}

int sock_no_listen(struct socket *sock, int backlog)
{
	return -EOPNOTSUPP;
}

int sock_no_connect(struct socket *sock, struct sockaddr *addr, int len, int flags)
{
	return -EOPNOTSUPP;
}

int sock_no_shutdown(struct socket *sock, int how)
{
	return -EOPNOTSUPP;
}

void netdev_sysfs_add(struct net_device *dev)
{
}

void netdev_sysfs_remove(struct net_device *dev)
{
}

int dev_ioctl(unsigned int cmd, void __user *arg)
{
	return -ENOTTY;
}

void rtnl_register(int family, int msgtype, rtnl_doit_func doit, rtnl_dumpit_func dumpit)
{
}

/* Netlink is not reached from a received frame. */
int nlmsg_parse(const struct nlmsghdr *nlh, int hdrlen, struct rtattr **tb, int max)
{
	host_die("unexpected call: nlmsg_parse");
}

int nla_get_u32_checked(const struct rtattr *rta, u32 *v)
{
	host_die("unexpected call: nla_get_u32_checked");
}

struct sk_buff *nlmsg_new(size_t payload)
{
	host_die("unexpected call: nlmsg_new");
}

int netlink_unicast(struct sk_buff *skb, u32 portid)
{
	host_die("unexpected call: netlink_unicast");
}

/*
 * AF_PACKET rings (net/packet): built from vmalloc'd blocks when a
 * socket asks for one; the harness never maps one into a process.
 */
atomic_long_t _totalram_pages = ATOMIC_LONG_INIT(65536);	/* 256 MiB */

void *vzalloc(unsigned long size)
{
	return host_malloc(size, 1);
}

void vfree(const void *p)
{
	host_free((void *)p);
}

struct page *vmalloc_to_page(const void *addr)
{
	host_die("unexpected call: vmalloc_to_page");
}

int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page)
{
	host_die("unexpected call: vm_insert_page");
}

/* /proc/net files are not read by the harness. */
void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	host_die("unexpected call: seq_printf");
}

void seq_puts(struct seq_file *m, const char *s)
{
	host_die("unexpected call: seq_puts");
}

/* dev_alloc_name's "eth%d": the C library formats %d the kernel's way. */
int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vscnprintf(buf, size, fmt, args);
	va_end(args);
	return n;
}
