// SPDX-License-Identifier: GPL-2.0
/*
 * Keyrings: keys whose payload is a set of links to other keys.
 *
 * A keyring holds at most one key of each type and description: linking
 * a second one replaces the first.  Linking a keyring into another must
 * not close a loop.  Reading a keyring gives the serial numbers of its
 * links.  Searching walks a keyring and, depth first, the keyrings it
 * links that the searcher may search, up to six levels down.
 * Everything here runs under key_mutex.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/errno.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

static int keyring_instantiate(struct key *keyring, const void *data, size_t datalen)
{
	return datalen ? -EINVAL : 0;
}

static int keyring_vet_description(const char *desc)
{
	return 0;
}

long keyring_read(const struct key *keyring, char *buffer, size_t buflen)
{
	size_t size = keyring->nr_links * sizeof(key_serial_t);
	unsigned int i;

	/* Only whole serials, but the full size is the answer either way. */
	for (i = 0; buffer && i < keyring->nr_links && (i + 1) * sizeof(key_serial_t) <= buflen; i++)
		memcpy(buffer + i * sizeof(key_serial_t), &keyring->links[i]->serial,
		       sizeof(key_serial_t));
	return size;
}

static void keyring_describe(const struct key *keyring, struct seq_file *m)
{
	if (keyring->nr_links)
		seq_printf(m, ": %u", keyring->nr_links);
	else
		seq_puts(m, ": empty");
}

static void keyring_destroy(struct key *keyring)
{
	unsigned int i;

	for (i = 0; i < keyring->nr_links; i++)
		key_put(keyring->links[i]);
	kfree(keyring->links);
}

struct key_type key_type_keyring = {
	.name		= "keyring",
	.instantiate	= keyring_instantiate,
	.vet_description = keyring_vet_description,
	.read		= keyring_read,
	.describe	= keyring_describe,
	.destroy	= keyring_destroy,
};

struct key *keyring_alloc(const char *desc, uid_t uid, gid_t gid, key_perm_t perm,
			  const struct cred *cred)
{
	return key_alloc(&key_type_keyring, desc, uid, gid, perm, cred);
}

/* Is @target reachable from @from (or the same)?  Depth-limited. */
static bool keyring_reaches(const struct key *from, const struct key *target, int depth)
{
	unsigned int i;

	if (from == target)
		return true;
	if (depth >= KEYRING_SEARCH_MAX_DEPTH)
		return true;	/* too deep counts as a loop: refuse */
	for (i = 0; i < from->nr_links; i++)
		if (from->links[i]->type == &key_type_keyring &&
		    keyring_reaches(from->links[i], target, depth + 1))
			return true;
	return false;
}

/* Link @key into @keyring (replacing a key of the same type and description). */
int key_link(struct key *keyring, struct key *key)
{
	unsigned int i;

	if (keyring->type != &key_type_keyring)
		return -ENOTDIR;
	if (test_bit(KEY_FLAG_REVOKED, &keyring->flags))
		return -EKEYREVOKED;
	if (key->type == &key_type_keyring && keyring_reaches(key, keyring, 0))
		return -EDEADLK;
	for (i = 0; i < keyring->nr_links; i++) {
		struct key *old = keyring->links[i];

		if (old == key)
			return 0;
		if (old->type == key->type && !strcmp(old->description, key->description)) {
			keyring->links[i] = key_get(key);
			key_put(old);
			return 0;
		}
	}
	if (keyring->nr_links == keyring->max_links) {
		unsigned int max = keyring->max_links ? keyring->max_links * 2 : 8;
		struct key **links;
		int ret;

		/* A keyring's links count against its owner's bytes. */
		ret = key_quota_charge(keyring->user, (max - keyring->max_links) * sizeof(key_serial_t), 0);
		if (ret)
			return ret;
		links = krealloc(keyring->links, max * sizeof(*links), GFP_KERNEL);
		if (!links) {
			key_quota_release(keyring->user,
					  (max - keyring->max_links) * sizeof(key_serial_t), 0);
			return -ENOMEM;
		}
		keyring->quotalen += (max - keyring->max_links) * sizeof(key_serial_t);
		keyring->links = links;
		keyring->max_links = max;
	}
	keyring->links[keyring->nr_links++] = key_get(key);
	return 0;
}

int key_unlink(struct key *keyring, struct key *key)
{
	unsigned int i;

	if (keyring->type != &key_type_keyring)
		return -ENOTDIR;
	for (i = 0; i < keyring->nr_links; i++)
		if (keyring->links[i] == key) {
			keyring->links[i] = keyring->links[--keyring->nr_links];
			key_put(key);
			return 0;
		}
	return -ENOENT;
}

void keyring_clear(struct key *keyring)
{
	while (keyring->nr_links)
		key_put(keyring->links[--keyring->nr_links]);
}

static bool search_match(const struct key *key, const struct keyring_search *ctx)
{
	if (ctx->target)
		return key == ctx->target;
	return key->type == ctx->type && !strcmp(key->description, ctx->description);
}

/* Worse news wins: a revoked key over an expired one over a negative one. */
static void search_skip(struct keyring_search *ctx, int err)
{
	if (!ctx->skipped || err == -EKEYREVOKED ||
	    (err == -EKEYEXPIRED && ctx->skipped != -EKEYREVOKED))
		ctx->skipped = err;
}

static struct key *search_one(struct key *keyring, struct keyring_search *ctx, int depth)
{
	const struct cred *cred = current_cred();
	unsigned int i;

	/* The keys of this keyring first, then the keyrings below it. */
	for (i = 0; i < keyring->nr_links; i++) {
		struct key *key = keyring->links[i];
		int err;

		if (!search_match(key, ctx))
			continue;
		if (test_bit(KEY_FLAG_INVALIDATED, &key->flags))
			continue;
		if (ctx->check_perm && key_task_permission(key, true, cred, KEY_NEED_SEARCH)) {
			search_skip(ctx, -EACCES);
			continue;
		}
		if (!ctx->any_state) {
			err = key_validate(key);
			if (!err && test_bit(KEY_FLAG_NEGATIVE, &key->flags))
				err = key->reject_error;
			if (err) {
				search_skip(ctx, err);
				continue;
			}
		}
		return key_get(key);
	}
	if (depth + 1 >= KEYRING_SEARCH_MAX_DEPTH)
		return NULL;
	for (i = 0; i < keyring->nr_links; i++) {
		struct key *sub = keyring->links[i], *found;

		if (sub->type != &key_type_keyring || key_validate(sub) ||
		    key_task_permission(sub, true, cred, KEY_NEED_SEARCH))
			continue;
		found = search_one(sub, ctx, depth + 1);
		if (found)
			return found;
	}
	return NULL;
}

/*
 * The first key below @keyring that matches and counts, with a reference;
 * NULL with ctx->skipped the reason the near misses did not count (0 if
 * there were none).  key_mutex held.
 */
struct key *keyring_search_tree(struct key *keyring, struct keyring_search *ctx)
{
	if (keyring->type != &key_type_keyring)
		return NULL;
	return search_one(keyring, ctx, 0);
}
