// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_steps: the steps and time travel of slubviz.
 *
 *  - every scenario's steps carry their statement's true number, and
 *    every expect statement its pass or fail mark, as a run of the
 *    scenario engine alone counts them; a failing statement is its own
 *    step, labelled with its number, and Left goes to the step before it;
 *    its error box leaves the lane headers free;
 *  - folding: Right stops only at statements that change state, Left goes
 *    back to the previous stop, pixel for pixel the same picture;
 *  - the trail nests callers and callees by the call graph, not by the
 *    order of the events;
 *  - compare marks differences between two steps and none between a step
 *    and itself;
 *  - --step N, --steps A-B, sessions saved and reopened, and one-line
 *    errors for bad flags and bad session files.
 */
#include <glob.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <SDL_image.h>
#include "viz.h"
#include "viz_int.h"
#include "scenario.h"
#include "test_viz.h"

#define W	VIZ_TEST_W
#define H	VIZ_TEST_H
#define SLUBVIZ	"build/slubviz"
#define TOUR	"viz/scenarios/tour.scn"
#define SHEAVES	"viz/scenarios/22-sheaves-barn.scn"
#define OUT	"build/viz/test-tmp/steps/out"	/* under test_viz's tmpdir */

static const char *tmp;

static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int sh(const char *fmt, ...)
{
	char cmd[4096], full[4700];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "%s >%s/out 2>%s/err", cmd, tmp, tmp);
	st = system(full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void slurp(const char *path, char *buf, size_t len)
{
	FILE *f = fopen(path, "r");
	size_t n = 0;

	buf[0] = 0;
	if (!f)
		return;
	n = fread(buf, 1, len - 1, f);
	buf[n] = 0;
	fclose(f);
}

static void err_text(char *buf, size_t len)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/err", tmp);
	slurp(path, buf, len);
}

static int lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

/* ------------------------------------------------------- the reference */

/*
 * What the scenario engine alone says: the failed expects of every
 * statement, and the statement that fails (0: none).
 */
struct ref {
	int n;
	int fails[4096];
	int failing;
};

static int reference(struct scenario *sc, struct ref *r)
{
	struct scn_error err;
	struct scn_run *run = scn_run_start(sc, NULL, NULL, &err);
	int ret, before;

	memset(r, 0, sizeof(*r));
	if (!run)
		return -1;
	scn_run_set_output(run, NULL);
	scn_run_set_diag(run, NULL);
	for (;;) {
		before = scn_run_expect_failures(run);
		ret = scn_run_step(run, &err);
		if (ret <= 0)
			break;
		if (r->n < 4096)
			r->fails[r->n] = scn_run_expect_failures(run) - before;
		r->n++;
	}
	if (ret < 0)
		r->failing = scn_run_pos(run) + 1;
	scn_run_end(run);
	return 0;
}

static bool is_expect(const char *stmt)
{
	return !strncmp(stmt, "expect ", 7);
}

/* The label drawn that starts with prefix, or NULL. */
static const struct viz_label *drawn(const struct viz_probe *p,
				     const char *prefix)
{
	int i;

	for (i = 0; i < p->n; i++)
		if (!strncmp(p->lab[i].s, prefix, strlen(prefix)))
			return &p->lab[i];
	return NULL;
}

/* Draws the player's step afresh: a new layout, the cache it touched. */
static void rig_draw_player(struct rig *g, struct viz_player *p,
			    struct viz_frame *f)
{
	viz_layout_free(&g->l);
	g->l = (struct viz_layout){ .cache = -1 };
	viz_follow(&g->v, p);
	g->v.need_fit = true;
	viz_player_frame(p, f);
	viz_draw(g->cv.r, viz_player_snapshot(p), f, &g->v, &g->l);
	SDL_RenderFlush(g->cv.r);
}

