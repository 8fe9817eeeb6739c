-- Collaborative pools and the broker (DESIGN.md §3.7): the partners' lanes, and the EDI tenders the
-- broker receives (204) with the responses sent back (990).

-- One row per lane of the lanes file (§7). A partner is whoever the lanes name: partner_id groups them.
-- Cost and rate are private to the partner and the broker; the store filters by partner for partner views.
CREATE TABLE lanes (
  tenant_id        text NOT NULL REFERENCES tenants (tenant_id),
  lane_id          text NOT NULL,
  partner_id       text NOT NULL,
  partner_name     text,
  origin_city      text NOT NULL,
  origin_region    text NOT NULL,
  origin_lat       double precision NOT NULL,
  origin_lon       double precision NOT NULL,
  origin_market_id text,
  dest_city        text NOT NULL,
  dest_region      text NOT NULL,
  dest_lat         double precision NOT NULL,
  dest_lon         double precision NOT NULL,
  dest_market_id   text,
  equipment        text NOT NULL CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  loads_per_week   double precision NOT NULL CHECK (loads_per_week > 0),
  cost_per_load    numeric(14, 2),
  rate_per_load    numeric(14, 2),
  currency         text NOT NULL CHECK (currency IN ('USD', 'CAD')),
  source_hash      text NOT NULL,
  imported_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, lane_id)
);
CREATE INDEX lanes_by_partner ON lanes (tenant_id, partner_id);

-- A 204 tender as received: the load it became (in loads, same load_id), who sent it and what to echo
-- in the 990. The response is written once; a second response to the same tender is refused.
CREATE TABLE tenders (
  tenant_id                 text NOT NULL REFERENCES tenants (tenant_id),
  load_id                   text NOT NULL,
  shipment_id               text NOT NULL,
  scac                      text NOT NULL,
  purpose                   text NOT NULL,
  file_name                 text NOT NULL,
  sender_qualifier          text NOT NULL,
  sender_id                 text NOT NULL,
  receiver_qualifier        text NOT NULL,
  receiver_id               text NOT NULL,
  sender_code               text NOT NULL,
  receiver_code             text NOT NULL,
  reference_list            jsonb NOT NULL,
  received_at               timestamptz NOT NULL,
  response                  text CHECK (response IN ('accept', 'decline')),
  decline_reason            text,
  responded_at              timestamptz,
  -- Per-tenant counter of 990 interchanges, so control numbers never repeat.
  response_control_number   integer,
  PRIMARY KEY (tenant_id, load_id),
  UNIQUE (tenant_id, response_control_number)
);
