#!/usr/bin/env python3
"""A realistic `kubectl get nodes,namespaces,pods,services,endpointslices,
networkpolicies -A -o yaml` (or -o json) dump, for the importer's benchmark.

One `kind: List` whose items carry the bulk that real dumps carry:
managedFields (fieldsV1; --no-managed-fields for kubectl's default), annotations (last-applied-configuration), labels,
ownerReferences, probes, env, resources, volume mounts, tolerations,
status conditions and containerStatuses, status.podIP/hostIP, nodeName.
kubectl's shapes: keys sorted, 2-space YAML with sequences not indented
under their key, 4-space JSON. Deterministic in its parameters.

Each kind is written from one template (built once from a Python object
with placeholders, through a small emitter) filled per object, so 150,000
pods take seconds, not minutes.

  bench/gen_k8s.py --limits -o /tmp/limits.yaml          # the limits case
  bench/gen_k8s.py --limits --json -o /tmp/limits.json
  bench/gen_k8s.py --nodes 3 --pods 20 --services 4 --namespaces 2 --policies 2
"""
import argparse
import json
import re
import sys

PH = re.compile('\u00a7([a-z_0-9]+)\u00a7')
WHOLE = re.compile('^\u00a7[a-z_0-9]+\u00a7$')


def P(name):
    """A placeholder, filled per object (§name§: JSON keeps it as is)."""
    return '\u00a7' + name + '\u00a7'


def N(name):
    """A numeric placeholder: written unquoted in both formats."""
    return P('n_' + name)


def Q(name):
    """A placeholder for a string that looks like a number (quoted)."""
    return P('q_' + name)


_plain_bad = re.compile(r'^$|^[-?:,\[\]{}#&*!|>\'"%@`\s]|: |\s#|\s$|^(true|false|null|yes|no|on|off|~)$'
                        r'|^[-+.]?[0-9]', re.I)


def yscalar(v):
    if v is True:
        return 'true'
    if v is False:
        return 'false'
    if v is None:
        return 'null'
    if isinstance(v, int):
        return str(v)
    if WHOLE.match(v):
        return '"' + v + '"' if v.startswith(P('q_')[:3]) else v
    if _plain_bad.search(v) or '\n' in v or '"' in v and v[0] in '{[':
        return json.dumps(v)
    return v


def ylines(v):
    """v (a dict or list) as YAML lines, relative indentation, kubectl's style."""
    out = []
    if isinstance(v, dict):
        for k in sorted(v):
            x = v[k]
            key = yscalar(k)
            if isinstance(x, dict) and x:
                out.append(key + ':')
                out.extend('  ' + l for l in ylines(x))
            elif isinstance(x, list) and x:
                out.append(key + ':')
                out.extend(ylines(x))
            elif isinstance(x, (dict, list)):
                out.append(key + (': {}' if isinstance(x, dict) else ': []'))
            else:
                out.append(key + ': ' + yscalar(x))
    else:
        for x in v:
            if isinstance(x, (dict, list)) and x:
                sub = ylines(x)
                out.append('- ' + sub[0])
                out.extend('  ' + l for l in sub[1:])
            else:
                out.append('- ' + (yscalar(x) if not isinstance(x, (dict, list)) else
                                   ('{}' if isinstance(x, dict) else '[]')))
    return out


def template(obj, fmt):
    """A str.format template of one List item."""
    if not MANAGED:
        obj['metadata'].pop('managedFields', None)
    if fmt == 'yaml':
        lines = ylines(obj)
        text = '- ' + lines[0] + '\n' + ''.join('  ' + l + '\n' for l in lines[1:])
    else:
        text = json.dumps(obj, indent=4, sort_keys=True, ensure_ascii=False)
        text = ''.join('        ' + l + '\n' for l in text.split('\n'))[:-1]
        text = re.sub('"(\u00a7n_[a-z_0-9]+\u00a7)"', r'\1', text)
    text = text.replace('{', '{{').replace('}', '}}')
    return PH.sub(lambda m: '{' + re.sub('^[nq]_', '', m.group(1)) + '}', text)


