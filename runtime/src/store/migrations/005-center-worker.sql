-- Where each worker's API answers, and since when it runs: the longest-running live worker runs the
-- contact centers (queues, agents), and the others hand it their contacts as they reach a queue and
-- forward their agents' requests to it.
ALTER TABLE workers ADD COLUMN url text;
ALTER TABLE workers ADD COLUMN started_at timestamptz NOT NULL DEFAULT now();

-- The agents signed in to the contact centers, with the status each chose: the worker that next
-- runs the centers signs them in again as they were.
CREATE TABLE agent_states (
  instance_id text NOT NULL,
  user_id text NOT NULL,
  status jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (instance_id, user_id)
);
