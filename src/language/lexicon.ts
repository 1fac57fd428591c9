// Word lists that tell what kind of thing a bare name probably is. They only break ties the
// rules cannot: "who is in Salesforce?" (a well-known app — ask) versus "who is in Sales?" (a
// department — a group), "Megan Bowen" (a person) versus "Contoso Legal" (ask).

/** Well-known SaaS apps that tenants register; a name among these is probably an app. */
export const KNOWN_APPS = new Set([
  'salesforce', 'dropbox', 'servicenow', 'workday', 'zoom', 'slack', 'box', 'docusign', 'adobe', 'github', 'gitlab',
  'jira', 'confluence', 'atlassian', 'okta', 'zendesk', 'hubspot', 'tableau', 'sap', 'concur', 'successfactors',
  'coupa', 'aws', 'google', 'linkedin', 'trello', 'asana', 'miro', 'figma', 'canva', 'notion', 'webex', 'smartsheet',
  'freshdesk', 'bamboohr', 'greenhouse', 'netsuite', 'oracle', 'splunk', 'datadog', 'pagerduty', 'wrike', 'airtable',
  'citrix', 'postman', 'openai', 'chatgpt', 'mailchimp', 'marketo', 'egnyte', 'lucidchart', 'monday.com', 'ringcentral',
  'gotomeeting', 'adp', 'ultipro', 'cornerstone', 'veeva', 'sentry', 'snowflake', 'databricks', 'terraform',
]);

/** Microsoft 365 workloads and everyday tools people name when something does not work. */
export const WORKLOADS = new Set([
  'outlook', 'teams', 'sharepoint', 'onedrive', 'exchange', 'email', 'emails', 'mail', 'mailbox', 'calendar', 'word',
  'excel', 'powerpoint', 'onenote', 'planner', 'yammer', 'viva', 'loop', 'forms', 'bookings', 'stream', 'copilot',
  'intune', 'azure', 'office', 'office365', 'o365', 'm365', 'vpn', 'wifi', 'authenticator', 'edge', 'dynamics',
  'powerbi', 'visio', 'skype', 'whiteboard', 'sway', 'todo', 'portal',
]);

/** Two-word workloads, as normalized token pairs. */
export const WORKLOAD_PHRASES: ReadonlyArray<readonly string[]> = [
  ['power', 'bi'], ['power', 'apps'], ['power', 'automate'], ['azure', 'portal'], ['company', 'portal'], ['my', 'apps'],
  ['microsoft', 'teams'], ['office', '365'], ['microsoft', '365'], ['windows', 'hello'], ['viva', 'engage'],
  ['admin', 'center'], ['sharepoint', 'online'], ['exchange', 'online'], ['remote', 'desktop'],
];

/** Last words that make a name a group ("Dropbox Users", "Finance Team"). */
export const GROUP_WORDS = new Set([
  'users', 'group', 'groups', 'team', 'members', 'staff', 'department', 'dept', 'dl', 'everyone', 'employees',
  'committee', 'owners', 'admins', 'managers', 'leads', 'leadership', 'crew', 'squad', 'guild', 'alumni', 'interns',
  'contractors', 'vendors', 'partners', 'project', 'projects', 'channel', 'office', 'board', 'council',
]);

/** Department names that are groups when typed alone ("who is in Sales"). */
export const DEPARTMENTS = new Set([
  'sales', 'marketing', 'finance', 'hr', 'it', 'legal', 'engineering', 'research', 'r&d', 'operations', 'ops',
  'support', 'retail', 'executives', 'execs', 'management', 'accounting', 'purchasing', 'procurement',
  'manufacturing', 'design', 'product', 'facilities', 'compliance', 'communications', 'comms', 'pr', 'security',
  'helpdesk', 'admin', 'administration', 'payroll', 'recruiting', 'training', 'logistics', 'warehouse', 'digital',
]);

/** Words that make a name an app ("Contoso HR Portal", "Expenses API"). */
export const APP_WORDS = new Set([
  'app', 'apps', 'application', 'portal', 'api', 'service', 'connector', 'bot', 'integration', 'sso', 'tool', 'system',
  'platform', 'gateway', 'client', 'web', 'site', 'online', 'cloud', 'hub', 'crm', 'erp', 'sync', 'saas', 'plugin',
  'addin', 'add-in', 'extension', 'daemon', 'backend', 'frontend', 'webhook', 'automation', 'workflow', 'dashboard',
]);

/**
 * Common given names (and the sample tenant's), so "Megan Bowen" or "find Lee" read as a person.
 * A guess, not knowledge: an unknown given name just leads to a clarifying question instead.
 */
