/**
 * Image references, parsed the way the container runtime and kubelet do
 * (Mirrors: kubernetes/kubernetes pkg/util/parsers/parsers.go ParseImageName, which uses
 * github.com/distribution/reference ParseNormalizedNamed + TagNameOnly).
 */
export interface ImageRef {
  /** Fully qualified repository, e.g. docker.io/library/nginx. */
  repository: string
  /** Tag; "latest" when neither a tag nor a digest was given. */
  tag: string
  digest: string
  /** repository:tag (or repository@digest), e.g. docker.io/library/nginx:1.27. */
  normalized: string
}

const DEFAULT_DOMAIN = 'docker.io'
const OFFICIAL_REPO_PREFIX = 'library/'

/**
 * The parsed names: a pure function of the string, asked for every container the apiserver defaults and several times
 * per container by the runtime (image status, pull, start); nobody changes a parsed reference.
 */
const parsedNames = new Map<string, ImageRef | { error: string }>()
const PARSED_LIMIT = 1024

/** parseImageName normalizes an image reference; it returns an error message for an invalid one. */
export function parseImageName(image: string): ImageRef | { error: string } {
  let ref = parsedNames.get(image)
  if (!ref) {
    ref = parse(image)
    if (parsedNames.size >= PARSED_LIMIT) parsedNames.clear()
    parsedNames.set(image, ref)
  }
  return ref
}

function parse(image: string): ImageRef | { error: string } {
  if (image === '' || image !== image.trim() || /[A-Z\s]/.test(image.split('@')[0].split(':')[0])) {
    return { error: `couldn't parse image name "${image}": invalid reference format` }
  }
  let rest = image
  let digest = ''
  const at = rest.indexOf('@')
  if (at >= 0) {
    digest = rest.slice(at + 1)
    rest = rest.slice(0, at)
    if (!/^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/.test(digest)) {
      return { error: `couldn't parse image name "${image}": invalid reference format` }
    }
  }
  let tag = ''
  const lastSlash = rest.lastIndexOf('/')
  const lastColon = rest.lastIndexOf(':')
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1)
    rest = rest.slice(0, lastColon)
    if (!/^[\w][\w.-]{0,127}$/.test(tag)) return { error: `couldn't parse image name "${image}": invalid reference format` }
  }
  const parts = rest.split('/')
  let domain = DEFAULT_DOMAIN
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift() as string
  }
  let path = parts.join('/')
  if (domain === DEFAULT_DOMAIN && parts.length === 1) path = OFFICIAL_REPO_PREFIX + path
  if (!/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)) {
    return { error: `couldn't parse image name "${image}": invalid reference format` }
  }
  if (!tag && !digest) tag = 'latest'
  const repository = `${domain}/${path}`
  const normalized = digest && !tag ? `${repository}@${digest}` : `${repository}:${tag}`
  return { repository, tag, digest, normalized }
}

/** isImageRef narrows the result of parseImageName. */
export function isImageRef(r: ImageRef | { error: string }): r is ImageRef {
  return !('error' in r)
}
