// SPDX-License-Identifier: GPL-2.0-only
/*
 * The interpreter: a run executes the steps of a parsed scenario one at a
 * time against the allocator (only through slub.h). This file holds the
 * statements that act (cache, alloc, free, kmalloc, kfree, shrink, flush,
 * validate, set, the memory cgroup statements), the preemption and
 * migration hooks of inject and migrate, and a run's life: start, step,
 * end. The tables a run keeps are in runstate.c, the checks in expect.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "scn_int.h"

static struct scn_run *active_run;
static int design = SCN_DESIGN_OWN;	/* scn_set_design */

/* ------------------------------------------------------------ caches */

static void scn_ctor(void *obj)
{
	(void)obj;	/* a constructor that does nothing, for layout */
}

/*
 * SLAB_PANIC changes nothing but what a failure does: the kernel panics.
 * A scenario must not bring the program down, so the flag is withheld
 * and the panic reported as the scenario's error.
 */
static bool exec_cache(struct scn_run *run, const struct stmt *st)
{
	struct kmem_cache *s;

	s = kmem_cache_create(st->cache, (size_t)st->num, st->align,
			      st->flags & ~SLAB_PANIC,
			      st->ctor ? scn_ctor : NULL);
	if (!s && (st->flags & SLAB_PANIC))
		return scn_rerr(run, st, st->cache_col,
				"kmem_cache_create(\"%.60s\", %llu) failed: "
				"with SLAB_PANIC the kernel panics here",
				st->cache, st->num);
	if (!s)
		return scn_rerr(run, st, st->cache_col,
				"kmem_cache_create(\"%.60s\", %llu) failed",
				st->cache, st->num);
	scn_add_cache(run, st->cache, s, true);
	return true;
}

/*
 * destroy: the kernel refuses to free a cache that still has objects (it
 * reports them and keeps the cache). Afterwards the cache is looked up by
 * its own name: if the allocator still knows it, the variables allocated
 * from it stay usable; if not, they are gone with it.
 */
static bool exec_destroy(struct scn_run *run, const struct stmt *st)
{
	struct scache *c = scn_own_cache(run, st->cache);
	const struct ssheaf *sh;
	char *real;
	size_t i;

	if (!c)
		return scn_rerr(run, st, st->cache_col, "'%.60s' is not a "
				"cache this scenario created (or it was "
				"destroyed)", st->cache);
	sh = scn_prefilled_sheaf(run, c);
	if (sh)
		return scn_rerr(run, st, st->cache_col, "sheaf '%.60s' of "
				"'%.60s' is still prefilled (line %d): return "
				"it before destroy", sh->name, st->cache,
				sh->line);
	real = scn_xstrdup(kmem_cache_name(c->s));
	kmem_cache_destroy(c->s);
	c->destroyed = true;
	c->gone = slub_find_cache(real) != c->s;
	free(real);
	if (!c->gone)
		return true;
	for (i = 0; i < run->vbuckets; i++) {
		struct var *v;

		for (v = run->vtab[i]; v; v = v->next)
			if (v->cache == c)
				v->live = false;
	}
	return true;
}

/* ------------------------------------------------------------ objects */

static bool check_free_slot(struct scn_run *run, const struct stmt *st,
			    struct var *v)
{
	if (v->live)
		return scn_rerr(run, st, st->var.col, "%.60s still holds a "
				"live object (free it first)", v->name);
	return true;
}

static gfp_t stmt_gfp(const struct stmt *st)
{
	return GFP_KERNEL | (st->zero ? __GFP_ZERO : 0);
}

static bool alloc_one(struct scn_run *run, const struct stmt *st,
		      const char *name)
{
	struct var *v = scn_get_var(run, name);
	struct scache *c = scn_own_cache(run, st->cache);
	struct kmem_cache *s;

	if (!check_free_slot(run, st, v))
		return false;
	if (!c) {
		s = scn_lookup_cache(run, st);
		if (!s)
			return false;
		c = scn_used_cache(run, st->cache, s);
	}
	if (st->node != NUMA_NO_NODE)
		v->ptr = kmem_cache_alloc_node(c->s, stmt_gfp(st),
					       (int)st->node);
	else
		v->ptr = kmem_cache_alloc(c->s, stmt_gfp(st));
	scn_allocated(run, v, c, false);
	return true;
}

