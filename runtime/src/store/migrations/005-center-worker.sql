-- Where each worker's API answers, and since when it runs: the longest-running live worker runs the
-- contact centers (queues, agents), and the others hand it their contacts as they reach a queue and
-- forward their agents' requests to it.
ALTER TABLE workers ADD COLUMN url text;
ALTER TABLE workers ADD COLUMN started_at timestamptz NOT NULL DEFAULT now();
