// SPDX-License-Identifier: GPL-2.0-only
/*
 * The /sys/kernel/slab view as a real directory tree (see sysfs_tree.h).
 * Every file's content comes from slab_attr_show(), so the tree shows
 * exactly what the attribute layer shows; the snapshot only tells which
 * caches exist, which names are merged into them and which are the
 * memory-cgroup children.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "slub.h"
#include "sysfs_tree.h"

#define NAME_MAX_LEN	256

struct tree {
	char *err;
	size_t errlen;
	int dirfd;		/* DIR */
	const struct slub_snapshot *snap;
};

static int tree_err(struct tree *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int tree_err(struct tree *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->err, t->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

/* ------------------------------------------------------------ clearing */

static const char *nftw_bad;	/* nftw passes no user argument */
static char nftw_path[512];

/* Only what a written tree holds: directories, links, small files. */
static int check_entry(const char *path, const struct stat *st, int flag,
		       struct FTW *ftw)
{
	char attr[4200];
	struct stat ast;

	if (flag == FTW_DNR || flag == FTW_NS)
		nftw_bad = "cannot be read";
	else if (ftw->level == 1 && S_ISREG(st->st_mode))
		nftw_bad = "is a file where only caches and aliases belong";
	else if (ftw->level == 1 && S_ISDIR(st->st_mode) &&
		 (snprintf(attr, sizeof(attr), "%s/object_size", path),
		  lstat(attr, &ast) || !S_ISREG(ast.st_mode)))
		nftw_bad = "is a directory without an object_size attribute";
	else if (S_ISREG(st->st_mode) && st->st_size > SLAB_ATTR_BUFSIZE)
		nftw_bad = "is a file larger than any attribute";
	else if (!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode) &&
		 !S_ISLNK(st->st_mode))
		nftw_bad = "is neither a file, a directory nor a link";
	if (!nftw_bad)
		return 0;
	snprintf(nftw_path, sizeof(nftw_path), "%s", path);
	return 1;
}

static int remove_entry(const char *path, const struct stat *st, int flag,
			struct FTW *ftw)
{
	(void)st;
	if (ftw->level == 0)
		return 0;		/* keep DIR itself */
	if ((flag == FTW_DP ? rmdir(path) : unlink(path)) == 0)
		return 0;
	snprintf(nftw_path, sizeof(nftw_path), "%s", path);
	return errno ? errno : EIO;
}

/* 1 empty, 0 not, -1 cannot read it (errno set). */
static int dir_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int empty = 1;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) {
			empty = 0;
			break;
		}
	}
	closedir(d);
	return empty;
}

/* mkdir -p */
static int make_dirs(struct tree *t, const char *dir)
{
	char path[4096];
	size_t i, n = strlen(dir);

	if (n >= sizeof(path))
		return tree_err(t, "'%.60s...': path too long", dir);
	memcpy(path, dir, n + 1);
	for (i = 1; i <= n; i++) {
		if (path[i] != '/' && path[i] != '\0')
			continue;
		path[i] = '\0';
		if (mkdir(path, 0755) && errno != EEXIST)
			return tree_err(t, "cannot create '%s': %s", path,
					strerror(errno));
		path[i] = i < n ? '/' : '\0';
	}
	return 0;
}

/* Make dir an empty directory, or explain why not. */
static int prepare_dir(struct tree *t, const char *dir, bool force)
{
	struct stat st;
	int r;

	if (lstat(dir, &st)) {
		if (errno != ENOENT)
			return tree_err(t, "cannot use '%s': %s", dir,
					strerror(errno));
		return make_dirs(t, dir);
	}
	if (!S_ISDIR(st.st_mode))
		return tree_err(t, "'%s' exists and is not a directory", dir);
	r = dir_is_empty(dir);
	if (r < 0)
		return tree_err(t, "cannot read '%s': %s", dir,
				strerror(errno));
	if (r)
		return 0;
	if (!force)
		return tree_err(t, "'%s' is not empty (--force replaces its "
				"contents)", dir);
	nftw_bad = NULL;
	if (nftw(dir, check_entry, 16, FTW_PHYS) || nftw_bad)
		return tree_err(t, "'%s' does not look like a slab tree, not "
				"clearing it: '%s' %s", dir, nftw_path,
				nftw_bad ? nftw_bad : "cannot be read");
	r = nftw(dir, remove_entry, 16, FTW_PHYS | FTW_DEPTH);
	if (r)
		return tree_err(t, "cannot remove '%s': %s", nftw_path,
				r > 0 ? strerror(r) : "nftw failed");
	return 0;
}

