/* SPDX-License-Identifier: GPL-2.0-only */
/* Shared by the visualizer's test files. */
#ifndef SLUBVIZ_TEST_H
#define SLUBVIZ_TEST_H

#include <stdbool.h>

void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The rendering tests of test_render.c (in-process, headless). */
void test_render(void);
/* A sheaf cache's sheaves and barns (test_sheaves.c). */
void test_sheaves(void);
/* The steps, the trail, compare, --step and sessions (test_steps.c). */
void test_steps(const char *tmpdir, bool units_only);

#endif
