# slubviz, the SDL2 visualizer (viz/).  Included by the top Makefile.
#   make build/slubviz        the visualizer
#   make build/asan/slubviz   the same under ASan and UBSan
#   make test-viz             headless rendering and pixel checks
#   make run-viz              the guided tour (PNGs in build/tour/ when
#                             there is no display)

VIZ_TEST_SRCS := $(wildcard viz/test_*.c)
VIZ_SRCS := $(filter-out $(VIZ_TEST_SRCS),$(wildcard viz/*.c))
VIZ_HDRS := $(wildcard viz/*.h)
VIZ_PKGS := sdl2 SDL2_ttf SDL2_image
VIZ_CFLAGS = -Iviz $(shell pkg-config --cflags $(VIZ_PKGS))
VIZ_LIBS = $(shell pkg-config --libs $(VIZ_PKGS))

VIZ_OBJS := $(patsubst viz/%.c,$(B)/viz/%.o,$(VIZ_SRCS))
VIZ_ASAN_OBJS := $(patsubst viz/%.c,$(B)/asan/viz/%.o,$(VIZ_SRCS))
VIZ_TEST_OBJS := $(filter-out $(B)/viz/main.o,$(VIZ_OBJS)) \
	$(patsubst viz/%.c,$(B)/viz/%.o,$(VIZ_TEST_SRCS))

$(B)/viz/%.o: viz/%.c $(VIZ_HDRS) generated/slub.h $(SCN_HDRS) \
		$(TOOLS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(VIZ_CFLAGS) -c $< -o $@

$(B)/asan/viz/%.o: viz/%.c $(VIZ_HDRS) generated/slub.h $(SCN_HDRS) \
		$(TOOLS_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN_ASAN) $(VIZ_CFLAGS) -c $< -o $@

$(B)/slubviz: $(VIZ_OBJS) $(B)/libtools.a $(B)/libscn.a $(B)/libslub.a
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(VIZ_LIBS) $(LDLIBS)

$(B)/asan/slubviz: $(VIZ_ASAN_OBJS) $(B)/asan/libtools.a \
		$(B)/asan/libscn.a $(B)/asan/libslub.a
	$(CC) $(ALL_CFLAGS) $(SAN_ASAN) $^ -o $@ $(VIZ_LIBS) $(LDLIBS)

$(B)/test_viz: $(VIZ_TEST_OBJS) $(B)/libtools.a $(B)/libscn.a \
		$(B)/libslub.a
	$(CC) $(ALL_CFLAGS) $^ -o $@ $(VIZ_LIBS) $(LDLIBS)

.PHONY: viz test-viz run-viz bench-viz
viz: $(B)/slubviz $(B)/asan/slubviz

test-viz: $(B)/slubviz $(B)/asan/slubviz $(B)/test_viz
	$(B)/test_viz

run-viz: $(B)/slubviz
	$(B)/slubviz --tour

bench-viz: $(B)/slubviz
	$(B)/slubviz --bench 600

TESTS += test-viz

# Every scenario rendered to build/viz/png/NAME/step-NNN.png (for the book).
VIZ_SCENARIOS := $(wildcard viz/scenarios/*.scn)
.PHONY: viz-png
viz-png: $(B)/slubviz
	@set -e; for s in $(VIZ_SCENARIOS); do \
		n=$$(basename $$s .scn); \
		$(B)/slubviz --headless --out $(B)/viz/png/$$n $$s; done