/* ------------------------------------------------------------ writing */

/* A name sysfs could hold as one directory entry. */
static bool valid_entry(const char *name)
{
	return *name && !strchr(name, '/') && strcmp(name, ".") &&
	       strcmp(name, "..") && strlen(name) < NAME_MAX_LEN;
}

static int write_file(struct tree *t, int dfd, const char *dname,
		      const char *name, const char *text, size_t len,
		      mode_t mode)
{
	int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
			mode);
	ssize_t n = 0;
	size_t off;

	if (fd < 0)
		return tree_err(t, "cannot create '%s/%s': %s", dname, name,
				strerror(errno));
	for (off = 0; off < len; off += (size_t)n) {
		n = write(fd, text + off, len - off);
		if (n <= 0)
			break;
	}
	if (close(fd) || off < len)
		return tree_err(t, "cannot write '%s/%s': %s", dname, name,
				strerror(errno ? errno : EIO));
	return 0;
}

/* One directory with a file per attribute; dname names it in messages. */
static int write_cache_dir(struct tree *t, int pfd, const char *dname,
			   const char *entry, struct kmem_cache *s,
			   bool root, int *out_fd)
{
	char buf[SLAB_ATTR_BUFSIZE + 1];
	const char *attr;
	int dfd, i;

	if (mkdirat(pfd, entry, 0755))
		return tree_err(t, "cannot create '%s': %s", dname,
				strerror(errno));
	dfd = openat(pfd, entry, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0)
		return tree_err(t, "cannot open '%s': %s", dname,
				strerror(errno));
	for (i = 0; (attr = slub_attr_name(i)); i++) {
		ssize_t n = slab_attr_show(s, attr, buf);

		/*
		 * A file the kernel has but whose read fails (alloc_calls of
		 * a cache that does not store its users: -ENOSYS) is written
		 * empty: reading it gives nothing, as tools/vm/slabinfo sees
		 * the kernel's.
		 */
		if (n == -ENOSYS)
			n = 0;
		if (n < 0) {
			close(dfd);
			return tree_err(t, "slab_attr_show(%s, %s) failed: %s",
					dname, attr, strerror((int)-n));
		}
		if (n > SLAB_ATTR_BUFSIZE)
			n = SLAB_ATTR_BUFSIZE;
		if (write_file(t, dfd, dname, attr, buf, (size_t)n,
			       slub_attr_writable(attr) ? 0600 : 0400)) {
			close(dfd);
			return -1;
		}
	}
	if (root && mkdirat(dfd, "cgroup", 0755)) {
		close(dfd);
		return tree_err(t, "cannot create '%s/cgroup': %s", dname,
				strerror(errno));
	}
	if (out_fd)
		*out_fd = dfd;
	else
		close(dfd);
	return 0;
}

/* The allocator's cache for a snapshot entry (its own name, not an alias). */
static struct kmem_cache *cache_of(struct tree *t,
				   const struct slub_snap_cache *c)
{
	struct kmem_cache *s = slub_find_cache(c->name);

	if (!s || strcmp(kmem_cache_name(s), c->name)) {
		tree_err(t, "cache '%s' of the snapshot is not known to "
			 "slub_find_cache()", c->name);
		return NULL;
	}
	return s;
}

static int add_link(struct tree *t, const char *alias, const char *target)
{
	if (!valid_entry(alias))
		return tree_err(t, "cannot represent the alias '%s' as a "
				"directory entry", alias);
	if (symlinkat(target, t->dirfd, alias))
		return tree_err(t, "cannot create the link '%s' -> '%s': %s",
				alias, target, strerror(errno));
	return 0;
}

