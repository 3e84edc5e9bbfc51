// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_snapshot_dot.c: slub_snapshot_write_dot() on hand-built snapshots,
 * without the allocator. Writes the dot to the file named by argv[1]
 * (or stdout) and checks the error cases. Built by book/book.mk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "slub.h"
#include "snapshot_dot.h"

#define NSLABS	7

static struct slub_snap_object objs[NSLABS][64];
static struct slub_snap_slab slabs[NSLABS];
static int cpu0_partial[] = { 1, 2 };
static int node0_partial[] = { 3, 4 };
static struct slub_snap_cpu cpus[2];
static struct slub_snap_node nodes[1];
static char *aliases[] = { "demo_alias<&>" };
static struct slub_snap_cache caches[3];

/* A third cache with long lists: 20 slabs on the node partial list, 10 on
 * no list, 4 objects each. */
#define LONG_SLABS	30
static struct slub_snap_object long_objs[LONG_SLABS][4];
static struct slub_snap_slab long_slabs[LONG_SLABS];
static int long_partial[20];
static struct slub_snap_cpu long_cpus[2] = {
	{ .slab = -1, .freelist = -1 }, { .slab = -1, .freelist = -1 } };
static struct slub_snap_node long_nodes[1];
static struct slub_snapshot snap;

/* Make objects[] of slab k: all allocated, then free lists as given. */
static void slab(int k, unsigned int objects, enum slub_slab_where where,
		 int owner)
{
	unsigned int i;

	slabs[k] = (struct slub_snap_slab){
		.pfn = 100 + 8 * k, .addr = 0x1000 * (100 + 8 * k),
		.order = objects > 16 ? 2 : 0, .objects = objects,
		.inuse = objects, .where = where, .owner = owner,
		.frozen = where == SLUB_SLAB_CPU ||
			  where == SLUB_SLAB_CPU_PARTIAL,
		.freelist = -1, .obj = objs[k],
	};
	for (i = 0; i < objects; i++)
		objs[k][i] = (struct slub_snap_object){
			.state = SLUB_OBJ_ALLOCATED, .next = -1 };
}

/* Link list[0..n-1] as a freelist of state st; returns the head. */
static int chain(int k, unsigned char st, const int *list, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		objs[k][list[i]].state = st;
		objs[k][list[i]].next = i + 1 < n ? list[i + 1] : -1;
		if (st == SLUB_OBJ_PAGE_FREE)
			slabs[k].inuse--;
	}
	return n ? list[0] : -1;
}

