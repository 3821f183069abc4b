export { isComposeFileName, isComposeLikeFileName } from './compose-file-name';
export type { ComposeBuild } from './compose-build';
export type { ComposeLink } from './compose-links';
export { parseDotenv, type DotenvParse, type DotenvValue } from './dotenv';
export {
  interpolate,
  type Interpolation,
  type InterpolationError,
  type VariableLookup,
  type VariableUse,
} from './interpolate';
export { scanCompose, type ComposeScan, type ComposeScanOptions } from './scan-compose';
