// Validates a Teams manifest against the official JSON schema of its $schema version, as bundled
// offline in @microsoft/app-manifest (no network).
import { AppManifestUtils } from '@microsoft/app-manifest';

export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  return (await AppManifestUtils.validateAgainstSchema(manifest as never)) as string[];
}
