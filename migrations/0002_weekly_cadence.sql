-- The weekly cadence (DESIGN.md §3.4) and what the metrics of §3.9 measure: outreach tasks with their
-- audited events, the weekly runs that create them, and dispatches — which northbound load a truck
-- took after a southbound delivery (the return leg; no dispatch = the truck went home empty).

-- Where a rep works: a rep in Quebec gets French drafts.
ALTER TABLE reps ADD COLUMN region text;

CREATE TABLE outreach_tasks (
  tenant_id            text NOT NULL REFERENCES tenants (tenant_id),
  task_id              text NOT NULL,
  -- Per-tenant counter behind task_id ("T42"): reps type it, so it stays short.
  task_no              integer NOT NULL,
  company_id           text NOT NULL,
  company_name         text,
  tier                 text NOT NULL CHECK (tier IN ('A', 'B')),
  score                double precision NOT NULL,
  zone_label           text,
  origin_label         text NOT NULL,
  origin_region        text NOT NULL,
  dest_region          text NOT NULL,
  equipment            text NOT NULL CHECK (equipment IN ('dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker')),
  state                text NOT NULL
    CHECK (state IN ('new', 'assigned', 'contacted', 'replied', 'quoted', 'booked', 'lost', 'nurture')),
  rep_id               text,
  created_at           timestamptz NOT NULL,
  due_at               timestamptz NOT NULL,
  signal_at            timestamptz NOT NULL,
  sequence_started_at  timestamptz,
  steps_done           integer NOT NULL DEFAULT 0 CHECK (steps_done >= 0),
  next_step_at         timestamptz,
  escalations          integer NOT NULL DEFAULT 0 CHECK (escalations >= 0),
  load_ids             text[] NOT NULL DEFAULT '{}',
  draft                jsonb NOT NULL,
  updated_at           timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, task_id),
  UNIQUE (tenant_id, task_no)
);
CREATE INDEX outreach_tasks_by_company ON outreach_tasks (tenant_id, company_id, created_at);
CREATE INDEX outreach_tasks_by_state ON outreach_tasks (tenant_id, state, rep_id);

-- Append-only: every change to a task, with when, who and why. Never updated or deleted by the product.
CREATE TABLE task_events (
  tenant_id   text NOT NULL,
  event_no    bigint GENERATED ALWAYS AS IDENTITY,
  task_id     text NOT NULL,
  at          timestamptz NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('created', 'transition', 'touch', 'escalation', 'reassignment')),
  from_state  text,
  to_state    text NOT NULL,
  rep_id      text,
  actor       text NOT NULL,
  note        text,
  load_id     text,
  PRIMARY KEY (tenant_id, event_no),
  FOREIGN KEY (tenant_id, task_id) REFERENCES outreach_tasks (tenant_id, task_id)
);
CREATE INDEX task_events_by_task ON task_events (tenant_id, task_id, event_no);

CREATE TABLE cadence_runs (
  tenant_id           text NOT NULL REFERENCES tenants (tenant_id),
  run_no              bigint GENERATED ALWAYS AS IDENTITY,
  as_of               timestamptz NOT NULL,
  ran_at              timestamptz NOT NULL,
  tasks_created       integer NOT NULL,
  prospects_waiting   integer NOT NULL,
  escalated           integer NOT NULL,
  reassigned          integer NOT NULL,
  nurtured            integer NOT NULL,
  -- The rep the last round-robin assignment went to: the next run resumes after them.
  round_robin_cursor  text,
  PRIMARY KEY (tenant_id, run_no)
);

CREATE TABLE dispatches (
  tenant_id       text NOT NULL REFERENCES tenants (tenant_id),
  delivery_id     text NOT NULL,
  truck_id        text NOT NULL,
  load_id         text NOT NULL,
  picked_up_at    timestamptz NOT NULL,
  deadhead_miles  double precision NOT NULL CHECK (deadhead_miles >= 0),
  -- spot: found after delivery on a load board; programme: a committed load from outreach; plan: the optimiser.
  source          text NOT NULL CHECK (source IN ('spot', 'programme', 'plan')),
  created_at      timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, delivery_id),
  UNIQUE (tenant_id, load_id)
);
