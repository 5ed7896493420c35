import { COMPANY_COLUMNS } from "@/lib/sql/fragments";

/** One company by id, as a row of CompanyColumnsRow; none when unknown. */
export const findCompanySql = (id: number) => ({ text: `SELECT ${COMPANY_COLUMNS} FROM companies WHERE id = $1`, values: [id] });
