/**
 * The Volumes section of `kubectl describe pod`.
 * Mirrors: staging/src/k8s.io/kubectl/pkg/describe/describe.go describeVolumes and its print*VolumeSource helpers
 * for the sources a podbirth pod can carry (hostPath, emptyDir, secret, configMap, persistentVolumeClaim,
 * projected, downwardAPI, csi).
 * Simplified: the cloud and legacy in-tree sources (gcePersistentDisk, nfs, iscsi, …) and image volumes (absent from
 * the kubernetes-types package) print `<unknown>`.
 */
import type { Volume } from 'kubernetes-types/core/v1'
import { canonical } from '../../../api/quantity.ts'
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3 } from './tabwriter.ts'
import type { PrefixWriter } from './tabwriter.ts'

function printVolumeSource(v: Volume, w: PrefixWriter): void {
  if (v.hostPath) {
    w.write(
      LEVEL_2,
      'Type:\tHostPath (bare host directory volume)\n' +
        `    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type || '<none>'}\n`,
    )
  } else if (v.emptyDir) {
    const limit =
      v.emptyDir.sizeLimit !== undefined && canonical(v.emptyDir.sizeLimit) !== '0'
        ? canonical(v.emptyDir.sizeLimit)
        : '<unset>'
    w.write(
      LEVEL_2,
      "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n" +
        `    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${limit}\n`,
    )
  } else if (v.secret) {
    w.write(
      LEVEL_2,
      'Type:\tSecret (a volume populated by a Secret)\n' +
        `    SecretName:\t${v.secret.secretName ?? ''}\n    Optional:\t${v.secret.optional === true}\n`,
    )
  } else if (v.configMap) {
    w.write(
      LEVEL_2,
      'Type:\tConfigMap (a volume populated by a ConfigMap)\n' +
        `    Name:\t${v.configMap.name ?? ''}\n    Optional:\t${v.configMap.optional === true}\n`,
    )
  } else if (v.persistentVolumeClaim) {
    w.write(
      LEVEL_2,
      'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n' +
        `    ClaimName:\t${v.persistentVolumeClaim.claimName}\n` +
        `    ReadOnly:\t${v.persistentVolumeClaim.readOnly === true}\n`,
    )
  } else if (v.downwardAPI) {
    w.write(LEVEL_2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n')
    for (const item of v.downwardAPI.items ?? []) {
      if (item.fieldRef) w.write(LEVEL_3, `${item.fieldRef.fieldPath} -> ${item.path}\n`)
      if (item.resourceFieldRef) w.write(LEVEL_3, `${item.resourceFieldRef.resource} -> ${item.path}\n`)
    }
  } else if (v.projected) {
    w.write(LEVEL_2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n')
    for (const s of v.projected.sources ?? []) {
      if (s.secret)
        w.write(LEVEL_2, `SecretName:\t${s.secret.name ?? ''}\n    Optional:\t${s.secret.optional === true}\n`)
      else if (s.downwardAPI) w.write(LEVEL_2, 'DownwardAPI:\ttrue\n')
      else if (s.configMap)
        w.write(LEVEL_2, `ConfigMapName:\t${s.configMap.name ?? ''}\n    Optional:\t${s.configMap.optional === true}\n`)
      else if (s.serviceAccountToken)
        w.write(LEVEL_2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 0}\n`)
    }
  } else if (v.csi) {
    w.write(
      LEVEL_2,
      'Type:\tCSI (a Container Storage Interface (CSI) volume source)\n' +
        `    Driver:\t${v.csi.driver}\n    FSType:\t${v.csi.fsType ?? ''}\n    ReadOnly:\t${v.csi.readOnly === true}\n`,
    )
    const attrs = v.csi.volumeAttributes ?? {}
    const keys = Object.keys(attrs).sort()
    w.write(LEVEL_2, 'VolumeAttributes:\t')
    if (keys.length === 0) w.writeLine('<none>')
    keys.forEach((k, i) => {
      if (i !== 0) w.write(LEVEL_2, '\t')
      const line = `${k}=${attrs[k]}`
      w.write(LEVEL_2, `${line.length > 140 ? `${line.slice(0, 140)}...` : line}\n`)
    })
  } else {
    w.write(LEVEL_1, '<unknown>\n')
  }
}

export function describeVolumes(volumes: Volume[] | undefined, w: PrefixWriter): void {
  if (!volumes || volumes.length === 0) {
    w.write(LEVEL_0, 'Volumes:\t<none>\n')
    return
  }
  w.write(LEVEL_0, 'Volumes:\n')
  for (const v of volumes) {
    w.write(LEVEL_1, `${v.name}:\n`)
    printVolumeSource(v, w)
  }
}
