/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Keys (security/keys/): small pieces of data the kernel keeps for
 * programs (passwords, tokens, crypto keys) and keyrings that hold them.
 * A key has a serial number, a type, a description, an owner, a
 * permission mask and a payload.  Keyrings are keys whose payload is a
 * list of links to other keys.  Every process reaches keys through its
 * thread, process and session keyrings (in its cred) and its user's
 * keyrings.
 */
#ifndef _LINUX_KEY_H
#define _LINUX_KEY_H

#include <linux/types.h>
#include <linux/refcount.h>
#include <linux/list.h>
#include <uapi/linux/keyctl.h>

typedef s32 key_serial_t;
typedef u32 key_perm_t;

struct key;
struct cred;
struct seq_file;

/* Permission bits: four groups of six, possessor/user/group/other. */
#define KEY_POS_VIEW	0x01000000
#define KEY_POS_READ	0x02000000
#define KEY_POS_WRITE	0x04000000
#define KEY_POS_SEARCH	0x08000000
#define KEY_POS_LINK	0x10000000
#define KEY_POS_SETATTR	0x20000000
#define KEY_POS_ALL	0x3f000000
#define KEY_USR_VIEW	0x00010000
#define KEY_USR_READ	0x00020000
#define KEY_USR_WRITE	0x00040000
#define KEY_USR_SEARCH	0x00080000
#define KEY_USR_LINK	0x00100000
#define KEY_USR_SETATTR	0x00200000
#define KEY_USR_ALL	0x003f0000

/* What an operation needs (one group's bits) */
#define KEY_NEED_VIEW	0x01
#define KEY_NEED_READ	0x02
#define KEY_NEED_WRITE	0x04
#define KEY_NEED_SEARCH	0x08
#define KEY_NEED_LINK	0x10
#define KEY_NEED_SETATTR 0x20

/* key->flags */
#define KEY_FLAG_REVOKED	0
#define KEY_FLAG_INVALIDATED	1
#define KEY_FLAG_NEGATIVE	2	/* request_key found nobody to make it */
#define KEY_FLAG_IN_QUOTA	3

struct key_type {
	const char *name;
	size_t def_datalen;
	/* Check and take the payload of add_key / KEYCTL_UPDATE. */
	int (*instantiate)(struct key *key, const void *data, size_t datalen);
	int (*update)(struct key *key, const void *data, size_t datalen);
	int (*vet_description)(const char *description);
	long (*read)(const struct key *key, char *buffer, size_t buflen);
	void (*describe)(const struct key *key, struct seq_file *m);
	void (*destroy)(struct key *key);
};

/* A user's own keyrings and what its keys cost (the quota). */
struct key_user {
	struct list_head node;
	uid_t uid;
	unsigned int nkeys;		/* keys owned, any state */
	unsigned int qnkeys;		/* keys counted against the quota */
	unsigned int qnbytes;		/* bytes counted against the quota */
	struct key *uid_keyring;	/* "_uid.N", KEY_SPEC_USER_KEYRING */
	struct key *session_keyring;	/* "_uid_ses.N", the default session */
};

struct key {
	refcount_t usage;
	key_serial_t serial;
	struct list_head serial_node;	/* key_serial_list, in serial order */
	struct key_type *type;
	char *description;
	uid_t uid;
	gid_t gid;
	key_perm_t perm;
	unsigned long flags;		/* KEY_FLAG_* */
	s64 expiry;			/* seconds of CLOCK_REALTIME, 0 = never */
	int reject_error;		/* a negative key's answer */
	unsigned int quotalen;
	struct key_user *user;
	/* The payload: a user key's bytes, or a keyring's links. */
	void *data;
	size_t datalen;
	struct key **links;
	unsigned int nr_links, max_links;
};

extern struct key_type key_type_keyring;
extern struct key_type key_type_user;
extern struct key_type key_type_logon;

/* /proc/sys/kernel/keys/ */
extern int key_quota_maxkeys, key_quota_maxbytes;
extern int key_quota_root_maxkeys, key_quota_root_maxbytes;
extern int key_gc_delay, persistent_keyring_expiry;

struct key *key_get(struct key *key);
void key_put(struct key *key);
/* Drop a cred's keyrings (put_cred) or take references for a copy. */
void key_cred_get(struct cred *cred);
void key_cred_put(struct cred *cred);
void key_change_session_keyring(void);	/* on the way to user mode: KEYCTL_SESSION_TO_PARENT */
/* execve: the thread and process keyrings do not survive it. */
void key_cred_exec(struct cred *cred);
/* fork: a new thread gets no thread keyring, a new process no process keyring. */
int key_cred_fork(struct cred *cred, unsigned long clone_flags);

int proc_keys_show(struct seq_file *m, void *v);
int proc_key_users_show(struct seq_file *m, void *v);

#endif
