/** Dates as school sites print them: the HTML reader's helpers, re-exported for the scorer. */
export { daysBetween, findDates, firstDate, instantToVietnamDate, schoolYearsIn } from '../../html/dates.ts';
