/* The smallest program: what fork_exec_wait executes. */
int main(void)
{
	return 0;
}
