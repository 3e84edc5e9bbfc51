// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_viz: the visualizer's tests (make test-viz).
 *
 * Unit tests draw hand-built snapshots into a window-less canvas and
 * sample pixels where the layout says an element is.  Scenario tests run
 * build/slubviz and build/asan/slubviz headless on every
 * viz/scenarios/ *.scn, drive the player in-process for the tid-retry
 * scenario, and feed a malformed scenario.  Ends with "N passed, N failed".
 */
#include <dirent.h>
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

#define W	1400
#define H	900
#define SLUBVIZ		"build/slubviz"
#define SLUBVIZ_ASAN	"build/asan/slubviz"
#define TID_SCENARIO	"viz/scenarios/07-tid-retry-preempt.scn"
#define SHEAF_SCENARIO	"viz/scenarios/22-sheaves-barn.scn"

static int passed, failed;
static char tmpdir[256];

void check(bool ok, const char *fmt, ...)
{
	va_list ap;

	printf("%s: ", ok ? "PASS" : "FAIL");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	if (ok)
		passed++;
	else
		failed++;
}

static unsigned int rgb(enum viz_color c)
{
	SDL_Color k = viz_colors[c];

	return (unsigned int)k.r << 16 | k.g << 8 | k.b;
}

/* ------------------------------------------------------------ fixtures */

struct fix {
	struct viz_canvas cv;
	struct viz_view v;
	struct viz_layout l;
	struct slub_snapshot *snap;
};

static int fix_open(struct fix *f, int slabs, unsigned long flags)
{
	memset(f, 0, sizeof(*f));
	f->l.cache = -1;
	if (viz_canvas_open(&f->cv, W, H))
		return -1;
	viz_view_init(&f->v, W, H, f->cv.text);
	f->snap = viz_synth_snapshot(slabs, 64, 64, flags);
	return f->snap ? 0 : -1;
}

static void fix_draw(struct fix *f, const struct viz_frame *fr)
{
	viz_draw(f->cv.r, f->snap, fr, &f->v, &f->l);
	SDL_RenderFlush(f->cv.r);
}

static void fix_close(struct fix *f)
{
	viz_view_release(&f->v);
	viz_layout_free(&f->l);
	viz_canvas_close(&f->cv);
	viz_synth_free(f->snap);
}

static int find_obj(const struct slub_snap_slab *s, int state)
{
	int i;

	for (i = 0; i < (int)s->objects; i++)
		if (s->obj[i].state == state)
			return i;
	return -1;
}

/* Colour at the top right corner of a cell, clear of numbers and marks. */
static unsigned int cell_pixel(struct fix *f, int slab, int obj)
{
	SDL_Rect r;

	if (!viz_layout_object(&f->l, &f->v, slab, obj, &r))
		return 0xffffffffu;
	return viz_canvas_pixel(&f->cv, r.x + r.w - 2, r.y + 2);
}

static unsigned int pixel_of(SDL_Surface *s, int x, int y)
{
	const Uint32 *p;

	if (!s || x < 0 || y < 0 || x >= s->w || y >= s->h)
		return 0xffffffffu;
	p = (const Uint32 *)((const char *)s->pixels + y * s->pitch);
	return p[x] & 0xffffff;
}

/* -------------------------------------------------------------- units */

static void test_cells(void)
{
	const struct slub_snap_cache *c;
	struct fix f;
	int a, cf, pf, ps;

	if (fix_open(&f, 8, 0)) {
		check(false, "open a canvas and a hand-built snapshot");
		return;
	}
	fix_draw(&f, NULL);
	c = &f.snap->caches[f.l.cache];
	check(!strcmp(c->name, "viz-synth"), "the user cache is shown (%s)",
	      c->name);
	a = find_obj(&c->slabs[0], SLUB_OBJ_ALLOCATED);
	check(cell_pixel(&f, 0, a) == rgb(VIZ_C_ALLOC),
	      "allocated object %d of the cpu slab has the allocated colour "
	      "(%06x)", a, cell_pixel(&f, 0, a));
	cf = c->cpu[0].freelist;
	check(cf >= 0 && cell_pixel(&f, c->cpu[0].slab, cf) ==
	      rgb(VIZ_C_CPU_FREE), "c->freelist head %d has the cpu "
	      "freelist colour (%06x)", cf, cell_pixel(&f, 0, cf));
	ps = c->cpu[0].partial[0];
	pf = c->slabs[ps].freelist;
	check(pf >= 0 && cell_pixel(&f, ps, pf) == rgb(VIZ_C_PAGE_FREE),
	      "page->freelist head %d of a cpu partial slab has the page "
	      "freelist colour (%06x)", pf, cell_pixel(&f, ps, pf));
	fix_close(&f);
}

