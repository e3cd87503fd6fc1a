// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line, word by word.  The boot loader hands over one
 * string; start_kernel() walks it with parse_args(), which cuts it into
 * param[=value] words with next_arg() and hands each to a handler.  Words
 * after a lone "--" are not the kernel's: they go to init as arguments.
 *
 * Quoting follows Linux: double quotes let a value (or a whole word)
 * contain spaces, as in  dyndbg="file foo.c +p"  or  "param=a b",  and
 * are removed.  There are no escapes.  Words are split in place, so the
 * command line must be writable, and every pointer handed out points into
 * it.  In parameter names '-' and '_' are the same character: see parameq().
 */
#include <linux/cmdline.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/errno.h>

/*
 * The end of the word at @args: the first space outside double quotes.
 * *@equals is set to the first '=', or NULL.
 */
static char *word_end(char *args, bool in_quote, char **equals)
{
	*equals = NULL;
	for (; *args; args++) {
		if (isspace(*args) && !in_quote)
			break;
		if (!*equals && *args == '=')
			*equals = args;
		if (*args == '"')
			in_quote = !in_quote;
	}
	return args;
}

/**
 * next_arg - cut the next word off the command line
 * @args: the command line, at the start of a word (not at a space)
 * @param: receives the word, or the part before its first '='
 * @val: receives the part after the '=' ("" for "param="), or NULL for a
 *	 word without one
 *
 * Quotes around the whole word or around the value are removed.  Returns
 * the start of the next word, past any spaces.
 */
char *next_arg(char *args, char **param, char **val)
{
	bool quoted = *args == '"';
	char *equals;
	char *end;

	args += quoted;
	end = word_end(args, quoted, &equals);

	*param = args;
	*val = NULL;
	if (equals) {
		*equals = '\0';
		*val = equals + 1;
		if (**val == '"') {
			(*val)++;
			quoted = true;
		}
	}
	/* The closing quote, of the word or of the value, is the last char. */
	if (quoted && end > args && end[-1] == '"')
		end[-1] = '\0';

	if (*end)
		*end++ = '\0';
	return skip_spaces(end);
}

/**
 * parse_args - hand each word of a command line to a handler
 * @doing: what is being parsed, for the handler's messages ("Booting kernel")
 * @args: the command line; split in place
 * @unknown: the handler; a NULL handler refuses every word with -ENOENT
 * @arg: passed to the handler
 *
 * Returns what follows a lone "--" (possibly ""), or NULL when there was
 * no "--".  When a handler failed, returns ERR_PTR() of the last failure
 * instead; the words after it were still handled.
 */
char *parse_args(const char *doing, char *args, parse_unknown_fn unknown,
		 void *arg)
{
	char *param, *val, *err = NULL;

	args = skip_spaces(args);
	while (*args) {
		int ret;

		args = next_arg(args, &param, &val);
		if (!val && strcmp(param, "--") == 0)
			return err ? err : args;
		ret = unknown ? unknown(param, val, doing, arg) : -ENOENT;
		if (ret)
			err = ERR_PTR(ret);
	}
	return err;
}

static char dash2underscore(char c)
{
	return c == '-' ? '_' : c;
}

/*
 * Compare the first @n characters of two parameter names, with '-' and
 * '_' equal, so "no-hz" matches "no_hz".  Stops early at a common end.
 */
bool parameqn(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (dash2underscore(a[i]) != dash2underscore(b[i]))
			return false;
		if (!a[i])
			break;
	}
	return true;
}

bool parameq(const char *a, const char *b)
{
	return parameqn(a, b, strlen(a) + 1);
}