/* Every step of a scenario, one statement at a time, against the ref. */
static void check_marks(const char *path)
{
	int k, bad_step = 0, bad_mark = 0, marks = 0, n;
	struct scn_error err;
	struct viz_player *p;
	struct scenario *sc;
	struct viz_frame f;
	struct ref *r = malloc(sizeof(*r));
	struct rig g;

	sc = scn_parse_file(path, &err);
	if (!sc || !r || reference(sc, r) || rig_open(&g)) {
		check(false, "%s: parses and runs", path);
		scn_free(sc);
		free(r);
		return;
	}
	p = viz_player_new(sc);
	viz_player_set_every(p, true);
	n = r->failing ? r->failing : scn_nsteps(sc);
	for (k = 1; k <= n; k++) {
		const char *stmt = scn_step_text(sc, k - 1);
		const struct viz_label *lab;
		char want[64];
		bool fail;

		viz_player_next(p);
		rig_draw_player(&g, p, &f);
		snprintf(want, sizeof(want), "step %d / %d", k, scn_nsteps(sc));
		if (f.step != k || !drawn(&g.probe, want) ||
		    strcmp(f.stmt ? f.stmt : "", stmt))
			bad_step++;
		if (!is_expect(stmt) || k == r->failing)
			continue;
		marks++;
		fail = k - 1 < r->n && r->fails[k - 1] > 0;
		lab = drawn(&g.probe, fail ? "\xe2\x9c\x97 expect failed" :
			    "\xe2\x9c\x93 expect passed");
		if (!lab || f.expects != 1 || (f.expect_fails > 0) != fail)
			bad_mark++;
	}
	check(!bad_step && !bad_mark, "%s: %d steps labelled with their "
	      "statement's number (%d wrong), %d expect marks as the engine "
	      "counts them (%d wrong)", path, n, bad_step, marks, bad_mark);
	if (r->failing) {
		const struct viz_label *box = drawn(&g.probe, "Scenario error:");
		SDL_Rect head;

		viz_layout_head(&g.l, &g.v, 0, &head);
		check(viz_player_error(p) && f.step == r->failing &&
		      box && !SDL_HasIntersection(&box->r, &head),
		      "%s: the failing statement %d is its own step; its "
		      "error box clears the first lane's header", path,
		      r->failing);
		viz_player_prev(p);
		check(viz_player_shown(p) == r->failing - 1 &&
		      !viz_player_error(p), "%s: Left from the failing step "
		      "goes to step %d (at %d)", path, r->failing - 1,
		      viz_player_shown(p));
	}
	viz_player_free(p);
	rig_close(&g);
	scn_free(sc);
	free(r);
}

static void test_marks(void)
{
	char path[600];
	glob_t gl;
	size_t i;

	snprintf(path, sizeof(path), "%s/fails.scn", tmp);
	write_file(path, "cache c size 64\necho first\nalloc a from c\n"
		   "expect c alloc_fastpath 99\nexpect c alloc_slowpath 1\n"
		   "free a\nfree a\necho never\n");
	check_marks(path);
	if (glob("viz/scenarios/*.scn", 0, NULL, &gl))
		return;
	for (i = 0; i < gl.gl_pathc; i++)
		check_marks(gl.gl_pathv[i]);
	globfree(&gl);
}

/* -------------------------------------------------------------- folding */

static unsigned long frame_sum(struct rig *g)
{
	unsigned long sum = 0;
	int x, y;

	for (y = 0; y < H; y += 2)
		for (x = 0; x < W; x += 2)
			sum = sum * 31 + viz_canvas_pixel(&g->cv, x, y);
	return sum;
}

static void test_folding(void)
{
	struct scn_error err;
	struct scenario *sc = scn_parse_file(TOUR, &err);
	struct viz_player *p;
	struct viz_frame f;
	unsigned long before, after;
	int stops = 0, quiet = 0, want = 0, k, last = 0, back_ok = 1;
	struct rig g;

	if (!sc || rig_open(&g)) {
		scn_free(sc);
		return;
	}
	for (k = 0; k < scn_nsteps(sc); k++)
		want += !viz_step_is_quiet(scn_step_text(sc, k)) ||
			k == scn_nsteps(sc) - 1;
	p = viz_player_new(sc);
	while (viz_player_next(p) > 0) {
		int at = viz_player_shown(p);

		stops++;
		quiet += at < scn_nsteps(sc) &&
			 viz_step_is_quiet(scn_step_text(sc, at - 1));
		rig_draw_player(&g, p, &f);
		if (f.first != last + 1)
			back_ok = 0;
		if (stops == 12) {
			before = frame_sum(&g);
			viz_player_next(p);
			viz_player_prev(p);
			rig_draw_player(&g, p, &f);
			after = frame_sum(&g);
			check(viz_player_shown(p) == at && before == after,
			      "folded: Right then Left comes back to step %d, "
			      "the same pixels", at);
		}
		last = at;
	}
	check(stops == want && !quiet && back_ok, "folded: Right stops at "
	      "the %d statements that change state (and the last), %d "
	      "stops, %d at a quiet one; each step starts after the last",
	      want, stops, quiet);
	viz_player_free(p);
	rig_close(&g);
	scn_free(sc);
}

/* ---------------------------------------------------------------- trail */

