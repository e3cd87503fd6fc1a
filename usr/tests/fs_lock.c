#include "lt.h"
int main(void) { lt_begin("fs_lock"); return lt_end(); }