static bool any_pixel(struct fix *f, const SDL_Rect *r, unsigned int color)
{
	int x, y;

	for (y = r->y; y < r->y + r->h; y++)
		for (x = r->x; x < r->x + r->w; x++)
			if (viz_canvas_pixel(&f->cv, x, y) == color)
				return true;
	return false;
}

static void test_debug_cells(void)
{
	struct fix f;
	SDL_Rect r;

	if (fix_open(&f, 4, SLAB_RED_ZONE | SLAB_POISON | SLAB_STORE_USER))
		return;
	fix_draw(&f, NULL);
	viz_layout_object(&f.l, &f.v, 0, 1, &r);
	check(any_pixel(&f, &r, rgb(VIZ_C_REDZONE)) &&
	      any_pixel(&f, &r, rgb(VIZ_C_TRACK)),
	      "a debug cache's cell shows its red zone and track");
	viz_layout_object(&f.l, &f.v, 2, f.snap->caches[0].slabs[2].freelist,
			  &r);
	check(any_pixel(&f, &r, rgb(VIZ_C_POISON)),
	      "a free object of a poisoned cache shows poison");
	fix_close(&f);
}

static void test_bench_layout(void)
{
	struct fix f;
	SDL_Rect m, r, last;
	int inside;

	if (fix_open(&f, 313, 0))
		return;
	viz_view_fit(&f.v, f.snap);
	fix_draw(&f, NULL);
	viz_main_area(&f.v, &m);
	viz_layout_object(&f.l, &f.v, 0, 0, &r);
	viz_layout_object(&f.l, &f.v, 312, 63, &last);
	inside = SDL_HasIntersection(&r, &m) && SDL_HasIntersection(&last, &m);
	check(f.v.drawn_cells == 313 * 64 && inside,
	      "fit: all %d objects of 313 slabs are on screen (%d drawn)",
	      313 * 64, f.v.drawn_cells);
	fix_close(&f);
}

static void test_hit_and_inspect(void)
{
	char lines[16][VIZ_LINE_MAX];
	struct viz_pick p;
	struct fix f;
	SDL_Rect r;
	int n;

	if (fix_open(&f, 8, 0))
		return;
	fix_draw(&f, NULL);
	viz_layout_object(&f.l, &f.v, 3, 5, &r);
	p = viz_layout_hit(&f.l, f.snap, &f.v, r.x + r.w / 2, r.y + r.h / 2);
	check(p.slab == 3 && p.obj == 5, "a click on object 5 of slab 3 "
	      "picks it (slab %d, object %d)", p.slab, p.obj);
	n = viz_inspect_lines(f.snap, &p, lines, 16);
	check(n > 3 && strstr(lines[0], "object 5 at") &&
	      strstr(lines[2], "free pointer"),
	      "the inspector shows address and free pointer: '%s' '%s'",
	      n ? lines[0] : "", n > 2 ? lines[2] : "");
	fix_close(&f);
}

static void test_counters_and_text(void)
{
	char lines[NR_SLUB_STAT_ITEMS][VIZ_LINE_MAX];
	struct fix f;
	int n, cached;

	if (fix_open(&f, 8, 0))
		return;
	n = viz_counter_lines(f.snap, 0, -1, lines, NR_SLUB_STAT_ITEMS);
	check(n == SHEAF_FLUSH &&	/* the 26 of 3.18: no sheaves */
	      !strncmp(lines[0], "alloc_fastpath", 14) &&
	      strstr(lines[0], " 201 C0=100 C1=101"),
	      "counter lines: '%s'", lines[0]);
	n = viz_counter_lines(f.snap, 0, 1, lines, NR_SLUB_STAT_ITEMS);
	check(strstr(lines[0], " 201 C1=101") != NULL,
	      "counter lines with CPU 1 focused: '%s'", lines[0]);
	fix_draw(&f, NULL);
	cached = viz_text_cached(f.cv.text);
	fix_draw(&f, NULL);
	check(cached > 0 && viz_text_cached(f.cv.text) == cached,
	      "text is cached: %d strings, none re-rendered", cached);
	fix_close(&f);
}

