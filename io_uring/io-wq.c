// SPDX-License-Identifier: GPL-2.0
/*
 * io_uring's worker (Linux's io-wq, simplified): a request that cannot
 * finish inside io_uring_enter -- sent here by IOSQE_ASYNC, a drain or a
 * link, or woken after waiting on a file -- runs on an unbound kworker.
 * For the request's time the kworker takes on the submitter's address
 * space (kthread_use_mm), fs (so root and cwd, a chroot included, are the
 * submitter's), files when the request was given them, and credentials;
 * then it gives them back.  If the process has gone (its mm has no users
 * left), the request is cancelled instead.
 */
#include <linux/kernel.h>
#include <linux/cred.h>
#include <linux/fs_struct.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/task.h>
#include <linux/workqueue.h>
#include "io_uring.h"

static void io_wq_submit_work(struct work_struct *work)
{
	struct io_kiocb *req = container_of(work, struct io_kiocb, work);
	struct io_ring_ctx *ctx = req->ctx;
	struct mm_struct *mm = ctx->mm;	/* the request may be gone when we give it back */
	struct task_struct *tsk = current;
	const struct cred *old_cred = tsk->cred;
	struct fs_struct *old_fs = tsk->fs;
	struct files_struct *old_files = tsk->files;
	unsigned long flags;
	int ret;

	/* Off the poll list: this run decides what happens next. */
	if (req->opcode != IORING_OP_TIMEOUT) {
		spin_lock_irqsave(&ctx->completion_lock, flags);
		list_del_init(&req->list);
		spin_unlock_irqrestore(&ctx->completion_lock, flags);
	}
	/* Without the submitter's credentials it would run as the kernel: never. */
	if (!req->creds || !mm || !mmget_not_zero(mm)) {
		io_req_complete(req, -ECANCELED);
		return;
	}
	kthread_use_mm(mm);
	task_lock(tsk);
	if (req->fs)
		tsk->fs = req->fs;
	if (req->files)
		tsk->files = req->files;
	task_unlock(tsk);
	if (req->creds)
		tsk->cred = req->creds;

	ret = io_issue_sqe(req, true);

	tsk->cred = old_cred;
	task_lock(tsk);
	tsk->fs = old_fs;
	tsk->files = old_files;
	task_unlock(tsk);
	kthread_unuse_mm(mm);
	mmput(mm);
	if (ret != IOU_ISSUE_SKIP_COMPLETE)
		io_req_complete(req, ret);
}

void io_init_work(struct io_kiocb *req)
{
	INIT_WORK(&req->work, io_wq_submit_work);
}

/* A work item queued again while it runs is run again after: never twice at once. */
void io_queue_async_work(struct io_kiocb *req)
{
	queue_work(system_unbound_wq, &req->work);
}
