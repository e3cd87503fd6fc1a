// SPDX-License-Identifier: GPL-2.0
/*
 * add_key(2), request_key(2) and keyctl(2): the system calls of the key
 * retention service.
 *
 * add_key makes a key (or updates the one of the same type and
 * description already in the keyring) and links it into a keyring the
 * caller may write.  request_key searches the caller's keyrings; when
 * nothing is found and the caller gave "callout info", Linux would run
 * /sbin/request-key to make the key.  No such helper runs here, so the
 * key is made negative at once (the caller hears ENOENT, as from Linux
 * without the helper) and answers ENOKEY for a minute.  keyctl does everything else.
 */
#include <linux/kernel.h>
#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "internal.h"

#define KEY_TYPE_NAME_MAX	32

/* A key type name from user space: EFAULT, EINVAL (too long/empty) or EPERM ('.'). */
static int get_type_name(char *type, const char __user *utype)
{
	long len = strncpy_from_user(type, utype, KEY_TYPE_NAME_MAX);

	if (len < 0)
		return -EFAULT;
	if (len == 0 || len >= KEY_TYPE_NAME_MAX)
		return -EINVAL;
	/* Types beginning with '.' are the kernel's own. */
	if (type[0] == '.')
		return -EPERM;
	return 0;
}

/* A description (or name) from user space, kmalloc'd; ERR_PTR on failure. */
static char *get_description(const char __user *udesc)
{
	char *desc = kmalloc(KEY_MAX_DESC_SIZE, GFP_KERNEL);
	long len;

	if (!desc)
		return ERR_PTR(-ENOMEM);
	len = strncpy_from_user(desc, udesc, KEY_MAX_DESC_SIZE);
	if (len < 0 || len >= KEY_MAX_DESC_SIZE) {
		kfree(desc);
		return ERR_PTR(len < 0 ? -EFAULT : -EINVAL);
	}
	return desc;
}

static key_perm_t default_perm(struct key_type *type)
{
	key_perm_t perm = KEY_POS_VIEW | KEY_POS_SEARCH | KEY_POS_LINK | KEY_POS_SETATTR |
			  KEY_USR_VIEW;

	if (type->read)
		perm |= KEY_POS_READ;
	if (type == &key_type_keyring || type->update)
		perm |= KEY_POS_WRITE;
	return perm;
}

/*
 * Make a key of @type in @keyring, or update the one of that type and
 * description linked there.  Returns the serial.
 */
static long key_create_or_update(struct key *keyring, struct key_type *type, const char *desc,
				 const void *payload, size_t plen)
{
	const struct cred *cred = current_cred();
	struct key *key = NULL;
	unsigned int i;
	long ret;

	ret = type->vet_description(desc);
	if (ret)
		return ret;
	mutex_lock(&key_mutex);
	if (type->update) {
		for (i = 0; i < keyring->nr_links; i++) {
			struct key *old = keyring->links[i];

			if (old->type != type || strcmp(old->description, desc) ||
			    test_bit(KEY_FLAG_NEGATIVE, &old->flags) || key_validate(old))
				continue;
			/* Updating needs Write on the key itself. */
			ret = key_task_permission(old, true, cred, KEY_NEED_WRITE);
			if (!ret)
				ret = type->update(old, payload, plen);
			if (!ret)
				ret = old->serial;
			mutex_unlock(&key_mutex);
			return ret;
		}
	}
	key = key_alloc(type, desc, cred->fsuid, cred->fsgid, default_perm(type), cred);
	if (IS_ERR(key)) {
		ret = PTR_ERR(key);
		goto out;
	}
	ret = key_instantiate(key, payload, plen);
	if (!ret)
		ret = key_link(keyring, key);
	if (!ret)
		ret = key->serial;
	key_put(key);
out:
	mutex_unlock(&key_mutex);
	return ret;
}