def managed(manager, op, time, fields):
    return {'apiVersion': 'v1', 'fieldsType': 'FieldsV1', 'fieldsV1': fields, 'manager': manager,
            'operation': op, 'time': time}


TS = '2024-05-01T10:00:00Z'
MANAGED = True


def node_obj():
    return {
        'apiVersion': 'v1', 'kind': 'Node',
        'metadata': {
            'annotations': {
                'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
                'node.alpha.kubernetes.io/ttl': '0',
                'volumes.kubernetes.io/controller-managed-attach-detach': 'true'},
            'creationTimestamp': TS,
            'labels': {'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux',
                       'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': P('name'),
                       'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': P('zone')},
            'managedFields': [managed('kubelet', 'Update', TS, {
                'f:metadata': {'f:annotations': {'.': {}, 'f:volumes.kubernetes.io/controller-managed-attach-detach': {}},
                               'f:labels': {'.': {}, 'f:kubernetes.io/arch': {}, 'f:kubernetes.io/hostname': {},
                                            'f:kubernetes.io/os': {}}},
                'f:status': {'f:addresses': {'k:{"type":"InternalIP"}': {'.': {}, 'f:address': {}, 'f:type': {}}},
                             'f:conditions': {'k:{"type":"Ready"}': {'f:lastHeartbeatTime': {}, 'f:status': {}}}}})],
            'name': P('name'), 'resourceVersion': Q('rv'), 'uid': P('uid')},
        'spec': {'podCIDR': P('cidr'), 'podCIDRs': [P('cidr')]},
        'status': {
            'addresses': [{'address': P('ip'), 'type': 'InternalIP'}, {'address': P('name'), 'type': 'Hostname'}],
            'allocatable': {'cpu': '16', 'ephemeral-storage': '95069439022', 'memory': '65699436Ki', 'pods': '110'},
            'capacity': {'cpu': '16', 'ephemeral-storage': '103152748Ki', 'memory': '65801836Ki', 'pods': '110'},
            'conditions': [
                {'lastHeartbeatTime': TS, 'lastTransitionTime': TS, 'message': 'kubelet has sufficient memory available',
                 'reason': 'KubeletHasSufficientMemory', 'status': 'False', 'type': 'MemoryPressure'},
                {'lastHeartbeatTime': TS, 'lastTransitionTime': TS, 'message': 'kubelet is posting ready status',
                 'reason': 'KubeletReady', 'status': 'True', 'type': 'Ready'}],
            'daemonEndpoints': {'kubeletEndpoint': {'Port': 10250}},
            'nodeInfo': {'architecture': 'amd64', 'containerRuntimeVersion': 'containerd://1.7.13',
                         'kernelVersion': '6.1.0-18-amd64', 'kubeletVersion': 'v1.29.2',
                         'operatingSystem': 'linux', 'osImage': 'Debian GNU/Linux 12 (bookworm)'}}}


def namespace_obj():
    return {'apiVersion': 'v1', 'kind': 'Namespace',
            'metadata': {'creationTimestamp': TS,
                         'labels': {'kubernetes.io/metadata.name': P('name'), 'team': P('team')},
                         'managedFields': [managed('kubectl-create', 'Update', TS, {
                             'f:metadata': {'f:labels': {'.': {}, 'f:kubernetes.io/metadata.name': {}}}})],
                         'name': P('name'), 'resourceVersion': Q('rv'), 'uid': P('uid')},
            'spec': {'finalizers': ['kubernetes']}, 'status': {'phase': 'Active'}}


