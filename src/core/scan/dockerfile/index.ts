export { scanDockerfile, type ScanDockerfileOptions } from './scan-dockerfile';
