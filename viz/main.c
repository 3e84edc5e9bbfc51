// SPDX-License-Identifier: GPL-2.0-only
/*
 * slubviz: watch SLUB work, step by step.
 *
 *   slubviz SCENARIO                      open a window
 *   slubviz --headless --out DIR SCENARIO one PNG per step, no window
 *   slubviz --headless --out DIR --frame N SCENARIO   only step N
 *   slubviz --bench [N] [SCENARIO]        frames per second (software)
 *   slubviz --tour                        the guided tour
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <SDL.h>
#include "viz.h"

#define TOUR_SCENARIO	"viz/scenarios/tour.scn"
#define TOUR_SHORT	"viz/scenarios/viz-tour.scn"
#define TOUR_OUT	"build/tour"

static void usage(FILE *f)
{
	fprintf(f,
		"usage: slubviz [--size WxH] [--keys KEYS] SCENARIO\n"
		"       slubviz --headless --out DIR [--frame N] SCENARIO\n"
		"       slubviz --bench [FRAMES] [SCENARIO]\n"
		"       slubviz --tour\n"
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

static int parse_args(int argc, char **argv, struct viz_opts *o)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--headless")) {
			o->headless = true;
		} else if (!strcmp(a, "--out") && i + 1 < argc) {
			o->out = argv[++i];
		} else if (!strcmp(a, "--frame") && is_number(argv[i + 1])) {
			o->frame = atoi(argv[++i]);
		} else if (!strcmp(a, "--bench")) {
			o->bench = 600;
			if (i + 1 < argc && is_number(argv[i + 1]))
				o->bench = atoi(argv[++i]);
			if (o->bench < 1)
				o->bench = 1;
		} else if (!strcmp(a, "--size") && i + 1 < argc) {
			if (parse_size(argv[++i], o))
				return -1;
		} else if (!strcmp(a, "--tour")) {
			o->tour = true;
		} else if (!strcmp(a, "--keys") && i + 1 < argc) {
			o->keys = argv[++i];
		} else if (!strcmp(a, "--quiet")) {
			o->quiet = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			usage(stdout);
			exit(0);
		} else if (a[0] == '-' || o->scenario) {
			return -1;
		} else {
			o->scenario = a;
		}
	}
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
	struct viz_opts o = { .frame = -1, .w = 1400, .h = 900 };
	int status;

	if (parse_args(argc, argv, &o)) {
		usage(stderr);
		return VIZ_EXIT_SCENARIO;
	}
	if (SDL_Init(0) < 0 || TTF_Init() < 0) {
		fprintf(stderr, "slubviz: SDL: %s\n", SDL_GetError());
		return VIZ_EXIT_FAIL;
	}
	status = run(&o);
	TTF_Quit();
	SDL_Quit();
	return status;
}
