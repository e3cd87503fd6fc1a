// SPDX-License-Identifier: GPL-2.0
/*
 * A sandboxed process may trace only processes at least as confined as
 * itself: ones whose domain has all of its layers (its descendants
 * restricted further, or its siblings under the same domain).  Otherwise
 * it could act through a less confined process.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include "landlock.h"

static bool domain_scope_le(const struct landlock_domain *outer,
			    const struct landlock_domain *inner)
{
	unsigned int i;

	if (!outer)
		return true;
	if (!inner || inner->num_layers < outer->num_layers)
		return false;
	for (i = 0; i < outer->num_layers; i++)
		if (inner->layers[i] != outer->layers[i])
			return false;
	return true;
}

int landlock_ptrace(const struct task_struct *tracer, const struct task_struct *tracee)
{
	return domain_scope_le(tracer->cred->landlock, tracee->cred->landlock) ? 0 : -EPERM;
}
