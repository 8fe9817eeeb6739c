-- Northbound core tables. Every table carries tenant_id first in its key so a tenant never sees
-- another's rows and the schema can later be distributed by tenant (Citus).
-- source_hash is md5 of the row's content columns: re-importing an unchanged row is a no-op and is
-- counted as "unchanged"; a changed row is updated and counted as "updated".

CREATE TABLE tenants (
  tenant_id   text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE trucks (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  truck_id     text NOT NULL,
  equipment    text NOT NULL CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  home_city    text NOT NULL,
  home_region  text NOT NULL,
  home_lat     double precision NOT NULL,
  home_lon     double precision NOT NULL,
  domicile     text NOT NULL CHECK (domicile IN ('CA', 'US')),
  credentials  text[] NOT NULL DEFAULT '{}',
  source_hash  text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, truck_id)
);

CREATE TABLE deliveries (
  tenant_id         text NOT NULL REFERENCES tenants (tenant_id),
  delivery_id       text NOT NULL,
  truck_id          text NOT NULL,
  origin_city       text,
  origin_region     text,
  dest_city         text NOT NULL,
  dest_region       text NOT NULL,
  dest_zip          text,
  dest_lat          double precision NOT NULL,
  dest_lon          double precision NOT NULL,
  dest_market_id    text,
  dest_resolved_by  text NOT NULL,
  delivered_at      timestamptz NOT NULL,
  equipment         text CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  loaded_miles      double precision,
  revenue           numeric(14, 2),
  currency          text NOT NULL CHECK (currency IN ('USD', 'CAD')),
  source_hash       text NOT NULL,
  imported_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, delivery_id)
);
CREATE INDEX deliveries_by_market ON deliveries (tenant_id, dest_market_id, delivered_at);
CREATE INDEX deliveries_by_truck ON deliveries (tenant_id, truck_id, delivered_at);

CREATE TABLE companies (
  tenant_id      text NOT NULL REFERENCES tenants (tenant_id),
  company_id     text NOT NULL,
  name           text,
  domain         text,
  industry       text,
  employees      integer,
  first_seen_at  timestamptz NOT NULL,
  last_seen_at   timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, company_id)
);

CREATE TABLE signals (
  tenant_id         text NOT NULL REFERENCES tenants (tenant_id),
  signal_id         text NOT NULL,
  observed_at       timestamptz NOT NULL,
  company_id        text NOT NULL,
  searcher_id       text,
  source            text,
  origin_city       text,
  origin_region     text NOT NULL,
  origin_zip        text,
  origin_lat        double precision,
  origin_lon        double precision,
  origin_market_id  text,
  dest_city         text,
  dest_region       text NOT NULL,
  equipment         text NOT NULL CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  industry          text,
  source_hash       text NOT NULL,
  imported_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, signal_id)
);
CREATE INDEX signals_by_company ON signals (tenant_id, company_id, observed_at);
CREATE INDEX signals_by_time ON signals (tenant_id, observed_at);

CREATE TABLE loads (
  tenant_id         text NOT NULL REFERENCES tenants (tenant_id),
  load_id           text NOT NULL,
  shipper_id        text,
  shipper_name      text,
  origin_city       text NOT NULL,
  origin_region     text NOT NULL,
  origin_lat        double precision NOT NULL,
  origin_lon        double precision NOT NULL,
  origin_market_id  text,
  dest_city         text NOT NULL,
  dest_region       text NOT NULL,
  dest_lat          double precision NOT NULL,
  dest_lon          double precision NOT NULL,
  pickup_earliest   timestamptz NOT NULL,
  pickup_latest     timestamptz NOT NULL,
  delivery_latest   timestamptz,
  equipment         text NOT NULL CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  weight_lb         double precision,
  rate              numeric(14, 2) NOT NULL,
  currency          text NOT NULL CHECK (currency IN ('USD', 'CAD')),
  status            text NOT NULL CHECK (status IN ('offered', 'committed', 'booked')),
  requirements      text[] NOT NULL DEFAULT '{}',
  pre_arranged      boolean NOT NULL DEFAULT false,
  source_hash       text NOT NULL,
  imported_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, load_id),
  CHECK (pickup_latest >= pickup_earliest)
);
CREATE INDEX loads_by_pickup ON loads (tenant_id, pickup_earliest);

CREATE TABLE reps (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  rep_id       text NOT NULL,
  name         text NOT NULL,
  email        text,
  territories  text[] NOT NULL DEFAULT '{}',
  capacity     integer NOT NULL CHECK (capacity >= 0),
  source_hash  text NOT NULL,
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rep_id)
);

-- One row per committed import: what came in, when, and what it changed. Rejected imports store
-- nothing (they roll back), so they leave no row here either.
CREATE TABLE import_runs (
  tenant_id    text NOT NULL REFERENCES tenants (tenant_id),
  run_id       bigint GENERATED ALWAYS AS IDENTITY,
  kind         text NOT NULL,
  file_name    text NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz NOT NULL,
  rows_read    integer NOT NULL,
  rows_new     integer NOT NULL,
  rows_updated integer NOT NULL,
  rows_unchanged integer NOT NULL,
  rows_rejected integer NOT NULL,
  PRIMARY KEY (tenant_id, run_id)
);
