/**
 * The worker loads each cluster file once: the last text's parsed cluster is kept and handed to every simulation
 * of it (a 600-node preset takes a few hundred milliseconds to parse, and each apply, console read and user list
 * asked for it again). A simulation never writes to the cluster it starts from, so sharing it is safe.
 */
import { loadCluster } from '../engine/cluster/index.ts'

type Loaded = ReturnType<typeof loadCluster>

let last: { text: string | undefined; loaded: Loaded } | undefined

/** loadClusterOnce is loadCluster(text, 'cluster.yaml'), parsed again only when the text changes. */
export function loadClusterOnce(text: string | undefined): Loaded {
  if (last && last.text === text) return last.loaded
  const loaded = loadCluster(text, 'cluster.yaml')
  last = { text, loaded }
  return loaded
}

/**
 * loadClusterShared is the kept cluster when `text` is the kept text, else a parse of its own that does not replace
 * it: a what-if's edited cluster file is run once, and the next Apply still finds the user's cluster parsed.
 */
export function loadClusterShared(text: string | undefined): Loaded {
  return last && last.text === text ? last.loaded : loadCluster(text, 'cluster.yaml')
}