export const FIRST_NAMES = new Set([
  // the Contoso sample tenant
  'adele', 'alex', 'allan', 'christie', 'debra', 'diego', 'emily', 'enrico', 'grady', 'henrietta', 'irvin', 'isaiah',
  'johanna', 'joni', 'lee', 'lidia', 'lynne', 'megan', 'miriam', 'nestor', 'patti', 'pradeep', 'raul', 'brian',
  // common given names
  'aaron', 'abigail', 'adam', 'ahmed', 'aisha', 'alan', 'albert', 'alejandro', 'alice', 'alicia', 'amanda', 'amelia',
  'amy', 'ana', 'andrea', 'andrew', 'angela', 'anna', 'anne', 'anthony', 'antonio', 'arjun', 'ashley', 'barbara',
  'ben', 'benjamin', 'beth', 'betty', 'bill', 'bob', 'brandon', 'brenda', 'bruce', 'carl', 'carlos', 'carol',
  'caroline', 'catherine', 'charles', 'charlie', 'charlotte', 'chen', 'chris', 'christina', 'christopher', 'claire',
  'daniel', 'david', 'deborah', 'dennis', 'diana', 'donna', 'dorothy', 'dylan', 'ed', 'edward', 'elena', 'elizabeth',
  'ella', 'emma', 'eric', 'ethan', 'eva', 'fatima', 'frank', 'gabriel', 'gary', 'george', 'grace', 'greg', 'hannah',
  'harry', 'helen', 'henry', 'hiroshi', 'ian', 'isabella', 'jack', 'jacob', 'james', 'jamie', 'jane', 'janet',
  'jason', 'jean', 'jeff', 'jennifer', 'jessica', 'jim', 'joan', 'joe', 'john', 'jon', 'jonathan', 'jose', 'joseph',
  'josh', 'joshua', 'juan', 'judy', 'julia', 'julie', 'justin', 'karen', 'kate', 'katie', 'kelly', 'kevin', 'kim',
  'laura', 'lauren', 'linda', 'lisa', 'liam', 'lucas', 'lucy', 'luis', 'maria', 'mark', 'martin', 'mary', 'matt',
  'matthew', 'maya', 'michael', 'michelle', 'mike', 'mohammed', 'nancy', 'nathan', 'nicole', 'noah', 'olivia',
  'omar', 'oscar', 'pamela', 'patricia', 'paul', 'peter', 'priya', 'rachel', 'rahul', 'rebecca', 'richard',
  'robert', 'roger', 'ruth', 'ryan', 'sam', 'samantha', 'sandra', 'sarah', 'scott', 'sean', 'sharon', 'sophia',
  'sophie', 'stephanie', 'stephen', 'steve', 'steven', 'susan', 'tom', 'thomas', 'tim', 'timothy', 'tina', 'tony',
  'tyler', 'victoria', 'wei', 'william', 'yuki', 'zoe', 'jo', 'sue', 'raj', 'ravi', 'anil', 'sanjay', 'li', 'ming',
]);

/**
 * Everyday words that are one letter from a keyword ("forgot"/"forget", "order"/"older") and
 * must not be "corrected" into one. Together with every list above and the rules' own words.
 */
export const COMMON_WORDS = new Set([
  'forgot', 'order', 'orders', 'night', 'lunch', 'weather', 'coffee', 'machine', 'broken', 'morning', 'evening', 'thanks',
  'please', 'there', 'where', 'would', 'could', 'should', 'about', 'their', 'think', 'today', 'yesterday', 'tomorrow',
  'people', 'person', 'never', 'again', 'still', 'since', 'after', 'before', 'doing', 'going', 'working', 'something',
  'anything', 'laptop', 'computer', 'phone', 'mobile', 'emails', 'meeting', 'meetings', 'printer', 'share', 'shared',
  'folder', 'drive', 'notes', 'change', 'changes', 'changed', 'update', 'updated', 'added', 'removed', 'deleted',
  'created', 'later', 'first', 'second', 'every', 'other', 'another', 'these', 'those', 'whose', 'while', 'until',
  'under', 'above', 'below', 'maybe', 'really', 'right', 'wrong', 'great', 'quick', 'question', 'answer', 'asked',
  'checked', 'looks', 'seems', 'happen', 'happened', 'started', 'stopped', 'allowed', 'needs', 'wants', 'write', 'games',
  'pizza', 'hello', 'watch', 'where', 'worked', 'works', 'issue', 'issues', 'error', 'errors', 'crash', 'crashed',
  'opened', 'closed', 'close', 'login', 'logins', 'sites', 'visit', 'guests', 'invite', 'invited', 'access', 'accessed',
  'company', 'office', 'offices', 'friday', 'monday', 'sunday', 'tuesday', 'thursday', 'saturday', 'wednesday',
  'month', 'months', 'weeks', 'years', 'hours', 'minutes', 'seconds', 'times', 'price', 'prices', 'money', 'story',
  'great', 'sorry', 'happy', 'funny', 'music', 'movie', 'movies', 'sport', 'sports', 'score', 'scores', 'team',
  'microsoft', 'google', 'apple', 'windows', 'linux', 'chrome', 'firefox', 'safari', 'entra', 'azure', 'contoso',
  'fabrikam', 'northwind', 'adventure', 'works', 'tailspin', 'litware', 'wingtip', 'woodgrove', 'alpine', 'proseware',
]);
