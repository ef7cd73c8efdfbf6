-- An agent token acts as one instance user (the agent panel): the user's resource ID. No foreign
-- key: resources live in one table keyed by kind, and a deleted user's token then finds no user.
ALTER TABLE tokens ADD COLUMN user_id text;