static void build(void)
{
	static const int cf[] = { 3, 7, 1, 15 }, pf[] = { 10, 12 };
	static const int p1[] = { 0, 5, 9 }, p2[] = { 2 };
	static const int n3[] = { 4, 8, 11, 13, 14 }, n4[] = { 6 };
	static const int big_cpu[] = { 2, 50, 40, 3, 60, 61, 5 };

	slab(0, 16, SLUB_SLAB_CPU, 0);
	cpus[0].freelist = chain(0, SLUB_OBJ_CPU_FREE, cf, 4);
	slabs[0].freelist = chain(0, SLUB_OBJ_PAGE_FREE, pf, 2);
	slabs[0].inuse = 16;	/* c->freelist counts as in use */
	slab(1, 16, SLUB_SLAB_CPU_PARTIAL, 0);
	slabs[1].freelist = chain(1, SLUB_OBJ_PAGE_FREE, p1, 3);
	slabs[1].pages = 2;
	slabs[1].pobjects = 4;
	slab(2, 16, SLUB_SLAB_CPU_PARTIAL, 0);
	slabs[2].freelist = chain(2, SLUB_OBJ_PAGE_FREE, p2, 1);
	slab(3, 16, SLUB_SLAB_NODE_PARTIAL, 0);
	slabs[3].freelist = chain(3, SLUB_OBJ_PAGE_FREE, n3, 5);
	slab(4, 16, SLUB_SLAB_NODE_PARTIAL, 0);
	slabs[4].freelist = chain(4, SLUB_OBJ_PAGE_FREE, n4, 1);
	slab(5, 16, SLUB_SLAB_UNLISTED, 0);
	slab(6, 64, SLUB_SLAB_CPU, 1);
	cpus[1].freelist = chain(6, SLUB_OBJ_CPU_FREE, big_cpu, 7);

	cpus[0].tid = 8;
	cpus[0].slab = 0;
	cpus[0].nr_partial = 2;
	cpus[0].partial = cpu0_partial;
	cpus[1].tid = 17;
	cpus[1].slab = 6;
	nodes[0].nr_partial = 2;
	nodes[0].partial = node0_partial;

	caches[0] = (struct slub_snap_cache){
		.name = "demo", .nr_aliases = 1, .aliases = aliases,
		.size = 256, .object_size = 200, .align = 8, .offset = 0,
		.inuse = 200, .order = 0, .objects = 16, .min_partial = 5,
		.cpu_partial = 13, .refcount = 2, .is_root = true,
		.nr_slabs = NSLABS, .slabs = slabs, .cpu = cpus, .node = nodes,
	};
	caches[1] = (struct slub_snap_cache){
		.name = "empty", .size = 64, .object_size = 64, .align = 8,
		.objects = 64, .min_partial = 5, .cpu_partial = 30,
		.refcount = 1, .cpu = (struct slub_snap_cpu[2]){
			{ .slab = -1, .freelist = -1 },
			{ .slab = -1, .freelist = -1 } },
		.node = (struct slub_snap_node[1]){ { 0 } },
	};
	for (int k = 0; k < LONG_SLABS; k++) {
		bool partial = k < 20;	/* object 2 free */

		long_slabs[k] = (struct slub_snap_slab){
			.pfn = 1000 + k, .objects = 4,
			.inuse = partial ? 3 : 4,
			.where = partial ? SLUB_SLAB_NODE_PARTIAL :
					   SLUB_SLAB_UNLISTED,
			.freelist = partial ? 2 : -1, .obj = long_objs[k] };
		for (int i = 0; i < 4; i++)
			long_objs[k][i] = (struct slub_snap_object){
				.state = partial && i == 2 ?
					 SLUB_OBJ_PAGE_FREE :
					 SLUB_OBJ_ALLOCATED,
				.next = -1 };
		if (partial)
			long_partial[k] = k;
	}
	long_nodes[0].nr_partial = 20;
	long_nodes[0].partial = long_partial;
	caches[2] = (struct slub_snap_cache){
		.name = "long", .size = 1024, .object_size = 1000, .align = 8,
		.objects = 4, .min_partial = 5, .cpu_partial = 6,
		.refcount = 1, .nr_slabs = LONG_SLABS, .slabs = long_slabs,
		.cpu = long_cpus, .node = long_nodes };
	snap = (struct slub_snapshot){ .nr_cpus = 2, .nr_nodes = 1,
		.current_cpu = 0, .nr_caches = 3, .caches = caches };
}

/*
 * A cache with sheaves of 4: CPU 0's main sheaf holds objects 5 and 9 of
 * slab 0 (a partial slab), its spare objects 0 to 3 of slab 1 (full as
 * far as the slab knows); the barn 3 full sheaves of 10, 1 empty. The
 * drawing has the sheaves with an edge from each filled slot to its
 * object's cell, the barn's stacks, the sheaf words of the legend, the
 * objects tagged m0, m1, s0 ..., and dot reads it without a complaint.
 * A caller holds a prefilled sheaf of capacity 3 with objects 4 and 5 of
 * slab 1: it is drawn under its name, its slots joined to those cells,
 * which are tagged NAME:slot, and the legend has the prefilled state.
 */
static const char *held_name(void *arg, unsigned int id)
{
	return id == 7 ? arg : NULL;
}