static bool kmalloc_one(struct scn_run *run, const struct stmt *st,
			const char *name)
{
	struct var *v = scn_get_var(run, name);
	size_t size = (size_t)st->num;

	if (!check_free_slot(run, st, v))
		return false;
	if (st->node != NUMA_NO_NODE)
		v->ptr = kmalloc_node(size, stmt_gfp(st), (int)st->node);
	else
		v->ptr = kmalloc(size, stmt_gfp(st));
	if (v->ptr)
		scn_kmalloc_cache(run, size);
	scn_allocated(run, v, NULL, true);
	return true;
}

static bool free_one(struct scn_run *run, const struct stmt *st,
		     const char *name)
{
	struct var *v = scn_live_var(run, st, name, false);

	if (!v)
		return false;
	if (v->kmalloced)
		return scn_rerr(run, st, st->var.col, "%.60s came from "
				"kmalloc; use kfree", name);
	v->live = false;
	kmem_cache_free(v->cache->s, v->ptr);
	return true;
}

static bool kfree_one(struct scn_run *run, const struct stmt *st,
		      const char *name)
{
	struct var *v = scn_live_var(run, st, name, true);

	if (!v)
		return false;
	v->live = false;
	kfree(v->ptr);
	return true;
}

/* ------------------------------------------------------------ memcg */

static bool exec_memcg(struct scn_run *run, const struct stmt *st)
{
	struct mem_cgroup *memcg;

	if (scn_find_memcg(run, st->cache))
		return scn_rerr(run, st, st->cache_col, "memory cgroup '%.60s' "
				"already exists", st->cache);
	memcg = slub_memcg_create(st->cache, (size_t)st->num);
	if (!memcg)
		return scn_rerr(run, st, st->cache_col,
				"slub_memcg_create(\"%.60s\") failed",
				st->cache);
	run->memcgs = scn_xrealloc(run->memcgs, (size_t)(run->nmemcgs + 1) *
				   sizeof(*run->memcgs));
	run->memcgs[run->nmemcgs].name = scn_xstrdup(st->cache);
	run->memcgs[run->nmemcgs++].memcg = memcg;
	return true;
}

static bool exec_enter(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = NULL;

	if (st->cache && !(m = scn_need_memcg(run, st)))
		return false;
	run->cur_memcg = m ? m->memcg : NULL;
	slub_memcg_enter(run->cur_memcg);
	return true;
}

/*
 * destroy_memcg: slub_memcg_destroy() destroys the cgroup's child caches
 * and the cgroup; a child cache that still holds objects makes it return
 * -EBUSY and leaves the cgroup alive. That is a runtime error, unless
 * the statement says 'busy': then it is what the scenario expects, and a
 * destruction that succeeds is a failed expect.
 */
static bool exec_destroy_memcg(struct scn_run *run, const struct stmt *st)
{
	struct smemcg *m = scn_need_memcg(run, st);
	int ret;

	if (!m)
		return false;
	ret = slub_memcg_destroy(m->memcg);
	if (ret == -EBUSY && st->busy)
		return true;
	if (ret == -EBUSY)
		return scn_rerr(run, st, st->cache_col, "memory cgroup "
				"'%.60s' is busy: its caches still hold "
				"objects (write 'destroy_memcg %.60s busy' to "
				"expect this)", st->cache, st->cache);
	if (ret)
		return scn_rerr(run, st, st->cache_col,
				"slub_memcg_destroy(%.60s) failed: %s",
				st->cache, strerror(-ret));
	if (run->cur_memcg == m->memcg)
		run->cur_memcg = NULL;
	m->memcg = NULL;
	if (st->busy)
		scn_expect_failed(run, st, st->cache_col, "memory cgroup "
				  "%.60s was destroyed, expected -EBUSY",
				  st->cache);
	return true;
}

/* ------------------------------------------------------------ hooks */

static bool exec_stmt(struct scn_run *run, const struct stmt *st);

