/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Building and parsing netlink messages in the kernel (net/netlink/).
 * A reply is built in an sk_buff: nlmsg_put starts a message, nla_put
 * appends attributes, nlmsg_end writes the final length; a message that
 * did not fit is taken back with nlmsg_cancel.  Requests are parsed
 * with nlmsg_parse into a table indexed by attribute type.
 */
#ifndef _NET_NETLINK_H
#define _NET_NETLINK_H

#include <linux/skbuff.h>
#include <linux/string.h>
#include <linux/types.h>
#include <uapi/linux/netlink.h>
#include <uapi/linux/rtnetlink.h>

/* The state of a dump across the buffers it fills. */
struct netlink_callback {
	const struct nlmsghdr *nlh;	/* the request */
	u32 portid;			/* who asked */
	u32 seq;
	long args[6];			/* the dumper's own position */
};

static inline void *nlmsg_data(const struct nlmsghdr *nlh)
{
	return (char *)nlh + NLMSG_HDRLEN;
}

static inline int nlmsg_len(const struct nlmsghdr *nlh)
{
	return nlh->nlmsg_len - NLMSG_HDRLEN;
}

/* Start a message with room for a @payload-byte fixed header; NULL if it does not fit. */
static inline struct nlmsghdr *nlmsg_put(struct sk_buff *skb, u32 portid, u32 seq, int type,
					 int payload, int flags)
{
	int size = NLMSG_SPACE(payload);
	struct nlmsghdr *nlh;

	if (skb_tailroom(skb) < size)
		return NULL;
	nlh = skb_put(skb, size);
	memset(nlh, 0, size);
	nlh->nlmsg_len = NLMSG_LENGTH(payload);
	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	nlh->nlmsg_pid = portid;
	return nlh;
}

static inline void nlmsg_end(struct sk_buff *skb, struct nlmsghdr *nlh)
{
	nlh->nlmsg_len = skb_tail_pointer(skb) - (unsigned char *)nlh;
}

static inline void nlmsg_cancel(struct sk_buff *skb, struct nlmsghdr *nlh)
{
	skb_trim(skb, (unsigned char *)nlh - skb->data);
}

/* Append one attribute; -EMSGSIZE if it does not fit. */
static inline int nla_put(struct sk_buff *skb, int type, int len, const void *data)
{
	int size = RTA_SPACE(len);
	struct rtattr *rta;

	if (skb_tailroom(skb) < size)
		return -EMSGSIZE;
	rta = skb_put(skb, size);
	memset(rta, 0, size);
	rta->rta_type = type;
	rta->rta_len = RTA_LENGTH(len);
	memcpy(RTA_DATA(rta), data, len);
	return 0;
}

static inline int nla_put_u8(struct sk_buff *skb, int type, u8 v)
{
	return nla_put(skb, type, sizeof(v), &v);
}

static inline int nla_put_u32(struct sk_buff *skb, int type, u32 v)
{
	return nla_put(skb, type, sizeof(v), &v);
}

static inline int nla_put_in_addr(struct sk_buff *skb, int type, __be32 v)
{
	return nla_put(skb, type, sizeof(v), &v);
}

static inline int nla_put_string(struct sk_buff *skb, int type, const char *s)
{
	return nla_put(skb, type, strlen(s) + 1, s);
}

/*
 * Parse the attributes after a @hdrlen-byte fixed header into tb[0..max]
 * (NULL where absent).  -EINVAL for a message too short or an attribute
 * running past its end.
 */
int nlmsg_parse(const struct nlmsghdr *nlh, int hdrlen, struct rtattr **tb, int max);
/* An attribute's payload as a u32 or address, or -EINVAL if it is the wrong size. */
int nla_get_u32_checked(const struct rtattr *rta, u32 *v);

/* net/netlink/af_netlink.c */
struct sk_buff *nlmsg_new(size_t payload);
int netlink_unicast(struct sk_buff *skb, u32 portid);
void netlink_ack(const struct nlmsghdr *nlh, u32 portid, int err);
struct file;
struct sock;
struct sock *netlink_getsockbyfilp(struct file *file);
void netlink_sendskb(struct sock *sk, struct sk_buff *skb);

#endif