static int sheaf_case(void)
{
	static struct slub_snap_object o[2][16];
	static struct slub_snap_slab sl[2];
	static struct slub_snap_ref main_refs[] = { { 0, 5 }, { 0, 9 } };
	static struct slub_snap_ref spare_refs[] = {
		{ 1, 0 }, { 1, 1 }, { 1, 2 }, { 1, 3 } };
	static struct slub_snap_ref held_refs[] = { { 1, 4 }, { 1, 5 } };
	static struct slub_snap_prefilled held[] = {
		{ .id = 7, .size = 2, .capacity = 3, .objects = held_refs } };
	static int partial[] = { 0 };
	static struct slub_snap_cpu cpu[1];
	static struct slub_snap_node node[1];
	static struct slub_snap_cache c;
	struct slub_snapshot sn = { .nr_cpus = 1, .nr_nodes = 1,
				    .current_cpu = 0, .nr_caches = 1,
				    .caches = &c };
	char *buf = NULL, path[] = "/tmp/test-sheaf-dot-XXXXXX", cmd[160];
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);
	int k, i, fail = 0, fd, barn_cells = 0;
	const char *p;

	for (k = 0; k < 2; k++) {
		sl[k] = (struct slub_snap_slab){ .pfn = 0x3c08 + k,
			.addr = 0x3c08000UL + 0x1000UL * k, .objects = 16,
			.inuse = 16, .freelist = -1, .obj = o[k],
			.where = k ? SLUB_SLAB_UNLISTED :
				     SLUB_SLAB_NODE_PARTIAL };
		for (i = 0; i < 16; i++)
			o[k][i] = (struct slub_snap_object){
				.state = SLUB_OBJ_ALLOCATED, .next = -1 };
	}
	o[0][5].state = o[0][9].state = SLUB_OBJ_SHEAF;
	for (i = 0; i < 4; i++)
		o[1][i].state = SLUB_OBJ_SHEAF;
	o[1][4].state = o[1][5].state = SLUB_OBJ_PREFILLED;
	for (i = 10; i < 16; i++)
		o[0][i].state = SLUB_OBJ_BARN;
	o[0][4] = (struct slub_snap_object){ SLUB_OBJ_PAGE_FREE, -1 };
	sl[0].freelist = 4;
	sl[0].inuse = 15;
	cpu[0] = (struct slub_snap_cpu){ .slab = -1, .freelist = -1,
		.main_size = 2, .main = main_refs, .spare_size = 4,
		.spare = spare_refs };
	node[0] = (struct slub_snap_node){ .nr_partial = 1,
		.partial = partial, .barn_full = 3, .barn_empty = 1,
		.barn_objects = 12, .barn_max_full = 10,
		.barn_max_empty = 10 };
	c = (struct slub_snap_cache){ .name = "sheafy", .size = 256,
		.object_size = 256, .align = 8, .inuse = 256, .objects = 16,
		.min_partial = 5, .cpu_partial = 13, .refcount = 1,
		.nr_slabs = 2, .slabs = sl, .cpu = cpu, .node = node,
		.sheaf_capacity = 4, .nr_prefilled = 1, .prefilled = held };
	if (!m || slub_snapshot_write_dot_named(m, &sn, "sheafy", held_name,
						"<r>") != 0) {
		fprintf(stderr, "FAIL: cache with sheaves\n");
		return 1;
	}
	fclose(m);
	for (p = buf; (p = strstr(p, "BGCOLOR=\"#8877ff\"></TD>")); p++)
		barn_cells++;
	if (!strstr(buf, "c0_cpu0_main:k0:s -> c0_s0:o5:n") ||
	    !strstr(buf, "c0_cpu0_main:k1:s -> c0_s0:o9:n") ||
	    !strstr(buf, "c0_cpu0_spare:k3:s -> c0_s1:o3:n") ||
	    strstr(buf, "c0_cpu0_main:k2:s") ||
	    !strstr(buf, "free: in a sheaf") ||
	    !strstr(buf, "free: in the barn") ||
	    strstr(buf, "free: cpu freelist") ||
	    !strstr(buf, "full 3/10") || !strstr(buf, "empty 1/10") ||
	    !strstr(buf, ">m1</FONT>") || !strstr(buf, ">s3</FONT>") ||
	    !strstr(buf, "pfn 0x3c09") || barn_cells != 3 ||
	    strstr(buf, "POINT-SIZE=\"8\"")) {
		fprintf(stderr, "FAIL: the sheaves, the barn (%d full drawn) "
			"or the legend of a sheaf cache\n", barn_cells);
		fail++;
	}
	if (!strstr(buf, "c0_held0:k0:s -> c0_s1:o4:n") ||
	    !strstr(buf, "c0_held0:k1:s -> c0_s1:o5:n") ||
	    strstr(buf, "c0_held0:k2:s") ||
	    !strstr(buf, "<B>prefilled sheaf</B> &lt;r&gt;, size 2") ||
	    !strstr(buf, ">&lt;r&gt;:1</FONT>") ||
	    !strstr(buf, "free: in a prefilled sheaf")) {
		fprintf(stderr, "FAIL: the held sheaf, its name, its edges or "
			"its legend entry\n");
		fail++;
	}
	fd = mkstemp(path);
	if (fd < 0 || write(fd, buf, len) != (ssize_t)len) {
		fprintf(stderr, "FAIL: %s\n", path);
		fail++;
	} else {
		snprintf(cmd, sizeof(cmd), "dot -Tsvg %s -o /dev/null 2>&1 | "
			 "grep -q . && exit 1; exit 0", path);
		if (system(cmd)) {
			fprintf(stderr, "FAIL: dot complains about the drawing "
				"of a sheaf cache\n");
			fail++;
		}
	}
	if (fd >= 0) {
		close(fd);
		unlink(path);
	}
	free(buf);
	return fail;
}

