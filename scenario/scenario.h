/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The scenario language: one small text language that the CLI (build/slub),
 * the visualizer (build/slubviz), the tests, the book's figures and the
 * exercise grader all use to drive the allocator in simulated-CPU mode.
 *
 * A scenario is a list of statements, one per line; '#' starts a comment.
 * Every executed statement is one "step" (the visualizer's unit).
 *
 *   config cpus N [nodes N] [arena SIZE] [max_order N] [min_objects N] [nomerge] [debug STR]
 *          [failslab I,P,S,T] [sheaves N]
 *                          must come before any other statement (optional)
 *   cache NAME size N [align N] [flags f1,f2,...] [ctor]
 *                          kmem_cache_create(); flags are lower-case SLAB_ names
 *                          without the prefix: hwcache_align, red_zone, poison,
 *                          store_user, debug_free, consistency_checks, trace,
 *                          panic, destroy_by_rcu, reclaim_account, cache_dma,
 *                          notrack
 *   cpu N                  the following statements run on simulated CPU N
 *   alloc VAR from CACHE [node N] [zero]
 *   alloc VAR[A..B] from CACHE ...   allocate B-A+1 objects VAR[A] .. VAR[B]
 *   free VAR | free VAR[A..B]       kmem_cache_free() into the cache it came from
 *   kmalloc VAR SIZE [zero] | kmalloc VAR[A..B] SIZE
 *   kfree VAR | kfree VAR[A..B]
 *   shrink CACHE | destroy CACHE | flush CACHE (flush_all)
 *   validate CACHE          slab_attr_store(s, "validate", "1")
 *   set CACHE ATTR VALUE    slab_attr_store (e.g. set c cpu_partial 2)
 *   fail_page_alloc N       the N-th page allocation from now fails
 *   inject POINT            arm a one-shot "preemption" at POINT (alloc.after_tid,
 *     STATEMENTS            alloc.before_cmpxchg, free.after_tid,
 *   end                     free.before_cmpxchg, slowpath.entry): when the next
 *                           operation reaches POINT, the block runs on the same
 *                           CPU as another task would, then the operation resumes
 *   migrate POINT cpu N     arm a one-shot migration: at POINT the running
 *                           operation continues on CPU N
 *   expect CACHE STAT N     a stat counter's total (alloc_fastpath ...) equals N
 *   expect CACHE ATTR "TEXT" the attribute's text, without its newline, equals TEXT
 *   expect VAR null | expect VAR nonnull
 *   expect pages_in_use N   slab + large pages now in use
 *   expect invariants       slub_check_invariants() finds nothing
 *   echo TEXT               print TEXT (a label for a step)
 *   memcg NAME [limit SIZE] slub_memcg_create(): a memory cgroup, its kmem
 *                           charged against SIZE bytes (no limit: none)
 *   enter NAME | enter root slub_memcg_enter(): the following statements
 *                           allocate in that cgroup (root: in none)
 *   destroy_memcg NAME [busy]  slub_memcg_destroy(); with busy, -EBUSY is
 *                           expected (the cgroup stays)
 *   expect memcg NAME usage N  the cgroup's charged bytes equal N
 *   failslab ATTR VALUE [ATTR VALUE ...]
 *                           fault injection: write the kernel's failslab
 *                           attributes (slub_failslab_store): probability,
 *                           interval, times, space, ignore-gfp-wait,
 *                           cache-filter
 *
 *   prefill SHEAF from CACHE N   kmem_cache_prefill_sheaf(): a sheaf of at
 *                           least N (1..1024) objects, named SHEAF
 *   alloc VAR from sheaf SHEAF [zero]   kmem_cache_alloc_from_sheaf()
 *                           (ranges VAR[A..B] too)
 *   return SHEAF            kmem_cache_return_sheaf()
 *   expect sheaf SHEAF size N | null | nonnull
 *                           kmem_cache_sheaf_size() equals N; the prefill
 *                           returned NULL (or not)
 *   KEYWORD[3.18] ... | KEYWORD[sheaves] ...
 *                           a design mark right after any statement's
 *                           keyword (expect[3.18] c alloc_slowpath 1): the
 *                           step runs only in that design, and in the
 *                           other is a step that does nothing
 *
 * Errors are reported as "FILE:LINE:COL: error: MESSAGE" and never crash.
 *
 * Details and extensions:
 *   - config failslab I,P,S,T is the kernel's failslab= boot option
 *     (slub_config.failslab): interval, probability (percent), space and
 *     times, four decimal numbers; the attributes it sets apply from the
 *     first allocation of the boot on. All of failslab is off by default
 *     and reset at every run's start. A boot that the option makes fail
 *     (boot allocations may not sleep, so ignore-gfp-wait does not spare
 *     them) is the error "slub_init failed: Cannot allocate memory ...",
 *     located at the option: where the kernel panics, the run does not
 *     start.
 *   - failslab ATTR VALUE ...: a number for probability and interval (from
 *     0), times and space (whole numbers; times -1: no limit), 0/1 or y/n
 *     for ignore-gfp-wait and cache-filter. The kernel's defaults:
 *     probability 0 (nothing fails), interval 1, times 1, space 0,
 *     ignore-gfp-wait 1 (GFP_KERNEL allocations, which the engine makes,
 *     never fail: write 0 to fail them), cache-filter 0 (every cache is
 *     eligible; with 1 only the caches of slub_debug's 'a', the
 *     failslab flag). The draws depend on the configuration's seed only:
 *     a run fails the same allocations every time. A failed allocation
 *     leaves its VAR NULL (expect VAR null).
 *   - Call sites: a cache with SLAB_STORE_USER (flags store_user, or
 *     config debug U) records who allocated and freed each object; the
 *     engine makes each statement a call site of its own, named FILE:LINE
 *     in the alloc_calls and free_calls attributes and in reports
 *     (slub_set_call_site, slub_set_symbolizer). Allocations made inside
 *     a statement's call (a memory-cgroup child cache created on first
 *     use) are that statement's too.
 *   - config is not a step; without it a run has 2 simulated CPUs, 1 node
 *     and a 64 MiB arena (the library's default 1 GiB takes longer to set
 *     up, and the visualizer restarts runs to step backwards).
 *     Its options may come in any order. SIZE and N may be written in
 *     decimal or 0x hex, SIZE with a K, M or G suffix (powers of 1024).
 *     The allocator wants nodes <= cpus. Without 'debug', $SLUB_DEBUG
 *     applies (as slub_config.slub_debug == NULL does).
 *   - config sheaves N gives every cache per-CPU sheaves of N objects and
 *     per-node barns (slub_config.sheaves, 1..1024); 0 keeps the cpu slab.
 *     That is the scenario's own design; without it, the 3.18 cpu slab.
 *     The caller may force another (scn_set_design: build/slub run
 *     --sheaves N, slubviz --sheaves N, or $SLUB_SHEAVES for both): N
 *     gives every cache sheaves (of the scenario's own capacity if it
 *     names one), 0 the cpu slab to every scenario. The engine alone
 *     never reads $SLUB_SHEAVES: tests and the grader see the scenario's
 *     own design.
 *   - Design marks: [3.18] or [sheaves], written without a space after
 *     the keyword of any statement but config and end. A marked statement
 *     in the other design does nothing (an inject or migrate is not armed,
 *     its block never runs) but is still a step, so step numbers are the
 *     same in both designs. The design is the run's (scn_run_sheaves): a
 *     cache with debugging keeps the cpu slab in either. Unknown marks,
 *     marks on config or end, and "expect [3.18]" are errors.
 *   - Sheaves: a SHEAF is an identifier in a namespace of its own. Its
 *     prefill is on the current CPU; a prefill that fails leaves it NULL
 *     (expect sheaf S null). Prefilling a SHEAF that still holds a sheaf,
 *     allocating from or returning one that is NULL, returned or never
 *     prefilled, allocating from an empty one (more objects than it
 *     holds), and destroying a cache with a sheaf still prefilled are
 *     runtime errors. "from sheaf" is the sheaf form: a cache named sheaf
 *     is written "sheaf". At scn_run_end every prefilled sheaf is
 *     returned (after the variables are freed).
 *   - A "quoted string" may hold \" \\ \n \t; echo prints the rest of its
 *     line as written (or one quoted string, unquoted).
 *   - NAME and CACHE are a word or a "quoted string". A CACHE names a cache
 *     the scenario created (the latest of that name still alive) or any
 *     cache the allocator knows (slub_find_cache: kmalloc-64, ...).
 *     Scenario caches may be merged with existing ones (aliases) unless
 *     config nomerge is given: their counters are then the shared cache's.
 *   - VAR is an identifier, VAR[I] one element, VAR[A..B] a range of at
 *     most 1000000 elements. Allocating into a live VAR, freeing a VAR that
 *     was never allocated, already freed, NULL, or came from kmalloc (use
 *     kfree) are errors. kfree accepts any VAR (as the kernel's kfree).
 *   - kmalloc VAR SIZE [zero] [node N]: kmalloc_node when node is given.
 *   - cpu N: each top-level statement starts on the CPU of the last cpu
 *     statement; a migrate moves only the operation it interrupts.
 *   - inject/migrate fire only inside alloc, free, kmalloc and kfree
 *     statements; a block may hold alloc, free, kmalloc, kfree, shrink,
 *     flush, validate, set, fail_page_alloc, expect, echo and show (no
 *     nesting); operations inside it never trigger a hook. Arming a point
 *     that is already armed is an error. The block runs on the interrupted
 *     CPU, which is restored afterwards.
 *   - destroy only accepts caches the scenario created; a destroy that the
 *     allocator refuses (live objects) leaves the cache as the kernel does,
 *     and its objects can still be freed.
 *   - fail_page_alloc 0 cancels a pending failure.
 *   - The panic flag is not passed on: a creation that fails reports
 *     "with SLAB_PANIC the kernel panics here" as the scenario's error
 *     instead of aborting the program.
 *   - expect CACHE ATTR N compares the first number of any attribute's text
 *     (objects, slabs, partial, cpu_slabs, a stat ...); "TEXT" compares the
 *     whole text. A failed expect is reported, the run goes on, and
 *     scn_run_expect_failures() counts it.
 *   - show CACHE ATTR [ATTR...]   print "CACHE ATTR TEXT" for each (extension)
 *   - show sheaf SHEAF   print a prefilled sheaf as a snapshot has it: its
 *     size, capacity, cache and prefill number, and each slot's object
 *     (slab pfn, object index, the variable that last held it) (extension)
 *   - expect distinct VAR [VAR...]  the (live) elements of all the VARs hold
 *     pairwise different objects: no object was handed out twice (extension)
 *   - Every top-level statement except config is one step; an inject or
 *     migrate statement (with its block) is one step that only arms it.
 *   - A runtime error stops the run: scn_run_step() returns -1 from then
 *     on with the same error; scn_run_end() still cleans up.
 *   - Memory cgroups (extension): allocating from a root cache inside a
 *     cgroup goes to its child cache "root(id:NAME)" (kmalloc-64(0:A),
 *     created on first use, id in order of creation from 0); a CACHE
 *     operand may name a child (expect "c(0:A)" slabs 1). A cgroup name
 *     is a word or quoted string of 1..63 bytes without '/', not "root".
 *     Variables keep the root cache; kmem_cache_free() finds the child.
 *     An allocation that would take the cgroup over its limit returns
 *     NULL (expect VAR null). destroy_memcg destroys the cgroup's child
 *     caches, then the cgroup; if a child still holds objects the
 *     allocator answers -EBUSY and the cgroup stays alive: a runtime
 *     error, unless the statement ends in busy (then a destruction that
 *     succeeds is a failed expect). Creating a cgroup that exists,
 *     entering, destroying or measuring one that does not are errors.
 *     The entered cgroup stays in force across steps and CPUs until the
 *     next enter or its destruction.
 *   - At scn_run_end every still-live VAR is freed, the run leaves its
 *     cgroup, every cgroup it created and did not destroy is destroyed
 *     (with its child caches), every cache the scenario created and did
 *     not destroy is destroyed, then slub_shutdown() runs, so the next
 *     run starts clean.
 */
#ifndef SLUB_SCENARIO_H
#define SLUB_SCENARIO_H

#include <stdbool.h>
#include <stdio.h>
#include "slub.h"

struct scn_error {
	char file[256];
	int line, col;
	char msg[512];
};

/* Formats "FILE:LINE:COL: error: MSG" into buf. */
const char *scn_error_format(const struct scn_error *err, char *buf,
			     size_t len);

struct scenario;	/* a parsed scenario */
struct scn_run;		/* an execution of one */

struct scenario *scn_parse_file(const char *path, struct scn_error *err);
struct scenario *scn_parse_string(const char *name, const char *text,
				  struct scn_error *err);
void scn_free(struct scenario *sc);

/* Top-level statements (the steps), their source line and text. */
int scn_nsteps(const struct scenario *sc);
int scn_step_line(const struct scenario *sc, int step);
const char *scn_step_text(const struct scenario *sc, int step);
const char *scn_file(const struct scenario *sc);

/*
 * Start a run: slub_init() with the scenario's config (simulated CPUs),
 * observer events go to fn (may be NULL). Only one run may exist at a time.
 */
struct scn_run *scn_run_start(const struct scenario *sc,
			      slub_observer_fn fn, void *arg,
			      struct scn_error *err);
/*
 * The design of the runs that follow (one setting for the process, as
 * there is one run at a time). SCN_DESIGN_OWN, the default: each
 * scenario runs in the design its config names (config sheaves N: per-CPU
 * sheaves; otherwise the 3.18 cpu slab). 0: the 3.18 cpu slab, also for
 * scenarios that configure sheaves. N (1..1024): per-CPU sheaves and
 * per-node barns in every cache of every run; a scenario whose config
 * names a capacity keeps its own (its expects count in it). The CLI and
 * slubviz set it from --sheaves N or $SLUB_SHEAVES.
 */
#define SCN_DESIGN_OWN	(-1)
#define SCN_MAX_SHEAVES	1024	/* the allocator's MAX_SHEAF_CAPACITY */
void scn_set_design(int sheaves);
int scn_get_design(void);
/*
 * Parse the N of --sheaves N or SLUB_SHEAVES=N: a decimal number from 0 to
 * SCN_MAX_SHEAVES. False (nothing stored) if text is not one.
 */
bool scn_parse_design(const char *text, int *sheaves);
/*
 * The design $SLUB_SHEAVES asks for, into *sheaves: SCN_DESIGN_OWN if it
 * is unset or empty, else its N. On a malformed value, false and a
 * one-line message in msg.
 */
bool scn_design_from_env(int *sheaves, char *msg, size_t len);
/* The sheaf capacity of the run's design (0: the 3.18 cpu slab). */
unsigned int scn_run_sheaves(const struct scn_run *run);

/* Execute the next step: 1 done, 0 no more steps, -1 error (err set). */
int scn_run_step(struct scn_run *run, struct scn_error *err);
/* Run to the end; 0 or -1. */
int scn_run_all(struct scn_run *run, struct scn_error *err);
int scn_run_pos(const struct scn_run *run);	/* steps executed so far */
/* Destroy every cache the scenario created, slub_shutdown(). */
void scn_run_end(struct scn_run *run);
/*
 * The same, and the number of the scenario's caches that the allocator
 * refused to destroy because objects were left in them once every
 * variable was freed and every sheaf returned: objects lost (0: none).
 */
int scn_run_finish(struct scn_run *run);

/*
 * Where echo and show output and the notes of fired injections are printed
 * (default stdout; NULL: nowhere), and where failed expects and invariant
 * reports go (scn_run_set_diag, default stderr; NULL: nowhere).
 */
void scn_run_set_output(struct scn_run *run, FILE *out);
void scn_run_set_diag(struct scn_run *run, FILE *diag);

/* Number of expect statements that failed so far. */
int scn_run_expect_failures(const struct scn_run *run);

/* Number of alloc and kmalloc elements that returned NULL so far. */
unsigned long scn_run_null_allocs(const struct scn_run *run);

/*
 * The caches the run uses, in order of first use: those the scenario
 * created and did not destroy, and the kmalloc caches its kmalloc
 * statements used. Returns NULL past the end; *name gets the scenario's
 * name for the cache.
 */
struct kmem_cache *scn_run_cache(const struct scn_run *run, int i,
				 const char **name);

/* The variable that holds (or last held) obj, e.g. "x[3]", or NULL. */
const char *scn_run_var_name(const struct scn_run *run, const void *obj);

/*
 * The scenario's name of the prefilled sheaf numbered id (the id of
 * struct slub_snap_prefilled, slub_sheaf_id()), while it is prefilled;
 * else NULL.
 */
const char *scn_run_sheaf_name(const struct scn_run *run, unsigned int id);

/*
 * SLAB_* flag by its scenario name ("red_zone", ...): true if known.
 * scn_flag_name(i) enumerates the names (NULL past the end).
 */
bool scn_flag_from_name(const char *name, unsigned long *flag);
const char *scn_flag_name(int i);

#endif
