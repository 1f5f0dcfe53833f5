// bottleneck ships types for its full build only; the light build (what the octokit plugins
// import, without the Redis clustering code) has the same class.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck';
  export default Bottleneck;
}
