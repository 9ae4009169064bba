/**
 * A school's id: the name of its content folder, a route segment of the render and a part of
 * every log line and account. One definition for the loader, the scaffolder and the server.
 */
import { SLUG } from '../util/slug.ts';

/** Route segment under which the host portal is rendered inside a render batch. */
export const HOST_ROUTE = 'host';

/** `thcs-le-loi`: a slug. */
export const SCHOOL_ID = SLUG;

/** A usable school id: a slug, and not the host portal's route segment. */
export function isSchoolId(id: string): boolean {
  return SCHOOL_ID.test(id) && id !== HOST_ROUTE;
}