static void run_block(struct scn_run *run, const struct stmt *st)
{
	struct scn_error *saved = run->err;
	int cpu = slub_sim_cpu(), i;

	scn_say(run, "  >> %s:%d: preempted at %s on cpu %d: running the "
		"inject block\n", run->sc->file, st->line,
		slub_point_name(st->point), cpu);
	run->err = &run->hook_err;
	for (i = 0; i < st->nbody; i++) {
		if (!exec_stmt(run, &st->body[i])) {
			run->hook_failed = true;
			break;
		}
	}
	run->err = saved;
	slub_sim_set_cpu(cpu);
	scn_say(run, "  << back in the interrupted operation on cpu %d\n", cpu);
}

/*
 * The allocator calls this at each point. A point armed by an inject or
 * migrate statement fires once, and only while an alloc/free statement of
 * the scenario runs; operations inside the block do not re-trigger it.
 */
static void point_hook(enum slub_point point, void *arg)
{
	struct scn_run *run = arg;
	const struct stmt *st;

	if (!run->hooks_on || run->in_hook || (int)point < 0 ||
	    point >= NR_SLUB_POINTS || !run->armed[point])
		return;
	st = run->armed[point];
	run->armed[point] = NULL;
	run->in_hook = true;
	if (st->kind == ST_MIGRATE) {
		scn_say(run, "  >> %s:%d: migrated at %s from cpu %d to cpu "
			"%d\n", run->sc->file, st->line, slub_point_name(point),
			slub_sim_cpu(), (int)st->num);
		slub_sim_set_cpu((int)st->num);
	} else {
		run_block(run, st);
	}
	run->in_hook = false;
}

static bool exec_arm(struct scn_run *run, const struct stmt *st)
{
	if (run->armed[st->point])
		return scn_rerr(run, st, st->col, "%s is already armed (line "
				"%d)", slub_point_name(st->point),
				run->armed[st->point]->line);
	if (st->kind == ST_MIGRATE && (int)st->num >= slub_nr_cpus())
		return scn_rerr(run, st, st->num_col, "no cpu %llu (the run "
				"has %d)", st->num, slub_nr_cpus());
	run->armed[st->point] = st;
	return true;
}

/*
 * Call sites. The allocator records a caller's return address in the
 * tracks of a SLAB_STORE_USER cache; every allocation the engine makes
 * would have the same one. So the engine makes each statement a call
 * site of its own: the address of the statement in the parsed scenario,
 * set for the allocator around the statement's calls and named FILE:LINE
 * by the symbolizer below. A block of an inject statement runs inside
 * another statement's call and puts that one's site back when it ends.
 */
static unsigned long site_enter(struct scn_run *run, const struct stmt *st)
{
	unsigned long prev = run->site;

	run->site = (unsigned long)st;
	slub_set_call_site(run->site);
	return prev;
}

static void site_leave(struct scn_run *run, unsigned long prev)
{
	run->site = prev;
	slub_set_call_site(prev);
}

static const struct stmt *site_stmt(const struct stmt *v, int n,
				    unsigned long addr)
{
	const struct stmt *st;
	int i;

	for (i = 0; i < n; i++) {
		if (addr == (unsigned long)&v[i])
			return &v[i];
		if (v[i].nbody && (st = site_stmt(v[i].body, v[i].nbody, addr)))
			return st;
	}
	return NULL;
}

static size_t symbolize(unsigned long addr, char *buf, size_t len,
			void *arg)
{
	const struct scn_run *run = arg;
	const struct stmt *st = site_stmt(run->sc->steps, run->sc->nsteps,
					  addr);
	int n;

	if (!st)
		return 0;
	n = snprintf(buf, len, "%s:%d", run->sc->file, st->line);
	return n > 0 && (size_t)n < len ? (size_t)n : 0;
}

/* alloc, free, kmalloc, kfree: the statements a hook may interrupt. */
static bool exec_op(struct scn_run *run, const struct stmt *st, elem_fn fn)
{
	bool outer = !run->in_hook, ok;
	unsigned long site;

	if (st->node != NUMA_NO_NODE && st->node >= slub_nr_nodes())
		return scn_rerr(run, st, st->node_col, "no node %ld (the run "
				"has %d)", st->node, slub_nr_nodes());
	if (outer) {
		run->hooks_on = true;
		run->hook_failed = false;
	}
	site = site_enter(run, st);
	ok = scn_for_each_elem(run, st, fn);
	site_leave(run, site);
	if (outer) {
		run->hooks_on = false;
		if (ok && run->hook_failed) {
			*run->err = run->hook_err;
			ok = false;
		}
	}
	return ok;
}

