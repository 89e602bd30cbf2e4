/** The kubelet: see kubelet.ts (the shell) and README.md (the map of the folder). */
export { Kubelet } from './kubelet.ts'
