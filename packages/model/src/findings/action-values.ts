/** The values an action's enums take (declared in schema/findings-records.ts; the first is not the default). */
export const ACTION_PRIORITIES = ['high', 'medium', 'low'] as const;
export const ACTION_KINDS = ['prevent', 'mitigate', 'detect', 'process'] as const;
export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'wont_do'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