/* ------------------------------------------------------------ statements */

static bool store_attr(struct scn_run *run, const struct stmt *st,
		       struct kmem_cache *s, const char *attr, const char *val)
{
	ssize_t n = slab_attr_store(s, attr, val, strlen(val));
	int col = st->nattrs ? st->attr_cols[0] : st->col;

	if (n == -ENOENT)
		return scn_rerr(run, st, col, "the allocator has no '%.60s' "
				"attribute", attr);
	if (n < 0)
		return scn_rerr(run, st, col, "writing '%.40s' to %.60s "
				"failed: %s", val, attr, strerror((int)-n));
	return true;
}

static bool exec_cache_op(struct scn_run *run, const struct stmt *st)
{
	struct kmem_cache *s = scn_lookup_cache(run, st);

	if (!s)
		return false;
	switch (st->kind) {
	case ST_SHRINK:
		kmem_cache_shrink(s);
		return true;
	case ST_FLUSH:
		return store_attr(run, st, s, "flush", "1");
	case ST_VALIDATE:
		return store_attr(run, st, s, "validate", "1");
	default:
		return store_attr(run, st, s, st->attrs[0], st->str);
	}
}

static bool exec_cpu(struct scn_run *run, const struct stmt *st)
{
	if ((int)st->num >= slub_nr_cpus() || slub_sim_set_cpu((int)st->num))
		return scn_rerr(run, st, st->num_col, "no cpu %llu (the run "
				"has %d)", st->num, slub_nr_cpus());
	run->cpu = (int)st->num;
	return true;
}

/* failslab ATTR VALUE ...: as many writes to the debugfs files. */
static bool exec_failslab(struct scn_run *run, const struct stmt *st)
{
	int i;

	for (i = 0; i < st->nattrs; i++) {
		ssize_t r = slub_failslab_store(st->attrs[i], st->vals[i],
						strlen(st->vals[i]));

		if (r < 0)
			return scn_rerr(run, st, st->val_cols[i], "cannot write "
					"%s: %s", st->attrs[i], strerror((int)-r));
	}
	return true;
}

/* An expect marked for the other design is a step that does nothing. */
static bool in_design(const struct scn_run *run, const struct stmt *st)
{
	return st->design == DESIGN_ANY ||
	       (st->design == DESIGN_SHEAVES) == (run->sheaves != 0);
}

static bool is_expect(const struct stmt *st)
{
	switch (st->kind) {
	case ST_EXPECT_NUM: case ST_EXPECT_TEXT: case ST_EXPECT_NULL:
	case ST_EXPECT_NONNULL: case ST_EXPECT_PAGES:
	case ST_EXPECT_INVARIANTS: case ST_EXPECT_DISTINCT:
	case ST_EXPECT_MEMCG: case ST_EXPECT_SHEAF:
		return true;
	default:
		return false;
	}
}

