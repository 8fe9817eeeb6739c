-- The scoring read (DESIGN.md §3.2, issue 3): what scoring needs of the signals, kept by the database
-- itself as small integers packed per day, so a 105-day read is ~100 rows of bytes instead of millions
-- of text rows to split and intern.
--
-- Dictionaries give each distinct value a per-tenant integer key, dense from 0 in first-learnt order,
-- never reused or renumbered (packed days of other dates keep pointing at them):
--   scoring_companies  company_id
--   scoring_searchers  searcher_id (a signal without one packs −1)
--   scoring_origins    everything a row says about its origin: lat, lon, city, region, market
--   scoring_kinds      destination region, equipment, industry
-- Origins and kinds are unique on a text natural key built with quote_nullable, so NULL and the
-- empty string stay apart and the rebuild joins on one hashable text column.
--
-- signal_scoring_days holds, per (tenant, UTC day), that day's signals as 24-byte big-endian records
-- ordered by (observed ms, signal_id): int8 observed ms | int4 company | int4 searcher | int4 origin
-- | int4 kind. Invariant: for every tenant and day, the row equals what scoring_refresh would build
-- from the signals table now, and a day without signals has no row.
--
-- Statement triggers on signals keep the invariant for every writer (imports, deletes): they collect
-- the days touched (new rows' days; old and new days of updated rows; deleted rows' days) and call
-- scoring_refresh once per tenant. An unchanged re-import updates no signal row, so it touches
-- nothing here either. Existing signals are packed at the end of this migration.

CREATE TABLE scoring_companies (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  company_key  integer NOT NULL,
  company_id   text NOT NULL,
  PRIMARY KEY (tenant_id, company_key),
  UNIQUE (tenant_id, company_id)
);

CREATE TABLE scoring_searchers (
  tenant_id     text NOT NULL REFERENCES tenants (tenant_id),
  searcher_key  integer NOT NULL,
  searcher_id   text NOT NULL,
  PRIMARY KEY (tenant_id, searcher_key),
  UNIQUE (tenant_id, searcher_id)
);

CREATE TABLE scoring_origins (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  origin_key   integer NOT NULL,
  origin_text  text NOT NULL,
  lat          double precision,
  lon          double precision,
  city         text,
  region       text NOT NULL,
  market_id    text,
  PRIMARY KEY (tenant_id, origin_key),
  UNIQUE (tenant_id, origin_text)
);

CREATE TABLE scoring_kinds (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  kind_key     integer NOT NULL,
  kind_text    text NOT NULL,
  dest_region  text NOT NULL,
  equipment    text NOT NULL,
  industry     text,
  PRIMARY KEY (tenant_id, kind_key),
  UNIQUE (tenant_id, kind_text)
);

CREATE TABLE signal_scoring_days (
  tenant_id  text NOT NULL REFERENCES tenants (tenant_id),
  day        integer NOT NULL,
  signals    integer NOT NULL,
  packed     bytea NOT NULL,
  PRIMARY KEY (tenant_id, day),
  CHECK (length(packed) = 24 * signals)
);
-- Stored uncompressed: the read wants the bytes as fast as possible, and small integers compress poorly.
ALTER TABLE signal_scoring_days ALTER COLUMN packed SET STORAGE EXTERNAL;

