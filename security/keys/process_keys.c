// SPDX-License-Identifier: GPL-2.0
/*
 * The keyrings a process reaches keys through.
 *
 * Thread keyring: this thread's only, lost on fork and execve.
 * Process keyring: the process's, lost on fork (the child starts
 * without) and execve.  Session keyring: kept across fork and execve, so a
 * login session shares it; KEYCTL_JOIN_SESSION_KEYRING starts a new or
 * joins a named one.  A process without one uses its user's session
 * keyring, "_uid_ses.UID", which links the user keyring "_uid.UID".
 * The first three live in the cred; the user's two in its key_user.
 * A key is "possessed" when it can be found from these keyrings; a
 * possessor gets the key's possessor permissions on top of the others.
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
#include <uapi/linux/sched.h>
#include "internal.h"

void key_cred_get(struct cred *cred)
{
	key_get(cred->thread_keyring);
	key_get(cred->process_keyring);
	key_get(cred->session_keyring);
}

void key_cred_put(struct cred *cred)
{
	key_put(cred->thread_keyring);
	key_put(cred->process_keyring);
	key_put(cred->session_keyring);
}

void key_cred_exec(struct cred *cred)
{
	key_put(cred->thread_keyring);
	cred->thread_keyring = NULL;
	key_put(cred->process_keyring);
	cred->process_keyring = NULL;
}

/* Does a child made with @clone_flags need a cred of its own? */
int key_cred_fork(struct cred *cred, unsigned long clone_flags)
{
	return cred->thread_keyring ||
	       (!(clone_flags & CLONE_THREAD) && cred->process_keyring);
}

/* The user's keyrings, made on first use; a borrowed pointer (they live for good). */
struct key *get_user_keyring(uid_t uid, bool session)
{
	const struct cred *cred = current_cred();
	struct key_user *u = key_user_lookup(uid);
	char desc[32];
	struct key *k;
	int ret;

	if (!u)
		return ERR_PTR(-ENOMEM);
	mutex_lock(&key_mutex);
	if (!u->uid_keyring) {
		snprintf(desc, sizeof(desc), "_uid.%u", uid);
		k = keyring_alloc(desc, uid, cred->gid, KEY_POS_ALL | KEY_USR_ALL, cred);
		if (IS_ERR(k))
			goto fail;
		u->uid_keyring = k;
	}
	if (!u->session_keyring) {
		snprintf(desc, sizeof(desc), "_uid_ses.%u", uid);
		k = keyring_alloc(desc, uid, cred->gid, KEY_POS_ALL | KEY_USR_ALL, cred);
		if (IS_ERR(k))
			goto fail;
		ret = key_link(k, u->uid_keyring);
		if (ret) {
			key_put(k);
			k = ERR_PTR(ret);
			goto fail;
		}
		u->session_keyring = k;
	}
	k = session ? u->session_keyring : u->uid_keyring;
fail:
	mutex_unlock(&key_mutex);
	return k;
}

/* A new thread keyring for the caller, unless it has one. */
int install_thread_keyring(void)
{
	const struct cred *old = current_cred();
	struct cred *new;
	struct key *k;

	if (old->thread_keyring)
		return 0;
	k = keyring_alloc("_tid", old->fsuid, old->fsgid, KEY_POS_ALL | KEY_USR_VIEW, old);
	if (IS_ERR(k))
		return PTR_ERR(k);
	new = prepare_creds();
	if (!new) {
		key_put(k);
		return -ENOMEM;
	}
	new->thread_keyring = k;
	return commit_creds(new);
}

int install_process_keyring(void)
{
	const struct cred *old = current_cred();
	struct cred *new;
	struct key *k;

	if (old->process_keyring)
		return 0;
	k = keyring_alloc("_pid", old->fsuid, old->fsgid, KEY_POS_ALL | KEY_USR_VIEW, old);
	if (IS_ERR(k))
		return PTR_ERR(k);
	new = prepare_creds();
	if (!new) {
		key_put(k);
		return -ENOMEM;
	}
	new->process_keyring = k;
	return commit_creds(new);
}

/* Make @keyring (a reference we give away) the caller's session keyring. */
static int install_session_keyring(struct key *keyring)
{
	struct cred *new = prepare_creds();

	if (!new) {
		key_put(keyring);
		return -ENOMEM;
	}
	key_put(new->session_keyring);
	new->session_keyring = keyring;
	return commit_creds(new);
}

/*
 * KEYCTL_SESSION_TO_PARENT: give the parent process our session keyring.
 * Its credentials can only be replaced by itself, so the keyring waits
 * in its task until it next returns to user mode (key_change_session_
 * keyring).  As on Linux, the parent must be a single-threaded user
 * process with exactly our effective IDs and no set-ID, and both
 * keyrings must belong to our effective UID.
 */
