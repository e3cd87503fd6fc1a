// SPDX-License-Identifier: GPL-2.0
/*
 * The "user" key type: up to 32767 bytes of anything, readable back by
 * whoever may read the key.  "logon" is the same, except that user space
 * can never read it back (for passwords the kernel uses itself) and its
 * description must say what it is for: "service:name".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

#define USER_KEY_MAX	32767

static int user_update(struct key *key, const void *data, size_t datalen)
{
	void *copy;
	long delta = (long)datalen - (long)key->datalen;
	int ret;

	if (!datalen || datalen > USER_KEY_MAX || !data)
		return -EINVAL;
	copy = kmalloc(datalen, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	if (delta > 0) {
		ret = key_quota_charge(key->user, delta, 0);
		if (ret) {
			kfree(copy);
			return ret;
		}
	} else {
		key_quota_release(key->user, -delta, 0);
	}
	memcpy(copy, data, datalen);
	kfree(key->data);
	key->data = copy;
	key->datalen = datalen;
	key->quotalen += delta;
	return 0;
}

static int user_instantiate(struct key *key, const void *data, size_t datalen)
{
	return user_update(key, data, datalen);
}

static long user_read(const struct key *key, char *buffer, size_t buflen)
{
	if (buffer && buflen)
		memcpy(buffer, key->data, min(buflen, key->datalen));
	return key->datalen;
}

static void user_describe(const struct key *key, struct seq_file *m)
{
	seq_printf(m, ": %zu", key->datalen);
}

static void user_destroy(struct key *key)
{
	kfree(key->data);
}

static int user_vet_description(const char *desc)
{
	return 0;
}

/* A logon key says what it is for, "service:name". */
static int logon_vet_description(const char *desc)
{
	const char *p = strchr(desc, ':');

	return p && p != desc ? 0 : -EINVAL;
}

struct key_type key_type_user = {
	.name		= "user",
	.instantiate	= user_instantiate,
	.update		= user_update,
	.vet_description = user_vet_description,
	.read		= user_read,
	.describe	= user_describe,
	.destroy	= user_destroy,
};

struct key_type key_type_logon = {
	.name		= "logon",
	.instantiate	= user_instantiate,
	.update		= user_update,
	.vet_description = logon_vet_description,
	.describe	= user_describe,
	.destroy	= user_destroy,
};
