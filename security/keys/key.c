// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel key retention service: keys themselves.
 *
 * Keys are kept in one list in serial-number order (serials are random
 * and never reused while a key lives), counted against their owner's
 * quota (/proc/sys/kernel/keys/maxkeys, maxbytes, and the larger root_*
 * values for UID 0), and freed when the last reference goes: a keyring
 * holds a reference on every key it links, a cred on its keyrings.
 * A key can be revoked (KEYCTL_REVOKE: it stays, every use says
 * EKEYREVOKED), invalidated (gone for every lookup), time out
 * (KEYCTL_SET_TIMEOUT: EKEYEXPIRED), or be negative: request_key found
 * nobody to make it, and for a while every search says ENOKEY at once.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/errno.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/time64.h>
#include "internal.h"

DEFINE_MUTEX(key_mutex);
LIST_HEAD(key_serial_list);
static DEFINE_SPINLOCK(key_serial_lock);
static LIST_HEAD(key_user_list);
static DEFINE_SPINLOCK(key_user_lock);

int key_quota_maxkeys = 200;
int key_quota_maxbytes = 20000;
int key_quota_root_maxkeys = 1000000;
int key_quota_root_maxbytes = 25000000;
int key_gc_delay = 5 * 60;
int persistent_keyring_expiry = 3 * 24 * 3600;

static struct key_type *const key_types[] = {
	&key_type_keyring, &key_type_user, &key_type_logon,
};

s64 key_now(void)
{
	return ktime_get_real_ns() / NSEC_PER_SEC;
}

struct key_type *key_type_lookup(const char *name)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(key_types); i++)
		if (!strcmp(key_types[i]->name, name))
			return key_types[i];
	return NULL;
}

/* The quota record of @uid, made on first use and kept for good. */
struct key_user *key_user_lookup(uid_t uid)
{
	struct key_user *u, *new = NULL;

again:
	spin_lock(&key_user_lock);
	list_for_each_entry(u, &key_user_list, node)
		if (u->uid == uid) {
			spin_unlock(&key_user_lock);
			kfree(new);
			return u;
		}
	if (new) {
		list_add(&new->node, &key_user_list);
		spin_unlock(&key_user_lock);
		return new;
	}
	spin_unlock(&key_user_lock);
	new = kzalloc(sizeof(*new), GFP_KERNEL);
	if (!new)
		return NULL;
	new->uid = uid;
	goto again;
}

int key_quota_charge(struct key_user *user, unsigned int len, int nkeys)
{
	unsigned int maxkeys = user->uid ? key_quota_maxkeys : key_quota_root_maxkeys;
	unsigned int maxbytes = user->uid ? key_quota_maxbytes : key_quota_root_maxbytes;
	int ret = 0;

	spin_lock(&key_user_lock);
	if (user->qnkeys + nkeys > maxkeys || user->qnbytes + len > maxbytes ||
	    user->qnbytes + len < user->qnbytes)
		ret = -EDQUOT;
	else {
		user->qnkeys += nkeys;
		user->qnbytes += len;
	}
	spin_unlock(&key_user_lock);
	return ret;
}

void key_quota_release(struct key_user *user, unsigned int len, int nkeys)
{
	spin_lock(&key_user_lock);
	user->qnkeys -= nkeys;
	user->qnbytes -= len;
	spin_unlock(&key_user_lock);
}

/* A fresh random serial, positive, above the special values, unused. */
static void key_alloc_serial(struct key *key)
{
	struct key *k;

	spin_lock(&key_serial_lock);
	for (;;) {
		key->serial = get_random_u32() >> 1;
		if (key->serial < 3)
			continue;
		list_for_each_entry(k, &key_serial_list, serial_node)
			if (k->serial == key->serial)
				break;
		if (&k->serial_node == &key_serial_list)
			break;
	}
	list_add_tail(&key->serial_node, &key_serial_list);
	spin_unlock(&key_serial_lock);
}

