-- The Kommune's own project timeline (Zeitschiene, seed 001): its plan years, fields of action
-- (Handlungsfelder) and activities. Each activity has one period per year column, kept as the
-- Kommune wrote it (period_text) and, where one could be read, as a range (starts_on, ends_on;
-- open_ended for "ab … laufend" and "bis über Projektende hinaus").
create table koop_plan (
    municipality_id varchar(64)  primary key references koop_municipality (id),
    first_year      integer      not null,
    last_year       integer      not null,
    created_at      timestamp    not null,
    constraint ck_koop_plan_years check (last_year >= first_year)
);

create table koop_plan_field (
    id              varchar(64)  primary key,
    municipality_id varchar(64)  not null references koop_plan (municipality_id) on delete cascade,
    position        integer      not null,
    title           varchar(500) not null
);
create index ix_koop_plan_field_municipality on koop_plan_field (municipality_id);

-- status: PLANNED, RUNNING, DONE, POSTPONED; goal_key: a goal (item_key) of the agreement.
create table koop_plan_activity (
    id          varchar(64)   primary key,
    field_id    varchar(64)   not null references koop_plan_field (id) on delete cascade,
    position    integer       not null,
    title       varchar(4000) not null,
    responsible varchar(500),
    status      varchar(16)   not null,
    goal_key    varchar(64)
);
create index ix_koop_plan_activity_field on koop_plan_activity (field_id);

create table koop_plan_period (
    activity_id varchar(64)   not null references koop_plan_activity (id) on delete cascade,
    plan_year   integer       not null,
    period_text varchar(1000) not null,
    starts_on   date,
    ends_on     date,
    open_ended  boolean       not null,
    constraint pk_koop_plan_period primary key (activity_id, plan_year)
);

-- Every change with who and when, and the comments of both sides (kind CHANGE or COMMENT); the
-- activity's title is copied so the entry reads on its own. number counts a Kommune's entries, so
-- entries within the same instant keep their order.
create table koop_plan_change (
    id              varchar(64)   primary key,
    municipality_id varchar(64)   not null references koop_municipality (id),
    number          integer       not null,
    kind            varchar(16)   not null,
    changed_at      timestamp     not null,
    changed_by      varchar(128)  not null,
    activity_title  varchar(4000),
    summary         varchar(4000) not null
);
create index ix_koop_plan_change_municipality on koop_plan_change (municipality_id, changed_at);
