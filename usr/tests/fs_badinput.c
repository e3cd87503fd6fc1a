#include "lt.h"
int main(void) { lt_begin("fs_badinput"); return lt_end(); }
