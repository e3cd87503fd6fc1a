/*
 * The bench's dynamically linked hello: tools/mkroot-debian.sh builds it
 * with the host's gcc against glibc (dyn_exec_wait runs it), and
 * gcc_compile compiles this file inside the VM.
 */
#include <stdio.h>

int main(void)
{
	puts("hello, world");
	return 0;
}
