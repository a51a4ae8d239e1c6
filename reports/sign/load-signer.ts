import { join } from 'node:path';
import type { Config } from '../../common/config';
import { ensureDevP12 } from './dev-certificate';
import { P12Signer } from './p12-signer';
import type { Signer } from './signer';

const cache = new Map<string, Signer>();

/** The configured signer: SVODKA_SIGN_P12 (+ _PASSWORD), else the development certificate under data/keys. */
export function loadSigner(config: Pick<Config, 'dataDir'>, env: Record<string, string | undefined> = process.env): Signer {
  const configured = env.SVODKA_SIGN_P12;
  const { p12Path, password } = configured
    ? { p12Path: configured, password: env.SVODKA_SIGN_P12_PASSWORD ?? '' }
    : ensureDevP12(join(config.dataDir, 'keys'));
  let signer = cache.get(p12Path);
  if (!signer) {
    signer = P12Signer.fromFile(p12Path, password);
    cache.set(p12Path, signer);
  }
  return signer;
}
