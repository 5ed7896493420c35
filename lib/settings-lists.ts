/**
 * What the settings lists of an installation's integrations (API keys,
 * punch-out buyers) share. An installation has a handful of each, not
 * thousands; the cap keeps a page bounded even if someone scripts their creation.
 */
export const SETTINGS_LIST_LIMIT = 500;

/** When a row was made and by whom; the name is null once that staff account is gone. */
export interface CreatedBy {
  createdAt: Date;
  createdByName: string | null;
}

/** The select of `CreatedBy`'s columns, for Prisma. */
export const CREATED_BY_SELECT = { createdAt: true, createdByStaff: { select: { name: true } } } as const;

export const createdBy = (row: { createdAt: Date; createdByStaff: { name: string } | null }): CreatedBy => ({
  createdAt: row.createdAt,
  createdByName: row.createdByStaff?.name ?? null,
});
