export { canonicalJson, contentHash } from "../canonical-json";