long keyctl_session_to_parent(void)
{
	const struct cred *mycred = current_cred(), *pcred;
	struct task_struct *parent;
	struct key *ring, *old;
	long ret;

	ring = mycred->session_keyring;
	if (!ring)
		return -EPERM;	/* Linux makes one first; a fresh one helps no parent */
	ret = key_task_permission(ring, true, mycred, KEY_NEED_LINK);	/* our session: possessed */
	if (ret)
		return ret;
	spin_lock(&tasklist_lock);
	parent = current->real_parent;
	pcred = parent->cred;
	ret = -EPERM;
	if (parent->pid == 1 || (parent->flags & (PF_KTHREAD | PF_EXITING)) ||
	    !thread_group_empty(parent))
		goto unlock;
	ret = 0;
	if (pcred->session_keyring == ring)
		goto unlock;	/* nothing to change */
	ret = -EPERM;
	if (pcred->uid != mycred->euid || pcred->euid != mycred->euid ||
	    pcred->suid != mycred->euid || pcred->gid != mycred->egid ||
	    pcred->egid != mycred->egid || pcred->sgid != mycred->egid)
		goto unlock;
	if ((pcred->session_keyring && pcred->session_keyring->uid != mycred->euid) ||
	    ring->uid != mycred->euid)
		goto unlock;
	old = __atomic_exchange_n(&parent->replacement_session_keyring, key_get(ring),
				  __ATOMIC_SEQ_CST);
	set_tsk_thread_flag(parent, TIF_NOTIFY_RESUME);
	ret = 0;
	spin_unlock(&tasklist_lock);
	key_put(old);
	return ret;
unlock:
	spin_unlock(&tasklist_lock);
	return ret;
}

/* On the way back to user mode: install a keyring a child sent us. */
void key_change_session_keyring(void)
{
	struct key *ring = __atomic_exchange_n(&current->replacement_session_keyring, NULL,
					       __ATOMIC_SEQ_CST);

	if (ring)
		install_session_keyring(ring);	/* takes our reference */
}

/*
 * KEYCTL_JOIN_SESSION_KEYRING: @name NULL starts a new anonymous session
 * keyring; a name joins the keyring of that name if one exists and may be
 * searched, or makes it.  Names starting with '.' belong to the kernel.
 */
long join_session_keyring(const char *name)
{
	const struct cred *cred = current_cred();
	struct key *k = NULL;
	long ret;

	if (name && name[0] == '.')
		return -EPERM;
	if (name) {
		k = find_keyring_by_name(name);
		/* Joining the session we are in changes nothing (and says 0). */
		if (k && k == cred->session_keyring) {
			key_put(k);
			return 0;
		}
	}
	if (!k) {
		k = keyring_alloc(name ? name : "_ses", cred->fsuid, cred->fsgid,
				  KEY_POS_ALL | KEY_USR_VIEW | KEY_USR_READ | KEY_USR_LINK, cred);
		if (IS_ERR(k))
			return PTR_ERR(k);
	}
	ret = k->serial;
	return install_session_keyring(k) ?: ret;
}

/* The keyrings a search starts from, each with a reference; returns how many. */
static int process_keyrings(struct key *rings[3])
{
	const struct cred *cred = current_cred();
	int n = 0;

	if (cred->thread_keyring)
		rings[n++] = key_get(cred->thread_keyring);
	if (cred->process_keyring)
		rings[n++] = key_get(cred->process_keyring);
	if (cred->session_keyring) {
		rings[n++] = key_get(cred->session_keyring);
	} else {
		struct key *us = get_user_keyring(cred->uid, true);

		if (!IS_ERR(us))
			rings[n++] = key_get(us);
	}
	return n;
}

/*
 * Search the caller's keyrings in order, thread, process, session (or
 * the user's session).  The key, with a reference, or NULL and
 * ctx->skipped (0: nothing like it at all).
 */
struct key *search_process_keyrings(struct keyring_search *ctx)
{
	struct key *rings[3], *found = NULL;
	int i, n = process_keyrings(rings);

	mutex_lock(&key_mutex);
	for (i = 0; i < n && !found; i++)
		found = keyring_search_tree(rings[i], ctx);
	mutex_unlock(&key_mutex);
	for (i = 0; i < n; i++)
		key_put(rings[i]);
	return found;
}

bool key_possessed(const struct key *key)
{
	struct keyring_search ctx = { .target = key, .check_perm = true, .any_state = true };
	struct key *rings[3], *found;
	int i, n = process_keyrings(rings);
	bool own = false;

	for (i = 0; i < n; i++)
		own |= rings[i] == key;
	for (i = 0; i < n; i++)
		key_put(rings[i]);
	if (own)
		return true;
	found = search_process_keyrings(&ctx);
	key_put(found);
	return found != NULL;
}