int main(int argc, char **argv)
{
	FILE *out = stdout, *null = fopen("/dev/null", "w");
	int fail = 0;

	build();
	if (argc > 1 && !(out = fopen(argv[1], "w"))) {
		perror(argv[1]);
		return 2;
	}
	if (slub_snapshot_write_dot(out, &snap, argc > 2 ? argv[2] : NULL)) {
		fprintf(stderr, "FAIL: write_dot returned -1\n");
		fail++;
	}
	if (out != stdout)
		fclose(out);
	if (slub_snapshot_write_dot(null, &snap, "no-such-cache") != -1) {
		fprintf(stderr, "FAIL: unknown cache accepted\n");
		fail++;
	}
	if (slub_snapshot_write_dot(null, &snap, "demo_alias<&>") != 0) {
		fprintf(stderr, "FAIL: alias not found\n");
		fail++;
	}
	if (slub_snapshot_write_dot(null, NULL, NULL) != -1) {
		fprintf(stderr, "FAIL: NULL snapshot accepted\n");
		fail++;
	}
	/* Long lists are cut short, and say how much is left out. */
	{
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);

		if (!m || slub_snapshot_write_dot(m, &snap, "long") != 0) {
			fprintf(stderr, "FAIL: cache long\n");
			fail++;
		}
		if (m)
			fclose(m);
		if (!buf || !strstr(buf, "12 more slabs on this list") ||
		    !strstr(buf, "6 more slabs on no list") ||
		    strstr(buf, "c2_s8 ") || !strstr(buf, "c2_s7 ")) {
			fprintf(stderr, "FAIL: long lists are not cut short\n");
			fail++;
		}
		free(buf);
	}
	/* A corrupted freelist (a cycle) must not hang. */
	objs[3][14].next = 4;
	if (slub_snapshot_write_dot(null, &snap, "demo") != 0) {
		fprintf(stderr, "FAIL: cyclic freelist\n");
		fail++;
	}
	fail += sheaf_case();
	fclose(null);
	return fail ? 1 : 0;
}
