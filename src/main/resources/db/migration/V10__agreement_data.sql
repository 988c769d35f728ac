-- The Zielvereinbarung as data. A Kommune has at most one draft (version_number null, status
-- DRAFT) at a time; signing freezes it under its number (status SIGNED) and it is never changed
-- again. A revision starts a new draft as a copy of the version in force. Goals and milestones
-- keep their item_key from version to version, so two versions can be compared item by item.
create table koop_agreement_version (
    id                    varchar(64)   primary key,
    municipality_id       varchar(64)   not null references koop_municipality (id),
    version_number        integer,
    status                varchar(16)   not null,
    document_link         varchar(1000),
    period_start          date,
    period_end            date,
    municipality_contacts varchar(2000),
    agency_contacts       varchar(2000),
    municipality_duties   varchar(5000),
    agency_duties         varchar(5000),
    change_summary        varchar(5000),
    created_at            timestamp     not null,
    signed_on             date,
    constraint uq_koop_agreement_version unique (municipality_id, version_number)
);
create index ix_koop_agreement_version_municipality on koop_agreement_version (municipality_id, status);

-- Anlage 1: the Kommune's goals.
create table koop_agreement_goal (
    id          varchar(64)   primary key,
    version_id  varchar(64)   not null references koop_agreement_version (id) on delete cascade,
    position    integer       not null,
    item_key    varchar(64)   not null,
    priority    varchar(16),
    title       varchar(500)  not null,
    explanation varchar(5000),
    measures    varchar(5000),
    time_frame  varchar(200)
);
create index ix_koop_agreement_goal_version on koop_agreement_goal (version_id);

-- Anlage 2: the milestone plan. due_on is the deadline that reminders follow (null: ongoing).
create table koop_agreement_milestone (
    id                varchar(64)   primary key,
    version_id        varchar(64)   not null references koop_agreement_version (id) on delete cascade,
    position          integer       not null,
    item_key          varchar(64)   not null,
    title             varchar(500)  not null,
    purpose           varchar(2000),
    municipality_part varchar(2000),
    agency_part       varchar(2000),
    period            varchar(200),
    due_on            date,
    status            varchar(16)   not null
);
create index ix_koop_agreement_milestone_version on koop_agreement_milestone (version_id);

-- A milestone closed after signing: the signed version stays as it was; this row says it is done.
create table koop_milestone_closure (
    municipality_id varchar(64)  not null,
    item_key        varchar(64)  not null,
    closed_on       date         not null,
    closed_by       varchar(128),
    constraint pk_koop_milestone_closure primary key (municipality_id, item_key)
);

-- Standortbestimmungen (seed 004): one type per core element, taken in the baseline analysis
-- and in later review meetings, kept with their date.
create table koop_maturity_assessment (
    id              varchar(64)   primary key,
    municipality_id varchar(64)   not null references koop_municipality (id),
    assessed_on     date          not null,
    occasion        varchar(64)   not null,
    note            varchar(5000),
    recorded_at     timestamp     not null,
    recorded_by     varchar(128)
);
create index ix_koop_maturity_assessment_municipality on koop_maturity_assessment (municipality_id, assessed_on);

create table koop_maturity_rating (
    assessment_id varchar(64)   not null references koop_maturity_assessment (id) on delete cascade,
    element_id    varchar(64)   not null,
    level         integer       not null,
    note          varchar(2000),
    constraint pk_koop_maturity_rating primary key (assessment_id, element_id),
    constraint ck_koop_maturity_level check (level between 1 and 4)
);
