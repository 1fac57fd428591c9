// A complete, valid bot environment for tests that need one (values are test-only).
export const TEST_SECRET = 'test-only-secret~abcdef123456';
export const TEST_CACHE_KEY = Buffer.alloc(32, 7).toString('base64');

export function validEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    BOT_ID: '17766803-da67-4b3a-867c-4fd0dde150b2',
    BOT_PASSWORD: TEST_SECRET,
    BOT_TENANT_ID: 'db0a0aea-81ad-4375-b1ad-fc8ed0c1fee2',
    STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true',
    TOKEN_CACHE_KEY: TEST_CACHE_KEY,
    ...overrides,
  };
}
