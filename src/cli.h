/* The command line: parse arguments, run one command, return its exit
 * status (enum exit_status). */
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
