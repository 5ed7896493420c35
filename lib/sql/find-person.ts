import type { PeopleKind } from "@/lib/people/queries";
import { selectPeople } from "@/lib/sql/fragments";

/** One contact or customer by id, as a row of PersonColumnsRow; none when unknown. */
export const findPersonSql = (kind: PeopleKind, id: number) => ({ text: `${selectPeople(kind)} WHERE p.id = $1`, values: [id] });