static bool exec_stmt(struct scn_run *run, const struct stmt *st)
{
	if (!in_design(run, st)) {
		/* an expect says nothing when it holds; the others tell */
		if (!is_expect(st))
			scn_say(run, "  (%s:%d: for the %s only, not run)\n",
				run->sc->file, st->line,
				st->design == DESIGN_SHEAVES ? "sheaves" :
				"3.18 cpu slab");
		return true;
	}
	switch (st->kind) {
	case ST_CACHE:
		return exec_cache(run, st);
	case ST_CPU:
		return exec_cpu(run, st);
	case ST_ALLOC:
		return exec_op(run, st, alloc_one);
	case ST_FREE:
		return exec_op(run, st, free_one);
	case ST_KMALLOC:
		return exec_op(run, st, kmalloc_one);
	case ST_KFREE:
		return exec_op(run, st, kfree_one);
	case ST_DESTROY:
		return exec_destroy(run, st);
	case ST_SHRINK:
	case ST_FLUSH:
	case ST_VALIDATE:
	case ST_SET:
		return exec_cache_op(run, st);
	case ST_FAIL:
		slub_fail_page_alloc((unsigned long)st->num);
		return true;
	case ST_INJECT:
	case ST_MIGRATE:
		return exec_arm(run, st);
	case ST_EXPECT_NUM:
	case ST_EXPECT_TEXT:
	case ST_EXPECT_NULL:
	case ST_EXPECT_NONNULL:
	case ST_EXPECT_PAGES:
	case ST_EXPECT_INVARIANTS:
	case ST_EXPECT_DISTINCT:
	case ST_EXPECT_MEMCG:
	case ST_SHOW:
		return scn_exec_expect(run, st);
	case ST_ECHO:
		scn_say(run, "%s\n", st->str);
		return true;
	case ST_MEMCG:
		return exec_memcg(run, st);
	case ST_ENTER:
		return exec_enter(run, st);
	case ST_DESTROY_MEMCG:
		return exec_destroy_memcg(run, st);
	case ST_FAILSLAB:
		return exec_failslab(run, st);
	case ST_SHEAF_ALLOC:
		return exec_op(run, st, scn_sheaf_alloc_one);
	case ST_PREFILL:
	case ST_RETURN:
	case ST_EXPECT_SHEAF:
	case ST_SHOW_SHEAF:
		return scn_exec_sheaf(run, st);
	}
	return scn_rerr(run, st, st->col, "internal error: statement kind %d",
			(int)st->kind);
}

/* ------------------------------------------------------------ runs */

void scn_set_design(int sheaves)
{
	design = sheaves < 0 ? SCN_DESIGN_OWN :
		 sheaves > SCN_MAX_SHEAVES ? SCN_MAX_SHEAVES : sheaves;
}

int scn_get_design(void)
{
	return design;
}

bool scn_parse_design(const char *text, int *sheaves)
{
	unsigned long v = 0;
	const char *c;

	if (!text || !*text || strlen(text) > 5)
		return false;
	for (c = text; *c; c++) {
		if (*c < '0' || *c > '9')
			return false;
		v = v * 10 + (unsigned long)(*c - '0');
	}
	if (v > SCN_MAX_SHEAVES)
		return false;
	*sheaves = (int)v;
	return true;
}

bool scn_design_from_env(int *sheaves, char *msg, size_t len)
{
	const char *v = getenv("SLUB_SHEAVES");

	*sheaves = SCN_DESIGN_OWN;
	if (!v || !*v)
		return true;
	if (scn_parse_design(v, sheaves))
		return true;
	snprintf(msg, len, "SLUB_SHEAVES=%.40s: expected a sheaf capacity "
		 "from 0 (the 3.18 cpu slab) to %d", v, SCN_MAX_SHEAVES);
	return false;
}

/*
 * The sheaf capacity of a run of sc (0: the 3.18 cpu slab): the forced
 * design if there is one, the scenario's own capacity where it names one.
 */
static unsigned int run_sheaves(const struct scenario *sc)
{
	unsigned int own = sc->cfg.sheaves == SLUB_NO_SHEAVES ? 0 :
			   sc->cfg.sheaves;

	if (design == SCN_DESIGN_OWN)
		return own;
	if (design == 0)
		return 0;
	return own ? own : (unsigned int)design;
}

unsigned int scn_run_sheaves(const struct scn_run *run)
{
	return run ? run->sheaves : 0;
}

struct scn_run *scn_run_start(const struct scenario *sc,
			      slub_observer_fn fn, void *arg,
			      struct scn_error *err)
{
	struct slub_config cfg;
	struct scn_run *run;
	int ret;

