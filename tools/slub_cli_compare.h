/* SPDX-License-Identifier: GPL-2.0-only */
/* slub compare: one scenario in both designs, side by side. */
#ifndef SLUB_CLI_COMPARE_H
#define SLUB_CLI_COMPARE_H

int cmd_compare(int argc, char **argv);

#endif