/* "SECTION FUNC" of each function, joined by " > ". */
static void chain_text(char *buf, size_t len, const char *const *funcs,
		       int n)
{
	size_t used = 0;
	int i;

	buf[0] = 0;
	for (i = 0; i < n && used < len; i++)
		used += snprintf(buf + used, len - used, "%s%s %s",
				 i ? " > " : "", slub_func_section(funcs[i]),
				 funcs[i]);
}

static void test_trail(void)
{
	/* In the order the allocator reports them: callees first. */
	static const char *const order[] = {
		"__put_cpu_partial", "unfreeze_partials", "__slab_free",
		"slab_alloc_node", "allocate_slab", "__slab_alloc",
	};
	static const char *const freeing[] = {
		"__slab_free", "put_cpu_partial", "__put_cpu_partial",
		"unfreeze_partials",
	};
	static const char *const alloc[] = {
		"slab_alloc_node", "__slab_alloc", "new_slab_objects",
		"new_slab", "allocate_slab",
	};
	struct viz_event ev[6];
	struct viz_frame f = { .ev = ev, .nev = 6 };
	char buf[512], small[40], want1[200], want2[200];
	int i;

	for (i = 0; i < 6; i++)
		ev[i] = (struct viz_event){ .type = SLUB_EV_STAT,
			.func = order[i],
			.section = slub_func_section(order[i]) };
	chain_text(want1, sizeof(want1), freeing, 4);
	chain_text(want2, sizeof(want2), alloc, 5);
	viz_trail(&f, buf, sizeof(buf));
	check(strstr(buf, want1) && strstr(buf, want2), "the trail nests "
	      "callers above callees, whatever the order of the events: "
	      "'%s'", buf);
	viz_trail(&f, small, sizeof(small));
	check(strlen(small) == sizeof(small) - 1 &&
	      !strcmp(small + strlen(small) - 3, "\xe2\x80\xa6"),
	      "a trail cut short ends with an ellipsis: '%s'", small);
}

/* -------------------------------------------------------------- compare */

/* Pixels of the "changed" colour in the main area and the right panel. */
static int changed_pixels(struct rig *g)
{
	SDL_Color c = viz_colors[VIZ_C_CHANGED];
	unsigned int want = (unsigned int)c.r << 16 | c.g << 8 | c.b;
	struct viz_regions reg;
	int x, y, n = 0;

	viz_regions(&g->v, &reg);
	for (y = reg.main.y; y < reg.main.y + reg.main.h; y++)
		for (x = reg.main.x; x < reg.right.x + reg.right.w; x++)
			n += viz_canvas_pixel(&g->cv, x, y) == want;
	return n;
}

static void test_compare(void)
{
	struct scn_error err;
	struct scenario *sc = scn_parse_file(TOUR, &err);
	struct viz_player *p;
	struct viz_frame f;
	int diff, same, k, flush = -1;
	char want[64];
	struct rig g;

	if (!sc || rig_open(&g)) {
		scn_free(sc);
		return;
	}
	for (k = 0; k < scn_nsteps(sc); k++)
		if (!strcmp(scn_step_text(sc, k), "flush objs"))
			flush = k + 1;
	p = viz_player_new(sc);
	viz_player_set_every(p, true);
	/* Before and after the flush of the tour. */
	viz_player_mark(p, flush - 1);
	viz_player_goto(p, flush);
	rig_draw_player(&g, p, &f);
	diff = changed_pixels(&g);
	snprintf(want, sizeof(want), "compared with step %d", flush - 1);
	check(flush > 0 && f.compare && f.compare_step == flush - 1 &&
	      f.step == flush && drawn(&g.probe, want) && diff > 500,
	      "compare the steps before and after the flush (%d, %d): %d "
	      "pixels marked changed", flush - 1, flush, diff);
	viz_player_mark(p, flush);
	rig_draw_player(&g, p, &f);
	same = changed_pixels(&g);
	check(same == 0, "compare step %d with itself: nothing marked (%d "
	      "pixels)", flush, same);
	viz_player_mark(p, 10);
	viz_player_goto(p, 40);
	rig_draw_player(&g, p, &f);
	check(changed_pixels(&g) > 0 && f.compare_step == 10,
	      "compare far apart steps (10 and 40): differences marked");
	viz_player_unmark(p);
	rig_draw_player(&g, p, &f);
	check(!f.compare, "M ends the comparison");
	viz_player_free(p);
	rig_close(&g);
	scn_free(sc);
}

/* --------------------------------------------------------- command line */