	if (!sc) {
		scn_set_error(err, "?", 0, 0, "no scenario");
		return NULL;
	}
	if (active_run) {
		scn_set_error(err, sc->file, 0, 0, "another run is active");
		return NULL;
	}
	cfg = sc->cfg;
	cfg.simulated = true;
	cfg.slub_debug = sc->debug;
	cfg.failslab = sc->failslab;
	cfg.sheaves = run_sheaves(sc);
	if (!cfg.sheaves)
		cfg.sheaves = SLUB_NO_SHEAVES;	/* not $SLUB_SHEAVES */
	if (!cfg.nr_cpus)
		cfg.nr_cpus = SCN_DEFAULT_CPUS;
	if (!cfg.arena_bytes)
		cfg.arena_bytes = SCN_DEFAULT_ARENA;
	ret = slub_init(&cfg);
	if (ret == -ENOMEM && sc->failslab) {
		scn_set_error(err, sc->file, sc->config_line,
			      sc->failslab_col, "slub_init failed: %s "
			      "(failslab %s fails the boot's own allocations; "
			      "the kernel would panic)", strerror(ENOMEM),
			      sc->failslab);
		return NULL;
	}
	if (ret) {
		scn_set_error(err, sc->file,
			      sc->has_config ? sc->config_line : 1,
			      sc->has_config ? sc->config_col : 1,
			      "slub_init failed: %s%s",
			      strerror(ret < 0 ? -ret : ret),
			      ret == -EBUSY ?
			      " (the allocator is already running)" : "");
		return NULL;
	}
	run = scn_xrealloc(NULL, sizeof(*run));
	memset(run, 0, sizeof(*run));
	run->sc = sc;
	run->sheaves = run_sheaves(sc);
	run->out = stdout;
	run->diag = stderr;
	slub_sim_set_cpu(0);
	slub_sim_set_point_hook(point_hook, run);
	slub_set_observer(fn, arg);
	slub_set_symbolizer(symbolize, run);
	active_run = run;
	return run;
}

void scn_run_set_output(struct scn_run *run, FILE *out)
{
	if (run)
		run->out = out;
}

void scn_run_set_diag(struct scn_run *run, FILE *diag)
{
	if (run)
		run->diag = diag;
}

int scn_run_expect_failures(const struct scn_run *run)
{
	return run ? run->expect_failures : 0;
}

unsigned long scn_run_null_allocs(const struct scn_run *run)
{
	return run ? run->null_allocs : 0;
}

int scn_run_pos(const struct scn_run *run)
{
	return run ? run->pos : 0;
}

int scn_run_step(struct scn_run *run, struct scn_error *err)
{
	struct scn_error scratch;
	const struct stmt *st;

	if (!run) {
		scn_set_error(err, "?", 0, 0, "no run");
		return -1;
	}
	if (run->failed) {
		if (err)
			*err = run->saved;
		return -1;
	}
	if (run->pos >= run->sc->nsteps)
		return 0;
	st = &run->sc->steps[run->pos];
	run->err = err ? err : &scratch;
	slub_sim_set_cpu(run->cpu);
	if (!exec_stmt(run, st)) {
		run->failed = true;
		run->saved = *run->err;
		run->err = NULL;
		return -1;
	}
	run->err = NULL;
	run->pos++;
	return 1;
}

int scn_run_all(struct scn_run *run, struct scn_error *err)
{
	int r;

	while ((r = scn_run_step(run, err)) > 0)
		;
	return r;
}

void scn_run_end(struct scn_run *run)
{
	(void)scn_run_finish(run);
}

int scn_run_finish(struct scn_run *run)
{
	int k, kept = 0;

	if (!run)
		return 0;
	slub_set_observer(NULL, NULL);
	slub_sim_set_point_hook(NULL, NULL);
	scn_free_live_vars(run);
	scn_return_sheaves(run);
	slub_memcg_enter(NULL);
	run->cur_memcg = NULL;
	/* Every object is free now: each cgroup goes with its caches. */
	for (k = 0; k < run->nmemcgs; k++) {
		if (run->memcgs[k].memcg &&
		    !slub_memcg_destroy(run->memcgs[k].memcg))
			run->memcgs[k].memcg = NULL;
	}
	for (k = run->ncaches - 1; k >= 0; k--) {
		struct scache *c = run->caches[k];

		/*
		 * Also a cache whose destroy was refused while it held
		 * objects. A merged cache only drops a reference.
		 */
		if (c->created && !c->gone) {
			bool own = !strcmp(kmem_cache_name(c->s), c->name);

			kmem_cache_destroy(c->s);
			kept += own && slub_find_cache(c->name) == c->s;
		}
	}
	slub_shutdown();
	scn_free_tables(run);
	if (active_run == run)
		active_run = NULL;
	free(run);
	return kept;
}