/*
 * A new, not yet instantiated key owned by @uid/@gid, charged to the
 * owner's quota (description and the type's base size; the payload is
 * charged when it arrives).  ERR_PTR on failure.
 */
struct key *key_alloc(struct key_type *type, const char *desc, uid_t uid, gid_t gid,
		      key_perm_t perm, const struct cred *cred)
{
	size_t desclen = strlen(desc);
	struct key_user *user;
	struct key *key;
	int ret;

	if (desclen >= KEY_MAX_DESC_SIZE)
		return ERR_PTR(-EINVAL);
	user = key_user_lookup(uid);
	if (!user)
		return ERR_PTR(-ENOMEM);
	key = kzalloc(sizeof(*key), GFP_KERNEL);
	if (!key)
		return ERR_PTR(-ENOMEM);
	key->description = kmalloc(desclen + 1, GFP_KERNEL);
	if (!key->description) {
		kfree(key);
		return ERR_PTR(-ENOMEM);
	}
	memcpy(key->description, desc, desclen + 1);
	key->quotalen = desclen + 1 + type->def_datalen;
	/* The kernel's own keyrings (made for root at no one's request) are free. */
	ret = key_quota_charge(user, key->quotalen, 1);
	if (ret) {
		kfree(key->description);
		kfree(key);
		return ERR_PTR(ret);
	}
	refcount_set(&key->usage, 1);
	key->type = type;
	key->uid = uid;
	key->gid = gid;
	key->perm = perm;
	key->user = user;
	spin_lock(&key_user_lock);
	user->nkeys++;
	spin_unlock(&key_user_lock);
	key_alloc_serial(key);
	return key;
}

int key_instantiate(struct key *key, const void *data, size_t datalen)
{
	return key->type->instantiate(key, data, datalen);
}

/* Nobody could make it: a negative key that answers ENOKEY for @timeout s. */
void key_negate(struct key *key, unsigned int timeout)
{
	key->reject_error = -ENOKEY;
	set_bit(KEY_FLAG_NEGATIVE, &key->flags);
	key->expiry = key_now() + timeout;
}

struct key *key_get(struct key *key)
{
	if (key)
		refcount_inc(&key->usage);
	return key;
}

void key_put(struct key *key)
{
	if (!key)
		return;
	/* Under the lock: key_lookup never finds a key on its way out. */
	spin_lock(&key_serial_lock);
	if (!refcount_dec_and_test(&key->usage)) {
		spin_unlock(&key_serial_lock);
		return;
	}
	list_del(&key->serial_node);
	spin_unlock(&key_serial_lock);
	if (key->type->destroy)
		key->type->destroy(key);
	key_quota_release(key->user, key->quotalen, 1);
	spin_lock(&key_user_lock);
	key->user->nkeys--;
	spin_unlock(&key_user_lock);
	kfree(key->description);
	kfree(key);
}

/* The live key with serial @id, with a reference, or NULL. */
struct key *key_lookup(key_serial_t id)
{
	struct key *key;

	spin_lock(&key_serial_lock);
	list_for_each_entry(key, &key_serial_list, serial_node)
		if (key->serial == id) {
			refcount_inc(&key->usage);
			spin_unlock(&key_serial_lock);
			return key;
		}
	spin_unlock(&key_serial_lock);
	return NULL;
}

/* Usable at all?  Invalidated keys are gone; revoked and expired ones say so. */
int key_validate(const struct key *key)
{
	if (test_bit(KEY_FLAG_INVALIDATED, &key->flags))
		return -ENOKEY;
	if (test_bit(KEY_FLAG_REVOKED, &key->flags))
		return -EKEYREVOKED;
	if (key->expiry && key_now() >= key->expiry)
		return -EKEYEXPIRED;
	return 0;
}

/*
 * May @cred do @need to @key?  The owner's bits if the fsuid owns it, else
 * the group's if in its group, else the others'; a possessor (the key is
 * reachable from its own keyrings) adds the possessor bits.
 */
