/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of security/keys/ share. */
#ifndef _SECURITY_KEYS_INTERNAL_H
#define _SECURITY_KEYS_INTERNAL_H

#include <linux/key.h>
#include <linux/mutex.h>

#define KEY_MAX_DESC_SIZE	4096
#define KEY_MAX_PAYLOAD		(1024 * 1024 - 1)
#define KEY_NEGATIVE_TIMEOUT	60	/* seconds a negative key stands in */
#define KEYRING_SEARCH_MAX_DEPTH 6

/* lookup_user_key flags */
#define KEY_LOOKUP_CREATE	0x01	/* make the special keyring if missing */
#define KEY_LOOKUP_PARTIAL	0x02	/* a revoked/expired key is fine */

/* One lock for every keyring's links and every key's payload. */
extern struct mutex key_mutex;
extern struct list_head key_serial_list;

/* key.c */
s64 key_now(void);
struct key_type *key_type_lookup(const char *name);
struct key *key_alloc(struct key_type *type, const char *desc, uid_t uid, gid_t gid,
		      key_perm_t perm, const struct cred *cred);
int key_instantiate(struct key *key, const void *data, size_t datalen);
void key_negate(struct key *key, unsigned int timeout);
struct key *key_lookup(key_serial_t id);
int key_validate(const struct key *key);
struct key *find_keyring_by_name(const char *name);
int key_task_permission(const struct key *key, bool possessed, const struct cred *cred,
			unsigned int need);
struct key_user *key_user_lookup(uid_t uid);
int key_quota_charge(struct key_user *user, unsigned int len, int nkeys);
void key_quota_release(struct key_user *user, unsigned int len, int nkeys);

/* keyring.c */
struct key *keyring_alloc(const char *desc, uid_t uid, gid_t gid, key_perm_t perm,
			  const struct cred *cred);
int key_link(struct key *keyring, struct key *key);
int key_unlink(struct key *keyring, struct key *key);
void keyring_clear(struct key *keyring);
struct keyring_search {
	struct key_type *type;
	const char *description;
	const struct key *target;	/* instead of type/description */
	bool check_perm;		/* a found key needs SEARCH */
	bool any_state;			/* revoked/negative/expired keys count too */
	int skipped;			/* the best error of what did not count */
};
struct key *keyring_search_tree(struct key *keyring, struct keyring_search *ctx);
long keyring_read(const struct key *keyring, char *buffer, size_t buflen);

/* process_keys.c */
struct key *lookup_user_key(key_serial_t id, unsigned int lflags, unsigned int need,
			    bool *possessed);
struct key *search_process_keyrings(struct keyring_search *ctx);
bool key_possessed(const struct key *key);
long join_session_keyring(const char *name);
long keyctl_session_to_parent(void);
struct key *get_user_keyring(uid_t uid, bool session);
int install_thread_keyring(void);
int install_process_keyring(void);
struct key *request_key_dest_keyring(struct key *dest);

#endif
