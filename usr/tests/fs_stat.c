#include "lt.h"
int main(void) { lt_begin("fs_stat"); return lt_end(); }
