/**
 * Field trees (see GoTree in decode.ts) for the two configuration kinds kubernetes-models does not cover, written
 * from upstream's Go types: a kubeconfig (clientcmd's v1.Config) and a KubeSchedulerConfiguration (v1).
 * Mirrors: staging/src/k8s.io/client-go/tools/clientcmd/api/v1/types.go (Config, Preferences, NamedCluster,
 * Cluster, NamedContext, Context, NamedAuthInfo, AuthInfo, AuthProviderConfig, ExecConfig, ExecEnvVar,
 * NamedExtension), staging/src/k8s.io/kube-scheduler/config/v1/types.go (KubeSchedulerConfiguration,
 * KubeSchedulerProfile, Plugins, PluginSet, Plugin, PluginConfig, Extender, ExtenderTLSConfig,
 * ExtenderManagedResource) and staging/src/k8s.io/component-base/config/v1alpha1/types.go
 * (LeaderElectionConfiguration, ClientConnectionConfiguration, DebuggingConfiguration inlined).
 * `duration` is a metav1.Duration (UnmarshalJSON: encoding/json into a string, as a Time); runtime.RawExtension
 * (a plugin's args, an extension) is `any`: decoded later by whoever reads it.
 */
import type { GoTree } from './decode.ts'

export const KUBECONFIG_TREE: GoTree = {
  Config: {
    kind: 'string', apiVersion: 'string', preferences: 'Preferences', clusters: '[NamedCluster',
    users: '[NamedAuthInfo', contexts: '[NamedContext', 'current-context': 'string', extensions: '[NamedExtension',
  },
  Preferences: { colors: 'bool', extensions: '[NamedExtension' },
  NamedCluster: { name: 'string', cluster: 'Cluster' },
  Cluster: {
    server: 'string', 'tls-server-name': 'string', 'insecure-skip-tls-verify': 'bool',
    'certificate-authority': 'string',
      'certificate-authority-data': 'bytes', 'proxy-url': 'string', 'disable-compression': 'bool',
    extensions: '[NamedExtension',
  },
  NamedContext: { name: 'string', context: 'Context' },
  Context: { cluster: 'string', user: 'string', namespace: 'string', extensions: '[NamedExtension' },
  NamedAuthInfo: { name: 'string', user: 'AuthInfo' },
  AuthInfo: {
    'client-certificate': 'string', 'client-certificate-data': 'bytes', 'client-key': 'string',
    'client-key-data': 'bytes', token: 'string', tokenFile: 'string', as: 'string', 'as-uid': 'string',
    'as-groups': '[string', 'as-user-extra': '{[string', username: 'string', password: 'string',
    'auth-provider': 'AuthProviderConfig', exec: 'ExecConfig', extensions: '[NamedExtension',
  },
  AuthProviderConfig: { name: 'string', config: '{string' },
  ExecConfig: {
    command: 'string', args: '[string', env: '[ExecEnvVar', apiVersion: 'string', installHint: 'string',
    provideClusterInfo: 'bool', interactiveMode: 'string',
  },
  ExecEnvVar: { name: 'string', value: 'string' },
  NamedExtension: { name: 'string', extension: 'any' },
}

const PLUGIN_SETS = ['preEnqueue', 'queueSort', 'preFilter', 'filter', 'postFilter', 'preScore', 'score', 'reserve',
  'permit', 'preBind', 'bind', 'postBind', 'multiPoint']

export const SCHEDULER_CONFIG_TREE: GoTree = {
  KubeSchedulerConfiguration: {
    apiVersion: 'string', kind: 'string', parallelism: 'int32', leaderElection: 'LeaderElectionConfiguration',
    clientConnection: 'ClientConnectionConfiguration', enableProfiling: 'bool', enableContentionProfiling: 'bool',
    percentageOfNodesToScore: 'int32', podInitialBackoffSeconds: 'int64', podMaxBackoffSeconds: 'int64',
    profiles: '[KubeSchedulerProfile', extenders: '[Extender', delayCacheUntilActive: 'bool',
  },
  LeaderElectionConfiguration: {
    leaderElect: 'bool', leaseDuration: 'duration', renewDeadline: 'duration', retryPeriod: 'duration',
    resourceLock: 'string', resourceName: 'string', resourceNamespace: 'string',
  },
  ClientConnectionConfiguration: {
    kubeconfig: 'string', acceptContentTypes: 'string', contentType: 'string', qps: 'float32', burst: 'int32',
  },
  KubeSchedulerProfile: {
    schedulerName: 'string', percentageOfNodesToScore: 'int32', plugins: 'Plugins', pluginConfig: '[PluginConfig',
  },
  Plugins: Object.fromEntries(PLUGIN_SETS.map((p) => [p, 'PluginSet'])),
  PluginSet: { enabled: '[Plugin', disabled: '[Plugin' },
  Plugin: { name: 'string', weight: 'int32' },
  PluginConfig: { name: 'string', args: 'any' },
  Extender: {
    urlPrefix: 'string', filterVerb: 'string', preemptVerb: 'string', prioritizeVerb: 'string', weight: 'int64',
    bindVerb: 'string', enableHTTPS: 'bool', tlsConfig: 'ExtenderTLSConfig', httpTimeout: 'duration',
    nodeCacheCapable: 'bool', managedResources: '[ExtenderManagedResource', ignorable: 'bool',
  },
  ExtenderTLSConfig: {
    insecure: 'bool', serverName: 'string', certFile: 'string', keyFile: 'string', caFile: 'string',
    certData: 'bytes', keyData: 'bytes', caData: 'bytes',
  },
  ExtenderManagedResource: { name: 'string', ignoredByScheduler: 'bool' },
}
