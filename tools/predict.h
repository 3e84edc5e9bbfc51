/* SPDX-License-Identifier: GPL-2.0-only */
/* Predictions and seeded quizzes: see tools/predict.c. */
#ifndef SLUB_PREDICT_H
#define SLUB_PREDICT_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Run the prediction file's scenario, answer its "#?" questions and print
 * the grade (reveal: every answer). Returns 0 all right (or reveal), 1 a
 * wrong or blank answer, 2 an error (a "FILE:LINE: error:" line printed).
 */
int predict_grade(const char *file, bool reveal, FILE *out);
/* The same; viz: then open the visualizer (slubviz beside this program)
 * at the step of the first wrong answer, in place of this process. */
int predict_grade_viz(const char *file, bool reveal, bool viz, FILE *out);

/* The CLI's commands: slub predict, slub quiz. */
int cmd_predict(int argc, char **argv);
int cmd_quiz(int argc, char **argv);

#endif
