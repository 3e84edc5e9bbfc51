// SPDX-License-Identifier: GPL-2.0-only
/*
 * slubviz: watch SLUB work, step by step.
 *
 *   slubviz SCENARIO                      open a window
 *   slubviz --headless --out DIR SCENARIO one PNG per step, no window
 *   slubviz --headless --out DIR --frame N SCENARIO   only step N
 *   slubviz --step N SCENARIO             open at step N
 *   slubviz --session FILE                reopen a saved session
 *   slubviz --bench [N] [SCENARIO]        frames per second (software)
 *   slubviz --tour                        the guided tour
 *   slubviz --sheaves N ...               per-CPU sheaves in every cache
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "scenario.h"
#include "viz.h"

#define TOUR_SCENARIO	"viz/scenarios/tour.scn"
#define TOUR_SHORT	"viz/scenarios/viz-tour.scn"
#define TOUR_OUT	"build/tour"

static bool design_set;	/* --sheaves given */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: slubviz [--size WxH] [--step N] [--compare A] [--every]\n"
		"               [--session FILE] [--keys KEYS] [--sheaves N] SCENARIO\n"
		"       slubviz --headless --out DIR [--step N | --steps A-B]\n"
		"               [--compare A] [--session FILE] SCENARIO\n"
		"       slubviz --bench [FRAMES] [SCENARIO]\n"
		"       slubviz --tour\n"
		"--sheaves N runs the scenario with per-CPU sheaves of N objects\n"
		"in every cache (0: the 3.18 cpu slab), as 'slub run --sheaves'\n"
		"does; without it $SLUB_SHEAVES does the same.\n"
		"Keys in the window: h shows the help.\n");
}

static int parse_size(const char *s, struct viz_opts *o)
{
	return sscanf(s, "%dx%d", &o->w, &o->h) == 2 && o->w >= 400 &&
	       o->h >= 300 && o->w <= 8192 && o->h <= 8192 ? 0 : -1;
}

static bool is_number(const char *s)
{
	return s && *s && strspn(s, "0123456789") == strlen(s);
}

static int bad(const char *flag, const char *what, const char *val)
{
	fprintf(stderr, "slubviz: %s: expected %s%s%s%s\n", flag, what,
		val ? ", not '" : "", val ? val : "", val ? "'" : "");
	return -1;
}

/* A step number for flag: 0 to 100000000. */
static int step_arg(const char *flag, const char *s, int *out)
{
	if (!is_number(s) || strlen(s) > 9)
		return bad(flag, "a step number", s);
	*out = atoi(s);
	return 0;
}

static int steps_arg(const char *s, struct viz_opts *o)
{
	char a[16], b[16];
	size_t n = s ? strcspn(s, "-") : 0;

	if (!s || !s[n] || n >= sizeof(a) || strlen(s + n + 1) >= sizeof(b))
		return bad("--steps", "A-B, two step numbers", s);
	snprintf(a, sizeof(a), "%.*s", (int)n, s);
	snprintf(b, sizeof(b), "%s", s + n + 1);
	if (!is_number(a) || !is_number(b) || strlen(a) > 9 ||
	    strlen(b) > 9 || atoi(a) > atoi(b))
		return bad("--steps", "A-B, two step numbers with A <= B", s);
	o->steps_from = atoi(a);
	o->steps_to = atoi(b);
	return 0;
}

/* The options that take a value; 1: a was one, 0: not, -1: bad. */
static int value_option(const char *a, const char *v, struct viz_opts *o)
{
	if (!strcmp(a, "--out") || !strcmp(a, "--keys") ||
	    !strcmp(a, "--session") || !strcmp(a, "--size")) {
		if (!v)
			return bad(a, "a value", NULL);
		if (!strcmp(a, "--out"))
			o->out = v;
		else if (!strcmp(a, "--keys"))
			o->keys = v;
		else if (!strcmp(a, "--session"))
			o->session = v;
		else if (parse_size(v, o))
			return bad(a, "WxH from 400x300 to 8192x8192", v);
		return 1;
	}
	if (!strcmp(a, "--frame") || !strcmp(a, "--step"))
		return step_arg(a, v, &o->step) ? -1 : 1;
	if (!strcmp(a, "--compare"))
		return step_arg(a, v, &o->compare) ? -1 : 1;
	if (!strcmp(a, "--steps"))
		return steps_arg(v, o) ? -1 : 1;
	if (!strcmp(a, "--sheaves")) {
		int n;

		if (!scn_parse_design(v, &n))
			return bad(a, "a sheaf capacity from 0 (the 3.18 cpu "
				   "slab) to 1024", v);
		scn_set_design(n);
		design_set = true;
		return 1;
	}
	return 0;
}

