-- The agency's record of each expert interview of a baseline analysis: who, when and the agency's
-- notes. Kept in the app's own table, not as a process variable, because every task's candidates can
-- read the variables of its process: the Kommune's later tasks would show the agency's notes about
-- its own colleagues. Deleted with the other personal data after the collaboration ended.
create table koop_interview (
    id                  varchar(64)   primary key,
    process_instance_id varchar(64)   not null,
    municipality_id     varchar(64),
    expert_name         varchar(4000) not null,
    expert_role         varchar(4000),
    expert_email        varchar(4000),
    interview_date      date,
    notes               varchar(4000),
    recorded_at         timestamp     not null
);
create index ix_koop_interview_process on koop_interview (process_instance_id);