CREATE FUNCTION scoring_origin_text(lat double precision, lon double precision, city text, region text,
                                    market_id text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat_ws('|', quote_nullable(lat), quote_nullable(lon), quote_nullable(city),
                         quote_nullable(region), quote_nullable(market_id)) $$;

CREATE FUNCTION scoring_kind_text(dest_region text, equipment text, industry text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT concat_ws('|', quote_nullable(dest_region), quote_nullable(equipment), quote_nullable(industry)) $$;

-- Repacks the given UTC days of one tenant from the signals table: learns dictionary keys for values
-- not seen before, then replaces those days' packed rows. O(signals of those days), one pass over
-- them into a narrow temporary table. Callers serialise per tenant (the advisory lock below), so
-- two imports of one tenant never hand out the same key.
CREATE FUNCTION scoring_refresh(p_tenant text, p_days integer[]) RETURNS integer
  LANGUAGE plpgsql AS $$
DECLARE
  lo integer;
  hi integer;
  batch integer;
BEGIN
  SELECT min(d), max(d) INTO lo, hi FROM unnest(p_days) d;
  IF lo IS NULL THEN
    RETURN 0;
  END IF;
  PERFORM pg_advisory_xact_lock(7463022, hashtext(p_tenant));
  DROP TABLE IF EXISTS scoring_batch;
  CREATE TEMP TABLE scoring_batch ON COMMIT DROP AS
    SELECT floor(s.ms / 86400000.0)::integer AS day, s.*
    FROM (
      SELECT (extract(epoch FROM observed_at) * 1000)::bigint AS ms, signal_id, company_id, searcher_id,
             scoring_origin_text(origin_lat, origin_lon, origin_city, origin_region, origin_market_id) AS origin_text,
             scoring_kind_text(dest_region, equipment, industry) AS kind_text,
             origin_lat, origin_lon, origin_city, origin_region, origin_market_id, dest_region, equipment, industry
      FROM signals
      WHERE tenant_id = p_tenant
        AND observed_at >= to_timestamp(lo::double precision * 86400)
        AND observed_at < to_timestamp((hi::double precision + 1) * 86400)
    ) s
    WHERE floor(s.ms / 86400000.0)::integer = ANY (p_days);
  GET DIAGNOSTICS batch = ROW_COUNT;

  INSERT INTO scoring_companies (tenant_id, company_key, company_id)
  SELECT p_tenant, top.k + row_number() OVER (ORDER BY n.company_id), n.company_id
  FROM (SELECT DISTINCT b.company_id FROM scoring_batch b
        WHERE NOT EXISTS (SELECT 1 FROM scoring_companies c
                          WHERE c.tenant_id = p_tenant AND c.company_id = b.company_id)) n,
       (SELECT coalesce(max(company_key), -1) AS k FROM scoring_companies WHERE tenant_id = p_tenant) top;

  INSERT INTO scoring_searchers (tenant_id, searcher_key, searcher_id)
  SELECT p_tenant, top.k + row_number() OVER (ORDER BY n.searcher_id), n.searcher_id
  FROM (SELECT DISTINCT b.searcher_id FROM scoring_batch b
        WHERE b.searcher_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM scoring_searchers c
                          WHERE c.tenant_id = p_tenant AND c.searcher_id = b.searcher_id)) n,
       (SELECT coalesce(max(searcher_key), -1) AS k FROM scoring_searchers WHERE tenant_id = p_tenant) top;

  INSERT INTO scoring_origins (tenant_id, origin_key, origin_text, lat, lon, city, region, market_id)
  SELECT p_tenant, top.k + row_number() OVER (ORDER BY n.origin_text), n.origin_text,
         n.origin_lat, n.origin_lon, n.origin_city, n.origin_region, n.origin_market_id
  FROM (SELECT DISTINCT ON (b.origin_text) b.origin_text, b.origin_lat, b.origin_lon, b.origin_city,
               b.origin_region, b.origin_market_id
        FROM scoring_batch b
        WHERE NOT EXISTS (SELECT 1 FROM scoring_origins c
                          WHERE c.tenant_id = p_tenant AND c.origin_text = b.origin_text)
        ORDER BY b.origin_text) n,
       (SELECT coalesce(max(origin_key), -1) AS k FROM scoring_origins WHERE tenant_id = p_tenant) top;

  INSERT INTO scoring_kinds (tenant_id, kind_key, kind_text, dest_region, equipment, industry)
  SELECT p_tenant, top.k + row_number() OVER (ORDER BY n.kind_text), n.kind_text,
         n.dest_region, n.equipment, n.industry
  FROM (SELECT DISTINCT ON (b.kind_text) b.kind_text, b.dest_region, b.equipment, b.industry
        FROM scoring_batch b
        WHERE NOT EXISTS (SELECT 1 FROM scoring_kinds c
                          WHERE c.tenant_id = p_tenant AND c.kind_text = b.kind_text)
        ORDER BY b.kind_text) n,
       (SELECT coalesce(max(kind_key), -1) AS k FROM scoring_kinds WHERE tenant_id = p_tenant) top;

  IF batch >= 10000 THEN
    -- The dictionaries may have just grown from nothing: fresh statistics before joining them.
    ANALYZE scoring_batch;
    ANALYZE scoring_companies;
    ANALYZE scoring_searchers;
    ANALYZE scoring_origins;
    ANALYZE scoring_kinds;
  END IF;

  DELETE FROM signal_scoring_days WHERE tenant_id = p_tenant AND day = ANY (p_days);
  INSERT INTO signal_scoring_days (tenant_id, day, signals, packed)
  SELECT p_tenant, b.day, count(*)::integer,
         string_agg(int8send(b.ms) || int4send(c.company_key) || int4send(coalesce(s.searcher_key, -1))
                    || int4send(o.origin_key) || int4send(k.kind_key), ''::bytea ORDER BY b.ms, b.signal_id)
  FROM scoring_batch b
  JOIN scoring_companies c ON c.tenant_id = p_tenant AND c.company_id = b.company_id
  LEFT JOIN scoring_searchers s ON s.tenant_id = p_tenant AND s.searcher_id = b.searcher_id
  JOIN scoring_origins o ON o.tenant_id = p_tenant AND o.origin_text = b.origin_text
  JOIN scoring_kinds k ON k.tenant_id = p_tenant AND k.kind_text = b.kind_text
  GROUP BY b.day;

  DROP TABLE scoring_batch;
  RETURN batch;
END
$$;

-- Day numbers of timestamps, as scoring_refresh computes them.
CREATE FUNCTION scoring_day(observed_at timestamptz) RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT floor((extract(epoch FROM observed_at) * 1000)::bigint / 86400000.0)::integer $$;

-- Transition tables may not be shared by one trigger for several events, hence three small triggers.
CREATE FUNCTION scoring_signals_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scoring_refresh(t.tenant_id, t.days)
  FROM (SELECT tenant_id, array_agg(DISTINCT scoring_day(observed_at)) AS days
        FROM scoring_new_signals GROUP BY tenant_id) t;
  RETURN NULL;
END
$$;

CREATE FUNCTION scoring_signals_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scoring_refresh(t.tenant_id, t.days)
  FROM (SELECT tenant_id, array_agg(DISTINCT day) AS days
        FROM (SELECT tenant_id, scoring_day(observed_at) AS day FROM scoring_old_signals
              UNION ALL
              SELECT tenant_id, scoring_day(observed_at) FROM scoring_new_signals) both_sides
        GROUP BY tenant_id) t;
  RETURN NULL;
END
$$;

CREATE FUNCTION scoring_signals_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM scoring_refresh(t.tenant_id, t.days)
  FROM (SELECT tenant_id, array_agg(DISTINCT scoring_day(observed_at)) AS days
        FROM scoring_old_signals GROUP BY tenant_id) t;
  RETURN NULL;
END
$$;

CREATE TRIGGER signals_scoring_insert AFTER INSERT ON signals
  REFERENCING NEW TABLE AS scoring_new_signals
  FOR EACH STATEMENT EXECUTE FUNCTION scoring_signals_inserted();
CREATE TRIGGER signals_scoring_update AFTER UPDATE ON signals
  REFERENCING OLD TABLE AS scoring_old_signals NEW TABLE AS scoring_new_signals
  FOR EACH STATEMENT EXECUTE FUNCTION scoring_signals_updated();
CREATE TRIGGER signals_scoring_delete AFTER DELETE ON signals
  REFERENCING OLD TABLE AS scoring_old_signals
  FOR EACH STATEMENT EXECUTE FUNCTION scoring_signals_deleted();

-- Signals already stored.
SELECT scoring_refresh(t.tenant_id, t.days)
FROM (SELECT tenant_id, array_agg(DISTINCT scoring_day(observed_at)) AS days FROM signals GROUP BY tenant_id) t;
