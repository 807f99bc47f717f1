import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ImageCache,
  cacheMaxBytes,
  clearCache,
  evictOver,
  hashKey,
  imageCache,
  resolveCacheDir
} from "./chunk-BUALPDI6.js";
import "./chunk-ZGDBGMMU.js";
export {
  ImageCache,
  cacheMaxBytes,
  clearCache,
  evictOver,
  hashKey,
  imageCache,
  resolveCacheDir
};
