/* The command line: parse arguments, load the SPEC arguments, run one
 * command, return its exit status (enum exit_status).
 *
 * This is the only layer that prints an error or picks a status. The
 * modules below fail with a message in a char **cause (out_open,
 * out_close, report_write; the "k8snet: " prefix is added here) or, for a
 * spec, with its diagnostics (diag.h); a command prints them and maps them
 * to a status. Within cli.c every helper has one shape: it returns an exit
 * status, EXIT_OK meaning carry on, and gives its result by out-parameter
 * (load: the model; open_output: the output). */
#ifndef K8SNET_CLI_H
#define K8SNET_CLI_H

enum exit_status {
	EXIT_OK = 0,       /* done; check: all holds; diff: nothing changed */
	EXIT_FINDINGS = 1, /* check found a violation; diff found changes */
	EXIT_USAGE = 2,    /* bad usage or an invalid spec */
	EXIT_IO = 3,       /* an I/O failure; wins over 1 */
};

int cli_run(int argc, char **argv);

#endif
