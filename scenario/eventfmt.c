// SPDX-License-Identifier: GPL-2.0-only
/*
 * An event of the log (eventlog.h) as one line of text: the CLI's trace
 * line or slubviz's shorter one. The text is built with snprintf's
 * contract (the length it needs is returned), so a caller can size its
 * buffer and nothing is cut.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "eventlog.h"

struct fmt {
	char *buf;
	size_t len, used;
};

static void put(struct fmt *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void put(struct fmt *f, const char *fmt, ...)
{
	size_t room = f->used < f->len ? f->len - f->used : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? f->buf + f->used : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		f->used += (size_t)n;
}

static const char *or_dash(const char *s)
{
	return *s ? s : "-";
}

static const char *stat_name(int item)
{
	const char *name = slub_stat_name(item);

	return name ? name : "?";
}

/*
 * A counter event: "+1 alloc_fastpath", and the allocator's words for the
 * step when it gives more than the counter's name.
 */
static void put_stat(struct fmt *f, const struct scn_event *e)
{
	const char *name = stat_name(e->stat);

	put(f, "+1 %s", name);
	if (*e->what && strcmp(e->what, name))
		put(f, ": %s", e->what);
}

/* " {cache obj N pfn P = var}" of the trace line. */
static void put_where(struct fmt *f, const struct scn_event *e)
{
	if (!*e->cache && !e->object && e->pfn < 0)
		return;
	put(f, "  {%s", or_dash(e->cache));
	if (e->slot >= 0)
		put(f, " obj %ld", e->slot);
	else if (e->offset >= 0)
		put(f, " obj +%#lx", (unsigned long)e->offset);
	else if (e->object)
		put(f, " obj");
	if (e->pfn >= 0)
		put(f, " pfn %ld", e->pfn);
	if (e->var)
		put(f, " = %s", e->var);
	put(f, "}");
}

static void format_trace(struct fmt *f, const struct scn_event *e)
{
	put(f, "%4d cpu%-2d %-7s %-24s ", e->step, e->cpu,
	    or_dash(e->section), or_dash(e->func));
	if (e->type == SLUB_EV_STAT)
		put_stat(f, e);
	else if (e->type == SLUB_EV_REPORT)
		put(f, "REPORT %s", e->what);
	else
		put(f, "%s", e->what);
	put_where(f, e);
}

static void format_short(struct fmt *f, const struct scn_event *e)
{
	if (e->type == SLUB_EV_STAT) {
		put(f, "C%d %s %s: ", e->cpu, or_dash(e->section), e->func);
		put_stat(f, e);
	} else if (e->type == SLUB_EV_REPORT) {
		put(f, "C%d ! %s: %s", e->cpu, e->func, e->what);
	} else {
		put(f, "C%d %s %s: %s", e->cpu, or_dash(e->section), e->func,
		    e->what);
	}
}

int scn_event_format(const struct scn_event *ev, enum scn_event_style style,
		     char *buf, size_t len)
{
	struct fmt f = { buf, len, 0 };

	if (buf && len)
		buf[0] = '\0';
	if (ev->type == SCN_EV_OUTPUT)
		put(&f, "%s", ev->what);
	else if (style == SCN_EVENT_TRACE)
		format_trace(&f, ev);
	else
		format_short(&f, ev);
	return (int)f.used;
}

int scn_event_print(FILE *out, const struct scn_event *ev,
		    enum scn_event_style style)
{
	char small[512], *buf = small;
	int n = scn_event_format(ev, style, small, sizeof(small));

	if (n >= (int)sizeof(small)) {
		buf = malloc((size_t)n + 1);
		if (!buf)
			return -1;
		scn_event_format(ev, style, buf, (size_t)n + 1);
	}
	n = fprintf(out, "%s\n", buf);
	if (buf != small)
		free(buf);
	return n;
}
