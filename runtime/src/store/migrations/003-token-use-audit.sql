-- When a token's use was last written to the audit log: uses are audited at most once per
-- interval (runtime/src/server/auth.ts), last_used_at keeps the latest.
ALTER TABLE tokens ADD COLUMN use_audited_at timestamptz;