static void test_legend_and_error(void)
{
	struct viz_frame fr = { .title = "bad.scn",
		.error = "bad.scn:3:7: error: unknown statement" };
	struct fix f;
	SDL_Rect m;

	if (fix_open(&f, 2, 0))
		return;
	fix_draw(&f, NULL);
	check(viz_canvas_pixel(&f.cv, 16, H - VIZ_BOTTOM_H + 15) ==
	      rgb(VIZ_C_ALLOC), "the legend starts with the allocated colour");
	viz_synth_free(f.snap);
	f.snap = NULL;
	fix_draw(&f, &fr);
	viz_main_area(&f.v, &m);
	check(viz_canvas_pixel(&f.cv, m.x + 6, m.y + 20) == rgb(VIZ_C_ERROR),
	      "an error is drawn as a banner without any snapshot");
	fix_close(&f);
}

/* --------------------------------------------------------- processes */

/* Runs a shell command; stdout and stderr go to files in tmpdir. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int sh(const char *fmt, ...)
{
	char cmd[4096], full[4700];
	va_list ap;
	int st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	snprintf(full, sizeof(full), "%s >%s/out 2>%s/err", cmd, tmpdir,
		 tmpdir);
	st = system(full);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static void read_file(const char *name, char *buf, size_t len)
{
	char path[512];
	FILE *f;
	size_t n = 0;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	buf[0] = 0;
	f = fopen(path, "r");
	if (!f)
		return;
	n = fread(buf, 1, len - 1, f);
	buf[n] = 0;
	fclose(f);
}

static int count_pngs(const char *dir)
{
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	if (!d)
		return -1;
	while ((e = readdir(d)))
		if (strstr(e->d_name, ".png"))
			n++;
	closedir(d);
	return n;
}

static int steps_of(const char *path)
{
	struct scn_error err;
	struct scenario *sc = scn_parse_file(path, &err);
	int n;

	if (!sc)
		return -1;
	n = scn_nsteps(sc);
	scn_free(sc);
	return n;
}

static void test_png_size(const char *dir)
{
	char path[640];
	SDL_Surface *s;

	snprintf(path, sizeof(path), "%s/step-000.png", dir);
	s = IMG_Load(path);
	check(s && s->w == W && s->h == H, "%s is a %dx%d PNG", path, W, H);
	SDL_FreeSurface(s);
}

static void test_scenarios(void)
{
	char dir[600], err[2048];
	glob_t g;
	size_t i;
	int st, steps, pngs;

	if (glob("viz/scenarios/*.scn", 0, NULL, &g) || !g.gl_pathc) {
		check(false, "viz/scenarios/*.scn exist");
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		snprintf(dir, sizeof(dir), "%s/png%zu", tmpdir, i);
		st = sh(SLUBVIZ " --headless --quiet --out %s %s", dir,
			g.gl_pathv[i]);
		steps = steps_of(g.gl_pathv[i]);
		pngs = count_pngs(dir);
		read_file("err", err, sizeof(err));
		check(st == 0 && pngs == steps + 1, "headless %s: exit %d, "
		      "%d PNGs for %d steps %s", g.gl_pathv[i], st, pngs,
		      steps, st ? err : "");
		if (!i)
			test_png_size(dir);
	}
	globfree(&g);
}

static void test_frame_option(void)
{
	char dir[600], png[700];
	struct stat sb;
	int st;

	snprintf(dir, sizeof(dir), "%s/frame", tmpdir);
	snprintf(png, sizeof(png), "%s/step-002.png", dir);
	st = sh(SLUBVIZ " --headless --quiet --out %s --frame 2 %s", dir,
		TID_SCENARIO);
	check(st == 0 && count_pngs(dir) == 1 && !stat(png, &sb),
	      "--frame 2 renders only step-002.png (exit %d)", st);
}

/* In a window (offscreen driver) the error is drawn: screenshot it. */
static void test_malformed_window(const char *path, const char *want)
{
	struct viz_canvas cv = { 0 };
	char dir[600], png[700], err[2048];
	SDL_Surface *s;
	SDL_Rect m;
	struct viz_view v;
	int st;

	snprintf(dir, sizeof(dir), "%s/badwin", tmpdir);
	snprintf(png, sizeof(png), "%s/slubviz-000.png", dir);
	mkdir(dir, 0777);
	st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --keys p %s",
		dir, path);
	read_file("err", err, sizeof(err));
	s = IMG_Load(png);
	viz_view_init(&v, W, H, NULL);
	viz_main_area(&v, &m);
	cv.surf = s ? SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0)
		    : NULL;
	check(st == 2 && strstr(err, want) && cv.surf &&
	      pixel_of(cv.surf, m.x + 6, m.y + 20) == rgb(VIZ_C_ERROR),
	      "malformed, window (offscreen driver): exit %d, the error "
	      "banner is drawn", st);
	SDL_FreeSurface(cv.surf);
	SDL_FreeSurface(s);
}