SYSCALL_DEFINE5(add_key, const char __user *, _type, const char __user *, _description,
		const void __user *, _payload, size_t, plen, key_serial_t, ringid)
{
	char type_name[KEY_TYPE_NAME_MAX];
	struct key_type *type;
	char *desc = NULL;
	void *payload = NULL;
	struct key *keyring;
	bool possessed;
	long ret;

	ret = get_type_name(type_name, _type);
	if (ret)
		return ret;
	if (_description) {
		desc = get_description(_description);
		if (IS_ERR(desc))
			return PTR_ERR(desc);
		if (!*desc || (desc[0] == '.' && !strcmp(type_name, "keyring"))) {
			ret = *desc ? -EPERM : -EINVAL;
			goto out;
		}
	}
	ret = -EINVAL;
	if (plen > KEY_MAX_PAYLOAD)
		goto out;
	if (plen) {
		ret = -ENOMEM;
		payload = vmalloc(plen);
		if (!payload)
			goto out;
		ret = -EFAULT;
		if (copy_from_user(payload, _payload, plen))
			goto out;
	}
	keyring = lookup_user_key(ringid, KEY_LOOKUP_CREATE, KEY_NEED_WRITE, &possessed);
	if (IS_ERR(keyring)) {
		ret = PTR_ERR(keyring);
		goto out;
	}
	type = key_type_lookup(type_name);
	ret = -ENODEV;
	if (type) {
		ret = -EINVAL;
		if (desc)
			ret = key_create_or_update(keyring, type, desc, payload, plen);
	}
	key_put(keyring);
out:
	vfree(payload);
	kfree(desc);
	return ret;
}

SYSCALL_DEFINE4(request_key, const char __user *, _type, const char __user *, _description,
		const char __user *, _callout_info, key_serial_t, destringid)
{
	struct keyring_search ctx = { .check_perm = true };
	char type_name[KEY_TYPE_NAME_MAX];
	struct key *dest = NULL, *key;
	char *desc, *callout = NULL;
	bool possessed;
	long ret;

	ret = get_type_name(type_name, _type);
	if (ret)
		return ret;
	desc = get_description(_description);
	if (IS_ERR(desc))
		return PTR_ERR(desc);
	ret = -EINVAL;
	if (!*desc)
		goto out;
	if (_callout_info) {
		callout = get_description(_callout_info);
		if (IS_ERR(callout)) {
			ret = PTR_ERR(callout);
			callout = NULL;
			goto out;
		}
	}
	if (destringid) {
		dest = lookup_user_key(destringid, KEY_LOOKUP_CREATE, KEY_NEED_WRITE, &possessed);
		if (IS_ERR(dest)) {
			ret = PTR_ERR(dest);
			dest = NULL;
			goto out;
		}
	}
	/* An unknown type has no keys: ENOKEY (add_key says ENODEV). */
	ctx.type = key_type_lookup(type_name);
	ret = -ENOKEY;
	if (!ctx.type)
		goto out;
	ctx.description = desc;
	key = search_process_keyrings(&ctx);
	if (key) {
		ret = key->serial;
		if (dest) {
			mutex_lock(&key_mutex);
			if (key_task_permission(key, true, current_cred(), KEY_NEED_LINK))
				ret = -EACCES;
			else
				ret = key_link(dest, key) ?: ret;
			mutex_unlock(&key_mutex);
		}
		key_put(key);
		goto out;
	}
	if (ctx.skipped && ctx.skipped != -EACCES) {
		ret = ctx.skipped;
		goto out;
	}
	ret = -ENOKEY;
	if (!callout)
		goto out;
	/* Construct: no helper can make it, so it is born negative. */
	key = request_key_dest_keyring(dest);
	if (IS_ERR(key)) {
		ret = PTR_ERR(key);
		goto out;
	}
	key_put(dest);
	dest = key;
	key = key_alloc(ctx.type, desc, current_fsuid(), current_fsgid(),
			default_perm(ctx.type), current_cred());
	if (IS_ERR(key)) {
		ret = PTR_ERR(key);
		goto out;
	}
	key_negate(key, KEY_NEGATIVE_TIMEOUT);
	mutex_lock(&key_mutex);
	/* Linux's answer when /sbin/request-key is not there to run. */
	ret = key_link(dest, key) ?: -ENOENT;
	mutex_unlock(&key_mutex);
	key_put(key);
out:
	key_put(dest);
	kfree(callout);
	kfree(desc);
	return ret;
}

static long keyctl_get_keyring_id(key_serial_t id, int create)
{
	bool possessed;
	struct key *key = lookup_user_key(id, create ? KEY_LOOKUP_CREATE : 0, KEY_NEED_SEARCH,
					  &possessed);
	long ret;

	if (IS_ERR(key))
		return PTR_ERR(key);
	ret = key->serial;
	key_put(key);
	return ret;
}

static long keyctl_join_session_keyring(const char __user *_name)
{
	char *name = NULL;
	long ret;

	if (_name) {
		name = get_description(_name);
		if (IS_ERR(name))
			return PTR_ERR(name);
	}
	ret = join_session_keyring(name);
	kfree(name);
	return ret;
}

