-- Runtime workers sharing this database (each holds a lease it renews), and the last checkpoint of
-- every contact a worker runs: a worker whose lease runs out is adopted by another, which takes its
-- Stasis app and resumes its contacts from here.
CREATE TABLE workers (
  id text PRIMARY KEY,
  app text NOT NULL,
  lease_until timestamptz NOT NULL,
  -- The worker that took this one's app and contacts over; null while it runs itself.
  adopted_by text
);

CREATE TABLE live_contacts (
  contact_id text PRIMARY KEY,
  worker_id text NOT NULL,
  channel_id text NOT NULL,
  dialled text NOT NULL,
  snapshot jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX live_contacts_worker ON live_contacts (worker_id);
