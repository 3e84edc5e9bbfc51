// SPDX-License-Identifier: GPL-2.0-only
/*
 * measure.c - run one command and report its wall time and the largest
 * resident set of the command and everything it waited for (wait4's
 * rusage, as GNU time reports it), for make bench-apps.
 *
 * Usage: measure [-o FILE] [-e NAME=VALUE]... -- PROG [ARG]...
 *   -o	the command's standard output and error go to FILE (default
 *	/dev/null)
 *   -e	set NAME=VALUE in the command's environment; an empty VALUE
 *	removes NAME
 * Prints one line: wall SECONDS maxrss KIB status EXIT
 * (EXIT is 128 + the signal's number if a signal ended the command).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void usage(void)
{
	fprintf(stderr, "usage: measure [-o FILE] [-e NAME=VALUE]... -- "
		"PROG [ARG]...\n");
	exit(2);
}

int main(int argc, char **argv)
{
	const char *out = "/dev/null";
	struct rusage ru;
	double t0, t1;
	int opt, status, code;
	pid_t pid;

	while ((opt = getopt(argc, argv, "o:e:")) != -1) {
		char *eq;

		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 'e':
			eq = strchr(optarg, '=');
			if (!eq || eq == optarg)
				usage();
			*eq = '\0';
			if (eq[1] ? setenv(optarg, eq + 1, 1) : unsetenv(optarg))
				usage();
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	t0 = now();
	pid = fork();
	if (pid < 0) {
		perror("measure: fork");
		return 1;
	}
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (fd < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0) {
			perror(out);
			_exit(127);
		}
		execvp(argv[optind], argv + optind);
		perror(argv[optind]);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid) {
		perror("measure: wait4");
		return 1;
	}
	t1 = now();
	code = WIFEXITED(status) ? WEXITSTATUS(status) :
	       128 + WTERMSIG(status);
	printf("wall %.4f maxrss %ld status %d\n", t1 - t0, ru.ru_maxrss, code);
	return 0;
}
