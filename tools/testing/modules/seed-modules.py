#!/usr/bin/env python3
"""Extract the seed's kernel module, its Makefile and its mydev character
device driver from the seed document, and repair only what the
document's text extraction broke:
  - spaces inside tokens: "0 644" -> "0644", "$( shell uname -r)" ->
    "$(shell uname -r)", "M= $( PWD )" -> "M=$(PWD)";
  - spaces around "\\n" inside string literals ("%d \\n " -> "%d\\n");
  - Makefile recipe lines that lost their leading tab.
Writes OUT/mymodule/{mymodule.c,Makefile} and OUT/mydev/{mydev.c,Makefile}
(the seed's own Makefile with obj-m naming mydev.o).  Exits 2 with a
message when no seed document is found.

  seed-modules.py SEED_DIR OUT
"""
import glob
import os
import re
import sys

seed_dir, out = sys.argv[1], sys.argv[2]
text = None
for path in sorted(glob.glob(os.path.join(seed_dir, '*.txt'))):
    t = open(path, encoding='utf-8', errors='replace').read()
    if 'Character Device Driver' in t and 'obj-m' in t:
        text = t
        break
if text is None:
    print('no seed document with the module examples in %s' % seed_dir)
    sys.exit(2)
lines = text.split('\n')


def between(start, end, first=0):
    """Lines after the first line equal to @start, up to the line equal to @end."""
    i = lines.index(start, first)
    j = lines.index(end, i + 1)
    return lines[i + 1:j], j


def repair_c(src):
    src = re.sub(r'\b0 (6[0-7][0-7])\b', r'0\1', src)     # "0 644"
    src = re.sub(r' ?\\n "', r'\\n"', src)                 # "... \n " -> "...\n"
    return src


def repair_make(src_lines):
    outl = []
    in_rule = False
    for line in src_lines:
        line = re.sub(r'\$\( ?(\w+) ?\)', r'$(\1)', line)   # "$( MAKE )"
        line = re.sub(r'\$\( shell ', r'$(shell ', line)
        line = line.replace('/lib/modules/ $(', '/lib/modules/$(')
        line = line.replace(') /build', ')/build')
        line = re.sub(r'M= \$\(', 'M=$(', line)
        m = re.match(r'^(\w+) :$', line)
        if m:
            line = m.group(1) + ':'
            in_rule = True
        elif in_rule and line.startswith('$('):
            line = '\t' + line
        else:
            in_rule = False
        outl.append(line)
    return '\n'.join(outl) + '\n'


module_c, _ = between('Module Structure', 'Building a Module')
makefile, end = between('Building a Module', '# Build and load')
mydev_c, _ = between('Character Device Driver', 'Boot Process', end)

os.makedirs(os.path.join(out, 'mymodule'), exist_ok=True)
os.makedirs(os.path.join(out, 'mydev'), exist_ok=True)
open(os.path.join(out, 'mymodule', 'mymodule.c'), 'w').write(repair_c('\n'.join(module_c) + '\n'))
mk = repair_make(makefile)
open(os.path.join(out, 'mymodule', 'Makefile'), 'w').write(mk)
open(os.path.join(out, 'mydev', 'mydev.c'), 'w').write(repair_c('\n'.join(mydev_c) + '\n'))
open(os.path.join(out, 'mydev', 'Makefile'), 'w').write(mk.replace('mymodule', 'mydev'))