static void test_malformed(void)
{
	char path[600], err[2048], want[1024], cli[2048];
	struct scn_error e;
	struct scenario *sc;
	FILE *f;
	int st;

	snprintf(path, sizeof(path), "%s/bad.scn", tmpdir);
	f = fopen(path, "w");
	if (!f)
		return;
	fputs("# a malformed scenario\ncache c size 64\nalloc x frm c\n", f);
	fclose(f);
	sc = scn_parse_file(path, &e);
	check(!sc, "the scenario engine rejects the malformed scenario");
	scn_free(sc);
	scn_error_format(&e, want, sizeof(want));
	st = sh(SLUBVIZ " --headless --out %s/badout %s", tmpdir, path);
	read_file("err", err, sizeof(err));
	check(st == 2 && !strncmp(err, want, strlen(want)) &&
	      err[strlen(want)] == '\n', "malformed: exit %d, stderr '%.*s'",
	      st, (int)strcspn(err, "\n"), err);
	if (!access("build/slub", X_OK)) {
		sh("build/slub run %s", path);
		read_file("err", cli, sizeof(cli));
		check(strstr(cli, want) != NULL, "the CLI prints the same "
		      "line: '%.*s'", (int)strcspn(cli, "\n"), cli);
	}
	st = sh("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "
		SLUBVIZ " %s", path);
	read_file("err", err, sizeof(err));
	check(st == 2 && strstr(err, want), "malformed, window mode: exit %d",
	      st);
	test_malformed_window(path, want);
}

static void test_no_display(void)
{
	char err[2048];
	int st;

	st = sh("env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER "
		SLUBVIZ " %s", TID_SCENARIO);
	read_file("err", err, sizeof(err));
	check(st == 1 && strstr(err, "--headless"), "without a display the "
	      "window mode fails cleanly and suggests --headless (exit %d)",
	      st);
}

/* The window code under SDL's offscreen driver, driven by --keys. */
static void test_window_keys(void)
{
	char dir[600], err[2048];
	int st;

	snprintf(dir, sizeof(dir), "%s/window", tmpdir);
	mkdir(dir, 0777);
	st = sh("SDL_VIDEODRIVER=offscreen " SLUBVIZ " --out %s --keys "
		"'>>>>p<pnjKjc\t+-0hp{}p' %s", dir, TID_SCENARIO);
	read_file("err", err, sizeof(err));
	check(st == 0 && count_pngs(dir) == 4, "window mode (offscreen "
	      "driver): keys step, jump, zoom, help, 4 screenshots (exit %d, "
	      "%d PNGs) %.200s", st, count_pngs(dir), st ? err : "");
}

static void test_asan(void)
{
	char err[4096];
	int st;

	if (access(SLUBVIZ_ASAN, X_OK)) {
		check(false, SLUBVIZ_ASAN " exists");
		return;
	}
	st = sh(SLUBVIZ_ASAN " --headless --quiet --out %s/asan %s", tmpdir,
		TID_SCENARIO);
	read_file("err", err, sizeof(err));
	check(st == 0 && !strstr(err, "Sanitizer") &&
	      !strstr(err, "runtime error"), "ASan/UBSan build renders %s "
	      "clean (exit %d)%s%.300s", TID_SCENARIO, st, *err ? ": " : "",
	      err);
	/* sheaves and a barn, compared with the step before, and zoomed out
	 * to bars */
	st = sh(SLUBVIZ_ASAN " --headless --quiet --out %s/asan-sheaves "
		"--compare 3 %s", tmpdir, SHEAF_SCENARIO);
	read_file("err", err, sizeof(err));
	if (!st && !*err)
		st = sh(SLUBVIZ_ASAN " --headless --quiet --out "
			"%s/asan-sheaves --step 5 --size 400x300 %s", tmpdir,
			SHEAF_SCENARIO);
	read_file("err", err, sizeof(err));
	check(st == 0 && !strstr(err, "Sanitizer") &&
	      !strstr(err, "runtime error"), "ASan/UBSan build renders %s "
	      "clean, compared and small (exit %d)%s%.300s", SHEAF_SCENARIO,
	      st, *err ? ": " : "", err);
}