static bool same_png(const char *a, const char *b)
{
	SDL_Surface *x = IMG_Load(a), *y = IMG_Load(b), *cx, *cy;
	bool same = false;
	int r;

	if (x && y && x->w == y->w && x->h == y->h) {
		cx = SDL_ConvertSurfaceFormat(x, SDL_PIXELFORMAT_ARGB8888, 0);
		cy = SDL_ConvertSurfaceFormat(y, SDL_PIXELFORMAT_ARGB8888, 0);
		same = cx && cy;
		for (r = 0; same && r < cx->h; r++)
			same = !memcmp((char *)cx->pixels + r * cx->pitch,
				       (char *)cy->pixels + r * cy->pitch,
				       (size_t)cx->w * 4);
		SDL_FreeSurface(cx);
		SDL_FreeSurface(cy);
	}
	SDL_FreeSurface(x);
	SDL_FreeSurface(y);
	return same;
}

static void test_step_flags(void)
{
	char a[700], b[700];
	int st;

	st = sh(SLUBVIZ " --headless --quiet --out %s/all " TOUR, tmp);
	st |= sh(SLUBVIZ " --headless --quiet --out %s/one --step 17 " TOUR,
		 tmp);
	snprintf(a, sizeof(a), "%s/all/step-017.png", tmp);
	snprintf(b, sizeof(b), "%s/one/step-017.png", tmp);
	check(!st && same_png(a, b), "--step 17 renders the frame of step "
	      "17 of a whole run, pixel for pixel");
	st = sh(SLUBVIZ " --headless --quiet --out %s/range --steps 20-24 "
		TOUR, tmp);
	snprintf(a, sizeof(a), "%s/all/step-022.png", tmp);
	snprintf(b, sizeof(b), "%s/range/step-022.png", tmp);
	{
		char dir[700];
		glob_t gl;
		size_t n = 0;

		snprintf(dir, sizeof(dir), "%s/range/step-*.png", tmp);
		if (!glob(dir, 0, NULL, &gl)) {
			n = gl.gl_pathc;
			globfree(&gl);
		}
		check(!st && n == 5 && same_png(a, b), "--steps 20-24 "
		      "renders 5 frames, the same as a whole run's (%zu)", n);
	}
	/* The window opens at --step N: its session says so. */
	st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --step 33 --session "
		"%s/at.session --keys o " TOUR, tmp);
	snprintf(a, sizeof(a), "%s/at.session", tmp);
	slurp(a, b, sizeof(b));
	check(!st && strstr(b, "\nstep 33\n"), "the window opens at --step "
	      "33 (its saved session: step %d)",
	      strstr(b, "\nstep ") ? atoi(strstr(b, "\nstep ") + 6) : -1);
}

static void test_session(void)
{
	struct viz_session s = { .step = 12, .compare = 9, .every = 1,
		.follow = 0, .focus_cpu = 1, .cache = "kmalloc-64",
		.fit = false, .zoom = 0.4375, .pan_x = 12.5, .pan_y = -3,
		.cols = 7 }, t;
	char path[600], a[700], b[700], err[600];
	int st;

	snprintf(s.scenario, sizeof(s.scenario), "%s", TOUR);
	snprintf(path, sizeof(path), "%s/rt.session", tmp);
	check(!viz_session_save(path, &s) &&
	      !viz_session_load(path, &t, err, sizeof(err)) &&
	      !strcmp(t.scenario, s.scenario) && t.step == 12 &&
	      t.compare == 9 && t.every == 1 && t.follow == 0 &&
	      t.focus_cpu == 1 && !strcmp(t.cache, "kmalloc-64") && !t.fit &&
	      t.zoom == s.zoom && t.pan_x == s.pan_x && t.pan_y == s.pan_y &&
	      t.cols == 7, "a session saved and loaded is the same");
	/* In the window: save (o), reopen, the same picture. */
	snprintf(path, sizeof(path), "%s/win.session", tmp);
	mkdir(path, 0777);
	rmdir(path);
	snprintf(a, sizeof(a), "%s/s1", tmp);
	snprintf(b, sizeof(b), "%s/s2", tmp);
	mkdir(a, 0777);
	mkdir(b, 0777);
	st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --session "
		"%s --keys '>>>>>>>+c\tmpo' " TOUR, a, path);
	st |= sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --session "
		 "%s --keys p", b, path);
	snprintf(a, sizeof(a), "%s/s1/slubviz-000.png", tmp);
	snprintf(b, sizeof(b), "%s/s2/slubviz-000.png", tmp);
	check(!st && same_png(a, b), "a session saved in the window (step, "
	      "zoom, cache, CPU focus, compare) reopens to the same pixels");
	/* The same with sheaves and a barn, compared with a step before. */
	snprintf(path, sizeof(path), "%s/sheaf.session", tmp);
	snprintf(a, sizeof(a), "%s/s3", tmp);
	snprintf(b, sizeof(b), "%s/s4", tmp);
	mkdir(a, 0777);
	mkdir(b, 0777);
	st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --session "
		"%s --keys '>>m>>+po' " SHEAVES, a, path);
	st |= sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --session "
		 "%s --keys p", b, path);
	snprintf(a, sizeof(a), "%s/s3/slubviz-000.png", tmp);
	snprintf(b, sizeof(b), "%s/s4/slubviz-000.png", tmp);
	check(!st && same_png(a, b), "a session of a sheaf scenario (a step "
	      "compared with an earlier one, zoomed) reopens to the same "
	      "pixels");
}

