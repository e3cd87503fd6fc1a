#include "lt.h"
int main(void) { lt_begin("fs_perm"); return lt_end(); }
