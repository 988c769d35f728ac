-- A reminder being sent is claimed first (status SENDING) with the claim's time: a second run of
-- the same job sends nothing, and the claim of a run that died while sending expires.
alter table koop_reminder add column claimed_at timestamp;