struct bad {
	const char *args, *want;
};

static void test_bad_input(void)
{
	static const struct bad flags[] = {
		{ "--step x " TOUR, "--step: expected a step number" },
		{ "--step", "--step: expected a step number" },
		{ "--steps 9-3 --headless --out " OUT " " TOUR,
		  "--steps: expected" },
		{ "--steps 3 --headless --out " OUT " " TOUR,
		  "--steps: expected" },
		{ "--steps 1-2 " TOUR, "--steps: only with --headless" },
		{ "--compare -1 " TOUR, "--compare: expected a step number" },
		{ "--frobnicate " TOUR, "unknown option '--frobnicate'" },
		{ "--headless --out " OUT " --step 999 " TOUR,
		  "--step 999: the scenario has" },
		{ "--headless --out " OUT " --compare 999 " TOUR,
		  "--compare 999: the scenario has" },
	};
	static const struct { const char *text, *want; } files[] = {
		{ "", "error: empty file" },
		{ "hello\n", ":1: error: not a slubviz session" },
		{ "slubviz-session 1\nscenario " TOUR "\nstep x\n",
		  ":3: error: step: expected a number" },
		{ "slubviz-session 1\nscenario " TOUR "\ncolour 3\n",
		  ":3: error: unknown field 'colour'" },
		{ "slubviz-session 1\nscenario " TOUR "\nzoom 99\n",
		  ":3: error: zoom: expected 'fit'" },
		{ "slubviz-session 1\nscenario " TOUR "\npan 1\n",
		  ":3: error: pan: expected two numbers" },
		{ "slubviz-session 1\nstep 3\n", "error: no 'scenario' line" },
		{ "slubviz-session 1\nscenario " TOUR "\nstep 9999\n",
		  "--step 9999: the scenario has" },
	};
	char err[2048], path[600];
	size_t i;
	int st, bad = 0;

	for (i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " %s",
			flags[i].args);
		err_text(err, sizeof(err));
		if (st != 2 || lines(err) != 1 || !strstr(err, flags[i].want)) {
			bad++;
			printf("  slubviz %s: exit %d: %s", flags[i].args, st,
			       err);
		}
	}
	check(!bad, "%zu bad flags: each one line on stderr and exit 2 (%d "
	      "not)", sizeof(flags) / sizeof(flags[0]), bad);
	bad = 0;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/bad%zu.session", tmp, i);
		write_file(path, files[i].text);
		st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --session %s "
			"--keys q", path);
		err_text(err, sizeof(err));
		if (st != 2 || lines(err) != 1 ||
		    !strstr(err, files[i].want) ||
		    (files[i].want[0] != '-' && strncmp(err, path,
							strlen(path)))) {
			bad++;
			printf("  session %zu: exit %d: %s", i, st, err);
		}
	}
	st = sh(SLUBVIZ " --session %s/none.session --headless --out " OUT,
		tmp);
	err_text(err, sizeof(err));
	check(!bad && st == 2 && lines(err) == 1 &&
	      strstr(err, "cannot read the session"), "%zu bad session files "
	      "and a missing one: each one line naming the file (and line) "
	      "and exit 2 (%d not)", sizeof(files) / sizeof(files[0]), bad);
}

void test_steps(const char *tmpdir, bool units_only)
{
	char dir[600];

	snprintf(dir, sizeof(dir), "%s/steps", tmpdir);
	mkdir(dir, 0777);
	tmp = dir;
	test_trail();
	if (units_only)
		return;
	test_marks();
	test_folding();
	test_compare();
	test_step_flags();
	test_session();
	test_bad_input();
}
