import { createRequire as __mgCreateRequire } from 'node:module'; const require = __mgCreateRequire(import.meta.url);
import {
  ImageCache,
  clearCache,
  evictOver,
  hashKey,
  imageCache,
  resolveCacheDir
} from "./chunk-BEXAK5HS.js";
import "./chunk-ZGDBGMMU.js";
export {
  ImageCache,
  clearCache,
  evictOver,
  hashKey,
  imageCache,
  resolveCacheDir
};
