/** The map of the cluster: the figure following the playhead, and the same behind a "Map" toggle. */
export { ClusterMap, MapFigure } from './ClusterMap.tsx'
export { MapPanel } from './MapPanel.tsx'