/* Without --sheaves, $SLUB_SHEAVES chooses the design (as for slub run). */
static int env_design(void)
{
	char msg[256];
	int n;

	if (design_set)
		return 0;
	if (!scn_design_from_env(&n, msg, sizeof(msg))) {
		fprintf(stderr, "slubviz: %s\n", msg);
		return -1;
	}
	scn_set_design(n);
	return 0;
}

static int parse_args(int argc, char **argv, struct viz_opts *o)
{
	int i, r;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		r = value_option(a, i + 1 < argc ? argv[i + 1] : NULL, o);
		if (r < 0)
			return -1;
		if (r) {
			i++;
			continue;
		}
		if (!strcmp(a, "--headless")) {
			o->headless = true;
		} else if (!strcmp(a, "--bench")) {
			o->bench = 600;
			if (i + 1 < argc && is_number(argv[i + 1]))
				o->bench = atoi(argv[++i]);
			if (o->bench < 1)
				o->bench = 1;
		} else if (!strcmp(a, "--tour")) {
			o->tour = true;
		} else if (!strcmp(a, "--every")) {
			o->every = true;
		} else if (!strcmp(a, "--quiet")) {
			o->quiet = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (a[0] == '-') {
			fprintf(stderr, "slubviz: unknown option '%s' "
				"(slubviz --help lists them)\n", a);
			return -1;
		} else if (o->scenario) {
			fprintf(stderr, "slubviz: one scenario only: '%s' "
				"after '%s'\n", a, o->scenario);
			return -1;
		} else {
			o->scenario = a;
		}
	}
	return 0;
}

/*
 * --session FILE: read it when it exists (a window may name a new file to
 * save to); what the command line gives wins over what the file says.
 */
static int load_session(struct viz_opts *o, struct viz_session *s)
{
	char err[1400];

	if (!o->session)
		return 0;
	if (access(o->session, F_OK) && o->scenario && !o->headless)
		return 0;
	if (viz_session_load(o->session, s, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	if (!o->scenario)
		o->scenario = s->scenario;
	if (o->step < 0)
		o->step = s->step;
	if (o->compare < 0)
		o->compare = s->compare;
	o->every = o->every || s->every;
	o->view = s;
	return 0;
}

static bool no_display(void)
{
	const char *d = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
	const char *drv = getenv("SDL_VIDEODRIVER");

	return !(drv && *drv) && !(d && *d) && !(w && *w);
}

static int tour(struct viz_opts *o)
{
	if (!o->scenario)
		o->scenario = access(TOUR_SCENARIO, R_OK) ? TOUR_SHORT
							  : TOUR_SCENARIO;
	if (!no_display())
		return viz_window(o);
	if (!o->out)
		o->out = TOUR_OUT;
	printf("slubviz: no display: rendering the tour to %s/ instead\n",
	       o->out);
	return viz_headless(o);
}

static int run(struct viz_opts *o)
{
	if (o->bench)
		return viz_bench(o);
	if (o->tour)
		return tour(o);
	if (!o->scenario) {
		usage(stderr);
		return VIZ_EXIT_SCENARIO;
	}
	if (o->headless) {
		if (!o->out) {
			fprintf(stderr, "slubviz: --headless needs --out "
				"DIR\n");
			return VIZ_EXIT_SCENARIO;
		}
		return viz_headless(o);
	}
	return viz_window(o);
}

int main(int argc, char **argv)
{
	struct viz_opts o = { .frame = -1, .w = 1400, .h = 900, .step = -1,
			      .steps_from = -1, .steps_to = -1,
			      .compare = -1 };
	struct viz_session session;
	int status;

	if (parse_args(argc, argv, &o) || env_design() ||
	    load_session(&o, &session))
		return VIZ_EXIT_SCENARIO;
	if (o.steps_from >= 0 && !o.headless) {
		fprintf(stderr, "slubviz: --steps: only with --headless (a "
			"window opens at --step N)\n");
		return VIZ_EXIT_SCENARIO;
	}
	o.frame = o.step;
	if (SDL_Init(0) < 0 || TTF_Init() < 0) {
		fprintf(stderr, "slubviz: SDL: %s\n", SDL_GetError());
		return VIZ_EXIT_FAIL;
	}
	status = run(&o);
	TTF_Quit();
	SDL_Quit();
	return status;
}
