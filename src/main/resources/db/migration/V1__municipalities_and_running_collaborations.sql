-- The Kommunen an agency works with. id is a slug and the business key of the collaboration.
create table koop_municipality (
    id            varchar(64)  primary key,
    name          varchar(255) not null,
    federal_state varchar(2)   not null
);

-- One row per running collaboration: the primary key makes a second start for the same
-- Kommune fail inside the starting transaction, even when two starts race.
create table koop_running_collaboration (
    municipality_id     varchar(64) primary key references koop_municipality (id),
    process_instance_id varchar(64) not null,
    started_at          timestamp   not null
);
