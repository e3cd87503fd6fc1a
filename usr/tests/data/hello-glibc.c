/* A dynamically linked glibc program: exec_elf runs it through ld.so. */
#include <stdio.h>

int main(int argc, char **argv)
{
	printf("hello from glibc, argc=%d\n", argc);
	return 0;
}
