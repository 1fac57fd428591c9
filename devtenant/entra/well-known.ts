// Identifiers that are the same in every Microsoft cloud tenant, and the fixed ids of this project's bot.

/** Microsoft Graph's application (client) id and the audience of its access tokens. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';

/** The Bot Framework's token audience (scope `https://api.botframework.com/.default`). */
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';

/** The tenant that owns multi-tenant bot registrations (login.microsoftonline.com/botframework.com). */
export const BOT_FRAMEWORK_TENANT = 'botframework.com';
export const BOT_FRAMEWORK_TENANT_ID = 'd6d49420-f39b-4df7-a1dc-d59a935871db';

/** Teams clients that are pre-authorized for a bot's `access_as_user` scope. */
export const TEAMS_DESKTOP_CLIENT_ID = '1fec8e78-bce4-4aaf-ab1b-5451cc387264';
export const TEAMS_WEB_CLIENT_ID = '5e3ce6c0-2b1f-4285-8d4b-75ee78787346';

import { TENANT_DESK_GRAPH_SCOPES } from '../tenant/tenant-desk.ts';

/** Tenant Desk, the bot this dev tenant serves (defined with its registration in tenant/tenant-desk.ts). */
export { TENANT_DESK_APP_ID as TENANT_DESK_BOT_ID } from '../tenant/tenant-desk.ts';
export const TENANT_DESK_SCOPES: string[] = [...TENANT_DESK_GRAPH_SCOPES];
export const TENANT_DESK_BOT_NAME = 'Tenant Desk';

/** Scopes that ask for sign-in artefacts (id token, refresh token), not for a resource. */
export const OIDC_SCOPES = ['openid', 'profile', 'offline_access', 'email'];

/** Tenant aliases Entra accepts in place of a tenant id. */
export const MULTI_TENANT_ALIASES = ['common', 'organizations'];

/** The grant types the token endpoint serves (the values of `grant_type`). */
export const GRANT = {
  onBehalfOf: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
  clientCredentials: 'client_credentials',
  refreshToken: 'refresh_token',
  authorizationCode: 'authorization_code',
} as const;