def container(i):
    c = P('c%d' % i)
    probe = {'failureThreshold': 3, 'httpGet': {'path': '/healthz', 'port': N('port%d' % i), 'scheme': 'HTTP'},
             'initialDelaySeconds': 10, 'periodSeconds': 10, 'successThreshold': 1, 'timeoutSeconds': 1}
    return {
        'env': [{'name': 'POD_NAME', 'valueFrom': {'fieldRef': {'apiVersion': 'v1', 'fieldPath': 'metadata.name'}}},
                {'name': 'POD_IP', 'valueFrom': {'fieldRef': {'apiVersion': 'v1', 'fieldPath': 'status.podIP'}}},
                {'name': 'LOG_LEVEL', 'value': 'info'},
                {'name': 'SERVICE_URL', 'value': 'http://' + P('app') + '.' + P('ns') + '.svc.cluster.local:80'}],
        'image': 'registry.example.com/' + P('app') + '/' + c + ':1.4.%d' % i,
        'imagePullPolicy': 'IfNotPresent',
        'livenessProbe': probe, 'readinessProbe': dict(probe),
        'name': c,
        'ports': [{'containerPort': N('port%d' % i), 'name': 'http-%d' % i, 'protocol': 'TCP'}],
        'resources': {'limits': {'cpu': '500m', 'memory': '256Mi'}, 'requests': {'cpu': '100m', 'memory': '128Mi'}},
        'terminationMessagePath': '/dev/termination-log', 'terminationMessagePolicy': 'File',
        'volumeMounts': [{'mountPath': '/var/run/secrets/kubernetes.io/serviceaccount',
                          'name': 'kube-api-access-' + P('suffix'), 'readOnly': True}]}


def pod_obj(ncont):
    conts = [container(i) for i in range(ncont)]
    fields_c = {('k:{"name":"%s"}' % P('c%d' % i)): {
        '.': {}, 'f:env': {'.': {}, 'k:{"name":"LOG_LEVEL"}': {'.': {}, 'f:name': {}, 'f:value': {}}},
        'f:image': {}, 'f:imagePullPolicy': {}, 'f:livenessProbe': {'.': {}, 'f:httpGet': {'.': {}, 'f:path': {}}},
        'f:name': {}, 'f:ports': {'.': {}, ('k:{"containerPort":%s,"protocol":"TCP"}' % N('port%d' % i)): {
            '.': {}, 'f:containerPort': {}, 'f:name': {}, 'f:protocol': {}}},
        'f:resources': {'.': {}, 'f:limits': {'.': {}, 'f:cpu': {}, 'f:memory': {}}}} for i in range(ncont)}
    last_applied = json.dumps({'apiVersion': 'v1', 'kind': 'Pod', 'metadata': {'labels': {'app': 'APP'}}},
                              separators=(',', ':')) + '\n'
    return {
        'apiVersion': 'v1', 'kind': 'Pod',
        'metadata': {
            'annotations': {'kubectl.kubernetes.io/restartedAt': TS,
                            'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090',
                            'kubectl.kubernetes.io/last-applied-configuration': last_applied},
            'creationTimestamp': TS, 'generateName': P('rs') + '-',
            'labels': {'app': P('app'), 'pod-template-hash': P('hash'), 'tier': 'backend'},
            'managedFields': [
                managed('kube-controller-manager', 'Update', TS, {
                    'f:metadata': {'f:generateName': {}, 'f:labels': {'.': {}, 'f:app': {}, 'f:pod-template-hash': {}},
                                   'f:ownerReferences': {'.': {}, ('k:{"uid":"%s"}' % P('rsuid')): {}}},
                    'f:spec': {'f:containers': fields_c, 'f:dnsPolicy': {}, 'f:restartPolicy': {}}}),
                managed('kubelet', 'Update', TS, {
                    'f:status': {'f:conditions': {'k:{"type":"Ready"}': {'.': {}, 'f:lastProbeTime': {}, 'f:status': {},
                                                                            'f:type': {}}},
                                 'f:containerStatuses': {}, 'f:hostIP': {}, 'f:phase': {}, 'f:podIP': {},
                                 'f:podIPs': {'.': {}, ('k:{"ip":"%s"}' % P('ip')): {'.': {}, 'f:ip': {}}},
                                 'f:startTime': {}}})],
            'name': P('name'), 'namespace': P('ns'),
            'ownerReferences': [{'apiVersion': 'apps/v1', 'blockOwnerDeletion': True, 'controller': True,
                                 'kind': 'ReplicaSet', 'name': P('rs'), 'uid': P('rsuid')}],
            'resourceVersion': Q('rv'), 'uid': P('uid')},
        'spec': {
            'containers': conts, 'dnsPolicy': 'ClusterFirst', 'enableServiceLinks': True,
            'nodeName': P('node'), 'preemptionPolicy': 'PreemptLowerPriority', 'priority': 0,
            'restartPolicy': 'Always', 'schedulerName': 'default-scheduler', 'securityContext': {},
            'serviceAccount': 'default', 'serviceAccountName': 'default', 'terminationGracePeriodSeconds': 30,
            'tolerations': [{'effect': 'NoExecute', 'key': 'node.kubernetes.io/not-ready', 'operator': 'Exists',
                             'tolerationSeconds': 300},
                            {'effect': 'NoExecute', 'key': 'node.kubernetes.io/unreachable', 'operator': 'Exists',
                             'tolerationSeconds': 300}],
            'volumes': [{'name': 'kube-api-access-' + P('suffix'), 'projected': {'defaultMode': 420, 'sources': [
                {'serviceAccountToken': {'expirationSeconds': 3607, 'path': 'token'}},
                {'configMap': {'items': [{'key': 'ca.crt', 'path': 'ca.crt'}], 'name': 'kube-root-ca.crt'}}]}}]},
        'status': {
            'conditions': [{'lastProbeTime': None, 'lastTransitionTime': TS, 'status': 'True', 'type': t}
                           for t in ('Initialized', 'Ready', 'ContainersReady', 'PodScheduled')],
            'containerStatuses': [{'containerID': 'containerd://' + P('uid') + P('c%d' % i),
                                   'image': 'registry.example.com/' + P('app') + ':1.4',
                                   'imageID': 'registry.example.com/' + P('app') + '@sha256:' + P('uid'),
                                   'lastState': {}, 'name': P('c%d' % i), 'ready': True, 'restartCount': 0,
                                   'started': True, 'state': {'running': {'startedAt': TS}}} for i in range(ncont)],
            'hostIP': P('hostip'), 'hostIPs': [{'ip': P('hostip')}], 'phase': 'Running',
            'podIP': P('ip'), 'podIPs': [{'ip': P('ip')}], 'qosClass': 'Burstable', 'startTime': TS}}


