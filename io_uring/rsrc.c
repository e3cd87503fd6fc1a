// SPDX-License-Identifier: GPL-2.0
/*
 * Registered buffers (IORING_REGISTER_BUFFERS): the program names up to
 * 16384 ranges of its memory once; their pages are pinned and mapped
 * whole for the kernel, so READ_FIXED and WRITE_FIXED skip the per-call
 * work of reaching user memory.  A request holds a reference on its
 * buffer: unregistering while one runs leaves the pages until it ends.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uio.h>
#include <linux/vmalloc.h>
#include "io_uring.h"

#define IORING_MAX_REG_BUFFERS	(1U << 14)
#define IO_MAX_BUF_SIZE		(1UL << 30)	/* 1 GiB per buffer, as Linux */

void io_imu_put(struct io_mapped_ubuf *imu)
{
	if (!refcount_dec_and_test(&imu->refs))
		return;
	if (imu->vaddr)
		vunmap((void *)((unsigned long)imu->vaddr & PAGE_MASK));
	unpin_user_pages(imu->pages, imu->nr_pages);
	kfree(imu->pages);
	kfree(imu);
}

int io_sqe_buffers_unregister(struct io_ring_ctx *ctx)
{
	unsigned int i;

	if (!ctx->user_bufs)
		return -ENXIO;
	for (i = 0; i < ctx->nr_user_bufs; i++)
		if (ctx->user_bufs[i])
			io_imu_put(ctx->user_bufs[i]);
	kfree(ctx->user_bufs);
	ctx->user_bufs = NULL;
	ctx->nr_user_bufs = 0;
	return 0;
}

static int io_buffer_map(const struct iovec *iov, struct io_mapped_ubuf **out)
{
	unsigned long ubuf = (unsigned long)iov->iov_base;
	unsigned long start = ubuf & PAGE_MASK;
	unsigned long end = PAGE_ALIGN(ubuf + iov->iov_len);
	struct io_mapped_ubuf *imu;
	long ret;

	*out = NULL;
	if (!iov->iov_base)
		return iov->iov_len ? -EFAULT : 0;	/* a hole in the table */
	if (!iov->iov_len || iov->iov_len > IO_MAX_BUF_SIZE)
		return -EFAULT;
	if (!access_ok(iov->iov_base, iov->iov_len))
		return -EFAULT;
	imu = kzalloc(sizeof(*imu), GFP_KERNEL);
	if (!imu)
		return -ENOMEM;
	imu->nr_pages = (end - start) >> PAGE_SHIFT;
	imu->pages = kcalloc(imu->nr_pages, sizeof(*imu->pages), GFP_KERNEL);
	ret = -ENOMEM;
	if (!imu->pages)
		goto out_free;
	/* Written to by READ_FIXED: pinned for writing, copy-on-write broken now. */
	ret = pin_user_pages(start, imu->nr_pages, true, imu->pages);
	if (ret < 0)
		goto out_free;
	imu->vaddr = vmap(imu->pages, imu->nr_pages, 0, PAGE_KERNEL);
	if (!imu->vaddr) {
		unpin_user_pages(imu->pages, imu->nr_pages);
		ret = -ENOMEM;
		goto out_free;
	}
	imu->vaddr = (char *)imu->vaddr + (ubuf - start);
	imu->ubuf = ubuf;
	imu->ubuf_end = ubuf + iov->iov_len;
	refcount_set(&imu->refs, 1);
	*out = imu;
	return 0;
out_free:
	kfree(imu->pages);
	kfree(imu);
	return ret;
}

int io_sqe_buffers_register(struct io_ring_ctx *ctx, void __user *arg, unsigned int nr_args)
{
	const struct iovec __user *uiov = arg;
	struct io_mapped_ubuf **bufs;
	unsigned int i;
	int ret;

	if (ctx->user_bufs)
		return -EBUSY;
	if (!nr_args || nr_args > IORING_MAX_REG_BUFFERS)
		return -EINVAL;
	bufs = kcalloc(nr_args, sizeof(*bufs), GFP_KERNEL);
	if (!bufs)
		return -ENOMEM;
	for (i = 0; i < nr_args; i++) {
		struct iovec iov;

		ret = -EFAULT;
		if (copy_from_user(&iov, &uiov[i], sizeof(iov)))
			goto fail;
		ret = io_buffer_map(&iov, &bufs[i]);
		if (ret)
			goto fail;
	}
	ctx->user_bufs = bufs;
	ctx->nr_user_bufs = nr_args;
	return 0;
fail:
	while (i--)
		if (bufs[i])
			io_imu_put(bufs[i]);
	kfree(bufs);
	return ret;
}
