/**
 * host-local IPAM over the node's pod CIDR: gateway .1, first pod .2, then the next free address after the last
 * one handed out (round-robin; freed addresses are not reused at once).
 * Mirrors: containernetworking/plugins plugins/ipam/host-local/backend/allocator/{range.go,allocator.go}.
 */
export interface IpRange {
  subnet: string
  prefix: number
  gateway: string
  first: number
  last: number
  base: number
}

const toInt = (ip: string) => ip.split('.').reduce((a, o) => a * 256 + Number(o), 0)
// Hot (one per sandbox): the four octets written out rather than mapped and joined.
export const toIp = (n: number) =>
  `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${Math.floor(n) % 256}`

/** parseRange returns the usable range of a CIDR, or host-local's error text. */
export function parseRange(cidr: string): IpRange | { error: string } {
  const m = /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(cidr)
  if (!m) return { error: `invalid CIDR address: ${cidr}` }
  const prefix = Number(m[2])
  if (prefix >= 31) return { error: `Network ${cidr} too small to allocate from` }
  const size = 2 ** (32 - prefix)
  const base = toInt(m[1]) - (toInt(m[1]) % size)
  return { subnet: `${toIp(base)}/${prefix}`, prefix, gateway: toIp(base + 1), first: base + 2, last: base + size - 2, base }
}

export class HostLocal {
  private readonly used = new Set<number>()
  private lastReserved: number
  readonly range: IpRange

  constructor(range: IpRange) {
    this.range = range
    this.lastReserved = range.first - 1
  }

  /** allocate returns the next free address, or host-local's exhaustion error. */
  allocate(): string | { error: string } {
    const r = this.range
    const span = r.last - r.first + 1
    for (let i = 1; i <= span; i++) {
      const cand = r.first + ((this.lastReserved - r.first + i + span) % span)
      if (!this.used.has(cand)) {
        this.used.add(cand)
        this.lastReserved = cand
        return toIp(cand)
      }
    }
    // Mirrors: host-local allocator.go ("no IP addresses available in range set: %s").
    return { error: `no IP addresses available in range set: ${toIp(r.first)}-${toIp(r.last)}` }
  }

  /**
   * reserve marks an address already in use (a pod that was running before this kubelet started): host-local keeps
   * one file per reserved IP under /var/lib/cni/networks/<network>/, so a restart hands out other addresses.
   * Simplified: host-local's last_reserved_ip file is not known, so the highest reserved address counts as the last.
   * Returns false (nothing reserved) for an address outside the range, e.g. a hostNetwork pod's node IP.
   */
  reserve(ip: string): boolean {
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return false
    const n = toInt(ip)
    if (n < this.range.first || n > this.range.last) return false
    this.used.add(n)
    if (n > this.lastReserved) this.lastReserved = n
    return true
  }

  release(ip: string): void {
    this.used.delete(toInt(ip))
  }
}
