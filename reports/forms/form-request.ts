/** What a form is asked for (CLI flags, api query string). */
export interface FormRequest {
  school?: string;
  class?: string;
  period?: string;
  student?: string;
  /** F-DISTRICT: the district id */
  district?: string;
  /** academic year like 2025/2026; default the school's current one */
  year?: string;
  /** YYYY-MM-DD for metric-based forms; default today, or the year's end */
  asOf?: string;
}