static long keyctl_update_key(key_serial_t id, const void __user *_payload, size_t plen)
{
	void *payload = NULL;
	struct key *key;
	bool possessed;
	long ret;

	if (plen > KEY_MAX_PAYLOAD)
		return -EINVAL;
	if (plen) {
		payload = vmalloc(plen);
		if (!payload)
			return -ENOMEM;
		ret = -EFAULT;
		if (copy_from_user(payload, _payload, plen))
			goto out;
	}
	key = lookup_user_key(id, 0, KEY_NEED_WRITE, &possessed);
	ret = PTR_ERR(key);
	if (IS_ERR(key))
		goto out;
	ret = -EOPNOTSUPP;
	mutex_lock(&key_mutex);
	if (key->type->update)
		ret = key->type->update(key, payload, plen);
	mutex_unlock(&key_mutex);
	key_put(key);
out:
	vfree(payload);
	return ret;
}

/* REVOKE needs Write, or failing that Setattr, as on Linux. */
static long keyctl_revoke_key(key_serial_t id)
{
	struct key *key;
	bool possessed;

	key = lookup_user_key(id, 0, KEY_NEED_WRITE, &possessed);
	if (PTR_ERR(key) == -EACCES)
		key = lookup_user_key(id, 0, KEY_NEED_SETATTR, &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	set_bit(KEY_FLAG_REVOKED, &key->flags);
	key_put(key);
	return 0;
}

static long keyctl_invalidate_key(key_serial_t id)
{
	struct key *key;
	bool possessed;

	key = lookup_user_key(id, 0, KEY_NEED_SEARCH, &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	set_bit(KEY_FLAG_INVALIDATED, &key->flags);
	key_put(key);
	return 0;
}

static long keyctl_chown_key(key_serial_t id, uid_t uid, gid_t gid)
{
	const struct cred *cred = current_cred();
	struct key_user *newowner = NULL;
	struct key *key;
	bool possessed;
	long ret;

	if (uid == (uid_t)-1 && gid == (gid_t)-1)
		return 0;
	key = lookup_user_key(id, KEY_LOOKUP_CREATE | KEY_LOOKUP_PARTIAL, KEY_NEED_SETATTR,
			      &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	mutex_lock(&key_mutex);
	ret = -EACCES;
	if (!capable(CAP_SYS_ADMIN)) {
		/* Only the administrator gives keys away. */
		if (uid != (uid_t)-1 && uid != key->uid)
			goto out;
		/* The owner may move it to a group it is in. */
		if (gid != (gid_t)-1 && (key->uid != cred->fsuid || !in_group_p(gid)))
			goto out;
	}
	if (uid != (uid_t)-1 && uid != key->uid) {
		newowner = key_user_lookup(uid);
		ret = -ENOMEM;
		if (!newowner)
			goto out;
		ret = key_quota_charge(newowner, key->quotalen, 1);
		if (ret)
			goto out;
		key_quota_release(key->user, key->quotalen, 1);
		key->user->nkeys--;
		newowner->nkeys++;
		key->user = newowner;
		key->uid = uid;
	}
	if (gid != (gid_t)-1)
		key->gid = gid;
	ret = 0;
out:
	mutex_unlock(&key_mutex);
	key_put(key);
	return ret;
}

static long keyctl_setperm_key(key_serial_t id, key_perm_t perm)
{
	struct key *key;
	bool possessed;
	long ret = -EACCES;

	if (perm & ~(KEY_POS_ALL | KEY_USR_ALL | 0x3f3f))
		return -EINVAL;
	key = lookup_user_key(id, KEY_LOOKUP_CREATE | KEY_LOOKUP_PARTIAL, KEY_NEED_SETATTR,
			      &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	/* Only the owner (or the administrator) changes the mask. */
	if (capable(CAP_SYS_ADMIN) || key->uid == current_fsuid()) {
		key->perm = perm;
		ret = 0;
	}
	key_put(key);
	return ret;
}

/* "type;uid;gid;perm;description": the size with its NUL, copied only if it fits. */
static long keyctl_describe_key(key_serial_t id, char __user *buffer, size_t buflen)
{
	struct key *key;
	bool possessed;
	char *info;
	long ret;

	key = lookup_user_key(id, KEY_LOOKUP_PARTIAL, KEY_NEED_VIEW, &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	ret = strlen(key->description) + 64;
	info = kmalloc(ret, GFP_KERNEL);
	if (info)
		ret = scnprintf(info, ret, "%s;%d;%d;%08x;%s", key->type->name, key->uid,
				key->gid, key->perm, key->description) + 1;
	key_put(key);
	if (!info)
		return -ENOMEM;
	if (buffer && buflen >= (size_t)ret && copy_to_user(buffer, info, ret))
		ret = -EFAULT;
	kfree(info);
	return ret;
}

static long keyctl_keyring_clear(key_serial_t ringid)
{
	struct key *keyring;
	bool possessed;
	long ret = 0;

	keyring = lookup_user_key(ringid, KEY_LOOKUP_CREATE, KEY_NEED_WRITE, &possessed);
	if (IS_ERR(keyring))
		return PTR_ERR(keyring);
	mutex_lock(&key_mutex);
	if (keyring->type != &key_type_keyring)
		ret = -ENOTDIR;
	else
		keyring_clear(keyring);
	mutex_unlock(&key_mutex);
	key_put(keyring);
	return ret;
}

static long keyctl_keyring_link(key_serial_t id, key_serial_t ringid, bool link)
{
	struct key *keyring, *key;
	bool possessed;
	long ret;

	keyring = lookup_user_key(ringid, KEY_LOOKUP_CREATE, KEY_NEED_WRITE, &possessed);
	if (IS_ERR(keyring))
		return PTR_ERR(keyring);
	/* Unlinking only touches the keyring; the key may be in any state. */
	key = link ? lookup_user_key(id, KEY_LOOKUP_CREATE, KEY_NEED_LINK, &possessed)
		   : lookup_user_key(id, KEY_LOOKUP_PARTIAL, 0, &possessed);
	if (IS_ERR(key)) {
		key_put(keyring);
		return PTR_ERR(key);
	}
	mutex_lock(&key_mutex);
	ret = link ? key_link(keyring, key) : key_unlink(keyring, key);
	mutex_unlock(&key_mutex);
	key_put(key);
	key_put(keyring);
	return ret;
}

static long keyctl_keyring_search(key_serial_t ringid, const char __user *_type,
				  const char __user *_description, key_serial_t destringid)
{
	struct keyring_search ctx = { .check_perm = true };
	char type_name[KEY_TYPE_NAME_MAX];
	struct key *keyring, *dest = NULL, *key;
	bool possessed;
	char *desc;
	long ret;

	ret = get_type_name(type_name, _type);
	if (ret)
		return ret;
	desc = get_description(_description);
	if (IS_ERR(desc))
		return PTR_ERR(desc);
	keyring = lookup_user_key(ringid, 0, KEY_NEED_SEARCH, &possessed);
	if (IS_ERR(keyring)) {
		ret = PTR_ERR(keyring);
		goto out_desc;
	}
	if (destringid) {
		dest = lookup_user_key(destringid, KEY_LOOKUP_CREATE, KEY_NEED_WRITE, &possessed);
		if (IS_ERR(dest)) {
			ret = PTR_ERR(dest);
			dest = NULL;
			goto out;
		}
	}
	ctx.type = key_type_lookup(type_name);
	ret = -ENOKEY;
	if (!ctx.type)
		goto out;
	ctx.description = desc;
	mutex_lock(&key_mutex);
	ret = -ENOTDIR;
	if (keyring->type == &key_type_keyring) {
		key = keyring_search_tree(keyring, &ctx);
		if (!key) {
			ret = ctx.skipped ? ctx.skipped : -ENOKEY;
		} else {
			ret = key->serial;
			if (dest) {
				if (key_task_permission(key, true, current_cred(), KEY_NEED_LINK))
					ret = -EACCES;
				else
					ret = key_link(dest, key) ?: ret;
			}
			key_put(key);
		}
	}
	mutex_unlock(&key_mutex);
out:
	key_put(dest);
	key_put(keyring);
out_desc:
	kfree(desc);
	return ret;
}

/*
 * READ: the payload (a keyring: its links' serials), the full size as
 * the answer even when the buffer is smaller.  Read permission, or
 * possession with Search, is needed; a negative key says ENOKEY.
 */
static long keyctl_read_key(key_serial_t id, char __user *buffer, size_t buflen)
{
	struct key *key;
	bool possessed;
	char *kbuf = NULL;
	long ret;

	key = lookup_user_key(id, 0, 0, &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	ret = key_validate(key);
	if (ret)
		goto out;
	if (test_bit(KEY_FLAG_NEGATIVE, &key->flags)) {
		ret = key->reject_error;
		goto out;
	}
	ret = key_task_permission(key, possessed, current_cred(), KEY_NEED_READ);
	if (ret && possessed)
		ret = key_task_permission(key, true, current_cred(), KEY_NEED_SEARCH);
	if (ret)
		goto out;
	ret = -EOPNOTSUPP;
	if (!key->type->read)
		goto out;
	if (buffer && buflen) {
		kbuf = vmalloc(min_t(size_t, buflen, KEY_MAX_PAYLOAD + 1));
		ret = -ENOMEM;
		if (!kbuf)
			goto out;
		buflen = min_t(size_t, buflen, KEY_MAX_PAYLOAD + 1);
	}
	mutex_lock(&key_mutex);
	ret = key->type->read(key, kbuf, kbuf ? buflen : 0);
	mutex_unlock(&key_mutex);
	if (ret > 0 && kbuf && copy_to_user(buffer, kbuf, min_t(size_t, ret, buflen)))
		ret = -EFAULT;
out:
	vfree(kbuf);
	key_put(key);
	return ret;
}

static long keyctl_set_reqkey_keyring(int reqkey_defl)
{
	struct cred *new;
	int old = current_cred()->jit_keyring, ret;

	switch (reqkey_defl) {
	case KEY_REQKEY_DEFL_NO_CHANGE:
		return old;
	case KEY_REQKEY_DEFL_THREAD_KEYRING:
		ret = install_thread_keyring();	/* keeps one that exists */
		if (ret)
			return ret;
		break;
	case KEY_REQKEY_DEFL_PROCESS_KEYRING:
		ret = install_process_keyring();
		if (ret)
			return ret;
		break;
	case KEY_REQKEY_DEFL_DEFAULT:
	case KEY_REQKEY_DEFL_SESSION_KEYRING:
	case KEY_REQKEY_DEFL_USER_KEYRING:
	case KEY_REQKEY_DEFL_USER_SESSION_KEYRING:
	case KEY_REQKEY_DEFL_REQUESTOR_KEYRING:
		break;
	default:
		return -EINVAL;
	}
	new = prepare_creds();
	if (!new)
		return -ENOMEM;
	new->jit_keyring = reqkey_defl;
	ret = commit_creds(new);
	return ret ? ret : old;
}

static long keyctl_set_timeout(key_serial_t id, unsigned int timeout)
{
	struct key *key;
	bool possessed;

	key = lookup_user_key(id, KEY_LOOKUP_CREATE | KEY_LOOKUP_PARTIAL, KEY_NEED_SETATTR,
			      &possessed);
	if (IS_ERR(key))
		return PTR_ERR(key);
	key->expiry = timeout ? key_now() + timeout : 0;
	key_put(key);
	return 0;
}

SYSCALL_DEFINE5(keyctl, int, option, unsigned long, arg2, unsigned long, arg3,
		unsigned long, arg4, unsigned long, arg5)
{
	switch (option) {
	case KEYCTL_GET_KEYRING_ID:
		return keyctl_get_keyring_id(arg2, arg3);
	case KEYCTL_JOIN_SESSION_KEYRING:
		return keyctl_join_session_keyring((const char __user *)arg2);
	case KEYCTL_UPDATE:
		return keyctl_update_key(arg2, (const void __user *)arg3, arg4);
	case KEYCTL_REVOKE:
		return keyctl_revoke_key(arg2);
	case KEYCTL_CHOWN:
		return keyctl_chown_key(arg2, arg3, arg4);
	case KEYCTL_SETPERM:
		return keyctl_setperm_key(arg2, arg3);
	case KEYCTL_DESCRIBE:
		return keyctl_describe_key(arg2, (char __user *)arg3, arg4);
	case KEYCTL_CLEAR:
		return keyctl_keyring_clear(arg2);
	case KEYCTL_LINK:
		return keyctl_keyring_link(arg2, arg3, true);
	case KEYCTL_UNLINK:
		return keyctl_keyring_link(arg2, arg3, false);
	case KEYCTL_SEARCH:
		return keyctl_keyring_search(arg2, (const char __user *)arg3,
					     (const char __user *)arg4, arg5);
	case KEYCTL_READ:
		return keyctl_read_key(arg2, (char __user *)arg3, arg4);
	case KEYCTL_SET_REQKEY_KEYRING:
		return keyctl_set_reqkey_keyring(arg2);
	case KEYCTL_SET_TIMEOUT:
		return keyctl_set_timeout(arg2, arg3);
	case KEYCTL_INVALIDATE:
		return keyctl_invalidate_key(arg2);
	case KEYCTL_INSTANTIATE:
	case KEYCTL_NEGATE:
	case KEYCTL_REJECT:
	case KEYCTL_INSTANTIATE_IOV:
	case KEYCTL_SESSION_TO_PARENT:
		return keyctl_session_to_parent();
	case KEYCTL_ASSUME_AUTHORITY:
		/* Only the holder of a request's authorisation key may: nobody here. */
		return -EPERM;
	default:
		return -EOPNOTSUPP;
	}
}