static int write_root(struct tree *t, const struct slub_snap_cache *c)
{
	struct kmem_cache *s = cache_of(t, c);
	char dname[NAME_MAX_LEN];
	int k;

	if (!s)
		return -1;
	slub_sysfs_name(s, dname, sizeof(dname));
	if (!valid_entry(dname))
		return tree_err(t, "cannot represent the cache '%s' as a "
				"directory entry", dname);
	if (write_cache_dir(t, t->dirfd, dname, dname, s, true, NULL))
		return -1;
	/* A mergeable cache: its own name is a link to its unique id. */
	if (strcmp(dname, c->name) && add_link(t, c->name, dname))
		return -1;
	for (k = 0; k < c->nr_aliases; k++)
		if (add_link(t, c->aliases[k], dname))
			return -1;
	return 0;
}

/*
 * The root of a child cache "root(id:cgroup)": the longest root cache
 * name that the child's name starts with, followed by "(".
 */
static const struct slub_snap_cache *root_of(const struct tree *t,
					     const char *child)
{
	const struct slub_snap_cache *best = NULL;
	int i;

	for (i = 0; i < t->snap->nr_caches; i++) {
		const struct slub_snap_cache *c = &t->snap->caches[i];
		size_t n = strlen(c->name);

		if (c->is_root && !strncmp(child, c->name, n) &&
		    child[n] == '(' && (!best || n > strlen(best->name)))
			best = c;
	}
	return best;
}

static int write_child(struct tree *t, const struct slub_snap_cache *c)
{
	const struct slub_snap_cache *root = root_of(t, c->name);
	char rname[NAME_MAX_LEN], cname[NAME_MAX_LEN], dname[1024];
	struct kmem_cache *s = cache_of(t, c), *rs;
	int cfd, ret;

	if (!s)
		return -1;
	if (!root)
		return tree_err(t, "no root cache for the memory-cgroup cache "
				"'%s'", c->name);
	rs = cache_of(t, root);
	if (!rs)
		return -1;
	slub_sysfs_name(rs, rname, sizeof(rname));
	slub_sysfs_name(s, cname, sizeof(cname));
	if (!valid_entry(cname))
		return tree_err(t, "cannot represent the cache '%s' as a "
				"directory entry", cname);
	snprintf(dname, sizeof(dname), "%s/cgroup", rname);
	cfd = openat(t->dirfd, dname, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (cfd < 0)
		return tree_err(t, "cannot open '%s': %s", dname,
				strerror(errno));
	snprintf(dname, sizeof(dname), "%s/cgroup/%s", rname, cname);
	ret = write_cache_dir(t, cfd, dname, cname, s, false, NULL);
	close(cfd);
	return ret;
}

int slub_sysfs_write(const char *dir, bool force, char *err, size_t errlen)
{
	struct tree t = { .err = err, .errlen = errlen, .dirfd = -1 };
	struct slub_snapshot *snap;
	int i, n = 0, ret = 0;

	if (err && errlen)
		err[0] = '\0';
	if (!dir || !*dir)
		return tree_err(&t, "no directory given");
	if (prepare_dir(&t, dir, force))
		return -1;
	t.dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (t.dirfd < 0)
		return tree_err(&t, "cannot open '%s': %s", dir,
				strerror(errno));
	snap = slub_snapshot_take();
	if (!snap) {
		close(t.dirfd);
		return tree_err(&t, "slub_snapshot_take() failed");
	}
	t.snap = snap;
	/* Roots first: the children go into their roots' cgroup/. */
	for (i = 0; !ret && i < snap->nr_caches; i++) {
		if (!snap->caches[i].is_root)
			continue;
		ret = write_root(&t, &snap->caches[i]);
		n++;
	}
	for (i = 0; !ret && i < snap->nr_caches; i++) {
		if (snap->caches[i].is_root)
			continue;
		ret = write_child(&t, &snap->caches[i]);
		n++;
	}
	slub_snapshot_free(snap);
	close(t.dirfd);
	return ret ? -1 : n;
}
