-- A meeting that will not take place (its collaboration ended): cancelled once, never invited to again.
alter table koop_meeting add column cancelled_at timestamp;
