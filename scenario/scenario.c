// SPDX-License-Identifier: GPL-2.0-only
/*
 * The scenario engine's common ground: errors, the SLAB_* flag names, the
 * memory helpers, reading a scenario file, and the parsed scenario's
 * accessors. The language is described in scenario.h; lexer.c, parser.c
 * turn text into statements, interp.c, runstate.c and expect.c run them,
 * eventlog.c records what the allocator reports while they run.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

/* ------------------------------------------------------------ errors */

void scn_set_error(struct scn_error *err, const char *file, int line,
		   int col, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return;
	snprintf(err->file, sizeof(err->file), "%s", file ? file : "?");
	err->line = line;
	err->col = col;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
}

const char *scn_error_format(const struct scn_error *err, char *buf,
			     size_t len)
{
	if (!buf || !len)
		return "";
	if (err->line <= 0)	/* about the whole file (cannot open ...) */
		snprintf(buf, len, "%s: error: %s", err->file, err->msg);
	else
		snprintf(buf, len, "%s:%d:%d: error: %s", err->file,
			 err->line, err->col, err->msg);
	return buf;
}

/* ------------------------------------------------------------ flags */

static const struct {
	const char *name;
	unsigned long flag;
} scn_flags[] = {
	{ "hwcache_align",	SLAB_HWCACHE_ALIGN },
	{ "red_zone",		SLAB_RED_ZONE },
	{ "poison",		SLAB_POISON },
	{ "store_user",		SLAB_STORE_USER },
	{ "debug_free",		SLAB_DEBUG_FREE },
	{ "consistency_checks",	SLAB_CONSISTENCY_CHECKS },
	{ "trace",		SLAB_TRACE },
	{ "panic",		SLAB_PANIC },
	{ "destroy_by_rcu",	SLAB_DESTROY_BY_RCU },
	{ "reclaim_account",	SLAB_RECLAIM_ACCOUNT },
	{ "cache_dma",		SLAB_CACHE_DMA },
	{ "notrack",		SLAB_NOTRACK },
};

#define NR_SCN_FLAGS	(int)(sizeof(scn_flags) / sizeof(scn_flags[0]))

bool scn_flag_from_name(const char *name, unsigned long *flag)
{
	int i;

	for (i = 0; i < NR_SCN_FLAGS; i++) {
		if (!strcmp(name, scn_flags[i].name)) {
			*flag = scn_flags[i].flag;
			return true;
		}
	}
	return false;
}

const char *scn_flag_name(int i)
{
	return i >= 0 && i < NR_SCN_FLAGS ? scn_flags[i].name : NULL;
}

/* ------------------------------------------------------------ memory */

void *scn_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q) {
		fprintf(stderr, "scenario: out of memory\n");
		abort();
	}
	return q;
}

char *scn_xstrndup(const char *s, size_t n)
{
	char *p = scn_xrealloc(NULL, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *scn_xstrdup(const char *s)
{
	return scn_xstrndup(s, strlen(s));
}

/* ------------------------------------------------------------ scenarios */

static void free_stmts(struct stmt *st, int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		free(st[i].text);
		free(st[i].var.name);
		for (j = 0; j < st[i].nmore; j++)
			free(st[i].more[j].name);
		free(st[i].more);
		free(st[i].cache);
		for (j = 0; j < st[i].nattrs; j++) {
			free(st[i].attrs[j]);
			if (st[i].vals)
				free(st[i].vals[j]);
		}
		free(st[i].attrs);
		free(st[i].attr_cols);
		free(st[i].vals);
		free(st[i].val_cols);
		free(st[i].str);
		free(st[i].sheaf);
		free_stmts(st[i].body, st[i].nbody);
	}
	free(st);
}

void scn_free(struct scenario *sc)
{
	if (!sc)
		return;
	free_stmts(sc->steps, sc->nsteps);
	free(sc->debug);
	free(sc->failslab);
	free(sc->file);
	free(sc);
}

int scn_nsteps(const struct scenario *sc)
{
	return sc ? sc->nsteps : 0;
}

int scn_step_line(const struct scenario *sc, int step)
{
	if (!sc || step < 0 || step >= sc->nsteps)
		return 0;
	return sc->steps[step].line;
}

const char *scn_step_text(const struct scenario *sc, int step)
{
	if (!sc || step < 0 || step >= sc->nsteps)
		return NULL;
	return sc->steps[step].text;
}

const char *scn_file(const struct scenario *sc)
{
	return sc ? sc->file : NULL;
}

/* Append one zeroed statement to *v (length *n) and return it. */
struct stmt *scn_push_stmt(struct stmt **v, int *n)
{
	struct stmt *st;

	*v = scn_xrealloc(*v, (size_t)(*n + 1) * sizeof(**v));
	st = &(*v)[(*n)++];
	memset(st, 0, sizeof(*st));
	st->node = NUMA_NO_NODE;
	return st;
}

/* ------------------------------------------------------------ parsing */

struct scenario *scn_parse_string(const char *name, const char *text,
				  struct scn_error *err)
{
	struct parser p = { .file = name ? name : "<string>", .err = err };
	bool ok;

	p.sc = scn_xrealloc(NULL, sizeof(*p.sc));
	memset(p.sc, 0, sizeof(*p.sc));
	p.sc->file = scn_xstrdup(p.file);
	p.file = p.sc->file;
	ok = scn_parse_lines(&p, text ? text : "", text ? strlen(text) : 0);
	scn_clear_toks(&p);
	free(p.toks);
	if (!ok) {
		scn_free(p.sc);
		return NULL;
	}
	return p.sc;
}

/* Like scn_parse_string, but the text may hold NUL bytes (an error). */
static struct scenario *parse_buffer(const char *name, const char *buf,
				     size_t len, struct scn_error *err)
{
	const char *nul = memchr(buf, '\0', len);
	int line = 1, col = 1;
	const char *q;

	if (!nul)
		return scn_parse_string(name, buf, err);
	for (q = buf; q < nul; q++, col++) {
		if (*q == '\n') {
			line++;
			col = 0;
		}
	}
	scn_set_error(err, name, line, col, "invalid byte 0x00");
	return NULL;
}

struct scenario *scn_parse_file(const char *path, struct scn_error *err)
{
	struct scenario *sc = NULL;
	size_t len = 0, cap = 0, n;
	char *buf = NULL;
	FILE *f;

	f = fopen(path, "rb");
	if (!f) {
		scn_set_error(err, path, 0, 0, "cannot open: %s",
			      strerror(errno));
		return NULL;
	}
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 8192;
			buf = scn_xrealloc(buf, cap);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n && len <= SCN_MAX_FILE);
	if (ferror(f))
		scn_set_error(err, path, 0, 0, "read error: %s",
			      strerror(errno));
	else if (len > SCN_MAX_FILE)
		scn_set_error(err, path, 0, 0, "file too large (more than %u "
			      "bytes)", SCN_MAX_FILE);
	else {
		buf[len] = '\0';
		sc = parse_buffer(path, buf, len, err);
	}
	fclose(f);
	free(buf);
	return sc;
}
