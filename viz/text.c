// SPDX-License-Identifier: GPL-2.0-only
/*
 * Text for slubviz: every string is rendered once with SDL2_ttf into a
 * white texture and cached; drawing it again is one SDL_RenderCopy with
 * a colour modulation.  Strings not drawn for a while are dropped.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "viz.h"

#define VIZ_PX_MIN	6
#define VIZ_PX_MAX	40
#define VIZ_HASH	4096
#define VIZ_KEEP_FRAMES	90

struct text_entry {
	struct text_entry *next;
	SDL_Texture *tex;
	int w, h;
	unsigned long used;	/* frame of last use */
	unsigned char face, px;
	int fit_w;		/* max_w of the last cut, -1: none yet */
	char *fit;		/* the cut text for fit_w, NULL: none fits */
	char s[];
};

struct viz_text {
	SDL_Renderer *r;
	TTF_Font *font[VIZ_NR_FACES][VIZ_PX_MAX + 1];
	struct text_entry *bucket[VIZ_HASH];
	unsigned long frame;
	int count;
	viz_text_audit_fn *audit;
	void *audit_arg;
};

static const char *const face_path[VIZ_NR_FACES] = {
	[VIZ_SANS] = VIZ_FONT_SANS,
	[VIZ_BOLD] = VIZ_FONT_BOLD,
	[VIZ_MONO] = VIZ_FONT_MONO,
};

struct viz_text *viz_text_new(SDL_Renderer *r)
{
	struct viz_text *t;

	if (!TTF_WasInit() && TTF_Init() < 0)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->r = r;
	/* Fail early if the fonts are missing. */
	t->font[VIZ_SANS][12] = TTF_OpenFont(face_path[VIZ_SANS], 12);
	if (!t->font[VIZ_SANS][12]) {
		free(t);
		return NULL;
	}
	return t;
}

void viz_text_free(struct viz_text *t)
{
	struct text_entry *e, *n;
	int i, j;

	if (!t)
		return;
	for (i = 0; i < VIZ_HASH; i++) {
		for (e = t->bucket[i]; e; e = n) {
			n = e->next;
			SDL_DestroyTexture(e->tex);
			free(e->fit);
			free(e);
		}
	}
	for (i = 0; i < VIZ_NR_FACES; i++)
		for (j = 0; j <= VIZ_PX_MAX; j++)
			if (t->font[i][j])
				TTF_CloseFont(t->font[i][j]);
	free(t);
}

static TTF_Font *get_font(struct viz_text *t, enum viz_face face, int px)
{
	if (px < VIZ_PX_MIN)
		px = VIZ_PX_MIN;
	if (px > VIZ_PX_MAX)
		px = VIZ_PX_MAX;
	if (!t->font[face][px])
		t->font[face][px] = TTF_OpenFont(face_path[face], px);
	return t->font[face][px];
}

static unsigned int hash(enum viz_face face, int px, const char *s)
{
	uint32_t h = 2166136261u ^ (uint32_t)(face * 64 + px);

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h % VIZ_HASH;
}

static struct text_entry *render(struct viz_text *t, enum viz_face face,
				 int px, const char *s)
{
	static const SDL_Color white = { 255, 255, 255, 255 };
	TTF_Font *f = get_font(t, face, px);
	struct text_entry *e;
	SDL_Surface *surf;
	size_t n = strlen(s);

	if (!f)
		return NULL;
	surf = TTF_RenderUTF8_Blended(f, s, white);
	if (!surf)
		return NULL;
	e = malloc(sizeof(*e) + n + 1);
	if (!e) {
		SDL_FreeSurface(surf);
		return NULL;
	}
	e->tex = SDL_CreateTextureFromSurface(t->r, surf);
	e->w = surf->w;
	e->h = surf->h;
	SDL_FreeSurface(surf);
	if (!e->tex) {
		free(e);
		return NULL;
	}
	SDL_SetTextureBlendMode(e->tex, SDL_BLENDMODE_BLEND);
	e->fit_w = -1;
	e->fit = NULL;
	e->face = face;
	e->px = px;
	memcpy(e->s, s, n + 1);
	return e;
}

static struct text_entry *lookup(struct viz_text *t, enum viz_face face,
				 int px, const char *s)
{
	unsigned int h;
	struct text_entry *e;

	if (px < VIZ_PX_MIN)
		px = VIZ_PX_MIN;
	if (px > VIZ_PX_MAX)
		px = VIZ_PX_MAX;
	h = hash(face, px, s);
	for (e = t->bucket[h]; e; e = e->next)
		if (e->face == face && e->px == px && !strcmp(e->s, s))
			break;
	if (!e) {
		e = render(t, face, px, s);
		if (!e)
			return NULL;
		e->next = t->bucket[h];
		t->bucket[h] = e;
		t->count++;
	}
	e->used = t->frame;
	return e;
}

