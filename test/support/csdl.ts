// The CSDL property-name check, for fixture and response tests. It lives in the dev tenant
// (devtenant/tenant/csdl-check.ts) so the Graph emulator's schema self-check can use it too.
export { checkGraphObject, knownGraphTypes } from '../../devtenant/tenant/csdl-check.ts';
