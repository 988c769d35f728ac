-- The Kommune may have the ends of its own activities (koop_plan_activity) reminded of like
-- milestones: off by default, its contacts switch it on on the Zeitplan page. A row means on, since
-- that moment (points in time before it are not reminded of). A table of its own, not a column of
-- koop_plan: this script's version is lower than the plan's (V50).
create table koop_plan_reminders (
    municipality_id varchar(64) primary key references koop_municipality (id),
    since           timestamp   not null
);
