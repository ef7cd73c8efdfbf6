-- Instances: Connect-like namespaces. ARNs are arn:<partition>:connect:<region>:<account>:instance/<id>/…
CREATE TABLE instances (
  id          text PRIMARY KEY,
  alias       text NOT NULL UNIQUE,
  partition   text NOT NULL,
  region      text NOT NULL,
  account     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every resource kind in one table: the kinds are data (runtime/src/resources), not schema.
CREATE TABLE resources (
  instance_id text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  kind        text NOT NULL,
  id          text NOT NULL,
  name        text NOT NULL,
  arn         text NOT NULL,
  data        jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, kind, id),
  UNIQUE (instance_id, kind, name)
);
CREATE INDEX resources_arn ON resources (instance_id, arn);

-- Uploaded prompt audio, kept apart so listing prompts never reads the bytes.
CREATE TABLE prompt_audio (
  instance_id text NOT NULL,
  prompt_id   text NOT NULL,
  sha256      text NOT NULL,
  bytes       bytea NOT NULL,
  PRIMARY KEY (instance_id, prompt_id),
  FOREIGN KEY (instance_id) REFERENCES instances (id) ON DELETE CASCADE
);

CREATE TABLE flows (
  instance_id       text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  id                text NOT NULL,
  type              text NOT NULL,
  name              text NOT NULL,
  description       text NOT NULL DEFAULT '',
  arn               text NOT NULL,
  latest_version    integer NOT NULL DEFAULT 0,
  published_version integer,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, id),
  UNIQUE (instance_id, name)
);
CREATE INDEX flows_arn ON flows (instance_id, arn);

-- Immutable. The document is kept as the text that was saved (jsonb would reorder its keys and
-- break byte-for-byte export).
CREATE TABLE flow_versions (
  instance_id text NOT NULL,
  flow_id     text NOT NULL,
  version     integer NOT NULL,
  hash        text NOT NULL,
  author      text NOT NULL,
  message     text NOT NULL DEFAULT '',
  content     text NOT NULL,
  errors      integer NOT NULL,
  warnings    integer NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, flow_id, version),
  FOREIGN KEY (instance_id, flow_id) REFERENCES flows (instance_id, id) ON DELETE CASCADE
);

-- The references of each flow's latest version, for "which flows use queue X".
CREATE TABLE flow_references (
  instance_id text NOT NULL,
  flow_id     text NOT NULL,
  action_id   text NOT NULL,
  parameter   text NOT NULL,
  kind        text NOT NULL,
  value       text NOT NULL,
  target_arn  text,
  FOREIGN KEY (instance_id, flow_id) REFERENCES flows (instance_id, id) ON DELETE CASCADE
);
CREATE INDEX flow_references_target ON flow_references (instance_id, kind, target_arn);
CREATE INDEX flow_references_flow ON flow_references (instance_id, flow_id);

-- Publish and rollback history.
CREATE TABLE publications (
  seq          bigserial PRIMARY KEY,
  instance_id  text NOT NULL,
  flow_id      text NOT NULL,
  version      integer NOT NULL,
  action       text NOT NULL CHECK (action IN ('publish', 'rollback')),
  actor        text NOT NULL,
  at           timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (instance_id, flow_id, version) REFERENCES flow_versions (instance_id, flow_id, version) ON DELETE CASCADE
);

-- API tokens: only a SHA-256 of the secret is kept. instance_id NULL: every instance (admins).
CREATE TABLE tokens (
  id           text PRIMARY KEY,
  instance_id  text REFERENCES instances (id) ON DELETE CASCADE,
  role         text NOT NULL CHECK (role IN ('admin', 'author', 'agent', 'viewer')),
  name         text NOT NULL,
  secret_hash  text NOT NULL UNIQUE,
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);

CREATE TABLE audit (
  seq          bigserial PRIMARY KEY,
  at           timestamptz NOT NULL DEFAULT now(),
  instance_id  text,
  actor        text NOT NULL,
  action       text NOT NULL,
  target       text NOT NULL DEFAULT '',
  detail       jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_instance ON audit (instance_id, seq);

CREATE TABLE contact_records (
  instance_id         text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  contact_id          text NOT NULL,
  initial_contact_id  text,
  initiation_timestamp timestamptz,
  disconnect_timestamp timestamptz,
  record              jsonb NOT NULL,
  PRIMARY KEY (instance_id, contact_id)
);
CREATE INDEX contact_records_time ON contact_records (instance_id, initiation_timestamp DESC);

CREATE TABLE flow_logs (
  seq          bigserial PRIMARY KEY,
  instance_id  text NOT NULL REFERENCES instances (id) ON DELETE CASCADE,
  contact_id   text NOT NULL,
  flow_arn     text NOT NULL,
  at           timestamptz NOT NULL,
  entry        jsonb NOT NULL
);
CREATE INDEX flow_logs_contact ON flow_logs (instance_id, contact_id, seq);
CREATE INDEX flow_logs_flow ON flow_logs (instance_id, flow_arn, at);
CREATE INDEX flow_logs_time ON flow_logs (instance_id, at);
