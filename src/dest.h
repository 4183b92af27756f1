/* Addresses a person types: trace's SOURCE and DESTINATION (and dot
 * --trace's), read against a model. A SOURCE is a container or a daemon,
 * or a pod (its first container); a DESTINATION is ADDR:PORT,
 * SERVICE.NAMESPACE:PORT, NAMESPACE/SERVICE:PORT, NAMESPACE/POD:PORT or
 * NAME:PORT (a pod or service name unique in the spec), each with an
 * optional /PROTO in any case. Pods are found by their spec name, by
 * NAMESPACE/NAME, and by NAME alone when the spec names them
 * NAMESPACE/NAME (as import does). k8snet(1), "trace". */
#ifndef K8SNET_DEST_H
#define K8SNET_DEST_H

#include <stdbool.h>

#include "model.h"

/* The process that sends as arg, or -1 with *cause a message for the user
 * (the caller frees it). */
int dest_source(const struct model *m, const char *arg, char **cause);

/* The destination that arg names, into *d: true, or false with *cause a
 * message for the user (the caller frees it). */
bool dest_resolve(const struct model *m, const char *arg, struct dest *d, char **cause);

#endif
