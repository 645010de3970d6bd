export {
  type OfficeIdentity,
  type OfficePrivateKeys,
  FINGERPRINT_HEX_LENGTH,
  computeFingerprint,
  exportOfficePrivateKeys,
  fingerprintsMatch,
  formatFingerprint,
  generateOfficeIdentity,
  importOfficeIdentity,
  normaliseFingerprint,
} from './keys';
export {
  type CreateKeyCardInput,
  type KeyCard,
  CARD_VERSION,
  MAX_CARD_BYTES,
  confirmCardFingerprint,
  createKeyCard,
  encodeKeyCard,
  parseKeyCard,
  verifyCardRotation,
  verifyKeyCard,
} from './card';
export {
  type PackageKind,
  type PackageLimits,
  type PartName,
  FILE_EXTENSION,
  FORMAT_VERSION,
  defaultLimits,
  packageKinds,
  partNames,
  partsByKind,
} from './format';
export { MAX_AUDIT_CHECKPOINTS, type ManifestAudit, type PackageManifest } from './manifest';
export { maximumClockLeadMs, refuseFutureDate } from './clock';
export { ReportingRequest } from './contents';
export { type PackageFileNameInput, type SealInput, packageFileName, sealPackage } from './seal';
export {
  type OpenOptions,
  type ReceiverKey,
  type TrustedSigner,
  type VerifiedPackage,
  type VerifyOptions,
  inspectPackage,
  verifyPackage,
} from './verify';
export { type UnitRef } from './schemas';