/*
 * A key ID from user space, special or serial, to the key with a
 * reference.  KEY_LOOKUP_CREATE makes a missing thread/process/session
 * keyring.  With @need, the key must be valid (not revoked, expired or
 * invalidated) and the caller allowed @need.  *@possessed tells the caller
 * whether it possesses the key.
 */
struct key *lookup_user_key(key_serial_t id, unsigned int lflags, unsigned int need,
			    bool *possessed)
{
	const struct cred *cred;
	struct key *key;
	int ret;

	*possessed = true;
	switch (id) {
	case KEY_SPEC_THREAD_KEYRING:
		if (!current_cred()->thread_keyring) {
			if (!(lflags & KEY_LOOKUP_CREATE))
				return ERR_PTR(-ENOKEY);
			ret = install_thread_keyring();
			if (ret)
				return ERR_PTR(ret);
		}
		key = key_get(current_cred()->thread_keyring);
		break;
	case KEY_SPEC_PROCESS_KEYRING:
		if (!current_cred()->process_keyring) {
			if (!(lflags & KEY_LOOKUP_CREATE))
				return ERR_PTR(-ENOKEY);
			ret = install_process_keyring();
			if (ret)
				return ERR_PTR(ret);
		}
		key = key_get(current_cred()->process_keyring);
		break;
	case KEY_SPEC_SESSION_KEYRING:
		if (!current_cred()->session_keyring) {
			/* Using the session keyring makes the user's the session's. */
			if (lflags & KEY_LOOKUP_CREATE) {
				ret = join_session_keyring(NULL);
			} else {
				key = get_user_keyring(current_uid(), true);
				ret = IS_ERR(key) ? PTR_ERR(key) : install_session_keyring(key_get(key));
			}
			if (ret < 0)
				return ERR_PTR(ret);
		}
		key = key_get(current_cred()->session_keyring);
		break;
	case KEY_SPEC_USER_KEYRING:
	case KEY_SPEC_USER_SESSION_KEYRING:
		key = get_user_keyring(current_uid(), id == KEY_SPEC_USER_SESSION_KEYRING);
		if (IS_ERR(key))
			return key;
		key_get(key);
		break;
	case KEY_SPEC_GROUP_KEYRING:
		return ERR_PTR(-EINVAL);
	case KEY_SPEC_REQKEY_AUTH_KEY:
	case KEY_SPEC_REQUESTOR_KEYRING:
		/* Only a request-key helper has these, and none runs here. */
		return ERR_PTR(-ENOKEY);
	default:
		if (id < 1)
			return ERR_PTR(-EINVAL);
		key = key_lookup(id);
		if (!key)
			return ERR_PTR(-ENOKEY);
		*possessed = key_possessed(key);
		break;
	}
	cred = current_cred();
	ret = test_bit(KEY_FLAG_INVALIDATED, &key->flags) ? -ENOKEY : 0;
	if (!ret && need && !(lflags & KEY_LOOKUP_PARTIAL))
		ret = key_validate(key);
	if (!ret && need)
		ret = key_task_permission(key, *possessed, cred, need);
	if (ret) {
		key_put(key);
		return ERR_PTR(ret);
	}
	return key;
}

/*
 * Where request_key links a key it had to make: the keyring asked for,
 * else the one KEYCTL_SET_REQKEY_KEYRING chose (by default the first of
 * thread, process, session, user-session that exists).  It must be
 * writable: joining a session keyring needs only Search permission.
 */
struct key *request_key_dest_keyring(struct key *dest)
{
	const struct cred *cred = current_cred();
	struct key *k = NULL;

	if (dest)
		return key_get(dest);
	switch (cred->jit_keyring) {
	case KEY_REQKEY_DEFL_DEFAULT:
	case KEY_REQKEY_DEFL_REQUESTOR_KEYRING:
	case KEY_REQKEY_DEFL_THREAD_KEYRING:
		k = key_get(cred->thread_keyring);
		if (k)
			break;
		fallthrough;
	case KEY_REQKEY_DEFL_PROCESS_KEYRING:
		k = key_get(cred->process_keyring);
		if (k)
			break;
		fallthrough;
	case KEY_REQKEY_DEFL_SESSION_KEYRING:
		k = key_get(cred->session_keyring);
		if (k)
			break;
		fallthrough;
	case KEY_REQKEY_DEFL_USER_SESSION_KEYRING:
	case KEY_REQKEY_DEFL_USER_KEYRING:
		k = get_user_keyring(cred->uid,
				     cred->jit_keyring != KEY_REQKEY_DEFL_USER_KEYRING);
		if (IS_ERR(k))
			return k;
		key_get(k);
		break;
	}
	if (key_task_permission(k, true, cred, KEY_NEED_WRITE)) {
		key_put(k);
		return ERR_PTR(-EACCES);
	}
	return k;
}