int key_task_permission(const struct key *key, bool possessed, const struct cred *cred,
			unsigned int need)
{
	key_perm_t perm = key->perm, kperm;

	if (key->uid == cred->fsuid)
		kperm = perm >> 16;
	else if (key->gid != (gid_t)-1 && key->gid == cred->fsgid)
		kperm = perm >> 8;
	else
		kperm = perm;
	if (possessed)
		kperm |= perm >> 24;
	kperm &= 0x3f;
	return (kperm & need) == need ? 0 : -EACCES;
}

/* A keyring named @name the caller may join: one it may search.  With a reference. */
struct key *find_keyring_by_name(const char *name)
{
	const struct cred *cred = current_cred();
	struct key *key;

	spin_lock(&key_serial_lock);
	list_for_each_entry(key, &key_serial_list, serial_node)
		if (key->type == &key_type_keyring && !strcmp(key->description, name) &&
		    !key_validate(key) && !key_task_permission(key, false, cred, KEY_NEED_SEARCH)) {
			refcount_inc(&key->usage);
			spin_unlock(&key_serial_lock);
			return key;
		}
	spin_unlock(&key_serial_lock);
	return NULL;
}

static const char *key_expiry_string(const struct key *key, char *buf, size_t size)
{
	s64 left;

	if (!key->expiry)
		return "perm";
	left = key->expiry - key_now();
	if (left <= 0)
		return "expd";
	if (left < 60)
		snprintf(buf, size, "%llds", (long long)left);
	else if (left < 3600)
		snprintf(buf, size, "%lldm", (long long)left / 60);
	else if (left < 86400)
		snprintf(buf, size, "%lldh", (long long)left / 3600);
	else
		snprintf(buf, size, "%lldd", (long long)left / 86400);
	return buf;
}

/*
 * /proc/keys: the keys the reader may view, one a line: serial, flags
 * (I instantiated, R revoked, D dead, Q in quota, U under construction,
 * N negative, i invalidated), usage, expiry, permissions, owner, group,
 * type, description and the type's summary.
 */
int proc_keys_show(struct seq_file *m, void *v)
{
	const struct cred *cred = current_cred();
	struct key *key;
	char tbuf[16];

	spin_lock(&key_serial_lock);
	list_for_each_entry(key, &key_serial_list, serial_node) {
		bool negative = test_bit(KEY_FLAG_NEGATIVE, &key->flags);

		/* Possession is not worked out here: only the view permission counts. */
		if (key_task_permission(key, key->uid == cred->fsuid, cred, KEY_NEED_VIEW))
			continue;
		seq_printf(m, "%08x %c%c%c%c%c%c%c %5d %4s %08x %5d %5d %-9.9s %s",
			   key->serial, 'I',
			   test_bit(KEY_FLAG_REVOKED, &key->flags) ? 'R' : '-', '-', 'Q', '-',
			   negative ? 'N' : '-',
			   test_bit(KEY_FLAG_INVALIDATED, &key->flags) ? 'i' : '-',
			   refcount_read(&key->usage), key_expiry_string(key, tbuf, sizeof(tbuf)),
			   key->perm, key->uid, key->gid, key->type->name, key->description);
		if (negative)
			seq_puts(m, ": negative");
		else if (key->type->describe)
			key->type->describe(key, m);
		seq_putc(m, '\n');
	}
	spin_unlock(&key_serial_lock);
	return 0;
}

/* /proc/key-users: per user, keys owned and the quota used / allowed. */
int proc_key_users_show(struct seq_file *m, void *v)
{
	struct key_user *u;

	spin_lock(&key_user_lock);
	list_for_each_entry(u, &key_user_list, node)
		seq_printf(m, "%5u: %5u %d/%d %u/%d %u/%d\n", u->uid, u->nkeys, u->nkeys, u->nkeys,
			   u->qnkeys, u->uid ? key_quota_maxkeys : key_quota_root_maxkeys,
			   u->qnbytes, u->uid ? key_quota_maxbytes : key_quota_root_maxbytes);
	spin_unlock(&key_user_lock);
	return 0;
}
