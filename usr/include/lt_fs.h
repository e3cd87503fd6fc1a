/* SPDX-License-Identifier: GPL-2.0 */
/*
 * lt_fs.h: small file helpers shared by the fs_* tests.  Each program works
 * in its own directory at the root of the initramfs (a writable rootfs on
 * Linux), made by lt_fs_setup() and removed by lt_fs_cleanup().
 *
 * Only open, read, write, close, getdents64, unlink, rmdir, mkdir and
 * fstat are used, all through libc.
 */
#ifndef LT_FS_H
#define LT_FS_H

#include <dirent.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define LT_UNUSED	__attribute__((unused))

/* Write LEN bytes of DATA to a new (or truncated) file PATH; 0 on success. */
static LT_UNUSED int lt_put_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = len ? write(fd, data, len) : 0;
	close(fd);
	return n == (ssize_t)len ? 0 : -1;
}

/* Read up to SIZE-1 bytes of PATH into BUF, NUL-terminated; the count or -1. */
static LT_UNUSED ssize_t lt_get_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n >= 0)
		buf[n] = '\0';
	return n;
}

static LT_UNUSED long long lt_file_size(const char *path)
{
	struct stat st;

	return lstat(path, &st) ? -1 : (long long)st.st_size;
}

static LT_UNUSED int lt_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/*
 * rm -rf PATH (no symlinks followed); best effort, 0 when PATH is gone.
 * The directory is rewound after each removal, since removing entries
 * while reading may skip some; never after a failed one, or an entry
 * that cannot go (a file system still mounted below) would come back
 * forever.
 */
static LT_UNUSED int lt_rm_rf(const char *path)
{
	struct stat st;
	struct dirent *d;
	char sub[4096];
	DIR *dir;

	if (lstat(path, &st))
		return 0;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	chmod(path, 0700);
	dir = opendir(path);
	if (dir) {
		while ((d = readdir(dir))) {
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			if (strlen(path) + strlen(d->d_name) + 2 > sizeof(sub))
				continue;
			strcpy(sub, path);
			strcat(sub, "/");
			strcat(sub, d->d_name);
			if (lt_rm_rf(sub) == 0)
				rewinddir(dir);
		}
		closedir(dir);
	}
	return rmdir(path);
}

/* A fresh, empty working directory DIR (mode 0755); 0 on success. */
static LT_UNUSED int lt_fs_setup(const char *dir)
{
	lt_rm_rf(dir);
	umask(022);
	return mkdir(dir, 0755);
}

static LT_UNUSED void lt_fs_cleanup(const char *dir)
{
	chdir("/");
	lt_rm_rf(dir);
}

#endif /* LT_FS_H */
