/**
 * Scratch schemas on a PostgreSQL server for one bench run: each measurement that needs a fresh
 * database gets its own `nb_bench_<random>` schema, and every schema handed out is dropped at the end
 * (also when the run fails), so the bench leaves nothing behind on a shared server.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export class ScratchSchemas {
  private readonly created: string[] = [];

  constructor(readonly databaseUrl: string) {}

  /** A new, empty schema's name. */
  async create(): Promise<string> {
    const schema = `nb_bench_${randomBytes(6).toString('hex')}`;
    await this.run(`CREATE SCHEMA ${schema}`);
    this.created.push(schema);
    return schema;
  }

  async dropAll(): Promise<void> {
    if (this.created.length === 0) return;
    await this.run(this.created.map((s) => `DROP SCHEMA IF EXISTS ${s} CASCADE;`).join('\n'));
    this.created.length = 0;
  }

  private async run(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
}
