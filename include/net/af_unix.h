/* SPDX-License-Identifier: GPL-2.0 */
/* AF_UNIX sockets (net/unix/af_unix.c) and their garbage collector (garbage.c). */
#ifndef _NET_AF_UNIX_H
#define _NET_AF_UNIX_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/path.h>
#include <linux/refcount.h>
#include <net/scm.h>
#include <net/sock.h>
#include <uapi/linux/un.h>

/* A bound name, shared by a listener and the sockets it accepts. */
struct unix_address {
	refcount_t refcnt;
	int len;			/* of name, family included */
	struct sockaddr_un name;
	char nul;			/* a 108-byte path's terminator spills here */
};

/* What rides in skb->cb of an AF_UNIX buffer. */
struct unix_skb_parms {
	struct scm_fp_list *fp;		/* SCM_RIGHTS files, or NULL */
	struct ucred creds;		/* the sender's (or claimed) credentials */
};
#define UNIXCB(skb)	(*(struct unix_skb_parms *)&((skb)->cb))

struct unix_sock {
	struct sock sk;			/* first: a unix_sock is a sock */
	struct unix_address *addr;	/* NULL: unbound */
	struct path path;		/* a path-name bind: the socket inode */
	struct mutex iolock;		/* one reader at a time; bind */
	struct sock *peer;		/* the other end (a reference) */
	struct list_head link;		/* in unix_socket_list */
	unsigned long inflight;		/* times our file sits in a queue */
	unsigned long gc_refs;		/* garbage.c's count while it runs */
	struct list_head gc_link;	/* garbage.c's lists */
	bool gc_candidate;
	bool gc_maybe_cycle;
};

static inline struct unix_sock *unix_sk(const struct sock *sk)
{
	return (struct unix_sock *)sk;
}

#define unix_peer(sk)		(unix_sk(sk)->peer)
#define unix_state_lock(sk)	spin_lock(&(sk)->sk_lock)
#define unix_state_unlock(sk)	spin_unlock(&(sk)->sk_lock)

#define UNIX_MAX_DGRAM_QLEN	10	/* net.unix.max_dgram_qlen */

extern struct list_head unix_socket_list;
extern spinlock_t unix_table_lock;

/* af_unix.c: /proc/net/unix */
struct seq_file;
int unix_seq_show(struct seq_file *m, void *v);

/* garbage.c */
struct sock *unix_get_socket(struct file *filp);
void unix_inflight(struct user_struct *user, struct file *fp);
void unix_notinflight(struct user_struct *user, struct file *fp);
bool too_many_unix_fds(struct user_struct *user);
void unix_gc(void);
extern unsigned int unix_tot_inflight;

#endif