int viz_text_draw(struct viz_text *t, enum viz_face face, int px,
		  SDL_Color c, int x, int y, const char *s)
{
	struct text_entry *e;
	SDL_Rect dst;

	if (!t || !*s)
		return 0;
	e = lookup(t, face, px, s);
	if (!e)
		return 0;
	dst = (SDL_Rect){ x, y, e->w, e->h };
	if (t->audit)
		t->audit(t->audit_arg, face, px, c, &dst, s);
	SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
	SDL_SetTextureAlphaMod(e->tex, c.a);
	SDL_RenderCopy(t->r, e->tex, NULL, &dst);
	return e->w;
}

int viz_text_width(struct viz_text *t, enum viz_face face, int px,
		   const char *s)
{
	struct text_entry *e;

	if (!t || !*s)
		return 0;
	e = lookup(t, face, px, s);
	return e ? e->w : 0;
}

int viz_text_height(struct viz_text *t, enum viz_face face, int px)
{
	TTF_Font *f = t ? get_font(t, face, px) : NULL;

	return f ? TTF_FontHeight(f) : px;
}

#define ELLIPSIS	"\xe2\x80\xa6"

/* Width of the first n bytes of s followed by the ellipsis. */
static int cut_width(TTF_Font *f, const char *s, size_t n, char *buf)
{
	int w = 0;

	memcpy(buf, s, n);
	while (n && buf[n - 1] == ' ')
		n--;
	memcpy(buf + n, ELLIPSIS, sizeof(ELLIPSIS));
	if (TTF_SizeUTF8(f, buf, &w, NULL))
		return 1 << 20;
	return w;
}

static bool utf8_start(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xc0) != 0x80;
}

/* The longest prefix of s that fits max_w with the ellipsis, or NULL. */
static char *cut(TTF_Font *f, const char *s, int max_w)
{
	size_t len = strlen(s), nb = 0, i;
	size_t *bound = malloc((len + 1) * sizeof(*bound));
	char *buf = malloc(len + sizeof(ELLIPSIS));
	size_t lo = 0, hi, mid;

	if (!bound || !buf)
		goto none;
	/* bound[k - 1]: bytes of the first k characters. */
	for (i = 1; i <= len; i++)
		if (i == len || utf8_start(s, i))
			bound[nb++] = i;
	/* The widths grow with k: find the largest k that fits. */
	hi = nb;
	while (lo < hi) {
		mid = (lo + hi + 1) / 2;
		if (cut_width(f, s, bound[mid - 1], buf) <= max_w)
			lo = mid;
		else
			hi = mid - 1;
	}
	if (!lo)
		goto none;
	cut_width(f, s, bound[lo - 1], buf);
	free(bound);
	return buf;
none:
	free(bound);
	free(buf);
	return NULL;
}

const char *viz_text_fitted(struct viz_text *t, enum viz_face face, int px,
			    int max_w, const char *s)
{
	struct text_entry *e;
	TTF_Font *f;

	if (!t || !*s)
		return NULL;
	e = lookup(t, face, px, s);
	if (!e)
		return NULL;
	if (e->w <= max_w)
		return e->s;
	if (e->fit_w == max_w)
		return e->fit;
	f = get_font(t, face, px);
	free(e->fit);
	e->fit = f ? cut(f, s, max_w) : NULL;
	e->fit_w = max_w;
	return e->fit;
}

int viz_text_fit(struct viz_text *t, enum viz_face face, int px,
		 SDL_Color c, int x, int y, int max_w, const char *s)
{
	const char *fit = viz_text_fitted(t, face, px, max_w, s);

	return fit ? viz_text_draw(t, face, px, c, x, y, fit) : 0;
}

void viz_text_set_audit(struct viz_text *t, viz_text_audit_fn *fn,
			void *arg)
{
	t->audit = fn;
	t->audit_arg = arg;
}

int viz_textf(struct viz_text *t, enum viz_face face, int px, SDL_Color c,
	      int x, int y, const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return viz_text_draw(t, face, px, c, x, y, buf);
}

void viz_text_frame_end(struct viz_text *t)
{
	struct text_entry **pp, *e;
	int i;

	if (!t)
		return;
	t->frame++;
	if (t->frame % 30)
		return;
	for (i = 0; i < VIZ_HASH; i++) {
		pp = &t->bucket[i];
		while ((e = *pp)) {
			if (t->frame - e->used > VIZ_KEEP_FRAMES) {
				*pp = e->next;
				SDL_DestroyTexture(e->tex);
				free(e->fit);
				free(e);
				t->count--;
			} else {
				pp = &e->next;
			}
		}
	}
}

int viz_text_cached(const struct viz_text *t)
{
	return t ? t->count : 0;
}
