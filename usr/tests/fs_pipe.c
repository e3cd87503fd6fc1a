#include "lt.h"
int main(void) { lt_begin("fs_pipe"); return lt_end(); }
