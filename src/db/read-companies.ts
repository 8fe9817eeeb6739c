/** Company facts (name, domain, industry, size) for the given ids, or for every company when ids is null. */
import type { Company } from '../domain/company.ts';
import type { CompanyId, TenantId } from '../domain/ids.ts';
import type { SqlDatabase } from './sql-database.ts';

export async function readCompanies(
  db: SqlDatabase,
  tenantId: TenantId,
  ids: readonly string[] | null,
): Promise<Company[]> {
  const { rows } = await db.query<{
    company_id: string;
    name: string | null;
    domain: string | null;
    industry: string | null;
    employees: number | null;
  }>(
    `SELECT company_id, name, domain, industry, employees FROM companies
     WHERE tenant_id = $1 AND ($2::text[] IS NULL OR company_id = ANY($2::text[]))`,
    [tenantId, ids === null ? null : [...ids]],
  );
  return rows.map((r) => ({
    companyId: r.company_id as CompanyId,
    name: r.name,
    domain: r.domain,
    industry: r.industry,
    employees: r.employees,
  }));
}
