// SPDX-License-Identifier: GPL-2.0
/*
 * exec_dynamic: dynamically linked glibc programs.  The kernel maps the
 * program and glibc's ld.so (PT_INTERP); ld.so then maps libc.so.6 from
 * its file with mmap.  Both ways of starting one: through PT_INTERP, and
 * ld.so run as a command with the program as its argument; a truncated
 * library is an error ld.so reports, not a crash.  Waits on
 * Lantern for file-backed mmap (LANTERN_SKIP in user-tests.sh).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lt.h"
#include "lt_fs.h"

#define LDSO		"/lib64/ld-linux-x86-64.so.2"
#define GLIBC_HELLO	"/tests/data/hello-glibc"
#define LIBC		"/lib/x86_64-linux-gnu/libc.so.6"
#define DIR		"/exec_dynamic.d"

LT_CASE(through_pt_interp)
{
	char *argv[] = { GLIBC_HELLO, "x", NULL }, out[256];

	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	if (strcmp(out, "hello from glibc, argc=2\n"))
		LT_FAIL("output: %s", out);
}

LT_CASE(ldso_as_command)
{
	char *argv[] = { LDSO, GLIBC_HELLO, NULL }, out[256];

	LT_CHECK_EQ(lt_run_capture(argv, out, sizeof(out)), 0);
	if (strcmp(out, "hello from glibc, argc=1\n"))
		LT_FAIL("output: %s", out);
}

/*
 * A libc.so.6 cut short.  Inside its headers ld.so reports it and exits
 * 127; cut after them, the mapping reaches past the end of the file and
 * the first touch there is SIGBUS (as on Linux).  Never more than that.
 */
LT_CASE(truncated_library)
{
	static char lib[65536];
	char *argv[] = { GLIBC_HELLO, NULL }, out[256];
	static const size_t cuts[] = { 100, 1000, 60000 };
	ssize_t n = lt_get_file(LIBC, lib, sizeof(lib));
	unsigned int i;

	LT_CHECK(n > 60000);		/* lt_get_file keeps a byte for a NUL */
	LT_CHECK_OK(lt_fs_setup(DIR));
	LT_CHECK_OK(setenv("LD_LIBRARY_PATH", DIR, 1));
	for (i = 0; i < sizeof(cuts) / sizeof(cuts[0]); i++) {
		LT_CHECK_OK(lt_put_file(DIR "/libc.so.6", lib, cuts[i], 0755));
		int status = lt_run_capture(argv, out, sizeof(out));

		lt_note("cut at %zu bytes: %s", cuts[i], lt_status(status));
		if (status != LT_EXITED(127) && status != LT_KILLED(SIGBUS))
			LT_FAIL("libc.so.6 cut at %zu bytes: %s (%s)", cuts[i], lt_status(status), out);
	}
	unsetenv("LD_LIBRARY_PATH");
	lt_rm_rf(DIR);
}

int main(void)
{
	lt_begin("exec_dynamic");
	LT_RUN(through_pt_interp);
	LT_RUN(ldso_as_command);
	LT_RUN(truncated_library);
	return lt_end();
}
