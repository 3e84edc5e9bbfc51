// SPDX-License-Identifier: GPL-2.0-only
/*
 * The palette (tools/palette.h) keeps the promises its header makes: the
 * ink on every fill has a WCAG contrast ratio of at least 4.5:1, and every
 * two fills stay apart for readers with normal colour vision and with each
 * of protanopia, deuteranopia and tritanopia, simulated with the model of
 * Machado, Oliveira and Fernandes (IEEE TVCG 15(6), 2009; severity 1.0)
 * and measured with the CIEDE2000 colour difference. Each object state
 * maps to its own part; the legend's words are all different.
 */
#include <math.h>
#include <string.h>

#include "palette.h"
#include "slub_test.h"

#define MIN_CONTRAST	4.5	/* WCAG 2 AA, normal text */
#define MIN_PARTS_DE	11.0	/* any two fills */
#define MIN_STATES_DE	40.0	/* the three object states */
#define MIN_SHEAF_DE	23.0	/* a sheaf cache's states */

static double lin(unsigned int c8)
{
	double c = c8 / 255.0;

	return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static void to_linear(unsigned int rgb, double out[3])
{
	out[0] = lin((rgb >> 16) & 0xff);
	out[1] = lin((rgb >> 8) & 0xff);
	out[2] = lin(rgb & 0xff);
}

/* WCAG 2's relative luminance and contrast ratio. */
static double luminance(unsigned int rgb)
{
	double l[3];

	to_linear(rgb, l);
	return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
}

static double contrast(unsigned int a, unsigned int b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* Normal vision, then Machado et al.'s dichromat matrices (linear RGB). */
static const double vision[4][3][3] = {
	{ { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } },
	{ { 0.152286, 1.052583, -0.204868 },	/* protanopia */
	  { 0.114503, 0.786281, 0.099216 },
	  { -0.003882, -0.048116, 1.051998 } },
	{ { 0.367322, 0.860646, -0.227968 },	/* deuteranopia */
	  { 0.280085, 0.672501, 0.047413 },
	  { -0.011820, 0.042940, 0.968881 } },
	{ { 1.255528, -0.076749, -0.178779 },	/* tritanopia */
	  { -0.078411, 0.930809, 0.147602 },
	  { 0.004733, 0.691367, 0.303900 } },
};

static const char *const vision_name[4] = {
	"normal vision", "protanopia", "deuteranopia", "tritanopia",
};

static double lab_f(double t)
{
	return t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116;
}

/* The colour as seen with vision v, in CIELAB (D65). */
static void seen_lab(unsigned int rgb, int v, double lab[3])
{
	double l[3], s[3], x, y, z;
	int i;

	to_linear(rgb, l);
	for (i = 0; i < 3; i++) {
		s[i] = vision[v][i][0] * l[0] + vision[v][i][1] * l[1] +
		       vision[v][i][2] * l[2];
		s[i] = s[i] < 0 ? 0 : s[i] > 1 ? 1 : s[i];
	}
	x = lab_f((0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047);
	y = lab_f(0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2]);
	z = lab_f((0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883);
	lab[0] = 116 * y - 16;
	lab[1] = 500 * (x - y);
	lab[2] = 200 * (y - z);
}

static double deg(double r)
{
	return r * 180 / M_PI;
}

static double rad(double d)
{
	return d * M_PI / 180;
}

/* CIEDE2000 (Sharma, Wu and Dalal's formulation), kL = kC = kH = 1. */
static double ciede2000(const double p[3], const double q[3])
{
	double c1 = hypot(p[1], p[2]), c2 = hypot(q[1], q[2]);
	double cb7 = pow((c1 + c2) / 2, 7);
	double g = 0.5 * (1 - sqrt(cb7 / (cb7 + pow(25, 7))));
	double a1 = (1 + g) * p[1], a2 = (1 + g) * q[1];
	double c1p = hypot(a1, p[2]), c2p = hypot(a2, q[2]);
	double h1 = fmod(deg(atan2(p[2], a1)) + 360, 360);
	double h2 = fmod(deg(atan2(q[2], a2)) + 360, 360);
	double dl = q[0] - p[0], dc = c2p - c1p, dh = 0, hb = h1 + h2;
	double lb, cbp, t, dth, rc, sl, sc, sh, rt, cbp7;

	if (c1p * c2p != 0) {
		dh = h2 - h1;
		dh += dh > 180 ? -360 : dh < -180 ? 360 : 0;
		hb = fabs(h1 - h2) <= 180 ? (h1 + h2) / 2 :
		     h1 + h2 < 360 ? (h1 + h2 + 360) / 2 :
		     (h1 + h2 - 360) / 2;
	}
	dh = 2 * sqrt(c1p * c2p) * sin(rad(dh / 2));
	lb = (p[0] + q[0]) / 2;
	cbp = (c1p + c2p) / 2;
	t = 1 - 0.17 * cos(rad(hb - 30)) + 0.24 * cos(rad(2 * hb)) +
	    0.32 * cos(rad(3 * hb + 6)) - 0.20 * cos(rad(4 * hb - 63));
	dth = 30 * exp(-pow((hb - 275) / 25, 2));
	cbp7 = pow(cbp, 7);
	rc = 2 * sqrt(cbp7 / (cbp7 + pow(25, 7)));
	sl = 1 + 0.015 * pow(lb - 50, 2) / sqrt(20 + pow(lb - 50, 2));
	sc = 1 + 0.045 * cbp;
	sh = 1 + 0.015 * cbp * t;
	rt = -sin(rad(2 * dth)) * rc;
	return sqrt(pow(dl / sl, 2) + pow(dc / sc, 2) + pow(dh / sh, 2) +
		    rt * (dc / sc) * (dh / sh));
}

START_TEST(test_ciede2000_reference)
{
	/* Pairs 1 and 17 of Sharma, Wu and Dalal's test data (2005). */
	const double a1[3] = { 50, 2.6772, -79.7751 };
	const double b1[3] = { 50, 0, -82.7485 };
	const double a17[3] = { 50, 2.5, 0 };
	const double b17[3] = { 73, 25, -18 };

	ck_assert_double_eq_tol(ciede2000(a1, b1), 2.0425, 1e-4);
	ck_assert_double_eq_tol(ciede2000(a17, b17), 27.1492, 1e-4);
}
END_TEST

START_TEST(test_ink_contrast)
{
	int i;

	for (i = 0; i < NR_PAL_PARTS; i++)
		ck_assert_msg(contrast(palette[i].fill, palette[i].ink) >=
			      MIN_CONTRAST, "%s: ink #%06x on #%06x has "
			      "contrast %.2f", palette[i].legend,
			      palette[i].ink, palette[i].fill,
			      contrast(palette[i].fill, palette[i].ink));
}
END_TEST

/* A sheaf cache's objects are allocated, on a page freelist, in a sheaf
 * or in the barn: those four must stay well apart too. */
static bool sheaf_state(int i)
{
	return i == PAL_ALLOCATED || i == PAL_PAGE_FREE || i == PAL_SHEAF ||
	       i == PAL_BARN;
}

/* An object in a prefilled sheaf meets every other state, in either
 * design. */
static bool object_state(int i)
{
	return i <= PAL_PAGE_FREE || i == PAL_SHEAF || i == PAL_BARN;
}

static double part_distance(int i, int j)
{
	if (j <= PAL_PAGE_FREE)
		return MIN_STATES_DE;
	if (sheaf_state(i) && sheaf_state(j))
		return MIN_SHEAF_DE;
	if (j == PAL_PREFILLED && object_state(i))
		return MIN_SHEAF_DE;
	return MIN_PARTS_DE;
}

START_TEST(test_colour_blind_distance)
{
	double lab[NR_PAL_PARTS][3];
	int v, i, j;

	for (v = 0; v < 4; v++) {
		for (i = 0; i < NR_PAL_PARTS; i++)
			seen_lab(palette[i].fill, v, lab[i]);
		for (i = 0; i < NR_PAL_PARTS; i++) {
			for (j = i + 1; j < NR_PAL_PARTS; j++) {
				double d = ciede2000(lab[i], lab[j]);
				double min = part_distance(i, j);

				ck_assert_msg(d >= min, "%s: '%s' and '%s' "
					      "differ by %.1f (< %.0f)",
					      vision_name[v],
					      palette[i].legend,
					      palette[j].legend, d, min);
			}
		}
	}
}
END_TEST

START_TEST(test_states_and_words)
{
	int i, j;

	ck_assert_int_eq(palette_state(SLUB_OBJ_ALLOCATED), PAL_ALLOCATED);
	ck_assert_int_eq(palette_state(SLUB_OBJ_CPU_FREE), PAL_CPU_FREE);
	ck_assert_int_eq(palette_state(SLUB_OBJ_PAGE_FREE), PAL_PAGE_FREE);
	ck_assert_int_eq(palette_state(SLUB_OBJ_SHEAF), PAL_SHEAF);
	ck_assert_int_eq(palette_state(SLUB_OBJ_BARN), PAL_BARN);
	ck_assert_int_eq(palette_state(SLUB_OBJ_PREFILLED), PAL_PREFILLED);
	for (i = 0; i < NR_PAL_PARTS; i++) {
		ck_assert(palette[i].legend && *palette[i].legend);
		for (j = i + 1; j < NR_PAL_PARTS; j++)
			ck_assert_str_ne(palette[i].legend, palette[j].legend);
	}
}
END_TEST

Suite *palette_suite(void)
{
	Suite *s = suite_create("palette");
	TCase *tc = tcase_create("palette");

	tcase_add_test(tc, test_ciede2000_reference);
	tcase_add_test(tc, test_ink_contrast);
	tcase_add_test(tc, test_colour_blind_distance);
	tcase_add_test(tc, test_states_and_words);
	suite_add_tcase(s, tc);
	return s;
}