/*
 * --bench draws the whole window (panels, code path, counters, tooltip)
 * at three zooms and prints the figures; how fast is for the README and
 * make bench-viz, not for a test on a shared machine.
 */
static void test_bench(void)
{
	char out[2048];
	int st, passes = 0;
	const char *p;
	long objects = 0;

	st = sh(SLUBVIZ " --bench 20");
	read_file("out", out, sizeof(out));
	for (p = out; (p = strstr(p, " fps (CPU time: ")); p++)
		passes++;
	p = strstr(out, "cache big: ");
	if (p)
		objects = atol(p + 11);
	check(st == 0 && strstr(out, "full window (panels, code path,") &&
	      objects >= 20000 && strstr(out, " bars ") && passes == 3, "--bench draws the full window of the 20,000-object "
	      "scenario at 3 zooms (exit %d): %.*s", st,
	      (int)strcspn(out, "\n"), out);
}

/* ------------------------------------------------------- in-process */

static int find_line(char (*lines)[VIZ_LINE_MAX], int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strncmp(lines[i], name, strlen(name)) &&
		    lines[i][strlen(name)] == ' ')
			return i;
	return -1;
}

/* Pixel test: the counters panel row of item is highlighted as changed. */
static bool row_highlighted(struct viz_canvas *cv, const struct viz_view *v,
			    int item)
{
	struct viz_regions reg;
	int counters_h = 20 + 14 * SHEAF_FLUSH, y;	/* no sheaves */

	viz_regions(v, &reg);
	y = reg.right.y + reg.right.h - counters_h - 10 + 4 + 20 + 14 * item +
	    7;
	return viz_canvas_pixel(cv, reg.right.x + 8, y) == rgb(VIZ_C_CHANGED);
}

/* On a real snapshot: the cells of the cpu slab have their colours. */
static void check_real_cells(struct viz_canvas *cv,
			     const struct slub_snapshot *snap,
			     const struct viz_layout *l,
			     const struct viz_view *v)
{
	const struct slub_snap_cache *c = &snap->caches[l->cache];
	int si = c->cpu[0].slab, a, f = c->cpu[0].freelist;
	unsigned int pa = 0, pf = 0;
	SDL_Rect r;

	a = si >= 0 ? find_obj(&c->slabs[si], SLUB_OBJ_ALLOCATED) : -1;
	if (a >= 0 && viz_layout_object(l, v, si, a, &r))
		pa = viz_canvas_pixel(cv, r.x + r.w / 2, r.y + r.h / 2);
	if (f >= 0 && viz_layout_object(l, v, si, f, &r))
		pf = viz_canvas_pixel(cv, r.x + r.w - 2, r.y + 2);
	check(pa == rgb(VIZ_C_ALLOC) && pf == rgb(VIZ_C_CPU_FREE),
	      "real snapshot: allocated object %d and c->freelist head %d "
	      "of CPU 0's slab have their colours (%06x %06x)", a, f, pa, pf);
}

static void check_tid_frame(struct viz_player *p, struct viz_canvas *cv)
{
	char lines[NR_SLUB_STAT_ITEMS][VIZ_LINE_MAX];
	struct viz_layout l = { .cache = -1 };
	struct viz_frame fr;
	struct viz_view v;
	int i, n;

	viz_view_init(&v, W, H, cv->text);
	viz_follow(&v, p);
	viz_player_frame(p, &fr);
	viz_draw(cv->r, viz_player_snapshot(p), &fr, &v, &l);
	SDL_RenderFlush(cv->r);
	n = viz_counter_lines(viz_player_snapshot(p), l.cache, -1, lines,
			      NR_SLUB_STAT_ITEMS);
	i = find_line(lines, n, "cmpxchg_double_cpu_fail");
	check(i >= 0 && strtoul(lines[i] + 24, NULL, 10) > 0,
	      "step %d (line %d): the counters panel shows '%s'", fr.step,
	      fr.line, i >= 0 ? lines[i] : "(no line)");
	check(i >= 0 && row_highlighted(cv, &v, i), "and highlights that row");
	check_real_cells(cv, viz_player_snapshot(p), &l, &v);
	viz_view_release(&v);
	viz_layout_free(&l);
}