def service_obj():
    return {'apiVersion': 'v1', 'kind': 'Service',
            'metadata': {'creationTimestamp': TS, 'labels': {'app': P('app')},
                         'managedFields': [managed('kubectl-client-side-apply', 'Update', TS, {
                             'f:spec': {'f:ports': {'.': {}, 'k:{"port":80,"protocol":"TCP"}': {
                                 '.': {}, 'f:port': {}, 'f:protocol': {}, 'f:targetPort': {}}},
                                 'f:selector': {}, 'f:type': {}}})],
                         'name': P('app'), 'namespace': P('ns'), 'resourceVersion': Q('rv'), 'uid': P('uid')},
            'spec': {'clusterIP': P('ip'), 'clusterIPs': [P('ip')], 'internalTrafficPolicy': 'Cluster',
                     'ipFamilies': ['IPv4'], 'ipFamilyPolicy': 'SingleStack',
                     'ports': [{'name': 'http', 'port': 80, 'protocol': 'TCP', 'targetPort': 'http-0'}],
                     'selector': {'app': P('app')}, 'sessionAffinity': 'None', 'type': 'ClusterIP'},
            'status': {'loadBalancer': {}}}


def endpoint(i):
    return {'addresses': [P('eip%d' % i)], 'conditions': {'ready': True, 'serving': True, 'terminating': False},
            'nodeName': P('enode%d' % i),
            'targetRef': {'kind': 'Pod', 'name': P('epod%d' % i), 'namespace': P('ns'), 'uid': P('euid%d' % i)}}


