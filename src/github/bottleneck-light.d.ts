// bottleneck ships types for its full build only; light.js, the build the throttling plugin
// uses (no Redis clustering), has the same API.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