static void test_tid_retry(void)
{
	struct viz_canvas cv;
	struct viz_player *p;
	struct scn_error err;
	struct scenario *sc;
	int ret;

	sc = scn_parse_file(TID_SCENARIO, &err);
	if (!sc) {
		check(false, TID_SCENARIO " parses");
		return;
	}
	if (viz_canvas_open(&cv, W, H)) {
		scn_free(sc);
		return;
	}
	p = viz_player_new(sc);
	do {
		ret = viz_player_step(p);
	} while (ret > 0 && !viz_player_has_kind(p, CMPXCHG_DOUBLE_CPU_FAIL));
	check(ret > 0, "a step of %s counts cmpxchg_double_cpu_fail",
	      TID_SCENARIO);
	if (ret > 0)
		check_tid_frame(p, &cv);
	viz_player_free(p);
	viz_canvas_close(&cv);
	scn_free(sc);
}

/* Going back replays: step k reached twice gives the same image. */
static unsigned long image_sum(struct viz_canvas *cv, struct viz_player *p)
{
	struct viz_layout l = { .cache = -1 };
	struct viz_frame fr;
	struct viz_view v;
	unsigned long sum = 0;
	int x, y;

	viz_view_init(&v, W, H, cv->text);
	viz_follow(&v, p);
	viz_player_frame(p, &fr);
	viz_draw(cv->r, viz_player_snapshot(p), &fr, &v, &l);
	viz_view_release(&v);
	viz_layout_free(&l);
	for (y = 0; y < H; y += 3)
		for (x = 0; x < W; x += 3)
			sum = sum * 31 + viz_canvas_pixel(cv, x, y);
	return sum;
}

static void test_step_back(void)
{
	struct viz_canvas cv;
	struct viz_player *p;
	struct scn_error err;
	struct scenario *sc;
	unsigned long a, b;
	int k;

	sc = scn_parse_file(TID_SCENARIO, &err);
	if (!sc || viz_canvas_open(&cv, W, H)) {
		scn_free(sc);
		return;
	}
	p = viz_player_new(sc);
	k = viz_player_nsteps(p) / 2 + 1;
	viz_player_goto(p, k);
	a = image_sum(&cv, p);
	viz_player_goto(p, k + 1);
	viz_player_goto(p, k - 1);
	viz_player_goto(p, k);
	b = image_sum(&cv, p);
	check(viz_player_pos(p) == k && a == b, "step back and forth to "
	      "step %d gives the same picture", k);
	viz_player_free(p);
	viz_canvas_close(&cv);
	scn_free(sc);
}

int main(int argc, char **argv)
{
	bool units_only = argc > 1 && !strcmp(argv[1], "--units");

	snprintf(tmpdir, sizeof(tmpdir), "build/viz/test-tmp");
	mkdir("build", 0777);
	mkdir("build/viz", 0777);
	mkdir(tmpdir, 0777);
	sh("rm -rf %s/*", tmpdir);
	if (SDL_Init(0) < 0 || TTF_Init() < 0) {
		printf("0 passed, 1 failed\n");
		return 1;
	}
	if (argc > 1 && !strcmp(argv[1], "--steps")) {
		test_steps(tmpdir, false);
		goto out;
	}
	test_cells();
	test_debug_cells();
	test_bench_layout();
	test_hit_and_inspect();
	test_counters_and_text();
	test_legend_and_error();
	test_render();
	test_sheaves();
	test_steps(tmpdir, units_only);
	if (!units_only) {
		test_scenarios();
		test_frame_option();
		test_tid_retry();
		test_step_back();
		test_malformed();
		test_no_display();
		test_window_keys();
		test_asan();
		test_bench();
	}
out:
	TTF_Quit();
	SDL_Quit();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