def slice_obj(nep):
    return {'addressType': 'IPv4', 'apiVersion': 'discovery.k8s.io/v1', 'endpoints': [endpoint(i) for i in range(nep)],
            'kind': 'EndpointSlice',
            'metadata': {'creationTimestamp': TS, 'generateName': P('app') + '-',
                         'labels': {'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
                                    'kubernetes.io/service-name': P('app')},
                         'name': P('app') + '-' + P('suffix'), 'namespace': P('ns'),
                         'ownerReferences': [{'apiVersion': 'v1', 'blockOwnerDeletion': True, 'controller': True,
                                              'kind': 'Service', 'name': P('app'), 'uid': P('svcuid')}],
                         'resourceVersion': Q('rv'), 'uid': P('uid')},
            'ports': [{'name': 'http', 'port': N('port'), 'protocol': 'TCP'}]}


def policy_obj():
    return {'apiVersion': 'networking.k8s.io/v1', 'kind': 'NetworkPolicy',
            'metadata': {'creationTimestamp': TS, 'generation': 1, 'name': P('name'), 'namespace': P('ns'),
                         'resourceVersion': Q('rv'), 'uid': P('uid')},
            'spec': {'egress': [{'ports': [{'port': 53, 'protocol': 'UDP'}],
                                 'to': [{'namespaceSelector': {'matchLabels': {'kubernetes.io/metadata.name': 'kube-system'}}}]},
                                {'to': [{'ipBlock': {'cidr': '10.0.0.0/8', 'except': ['10.96.0.0/12']}}]}],
                     'ingress': [{'from': [{'namespaceSelector': {'matchLabels': {'team': P('team')}},
                                            'podSelector': {'matchExpressions': [
                                                {'key': 'tier', 'operator': 'In', 'values': ['frontend', 'backend']}]}},
                                           {'podSelector': {'matchLabels': {'app': P('peer')}}}],
                                  'ports': [{'port': 'http-0', 'protocol': 'TCP'},
                                            {'endPort': 9100, 'port': 9000, 'protocol': 'TCP'}]}],
                     'podSelector': {'matchLabels': {'app': P('app')}},
                     'policyTypes': ['Ingress', 'Egress']}}


def uid(kind, i):
    h = (i * 2654435761 + kind * 40503) & 0xffffffffffff
    return '%08x-%04x-4%03x-a%03x-%012x' % (i & 0xffffffff, kind, i % 4096, (i >> 12) % 4096, h)


