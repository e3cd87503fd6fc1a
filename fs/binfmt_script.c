// SPDX-License-Identifier: GPL-2.0
/*
 * "#!" scripts: the first line names an interpreter and at most one
 * argument.  The interpreter is run instead, with argv rewritten the way
 * Linux does: interpreter, the optional argument (everything after the
 * interpreter's name, trimmed, as one string), the script's path, then
 * the original arguments after argv[0].
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/ctype.h>
#include <linux/string.h>

static int load_script(struct linux_binprm *bprm)
{
	char line[BINPRM_BUF_SIZE], script[256];
	const char *prefix[3];
	char *p, *interp, *arg = NULL, *end;
	int n = 0, ret;

	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
	memcpy(line, bprm->buf + 2, sizeof(line) - 2);
	line[sizeof(line) - 2] = '\0';
	end = strchr(line, '\n');
	if (!end) {
		/* Linux refuses a first line that does not fit, unless it ends in blanks. */
		if (strnlen(line, sizeof(line) - 2) >= sizeof(line) - 3)
			return -ENOEXEC;
	} else {
		*end = '\0';
	}
	p = skip_spaces(line);
	if (!*p)
		return -ENOEXEC;
	interp = p;
	while (*p && !isspace(*p))
		p++;
	if (*p) {
		*p++ = '\0';
		arg = strim(p);
		if (!*arg)
			arg = NULL;
	}

	strscpy(script, bprm->interp, sizeof(script));
	prefix[n++] = interp;
	if (arg)
		prefix[n++] = arg;
	prefix[n++] = script;
	ret = bprm_replace_argv0(bprm, prefix, n);
	if (ret)
		return ret;
	ret = prepare_binprm(bprm, interp);
	if (ret)
		return ret;
	bprm->recursion_depth++;
	return search_binary_handler(bprm);
}

const struct linux_binfmt script_format = {
	.name		= "script",
	.load_binary	= load_script,
};
