// SPDX-License-Identifier: GPL-2.0-only
/*
 * Rendering without any window: an RGB surface and SDL's software
 * renderer, no video subsystem at all.  Used by --headless, --bench and
 * the tests.
 */
#include <stdlib.h>
#include <SDL_image.h>
#include "viz.h"

int viz_canvas_open(struct viz_canvas *cv, int w, int h)
{
	cv->surf = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
						  SDL_PIXELFORMAT_ARGB8888);
	if (!cv->surf)
		return -1;
	cv->r = SDL_CreateSoftwareRenderer(cv->surf);
	if (!cv->r) {
		SDL_FreeSurface(cv->surf);
		return -1;
	}
	cv->text = viz_text_new(cv->r);
	if (!cv->text) {
		SDL_DestroyRenderer(cv->r);
		SDL_FreeSurface(cv->surf);
		return -1;
	}
	return 0;
}

void viz_canvas_close(struct viz_canvas *cv)
{
	viz_text_free(cv->text);
	SDL_DestroyRenderer(cv->r);
	SDL_FreeSurface(cv->surf);
	cv->text = NULL;
	cv->r = NULL;
	cv->surf = NULL;
}

void viz_view_init(struct viz_view *v, int w, int h, struct viz_text *t)
{
	*v = (struct viz_view){
		.w = w, .h = h, .zoom = 1, .focus_cpu = -1, .follow = true,
		.pick_obj = -1, .anim = 1, .text = t, .mouse_x = -1,
		.mouse_y = -1,
	};
}

int viz_save_png(SDL_Surface *s, const char *path)
{
	if (IMG_SavePNG(s, path) < 0) {
		fprintf(stderr, "slubviz: %s: %s\n", path, IMG_GetError());
		return -1;
	}
	return 0;
}

/* Pixel of the canvas as 0xRRGGBB. */
unsigned int viz_canvas_pixel(const struct viz_canvas *cv, int x, int y)
{
	const Uint32 *p;

	if (x < 0 || y < 0 || x >= cv->surf->w || y >= cv->surf->h)
		return 0xffffffffu;
	SDL_RenderFlush(cv->r);
	p = (const Uint32 *)((const char *)cv->surf->pixels +
			     y * cv->surf->pitch);
	return p[x] & 0xffffff;
}