def ipv4(n):
    return '%d.%d.%d.%d' % (n >> 24 & 255, n >> 16 & 255, n >> 8 & 255, n & 255)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--nodes', type=int, default=3)
    ap.add_argument('--pods', type=int, default=30)
    ap.add_argument('--containers', type=int, default=0, help='in all (default: 2 per pod)')
    ap.add_argument('--services', type=int, default=6)
    ap.add_argument('--namespaces', type=int, default=2)
    ap.add_argument('--policies', type=int, default=4)
    ap.add_argument('--limits', action='store_true',
                    help='5,000 nodes, 150,000 pods, 300,000 containers, 10,000 services, 1,000 namespaces, '
                         '5,000 policies')
    ap.add_argument('--json', action='store_true', help='kubectl -o json instead of -o yaml')
    ap.add_argument('--no-managed-fields', action='store_true',
                    help="leave managedFields out, as kubectl does by default since 1.21 "
                         "(without --show-managed-fields)")
    ap.add_argument('-o', dest='out', default='-')
    a = ap.parse_args()
    global MANAGED
    MANAGED = not a.no_managed_fields
    if a.limits:
        a.nodes, a.pods, a.containers, a.services, a.namespaces, a.policies = 5000, 150000, 300000, 10000, 1000, 5000
    if a.containers == 0:
        a.containers = 2 * a.pods
    if min(a.nodes, a.namespaces, a.services) < 1 or a.pods < 0 or a.containers < a.pods and a.pods > 0:
        sys.exit('gen_k8s.py: nodes, namespaces and services must be at least 1, containers at least pods')
    fmt = 'json' if a.json else 'yaml'
    out = sys.stdout if a.out == '-' else open(a.out, 'w', buffering=1 << 20)
    rv = [1000]

    def nextrv():
        rv[0] += 1
        return rv[0]

    if fmt == 'yaml':
        out.write('apiVersion: v1\nitems:\n')
    else:
        out.write('{\n    "apiVersion": "v1",\n    "items": [\n')
    first = [True]

    def put(text):
        if fmt == 'json':
            if not first[0]:
                out.write(',\n')
            first[0] = False
        out.write(text)

    t = template(node_obj(), fmt)
    for i in range(a.nodes):
        put(t.format(name='node-%05d' % i, zone='zone-%d' % (i % 3), rv=nextrv(), uid=uid(1, i),
                     cidr='%s/24' % ipv4((10 << 24) + (64 << 16) + (i << 8)), ip=ipv4((172 << 24) + (16 << 16) + i + 1)))
    t = template(namespace_obj(), fmt)
    nsname = ['ns-%04d' % i for i in range(a.namespaces)]
    for i in range(a.namespaces):
        put(t.format(name=nsname[i], team='team-%d' % (i % 20), rv=nextrv(), uid=uid(2, i)))
    # service s lives in namespace s % namespaces; pod p belongs to service p % services
    tpl = {}
    onnode = [0] * a.nodes
    members = [[] for _ in range(a.services)]
    for p in range(a.pods):
        nc = a.containers // a.pods + (1 if p < a.containers % a.pods else 0)
        if nc not in tpl:
            tpl[nc] = template(pod_obj(nc), fmt)
        s = p % a.services
        ns = nsname[s % a.namespaces]
        app = 'svc-%05d' % s
        node = p % a.nodes
        k = onnode[node] = onnode[node] + 1
        podip = ipv4((10 << 24) + (64 << 16) + (node << 8) + k)
        name = '%s-7d9f8c6b5-%05d' % (app, p)
        vals = dict(name=name, ns=ns, app=app, rs=app + '-7d9f8c6b5', hash='7d9f8c6b5', rsuid=uid(9, s),
                    uid=uid(3, p), rv=nextrv(), node='node-%05d' % node, ip=podip,
                    hostip=ipv4((172 << 24) + (16 << 16) + node + 1), suffix='%05x' % (p % 1048576))
        for i in range(nc):
            vals['c%d' % i] = 'c%d' % i if i else app
            vals['port%d' % i] = 8080 + i
        put(tpl[nc].format(**vals))
        members[s].append((name, podip, 'node-%05d' % node, uid(3, p)))
    t = template(service_obj(), fmt)
    for s in range(a.services):
        put(t.format(app='svc-%05d' % s, ns=nsname[s % a.namespaces], rv=nextrv(), uid=uid(4, s),
                     ip=ipv4((10 << 24) + (96 << 16) + 10 + s)))
    tpl = {}
    for s in range(a.services):
        m = members[s]
        if len(m) not in tpl:
            tpl[len(m)] = template(slice_obj(len(m)), fmt)
        vals = dict(app='svc-%05d' % s, ns=nsname[s % a.namespaces], rv=nextrv(), uid=uid(5, s),
                    svcuid=uid(4, s), suffix='x%04d' % (s % 10000), port=8080)
        for i, (name, pip, node, puid) in enumerate(m):
            vals.update({'eip%d' % i: pip, 'enode%d' % i: node, 'epod%d' % i: name, 'euid%d' % i: puid})
        put(tpl[len(m)].format(**vals))
    t = template(policy_obj(), fmt)
    for i in range(a.policies):
        s = i % a.services
        put(t.format(name='allow-%05d' % i, ns=nsname[s % a.namespaces], app='svc-%05d' % s,
                     peer='svc-%05d' % ((s + a.namespaces) % a.services), team='team-%d' % (i % 20),
                     rv=nextrv(), uid=uid(6, i)))
    if fmt == 'yaml':
        out.write('kind: List\nmetadata:\n  resourceVersion: ""\n')
    else:
        out.write('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')
    out.flush()


if __name__ == '__main__':
    main()
